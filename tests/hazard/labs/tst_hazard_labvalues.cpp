// Hazard: a lab value that is not a JSON number (a server that writes "6.9" or "5" as strings — not
// FHIR, but seen) is never shown as another number. Before: valueInteger "5" became 0 in the lab list,
// the emergency summary and --summary; valueQuantity "6.9" left the bare unit "%"; a range bound
// written as a string vanished from the range. Now every view shows the value as written (one rule:
// ClinicalItemBuilder, Fhir::numberAsWritten), the trend does not plot it and says that a result of
// the test is not plotted, no H/L flag is worked out from it, and the load names the resource.
#include "viewer/timeline/clinicaltablemodel.h"
#include "viewer/timeline/clinicalpanels.h"
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
#include <QTest>
#include <QTimeZone>

using namespace Kakehashi;

namespace {

const QString HbA1c = QStringLiteral("JLAC10:3D046000001906202");

const ClinicalItem *itemWithKey(const PatientRecord &record, const QString &key)
{
    for (const ClinicalItem &item : record.items)
        if (item.key == key)
            return &item;
    return nullptr;
}

} // namespace

class TestHazardLabValues : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aValueWrittenAsTextIsShownAsWritten();
};

void TestHazardLabValues::aValueWrittenAsTextIsShownAsWritten()
{
    const RecordSet set = LocalRecordSource::load({QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/hazard/labs/record-lab-values.json")});
    const PatientRecord *record = set.find(u"t-lab");
    QVERIFY(record);
    // The load names both resources (no value in the message).
    QCOMPARE(set.errors.filter(QStringLiteral("not a number")).size(), 2);
    QVERIFY(set.errors.filter(QStringLiteral("not a number")).join(u'\n').contains(QStringLiteral("Observation/potassium-string")));

    const ClinicalItem *potassium = itemWithKey(*record, QStringLiteral("Observation/potassium-string"));
    QVERIFY(potassium);
    QVERIFY(!potassium->lab.value);
    QCOMPARE(potassium->lab.text, QStringLiteral("5"));
    QVERIFY2(potassium->detail.startsWith(QStringLiteral("5")), qPrintable(potassium->detail));

    const ClinicalItem *hba1c = itemWithKey(*record, QStringLiteral("Observation/hba1c-string"));
    QVERIFY(hba1c);
    QVERIFY(!hba1c->lab.value);
    QCOMPARE(hba1c->lab.text, QStringLiteral("6.9 %"));
    QCOMPARE(hba1c->lab.rangeText, QStringLiteral("4.6–6.2"));
    QVERIFY(hba1c->lab.flag.isEmpty()); // no H worked out from a string

    // The emergency summary and --summary: the latest potassium is "5", never "0".
    const QDateTime asOf(QDate(2026, 4, 1), QTime(12, 0), QTimeZone(9 * 3600));
    const EmergencySummary summary = EmergencySummary::build(*record, asOf);
    bool sawPotassium = false;
    for (const EmergencyLine &line : summary.labs) {
        if (line.keyLab != u"potassium")
            continue;
        sawPotassium = true;
        QCOMPARE(line.valueText, QStringLiteral("5"));
    }
    QVERIFY(sawPotassium);
    const QJsonArray keyLabs = recordSummaryJson(set, asOf).value(QStringLiteral("patients")).toArray().first().toObject()
                                   .value(QStringLiteral("clinical")).toObject().value(QStringLiteral("keyLabs")).toArray();
    QStringList values;
    for (const QJsonValue &l : keyLabs)
        values << l.toObject().value(QStringLiteral("lab")).toString() + u'=' + l.toObject().value(QStringLiteral("value")).toString();
    QVERIFY2(values.contains(QStringLiteral("potassium=5")), qPrintable(values.join(u' ')));
    QVERIFY2(values.contains(QStringLiteral("hba1c=6.9 %")), qPrintable(values.join(u' ')));

    // What is drawn: the trend plots the one numeric HbA1c and says one result is not plotted.
    PatientView pv;
    pv.resize(1366, 768);
    pv.show();
    pv.setRecord(*record);
    pv.setView(QStringLiteral("labs"));
    pv.panels()->setFollowRange(false);
    QVERIFY(QTest::qWaitForWindowExposed(&pv));
    LabTrendChart *chart = pv.panels()->labChart();
    QVERIFY(chart->setAnalyte(HbA1c));
    QLineSeries *series = chart->seriesFor(QStringLiteral("あおば病院"));
    QVERIFY(series);
    QCOMPARE(series->count(), 1);
    QCOMPARE(series->at(0).y(), 6.1);
    QVERIFY2(chart->caption().contains(QStringLiteral("1 result(s) of this test not plotted (no number)")),
             qPrintable(chart->caption()));

    // The lab list shows the value as written.
    ClinicalTableModel labs(ItemCategory::Lab);
    labs.setSource(&pv.timeline()->model());
    labs.refresh();
    const int row = labs.rowOfKey(hba1c->key);
    QVERIFY(row >= 0);
    bool shown = false;
    for (int c = 0; c < labs.columnCount(); ++c)
        shown = shown || labs.index(row, c).data().toString().contains(QStringLiteral("6.9 %"));
    QVERIFY(shown);
}

KAKEHASHI_TEST_MAIN(TestHazardLabValues)
#include "tst_hazard_labvalues.moc"
