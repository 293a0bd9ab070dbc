#include "documentdock.h"

#include "record/clinicaldocument.h"
#include "record/clinicalrecord.h"
#include "dicom/dicompresentation.h"
#include "documentview.h"

#include <algorithm>

namespace Kakehashi {

DocumentDock::DocumentDock(QWidget *parent) : QDockWidget(tr("Document"), parent)
{
    setObjectName(QStringLiteral("documentDock"));
}

DocumentView *DocumentDock::view()
{
    if (!m_view) {
        m_view = new DocumentView(this);
        setWidget(m_view);
        connect(m_view, &DocumentView::dicomImageOpened, this, &DocumentDock::dicomImageOpened);
    }
    return m_view;
}

void DocumentDock::clear()
{
    if (m_view)
        m_view->clear();
}

void DocumentDock::open(const PatientRecord &record, const QString &itemKey)
{
    view()->showResult(ClinicalDocumentReader::load(record, itemKey), record.patient.displayName());
}

QString DocumentDock::firstOpenable(const PatientRecord &record, const QString &key)
{
    const QStringList keys = ClinicalDocumentReader::openableKeys(record);
    const auto found = std::find_if(keys.cbegin(), keys.cend(), [&key](const QString &k) {
        return key.isEmpty() || k == key || k.endsWith(u'/' + key);
    });
    return found == keys.cend() ? QString() : *found;
}

void DocumentDock::showEncapsulated(const Dicom::EncapsulatedDocument &document, const QString &patientName)
{
    if (!document.problem.isEmpty()) {
        view()->showMessage(tr("This document cannot be shown"), document.problem);
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
    view()->showResult(result, patientName.isEmpty() ? document.patientId : patientName);
}

} // namespace Kakehashi
