#pragma once

#include "clinicalrecord.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Kakehashi {

// The same ingredient prescribed by two or more facilities for overlapping periods: what a
// pharmacist checks across facilities (重複投薬).
struct DuplicateTherapyWarning
{
    QString ingredientKey;    // "YJ:2171022" (薬効分類 + 成分), "GN:1124030" or "HOT7:1214314"
    QString drugNames;        // the products as prescribed, joined
    QStringList facilities;   // the prescribing facilities, at least two
    QStringList itemKeys;     // the prescriptions involved
    QDateTime overlapStart;
    QDateTime overlapEnd;

    QString message() const;
};

class MedicationSafety
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::MedicationSafety)
public:
    // Overlaps between prescriptions of the same ingredient from different facilities that
    // still run at |asOf| (a pharmacist's question is about what the patient takes now).
    static QList<DuplicateTherapyWarning> duplicateTherapy(const PatientRecord &record, const QDateTime &asOf);
    static QString ingredientKey(const ClinicalItem &item);
};

} // namespace Kakehashi
