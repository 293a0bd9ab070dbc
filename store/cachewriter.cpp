#include "cachewriter.h"
#include "recordcache.h"

#include "common/serialqueue.h"

#include <QElapsedTimer>
#include <QMutexLocker>

namespace Kakehashi {

struct CacheWriter::State
{
    std::shared_ptr<RecordCache> cache;
    QString patientId;
    QDateTime fetchedAt;
    SerialQueue queue;
    QMutex errorMutex;
    QStringList errors; // guarded by errorMutex; taken by drained()
    std::atomic<qint64> storeNs{0};
};

CacheWriter::CacheWriter(std::shared_ptr<RecordCache> cache, QString patientId, QDateTime fetchedAt)
    : d(std::make_shared<State>())
{
    d->cache = std::move(cache);
    d->patientId = std::move(patientId);
    d->fetchedAt = std::move(fetchedAt);
}

void CacheWriter::enqueue(const QJsonObject &root, const QByteArray &rawJson)
{
    d->queue.run([state = d, root, rawJson] {
        QElapsedTimer timer;
        timer.start();
        QString error;
        const bool stored = state->cache->storeJson(state->patientId, root, rawJson, state->fetchedAt, &error);
        state->storeNs += timer.nsecsElapsed();
        if (!stored) {
            QMutexLocker lock(&state->errorMutex);
            state->errors.append(error);
        }
    });
}

QFuture<QStringList> CacheWriter::drained()
{
    return d->queue.run([state = d] {
        QMutexLocker lock(&state->errorMutex);
        return std::exchange(state->errors, {});
    });
}

qint64 CacheWriter::storeNanoseconds() const
{
    return d->storeNs.load();
}

} // namespace Kakehashi
