#pragma once

#include "clinicalrecord.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>

#include <optional>

namespace Kakehashi {

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
    // 8: a binary form of its own instead of QDataStream: every string is stored once (the record read
    //    back shares one QString per distinct string), instants as milliseconds since the epoch.
    static constexpr quint32 FormatVersion = 8;

    RecordSet set;
    QDateTime newestFetch; // when the newest resource it was assembled from was fetched
    int resourceRows = 0;  // how many cached resources it was assembled from

    QByteArray serialize() const;
    // Empty when |bytes| is not a complete snapshot of FormatVersion (truncated, other version, junk).
    static std::optional<RecordSnapshot> deserialize(QByteArrayView bytes);
};

} // namespace Kakehashi
