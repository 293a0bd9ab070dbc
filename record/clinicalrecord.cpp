#include "clinicalrecord.h"

#include <QJsonDocument>

namespace Kakehashi {

namespace {
struct CategoryKey
{
    ItemCategory category;
    const char16_t *key;
};
constexpr CategoryKey kCategoryKeys[] = {
    {ItemCategory::Allergy, u"allergies"},
    {ItemCategory::Problem, u"problems"},
    {ItemCategory::Medication, u"medications"},
    {ItemCategory::Lab, u"labs"},
    {ItemCategory::Vital, u"vitals"},
    {ItemCategory::Procedure, u"procedures"},
    {ItemCategory::Encounter, u"encounters"},
    {ItemCategory::Document, u"documents"},
    {ItemCategory::Imaging, u"imaging"},
    {ItemCategory::Immunization, u"immunizations"},
    {ItemCategory::Other, u"other"},
};
} // namespace

QString CategoryNames::key(ItemCategory category)
{
    for (const auto &k : kCategoryKeys)
        if (k.category == category)
            return QString::fromUtf16(k.key);
    return QStringLiteral("other");
}

std::optional<ItemCategory> CategoryNames::fromKey(QStringView key)
{
    for (const auto &k : kCategoryKeys)
        if (key.compare(QStringView(k.key), Qt::CaseInsensitive) == 0)
            return k.category;
    return std::nullopt;
}

QString CategoryNames::displayName(ItemCategory category)
{
    switch (category) {
    case ItemCategory::Allergy:
        return tr("Allergies and intolerances");
    case ItemCategory::Problem:
        return tr("Problems", "diagnoses / disease history");
    case ItemCategory::Medication:
        return tr("Medications");
    case ItemCategory::Lab:
        return tr("Lab results");
    case ItemCategory::Vital:
        return tr("Vital signs");
    case ItemCategory::Procedure:
        return tr("Procedures");
    case ItemCategory::Encounter:
        return tr("Encounters", "visits and admissions");
    case ItemCategory::Document:
        return tr("Documents and reports");
    case ItemCategory::Imaging:
        return tr("Imaging studies");
    case ItemCategory::Immunization:
        return tr("Immunizations");
    case ItemCategory::Other:
        return tr("Other");
    }
    return {};
}

QString PatientInfo::displayName() const
{
    if (!kanjiName.isEmpty())
        return kanjiName;
    if (!kanaName.isEmpty())
        return kanaName;
    if (!otherName.isEmpty())
        return otherName;
    return id;
}

int PatientInfo::ageAt(const QDate &day) const
{
    if (!birthDate.isValid() || !day.isValid())
        return -1;
    int age = day.year() - birthDate.year();
    if (day.month() < birthDate.month() || (day.month() == birthDate.month() && day.day() < birthDate.day()))
        --age;
    return age;
}

int PatientRecord::count(ItemCategory category) const
{
    int n = 0;
    for (const ClinicalItem &item : items)
        n += item.category == category;
    return n;
}

const PatientRecord *RecordSet::find(QStringView patientId) const
{
    for (const PatientRecord &r : patients) {
        if (r.patient.id == patientId || r.patient.key == patientId)
            return &r;
        for (const QString &linked : r.patient.linkedKeys)
            if (linked == patientId || linked.endsWith(u'/' + patientId.toString()))
                return &r;
    }
    return nullptr;
}

QString ClinicalItem::imagingStudyUid() const
{
    if (category != ItemCategory::Imaging)
        return {};
    for (const Fhir::Coding &c : codes) {
        if (c.system == u"urn:dicom:uid" && !c.code.isEmpty())
            return c.code;
    }
    return {};
}

DocumentSource DocumentSource::fromObject(QJsonObject bundle)
{
    DocumentSource source;
    source.m_object = std::move(bundle);
    return source;
}

DocumentSource DocumentSource::fromJson(QByteArray json)
{
    DocumentSource source;
    source.m_bytes = std::move(json);
    return source;
}

DocumentSource DocumentSource::fromCompressed(QByteArray zlib)
{
    DocumentSource source;
    source.m_bytes = std::move(zlib);
    source.m_compressed = true;
    return source;
}

QByteArray DocumentSource::json() const
{
    if (!m_object.isEmpty())
        return QJsonDocument(m_object).toJson(QJsonDocument::Compact);
    // qUncompress reads the inflated size from the first four bytes and refuses a size it cannot
    // hold; a corrupt stream gives an empty array (the document reader then says it is malformed).
    return m_compressed ? qUncompress(m_bytes) : m_bytes;
}

QJsonObject DocumentSource::object() const
{
    if (!m_object.isEmpty() || m_bytes.isEmpty())
        return m_object;
    return QJsonDocument::fromJson(json()).object();
}

QByteArray DocumentSource::compressed() const
{
    return m_compressed ? m_bytes : qCompress(json(), 1);
}

} // namespace Kakehashi
