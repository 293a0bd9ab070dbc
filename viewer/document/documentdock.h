#pragma once

#include <QDockWidget>

namespace Kakehashi {

struct PatientRecord;
class DocumentView;
namespace Dicom {
struct EncapsulatedDocument;
}

// The dock that shows one document at a time beside the record: referral letters, discharge
// summaries, check-up reports (FHIR, CDA, PDF, images, text), and documents encapsulated in DICOM.
// Its DocumentView (and with it Qt WebEngine) is made when the first document is shown.
class DocumentDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit DocumentDock(QWidget *parent = nullptr);

    DocumentView *view();
    // The document |itemKey| of |record| (e.g. "DocumentReference/p003-doc-01").
    void open(const PatientRecord &record, const QString &itemKey);
    // The item key of the record's first openable document (the newest); with |key|, of that
    // document (its item key or the id alone). Empty when there is none.
    static QString firstOpenable(const PatientRecord &record, const QString &key = {});
    // An encapsulated PDF or CDA among the DICOM opened, from memory; |patientName| as displayed.
    void showEncapsulated(const Dicom::EncapsulatedDocument &document, const QString &patientName);
    // Drops what is shown (another patient is on screen, the session locked).
    void clear();

Q_SIGNALS:
    // A DICOM key image a document carries: the image view shows it.
    void dicomImageOpened(const QByteArray &part10, const QString &documentName);

private:
    DocumentView *m_view = nullptr;
};

} // namespace Kakehashi
