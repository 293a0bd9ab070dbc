#pragma once

#include "record/clinicalrecord.h"
#include "dicom/dicompresentation.h"
#include "dicom/dicomseries.h"
#include "viewer/sessionidentity.h"

#include <QMainWindow>

#include "net/connectionprofile.h"
#include "session/patientrecordloader.h"
#include "session/recordcontroller.h"
#include "record/rolepolicy.h"

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QTimer;
class QToolButton;

namespace Kakehashi {

class CardSessionUi;
class DocumentDock;
class DocumentView;
class ImagingPanel;
namespace Session {
class IdleLock;
class ImagingController;
class RecordController;
}
class LoadProblemsBanner;
class ServiceBanners;
class ServiceMenu;
class SessionBar;
namespace Net {
class FhirClient;
}
class ConnectionProfileDialog;
class ServicePanel;
class PatientListModel;
class PatientListView;
class PatientView;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void setIdentity(const SessionIdentity &identity);
    // --demo --role: says in the toolbar that this is a preview of another user's view (no card).
    void setRolePreview(const QString &text);
    SessionBar *sessionBar() const { return m_bar; }
    // Loads in a worker thread; loadFinished() follows. Sets the ReferenceClock to the demo's own
    // date first (unless setReferenceTime() was given), so the demo reads as of that date.
    void loadDemo();
    // --as-of: the session reads as of |asOf| (ReferenceClock), whatever the mode; shown in the
    // window. Call before loading: what is current is decided when a record is assembled.
    void setReferenceTime(const QDateTime &asOf);
    void openPaths(const QStringList &paths);

    bool showPatient(const QString &patientId);
    bool setView(const QString &name);

    // The record on screen and where it came from (local files, demo, sharing service).
    Session::RecordController *records() const { return m_records; }
    PatientListView *patientList() const { return m_patientList; }
    PatientView *patientView() const { return m_patientView; }
    QLabel *problemBanner() const;

    // Images: DICOM from --open, and imaging studies opened from the record.
    ImagingPanel *imagingPanel() const { return m_imagingPanel; }
    QDockWidget *imagingDock() const { return m_imagingDock; }
    void openImagingStudy(const QString &studyInstanceUid);
    // The study beside its most recent earlier study of the same patient among the opened DICOM.
    void compareImagingStudy(const QString &studyInstanceUid);
    // The current patient's first CT study (else first imaging study) with a Study Instance UID;
    // false when the record has none.
    bool openFirstImagingStudy();
    void showImagingDock();
    // A docked image or document leaves the record at least this wide (patient list and record panels).
    static constexpr int kMinRecordWidth = 760;
    int dockWidthBesideRecord() const;
    void narrowPatientListBesideDock();
    // Documents (mainwindow_documents.cpp): referral letters, discharge summaries, reports, in a
    // dock created on first use (Qt WebEngine starts only when a document is opened).
    DocumentView *documentView();
    DocumentDock *documentDock() const { return m_documentDock; }
    void openDocument(const QString &itemKey);
    // A DICOM key image a document carries, shown in the image view (mainwindow_documents.cpp).
    void showDocumentImage(const QByteArray &part10, const QString &documentName);
    // An encapsulated PDF or CDA among the DICOM opened, shown in the document view from memory.
    void showEncapsulatedDocument(const Dicom::EncapsulatedDocument &document);
    // The current patient's first openable document (the newest); with |key|, that document (its item
    // key, e.g. "DocumentReference/p003-doc-01", or the id alone). False when there is none.
    bool openFirstDocument(const QString &key = {});
    void showDocumentDock();
    // --- Sharing service (mainwindow_service.cpp) ---
    // Connects to the service: search panel, cache-first patient opening. Call setIdentity() first
    // (the cache is per user). False and |error| when the profile cannot be used. The record cache
    // opens on a worker thread; serviceReady() follows (a patient opened meanwhile waits for it).
    bool connectService(const Net::ConnectionProfile &profile, QString *error);
    // Opens a patient: from the cache at once if cached (marked stale), then refreshed from the service.
    void openServicePatient(const QString &patientId);
    // Break-the-glass (ETREAT) with the reason the user gave; only when the profile allows it.
    bool openServicePatientInEmergency(const QString &patientId, const QString &reason);
    ServicePanel *servicePanel() const { return m_servicePanel; }
    QLabel *serviceBanner() const;
    // Shown for as long as a record opened with emergency access (ETREAT) is on screen: reason and time.
    QLabel *emergencyAccessBanner() const;
    QAction *emergencyAccessAction() const;
    QAction *purgeCacheAction() const;

    // The HPKI card session: who is signed in, lock, unlock and sign-out (viewer/signin/cardsessionui.h).
    CardSessionUi *cardSessionUi() const { return m_session; }

Q_SIGNALS:
    void loadFinished();
    // The cached record is on screen (stale) while the refresh runs.
    void serviceCachedRecordShown(const QString &patientId);
    // The open finished: see serviceOutcome().
    void servicePatientLoaded(const QString &patientId);
    // The record cache is open (or known to be unusable) and patients can be opened.
    void serviceReady();
    // A purge started from the menu finished.
    void cachePurged(bool ok);

private:
    void onLoaded();
    void onRecordChanged(const QString &previousPatientId);
    void onDicomScanned();

    Session::RecordController *m_records;
    SessionBar *m_bar;
    PatientListModel *m_patientModel;
    PatientListView *m_patientList;
    PatientView *m_patientView;
    bool m_referenceTimeGiven = false;
    LoadProblemsBanner *m_problems;
    QString m_view;
    Session::ImagingController *m_imaging = nullptr; // the study on screen, from the record's session
    ImagingPanel *m_imagingPanel = nullptr;
    QDockWidget *m_imagingDock = nullptr;
    std::shared_ptr<Dicom::DicomScanResult> m_pendingDicomScan;
    DocumentDock *makeDocumentDock();
    DocumentDock *m_documentDock = nullptr;

    // Sharing service (mainwindow_service.cpp)
    void createServiceUi();
    void onServicePatientsFound(const QList<PatientInfo> &patients, const Net::FhirError &error);
    void onServiceRecord(const QString &patientId, const RecordLoadOutcome &outcome);

    ServicePanel *m_servicePanel = nullptr;
    ServiceBanners *m_serviceBanners = nullptr;
    ServiceMenu *m_serviceMenu = nullptr;


    void dropPatientData();
    CardSessionUi *m_session = nullptr;
};

} // namespace Kakehashi
