// MainWindow's imaging wiring: binds the session (profile, TLS identity, purpose, role) and the
// record's ImagingStudy.endpoint to Session::ImagingController, which chooses the back-end.
#include "mainwindow.h"

#include "imagecache.h"
#include "patientview.h"
#include "recordcache.h"
#include "session/imaging/imagingcontroller.h"
#include "session/imaging/studyretrieval.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcImagingWindow, "kakehashi.app.imaging.pacs", QtInfoMsg)

namespace Kakehashi {

namespace {

// The record cache's session key when a service is connected; else one made the same way (random
// per session; in test mode KAKEHASHI_TEST_CACHE_KEY, as in mainwindow_service.cpp).
QByteArray newSessionKey()
{
    if (QStandardPaths::isTestModeEnabled()) {
        const QByteArray key = QByteArray::fromHex(qgetenv("KAKEHASHI_TEST_CACHE_KEY"));
        if (key.size() == RecordCache::KeyBytes)
            return key;
    }
    QByteArray key(RecordCache::KeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), RecordCache::KeyBytes / int(sizeof(quint32)));
    return key;
}

} // namespace

void MainWindow::setImagingProfile(const Net::ConnectionProfile &profile)
{
    m_imagingProfile = profile;
    if (m_imageCache) {
        m_imageCache->setBudgetBytes(qint64(profile.imageCacheBudgetMb) * 1024 * 1024);
        m_imageCache->setTtlSeconds(qint64(profile.cacheTtlDays) * 24 * 3600);
    }
}

std::shared_ptr<ImageCache> MainWindow::imageCache()
{
    if (m_imageCache)
        return m_imageCache;
    if (m_imageCacheKey.size() != RecordCache::KeyBytes && m_cacheKey.size() != RecordCache::KeyBytes)
        m_cacheKey = newSessionKey();
    const QByteArray &key = m_imageCacheKey.size() == RecordCache::KeyBytes ? m_imageCacheKey : m_cacheKey;
    const QString user = m_sessionIdentity.name.isEmpty() ? QStringLiteral("anonymous") : m_sessionIdentity.name;
    auto cache = std::make_shared<ImageCache>(
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/image-cache"), key, user);
    cache->setBudgetBytes(qint64(m_imagingProfile.imageCacheBudgetMb) * 1024 * 1024);
    cache->setTtlSeconds(qint64(m_imagingProfile.cacheTtlDays) * 24 * 3600);
    m_imageCache = cache;
    // TTL and budget housekeeping, off the GUI thread.
    (void)QtConcurrent::run([cache] {
        QString error;
        if (cache->purgeExpired(QDateTime::currentDateTimeUtc(), &error) < 0)
            qCWarning(lcImagingWindow) << "image cache purge failed";
    });
    return m_imageCache;
}

std::unique_ptr<Session::StudyRetrieval> MainWindow::makeStudyRetrieval(const QString &studyInstanceUid)
{
    if (m_locked)
        return {};
    // The study as the record describes it: its Endpoint, when it names one.
    const PatientRecord *record = m_serviceRecordShown ? &m_serviceRecord : m_records.find(m_currentPatient);
    Session::StudyEndpoint endpoint;
    if (record) {
        for (const ClinicalItem &item : record->items) {
            if (PatientView::imagingStudyUid(item) == studyInstanceUid && !item.imagingEndpointAddress.isEmpty()) {
                endpoint = {item.imagingEndpointType, QUrl(item.imagingEndpointAddress)};
                break;
            }
        }
    }
    // The session as it is now: profile, TLS identity (the on-card key), purpose and role.
    m_imaging->setProfile(m_imagingProfile);
    QString sslError;
    m_imaging->setSslConfiguration(m_cardSession ? cardSslConfiguration(m_imagingProfile, &sslError)
                                          : m_imagingProfile.sslConfiguration(&sslError));
    if (!sslError.isEmpty())
        qCWarning(lcImagingWindow) << "PACS TLS configuration incomplete";
    m_imaging->setPurpose(m_openPurpose);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (m_cardSession && !m_imagingProfile.roleHeader.isEmpty())
        headers.append({m_imagingProfile.roleHeader, m_cardSession->certificate().roleText().toUtf8()});
    m_imaging->setSessionHeaders(headers);
    return m_imaging->makeRetrieval(studyInstanceUid, endpoint);
}

} // namespace Kakehashi
