#include "session/imaging/studyretrieval.h"
#include "session/whenfinished.h"

#include "common/parallelmap.h"

#include "dicom/dicomfetchedframes.h"
#include "dicom/dicomframedecoder.h"
#include "store/imagecache.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcStudyRetrieval, "kakehashi.session.imaging.retrieval", QtInfoMsg)

namespace Kakehashi::Session {

using namespace Dicom;

namespace {

// An instance of the open study: its bytes in memory until they are sealed in the image cache,
// then decrypted from the cache on each load (nothing plaintext on disk, little kept in memory).
class StudyInstance : public DicomInstance
{
public:
    StudyInstance(QByteArray bytes, std::shared_ptr<const ImageCache> cache, QString studyUid, QString cachedName)
        : m_bytes(std::move(bytes)), m_cache(std::move(cache)), m_studyUid(std::move(studyUid)), m_name(std::move(cachedName)) {}

    QByteArray load(QString *error) const override
    {
        QByteArray bytes;
        QString name;
        {
            const QMutexLocker lock(&m_mutex);
            if (!m_bytes.isEmpty())
                return m_bytes;
            name = m_name;
        }
        if (!m_cache || name.isEmpty()) {
            *error = ImageCache::tr("The image is no longer in memory.");
            return {};
        }
        return m_cache->readInstance(m_studyUid, name, error);
    }
    // Sealed in the cache under |name|: the plaintext copy in memory goes.
    void becameCached(const QString &name) const
    {
        const QMutexLocker lock(&m_mutex);
        m_name = name;
        m_bytes = QByteArray();
    }

private:
    mutable QMutex m_mutex;
    mutable QByteArray m_bytes;
    std::shared_ptr<const ImageCache> m_cache;
    QString m_studyUid;
    mutable QString m_name;
};

// The image cache holds each frame fetched on its own as a one-frame object, filed under a name of
// its own (hashed like a study's, so no UID is in plaintext), with its own "complete" marker.
QString frameCacheKey(const QString &studyUid, const QString &sop, int frame)
{
    return QStringLiteral("%1/frames/%2/%3").arg(studyUid, sop).arg(frame);
}

} // namespace

// Fetches frames for FetchedByFrameInstance on the retrieval's thread (the back-end's). Shared with
// every such instance, which may outlive the retrieval: then |source| is null and a frame the cache
// does not hold cannot be had.
class FrameFetcher : public QObject
{
public:
    ImageSource *source = nullptr; // null: a study opened from the cache with no PACS set
    bool closed = false;           // set by ~StudyRetrieval, on this thread
    CancelToken cancel;
    std::shared_ptr<ImageCache> cache;

    using Promise = std::shared_ptr<QPromise<DicomLoadedFrame>>;
    static void fail(const Promise &promise, const QString &why)
    {
        promise->addResult(DicomLoadedFrame{{}, why});
        promise->finish();
    }
    // On this object's thread.
    void fetch(const FrameRequest &request, const QByteArray &header, const QString &cacheKey, const Promise &promise)
    {
        if (closed || cancel.isCancelled()) {
            fail(promise, StudyRetrieval::tr("Frame %1 was not fetched: the study was closed.").arg(request.frame + 1));
            return;
        }
        if (!source) {
            fail(promise, StudyRetrieval::tr("Frame %1 is not in the image cache, and no PACS is set for this study.").arg(request.frame + 1));
            return;
        }
        const std::shared_ptr<ImageCache> frameCache = cache;
        whenFinished(this, source->retrieveFrame(request, cancel), [request, header, cacheKey, promise, frameCache](const FrameResult &result) {
            if (!result.ok() || result.items.isEmpty()) {
                fail(promise, frameError(request.frame, result.status));
                return;
            }
            const RetrievedFrame frame = result.items.constFirst();
            // Assembling and sealing the frame is off this thread.
            (void)QtConcurrent::run([request, header, cacheKey, promise, frameCache, frame] {
                QString error;
                const QByteArray object = DicomFetchedFrames::frameObject(header, request.frame, frame.pixels, frame.transferSyntaxUid, &error);
                if (object.isEmpty()) {
                    fail(promise, StudyRetrieval::tr("Frame %1 cannot be shown: %2").arg(request.frame + 1).arg(error));
                    return;
                }
                QString storeError;
                if (frameCache && (!frameCache->storeInstance(cacheKey, object, &storeError) || !frameCache->markComplete(cacheKey, 1, &storeError)))
                    qCWarning(lcStudyRetrieval) << "image cache: a frame could not be stored"; // shown anyway
                promise->addResult(DicomLoadedFrame{object, {}});
                promise->finish();
            });
        });
    }

    static QString frameError(int frame, const ImageSourceStatus &status)
    {
        const int n = frame + 1;
        switch (status.error) {
        case ImageSourceError::Cancelled:
            return StudyRetrieval::tr("Frame %1 was not fetched: the study was closed.").arg(n);
        case ImageSourceError::Timeout:
            return StudyRetrieval::tr("Frame %1: the PACS did not answer in time.").arg(n);
        case ImageSourceError::Network:
            return StudyRetrieval::tr("Frame %1: the PACS cannot be reached (%2).").arg(n).arg(status.errorString);
        case ImageSourceError::NotFound:
            return StudyRetrieval::tr("Frame %1 is not on the PACS (HTTP 404).").arg(n);
        case ImageSourceError::Server:
            return StudyRetrieval::tr("The PACS refused frame %1 (%2).").arg(n).arg(status.errorString);
        case ImageSourceError::Protocol:
            return StudyRetrieval::tr("Frame %1: the PACS answer cannot be read (%2).").arg(n).arg(status.errorString);
        case ImageSourceError::ServerRevoked:
            return StudyRetrieval::tr("Frame %1: the PACS's certificate has been revoked; the connection was refused.").arg(n);
        case ImageSourceError::ServerStatusMissing:
            return StudyRetrieval::tr("Frame %1: the PACS sent no usable certificate status although its certificate requires one; "
                                      "the connection was refused.").arg(n);
        case ImageSourceError::Unsupported:
            return StudyRetrieval::tr("Frame %1: this PACS does not send single frames.").arg(n);
        case ImageSourceError::None:
        case ImageSourceError::LocalIo:
            break;
        }
        return StudyRetrieval::tr("Frame %1 could not be fetched (%2).").arg(n).arg(status.errorString);
    }
};

namespace {

// A large multi-frame instance fetched frame by frame: its header (from the PACS's metadata) in
// memory until sealed in the cache, each frame from the image cache or, the first time, the PACS.
class FetchedByFrameInstance : public DicomInstance
{
public:
    FetchedByFrameInstance(QByteArray header, std::shared_ptr<ImageCache> frameCache, QString studyUid, const DicomImageInfo &info,
                           std::weak_ptr<FrameFetcher> fetcher)
        : m_header(std::move(header))
        , m_frameCache(std::move(frameCache))
        , m_studyUid(std::move(studyUid))
        , m_series{info.studyInstanceUid.isEmpty() ? m_studyUid : info.studyInstanceUid, info.seriesInstanceUid}
        , m_sop(info.sopInstanceUid)
        , m_frames(info.numberOfFrames)
        , m_fetcher(std::move(fetcher))
    {
    }

    QByteArray load(QString *) const override { return m_header; }
    bool fetchesFrames() const override { return true; }
    QFuture<DicomLoadedFrame> loadFrame(int frame) const override
    {
        // A frame asked for again while on its way (the view re-asks as more instances arrive)
        // shares the one request.
        const QMutexLocker lock(&m_mutex);
        m_inFlight.removeIf([](const auto &entry) { return entry.value().isFinished(); });
        if (const auto it = m_inFlight.constFind(frame); it != m_inFlight.cend())
            return it.value();
        auto promise = std::make_shared<QPromise<DicomLoadedFrame>>();
        promise->start();
        QFuture<DicomLoadedFrame> future = promise->future();
        m_inFlight.insert(frame, future);
        if (frame < 0 || frame >= m_frames) {
            FrameFetcher::fail(promise, StudyRetrieval::tr("Frame %1 does not exist (the image has %2).").arg(frame + 1).arg(m_frames));
            return future;
        }
        const QString key = frameCacheKey(m_studyUid, m_sop, frame);
        const QByteArray header = m_header;
        const std::shared_ptr<ImageCache> cache = m_frameCache;
        const std::weak_ptr<FrameFetcher> weak = m_fetcher;
        const FrameRequest request{m_series, m_sop, frame};
        // The cache is looked at off the caller's thread; the PACS is asked on the fetcher's.
        (void)QtConcurrent::run([promise, key, header, cache, weak, request] {
            if (cache && cache->isComplete(key)) {
                const ImageCache::Listing listing = cache->listStudy(key);
                QString error;
                const QByteArray bytes = listing.ok() ? cache->readInstance(key, listing.names.constFirst(), &error) : QByteArray();
                if (!bytes.isEmpty()) {
                    promise->addResult(DicomLoadedFrame{bytes, {}});
                    promise->finish();
                    return;
                }
            }
            const std::shared_ptr<FrameFetcher> fetcher = weak.lock();
            if (!fetcher) {
                FrameFetcher::fail(promise, StudyRetrieval::tr("Frame %1 is not in the image cache and the study is closed.").arg(request.frame + 1));
                return;
            }
            FrameFetcher *target = fetcher.get();
            // Dropped with |target| (then the promise is cancelled: "not available").
            QMetaObject::invokeMethod(target, [target, request, header, key, promise] { target->fetch(request, header, key, promise); },
                                      Qt::QueuedConnection);
        });
        return future;
    }

private:
    const QByteArray m_header; // small: attributes, no pixels
    std::shared_ptr<ImageCache> m_frameCache; // null: frames are not kept
    QString m_studyUid;
    SeriesRef m_series;
    QString m_sop;
    int m_frames = 1;
    std::weak_ptr<FrameFetcher> m_fetcher;
    mutable QMutex m_mutex;
    mutable QHash<int, QFuture<DicomLoadedFrame>> m_inFlight; // frames on their way
};

} // namespace

struct StudyRetrieval::Arrival
{
    QByteArray bytes;
    DicomDecodeResult header;
};

StudyRetrieval::StudyRetrieval(const QString &studyInstanceUid, std::unique_ptr<ImageSource> source,
                               std::shared_ptr<ImageCache> cache, QObject *parent)
    : QObject(parent)
    , m_studyUid(studyInstanceUid)
    , m_source(std::move(source))
    , m_cache(std::move(cache))
{
    m_cacheIo.setMaxThreadCount(1);
    m_headerIo.setMaxThreadCount(1);
}

StudyRetrieval::~StudyRetrieval()
{
    cancel();
    if (m_frameFetcher) { // instances that outlive the study ask the cache only
        m_frameFetcher->source = nullptr;
        m_frameFetcher->closed = true;
    }
    // DimseSource's destructor waits for its worker: no onInstance runs after this line.
    m_source.reset();
    m_headerIo.waitForDone();
    m_cacheIo.waitForDone();
}

void StudyRetrieval::cancel()
{
    // Stopped before the end: what is stored stays unmarked (never "complete"). After the end the
    // queued stores still go in, so closing the study at once loses nothing of the cache.
    if (m_running)
        m_storeFailed->store(true);
    m_cancel.cancel();
    m_streamCancel.cancel();
}

void StudyRetrieval::start()
{
    m_running = true;
    if (!m_cache || !m_cache->isComplete(m_studyUid)) {
        startNetwork();
        return;
    }
    const std::shared_ptr<ImageCache> cache = m_cache;
    const QString uid = m_studyUid;
    const CancelToken cancel = m_cancel;
    struct Checked
    {
        DicomDecodeResult header;
        QByteArray byFrameBytes; // the header object of an instance fetched by frame
        bool decrypted = false;
    };
    struct Opened
    {
        ImageCache::Listing listing;
        QList<Checked> checked; // one per listed name
        int undecryptable = 0;
    };
    // Every instance is decrypted once here to check it and read its header (the bytes dropped), so
    // a tampered cache is fetched again rather than shown with holes. On every core (parallelMapped:
    // this thread takes part, idle pool threads help): decrypting a 300-slice CT is most of a reopen.
    QFuture<Opened> future = QtConcurrent::run(&m_cacheIo, [cache, uid, cancel] {
        Opened opened;
        opened.listing = cache->listStudy(uid);
        opened.checked = parallelMapped(opened.listing.names, [&cache, &uid, &cancel](const QString &name) {
            Checked c;
            if (cancel.isCancelled())
                return c;
            QString error;
            const QByteArray bytes = cache->readInstance(uid, name, &error);
            if (bytes.isEmpty())
                return c;
            c.decrypted = true;
            c.header = DicomFrameDecoder::readInfoBytes(bytes);
            if (c.header.ok && c.header.info.fetchedByFrame)
                c.byFrameBytes = bytes;
            return c;
        });
        opened.undecryptable = int(std::count_if(opened.checked.cbegin(), opened.checked.cend(), [](const Checked &c) { return !c.decrypted; }));
        return opened;
    });
    whenFinished(this, future, [this](const Opened &opened) {
        if (m_cancel.isCancelled()) {
            finish({ImageSourceError::Cancelled, QStringLiteral("cancelled"), 0, -1}, Origin::Cache);
            return;
        }
        if (!opened.listing.ok() || opened.undecryptable > 0) {
            qCInfo(lcStudyRetrieval) << "cached study unusable, fetching again;" << opened.undecryptable << "undecryptable";
            // Its files go first (queued before any store of the fetch, on the same thread): a file
            // cut short by a power loss would otherwise stay, and every open would fetch again.
            m_cacheIo.start([kept = m_cache, study = m_studyUid] {
                QString error;
                if (!kept->removeStudy(study, &error))
                    qCWarning(lcStudyRetrieval) << "image cache: an unusable study could not be removed";
            });
            startNetwork();
            return;
        }
        m_expected = int(opened.listing.names.size());
        for (qsizetype i = 0; i < opened.listing.names.size(); ++i) {
            const DicomDecodeResult &header = opened.checked.at(i).header;
            const DicomInstancePtr instance = makeInstance(opened.checked.at(i).byFrameBytes, header, opened.listing.names.at(i));
            const QString name = QStringLiteral("memory:%1").arg(m_instances.size());
            m_instances.append(instance);
            if (header.ok)
                m_builder.add(header.info, name, instance);
            else
                m_builder.addError(name, header.errorString);
            Q_EMIT instanceArrived(int(m_instances.size()));
        }
        finish({}, Origin::Cache);
    });
}

void StudyRetrieval::startNetwork()
{
    if (!m_source) {
        m_outcome.noSource = true;
        finish({ImageSourceError::Unsupported, QStringLiteral("no image source"), 0, -1}, Origin::Pacs);
        return;
    }
    whenFinished(this, m_source->findSeries(m_studyUid, m_cancel), [this](const SeriesQueryResult &result) {
        if (!result.ok()) {
            finish(result.status, Origin::Pacs);
            return;
        }
        if (result.items.isEmpty()) {
            finish({ImageSourceError::NotFound, QStringLiteral("the PACS has no series of this study"), 404, -1}, Origin::Pacs);
            return;
        }
        m_series = result.items;
        m_expected = 0;
        for (const SeriesRecord &s : std::as_const(m_series)) {
            if (s.numberOfInstances < 0) {
                m_expected = -1;
                break;
            }
            m_expected += s.numberOfInstances;
        }
        if (m_source->traits().singleInstance)
            retrieveFirstInstance();
        else
            retrieveSeries(0);
    });
}

// The middle slice of the first series (by InstanceNumber) alone, then the series; a long series
// is streamed at once.
void StudyRetrieval::retrieveFirstInstance()
{
    const SeriesRecord &first = m_series.constFirst();
    if (m_source->traits().inMemory && first.numberOfInstances > StreamAtOnceInstances) {
        m_markFirstArrival = true;
        streamAtOnce(0);
        return;
    }
    const SeriesRef ref{first.studyInstanceUid.isEmpty() ? m_studyUid : first.studyInstanceUid, first.seriesInstanceUid};
    whenFinished(this, m_source->findInstances(ref, m_cancel), [this, ref](const InstanceQueryResult &result) {
        if (m_cancel.isCancelled()) {
            finish({ImageSourceError::Cancelled, QStringLiteral("cancelled"), 0, -1}, Origin::Pacs);
            return;
        }
        if (!result.ok() || result.items.isEmpty()) {
            retrieveSeries(0); // the stream alone still works
            return;
        }
        QList<InstanceRecord> ordered = result.items;
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const InstanceRecord &a, const InstanceRecord &b) { return a.instanceNumber < b.instanceNumber; });
        m_listed.insert(0, result.items);
        const InstanceRecord &middle = ordered.at(ordered.size() / 2);
        const QString sop = middle.sopInstanceUid;
        if (isFrameByFrame(middle)) {
            // Its first frame shows as soon as the header is there; the series follows.
            m_fetchingFirst = sop;
            openByFrame(ref, sop, [this] { retrieveSeries(0); });
            return;
        }
        RetrieveRequest request;
        request.series = ref;
        request.sopInstanceUid = sop;
        request.inMemory = true;
        m_fetchingFirst = sop;
        request.onInstance = [this](const RetrievedInstance &instance) { receive(instance.bytes); };
        whenFinished(this, m_source->retrieveInstances(request, m_cancel), [this](const RetrieveResult &) {
            if (m_cancel.isCancelled()) {
                finish({ImageSourceError::Cancelled, QStringLiteral("cancelled"), 0, -1}, Origin::Pacs);
                return;
            }
            // Whether it came or not, the series follows (an instance still queued lands first).
            QMetaObject::invokeMethod(this, [this] { retrieveSeries(0); }, Qt::QueuedConnection);
        });
    });
}

void StudyRetrieval::retrieveSeries(int index)
{
    if (index >= m_series.size() && m_inFlight.load() > 0) {
        whenLanded([this, index] { retrieveSeries(index); }); // the marker counts every instance
        return;
    }
    if (index >= m_series.size()) {
        if (m_cache && !m_instances.isEmpty()) {
            const std::shared_ptr<ImageCache> cache = m_cache;
            const auto failed = m_storeFailed;
            const QString uid = m_studyUid;
            const int count = int(m_instances.size());
            // Queued behind every store: the marker says the whole study is there.
            StudyRetrieval *self = this; // the destructor waits for m_cacheIo
            m_cacheIo.start([self, cache, failed, uid, count] {
                QString error;
                if (!failed->load() && !cache->markComplete(uid, count, &error)) {
                    qCWarning(lcStudyRetrieval) << "image cache: study not marked complete";
                    QMetaObject::invokeMethod(self, [self, error] { self->storeFailed(error); }, Qt::QueuedConnection);
                }
            });
        }
        finish({}, m_source->traits().local ? Origin::Local : Origin::Pacs);
        return;
    }
    const SeriesRecord &series = m_series.at(index);
    RetrieveRequest request;
    request.series = {series.studyInstanceUid.isEmpty() ? m_studyUid : series.studyInstanceUid, series.seriesInstanceUid};
    if (m_source->traits().frames) {
        // Which instances are large multi-frame ones is known from the PACS's instance list: a long
        // series is streamed while it is listed, a short one listed first.
        if (!m_listed.contains(index) && m_source->traits().inMemory && series.numberOfInstances > StreamAtOnceInstances) {
            streamAtOnce(index);
            return;
        }
        if (!m_listed.contains(index)) {
            whenFinished(this, m_source->findInstances(request.series, m_cancel), [this, index](const InstanceQueryResult &result) {
                if (m_cancel.isCancelled()) {
                    finish({ImageSourceError::Cancelled, QStringLiteral("cancelled"), 0, -1}, Origin::Pacs);
                    return;
                }
                m_listed.insert(index, result.ok() ? result.items : QList<InstanceRecord>()); // none: the series whole
                retrieveSeries(index);
            });
            return;
        }
        QList<InstanceRecord> listed = m_listed.value(index);
        if (std::any_of(listed.cbegin(), listed.cend(), [this](const InstanceRecord &i) { return isFrameByFrame(i); })) {
            std::stable_sort(listed.begin(), listed.end(),
                             [](const InstanceRecord &a, const InstanceRecord &b) { return a.instanceNumber < b.instanceNumber; });
            retrieveOneByOne(index, listed);
            return;
        }
    }
    if (m_source->traits().inMemory) {
        request.inMemory = true;
        request.onInstance = [this](const RetrievedInstance &instance) { receive(instance.bytes); };
    } else {
        // The back-end writes files (DIMSE): each is read into memory on the back-end's thread, and
        // the folder goes when the series ends, so plaintext stays on disk only for that long.
        // Local files are read where they are (their paths are outside this folder).
        if (!m_dimseDir)
            m_dimseDir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("kakehashi-study-XXXXXX")));
        if (!m_dimseDir->isValid()) {
            finish({ImageSourceError::LocalIo, QStringLiteral("no temporary folder"), 0, -1}, Origin::Pacs);
            return;
        }
        request.targetDir = m_dimseDir->path() + QStringLiteral("/s%1").arg(index + 1);
        request.onInstance = [this](const RetrievedInstance &instance) {
            QByteArray bytes = instance.bytes;
            QFile f(instance.path);
            if (bytes.isEmpty() && f.open(QIODevice::ReadOnly))
                bytes = f.readAll();
            receive(bytes);
        };
    }
    const QString written = request.targetDir;
    whenFinished(this, m_source->retrieveInstances(request, m_cancel), [this, index, written](const RetrieveResult &result) {
        // DIMSE: the back-end counts its files when the series ends; they go right after.
        if (!written.isEmpty())
            QDir(written).removeRecursively();
        if (!result.ok()) {
            finish(result.status, Origin::Pacs);
            return;
        }
        // Instances announced through onInstance are queued: let them land before going on.
        QMetaObject::invokeMethod(this, [this, index] { retrieveSeries(index + 1); }, Qt::QueuedConnection);
    });
}

void StudyRetrieval::streamAtOnce(int index)
{
    // The stream has a token of its own: one made after cancel() must not start a stream.
    if (m_cancel.isCancelled()) {
        finish({ImageSourceError::Cancelled, QStringLiteral("cancelled"), 0, -1}, Origin::Pacs);
        return;
    }
    const SeriesRecord &series = m_series.at(index);
    const SeriesRef ref{series.studyInstanceUid.isEmpty() ? m_studyUid : series.studyInstanceUid, series.seriesInstanceUid};
    m_streamCancel = CancelToken();
    const CancelToken stream = m_streamCancel;
    m_streamIndex = index;
    m_oneByOneAfterStream = false;
    if (m_source->traits().frames) {
        whenFinished(this, m_source->findInstances(ref, m_cancel), [this, index, stream](const InstanceQueryResult &result) {
            // Too late (the stream has ended, or the retrieval has) or no use (no list): ignored.
            if (!m_running || m_streamIndex != index || stream.isCancelled() || !result.ok())
                return;
            m_listed.insert(index, result.items);
            const bool byFrameToCome = std::any_of(result.items.cbegin(), result.items.cend(), [this](const InstanceRecord &i) {
                return isFrameByFrame(i) && !m_receivedSops.contains(i.sopInstanceUid);
            });
            if (byFrameToCome) {
                qCInfo(lcStudyRetrieval) << "a large multi-frame instance is listed: the series goes on one instance at a time";
                m_oneByOneAfterStream = true;
                stream.cancel();
            }
        });
    }
    RetrieveRequest request;
    request.series = ref;
    request.inMemory = true;
    request.onInstance = [this](const RetrievedInstance &instance) { receive(instance.bytes); };
    whenFinished(this, m_source->retrieveInstances(request, stream), [this, index](const RetrieveResult &result) {
        m_streamIndex = -1;
        if (m_cancel.isCancelled()) {
            finish({ImageSourceError::Cancelled, QStringLiteral("cancelled"), 0, -1}, Origin::Pacs);
            return;
        }
        if (std::exchange(m_oneByOneAfterStream, false)) {
            QList<InstanceRecord> listed = m_listed.value(index);
            std::stable_sort(listed.begin(), listed.end(),
                             [](const InstanceRecord &a, const InstanceRecord &b) { return a.instanceNumber < b.instanceNumber; });
            // What has arrived is known once every instance received has landed; it is not asked again.
            whenLanded([this, index, listed] { QMetaObject::invokeMethod(this, [this, index, listed] { retrieveOneByOne(index, listed); }, Qt::QueuedConnection); });
            return;
        }
        if (!result.ok()) {
            finish(result.status, Origin::Pacs);
            return;
        }
        QMetaObject::invokeMethod(this, [this, index] { retrieveSeries(index + 1); }, Qt::QueuedConnection);
    });
}

bool StudyRetrieval::isFrameByFrame(const InstanceRecord &instance) const
{
    return m_source && m_source->traits().frames && instance.numberOfFrames > 1
        && instance.estimatedPixelBytes() > m_frameByFrameBytes;
}

void StudyRetrieval::retrieveOneByOne(int index, QList<InstanceRecord> queue)
{
    if (m_cancel.isCancelled()) {
        finish({ImageSourceError::Cancelled, QStringLiteral("cancelled"), 0, -1}, Origin::Pacs);
        return;
    }
    // The one fetched first (whole or by frame), and any that came in a stream, are not fetched again.
    while (!queue.isEmpty() && (queue.constFirst().sopInstanceUid == m_firstSop || queue.constFirst().sopInstanceUid == m_fetchingFirst
                                || m_byFrame.contains(queue.constFirst().sopInstanceUid)
                                || m_receivedSops.contains(queue.constFirst().sopInstanceUid)))
        queue.removeFirst();
    if (queue.isEmpty()) {
        QMetaObject::invokeMethod(this, [this, index] { retrieveSeries(index + 1); }, Qt::QueuedConnection);
        return;
    }
    const InstanceRecord next = queue.takeFirst();
    const SeriesRecord &series = m_series.at(index);
    const SeriesRef ref{series.studyInstanceUid.isEmpty() ? m_studyUid : series.studyInstanceUid, series.seriesInstanceUid};
    if (isFrameByFrame(next)) {
        openByFrame(ref, next.sopInstanceUid, [this, index, queue] { retrieveOneByOne(index, queue); });
        return;
    }
    RetrieveRequest request;
    request.series = ref;
    request.sopInstanceUid = next.sopInstanceUid;
    request.inMemory = true;
    request.onInstance = [this](const RetrievedInstance &instance) { receive(instance.bytes); };
    whenFinished(this, m_source->retrieveInstances(request, m_cancel), [this, index, queue](const RetrieveResult &result) {
        if (!result.ok()) {
            finish(result.status, Origin::Pacs);
            return;
        }
        QMetaObject::invokeMethod(this, [this, index, queue] { retrieveOneByOne(index, queue); }, Qt::QueuedConnection);
    });
}

void StudyRetrieval::openByFrame(const SeriesRef &series, const QString &sopInstanceUid, std::function<void()> next)
{
    m_byFrame.append(sopInstanceUid);
    whenFinished(this, m_source->retrieveInstanceMetadata(series, sopInstanceUid, m_cancel), [this, series, sopInstanceUid, next](const MetadataResult &result) {
        if (m_cancel.isCancelled()) {
            finish({ImageSourceError::Cancelled, QStringLiteral("cancelled"), 0, -1}, Origin::Pacs);
            return;
        }
        if (!result.ok() || result.items.isEmpty()) {
            // No metadata: the instance comes whole, as it would from a PACS without frames.
            qCInfo(lcStudyRetrieval) << "instance metadata unavailable, fetching the instance whole:" << int(result.status.error)
                                     << result.status.httpStatus;
            m_byFrame.removeAll(sopInstanceUid);
            RetrieveRequest request;
            request.series = series;
            request.sopInstanceUid = sopInstanceUid;
            request.inMemory = true;
            request.onInstance = [this](const RetrievedInstance &instance) { receive(instance.bytes); };
            whenFinished(this, m_source->retrieveInstances(request, m_cancel), [this, next](const RetrieveResult &whole) {
                if (!whole.ok()) {
                    finish(whole.status, Origin::Pacs);
                    return;
                }
                whenLanded([this, next] { QMetaObject::invokeMethod(this, next, Qt::QueuedConnection); });
            });
            return;
        }
        receiveMetadata(result.items.constFirst().dataset);
        // Like a streamed instance: the header lands before the retrieval goes on.
        whenLanded([this, next] { QMetaObject::invokeMethod(this, next, Qt::QueuedConnection); });
    });
}

void StudyRetrieval::receiveMetadata(const QJsonObject &dataset)
{
    m_inFlight.fetch_add(1);
    whenFinished(this, QtConcurrent::run(&m_headerIo, [dataset] {
        Arrival arrival;
        QString error;
        arrival.bytes = DicomFetchedFrames::headerFromMetadata(dataset, &error);
        if (arrival.bytes.isEmpty())
            arrival.header.errorString = error;
        else
            arrival.header = DicomFrameDecoder::readInfoBytes(arrival.bytes);
        return arrival;
    }), [this](const Arrival &arrival) { landed(arrival); });
}

DicomInstancePtr StudyRetrieval::makeInstance(const QByteArray &bytes, const DicomDecodeResult &header, const QString &cachedName)
{
    if (header.ok && header.info.fetchedByFrame && !bytes.isEmpty()) {
        if (!m_frameFetcher) {
            m_frameFetcher = std::shared_ptr<FrameFetcher>(new FrameFetcher, [](FrameFetcher *f) { f->deleteLater(); });
            m_frameFetcher->source = m_source.get();
            m_frameFetcher->cancel = m_cancel;
            m_frameFetcher->cache = m_cache;
        }
        if (!m_byFrame.contains(header.info.sopInstanceUid))
            m_byFrame.append(header.info.sopInstanceUid);
        return std::make_shared<FetchedByFrameInstance>(bytes, m_cache, m_studyUid, header.info, m_frameFetcher);
    }
    return std::make_shared<StudyInstance>(cachedName.isEmpty() ? bytes : QByteArray(), m_cache, m_studyUid, cachedName);
}

void StudyRetrieval::receive(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    m_inFlight.fetch_add(1);
    whenFinished(this, QtConcurrent::run(&m_headerIo, [bytes] { return Arrival{bytes, DicomFrameDecoder::readInfoBytes(bytes)}; }),
        [this](const Arrival &arrival) { landed(arrival); });
}

// An instance's header was read off this thread: it joins the series, and what waited for every
// arrival to land goes on.
void StudyRetrieval::landed(const Arrival &arrival)
{
    m_inFlight.fetch_sub(1);
    onInstance(arrival);
    if (m_inFlight.load() == 0) {
        const QList<std::function<void()>> next = std::exchange(m_afterLanding, QList<std::function<void()>>());
        for (const auto &f : next)
            f();
    }
}

void StudyRetrieval::whenLanded(std::function<void()> next)
{
    if (m_inFlight.load() == 0)
        next();
    else
        m_afterLanding.append(std::move(next));
}

QList<DicomSeries> StudyRetrieval::series() const
{
    QList<DicomSeries> series;
    for (const DicomSeries &s : m_builder.result().series)
        if (s.studyInstanceUid == m_studyUid)
            series.append(s);
    return series;
}

QList<DicomSliceRef> StudyRetrieval::otherObjects() const
{
    return m_builder.result().otherObjects;
}

void StudyRetrieval::onInstance(const Arrival &arrival)
{
    if (!m_running)
        return;
    const QByteArray &bytes = arrival.bytes;
    const QString sop = arrival.header.ok ? arrival.header.info.sopInstanceUid : QString();
    bool first = false;
    if (!m_fetchingFirst.isEmpty()) {
        // The slice fetched on its own: the series stream brings it again, once, and is dropped.
        m_firstSop = std::exchange(m_fetchingFirst, QString());
        m_skipFirstInStream = true;
        first = true;
    } else if (m_skipFirstInStream && !sop.isEmpty() && sop == m_firstSop) {
        m_skipFirstInStream = false;
        return;
    } else if (m_markFirstArrival) {
        // The first of a series streamed at once.
        m_markFirstArrival = false;
        m_firstSop = sop;
        first = true;
    }
    if (!sop.isEmpty())
        m_receivedSops.insert(sop);
    const DicomInstancePtr instance = makeInstance(bytes, arrival.header, QString());
    const auto *streamed = dynamic_cast<const StudyInstance *>(instance.get());
    const QString slot = QStringLiteral("memory:%1").arg(m_instances.size());
    m_instances.append(instance);
    if (arrival.header.ok)
        m_builder.add(arrival.header.info, slot, instance);
    else
        m_builder.addError(slot, arrival.header.errorString);
    if (m_cache) {
        const std::shared_ptr<ImageCache> cache = m_cache;
        const auto failed = m_storeFailed;
        const QString uid = m_studyUid;
        // The destructor waits for m_cacheIo, and a queued call to a deleted object is dropped.
        StudyRetrieval *self = this;
        m_cacheIo.start([self, cache, failed, uid, instance, streamed, bytes] {
            if (failed->load())
                return;
            QString error;
            QString name;
            if (!cache->storeInstance(uid, bytes, &error, &name)) {
                failed->store(true);
                qCWarning(lcStudyRetrieval) << "image cache: an instance could not be stored";
                QMetaObject::invokeMethod(self, [self, error] { self->storeFailed(error); }, Qt::QueuedConnection);
                return;
            }
            if (streamed)
                streamed->becameCached(name);
        });
    }
    Q_EMIT instanceArrived(int(m_instances.size()));
    if (first)
        Q_EMIT firstInstanceArrived();
}

void StudyRetrieval::storeFailed(const QString &reason)
{
    if (!m_cacheError.isEmpty())
        return;
    m_cacheError = reason.isEmpty() ? tr("the image cache could not be written") : reason;
    Q_EMIT cacheStoreFailed(m_cacheError);
}

void StudyRetrieval::finish(const ImageSourceStatus &status, Origin origin)
{
    if (!m_running)
        return;
    if (m_inFlight.load() > 0) {
        // Every instance received lands before the end is told.
        whenLanded([this, status, origin] { finish(status, origin); });
        return;
    }
    m_running = false;
    m_outcome.status = status;
    m_outcome.origin = origin;
    m_outcome.instances = int(m_instances.size());
    if (!status.ok())
        qCInfo(lcStudyRetrieval) << "retrieval ended:" << int(status.error) << status.httpStatus; // errorString may name UIDs
    Q_EMIT finished();
}

} // namespace Kakehashi::Session
