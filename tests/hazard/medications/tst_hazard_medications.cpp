// Hazards: a medication shown as current (服用中) when it is not, and a duplicate therapy missed
// because brand and generic were coded differently. Each fails on the code before this rule:
//  - "current" came from MedicationRequest.status at assembly (active ⇒ current forever), so a
//    prescription that ended in November 2026 read as current in June 2027, and a 7-day
//    prescription of 2020 read as current in 2026; the flag was even kept in snapshots;
//  - a HOT9-only ムコダイン and a YJ-only カルボシステイン「サワイ」 were compared by HOT7 and YJ
//    prefixes and never met; an uncoded or unknown code was silently left out.
// Runs with TZ=UTC (see medications.cmake) so the computer's zone cannot hide a day shift.
#include "../../testsupport.h"

#include "record/emergencysummary.h"
#include "record/localrecordsource.h"
#include "record/medicationperiod.h"
#include "record/medicationsafety.h"
#include "record/recordsnapshot.h"

#include <QTimeZone>

using namespace Kakehashi;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/hazard/medications/") + QLatin1String(name);
}

PatientRecord load(const char *name)
{
    const RecordSet set = LocalRecordSource::load({fixture(name)});
    if (set.patients.size() != 1)
        qFatal("fixture %s: expected one patient", name);
    return set.patients.first();
}

const ClinicalItem &itemOf(const PatientRecord &r, const QString &id)
{
    for (const ClinicalItem &i : r.items)
        if (i.key.endsWith(u'/' + id))
            return i;
    qFatal("no item %s", qPrintable(id));
}

// Noon in Japan on |day|.
QDateTime at(const char *day)
{
    return QDateTime(QDate::fromString(QLatin1String(day), Qt::ISODate), QTime(12, 0), QTimeZone(9 * 3600));
}

QStringList medicationKeys(const EmergencySummary &s, bool currentOnly)
{
    QStringList keys;
    for (const EmergencyLine &l : s.medications)
        if (!currentOnly || l.active)
            keys << l.itemKeys;
    return keys;
}

} // namespace

class HazardMedications : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A prescription whose period of use ended is not current later, whatever its status says.
    void endedPrescriptionIsNotCurrentLater()
    {
        const PatientRecord r = load("periods.json");
        const ClinicalItem &ended = itemOf(r, QStringLiteral("ended"));
        QCOMPARE(ended.status, QStringLiteral("active"));
        QCOMPARE(ended.end.date(), QDate(2026, 11, 30));
        QVERIFY(MedicationPeriod::isCurrentAt(ended, at("2026-11-15").toMSecsSinceEpoch()));
        QVERIFY(MedicationPeriod::isCurrentAt(ended, at("2026-11-30").toMSecsSinceEpoch()));
        QVERIFY(!MedicationPeriod::isCurrentAt(ended, at("2026-12-01").toMSecsSinceEpoch()));
        QCOMPARE(MedicationPeriod::stateAt(ended, at("2027-06-01").toMSecsSinceEpoch()), MedicationPeriod::State::Ended);

        // The emergency summary agrees: not among the current medications in June 2027.
        const EmergencySummary later = EmergencySummary::build(r, at("2027-06-01"));
        QVERIFY(!medicationKeys(later, false).contains(ended.key));
        QVERIFY(medicationKeys(later, true).contains(itemOf(r, QStringLiteral("running")).key)); // the control is
        const EmergencySummary during = EmergencySummary::build(r, at("2026-11-15"));
        QVERIFY(medicationKeys(during, true).contains(ended.key));
    }

    // A 7-day prescription of 2020 (authoredOn + expectedSupplyDuration, no period of use) ends after 7 days.
    void shortPrescriptionFrom2020EndsAfterItsDays()
    {
        const PatientRecord r = load("periods.json");
        const ClinicalItem &rx = itemOf(r, QStringLiteral("short2020"));
        QCOMPARE(rx.start.date(), QDate(2020, 3, 2));
        QCOMPARE(rx.end.date(), QDate(2020, 3, 8)); // 2 March is day 1, 8 March day 7
        QVERIFY(MedicationPeriod::isCurrentAt(rx, at("2020-03-08").toMSecsSinceEpoch()));
        QVERIFY(!MedicationPeriod::isCurrentAt(rx, at("2020-03-09").toMSecsSinceEpoch()));
        QVERIFY(!MedicationPeriod::isCurrentAt(rx, at("2026-10-31").toMSecsSinceEpoch()));
        const EmergencySummary s = EmergencySummary::build(r, at("2026-10-31"));
        QVERIFY(!medicationKeys(s, false).contains(rx.key));
        // A bar ends at the end of its last day in Japan, not today.
        const QDateTime barEnd = QDateTime::fromMSecsSinceEpoch(*MedicationPeriod::endExclusiveMsecs(rx), QTimeZone(9 * 3600));
        QCOMPARE(barEnd, QDateTime(QDate(2020, 3, 9), QTime(0, 0), QTimeZone(9 * 3600)));
    }

    // Status only vetoes: a stopped, cancelled, erroneous, held or draft order is never current;
    // completed is not a veto for a prescription still within its days.
    void statusVetoes_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("current");
        QTest::newRow("running (control)") << QStringLiteral("running") << true;
        QTest::newRow("completed, within its days") << QStringLiteral("completed-running") << true;
        for (const char *st : {"stopped", "cancelled", "entered-in-error", "on-hold", "draft"})
            QTest::newRow(st) << QStringLiteral("veto-") + QLatin1String(st) << false;
    }
    void statusVetoes()
    {
        QFETCH(QString, id);
        QFETCH(bool, current);
        const PatientRecord r = load("periods.json");
        const ClinicalItem &item = itemOf(r, id);
        const QDateTime asOf = at("2027-06-01");
        QVERIFY(item.end.isValid() && item.end.date() >= asOf.date()); // the period alone would say current
        QCOMPARE(MedicationPeriod::isCurrentAt(item, asOf.toMSecsSinceEpoch()), current);
        QCOMPARE(medicationKeys(EmergencySummary::build(r, asOf), true).contains(item.key), current);
        if (!current)
            QCOMPARE(MedicationPeriod::stateAt(item, asOf.toMSecsSinceEpoch()), MedicationPeriod::State::Vetoed);
    }

    // No way to know the end: never current; the summary lists it (recent) marked "period unknown".
    void unknownEndIsNeverCurrent()
    {
        const PatientRecord r = load("periods.json");
        const ClinicalItem &st = itemOf(r, QStringLiteral("no-end"));
        QVERIFY(!st.end.isValid());
        QCOMPARE(MedicationPeriod::stateAt(st, at("2027-06-01").toMSecsSinceEpoch()), MedicationPeriod::State::PeriodUnknown);
        QCOMPARE(MedicationPeriod::stateAt(st, at("2035-01-01").toMSecsSinceEpoch()), MedicationPeriod::State::PeriodUnknown);
        QVERIFY(!MedicationPeriod::endExclusiveMsecs(st));
        const EmergencySummary s = EmergencySummary::build(r, at("2027-06-01"));
        const auto line = std::find_if(s.medications.cbegin(), s.medications.cend(), [&st](const EmergencyLine &l) { return l.itemKeys.contains(st.key); });
        QVERIFY(line != s.medications.cend());
        QVERIFY(!line->active);
        QVERIFY(line->periodUnknown);
        // Years later it is not listed at all.
        QVERIFY(!medicationKeys(EmergencySummary::build(r, at("2035-01-01")), false).contains(st.key));
    }

    // Assembled once and cached: the same snapshot read under another as-of must not keep old flags.
    void snapshotReadAtAnotherAsOf()
    {
        RecordSnapshot snap;
        snap.set.patients = {load("periods.json")};
        const std::optional<RecordSnapshot> back = RecordSnapshot::deserialize(snap.serialize());
        QVERIFY(back);
        const PatientRecord &r = back->set.patients.first();
        const ClinicalItem &ended = itemOf(r, QStringLiteral("ended"));
        QVERIFY(MedicationPeriod::isCurrentAt(ended, at("2026-11-15").toMSecsSinceEpoch()));
        QVERIFY(!MedicationPeriod::isCurrentAt(ended, at("2027-06-01").toMSecsSinceEpoch()));
        QVERIFY(!ended.active);
    }

    // Brand (HOT9 only) and generic (YJ only) of one ingredient from two facilities: warned.
    void brandAndGenericOfOneIngredientWarn()
    {
        const PatientRecord r = load("brand-generic.json");
        const QDateTime asOf = at("2026-10-25");
        const QList<DuplicateTherapyWarning> w = MedicationSafety::duplicateTherapy(r, asOf);
        QCOMPARE(w.size(), 1);
        QCOMPARE(w.first().ingredientKey, QStringLiteral("YJ:2233002"));
        QCOMPARE(w.first().ingredientName, QStringLiteral("Ｌ－カルボシステイン"));
        QCOMPARE(w.first().itemKeys.size(), 2);
        QVERIFY(w.first().message().contains(QStringLiteral("ムコダイン")));
        QVERIFY(w.first().message().contains(QStringLiteral("サワイ")));
        // The emergency summary shows it, on one line per ingredient.
        const EmergencySummary s = EmergencySummary::build(r, asOf);
        QCOMPARE(s.duplicateTherapyWarnings.size(), 1);
        QCOMPARE(s.medications.size(), 1);
        QVERIFY(s.medications.first().duplicateTherapy);
        QVERIFY(s.uncheckedMedications.isEmpty());
        // After one of them ended, no warning.
        QVERIFY(MedicationSafety::duplicateTherapy(r, at("2026-10-30")).isEmpty());
    }

    // General-name (一般名処方) and a brand of the same ingredient from one facility are two products:
    // warned. The same product re-prescribed by that facility is a refill: not warned.
    void generalNameAndBrandWarnRefillDoesNot()
    {
        const PatientRecord r = load("general-name.json");
        const QList<DuplicateTherapyWarning> w = MedicationSafety::duplicateTherapy(r, at("2026-10-26"));
        QCOMPARE(w.size(), 1);
        QCOMPARE(w.first().ingredientKey, QStringLiteral("YJ:2233002"));
        QCOMPARE(w.first().facilities, QStringList{QStringLiteral("甲病院")});
        QVERIFY(w.first().names.contains(QStringLiteral("【般】カルボシステイン錠２５０ｍｇ")));
        QVERIFY(w.first().names.contains(QStringLiteral("ムコダイン錠２５０ｍｇ")));
    }

    // A duplicate-therapy check made for another moment is not reused: the summary's warnings are
    // those at its own as-of time, whatever check the caller hands over.
    void checkFromAnotherMomentIsNotReused()
    {
        const PatientRecord r = load("general-name.json");
        const QDateTime asOf = at("2026-10-26");
        const DuplicateTherapyCheck later = MedicationSafety::check(r, at("2100-01-01"));
        QVERIFY(later.warnings.isEmpty()); // nothing is current then
        const EmergencySummary s = EmergencySummary::build(r, asOf, EmergencyLookBack(), &later);
        QCOMPARE(s.duplicateTherapy.size(), 1);
        QCOMPARE(s.duplicateTherapy.first().ingredientKey, QStringLiteral("YJ:2233002"));
    }

    // A current prescription whose ingredient no master knows is reported, never skipped.
    void unmappedCodeIsReportedNotChecked()
    {
        const PatientRecord r = load("unmapped.json");
        const QDateTime asOf = at("2026-10-20");
        const DuplicateTherapyCheck check = MedicationSafety::check(r, asOf);
        QStringList unchecked;
        for (const UncheckedMedication &u : check.unchecked)
            unchecked << u.itemKey;
        unchecked.sort();
        QCOMPARE(unchecked, (QStringList{itemOf(r, QStringLiteral("nocode")).key, itemOf(r, QStringLiteral("unmapped")).key}));
        QVERIFY(check.unchecked.first().message().contains(QStringLiteral("not checked")));
        const EmergencySummary s = EmergencySummary::build(r, asOf);
        QCOMPARE(s.uncheckedMedications.size(), 2);
        int marked = 0;
        for (const EmergencyLine &l : s.medications)
            marked += l.ingredientUnchecked ? 1 : 0;
        QCOMPARE(marked, 2);
    }
};

KAKEHASHI_TEST_MAIN(HazardMedications)
#include "tst_hazard_medications.moc"
