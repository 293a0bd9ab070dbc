#include "clinicaldocument.h"

#include "cdadocument.h"
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
    QList<DocumentAttachment> attachments;

    // A DocumentReference or Binary entry: kept as an attachment, listed as one line.
    QString readAttachment(const QJsonObject &target, const QString &sectionTitle)
    {
        DocumentAttachment a;
        a.sectionTitle = sectionTitle;
        if (str(target, "resourceType") == u"Binary") {
            a.contentType = str(target, "contentType");
            a.content = QByteArray::fromBase64(str(target, "data").toLatin1());
        } else {
            const QJsonObject attachment = arr(target, "content").at(0).toObject().value(QLatin1String("attachment")).toObject();
            a.contentType = str(attachment, "contentType");
            a.title = str(attachment, "title");
            if (a.title.isEmpty())
                a.title = str(target, "description");
            a.url = str(attachment, "url");
            if (attachment.contains(QLatin1String("data"))) {
                a.content = QByteArray::fromBase64(str(attachment, "data").toLatin1());
            } else if (!a.url.isEmpty()) {
                // Only within this Bundle; a URL outside it is named, never fetched.
                const QJsonObject binary = resources.resolve(QJsonObject{{QStringLiteral("reference"), a.url}});
                if (str(binary, "resourceType") == u"Binary") {
                    a.content = QByteArray::fromBase64(str(binary, "data").toLatin1());
                    if (a.contentType.isEmpty())
                        a.contentType = str(binary, "contentType");
                }
            }
            const QString description = str(target, "description");
            if (!description.isEmpty() && description != a.title)
                a.title = a.title.isEmpty() ? description : description + QStringLiteral(" (") + a.title + u')';
        }
        if (a.title.isEmpty())
            a.title = ClinicalDocumentReader::tr("Attachment %1").arg(attachments.size() + 1);
        const QString type = a.contentType.isEmpty() ? ClinicalDocumentReader::tr("type not stated") : a.contentType;
        QString line;
        if (a.available())
            line = ClinicalDocumentReader::tr("Attachment: %1 (%2) — open it with “Attachments” above the document").arg(a.title, type);
        else if (a.url.startsWith(u"http", Qt::CaseInsensitive))
            line = ClinicalDocumentReader::tr("Attachment: %1 (%2) — on another server (%3); not fetched").arg(a.title, type, a.url);
        else
            line = ClinicalDocumentReader::tr("Attachment: %1 (%2) — its content was not delivered with the document").arg(a.title, type);
        attachments << a;
        return line;
    }

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
            for (const QJsonValue &e : arr(section, "entry")) {
                const QJsonObject target = resources.resolve(e);
                const QString targetType = str(target, "resourceType");
                if (targetType == u"DocumentReference" || targetType == u"Binary") {
                    ds.entries << readAttachment(target, ds.title);
                    continue;
                }
                ds.entries << entrySummary(target, e);
            }
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
    SectionReader sections{resources, 0, {}};
    doc.sections = sections.read(arr(composition, "section"), 0);
    doc.attachments = sections.attachments;
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
        // Who wrote it: the header of a PDF, image or text attachment (which has none of its own).
        for (const QJsonValue &a : arr(resource, "author"))
            addReferenced(a, resource, index, entries, seen);
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

QString documentFormatKey(DocumentFormat format)
{
    switch (format) {
    case DocumentFormat::FhirDocument: return QStringLiteral("fhir-document");
    case DocumentFormat::Pdf: return QStringLiteral("pdf");
    case DocumentFormat::Cda: return QStringLiteral("cda");
    case DocumentFormat::Image: return QStringLiteral("image");
    case DocumentFormat::Text: return QStringLiteral("text");
    case DocumentFormat::Dicom: return QStringLiteral("dicom");
    case DocumentFormat::Unknown: break;
    }
    return QStringLiteral("unknown");
}

DocumentFormat sniffDocumentFormat(const QByteArray &bytes)
{
    if (bytes.size() >= 132 && bytes.mid(128, 4) == "DICM")
        return DocumentFormat::Dicom;
    // PDF readers accept the header anywhere in the first KiB.
    if (bytes.left(1024).contains("%PDF-"))
        return DocumentFormat::Pdf;
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return DocumentFormat::Image;
    if (bytes.startsWith("\xff\xd8\xff"))
        return DocumentFormat::Image;
    QByteArray head = bytes.left(4096);
    if (head.startsWith("\xef\xbb\xbf"))
        head = head.mid(3);
    head = head.trimmed();
    if (head.startsWith('<')) {
        if (head.contains("ClinicalDocument"))
            return DocumentFormat::Cda;
        return DocumentFormat::Unknown;
    }
    if (head.startsWith('{') || head.startsWith('['))
        return DocumentFormat::FhirDocument;
    if (bytes.isEmpty())
        return DocumentFormat::Unknown;
    // Text: no NUL and valid UTF-8 in what we looked at (cut at a character boundary).
    if (head.contains('\0'))
        return DocumentFormat::Unknown;
    QByteArray sample = bytes.left(4096);
    while (!sample.isEmpty() && (uchar(sample.back()) & 0xC0) == 0x80)
        sample.chop(1);
    if (!sample.isEmpty() && (uchar(sample.back()) & 0x80))
        sample.chop(1);
    return QString::fromUtf8(sample).contains(QChar::ReplacementCharacter) ? DocumentFormat::Unknown : DocumentFormat::Text;
}

DocumentFormat documentFormatOfContentType(const QString &contentType)
{
    const QString ct = contentType.section(u';', 0, 0).trimmed().toLower();
    if (ct.isEmpty())
        return DocumentFormat::Unknown;
    if (ct == u"application/pdf")
        return DocumentFormat::Pdf;
    if (ct == u"image/png" || ct == u"image/jpeg" || ct == u"image/jpg")
        return DocumentFormat::Image;
    if (ct == u"application/dicom")
        return DocumentFormat::Dicom;
    if (ct == u"text/plain")
        return DocumentFormat::Text;
    if (ct.contains(u"hl7-v3") || ct.contains(u"cda") || ct == u"application/xml" || ct == u"text/xml")
        return DocumentFormat::Cda;
    if (ct.contains(u"json"))
        return DocumentFormat::FhirDocument;
    return DocumentFormat::Unknown;
}

namespace {

QString formatName(DocumentFormat format)
{
    switch (format) {
    case DocumentFormat::FhirDocument: return ClinicalDocumentReader::tr("a FHIR document");
    case DocumentFormat::Pdf: return ClinicalDocumentReader::tr("a PDF file");
    case DocumentFormat::Cda: return ClinicalDocumentReader::tr("a CDA document (XML)");
    case DocumentFormat::Image: return ClinicalDocumentReader::tr("an image");
    case DocumentFormat::Text: return ClinicalDocumentReader::tr("plain text");
    case DocumentFormat::Dicom: return ClinicalDocumentReader::tr("a DICOM image");
    case DocumentFormat::Unknown: break;
    }
    return ClinicalDocumentReader::tr("content of an unknown kind");
}

} // namespace

DocumentLoadResult ClinicalDocumentReader::fromBytes(const QByteArray &bytes, const QString &contentType)
{
    const DocumentFormat declared = documentFormatOfContentType(contentType);
    const DocumentFormat actual = sniffDocumentFormat(bytes);
    DocumentLoadResult result;
    result.contentType = contentType;
    result.format = actual;
    if (bytes.isEmpty())
        return failure(DocumentLoadResult::Status::Malformed, tr("The document's content is empty."));
    // A declared type that the bytes contradict: shown as neither (the sender's system is wrong
    // about it, so nothing else it says about the content can be trusted either).
    if (declared != DocumentFormat::Unknown && actual != DocumentFormat::Unknown && declared != actual) {
        result.status = DocumentLoadResult::Status::Malformed;
        result.message = tr("The attachment is declared as %1 (%2), but its content is %3. It is not shown, because its type cannot be trusted.")
                             .arg(formatName(declared), contentType, formatName(actual));
        return result;
    }
    const DocumentFormat format = actual != DocumentFormat::Unknown ? actual : declared;
    result.format = format;
    switch (format) {
    case DocumentFormat::Pdf:
    case DocumentFormat::Image:
    case DocumentFormat::Text:
        // Checked and drawn by the view (QtPdf, QImageReader) from memory; never written to disk.
        result.status = DocumentLoadResult::Status::Ok;
        result.content = bytes;
        return result;
    case DocumentFormat::Cda: {
        DocumentLoadResult cda = CdaReader::read(bytes);
        cda.contentType = contentType;
        return cda;
    }
    case DocumentFormat::Dicom:
        // A key image: the main window opens it in the image view, from memory (DocumentView).
        result.status = DocumentLoadResult::Status::Ok;
        result.content = bytes;
        return result;
    case DocumentFormat::Unknown:
        if (actual == DocumentFormat::Unknown && declared == DocumentFormat::Unknown && !contentType.isEmpty() && !contentType.contains(u"json", Qt::CaseInsensitive)) {
            result.status = DocumentLoadResult::Status::Unsupported;
            result.message = tr("Documents of type %1 cannot be shown in the viewer.").arg(contentType);
            return result;
        }
        if (bytes.trimmed().startsWith('<')) {
            result.status = DocumentLoadResult::Status::Unsupported;
            result.content = bytes;
            result.message = tr("This document is XML (%1) but not a CDA document, so the viewer cannot show it.").arg(contentType.isEmpty() ? QStringLiteral("?") : contentType);
            return result;
        }
        break;
    case DocumentFormat::FhirDocument:
        break;
    }
    result.format = DocumentFormat::FhirDocument;
    QJsonParseError err{};
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError)
        return failure(DocumentLoadResult::Status::Malformed, tr("The document is not valid JSON (%1 at byte %2).").arg(err.errorString()).arg(err.offset));
    if (!json.isObject())
        return failure(DocumentLoadResult::Status::Malformed, tr("The document is not a FHIR resource."));
    const QJsonObject object = json.object();
    DocumentLoadResult r = str(object, "resourceType") == u"Composition" ? readComposition(object, LocalResources(QJsonObject())) : fromBundle(object);
    r.format = DocumentFormat::FhirDocument;
    return r;
}

DocumentLoadResult ClinicalDocumentReader::load(const PatientRecord &record, const QString &itemKey)
{
    const auto item = std::find_if(record.items.cbegin(), record.items.cend(), [&](const ClinicalItem &i) { return i.key == itemKey; });
    if (item == record.items.cend())
        return failure(DocumentLoadResult::Status::NotADocument, tr("%1 is not a document of this record.").arg(itemKey));
    return load(record, *item);
}

DocumentLoadResult ClinicalDocumentReader::load(const PatientRecord &record, const ClinicalItem &documentItem)
{
    const ClinicalItem *item = &documentItem;
    const QString &itemKey = item->key;
    if (item->category != ItemCategory::Document)
        return failure(DocumentLoadResult::Status::NotADocument, tr("%1 is not a document of this record.").arg(itemKey));
    DocumentLoadResult r = loadSource(record.documentSources.value(itemKey).object());
    // Every message names the document it is about.
    QStringList name{item->title};
    if (item->start.isValid())
        name << item->start.displayText();
    if (item->source.isKnown() && !item->source.name.isEmpty())
        name << item->source.name;
    name.removeAll(QString());
    r.name = name.join(QStringLiteral(", "));
    if (r.name.isEmpty())
        r.name = itemKey;
    if (!r.isOk() && !r.message.isEmpty())
        r.message = tr("%1: %2").arg(r.name, r.message);
    // A PDF, image or text attachment has no header of its own: the DocumentReference's is shown.
    if (r.isOk() && (r.format == DocumentFormat::Pdf || r.format == DocumentFormat::Image || r.format == DocumentFormat::Text
                     || r.format == DocumentFormat::Dicom)) {
        r.document.title = item->title;
        r.document.date = item->start;
        r.document.custodian = item->source.name;
        r.document.typeCode = item->documentTypeCode;
    }
    return r;
}

DocumentLoadResult ClinicalDocumentReader::loadSource(const QJsonObject &source)
{
    const QJsonObject resource = arr(source, "entry").at(0).toObject().value(QLatin1String("resource")).toObject();
    if (resource.isEmpty())
        return failure(DocumentLoadResult::Status::NotFound, tr("The content of this document was not kept with the record."));
    const LocalResources resources(source);
    const QString type = str(resource, "resourceType");
    if (type == u"Composition" || type == u"DiagnosticReport") {
        DocumentLoadResult r = type == u"Composition" ? readComposition(resource, resources) : readReport(resource, resources);
        r.format = DocumentFormat::FhirDocument;
        return r;
    }

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
                r.format = DocumentFormat::FhirDocument;
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
        DocumentLoadResult r = fromBytes(bytes, contentType);
        // A PDF, image or text has no header of its own: who wrote it is the DocumentReference's.
        if (r.isOk() && r.format != DocumentFormat::FhirDocument && r.format != DocumentFormat::Cda) {
            for (const QJsonValue &a : arr(resource, "author")) {
                const QString name = nameOf(resources.resolve(a), a);
                if (!name.isEmpty() && !r.document.authors.contains(name))
                    r.document.authors << name;
            }
        }
        return r;
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
