#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class QPagedPaintDevice;
class QWidget;

namespace Kakehashi {

class DocumentView;

// What every printed or exported page says at its top: what it is, from which facility, about
// which patient, as of which reference time — and when it was printed.
struct ExportHeader
{
    QString what;       // document title / "Emergency summary"
    QString facility;   // the facility the content comes from ("several" is spelled out)
    QString patient;
    QDateTime referenceTime;
};

// Printing and PDF export of documents and the emergency summary. Pages are painted by Qt
// (QPdfWriter or QPrinter, both QPagedPaintDevice): FHIR/CDA/text pages from the same sanitized
// HTML through a QTextDocument that loads no resources; PDFs page by page as rendered by QtPdf;
// images scaled to the page; widgets (the emergency summary) as vector drawings, sliced into pages.
class DocumentExport
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::DocumentExport)
public:
    static QString headerText(const ExportHeader &header);
    // The header of what |view| shows (its document's facility, the patient, the reference clock).
    static ExportHeader headerFor(const DocumentView *view);

    static bool printDocument(const DocumentView *view, QPagedPaintDevice *device, QString *error);
    static bool printWidget(QWidget *widget, const ExportHeader &header, QPagedPaintDevice *device, QString *error);

    // To a PDF file (written whole, then renamed into place).
    static bool exportDocument(const DocumentView *view, const QString &path, QString *error);
    static bool exportWidget(QWidget *widget, const ExportHeader &header, const QString &path, QString *error);
};

} // namespace Kakehashi
