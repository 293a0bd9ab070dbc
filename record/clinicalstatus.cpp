#include "clinicalstatus.h"

#include <algorithm>

namespace Kakehashi {

namespace {

constexpr QStringView Snomed = u"http://snomed.info/sct";
constexpr QStringView IpsAbsentUnknown = u"http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";

bool hasCode(const ClinicalItem &item, QStringView system, std::initializer_list<QStringView> codes)
{
    for (const Fhir::Coding &c : item.codes)
        if (c.system == system)
            for (QStringView code : codes)
                if (c.code == code)
                    return true;
    return false;
}

QString facilityOf(const ClinicalItem &item)
{
    return item.source.name.isEmpty() ? item.source.key : item.source.name;
}

// The JLAC10 analyte (first five characters) of the item's JLAC10 coding, whatever its code system
// (MEDIS 17-digit, or a JP-CLINS item set).
QString jlac10Analyte(const ClinicalItem &item)
{
    for (const Fhir::Coding &c : item.codes)
        if ((c.system == Fhir::System::Jlac10 || c.system.contains(u"/JLAC10/")) && c.code.size() >= 5)
            return c.code.left(5);
    if (item.lab.analyteKey.startsWith(u"JLAC10:") && item.lab.analyteKey.size() >= 12)
        return item.lab.analyteKey.mid(7, 5);
    return {};
}

} // namespace

bool ClinicalStatus::isCurrent(const ClinicalItem &item, qint64 asOfMsecs)
{
    return item.active && (!item.start.isValid() || item.start.msecs() <= asOfMsecs);
}

bool ClinicalStatus::isContraindication(const ClinicalItem &item)
{
    return item.category == ItemCategory::Allergy && item.subtype == u"medication";
}

bool ClinicalStatus::isNoKnownStatement(const ClinicalItem &item, Kind kind)
{
    if (item.category != ItemCategory::Allergy)
        return false;
    // "No known allergy" and its IPS twin cover every kind; the narrower ones only their own.
    if (hasCode(item, Snomed, {u"716186003"}) || hasCode(item, IpsAbsentUnknown, {u"no-known-allergies"}))
        return true;
    if (kind == Kind::Contraindications)
        return hasCode(item, Snomed, {u"409137002"}) || hasCode(item, IpsAbsentUnknown, {u"no-known-medication-allergies"});
    return false;
}

namespace {
// Any "no known …" statement, of whatever scope: never listed as an allergy itself.
bool isAnyNoKnownStatement(const ClinicalItem &item)
{
    return hasCode(item, Snomed, {u"716186003", u"409137002", u"429625007", u"428607008", u"428197003"})
           || hasCode(item, IpsAbsentUnknown,
                      {u"no-known-allergies", u"no-known-medication-allergies", u"no-known-food-allergies",
                       u"no-known-environmental-allergies", u"no-allergy-info"});
}
} // namespace

ClinicalStatus::Result ClinicalStatus::evaluate(const PatientRecord &record, Kind kind, const QDateTime &asOf)
{
    Result r;
    const qint64 at = asOf.toMSecsSinceEpoch();
    int redacted = 0;
    for (const ClinicalItem &item : record.items) {
        if (item.redacted)
            ++redacted;
        if (item.category != ItemCategory::Allergy || !isCurrent(item, at))
            continue;
        if (isAnyNoKnownStatement(item)) {
            if (isNoKnownStatement(item, kind))
                r.noneKnown << item;
            continue;
        }
        if (kind == Kind::Contraindications && !isContraindication(item))
            continue;
        r.items << item;
    }
    std::stable_sort(r.items.begin(), r.items.end(), [](const ClinicalItem &a, const ClinicalItem &b) {
        if (isContraindication(a) != isContraindication(b))
            return isContraindication(a);
        if ((a.criticality == u"high") != (b.criticality == u"high"))
            return a.criticality == u"high";
        return a.start.msecs() > b.start.msecs();
    });

    // Withheld items that may be allergies: counts from allergy searches, and every count that names no
    // type. What the record counts but cannot place (e.g. built without per-type counts) is unattributed.
    int attributed = 0;
    for (auto it = record.withheldByType.cbegin(); it != record.withheldByType.cend(); ++it) {
        attributed += it.value();
        if (it.key() == u"AllergyIntolerance")
            r.withheld += it.value();
        else if (it.key().isEmpty() && it.value() > 0) {
            r.withheld += it.value();
            r.withheldUnattributed = true;
        }
    }
    const int unplaced = record.withheldCount - redacted - attributed;
    if (unplaced > 0) {
        r.withheld += unplaced;
        r.withheldUnattributed = true;
    }

    if (record.imagesOnly)
        r.state = State::Unknown;
    else if (!r.items.isEmpty())
        r.state = State::Recorded;
    else if (record.notDisclosedForRole.contains(ItemCategory::Allergy))
        r.state = State::NotDisclosedForRole;
    else if (r.withheld > 0)
        r.state = State::Withheld;
    else if (!r.noneKnown.isEmpty())
        r.state = State::NoneKnown;
    else
        r.state = State::NotRecorded;
    return r;
}

QString ClinicalStatus::stateKey(State state)
{
    switch (state) {
    case State::Recorded:
        return QStringLiteral("recorded");
    case State::NoneKnown:
        return QStringLiteral("none-known");
    case State::NotRecorded:
        return QStringLiteral("not-recorded");
    case State::Withheld:
        return QStringLiteral("withheld");
    case State::NotDisclosedForRole:
        return QStringLiteral("not-disclosed-for-role");
    case State::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

QString ClinicalStatus::stateText(Kind kind, const Result &result)
{
    const bool allergies = kind == Kind::Allergies;
    switch (result.state) {
    case State::Recorded:
        return {};
    case State::NoneKnown: {
        const ClinicalItem &s = result.noneKnown.first();
        const QString when = s.start.isValid() ? s.start.date().toString(Qt::ISODate) : tr("date unknown");
        const QString who = facilityOf(s).isEmpty() ? tr("facility unknown") : facilityOf(s);
        return allergies ? tr("Allergies: none known (stated by %1, %2)").arg(who, when)
                         : tr("Drug contraindications: none known (stated by %1, %2)").arg(who, when);
    }
    case State::NotRecorded:
        return allergies ? tr("Allergies: not recorded in the shared record (this does not mean there are none)")
                         : tr("Drug contraindications: not recorded in the shared record (this does not mean there are none)");
    case State::Withheld:
        if (result.withheldUnattributed)
            return allergies ? tr("Allergies: none shown, but %n item(s) of unstated kind were withheld by the patient's "
                                  "disclosure settings and may include allergies", nullptr, result.withheld)
                             : tr("Drug contraindications: none shown, but %n item(s) of unstated kind were withheld by the "
                                  "patient's disclosure settings and may include contraindications", nullptr, result.withheld);
        return allergies ? tr("Allergies: none shown, but %n allergy item(s) were withheld by the patient's disclosure settings",
                              nullptr, result.withheld)
                         : tr("Drug contraindications: none shown, but %n allergy item(s) were withheld by the patient's "
                              "disclosure settings and may include contraindications", nullptr, result.withheld);
    case State::NotDisclosedForRole:
        return allergies ? tr("Allergies: not disclosed to this role — their absence here means nothing")
                         : tr("Drug contraindications: not disclosed to this role — their absence here means nothing");
    case State::Unknown:
        return allergies ? tr("Allergies: unknown — no health record was loaded for this patient, only images")
                         : tr("Drug contraindications: unknown — no health record was loaded for this patient, only images");
    }
    return {};
}

QString ClinicalStatus::bannerText(Kind kind, const Result &result)
{
    if (result.state != State::Recorded)
        return stateText(kind, result);
    QStringList names;
    for (const ClinicalItem &item : result.items)
        names << (item.detail.isEmpty() ? item.title : item.title + QStringLiteral(" (") + item.detail + u')');
    QString text = kind == Kind::Allergies ? tr("Allergies: %1").arg(names.join(QStringLiteral("; ")))
                                           : tr("Drug contraindications: %1").arg(names.join(QStringLiteral("; ")));
    if (result.withheld > 0)
        text += u' ' + tr("(%n more withheld item(s) may include more)", nullptr, result.withheld);
    return text;
}

// ---- infections

namespace {
struct InfectionAnalyte
{
    const char *analyte; // JLAC10 analyte code (5 characters)
    const char *group;
};
// JLAC10 analytes of the JP-CLINS InfectionLabo item set (JP_CLINS_CodeSystem_JLAC10_InfectionLabo,
// jami-fhir-jp-wg/clinical-core): 梅毒STS 5E074, 梅毒TP抗体 5E075, HBs抗原 5F016, HCV抗体 5F360,
// HIV-1抗体 5F500, HIV-2抗体 5F550, HIV-1+2抗原・抗体同時 5F560.
constexpr InfectionAnalyte InfectionAnalytes[] = {
    {"5E074", "syphilis-sts"}, {"5E075", "syphilis-tp"}, {"5F016", "hbs-antigen"}, {"5F360", "hcv"},
    {"5F500", "hiv"},          {"5F550", "hiv"},         {"5F560", "hiv"},
};
} // namespace

QString InfectionLabs::groupOf(const ClinicalItem &item)
{
    if (item.category != ItemCategory::Lab)
        return {};
    const QString analyte = jlac10Analyte(item);
    for (const InfectionAnalyte &a : InfectionAnalytes)
        if (analyte == QLatin1String(a.analyte))
            return QLatin1String(a.group);
    for (const Fhir::Coding &c : item.codes) {
        if (!c.system.contains(u"InfectionLabo"))
            continue;
        // JLAC11 item-set codes: HBs抗原, HCV and HIV are named in the code's display where the code does not say.
        const QString text = c.display + u' ' + item.title;
        if (text.contains(u"梅毒") || text.contains(u"STS", Qt::CaseInsensitive) || text.contains(u"TP"))
            return text.contains(u"TP") ? QStringLiteral("syphilis-tp") : QStringLiteral("syphilis-sts");
        if (text.contains(u"HBs", Qt::CaseInsensitive))
            return QStringLiteral("hbs-antigen");
        if (text.contains(u"HCV", Qt::CaseInsensitive))
            return QStringLiteral("hcv");
        if (text.contains(u"HIV", Qt::CaseInsensitive))
            return QStringLiteral("hiv");
        return QStringLiteral("other");
    }
    return {};
}

QStringList InfectionLabs::groups()
{
    return {QStringLiteral("syphilis-sts"), QStringLiteral("syphilis-tp"), QStringLiteral("hbs-antigen"), QStringLiteral("hcv"),
            QStringLiteral("hiv"), QStringLiteral("other")};
}

QString InfectionLabs::groupName(const QString &group)
{
    if (group == u"syphilis-sts")
        return tr("Syphilis (STS)");
    if (group == u"syphilis-tp")
        return tr("Syphilis (TP antibody)");
    if (group == u"hbs-antigen")
        return tr("HBs antigen");
    if (group == u"hcv")
        return tr("HCV");
    if (group == u"hiv")
        return tr("HIV");
    return tr("Other infection test");
}

// ---- dialysis

bool isDialysisProcedure(const ClinicalItem &item)
{
    if (item.category != ItemCategory::Procedure)
        return false;
    // SNOMED CT: 108241001 Dialysis procedure, 265764009 Renal dialysis, 302497006 Hemodialysis,
    // 71192002 Peritoneal dialysis, 238318009 Continuous ambulatory peritoneal dialysis.
    if (hasCode(item, Snomed, {u"108241001", u"265764009", u"302497006", u"71192002", u"238318009"}))
        return true;
    const QString text = item.title + u' ' + item.subtype;
    return text.contains(u"透析") || text.contains(u"人工腎臓") || text.contains(u"腹膜灌流")
           || text.contains(u"dialysis", Qt::CaseInsensitive);
}

// ---- children

bool isAdultEgfrForChild(const PatientInfo &patient, const ClinicalItem &item)
{
    if (item.category != ItemCategory::Lab || !patient.birthDate.isValid() || !item.start.isValid())
        return false;
    if (jlac10Analyte(item) != u"8A065")
        return false;
    const int age = patient.ageAt(item.start.date());
    return age >= 0 && age < 18;
}

} // namespace Kakehashi
