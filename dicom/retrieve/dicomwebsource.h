#pragma once

#include "imagesource.h"

#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>


class QNetworkAccessManager;
class QNetworkReply;

namespace Kakehashi::Dicom {

struct DicomWebOptions
{
    QUrl baseUrl; // the DICOMweb root, e.g. https://pacs.example.jp/dicom-web
    // The session's TLS identity (client certificate and key, CA) goes here.
    QSslConfiguration sslConfiguration = QSslConfiguration::defaultConfiguration();
    // Sent on every request as given: the session's purpose of use, role, Authorization. The
    // caller makes them (retrieval knows nothing of the sharing service's header rules).
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    int transferTimeoutMs = 30000;                     // no bytes for this long: Timeout
    // WADO-RS transfer-syntax parameter; "*" asks for the stored syntax (no transcoding).
    QByteArray transferSyntax = "*";
    // For frames (…/frames/{n}): "*" takes each frame as stored (Orthanc 1.10 then answers
    // image/jpeg, image/jls, … with the syntax named in the part); empty asks for the default,
    // uncompressed explicit VR little endian (the server transcodes).
    QByteArray frameTransferSyntax = "*";
};


// QIDO-RS queries and WADO-RS retrieval through QNetworkAccessManager. Lives on (and must be
// used from) the thread that created it, normally the GUI thread; all I/O is asynchronous.
class DicomWebSource : public QObject, public ImageSource
{
    Q_OBJECT
public:
    explicit DicomWebSource(const DicomWebOptions &options, QObject *parent = nullptr);
    ~DicomWebSource() override;

    const DicomWebOptions &options() const { return m_options; }

    QString kind() const override { return QStringLiteral("dicomweb"); }
    ImageSourceTraits traits() const override { return {.inMemory = true, .singleInstance = true, .local = false, .frames = true}; }
    QFuture<StudyQueryResult> findStudies(const StudyQuery &query, const CancelToken &cancel = {}) override;
    QFuture<SeriesQueryResult> findSeries(const QString &studyInstanceUid, const CancelToken &cancel = {}) override;
    QFuture<InstanceQueryResult> findInstances(const SeriesRef &series, const CancelToken &cancel = {}) override;
    // WADO-RS: GET …/studies/{study}/series/{series} (or …/instances/{sop} when the request names
    // one), multipart/related; type="application/dicom".
    QFuture<RetrieveResult> retrieveInstances(const RetrieveRequest &request, const CancelToken &cancel = {}) override;
    // WADO-RS: GET …/studies/{study}/series/{series}/metadata.
    QFuture<MetadataResult> retrieveSeriesMetadata(const SeriesRef &series, const CancelToken &cancel = {});
    // WADO-RS: GET …/instances/{sop}/metadata (one item).
    QFuture<MetadataResult> retrieveInstanceMetadata(const SeriesRef &series, const QString &sopInstanceUid,
                                                     const CancelToken &cancel = {}) override;
    // WADO-RS: GET …/instances/{sop}/frames/{frame + 1}, multipart/related; the first part is the frame.
    QFuture<FrameResult> retrieveFrame(const FrameRequest &request, const CancelToken &cancel = {}) override;

    // Requests sent so far, by kind (what a test counts: frames asked for, never the whole instance).
    enum class RequestKind { Query, Metadata, Instances, Frame };
    int requestCount(RequestKind kind) const;

    // The URL a request goes to (also used by the benchmark to fetch the same resource).
    QUrl seriesUrl(const SeriesRef &series) const;
    QUrl instanceUrl(const SeriesRef &series, const QString &sopInstanceUid) const;
    QByteArray instancesAcceptHeader() const;
    QByteArray framesAcceptHeader() const;

private:
    QNetworkReply *get(const QUrl &url, const QByteArray &accept, const CancelToken &cancel, RequestKind kind);
    QUrl url(const QString &path, const QList<QPair<QString, QString>> &query = {}) const;
    template <typename T>
    QFuture<ImageSourceResult<T>> queryJson(const QUrl &url, const CancelToken &cancel,
                                            std::function<bool(const QJsonObject &, T *)> map);

    DicomWebOptions m_options;
    QNetworkAccessManager *m_network = nullptr;
    int m_requests[4] = {};
};

} // namespace Kakehashi::Dicom
