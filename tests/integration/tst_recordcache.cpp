// The encrypted record cache: crypto, persistence, purge, and no plaintext identifiers on disk;
// the assembled-record snapshot beside the rows, and the fallback when it cannot be used.
#include "record/clinicaldocument.h"
#include "record/localrecordsource.h"
#include "session/patientrecordloader.h"
#include "record/recordassembler.h"
#include "store/imagecache.h"
#include "store/recordcache.h"
#include "record/recordsnapshot.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <sys/stat.h>

using namespace Kakehashi;

namespace {

QByteArray samplePatientBundle()
{
    QFile f(QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/fixtures/sharing-service/sample-data/patients/p001.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray allCacheBytes(const QString &path)
{
    QByteArray all;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile f(path + suffix);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

// The permission bits of |path| (no symlink following), or -1 when it is missing.
int modeOf(const QString &path)
{
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QString octal(int mode)
{
    return mode < 0 ? QStringLiteral("missing") : QStringLiteral("0%1").arg(mode, 0, 8);
}

// The most permissive umask while alive: the caches must not rely on the user's.
class UmaskZero
{
public:
    UmaskZero() : m_old(::umask(0)) {}
    ~UmaskZero() { ::umask(m_old); }
    UmaskZero(const UmaskZero &) = delete;
    UmaskZero &operator=(const UmaskZero &) = delete;

private:
    mode_t m_old;
};

// Written out, not compared with operator==: the first field that differs names itself.
QString sameDateTime(const QDateTime &a, const QDateTime &b)
{
    if (a.isValid() != b.isValid() || (a.isValid() && (a != b || a.timeSpec() != b.timeSpec() || a.offsetFromUtc() != b.offsetFromUtc())))
        return a.toString(Qt::ISODateWithMs) + u" != " + b.toString(Qt::ISODateWithMs);
    return {};
}

template<typename T>
QString same(const T &a, const T &b)
{
    if constexpr (std::is_same_v<T, QDateTime>)
        return sameDateTime(a, b);
    else if constexpr (std::is_same_v<T, Fhir::DateTime>) {
        if (a.precision != b.precision)
            return QStringLiteral("precision");
        if (a.offsetSeconds != b.offsetSeconds)
            return QStringLiteral("offset");
        return sameDateTime(a.value, b.value);
    } else if constexpr (std::is_same_v<T, std::optional<double>>) {
        return a == b ? QString() : QStringLiteral("%1 != %2").arg(a.value_or(-1)).arg(b.value_or(-1));
    } else {
        return a == b ? QString() : QStringLiteral("differs");
    }
}

#define KK_FIELD(a, b, field)                                                                                                      \
    if (const QString diff = same((a).field, (b).field); !diff.isEmpty())                                                           \
        return where + QStringLiteral("." #field ": ") + diff;

QString itemDifference(const ClinicalItem &a, const ClinicalItem &b, const QString &where)
{
    KK_FIELD(a, b, category) KK_FIELD(a, b, resourceType) KK_FIELD(a, b, key) KK_FIELD(a, b, title) KK_FIELD(a, b, detail)
    KK_FIELD(a, b, status) KK_FIELD(a, b, active) KK_FIELD(a, b, start) KK_FIELD(a, b, end) KK_FIELD(a, b, codes)
    KK_FIELD(a, b, source.key) KK_FIELD(a, b, source.name) KK_FIELD(a, b, source.basis) KK_FIELD(a, b, source.code) KK_FIELD(a, b, source.unresolvedReason) KK_FIELD(a, b, uninformed)
    KK_FIELD(a, b, redacted) KK_FIELD(a, b, lab.value) KK_FIELD(a, b, lab.text) KK_FIELD(a, b, lab.unit) KK_FIELD(a, b, lab.low)
    KK_FIELD(a, b, lab.high) KK_FIELD(a, b, lab.rangeText) KK_FIELD(a, b, lab.flag) KK_FIELD(a, b, lab.analyteKey)
    KK_FIELD(a, b, encounterClass) KK_FIELD(a, b, documentTypeCode) KK_FIELD(a, b, subtype)
    KK_FIELD(a, b, criticality) KK_FIELD(a, b, imagingEndpointType) KK_FIELD(a, b, imagingEndpointAddress)
    KK_FIELD(a, b, sourceDocument)
    return {};
}

// Empty when |a| and |b| hold the same patients with the same items, field by field, in the same order.
QString recordSetDifference(const RecordSet &a, const RecordSet &b)
{
    QString where = QStringLiteral("set");
    KK_FIELD(a, b, warnings) KK_FIELD(a, b, errors) KK_FIELD(a, b, resourceCount) KK_FIELD(a, b, patients.size())
    for (qsizetype p = 0; p < a.patients.size(); ++p) {
        const PatientRecord &x = a.patients.at(p);
        const PatientRecord &y = b.patients.at(p);
        where = QStringLiteral("patient %1").arg(p);
        KK_FIELD(x, y, patient.key) KK_FIELD(x, y, patient.id) KK_FIELD(x, y, patient.kanjiName) KK_FIELD(x, y, patient.kanaName)
        KK_FIELD(x, y, patient.otherName) KK_FIELD(x, y, patient.gender) KK_FIELD(x, y, patient.birthDate)
        KK_FIELD(x, y, patient.linkedKeys) KK_FIELD(x, y, patient.sourceNames) KK_FIELD(x, y, patient.identityNotes) KK_FIELD(x, y, patient.placeholder)
        KK_FIELD(x, y, patient.identifiers.size())
        for (qsizetype i = 0; i < x.patient.identifiers.size(); ++i) {
            KK_FIELD(x, y, patient.identifiers.at(i).system) KK_FIELD(x, y, patient.identifiers.at(i).value)
        }
        KK_FIELD(x, y, withheldCount) KK_FIELD(x, y, undeliveredCount) KK_FIELD(x, y, incomplete) KK_FIELD(x, y, incompleteReasons) KK_FIELD(x, y, imagesOnly)
        KK_FIELD(x, y, documentSources) KK_FIELD(x, y, items.size())
        KK_FIELD(x, y, withheldByType) KK_FIELD(x, y, notDisclosedForRole)
        for (qsizetype i = 0; i < x.items.size(); ++i) {
            if (const QString diff = itemDifference(x.items.at(i), y.items.at(i), where + QStringLiteral(" item %1").arg(i)); !diff.isEmpty())
                return diff;
        }
    }
    return {};
}

#undef KK_FIELD

// Patient bundles to open: the fixture's samples and, when built, every demo patient (p900 is the big one).
QStringList patientFiles()
{
    QStringList files;
    const QDir samples(QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/fixtures/sharing-service/sample-data/patients"));
    for (const QString &name : samples.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        files.append(samples.filePath(name));
    QString error;
    if (LocalRecordSource::registerDemoData(&error)) {
        const QDir demo(LocalRecordSource::demoDataRoot() + QStringLiteral("/patients"));
        for (const QString &name : demo.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
            files.append(demo.filePath(name));
    }
    return files;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs |sql| on the cache file behind RecordCache's back (a disk-level change, as an attacker or a crash would make).
bool execOnDisk(const QString &path, const QString &sql)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("disk"));
        db.setDatabaseName(path);
        ok = db.open() && QSqlQuery(db).exec(sql);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("disk"));
    return ok;
}

// Runs |statements| in order on the cache file, stopping at the first that fails.
bool execAllOnDisk(const QString &path, const QStringList &statements)
{
    for (const QString &sql : statements)
        if (!execOnDisk(path, sql))
            return false;
    return true;
}

// The first column of every row |sql| gives on the cache file, as strings.
QStringList queryOnDisk(const QString &path, const QString &sql)
{
    QStringList out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("disk"));
        db.setDatabaseName(path);
        QSqlQuery q(db);
        if (db.open() && q.exec(sql))
            while (q.next())
                out << q.value(0).toString();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("disk"));
    return out;
}

// Turns a current cache file back into schema 3, the last one with the WITHOUT ROWID resources
// table: the v3 table definition verbatim, the same rows, version 3.
bool downgradeToVersion3(const QString &path)
{
    return execAllOnDisk(path, {QStringLiteral("CREATE TABLE resources_v3 ("
                                               " user_tag BLOB NOT NULL, patient_tag BLOB NOT NULL, resource_tag BLOB NOT NULL,"
                                               " fetched_at INTEGER NOT NULL, sealed BLOB NOT NULL,"
                                               " PRIMARY KEY (user_tag, patient_tag, resource_tag)) WITHOUT ROWID"),
                                QStringLiteral("INSERT INTO resources_v3 SELECT user_tag, patient_tag, resource_tag, fetched_at, sealed FROM resources"),
                                QStringLiteral("DROP TABLE resources"),
                                QStringLiteral("ALTER TABLE resources_v3 RENAME TO resources"),
                                QStringLiteral("CREATE INDEX resources_fetched ON resources (fetched_at)"),
                                QStringLiteral("UPDATE schema_version SET version = 3")});
}

// Every row of |patientId| as "Type/id" → JSON, for comparing two reads of the cache.
QMap<QString, QByteArray> rowsOf(RecordCache &cache, const QString &patientId, int *undecryptable)
{
    QMap<QString, QByteArray> out;
    QString error;
    for (const CachedResource &r : cache.load(patientId, undecryptable, &error))
        out.insert(r.key, r.json);
    return out;
}

// Replaces every stored snapshot's sealed bytes with |change|(bytes), as a disk-level edit would.
template<typename Change>
bool rewriteSnapshots(const QString &path, Change change)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("disk"));
        db.setDatabaseName(path);
        QSqlQuery q(db);
        ok = db.open() && q.exec(QStringLiteral("SELECT rowid, sealed FROM snapshots"));
        QList<std::pair<qint64, QByteArray>> rows;
        while (ok && q.next())
            rows.append({q.value(0).toLongLong(), change(q.value(1).toByteArray())});
        q.finish();
        ok = ok && !rows.isEmpty();
        for (const auto &[rowid, sealed] : rows) {
            QSqlQuery u(db);
            u.prepare(QStringLiteral("UPDATE snapshots SET sealed = ? WHERE rowid = ?"));
            u.addBindValue(sealed);
            u.addBindValue(rowid);
            ok = ok && u.exec();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("disk"));
    return ok;
}

} // namespace

class TestRecordCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sealRoundTrip()
    {
        const QByteArray key = RecordCache::randomKey();
        const QByteArray plain = QStringLiteral(R"({"resourceType":"Patient","name":"山田"})").toUtf8();
        const QByteArray a = RecordCache::seal(key, plain, "aad");
        const QByteArray b = RecordCache::seal(key, plain, "aad");
        QCOMPARE(a.size(), plain.size() + 12 + 16);
        QVERIFY(a != b); // a fresh nonce per row
        QVERIFY(!a.contains(plain));
        QCOMPARE(RecordCache::unseal(key, a, "aad").value_or(QByteArray()), plain);
    }

    // The image cache names each instance by these (through OpenSSL since issue 12): a name must not
    // change with the library that computes it, or every study cached before would be fetched again.
    // Known answers (FIPS 180-2 "abc", RFC 4231 case 2) and agreement with Qt's implementation.
    void digestsAreStandard()
    {
        QCOMPARE(RecordCache::sha256("abc").toHex(), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(RecordCache::hmacSha256("Jefe", "what do ya want for nothing?").toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        QByteArray big(3 * 1024 * 1024 + 7, '\0');
        for (qsizetype i = 0; i < big.size(); ++i)
            big[i] = char(i * 131 % 251);
        QCOMPARE(RecordCache::sha256(big), QCryptographicHash::hash(big, QCryptographicHash::Sha256));
        QCOMPARE(RecordCache::hmacSha256(RecordCache::randomKey(), QByteArray()).size(), 32);
    }

    void tamperFailsCleanly_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("nonce") << "nonce";
        QTest::newRow("ciphertext") << "ciphertext";
        QTest::newRow("tag") << "tag";
        QTest::newRow("aad") << "aad";
        QTest::newRow("key") << "key";
        QTest::newRow("truncated") << "truncated";
    }

    void tamperFailsCleanly()
    {
        QFETCH(QString, change);
        QByteArray key = RecordCache::randomKey();
        QByteArray aad = "user|patient|resource";
        QByteArray sealed = RecordCache::seal(key, "some clinical JSON", aad);
        QVERIFY(RecordCache::unseal(key, sealed, aad).has_value());
        if (change == u"nonce")
            sealed[0] = char(sealed[0] ^ 1);
        else if (change == u"ciphertext")
            sealed[14] = char(sealed[14] ^ 0x80);
        else if (change == u"tag")
            sealed[sealed.size() - 1] = char(sealed[sealed.size() - 1] ^ 1);
        else if (change == u"aad")
            aad = "user|other-patient|resource";
        else if (change == u"key")
            key[5] = char(key[5] ^ 1);
        else
            sealed.chop(20);
        QVERIFY(!RecordCache::unseal(key, sealed, aad).has_value());
    }

    void noPlaintextOnDisk()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        auto cache = std::make_shared<RecordCache>(path, RecordCache::randomKey(), QStringLiteral("dr-yamamoto"));
        QString error;
        QVERIFY2(cache->open(&error), qPrintable(error));
        const QByteArray bundle = samplePatientBundle();
        QVERIFY(!bundle.isEmpty());
        QVERIFY2(cache->storeJson(QStringLiteral("p001"), bundle, QDateTime::currentDateTimeUtc(), &error), qPrintable(error));
        QVERIFY(cache->load(QStringLiteral("p001"), nullptr, &error).size() >= 32);
        // The assembled snapshot holds the same names, as UTF-16: it must be sealed like the rows.
        const PatientRecordLoader::CacheRead read = PatientRecordLoader::readCache(cache, QStringLiteral("p001"), {});
        QVERIFY(read.set.find(QStringLiteral("p001")));
        QVERIFY(PatientRecordLoader::storeSnapshot(cache, QStringLiteral("p001"), read));
        QVERIFY(cache->hasSnapshot(QStringLiteral("p001")));
        const QByteArray disk = allCacheBytes(path);
        QVERIFY(disk.size() > 4096);
        const QStringList secrets{QStringLiteral("p001"), QStringLiteral("山田"), QStringLiteral("花子"), QStringLiteral("ヤマダ"),
                                  QStringLiteral("ハナコ"), QStringLiteral("00012345"), QStringLiteral("06139999"),
                                  QStringLiteral("dr-yamamoto"), QStringLiteral("1960-02-03"), QStringLiteral("resourceType"),
                                  QStringLiteral("Condition/p001-cond-1")};
        for (const QString &s : secrets) {
            const QByteArray utf16le(reinterpret_cast<const char *>(s.utf16()), s.size() * 2);
            QByteArray utf16be = utf16le;
            for (qsizetype i = 0; i + 1 < utf16be.size(); i += 2)
                std::swap(utf16be[i], utf16be[i + 1]);
            for (const QByteArray &form : {s.toUtf8(), utf16le, utf16be})
                QVERIFY2(!disk.contains(form), qPrintable(QStringLiteral("plaintext on disk: ") + s));
        }
    }

    void reopenReadsSameResources()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QByteArray key = RecordCache::randomKey();
        QStringList keysBefore;
        {
            RecordCache cache(path, key, QStringLiteral("dr"));
            QString error;
            QVERIFY(cache.open(&error));
            QVERIFY(cache.storeJson(QStringLiteral("p001"), samplePatientBundle(), QDateTime::currentDateTimeUtc(), &error));
            for (const CachedResource &r : cache.load(QStringLiteral("p001"), nullptr, &error))
                keysBefore.append(r.key);
        }
        RecordCache reopened(path, key, QStringLiteral("dr"));
        QString error;
        QVERIFY(reopened.open(&error));
        int bad = -1;
        QStringList keysAfter;
        for (const CachedResource &r : reopened.load(QStringLiteral("p001"), &bad, &error))
            keysAfter.append(r.key);
        keysBefore.sort();
        keysAfter.sort();
        QCOMPARE(bad, 0);
        QVERIFY(keysAfter.contains(QStringLiteral("Condition/p001-cond-1")));
        QCOMPARE(keysAfter, keysBefore);

        // Another user, or another session key, sees nothing of it.
        RecordCache otherUser(path, key, QStringLiteral("someone-else"));
        QVERIFY(otherUser.open(&error));
        QVERIFY(otherUser.load(QStringLiteral("p001"), nullptr, &error).isEmpty());
        RecordCache otherKey(path, RecordCache::randomKey(), QStringLiteral("dr"));
        QVERIFY(otherKey.open(&error));
        QVERIFY(otherKey.load(QStringLiteral("p001"), nullptr, &error).isEmpty());
        QVERIFY(!otherKey.hasPatient(QStringLiteral("p001")));
    }

    void ttlPurgeAndBudget()
    {
        QTemporaryDir dir;
        RecordCache cache(dir.filePath(QStringLiteral("cache.sqlite")), RecordCache::randomKey(), QStringLiteral("dr"));
        QString error;
        QVERIFY(cache.open(&error));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(cache.storeResources(QStringLiteral("old"), {{QStringLiteral("Condition/a"), R"({"resourceType":"Condition","id":"a"})", now.addDays(-8)}}, &error));
        QVERIFY(cache.storeResources(QStringLiteral("new"), {{QStringLiteral("Condition/b"), R"({"resourceType":"Condition","id":"b"})", now.addDays(-6)}}, &error));
        QCOMPARE(cache.purgeExpired(now, &error), 1);
        QVERIFY(cache.load(QStringLiteral("old"), nullptr, &error).isEmpty());
        QCOMPARE(cache.load(QStringLiteral("new"), nullptr, &error).size(), 1);

        cache.setTtlSeconds(3600);
        QCOMPARE(cache.purgeExpired(now, &error), 1);
        QVERIFY(!cache.hasPatient(QStringLiteral("new")));

        cache.setTtlSeconds(RecordCache::DefaultTtlSeconds);
        QVERIFY(cache.storeJson(QStringLiteral("p001"), samplePatientBundle(), now.addSecs(-60), &error));
        QVERIFY(cache.storeResources(QStringLiteral("p002"), {{QStringLiteral("Condition/c"), R"({"resourceType":"Condition","id":"c"})", now}}, &error));
        cache.setBudgetBytes(200);
        QVERIFY(cache.purgeExpired(now, &error) >= 32); // the oldest (p001) go first
        QVERIFY(cache.storedBytes() <= 200);
        QVERIFY(cache.hasPatient(QStringLiteral("p002")));

        QVERIFY(cache.purgeAll(&error));
        QCOMPARE(cache.storedBytes(), 0);
        QVERIFY(!cache.hasPatient(QStringLiteral("p002")));
    }

    // A purge removes the cached rows from the disk, not only from the tables: no sealed row may be
    // left in the database file or its log (SQLite keeps deleted pages in the log and as free pages
    // until a checkpoint rewrites them). Another process reading the cache keeps an old view the log
    // cannot be emptied under: the purge then says so (within the busy timeout) instead of reporting
    // the rows gone; once the reader has finished, purging again leaves no trace.
    void purgeLeavesNoSealedRowOnDisk()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        RecordCache cache(path, RecordCache::randomKey(), QStringLiteral("dr"));
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 8; ++i)
            QVERIFY(cache.storeJson(QStringLiteral("p%1").arg(i), samplePatientBundle(), now, &error));
        const QStringList sealedRows = queryOnDisk(path, QStringLiteral("SELECT hex(sealed) FROM resources"));
        QVERIFY(sealedRows.size() > 8);
        // A 24-byte piece from the middle of each sealed row (random ciphertext: found only where it was written).
        QList<QByteArray> pieces;
        for (const QString &row : sealedRows) {
            const QByteArray bytes = QByteArray::fromHex(row.toLatin1());
            if (bytes.size() >= 48)
                pieces << bytes.mid(bytes.size() / 2 - 12, 24);
        }
        QVERIFY(!pieces.isEmpty());
        const auto traces = [&] {
            int found = 0;
            for (const QString &file : QStringList{path, path + QStringLiteral("-wal")}) {
                QFile f(file);
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray all = f.readAll();
                for (const QByteArray &piece : std::as_const(pieces))
                    found += all.contains(piece) ? 1 : 0;
            }
            return found;
        };
        QVERIFY(traces() > 0); // the yardstick finds them while they are cached

        {
            // Another process in the middle of reading: an old view of the cache held open.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM resources")) && q.next());
            QVERIFY(q.value(0).toInt() > 0);
            error.clear();
            QElapsedTimer timer;
            timer.start();
            const bool purged = cache.purgeAll(&error);
            QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
            if (purged)
                QCOMPARE(traces(), 0); // never "removed" while sealed rows are still on disk
            else
                QVERIFY2(error.contains(u"in use"), qPrintable(error));
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("reader"));
        QVERIFY2(cache.purgeAll(&error), qPrintable(error));
        QCOMPARE(traces(), 0);
        QCOMPARE(cache.storedBytes(), 0);
        QVERIFY(!cache.hasPatient(QStringLiteral("p0")));
        // The cache is still usable afterwards.
        QVERIFY2(cache.storeJson(QStringLiteral("p9"), samplePatientBundle(), now, &error), qPrintable(error));
        QVERIFY(cache.hasPatient(QStringLiteral("p9")));
    }

    // Another process in the middle of writing the cache holds its write lock past the busy timeout:
    // the purge's DELETE fails with SQLite's "database is locked". The purge says the cache is in use
    // (not SQLite's words), removes nothing it then claims removed, and succeeds once the writer is done.
    void purgeBehindAWriterSaysInUse()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        RecordCache cache(path, RecordCache::randomKey(), QStringLiteral("dr"));
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        QVERIFY(cache.storeJson(QStringLiteral("p1"), samplePatientBundle(), QDateTime::currentDateTimeUtc(), &error));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("writer"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
            QVERIFY(q.exec(QStringLiteral("DELETE FROM fetches WHERE 0")));
            error.clear();
            QVERIFY(!cache.purgeAll(&error));
            QVERIFY2(error.contains(u"in use by another program"), qPrintable(error));
            QVERIFY2(!error.contains(u"locked"), qPrintable(error));
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("writer"));
        QVERIFY(cache.hasPatient(QStringLiteral("p1"))); // nothing removed behind the writer
        QVERIFY2(cache.purgeAll(&error), qPrintable(error));
        QVERIFY(!cache.hasPatient(QStringLiteral("p1")));
        QCOMPARE(cache.storedBytes(), 0);
    }

    void snapshotRoundTrip_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = patientFiles();
        for (const QString &file : files)
            QTest::newRow(qPrintable((file.startsWith(u':') ? QStringLiteral("demo ") : QStringLiteral("sample "))
                                     + QFileInfo(file).completeBaseName())) << file;
        if (std::none_of(files.begin(), files.end(), [](const QString &f) { return f.endsWith(u"/p900.json"); }))
            qWarning("demo data not built (target demo_data): the heavy patient p900 is not covered");
    }

    // Assembled from the rows, kept as a snapshot, read back: the same record, field by field.
    void snapshotRoundTrip()
    {
        QFETCH(QString, file);
        const QByteArray bundle = readFile(file);
        QVERIFY(!bundle.isEmpty());
        const QString id = QFileInfo(file).completeBaseName();
        QTemporaryDir dir;
        auto cache = std::make_shared<RecordCache>(dir.filePath(QStringLiteral("cache.sqlite")), RecordCache::randomKey(), QStringLiteral("dr"));
        QString error;
        QVERIFY2(cache->open(&error), qPrintable(error));
        const QDateTime fetched = QDateTime::currentDateTimeUtc().addSecs(-30);
        QVERIFY2(cache->storeJson(id, bundle, fetched, &error), qPrintable(error));
        QVERIFY(cache->setLastCompleteFetch(id, fetched, &error));

        const PatientRecordLoader::CacheRead assembled = PatientRecordLoader::readCache(cache, id, {});
        QCOMPARE(assembled.origin, PatientRecordLoader::CacheRead::Origin::Resources);
        QVERIFY(assembled.snapshotWanted);
        const PatientRecord *record = assembled.set.find(id);
        QVERIFY(record);
        QVERIFY(!record->items.isEmpty());

        // The serialization alone.
        const RecordSnapshot snapshot{assembled.set, assembled.cachedAt, assembled.rows};
        const std::optional<RecordSnapshot> back = RecordSnapshot::deserialize(snapshot.serialize());
        QVERIFY(back);
        QCOMPARE(recordSetDifference(back->set, assembled.set), QString());
        QCOMPARE(back->resourceRows, assembled.rows);
        QCOMPARE(sameDateTime(back->newestFetch, assembled.cachedAt), QString());
        // Flags no assembled record sets (images-only records come from local DICOM) travel too.
        RecordSet flagged = assembled.set;
        flagged.patients.first().imagesOnly = true;
        const std::optional<RecordSnapshot> flaggedBack = RecordSnapshot::deserialize(RecordSnapshot{flagged, assembled.cachedAt, assembled.rows}.serialize());
        QVERIFY(flaggedBack);
        QCOMPARE(recordSetDifference(flaggedBack->set, flagged), QString());

        // Through the cache: sealed, stored, read and opened again.
        QVERIFY(!cache->hasSnapshot(id));
        QVERIFY(PatientRecordLoader::storeSnapshot(cache, id, assembled));
        const PatientRecordLoader::CacheRead warm = PatientRecordLoader::readCache(cache, id, {});
        QCOMPARE(warm.origin, PatientRecordLoader::CacheRead::Origin::Snapshot);
        QVERIFY(!warm.snapshotWanted);
        QCOMPARE(recordSetDifference(warm.set, assembled.set), QString());
        QCOMPARE(warm.rows, assembled.rows);
        QCOMPARE(sameDateTime(warm.cachedAt, assembled.cachedAt), QString());
        QCOMPARE(sameDateTime(warm.since, assembled.since), QString());
        QCOMPARE(warm.cachedAt.toSecsSinceEpoch(), fetched.toSecsSinceEpoch());

        // The snapshot keeps document sources compressed: each document opens from the warm record
        // exactly as from the assembled one.
        const PatientRecord *warmRecord = warm.set.find(id);
        QVERIFY(warmRecord);
        for (auto it = record->documentSources.cbegin(); it != record->documentSources.cend(); ++it) {
            QVERIFY(!warmRecord->documentSources.value(it.key()).json().isEmpty());
            const DocumentLoadResult fromAssembled = ClinicalDocumentReader::load(*record, it.key());
            const DocumentLoadResult fromWarm = ClinicalDocumentReader::load(*warmRecord, it.key());
            QCOMPARE(fromWarm.status, fromAssembled.status);
            QCOMPARE(fromWarm.message, fromAssembled.message);
            QCOMPARE(fromWarm.content, fromAssembled.content);
            QCOMPARE(fromWarm.document.title, fromAssembled.document.title);
            QCOMPARE(fromWarm.document.sections.size(), fromAssembled.document.sections.size());
        }
    }

    // A kept document source that does not inflate opens as a malformed document with a message:
    // never a crash, never an empty document shown as complete.
    void corruptCompressedDocumentSource()
    {
        RecordAssembler assembler;
        assembler.addJson(samplePatientBundle(), QStringLiteral("test"));
        RecordSet set = assembler.finish();
        QVERIFY(!set.patients.isEmpty());
        PatientRecord &record = set.patients.first();
        ClinicalItem document;
        document.category = ItemCategory::Document;
        document.key = QStringLiteral("DiagnosticReport/broken");
        document.title = QStringLiteral("Report");
        record.items.append(document);
        QByteArray junk = qCompress(QByteArrayLiteral("{\"resourceType\":\"Bundle\"}"), 1);
        junk.truncate(junk.size() / 2);
        record.documentSources.insert(document.key, DocumentSource::fromCompressed(junk));
        QVERIFY(record.documentSources.value(document.key).json().isEmpty());
        const DocumentLoadResult r = ClinicalDocumentReader::load(record, document.key);
        QVERIFY(!r.isOk());
        QVERIFY(!r.message.isEmpty());
    }

    void snapshotFallback_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("tampered ciphertext") << "tampered";
        QTest::newRow("truncated") << "truncated";
        QTest::newRow("format column changed") << "formatColumn";
        QTest::newRow("sealed as another format") << "otherFormat";
        QTest::newRow("payload of another format") << "otherPayload";
        QTest::newRow("payload cut short") << "shortPayload";
        QTest::newRow("revision moved on") << "revision";
        QTest::newRow("moved from another patient") << "otherPatient";
        QTest::newRow("other session key") << "otherKey";
    }

    // A snapshot that cannot be used falls back to the rows: the same record, no crash, and the
    // snapshot is rebuilt so the next open is warm again.
    void snapshotFallback()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QByteArray key = RecordCache::randomKey();
        auto cache = std::make_shared<RecordCache>(path, key, QStringLiteral("dr"));
        QString error;
        QVERIFY(cache->open(&error));
        const QString id = QStringLiteral("p001");
        const QDateTime fetched = QDateTime::currentDateTimeUtc();
        QVERIFY(cache->storeJson(id, samplePatientBundle(), fetched, &error));
        QVERIFY(cache->storeJson(QStringLiteral("p002"), readFile(QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/fixtures/sharing-service/sample-data/patients/p002.json")), fetched, &error));
        const PatientRecordLoader::CacheRead reference = PatientRecordLoader::readCache(cache, id, {});
        QVERIFY(reference.set.find(id));
        QVERIFY(PatientRecordLoader::storeSnapshot(cache, id, reference));
        QVERIFY(PatientRecordLoader::storeSnapshot(cache, QStringLiteral("p002"), PatientRecordLoader::readCache(cache, QStringLiteral("p002"), {})));
        QCOMPARE(PatientRecordLoader::readCache(cache, id, {}).origin, PatientRecordLoader::CacheRead::Origin::Snapshot);

        const QByteArray payload = RecordSnapshot{reference.set, reference.cachedAt, reference.rows}.serialize();
        RecordCache::SnapshotRead::Status expected = RecordCache::SnapshotRead::Status::Undecryptable;
        if (damage == u"tampered") {
            QVERIFY(rewriteSnapshots(path, [](QByteArray sealed) {
                sealed[100] = char(sealed[100] ^ 0x01);
                return sealed;
            }));
        } else if (damage == u"truncated") {
            QVERIFY(execOnDisk(path, QStringLiteral("UPDATE snapshots SET sealed = substr(sealed, 1, length(sealed) / 2)")));
        } else if (damage == u"formatColumn") {
            QVERIFY(execOnDisk(path, QStringLiteral("UPDATE snapshots SET format = format + 1")));
            expected = RecordCache::SnapshotRead::Status::OtherFormat;
        } else if (damage == u"otherFormat") {
            QVERIFY(cache->storeSnapshot(id, cache->revision(id), RecordSnapshot::FormatVersion + 1, payload, &error));
            expected = RecordCache::SnapshotRead::Status::OtherFormat;
        } else if (damage == u"otherPayload" || damage == u"shortPayload") {
            // Sealed correctly, but not a snapshot this build can read.
            QByteArray bad = payload;
            if (damage == u"otherPayload")
                bad[7] = char(bad[7] + 1); // the format number inside (little-endian, after the magic)
            else
                bad.chop(bad.size() / 3);
            QVERIFY(cache->storeSnapshot(id, cache->revision(id), RecordSnapshot::FormatVersion, bad, &error));
            expected = RecordCache::SnapshotRead::Status::Ok;
        } else if (damage == u"revision") {
            QVERIFY(execOnDisk(path, QStringLiteral("UPDATE revisions SET revision = revision + 1")));
            expected = RecordCache::SnapshotRead::Status::Stale;
        } else if (damage == u"otherPatient") {
            QVERIFY(execOnDisk(path, QStringLiteral("UPDATE snapshots SET sealed = (SELECT s2.sealed FROM snapshots s2"
                                                    " WHERE s2.patient_tag != snapshots.patient_tag)")));
        } else if (damage == u"otherKey") {
            // A well-formed snapshot sealed under some other key.
            QVERIFY(rewriteSnapshots(path, [&payload](const QByteArray &) { return RecordCache::seal(RecordCache::randomKey(), payload, "snapshot"); }));
        }
        QCOMPARE(cache->loadSnapshot(id, RecordSnapshot::FormatVersion).status, expected);

        const PatientRecordLoader::CacheRead fallback = PatientRecordLoader::readCache(cache, id, {});
        QCOMPARE(fallback.origin, PatientRecordLoader::CacheRead::Origin::Resources);
        QCOMPARE(recordSetDifference(fallback.set, reference.set), QString());
        QCOMPARE(fallback.rows, reference.rows);
        QVERIFY(fallback.snapshotWanted);
        // Rebuilt: warm again, and still the same record.
        QVERIFY(PatientRecordLoader::storeSnapshot(cache, id, fallback));
        const PatientRecordLoader::CacheRead warm = PatientRecordLoader::readCache(cache, id, {});
        QCOMPARE(warm.origin, PatientRecordLoader::CacheRead::Origin::Snapshot);
        QCOMPARE(recordSetDifference(warm.set, reference.set), QString());
    }

    void snapshotDeserializeRejectsJunk_data()
    {
        QTest::addColumn<int>("keep"); // bytes of a real snapshot kept; -1 = random bytes
        QTest::newRow("empty") << 0;
        QTest::newRow("magic only") << 4;
        QTest::newRow("header only") << 8;
        QTest::newRow("half") << 50;
        QTest::newRow("all but one byte") << 99;
        QTest::newRow("random") << -1;
    }

    void snapshotDeserializeRejectsJunk()
    {
        QFETCH(int, keep);
        RecordAssembler assembler;
        assembler.addJson(samplePatientBundle(), QStringLiteral("test"));
        const QByteArray full = RecordSnapshot{assembler.finish(), QDateTime::currentDateTimeUtc(), 3}.serialize();
        QVERIFY(RecordSnapshot::deserialize(full));
        QByteArray bytes;
        if (keep < 0) {
            bytes = full;
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data() + 8), int((bytes.size() - 8) / 4));
        } else if (keep <= 8) {
            bytes = full.left(keep);
        } else {
            bytes = full.left(full.size() * keep / 100);
        }
        QVERIFY(!RecordSnapshot::deserialize(bytes).has_value());
    }

    // Anything that changes a patient's rows drops its snapshot: new rows, TTL, budget, purge.
    void snapshotInvalidation()
    {
        QTemporaryDir dir;
        auto cache = std::make_shared<RecordCache>(dir.filePath(QStringLiteral("cache.sqlite")), RecordCache::randomKey(), QStringLiteral("dr"));
        QString error;
        QVERIFY(cache->open(&error));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString id = QStringLiteral("p001");
        auto snapshotNow = [&] {
            return PatientRecordLoader::storeSnapshot(cache, id, PatientRecordLoader::readCache(cache, id, {}));
        };
        QVERIFY(cache->storeJson(id, samplePatientBundle(), now.addDays(-3), &error));
        QVERIFY(snapshotNow());
        const qint64 before = cache->revision(id);

        // An empty refresh page changes nothing.
        QVERIFY(cache->storeResources(id, {}, &error));
        QVERIFY(cache->hasSnapshot(id));
        QCOMPARE(cache->revision(id), before);

        // A refresh that stored rows: the snapshot goes, and one assembled before it cannot be stored.
        const PatientRecordLoader::CacheRead older = PatientRecordLoader::readCache(cache, id, QString());
        QCOMPARE(older.origin, PatientRecordLoader::CacheRead::Origin::Snapshot);
        QVERIFY(execOnDisk(cache->path(), QStringLiteral("DELETE FROM snapshots")));
        const PatientRecordLoader::CacheRead assembledBefore = PatientRecordLoader::readCache(cache, id, {});
        QVERIFY(cache->storeResources(id, {{QStringLiteral("Condition/new"), R"({"resourceType":"Condition","id":"new","subject":{"reference":"Patient/p001"}})", now}}, &error));
        QVERIFY(cache->revision(id) > before);
        QVERIFY(!PatientRecordLoader::storeSnapshot(cache, id, assembledBefore));
        QVERIFY(!cache->hasSnapshot(id));
        QVERIFY(snapshotNow());
        QCOMPARE(PatientRecordLoader::readCache(cache, id, {}).rows, assembledBefore.rows + 1);

        // Snapshot bytes count against the budget.
        const qint64 withSnapshot = cache->storedBytes();
        QVERIFY(execOnDisk(cache->path(), QStringLiteral("DELETE FROM snapshots")));
        QVERIFY(cache->storedBytes() < withSnapshot);
        QVERIFY(snapshotNow());

        // TTL: the rows fetched three days ago expire, and the snapshot with them.
        cache->setTtlSeconds(24 * 3600);
        QVERIFY(cache->purgeExpired(now, &error) >= 32);
        QVERIFY(!cache->hasSnapshot(id));
        QCOMPARE(PatientRecordLoader::readCache(cache, id, {}).rows, 1);

        // Budget: evicting a patient's rows drops its snapshot.
        cache->setTtlSeconds(RecordCache::DefaultTtlSeconds);
        QVERIFY(cache->storeJson(id, samplePatientBundle(), now.addSecs(-60), &error));
        QVERIFY(snapshotNow());
        cache->setBudgetBytes(cache->storedBytes() - 1);
        QVERIFY(cache->purgeExpired(now, &error) >= 1);
        QVERIFY(!cache->hasSnapshot(id));

        cache->setBudgetBytes(RecordCache::DefaultBudgetBytes);
        QVERIFY(snapshotNow());
        QVERIFY(cache->purgeAll(&error));
        QVERIFY(!cache->hasSnapshot(id));
        QCOMPARE(cache->storedBytes(), 0);
    }

    // A cache written by the previous version (schema 2, no snapshots) keeps its rows and fetch
    // times, and gains snapshots.
    // The database, its -wal, -shm and -journal, and the folders created for it are owner-only
    // whatever the umask; files an older version left 0644 in a 0755 folder are tightened.
    void cacheFilesAreOwnerOnly()
    {
        const UmaskZero umaskZero;
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("new/kakehashi"));
        const QString path = folder + QStringLiteral("/cache.sqlite");
        auto cache = std::make_unique<RecordCache>(path, RecordCache::randomKey(), QStringLiteral("dr"));
        QString error;
        QVERIFY2(cache->open(&error), qPrintable(error));
        for (const QString &d : {dir.filePath(QStringLiteral("new")), folder})
            QVERIFY2(modeOf(d) == 0700, qPrintable(d + u' ' + octal(modeOf(d))));
        QCOMPARE(octal(modeOf(path)), octal(0600));
        {
            // A second connection held open keeps the -wal and -shm files after the cache's own closes.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM resources")));
            QVERIFY2(cache->storeJson(QStringLiteral("p001"), samplePatientBundle(), QDateTime::currentDateTimeUtc(), &error), qPrintable(error));
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM resources")) && q.next() && q.value(0).toInt() > 0);
            QCOMPARE(octal(modeOf(path + QStringLiteral("-wal"))), octal(0600));
            QCOMPARE(octal(modeOf(path + QStringLiteral("-shm"))), octal(0600));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        // Closed: another tool can change the journal mode only of a database no one else has open
        // (an open RecordCache keeps a connection, so its WAL is not checkpointed away at every call).
        cache.reset();
        {
            // A rollback journal (another tool, or SQLite before WAL is set) gets the same mode.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("journal"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode=DELETE")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("delete"));
            q.finish();
            QVERIFY(db.transaction());
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE journal_probe (x INTEGER)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO journal_probe VALUES (1)")));
            QCOMPARE(octal(modeOf(path + QStringLiteral("-journal"))), octal(0600));
            QVERIFY(db.rollback());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("journal"));

        // What an older version left: a 0755 folder, a 0644 database and a 0644 -wal.
        const QString oldFolder = dir.filePath(QStringLiteral("old"));
        QVERIFY(QDir().mkpath(oldFolder));
        QVERIFY(::chmod(QFile::encodeName(oldFolder).constData(), 0755) == 0);
        const QString oldPath = oldFolder + QStringLiteral("/cache.sqlite");
        QVERIFY(QFile::copy(path, oldPath));
        QFile wal(oldPath + QStringLiteral("-wal"));
        QVERIFY(wal.open(QIODevice::WriteOnly));
        wal.close();
        for (const QString &f : {oldPath, wal.fileName()})
            QVERIFY(::chmod(QFile::encodeName(f).constData(), 0644) == 0);
        RecordCache old(oldPath, RecordCache::randomKey(), QStringLiteral("dr"));
        QVERIFY2(old.open(&error), qPrintable(error));
        QCOMPARE(octal(modeOf(oldFolder)), octal(0700));
        QCOMPARE(octal(modeOf(oldPath)), octal(0600));
        const int walMode = modeOf(wal.fileName());
        QVERIFY2(walMode == 0600 || walMode == -1, qPrintable(octal(walMode))); // SQLite may have removed it

        // A shared folder (sticky, like /tmp) is used but never changed.
        const QString shared = dir.filePath(QStringLiteral("shared"));
        QVERIFY(QDir().mkpath(shared));
        QVERIFY(::chmod(QFile::encodeName(shared).constData(), 01777) == 0);
        RecordCache inShared(shared + QStringLiteral("/cache.sqlite"), RecordCache::randomKey(), QStringLiteral("dr"));
        QVERIFY2(inShared.open(&error), qPrintable(error));
        QCOMPARE(octal(modeOf(shared)), octal(01777));
        QCOMPARE(octal(modeOf(shared + QStringLiteral("/cache.sqlite"))), octal(0600));

        // A symbolic link in place of the database is refused, not followed.
        const QString linkPath = dir.filePath(QStringLiteral("new/link.sqlite"));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("elsewhere.sqlite")), linkPath));
        RecordCache linked(linkPath, RecordCache::randomKey(), QStringLiteral("dr"));
        error.clear();
        QVERIFY(!linked.open(&error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("elsewhere.sqlite"))));
    }

    // The image cache: every folder 0700 and every sealed file 0600 whatever the umask. (Nothing is
    // ever decrypted to disk: instances are read into memory, see StudyRetrieval.)
    void imageCacheFilesAreOwnerOnly()
    {
        const UmaskZero umaskZero;
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("image-cache"));
        QVERIFY(QDir().mkpath(root));
        QVERIFY(::chmod(QFile::encodeName(root).constData(), 0755) == 0); // as an older version left it
        ImageCache cache(root, RecordCache::randomKey(), QStringLiteral("dr"));
        QString error;
        const QString study = QStringLiteral("1.2.392.200036.9116.2.6.1.48.1215709044.1459316254.522441");
        QVERIFY2(cache.storeInstance(study, QByteArray(2000, 'x'), &error), qPrintable(error));
        QVERIFY2(cache.storeInstance(study, QByteArray(3000, 'y'), &error), qPrintable(error));
        QVERIFY2(cache.markComplete(study, 2, &error), qPrintable(error));
        int files = 0;
        int folders = 0;
        QDirIterator it(root, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString p = it.next();
            const bool isDir = it.fileInfo().isDir();
            (isDir ? folders : files) += 1;
            QVERIFY2(modeOf(p) == (isDir ? 0700 : 0600), qPrintable(p + u' ' + octal(modeOf(p))));
        }
        QCOMPARE(files, 3);
        QCOMPARE(folders, 2);
        QCOMPARE(octal(modeOf(root)), octal(0700));
    }

    // Fault: the cache file is not a database (corrupted, or something else at its path). Opening
    // says so; the file is left as it was (nothing is overwritten or deleted behind the user's back).
    void corruptedCacheFileIsAClearError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        QByteArray junk(64 * 1024, Qt::Uninitialized);
        QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(junk.data()), junk.size() / 4);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(junk);
        }
        RecordCache cache(path, RecordCache::randomKey(), QStringLiteral("dr"));
        QString error;
        QVERIFY(!cache.open(&error));
        QVERIFY2(error.startsWith(RecordCache::tr("The local cache cannot be opened: %1").arg(QString()).trimmed()), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), junk);
    }

    // Fault: another process holds the write lock. A store waits the busy timeout, then fails with a
    // message (bounded, no hang); what was cached before is still there, and the next store works.
    void lockedCacheFailsCleanlyAndRecovers()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        RecordCache cache(path, RecordCache::randomKey(), QStringLiteral("dr"));
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        QVERIFY(cache.storeJson(QStringLiteral("p001"), samplePatientBundle(), QDateTime::currentDateTimeUtc(), &error));
        const qsizetype before = cache.load(QStringLiteral("p001"), nullptr, &error).size();
        QVERIFY(before > 0);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QElapsedTimer timer;
            timer.start();
            error.clear();
            QVERIFY(!cache.storeJson(QStringLiteral("p002"), samplePatientBundle(), QDateTime::currentDateTimeUtc(), &error));
            QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
            QVERIFY2(error.startsWith(RecordCache::tr("The local cache cannot be written: %1").arg(QString()).trimmed()), qPrintable(error));
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        QCOMPARE(cache.load(QStringLiteral("p001"), nullptr, &error).size(), before);
        QVERIFY2(cache.storeJson(QStringLiteral("p002"), samplePatientBundle(), QDateTime::currentDateTimeUtc(), &error), qPrintable(error));
        QVERIFY(cache.hasPatient(QStringLiteral("p002")));
    }

    void migratesFromVersion2()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QByteArray key = RecordCache::randomKey();
        const QDateTime fetched = QDateTime::currentDateTimeUtc().addSecs(-120);
        int rowsBefore = 0;
        {
            RecordCache cache(path, key, QStringLiteral("dr"));
            QString error;
            QVERIFY(cache.open(&error));
            QVERIFY(cache.storeJson(QStringLiteral("p001"), samplePatientBundle(), fetched, &error));
            QVERIFY(cache.setLastCompleteFetch(QStringLiteral("p001"), fetched, &error));
            rowsBefore = int(cache.load(QStringLiteral("p001"), nullptr, &error).size());
        }
        // Back to exactly what schema 2 had: v3 only added these two tables.
        QVERIFY(execOnDisk(path, QStringLiteral("DROP TABLE snapshots")));
        QVERIFY(execOnDisk(path, QStringLiteral("DROP TABLE revisions")));
        QVERIFY(execOnDisk(path, QStringLiteral("UPDATE schema_version SET version = 2")));

        auto cache = std::make_shared<RecordCache>(path, key, QStringLiteral("dr"));
        QString error;
        QVERIFY2(cache->open(&error), qPrintable(error));
        QCOMPARE(int(cache->load(QStringLiteral("p001"), nullptr, &error).size()), rowsBefore);
        QCOMPARE(cache->lastCompleteFetch(QStringLiteral("p001")).toSecsSinceEpoch(), fetched.toSecsSinceEpoch());
        QCOMPARE(cache->revision(QStringLiteral("p001")), qint64(0));
        const PatientRecordLoader::CacheRead read = PatientRecordLoader::readCache(cache, QStringLiteral("p001"), {});
        QCOMPARE(read.origin, PatientRecordLoader::CacheRead::Origin::Resources);
        QCOMPARE(read.rows, rowsBefore);
        QVERIFY(PatientRecordLoader::storeSnapshot(cache, QStringLiteral("p001"), read));
        const PatientRecordLoader::CacheRead warm = PatientRecordLoader::readCache(cache, QStringLiteral("p001"), {});
        QCOMPARE(warm.origin, PatientRecordLoader::CacheRead::Origin::Snapshot);
        QCOMPARE(recordSetDifference(warm.set, read.set), QString());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe2"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT version FROM schema_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), RecordCache::SchemaVersion);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("probe2"));
    }

    // Schema 4 (rowid resources table): a cache written under schema 3 opens, is migrated, and keeps
    // every row of every patient, byte for byte, with its last complete fetch; a later store of the
    // same resources updates them in place (the unique index on the tags), adding no rows.
    void migratesVersion3KeepingEveryRecord()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QByteArray key = RecordCache::randomKey();
        const QDateTime fetched = QDateTime::currentDateTimeUtc().addSecs(-120);
        const QByteArray p002 = readFile(QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/fixtures/sharing-service/sample-data/patients/p002.json"));
        QMap<QString, QByteArray> p001Rows;
        QMap<QString, QByteArray> p002Rows;
        {
            RecordCache cache(path, key, QStringLiteral("dr"));
            QString error;
            QVERIFY2(cache.open(&error), qPrintable(error));
            QVERIFY(cache.storeJson(QStringLiteral("p001"), samplePatientBundle(), fetched, &error));
            QVERIFY(cache.storeJson(QStringLiteral("p002"), p002, fetched, &error));
            QVERIFY(cache.setLastCompleteFetch(QStringLiteral("p001"), fetched, &error));
            p001Rows = rowsOf(cache, QStringLiteral("p001"), nullptr);
            p002Rows = rowsOf(cache, QStringLiteral("p002"), nullptr);
        }
        QVERIFY(p001Rows.size() > 5 && !p002Rows.isEmpty());
        QVERIFY(downgradeToVersion3(path));
        const QString tableSql = QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'resources'");
        QVERIFY(queryOnDisk(path, tableSql).value(0).contains(QLatin1String("WITHOUT ROWID")));

        RecordCache cache(path, key, QStringLiteral("dr"));
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        QCOMPARE(queryOnDisk(path, QStringLiteral("SELECT version FROM schema_version")), QStringList{QString::number(RecordCache::SchemaVersion)});
        QVERIFY(!queryOnDisk(path, tableSql).value(0).contains(QLatin1String("WITHOUT ROWID")));
        QCOMPARE(queryOnDisk(path, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'resources' ORDER BY name")),
                 (QStringList{QStringLiteral("resources_fetched"), QStringLiteral("resources_tag")}));
        int undecryptable = -1;
        QCOMPARE(rowsOf(cache, QStringLiteral("p001"), &undecryptable), p001Rows);
        QCOMPARE(undecryptable, 0);
        QCOMPARE(rowsOf(cache, QStringLiteral("p002"), &undecryptable), p002Rows);
        QCOMPARE(cache.lastCompleteFetch(QStringLiteral("p001")).toSecsSinceEpoch(), fetched.toSecsSinceEpoch());

        const QStringList countSql = queryOnDisk(path, QStringLiteral("SELECT COUNT(*) FROM resources"));
        QVERIFY(cache.storeJson(QStringLiteral("p001"), samplePatientBundle(), QDateTime::currentDateTimeUtc(), &error));
        QCOMPARE(queryOnDisk(path, QStringLiteral("SELECT COUNT(*) FROM resources")), countSql);
        QCOMPARE(rowsOf(cache, QStringLiteral("p001"), nullptr).keys(), p001Rows.keys());
    }

    // A migration that cannot finish (another process holds the write lock) fails with a message and
    // leaves the file as it was: schema 3, every row, no half-built table. Once the lock is gone the
    // same file migrates and reads in full.
    void failedMigrationLosesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QByteArray key = RecordCache::randomKey();
        QMap<QString, QByteArray> rows;
        {
            RecordCache cache(path, key, QStringLiteral("dr"));
            QString error;
            QVERIFY2(cache.open(&error), qPrintable(error));
            QVERIFY(cache.storeJson(QStringLiteral("p001"), samplePatientBundle(), QDateTime::currentDateTimeUtc(), &error));
            rows = rowsOf(cache, QStringLiteral("p001"), nullptr);
        }
        QVERIFY(downgradeToVersion3(path));
        const QStringList before = queryOnDisk(path, QStringLiteral("SELECT hex(resource_tag) || hex(sealed) FROM resources ORDER BY resource_tag"));
        QCOMPARE(before.size(), rows.size());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            RecordCache cache(path, key, QStringLiteral("dr"));
            QString error;
            QElapsedTimer timer;
            timer.start();
            QVERIFY(!cache.open(&error));
            QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
            QVERIFY2(error.startsWith(RecordCache::tr("The local cache could not be upgraded: %1").arg(QString()).trimmed()), qPrintable(error));
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        QCOMPARE(queryOnDisk(path, QStringLiteral("SELECT version FROM schema_version")), QStringList{QStringLiteral("3")});
        QCOMPARE(queryOnDisk(path, QStringLiteral("SELECT name FROM sqlite_master WHERE name = 'resources_v4'")), QStringList());
        QCOMPARE(queryOnDisk(path, QStringLiteral("SELECT hex(resource_tag) || hex(sealed) FROM resources ORDER BY resource_tag")), before);

        RecordCache cache(path, key, QStringLiteral("dr"));
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        int undecryptable = -1;
        QCOMPARE(rowsOf(cache, QStringLiteral("p001"), &undecryptable), rows);
        QCOMPARE(undecryptable, 0);
    }

    void migratesAndRejectsNewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        QString error;
        {
            RecordCache cache(path, RecordCache::randomKey(), QStringLiteral("dr"));
            QVERIFY(cache.open(&error));
            QVERIFY(cache.open(&error)); // idempotent
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT version FROM schema_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), RecordCache::SchemaVersion);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            QVERIFY(q.exec(QStringLiteral("UPDATE schema_version SET version = 99")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("probe"));
        RecordCache cache(path, RecordCache::randomKey(), QStringLiteral("dr"));
        QVERIFY(!cache.open(&error));
        QVERIFY(!error.isEmpty());
    }
};

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestRecordCache test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recordcache.moc"
