#pragma once

#include "clinicalrecord.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Kakehashi {

// The one rule for "is this medication current at T" (服用中). Every view asks it — the
// medications list, the timeline bars, the emergency summary, the duplicate-therapy check, the
// pharmacist view and --summary — so they cannot disagree.
//
// Assembly (periodOf) computes the item's effective period once, from the resource alone:
//  - start: JP_MedicationDosage_PeriodOfUse.start, else timing.repeat.boundsPeriod.start, else
//    authoredOn (MedicationRequest) / whenHandedOver, whenPrepared (MedicationDispense) /
//    effective[x] (MedicationStatement, MedicationAdministration), else the dispensing validity
//    period's start.
//  - end (the last day of use, inclusive): PeriodOfUse.end, else boundsPeriod.end, else
//    effectivePeriod.end, else the start day + N − 1 days, N being the first of
//    timing.repeat.boundsDuration, dispenseRequest.expectedSupplyDuration, the JP usage-duration
//    extension (実服用日数), dispenseRequest.quantity written in 日分, MedicationDispense.daysSupply.
//    The dispensing validity period (処方箋の使用期間) is when the pharmacy may dispense, not when the
//    patient takes it, so it never ends a period.
//  - no end found: the period is unknown. Such an item is never "current": it reads 期間不明
//    (period unknown), and the timeline draws it as a point, not a bar running to today.
//
// View time (stateAt) compares calendar days in the display zone (DisplayZone), never local time:
// current ⇔ not vetoed ∧ start day ≤ day of T ≤ end day. Status only vetoes: entered-in-error,
// cancelled, stopped, on-hold, draft, declined, not-taken, not-done, intended and preparation are
// never current, whatever the period says. completed is not a veto for a prescription or dispense
// (the patient takes the medicine for the days supplied); a completed statement or administration
// without an end has ended. The status is as delivered, so an as-of before it changed still
// shows the veto.
class MedicationPeriod
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::MedicationPeriod)
public:
    enum class State {
        Current,       // 服用中
        NotStarted,    // starts after T
        Ended,         // its last day is before T
        PeriodUnknown, // started, no end can be known
        Vetoed,        // the status rules it out (stopped, cancelled, entered-in-error…)
    };

    struct Period
    {
        Fhir::DateTime start;
        Fhir::DateTime end; // last day of use (inclusive); invalid when unknown
        int days = 0;       // the duration it was computed from, 0 if none
    };

    // Assembly: the effective period of a MedicationRequest, MedicationDispense,
    // MedicationStatement or MedicationAdministration resource.
    static Period periodOf(const QJsonObject &resource);

    // View time. |asOfMsecs| is ReferenceClock::now() (the demo date or --as-of) in ms since the epoch.
    static State stateAt(const ClinicalItem &item, qint64 asOfMsecs);
    static bool isCurrentAt(const ClinicalItem &item, qint64 asOfMsecs)
    {
        return stateAt(item, asOfMsecs) == State::Current;
    }
    static bool isVetoed(const ClinicalItem &item);
    // The medications current at |asOfMsecs|, in record order.
    static QList<const ClinicalItem *> currentAt(const PatientRecord &record, qint64 asOfMsecs);

    // The first instant after the last day of use (midnight in the display zone), for drawing a
    // bar; nullopt when the end is unknown.
    static std::optional<qint64> endExclusiveMsecs(const ClinicalItem &item);

    // What the status column shows: 服用中, 終了, 期間不明, 開始前, or the vetoing status.
    static QString stateText(const ClinicalItem &item, State state);
};

} // namespace Kakehashi
