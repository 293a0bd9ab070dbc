#include "studyretrieval.h"

#include "imagecache.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcStudyRetrieval, "kakehashi.app.retrieval", QtInfoMsg)

namespace Kakehashi {

using namespace Dicom;

StudyRetrieval::StudyRetrieval(const QString &studyInstanceUid, std::unique_ptr<ImageSource> source,
                               std::shared_ptr<ImageCache> cache, QObject *parent)
    : QObject(parent)
    , m_studyUid(studyInstanceUid)
    , m_source(std::move(source))
    , m_cache(std::move(cache))
    , m_dir(QDir::temp().filePath(QStringLiteral("kakehashi-study-XXXXXX")))
{
    m_cacheIo.setMaxThreadCount(1);
}

StudyRetrieval::~StudyRetrieval()
{
    m_cancel.cancel();
    // DimseSource's destructor waits for its worker: no onInstance runs after this line.
    m_source.reset();
    m_cacheIo.waitForDone();
}

void StudyRetrieval::cancel()
{
    m_cancel.cancel();
}

void StudyRetrieval::start()
{
    m_running = true;
    if (!m_dir.isValid()) {
        finish({ImageSourceError::LocalIo, QStringLiteral("no temporary folder"), 0, -1}, Origin::Pacs);
        return;
    }
    if (!m_cache || !m_cache->isComplete(m_studyUid)) {
        startNetwork();
        return;
    }
    const std::shared_ptr<ImageCache> cache = m_cache;
    const QString uid = m_studyUid;
    const QString dir = m_dir.path() + QStringLiteral("/cache");
    QFuture<ImageCache::Extracted> future = QtConcurrent::run(&m_cacheIo, [cache, uid, dir] { return cache->extractStudy(uid, dir); });
    future.then(this, [this](const ImageCache::Extracted &extracted) {
        if (m_cancel.isCancelled()) {
            finish({ImageSourceError::Cancelled, QStringLiteral("cancelled"), 0, -1}, Origin::Cache);
            return;
        }
        if (!extracted.ok()) {
            qCInfo(lcStudyRetrieval) << "cached study unusable, fetching again;" << extracted.undecryptable << "undecryptable";
            for (const QString &p : extracted.paths)
                QFile::remove(p);
            startNetwork();
            return;
        }
        m_expected = int(extracted.paths.size());
        for (const QString &path : extracted.paths) {
            m_paths.append(path);
            Q_EMIT instanceArrived(path, int(m_paths.size()));
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
        retrieveSeries(0);
    });
}

void StudyRetrieval::retrieveSeries(int index)
{
    if (index >= m_series.size()) {
        if (m_cache && !m_paths.isEmpty()) {
            const std::shared_ptr<ImageCache> cache = m_cache;
            const auto failed = m_storeFailed;
            const QString uid = m_studyUid;
            const int count = int(m_paths.size());
            // Queued behind every store: the marker says the whole study is there.
            m_cacheIo.start([cache, failed, uid, count] {
                QString error;
                if (!failed->load() && !cache->markComplete(uid, count, &error))
                    qCWarning(lcStudyRetrieval) << "image cache: study not marked complete";
            });
        }
        finish({}, Origin::Pacs);
        return;
    }
    const SeriesRecord &series = m_series.at(index);
    RetrieveRequest request;
    request.series = {series.studyInstanceUid.isEmpty() ? m_studyUid : series.studyInstanceUid, series.seriesInstanceUid};
    request.targetDir = m_dir.path() + QStringLiteral("/s%1").arg(index + 1);
    request.keepBytes = m_source->kind() == u"dicomweb"; // DIMSE writes files: read back for the cache
    // Called on the GUI thread (DICOMweb) or the DIMSE worker: hand over to this object's thread.
    // ~StudyRetrieval waits for the worker, and posted calls die with this object.
    request.onInstance = [this](const RetrievedInstance &instance) {
        QMetaObject::invokeMethod(this, [this, path = instance.path, bytes = instance.bytes] { onInstance(path, bytes); },
                                  Qt::QueuedConnection);
    };
    m_source->retrieveInstances(request, m_cancel).then(this, [this, index](const RetrieveResult &result) {
        if (!result.ok()) {
            finish(result.status, Origin::Pacs);
            return;
        }
        // Instances announced through onInstance are queued: let them land before going on.
        QMetaObject::invokeMethod(this, [this, index] { retrieveSeries(index + 1); }, Qt::QueuedConnection);
    });
}

void StudyRetrieval::onInstance(const QString &path, const QByteArray &bytes)
{
    if (!m_running || path.isEmpty())
        return;
    m_paths.append(path);
    if (m_cache) {
        const std::shared_ptr<ImageCache> cache = m_cache;
        const auto failed = m_storeFailed;
        const QString uid = m_studyUid;
        const CancelToken cancel = m_cancel;
        m_cacheIo.start([cache, failed, uid, cancel, path, bytes] {
            if (cancel.isCancelled() || failed->load())
                return;
            QByteArray data = bytes;
            if (data.isEmpty()) {
                QFile f(path);
                if (f.open(QIODevice::ReadOnly))
                    data = f.readAll();
            }
            QString error;
            if (data.isEmpty() || !cache->storeInstance(uid, data, &error)) {
                failed->store(true);
                qCWarning(lcStudyRetrieval) << "image cache: an instance could not be stored";
            }
        });
    }
    Q_EMIT instanceArrived(path, int(m_paths.size()));
}

void StudyRetrieval::finish(const ImageSourceStatus &status, Origin origin)
{
    if (!m_running)
        return;
    m_running = false;
    m_outcome.status = status;
    m_outcome.origin = origin;
    m_outcome.instances = int(m_paths.size());
    if (!status.ok())
        qCInfo(lcStudyRetrieval) << "retrieval ended:" << int(status.error) << status.httpStatus << status.errorString;
    Q_EMIT finished();
}

} // namespace Kakehashi
