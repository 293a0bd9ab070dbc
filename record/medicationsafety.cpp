#include "medicationsafety.h"

#include "drugmaster.h"
#include "medicationperiod.h"

#include <QHash>

#include <algorithm>
#include <optional>

namespace Kakehashi {

namespace {

QString facilityName(const SourceFacility &source)
{
    return source.name.isEmpty() ? source.key : source.name;
}

// Same product from any maker or distributor: the HOT7 (処方用番号) of a HOT9/HOT13 code.
QString hot7Key(const ClinicalItem &item)
{
    for (const Fhir::Coding &c : item.codes)
        if ((c.system == Fhir::System::Hot9 || c.system == Fhir::System::Hot13) && c.code.size() >= 9)
            return QStringLiteral("HOT7:") + c.code.left(7);
    for (const Fhir::Coding &c : item.codes)
        if (c.system == Fhir::System::Hot7 && c.code.size() == 7)
            return QStringLiteral("HOT7:") + c.code;
    return {};
}

} // namespace

QString DuplicateTherapyWarning::message() const
{
    const QString who = facilities.size() >= 2 ? facilities.join(MedicationSafety::tr(" and ", "list of facilities"))
                                                : facilities.value(0);
    if (!ingredientName.isEmpty())
        return MedicationSafety::tr("Possible duplicate therapy (%1): %2 prescribed by %3").arg(ingredientName, drugNames, who);
    return MedicationSafety::tr("Possible duplicate therapy: %1 prescribed by %2").arg(drugNames, who);
}

QString UncheckedMedication::message() const
{
    return MedicationSafety::tr("%1: ingredient unknown — not checked for duplicate therapy").arg(name);
}

QString MedicationSafety::ingredientKey(const ClinicalItem &item)
{
    const std::optional<Ingredient> ingredient = DrugMaster::instance().ingredientOf(item.codes);
    return ingredient ? ingredient->key : QString();
}

DuplicateTherapyCheck MedicationSafety::check(const PatientRecord &record, const QDateTime &asOf)
{
    DuplicateTherapyCheck out;
    out.asOf = asOf;
    const qint64 asOfMs = asOf.toMSecsSinceEpoch();
    const DrugMaster &master = DrugMaster::instance();
    // Prescriptions current at |asOf|, grouped by ingredient (else by product).
    QHash<QString, QList<const ClinicalItem *>> running;
    QHash<QString, QString> names;
    QStringList order;
    for (const ClinicalItem &item : record.items) {
        if (item.category != ItemCategory::Medication || item.resourceType != u"MedicationRequest")
            continue;
        if (!MedicationPeriod::isCurrentAt(item, asOfMs))
            continue;
        const std::optional<Ingredient> ingredient = master.ingredientOf(item.codes);
        QString key = ingredient ? ingredient->key : hot7Key(item);
        if (!ingredient) {
            UncheckedMedication u;
            u.itemKey = item.key;
            u.name = item.title;
            u.facility = facilityName(item.source);
            for (const Fhir::Coding &c : item.codes)
                if (c.system != Fhir::System::JamiUsage)
                    u.codes << c.system + u'|' + c.code;
            out.unchecked << u;
        }
        if (key.isEmpty())
            continue;
        if (!running.contains(key))
            order << key;
        running[key].append(&item);
        if (ingredient && !ingredient->name.isEmpty())
            names.insert(key, ingredient->name);
    }
    for (const QString &key : std::as_const(order)) {
        const QList<const ClinicalItem *> &items = running[key];
        DuplicateTherapyWarning w;
        w.ingredientKey = key;
        w.ingredientName = names.value(key);
        QStringList products; // title + codes: the same product whatever its name's spelling
        // The overlap in milliseconds: integer comparisons, no QDateTime (and no time-zone lookup) per item.
        std::optional<qint64> overlapStart;
        std::optional<qint64> overlapEnd;
        for (const ClinicalItem *item : items) {
            const QString facility = facilityName(item->source);
            if (!w.facilities.contains(facility))
                w.facilities << facility;
            if (!w.names.contains(item->title))
                w.names << item->title;
            QStringList codes;
            for (const Fhir::Coding &c : item->codes)
                if (c.system != Fhir::System::JamiUsage)
                    codes << c.code;
            codes.sort();
            const QString product = codes.isEmpty() ? item->title : codes.join(u',');
            if (!products.contains(product))
                products << product;
            w.itemKeys << item->key;
            // Current items have a start (MedicationPeriod), held as UTC.
            const qint64 start = item->start.value.toMSecsSinceEpoch();
            const qint64 end = MedicationPeriod::endExclusiveMsecs(*item).value_or(asOfMs);
            overlapStart = overlapStart ? std::max(*overlapStart, start) : start;
            overlapEnd = overlapEnd ? std::min(*overlapEnd, end) : end;
        }
        if (overlapStart)
            w.overlapStart = QDateTime::fromMSecsSinceEpoch(*overlapStart, Qt::UTC);
        if (overlapEnd)
            w.overlapEnd = QDateTime::fromMSecsSinceEpoch(*overlapEnd, Qt::UTC);
        // Two facilities, or two different products of one ingredient; one product from one facility is a refill.
        if (w.facilities.size() < 2 && products.size() < 2)
            continue;
        w.facilities.sort();
        w.drugNames = w.names.join(QStringLiteral("、"));
        out.warnings << w;
    }
    std::sort(out.warnings.begin(), out.warnings.end(), [](const DuplicateTherapyWarning &a, const DuplicateTherapyWarning &b) {
        return a.ingredientKey < b.ingredientKey;
    });
    return out;
}

} // namespace Kakehashi
