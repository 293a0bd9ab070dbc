#include "emergencysummary.h"

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
    line.date = item.start;
    line.firstDate = item.start;
    if (item.isPeriod())
        line.endDate = item.end;
    line.facility = facilityName(item.source);
    if (!line.facility.isEmpty())
        line.facilities = {line.facility};
    line.uninformed = item.uninformed;
    line.redacted = item.redacted;
    line.active = item.active;
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
    return l;
}

void EmergencyLookBack::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("emergency/encounterDays"), encounterDays);
    settings.setValue(QStringLiteral("emergency/dispenseDays"), dispenseDays);
    settings.setValue(QStringLiteral("emergency/resolvedProblemDays"), resolvedProblemDays);
    settings.setValue(QStringLiteral("emergency/procedureMonths"), procedureMonths);
    settings.setValue(QStringLiteral("emergency/labStaleDays"), labStaleDays);
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
           && procedures.isEmpty() && labs.isEmpty() && !lastCheckup;
}

EmergencySummary EmergencySummary::build(const PatientRecord &record, const QDateTime &asOfTime, const EmergencyLookBack &lookBack)
{
    EmergencySummary s;
    s.asOf = asOfTime;
    s.lookBack = lookBack;
    s.patient = record.patient;
    s.withheldCount = record.withheldCount;
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

    const QList<DuplicateTherapyWarning> duplicates = MedicationSafety::duplicateTherapy(record, asOfTime);
    QSet<QString> duplicateIngredients;
    for (const DuplicateTherapyWarning &w : duplicates) {
        duplicateIngredients.insert(w.ingredientKey);
        s.duplicateTherapyWarnings << w.message();
    }

    QHash<QString, int> medicationLine;    // ingredient → index in s.medications
    QHash<int, qint64> prescriptionDetail; // medication line → date of the prescription its detail is from
    QHash<QString, int> outpatientLine;    // class + facility → index in outpatient
    QHash<QString, int> procedureLine;     // title + facility → index in s.procedures
    QHash<QString, const ClinicalItem *> latestLab;
    QList<EmergencyLine> admissions, emergencies, outpatient;
    const ClinicalItem *checkup = nullptr;

    for (const ClinicalItem &item : record.items) {
        switch (item.category) {
        case ItemCategory::Allergy: {
            if (!item.active || !startedBy(item, asOf))
                break;
            EmergencyLine line = lineFrom(item);
            line.drugAllergy = item.subtype == u"medication";
            line.highCriticality = item.criticality == u"high";
            s.allergies << line;
            break;
        }
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
            if (!item.start.isValid() || item.start.msecs() > asOf)
                break;
            if (item.status == u"stopped" || item.status == u"cancelled" || item.status == u"entered-in-error")
                break;
            const bool running = item.end.isValid() ? item.end.msecs() >= asOf : item.active;
            const bool dispensed = item.subtype == u"dispense" && item.start.msecs() >= dispenseFrom;
            if (!running && !dispensed)
                break;
            const QString ingredient = MedicationSafety::ingredientKey(item);
            const QString groupKey = ingredient.isEmpty() ? QStringLiteral("title:") + item.title : ingredient;
            const auto found = medicationLine.constFind(groupKey);
            if (found == medicationLine.cend()) {
                EmergencyLine line = lineFrom(item);
                line.ingredientKey = ingredient;
                line.duplicateTherapy = !ingredient.isEmpty() && duplicateIngredients.contains(ingredient);
                line.active = running;
                line.dispensedRecently = dispensed;
                if (item.subtype == u"prescription")
                    prescriptionDetail.insert(int(s.medications.size()), item.start.msecs());
                medicationLine.insert(groupKey, int(s.medications.size()));
                s.medications << line;
            } else {
                EmergencyLine &line = s.medications[*found];
                const QString detail = line.detail;
                mergeInto(line, item);
                // The dose and usage read best from the newest prescription, whichever item names the line.
                const auto shown = prescriptionDetail.constFind(*found);
                if (item.subtype == u"prescription" && (shown == prescriptionDetail.cend() || item.start.msecs() > *shown)) {
                    line.detail = item.detail;
                    prescriptionDetail.insert(*found, item.start.msecs());
                } else if (shown != prescriptionDetail.cend()) {
                    line.detail = detail;
                }
                line.active = line.active || running;
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
            const QString keyLab = keyLabForJlac10(jlac10Of(item));
            if (keyLab.isEmpty())
                break;
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
    return s;
}

} // namespace Kakehashi
