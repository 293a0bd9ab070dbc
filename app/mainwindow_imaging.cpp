// MainWindow's PACS wiring: which back-end fetches a study of the record (its ImagingStudy.endpoint,
// else the connection profile's DICOMweb URL or DIMSE PACS), with the session's TLS identity and
// purpose of use, through the encrypted image cache.
#include "mainwindow.h"

#include "dicomwebsource.h"
#include "dimsesource.h"
#include "fhirclient.h"
#include "imagecache.h"
#include "imagingpanel.h"
#include "patientview.h"
#include "recordcache.h"
#include "studyretrieval.h"

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

std::unique_ptr<StudyRetrieval> MainWindow::makeStudyRetrieval(const QString &studyInstanceUid)
{
    if (m_locked)
        return {};
    // The study as the record describes it: its Endpoint, when it names one.
    const PatientRecord *record = m_serviceRecordShown ? &m_serviceRecord : m_records.find(m_currentPatient);
    QString endpointType;
    QUrl endpointAddress;
    if (record) {
        for (const ClinicalItem &item : record->items) {
            if (PatientView::imagingStudyUid(item) == studyInstanceUid && !item.imagingEndpointAddress.isEmpty()) {
                endpointType = item.imagingEndpointType;
                endpointAddress = QUrl(item.imagingEndpointAddress);
                break;
            }
        }
    }
    const Net::ConnectionProfile &profile = m_imagingProfile;
    std::unique_ptr<Dicom::ImageSource> source;
    QUrl webBase;
    if (endpointType == u"dicom-wado-rs" && endpointAddress.isValid()
        && (endpointAddress.scheme() == u"https" || endpointAddress.scheme() == u"http"))
        webBase = endpointAddress;
    else if (profile.imagingDicomWebUrl.isValid() && !profile.imagingDicomWebUrl.isEmpty())
        webBase = profile.imagingDicomWebUrl;

    if (webBase.isValid() && !webBase.isEmpty()) {
        Dicom::DicomWebOptions options;
        options.baseUrl = webBase;
        QString sslError;
        if (m_card) {
            options.sslConfiguration = cardSslConfiguration(profile, &sslError); // the on-card key
        } else {
            options.sslConfiguration = profile.sslConfiguration(&sslError);
        }
        if (!sslError.isEmpty())
            qCWarning(lcImagingWindow) << "PACS TLS configuration incomplete";
        // The purpose of the open on screen: an emergency (ETREAT) open fetches its images as one.
        options.purpose = m_openPurpose;
        options.purposeHeaderNames = profile.headers;
        if (m_card && !profile.roleHeader.isEmpty())
            options.extraHeaders.append({profile.roleHeader, m_sessionCertificate.roleText().toUtf8()});
        options.transferTimeoutMs = profile.imagingTimeoutSeconds * 1000;
        source = std::make_unique<Dicom::DicomWebSource>(options);
    } else if (!profile.imagingDimseHost.isEmpty() && profile.imagingDimsePort > 0) {
        Dicom::DimseProfile dimse;
        dimse.host = profile.imagingDimseHost;
        dimse.port = profile.imagingDimsePort;
        dimse.calledAeTitle = profile.imagingDimseCalledAe;
        dimse.callingAeTitle = profile.imagingDimseCallingAe;
        dimse.timeoutSeconds = profile.imagingTimeoutSeconds;
        if (profile.imagingDimseUseMove) {
            dimse.retrieve = Dicom::DimseProfile::Retrieve::CMove;
            dimse.moveDestinationPort = profile.imagingDimseMovePort;
        }
        source = std::make_unique<Dicom::DimseSource>(dimse);
    }
    return std::make_unique<StudyRetrieval>(studyInstanceUid, std::move(source), imageCache());
}

} // namespace Kakehashi
