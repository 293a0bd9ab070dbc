#include "recordsummary.h"

#include "displayzone.h"
#include "emergencysummary.h"
#include "referenceclock.h"

#include <QJsonArray>
#include <QSet>

namespace Kakehashi {

namespace {

// The facilities a patient's items came from, as the legend and the facility filter list them: one
// entry per facility key (one 医療機関コード is one facility, whichever server sent it), with the name
// shown, the code when known and how many items. Items with no known source are one entry, "unknown".
QJsonArray facilitiesJson(const PatientRecord &rec)
{
    QStringList order;
    QHash<QString, QJsonObject> byKey;
    for (const ClinicalItem &item : rec.items) {
        const QString key = item.source.isKnown() ? item.source.key : QString();
        auto it = byKey.find(key);
        if (it == byKey.end()) {
            QJsonObject f{{QStringLiteral("name"), item.source.isKnown() ? item.source.name : QString()},
                          {QStringLiteral("code"), item.source.code.isEmpty() ? QJsonValue() : QJsonValue(item.source.code)},
                          {QStringLiteral("items"), 0}};
            if (!item.source.isKnown())
                f.insert(QStringLiteral("unknown"), true);
            if (!item.source.unresolvedReason.isEmpty())
                f.insert(QStringLiteral("unresolved"), item.source.unresolvedReason);
            it = byKey.insert(key, f);
            order.append(key);
        }
        it->insert(QStringLiteral("items"), it->value(QStringLiteral("items")).toInt() + 1);
    }
    QJsonArray out;
    for (const QString &key : std::as_const(order))
        out.append(byKey.value(key));
    return out;
}

QJsonValue isoOrNull(const Fhir::DateTime &value)
{
    const QString text = DisplayZone::isoText(value);
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonArray codesJson(const QList<Fhir::Coding> &codes)
{
    QJsonArray out;
    for (const Fhir::Coding &c : codes)
        out.append(QJsonObject{{QStringLiteral("system"), c.system}, {QStringLiteral("code"), c.code}});
    return out;
}

QJsonObject lineJson(const EmergencyLine &line)
{
    QJsonObject o{
        {QStringLiteral("name"), line.title},
        {QStringLiteral("facility"), line.facility.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(line.facility)},
        {QStringLiteral("date"), isoOrNull(line.date)},
    };
    if (line.uninformed)
        o.insert(QStringLiteral("uninformed"), true);
    if (line.redacted)
        o.insert(QStringLiteral("redacted"), true);
    // A result read from inside a document (a check-up CDA or report) names it.
    if (!line.sourceDocument.isEmpty())
        o.insert(QStringLiteral("sourceDocument"), line.sourceDocument);
    return o;
}

QJsonObject allergyJson(const EmergencyLine &line)
{
    QJsonObject o = lineJson(line);
    o.insert(QStringLiteral("detail"), line.detail);
    o.insert(QStringLiteral("drug"), line.drugAllergy);
    o.insert(QStringLiteral("highCriticality"), line.highCriticality);
    return o;
}

} // namespace

QJsonObject clinicalSummaryJson(const EmergencySummary &s)
{
    QJsonArray allergies;
    for (const EmergencyLine &l : s.allergies)
        allergies.append(allergyJson(l));
    QJsonArray contraindications;
    for (const EmergencyLine &l : s.contraindications())
        contraindications.append(allergyJson(l));
    QJsonArray medications;
    for (const EmergencyLine &l : s.medications) {
        QJsonObject o = lineJson(l);
        o.remove(QStringLiteral("date"));
        o.insert(QStringLiteral("codes"), codesJson(l.codes));
        o.insert(QStringLiteral("detail"), l.detail);
        o.insert(QStringLiteral("start"), isoOrNull(l.firstDate.isValid() ? l.firstDate : l.date));
        o.insert(QStringLiteral("end"), isoOrNull(l.endDate));
        o.insert(QStringLiteral("running"), l.active);
        o.insert(QStringLiteral("dispensedRecently"), l.dispensedRecently);
        o.insert(QStringLiteral("facilities"), QJsonArray::fromStringList(l.facilities));
        medications.append(o);
    }
    QJsonArray duplicates;
    for (const DuplicateTherapyWarning &w : s.duplicateTherapy) {
        QStringList names;
        for (const EmergencyLine &l : s.medications)
            for (const QString &key : w.itemKeys)
                if (l.itemKeys.contains(key) && !names.contains(l.title))
                    names << l.title;
        if (names.isEmpty())
            names << w.drugNames;
        duplicates.append(QJsonObject{{QStringLiteral("ingredient"), w.ingredientKey},
                                      {QStringLiteral("names"), QJsonArray::fromStringList(names)},
                                      {QStringLiteral("facilities"), QJsonArray::fromStringList(w.facilities)}});
    }
    QJsonArray problems;
    for (const EmergencyLine &l : s.problems) {
        if (!l.active)
            continue;
        QJsonObject o = lineJson(l);
        o.insert(QStringLiteral("codes"), codesJson(l.codes));
        problems.append(o);
    }
    QJsonArray infections;
    for (const EmergencyLine &l : s.infections) {
        QJsonObject o = lineJson(l);
        o.insert(QStringLiteral("group"), l.infectionGroup);
        o.insert(QStringLiteral("value"), l.valueText);
        o.insert(QStringLiteral("unit"), l.unit);
        o.insert(QStringLiteral("flag"), l.flag);
        o.insert(QStringLiteral("codes"), codesJson(l.codes));
        infections.append(o);
    }
    QJsonArray encounters;
    for (const EmergencyLine &l : s.encounters) {
        QJsonObject o = lineJson(l);
        o.remove(QStringLiteral("date"));
        o.insert(QStringLiteral("start"), isoOrNull(l.date));
        o.insert(QStringLiteral("end"), isoOrNull(l.endDate));
        o.insert(QStringLiteral("class"), l.encounterClass);
        if (l.count > 1) {
            o.insert(QStringLiteral("visits"), l.count);
            o.insert(QStringLiteral("firstStart"), isoOrNull(l.firstDate));
        }
        encounters.append(o);
    }
    QJsonArray labs;
    for (const EmergencyLine &l : s.labs) {
        QJsonObject o = lineJson(l);
        o.insert(QStringLiteral("lab"), l.keyLab);
        o.insert(QStringLiteral("value"), l.valueText);
        o.insert(QStringLiteral("unit"), l.unit);
        o.insert(QStringLiteral("flag"), l.flag);
        o.insert(QStringLiteral("stale"), l.stale);
        labs.append(o);
    }
    QJsonValue dialysis(QJsonValue::Null);
    if (s.dialysis) {
        QJsonObject o = lineJson(*s.dialysis);
        o.insert(QStringLiteral("sessions"), s.dialysis->count);
        o.insert(QStringLiteral("lookBackDays"), s.lookBack.dialysisDays);
        dialysis = o;
    }
    return {
        {QStringLiteral("asOf"), DisplayZone::isoText(s.asOf)},
        {QStringLiteral("allergyStatus"), ClinicalStatus::stateKey(s.allergyStatus.state)},
        {QStringLiteral("contraindicationStatus"), ClinicalStatus::stateKey(s.contraindicationStatus.state)},
        {QStringLiteral("allergies"), allergies},
        {QStringLiteral("contraindications"), contraindications},
        {QStringLiteral("currentMedications"), medications},
        {QStringLiteral("duplicateTherapy"), duplicates},
        {QStringLiteral("activeProblems"), problems},
        {QStringLiteral("infections"), infections},
        {QStringLiteral("recentEncounters"), encounters},
        {QStringLiteral("keyLabs"), labs},
        {QStringLiteral("labNotes"), QJsonArray::fromStringList(s.labNotes)},
        {QStringLiteral("dialysis"), dialysis},
        {QStringLiteral("withheld"), s.withheldCount},
        {QStringLiteral("withheldUnattributed"), s.allergyStatus.withheldUnattributed},
        {QStringLiteral("incomplete"), s.incomplete},
        {QStringLiteral("notDisclosedForRole"), [&s] {
             QJsonArray hidden;
             for (ItemCategory c : s.notDisclosedForRole)
                 hidden.append(CategoryNames::key(c));
             return hidden;
         }()},
    };
}

QJsonObject recordSummaryJson(const RecordSet &set, const QDateTime &asOfTime)
{
    const QDateTime asOf = asOfTime.isValid() ? asOfTime : ReferenceClock::now();
    const EmergencyLookBack lookBack; // the national periods: --summary does not read site settings
    QJsonArray patients;
    QJsonObject totals;
    int withheld = 0;
    int undelivered = 0;
    for (const PatientRecord &rec : set.patients) {
        QJsonObject counts;
        for (int c = 0; c < ItemCategoryCount; ++c) {
            const int n = rec.count(ItemCategory(c));
            if (n == 0)
                continue;
            const QString key = CategoryNames::key(ItemCategory(c));
            counts.insert(key, n);
            totals.insert(key, totals.value(key).toInt() + n);
        }
        QJsonArray ids;
        for (const PatientIdentifier &id : rec.patient.identifiers)
            ids.append(QJsonObject{{QStringLiteral("system"), id.system}, {QStringLiteral("value"), id.value}});
        QJsonObject p{
            {QStringLiteral("id"), rec.patient.id},
            {QStringLiteral("name"), rec.patient.kanjiName},
            {QStringLiteral("kana"), rec.patient.kanaName},
            {QStringLiteral("gender"), rec.patient.gender},
            {QStringLiteral("birthDate"), rec.patient.birthDate.toString(Qt::ISODate)},
            {QStringLiteral("identifiers"), ids},
            {QStringLiteral("linked"), QJsonArray::fromStringList(rec.patient.linkedKeys)},
            {QStringLiteral("items"), int(rec.items.size())},
            {QStringLiteral("counts"), counts},
            {QStringLiteral("withheld"), rec.withheldCount},
            {QStringLiteral("undelivered"), rec.undeliveredCount},
            {QStringLiteral("incomplete"), rec.incomplete},
            {QStringLiteral("uninformed"), int(std::count_if(rec.items.cbegin(), rec.items.cend(),
                                                             [](const ClinicalItem &i) { return i.uninformed; }))},
        };
        if (rec.patient.placeholder)
            p.insert(QStringLiteral("placeholder"), true);
        if (rec.imagesOnly)
            p.insert(QStringLiteral("imagesOnly"), true); // no health record: every count is unknown, not zero
        if (!rec.patient.placeholder && !rec.imagesOnly) // nothing clinical is known of an images-only person
            p.insert(QStringLiteral("clinical"), clinicalSummaryJson(EmergencySummary::build(rec, asOf, lookBack)));
        p.insert(QStringLiteral("facilities"), facilitiesJson(rec));
        if (!rec.patient.identityNotes.isEmpty())
            p.insert(QStringLiteral("identityNotes"), QJsonArray::fromStringList(rec.patient.identityNotes));
        patients.append(p);
        withheld += rec.withheldCount;
        undelivered += rec.undeliveredCount;
    }
    return {
        {QStringLiteral("patients"), patients},
        {QStringLiteral("resources"), set.resourceCount},
        {QStringLiteral("counts"), totals},
        {QStringLiteral("withheld"), withheld},
        {QStringLiteral("undelivered"), undelivered},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(set.warnings)},
        {QStringLiteral("errors"), QJsonArray::fromStringList(set.errors)},
    };
}

} // namespace Kakehashi
