#pragma once

#include "clinicalrecord.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Kakehashi {

// The same ingredient in two or more prescriptions current at the same time: from different
// facilities (重複投薬 across facilities), or different products (brand and generic, YJ, HOT and
// general-name codes) from one facility. The same product re-prescribed by one facility is a refill.
struct DuplicateTherapyWarning
{
    QString ingredientKey;    // "YJ:2233002" (薬効分類 + 投与経路・成分), or "HOT7:1214314" (same product, ingredient unknown)
    QString ingredientName;   // from the code master; may be empty
    QString drugNames;        // the products as prescribed, joined
    QStringList names;        // the products as prescribed
    QStringList facilities;   // the prescribing facilities
    QStringList itemKeys;     // the prescriptions involved
    QDateTime overlapStart;
    QDateTime overlapEnd;

    QString message() const;
};

// A current prescription whose ingredient no code master could tell: it was not compared with
// the others, and every view says so (never skipped silently).
struct UncheckedMedication
{
    QString itemKey;
    QString name;
    QString facility;
    QStringList codes; // "system|code" as recorded

    QString message() const;
};

struct DuplicateTherapyCheck
{
    QList<DuplicateTherapyWarning> warnings;
    QList<UncheckedMedication> unchecked;
    QDateTime asOf; // the moment the check was made for (a check is only valid at that moment)
};

class MedicationSafety
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::MedicationSafety)
public:
    // The one duplicate-therapy rule. Compares the prescriptions (MedicationRequest) current at
    // |asOf| — MedicationPeriod::isCurrentAt, the same rule as every list — by ingredient
    // (DrugMaster), and lists the ones whose ingredient is unknown.
    static DuplicateTherapyCheck check(const PatientRecord &record, const QDateTime &asOf);
    static QList<DuplicateTherapyWarning> duplicateTherapy(const PatientRecord &record, const QDateTime &asOf)
    {
        return check(record, asOf).warnings;
    }
    // "YJ:xxxxxxx" for a mapped ingredient, else empty.
    static QString ingredientKey(const ClinicalItem &item);
};

} // namespace Kakehashi
