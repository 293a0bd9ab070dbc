#pragma once

#include "clinicalrecord.h"
#include "referenceclock.h"

#include <QJsonObject>
#include <optional>

namespace Kakehashi {

class ResourceIndex;

// Turns one JP Core resource into the item a clinician reads; nullopt for resources that are
// not clinical items themselves (Patient, Organization, Medication, Binary, …).
class ClinicalItemBuilder
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::ClinicalItemBuilder)
public:
    // Nothing an item holds depends on the reference time: whether a medication is current is
    // decided when it is shown (MedicationPeriod::stateAt), so a snapshot reopened under another
    // --as-of reads right. The time argument is accepted for existing callers and ignored.
    explicit ClinicalItemBuilder(const ResourceIndex &index, const QDateTime & = {})
        : m_index(index)
    {
    }

    std::optional<ClinicalItem> build(const QJsonObject &resource) const;
    // The source-facility rule of the sharing-service contract: the resource's own
    // performer/requester/recorder/serviceProvider/custodian Organization, then its JP-CLINS
    // institution number, then meta.source, then a Provenance that targets it; else unknown.
    SourceFacility sourceFacility(const QJsonObject &resource) const;

    static bool isPatientCompartmentType(QStringView resourceType);
    // What a REDACTED item shows where its value was removed (the 非開示 mark): one text for the lab
    // list, the timeline, the emergency summary and --summary, never an empty value.
    static QString redactedMark();
    // The one name of a facility whose reference could not be resolved (「施設不明（参照を解決できません）」).
    static QString unresolvedFacilityName();

private:
    QString organizationName(const QJsonObject &organization) const;
    SourceFacility facilityOfOrganization(const QJsonObject &organization, const QString &key) const;
    std::optional<SourceFacility> facilityFromReference(const QJsonValue &reference, const QJsonObject &context) const;
    QString medicationText(const QJsonObject &resource, QList<Fhir::Coding> *codes) const;

    void fillCondition(const QJsonObject &r, ClinicalItem &item) const;
    void fillAllergy(const QJsonObject &r, ClinicalItem &item) const;
    void fillMedicationRequest(const QJsonObject &r, ClinicalItem &item) const;
    void fillMedicationDispense(const QJsonObject &r, ClinicalItem &item) const;
    void fillMedicationStatement(const QJsonObject &r, ClinicalItem &item) const;
    void fillObservation(const QJsonObject &r, ClinicalItem &item) const;
    void fillProcedure(const QJsonObject &r, ClinicalItem &item) const;
    void fillEncounter(const QJsonObject &r, ClinicalItem &item) const;
    void fillDocumentReference(const QJsonObject &r, ClinicalItem &item) const;
    void fillDiagnosticReport(const QJsonObject &r, ClinicalItem &item) const;
    void fillComposition(const QJsonObject &r, ClinicalItem &item) const;
    void fillImagingStudy(const QJsonObject &r, ClinicalItem &item) const;
    void fillImmunization(const QJsonObject &r, ClinicalItem &item) const;
    void fillOther(const QJsonObject &r, ClinicalItem &item) const;

    const ResourceIndex &m_index;
};

} // namespace Kakehashi
