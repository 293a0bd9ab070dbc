#include "clinicalitembuilder.h"

#include "medicationperiod.h"
#include "resourceindex.h"

#include <QJsonArray>
#include <QLocale>

namespace Kakehashi {

using namespace Fhir;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// Start (and end) from a FHIR choice element such as onset[x] / performed[x] / effective[x].
void readChoiceTime(const QJsonObject &r, const char *prefix, DateTime &start, DateTime &end)
{
    const QString p = QLatin1String(prefix);
    const QString dt = r.value(p + QLatin1String("DateTime")).toString();
    if (!dt.isEmpty()) {
        start = DateTime::parse(dt);
        return;
    }
    const QJsonObject period = r.value(p + QLatin1String("Period")).toObject();
    if (!period.isEmpty()) {
        start = DateTime::parse(str(period, "start"));
        end = DateTime::parse(str(period, "end"));
        return;
    }
    const QString instant = r.value(p + QLatin1String("Instant")).toString();
    if (!instant.isEmpty())
        start = DateTime::parse(instant);
    const QString date = r.value(p + QLatin1String("Date")).toString();
    if (!date.isEmpty())
        start = DateTime::parse(date);
}

QString joinNonEmpty(const QStringList &parts, QStringView sep = u" · ")
{
    QStringList kept;
    for (const QString &p : parts)
        if (!p.trimmed().isEmpty())
            kept << p.trimmed();
    return kept.join(sep);
}

std::optional<double> number(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    return std::nullopt;
}

} // namespace

bool ClinicalItemBuilder::isPatientCompartmentType(QStringView t)
{
    static const QStringList types = {
        QStringLiteral("Condition"), QStringLiteral("AllergyIntolerance"), QStringLiteral("MedicationRequest"),
        QStringLiteral("MedicationDispense"), QStringLiteral("MedicationStatement"), QStringLiteral("MedicationAdministration"),
        QStringLiteral("Observation"), QStringLiteral("Procedure"), QStringLiteral("Encounter"),
        QStringLiteral("DiagnosticReport"), QStringLiteral("DocumentReference"), QStringLiteral("Composition"),
        QStringLiteral("ImagingStudy"), QStringLiteral("Immunization"), QStringLiteral("FamilyMemberHistory"),
        QStringLiteral("CarePlan"), QStringLiteral("Media"), QStringLiteral("Coverage"), QStringLiteral("Specimen"),
    };
    return types.contains(t);
}

QString ClinicalItemBuilder::organizationName(const QJsonObject &organization) const
{
    const QString name = str(organization, "name").trimmed();
    if (!name.isEmpty())
        return name;
    const QString code = ResourceIndex::institutionCode(organization);
    if (!code.isEmpty())
        return tr("Institution %1", "medical institution number").arg(code);
    // Never the resource id: an id is not a facility.
    return tr("Unnamed facility");
}

QString ClinicalItemBuilder::unresolvedFacilityName()
{
    return tr("Facility unknown (reference could not be resolved)");
}

SourceFacility ClinicalItemBuilder::facilityOfOrganization(const QJsonObject &organization, const QString &key) const
{
    SourceFacility f;
    f.basis = SourceFacility::Basis::Resource;
    f.code = ResourceIndex::institutionCode(organization);
    f.name = organizationName(organization);
    // One facility per 医療機関コード, whichever server or resource id it came from.
    f.key = !f.code.isEmpty() ? QStringLiteral("institution:") + f.code : key.isEmpty() ? QStringLiteral("name:") + f.name : key;
    return f;
}

std::optional<SourceFacility> ClinicalItemBuilder::facilityFromReference(const QJsonValue &refValue, const QJsonObject &context) const
{
    const QJsonObject refObj = refValue.toObject();
    const QString ref = referenceOf(refValue);
    const QString declaredType = str(refObj, "type");
    QJsonObject target = m_index.resolve(ref, context);
    QString type = str(target, "resourceType");
    if (type.isEmpty()) {
        if (!declaredType.isEmpty())
            type = declaredType;
        else if (ref.contains(QLatin1String("Organization/")))
            type = QStringLiteral("Organization");
    }
    // A logical reference may carry the 医療機関コード itself.
    const QJsonObject identifier = refObj.value(QLatin1String("identifier")).toObject();
    QString identifierCode;
    if (str(identifier, "system") == System::InstitutionNo10)
        identifierCode = str(identifier, "value").trimmed();
    if (type.isEmpty() && ref.isEmpty() && !identifierCode.isEmpty())
        type = QStringLiteral("Organization");
    if (type == u"PractitionerRole" && !target.isEmpty()) {
        const QJsonValue org = target.value(QLatin1String("organization"));
        return facilityFromReference(org, target);
    }
    if (type != u"Organization" && type != u"PractitionerRole")
        return std::nullopt;
    if (!target.isEmpty())
        return facilityOfOrganization(target, ref.startsWith(u'#') ? QString() : m_index.keyFor(ref));
    SourceFacility f;
    f.basis = SourceFacility::Basis::Resource;
    const QString display = str(refObj, "display").trimmed();
    if (!identifierCode.isEmpty()) {
        f.code = identifierCode;
        f.key = QStringLiteral("institution:") + identifierCode;
        f.name = display.isEmpty() ? tr("Institution %1", "medical institution number").arg(identifierCode) : display;
        return f;
    }
    const QString key = m_index.keyFor(ref);
    f.key = QStringLiteral("unresolved:") + (key.isEmpty() ? ref : key);
    if (!display.isEmpty()) {
        f.name = display; // the sender's own words for the facility
        return f;
    }
    // Never the raw id as if it were a name: say that the facility is unknown, and why.
    f.name = unresolvedFacilityName();
    f.unresolvedReason = m_index.unresolvedReason(ref);
    if (f.unresolvedReason.isEmpty())
        f.unresolvedReason = tr("%1 was not delivered with the record.").arg(key.isEmpty() ? ref : key);
    return f;
}

SourceFacility ClinicalItemBuilder::sourceFacility(const QJsonObject &r) const
{
    static const char *const fields[] = {"performer", "requester", "recorder", "serviceProvider", "custodian", "author", "asserter"};
    std::optional<SourceFacility> unresolved;
    for (const char *field : fields) {
        const QJsonValue v = r.value(QLatin1String(field));
        QJsonArray candidates;
        if (v.isArray())
            candidates = v.toArray();
        else if (v.isObject())
            candidates.append(v);
        for (const QJsonValue &c : candidates) {
            const QJsonObject o = c.toObject();
            // performer may be a Reference or a backbone element with an actor.
            const QJsonValue ref = o.contains(QLatin1String("actor")) ? o.value(QLatin1String("actor")) : c;
            if (auto f = facilityFromReference(ref, r)) {
                if (f->unresolvedReason.isEmpty())
                    return *f;
                if (!unresolved)
                    unresolved = f; // the later rules may still name the facility
            }
        }
    }
    for (const QJsonValue &e : r.value(QLatin1String("extension")).toArray()) {
        const QJsonObject ext = e.toObject();
        if (str(ext, "url") != System::InstitutionNumberExtension)
            continue;
        const QString number = str(ext.value(QLatin1String("valueIdentifier")).toObject(), "value");
        if (number.isEmpty())
            continue;
        SourceFacility f;
        f.basis = SourceFacility::Basis::InstitutionNumber;
        const QString orgKey = m_index.organizationWithIdentifier(number);
        if (!orgKey.isEmpty()) {
            f = facilityOfOrganization(m_index.byKey(orgKey), orgKey);
            f.basis = SourceFacility::Basis::InstitutionNumber;
        } else {
            f.name = tr("Institution %1", "medical institution number").arg(number);
        }
        if (f.code.isEmpty())
            f.code = number;
        f.key = QStringLiteral("institution:") + f.code;
        return f;
    }
    const QString metaSource = str(r.value(QLatin1String("meta")).toObject(), "source");
    if (!metaSource.isEmpty()) {
        SourceFacility f;
        f.basis = SourceFacility::Basis::MetaSource;
        const QString key = m_index.keyFor(metaSource);
        const QJsonObject org = key.startsWith(QLatin1String("Organization/")) ? m_index.byKey(key) : QJsonObject();
        if (!org.isEmpty()) {
            f = facilityOfOrganization(org, key);
            f.basis = SourceFacility::Basis::MetaSource;
        } else {
            f.key = metaSource;
            f.name = metaSource;
        }
        return f;
    }
    for (const QJsonObject &prov : m_index.provenanceFor(resourceKey(r))) {
        for (const QJsonValue &a : prov.value(QLatin1String("agent")).toArray()) {
            const QJsonObject agent = a.toObject();
            for (const char *field : {"who", "onBehalfOf"}) {
                if (auto f = facilityFromReference(agent.value(QLatin1String(field)), prov)) {
                    if (!f->unresolvedReason.isEmpty()) {
                        if (!unresolved)
                            unresolved = f;
                        continue;
                    }
                    f->basis = SourceFacility::Basis::Provenance;
                    return *f;
                }
            }
        }
    }
    if (unresolved)
        return *unresolved;
    return {};
}

QString ClinicalItemBuilder::medicationText(const QJsonObject &r, QList<Coding> *codes) const
{
    const QJsonValue cc = r.value(QLatin1String("medicationCodeableConcept"));
    if (cc.isObject()) {
        *codes = codings(cc);
        return codeableText(cc);
    }
    const QJsonValue ref = r.value(QLatin1String("medicationReference"));
    const QJsonObject med = m_index.resolve(referenceOf(ref), r);
    if (!med.isEmpty()) {
        *codes = codings(med.value(QLatin1String("code")));
        return codeableText(med.value(QLatin1String("code")));
    }
    return str(ref.toObject(), "display");
}

std::optional<ClinicalItem> ClinicalItemBuilder::build(const QJsonObject &r) const
{
    const QString type = str(r, "resourceType");
    if (!isPatientCompartmentType(type) || type == u"Coverage" || type == u"Specimen")
        return std::nullopt;
    ClinicalItem item;
    item.resourceType = type;
    item.key = resourceKey(r);
    item.status = str(r, "status");
    const QJsonObject meta = r.value(QLatin1String("meta")).toObject();
    for (const QJsonValue &t : meta.value(QLatin1String("tag")).toArray()) {
        const QJsonObject tag = t.toObject();
        if (str(tag, "system") == System::EhrShareIndication && str(tag, "code") == u"UNINFORMED")
            item.uninformed = true;
    }
    for (const QJsonValue &s : meta.value(QLatin1String("security")).toArray()) {
        const QJsonObject sec = s.toObject();
        if (str(sec, "code") == u"REDACTED")
            item.redacted = true;
    }

    if (type == u"Condition")
        fillCondition(r, item);
    else if (type == u"AllergyIntolerance")
        fillAllergy(r, item);
    else if (type == u"MedicationRequest")
        fillMedicationRequest(r, item);
    else if (type == u"MedicationDispense")
        fillMedicationDispense(r, item);
    else if (type == u"MedicationStatement" || type == u"MedicationAdministration")
        fillMedicationStatement(r, item);
    else if (type == u"Observation")
        fillObservation(r, item);
    else if (type == u"Procedure")
        fillProcedure(r, item);
    else if (type == u"Encounter")
        fillEncounter(r, item);
    else if (type == u"DocumentReference")
        fillDocumentReference(r, item);
    else if (type == u"DiagnosticReport")
        fillDiagnosticReport(r, item);
    else if (type == u"Composition")
        fillComposition(r, item);
    else if (type == u"ImagingStudy")
        fillImagingStudy(r, item);
    else if (type == u"Immunization")
        fillImmunization(r, item);
    else
        fillOther(r, item);

    if (item.title.isEmpty())
        item.title = tr("(untitled %1)").arg(type);
    if (item.redacted) {
        // The service removed the value under the patient's disclosure settings: say so where it was.
        const QString mark = redactedMark();
        if (item.lab.text.trimmed().isEmpty())
            item.lab.text = mark;
        if (!item.detail.startsWith(mark))
            item.detail = item.detail.trimmed().isEmpty() ? mark : mark + QStringLiteral("  ") + item.detail;
    }
    item.source = sourceFacility(r);
    return item;
}

QString ClinicalItemBuilder::redactedMark()
{
    return tr("[withheld]", "REDACTED: the value was removed under the patient's disclosure settings");
}

void ClinicalItemBuilder::fillCondition(const QJsonObject &r, ClinicalItem &item) const
{
    item.category = ItemCategory::Problem;
    const QJsonValue code = r.value(QLatin1String("code"));
    item.codes = codings(code);
    item.title = codeableText(code);
    // JP_Condition_Diagnosis carries prefix/postfix modifiers as extensions; the text already reads whole.
    item.status = firstCode(r.value(QLatin1String("clinicalStatus")), u"http://terminology.hl7.org/CodeSystem/condition-clinical");
    if (item.status.isEmpty())
        item.status = codeableText(r.value(QLatin1String("clinicalStatus")));
    item.active = item.status == u"active" || item.status == u"recurrence" || item.status == u"relapse";
    readChoiceTime(r, "onset", item.start, item.end);
    if (!item.start.isValid())
        item.start = DateTime::parse(str(r, "recordedDate"));
    DateTime abatementEnd;
    readChoiceTime(r, "abatement", item.end, abatementEnd);
    const QString verification = codeableText(r.value(QLatin1String("verificationStatus")));
    QStringList parts;
    for (const Coding &c : std::as_const(item.codes))
        if (c.system == System::Icd10)
            parts << QStringLiteral("ICD-10 %1").arg(c.code);
    if (verification == u"provisional" || verification == u"differential")
        parts << tr("suspected", "condition verification status");
    item.detail = joinNonEmpty(parts);
}

void ClinicalItemBuilder::fillAllergy(const QJsonObject &r, ClinicalItem &item) const
{
    item.category = ItemCategory::Allergy;
    const QJsonValue code = r.value(QLatin1String("code"));
    item.codes = codings(code);
    item.title = codeableText(code);
    item.status = firstCode(r.value(QLatin1String("clinicalStatus")), u"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical");
    item.active = item.status.isEmpty() || item.status == u"active";
    const QString verification =
        firstCode(r.value(QLatin1String("verificationStatus")), u"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification");
    if (verification == u"refuted" || verification == u"entered-in-error")
        item.active = false; // not an allergy the patient has
    readChoiceTime(r, "onset", item.start, item.end);
    if (!item.start.isValid())
        item.start = DateTime::parse(str(r, "recordedDate"));
    QStringList categories;
    for (const QJsonValue &c : r.value(QLatin1String("category")).toArray()) {
        const QString cat = c.toString();
        if (cat == u"medication")
            categories << tr("drug");
        else if (cat == u"food")
            categories << tr("food");
        else if (cat == u"environment")
            categories << tr("environment");
        else if (cat == u"biologic")
            categories << tr("biologic");
    }
    item.subtype = r.value(QLatin1String("category")).toArray().first().toString();
    QStringList manifestations;
    for (const QJsonValue &re : r.value(QLatin1String("reaction")).toArray())
        for (const QJsonValue &m : re.toObject().value(QLatin1String("manifestation")).toArray())
            manifestations << codeableText(m);
    const QString criticality = str(r, "criticality");
    item.criticality = criticality;
    QString crit;
    if (criticality == u"high")
        crit = tr("high risk", "allergy criticality");
    else if (criticality == u"low")
        crit = tr("low risk", "allergy criticality");
    item.detail = joinNonEmpty({categories.join(u'/'), manifestations.join(QStringLiteral("、")), crit});
}

void ClinicalItemBuilder::fillMedicationRequest(const QJsonObject &r, ClinicalItem &item) const
{
    item.category = ItemCategory::Medication;
    item.subtype = QStringLiteral("prescription");
    item.title = medicationText(r, &item.codes);
    const QJsonArray dosage = r.value(QLatin1String("dosageInstruction")).toArray();
    const QJsonObject d0 = dosage.first().toObject();
    QStringList parts;
    parts << str(d0, "text");
    const QJsonObject timing = d0.value(QLatin1String("timing")).toObject();
    const QJsonValue timingCode = timing.value(QLatin1String("code"));
    for (const Coding &c : codings(timingCode))
        if (c.system == System::JamiUsage)
            item.codes.append(c);
    if (str(d0, "text").isEmpty())
        parts << codeableText(timingCode);
    // The effective period: one rule for every medication resource (MedicationPeriod).
    const MedicationPeriod::Period period = MedicationPeriod::periodOf(r);
    item.start = period.start;
    item.end = period.end;
    if (period.days > 0)
        parts << tr("%n day(s)", "prescribed duration", period.days);
    const QJsonObject doseQty = d0.value(QLatin1String("doseAndRate")).toArray().first().toObject().value(QLatin1String("doseQuantity")).toObject();
    if (!doseQty.isEmpty())
        parts.insert(0, quantityText(doseQty));
    item.detail = joinNonEmpty(parts);
    // Whether it is current is decided at view time against the reference time (MedicationPeriod::stateAt);
    // ClinicalItem::active is never set for medications.
}

void ClinicalItemBuilder::fillMedicationDispense(const QJsonObject &r, ClinicalItem &item) const
{
    item.category = ItemCategory::Medication;
    item.subtype = QStringLiteral("dispense");
    item.title = medicationText(r, &item.codes);
    const MedicationPeriod::Period period = MedicationPeriod::periodOf(r);
    item.start = period.start;
    item.end = period.end;
    QStringList parts;
    parts << tr("dispensed", "medication dispense");
    parts << quantityText(r.value(QLatin1String("quantity")).toObject());
    if (period.days > 0)
        parts << tr("%n day(s)", "prescribed duration", period.days);
    const QJsonObject d0 = r.value(QLatin1String("dosageInstruction")).toArray().first().toObject();
    parts << str(d0, "text");
    for (const Coding &c : codings(d0.value(QLatin1String("timing")).toObject().value(QLatin1String("code"))))
        if (c.system == System::JamiUsage)
            item.codes.append(c);
    item.detail = joinNonEmpty(parts);
}

void ClinicalItemBuilder::fillMedicationStatement(const QJsonObject &r, ClinicalItem &item) const
{
    item.category = ItemCategory::Medication;
    item.subtype = str(r, "resourceType") == u"MedicationAdministration" ? QStringLiteral("administration") : QStringLiteral("statement");
    item.title = medicationText(r, &item.codes);
    const MedicationPeriod::Period period = MedicationPeriod::periodOf(r);
    item.start = period.start;
    item.end = period.end;
    const QJsonObject dosage = r.value(QLatin1String("dosage")).isArray()
                                   ? r.value(QLatin1String("dosage")).toArray().first().toObject()
                                   : r.value(QLatin1String("dosage")).toObject();
    item.detail = str(dosage, "text");
}

void ClinicalItemBuilder::fillObservation(const QJsonObject &r, ClinicalItem &item) const
{
    bool lab = false;
    bool vital = false;
    for (const QJsonValue &c : r.value(QLatin1String("category")).toArray()) {
        for (const Coding &coding : codings(c)) {
            lab = lab || coding.code == u"laboratory";
            vital = vital || coding.code == u"vital-signs";
        }
    }
    item.category = lab ? ItemCategory::Lab : vital ? ItemCategory::Vital : ItemCategory::Other;
    const QJsonValue code = r.value(QLatin1String("code"));
    item.codes = codings(code);
    item.title = codeableText(code);
    readChoiceTime(r, "effective", item.start, item.end);
    if (!item.start.isValid())
        item.start = DateTime::parse(str(r, "issued"));

    LabValue &v = item.lab;
    v.analyteKey = firstCode(code, System::Jlac10);
    if (v.analyteKey.isEmpty()) {
        for (const Coding &c : std::as_const(item.codes))
            if (c.system.startsWith(System::Jlac11Prefix))
                v.analyteKey = QStringLiteral("JLAC11:") + c.code;
    } else {
        v.analyteKey.prepend(QStringLiteral("JLAC10:"));
    }
    if (v.analyteKey.isEmpty() && !item.codes.isEmpty())
        v.analyteKey = item.codes.first().system + u'|' + item.codes.first().code;

    const QJsonObject q = r.value(QLatin1String("valueQuantity")).toObject();
    if (!q.isEmpty()) {
        v.value = number(q.value(QLatin1String("value")));
        v.unit = str(q, "unit");
        if (v.unit.isEmpty())
            v.unit = str(q, "code");
        v.text = quantityText(q);
    } else if (r.contains(QLatin1String("valueString"))) {
        v.text = str(r, "valueString");
    } else if (r.contains(QLatin1String("valueCodeableConcept"))) {
        v.text = codeableText(r.value(QLatin1String("valueCodeableConcept")));
    } else if (r.contains(QLatin1String("valueInteger"))) {
        // A number only when it is one: "5" as a string (not FHIR) is shown as written, never as 0.
        v.value = number(r.value(QLatin1String("valueInteger")));
        v.text = numberAsWritten(r.value(QLatin1String("valueInteger")));
    } else if (r.contains(QLatin1String("valueBoolean"))) {
        v.text = r.value(QLatin1String("valueBoolean")).toBool() ? tr("positive") : tr("negative");
    } else if (!r.value(QLatin1String("component")).toArray().isEmpty()) {
        QStringList comps;
        for (const QJsonValue &c : r.value(QLatin1String("component")).toArray()) {
            const QJsonObject comp = c.toObject();
            comps << codeableText(comp.value(QLatin1String("code"))) + u' '
                         + quantityText(comp.value(QLatin1String("valueQuantity")).toObject());
        }
        v.text = comps.join(QStringLiteral(", "));
    } else if (r.contains(QLatin1String("dataAbsentReason"))) {
        v.text = codeableText(r.value(QLatin1String("dataAbsentReason")));
    }
    const QJsonObject range = r.value(QLatin1String("referenceRange")).toArray().first().toObject();
    if (!range.isEmpty()) {
        const QJsonObject low = range.value(QLatin1String("low")).toObject();
        const QJsonObject high = range.value(QLatin1String("high")).toObject();
        v.low = number(low.value(QLatin1String("value")));
        v.high = number(high.value(QLatin1String("value")));
        v.rangeText = str(range, "text");
        const QString lowText = numberAsWritten(low.value(QLatin1String("value")));
        const QString highText = numberAsWritten(high.value(QLatin1String("value")));
        if (v.rangeText.isEmpty() && (!lowText.isEmpty() || !highText.isEmpty()))
            v.rangeText = lowText + QStringLiteral("–") + highText;
    }
    for (const QJsonValue &i : r.value(QLatin1String("interpretation")).toArray()) {
        const QString flag = firstCode(i, u"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation");
        if (!flag.isEmpty())
            v.flag = flag;
        else if (v.flag.isEmpty())
            v.flag = codeableText(i);
    }
    if (v.flag.isEmpty() && v.value) {
        if (v.high && *v.value > *v.high)
            v.flag = QStringLiteral("H");
        else if (v.low && *v.value < *v.low)
            v.flag = QStringLiteral("L");
    }
    QStringList parts{v.text};
    if (!v.rangeText.isEmpty())
        parts << tr("ref. %1", "reference range").arg(v.rangeText);
    if (!v.flag.isEmpty() && v.flag != u"N")
        parts << v.flag;
    item.detail = joinNonEmpty(parts, u"  ");
}

void ClinicalItemBuilder::fillProcedure(const QJsonObject &r, ClinicalItem &item) const
{
    item.category = ItemCategory::Procedure;
    const QJsonValue code = r.value(QLatin1String("code"));
    item.codes = codings(code);
    item.title = codeableText(code);
    readChoiceTime(r, "performed", item.start, item.end);
    item.subtype = codeableText(r.value(QLatin1String("category")));
    item.detail = joinNonEmpty({item.subtype, codeableText(r.value(QLatin1String("bodySite")).toArray().first()),
                                codeableText(r.value(QLatin1String("outcome")))});
}

void ClinicalItemBuilder::fillEncounter(const QJsonObject &r, ClinicalItem &item) const
{
    item.category = ItemCategory::Encounter;
    const QJsonObject cls = r.value(QLatin1String("class")).toObject();
    item.encounterClass = str(cls, "code");
    const QJsonObject period = r.value(QLatin1String("period")).toObject();
    item.start = DateTime::parse(str(period, "start"));
    item.end = DateTime::parse(str(period, "end"));
    QString kind;
    if (item.encounterClass == u"IMP" || item.encounterClass == u"ACUTE" || item.encounterClass == u"NONAC")
        kind = tr("Admission");
    else if (item.encounterClass == u"EMER")
        kind = tr("Emergency visit");
    else if (item.encounterClass == u"HH")
        kind = tr("Home visit");
    else if (item.encounterClass == u"VR")
        kind = tr("Virtual visit");
    else
        kind = tr("Outpatient visit");
    const QString type = codeableText(r.value(QLatin1String("type")).toArray().first());
    item.title = type.isEmpty() ? kind : kind + QStringLiteral(" — ") + type;
    QStringList reasons;
    for (const QJsonValue &rc : r.value(QLatin1String("reasonCode")).toArray())
        reasons << codeableText(rc);
    item.detail = reasons.join(QStringLiteral("、"));
    item.active = item.status == u"in-progress" || item.status == u"arrived";
}

void ClinicalItemBuilder::fillDocumentReference(const QJsonObject &r, ClinicalItem &item) const
{
    item.category = ItemCategory::Document;
    const QJsonValue type = r.value(QLatin1String("type"));
    item.codes = codings(type);
    item.title = codeableText(type);
    item.documentTypeCode = firstCode(type, System::DocTypeCodes);
    if (item.documentTypeCode.isEmpty() && !item.codes.isEmpty())
        item.documentTypeCode = item.codes.first().code;
    item.start = DateTime::parse(str(r, "date"));
    const QJsonObject period = r.value(QLatin1String("context")).toObject().value(QLatin1String("period")).toObject();
    if (!item.start.isValid())
        item.start = DateTime::parse(str(period, "start"));
    const QJsonObject attachment = r.value(QLatin1String("content")).toArray().first().toObject().value(QLatin1String("attachment")).toObject();
    item.subtype = str(attachment, "contentType");
    item.detail = joinNonEmpty({str(r, "description"), str(attachment, "title")});
}

void ClinicalItemBuilder::fillDiagnosticReport(const QJsonObject &r, ClinicalItem &item) const
{
    item.category = ItemCategory::Document;
    item.subtype = QStringLiteral("report");
    const QJsonValue code = r.value(QLatin1String("code"));
    item.codes = codings(code);
    item.title = codeableText(code);
    readChoiceTime(r, "effective", item.start, item.end);
    if (!item.start.isValid())
        item.start = DateTime::parse(str(r, "issued"));
    item.detail = str(r, "conclusion");
}

void ClinicalItemBuilder::fillComposition(const QJsonObject &r, ClinicalItem &item) const
{
    item.category = ItemCategory::Document;
    item.subtype = QStringLiteral("document");
    const QJsonValue type = r.value(QLatin1String("type"));
    item.codes = codings(type);
    item.documentTypeCode = firstCode(type, System::DocTypeCodes);
    item.title = str(r, "title");
    if (item.title.isEmpty())
        item.title = codeableText(type);
    item.start = DateTime::parse(str(r, "date"));
    QStringList sections;
    for (const QJsonValue &s : r.value(QLatin1String("section")).toArray())
        sections << str(s.toObject(), "title");
    item.detail = joinNonEmpty(sections, u"・");
}

void ClinicalItemBuilder::fillImagingStudy(const QJsonObject &r, ClinicalItem &item) const
{
    item.category = ItemCategory::Imaging;
    item.start = DateTime::parse(str(r, "started"));
    QStringList modalities;
    for (const QJsonValue &m : r.value(QLatin1String("modality")).toArray())
        modalities << str(m.toObject(), "code");
    const QJsonArray series = r.value(QLatin1String("series")).toArray();
    if (modalities.isEmpty())
        for (const QJsonValue &s : series)
            modalities << str(s.toObject().value(QLatin1String("modality")).toObject(), "code");
    modalities.removeDuplicates();
    item.subtype = modalities.join(u'/');
    item.title = str(r, "description");
    if (item.title.isEmpty())
        item.title = tr("%1 study", "imaging modality").arg(item.subtype);
    const int instances = r.value(QLatin1String("numberOfInstances")).toInt();
    item.detail = joinNonEmpty({item.subtype, tr("%n series", nullptr, int(series.size())), tr("%n image(s)", nullptr, instances)});
    for (const QJsonValue &id : r.value(QLatin1String("identifier")).toArray()) {
        const QString v = str(id.toObject(), "value");
        if (v.startsWith(QLatin1String("urn:oid:")))
            item.codes.append({QStringLiteral("urn:dicom:uid"), v.mid(8), QString()});
    }
    // The study's Endpoint (or the first series' one) tells where a PACS serves its images.
    QJsonArray endpoints = r.value(QLatin1String("endpoint")).toArray();
    for (const QJsonValue &s : series)
        for (const QJsonValue &e : s.toObject().value(QLatin1String("endpoint")).toArray())
            endpoints.append(e);
    for (const QJsonValue &e : std::as_const(endpoints)) {
        const QJsonObject endpoint = m_index.resolve(str(e.toObject(), "reference"), r);
        const QString type = str(endpoint.value(QLatin1String("connectionType")).toObject(), "code");
        const QString address = str(endpoint, "address");
        if (type.startsWith(QLatin1String("dicom-")) && !address.isEmpty()) {
            item.imagingEndpointType = type;
            item.imagingEndpointAddress = address;
            break;
        }
    }
}

void ClinicalItemBuilder::fillImmunization(const QJsonObject &r, ClinicalItem &item) const
{
    item.category = ItemCategory::Immunization;
    const QJsonValue code = r.value(QLatin1String("vaccineCode"));
    item.codes = codings(code);
    item.title = codeableText(code);
    readChoiceTime(r, "occurrence", item.start, item.end);
    item.detail = str(r, "lotNumber");
}

void ClinicalItemBuilder::fillOther(const QJsonObject &r, ClinicalItem &item) const
{
    item.category = ItemCategory::Other;
    for (const char *field : {"code", "type", "category"}) {
        const QJsonValue v = r.value(QLatin1String(field));
        const QString text = codeableText(v.isArray() ? v.toArray().first() : v);
        if (!text.isEmpty()) {
            item.title = text;
            item.codes = codings(v.isArray() ? v.toArray().first() : v);
            break;
        }
    }
    if (item.title.isEmpty())
        item.title = str(r, "title");
    for (const char *field : {"effective", "performed", "occurrence", "period", "date"})
        if (!item.start.isValid())
            readChoiceTime(r, field, item.start, item.end);
    if (!item.start.isValid()) {
        const QJsonObject period = r.value(QLatin1String("period")).toObject();
        item.start = DateTime::parse(str(period, "start"));
        item.end = DateTime::parse(str(period, "end"));
    }
    if (!item.start.isValid())
        item.start = DateTime::parse(str(r, "date"));
    item.detail = str(r, "resourceType");
}

} // namespace Kakehashi
