#include "record/clinicaldocument.h"
#include "record/localrecordsource.h"
#include "record/recordassembler.h"

#include <QFile>
#include <QTest>

#include "../testsupport.h"

using namespace Kakehashi;

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/documents/") + QLatin1String(name);
}

QStringList sectionTitles(const QList<DocumentSection> &sections)
{
    QStringList titles;
    for (const DocumentSection &s : sections) {
        titles << s.title;
        titles += sectionTitles(s.sections);
    }
    return titles;
}

const DocumentSection *findSection(const QList<DocumentSection> &sections, const QString &code)
{
    for (const DocumentSection &s : sections) {
        if (s.code == code)
            return &s;
        if (const DocumentSection *inner = findSection(s.sections, code))
            return inner;
    }
    return nullptr;
}

} // namespace

class TestClinicalDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoDocuments_data();
    void demoDocuments();
    void attachmentHeaderNamesItsAuthor();
    void fixtureRecord_data();
    void fixtureRecord();
    void malformedBytes_data();
    void malformedBytes();
    void localDocumentBundle();
    void reportItem();
};

void TestClinicalDocument::demoDocuments_data()
{
    QTest::addColumn<QString>("patient");
    QTest::addColumn<QString>("typeCode");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("sectionCode");
    QTest::addColumn<QString>("sectionTitle");
    QTest::addColumn<QString>("narrativeText");
    QTest::addColumn<QString>("document"); // the FHIR document (p001 also has a PDF letter, p003 a CDA check-up)
    QTest::newRow("p001 referral") << "p001" << "57133-1" << QStringLiteral("診療情報提供書") << "950" << QStringLiteral("紹介目的") << QStringLiteral("二次性高血圧の精査") << "p001-doc-01";
    QTest::newRow("p002 discharge summary") << "p002" << "18842-5" << QStringLiteral("退院時サマリー") << "330" << QStringLiteral("入院中の経過") << QString() << "p002-doc-01";
    QTest::newRow("p003 check-up") << "p003" << "53576-5" << QStringLiteral("健診結果報告書") << "620" << QStringLiteral("健診結果") << QString() << "p003-doc-02";
}

// A PDF letter has no header of its own: the header shown above it (type, date, facility, author)
// is its DocumentReference's, so the reader knows who wrote it.
void TestClinicalDocument::attachmentHeaderNamesItsAuthor()
{
    QString error;
    if (!LocalRecordSource::registerDemoData(&error))
        QSKIP(qPrintable(QStringLiteral("demo data not built: ") + error));
    const RecordSet set = LocalRecordSource::load({LocalRecordSource::demoDataRoot() + QStringLiteral("/patients/p001.json")});
    const PatientRecord *record = set.find(u"p001");
    QVERIFY(record);
    const DocumentLoadResult result = ClinicalDocumentReader::load(*record, QStringLiteral("DocumentReference/p001-doc-02"));
    QVERIFY2(result.isOk(), qPrintable(result.message));
    QCOMPARE(result.format, DocumentFormat::Pdf);
    QCOMPARE(result.document.typeCode, QStringLiteral("57133-1"));
    QCOMPARE(result.document.custodian, QStringLiteral("東都大学病院"));
    QVERIFY2(result.document.authors.contains(QStringLiteral("小林 誠")), qPrintable(result.document.authors.join(u',')));
    QVERIFY(result.document.date.isValid());
}

void TestClinicalDocument::demoDocuments()
{
    QFETCH(QString, patient);
    QFETCH(QString, typeCode);
    QFETCH(QString, title);
    QFETCH(QString, sectionCode);
    QFETCH(QString, sectionTitle);
    QFETCH(QString, narrativeText);
    QFETCH(QString, document);
    QString error;
    if (!LocalRecordSource::registerDemoData(&error))
        QSKIP(qPrintable(QStringLiteral("demo data not built: ") + error));
    const RecordSet set = LocalRecordSource::load({LocalRecordSource::demoDataRoot() + QStringLiteral("/patients/") + patient + QStringLiteral(".json")});
    const PatientRecord *record = set.find(patient);
    QVERIFY(record);
    const QStringList keys = ClinicalDocumentReader::openableKeys(*record);
    const QString key = QStringLiteral("DocumentReference/") + document;
    QVERIFY2(keys.contains(key), qPrintable(keys.join(u' ')));
    const DocumentLoadResult result = ClinicalDocumentReader::load(*record, key);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    const ClinicalDocument &doc = result.document;
    QCOMPARE(doc.typeCode, typeCode);
    QCOMPARE(doc.title, title);
    QVERIFY(doc.date.isValid());
    QVERIFY(!doc.authors.isEmpty());
    QVERIFY(!doc.custodian.isEmpty());
    QVERIFY(!doc.patientName.isEmpty());
    const DocumentSection *section = findSection(doc.sections, sectionCode);
    QVERIFY2(section, qPrintable(sectionTitles(doc.sections).join(u',')));
    QCOMPARE(section->title, sectionTitle);
    QVERIFY(!section->narrative.isEmpty());
    if (!narrativeText.isEmpty())
        QVERIFY(section->narrative.contains(narrativeText));
}

void TestClinicalDocument::fixtureRecord_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("hostile FHIR document via Binary") << "DocumentReference/t-doc-hostile" << int(DocumentLoadResult::Status::Ok) << QString();
    // PDFs are checked by the view (QtPdf); the model hands over the bytes as a PDF.
    QTest::newRow("PDF") << "DocumentReference/t-doc-pdf" << int(DocumentLoadResult::Status::Ok) << QString();
    QTest::newRow("CDA R2") << "DocumentReference/t-doc-cda" << int(DocumentLoadResult::Status::Ok) << QString();
    QTest::newRow("truncated JSON") << "DocumentReference/t-doc-badjson" << int(DocumentLoadResult::Status::Malformed) << "JSON";
    QTest::newRow("Bundle without Composition") << "DocumentReference/t-doc-nocomp" << int(DocumentLoadResult::Status::Malformed) << "Composition";
    QTest::newRow("content not delivered") << "DocumentReference/t-doc-remote" << int(DocumentLoadResult::Status::NotFound) << "https://documents.invalid/Binary/123";
    QTest::newRow("not a document") << "Patient/t-docs" << int(DocumentLoadResult::Status::NotADocument) << QString();
}

void TestClinicalDocument::fixtureRecord()
{
    QFETCH(QString, key);
    QFETCH(int, status);
    QFETCH(QString, messagePart);
    const RecordSet set = LocalRecordSource::load({dataFile("record-with-documents.json")});
    const PatientRecord *record = set.find(u"t-docs");
    QVERIFY(record);
    const DocumentLoadResult result = ClinicalDocumentReader::load(*record, key);
    QCOMPARE(int(result.status), status);
    if (!messagePart.isEmpty())
        QVERIFY2(result.message.contains(messagePart), qPrintable(result.message));
    if (key.endsWith(u"-pdf")) {
        QCOMPARE(result.format, DocumentFormat::Pdf);
        QVERIFY(result.content.startsWith("%PDF-1.4"));
    } else if (key.endsWith(u"-cda")) {
        QCOMPARE(result.format, DocumentFormat::Cda);
        QCOMPARE(result.document.title, QStringLiteral("診療情報提供書"));
    } else if (result.isOk()) {
        QCOMPARE(result.document.patientName, QStringLiteral("試験 花子"));
        QCOMPARE(result.document.authors, QStringList{QStringLiteral("検証 医師")});
        QCOMPARE(result.document.custodian, QStringLiteral("テスト病院"));
        const DocumentSection *s = findSection(result.document.sections, QStringLiteral("360"));
        QVERIFY(s);
        QCOMPARE(s->entries, QStringList{QStringLiteral("高血圧症")});
    }
}

void TestClinicalDocument::malformedBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::newRow("empty") << QByteArray() << int(DocumentLoadResult::Status::Malformed);
    QTest::newRow("array") << QByteArray("[1,2]") << int(DocumentLoadResult::Status::Malformed);
    QTest::newRow("not a Bundle") << QByteArray(R"({"resourceType":"Patient"})") << int(DocumentLoadResult::Status::Malformed);
    QTest::newRow("entry not a list") << QByteArray(R"({"resourceType":"Bundle","entry":{}})") << int(DocumentLoadResult::Status::Malformed);
    QTest::newRow("no entries") << QByteArray(R"({"resourceType":"Bundle","entry":[]})") << int(DocumentLoadResult::Status::Malformed);
    QTest::newRow("section is not a list") << QByteArray(R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Composition","title":"t","section":7}}]})")
                                           << int(DocumentLoadResult::Status::Ok);
    // Declared as FHIR JSON, but the bytes are a PDF: the declared type lies, nothing is shown.
    QTest::newRow("pdf magic") << QByteArray("%PDF-1.7 ...") << int(DocumentLoadResult::Status::Malformed);
}

void TestClinicalDocument::malformedBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    const DocumentLoadResult result = ClinicalDocumentReader::fromBytes(bytes, QStringLiteral("application/fhir+json"));
    QCOMPARE(int(result.status), status);
    if (!result.isOk())
        QVERIFY(!result.message.isEmpty());
}

void TestClinicalDocument::localDocumentBundle()
{
    // --open of a document Bundle: the Composition is an item and opens as a document.
    const RecordSet set = LocalRecordSource::load({dataFile("hostile-document.json")});
    QCOMPARE(set.patients.size(), 1);
    const PatientRecord &record = set.patients.first();
    const QStringList keys = ClinicalDocumentReader::openableKeys(record);
    QCOMPARE(keys, QStringList{QStringLiteral("Composition/hostile-comp")});
    const DocumentLoadResult result = ClinicalDocumentReader::load(record, keys.first());
    QVERIFY2(result.isOk(), qPrintable(result.message));
    QCOMPARE(result.document.typeCode, QStringLiteral("57133-1"));
    QCOMPARE(result.document.patientName, QStringLiteral("試験 花子"));
    QCOMPARE(result.document.sections.size(), 2);
    QCOMPARE(result.document.sections.at(1).entries, QStringList{QStringLiteral("高血圧症")});
}

void TestClinicalDocument::reportItem()
{
    RecordAssembler assembler;
    QVERIFY(assembler.addJson(R"({"resourceType":"Bundle","type":"collection","entry":[
        {"resource":{"resourceType":"Patient","id":"r1"}},
        {"resource":{"resourceType":"Observation","id":"o1","status":"final","subject":{"reference":"Patient/r1"},
                     "code":{"text":"HbA1c"},"valueQuantity":{"value":6.5,"unit":"%"}}},
        {"resource":{"resourceType":"DiagnosticReport","id":"d1","status":"final","subject":{"reference":"Patient/r1"},
                     "code":{"text":"検体検査報告"},"effectiveDateTime":"2025-01-02","conclusion":"<b>not markup</b>",
                     "result":[{"reference":"Observation/o1"}]}}]})", QStringLiteral("inline")));
    const RecordSet set = assembler.finish();
    const DocumentLoadResult result = ClinicalDocumentReader::load(set.patients.first(), QStringLiteral("DiagnosticReport/d1"));
    QVERIFY2(result.isOk(), qPrintable(result.message));
    QCOMPARE(result.document.title, QStringLiteral("検体検査報告"));
    QCOMPARE(result.document.sections.size(), 2);
    QVERIFY(result.document.sections.at(0).narrative.contains(QStringLiteral("&lt;b&gt;not markup&lt;/b&gt;")));
    QCOMPARE(result.document.sections.at(1).entries.size(), 1);
    QVERIFY(result.document.sections.at(1).entries.first().startsWith(QStringLiteral("HbA1c: 6.5")));
}

KAKEHASHI_TEST_MAIN(TestClinicalDocument)
#include "tst_clinicaldocument.moc"
