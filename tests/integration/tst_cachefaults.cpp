// Fault table, cache rows: the record cache on a full disk, and the image cache going over its budget
// while a study is being retrieved. Real SQLite and real files. A full disk is made with
// RLIMIT_FSIZE (no file of this process may grow past a limit: write() fails with EFBIG, as on a
// full file system) — no root or mount needed. Each ends in a clear message, nothing cached is lost
// and the cache stays consistent.
#include "../filesizelimit.h"
#include "../testsupport.h"

#include "store/imagecache.h"
#include "store/recordcache.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QTemporaryDir>


using namespace Kakehashi;
using KakehashiTest::FileSizeLimit;

namespace {
const QByteArray Key(RecordCache::KeyBytes, 'k');
const QString User = QStringLiteral("Dr Test");

QByteArray bundle(const QString &patient, int conditions, int padding)
{
    QByteArray json = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\""
        + patient.toUtf8() + "\"}}";
    for (int i = 0; i < conditions; ++i)
        json += ",{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"" + patient.toUtf8() + "-c" + QByteArray::number(i)
            + "\",\"subject\":{\"reference\":\"Patient/" + patient.toUtf8() + "\"},\"note\":[{\"text\":\""
            + QByteArray(padding, 'x') + "\"}]}}";
    return json + "]}";
}

qint64 largestFile(const QString &dir)
{
    qint64 largest = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden);
    while (it.hasNext())
        largest = qMax(largest, QFileInfo(it.next()).size());
    return largest;
}

} // namespace

class TestCacheFaults : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    void recordCacheOnAFullDisk()
    {
        const QString dir = m_dir.filePath(QStringLiteral("full"));
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir + QStringLiteral("/record-cache.sqlite");
        QString error;
        RecordCache cache(path, Key, User);
        QVERIFY2(cache.open(&error), qPrintable(error));
        QVERIFY2(cache.storeJson(QStringLiteral("p001"), bundle(QStringLiteral("p001"), 5, 200), QDateTime::currentDateTimeUtc(), &error),
                 qPrintable(error));
        int undecryptable = -1;
        const int before = int(cache.load(QStringLiteral("p001"), &undecryptable, &error).size());
        QCOMPARE(before, 6);

        // The disk fills up: a large page cannot be written.
        {
            FileSizeLimit full(rlim_t(largestFile(dir) + 4096));
            if (!full.ok())
                QSKIP("RLIMIT_FSIZE cannot be set here");
            QVERIFY(!cache.storeJson(QStringLiteral("p002"), bundle(QStringLiteral("p002"), 200, 4000), QDateTime::currentDateTimeUtc(),
                                     &error));
            // A clear message with the system's reason, not a crash and not silence.
            qInfo("full disk: %s", qPrintable(error));
            QVERIFY2(error.startsWith(QStringLiteral("The local cache cannot be written")), qPrintable(error));
            QVERIFY2(error.contains(QStringLiteral("full"), Qt::CaseInsensitive) || error.contains(QStringLiteral("I/O"), Qt::CaseInsensitive),
                     qPrintable(error));
            // What was cached before still reads while the disk is full; nothing of the failed page is there.
            QCOMPARE(int(cache.load(QStringLiteral("p001"), &undecryptable, &error).size()), before);
            QCOMPARE(undecryptable, 0);
            QVERIFY(!cache.hasPatient(QStringLiteral("p002")));
        }
        // Space again: the next store works, and the cache reopens consistent.
        QVERIFY2(cache.storeJson(QStringLiteral("p002"), bundle(QStringLiteral("p002"), 200, 4000), QDateTime::currentDateTimeUtc(), &error),
                 qPrintable(error));
        RecordCache reopened(path, Key, User);
        QVERIFY2(reopened.open(&error), qPrintable(error));
        QCOMPARE(int(reopened.load(QStringLiteral("p001"), &undecryptable, &error).size()), before);
        QCOMPARE(int(reopened.load(QStringLiteral("p002"), &undecryptable, &error).size()), 201);
        QCOMPARE(undecryptable, 0);
    }

    void imageCacheOnAFullDisk()
    {
        const QString dir = m_dir.filePath(QStringLiteral("images-full"));
        ImageCache cache(dir, Key, User);
        QString error;
        QVERIFY2(cache.storeInstance(QStringLiteral("1.2.3.1"), QByteArray(10000, 'a'), &error), qPrintable(error));
        QVERIFY2(cache.markComplete(QStringLiteral("1.2.3.1"), 1, &error), qPrintable(error));
        {
            FileSizeLimit full(20000);
            if (!full.ok())
                QSKIP("RLIMIT_FSIZE cannot be set here");
            QVERIFY(!cache.storeInstance(QStringLiteral("1.2.3.2"), QByteArray(100000, 'b'), &error));
            QVERIFY2(!error.isEmpty(), "a failed write says something");
            qInfo("full disk (images): %s", qPrintable(error));
            // The system's reason (file too large / no space left), not "Unknown error".
            QVERIFY2(error.contains(QStringLiteral("large"), Qt::CaseInsensitive) || error.contains(QStringLiteral("space"), Qt::CaseInsensitive),
                     qPrintable(error));
        }
        QVERIFY(!cache.isComplete(QStringLiteral("1.2.3.2")));
        // No half-written instance is left behind (QSaveFile: temporary name, renamed on success).
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            it.next();
            ++files;
        }
        QCOMPARE(files, 2); // study 1: the instance and its marker
        const ImageCache::Listing one = cache.listStudy(QStringLiteral("1.2.3.1"));
        QVERIFY2(one.ok(), qPrintable(one.errorString));
        QCOMPARE(cache.readInstance(QStringLiteral("1.2.3.1"), one.names.first(), &error), QByteArray(10000, 'a'));
    }

    // The budget is passed while a study is still arriving (the housekeeping purge runs meanwhile):
    // the least recently opened study goes first, the one arriving stays; and if the arriving study
    // alone is larger than the budget, it is never presented as complete from the cache.
    void imageCacheOverBudgetDuringRetrieval()
    {
        const QString dir = m_dir.filePath(QStringLiteral("images-budget"));
        ImageCache cache(dir, Key, User);
        QString error;
        const QString older = QStringLiteral("1.2.840.1"), arriving = QStringLiteral("1.2.840.2");
        for (int i = 0; i < 3; ++i)
            QVERIFY(cache.storeInstance(older, QByteArray(50000, char('a' + i)), &error));
        QVERIFY(cache.markComplete(older, 3, &error));
        QTest::qWait(1100); // file times have a resolution of a second on some file systems
        // Two of four instances of the arriving study are in when the purge runs.
        for (int i = 0; i < 2; ++i)
            QVERIFY(cache.storeInstance(arriving, QByteArray(50000, char('m' + i)), &error));
        cache.setBudgetBytes(4 * 60000); // room for the arriving study, not for both
        QVERIFY(cache.purgeExpired(QDateTime::currentDateTimeUtc(), &error) >= 1);
        QVERIFY(!cache.isComplete(older)); // least recently used: gone as a whole
        QCOMPARE(cache.listStudy(older).errorString, QStringLiteral("The study is not in the image cache."));
        for (int i = 2; i < 4; ++i)
            QVERIFY(cache.storeInstance(arriving, QByteArray(50000, char('m' + i)), &error));
        QVERIFY(cache.markComplete(arriving, 4, &error));
        ImageCache::Listing listing = cache.listStudy(arriving);
        QVERIFY2(listing.ok(), qPrintable(listing.errorString));
        QCOMPARE(listing.names.size(), 4);
        QVERIFY(cache.storedBytes() <= 4 * 60000);

        // A budget smaller than the arriving study: its first instances are purged mid-retrieval; the
        // marker then written does not make the rest look complete.
        const QString big = QStringLiteral("1.2.840.3");
        for (int i = 0; i < 2; ++i)
            QVERIFY(cache.storeInstance(big, QByteArray(50000, char('q' + i)), &error));
        cache.setBudgetBytes(60000);
        QVERIFY(cache.purgeExpired(QDateTime::currentDateTimeUtc(), &error) >= 1);
        for (int i = 2; i < 4; ++i)
            QVERIFY(cache.storeInstance(big, QByteArray(50000, char('q' + i)), &error));
        QVERIFY(cache.markComplete(big, 4, &error));
        listing = cache.listStudy(big);
        QVERIFY(!listing.ok());
        QCOMPARE(listing.errorString, QStringLiteral("The cached study is incomplete."));
    }
};

KAKEHASHI_TEST_MAIN(TestCacheFaults)
#include "tst_cachefaults.moc"
