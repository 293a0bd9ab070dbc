// Hazards, as drawn: the medications list, the timeline bars, the emergency summary and the
// medication-safety banner must say what MedicationPeriod/MedicationSafety say at the reference
// time. Before this rule the list said 服用中 for a prescription that ended months earlier, the
// 2020 7-day prescription's bar ran to today, and an unknown code left the banner empty.
#include "../../testsupport.h"

#include "viewer/timeline/clinicaltablemodel.h"
#include "viewer/displaytext.h"
#include "viewer/emergency/emergencysummaryview.h"
#include "record/localrecordsource.h"
#include "viewer/patientview.h"
#include "record/referenceclock.h"
#include "viewer/timeline/timelinemodel.h"

#include <QLabel>
#include <QTimeZone>

using namespace Kakehashi;

namespace {

PatientRecord load(const char *name)
{
    const RecordSet set = LocalRecordSource::load({QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/hazard/medications/") + QLatin1String(name)});
    if (set.patients.size() != 1)
        qFatal("fixture %s: expected one patient", name);
    return set.patients.first();
}

QDateTime at(const char *day)
{
    return QDateTime(QDate::fromString(QLatin1String(day), Qt::ISODate), QTime(12, 0), QTimeZone(9 * 3600));
}

QString keyOf(const PatientRecord &r, const char *id)
{
    for (const ClinicalItem &i : r.items)
        if (i.key.endsWith(u'/' + QLatin1String(id)))
            return i.key;
    qFatal("no item %s", id);
}

} // namespace

class HazardMedicationsView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { ReferenceClock::clear(); }

    // The medications list: the ended prescription is not 服用中 in June 2027; current ones come first.
    void listSaysEndedNotCurrent()
    {
        const PatientRecord r = load("periods.json");
        TimelineModel model;
        model.setRecord(r, at("2027-06-01").toMSecsSinceEpoch());
        ClinicalTableModel table(ItemCategory::Medication);
        table.setSource(&model);
        const int status = table.columnOf(ClinicalTableModel::Column::Status);
        const auto statusOf = [&](const char *id) {
            const int row = table.rowOfKey(keyOf(r, id));
            return row < 0 ? QString() : table.index(row, status).data().toString();
        };
        // No translator is loaded in tests: the English source words are what is drawn.
        const QString current = QStringLiteral("Current");
        QCOMPARE(statusOf("running"), current);
        QCOMPARE(statusOf("completed-running"), current);
        QCOMPARE(statusOf("ended"), QStringLiteral("Ended"));
        QCOMPARE(statusOf("short2020"), QStringLiteral("Ended"));
        QCOMPARE(statusOf("veto-stopped"), QStringLiteral("Stopped"));
        QCOMPARE(statusOf("no-end"), QStringLiteral("Period unknown"));
        // Current first: exactly the two current rows lead the list.
        QCOMPARE(table.index(0, status).data().toString(), current);
        QCOMPARE(table.index(1, status).data().toString(), current);
        QVERIFY(table.index(2, status).data().toString() != current);
        // The record tree's status words say the same at the reference time.
        ReferenceClock::setFixed(at("2027-06-01"));
        for (const ClinicalItem &i : r.items)
            if (i.key == keyOf(r, "ended"))
                QVERIFY(DisplayText::status(i) != current);
    }

    // Timeline bars end at the effective end, not today; an unknown end is a point.
    void timelineBarsEndAtTheLastDay()
    {
        const PatientRecord r = load("periods.json");
        TimelineModel model;
        const qint64 now = at("2026-10-31").toMSecsSinceEpoch();
        model.setRecord(r, now);
        for (const ClinicalItem &i : r.items) {
            const qint64 end = model.drawEnd(i, i.start.msecs());
            if (i.key == keyOf(r, "short2020"))
                QCOMPARE(QDateTime::fromMSecsSinceEpoch(end, QTimeZone(9 * 3600)), QDateTime(QDate(2020, 3, 9), QTime(0, 0), QTimeZone(9 * 3600)));
            if (i.key == keyOf(r, "no-end"))
                QCOMPARE(end, i.start.msecs());
            if (i.category == ItemCategory::Medication)
                QVERIFY2(end != now, qPrintable(i.key)); // nothing runs "to today"
        }
    }

    // The emergency summary as drawn: the ended prescription is gone in June 2027, and while it
    // runs its line says until when.
    void emergencySummaryAgrees()
    {
        const PatientRecord r = load("periods.json");
        EmergencySummaryView view;
        view.setAsOf(at("2026-11-15"));
        view.setRecord(r);
        const QString during = view.medicationLabel()->accessibleDescription();
        QVERIFY2(during.contains(QStringLiteral("アムロジピン")), qPrintable(during));
        QVERIFY2(during.contains(QStringLiteral("2026-11-30")), qPrintable(during));
        view.setAsOf(at("2027-06-01"));
        view.setRecord(r);
        const QString later = view.medicationLabel()->accessibleDescription();
        QVERIFY2(!later.contains(QStringLiteral("2026-11-30")), qPrintable(later));
        QVERIFY2(!later.contains(QStringLiteral("カロナール")), qPrintable(later));
        QVERIFY2(!later.contains(QStringLiteral("クレストール")), qPrintable(later)); // all vetoed
        QVERIFY2(later.contains(QStringLiteral("2027-06-13")), qPrintable(later));     // the running one, until its last day
    }

    // Nothing current in the shared record is not "takes nothing": long after every prescription
    // ended, the section says the shared record has none and that this is not proof of none.
    void noCurrentMedicationIsNotNone()
    {
        const PatientRecord r = load("periods.json");
        EmergencySummaryView view;
        view.setAsOf(at("2030-01-01"));
        view.setRecord(r);
        const QString text = view.medicationLabel()->accessibleDescription();
        QVERIFY2(!text.contains(QStringLiteral("アムロジピン")), qPrintable(text));
        QVERIFY2(text.startsWith(QStringLiteral("Not in the shared record")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("does not mean")), qPrintable(text));
        QVERIFY2(!text.startsWith(QStringLiteral("None")), qPrintable(text));
        // The other sections with nothing in them say the same, never a bare "No …".
        int empty = 0;
        for (QLabel *section : {view.problemLabel(), view.encounterLabel(), view.procedureLabel(), view.labLabel()}) {
            const QString t = section->accessibleDescription();
            QVERIFY2(!t.startsWith(QStringLiteral("No ")) && !t.startsWith(QStringLiteral("None")), qPrintable(t));
            if (t.startsWith(QStringLiteral("Not in the shared record"))) {
                QVERIFY2(t.contains(QStringLiteral("does not mean")), qPrintable(t));
                ++empty;
            }
        }
        QVERIFY(empty >= 1); // at least the visits of the last days are empty in 2030
    }

    // The banner names the brand/generic duplicate, and the medication it could not check.
    void bannerShowsDuplicateAndUnchecked()
    {
        ReferenceClock::setFixed(at("2026-10-25"));
        PatientView pv;
        pv.setRecord(load("brand-generic.json"));
        QVERIFY(!pv.medicationSafetyBanner()->isHidden());
        QVERIFY(pv.medicationSafetyBanner()->text().contains(QStringLiteral("ムコダイン")));
        QVERIFY(pv.medicationSafetyBanner()->text().contains(QStringLiteral("サワイ")));
        // The emergency summary takes the banner's result (the rule runs once): the same duplicate, as of
        // the same moment, is there too.
        const EmergencySummary &emergency = pv.emergencySummary()->summary();
        QCOMPARE(emergency.asOf, at("2026-10-25"));
        QCOMPARE(emergency.duplicateTherapy.size(), 1);
        QVERIFY(emergency.duplicateTherapy.first().message().contains(QStringLiteral("ムコダイン")));
        QVERIFY(pv.medicationSafetyBanner()->text().contains(emergency.duplicateTherapy.first().message()));

        ReferenceClock::setFixed(at("2026-10-20"));
        pv.setRecord(load("unmapped.json"));
        QVERIFY(!pv.medicationSafetyBanner()->isHidden());
        const QString text = pv.medicationSafetyBanner()->text();
        QVERIFY2(text.contains(QStringLiteral("マスタ未収載")) && text.contains(QStringLiteral("not checked")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("院内製剤")), qPrintable(text));
        const QString summary = pv.emergencySummary()->medicationLabel()->accessibleDescription();
        QVERIFY2(summary.contains(QStringLiteral("not checked")), qPrintable(summary));
    }
};

KAKEHASHI_TEST_MAIN(HazardMedicationsView)
#include "tst_hazard_medications_view.moc"
