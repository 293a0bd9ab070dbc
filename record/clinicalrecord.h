#pragma once

#include "fhirjson.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Kakehashi {

// The lanes a clinician reads a record in. Order is display order.
enum class ItemCategory {
    Allergy,
    Problem,
    Medication,
    Lab,
    Vital,
    Procedure,
    Encounter,
    Document,
    Imaging,
    Immunization,
    Other,
};
inline constexpr int ItemCategoryCount = int(ItemCategory::Other) + 1;

class CategoryNames
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::CategoryNames)
public:
    // Stable English key used in --summary, --view and settings.
    static QString key(ItemCategory category);
    static std::optional<ItemCategory> fromKey(QStringView key);
    // Translated name for the UI.
    static QString displayName(ItemCategory category);
};

// Where an item came from, and how we know it.
struct SourceFacility
{
    enum class Basis { Unknown, Resource, InstitutionNumber, MetaSource, Provenance };
    QString key;  // "institution:<医療機関コード>" when the code is known (the same hospital from any server
                  // is one facility), else "Organization/<id>" or meta.source as written
    QString name; // display name: never empty when known, never a raw id
    Basis basis = Basis::Unknown;
    QString code = {}; // 10-digit 医療機関コード (insurance-medical-institution-no), when known
    // Set when the item names its facility by a reference that could not be resolved: why (shown in the
    // details). The name is then "facility unknown (reference could not be resolved)", never the id.
    QString unresolvedReason = {};

    bool isKnown() const { return basis != Basis::Unknown; }
};

struct LabValue
{
    std::optional<double> value;
    QString text;        // value as shown (number with comparator, string, coded)
    QString unit;
    std::optional<double> low;
    std::optional<double> high;
    QString rangeText;   // reference range as shown
    QString flag;        // "H", "L", "HH", "LL", "A", "N" or empty
    QString analyteKey;  // JLAC10/JLAC11 code that groups the same analyte across facilities
};

struct ClinicalItem
{
    ItemCategory category = ItemCategory::Other;
    QString resourceType;
    QString key;          // "Type/id"
    QString title;
    QString detail;
    QString status;       // FHIR status / clinicalStatus code
    // Current problem / allergy / encounter in progress, from its status. Never set and never read
    // for medications: whether a medication is current depends on the reference time, so every view
    // asks MedicationPeriod::stateAt(item, asOf).
    bool active = false;
    Fhir::DateTime start;
    Fhir::DateTime end;   // periods only; for a medication the last day of use (MedicationPeriod), invalid when unknown
    QList<Fhir::Coding> codes;
    SourceFacility source;
    bool uninformed = false; // JP-CLINS UNINFORMED: not yet told to the patient
    bool redacted = false;   // meta.security REDACTED
    LabValue lab;            // Lab and Vital only
    QString encounterClass;  // Encounter only: AMB, IMP, EMER, HH …
    QString documentTypeCode;// Document only
    QString subtype;         // e.g. MedicationDispense vs MedicationRequest, modality for imaging
    QString criticality;     // AllergyIntolerance only: "high", "low", "unable-to-assess" or empty
    // ImagingStudy only: where its images are (the first Endpoint with a DICOMweb connection type).
    QString imagingEndpointType;    // Endpoint.connectionType.code, e.g. "dicom-wado-rs"
    QString imagingEndpointAddress; // Endpoint.address, the DICOMweb base URL
    // Lab/Vital results read from inside a document (a 特定健診 CDA, a FHIR check-up report): the
    // document as named on screen; empty for the record's own resources. See DocumentResults.
    QString sourceDocument;

    bool isPeriod() const { return end.isValid() && start.isValid() && end.msecs() > start.msecs(); }
    // ImagingStudy only: its DICOM Study Instance UID (the urn:dicom:uid code); empty otherwise.
    QString imagingStudyUid() const;
};

struct PatientIdentifier
{
    QString system;
    QString value;
};

struct PatientInfo
{
    QString key;        // "Patient/<id>" of the primary resource
    QString id;
    QString kanjiName;
    QString kanaName;
    QString otherName;  // a name with no stated representation (e.g. romaji)
    QString gender;     // FHIR administrative gender code
    QDate birthDate;
    QList<PatientIdentifier> identifiers;
    QStringList linkedKeys;   // other Patient resources shown as this person (Patient.link)
    QStringList sourceNames;  // facilities that hold a record of this person
    // Why several Patient resources are shown as this one person when it is not a Patient.link (e.g. the
    // same identifier in several bundles): one visible line each, also in the load's warnings.
    QStringList identityNotes = {};
    bool placeholder = false; // referenced but not delivered

    QString displayName() const;
    int ageAt(const QDate &day) const;
};

// What showing a document item needs later (ClinicalDocumentReader::sourceBundle). Kept as the
// assembler built it (a parsed object: neither serialised nor parsed again unless asked for), or as
// compressed JSON (zlib) when it came from the cache's snapshot: a record with hundreds of lab reports
// carries megabytes of them, and a warm open should neither read nor inflate what it may never show.
// json() and object() give it either way; copies share it, and several threads may read one.
class DocumentSource
{
public:
    DocumentSource() = default;
    static DocumentSource fromObject(QJsonObject bundle);
    static DocumentSource fromJson(QByteArray json);
    // |zlib| as qCompress() writes it; refused (empty json()) if it does not inflate.
    static DocumentSource fromCompressed(QByteArray zlib);

    bool isEmpty() const { return m_bytes.isEmpty() && m_object.isEmpty(); }
    QByteArray json() const;       // compact JSON
    QJsonObject object() const;    // empty when the kept bytes are not a JSON object
    QByteArray compressed() const; // as the snapshot keeps it

    bool operator==(const DocumentSource &other) const { return json() == other.json(); }

private:
    QJsonObject m_object; // fromObject
    QByteArray m_bytes;   // fromJson, fromCompressed
    bool m_compressed = false;
};

struct PatientRecord
{
    PatientInfo patient;
    QList<ClinicalItem> items;
    int withheldCount = 0;    // items the patient's disclosure settings withheld (outcome entries, REDACTED)
    // The outcome-entry part of withheldCount by the resource type that was searched ("AllergyIntolerance"…);
    // the key "" holds counts that cannot be attributed to a type ($everything, a file without a search link).
    QHash<QString, int> withheldByType;
    // Categories the signed-in role may not see (RolePolicy::apply): their absence proves nothing.
    QList<ItemCategory> notDisclosedForRole;
    int undeliveredCount = 0; // UNDELIVERED items dropped before display
    bool incomplete = false;  // the record is known to be partial
    QStringList incompleteReasons;
    // No health record was loaded for this person at all, only DICOM images (a CD, a folder):
    // allergies, medications, problems … are unknown, never "none". Local opens only; not cached.
    bool imagesOnly = false;
    // Document items only, by item key: what is needed to show the document later (see
    // ClinicalDocumentReader::sourceBundle). Parsed only when a document is opened, so a warm open
    // of a record with thousands of reports does not parse them all.
    QHash<QString, DocumentSource> documentSources;

    int count(ItemCategory category) const;
};

// What one load produced: patients, and what went wrong in readable words.
struct RecordSet
{
    QList<PatientRecord> patients;
    QStringList warnings;
    QStringList errors;
    int resourceCount = 0;

    const PatientRecord *find(QStringView patientId) const;
};

} // namespace Kakehashi
