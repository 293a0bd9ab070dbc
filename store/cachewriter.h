#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace Kakehashi {

class RecordCache;

// Stores the pages of one record load in a RecordCache on pool threads, each after the one handed
// over before it, while the caller goes on: the record loader parses page N+1 while page N is sealed
// and written, and assembles the record while the last pages are stored.
//
// Any thread may hand pages over. Nothing here waits for a pool thread: a pool of one thread (a
// one-CPU machine), or a caller that is itself a pool task, still gets every page stored
// (a SerialQueue, not a chain of QFuture::then: see common/serialqueue.h for Qt 6.4's race).
// drained()'s future is for watching (QFutureWatcher, whenFinished) or waiting, not for then().
class CacheWriter
{
public:
    CacheWriter(std::shared_ptr<RecordCache> cache, QString patientId, QDateTime fetchedAt);

    // Queues |root| (parsed from |rawJson|, which may be empty) to be stored by
    // RecordCache::storeJson after every page queued before it.
    void enqueue(const QJsonObject &root, const QByteArray &rawJson);

    // Finishes once every page queued before this call is stored. Its result: why pages could not be
    // stored (one message per page that failed; empty when all were). Pages queued after this call
    // are stored after it and reported by a later drained().
    QFuture<QStringList> drained();

    // Time spent inside storeJson so far, for the ingest benchmark's breakdown.
    qint64 storeNanoseconds() const;

private:
    struct State;
    std::shared_ptr<State> d;
};

} // namespace Kakehashi
