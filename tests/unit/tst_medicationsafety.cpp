#include "../testsupport.h"

#include "record/drugmaster.h"
#include "record/localrecordsource.h"
#include "record/medicationsafety.h"

#include <QTemporaryDir>

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
    i.source = {QStringLiteral("Organization/") + facility, facility, SourceFacility::Basis::Resource, {}, {}};
    i.start = Fhir::DateTime::parse(from.toString(Qt::ISODate));
    i.end = Fhir::DateTime::parse(to.toString(Qt::ISODate));
    return i;
}
const QString yj = Fhir::System::YjCode.toString();
const QString hot9 = Fhir::System::Hot9.toString();
const QString gn = Fhir::System::GeneralOrderCode.toString();
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
        QTest::newRow("brand and generic of one ingredient from one facility")
            << QList<ClinicalItem>{prescription(QStringLiteral("MedicationRequest/a"), QStringLiteral("ムコダイン錠２５０ｍｇ"), hot9, QStringLiteral("103835401"), QStringLiteral("甲医院"), d.addDays(-10), d.addDays(3)),
                                   prescription(QStringLiteral("MedicationRequest/b"), QStringLiteral("カルボシステイン錠２５０ｍｇ「サワイ」"), yj, QStringLiteral("2233002F1280"), QStringLiteral("甲医院"), d.addDays(-3), d.addDays(10))}
            << QStringList{QStringLiteral("甲医院")};
        QTest::newRow("general-name and brand from two facilities")
            << QList<ClinicalItem>{prescription(QStringLiteral("MedicationRequest/a"), QStringLiteral("【般】カルボシステイン錠２５０ｍｇ"), gn, QStringLiteral("2233002F1ZZZ"), QStringLiteral("甲医院"), d.addDays(-10), d.addDays(3)),
                                   prescription(QStringLiteral("MedicationRequest/b"), QStringLiteral("ムコダイン錠２５０ｍｇ"), hot9, QStringLiteral("103835401"), QStringLiteral("乙病院"), d.addDays(-3), d.addDays(10))}
            << QStringList{QStringLiteral("乙病院"), QStringLiteral("甲医院")};
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
    void codeStructureAndMaster_data()
    {
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("key"); // empty: ingredient unknown
        QTest::newRow("YJ: first 7 of 12") << yj << QStringLiteral("2233002F1280") << QStringLiteral("YJ:2233002");
        QTest::newRow("general-name code") << gn << QStringLiteral("1124030F2ZZZ") << QStringLiteral("YJ:1124030");
        QTest::newRow("HOT9 in the master") << hot9 << QStringLiteral("103835401") << QStringLiteral("YJ:2233002");
        QTest::newRow("HOT13 by its HOT9") << Fhir::System::Hot13.toString() << QStringLiteral("1038354010101") << QStringLiteral("YJ:2233002");
        QTest::newRow("HOT9 not in the master") << hot9 << QStringLiteral("999999901") << QString();
        QTest::newRow("HOT9 of another distributor, same HOT7") << hot9 << QStringLiteral("103835402") << QStringLiteral("YJ:2233002");
        QTest::newRow("malformed YJ") << yj << QStringLiteral("2233002") << QString();
    }
    void codeStructureAndMaster()
    {
        QFETCH(QString, system);
        QFETCH(QString, code);
        QFETCH(QString, key);
        const std::optional<Ingredient> i = DrugMaster::instance().ingredientOf({{system, code, QString()}});
        QCOMPARE(i ? i->key : QString(), key);
    }
    // A deployment drops the full masters into a directory; it is read instead of the built-in subset.
    void masterFromADirectory()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("hot-yj.tsv")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# test\n118185202\t9999999Z9999\t試験品\t試験成分\ttest row, not real master data\t2026-12-01\n");
        f.close();
        const DrugMaster m = DrugMaster::load(dir.path());
        QCOMPARE(m.hotRows(), 1);
        const std::optional<Ingredient> i = m.ingredientOf({{hot9, QStringLiteral("118185202"), QString()}});
        QVERIFY(i);
        QCOMPARE(i->key, QStringLiteral("YJ:9999999"));
        QCOMPARE(i->name, QStringLiteral("試験成分"));
        QVERIFY(!m.ingredientOf({{hot9, QStringLiteral("103835401"), QString()}})); // only what the directory holds
    }
    void uncheckedAreListed()
    {
        const QDate d(2026, 6, 1);
        PatientRecord r;
        r.items = {prescription(QStringLiteral("MedicationRequest/a"), QStringLiteral("X"), hot9, QStringLiteral("999999901"), QStringLiteral("甲医院"), d.addDays(-10), d.addDays(3)),
                   prescription(QStringLiteral("MedicationRequest/b"), QStringLiteral("Y"), yj, QStringLiteral("2171022F1021"), QStringLiteral("甲医院"), d.addDays(-10), d.addDays(3)),
                   prescription(QStringLiteral("MedicationRequest/c"), QStringLiteral("Z"), hot9, QStringLiteral("999999901"), QStringLiteral("甲医院"), d.addDays(-30), d.addDays(-20))};
        const DuplicateTherapyCheck c = MedicationSafety::check(r, QDateTime(d, QTime(12, 0), Qt::UTC));
        QCOMPARE(c.unchecked.size(), 1); // the ended one is not current, so not listed
        QCOMPARE(c.unchecked.first().itemKey, QStringLiteral("MedicationRequest/a"));
        QVERIFY(c.warnings.isEmpty());
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
    // Demo p003: ムコダイン (HOT9 only) and カルボシステイン「サワイ」 (YJ) run together; warned by ingredient.
    void demoPatientP003BrandAndGeneric()
    {
        if (!QFile::exists(qEnvironmentVariable("KAKEHASHI_DEMO_RCC")))
            QSKIP("demo data not built");
        const RecordSet set = LocalRecordSource::loadDemo();
        const PatientRecord *p003 = set.find(u"p003");
        QVERIFY(p003);
        bool found = false;
        for (QDate day(2026, 10, 1); day <= QDate(2026, 11, 30) && !found; day = day.addDays(1))
            for (const DuplicateTherapyWarning &w : MedicationSafety::duplicateTherapy(*p003, QDateTime(day, QTime(3, 0), Qt::UTC)))
                found = found || (w.ingredientKey == u"YJ:2233002" && w.drugNames.contains(QStringLiteral("ムコダイン")));
        QVERIFY(found);
    }
};

KAKEHASHI_TEST_MAIN(TestMedicationSafety)
#include "tst_medicationsafety.moc"
