#pragma once

#include "clinicalrecord.h"

#include <QCoreApplication>

namespace Kakehashi {

// What the signed-in clinician's licence lets the viewer show. The service filters too; the viewer
// never relies on that and filters every record it shows (service, cache, local files) itself.
class RolePolicy
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::RolePolicy)
public:
    enum class Scope {
        Full,     // doctors, dentists, nurses, demo: the whole record
        Pharmacy, // pharmacists: disease names (Condition) and medication items only
    };

    RolePolicy() = default;
    explicit RolePolicy(Scope scope) : m_scope(scope) {}
    // From the certificate's hcRole as written ("Pharmacist" → Pharmacy; anything else → Full).
    static RolePolicy forHcRole(const QString &hcRoleText);

    Scope scope() const { return m_scope; }
    bool isPharmacyView() const { return m_scope == Scope::Pharmacy; }
    // Pharmacy scope only: also show allergies and drug contraindications (AllergyIntolerance) when the
    // service sends them (connection profile setting pharmacistSeesAllergies; off by default, as the
    // sharing-service rule sends pharmacies disease names and prescriptions only).
    void setPharmacySeesAllergies(bool on) { m_pharmacySeesAllergies = on; }
    bool pharmacySeesAllergies() const { return m_pharmacySeesAllergies; }

    bool allows(const ClinicalItem &item) const;
    // The record with what the scope does not allow removed; patient demographics stay. The categories
    // this role cannot rely on seeing are listed in PatientRecord::notDisclosedForRole, so no view reads
    // their absence as "none".
    PatientRecord apply(const PatientRecord &record) const;
    RecordSet apply(const RecordSet &set) const;

    // Translated label for the window ("Pharmacy view"); empty for Full.
    QString viewLabel() const;

private:
    Scope m_scope = Scope::Full;
    bool m_pharmacySeesAllergies = false;
};

} // namespace Kakehashi
