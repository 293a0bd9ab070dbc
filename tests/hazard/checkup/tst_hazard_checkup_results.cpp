#include "viewer/timeline/clinicaltablemodel.h"
#include "viewer/timeline/clinicalpanels.h"
#include "record/documentresults.h"
#include "record/emergencysummary.h"
#include "viewer/timeline/labtrendchart.h"
#include "record/localrecordsource.h"
#include "viewer/patientview.h"
#include "record/recordsummary.h"
#include "viewer/timeline/timelineview.h"

#include "../../testsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTimeZone>
#include <QTest>

using namespace Kakehashi;

namespace {

const QString HbA1c = QStringLiteral("JLAC10:3D046000001906202");
const QString Ldl = QStringLiteral("JLAC10:3F077000002327101");
const QString Ast = QStringLiteral("JLAC10:3B035000002327201");
const QString Glucose = QStringLiteral("JLAC10:3D010000001926101");

RecordSet load()
{
    return LocalRecordSource::load({QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/hazard/checkup/record-checkup-results.json")});
}

QList<const ClinicalItem *> withAnalyte(const PatientRecord &record, const QString &analyte)
{
    QList<const ClinicalItem *> out;
    for (const ClinicalItem &item : record.items)
        if (item.lab.analyteKey == analyte)
            out << &item;
    return out;
}

QDateTime asOf()
{
    return QDateTime(QDate(2026, 5, 1), QTime(12, 0), QTimeZone(9 * 3600));
}

} // namespace

class TestHazardCheckupResults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checkupResultsJoinTheTrendMarkedWithTheirDocument();
    void aResultAlsoSharedIsShownOnce();
    void aResultWithoutValueIsNotShownAsANumber();
    void emergencySummaryNamesTheDocument();
};

void TestHazardCheckupResults::checkupResultsJoinTheTrendMarkedWithTheirDocument()
{
    const RecordSet set = load();
    QVERIFY2(set.errors.isEmpty(), qPrintable(set.errors.join(u'\n')));
    const PatientRecord *record = set.find(u"t-chk");
    QVERIFY(record);
    // Three HbA1c results: the clinic's shared one, the CDA's and the FHIR report's.
    const QList<const ClinicalItem *> hba1c = withAnalyte(*record, HbA1c);
    QCOMPARE(hba1c.size(), 3);
    int fromDocuments = 0;
    for (const ClinicalItem *item : hba1c) {
        if (!DocumentResults::isFromDocument(*item))
            continue;
        ++fromDocuments;
        QVERIFY(DocumentResults::documentKeyOf(*item).startsWith(QStringLiteral("DocumentReference/chk-")));
        QVERIFY2(item->detail.contains(item->sourceDocument), qPrintable(item->detail));
        QCOMPARE(item->source.name, QStringLiteral("みなと健診センター"));
    }
    QCOMPARE(fromDocuments, 2);
    // The CDA's result keeps its unit, reference range and flag as written.
    const auto cda = std::find_if(hba1c.cbegin(), hba1c.cend(), [](const ClinicalItem *i) { return i->subtype == u"cda"; });
    QVERIFY(cda != hba1c.cend());
    QCOMPARE((*cda)->lab.value.value_or(-1), 6.9);
    QCOMPARE((*cda)->lab.unit, QStringLiteral("%"));
    QCOMPARE((*cda)->lab.low.value_or(-1), 4.6);
    QCOMPARE((*cda)->lab.high.value_or(-1), 6.2);
    QCOMPARE((*cda)->lab.flag, QStringLiteral("H"));
    QVERIFY((*cda)->sourceDocument.contains(QStringLiteral("特定健診情報2026")));

    // What the clinician sees: the trend has all three points, the two from documents ringed, and
    // the caption names both documents.
    PatientView pv;
    pv.resize(1366, 768);
    pv.show();
    pv.setRecord(*record);
    pv.setView(QStringLiteral("labs"));
    pv.panels()->setFollowRange(false);
    QVERIFY(QTest::qWaitForWindowExposed(&pv));
    LabTrendChart *chart = pv.panels()->labChart();
    QVERIFY(chart->setAnalyte(HbA1c));
    int points = 0;
    for (const QString &facility : {QStringLiteral("みなと健診センター"), QStringLiteral("さくら内科クリニック")})
        if (QLineSeries *s = chart->seriesFor(facility))
            points += s->count();
    QCOMPARE(points, 3);
    QVERIFY(chart->documentSeries());
    QCOMPARE(chart->documentSeries()->count(), 2);
    QVERIFY(chart->legendEntries().contains(chart->documentSeries()->name()));
    QVERIFY2(chart->caption().contains(QStringLiteral("特定健診情報2026")), qPrintable(chart->caption()));
    QVERIFY2(chart->caption().contains(QStringLiteral("健診結果報告書2025")), qPrintable(chart->caption()));
    QVERIFY(chart->documentSeries()->points().contains(QPointF(double((*cda)->start.msecs()), 6.9)));

    // The lab list says where each row came from.
    ClinicalTableModel labs(ItemCategory::Lab);
    labs.setSource(&pv.timeline()->model());
    labs.refresh();
    const int notice = labs.columnOf(ClinicalTableModel::Column::Notice);
    QVERIFY(notice >= 0);
    const int row = labs.rowOfKey((*cda)->key);
    QVERIFY(row >= 0);
    QVERIFY2(labs.index(row, notice).data().toString().contains(QStringLiteral("特定健診情報2026")),
             qPrintable(labs.index(row, notice).data().toString()));
}

void TestHazardCheckupResults::aResultAlsoSharedIsShownOnce()
{
    const RecordSet set = load();
    const PatientRecord *record = set.find(u"t-chk");
    QVERIFY(record);
    // LDL 151 mg/dL on 2026-04-15: in the CDA (date only) and as a shared Observation (09:30) — one result.
    const QList<const ClinicalItem *> ldl = withAnalyte(*record, Ldl);
    QCOMPARE(ldl.size(), 1);
    QCOMPARE(ldl.first()->key, QStringLiteral("Observation/lab-ldl-shared"));
    QCOMPARE(ldl.first()->lab.value.value_or(-1), 151.0);
    QVERIFY2(ldl.first()->detail.contains(QStringLiteral("特定健診情報2026")), qPrintable(ldl.first()->detail));
    // AST 30 U/L: in the FHIR report and shared, at the same minute — one result.
    const QList<const ClinicalItem *> ast = withAnalyte(*record, Ast);
    QCOMPARE(ast.size(), 1);
    QCOMPARE(ast.first()->key, QStringLiteral("Observation/lab-ast-shared"));
    QVERIFY2(ast.first()->detail.contains(QStringLiteral("健診結果報告書2025")), qPrintable(ast.first()->detail));

    // The rule itself: another value, another day or another analyte is another result.
    ClinicalItem a = *ldl.first();
    ClinicalItem b = a;
    b.sourceDocument = QStringLiteral("x");
    QVERIFY(DocumentResults::sameResult(a, b));
    b.lab.value = 152;
    QVERIFY(!DocumentResults::sameResult(a, b));
    b = a;
    b.start = Fhir::DateTime::parse(QStringLiteral("2026-04-16"));
    QVERIFY(!DocumentResults::sameResult(a, b));
    b = a;
    b.lab.unit = QStringLiteral("mmol/L");
    QVERIFY(!DocumentResults::sameResult(a, b));
    b = a;
    b.start = Fhir::DateTime::parse(QStringLiteral("2026-04-15"));
    QVERIFY(DocumentResults::sameResult(a, b)); // a date-only result is the same day's
}

void TestHazardCheckupResults::aResultWithoutValueIsNotShownAsANumber()
{
    const RecordSet set = load();
    const PatientRecord *record = set.find(u"t-chk");
    QVERIFY(record);
    // Fasting glucose has no value in either document: it is not a lab result of the record (the
    // documents still show it), so no view can show it as a number or as a blank that hides another.
    QVERIFY(withAnalyte(*record, Glucose).isEmpty());
    for (const ClinicalItem &item : record->items)
        if (item.title.contains(QStringLiteral("血糖")))
            QFAIL(qPrintable(QStringLiteral("a result without a value became an item: ") + item.detail));
    const EmergencySummary s = EmergencySummary::build(*record, asOf());
    for (const EmergencyLine &l : s.labs)
        QVERIFY2(l.keyLab != u"glucose", qPrintable(l.valueText));
    // Every lab item read from a document has a value: a number, or text that is not just a unit.
    for (const ClinicalItem &item : record->items) {
        if (!DocumentResults::isFromDocument(item))
            continue;
        QVERIFY2(item.lab.value || (!item.lab.text.trimmed().isEmpty() && item.lab.text.trimmed() != item.lab.unit),
                 qPrintable(item.key + u' ' + item.lab.text));
    }
}

void TestHazardCheckupResults::emergencySummaryNamesTheDocument()
{
    const RecordSet set = load();
    const PatientRecord *record = set.find(u"t-chk");
    QVERIFY(record);
    const EmergencySummary s = EmergencySummary::build(*record, asOf());
    const auto hba1c = std::find_if(s.labs.cbegin(), s.labs.cend(), [](const EmergencyLine &l) { return l.keyLab == u"hba1c"; });
    QVERIFY(hba1c != s.labs.cend());
    QCOMPARE(hba1c->valueText, QStringLiteral("6.9 %"));
    QVERIFY(hba1c->sourceDocument.contains(QStringLiteral("特定健診情報2026")));
    const QJsonArray keyLabs = clinicalSummaryJson(s).value(QStringLiteral("keyLabs")).toArray();
    bool found = false;
    for (const QJsonValue &v : keyLabs) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("lab")).toString() != u"hba1c")
            continue;
        found = true;
        QCOMPARE(o.value(QStringLiteral("value")).toString(), QStringLiteral("6.9 %"));
        QVERIFY(o.value(QStringLiteral("sourceDocument")).toString().contains(QStringLiteral("特定健診情報2026")));
        QCOMPARE(o.value(QStringLiteral("facility")).toString(), QStringLiteral("みなと健診センター"));
    }
    QVERIFY(found);
}

KAKEHASHI_TEST_MAIN(TestHazardCheckupResults)
#include "tst_hazard_checkup_results.moc"
