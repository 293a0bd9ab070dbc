#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace Kakehashi {

// Resolves FHIR references among the resources of one load: "Type/id", absolute URLs ending
// in Type/id, urn:uuid fullUrls, and "#id" contained resources of the referring resource.
class ResourceIndex
{
public:
    ResourceIndex(const QHash<QString, QJsonObject> &byKey, const QHash<QString, QString> &fullUrlToKey);

    QJsonObject resolve(const QString &reference, const QJsonObject &context) const;
    QString keyFor(const QString &reference) const;
    QJsonObject byKey(const QString &key) const { return m_byKey.value(key); }
    // Provenance resources that name |key| as a target.
    QList<QJsonObject> provenanceFor(const QString &key) const { return m_provenance.values(key); }
    // "Organization/<id>" of the Organization that carries this identifier value (e.g. an institution number).
    QString organizationWithIdentifier(const QString &value) const { return m_organizationByIdentifier.value(value); }
    // Why a reference ("Type/id" or as written) could not be resolved, when the loader tried and failed
    // (RecordAssembler::setUnresolvedReference); empty when nobody said.
    QString unresolvedReason(const QString &reference) const;
    void setUnresolvedReasons(const QHash<QString, QString> *reasons) { m_unresolved = reasons; }

    // The 10-digit 医療機関コード of an Organization (identifier system insurance-medical-institution-no).
    static QString institutionCode(const QJsonObject &organization);

private:
    const QHash<QString, QJsonObject> &m_byKey;
    const QHash<QString, QString> &m_fullUrlToKey;
    QMultiHash<QString, QJsonObject> m_provenance;
    QHash<QString, QString> m_organizationByIdentifier;
    const QHash<QString, QString> *m_unresolved = nullptr;
};

} // namespace Kakehashi
