#include "emergencysummary.h"

#include "medicationperiod.h"
#include "medicationsafety.h"

#include <QHash>
#include <QSet>
#include <QSettings>

#include <algorithm>

namespace Kakehashi {

namespace {

constexpr qint64 DayMs = 86400000;

// JLAC10 analyte codes (the first five characters of the 17-digit code), whatever the specimen
// or method: JP-CLINS CoreLabo and 特定健診 use these for the key emergency values.
struct KeyLabCode
{
    const char *key;
    const char *analyte;
};
constexpr KeyLabCode KeyLabCodes[] = {
    {"egfr", "8A065"},       // 推算GFR (eGFRcreat)
    {"creatinine", "3C015"}, // クレアチニン
    {"potassium", "3H015"},  // カリウム
    {"hemoglobin", "2A030"}, // 血色素量
    {"platelets", "2A050"},  // 血小板数
    {"glucose", "3D010"},    // グルコース
    {"hba1c", "3D046"},      // HbA1c (NGSP)
};

QString facilityName(const SourceFacility &source)
{
    return source.name.isEmpty() ? source.key : source.name;
}

QString facilityKey(const SourceFacility &source)
{
    return source.key.isEmpty() ? source.name : source.key;
}

EmergencyLine lineFrom(const ClinicalItem &item)
{
    EmergencyLine line;
    line.itemKey = item.key;
    line.itemKeys = {item.key};
    line.title = item.title;
    line.detail = item.detail;
    line.codes = item.codes;
    line.date = item.start;
    line.firstDate = item.start;
    if (item.isPeriod())
        line.endDate = item.end;
    line.facility = facilityName(item.source);
    if (!line.facility.isEmpty())
        line.facilities = {line.facility};
    line.uninformed = item.uninformed;
    line.redacted = item.redacted;
    line.active = item.category == ItemCategory::Medication ? false : item.active; // medications: MedicationPeriod
    line.sourceDocument = item.sourceDocument;
    return line;
}

// Adds |item| to a line that merges repeats: the newest item names the line.
void mergeInto(EmergencyLine &line, const ClinicalItem &item)
{
    line.itemKeys << item.key;
    ++line.count;
    line.uninformed = line.uninformed || item.uninformed;
    line.redacted = line.redacted || item.redacted;
    const QString facility = facilityName(item.source);
    if (item.start.msecs() > line.date.msecs()) {
        line.itemKey = item.key;
        line.title = item.title;
        line.detail = item.detail;
        line.codes = item.codes;
        line.date = item.start;
        line.endDate = item.isPeriod() ? item.end : Fhir::DateTime{};
        line.facility = facility;
        line.facilities.removeAll(facility);
        if (!facility.isEmpty())
            line.facilities.prepend(facility);
    } else if (!facility.isEmpty() && !line.facilities.contains(facility)) {
        line.facilities << facility;
    }
    if (item.start.isValid() && (!line.firstDate.isValid() || item.start.msecs() < line.firstDate.msecs()))
        line.firstDate = item.start;
}

bool newerFirst(const EmergencyLine &a, const EmergencyLine &b)
{
    return a.date.msecs() > b.date.msecs();
}

bool startedBy(const ClinicalItem &item, qint64 asOf)
{
    return !item.start.isValid() || item.start.msecs() <= asOf;
}

bool isAdmission(const QString &encounterClass)
{
    return encounterClass == u"IMP" || encounterClass == u"ACUTE" || encounterClass == u"NONAC";
}

QString jlac10Of(const ClinicalItem &item)
{
    for (const Fhir::Coding &c : item.codes)
        if (c.system == Fhir::System::Jlac10 && !c.code.isEmpty())
            return c.code;
    if (item.lab.analyteKey.startsWith(u"JLAC10:"))
        return item.lab.analyteKey.mid(7);
    return {};
}

} // namespace

EmergencyLookBack EmergencyLookBack::fromSettings(const QSettings &settings)
{
    EmergencyLookBack l;
    const auto read = [&settings](const char *key, int fallback) {
        bool ok = false;
        const int v = settings.value(QStringLiteral("emergency/") + QLatin1String(key), fallback).toInt(&ok);
        return ok && v > 0 ? v : fallback;
    };
    l.encounterDays = read("encounterDays", l.encounterDays);
    l.dispenseDays = read("dispenseDays", l.dispenseDays);
    l.resolvedProblemDays = read("resolvedProblemDays", l.resolvedProblemDays);
    l.procedureMonths = read("procedureMonths", l.procedureMonths);
    l.labStaleDays = read("labStaleDays", l.labStaleDays);
    l.dialysisDays = read("dialysisDays", l.dialysisDays);
    return l;
}

void EmergencyLookBack::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("emergency/encounterDays"), encounterDays);
    settings.setValue(QStringLiteral("emergency/dispenseDays"), dispenseDays);
    settings.setValue(QStringLiteral("emergency/resolvedProblemDays"), resolvedProblemDays);
    settings.setValue(QStringLiteral("emergency/procedureMonths"), procedureMonths);
    settings.setValue(QStringLiteral("emergency/labStaleDays"), labStaleDays);
    settings.setValue(QStringLiteral("emergency/dialysisDays"), dialysisDays);
}

QStringList EmergencySummary::keyLabs()
{
    QStringList keys;
    for (const KeyLabCode &k : KeyLabCodes)
        keys << QLatin1String(k.key);
    return keys;
}

QString EmergencySummary::keyLabForJlac10(QStringView jlac10)
{
    if (jlac10.size() < 5)
        return {};
    for (const KeyLabCode &k : KeyLabCodes)
        if (jlac10.left(5) == QLatin1String(k.analyte))
            return QLatin1String(k.key);
    return {};
}

bool EmergencySummary::isCheckupReport(const ClinicalItem &item)
{
    return item.category == ItemCategory::Document && item.documentTypeCode == u"53576-5";
}

bool EmergencySummary::isEmpty() const
{
    return allergies.isEmpty() && medications.isEmpty() && problems.isEmpty() && encounters.isEmpty()
           && procedures.isEmpty() && labs.isEmpty() && !lastCheckup && infections.isEmpty() && !dialysis;
}

QList<EmergencyLine> EmergencySummary::contraindications() const
{
    QList<EmergencyLine> out;
    for (const EmergencyLine &l : allergies)
        if (l.drugAllergy)
            out << l;
    return out;
}

EmergencySummary EmergencySummary::build(const PatientRecord &record, const QDateTime &asOfTime, const EmergencyLookBack &lookBack,
                                         const DuplicateTherapyCheck *checkAtAsOf)
{
    EmergencySummary s;
    s.asOf = asOfTime;
    s.lookBack = lookBack;
    s.patient = record.patient;
    s.withheldCount = record.withheldCount;
    s.notDisclosedForRole = record.notDisclosedForRole;
    s.undeliveredCount = record.undeliveredCount;
    s.incomplete = record.incomplete;
    s.incompleteReasons = record.incompleteReasons;
    s.imagesOnly = record.imagesOnly;

    const qint64 asOf = asOfTime.toMSecsSinceEpoch();
    const qint64 encounterFrom = asOf - qint64(lookBack.encounterDays) * DayMs;
    const qint64 dispenseFrom = asOf - qint64(lookBack.dispenseDays) * DayMs;
    const qint64 resolvedFrom = asOf - qint64(lookBack.resolvedProblemDays) * DayMs;
    const qint64 procedureFrom = asOfTime.addMonths(-lookBack.procedureMonths).toMSecsSinceEpoch();
    const qint64 labStaleFrom = asOf - qint64(lookBack.labStaleDays) * DayMs;
    const qint64 dialysisFrom = asOf - qint64(lookBack.dialysisDays) * DayMs;

    // Allergies and drug contraindications: one rule (ClinicalStatus) for the lines and for what an
    // empty list means.
    s.allergyStatus = ClinicalStatus::evaluate(record, ClinicalStatus::Kind::Allergies, asOfTime);
    s.contraindicationStatus = ClinicalStatus::evaluate(record, ClinicalStatus::Kind::Contraindications, asOfTime);
    for (const ClinicalItem &item : std::as_const(s.allergyStatus.items)) {
        EmergencyLine line = lineFrom(item);
        line.drugAllergy = ClinicalStatus::isContraindication(item);
        line.highCriticality = item.criticality == u"high";
        s.allergies << line;
    }

    // A check made for another moment would let the summary and the banner disagree: reused only when it
    // is for this summary's moment.
    const DuplicateTherapyCheck duplicates = checkAtAsOf && checkAtAsOf->asOf == asOfTime
        ? *checkAtAsOf : MedicationSafety::check(record, asOfTime);
    QSet<QString> duplicateItems;
    for (const DuplicateTherapyWarning &w : duplicates.warnings) {
        for (const QString &key : w.itemKeys)
            duplicateItems.insert(key);
        s.duplicateTherapyWarnings << w.message();
    }
    s.duplicateTherapy = duplicates.warnings;
    s.uncheckedMedications = duplicates.unchecked;
    QSet<QString> uncheckedItems;
    for (const UncheckedMedication &u : duplicates.unchecked)
        uncheckedItems.insert(u.itemKey);

    QHash<QString, int> medicationLine;    // ingredient → index in s.medications
    QHash<int, qint64> prescriptionDetail; // medication line → date of the prescription its detail is from
    QHash<QString, int> outpatientLine;    // class + facility → index in outpatient
    QHash<QString, int> procedureLine;     // title + facility → index in s.procedures
    QHash<QString, const ClinicalItem *> latestLab;
    QHash<QString, const ClinicalItem *> latestInfection; // InfectionLabs group → latest result
    bool adultEgfrForChild = false;
    QList<EmergencyLine> admissions, emergencies, outpatient;
    const ClinicalItem *checkup = nullptr;

    for (const ClinicalItem &item : record.items) {
        switch (item.category) {
        case ItemCategory::Problem: {
            if (!startedBy(item, asOf))
                break;
            if (item.active) {
                s.problems << lineFrom(item);
            } else if (item.end.isValid() && item.end.msecs() >= resolvedFrom) {
                EmergencyLine line = lineFrom(item);
                line.active = false;
                s.problems << line;
            }
            break;
        }
        case ItemCategory::Medication: {
            // Current at as-of by the one rule (MedicationPeriod); a dispense within the look-back is
            // listed as "dispensed recently"; a medication whose end cannot be known is listed, marked
            // "period unknown", only when it started within the same look-back.
            const MedicationPeriod::State state = MedicationPeriod::stateAt(item, asOf);
            if (state == MedicationPeriod::State::Vetoed || state == MedicationPeriod::State::NotStarted || !item.start.isValid())
                break;
            const bool running = state == MedicationPeriod::State::Current;
            const bool recent = item.start.msecs() >= dispenseFrom && item.start.msecs() <= asOf;
            const bool dispensed = item.subtype == u"dispense" && recent;
            const bool periodUnknown = state == MedicationPeriod::State::PeriodUnknown && recent;
            if (!running && !dispensed && !periodUnknown)
                break;
            const QString ingredient = MedicationSafety::ingredientKey(item);
            const QString groupKey = ingredient.isEmpty() ? QStringLiteral("title:") + item.title : ingredient;
            const auto found = medicationLine.constFind(groupKey);
            if (found == medicationLine.cend()) {
                EmergencyLine line = lineFrom(item);
                line.ingredientKey = ingredient;
                line.duplicateTherapy = duplicateItems.contains(item.key);
                line.ingredientUnchecked = uncheckedItems.contains(item.key);
                line.active = running;
                line.periodUnknown = periodUnknown && !running;
                line.endDate = running ? item.end : Fhir::DateTime{};
                line.dispensedRecently = dispensed;
                if (item.subtype == u"prescription")
                    prescriptionDetail.insert(int(s.medications.size()), item.start.msecs());
                medicationLine.insert(groupKey, int(s.medications.size()));
                s.medications << line;
            } else {
                EmergencyLine &line = s.medications[*found];
                const QString detail = line.detail;
                const Fhir::DateTime endBefore = line.endDate;
                mergeInto(line, item);
                line.endDate = endBefore; // a medication line's end is that of its current items only
                // The dose and usage read best from the newest prescription, whichever item names the line.
                const auto shown = prescriptionDetail.constFind(*found);
                if (item.subtype == u"prescription" && (shown == prescriptionDetail.cend() || item.start.msecs() > *shown)) {
                    line.detail = item.detail;
                    prescriptionDetail.insert(*found, item.start.msecs());
                } else if (shown != prescriptionDetail.cend()) {
                    line.detail = detail;
                }
                line.duplicateTherapy = line.duplicateTherapy || duplicateItems.contains(item.key);
                line.ingredientUnchecked = line.ingredientUnchecked || uncheckedItems.contains(item.key);
                if (running && (!line.active || item.end.msecs() > endBefore.msecs()))
                    line.endDate = item.end; // the line runs until the latest current item's last day
                line.active = line.active || running;
                line.periodUnknown = !line.active && (line.periodUnknown || periodUnknown);
                line.dispensedRecently = line.dispensedRecently || dispensed;
            }
            break;
        }
        case ItemCategory::Encounter: {
            if (!item.start.isValid() || item.start.msecs() > asOf)
                break;
            const qint64 last = item.end.isValid() ? item.end.msecs() : item.start.msecs();
            if (last < encounterFrom)
                break;
            EmergencyLine line = lineFrom(item);
            line.encounterClass = item.encounterClass;
            if (isAdmission(item.encounterClass)) {
                line.admission = true;
                admissions << line;
            } else if (item.encounterClass == u"EMER") {
                line.emergencyVisit = true;
                emergencies << line;
            } else {
                // Routine visits collapse to one line per facility and kind: a count and the latest.
                const QString key = item.encounterClass + u'|' + facilityKey(item.source);
                const auto found = outpatientLine.constFind(key);
                if (found == outpatientLine.cend()) {
                    outpatientLine.insert(key, int(outpatient.size()));
                    outpatient << line;
                } else {
                    mergeInto(outpatient[*found], item);
                }
            }
            break;
        }
        case ItemCategory::Procedure: {
            if (item.start.isValid() && item.start.msecs() <= asOf && item.start.msecs() >= dialysisFrom
                && isDialysisProcedure(item)) {
                if (!s.dialysis)
                    s.dialysis = lineFrom(item);
                else
                    mergeInto(*s.dialysis, item);
            }
            if (!item.start.isValid() || item.start.msecs() > asOf || item.start.msecs() < procedureFrom)
                break;
            const QString key = item.title + u'|' + facilityKey(item.source);
            const auto found = procedureLine.constFind(key);
            if (found == procedureLine.cend()) {
                procedureLine.insert(key, int(s.procedures.size()));
                s.procedures << lineFrom(item);
            } else {
                mergeInto(s.procedures[*found], item);
            }
            break;
        }
        case ItemCategory::Lab: {
            if (!item.start.isValid() || item.start.msecs() > asOf)
                break;
            const QString infection = InfectionLabs::groupOf(item);
            if (!infection.isEmpty()) {
                const ClinicalItem *&latest = latestInfection[infection];
                if (!latest || item.start.msecs() > latest->start.msecs())
                    latest = &item;
                break;
            }
            const QString keyLab = keyLabForJlac10(jlac10Of(item));
            if (keyLab.isEmpty())
                break;
            // The adult eGFR equation says nothing true about a child: not a key value.
            if (isAdultEgfrForChild(record.patient, item)) {
                adultEgfrForChild = true;
                break;
            }
            const ClinicalItem *&latest = latestLab[keyLab];
            if (!latest || item.start.msecs() > latest->start.msecs())
                latest = &item;
            break;
        }
        case ItemCategory::Document: {
            if (isCheckupReport(item) && item.start.isValid() && item.start.msecs() <= asOf
                && (!checkup || item.start.msecs() > checkup->start.msecs()))
                checkup = &item;
            break;
        }
        default:
            break;
        }
    }

    std::stable_sort(s.allergies.begin(), s.allergies.end(), [](const EmergencyLine &a, const EmergencyLine &b) {
        if (a.drugAllergy != b.drugAllergy)
            return a.drugAllergy;
        if (a.highCriticality != b.highCriticality)
            return a.highCriticality;
        return newerFirst(a, b);
    });
    std::stable_sort(s.medications.begin(), s.medications.end(), [](const EmergencyLine &a, const EmergencyLine &b) {
        if (a.duplicateTherapy != b.duplicateTherapy)
            return a.duplicateTherapy;
        return newerFirst(a, b);
    });
    std::stable_sort(s.problems.begin(), s.problems.end(), [](const EmergencyLine &a, const EmergencyLine &b) {
        if (a.active != b.active)
            return a.active;
        return newerFirst(a, b);
    });
    std::stable_sort(admissions.begin(), admissions.end(), newerFirst);
    std::stable_sort(emergencies.begin(), emergencies.end(), newerFirst);
    std::stable_sort(outpatient.begin(), outpatient.end(), newerFirst);
    s.encounters = admissions + emergencies + outpatient;
    std::stable_sort(s.procedures.begin(), s.procedures.end(), newerFirst);

    for (const QString &keyLab : keyLabs()) {
        const ClinicalItem *item = latestLab.value(keyLab);
        if (!item)
            continue;
        EmergencyLine line = lineFrom(*item);
        line.keyLab = keyLab;
        line.valueText = item->lab.text;
        line.unit = item->lab.unit;
        line.flag = item->lab.flag == u"N" ? QString() : item->lab.flag;
        line.stale = item->start.msecs() < labStaleFrom;
        s.labs << line;
    }
    if (adultEgfrForChild)
        s.labNotes << tr("eGFR not shown: the result uses the adult equation, which does not apply under 18. Read the "
                         "creatinine against the reference range reported with it.");
    for (const QString &group : InfectionLabs::groups()) {
        const ClinicalItem *item = latestInfection.value(group);
        if (!item)
            continue;
        EmergencyLine line = lineFrom(*item);
        line.infectionGroup = group;
        line.valueText = item->lab.text;
        line.unit = item->lab.unit;
        line.flag = item->lab.flag == u"N" ? QString() : item->lab.flag;
        s.infections << line;
    }
    if (checkup) {
        EmergencyLine line = lineFrom(*checkup);
        line.detail.clear(); // 健診: the date only
        s.lastCheckup = line;
    }

    const auto countUninformed = [&s](const QList<EmergencyLine> &lines) {
        for (const EmergencyLine &l : lines)
            s.uninformedCount += l.uninformed ? 1 : 0;
    };
    countUninformed(s.allergies);
    countUninformed(s.medications);
    countUninformed(s.problems);
    countUninformed(s.encounters);
    countUninformed(s.procedures);
    countUninformed(s.labs);
    countUninformed(s.infections);
    return s;
}

} // namespace Kakehashi
