#include "printmenu.h"

#include "viewer/document/documentexport.h"
#include "viewer/document/documentview.h"
#include "viewer/emergency/emergencysummaryview.h"
#include "viewer/patientview.h"
#include "record/referenceclock.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QScrollArea>

namespace Kakehashi {

namespace {

ExportHeader emergencyHeader(const PatientRecord &record, const EmergencySummaryView *summary)
{
    ExportHeader header;
    header.what = PrintMenu::tr("Emergency summary");
    header.patient = record.patient.displayName();
    header.facility = PrintMenu::tr("all facilities in the record: %1").arg(record.patient.sourceNames.join(QStringLiteral(", ")));
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

PrintMenu::PrintMenu(PatientView *patientView, std::function<DocumentView *()> documentView, QWidget *parent)
    : QMenu(tr("&Print"), parent)
    , m_patientView(patientView)
{
    setObjectName(QStringLiteral("printMenu"));
    addAction(tr("Print document…"), this, [documentView] { documentView()->print(); });
    addAction(tr("Export document as PDF…"), this, [documentView] { documentView()->exportPdf(); });
    addSeparator();
    addAction(tr("Print emergency summary…"), this, &PrintMenu::printEmergencySummary);
    addAction(tr("Export emergency summary as PDF…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(parentWidget(), tr("Export emergency summary as PDF"), QString(), tr("PDF files (*.pdf)"));
        QString error;
        if (!path.isEmpty() && !exportEmergencySummary(m_patientView, path, &error))
            QMessageBox::warning(parentWidget(), tr("Export emergency summary as PDF"), error);
    });
}

bool PrintMenu::exportEmergencySummary(PatientView *patientView, const QString &path, QString *error)
{
    EmergencySummaryView *summary = patientView->emergencySummary();
    return DocumentExport::exportWidget(emergencyContent(summary), emergencyHeader(patientView->record(), summary), path, error);
}

void PrintMenu::printEmergencySummary()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, parentWidget());
    dialog.setWindowTitle(tr("Print emergency summary"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    EmergencySummaryView *summary = m_patientView->emergencySummary();
    QString error;
    if (!DocumentExport::printWidget(emergencyContent(summary), emergencyHeader(m_patientView->record(), summary), &printer, &error))
        QMessageBox::warning(parentWidget(), tr("Print emergency summary"), error);
}

} // namespace Kakehashi
