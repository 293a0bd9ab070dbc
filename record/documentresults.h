#pragma once

#include "clinicalrecord.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Kakehashi {

// Structured results that arrive inside documents join the record's lab results: the observations
// of a 特定健診 CDA (hc08; JLAC10-coded laboratory items, body measurements and blood pressure as
// vitals) and the Observations of a FHIR check-up report (eCheckup 健診結果報告書, 53576-5). One rule
// for every view — lab list, trend chart, timeline, emergency summary's key labs, --summary — because
// they all read the items the record is assembled with:
//  - each result names its document (ClinicalItem::sourceDocument, and a mark in its details), and
//    carries the document's facility when the result does not name its own;
//  - units and reference ranges are kept as written; a result without a value (a CDA nullFlavor, a
//    FHIR dataAbsentReason, no value at all) is not made a result: it stays in the document only,
//    never a number, never a blank that could hide an earlier value;
//  - the same result also delivered as a shared Observation (same analyte, same time, same value)
//    is shown once: the shared Observation stays and says it is also in the document.
class DocumentResults
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::DocumentResults)
public:
    // The results carried by a document item (a DocumentReference whose content is a CDA document or
    // a FHIR check-up report Bundle), from its kept source (ClinicalDocumentReader::sourceBundle).
    // Empty for other documents, unreadable content, or documents without structured results.
    static QList<ClinicalItem> read(const QJsonObject &documentSource, const ClinicalItem &document);

    // Drops results read from documents that repeat another result of |items| — a shared Observation
    // or an earlier document's — and notes the document on the one that stays. Call once per
    // patient, after every item is in.
    static void removeRepeats(QList<ClinicalItem> &items);

    // Whether two results are the same measurement: same analyte key, same time (the same day when
    // either is a date only; the same minute otherwise), same value (numbers equal in compatible
    // units, or the same text when neither is a number).
    static bool sameResult(const ClinicalItem &a, const ClinicalItem &b);

    static bool isFromDocument(const ClinicalItem &item) { return !item.sourceDocument.isEmpty(); }
    // The key of the document item a result was read from; empty for the record's own resources.
    static QString documentKeyOf(const ClinicalItem &item);
    // The mark every view shows beside such a result: "from the document “…”".
    static QString mark(const ClinicalItem &item) { return markFor(item.sourceDocument); }
    static QString markFor(const QString &documentName);
};

} // namespace Kakehashi
