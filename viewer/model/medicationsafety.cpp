#include "medicationsafety.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace Kakehashi {

QString DuplicateTherapyWarning::message() const
{
    return MedicationSafety::tr("Possible duplicate therapy: %1 prescribed by %2")
        .arg(drugNames, facilities.join(MedicationSafety::tr(" and ", "list of facilities")));
}

QString MedicationSafety::ingredientKey(const ClinicalItem &item)
{
    // YJ and general-name codes start with the therapeutic class (4) and the ingredient (3).
    for (const Fhir::Coding &c : item.codes)
        if (c.system == Fhir::System::YjCode && c.code.size() >= 7)
            return QStringLiteral("YJ:") + c.code.left(7);
    for (const Fhir::Coding &c : item.codes)
        if (c.system == Fhir::System::GeneralOrderCode && c.code.size() >= 7)
            return QStringLiteral("YJ:") + c.code.left(7);
    // HOT9 names a product; the first seven digits (HOT7) are the same product from any maker.
    for (const Fhir::Coding &c : item.codes)
        if (c.system == Fhir::System::Hot9 && c.code.size() >= 7)
            return QStringLiteral("HOT7:") + c.code.left(7);
    return {};
}

QList<DuplicateTherapyWarning> MedicationSafety::duplicateTherapy(const PatientRecord &record, const QDateTime &asOf)
{
    // Prescriptions running at |asOf|, grouped by ingredient.
    QHash<QString, QList<const ClinicalItem *>> running;
    for (const ClinicalItem &item : record.items) {
        if (item.category != ItemCategory::Medication || item.resourceType != u"MedicationRequest")
            continue;
        if (!item.start.isValid() || !item.end.isValid() || !item.source.isKnown())
            continue;
        if (item.start.value > asOf || item.end.value < asOf)
            continue;
        const QString key = ingredientKey(item);
        if (!key.isEmpty())
            running[key].append(&item);
    }
    QList<DuplicateTherapyWarning> out;
    for (auto it = running.cbegin(); it != running.cend(); ++it) {
        QStringList facilities;
        QStringList names;
        DuplicateTherapyWarning w;
        w.ingredientKey = it.key();
        for (const ClinicalItem *item : it.value()) {
            if (!facilities.contains(item->source.name))
                facilities << item->source.name;
            if (!names.contains(item->title))
                names << item->title;
            w.itemKeys << item->key;
            w.overlapStart = w.overlapStart.isValid() ? std::max(w.overlapStart, item->start.value) : item->start.value;
            w.overlapEnd = w.overlapEnd.isValid() ? std::min(w.overlapEnd, item->end.value) : item->end.value;
        }
        if (facilities.size() < 2)
            continue;
        facilities.sort();
        w.facilities = facilities;
        w.drugNames = names.join(QStringLiteral("、"));
        out.append(w);
    }
    std::sort(out.begin(), out.end(), [](const DuplicateTherapyWarning &a, const DuplicateTherapyWarning &b) {
        return a.ingredientKey < b.ingredientKey;
    });
    return out;
}

} // namespace Kakehashi
