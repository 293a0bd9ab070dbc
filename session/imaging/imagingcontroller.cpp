#include "session/imaging/imagingcontroller.h"

#include "session/imaging/studyretrieval.h"

#include "session/cardsession.h"
#include "session/recordcontroller.h"

#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcImagingSession, "kakehashi.session.imaging", QtInfoMsg)

namespace Kakehashi::Session {

namespace {

bool isWebUrl(const QUrl &url)
{
    return url.isValid() && !url.isEmpty() && (url.scheme() == u"https" || url.scheme() == u"http");
}

} // namespace

ImagingController::ImagingController(QObject *parent) : QObject(parent)
{
    connect(&m_locateWatcher, &QFutureWatcher<ImagingStudyLocator::Result>::finished, this, &ImagingController::onLocated);
}

ImagingController::~ImagingController()
{
    m_locateWatcher.waitForFinished();
    m_retrieval.reset();
}

void ImagingController::setProfile(const Net::ConnectionProfile &profile)
{
    m_profile = profile;
}

void ImagingController::followRecords(RecordController *records)
{
    setImageCacheProvider([records] { return records->imageCache(); });
    setRetrievalFactory([this, records](const QString &studyInstanceUid) -> std::unique_ptr<StudyRetrieval> {
        if (records->isLocked())
            return {};
        // The study as the record on screen describes it: its Endpoint, when it names one.
        StudyEndpoint endpoint;
        if (const PatientRecord *record = records->current()) {
            for (const ClinicalItem &item : record->items) {
                if (item.imagingStudyUid() == studyInstanceUid && !item.imagingEndpointAddress.isEmpty()) {
                    endpoint = {item.imagingEndpointType, QUrl(item.imagingEndpointAddress)};
                    break;
                }
            }
        }
        // The session as it is now: profile, TLS identity (the on-card key), purpose and role.
        const Net::ConnectionProfile &profile = records->imagingProfile();
        CardSession *card = records->cardSession();
        setProfile(profile);
        QString sslError;
        setSslConfiguration(card ? card->tlsConfiguration(profile, &sslError) : profile.sslConfiguration(&sslError));
        if (!sslError.isEmpty())
            qCWarning(lcImagingSession) << "PACS TLS configuration incomplete";
        setPurpose(records->openPurpose());
        QList<QPair<QByteArray, QByteArray>> headers;
        if (card && !profile.roleHeader.isEmpty())
            headers.append({profile.roleHeader, card->certificate().roleText().toUtf8()});
        setSessionHeaders(headers);
        return makeRetrieval(studyInstanceUid, endpoint);
    });
}

QString ImagingController::firstStudyOf(const PatientRecord &record)
{
    QString first;
    for (const ClinicalItem &item : record.items) {
        const QString uid = item.imagingStudyUid();
        if (uid.isEmpty())
            continue;
        if (item.subtype.split(u'/').contains(QStringLiteral("CT")))
            return uid;
        if (first.isEmpty())
            first = uid;
    }
    return first;
}

Dicom::ImageEndpoint ImagingController::endpointFor(const StudyEndpoint &recordEndpoint) const
{
    Dicom::ImageEndpoint endpoint;
    endpoint.timeoutSeconds = m_profile.imagingTimeoutSeconds;
    QUrl webBase;
    // Only a web address is taken from the record: a record never points the viewer at local files.
    if (recordEndpoint.connectionType == u"dicom-wado-rs" && isWebUrl(recordEndpoint.address))
        webBase = recordEndpoint.address;
    else if (isWebUrl(m_profile.imagingDicomWebUrl))
        webBase = m_profile.imagingDicomWebUrl;

    if (!webBase.isEmpty()) {
        endpoint.connectionType = QStringLiteral("dicom-wado-rs");
        endpoint.address = webBase;
        endpoint.sslConfiguration = m_ssl;
        endpoint.headers = Net::purposeHeaders(m_purpose, m_profile.headers) + m_sessionHeaders;
    } else if (!m_profile.imagingDimseHost.isEmpty() && m_profile.imagingDimsePort > 0) {
        endpoint.connectionType = QStringLiteral("dicom-dimse");
        endpoint.host = m_profile.imagingDimseHost;
        endpoint.port = m_profile.imagingDimsePort;
        endpoint.calledAeTitle = m_profile.imagingDimseCalledAe;
        endpoint.callingAeTitle = m_profile.imagingDimseCallingAe;
        endpoint.useMove = m_profile.imagingDimseUseMove;
        endpoint.moveDestinationPort = m_profile.imagingDimseUseMove ? m_profile.imagingDimseMovePort : 0;
    } else if (!m_localPaths.isEmpty() || !m_profile.imagingLocalFolders.isEmpty()) {
        endpoint.connectionType = QStringLiteral("local");
        endpoint.localPaths = m_localPaths.isEmpty() ? m_profile.imagingLocalFolders : m_localPaths;
    }
    return endpoint;
}

std::unique_ptr<Dicom::ImageSource> ImagingController::makeSource(const StudyEndpoint &recordEndpoint, QString *error) const
{
    const Dicom::ImageEndpoint endpoint = endpointFor(recordEndpoint);
    if (endpoint.connectionType.isEmpty())
        return {};
    Dicom::ImageSourceCreation created = Dicom::ImageSourceFactory::create(endpoint);
    if (!created.source) {
        qCWarning(lcImagingSession) << "image back-end not usable:" << endpoint.connectionType;
        if (error)
            *error = created.errorString;
    }
    return std::move(created.source);
}

std::unique_ptr<StudyRetrieval> ImagingController::makeRetrieval(const QString &studyInstanceUid, const StudyEndpoint &recordEndpoint)
{
    std::unique_ptr<Dicom::ImageSource> source = makeSource(recordEndpoint);
    // Local files are already on this computer: they are not copied into the cache.
    const bool local = source && source->traits().local;
    std::shared_ptr<ImageCache> cache = (!local && m_cacheProvider) ? m_cacheProvider() : nullptr;
    auto retrieval = std::make_unique<StudyRetrieval>(studyInstanceUid, std::move(source), std::move(cache));
    retrieval->setFrameByFrameBytes(m_frameByFrameBytes);
    return retrieval;
}

void ImagingController::openStudy(const QString &studyInstanceUid)
{
    closeStudy();
    m_studyUid = studyInstanceUid;
    m_locating = true;
    // A request made while another is still searching replaces it: onLocated() drops results for
    // a study that is no longer wanted.
    const ImagingStudyLocator locator = m_locator;
    m_locateWatcher.setFuture(QtConcurrent::run([locator, studyInstanceUid] { return locator.locate(studyInstanceUid); }));
}

void ImagingController::onLocated()
{
    const ImagingStudyLocator::Result result = m_locateWatcher.result();
    if (result.studyInstanceUid != m_studyUid || !m_locating)
        return;
    m_locating = false;
    if (!result.errors.isEmpty())
        qCInfo(lcImagingSession) << result.errors.size() << "files of the study could not be read";
    m_located = result.series;
    Q_EMIT located(!m_located.isEmpty());
    if (m_located.isEmpty() && m_retrievalFactory)
        startRetrieval();
}

void ImagingController::startRetrieval()
{
    m_retrieval = m_retrievalFactory(m_studyUid);
    if (!m_retrieval) {
        Q_EMIT retrievalUnavailable();
        return;
    }
    StudyRetrieval *retrieval = m_retrieval.get();
    connect(retrieval, &StudyRetrieval::instanceArrived, this,
            [this, retrieval](int received) { Q_EMIT seriesChanged(received, retrieval->expectedInstances()); });
    connect(retrieval, &StudyRetrieval::finished, this, &ImagingController::retrievalFinished);
    connect(retrieval, &StudyRetrieval::cacheStoreFailed, this, &ImagingController::cacheStoreFailed);
    Q_EMIT retrievalStarted();
    retrieval->start();
}

bool ImagingController::isRetrieving() const
{
    return m_retrieval && m_retrieval->isRunning();
}

QList<Dicom::DicomSliceRef> ImagingController::otherObjects() const
{
    return m_retrieval ? m_retrieval->otherObjects() : QList<Dicom::DicomSliceRef>();
}

QList<Dicom::DicomSeries> ImagingController::series() const
{
    return m_retrieval ? m_retrieval->series() : m_located;
}

void ImagingController::closeStudy()
{
    m_locating = false;
    m_located.clear();
    m_studyUid.clear();
    if (m_retrieval) {
        m_retrieval->disconnect(this);
        m_retrieval->cancel();
    }
    m_retrieval.reset();
}

} // namespace Kakehashi::Session
