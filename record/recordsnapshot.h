#pragma once

#include "clinicalrecord.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDataStream>
#include <QDateTime>

#include <optional>

namespace Kakehashi {

namespace Fhir {
QDataStream &operator<<(QDataStream &out, const Coding &coding);
QDataStream &operator>>(QDataStream &in, Coding &coding);
QDataStream &operator<<(QDataStream &out, const DateTime &dateTime);
QDataStream &operator>>(QDataStream &in, DateTime &dateTime);
} // namespace Fhir

// The snapshot's binary form of the model structs. Meaningful only inside a stream set up by
// RecordSnapshot (its QDataStream version and byte order); a read that fails sets the stream's status.
QDataStream &operator<<(QDataStream &out, const SourceFacility &source);
QDataStream &operator>>(QDataStream &in, SourceFacility &source);
QDataStream &operator<<(QDataStream &out, const LabValue &lab);
QDataStream &operator>>(QDataStream &in, LabValue &lab);
QDataStream &operator<<(QDataStream &out, const ClinicalItem &item);
QDataStream &operator>>(QDataStream &in, ClinicalItem &item);
QDataStream &operator<<(QDataStream &out, const PatientIdentifier &identifier);
QDataStream &operator>>(QDataStream &in, PatientIdentifier &identifier);
QDataStream &operator<<(QDataStream &out, const PatientInfo &patient);
QDataStream &operator>>(QDataStream &in, PatientInfo &patient);
QDataStream &operator<<(QDataStream &out, const PatientRecord &record);
QDataStream &operator>>(QDataStream &in, PatientRecord &record);
QDataStream &operator<<(QDataStream &out, const RecordSet &set);
QDataStream &operator>>(QDataStream &in, RecordSet &set);

// An assembled record as the cache keeps it beside its resources, so that a warm open reads one
// blob instead of parsing and assembling ten thousand resources. The binary form is versioned:
// a snapshot of another FormatVersion is never read (the caller assembles from the resources
// again and writes a new one). Bump FormatVersion whenever a field of the model structs, or what
// RecordAssembler makes of the same resources, changes.
struct RecordSnapshot
{
    // 2: a medication's end is its computed last day of use (MedicationPeriod), and `active` is no
    //    longer stored for medications (current-ness is decided at view time).
    // 3: withheld counts by type and categories not disclosed for the role are kept (ClinicalStatus).
    // 4: facilities carry their 医療機関コード and why a reference could not be resolved; identity notes.
    // 5: check-up results read from CDA attachments are items of the record.
    // 6: records read from DICOM files alone are marked imagesOnly.
    // 7: results of FHIR check-up reports are items too; results read from documents name their
    //    document (ClinicalItem::sourceDocument) and repeats of a shared result are dropped.
    static constexpr quint32 FormatVersion = 7;

    RecordSet set;
    QDateTime newestFetch; // when the newest resource it was assembled from was fetched
    int resourceRows = 0;  // how many cached resources it was assembled from

    QByteArray serialize() const;
    // Empty when |bytes| is not a complete snapshot of FormatVersion (truncated, other version, junk).
    static std::optional<RecordSnapshot> deserialize(QByteArrayView bytes);
};

} // namespace Kakehashi
