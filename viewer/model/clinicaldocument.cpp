#include "clinicaldocument.h"

#include "dateformat.h"
#include "resourceindex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace Kakehashi {

using namespace Fhir;

namespace {

constexpr int kMaxSectionDepth = 16;
constexpr int kMaxSections = 1000;
constexpr int kMaxReferences = 5000;

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonArray arr(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toArray();
}

// The resources of one document Bundle (or of a kept source Bundle), found by fullUrl or Type/id.
class LocalResources
{
public:
    explicit LocalResources(const QJsonObject &bundle)
    {
        for (const QJsonValue &e : arr(bundle, "entry")) {
            const QJsonObject entry = e.toObject();
            const QJsonObject resource = entry.value(QLatin1String("resource")).toObject();
            if (resource.isEmpty())
                continue;
            const QString fullUrl = str(entry, "fullUrl");
            if (!fullUrl.isEmpty())
                m_byUrl.insert(fullUrl, resource);
            const QString key = resourceKey(resource);
            if (!key.isEmpty())
                m_byUrl.insert(key, resource);
        }
    }

    QJsonObject resolve(const QJsonValue &reference) const
    {
        const QString ref = referenceOf(reference);
        if (ref.isEmpty())
            return {};
        const auto it = m_byUrl.constFind(ref);
        if (it != m_byUrl.cend())
            return *it;
        // An absolute URL ending in Type/id.
        const QStringList parts = ref.split(u'/', Qt::SkipEmptyParts);
        if (parts.size() >= 2)
            return m_byUrl.value(parts.at(parts.size() - 2) + u'/' + parts.last());
        return {};
    }

private:
    QHash<QString, QJsonObject> m_byUrl;
};

QString personName(const QJsonObject &resource)
{
    QString first;
    for (const QJsonValue &n : arr(resource, "name")) {
        const QJsonObject name = n.toObject();
        const QString text = humanNameText(name);
        if (text.isEmpty())
            continue;
        if (humanNameRepresentation(name) == u"IDE")
            return text;
        if (first.isEmpty())
            first = text;
    }
    return first;
}

QString nameOf(const QJsonObject &resource, const QJsonValue &reference)
{
    QString name;
    const QString type = str(resource, "resourceType");
    if (type == u"Organization" || type == u"Location" || type == u"Device")
        name = str(resource, "name");
    else if (!resource.isEmpty())
        name = personName(resource);
    if (name.isEmpty())
        name = str(reference.toObject(), "display");
    return name;
}

QString valueText(const QJsonObject &r)
{
    if (r.contains(QLatin1String("valueQuantity")))
        return quantityText(r.value(QLatin1String("valueQuantity")).toObject());
    if (r.contains(QLatin1String("valueCodeableConcept")))
        return codeableText(r.value(QLatin1String("valueCodeableConcept")));
    if (r.contains(QLatin1String("valueString")))
        return str(r, "valueString");
    if (r.contains(QLatin1String("valueBoolean")))
        return r.value(QLatin1String("valueBoolean")).toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (r.contains(QLatin1String("valueInteger")))
        return QString::number(r.value(QLatin1String("valueInteger")).toInt());
    return {};
}

// One readable line for a section entry.
QString entrySummary(const QJsonObject &r, const QJsonValue &reference)
{
    if (r.isEmpty()) {
        const QString display = str(reference.toObject(), "display");
        return display.isEmpty() ? referenceOf(reference) : display;
    }
    const QString type = str(r, "resourceType");
    QStringList parts;
    if (type.startsWith(QLatin1String("Medication"))) {
        parts << codeableText(r.value(QLatin1String("medicationCodeableConcept")));
        const QJsonArray dosage = arr(r, type == u"MedicationStatement" ? "dosage" : "dosageInstruction");
        if (!dosage.isEmpty())
            parts << str(dosage.first().toObject(), "text");
    } else if (type == u"Observation") {
        QString line = codeableText(r.value(QLatin1String("code")));
        const QString value = valueText(r);
        if (!value.isEmpty())
            line += QStringLiteral(": ") + value;
        parts << line;
        parts << DateTime::parse(str(r, "effectiveDateTime")).displayText();
    } else if (type == u"Encounter") {
        parts << codeableText(arr(r, "type").at(0)) << DateTime::parse(str(r.value(QLatin1String("period")).toObject(), "start")).displayText();
    } else if (type == u"ImagingStudy") {
        parts << str(r, "description");
    } else if (type == u"Procedure") {
        parts << codeableText(r.value(QLatin1String("code"))) << DateTime::parse(str(r, "performedDateTime")).displayText();
    } else if (type == u"Patient" || type == u"Practitioner" || type == u"Organization") {
        parts << nameOf(r, reference);
    } else {
        parts << codeableText(r.value(QLatin1String("code")));
    }
    parts.removeAll(QString());
    if (parts.isEmpty())
        return resourceKey(r);
    return parts.join(QStringLiteral(" / "));
}

struct SectionReader
{
    const LocalResources &resources;
    int count = 0;

    QList<DocumentSection> read(const QJsonArray &sections, int depth)
    {
        QList<DocumentSection> out;
        if (depth >= kMaxSectionDepth)
            return out;
        for (const QJsonValue &s : sections) {
            if (++count > kMaxSections)
                break;
            const QJsonObject section = s.toObject();
            DocumentSection ds;
            const QJsonValue code = section.value(QLatin1String("code"));
            const QList<Coding> cs = codings(code);
            if (!cs.isEmpty()) {
                ds.code = cs.first().code;
                ds.codeDisplay = cs.first().display;
            }
            ds.title = str(section, "title");
            if (ds.title.isEmpty())
                ds.title = codeableText(code);
            ds.narrative = str(section.value(QLatin1String("text")).toObject(), "div");
            if (section.contains(QLatin1String("emptyReason")) && arr(section, "entry").isEmpty())
                ds.emptyReason = codeableText(section.value(QLatin1String("emptyReason")));
            for (const QJsonValue &e : arr(section, "entry"))
                ds.entries << entrySummary(resources.resolve(e), e);
            ds.sections = read(arr(section, "section"), depth + 1);
            out.append(ds);
        }
        return out;
    }
};

void readSubject(const QJsonObject &resource, const LocalResources &resources, ClinicalDocument &doc)
{
    const QJsonValue subject = resource.value(QLatin1String("subject"));
    const QJsonObject patient = resources.resolve(subject);
    doc.patientName = nameOf(patient, subject);
    QStringList detail;
    const QString birth = str(patient, "birthDate");
    if (!birth.isEmpty()) {
        // Through the one date format (和暦 beside it in Japanese); unreadable text is shown as written.
        const DateTime born = DateTime::parse(birth);
        const QString shown = born.precision == DateTime::Precision::Day ? DateFormat::birthDate(born.value.date())
                              : born.isValid()                           ? born.displayText()
                                                                         : birth;
        detail << ClinicalDocumentReader::tr("born %1").arg(shown);
    }
    const QString gender = str(patient, "gender");
    if (gender == u"male")
        detail << ClinicalDocumentReader::tr("male");
    else if (gender == u"female")
        detail << ClinicalDocumentReader::tr("female");
    doc.patientDetail = detail.join(QStringLiteral(", "));
}

DocumentLoadResult readComposition(const QJsonObject &composition, const LocalResources &resources)
{
    DocumentLoadResult result;
    result.status = DocumentLoadResult::Status::Ok;
    ClinicalDocument &doc = result.document;
    const QJsonValue type = composition.value(QLatin1String("type"));
    doc.typeCode = firstCode(type, System::DocTypeCodes);
    const QList<Coding> typeCodes = codings(type);
    if (doc.typeCode.isEmpty() && !typeCodes.isEmpty())
        doc.typeCode = typeCodes.first().code;
    doc.typeDisplay = codeableText(type);
    doc.title = str(composition, "title");
    doc.status = str(composition, "status");
    doc.date = DateTime::parse(str(composition, "date"));
    for (const QJsonValue &a : arr(composition, "author")) {
        const QString name = nameOf(resources.resolve(a), a);
        if (!name.isEmpty() && !doc.authors.contains(name))
            doc.authors << name;
    }
    const QJsonValue custodian = composition.value(QLatin1String("custodian"));
    doc.custodian = nameOf(resources.resolve(custodian), custodian);
    readSubject(composition, resources, doc);
    SectionReader sections{resources};
    doc.sections = sections.read(arr(composition, "section"), 0);
    return result;
}

DocumentLoadResult readReport(const QJsonObject &report, const LocalResources &resources)
{
    DocumentLoadResult result;
    result.status = DocumentLoadResult::Status::Ok;
    ClinicalDocument &doc = result.document;
    const QJsonValue code = report.value(QLatin1String("code"));
    doc.typeDisplay = ClinicalDocumentReader::tr("Report");
    doc.title = codeableText(code);
    doc.status = str(report, "status");
    doc.date = DateTime::parse(str(report, "effectiveDateTime"));
    if (!doc.date.isValid())
        doc.date = DateTime::parse(str(report, "issued"));
    for (const QJsonValue &p : arr(report, "performer")) {
        const QString name = nameOf(resources.resolve(p), p);
        if (!name.isEmpty() && !doc.authors.contains(name))
            doc.authors << name;
    }
    readSubject(report, resources, doc);
    doc.narrative = str(report.value(QLatin1String("text")).toObject(), "div");
    const QString conclusion = str(report, "conclusion");
    if (!conclusion.isEmpty()) {
        DocumentSection s;
        s.title = ClinicalDocumentReader::tr("Conclusion");
        s.narrative = QStringLiteral("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>") + conclusion.toHtmlEscaped() + QStringLiteral("</p></div>");
        doc.sections << s;
    }
    const QJsonArray results = arr(report, "result");
    if (!results.isEmpty()) {
        DocumentSection s;
        s.title = ClinicalDocumentReader::tr("Results");
        for (const QJsonValue &r : results)
            s.entries << entrySummary(resources.resolve(r), r);
        doc.sections << s;
    }
    return result;
}

DocumentLoadResult failure(DocumentLoadResult::Status status, const QString &message)
{
    DocumentLoadResult r;
    r.status = status;
    r.message = message;
    return r;
}

void addReferenced(const QJsonValue &reference, const QJsonObject &context, const ResourceIndex &index, QJsonArray &entries, QSet<QString> &seen)
{
    const QString ref = referenceOf(reference);
    if (ref.isEmpty() || seen.contains(ref) || seen.size() > kMaxReferences)
        return;
    seen.insert(ref);
    const QJsonObject resolved = index.resolve(ref, context);
    if (!resolved.isEmpty())
        entries.append(QJsonObject{{QStringLiteral("fullUrl"), ref}, {QStringLiteral("resource"), resolved}});
}

void addSectionEntries(const QJsonArray &sections, const QJsonObject &context, const ResourceIndex &index, QJsonArray &entries, QSet<QString> &seen, int depth)
{
    if (depth >= kMaxSectionDepth)
        return;
    for (const QJsonValue &s : sections) {
        const QJsonObject section = s.toObject();
        for (const QJsonValue &e : arr(section, "entry"))
            addReferenced(e, context, index, entries, seen);
        addSectionEntries(arr(section, "section"), context, index, entries, seen, depth + 1);
    }
}

} // namespace

QJsonObject ClinicalDocumentReader::sourceBundle(const QJsonObject &resource, const ResourceIndex &index)
{
    const QString type = str(resource, "resourceType");
    QJsonArray entries{QJsonObject{{QStringLiteral("resource"), resource}}};
    QSet<QString> seen;
    if (type == u"DocumentReference") {
        for (const QJsonValue &c : arr(resource, "content"))
            addReferenced(QJsonObject{{QStringLiteral("reference"), str(c.toObject().value(QLatin1String("attachment")).toObject(), "url")}},
                          resource, index, entries, seen);
    } else if (type == u"Composition") {
        addReferenced(resource.value(QLatin1String("subject")), resource, index, entries, seen);
        addReferenced(resource.value(QLatin1String("custodian")), resource, index, entries, seen);
        for (const QJsonValue &a : arr(resource, "author"))
            addReferenced(a, resource, index, entries, seen);
        addSectionEntries(arr(resource, "section"), resource, index, entries, seen, 0);
    } else if (type == u"DiagnosticReport") {
        addReferenced(resource.value(QLatin1String("subject")), resource, index, entries, seen);
        for (const QJsonValue &p : arr(resource, "performer"))
            addReferenced(p, resource, index, entries, seen);
        for (const QJsonValue &r : arr(resource, "result"))
            addReferenced(r, resource, index, entries, seen);
    } else {
        return {};
    }
    return QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                       {QStringLiteral("type"), QStringLiteral("collection")},
                       {QStringLiteral("entry"), entries}};
}

DocumentLoadResult ClinicalDocumentReader::fromBundle(const QJsonObject &bundle)
{
    if (str(bundle, "resourceType") != u"Bundle")
        return failure(DocumentLoadResult::Status::Malformed, tr("The content is a %1, not a FHIR document Bundle.").arg(str(bundle, "resourceType")));
    const QJsonValue entry = bundle.value(QLatin1String("entry"));
    if (!entry.isArray() || entry.toArray().isEmpty())
        return failure(DocumentLoadResult::Status::Malformed, tr("The document Bundle has no entries."));
    QJsonObject composition;
    for (const QJsonValue &e : entry.toArray()) {
        const QJsonObject resource = e.toObject().value(QLatin1String("resource")).toObject();
        if (str(resource, "resourceType") == u"Composition") {
            composition = resource;
            break;
        }
    }
    if (composition.isEmpty())
        return failure(DocumentLoadResult::Status::Malformed, tr("The document Bundle has no Composition, so it cannot be read as a document."));
    return readComposition(composition, LocalResources(bundle));
}

DocumentLoadResult ClinicalDocumentReader::fromBytes(const QByteArray &bytes, const QString &contentType)
{
    const QString ct = contentType.toLower();
    const QByteArray head = bytes.left(512).trimmed();
    DocumentLoadResult result;
    result.contentType = contentType;
    if (ct.contains(u"pdf") || head.startsWith("%PDF")) {
        result.status = DocumentLoadResult::Status::Unsupported;
        result.content = bytes;
        result.message = tr("This document is a PDF file; PDF documents cannot be shown in the viewer yet.");
        return result;
    }
    if (ct.contains(u"xml") || head.startsWith('<')) {
        result.status = DocumentLoadResult::Status::Unsupported;
        result.content = bytes;
        result.message = bytes.contains("ClinicalDocument")
                             ? tr("This document is an HL7 CDA R2 document (an older referral format); CDA documents cannot be shown in the viewer yet.")
                             : tr("This document is XML (%1), which the viewer cannot show yet.").arg(contentType.isEmpty() ? QStringLiteral("?") : contentType);
        return result;
    }
    if (!ct.isEmpty() && !ct.contains(u"json")) {
        result.status = DocumentLoadResult::Status::Unsupported;
        result.message = tr("Documents of type %1 cannot be shown in the viewer yet.").arg(contentType);
        return result;
    }
    QJsonParseError err{};
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError)
        return failure(DocumentLoadResult::Status::Malformed, tr("The document is not valid JSON (%1 at byte %2).").arg(err.errorString()).arg(err.offset));
    if (!json.isObject())
        return failure(DocumentLoadResult::Status::Malformed, tr("The document is not a FHIR resource."));
    const QJsonObject object = json.object();
    if (str(object, "resourceType") == u"Composition")
        return readComposition(object, LocalResources(QJsonObject()));
    return fromBundle(object);
}

DocumentLoadResult ClinicalDocumentReader::load(const PatientRecord &record, const QString &itemKey)
{
    const auto item = std::find_if(record.items.cbegin(), record.items.cend(), [&](const ClinicalItem &i) { return i.key == itemKey; });
    if (item == record.items.cend() || item->category != ItemCategory::Document)
        return failure(DocumentLoadResult::Status::NotADocument, tr("%1 is not a document of this record.").arg(itemKey));
    const QJsonObject source = QJsonDocument::fromJson(record.documentSources.value(itemKey)).object();
    const QJsonObject resource = arr(source, "entry").at(0).toObject().value(QLatin1String("resource")).toObject();
    if (resource.isEmpty())
        return failure(DocumentLoadResult::Status::NotFound, tr("The content of this document was not kept with the record."));
    const LocalResources resources(source);
    const QString type = str(resource, "resourceType");
    if (type == u"Composition")
        return readComposition(resource, resources);
    if (type == u"DiagnosticReport")
        return readReport(resource, resources);

    // DocumentReference: the first attachment whose content is here.
    QString firstUrl;
    QString firstType;
    for (const QJsonValue &c : arr(resource, "content")) {
        const QJsonObject attachment = c.toObject().value(QLatin1String("attachment")).toObject();
        QString contentType = str(attachment, "contentType");
        const QString url = str(attachment, "url");
        if (firstType.isEmpty())
            firstType = contentType;
        QByteArray bytes;
        if (attachment.contains(QLatin1String("data"))) {
            bytes = QByteArray::fromBase64(str(attachment, "data").toLatin1());
        } else if (!url.isEmpty()) {
            const QJsonObject target = resources.resolve(QJsonObject{{QStringLiteral("reference"), url}});
            if (target.isEmpty()) {
                if (firstUrl.isEmpty())
                    firstUrl = url;
                continue;
            }
            if (str(target, "resourceType") == u"Bundle") {
                DocumentLoadResult r = fromBundle(target);
                r.contentType = contentType;
                return r;
            }
            if (str(target, "resourceType") != u"Binary")
                return failure(DocumentLoadResult::Status::Malformed, tr("The document points at a %1, not at its content.").arg(str(target, "resourceType")));
            if (contentType.isEmpty())
                contentType = str(target, "contentType");
            bytes = QByteArray::fromBase64(str(target, "data").toLatin1());
        } else {
            continue;
        }
        if (bytes.isEmpty())
            return failure(DocumentLoadResult::Status::Malformed, tr("The document's content is empty."));
        return fromBytes(bytes, contentType);
    }
    DocumentLoadResult r = failure(DocumentLoadResult::Status::NotFound,
                                   firstUrl.isEmpty() ? tr("The document has no content to show.")
                                                      : tr("The document's content (%1) was not delivered with the record.").arg(firstUrl));
    r.url = firstUrl;
    r.contentType = firstType;
    return r;
}

QStringList ClinicalDocumentReader::openableKeys(const PatientRecord &record)
{
    QStringList documents;
    QStringList reports;
    for (const ClinicalItem &item : record.items) {
        if (item.category != ItemCategory::Document || !record.documentSources.contains(item.key))
            continue;
        (item.resourceType == u"DiagnosticReport" ? reports : documents) << item.key;
    }
    return documents + reports;
}

} // namespace Kakehashi
