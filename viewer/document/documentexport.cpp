#include "documentexport.h"

#include "documentview.h"
#include "pdfdocumentpane.h"
#include "record/fhirjson.h"
#include "record/referenceclock.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace Kakehashi {

namespace {

constexpr int kResolution = 150;
constexpr int kMaxPdfPages = 500;

// A text document that loads nothing: no files, no network, no images from anywhere.
class InertTextDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

QFont exportFont(int points)
{
    QFont font(QStringLiteral("IPAGothic"));
    font.setPointSize(points);
    return font;
}

// Draws the header at the top of the page and returns the rectangle left for content.
QRectF drawHeader(QPainter &painter, const QRectF &page, const QString &header, int pageNumber, int pageCount)
{
    painter.save();
    painter.setFont(exportFont(8));
    painter.setPen(QColor(0x33, 0x33, 0x33));
    const QFontMetricsF fm(painter.font(), painter.device());
    const QString pageText = DocumentExport::tr("page %1 of %2").arg(pageNumber).arg(pageCount);
    const qreal lineHeight = fm.lineSpacing();
    const QRectF textRect(page.left(), page.top(), page.width() - fm.horizontalAdvance(pageText) - lineHeight, lineHeight * 3);
    QRectF used;
    painter.drawText(textRect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, header, &used);
    painter.drawText(QRectF(page.left(), page.top(), page.width(), lineHeight), Qt::AlignRight | Qt::AlignTop, pageText);
    const qreal bottom = page.top() + std::max(used.height(), lineHeight) + lineHeight * 0.4;
    painter.drawLine(QPointF(page.left(), bottom), QPointF(page.right(), bottom));
    painter.restore();
    return QRectF(page.left(), bottom + lineHeight * 0.6, page.width(), page.bottom() - bottom - lineHeight * 0.6);
}

QRectF pageRect(QPagedPaintDevice *device)
{
    return device->pageLayout().paintRectPixels(device->logicalDpiX());
}

// Content height available under the header (the header's size does not depend on the page).
qreal contentHeight(QPagedPaintDevice *device, const QString &header)
{
    const QRectF page = pageRect(device);
    const QFontMetricsF fm(exportFont(8), device);
    const QString pageText = DocumentExport::tr("page %1 of %2").arg(999).arg(999);
    const QRectF bound = fm.boundingRect(QRectF(0, 0, page.width() - fm.horizontalAdvance(pageText) - fm.lineSpacing(), fm.lineSpacing() * 3),
                                         Qt::TextWordWrap, header);
    const qreal bottom = std::max(bound.height(), fm.lineSpacing()) + fm.lineSpacing();
    return page.height() - bottom;
}

bool printHtml(const QString &html, const QString &header, QPagedPaintDevice *device, QString *error)
{
    InertTextDocument doc;
    doc.setDefaultFont(exportFont(10));
    doc.documentLayout()->setPaintDevice(device);
    doc.setHtml(html);
    const QRectF page = pageRect(device);
    const qreal height = contentHeight(device, header);
    doc.setPageSize(QSizeF(page.width(), height));
    const int pages = std::max(1, doc.pageCount());
    QPainter painter;
    if (!painter.begin(device)) {
        if (error)
            *error = DocumentExport::tr("The printer or file could not be opened for writing.");
        return false;
    }
    for (int p = 0; p < pages; ++p) {
        if (p > 0)
            device->newPage();
        const QRectF content = drawHeader(painter, QRectF(QPointF(0, 0), page.size()), header, p + 1, pages);
        painter.save();
        painter.translate(content.left(), content.top() - p * height);
        doc.drawContents(&painter, QRectF(0, p * height, content.width(), std::min(height, content.height())));
        painter.restore();
    }
    return painter.end();
}

bool printPdf(QPdfDocument *pdf, const QString &header, QPagedPaintDevice *device, QString *error)
{
    const int pages = std::min(pdf->pageCount(), kMaxPdfPages);
    QPainter painter;
    if (pages <= 0 || !painter.begin(device)) {
        if (error)
            *error = DocumentExport::tr("The printer or file could not be opened for writing.");
        return false;
    }
    const QRectF page = pageRect(device);
    for (int p = 0; p < pages; ++p) {
        if (p > 0)
            device->newPage();
        const QRectF content = drawHeader(painter, QRectF(QPointF(0, 0), page.size()), header, p + 1, pages);
        const QSizeF points = pdf->pagePointSize(p);
        const QSizeF target = (points.isValid() ? points : QSizeF(595, 842)).scaled(content.size(), Qt::KeepAspectRatio);
        const QImage image = pdf->render(p, target.toSize());
        painter.drawImage(QRectF(content.topLeft(), target), image);
    }
    return painter.end();
}

bool printImage(const QImage &image, const QString &header, QPagedPaintDevice *device, QString *error)
{
    QPainter painter;
    if (image.isNull() || !painter.begin(device)) {
        if (error)
            *error = DocumentExport::tr("The printer or file could not be opened for writing.");
        return false;
    }
    const QRectF page = pageRect(device);
    const QRectF content = drawHeader(painter, QRectF(QPointF(0, 0), page.size()), header, 1, 1);
    QSizeF target = QSizeF(image.size());
    if (target.width() > content.width() || target.height() > content.height())
        target = target.scaled(content.size(), Qt::KeepAspectRatio);
    painter.drawImage(QRectF(content.topLeft(), target), image);
    return painter.end();
}

template<typename Paint>
bool writePdf(const QString &path, const ExportHeader &header, Paint paint, QString *error)
{
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(kResolution);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        writer.setTitle(header.what);
        writer.setCreator(QStringLiteral("Kakehashi"));
        if (!paint(&writer))
            return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = DocumentExport::tr("The PDF could not be written to %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

QString DocumentExport::headerText(const ExportHeader &h)
{
    // Instants in the display zone (Asia/Tokyo by default), never the computer's zone.
    const auto shown = [](const QDateTime &t) {
        const Fhir::DateTime dt{t.toUTC(), Fhir::DateTime::Precision::Time, 0};
        return dt.displayText();
    };
    QStringList lines;
    lines << h.what;
    lines << tr("Patient: %1").arg(h.patient.isEmpty() ? tr("not stated") : h.patient)
                 + QStringLiteral("    ") + tr("Facility: %1").arg(h.facility.isEmpty() ? tr("unknown") : h.facility);
    lines << tr("Reference time: %1").arg(h.referenceTime.isValid() ? shown(h.referenceTime) : tr("not set"))
                 + QStringLiteral("    ") + tr("Printed by Kakehashi: %1").arg(shown(QDateTime::currentDateTimeUtc()));
    return lines.join(u'\n');
}

ExportHeader DocumentExport::headerFor(const DocumentView *view)
{
    const DocumentLoadResult &r = view->currentResult();
    ExportHeader h;
    h.what = r.name.isEmpty() ? r.document.title : r.name;
    if (h.what.isEmpty())
        h.what = tr("Document");
    h.facility = r.document.custodian;
    h.patient = r.document.patientName.isEmpty() ? view->currentPatientName() : r.document.patientName;
    h.referenceTime = ReferenceClock::now();
    return h;
}

bool DocumentExport::printDocument(const DocumentView *view, QPagedPaintDevice *device, QString *error)
{
    const QString header = headerText(headerFor(view));
    switch (view->content()) {
    case DocumentView::Content::Pdf:
        return printPdf(view->pdfPane()->document(), header, device, error);
    case DocumentView::Content::Image:
        return printImage(view->shownImage(), header, device, error);
    case DocumentView::Content::Page:
        break;
    }
    return printHtml(view->renderedHtml(), header, device, error);
}

bool DocumentExport::printWidget(QWidget *widget, const ExportHeader &header, QPagedPaintDevice *device, QString *error)
{
    const QString text = headerText(header);
    const QRectF page = pageRect(device);
    const qreal height = contentHeight(device, text);
    const QSize size = widget->size();
    const qreal scale = page.width() / std::max(1, size.width());
    const int sliceHeight = std::max(1, int(height / scale));
    const int pages = std::max(1, (size.height() + sliceHeight - 1) / sliceHeight);
    QPainter painter;
    if (!painter.begin(device)) {
        if (error)
            *error = tr("The printer or file could not be opened for writing.");
        return false;
    }
    for (int p = 0; p < pages; ++p) {
        if (p > 0)
            device->newPage();
        const QRectF content = drawHeader(painter, QRectF(QPointF(0, 0), page.size()), text, p + 1, pages);
        painter.save();
        painter.translate(content.topLeft());
        painter.scale(scale, scale);
        const QRect slice(0, p * sliceHeight, size.width(), std::min(sliceHeight, size.height() - p * sliceHeight));
        widget->render(&painter, QPoint(0, 0), QRegion(slice), QWidget::DrawChildren);
        painter.restore();
    }
    return painter.end();
}

bool DocumentExport::exportDocument(const DocumentView *view, const QString &path, QString *error)
{
    return writePdf(path, headerFor(view), [&](QPagedPaintDevice *device) { return printDocument(view, device, error); }, error);
}

bool DocumentExport::exportWidget(QWidget *widget, const ExportHeader &header, const QString &path, QString *error)
{
    return writePdf(path, header, [&](QPagedPaintDevice *device) { return printWidget(widget, header, device, error); }, error);
}

} // namespace Kakehashi
