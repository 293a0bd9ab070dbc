#include "rolepolicy.h"

namespace Kakehashi {

RolePolicy RolePolicy::forHcRole(const QString &hcRoleText)
{
    return RolePolicy(hcRoleText.trimmed().compare(u"Pharmacist", Qt::CaseInsensitive) == 0 ? Scope::Pharmacy : Scope::Full);
}

bool RolePolicy::allows(const ClinicalItem &item) const
{
    if (m_scope == Scope::Full)
        return true;
    // Both the lane and the resource type must fit: a lab Observation filed under "Problem" by a
    // sender, or a Condition filed elsewhere, is not shown to a pharmacist.
    switch (item.category) {
    case ItemCategory::Problem:
        return item.resourceType == u"Condition";
    case ItemCategory::Allergy:
        return m_pharmacySeesAllergies && item.resourceType == u"AllergyIntolerance";
    case ItemCategory::Medication:
        return item.resourceType == u"MedicationRequest" || item.resourceType == u"MedicationDispense"
               || item.resourceType == u"MedicationStatement" || item.resourceType == u"MedicationAdministration";
    default:
        return false;
    }
}

PatientRecord RolePolicy::apply(const PatientRecord &record) const
{
    if (m_scope == Scope::Full)
        return record;
    PatientRecord out = record;
    out.items.removeIf([this](const ClinicalItem &item) { return !allows(item); });
    // Everything but disease names and medications may be missing for this role — allergies too, even
    // when this profile shows them: the service sends pharmacies only what its rule allows, so an
    // empty list cannot mean "none".
    for (int c = 0; c < ItemCategoryCount; ++c) {
        const auto category = ItemCategory(c);
        if (category != ItemCategory::Problem && category != ItemCategory::Medication && !out.notDisclosedForRole.contains(category))
            out.notDisclosedForRole << category;
    }
    return out;
}

RecordSet RolePolicy::apply(const RecordSet &set) const
{
    if (m_scope == Scope::Full)
        return set;
    RecordSet out = set;
    for (PatientRecord &r : out.patients)
        r = apply(r);
    return out;
}

QString RolePolicy::viewLabel() const
{
    return m_scope == Scope::Pharmacy ? tr("Pharmacy view: disease names and medications only") : QString();
}

} // namespace Kakehashi
