// MainWindow's documents: the document dock beside the record, and a DICOM key image a document
// carries shown in the image view.
#include "mainwindow.h"
#include "session/whenfinished.h"

#include "dicom/dicomseries.h"
#include "viewer/document/documentdock.h"
#include "viewer/document/documentview.h"
#include "viewer/imaging/imagingpanel.h"
#include "viewer/patientview.h"
#include "viewer/imageview/dicomimageview.h"

#include <QtConcurrent/QtConcurrentRun>

namespace Kakehashi {

DocumentDock *MainWindow::makeDocumentDock()
{
    if (!m_documentDock) {
        m_documentDock = new DocumentDock(this);
        addDockWidget(Qt::RightDockWidgetArea, m_documentDock);
        m_documentDock->hide();
        // Never leave one patient's document beside another patient's record.
        connect(m_patientView, &PatientView::recordChanged, m_documentDock, &DocumentDock::clear);
        connect(m_documentDock, &DocumentDock::dicomImageOpened, this, &MainWindow::showDocumentImage);
    }
    return m_documentDock;
}

DocumentView *MainWindow::documentView()
{
    return makeDocumentDock()->view();
}

// A DICOM key image attached to a document: read from memory (never written to disk) off the GUI
// thread, then shown in the image view, first among the series already opened there.
void MainWindow::showDocumentImage(const QByteArray &part10, const QString &documentName)
{
    const QString patient = m_patientView->record().patient.key;
    whenFinished(this, QtConcurrent::run([part10] { return Dicom::DicomSeriesScanner::scanMemory(part10); }),
                 [this, patient, documentName](const Dicom::DicomScanResult &scan) {
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
    m_documentDock->showEncapsulated(document, DicomImageView::personNameForDisplay(document.patientName));
}

void MainWindow::showDocumentDock()
{
    makeDocumentDock();
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
    m_documentDock->open(m_patientView->record(), itemKey);
}

bool MainWindow::openFirstDocument(const QString &key)
{
    const QString found = DocumentDock::firstOpenable(m_patientView->record(), key);
    if (found.isEmpty())
        return false;
    openDocument(found);
    return true;
}

} // namespace Kakehashi
