// The record loader's ordered work off the GUI thread: common/serialqueue.h (jobs in order, one at a
// time, each exactly once, from any thread, never waiting for a pool thread) and store/cachewriter.h
// (a load's pages stored in the order they came while the next is parsed; why pages failed).
//
// Why SerialQueue exists: in Qt 6.4, QFuture::then() on a future that another thread is finishing at
// that moment runs the continuation twice (the second run crashes in QPromise::start or frees twice).
// The loader used such a chain for every page (a page arriving as the previous one's parse ends).
// jobsAddedAsThePreviousFinishes recreates that timing thousands of times.
#include "common/serialqueue.h"
#include "store/cachewriter.h"
#include "store/recordcache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <stdexcept>
#include <vector>

using namespace Kakehashi;
using namespace Qt::StringLiterals;

namespace {

// A searchset page: Observation "same" at |version|, plus Observations p<page>-<i>.
QByteArray page(int number, int version)
{
    QJsonArray entries;
    entries.append(QJsonObject{{u"resource"_s, QJsonObject{{u"resourceType"_s, u"Observation"_s},
                                                           {u"id"_s, u"same"_s},
                                                           {u"status"_s, u"final"_s},
                                                           {u"valueInteger"_s, version}}}});
    for (int i = 0; i < 20; ++i)
        entries.append(QJsonObject{{u"resource"_s, QJsonObject{{u"resourceType"_s, u"Observation"_s},
                                                               {u"id"_s, u"p%1-%2"_s.arg(number).arg(i)},
                                                               {u"status"_s, u"final"_s}}}});
    return QJsonDocument(QJsonObject{{u"resourceType"_s, u"Bundle"_s}, {u"type"_s, u"searchset"_s}, {u"entry"_s, entries}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestSerialQueue : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QThreadPool::globalInstance()->setMaxThreadCount(QThread::idealThreadCount()); }

    void jobsRunInOrderOneAtATime()
    {
        SerialQueue queue;
        std::vector<int> order; // written by the jobs only: they must never overlap
        std::atomic<int> inside{0};
        std::atomic<int> overlaps{0};
        QList<QFuture<int>> futures;
        for (int i = 0; i < 500; ++i) {
            futures.append(queue.run([i, &order, &inside, &overlaps] {
                if (inside.fetch_add(1) != 0)
                    ++overlaps;
                order.push_back(i);
                if (i % 50 == 0)
                    QThread::usleep(200); // let the next jobs pile up behind this one
                inside.fetch_sub(1);
                return i * 2;
            }));
        }
        for (int i = 0; i < futures.size(); ++i)
            QCOMPARE(futures[i].result(), i * 2);
        QCOMPARE(overlaps.load(), 0);
        QCOMPARE(int(order.size()), 500);
        for (int i = 0; i < 500; ++i)
            QCOMPARE(order[size_t(i)], i);
    }

    // Jobs added from two threads while earlier ones finish: each runs exactly once. A QFuture::then
    // chain in its place (Qt 6.4) runs some twice and crashes within a few thousand.
    void jobsAddedWhileTheQueueFinishes()
    {
        constexpr int PerThread = 20000;
        SerialQueue queue;
        std::vector<std::atomic<int>> runs(2 * PerThread);
        auto add = [&queue, &runs](int first) {
            QFuture<void> last;
            for (int i = first; i < first + PerThread; ++i)
                last = queue.run([&runs, i] { runs[size_t(i)].fetch_add(1); });
            return last;
        };
        QFuture<QFuture<void>> other = QtConcurrent::run(add, PerThread);
        QFuture<void> mine = add(0);
        mine.waitForFinished();
        other.result().waitForFinished();
        queue.run([] {}).waitForFinished(); // whichever thread added last, everything before this ran
        int wrong = 0;
        for (const std::atomic<int> &r : runs)
            wrong += r.load() != 1;
        QCOMPARE(wrong, 0);
    }

    // Each job added the moment the one before it has finished, as the cache writer's next page
    // after a drained(): the moment Qt 6.4's then() runs a continuation twice.
    void jobsAddedAsThePreviousFinishes()
    {
        constexpr int Jobs = 20000;
        SerialQueue queue;
        std::vector<std::atomic<int>> runs(Jobs);
        for (int i = 0; i < Jobs; ++i)
            queue.run([&runs, i] { runs[size_t(i)].fetch_add(1); }).waitForFinished();
        queue.run([] {}).waitForFinished();
        // A second run of a job would come from a pool thread after its future finished (and, under
        // Qt 6.4's then(), crash there): let every pool task end before counting.
        QThreadPool::globalInstance()->waitForDone();
        int wrong = 0;
        for (const std::atomic<int> &r : runs)
            wrong += r.load() != 1;
        QCOMPARE(wrong, 0);
    }

    // A pool of one thread (a one-CPU machine): a job of one queue adds jobs to another, and both
    // queues still run everything (nothing waits for a pool thread).
    void onePoolThread()
    {
        QThreadPool::globalInstance()->setMaxThreadCount(1);
        SerialQueue parse;
        SerialQueue store;
        std::atomic<int> stored{0};
        QFuture<void> lastStore;
        QMutex lastMutex;
        QFuture<void> parsed;
        for (int i = 0; i < 50; ++i) {
            parsed = parse.run([&store, &stored, &lastStore, &lastMutex] {
                QFuture<void> f = store.run([&stored] { ++stored; });
                QMutexLocker lock(&lastMutex);
                lastStore = f;
            });
        }
        QVERIFY(QTest::qWaitFor([&parsed] { return parsed.isFinished(); }, 10000));
        QFuture<void> last;
        {
            QMutexLocker lock(&lastMutex);
            last = lastStore;
        }
        QVERIFY(QTest::qWaitFor([&last] { return last.isFinished(); }, 10000));
        QCOMPARE(stored.load(), 50);
    }

    // A job that throws hands its exception to its own future; the queue goes on.
    void anExceptionStaysWithItsJob()
    {
        SerialQueue queue;
        QFuture<int> bad = queue.run([]() -> int { throw std::runtime_error("bad page"); });
        QFuture<int> good = queue.run([] { return 7; });
        QCOMPARE(good.result(), 7);
        bool thrown = false;
        try {
            bad.waitForFinished();
        } catch (const std::runtime_error &) {
            thrown = true;
        }
        QVERIFY(thrown);
    }

    // Pages handed to the cache writer are stored in the order they came: the last page's version of
    // a resource is the one the cache keeps, and every page's rows are there.
    void writerStoresPagesInOrder()
    {
        QTemporaryDir dir;
        auto cache = std::make_shared<RecordCache>(dir.filePath(u"cache.sqlite"_s), RecordCache::randomKey(), u"tester"_s);
        QString error;
        QVERIFY2(cache->open(&error), qPrintable(error));
        CacheWriter writer(cache, u"p1"_s, QDateTime::currentDateTimeUtc());
        constexpr int Pages = 40;
        for (int i = 0; i < Pages; ++i) {
            const QByteArray json = page(i, i);
            writer.enqueue(QJsonDocument::fromJson(json).object(), i % 2 ? json : QByteArray()); // bytes kept, or serialised
        }
        const QFuture<QStringList> drained = writer.drained();
        QVERIFY(QTest::qWaitFor([&drained] { return drained.isFinished(); }, 30000));
        QCOMPARE(drained.result(), QStringList());
        QVERIFY(writer.storeNanoseconds() > 0);
        const QList<CachedResource> rows = cache->load(u"p1"_s, nullptr, &error);
        QCOMPARE(rows.size(), 1 + Pages * 20);
        for (const CachedResource &row : rows)
            if (row.key == u"Observation/same")
                QCOMPARE(row.resource.value(u"valueInteger").toInt(), Pages - 1);
    }

    // A page that cannot be stored is reported by the next drained(), once per page; drained() hands
    // each failure over once.
    void writerReportsWhatItCouldNotStore()
    {
        QTemporaryDir dir;
        // Never opened: no schema, so every page fails.
        auto cache = std::make_shared<RecordCache>(dir.filePath(u"cache.sqlite"_s), RecordCache::randomKey(), u"tester"_s);
        CacheWriter writer(cache, u"p1"_s, QDateTime::currentDateTimeUtc());
        for (int i = 0; i < 3; ++i)
            writer.enqueue(QJsonDocument::fromJson(page(i, i)).object(), QByteArray());
        QFuture<QStringList> first = writer.drained();
        first.waitForFinished();
        QCOMPARE(first.result().size(), 3);
        for (const QString &message : first.result())
            QVERIFY2(message.contains(u"cache"_s, Qt::CaseInsensitive), qPrintable(message));
        QFuture<QStringList> second = writer.drained();
        second.waitForFinished();
        QCOMPARE(second.result(), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestSerialQueue)
#include "tst_serialqueue.moc"
