#include "dicomwebsource.h"

#include "dicom/dicomfetchedframes.h"
#include "dicom/dicomframedecoder.h"
#include "multipartrelated.h"
#include "net/serverstatus.h"
#include "retrievelog.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>

namespace Kakehashi::Dicom {

namespace {

// DICOM JSON model (PS3.18 F.2): {"0020000D": {"vr": "UI", "Value": ["1.2.3"]}}.
QJsonValue firstValue(const QJsonObject &dataset, const char *tag)
{
    return dataset.value(QLatin1String(tag)).toObject().value(QLatin1String("Value")).toArray().first();
}

QString jsonString(const QJsonObject &dataset, const char *tag)
{
    const QJsonValue v = firstValue(dataset, tag);
    return v.isDouble() ? QString::number(v.toDouble()) : v.toString();
}

int jsonInt(const QJsonObject &dataset, const char *tag, int fallback)
{
    const QJsonValue v = firstValue(dataset, tag);
    if (v.isDouble())
        return v.toInt();
    bool ok = false;
    const int i = v.toString().trimmed().toInt(&ok);
    return ok ? i : fallback;
}

QStringList jsonStrings(const QJsonObject &dataset, const char *tag)
{
    QStringList out;
    const QJsonArray values = dataset.value(QLatin1String(tag)).toObject().value(QLatin1String("Value")).toArray();
    for (const QJsonValue &v : values)
        out << v.toString();
    return out;
}

QString jsonPersonName(const QJsonObject &dataset, const char *tag)
{
    const QJsonObject pn = firstValue(dataset, tag).toObject();
    return joinPersonNameGroups(pn.value(QLatin1String("Alphabetic")).toString(),
                                pn.value(QLatin1String("Ideographic")).toString(),
                                pn.value(QLatin1String("Phonetic")).toString());
}

bool mapStudy(const QJsonObject &o, StudyRecord *s)
{
    s->studyInstanceUid = jsonString(o, "0020000D");
    s->patientName = jsonPersonName(o, "00100010");
    s->patientId = jsonString(o, "00100020");
    s->studyDate = jsonString(o, "00080020");
    s->studyDescription = jsonString(o, "00081030");
    s->accessionNumber = jsonString(o, "00080050");
    s->modalitiesInStudy = jsonStrings(o, "00080061");
    s->numberOfSeries = jsonInt(o, "00201206", -1);
    s->numberOfInstances = jsonInt(o, "00201208", -1);
    return !s->studyInstanceUid.isEmpty();
}

bool mapSeries(const QJsonObject &o, SeriesRecord *s)
{
    s->studyInstanceUid = jsonString(o, "0020000D");
    s->seriesInstanceUid = jsonString(o, "0020000E");
    s->modality = jsonString(o, "00080060");
    s->seriesDescription = jsonString(o, "0008103E");
    s->seriesNumber = jsonInt(o, "00200011", 0);
    s->numberOfInstances = jsonInt(o, "00201209", -1);
    return !s->seriesInstanceUid.isEmpty();
}

bool mapInstance(const QJsonObject &o, InstanceRecord *i)
{
    i->studyInstanceUid = jsonString(o, "0020000D");
    i->seriesInstanceUid = jsonString(o, "0020000E");
    i->sopInstanceUid = jsonString(o, "00080018");
    i->sopClassUid = jsonString(o, "00080016");
    i->instanceNumber = jsonInt(o, "00200013", 0);
    i->rows = jsonInt(o, "00280010", 0);
    i->columns = jsonInt(o, "00280011", 0);
    i->numberOfFrames = jsonInt(o, "00280008", 0);
    i->samplesPerPixel = jsonInt(o, "00280002", 0);
    i->bitsAllocated = jsonInt(o, "00280100", 0);
    return !i->sopInstanceUid.isEmpty();
}

ImageSourceStatus replyStatus(QNetworkReply *reply, const CancelToken &cancel)
{
    ImageSourceStatus status;
    status.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (cancel.isCancelled()) {
        status.error = ImageSourceError::Cancelled;
        status.errorString = QStringLiteral("cancelled");
        return status;
    }
    const QNetworkReply::NetworkError e = reply->error();
    if (e == QNetworkReply::NoError && status.httpStatus >= 200 && status.httpStatus < 300)
        return status;
    status.errorString = reply->errorString();
    if (e == QNetworkReply::SslHandshakeFailedError && Net::serverCertificateRevoked(reply))
        status.error = ImageSourceError::ServerRevoked;
    else if (e == QNetworkReply::SslHandshakeFailedError && Net::serverStatusMissing(reply))
        status.error = ImageSourceError::ServerStatusMissing;
    else if (e == QNetworkReply::TimeoutError || e == QNetworkReply::OperationCanceledError)
        status.error = ImageSourceError::Timeout; // transfer timeout (we did not cancel)
    else if (status.httpStatus == 404)
        status.error = ImageSourceError::NotFound;
    else if (status.httpStatus >= 300)
        status.error = ImageSourceError::Server;
    else
        status.error = ImageSourceError::Network;
    return status;
}

// The type parameter of a multipart/related Content-Type (quoted, it may hold ';').
QByteArray typeParameter(const QByteArray &contentType)
{
    const qsizetype at = contentType.toLower().indexOf("type=", contentType.indexOf(';'));
    if (at < 0)
        return {};
    QByteArray value = contentType.mid(at + 5).trimmed();
    if (value.startsWith('"')) {
        const qsizetype end = value.indexOf('"', 1);
        return end > 0 ? value.mid(1, end - 1) : QByteArray();
    }
    return value.left(value.indexOf(';')).trimmed();
}

template <typename R>
QFuture<R> finished(R result)
{
    QPromise<R> promise;
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return promise.future();
}

} // namespace

DicomWebSource::DicomWebSource(const DicomWebOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setAutoDeleteReplies(true);
}

DicomWebSource::~DicomWebSource() = default;

QUrl DicomWebSource::url(const QString &path, const QList<QPair<QString, QString>> &query) const
{
    QUrl u = m_options.baseUrl;
    QString base = u.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    u.setPath(base + path);
    if (!query.isEmpty()) {
        QUrlQuery q;
        q.setQueryItems(query);
        u.setQuery(q);
    }
    return u;
}

QUrl DicomWebSource::seriesUrl(const SeriesRef &series) const
{
    return url(QStringLiteral("/studies/%1/series/%2").arg(series.studyInstanceUid, series.seriesInstanceUid));
}

QUrl DicomWebSource::instanceUrl(const SeriesRef &series, const QString &sopInstanceUid) const
{
    return url(QStringLiteral("/studies/%1/series/%2/instances/%3").arg(series.studyInstanceUid, series.seriesInstanceUid, sopInstanceUid));
}

QByteArray DicomWebSource::instancesAcceptHeader() const
{
    QByteArray accept = "multipart/related; type=\"application/dicom\"";
    if (!m_options.transferSyntax.isEmpty())
        accept += "; transfer-syntax=" + m_options.transferSyntax;
    return accept;
}

QByteArray DicomWebSource::framesAcceptHeader() const
{
    QByteArray accept = "multipart/related; type=\"application/octet-stream\"";
    if (!m_options.frameTransferSyntax.isEmpty())
        accept += "; transfer-syntax=" + m_options.frameTransferSyntax;
    return accept;
}

int DicomWebSource::requestCount(RequestKind kind) const
{
    return m_requests[int(kind)];
}

QNetworkReply *DicomWebSource::get(const QUrl &url, const QByteArray &accept, const CancelToken &cancel, RequestKind kind)
{
    ++m_requests[int(kind)];
    QNetworkRequest request(url);
    request.setRawHeader("Accept", accept);
    request.setSslConfiguration(m_options.sslConfiguration);
    request.setTransferTimeout(m_options.transferTimeoutMs);
    for (const auto &h : m_options.extraHeaders)
        request.setRawHeader(h.first, h.second);
    // The path holds study/series UIDs (identifiers): only the host is logged.
    qCDebug(lcDicomRetrieve) << "GET from" << url.host();
    // The PACS's stapled certificate status is asked for, as the sharing service's (serverstatus.h).
    QNetworkReply *reply = Net::getWithServerStatus(m_network, request);
    // QNAM has no thread-safe abort, so the reply polls the caller's token.
    auto *poll = new QTimer(reply);
    poll->setInterval(50);
    connect(poll, &QTimer::timeout, reply, [reply, cancel] {
        if (cancel.isCancelled() && reply->isRunning())
            reply->abort();
    });
    poll->start();
    return reply;
}

template <typename T>
QFuture<ImageSourceResult<T>> DicomWebSource::queryJson(const QUrl &u, const CancelToken &cancel,
                                                        std::function<bool(const QJsonObject &, T *)> map)
{
    using Result = ImageSourceResult<T>;
    auto promise = std::make_shared<QPromise<Result>>();
    promise->start();
    QNetworkReply *reply = get(u, "application/dicom+json", cancel,
                               u.path().endsWith(QLatin1String("/metadata")) ? RequestKind::Metadata : RequestKind::Query);
    connect(reply, &QNetworkReply::finished, this, [reply, cancel, promise, map] {
        Result result;
        result.status = replyStatus(reply, cancel);
        if (result.ok() && result.status.httpStatus != 204) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &parseError);
            if (!doc.isArray()) {
                result.status.error = ImageSourceError::Protocol;
                result.status.errorString = QStringLiteral("DICOM JSON answer is not an array: %1").arg(parseError.errorString());
            } else {
                const QJsonArray array = doc.array();
                for (const QJsonValue &v : array) {
                    T item;
                    if (map(v.toObject(), &item))
                        result.items.append(std::move(item));
                }
            }
        }
        promise->addResult(std::move(result));
        promise->finish();
    });
    return promise->future();
}

QFuture<StudyQueryResult> DicomWebSource::findStudies(const StudyQuery &query, const CancelToken &cancel)
{
    QList<QPair<QString, QString>> q;
    const auto add = [&q](const char *key, const QString &value) {
        if (!value.isEmpty())
            q.append({QLatin1String(key), value});
    };
    add("PatientID", query.patientId);
    add("PatientName", query.patientName);
    add("StudyInstanceUID", query.studyInstanceUid);
    add("AccessionNumber", query.accessionNumber);
    add("StudyDate", query.studyDate);
    if (query.limit > 0)
        add("limit", QString::number(query.limit));
    for (const char *field : {"00081030", "00080061", "00201206", "00201208"})
        add("includefield", QLatin1String(field));
    return queryJson<StudyRecord>(url(QStringLiteral("/studies"), q), cancel, mapStudy);
}

QFuture<SeriesQueryResult> DicomWebSource::findSeries(const QString &studyInstanceUid, const CancelToken &cancel)
{
    const QList<QPair<QString, QString>> q{{QStringLiteral("includefield"), QStringLiteral("0008103E")},
                                           {QStringLiteral("includefield"), QStringLiteral("00201209")}};
    return queryJson<SeriesRecord>(url(QStringLiteral("/studies/%1/series").arg(studyInstanceUid), q), cancel, mapSeries);
}

QFuture<InstanceQueryResult> DicomWebSource::findInstances(const SeriesRef &series, const CancelToken &cancel)
{
    // Rows, Columns, Number of Frames, Samples per Pixel, Bits Allocated: enough to tell a large
    // multi-frame instance, to be fetched frame by frame, from the rest.
    QList<QPair<QString, QString>> q;
    for (const char *field : {"00280010", "00280011", "00280008", "00280002", "00280100"})
        q.append({QStringLiteral("includefield"), QLatin1String(field)});
    return queryJson<InstanceRecord>(
        url(QStringLiteral("/studies/%1/series/%2/instances").arg(series.studyInstanceUid, series.seriesInstanceUid), q),
        cancel, mapInstance);
}

QFuture<MetadataResult> DicomWebSource::retrieveSeriesMetadata(const SeriesRef &series, const CancelToken &cancel)
{
    return queryJson<InstanceMetadata>(
        url(QStringLiteral("/studies/%1/series/%2/metadata").arg(series.studyInstanceUid, series.seriesInstanceUid)),
        cancel, [](const QJsonObject &o, InstanceMetadata *m) {
            m->dataset = o;
            m->patientName = jsonPersonName(o, "00100010");
            return mapInstance(o, &m->instance);
        });
}

QFuture<MetadataResult> DicomWebSource::retrieveInstanceMetadata(const SeriesRef &series, const QString &sopInstanceUid,
                                                                 const CancelToken &cancel)
{
    return queryJson<InstanceMetadata>(
        url(QStringLiteral("/studies/%1/series/%2/instances/%3/metadata").arg(series.studyInstanceUid, series.seriesInstanceUid, sopInstanceUid)),
        cancel, [](const QJsonObject &o, InstanceMetadata *m) {
            m->dataset = o;
            m->patientName = jsonPersonName(o, "00100010");
            return mapInstance(o, &m->instance);
        });
}

QFuture<FrameResult> DicomWebSource::retrieveFrame(const FrameRequest &request, const CancelToken &cancel)
{
    auto promise = std::make_shared<QPromise<FrameResult>>();
    promise->start();
    const QUrl target = url(QStringLiteral("/studies/%1/series/%2/instances/%3/frames/%4")
                                .arg(request.series.studyInstanceUid, request.series.seriesInstanceUid, request.sopInstanceUid)
                                .arg(request.frame + 1));
    QNetworkReply *reply = get(target, framesAcceptHeader(), cancel, RequestKind::Frame);
    // One frame is held in memory whole: an answer larger than any frame the decoder takes is cut off.
    auto tooLarge = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::downloadProgress, this, [reply, tooLarge](qint64 received, qint64) {
        if (received > DicomFrameDecoder::MaxFrameBytes + (qint64(1) << 20) && reply->isRunning()) {
            *tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [reply, cancel, promise, tooLarge] {
        FrameResult result;
        result.status = replyStatus(reply, cancel);
        if (*tooLarge)
            result.status = {ImageSourceError::Protocol, QStringLiteral("the frame answer is larger than any frame (over %1 MiB)")
                                                             .arg(DicomFrameDecoder::MaxFrameBytes >> 20), result.status.httpStatus, -1};
        if (!result.ok()) {
            // The URL names the study: the status and the server's reason only.
            const QByteArray reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
            if (result.status.httpStatus > 0)
                result.status.errorString = QStringLiteral("HTTP %1 %2").arg(result.status.httpStatus).arg(QString::fromLatin1(reason)).trimmed();
        } else {
            const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
            const QByteArray boundary = MultipartRelatedParser::boundaryFromContentType(contentType);
            MultipartRelatedParser parser(boundary);
            QList<MultipartRelatedParser::Part> parts;
            if (contentType.toLower().startsWith("multipart/related") && !boundary.isEmpty()) {
                parser.feed(reply->readAll());
                parts = parser.takeParts();
                if (parts.isEmpty() && parser.finish())
                    parts = parser.takeParts();
            }
            if (parts.isEmpty()) {
                result.status = {ImageSourceError::Protocol,
                                 parser.hasError() ? parser.errorString() : QStringLiteral("the frame answer is not multipart/related"),
                                 result.status.httpStatus, -1};
            } else {
                RetrievedFrame frame;
                QByteArray partType = parts.first().header("content-type");
                if (partType.isEmpty()) // the part may leave it to the type parameter of the whole
                    partType = typeParameter(contentType);
                frame.transferSyntaxUid = DicomFetchedFrames::transferSyntaxOfPart(partType);
                frame.pixels = parts.first().body;
                if (frame.transferSyntaxUid.isEmpty())
                    result.status = {ImageSourceError::Protocol,
                                     QStringLiteral("frame in an unknown media type %1").arg(QString::fromLatin1(partType.split(';').first())),
                                     result.status.httpStatus, -1};
                else
                    result.items.append(std::move(frame));
            }
        }
        promise->addResult(std::move(result));
        promise->finish();
    });
    return promise->future();
}

QFuture<RetrieveResult> DicomWebSource::retrieveInstances(const RetrieveRequest &request, const CancelToken &cancel)
{
    QString dir = request.targetDir;
    if (request.inMemory) {
        dir.clear();
    } else if (dir.isEmpty()) {
        QTemporaryDir tmp(QDir::temp().filePath(QStringLiteral("kakehashi-wado-XXXXXX")));
        tmp.setAutoRemove(false); // the caller owns the files
        dir = tmp.path();
    }
    if (!request.inMemory && (dir.isEmpty() || !QDir().mkpath(dir))) {
        RetrieveResult r;
        r.status = {ImageSourceError::LocalIo, QStringLiteral("cannot create the target directory"), 0, -1};
        return finished(std::move(r));
    }

    struct Retrieval
    {
        QPromise<RetrieveResult> promise;
        RetrieveResult result;
        std::optional<MultipartRelatedParser> parser;
    };
    auto state = std::make_shared<Retrieval>();
    state->promise.start();
    const QUrl target = request.sopInstanceUid.isEmpty() ? seriesUrl(request.series) : instanceUrl(request.series, request.sopInstanceUid);
    QNetworkReply *reply = get(target, instancesAcceptHeader(), cancel, RequestKind::Instances);
    // Back-pressure: without a limit QNAM buffers the whole series in memory.
    reply->setReadBufferSize(8 * 1024 * 1024);

    // Writes complete parts; false stops the retrieval with result.status set.
    auto consume = [state, dir, request, cancel](const QList<MultipartRelatedParser::Part> &parts) {
        for (const MultipartRelatedParser::Part &part : parts) {
            if (cancel.isCancelled()) {
                state->result.status = {ImageSourceError::Cancelled, QStringLiteral("cancelled"), 0, -1};
                return false;
            }
            const QByteArray type = part.header("content-type").split(';').first().trimmed().toLower();
            if (!type.isEmpty() && type != "application/dicom") {
                state->result.status = {ImageSourceError::Protocol,
                                        QStringLiteral("unexpected part type %1").arg(QString::fromLatin1(type)), 0, -1};
                return false;
            }
            RetrievedInstance instance;
            if (request.inMemory) {
                instance.bytes = part.body;
                if (request.onInstance)
                    request.onInstance(instance);
                state->promise.setProgressValue(int(state->result.items.size() + 1));
                // The result counts the instances; the bytes went to onInstance (not kept twice).
                state->result.items.append(RetrievedInstance{});
                continue;
            }
            instance.path = QDir(dir).filePath(QStringLiteral("%1.dcm").arg(state->result.items.size() + 1, 5, 10, QLatin1Char('0')));
            // Write to a temporary name, then rename: readers never see half a file. No fsync
            // per instance (QSaveFile does one), which costs more than the transfer itself.
            QFile file(instance.path + QStringLiteral(".part"));
            const bool written = file.open(QIODevice::WriteOnly) && file.write(part.body) == part.body.size();
            file.close();
            QFile::remove(instance.path);
            if (!written || !file.rename(instance.path)) {
                state->result.status = {ImageSourceError::LocalIo, file.errorString(), 0, -1};
                file.remove();
                return false;
            }
            if (request.keepBytes)
                instance.bytes = part.body;
            if (request.onInstance)
                request.onInstance(instance);
            state->promise.setProgressValue(int(state->result.items.size() + 1));
            state->result.items.append(std::move(instance));
        }
        return true;
    };

    connect(reply, &QNetworkReply::readyRead, this, [reply, state, consume] {
        if (!state->result.ok())
            return;
        if (!state->parser) {
            const int http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (http < 200 || http >= 300)
                return; // error body; reported at finished
            const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
            const QByteArray boundary = MultipartRelatedParser::boundaryFromContentType(contentType);
            if (!contentType.toLower().startsWith("multipart/related") || boundary.isEmpty()) {
                state->result.status = {ImageSourceError::Protocol, QStringLiteral("WADO-RS answer is not multipart/related"), http, -1};
                reply->abort();
                return;
            }
            state->parser.emplace(boundary);
        }
        state->parser->feed(reply->readAll());
        if (!consume(state->parser->takeParts()) || state->parser->hasError()) {
            if (state->result.ok())
                state->result.status = {ImageSourceError::Protocol, state->parser->errorString(), 0, -1};
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [reply, state, cancel] {
        if (state->result.ok()) {
            state->result.status = replyStatus(reply, cancel);
            if (state->result.ok()) {
                if (!state->parser || !state->parser->finish())
                    state->result.status = {ImageSourceError::Protocol,
                                            state->parser ? state->parser->errorString()
                                                          : QStringLiteral("empty WADO-RS answer"),
                                            state->result.status.httpStatus, -1};
            }
        }
        qCInfo(lcDicomRetrieve) << "WADO-RS series:" << state->result.items.size() << "instances, status"
                                << int(state->result.status.error);
        state->promise.addResult(std::move(state->result));
        state->promise.finish();
    });
    return state->promise.future();
}

} // namespace Kakehashi::Dicom
