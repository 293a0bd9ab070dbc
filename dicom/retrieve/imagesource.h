#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>

namespace Kakehashi::Dicom {

// Why a request failed. Turned into a tr() message at the UI edge.
enum class ImageSourceError {
    None,
    Cancelled,
    Timeout,
    Network,     // connection refused, TLS failure, association rejected
    NotFound,    // HTTP 404 or an empty retrieve of a named series
    Server,      // HTTP 4xx/5xx other than 404, DIMSE failure status
    Protocol,    // unparsable answer (bad JSON, bad multipart, missing attributes)
    LocalIo,     // cannot write or read local files
    Unsupported, // the back-end cannot do this
    ServerRevoked, // TLS: the PACS's own stapled certificate status (OCSP) says it is revoked
    ServerStatusMissing, // TLS: the PACS's certificate requires a stapled status (must-staple); none usable came
};

struct ImageSourceStatus
{
    ImageSourceError error = ImageSourceError::None;
    QString errorString; // for logs and details; never contains patient data
    int httpStatus = 0;
    int dimseStatus = -1;
    bool ok() const { return error == ImageSourceError::None; }
};

// Cancels one request from any thread. Copies share the flag.
class CancelToken
{
public:
    void cancel() const { m_flag->store(true); }
    bool isCancelled() const { return m_flag->load(); }
    const std::atomic_bool *flag() const { return m_flag.get(); }

private:
    std::shared_ptr<std::atomic_bool> m_flag = std::make_shared<std::atomic_bool>(false);
};

// Study-level query keys; empty keys are not matched. Wildcards (*, ?) as in DICOM.
struct StudyQuery
{
    QString patientId;
    QString patientName; // Unicode, e.g. 山田^太郎 or YAMADA*
    QString studyInstanceUid;
    QString accessionNumber;
    QString studyDate;   // YYYYMMDD or YYYYMMDD-YYYYMMDD
    int limit = 0;       // 0: no limit
};

struct StudyRecord
{
    QString studyInstanceUid;
    QString patientName; // Unicode, component groups joined by '='
    QString patientId;
    QString studyDate;
    QString studyDescription;
    QString accessionNumber;
    QStringList modalitiesInStudy;
    int numberOfSeries = -1;    // -1: not reported
    int numberOfInstances = -1;
};

struct SeriesRef
{
    QString studyInstanceUid;
    QString seriesInstanceUid;
};

struct SeriesRecord
{
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString modality;
    QString seriesDescription;
    int seriesNumber = 0;
    int numberOfInstances = -1;
};

struct InstanceRecord
{
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString sopInstanceUid;
    QString sopClassUid;
    int instanceNumber = 0;
    int rows = 0;
    int columns = 0;
    // For choosing how to fetch it (0: not reported by the PACS).
    int numberOfFrames = 0;
    int samplesPerPixel = 0;
    int bitsAllocated = 0;
    // The uncompressed size of its pixels from the attributes above; 0 when they were not reported.
    qint64 estimatedPixelBytes() const
    {
        if (numberOfFrames <= 0 || rows <= 0 || columns <= 0)
            return 0;
        return qint64(rows) * columns * std::max(samplesPerPixel, 1) * ((std::max(bitsAllocated, 8) + 7) / 8) * numberOfFrames;
    }
};

// One instance's metadata (DICOM JSON model, PS3.18 F.2) with the identifying attributes read out.
struct InstanceMetadata
{
    InstanceRecord instance;
    QString patientName;
    QJsonObject dataset; // the full DICOM JSON object, tags as keys
};

// One frame of a multi-frame instance, as the PACS sent it.
struct FrameRequest
{
    SeriesRef series;
    QString sopInstanceUid;
    int frame = 0; // 0-based (WADO-RS numbers frames from 1)
};

struct RetrievedFrame
{
    QByteArray pixels;         // native pixel bytes, or one compressed frame
    QString transferSyntaxUid; // of |pixels|
};

struct RetrievedInstance
{
    QString sopInstanceUid; // empty when the back-end did not read it
    QString path;           // set when written to disk
    QByteArray bytes;       // DICOM Part 10 bytes, set when RetrieveRequest::keepBytes
};

struct RetrieveRequest
{
    SeriesRef series;
    QString targetDir;      // where files go; empty: a new temporary directory per request
    bool keepBytes = false; // also return the bytes (DICOMweb only; others read the files back)
    // DICOMweb: keep the instances in memory only (RetrievedInstance::bytes, no path): nothing
    // unencrypted is written to disk. Other back-ends ignore it (DIMSE writes files).
    bool inMemory = false;
    // DICOMweb: only this instance (WADO-RS …/instances/{sop}); empty: the whole series.
    QString sopInstanceUid;
    // Called once per instance as soon as it is complete, on the back-end's thread (the GUI
    // thread for DICOMweb, a worker thread for DIMSE). Keep it short and thread-safe.
    std::function<void(const RetrievedInstance &)> onInstance;
};

template <typename T>
struct ImageSourceResult
{
    ImageSourceStatus status;
    QList<T> items;
    bool ok() const { return status.ok(); }
};

using StudyQueryResult = ImageSourceResult<StudyRecord>;
using SeriesQueryResult = ImageSourceResult<SeriesRecord>;
using InstanceQueryResult = ImageSourceResult<InstanceRecord>;
using RetrieveResult = ImageSourceResult<RetrievedInstance>;
using MetadataResult = ImageSourceResult<InstanceMetadata>;
using FrameResult = ImageSourceResult<RetrievedFrame>;

// What a back-end does with a RetrieveRequest, so callers choose by ability, not by name.
struct ImageSourceTraits
{
    bool inMemory = false;       // honours RetrieveRequest::inMemory: instances as bytes, nothing on disk
    bool singleInstance = false; // honours RetrieveRequest::sopInstanceUid (one instance on its own)
    bool local = false;          // the instances are already on this computer (nothing to cache)
    // Fetches one instance's metadata and its frames one at a time (retrieveInstanceMetadata,
    // retrieveFrame): a large multi-frame instance need not come whole before its first frame shows.
    bool frames = false;
};

// One PACS or one set of local files. Every call is asynchronous and returns a future that
// always finishes with a result (errors are values; cancel gives ImageSourceError::Cancelled).
// Callers attach continuations with a context object (QFuture::then(context, ...)).
class ImageSource
{
public:
    virtual ~ImageSource() = default;
    virtual QString kind() const = 0; // "dicomweb", "dimse", "local": for logs and tests, not for choosing
    virtual ImageSourceTraits traits() const { return {}; }
    virtual QFuture<StudyQueryResult> findStudies(const StudyQuery &query, const CancelToken &cancel = {}) = 0;
    virtual QFuture<SeriesQueryResult> findSeries(const QString &studyInstanceUid, const CancelToken &cancel = {}) = 0;
    virtual QFuture<InstanceQueryResult> findInstances(const SeriesRef &series, const CancelToken &cancel = {}) = 0;
    virtual QFuture<RetrieveResult> retrieveInstances(const RetrieveRequest &request, const CancelToken &cancel = {}) = 0;
    // Only when traits().frames (else they finish with ImageSourceError::Unsupported). Like every
    // call, on the back-end's thread.
    virtual QFuture<MetadataResult> retrieveInstanceMetadata(const SeriesRef &series, const QString &sopInstanceUid,
                                                             const CancelToken &cancel = {});
    virtual QFuture<FrameResult> retrieveFrame(const FrameRequest &request, const CancelToken &cancel = {});
};

// Where the images of a study live: an ImagingStudy.endpoint (connectionType code and address)
// or a DIMSE connection profile.
struct ImageEndpoint
{
    QString connectionType;   // "dicom-wado-rs", "dicom-qido-rs", "dicom-stow-rs", "dicom-dimse", "local"
    QUrl address;             // DICOMweb base URL (…/dicom-web), or file:// for local
    QStringList localPaths;   // local files, folders or DICOMDIRs
    QString calledAeTitle;    // DIMSE peer
    QString host;
    quint16 port = 0;
    QString callingAeTitle = QStringLiteral("KAKEHASHI");
    bool useMove = false;            // C-MOVE to our storage SCP instead of C-GET
    quint16 moveDestinationPort = 0; // our storage SCP for C-MOVE (a port alone also means C-MOVE)
    int timeoutSeconds = 30;
    // DICOMweb: the session's TLS identity (client certificate and key, CA; default: the system's)
    // and headers sent on every request (purpose of use, role, authorization), as given.
    QSslConfiguration sslConfiguration = QSslConfiguration::defaultConfiguration();
    QList<QPair<QByteArray, QByteArray>> headers;
};

struct ImageSourceCreation
{
    std::unique_ptr<ImageSource> source;
    QString errorString;
};

class ImageSourceFactory
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::Dicom::ImageSourceFactory)
public:
    // Chooses the back-end: DICOMweb (with the endpoint's TLS configuration and headers), DIMSE
    // (C-GET, or C-MOVE) or local files, folders and DICOMDIRs.
    static ImageSourceCreation create(const ImageEndpoint &endpoint);
};

// Joins the component groups of a DICOM JSON PN value the way DicomImageInfo does ("A=I=P").
QString joinPersonNameGroups(const QString &alphabetic, const QString &ideographic, const QString &phonetic);

} // namespace Kakehashi::Dicom
