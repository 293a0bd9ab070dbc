#include "profilecheck.h"

#include "fhirjson.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace Kakehashi {

using namespace Fhir;

namespace {

bool claimsProfile(const QJsonObject &r, QLatin1String name)
{
    for (const QJsonValue &p : r.value(QLatin1String("meta")).toObject().value(QLatin1String("profile")).toArray()) {
        QString url = p.toString();
        const qsizetype bar = url.indexOf(u'|');
        if (bar >= 0)
            url.truncate(bar);
        if (url.endsWith(u'/' + QString(name)))
            return true;
    }
    return false;
}

const QSet<QString> &generalOrderCodes()
{
    static const QSet<QString> codes = [] {
        QSet<QString> s;
        QFile f(QStringLiteral(":/kakehashi/codes/general-order-codes.tsv"));
        if (f.open(QIODevice::ReadOnly)) {
            while (!f.atEnd()) {
                const QByteArray line = f.readLine().trimmed();
                if (line.isEmpty() || line.startsWith('#'))
                    continue;
                s.insert(QString::fromLatin1(line.left(line.indexOf('\t'))));
            }
        }
        return s;
    }();
    return codes;
}

// Date fields whose text must parse as a FHIR date/dateTime.
constexpr const char *kDateFields[] = {"authoredOn", "recordedDate", "onsetDateTime", "abatementDateTime",
                                       "effectiveDateTime", "issued", "performedDateTime", "whenHandedOver",
                                       "date", "started", "birthDate", "occurrenceDateTime"};

} // namespace

bool ProfileCheck::isKnownGeneralOrderCode(const QString &code)
{
    return generalOrderCodes().contains(code);
}

QList<ProfileFinding> ProfileCheck::check(const QJsonObject &r)
{
    QList<ProfileFinding> out;
    const QString type = r.value(QLatin1String("resourceType")).toString();
    const QString name = type + u'/' + r.value(QLatin1String("id")).toString();
    auto error = [&](const QString &m) { out.append({ProfileFinding::Severity::Error, name + QStringLiteral(": ") + m}); };
    auto warn = [&](const QString &m) { out.append({ProfileFinding::Severity::Warning, name + QStringLiteral(": ") + m}); };

    for (const char *field : kDateFields) {
        const QJsonValue v = r.value(QLatin1String(field));
        if (v.isString() && !DateTime::parse(v.toString()).isValid())
            error(tr("the date in \"%1\" cannot be read").arg(QLatin1String(field)));
    }

    if (type == u"MedicationRequest" || type == u"MedicationDispense") {
        const QJsonValue med = r.value(QLatin1String("medicationCodeableConcept"));
        if (!med.isObject() && !r.value(QLatin1String("medicationReference")).isObject())
            error(tr("no medication is named"));
        if (claimsProfile(r, QLatin1String("JP_MedicationRequest_eCS")) && med.isObject()) {
            // JP-CLINS: a prescription names the drug by YJ code or general-name (一般名) code,
            // or says explicitly that it has none (NOCODED).
            if (!hasCode(med, System::YjCode) && !hasCode(med, System::GeneralOrderCode)
                && !hasCode(med, System::MedicationNoCoded))
                error(tr("JP-CLINS requires a YJ code or a general-name code for the drug; neither is present"));
        }
        const QString general = firstCode(med, System::GeneralOrderCode);
        if (!general.isEmpty() && !isKnownGeneralOrderCode(general))
            error(tr("general-name code %1 is not in the general-name prescription master").arg(general));
    }

    if (type == u"Observation" && claimsProfile(r, QLatin1String("JP_Observation_LabResult_eCS"))) {
        const QJsonValue code = r.value(QLatin1String("code"));
        if (!hasCode(code, System::ClinsLabLocalCode))
            error(tr("JP-CLINS lab result has no local test code (JP_CLINS_ObsLabResult_LocalCode_CS)"));
        bool standard = hasCode(code, System::Jlac10);
        for (const Coding &c : codings(code))
            standard = standard || c.system.startsWith(System::Jlac11Prefix);
        if (!standard)
            warn(tr("lab result has no JLAC10/JLAC11 code; it cannot be grouped with other facilities' results"));
    }

    if (type == u"Condition" && !r.value(QLatin1String("code")).isObject())
        error(tr("the condition has no code or text"));

    if (type == u"Observation" && !r.value(QLatin1String("code")).isObject())
        error(tr("the observation has no code"));

    if (type == u"Observation") {
        // A value or range bound that is not a JSON number: shown as written, never plotted or flagged.
        const auto notANumber = [](const QJsonValue &v) { return !v.isUndefined() && !v.isNull() && !v.isDouble(); };
        bool bad = notANumber(r.value(QLatin1String("valueQuantity")).toObject().value(QLatin1String("value")))
                   || notANumber(r.value(QLatin1String("valueInteger")));
        for (const QJsonValue &range : r.value(QLatin1String("referenceRange")).toArray())
            for (const char *bound : {"low", "high"})
                bad = bad || notANumber(range.toObject().value(QLatin1String(bound)).toObject().value(QLatin1String("value")));
        if (bad)
            error(tr("a value or reference range is not a number; it is shown as written, not plotted or flagged"));
    }

    return out;
}

} // namespace Kakehashi
