#include "record/cdadocument.h"
#include "record/clinicaldocument.h"
#include "record/documentresults.h"
#include "record/narrativesanitizer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTcpServer>
#include <QTest>

#include <cmath>

using namespace Kakehashi;

namespace {

QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/documents/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

const DocumentSection *findTitle(const QList<DocumentSection> &sections, const QString &title)
{
    for (const DocumentSection &s : sections) {
        if (s.title == title)
            return &s;
        if (const DocumentSection *sub = findTitle(s.sections, title))
            return sub;
    }
    return nullptr;
}

QByteArray cdaWithNarrative(const QByteArray &narrative)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>T</title>"
           "<component><structuredBody><component><section><title>S</title><text>"
           + narrative + "</text></section></component></structuredBody></component></ClinicalDocument>";
}

// One HbA1c result with its value and reference range as given (attribute text, not escaped).
QByteArray cdaWithResult(const QByteArray &value, const QByteArray &low, const QByteArray &high)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\""
           " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><title>T</title><component><structuredBody>"
           "<component><section><title>S</title><entry><observation classCode=\"OBS\" moodCode=\"EVN\">"
           "<code code=\"3D046000001906202\" codeSystem=\"1.2.392.200119.6.1005\" displayName=\"HbA1c\"/>"
           "<effectiveTime value=\"20260415\"/><value xsi:type=\"PQ\" value=\"" + value + "\" unit=\"%\"/>"
           "<referenceRange><observationRange><value xsi:type=\"IVL_PQ\"><low value=\"" + low + "\" unit=\"%\"/>"
           "<high value=\"" + high + "\" unit=\"%\"/></value></observationRange></referenceRange>"
           "</observation></entry></section></component></structuredBody></component></ClinicalDocument>";
}

} // namespace

class TestCdaDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checkupHeaderAndResults();
    void referralNarrative();
    void sniffedThroughFromBytes();
    void externalEntityRefused_data();
    void externalEntityRefused();
    void externalEntityNeverFetched();
    void narrativeBombsBounded_data();
    void narrativeBombsBounded();
    void notWellFormedOrNotCda();
    void declaredTypeLies_data();
    void declaredTypeLies();
    void notANumberStaysText_data();
    void notANumberStaysText();
};

void TestCdaDocument::checkupHeaderAndResults()
{
    const QByteArray bytes = readData("checkup-hc08.xml");
    QVERIFY(!bytes.isEmpty());
    QList<CdaObservation> observations;
    const DocumentLoadResult r = CdaReader::read(bytes, &observations);
    QVERIFY2(r.isOk(), qPrintable(r.message));
    QCOMPARE(r.format, DocumentFormat::Cda);
    const ClinicalDocument &d = r.document;
    QVERIFY2(d.typeDisplay.contains(QStringLiteral("特定健診")), qPrintable(d.typeDisplay));
    QCOMPARE(d.title, QStringLiteral("特定健診情報"));
    QCOMPARE(d.date.date(), QDate(2026, 4, 15));
    QCOMPARE(d.patientName, QStringLiteral("文書 試験")); // the kanji (IDE) name, not the kana
    QVERIFY2(d.patientDetail.contains(QStringLiteral("1960-03-03")), qPrintable(d.patientDetail));
    QVERIFY2(d.patientDetail.contains(QStringLiteral("male")), qPrintable(d.patientDetail)); // hc08 code 1
    QCOMPARE(d.custodian, QStringLiteral("さくら健診センター"));
    QCOMPARE(d.authors, QStringList{QStringLiteral("さくら健診センター")});
    const DocumentSection *results = findTitle(d.sections, QStringLiteral("特定健診結果"));
    QVERIFY(results);
    QVERIFY(results->narrative.contains(QStringLiteral("<table>")));
    QVERIFY(results->entries.contains(QStringLiteral("身長: 168.0 cm")));
    QVERIFY2(results->entries.contains(QStringLiteral("HbA1c(NGSP): 6.9 % (H) [4.6–6.2]")), qPrintable(results->entries.join(u'|')));
    QVERIFY(findTitle(d.sections, QStringLiteral("医師の判断"))->narrative.contains(QStringLiteral("生活習慣の改善")));

    QCOMPARE(observations.size(), 5);
    const auto hba1c = std::find_if(observations.cbegin(), observations.cend(), [](const CdaObservation &o) { return o.code == u"3D046000001906202"; });
    QVERIFY(hba1c != observations.cend());
    QCOMPARE(hba1c->codeSystem, QStringLiteral("1.2.392.200119.6.1005"));
    QCOMPARE(hba1c->number.value_or(-1), 6.9);
    QCOMPARE(hba1c->unit, QStringLiteral("%"));
    QCOMPARE(hba1c->interpretation, QStringLiteral("H"));
    QCOMPARE(hba1c->time.date(), QDate(2026, 4, 15));
}

void TestCdaDocument::referralNarrative()
{
    const DocumentLoadResult r = CdaReader::read(readData("referral-hs008.xml"));
    QVERIFY2(r.isOk(), qPrintable(r.message));
    const ClinicalDocument &d = r.document;
    QVERIFY2(d.typeDisplay.contains(QStringLiteral("Referral")), qPrintable(d.typeDisplay));
    QCOMPARE(d.title, QStringLiteral("診療情報提供書"));
    QCOMPARE(d.patientName, QStringLiteral("文書 試験"));
    QVERIFY(d.authors.contains(QStringLiteral("紹介 一郎")));
    QVERIFY(d.authors.contains(QStringLiteral("みどり台診療所")));
    // 10:30 at +09:00 is 10:30 in the display zone (Asia/Tokyo).
    QCOMPARE(d.date.date(), QDate(2025, 4, 1));
    QVERIFY2(d.date.displayText().contains(QStringLiteral("10:30")), qPrintable(d.date.displayText()));
    const DocumentSection *purpose = findTitle(d.sections, QStringLiteral("紹介目的"));
    QVERIFY(purpose);
    QVERIFY(purpose->narrative.contains(QStringLiteral("<b>冠動脈CT</b>")));
    // The link's text stays, the link does not.
    QVERIFY(purpose->narrative.contains(QStringLiteral("院内ガイド")));
    QVERIFY(!purpose->narrative.contains(QStringLiteral("tracker.invalid")));
    const DocumentSection *meds = findTitle(d.sections, QStringLiteral("処方"));
    QVERIFY(meds && meds->narrative.contains(QStringLiteral("<ol>")) && meds->narrative.contains(QStringLiteral("<li>アムロジピン錠5mg")));
    // What the view gets after the sanitizer: still the words, nothing active.
    const NarrativeSanitizer::Result clean = NarrativeSanitizer::sanitize(purpose->narrative);
    QVERIFY(clean.html.contains(QStringLiteral("冠動脈CT")));
}

void TestCdaDocument::sniffedThroughFromBytes()
{
    // A CDA arriving as an attachment (declared or not) is read as CDA.
    for (const QString &type : {QStringLiteral("application/hl7-v3+xml"), QStringLiteral("text/xml"), QString()}) {
        const DocumentLoadResult r = ClinicalDocumentReader::fromBytes(readData("referral-hs008.xml"), type);
        QVERIFY2(r.isOk(), qPrintable(r.message));
        QCOMPARE(r.format, DocumentFormat::Cda);
        QCOMPARE(r.document.title, QStringLiteral("診療情報提供書"));
    }
}

void TestCdaDocument::externalEntityRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray body = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>&x;</title></ClinicalDocument>";
    QTest::newRow("XXE file") << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE ClinicalDocument [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + body);
    QByteArray laughs = "<?xml version=\"1.0\"?><!DOCTYPE ClinicalDocument [<!ENTITY x0 \"ha\">";
    for (int i = 1; i <= 12; ++i)
        laughs += "<!ENTITY x" + QByteArray::number(i) + " \"" + QByteArray("&x" + QByteArray::number(i - 1) + ";").repeated(10) + "\">";
    laughs += "<!ENTITY x \"&x12;\">]>" + body;
    QTest::newRow("billion laughs") << laughs;
    QTest::newRow("external DTD") << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE ClinicalDocument SYSTEM \"http://127.0.0.1:9/cda.dtd\">"
                                                "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>t</title></ClinicalDocument>");
    // UTF-16: the byte scan cannot see "<!DOCTYPE"; the parser's own guard must.
    QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    const QString text = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE ClinicalDocument [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")
                         + QString::fromLatin1(body);
    QTest::newRow("XXE in UTF-16") << QByteArray(utf16.encode(text));
}

void TestCdaDocument::externalEntityRefused()
{
    QFETCH(QByteArray, bytes);
    QElapsedTimer t;
    t.start();
    const DocumentLoadResult r = CdaReader::read(bytes);
    QVERIFY(t.elapsed() < 2000);
    QCOMPARE(r.status, DocumentLoadResult::Status::Malformed);
    QVERIFY2(r.message.contains(QStringLiteral("DTD")), qPrintable(r.message));
    QVERIFY(!r.document.title.contains(QStringLiteral("root:")));
}

void TestCdaDocument::externalEntityNeverFetched()
{
    // A listener on loopback: a parser that fetched the external DTD or entity would connect.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QByteArray url = "http://127.0.0.1:" + QByteArray::number(server.serverPort()) + "/x";
    QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    const QList<QByteArray> inputs{
        "<?xml version=\"1.0\"?><!DOCTYPE ClinicalDocument SYSTEM \"" + url + "\"><ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>",
        utf16.encode(QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE ClinicalDocument [<!ENTITY x SYSTEM \"%1\">]>"
                                    "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>&x;</title></ClinicalDocument>").arg(QString::fromLatin1(url))),
        "<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><title><xi:include href=\"" + url
            + "\"/></title></ClinicalDocument>",
    };
    for (const QByteArray &input : inputs)
        CdaReader::read(input);
    QTest::qWait(200);
    QVERIFY(!server.hasPendingConnections());
    QVERIFY(!server.waitForNewConnection(100));
}

void TestCdaDocument::narrativeBombsBounded_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("readable");
    QTest::newRow("10000 levels deep") << cdaWithNarrative(QByteArray("<content>").repeated(10000) + "DEEP" + QByteArray("</content>").repeated(10000)) << false;
    QTest::newRow("200 levels deep") << cdaWithNarrative(QByteArray("<content>").repeated(200) + "DEEP" + QByteArray("</content>").repeated(200)) << true;
    QTest::newRow("300000 paragraphs") << cdaWithNarrative(QByteArray("<paragraph>p</paragraph>").repeated(300000)) << true;
    QTest::newRow("17 MB") << cdaWithNarrative(QByteArray(17 * 1024 * 1024, 'a')) << false;
}

void TestCdaDocument::narrativeBombsBounded()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, readable);
    QElapsedTimer t;
    t.start();
    const DocumentLoadResult r = CdaReader::read(bytes);
    QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(r.isOk(), readable);
    QVERIFY(!r.message.isEmpty()); // either why it failed, or that the narrative was shortened
    if (readable) {
        QVERIFY2(r.message.contains(QStringLiteral("shortened")), qPrintable(r.message));
        QVERIFY(r.document.sections.first().narrative.size() <= 600 * 1024);
    }
}

void TestCdaDocument::notWellFormedOrNotCda()
{
    const DocumentLoadResult broken = CdaReader::read(readData("referral-hs008.xml").left(900));
    QCOMPARE(broken.status, DocumentLoadResult::Status::Malformed);
    QVERIFY2(broken.message.contains(QStringLiteral("not well-formed")), qPrintable(broken.message));
    const DocumentLoadResult other = CdaReader::read("<?xml version=\"1.0\"?><html><body>x</body></html>");
    QCOMPARE(other.status, DocumentLoadResult::Status::Unsupported);
}

void TestCdaDocument::declaredTypeLies_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("actual");
    QTest::newRow("PNG declared as PDF") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << "application/pdf" << "an image";
    QTest::newRow("PDF declared as JPEG") << QByteArray("%PDF-1.4\n%%EOF\n") << "image/jpeg" << "a PDF file";
    QTest::newRow("CDA declared as plain text") << readData("referral-hs008.xml") << "text/plain" << "a CDA document";
    QTest::newRow("JSON declared as CDA") << QByteArray("{\"resourceType\":\"Bundle\"}") << "application/hl7-v3+xml" << "a FHIR document";
}

void TestCdaDocument::declaredTypeLies()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, contentType);
    QFETCH(QString, actual);
    const DocumentLoadResult r = ClinicalDocumentReader::fromBytes(bytes, contentType);
    QCOMPARE(r.status, DocumentLoadResult::Status::Malformed);
    QVERIFY2(r.message.contains(contentType) && r.message.contains(actual), qPrintable(r.message));
}


void TestCdaDocument::notANumberStaysText_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("low");
    QTest::addColumn<QByteArray>("high");
    QTest::addColumn<bool>("numberKept");
    QTest::addColumn<bool>("highKept");
    QTest::newRow("a number") << QByteArray("6.9") << QByteArray("4.6") << QByteArray("6.2") << true << true;
    QTest::newRow("NaN") << QByteArray("NaN") << QByteArray("4.6") << QByteArray("6.2") << false << true;
    QTest::newRow("nan") << QByteArray("nan") << QByteArray("4.6") << QByteArray("6.2") << false << true;
    QTest::newRow("inf") << QByteArray("inf") << QByteArray("4.6") << QByteArray("6.2") << false << true;
    QTest::newRow("-inf") << QByteArray("-inf") << QByteArray("4.6") << QByteArray("6.2") << false << true;
    QTest::newRow("upper bound inf") << QByteArray("6.9") << QByteArray("4.6") << QByteArray("inf") << true << false;
}

// QString::toDouble reads "nan" and "inf" as numbers. A CDA result written so is not a number: it
// stays text as written, is never plotted, and no high/low flag is worked out from it (before: an
// "inf" HbA1c became an infinite point of the trend, flagged H against 4.6–6.2).
void TestCdaDocument::notANumberStaysText()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, low);
    QFETCH(QByteArray, high);
    QFETCH(bool, numberKept);
    QFETCH(bool, highKept);
    const QByteArray bytes = cdaWithResult(value, low, high);
    QList<CdaObservation> observations;
    const DocumentLoadResult r = CdaReader::read(bytes, &observations);
    QVERIFY2(r.isOk(), qPrintable(r.message));
    QCOMPARE(observations.size(), 1);
    const CdaObservation &o = observations.first();
    QCOMPARE(o.number.has_value(), numberKept);
    QCOMPARE(o.valueText, QString::fromLatin1(value) + QStringLiteral(" %"));
    QCOMPARE(o.low.value_or(-1), 4.6);
    QCOMPARE(o.high.has_value(), highKept);
    QCOMPARE(o.referenceRange, QString::fromLatin1(low) + QStringLiteral("–") + QString::fromLatin1(high));

    // The result as the lab list, the trend and the summaries read it.
    ClinicalItem document;
    document.resourceType = QStringLiteral("DocumentReference");
    document.subtype = QStringLiteral("application/hl7-v3+xml");
    const QJsonObject reference{{QStringLiteral("resourceType"), QStringLiteral("DocumentReference")},
                                {QStringLiteral("content"), QJsonArray{QJsonObject{{QStringLiteral("attachment"),
                                    QJsonObject{{QStringLiteral("contentType"), document.subtype},
                                                {QStringLiteral("data"), QString::fromLatin1(bytes.toBase64())}}}}}}};
    const QJsonObject source{{QStringLiteral("entry"), QJsonArray{QJsonObject{{QStringLiteral("resource"), reference}}}}};
    const QList<ClinicalItem> results = DocumentResults::read(source, document);
    QCOMPARE(results.size(), 1);
    const LabValue &v = results.first().lab;
    QCOMPARE(v.value.has_value(), numberKept);
    if (v.value)
        QVERIFY(std::isfinite(*v.value));
    QCOMPARE(v.text, o.valueText);
    QCOMPARE(v.flag, numberKept && highKept ? QStringLiteral("H") : QString());
    QVERIFY2(results.first().detail.contains(o.valueText), qPrintable(results.first().detail));
}

QTEST_GUILESS_MAIN(TestCdaDocument)
#include "tst_cdadocument.moc"
