// MainWindow's imaging wiring: binds the session (profile, TLS identity, purpose, role) and the
// record's ImagingStudy.endpoint to Session::ImagingController, which chooses the back-end.
#include "mainwindow.h"

#include "patientview.h"
#include "session/imaging/imagingcontroller.h"
#include "session/imaging/studyretrieval.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcImagingWindow, "kakehashi.app.imaging.pacs", QtInfoMsg)

namespace Kakehashi {

void MainWindow::setImagingProfile(const Net::ConnectionProfile &profile)
{
    m_records->setImagingProfile(profile);
}

std::shared_ptr<ImageCache> MainWindow::imageCache()
{
    return m_records->imageCache();
}

std::unique_ptr<Session::StudyRetrieval> MainWindow::makeStudyRetrieval(const QString &studyInstanceUid)
{
    if (m_locked)
        return {};
    // The study as the record on screen describes it: its Endpoint, when it names one.
    Session::StudyEndpoint endpoint;
    if (const PatientRecord *record = m_records->current()) {
        for (const ClinicalItem &item : record->items) {
            if (PatientView::imagingStudyUid(item) == studyInstanceUid && !item.imagingEndpointAddress.isEmpty()) {
                endpoint = {item.imagingEndpointType, QUrl(item.imagingEndpointAddress)};
                break;
            }
        }
    }
    // The session as it is now: profile, TLS identity (the on-card key), purpose and role.
    const Net::ConnectionProfile &profile = m_records->imagingProfile();
    m_imaging->setProfile(profile);
    QString sslError;
    m_imaging->setSslConfiguration(m_cardSession ? m_cardSession->tlsConfiguration(profile, &sslError)
                                                 : profile.sslConfiguration(&sslError));
    if (!sslError.isEmpty())
        qCWarning(lcImagingWindow) << "PACS TLS configuration incomplete";
    m_imaging->setPurpose(m_records->openPurpose());
    QList<QPair<QByteArray, QByteArray>> headers;
    if (m_cardSession && !profile.roleHeader.isEmpty())
        headers.append({profile.roleHeader, m_cardSession->certificate().roleText().toUtf8()});
    m_imaging->setSessionHeaders(headers);
    return m_imaging->makeRetrieval(studyInstanceUid, endpoint);
}

} // namespace Kakehashi
