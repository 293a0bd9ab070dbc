#include "record/clinicaldocument.h"
#include "viewer/document/documentsummary.h"
#include "record/localrecordsource.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Kakehashi;

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/documents/") + QLatin1String(name);
}

QJsonObject documentByKey(const QJsonArray &documents, const QString &key)
{
    for (const QJsonValue &d : documents)
        if (d.toObject().value(QStringLiteral("key")).toString() == key)
            return d.toObject();
    return {};
}

} // namespace

class TestHazardDocuments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checkupResultsNameTheirDocument();
    void unshowableDocumentsAreNotListedAsShowable();
    void eachLineIsAboutItsOwnDocument();
};

void TestHazardDocuments::checkupResultsNameTheirDocument()
{
    const RecordSet set = LocalRecordSource::load({dataFile("record-with-attachments.json")});
    QVERIFY2(set.errors.isEmpty(), qPrintable(set.errors.join(u'\n')));
    const PatientRecord *record = set.find(u"t-att");
    QVERIFY(record);
    QList<const ClinicalItem *> hba1c;
    for (const ClinicalItem &item : record->items)
        if (item.lab.analyteKey == u"JLAC10:3D046000001906202")
            hba1c << &item;
    // The clinic's FHIR result and the check-up CDA's result are one analyte, one trend.
    QCOMPARE(hba1c.size(), 2);
    const ClinicalItem *fromCda = hba1c.at(0)->subtype == u"cda" ? hba1c.at(0) : hba1c.at(1);
    const ClinicalItem *fromFhir = fromCda == hba1c.at(0) ? hba1c.at(1) : hba1c.at(0);
    QCOMPARE(fromCda->category, ItemCategory::Lab);
    QCOMPARE(fromCda->lab.value.value_or(-1), 6.9);
    QCOMPARE(fromCda->lab.flag, QStringLiteral("H"));
    QCOMPARE(fromCda->start.date(), QDate(2026, 4, 15));
    // Where it came from: the check-up document, and the document's facility.
    QVERIFY2(fromCda->detail.contains(QStringLiteral("特定健診情報")), qPrintable(fromCda->detail));
    QCOMPARE(fromCda->source.name, QStringLiteral("さくら健診センター"));
    QVERIFY(fromCda->key.startsWith(QStringLiteral("DocumentReference/att-cda#")));
    QCOMPARE(fromFhir->source.name, QStringLiteral("さくら内科クリニック"));
    // Body measurements from the check-up are vitals, not labs.
    const auto height = std::find_if(record->items.cbegin(), record->items.cend(), [](const ClinicalItem &i) { return i.title == u"身長"; });
    QVERIFY(height != record->items.cend());
    QCOMPARE(height->category, ItemCategory::Vital);
}

void TestHazardDocuments::unshowableDocumentsAreNotListedAsShowable()
{
    const RecordSet set = LocalRecordSource::load({dataFile("record-with-attachments.json")});
    const PatientRecord *record = set.find(u"t-att");
    QVERIFY(record);
    const QJsonArray documents = documentSummaryJson(*record);
    QCOMPARE(documents.size(), 6);

    const QJsonObject pdf = documentByKey(documents, QStringLiteral("DocumentReference/att-pdf"));
    QCOMPARE(pdf.value(QStringLiteral("format")).toString(), QStringLiteral("pdf"));
    QCOMPARE(pdf.value(QStringLiteral("renderable")).toBool(), true);
    QCOMPARE(pdf.value(QStringLiteral("pages")).toInt(), 3);
    QCOMPARE(pdf.value(QStringLiteral("facility")).toString(), QStringLiteral("さくら内科クリニック"));
    QCOMPARE(pdf.value(QStringLiteral("date")).toString(), QStringLiteral("2025-04-01"));

    const QJsonObject encrypted = documentByKey(documents, QStringLiteral("DocumentReference/att-encrypted"));
    QCOMPARE(encrypted.value(QStringLiteral("renderable")).toBool(true), false);
    QVERIFY(encrypted.value(QStringLiteral("reason")).toString().contains(QStringLiteral("encrypted")));

    // Declared a PNG, really a PDF: not shown as either.
    const QJsonObject lying = documentByKey(documents, QStringLiteral("DocumentReference/att-lying"));
    QCOMPARE(lying.value(QStringLiteral("renderable")).toBool(true), false);
    QVERIFY(lying.value(QStringLiteral("reason")).toString().contains(QStringLiteral("image/png")));

    const QJsonObject cda = documentByKey(documents, QStringLiteral("DocumentReference/att-cda"));
    QCOMPARE(cda.value(QStringLiteral("format")).toString(), QStringLiteral("cda"));
    QCOMPARE(cda.value(QStringLiteral("renderable")).toBool(), true);

    // The JP-CLINS referral: its PDF section is showable; the image on another server is not.
    const QJsonObject clins = documentByKey(documents, QStringLiteral("DocumentReference/att-clins"));
    QCOMPARE(clins.value(QStringLiteral("format")).toString(), QStringLiteral("fhir-document"));
    const QJsonArray attachments = clins.value(QStringLiteral("attachments")).toArray();
    QCOMPARE(attachments.size(), 3);
    QCOMPARE(attachments.at(0).toObject().value(QStringLiteral("pages")).toInt(), 3);
    QCOMPARE(attachments.at(1).toObject().value(QStringLiteral("format")).toString(), QStringLiteral("text"));
    QCOMPARE(attachments.at(2).toObject().value(QStringLiteral("renderable")).toBool(true), false);
    QVERIFY(attachments.at(2).toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("not fetched")));

    // No document is listed without saying whether it can be shown.
    for (const QJsonValue &d : documents) {
        const QJsonObject o = d.toObject();
        QVERIFY(o.contains(QStringLiteral("renderable")));
        QVERIFY(o.value(QStringLiteral("renderable")).toBool() || !o.value(QStringLiteral("reason")).toString().isEmpty());
    }
}

// The summary reads documents in batches on several threads: every line must still describe the
// document it names (a line about another document would call an unshowable one showable). 40
// documents, more than two batches, whose sources rotate through the six different ones.
void TestHazardDocuments::eachLineIsAboutItsOwnDocument()
{
    const RecordSet set = LocalRecordSource::load({dataFile("record-with-attachments.json")});
    const PatientRecord *original = set.find(u"t-att");
    QVERIFY(original);
    const QJsonArray alone = documentSummaryJson(*original);
    QCOMPARE(alone.size(), 6);
    PatientRecord many = *original;
    many.items.clear();
    many.documentSources.clear();
    QList<QJsonObject> expected;
    int k = 0;
    for (int round = 0; round < 7 && k < 40; ++round) {
        for (const ClinicalItem &item : original->items) {
            if (item.category != ItemCategory::Document || k >= 40)
                continue;
            ClinicalItem copy = item;
            copy.key = item.key + QStringLiteral("-copy%1").arg(k++);
            many.documentSources.insert(copy.key, original->documentSources.value(item.key));
            many.items.append(copy);
            QJsonObject line = documentByKey(alone, item.key);
            line.insert(QStringLiteral("key"), copy.key);
            expected.append(line);
        }
    }
    QCOMPARE(k, 40);
    const QJsonArray documents = documentSummaryJson(many);
    QCOMPARE(documents.size(), 40);
    for (int i = 0; i < 40; ++i)
        QCOMPARE(documents.at(i).toObject(), expected.at(i));
}

QTEST_MAIN(TestHazardDocuments)
#include "tst_hazard_documents.moc"
