#include "../testsupport.h"

#include "localrecordsource.h"
#include "medicationsafety.h"

using namespace Kakehashi;

namespace {
ClinicalItem prescription(const QString &key, const QString &title, const QString &system, const QString &code,
                          const QString &facility, QDate from, QDate to)
{
    ClinicalItem i;
    i.category = ItemCategory::Medication;
    i.resourceType = QStringLiteral("MedicationRequest");
    i.key = key;
    i.title = title;
    i.codes = {{system, code, title}};
    i.source = {QStringLiteral("Organization/") + facility, facility, SourceFacility::Basis::Resource};
    i.start = Fhir::DateTime::parse(from.toString(Qt::ISODate));
    i.end = Fhir::DateTime::parse(to.toString(Qt::ISODate));
    return i;
}
const QString yj = Fhir::System::YjCode.toString();
const QString hot9 = Fhir::System::Hot9.toString();
} // namespace

class TestMedicationSafety : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void duplicates_data()
    {
        QTest::addColumn<QList<ClinicalItem>>("items");
        QTest::addColumn<QStringList>("expectedFacilities"); // empty: no warning
        const QDate d(2026, 6, 1);
        QTest::newRow("same ingredient, two facilities, other strengths")
            << QList<ClinicalItem>{prescription(QStringLiteral("MedicationRequest/a"), QStringLiteral("アムロジピン錠5mg"), yj, QStringLiteral("2171022F1021"), QStringLiteral("甲医院"), d.addDays(-10), d.addDays(20)),
                                   prescription(QStringLiteral("MedicationRequest/b"), QStringLiteral("アムロジピンOD錠10mg"), yj, QStringLiteral("2171022F6276"), QStringLiteral("乙病院"), d.addDays(-3), d.addDays(25))}
            << QStringList{QStringLiteral("乙病院"), QStringLiteral("甲医院")};
        QTest::newRow("same facility twice is a refill, not a duplicate")
            << QList<ClinicalItem>{prescription(QStringLiteral("MedicationRequest/a"), QStringLiteral("A"), yj, QStringLiteral("2171022F1021"), QStringLiteral("甲医院"), d.addDays(-10), d.addDays(20)),
                                   prescription(QStringLiteral("MedicationRequest/b"), QStringLiteral("A"), yj, QStringLiteral("2171022F1021"), QStringLiteral("甲医院"), d.addDays(-3), d.addDays(25))}
            << QStringList{};
        QTest::newRow("one of them has ended")
            << QList<ClinicalItem>{prescription(QStringLiteral("MedicationRequest/a"), QStringLiteral("A"), yj, QStringLiteral("2171022F1021"), QStringLiteral("甲医院"), d.addDays(-40), d.addDays(-12)),
                                   prescription(QStringLiteral("MedicationRequest/b"), QStringLiteral("A"), yj, QStringLiteral("2171022F1021"), QStringLiteral("乙病院"), d.addDays(-3), d.addDays(25))}
            << QStringList{};
        QTest::newRow("different ingredients in the same class")
            << QList<ClinicalItem>{prescription(QStringLiteral("MedicationRequest/a"), QStringLiteral("A"), yj, QStringLiteral("2171022F1021"), QStringLiteral("甲医院"), d.addDays(-10), d.addDays(20)),
                                   prescription(QStringLiteral("MedicationRequest/b"), QStringLiteral("B"), yj, QStringLiteral("2171017F1020"), QStringLiteral("乙病院"), d.addDays(-3), d.addDays(25))}
            << QStringList{};
        QTest::newRow("same product by HOT code")
            << QList<ClinicalItem>{prescription(QStringLiteral("MedicationRequest/a"), QStringLiteral("C"), hot9, QStringLiteral("121431401"), QStringLiteral("甲医院"), d.addDays(-10), d.addDays(20)),
                                   prescription(QStringLiteral("MedicationRequest/b"), QStringLiteral("C"), hot9, QStringLiteral("121431402"), QStringLiteral("乙病院"), d.addDays(-3), d.addDays(25))}
            << QStringList{QStringLiteral("乙病院"), QStringLiteral("甲医院")};
    }
    void duplicates()
    {
        QFETCH(QList<ClinicalItem>, items);
        QFETCH(QStringList, expectedFacilities);
        PatientRecord r;
        r.items = items;
        const auto warnings = MedicationSafety::duplicateTherapy(r, QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC));
        if (expectedFacilities.isEmpty()) {
            QVERIFY(warnings.isEmpty());
            return;
        }
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings.first().facilities, expectedFacilities);
        QCOMPARE(warnings.first().itemKeys.size(), 2);
        QVERIFY(warnings.first().overlapStart <= warnings.first().overlapEnd);
        QVERIFY(warnings.first().message().contains(expectedFacilities.first()));
    }
    void demoPatientHasAmlodipineFromTwoFacilities()
    {
        if (!QFile::exists(qEnvironmentVariable("KAKEHASHI_DEMO_RCC")))
            QSKIP("demo data not built");
        const RecordSet set = LocalRecordSource::loadDemo();
        const PatientRecord *p001 = set.find(u"p001");
        QVERIFY(p001);
        // Scan the demo's last year for a day on which both facilities' amlodipine runs.
        bool found = false;
        for (QDate day(2025, 11, 1); day <= QDate(2026, 10, 31) && !found; day = day.addDays(1)) {
            for (const DuplicateTherapyWarning &w : MedicationSafety::duplicateTherapy(*p001, QDateTime(day, QTime(12, 0), Qt::UTC)))
                found = found || (w.ingredientKey == u"YJ:2171022" && w.facilities.size() >= 2);
        }
        QVERIFY(found);
    }
};

KAKEHASHI_TEST_MAIN(TestMedicationSafety)
#include "tst_medicationsafety.moc"
