// The record loader stores, reads and assembles pages on the thread pool. (1) The record cache moves
// its write-ahead log into the database on a thread of its own (RecordCache::waitForCheckpoints):
// pages stored from pool threads while others read, and a cache destroyed while a checkpoint may be
// running, must lose nothing and read back every row; under the sanitizer build this is also the race
// test of that thread. (2) With a pool of one thread (a one-CPU machine) or every pool thread busy,
// storing, loading and assembling from a pool thread must finish: QtConcurrent::blockingMapped
// waited there for ever (common/parallelmap.h).
#include "common/serialqueue.h"
#include "record/recordassembler.h"
#include "store/recordcache.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

using namespace Kakehashi;
using namespace Qt::StringLiterals;

namespace {

// A searchset page of |count| Observations of ~2 KB each (random text: it does not compress).
QByteArray page(int first, int count)
{
    QJsonArray entries;
    for (int i = first; i < first + count; ++i) {
        QByteArray noise(1500, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(noise.data()), int(noise.size() / 4));
        entries.append(QJsonObject{{u"resource"_s, QJsonObject{{u"resourceType"_s, u"Observation"_s},
                                                               {u"id"_s, u"o%1"_s.arg(i)},
                                                               {u"status"_s, u"final"_s},
                                                               {u"note"_s, QString::fromLatin1(noise.toBase64())}}},
                                   {u"search"_s, QJsonObject{{u"mode"_s, u"match"_s}}}});
    }
    return QJsonDocument(QJsonObject{{u"resourceType"_s, u"Bundle"_s}, {u"type"_s, u"searchset"_s}, {u"entry"_s, entries}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestCacheCheckpoint : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QThreadPool::globalInstance()->setMaxThreadCount(QThread::idealThreadCount()); }

    // Store, load and assemble from the pool's only thread.
    void onePoolThread()
    {
        QThreadPool::globalInstance()->setMaxThreadCount(1);
        QTemporaryDir dir;
        RecordCache cache(dir.filePath(u"record-cache.sqlite"_s), RecordCache::randomKey(), u"tester"_s);
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        const QByteArray json = page(0, 300);
        QFuture<int> done = QtConcurrent::run([&cache, &json] {
            QString storeError;
            if (!cache.storeJson(u"p1"_s, json, QDateTime::currentDateTimeUtc(), &storeError))
                return -1;
            RecordAssembler assembler; // 300 resources: past its threshold for working in parallel
            assembler.addJson(json, u"page"_s);
            const RecordSet set = assembler.finish();
            return int(cache.load(u"p1"_s, nullptr, &storeError).size()) + int(set.resourceCount);
        });
        // A deadlock would leave the pool's thread blocked for good: fail, do not wait for it.
        QTRY_VERIFY_WITH_TIMEOUT(done.isFinished(), 60000);
        QCOMPARE(done.result(), 600);
    }

    // The checkpoints really run while the cache is open: SQLite's own one is switched off for these
    // commits, so without them every row would stay in the -wal file until the cache is closed.
    void checkpointsRunWhileOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"record-cache.sqlite"_s);
        RecordCache cache(path, RecordCache::randomKey(), u"tester"_s);
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        const qint64 before = QFileInfo(path).size();
        constexpr int Pages = 12;
        constexpr int PerPage = 400; // ~0.8 MB a page, ~10 MB in all: the log passes 1000 pages (4 MB) twice
        for (int p = 0; p < Pages; ++p)
            QVERIFY2(cache.storeJson(u"p1"_s, page(p * PerPage, PerPage), QDateTime::currentDateTimeUtc(), &error), qPrintable(error));
        cache.waitForCheckpoints();
        const qint64 data = qint64(Pages) * PerPage * 2000;
        // Everything up to the last checkpoint is in the database file; after it, at most ~1000 pages
        // of log (4 MB) plus one page of rows.
        QVERIFY2(QFileInfo(path).size() - before > data / 2,
                 qPrintable(u"database file %1 bytes for %2 bytes of rows"_s.arg(QFileInfo(path).size()).arg(data)));
    }

    void pagesFromPoolThreadsWhileReading()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"record-cache.sqlite"_s);
        const QByteArray key = RecordCache::randomKey();
        constexpr int Pages = 16;
        constexpr int PerPage = 400; // ~1 MB a page: the log passes 1000 pages (4 MB) several times
        QList<QByteArray> pages;
        for (int p = 0; p < Pages; ++p)
            pages.append(page(p * PerPage, PerPage));
        {
            RecordCache cache(path, key, u"tester"_s);
            QString error;
            QVERIFY2(cache.open(&error), qPrintable(error));
            std::atomic<bool> writing{true};
            // A reader the whole time, as the viewer may read while a refresh stores pages.
            QFuture<int> reader = QtConcurrent::run([&cache, &writing] {
                int reads = 0;
                while (writing) {
                    QString readError;
                    (void)cache.load(u"p1"_s, nullptr, &readError);
                    (void)cache.storedBytes();
                    ++reads;
                }
                return reads;
            });
            // Pages one after another, each on whichever pool thread runs it (as onPage does).
            SerialQueue chain;
            std::atomic<int> failed{0};
            QFuture<void> last;
            for (const QByteArray &json : std::as_const(pages)) {
                last = chain.run([&cache, json, &failed] {
                    QString storeError;
                    if (!cache.storeJson(u"p1"_s, json, QDateTime::currentDateTimeUtc(), &storeError))
                        ++failed;
                });
            }
            last.waitForFinished();
            writing = false;
            QVERIFY(reader.result() > 0);
            QCOMPARE(failed.load(), 0);
            // One more page, then the cache goes away at once: its destructor waits for the checkpoint.
            QVERIFY2(cache.storeJson(u"p1"_s, page(Pages * PerPage, PerPage), QDateTime::currentDateTimeUtc(), &error), qPrintable(error));
        }
        // Everything is in the database file, and a new cache reads every row.
        QVERIFY2(QFileInfo(path).size() > qint64(Pages) * PerPage * 1500, "the rows were not checkpointed into the database");
        RecordCache again(path, key, u"tester"_s);
        QString error;
        QVERIFY2(again.open(&error), qPrintable(error));
        int undecryptable = -1;
        QCOMPARE(again.load(u"p1"_s, &undecryptable, &error).size(), (Pages + 1) * PerPage);
        QCOMPARE(undecryptable, 0);
    }
};

QTEST_GUILESS_MAIN(TestCacheCheckpoint)
#include "tst_cachecheckpoint.moc"
