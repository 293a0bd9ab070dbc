// The encrypted record cache: crypto, persistence, purge, and no plaintext identifiers on disk.
#include "recordcache.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Kakehashi;

namespace {

QByteArray randomKey()
{
    QByteArray key(RecordCache::KeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), RecordCache::KeyBytes / 4);
    return key;
}

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

} // namespace

class TestRecordCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sealRoundTrip()
    {
        const QByteArray key = randomKey();
        const QByteArray plain = QStringLiteral(R"({"resourceType":"Patient","name":"山田"})").toUtf8();
        const QByteArray a = RecordCache::seal(key, plain, "aad");
        const QByteArray b = RecordCache::seal(key, plain, "aad");
        QCOMPARE(a.size(), plain.size() + 12 + 16);
        QVERIFY(a != b); // a fresh nonce per row
        QVERIFY(!a.contains(plain));
        QCOMPARE(RecordCache::unseal(key, a, "aad").value_or(QByteArray()), plain);
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
        QByteArray key = randomKey();
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
        RecordCache cache(path, randomKey(), QStringLiteral("dr-yamamoto"));
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        const QByteArray bundle = samplePatientBundle();
        QVERIFY(!bundle.isEmpty());
        QVERIFY2(cache.storeJson(QStringLiteral("p001"), bundle, QDateTime::currentDateTimeUtc(), &error), qPrintable(error));
        QVERIFY(cache.load(QStringLiteral("p001"), nullptr, &error).size() >= 32);
        const QByteArray disk = allCacheBytes(path);
        QVERIFY(disk.size() > 4096);
        const QStringList secrets{QStringLiteral("p001"), QStringLiteral("山田"), QStringLiteral("花子"), QStringLiteral("ヤマダ"),
                                  QStringLiteral("ハナコ"), QStringLiteral("00012345"), QStringLiteral("06139999"),
                                  QStringLiteral("dr-yamamoto"), QStringLiteral("1960-02-03"), QStringLiteral("resourceType")};
        for (const QString &s : secrets)
            QVERIFY2(!disk.contains(s.toUtf8()), qPrintable(QStringLiteral("plaintext on disk: ") + s));
    }

    void reopenReadsSameResources()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QByteArray key = randomKey();
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
        RecordCache otherKey(path, randomKey(), QStringLiteral("dr"));
        QVERIFY(otherKey.open(&error));
        QVERIFY(otherKey.load(QStringLiteral("p001"), nullptr, &error).isEmpty());
        QVERIFY(!otherKey.hasPatient(QStringLiteral("p001")));
    }

    void ttlPurgeAndBudget()
    {
        QTemporaryDir dir;
        RecordCache cache(dir.filePath(QStringLiteral("cache.sqlite")), randomKey(), QStringLiteral("dr"));
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

    void migratesAndRejectsNewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        QString error;
        {
            RecordCache cache(path, randomKey(), QStringLiteral("dr"));
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
        RecordCache cache(path, randomKey(), QStringLiteral("dr"));
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
