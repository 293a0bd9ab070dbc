#include "recordsummary.h"

#include <QJsonArray>

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

} // namespace

QJsonObject recordSummaryJson(const RecordSet &set)
{
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
