// The record cache keeps each Bundle entry's resource as the page's bytes hold it
// (bundleEntryResourceSpans) instead of serialising the parsed object again. What it keeps must be
// exactly what the viewer read from the page: each span parses to the entry's resource, and any
// text the scanner could misread (duplicate or escaped keys) falls back to serialising.
// The same scanner finds a page's "link" for the FHIR client (JsonScan::topLevelMemberValue), so the
// next page can be asked for before the page is parsed: the span must parse to what the whole parse
// gives, and anything it could misread must be refused so the client falls back to the parse.
#include "common/jsonscan.h"
#include "store/bundlespans.h"
#include "store/recordcache.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Kakehashi;
using namespace Qt::StringLiterals;

namespace {

QJsonObject parse(QByteArrayView bytes)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.toByteArray(), &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

// Every span must parse, alone, into what the whole parse gave for that entry's resource.
void verifySpans(const QByteArray &json)
{
    const QJsonArray entries = parse(json).value(u"entry").toArray();
    const std::optional<QList<QByteArrayView>> spans = bundleEntryResourceSpans(json);
    QVERIFY(spans.has_value());
    QCOMPARE(spans->size(), entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue resource = entries.at(i).toObject().value(u"resource");
        if (spans->at(i).isNull()) {
            QVERIFY2(resource.isUndefined(), qPrintable(u"entry %1 has a resource the scanner missed"_s.arg(i)));
            continue;
        }
        const QJsonDocument alone = QJsonDocument::fromJson(("[" + spans->at(i).toByteArray() + "]"));
        QVERIFY2(!alone.isNull(), qPrintable(u"entry %1's span does not parse"_s.arg(i)));
        QCOMPARE(alone.array().at(0), resource);
    }
}

QStringList bundleFiles()
{
    QStringList files;
    for (const QString &root : {QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests"), QStringLiteral(KAKEHASHI_SOURCE_DIR "/tools/demo")}) {
        QDirIterator it(root, {u"*.json"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(u"/node_modules/") || path.contains(u"/bundlespans/refused/"))
                continue;
            QFile f(path);
            if (f.open(QIODevice::ReadOnly) && parse(f.readAll()).value(u"resourceType").toString() == u"Bundle")
                files.append(path);
        }
    }
    return files;
}

} // namespace

class TestBundleSpans : public QObject
{
    Q_OBJECT

    // One row per file in tests/data/bundlespans/|folder|.
    static void rowsFrom(const QString &folder)
    {
        QTest::addColumn<QByteArray>("json");
        const QDir dir(QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/bundlespans/") + folder);
        const QStringList names = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
        QVERIFY(!names.isEmpty());
        for (const QString &name : names) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QTest::newRow(qPrintable(name)) << f.readAll();
        }
    }

private slots:
    void everyBundleInTheProject()
    {
        // Real pages: the sample service data, the hazard fixtures, the demo generator's inputs.
        const QStringList files = bundleFiles();
        QVERIFY2(files.size() >= 10, qPrintable(u"only %1 Bundle files found"_s.arg(files.size())));
        for (const QString &path : files) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray json = f.readAll();
            verifySpans(json);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(path));
            // The same page as the service may send it, in one line.
            verifySpans(QJsonDocument(parse(json)).toJson(QJsonDocument::Compact));
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(path + u" (compact)"_s));
        }
    }

    void awkwardButValid_data() { rowsFrom(u"valid"_s); }

    void awkwardButValid()
    {
        QFETCH(QByteArray, json);
        QVERIFY2(!parse(json).isEmpty(), "the fixture itself must be valid JSON");
        verifySpans(json);
    }

    // Valid JSON, but which of two equal keys Qt keeps, or what an escaped key spells, is the
    // parser's business: the cache must serialise what the parser made of it. And text that is not
    // valid JSON (callers never pass it): the scanner must still stop cleanly.
    void refusesWhatItCouldMisread_data() { rowsFrom(u"refused"_s); }

    void refusesWhatItCouldMisread()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!bundleEntryResourceSpans(json).has_value());
    }

    // A page's top-level "link" (and any other member): its span parses, alone, to what the whole
    // parse gives; a member the page does not have is a null view.
    void topLevelMemberOfEveryBundle()
    {
        const QStringList files = bundleFiles();
        QVERIFY(files.size() >= 10);
        int withLink = 0;
        for (const QString &path : files) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray raw = f.readAll();
            for (const QByteArray &json : {raw, QJsonDocument(parse(raw)).toJson(QJsonDocument::Compact)}) {
                const QJsonObject whole = parse(json);
                for (const char *key : {"link", "resourceType", "entry", "total", "absent-member"}) {
                    const std::optional<QByteArrayView> span = JsonScan::topLevelMemberValue(json, key);
                    QVERIFY2(span.has_value(), qPrintable(path));
                    const QJsonValue expected = whole.value(QLatin1String(key));
                    if (span->isNull()) {
                        QVERIFY2(expected.isUndefined(), qPrintable(path + u": the scanner missed "_s + QLatin1String(key)));
                        continue;
                    }
                    withLink += qstrcmp(key, "link") == 0;
                    const QJsonDocument alone = QJsonDocument::fromJson("[" + span->toByteArray() + "]");
                    QVERIFY2(!alone.isNull(), qPrintable(path));
                    QCOMPARE(alone.array().at(0), expected);
                }
            }
        }
        QVERIFY2(withLink >= 2, "no Bundle with a link array was read");
    }

    // One row per file in tests/data/bundlespans/link-refused: "link" twice, an escaped key, truncated
    // text, bytes after the object, not an object, empty, an unterminated string.
    void topLevelMemberRefused_data() { rowsFrom(u"link-refused"_s); }

    // Could be misread, or cannot be read: no answer, so the client parses the page instead.
    void topLevelMemberRefused()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!JsonScan::topLevelMemberValue(json, "link").has_value());
    }

    // The cache keeps what the viewer read: rows stored from the page's bytes load back as the
    // parsed entries, and a page the scanner refuses is serialised from the parse instead.
    void cacheKeepsWhatWasParsed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QFile f(QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/fixtures/sharing-service/sample-data/patients/p001.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray p001 = f.readAll();
        QTest::newRow("sample patient as sent") << p001;
        QByteArray duplicate = p001;
        // The first entry gains a second, different resource: Qt keeps one of the two; whichever it
        // is, the cache must hold that one.
        const qsizetype at = duplicate.indexOf("\"resource\"");
        QVERIFY(at > 0);
        duplicate.insert(at, QByteArrayLiteral("\"resource\":{\"resourceType\":\"Patient\",\"id\":\"decoy\",\"gender\":\"other\"},"));
        QTest::newRow("entry with two resources") << duplicate;
        QFile escaped(QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/bundlespans/refused/escaped-resource-key.json"));
        QVERIFY(escaped.open(QIODevice::ReadOnly));
        QTest::newRow("escaped key") << escaped.readAll();
    }

    void cacheKeepsWhatWasParsed()
    {
        QFETCH(QByteArray, json);
        const QJsonObject root = parse(json);
        QVERIFY(!root.isEmpty());
        QMap<QString, QJsonObject> expected;
        for (const QJsonValue &entry : root.value(u"entry").toArray()) {
            const QJsonObject resource = entry.toObject().value(u"resource").toObject();
            if (entry.toObject().value(u"search").toObject().value(u"mode").toString() == u"outcome" || resource.value(u"id").toString().isEmpty())
                continue;
            expected.insert(resource.value(u"resourceType").toString() + u'/' + resource.value(u"id").toString(), resource);
        }
        QVERIFY(!expected.isEmpty());
        QTemporaryDir dir;
        RecordCache cache(dir.filePath(u"cache.sqlite"_s), RecordCache::randomKey(), u"tester"_s);
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        QVERIFY2(cache.storeJson(u"p001"_s, root, json, QDateTime::currentDateTimeUtc(), &error), qPrintable(error));
        int undecryptable = -1;
        const QList<CachedResource> loaded = cache.load(u"p001"_s, &undecryptable, &error);
        QCOMPARE(undecryptable, 0);
        QMap<QString, QJsonObject> got;
        for (const CachedResource &r : loaded)
            got.insert(r.key, r.resource);
        QCOMPARE(got.keys(), expected.keys());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QCOMPARE(got.value(it.key()), it.value());
    }
};

QTEST_GUILESS_MAIN(TestBundleSpans)
#include "tst_bundlespans.moc"
