#include "resourceindex.h"

#include "fhirjson.h"

#include <QJsonArray>

#include <algorithm>

namespace Kakehashi {

ResourceIndex::ResourceIndex(const QHash<QString, QJsonObject> &byKey, const QHash<QString, QString> &fullUrlToKey)
    : m_byKey(byKey)
    , m_fullUrlToKey(fullUrlToKey)
{
    for (auto it = m_byKey.cbegin(); it != m_byKey.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("Organization/"))) {
            for (const QJsonValue &id : it.value().value(QLatin1String("identifier")).toArray()) {
                const QString value = id.toObject().value(QLatin1String("value")).toString();
                if (!value.isEmpty() && !m_organizationByIdentifier.contains(value))
                    m_organizationByIdentifier.insert(value, it.key());
            }
            continue;
        }
        if (!it.key().startsWith(QLatin1String("Provenance/")))
            continue;
        for (const QJsonValue &t : it.value().value(QLatin1String("target")).toArray()) {
            const QString k = keyFor(Fhir::referenceOf(t));
            if (!k.isEmpty())
                m_provenance.insert(k, it.value());
        }
    }
}

QString ResourceIndex::keyFor(const QString &reference) const
{
    if (reference.isEmpty() || reference.startsWith(u'#'))
        return {};
    if (m_byKey.contains(reference))
        return reference;
    const auto full = m_fullUrlToKey.constFind(reference);
    if (full != m_fullUrlToKey.cend())
        return full.value();
    // Absolute URL or versioned reference: keep the last "Type/id".
    QString ref = reference;
    const qsizetype history = ref.indexOf(QLatin1String("/_history/"));
    if (history >= 0)
        ref.truncate(history);
    const qsizetype slash = ref.lastIndexOf(u'/');
    if (slash > 0) {
        const qsizetype typeSlash = ref.lastIndexOf(u'/', slash - 1);
        const QString key = ref.mid(typeSlash + 1);
        if (m_byKey.contains(key))
            return key;
        return key;
    }
    return {};
}

QString ResourceIndex::unresolvedReason(const QString &reference) const
{
    if (!m_unresolved)
        return {};
    const QString reason = m_unresolved->value(reference);
    return reason.isEmpty() ? m_unresolved->value(keyFor(reference)) : reason;
}

QString ResourceIndex::institutionCode(const QJsonObject &organization)
{
    for (const QJsonValue &id : organization.value(QLatin1String("identifier")).toArray()) {
        const QJsonObject o = id.toObject();
        const QString value = o.value(QLatin1String("value")).toString().trimmed();
        if (o.value(QLatin1String("system")).toString() == Fhir::System::InstitutionNo10 && value.size() == 10
            && std::all_of(value.cbegin(), value.cend(), [](QChar c) { return c.isDigit(); }))
            return value;
    }
    return {};
}

QJsonObject ResourceIndex::resolve(const QString &reference, const QJsonObject &context) const
{
    if (reference.startsWith(u'#')) {
        const QStringView id = QStringView(reference).mid(1);
        for (const QJsonValue &c : context.value(QLatin1String("contained")).toArray()) {
            const QJsonObject o = c.toObject();
            if (o.value(QLatin1String("id")).toString() == id)
                return o;
        }
        return {};
    }
    return m_byKey.value(keyFor(reference));
}

} // namespace Kakehashi
