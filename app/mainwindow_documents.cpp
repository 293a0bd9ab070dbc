#include "mainwindow.h"

#include "clinicaldocument.h"
#include "documentview.h"
#include "patientview.h"

#include <QDockWidget>

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
    }
    return m_documentView;
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

bool MainWindow::openFirstDocument()
{
    const QStringList keys = ClinicalDocumentReader::openableKeys(m_patientView->record());
    if (keys.isEmpty())
        return false;
    openDocument(keys.first());
    return true;
}

} // namespace Kakehashi
