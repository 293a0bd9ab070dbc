// EmergencySummary: the national 救急時医療情報閲覧 look-back windows, ingredient de-duplication,
// allergy order, UNINFORMED kept and marked, withheld/incomplete carried through, key labs.
#include "../testsupport.h"

#include "record/emergencysummary.h"
#include "record/localrecordsource.h"

#include <QSettings>

using namespace Kakehashi;

namespace {

const QDateTime AsOf(QDate(2026, 10, 31), QTime(12, 0), Qt::UTC);

Fhir::DateTime at(const QDateTime &t)
{
    return {t.toUTC(), Fhir::DateTime::Precision::Time};
}

ClinicalItem item(ItemCategory category, const QString &key, const QString &title, const QDateTime &start,
                  const QString &facility = QStringLiteral("甲病院"))
{
    ClinicalItem i;
    i.category = category;
    i.key = key;
    i.title = title;
    i.start = at(start);
    i.source = {QStringLiteral("Organization/") + facility, facility, SourceFacility::Basis::Resource};
    return i;
}

ClinicalItem encounter(const QString &cls, const QDateTime &start, const QDateTime &end)
{
    ClinicalItem i = item(ItemCategory::Encounter, QStringLiteral("Encounter/e"), QStringLiteral("Visit"), start);
    i.resourceType = QStringLiteral("Encounter");
    i.encounterClass = cls;
    i.end = at(end);
    return i;
}

ClinicalItem medication(const QString &key, const QString &subtype, const QString &yj, const QString &facility,
                        const QDateTime &start, int days)
{
    ClinicalItem i = item(ItemCategory::Medication, key, QStringLiteral("薬") + yj.left(7), start, facility);
    i.resourceType = subtype == u"dispense" ? QStringLiteral("MedicationDispense") : QStringLiteral("MedicationRequest");
    i.subtype = subtype;
    i.codes = {{Fhir::System::YjCode.toString(), yj, QString()}};
    i.end = at(start.addDays(days));
    i.detail = subtype + QStringLiteral(" detail");
    return i;
}

ClinicalItem allergy(const QString &title, const QString &subtype, const QString &criticality, const QDateTime &start,
                     bool active = true)
{
    ClinicalItem i = item(ItemCategory::Allergy, QStringLiteral("AllergyIntolerance/") + title, title, start);
    i.resourceType = QStringLiteral("AllergyIntolerance");
    i.subtype = subtype;
    i.criticality = criticality;
    i.active = active;
    return i;
}

ClinicalItem lab(const QString &key, const QString &jlac10, const QString &value, const QDateTime &when, const QString &flag = {})
{
    ClinicalItem i = item(ItemCategory::Lab, key, QStringLiteral("lab ") + jlac10.left(5), when);
    i.resourceType = QStringLiteral("Observation");
    i.codes = {{Fhir::System::Jlac10.toString(), jlac10, QString()}};
    i.lab.analyteKey = QStringLiteral("JLAC10:") + jlac10;
    i.lab.text = value;
    i.lab.flag = flag;
    return i;
}

QStringList titles(const QList<EmergencyLine> &lines)
{
    QStringList out;
    for (const EmergencyLine &l : lines)
        out << l.title;
    return out;
}

} // namespace

class TestEmergencySummary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lookBackWindows_data()
    {
        QTest::addColumn<ClinicalItem>("input");
        QTest::addColumn<QString>("section");
        QTest::addColumn<bool>("shown");

        const auto visit = [](int daysAgo) {
            const QDateTime t = AsOf.addDays(-daysAgo);
            return encounter(QStringLiteral("AMB"), t, t.addSecs(1200));
        };
        QTest::newRow("visit 89 days ago") << visit(89) << QStringLiteral("encounters") << true;
        QTest::newRow("visit 91 days ago") << visit(91) << QStringLiteral("encounters") << false;
        QTest::newRow("admission ended 89 days ago, began 100") << encounter(QStringLiteral("IMP"), AsOf.addDays(-100), AsOf.addDays(-89))
                                                               << QStringLiteral("encounters") << true;
        QTest::newRow("admission ended 91 days ago") << encounter(QStringLiteral("IMP"), AsOf.addDays(-100), AsOf.addDays(-91))
                                                     << QStringLiteral("encounters") << false;
        QTest::newRow("visit tomorrow (after as-of)") << visit(-1) << QStringLiteral("encounters") << false;

        // 7-day supplies: long over, so only the dispensing window can show them.
        const auto dispensed = [](int daysAgo) {
            return medication(QStringLiteral("MedicationDispense/d"), QStringLiteral("dispense"), QStringLiteral("1149019F1560"),
                              QStringLiteral("ひかり薬局"), AsOf.addDays(-daysAgo), 7);
        };
        QTest::newRow("dispensed 44 days ago") << dispensed(44) << QStringLiteral("medications") << true;
        QTest::newRow("dispensed 46 days ago") << dispensed(46) << QStringLiteral("medications") << false;
        QTest::newRow("prescribed 46 days ago, 60-day supply still running")
            << medication(QStringLiteral("MedicationRequest/r"), QStringLiteral("prescription"), QStringLiteral("2171022F1021"),
                          QStringLiteral("甲病院"), AsOf.addDays(-46), 60)
            << QStringLiteral("medications") << true;
        QTest::newRow("prescribed 44 days ago, 28-day supply over (not a dispensing)")
            << medication(QStringLiteral("MedicationRequest/r"), QStringLiteral("prescription"), QStringLiteral("2171022F1021"),
                          QStringLiteral("甲病院"), AsOf.addDays(-44), 28)
            << QStringLiteral("medications") << false;

        const auto surgery = [](int months) {
            ClinicalItem p = item(ItemCategory::Procedure, QStringLiteral("Procedure/p"), QStringLiteral("胃切除術"), AsOf.addMonths(-months));
            p.end = at(AsOf.addMonths(-months).addSecs(3600));
            return p;
        };
        QTest::newRow("surgery 4 years 11 months ago") << surgery(59) << QStringLiteral("procedures") << true;
        QTest::newRow("surgery 5 years 1 month ago") << surgery(61) << QStringLiteral("procedures") << false;

        const auto resolved = [](int daysAgo) {
            ClinicalItem c = item(ItemCategory::Problem, QStringLiteral("Condition/c"), QStringLiteral("胃炎"), AsOf.addDays(-400));
            c.status = QStringLiteral("resolved");
            c.end = at(AsOf.addDays(-daysAgo));
            return c;
        };
        QTest::newRow("problem resolved 89 days ago") << resolved(89) << QStringLiteral("problems") << true;
        QTest::newRow("problem resolved 91 days ago") << resolved(91) << QStringLiteral("problems") << false;
        ClinicalItem longActive = item(ItemCategory::Problem, QStringLiteral("Condition/a"), QStringLiteral("高血圧症"), AsOf.addYears(-15));
        longActive.active = true;
        QTest::newRow("problem active for 15 years") << longActive << QStringLiteral("problems") << true;
    }
    void lookBackWindows()
    {
        QFETCH(ClinicalItem, input);
        QFETCH(QString, section);
        QFETCH(bool, shown);
        PatientRecord record;
        record.items = {input};
        const EmergencySummary s = EmergencySummary::build(record, AsOf);
        const QHash<QString, qsizetype> sizes{{QStringLiteral("encounters"), s.encounters.size()},
                                              {QStringLiteral("medications"), s.medications.size()},
                                              {QStringLiteral("procedures"), s.procedures.size()},
                                              {QStringLiteral("problems"), s.problems.size()}};
        QCOMPARE(sizes.value(section), shown ? 1 : 0);
        if (shown) {
            QVERIFY(!sizes.isEmpty());
            const EmergencyLine &line = section == u"encounters" ? s.encounters.first()
                                        : section == u"medications" ? s.medications.first()
                                        : section == u"procedures" ? s.procedures.first()
                                                                   : s.problems.first();
            QCOMPARE(line.itemKey, input.key);
            QCOMPARE(line.facility, input.source.name);
            QVERIFY(line.date.isValid());
        }
    }

    void lookBackFromSettings()
    {
        QSettings settings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("kakehashi-test"), QStringLiteral("emergency"));
        settings.clear();
        QCOMPARE(EmergencyLookBack::fromSettings(settings).encounterDays, 90);
        QCOMPARE(EmergencyLookBack::fromSettings(settings).dispenseDays, 45);
        QCOMPARE(EmergencyLookBack::fromSettings(settings).procedureMonths, 60);
        EmergencyLookBack shorter;
        shorter.encounterDays = 30;
        shorter.save(settings);
        settings.setValue(QStringLiteral("emergency/dispenseDays"), QStringLiteral("not a number"));
        const EmergencyLookBack read = EmergencyLookBack::fromSettings(settings);
        QCOMPARE(read.encounterDays, 30);
        QCOMPARE(read.dispenseDays, 45); // unreadable values fall back to the national period

        PatientRecord record;
        record.items = {encounter(QStringLiteral("AMB"), AsOf.addDays(-45), AsOf.addDays(-45).addSecs(600))};
        QCOMPARE(EmergencySummary::build(record, AsOf).encounters.size(), 1);
        QCOMPARE(EmergencySummary::build(record, AsOf, read).encounters.size(), 0);
        settings.clear();
    }

    void ingredientDeduplication()
    {
        PatientRecord record;
        // Amlodipine (YJ 2171022…) from a clinic and a hospital, different strengths, both running,
        // and the pharmacy's dispensing of one of them; plus an unrelated drug and an ended one.
        record.items = {
            medication(QStringLiteral("MedicationRequest/a"), QStringLiteral("prescription"), QStringLiteral("2171022F1021"), QStringLiteral("さくら内科"), AsOf.addDays(-10), 28),
            medication(QStringLiteral("MedicationRequest/b"), QStringLiteral("prescription"), QStringLiteral("2171022F6276"), QStringLiteral("東都大学病院"), AsOf.addDays(-5), 56),
            medication(QStringLiteral("MedicationDispense/b"), QStringLiteral("dispense"), QStringLiteral("2171022F6276"), QStringLiteral("あおば薬局"), AsOf.addDays(-4), 56),
            medication(QStringLiteral("MedicationRequest/c"), QStringLiteral("prescription"), QStringLiteral("3962002F1022"), QStringLiteral("さくら内科"), AsOf.addDays(-10), 28),
            medication(QStringLiteral("MedicationRequest/old"), QStringLiteral("prescription"), QStringLiteral("1124030F1020"), QStringLiteral("さくら内科"), AsOf.addDays(-100), 28),
        };
        for (ClinicalItem &i : record.items)
            i.resourceType = i.subtype == u"dispense" ? QStringLiteral("MedicationDispense") : QStringLiteral("MedicationRequest");
        const EmergencySummary s = EmergencySummary::build(record, AsOf);
        QCOMPARE(s.medications.size(), 2);
        const EmergencyLine &amlodipine = s.medications.first(); // duplicate therapy sorts first
        QCOMPARE(amlodipine.ingredientKey, QStringLiteral("YJ:2171022"));
        QCOMPARE(amlodipine.count, 3);
        QCOMPARE(amlodipine.itemKeys.size(), 3);
        QCOMPARE(amlodipine.itemKey, QStringLiteral("MedicationDispense/b")); // the newest names the line
        QCOMPARE(amlodipine.facility, QStringLiteral("あおば薬局"));
        QCOMPARE(QSet<QString>(amlodipine.facilities.cbegin(), amlodipine.facilities.cend()),
                 (QSet<QString>{QStringLiteral("さくら内科"), QStringLiteral("東都大学病院"), QStringLiteral("あおば薬局")}));
        QCOMPARE(amlodipine.detail, QStringLiteral("prescription detail")); // dosage from the newest prescription
        QVERIFY(amlodipine.duplicateTherapy);
        QCOMPARE(s.duplicateTherapyWarnings.size(), 1);
        QVERIFY(s.duplicateTherapyWarnings.first().contains(QStringLiteral("東都大学病院")));
        QCOMPARE(s.medications.at(1).ingredientKey, QStringLiteral("YJ:3962002"));
        QVERIFY(!s.medications.at(1).duplicateTherapy);
    }

    void allergyOrder_data()
    {
        QTest::addColumn<QList<ClinicalItem>>("allergies");
        QTest::addColumn<QStringList>("expected");
        const QDateTime old = AsOf.addYears(-6);
        const QDateTime recent = AsOf.addYears(-1);
        QTest::newRow("drug before food, even when the food is high risk")
            << QList<ClinicalItem>{allergy(QStringLiteral("そば"), QStringLiteral("food"), QStringLiteral("high"), recent),
                                   allergy(QStringLiteral("ペニシリン"), QStringLiteral("medication"), QStringLiteral("low"), old)}
            << QStringList{QStringLiteral("ペニシリン"), QStringLiteral("そば")};
        QTest::newRow("high criticality first within drugs, then newest")
            << QList<ClinicalItem>{allergy(QStringLiteral("A"), QStringLiteral("medication"), QStringLiteral("low"), recent),
                                   allergy(QStringLiteral("B"), QStringLiteral("medication"), QStringLiteral("high"), old),
                                   allergy(QStringLiteral("C"), QStringLiteral("medication"), QString(), AsOf.addDays(-3))}
            << QStringList{QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("A")};
        QTest::newRow("inactive allergy left out")
            << QList<ClinicalItem>{allergy(QStringLiteral("A"), QStringLiteral("medication"), QStringLiteral("high"), recent, false),
                                   allergy(QStringLiteral("B"), QStringLiteral("environment"), QStringLiteral("low"), old)}
            << QStringList{QStringLiteral("B")};
        QTest::newRow("old allergies are never aged out")
            << QList<ClinicalItem>{allergy(QStringLiteral("ヨード"), QStringLiteral("medication"), QStringLiteral("high"), AsOf.addYears(-30))}
            << QStringList{QStringLiteral("ヨード")};
    }
    void allergyOrder()
    {
        QFETCH(QList<ClinicalItem>, allergies);
        QFETCH(QStringList, expected);
        PatientRecord record;
        record.items = allergies;
        const EmergencySummary s = EmergencySummary::build(record, AsOf);
        QCOMPARE(titles(s.allergies), expected);
        for (const EmergencyLine &a : s.allergies) {
            const auto source = std::find_if(allergies.cbegin(), allergies.cend(), [&a](const ClinicalItem &i) { return i.key == a.itemKey; });
            QVERIFY(source != allergies.cend());
            QCOMPARE(a.highCriticality, source->criticality == u"high");
            QCOMPARE(a.drugAllergy, source->subtype == u"medication");
        }
    }

    void uninformedKeptAndMarked()
    {
        PatientRecord record;
        ClinicalItem cancer = item(ItemCategory::Problem, QStringLiteral("Condition/ca"), QStringLiteral("噴門癌"), AsOf.addDays(-50));
        cancer.active = true;
        cancer.uninformed = true;
        ClinicalItem htn = item(ItemCategory::Problem, QStringLiteral("Condition/htn"), QStringLiteral("高血圧症"), AsOf.addYears(-10));
        htn.active = true;
        record.items = {cancer, htn};
        const EmergencySummary s = EmergencySummary::build(record, AsOf);
        QCOMPARE(titles(s.problems), (QStringList{QStringLiteral("噴門癌"), QStringLiteral("高血圧症")}));
        QVERIFY(s.problems.at(0).uninformed);
        QVERIFY(!s.problems.at(1).uninformed);
        QCOMPARE(s.uninformedCount, 1);
    }

    void withheldAndIncompleteCarried_data()
    {
        QTest::addColumn<int>("withheld");
        QTest::addColumn<int>("undelivered");
        QTest::addColumn<bool>("incomplete");
        QTest::newRow("complete") << 0 << 0 << false;
        QTest::newRow("three withheld") << 3 << 0 << true;
        QTest::newRow("undelivered only") << 0 << 2 << false;
        QTest::newRow("both") << 1 << 4 << true;
    }
    void withheldAndIncompleteCarried()
    {
        QFETCH(int, withheld);
        QFETCH(int, undelivered);
        QFETCH(bool, incomplete);
        PatientRecord record;
        record.withheldCount = withheld;
        record.undeliveredCount = undelivered;
        record.incomplete = incomplete;
        if (incomplete)
            record.incompleteReasons = {QStringLiteral("withheld"), QStringLiteral("page 3 failed")};
        const EmergencySummary s = EmergencySummary::build(record, AsOf);
        QCOMPARE(s.withheldCount, withheld);
        QCOMPARE(s.undeliveredCount, undelivered);
        QCOMPARE(s.incomplete, incomplete);
        QCOMPARE(s.incompleteReasons, record.incompleteReasons);
        QVERIFY(s.isEmpty());
    }

    void keyLabCodes_data()
    {
        QTest::addColumn<QString>("jlac10");
        QTest::addColumn<QString>("keyLab");
        QTest::newRow("creatinine serum") << QStringLiteral("3C015000002327101") << QStringLiteral("creatinine");
        QTest::newRow("eGFR") << QStringLiteral("8A065000002391901") << QStringLiteral("egfr");
        QTest::newRow("potassium") << QStringLiteral("3H015000002326101") << QStringLiteral("potassium");
        QTest::newRow("haemoglobin") << QStringLiteral("2A030000001930101") << QStringLiteral("hemoglobin");
        QTest::newRow("platelets") << QStringLiteral("2A050000001930901") << QStringLiteral("platelets");
        QTest::newRow("glucose") << QStringLiteral("3D010000001926101") << QStringLiteral("glucose");
        QTest::newRow("HbA1c") << QStringLiteral("3D046000001906202") << QStringLiteral("hba1c");
        QTest::newRow("AST is not a key lab") << QStringLiteral("3B035000002327201") << QString();
        QTest::newRow("too short") << QStringLiteral("3C01") << QString();
    }
    void keyLabCodes()
    {
        QFETCH(QString, jlac10);
        QFETCH(QString, keyLab);
        QCOMPARE(EmergencySummary::keyLabForJlac10(jlac10), keyLab);
    }

    void latestKeyLabs()
    {
        PatientRecord record;
        record.items = {
            lab(QStringLiteral("Observation/k-old"), QStringLiteral("3H015000002326101"), QStringLiteral("4.1 mmol/L"), AsOf.addDays(-40)),
            lab(QStringLiteral("Observation/k-new"), QStringLiteral("3H015000002326101"), QStringLiteral("5.9 mmol/L"), AsOf.addDays(-2), QStringLiteral("H")),
            lab(QStringLiteral("Observation/k-future"), QStringLiteral("3H015000002326101"), QStringLiteral("3.0 mmol/L"), AsOf.addDays(2)),
            lab(QStringLiteral("Observation/cre"), QStringLiteral("3C015000002327101"), QStringLiteral("0.9 mg/dL"), AsOf.addDays(-200), QStringLiteral("N")),
            lab(QStringLiteral("Observation/ast"), QStringLiteral("3B035000002327201"), QStringLiteral("30 U/L"), AsOf.addDays(-2)),
        };
        const EmergencySummary s = EmergencySummary::build(record, AsOf);
        QCOMPARE(s.labs.size(), 2);
        QCOMPARE(s.labs.at(0).keyLab, QStringLiteral("creatinine")); // keyLabs() order, not date order
        QVERIFY(s.labs.at(0).stale);
        QVERIFY(s.labs.at(0).flag.isEmpty()); // "N" is not shown as a flag
        QCOMPARE(s.labs.at(1).itemKey, QStringLiteral("Observation/k-new"));
        QCOMPARE(s.labs.at(1).valueText, QStringLiteral("5.9 mmol/L"));
        QCOMPARE(s.labs.at(1).flag, QStringLiteral("H"));
        QVERIFY(!s.labs.at(1).stale);
        QCOMPARE(s.labs.at(1).facility, QStringLiteral("甲病院"));
    }

    void demoPatientP002()
    {
        if (!QFile::exists(qEnvironmentVariable("KAKEHASHI_DEMO_RCC")))
            QSKIP("demo data not built");
        const RecordSet set = LocalRecordSource::loadDemo();
        const PatientRecord *p002 = set.find(u"p002");
        QVERIFY(p002);
        // The demo data's fixed "today".
        const EmergencySummary s = EmergencySummary::build(*p002, QDateTime(QDate(2026, 10, 31), QTime(23, 0), Qt::UTC));
        QVERIFY(!s.allergies.isEmpty());
        QVERIFY(s.allergies.first().title.contains(QStringLiteral("ポビドンヨード")));
        QVERIFY(s.allergies.first().drugAllergy);
        QVERIFY(s.allergies.first().highCriticality);
        QVERIFY(!s.encounters.isEmpty());
        QVERIFY(s.encounters.first().admission);
        QCOMPARE(s.encounters.first().date.date(), QDate(2026, 8, 3));
        const QStringList procedures = titles(s.procedures);
        QVERIFY2(procedures.filter(QStringLiteral("胃切除")).size() == 1, qPrintable(procedures.join(u',')));
        QVERIFY(procedures.filter(QStringLiteral("麻酔")).size() == 1);
        QVERIFY(procedures.filter(QStringLiteral("輸血")).size() == 1);
        for (const EmergencyLine &l : s.procedures)
            QVERIFY(!l.facility.isEmpty());
        QVERIFY(titles(s.problems).filter(QStringLiteral("胃癌")).size() == 1);
        QVERIFY(titles(s.problems).filter(QStringLiteral("十二指腸潰瘍")).isEmpty()); // resolved in 2020
    }
};

KAKEHASHI_TEST_MAIN(TestEmergencySummary)
#include "tst_emergencysummary.moc"
