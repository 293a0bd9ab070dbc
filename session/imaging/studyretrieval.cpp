#include "session/imaging/studyretrieval.h"

#include "dicom/dicomframedecoder.h"
#include "store/imagecache.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
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
    struct Opened
    {
        ImageCache::Listing listing;
        QList<DicomDecodeResult> headers; // one per listed name
        int undecryptable = 0;
    };
    // Every instance is decrypted once here to check it and read its header (one at a time, the
    // bytes dropped), so a tampered cache is fetched again rather than shown with holes.
    QFuture<Opened> future = QtConcurrent::run(&m_cacheIo, [cache, uid, cancel] {
        Opened opened;
        opened.listing = cache->listStudy(uid);
        for (const QString &name : std::as_const(opened.listing.names)) {
            if (cancel.isCancelled())
                break;
            QString error;
            const QByteArray bytes = cache->readInstance(uid, name, &error);
            if (bytes.isEmpty()) {
                ++opened.undecryptable;
                continue;
            }
            opened.headers.append(DicomFrameDecoder::readInfoBytes(bytes));
        }
        return opened;
    });
    future.then(this, [this](const Opened &opened) {
        if (m_cancel.isCancelled()) {
            finish({ImageSourceError::Cancelled, QStringLiteral("cancelled"), 0, -1}, Origin::Cache);
            return;
        }
        if (!opened.listing.ok() || opened.undecryptable > 0) {
            qCInfo(lcStudyRetrieval) << "cached study unusable, fetching again;" << opened.undecryptable << "undecryptable";
            startNetwork();
            return;
        }
        m_expected = int(opened.listing.names.size());
        for (qsizetype i = 0; i < opened.listing.names.size(); ++i) {
            auto instance = std::make_shared<StudyInstance>(QByteArray(), m_cache, m_studyUid, opened.listing.names.at(i));
            const DicomDecodeResult &header = opened.headers.at(i);
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
    m_source->findSeries(m_studyUid, m_cancel).then(this, [this](const SeriesQueryResult &result) {
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

// The middle slice of the first series (by InstanceNumber) alone, then the series.
void StudyRetrieval::retrieveFirstInstance()
{
    const SeriesRecord &first = m_series.constFirst();
    const SeriesRef ref{first.studyInstanceUid.isEmpty() ? m_studyUid : first.studyInstanceUid, first.seriesInstanceUid};
    m_source->findInstances(ref, m_cancel).then(this, [this, ref](const InstanceQueryResult &result) {
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
        const QString sop = ordered.at(ordered.size() / 2).sopInstanceUid;
        RetrieveRequest request;
        request.series = ref;
        request.sopInstanceUid = sop;
        request.inMemory = true;
        m_fetchingFirst = sop;
        request.onInstance = [this](const RetrievedInstance &instance) { receive(instance.bytes); };
        m_source->retrieveInstances(request, m_cancel).then(this, [this](const RetrieveResult &) {
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
    m_source->retrieveInstances(request, m_cancel).then(this, [this, index, written](const RetrieveResult &result) {
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

void StudyRetrieval::receive(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    m_inFlight.fetch_add(1);
    (void)QtConcurrent::run(&m_headerIo, [bytes] { return Arrival{bytes, DicomFrameDecoder::readInfoBytes(bytes)}; })
        .then(this, [this](const Arrival &arrival) {
            m_inFlight.fetch_sub(1);
            onInstance(arrival);
            if (m_inFlight.load() == 0) {
                const QList<std::function<void()>> next = std::exchange(m_afterLanding, QList<std::function<void()>>());
                for (const auto &f : next)
                    f();
            }
        });
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
    }
    auto instance = std::make_shared<StudyInstance>(bytes, m_cache, m_studyUid, QString());
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
        m_cacheIo.start([self, cache, failed, uid, instance, bytes] {
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
            instance->becameCached(name);
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
