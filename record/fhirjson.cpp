#include "fhirjson.h"

#include "dateformat.h"
#include "displayzone.h"

#include <QLocale>
#include <QTimeZone>

namespace Kakehashi::Fhir {

DateTime DateTime::parse(const QString &text)
{
    DateTime result;
    const QString t = text.trimmed();
    if (t.isEmpty())
        return result;
    if (t.size() == 4) {
        const QDate d(t.toInt(), 1, 1);
        if (d.isValid()) {
            result.value = QDateTime(d, QTime(0, 0), Qt::UTC);
            result.precision = Precision::Year;
        }
        return result;
    }
    if (t.size() == 7) {
        const QDate d = QDate::fromString(t, QStringLiteral("yyyy-MM"));
        if (d.isValid()) {
            result.value = QDateTime(d, QTime(0, 0), Qt::UTC);
            result.precision = Precision::Month;
        }
        return result;
    }
    if (t.size() == 10) {
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (d.isValid()) {
            // A calendar day is the same day wherever it is read.
            result.value = QDateTime(d, QTime(12, 0), Qt::UTC);
            result.precision = Precision::Day;
        }
        return result;
    }
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    if (dt.isValid()) {
        result.offsetSeconds = dt.offsetFromUtc();
        result.value = dt.toUTC();
        result.precision = Precision::Time;
    }
    return result;
}

QDate DateTime::date() const
{
    return precision == Precision::Time ? DisplayZone::toDisplay(value).date() : value.date();
}

QString DateTime::displayText() const
{
    return DateFormat::value(*this);
}

QList<Coding> codings(const QJsonValue &codeableConcept)
{
    QList<Coding> out;
    const QJsonArray arr = codeableConcept.toObject().value(QLatin1String("coding")).toArray();
    out.reserve(arr.size());
    for (const QJsonValue &v : arr) {
        const QJsonObject c = v.toObject();
        out.append({System::canonical(c.value(QLatin1String("system")).toString()),
                    c.value(QLatin1String("code")).toString(),
                    c.value(QLatin1String("display")).toString()});
    }
    return out;
}

QString codeableText(const QJsonValue &codeableConcept)
{
    const QJsonObject cc = codeableConcept.toObject();
    const QString text = cc.value(QLatin1String("text")).toString();
    if (!text.isEmpty())
        return text;
    const QJsonArray arr = cc.value(QLatin1String("coding")).toArray();
    for (const QJsonValue &v : arr) {
        const QString display = v.toObject().value(QLatin1String("display")).toString();
        if (!display.isEmpty())
            return display;
    }
    for (const QJsonValue &v : arr) {
        const QString code = v.toObject().value(QLatin1String("code")).toString();
        if (!code.isEmpty())
            return code;
    }
    return {};
}

QString firstCode(const QJsonValue &codeableConcept, QStringView system)
{
    const QJsonArray arr = codeableConcept.toObject().value(QLatin1String("coding")).toArray();
    for (const QJsonValue &v : arr) {
        const QJsonObject c = v.toObject();
        if (System::canonical(c.value(QLatin1String("system")).toString()) == system)
            return c.value(QLatin1String("code")).toString();
    }
    return {};
}

bool hasCode(const QJsonValue &codeableConcept, QStringView system)
{
    return !firstCode(codeableConcept, system).isEmpty();
}

QString referenceOf(const QJsonValue &reference)
{
    return reference.toObject().value(QLatin1String("reference")).toString();
}

QString resourceKey(const QJsonObject &resource)
{
    const QString id = resource.value(QLatin1String("id")).toString();
    if (id.isEmpty())
        return {};
    return resource.value(QLatin1String("resourceType")).toString() + u'/' + id;
}

QString humanNameText(const QJsonObject &name)
{
    const QString text = name.value(QLatin1String("text")).toString();
    if (!text.isEmpty())
        return text;
    QStringList parts;
    const QString family = name.value(QLatin1String("family")).toString();
    if (!family.isEmpty())
        parts << family;
    for (const QJsonValue &g : name.value(QLatin1String("given")).toArray())
        parts << g.toString();
    return parts.join(u' ');
}

QString humanNameRepresentation(const QJsonObject &name)
{
    for (const QJsonValue &e : name.value(QLatin1String("extension")).toArray()) {
        const QJsonObject ext = e.toObject();
        if (ext.value(QLatin1String("url")).toString() == System::NameRepresentation)
            return ext.value(QLatin1String("valueCode")).toString();
    }
    return {};
}

QString numberAsWritten(const QJsonValue &value)
{
    if (value.isDouble())
        return QLocale::c().toString(value.toDouble(), 'g', 10);
    if (value.isString())
        return value.toString().trimmed();
    return {};
}

QString quantityText(const QJsonObject &quantity)
{
    if (quantity.isEmpty())
        return {};
    const QString value = numberAsWritten(quantity.value(QLatin1String("value")));
    QString unit = quantity.value(QLatin1String("unit")).toString();
    if (unit.isEmpty())
        unit = quantity.value(QLatin1String("code")).toString();
    const QString comparator = quantity.value(QLatin1String("comparator")).toString();
    QString out = comparator + value;
    if (!unit.isEmpty())
        out += u' ' + unit;
    return out.trimmed();
}

namespace System {
QString canonical(const QString &system)
{
    // OID forms accepted by JP Core, mapped to the URLs the viewer works with.
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("urn:oid:1.2.392.200119.4.101.6"), MedisDiseaseExCode.toString()},
        {QStringLiteral("urn:oid:1.2.392.200119.4.101.2"), MedisDiseaseKeyNumber.toString()},
        {QStringLiteral("urn:oid:1.2.392.200119.4.403.1"), Hot9.toString()},
        {QStringLiteral("urn:oid:1.2.392.100495.20.2.74"), Hot9.toString()},
        {QStringLiteral("urn:oid:1.2.392.200119.4.403.2"), Hot7.toString()},
        {QStringLiteral("urn:oid:1.2.392.200119.4.402.1"), Hot13.toString()},
        {QStringLiteral("urn:oid:1.2.392.100495.20.2.73"), YjCode.toString()},
        {QStringLiteral("urn:oid:1.2.392.100495.20.2.81"), GeneralOrderCode.toString()},
        {QStringLiteral("urn:oid:1.2.392.200119.4.504"), Jlac10.toString()},
        {QStringLiteral("urn:oid:1.2.392.200250.2.2.20.20"), JamiUsage.toString()},
    };
    return aliases.value(system, system);
}
} // namespace System

} // namespace Kakehashi::Fhir
