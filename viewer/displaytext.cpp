#include "displaytext.h"

#include "record/medicationperiod.h"
#include "record/referenceclock.h"

namespace Kakehashi {

QString DisplayText::gender(const QString &g)
{
    if (g == u"male")
        return tr("Male");
    if (g == u"female")
        return tr("Female");
    if (g == u"other")
        return tr("Other", "gender");
    return tr("Unknown", "gender");
}

QString DisplayText::age(int years)
{
    if (years < 0)
        return {};
    return tr("%n year(s)", "age", years);
}

QString DisplayText::status(const ClinicalItem &item)
{
    const QString &s = item.status;
    if (item.category == ItemCategory::Problem || item.category == ItemCategory::Allergy) {
        if (s == u"active" || s == u"recurrence" || s == u"relapse")
            return tr("Active");
        if (s == u"resolved")
            return tr("Resolved");
        if (s == u"inactive")
            return tr("Inactive");
        if (s == u"remission")
            return tr("Remission");
    }
    if (item.category == ItemCategory::Medication) // at the reference time, by the one rule
        return MedicationPeriod::stateText(item, MedicationPeriod::stateAt(item, ReferenceClock::now().toMSecsSinceEpoch()));
    if (s == u"final")
        return tr("Final");
    if (s == u"preliminary")
        return tr("Preliminary");
    if (s == u"amended" || s == u"corrected")
        return tr("Amended");
    if (s == u"finished" || s == u"completed")
        return tr("Completed");
    if (s == u"in-progress")
        return tr("In progress");
    if (s == u"entered-in-error")
        return tr("Entered in error");
    if (s == u"cancelled")
        return tr("Cancelled");
    return s;
}

QString DisplayText::source(const SourceFacility &source)
{
    if (!source.isKnown())
        return tr("Unknown source");
    return source.name;
}

QString DisplayText::identifierLabel(const QString &system)
{
    if (system == Fhir::System::InsuranceMemberId)
        return tr("Insurance member ID");
    if (system.startsWith(Fhir::System::FacilityPatientIdPrefix))
        return tr("Patient ID (%1)", "facility patient ID; %1 is the facility code").arg(system.mid(Fhir::System::FacilityPatientIdPrefix.size()));
    return tr("ID");
}

QString DisplayText::documentKind(const ClinicalItem &item)
{
    const QString &k = item.subtype;
    if (k == u"report")
        return tr("Report", "diagnostic report");
    if (k == u"document" || k.startsWith(QLatin1String("application/fhir+json")) || k.startsWith(QLatin1String("application/json")))
        return tr("FHIR document");
    if (k == u"application/pdf")
        return tr("PDF");
    if (k.contains(QLatin1String("xml")))
        return tr("CDA / XML");
    return k;
}

} // namespace Kakehashi
