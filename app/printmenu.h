#pragma once

#include <QMenu>

#include <functional>

namespace Kakehashi {

class DocumentView;
class PatientView;

// The Print menu: the open document, or the emergency summary of the patient on screen, to a
// printer or to a PDF file. Every page says which facility, patient and reference time it shows
// (DocumentExport).
class PrintMenu : public QMenu
{
    Q_OBJECT
public:
    // |documentView| makes the document view when first asked (Qt WebEngine starts only then).
    PrintMenu(PatientView *patientView, std::function<DocumentView *()> documentView, QWidget *parent);

    // The emergency summary |patientView| shows, as a PDF at |path|; false and |error| when not.
    static bool exportEmergencySummary(PatientView *patientView, const QString &path, QString *error);

private:
    void printEmergencySummary();

    PatientView *m_patientView;
};

} // namespace Kakehashi
