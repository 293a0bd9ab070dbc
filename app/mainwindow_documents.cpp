#include "mainwindow.h"

#include "clinicaldocument.h"
#include "documentview.h"
#include "patientview.h"

#include "dicomseries.h"
#include "documentexport.h"
#include "emergency/emergencysummaryview.h"
#include "imagingpanel.h"
#include "viewer/imageview/dicomimageview.h"
#include "referenceclock.h"

#include <QDockWidget>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QScrollArea>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Kakehashi {

DocumentView *MainWindow::documentView()
{
    if (!m_documentView) {
        m_documentView = new DocumentView(this);
        m_documentDock = new QDockWidget(tr("Document"), this);
        m_documentDock->setObjectName(QStringLiteral("documentDock"));
        m_documentDock->setWidget(m_documentView);
        addDockWidget(Qt::RightDockWidgetArea, m_documentDock);
        m_documentDock->hide();
        // Never leave one patient's document beside another patient's record.
        connect(m_patientView, &PatientView::recordChanged, m_documentView, &DocumentView::clear);
        connect(m_documentView, &DocumentView::dicomImageOpened, this, &MainWindow::showDocumentImage);
    }
    return m_documentView;
}

// A DICOM key image attached to a document: read from memory (never written to disk) off the GUI
// thread, then shown in the image view, first among the series already opened there.
void MainWindow::showDocumentImage(const QByteArray &part10, const QString &documentName)
{
    const QString patient = m_patientView->record().patient.key;
    QtConcurrent::run([part10] {
        return Dicom::DicomSeriesScanner::scanMemory(part10);
    }).then(this, [this, patient, documentName](const Dicom::DicomScanResult &scan) {
        if (m_patientView->record().patient.key != patient)
            return; // another patient is open now
        showImagingDock();
        if (scan.series.isEmpty()) {
            m_imagingPanel->showMessage(tr("%1: the DICOM image cannot be read (%2).").arg(documentName, scan.errors.join(QStringLiteral("; "))));
            return;
        }
        QList<Dicom::DicomSeries> series = scan.series;
        for (const Dicom::DicomSeries &s : m_imagingPanel->openedSeries())
            if (s.seriesInstanceUid != series.first().seriesInstanceUid)
                series << s;
        m_imagingPanel->setOpenedSeries(series);
    });
}

void MainWindow::showEncapsulatedDocument(const Dicom::EncapsulatedDocument &document)
{
    showDocumentDock();
    const QString patient = DicomImageView::personNameForDisplay(document.patientName);
    if (!document.problem.isEmpty()) {
        m_documentView->showMessage(tr("This document cannot be shown"), document.problem);
        return;
    }
    // Recognised by its bytes as any attachment is: a PDF that says it is CDA is shown as neither.
    DocumentLoadResult result = ClinicalDocumentReader::fromBytes(document.content, document.mimeType);
    if (result.document.title.isEmpty())
        result.document.title = document.title;
    if (result.document.custodian.isEmpty())
        result.document.custodian = document.institutionName;
    if (result.name.isEmpty())
        result.name = document.title.isEmpty() ? tr("Encapsulated document") : document.title;
    m_documentView->showResult(result, patient.isEmpty() ? document.patientId : patient);
}

void MainWindow::showDocumentDock()
{
    documentView();
    if (!m_documentDock->isVisible()) {
        m_documentDock->show();
        resizeDocks({m_documentDock}, {std::min(width() / 2, dockWidthBesideRecord())}, Qt::Horizontal);
        narrowPatientListBesideDock();
    }
    m_documentDock->raise();
}

void MainWindow::openDocument(const QString &itemKey)
{
    showDocumentDock();
    const PatientRecord &record = m_patientView->record();
    m_documentView->showResult(ClinicalDocumentReader::load(record, itemKey), record.patient.displayName());
}

namespace {

ExportHeader emergencyHeader(const PatientRecord &record, const EmergencySummaryView *summary)
{
    ExportHeader header;
    header.what = MainWindow::tr("Emergency summary");
    header.patient = record.patient.displayName();
    header.facility = MainWindow::tr("all facilities in the record: %1").arg(record.patient.sourceNames.join(QStringLiteral(", ")));
    header.referenceTime = summary->asOf().isValid() ? summary->asOf() : ReferenceClock::now();
    return header;
}

QWidget *emergencyContent(EmergencySummaryView *summary)
{
    QWidget *content = summary->scrollArea()->widget();
    content->adjustSize();
    return content;
}

} // namespace

bool MainWindow::exportEmergencySummary(const QString &path, QString *error)
{
    EmergencySummaryView *summary = m_patientView->emergencySummary();
    return DocumentExport::exportWidget(emergencyContent(summary), emergencyHeader(m_patientView->record(), summary), path, error);
}

void MainWindow::printEmergencySummary()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print emergency summary"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    EmergencySummaryView *summary = m_patientView->emergencySummary();
    QString error;
    if (!DocumentExport::printWidget(emergencyContent(summary), emergencyHeader(m_patientView->record(), summary), &printer, &error))
        QMessageBox::warning(this, tr("Print emergency summary"), error);
}

void MainWindow::createPrintMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&Print"));
    menu->setObjectName(QStringLiteral("printMenu"));
    menu->addAction(tr("Print document…"), this, [this] { documentView()->print(); });
    menu->addAction(tr("Export document as PDF…"), this, [this] { documentView()->exportPdf(); });
    menu->addSeparator();
    menu->addAction(tr("Print emergency summary…"), this, &MainWindow::printEmergencySummary);
    menu->addAction(tr("Export emergency summary as PDF…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export emergency summary as PDF"), QString(), tr("PDF files (*.pdf)"));
        QString error;
        if (!path.isEmpty() && !exportEmergencySummary(path, &error))
            QMessageBox::warning(this, tr("Export emergency summary as PDF"), error);
    });
}

bool MainWindow::openFirstDocument(const QString &key)
{
    const QStringList keys = ClinicalDocumentReader::openableKeys(m_patientView->record());
    const auto found = std::find_if(keys.cbegin(), keys.cend(), [&key](const QString &k) {
        return key.isEmpty() || k == key || k.endsWith(u'/' + key);
    });
    if (found == keys.cend())
        return false;
    openDocument(*found);
    return true;
}

} // namespace Kakehashi
