#include "recordsummary.h"

#include <QJsonArray>

namespace Kakehashi {

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
        if (rec.imagesOnly)
            p.insert(QStringLiteral("imagesOnly"), true); // no health record: every count is unknown, not zero
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
