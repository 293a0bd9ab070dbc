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
};

// One instance's WADO-RS metadata (DICOM JSON model) with the identifying attributes read out.
struct InstanceMetadata
{
    InstanceRecord instance;
    QString patientName;
    QJsonObject dataset; // the full DICOM JSON object, tags as keys
};
using MetadataResult = ImageSourceResult<InstanceMetadata>;

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
    ImageSourceTraits traits() const override { return {.inMemory = true, .singleInstance = true, .local = false}; }
    QFuture<StudyQueryResult> findStudies(const StudyQuery &query, const CancelToken &cancel = {}) override;
    QFuture<SeriesQueryResult> findSeries(const QString &studyInstanceUid, const CancelToken &cancel = {}) override;
    QFuture<InstanceQueryResult> findInstances(const SeriesRef &series, const CancelToken &cancel = {}) override;
    // WADO-RS: GET …/studies/{study}/series/{series} (or …/instances/{sop} when the request names
    // one), multipart/related; type="application/dicom".
    QFuture<RetrieveResult> retrieveInstances(const RetrieveRequest &request, const CancelToken &cancel = {}) override;
    // WADO-RS: GET …/studies/{study}/series/{series}/metadata.
    QFuture<MetadataResult> retrieveSeriesMetadata(const SeriesRef &series, const CancelToken &cancel = {});

    // The URL a request goes to (also used by the benchmark to fetch the same resource).
    QUrl seriesUrl(const SeriesRef &series) const;
    QUrl instanceUrl(const SeriesRef &series, const QString &sopInstanceUid) const;
    QByteArray instancesAcceptHeader() const;

private:
    QNetworkReply *get(const QUrl &url, const QByteArray &accept, const CancelToken &cancel);
    QUrl url(const QString &path, const QList<QPair<QString, QString>> &query = {}) const;
    template <typename T>
    QFuture<ImageSourceResult<T>> queryJson(const QUrl &url, const CancelToken &cancel,
                                            std::function<bool(const QJsonObject &, T *)> map);

    DicomWebOptions m_options;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace Kakehashi::Dicom
