// RolePolicy: what each HPKI role may see, on hand-made items and on the fixture's p001 record.
#include "../testsupport.h"

#include "record/localrecordsource.h"
#include "record/rolepolicy.h"

using namespace Kakehashi;

namespace {
ClinicalItem item(ItemCategory category, const QString &resourceType, const QString &id)
{
    ClinicalItem i;
    i.category = category;
    i.resourceType = resourceType;
    i.key = resourceType + u'/' + id;
    i.title = id;
    return i;
}
} // namespace

class TestRolePolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void forHcRole_data()
    {
        QTest::addColumn<QString>("hcRole");
        QTest::addColumn<bool>("pharmacy");
        QTest::newRow("pharmacist") << "Pharmacist" << true;
        QTest::newRow("pharmacist, other case and spaces") << " pharmacist " << true;
        QTest::newRow("doctor") << "Medical Doctor" << false;
        QTest::newRow("dentist") << "Dentist" << false;
        QTest::newRow("nurse") << "Nurse" << false;
        QTest::newRow("no hcRole") << "" << false;
        QTest::newRow("pharmacy technician is not a pharmacist") << "Pharmacist Assistant" << false;
    }
    void forHcRole()
    {
        QFETCH(QString, hcRole);
        QFETCH(bool, pharmacy);
        const RolePolicy policy = RolePolicy::forHcRole(hcRole);
        QCOMPARE(policy.isPharmacyView(), pharmacy);
        QCOMPARE(policy.viewLabel().isEmpty(), !pharmacy);
    }

    void allows_data()
    {
        QTest::addColumn<ClinicalItem>("item");
        QTest::addColumn<bool>("pharmacy");
        QTest::addColumn<bool>("full");
        QTest::newRow("condition") << item(ItemCategory::Problem, QStringLiteral("Condition"), QStringLiteral("c")) << true << true;
        QTest::newRow("medication request") << item(ItemCategory::Medication, QStringLiteral("MedicationRequest"), QStringLiteral("m")) << true << true;
        QTest::newRow("medication dispense") << item(ItemCategory::Medication, QStringLiteral("MedicationDispense"), QStringLiteral("m")) << true << true;
        QTest::newRow("medication statement") << item(ItemCategory::Medication, QStringLiteral("MedicationStatement"), QStringLiteral("m")) << true << true;
        QTest::newRow("allergy") << item(ItemCategory::Allergy, QStringLiteral("AllergyIntolerance"), QStringLiteral("a")) << false << true;
        QTest::newRow("lab") << item(ItemCategory::Lab, QStringLiteral("Observation"), QStringLiteral("o")) << false << true;
        QTest::newRow("vital") << item(ItemCategory::Vital, QStringLiteral("Observation"), QStringLiteral("v")) << false << true;
        QTest::newRow("document") << item(ItemCategory::Document, QStringLiteral("DocumentReference"), QStringLiteral("d")) << false << true;
        QTest::newRow("imaging") << item(ItemCategory::Imaging, QStringLiteral("ImagingStudy"), QStringLiteral("i")) << false << true;
        QTest::newRow("encounter") << item(ItemCategory::Encounter, QStringLiteral("Encounter"), QStringLiteral("e")) << false << true;
        QTest::newRow("immunization") << item(ItemCategory::Immunization, QStringLiteral("Immunization"), QStringLiteral("z")) << false << true;
        QTest::newRow("observation filed as a problem") << item(ItemCategory::Problem, QStringLiteral("Observation"), QStringLiteral("x")) << false << true;
        QTest::newRow("condition filed as other") << item(ItemCategory::Other, QStringLiteral("Condition"), QStringLiteral("y")) << false << true;
        QTest::newRow("procedure filed as medication") << item(ItemCategory::Medication, QStringLiteral("Procedure"), QStringLiteral("p")) << false << true;
    }
    void allows()
    {
        QFETCH(ClinicalItem, item);
        QFETCH(bool, pharmacy);
        QFETCH(bool, full);
        QCOMPARE(RolePolicy(RolePolicy::Scope::Pharmacy).allows(item), pharmacy);
        QCOMPARE(RolePolicy(RolePolicy::Scope::Full).allows(item), full);
    }

    void appliesToFixtureRecord()
    {
        const QString p001 = QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/fixtures/sharing-service/sample-data/patients/p001.json");
        const RecordSet set = LocalRecordSource::load({p001});
        const PatientRecord *full = set.find(u"p001");
        QVERIFY(full);
        QVERIFY(full->count(ItemCategory::Lab) > 0);
        QVERIFY(full->count(ItemCategory::Allergy) > 0);

        const RecordSet filtered = RolePolicy(RolePolicy::Scope::Pharmacy).apply(set);
        const PatientRecord *pharmacy = filtered.find(u"p001");
        QVERIFY(pharmacy);
        QCOMPARE(pharmacy->patient.kanjiName, full->patient.kanjiName); // demographics stay
        QSet<ItemCategory> categories;
        for (const ClinicalItem &i : pharmacy->items)
            categories.insert(i.category);
        QCOMPARE(categories, (QSet<ItemCategory>{ItemCategory::Problem, ItemCategory::Medication}));
        // The fixture's p001: 3 shown Conditions (one is UNDELIVERED), 2 MedicationRequests and 1 MedicationDispense.
        QCOMPARE(pharmacy->count(ItemCategory::Problem), 3);
        QCOMPARE(pharmacy->count(ItemCategory::Medication), 3);
        QCOMPARE(pharmacy->items.size(), 6);
        QCOMPARE(RolePolicy().apply(set).find(u"p001")->items.size(), full->items.size());
    }
};

KAKEHASHI_TEST_MAIN(TestRolePolicy)
#include "tst_rolepolicy.moc"
