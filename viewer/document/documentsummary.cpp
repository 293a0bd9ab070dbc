#include "documentsummary.h"

#include "record/clinicaldocument.h"
#include "common/parallelmap.h"
#include "dicom/dicomseries.h"
#include "pdfdocumentpane.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImageReader>

namespace Kakehashi {

namespace {

// Whether the viewer can show |result| as it would (PDFs and images are checked for real).
void describe(const DocumentLoadResult &result, QJsonObject &out)
{
    out.insert(QStringLiteral("format"), documentFormatKey(result.format));
    bool renderable = result.isOk();
    QString reason = result.isOk() ? QString() : result.message;
    if (result.isOk() && result.format == DocumentFormat::Pdf) {
        const PdfProbe probe = PdfProbe::inspect(result.content);
        renderable = probe.ok;
        if (probe.ok) {
            out.insert(QStringLiteral("pages"), probe.pages);
            if (probe.truncated)
                out.insert(QStringLiteral("truncated"), true);
        } else {
            reason = probe.error;
        }
    } else if (result.isOk() && result.format == DocumentFormat::Image) {
        QBuffer buffer;
        buffer.setData(result.content);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        const QSize size = reader.size();
        renderable = reader.canRead() && size.isValid() && qint64(size.width()) * size.height() <= qint64(40) * 1000 * 1000;
        if (!renderable)
            reason = QCoreApplication::translate("Kakehashi::DocumentView", "The image is damaged or incomplete and cannot be shown.");
    } else if (result.isOk() && result.format == DocumentFormat::Dicom) {
        // A key image, opened in the image view: renderable when its header reads as an image series.
        const Dicom::DicomScanResult scan = Dicom::DicomSeriesScanner::scanMemory(result.content);
        renderable = !scan.series.isEmpty() && !scan.series.first().slices.isEmpty();
        if (renderable)
            out.insert(QStringLiteral("images"), int(scan.series.first().slices.size()));
        else
            reason = scan.errors.isEmpty() ? QCoreApplication::translate("Kakehashi::DocumentView", "The image is damaged or incomplete and cannot be shown.")
                                           : scan.errors.join(QStringLiteral("; "));
    }
    out.insert(QStringLiteral("renderable"), renderable);
    if (!renderable)
        out.insert(QStringLiteral("reason"), reason);
}

} // namespace

QJsonArray documentSummaryJson(const PatientRecord &record)
{
    // Each document is read from its kept source (a JSON parse, and XML for a CDA document): the
    // bulk of --summary's last part for a record of hundreds of documents, so the reading is shared
    // with idle pool threads, a batch at a time (a read document holds its content: PDFs and images
    // of a whole record at once could be hundreds of MB). The checks of PDFs, images and DICOM below
    // stay on this thread.
    constexpr qsizetype Batch = 16;
    QList<const ClinicalItem *> items;
    for (const ClinicalItem &item : record.items)
        if (item.category == ItemCategory::Document)
            items.append(&item);
    QList<DocumentLoadResult> results;
    QJsonArray documents;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i % Batch == 0)
            results = parallelMapped(items.mid(i, Batch), [&record](const ClinicalItem *item) { return ClinicalDocumentReader::load(record, *item); });
        const ClinicalItem &item = *items.at(i);
        const DocumentLoadResult &result = results.at(i % Batch);
        QJsonObject d{
            {QStringLiteral("key"), item.key},
            {QStringLiteral("title"), result.document.title.isEmpty() ? item.title : result.document.title},
            {QStringLiteral("type"), item.documentTypeCode.isEmpty() ? item.title : item.documentTypeCode},
            {QStringLiteral("date"), item.start.isValid() ? QJsonValue(item.start.date().toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("facility"), item.source.isKnown() && !item.source.name.isEmpty() ? QJsonValue(item.source.name) : QJsonValue()},
        };
        describe(result, d);
        if (!result.document.attachments.isEmpty()) {
            QJsonArray attachments;
            for (const DocumentAttachment &a : result.document.attachments) {
                QJsonObject j{{QStringLiteral("title"), a.title}};
                if (a.available()) {
                    describe(ClinicalDocumentReader::fromBytes(a.content, a.contentType), j);
                } else {
                    j.insert(QStringLiteral("format"), documentFormatKey(documentFormatOfContentType(a.contentType)));
                    j.insert(QStringLiteral("renderable"), false);
                    j.insert(QStringLiteral("reason"), a.url.startsWith(u"http", Qt::CaseInsensitive)
                                                           ? QStringLiteral("on another server, not fetched: ") + a.url
                                                           : QStringLiteral("content not delivered"));
                }
                attachments.append(j);
            }
            d.insert(QStringLiteral("attachments"), attachments);
        }
        documents.append(d);
    }
    return documents;
}

void addDocumentSummaries(QJsonObject &summary, const RecordSet &set)
{
    QJsonArray patients = summary.value(QStringLiteral("patients")).toArray();
    for (qsizetype i = 0; i < patients.size() && i < set.patients.size(); ++i) {
        QJsonObject p = patients.at(i).toObject();
        p.insert(QStringLiteral("documents"), documentSummaryJson(set.patients.at(i)));
        patients[i] = p;
    }
    summary.insert(QStringLiteral("patients"), patients);
}

} // namespace Kakehashi
