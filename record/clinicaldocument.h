#pragma once

#include "clinicalrecord.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Kakehashi {

class ResourceIndex;

// One section of a clinical document: its heading, the narrative as delivered (XHTML, not yet
// sanitized) and one readable line per entry it lists.
struct DocumentSection
{
    QString code;        // JP-CLINS document-section code (e.g. "950" 紹介目的)
    QString codeDisplay;
    QString title;
    QString narrative;   // Composition.section.text.div as delivered
    QString emptyReason; // why the section is empty, when it says so
    QStringList entries;
    QList<DocumentSection> sections;
};

// A file a document carries (JP-CLINS section 200 CDA, 210 attachments, 230 PDF; or a
// DocumentReference/Binary entry elsewhere): its content when it came in the same Bundle, else the
// URL it names — which is never fetched from outside the record.
struct DocumentAttachment
{
    QString title;
    QString contentType;
    QString sectionTitle;
    QString url;          // as written, when the content is referenced
    QByteArray content;   // empty when not delivered
    bool available() const { return !content.isEmpty(); }
};

// A clinical document read from a FHIR document Bundle (JP-CLINS referral letter 57133-1,
// discharge summary 18842-5, check-up report 53576-5, patient summary 56447-6) or a
// DiagnosticReport, ready to be shown.
struct ClinicalDocument
{
    QString typeCode;
    QString typeDisplay;
    QString title;
    QString status;
    Fhir::DateTime date;
    QStringList authors;   // people and organisations, as shown
    QString custodian;     // the facility that holds the document
    QString patientName;
    QString patientDetail; // birth date, gender, identifier as shown
    QString narrative;     // the resource's own text.div (DiagnosticReport), unsanitized
    QList<DocumentSection> sections;
    QList<DocumentAttachment> attachments; // in section order
};

// What a document's content is, by its bytes (never only by its declared type).
enum class DocumentFormat {
    Unknown,
    FhirDocument, // a FHIR document Bundle, Composition or DiagnosticReport
    Pdf,
    Cda,          // HL7 CDA R2 XML (MHLW 特定健診 hc08, HS008-style referrals, discharge summaries)
    Image,        // PNG or JPEG
    Text,         // plain text
    Dicom,
};

// The --summary / JSON name of a format: fhir-document, pdf, cda, image, text, dicom, unknown.
QString documentFormatKey(DocumentFormat format);
// What the bytes are: magic numbers first (%PDF, PNG, JPEG, DICM), then XML with a ClinicalDocument
// root, then JSON; Unknown when none fits.
DocumentFormat sniffDocumentFormat(const QByteArray &bytes);
// What a MIME type claims (application/pdf, image/png, application/hl7-v3+xml, text/plain, ...).
DocumentFormat documentFormatOfContentType(const QString &contentType);

// What opening a document item produced. Errors are values; the view turns them into words.
struct DocumentLoadResult
{
    enum class Status {
        Ok,
        NotADocument,  // the key is not a document item of this record
        NotFound,      // the content is not in the record (an attachment URL, a Binary that was not delivered)
        Unsupported,   // CDA R2, PDF, or another content type the viewer cannot render yet
        Malformed,     // the content is there but is not a readable FHIR document
    };
    Status status = Status::NotADocument;
    QString message;       // readable reason when not Ok
    QString contentType;   // the attachment's content type, when known
    QString url;           // the attachment URL, when the content must be fetched
    QByteArray content;    // raw content: the PDF, image or text to show (Ok), or what could not be shown
    DocumentFormat format = DocumentFormat::Unknown; // what the content is (by its bytes)
    QString name;          // the document as named in messages: its title or type, and its date
    ClinicalDocument document; // FHIR and CDA documents; for PDF/image/text only the header fields

    bool isOk() const { return status == Status::Ok; }
};

class ClinicalDocumentReader
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::ClinicalDocumentReader)
public:
    // The document behind a document item of |record|: DocumentReference → Binary / attachment.data
    // → FHIR document Bundle; Composition (a document Bundle opened locally); DiagnosticReport.
    static DocumentLoadResult load(const PatientRecord &record, const QString &itemKey);
    // The same for an item of |record| already at hand (no search through the items). Safe to call
    // from several threads at once on the same record.
    static DocumentLoadResult load(const PatientRecord &record, const ClinicalItem &item);
    // The same from a kept source Bundle (PatientRecord::documentSources), without naming the item.
    static DocumentLoadResult loadSource(const QJsonObject &source);
    // A FHIR document Bundle (or a Composition-first collection), as JSON bytes or parsed.
    static DocumentLoadResult fromBytes(const QByteArray &bytes, const QString &contentType);
    static DocumentLoadResult fromBundle(const QJsonObject &bundle);

    // What a document item needs to be shown later, kept while the record is assembled: a small
    // Bundle with the item's resource first and the resources it refers to (the Binary of a
    // DocumentReference, the author/subject/entries of a Composition, the results of a report),
    // each with fullUrl = the reference as written. Empty for a non-document resource.
    static QJsonObject sourceBundle(const QJsonObject &resource, const ResourceIndex &index);

    // The document items of a record worth opening first: FHIR documents (referral, discharge
    // summary, check-up) before reports, newest first. Keys only.
    static QStringList openableKeys(const PatientRecord &record);
};

} // namespace Kakehashi
