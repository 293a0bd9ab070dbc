// FHIR JSON from a sharing service or a file → the assembled record, and every view's reading of
// it: the summary JSON (--summary), the emergency summary, duplicate therapy, and each document
// (its Bundle and narrative through the sanitiser).
#include "fuzzcommon.h"

#include "record/clinicaldocument.h"
#include "record/emergencysummary.h"
#include "record/medicationsafety.h"
#include "record/recordassembler.h"
#include "record/recordsnapshot.h"
#include "record/recordsummary.h"

#include <QBuffer>
#include <QJsonDocument>

using namespace Kakehashi;

KAKEHASHI_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    RecordAssembler assembler;
    assembler.setParallel(false);
    assembler.addJson(json, QStringLiteral("fuzz.json"));
    const RecordSet set = assembler.finish();
    (void)QJsonDocument(recordSummaryJson(set)).toJson();
    const QDateTime asOf = QDateTime::fromSecsSinceEpoch(1767225600, Qt::UTC); // 2026-01-01
    for (const PatientRecord &record : set.patients) {
        const EmergencySummary summary = EmergencySummary::build(record, asOf);
        (void)summary.isEmpty();
        (void)MedicationSafety::duplicateTherapy(record, asOf);
        for (const QString &key : ClinicalDocumentReader::openableKeys(record))
            (void)ClinicalDocumentReader::load(record, key);
    }
    // The snapshot the cache keeps must read back what was written.
    const QByteArray snapshot = RecordSnapshot{set, QDateTime(), 0}.serialize();
    const std::optional<RecordSnapshot> back = RecordSnapshot::deserialize(snapshot);
    if (!back || back->set.patients.size() != set.patients.size())
        __builtin_trap();
    // And the input read as a snapshot's body (after a valid magic and version) is refused or read,
    // never a crash or a huge allocation.
    QByteArray body = snapshot.left(8);
    body.append(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)RecordSnapshot::deserialize(body);
    // The document reader on the raw bytes, as a Binary's content would reach it.
    (void)ClinicalDocumentReader::fromBytes(json, QStringLiteral("application/fhir+json"));
    return 0;
}
