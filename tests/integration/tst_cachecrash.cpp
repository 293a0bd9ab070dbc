// A killed process leaves a consistent record cache (issue 3): a child process writes pages in a
// loop and is killed with SIGKILL at random points; the cache must then pass SQLite's integrity check,
// every row must decrypt, each patient must hold whole pages only (a page is one transaction),
// every page the child reported committed must be there, a snapshot is either absent or current,
// and the cache takes new writes.
#include "cachecrashpage.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Kakehashi;

namespace {

constexpr int Patients = 3;

struct Run
{
    QString id;
    int reportedPages = 0; // "page N" lines the writer printed before it died: committed for sure
};

// Empty when the cache at |path| is consistent with |runs| (in the order they ran); else what is wrong.
QString inconsistency(const QString &path, const QByteArray &key, const QList<Run> &runs)
{
    // First the file as the killed writer left it, before anything of ours touches it.
    const QString name = QStringLiteral("crash-check");
    const auto raw = [&](const QString &sql, QVariant *value) -> QString {
        QString problem;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            if (!db.open()) {
                problem = QStringLiteral("cannot open the file");
            } else {
                QSqlQuery q(db);
                if (!q.exec(sql) || !q.next())
                    problem = sql + QStringLiteral(": ") + q.lastError().text();
                else
                    *value = q.value(0);
            }
        }
        QSqlDatabase::removeDatabase(name);
        return problem;
    };
    QVariant integrity;
    if (const QString problem = raw(QStringLiteral("PRAGMA integrity_check"), &integrity); !problem.isEmpty())
        return problem;
    if (integrity.toString() != u"ok")
        return QStringLiteral("integrity_check: ") + integrity.toString();

    RecordCache cache(path, key, CacheCrash::User);
    QString error;
    if (!cache.open(&error))
        return QStringLiteral("open: ") + error;
    QVariant rawRows;
    if (const QString problem = raw(QStringLiteral("SELECT count(*) FROM resources"), &rawRows); !problem.isEmpty())
        return problem;
    static const QRegularExpression observationId(QStringLiteral("^Observation/(.+)-(\\d+)-(\\d+)$"));
    static const QRegularExpression markerId(QStringLiteral("^Basic/(.+)-pages$"));
    qint64 loadedRows = 0;
    QMap<QString, int> pagesPerRun;
    for (int n = 0; n < Patients; ++n) {
        const QString patient = CacheCrash::patientId(n);
        int bad = -1;
        const QList<CachedResource> rows = cache.load(patient, &bad, &error);
        if (bad != 0)
            return QStringLiteral("%1: %2 rows do not decrypt").arg(patient).arg(bad);
        loadedRows += rows.size();
        QMap<QString, QMap<int, QSet<int>>> observations; // run → page → item indexes
        QMap<QString, int> markers;                       // run → pages the last page says exist
        for (const CachedResource &r : rows) {
            if (const auto m = observationId.match(r.key); m.hasMatch()) {
                if (r.resource.value(u"note").toString().size() != 400)
                    return r.key + QStringLiteral(": content differs");
                observations[m.captured(1)][m.captured(2).toInt()].insert(m.captured(3).toInt());
            } else if (const auto b = markerId.match(r.key); b.hasMatch()) {
                markers[b.captured(1)] = r.resource.value(u"pages").toInt();
            } else {
                return QStringLiteral("unexpected row ") + r.key;
            }
        }
        QString latestRun;
        for (const Run &run : runs) {
            const QMap<int, QSet<int>> pages = observations.value(run.id);
            if (pages.isEmpty()) {
                if (markers.contains(run.id))
                    return QStringLiteral("%1 run %2: a marker without pages").arg(patient, run.id);
                continue;
            }
            latestRun = run.id;
            // Pages 0..n-1, each whole, and the marker written with the last one.
            if (pages.firstKey() != 0 || pages.lastKey() != pages.size() - 1)
                return QStringLiteral("%1 run %2: pages not contiguous").arg(patient, run.id);
            for (auto it = pages.begin(); it != pages.end(); ++it) {
                if (it.value().size() != CacheCrash::PageSize)
                    return QStringLiteral("%1 run %2: half page %3 (%4 of %5 rows)")
                        .arg(patient, run.id)
                        .arg(it.key())
                        .arg(it.value().size())
                        .arg(CacheCrash::PageSize);
            }
            if (markers.value(run.id) != pages.size())
                return QStringLiteral("%1 run %2: marker says %3 pages, %4 stored").arg(patient, run.id).arg(markers.value(run.id)).arg(pages.size());
            pagesPerRun[run.id] += int(pages.size());
        }
        if (!rows.isEmpty() && cache.revision(patient) <= 0)
            return patient + QStringLiteral(": rows without a revision");
        const RecordCache::SnapshotRead snapshot = cache.loadSnapshot(patient, CacheCrash::SnapshotFormat);
        if (snapshot.status == RecordCache::SnapshotRead::Status::Ok) {
            // Any page stored after the snapshot drops it: a current one describes the last page.
            const QJsonObject s = QJsonDocument::fromJson(snapshot.payload).object();
            if (s.value(u"run").toString() != latestRun || s.value(u"pages").toInt() != observations.value(latestRun).size())
                return patient + QStringLiteral(": the snapshot does not describe the rows");
        } else if (snapshot.status != RecordCache::SnapshotRead::Status::Missing) {
            return patient + QStringLiteral(": snapshot status %1").arg(int(snapshot.status));
        }
    }
    if (loadedRows != rawRows.toLongLong())
        return QStringLiteral("%1 rows in the file, %2 readable").arg(rawRows.toLongLong()).arg(loadedRows);
    // Durability: everything the writer reported is there, and at most the page in flight besides.
    for (const Run &run : runs) {
        const int stored = pagesPerRun.value(run.id);
        if (stored < run.reportedPages || stored > run.reportedPages + 1)
            return QStringLiteral("run %1: reported %2 pages, %3 stored").arg(run.id).arg(run.reportedPages).arg(stored);
    }
    return {};
}

int countPages(const QByteArray &output)
{
    return int(output.count("page "));
}

} // namespace

class TestCacheCrash : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(KAKEHASHI_CACHEWRITER)), KAKEHASHI_CACHEWRITER);
    }

    void killedWriterLeavesConsistentCache_data()
    {
        QTest::addColumn<int>("minPages");  // wait for this many committed pages, then
        QTest::addColumn<int>("maxDelayMs"); // up to this long more, then SIGKILL
        QTest::addColumn<int>("iterations");
        QTest::newRow("right after opening") << 0 << 15 << 4;
        QTest::newRow("during the first pages") << 1 << 60 << 4;
        QTest::newRow("after many pages") << 40 << 40 << 4;
    }

    void killedWriterLeavesConsistentCache()
    {
        QFETCH(int, minPages);
        QFETCH(int, maxDelayMs);
        QFETCH(int, iterations);

        const quint32 seed = qEnvironmentVariableIsSet("KAKEHASHI_CRASH_SEED") ? quint32(qEnvironmentVariableIntValue("KAKEHASHI_CRASH_SEED"))
                                                                                : QRandomGenerator::system()->generate();
        qInfo("seed %u (set KAKEHASHI_CRASH_SEED to repeat)", seed);
        QRandomGenerator random(seed);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("record-cache.sqlite"));
        QByteArray key(RecordCache::KeyBytes, Qt::Uninitialized);
        for (char &c : key)
            c = char(random.bounded(256));

        QList<Run> runs;
        int killedMidRun = 0;
        for (int i = 0; i < iterations; ++i) {
            Run run{QStringLiteral("r%1").arg(i)};
            QProcess writer;
            writer.setProcessChannelMode(QProcess::SeparateChannels);
            writer.start(QStringLiteral(KAKEHASHI_CACHEWRITER),
                         {path, QString::fromLatin1(key.toHex()), run.id, QString::number(Patients)});
            QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
            QByteArray output;
            QDeadlineTimer deadline(30000);
            while (!output.contains("ready\n") || countPages(output) < minPages) {
                QVERIFY2(!deadline.hasExpired(), "the writer made no progress");
                QVERIFY2(writer.state() == QProcess::Running, writer.readAllStandardError().constData());
                writer.waitForReadyRead(100);
                output += writer.readAllStandardOutput();
            }
            QThread::msleep(random.bounded(maxDelayMs + 1));
            writer.kill(); // SIGKILL: no destructor, no rollback, no checkpoint
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
            QVERIFY2(writer.readAllStandardError().isEmpty(), "the writer failed before it was killed");
            output += writer.readAllStandardOutput();
            run.reportedPages = countPages(output);
            runs.append(run);
            if (run.reportedPages > 0)
                ++killedMidRun;

            const QString problem = inconsistency(path, key, runs);
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("after kill %1 (seed %2): %3").arg(i).arg(seed).arg(problem)));

            // The cache takes the next write, and a snapshot on top of it.
            RecordCache cache(path, key, CacheCrash::User);
            QString error;
            QVERIFY2(cache.open(&error), qPrintable(error));
            Run after{QStringLiteral("after%1").arg(i), 1};
            const QString patient = CacheCrash::patientId(i % Patients);
            QVERIFY2(cache.storeResources(patient, CacheCrash::page(after.id, 0, QDateTime::currentDateTimeUtc()), &error), qPrintable(error));
            QVERIFY2(cache.storeSnapshot(patient, cache.revision(patient), CacheCrash::SnapshotFormat,
                                         CacheCrash::snapshotPayload(after.id, 1), &error),
                     qPrintable(error));
            QCOMPARE(cache.loadSnapshot(patient, CacheCrash::SnapshotFormat).status, RecordCache::SnapshotRead::Status::Ok);
            runs.append(after);
            const QString afterWrite = inconsistency(path, key, runs);
            QVERIFY2(afterWrite.isEmpty(), qPrintable(QStringLiteral("after the write following kill %1: %2").arg(i).arg(afterWrite)));
        }
        // The rows with a minimum of pages must really have killed a writer that was writing.
        if (minPages > 0)
            QCOMPARE(killedMidRun, iterations);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestCacheCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_cachecrash.moc"
