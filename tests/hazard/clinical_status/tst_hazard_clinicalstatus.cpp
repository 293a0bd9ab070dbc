// Hazards of issue 9 ("clinical truth"), items 1, 6, 8 and 9: each slot checks the model rule and what
// `kakehashi --summary` reports for a small fixture. On the code before this rule the banner said
// "none recorded" for withheld and role-hidden allergies, counted withheld items differently on screen,
// showed an adult eGFR for a child, and had no infections or dialysis — every slot here fails there.
#include "../../testsupport.h"
#include "hazardfixtures.h"

#include "record/clinicalitembuilder.h"
#include "record/clinicalstatus.h"
#include "record/emergencysummary.h"
#include "record/recordassembler.h"
#include "record/recordsummary.h"
#include "record/referenceclock.h"
#include "record/rolepolicy.h"

#include <QFile>

using namespace Kakehashi;
using namespace HazardFixtures;

class HazardClinicalStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { ReferenceClock::setFixed(asOf()); }

    // Item 1: only an explicit statement reads as "none"; withheld (with and without a type) and
    // "nothing at all" are different states, the same in the model and in --summary.
    void item1_allergyAbsenceStates_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("unattributed");
        QTest::newRow("allergy search withheld 2") << QStringLiteral("allergies-withheld.json") << QStringLiteral("withheld") << false;
        QTest::newRow("$everything withheld 3") << QStringLiteral("allergies-everything-withheld.json") << QStringLiteral("withheld") << true;
        QTest::newRow("no known allergy stated") << QStringLiteral("allergies-none-known.json") << QStringLiteral("none-known") << false;
        QTest::newRow("nothing recorded") << QStringLiteral("allergies-not-recorded.json") << QStringLiteral("not-recorded") << false;
        QTest::newRow("recorded") << QStringLiteral("allergies-recorded.json") << QStringLiteral("recorded") << false;
        // Lab items withheld by the Observation search say nothing about allergies.
        QTest::newRow("labs withheld") << QStringLiteral("withheld-redacted.json") << QStringLiteral("not-recorded") << false;
    }
    void item1_allergyAbsenceStates()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, state);
        QFETCH(bool, unattributed);
        const PatientRecord record = HazardFixtures::record(fixture);
        QVERIFY(!record.patient.id.isEmpty());
        const auto result = ClinicalStatus::evaluate(record, ClinicalStatus::Kind::Allergies, asOf());
        QCOMPARE(ClinicalStatus::stateKey(result.state), state);
        QCOMPARE(result.withheldUnattributed, unattributed);
        const QString banner = ClinicalStatus::bannerText(ClinicalStatus::Kind::Allergies, result);
        if (state != u"recorded")
            QVERIFY2(result.items.isEmpty(), qPrintable(banner));
        if (state == u"withheld") {
            QVERIFY2(banner.contains(u"withheld"), qPrintable(banner));
            QVERIFY2(!banner.contains(u"not recorded"), qPrintable(banner));
        }
        if (state == u"none-known") // the statement is not listed as an allergy
            QVERIFY2(banner.contains(u"none known") && !banner.contains(u"アレルギーなし"), qPrintable(banner));

        const QJsonObject clinical = summaryPatient(fixture).value(u"clinical").toObject();
        QCOMPARE(clinical.value(u"allergyStatus").toString(), state);
        QCOMPARE(clinical.value(u"withheldUnattributed").toBool(), unattributed);
        if (state != u"recorded")
            QCOMPARE(clinical.value(u"allergies").toArray().size(), 0);
    }

    // Item 1, pharmacist: the role filter hides allergies; the status says so and never "not recorded".
    // With pharmacistSeesAllergies the delivered ones are shown; their absence still proves nothing.
    void item1_pharmacistNeverReadsNone()
    {
        const PatientRecord full = HazardFixtures::record(QStringLiteral("allergies-recorded.json"));
        QCOMPARE(ClinicalStatus::evaluate(full, ClinicalStatus::Kind::Contraindications, asOf()).items.size(), 1);

        const PatientRecord pharmacy = RolePolicy(RolePolicy::Scope::Pharmacy).apply(full);
        for (auto kind : {ClinicalStatus::Kind::Allergies, ClinicalStatus::Kind::Contraindications}) {
            const auto result = ClinicalStatus::evaluate(pharmacy, kind, asOf());
            QCOMPARE(result.state, ClinicalStatus::State::NotDisclosedForRole);
            const QString banner = ClinicalStatus::bannerText(kind, result);
            QVERIFY2(banner.contains(u"not disclosed to this role") && !banner.contains(u"not recorded"), qPrintable(banner));
        }
        const QJsonObject clinical = clinicalSummaryJson(EmergencySummary::build(pharmacy, asOf()));
        QCOMPARE(clinical.value(u"allergyStatus").toString(), QStringLiteral("not-disclosed-for-role"));
        QCOMPARE(clinical.value(u"contraindicationStatus").toString(), QStringLiteral("not-disclosed-for-role"));

        RolePolicy seesAllergies(RolePolicy::Scope::Pharmacy);
        seesAllergies.setPharmacySeesAllergies(true);
        const PatientRecord shown = seesAllergies.apply(full);
        const auto recorded = ClinicalStatus::evaluate(shown, ClinicalStatus::Kind::Contraindications, asOf());
        QCOMPARE(recorded.state, ClinicalStatus::State::Recorded);
        QCOMPARE(recorded.items.first().title, QStringLiteral("ヨードうがい液"));
        PatientRecord none = HazardFixtures::record(QStringLiteral("allergies-not-recorded.json"));
        QCOMPARE(ClinicalStatus::evaluate(seesAllergies.apply(none), ClinicalStatus::Kind::Allergies, asOf()).state,
                 ClinicalStatus::State::NotDisclosedForRole);
    }

    // Item 6: 2 withheld by the search + 1 delivered REDACTED is one count, 3, in the record, the
    // emergency summary and --summary; also when the record on screen was read back from the cache,
    // which keeps no search outcomes. The redacted value shows the withheld mark, never "".
    void item6_oneWithheldCountAndRedactedMark()
    {
        const PatientRecord record = HazardFixtures::record(QStringLiteral("withheld-redacted.json"));
        QCOMPARE(record.withheldCount, 3);
        QCOMPARE(EmergencySummary::build(record, asOf()).withheldCount, 3);
        const QJsonObject patient = summaryPatient(QStringLiteral("withheld-redacted.json"));
        QCOMPARE(patient.value(u"withheld").toInt(), 3);
        QCOMPARE(patient.value(u"clinical").toObject().value(u"withheld").toInt(), 3);

        bool sawRedacted = false;
        for (const ClinicalItem &item : record.items) {
            if (!item.redacted)
                continue;
            sawRedacted = true;
            QCOMPARE(item.lab.text, ClinicalItemBuilder::redactedMark());
            QVERIFY(item.detail.startsWith(ClinicalItemBuilder::redactedMark()));
        }
        QVERIFY(sawRedacted);
        // The infection line of the emergency summary carries the mark too (the redacted item is HBs antigen).
        const QJsonArray infections = patient.value(u"clinical").toObject().value(u"infections").toArray();
        QCOMPARE(infections.size(), 1);
        QCOMPARE(infections.first().toObject().value(u"value").toString(), ClinicalItemBuilder::redactedMark());
        QVERIFY(infections.first().toObject().value(u"redacted").toBool());

        // The service path: the page is cached without its outcome entry and read back; the count the
        // window shows must still be the fetch's.
        QFile file(path(QStringLiteral("withheld-redacted.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        RecordAssembler fetch;
        QVERIFY(fetch.addJson(json, QStringLiteral("http://svc.example/fhir/Observation?patient=h6")));
        const RecordSet fetched = fetch.finish();
        RecordAssembler cache;
        for (const QJsonValue &e : QJsonDocument::fromJson(json).object().value(u"entry").toArray()) {
            const QJsonObject resource = e.toObject().value(u"resource").toObject();
            if (resource.value(u"type").toString() == u"searchset") {
                for (const QJsonValue &inner : resource.value(u"entry").toArray())
                    if (inner.toObject().value(u"search").toObject().value(u"mode").toString() != u"outcome")
                        cache.addResource(inner.toObject().value(u"resource").toObject(), QStringLiteral("cache"));
            } else {
                cache.addResource(resource, QStringLiteral("cache"));
            }
        }
        RecordSet shown = cache.finish();
        QCOMPARE(shown.patients.first().withheldCount, 1); // what the cache alone knows
        RecordAssembler::carryWithheldCounts(shown, fetched);
        QCOMPARE(shown.patients.first().withheldCount, 3);
        QVERIFY(shown.patients.first().incompleteReasons.contains(RecordAssembler::withheldReason(3)));
        QVERIFY(!shown.patients.first().incompleteReasons.contains(RecordAssembler::withheldReason(1)));
    }

    // Item 8: a 6-year-old's adult-equation eGFR (237) is not a key value; the creatinine is judged
    // by the range the laboratory reported with it (no "L" against adult ranges). An adult's is shown.
    void item8_childNotJudgedByAdultRules()
    {
        const PatientRecord child = HazardFixtures::record(QStringLiteral("child-egfr.json"));
        int adultEgfr = 0;
        for (const ClinicalItem &item : child.items)
            adultEgfr += isAdultEgfrForChild(child.patient, item) ? 1 : 0;
        QCOMPARE(adultEgfr, 1);
        const EmergencySummary s = EmergencySummary::build(child, asOf());
        QStringList keys;
        for (const EmergencyLine &l : s.labs) {
            keys << l.keyLab;
            if (l.keyLab == u"creatinine")
                QCOMPARE(l.flag, QString());
        }
        QCOMPARE(keys, QStringList{QStringLiteral("creatinine")});
        QCOMPARE(s.labNotes.size(), 1);

        const QJsonObject clinical = summaryPatient(QStringLiteral("child-egfr.json")).value(u"clinical").toObject();
        const QJsonArray labs = clinical.value(u"keyLabs").toArray();
        QCOMPARE(labs.size(), 1);
        QCOMPARE(labs.first().toObject().value(u"lab").toString(), QStringLiteral("creatinine"));
        QCOMPARE(labs.first().toObject().value(u"flag").toString(), QString());
        QVERIFY(!clinical.value(u"labNotes").toArray().isEmpty());

        // The control: an adult's eGFR with the same code is a key value.
        const QJsonArray adult = summaryPatient(QStringLiteral("adult-egfr.json")).value(u"clinical").toObject().value(u"keyLabs").toArray();
        QCOMPARE(adult.size(), 1);
        QCOMPARE(adult.first().toObject().value(u"lab").toString(), QStringLiteral("egfr"));
    }

    // Item 9: the JP-CLINS infection tests are grouped (by the InfectionLabo code system or the JLAC10
    // analyte) and dialysis within 3 months is in the emergency summary; an older session is not.
    void item9_infectionsAndDialysis()
    {
        const PatientRecord record = HazardFixtures::record(QStringLiteral("infection-dialysis.json"));
        QStringList groups;
        for (const ClinicalItem &item : record.items)
            if (!InfectionLabs::groupOf(item).isEmpty())
                groups << InfectionLabs::groupOf(item);
        groups.sort();
        QCOMPARE(groups, (QStringList{QStringLiteral("hbs-antigen"), QStringLiteral("hcv"), QStringLiteral("syphilis-tp")}));
        const EmergencySummary s = EmergencySummary::build(record, asOf());
        QVERIFY(s.dialysis.has_value());
        QCOMPARE(s.dialysis->count, 1);

        const QJsonObject clinical = summaryPatient(QStringLiteral("infection-dialysis.json")).value(u"clinical").toObject();
        const QJsonArray infections = clinical.value(u"infections").toArray();
        QCOMPARE(infections.size(), 3);
        bool hbsPositive = false;
        for (const QJsonValue &v : infections) {
            const QJsonObject o = v.toObject();
            QVERIFY(!o.value(u"facility").toString().isEmpty());
            QVERIFY(o.value(u"date").toString().endsWith(u"+09:00"));
            hbsPositive = hbsPositive || (o.value(u"group").toString() == u"hbs-antigen" && o.value(u"value").toString() == u"陽性");
        }
        QVERIFY(hbsPositive);
        const QJsonObject dialysis = clinical.value(u"dialysis").toObject();
        QCOMPARE(dialysis.value(u"sessions").toInt(), 1);
        QCOMPARE(dialysis.value(u"date").toString(), QStringLiteral("2026-10-11T09:00:00+09:00"));
        // Five months later the last session is outside the 3-month look-back: null, not a stale "yes".
        const QJsonObject later = summaryPatient(QStringLiteral("infection-dialysis.json"), QStringLiteral("2027-03-31")).value(u"clinical").toObject();
        QVERIFY(later.contains(u"dialysis"));
        QVERIFY(later.value(u"dialysis").isNull());
    }
};

KAKEHASHI_TEST_MAIN(HazardClinicalStatus)
#include "tst_hazard_clinicalstatus.moc"
