#pragma once

#include "record/clinicalrecord.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Kakehashi {

// The documents of a record as --summary lists them: one object per document item with `title`,
// `type` (document type code, else its name), `date` (the day in the display zone), `facility`
// (null when the source is unknown), `format` (fhir-document | pdf | cda | image | text | dicom |
// unknown), `renderable`, `pages` (PDF), `reason` (when not renderable) and `attachments` (files a
// FHIR document carries, each with title, format, renderable, pages, reason). Each document is
// actually opened the way the viewer opens it (QtPdf for PDFs), so `renderable` is what a user gets.
QJsonArray documentSummaryJson(const PatientRecord &record);
// Adds `documents` to each patient of a recordSummaryJson() object (same order as |set|).
void addDocumentSummaries(QJsonObject &summary, const RecordSet &set);

} // namespace Kakehashi
