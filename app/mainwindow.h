#pragma once

#include "clinicalrecord.h"
#include "dicomseries.h"
#include "sessionidentity.h"

#include <QFutureWatcher>
#include <QMainWindow>

#include "cachemaintenance.h"
#include "cardsession.h"
#include "connectionprofile.h"
#include "hpkitrust.h"
#include "patientrecordloader.h"
#include "rolepolicy.h"
#include "signindialog.h"

#include <QPointer>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QTimer;
class QToolButton;

namespace Kakehashi {

class AccessHistory;
class DocumentView;
class ImageCache;
class ImagingPanel;
namespace Session {
class ImagingController;
class StudyRetrieval;
}
namespace Net {
class FhirClient;
}
class ConnectionProfileDialog;
class RecordCache;
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
    QLabel *rolePreviewLabel() const { return m_rolePreview; }
    // The display zone's name when it is not Japan time ("Times in UTC"); hidden otherwise.
    QLabel *timeZoneLabel() const { return m_timeZone; }
    // Loads in a worker thread; loadFinished() follows. Sets the ReferenceClock to the demo's own
    // date first (unless setReferenceTime() was given), so the demo reads as of that date.
    void loadDemo();
    // --as-of: the session reads as of |asOf| (ReferenceClock), whatever the mode; shown in the
    // window. Call before loading: what is current is decided when a record is assembled.
    void setReferenceTime(const QDateTime &asOf);
    void openPaths(const QStringList &paths);

    bool showPatient(const QString &patientId);
    bool setView(const QString &name);

    const RecordSet &recordSet() const { return m_records; }
    bool isLoading() const { return m_watcher.isRunning(); }
    PatientListView *patientList() const { return m_patientList; }
    PatientView *patientView() const { return m_patientView; }
    QLabel *identityLabel() const { return m_identity; }
    QLabel *demoBadge() const { return m_demoBadge; }
    bool isDemoBadgeShown() const;
    // "As of …" when the ReferenceClock is fixed outside demo mode (the demo badge says it there).
    QLabel *asOfLabel() const { return m_asOf; }
    bool isAsOfShown() const;
    QLabel *problemBanner() const { return m_problems; }

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
    QDockWidget *documentDock() const { return m_documentDock; }
    void openDocument(const QString &itemKey);
    // A DICOM key image a document carries, shown in the image view (mainwindow_documents.cpp).
    void showDocumentImage(const QByteArray &part10, const QString &documentName);
    // The current patient's first FHIR document (else first report); false when it has none.
    bool openFirstDocument();
    void showDocumentDock();
    // Print / export as PDF (menu "Print"): the open document, or the emergency summary of the
    // current patient, with a header naming the facility, the patient and the reference time.
    bool exportEmergencySummary(const QString &path, QString *error);
    // --- Images from a PACS (mainwindow_imaging.cpp) ---
    // The PACS settings (imaging* keys) when no service is connected; connectService() sets them too.
    void setImagingProfile(const Net::ConnectionProfile &profile);
    // The encrypted cache of retrieved instances (the record cache's key, or its own card-derived one); made on first use.
    std::shared_ptr<ImageCache> imageCache();
    // --- Sharing service (mainwindow_service.cpp) ---
    // Connects to the service: search panel, cache-first patient opening. Call setIdentity() first
    // (the cache is per user). False and |error| when the profile cannot be used. The record cache
    // opens on a worker thread; serviceReady() follows (a patient opened meanwhile waits for it).
    bool connectService(const Net::ConnectionProfile &profile, QString *error);
    bool isServiceReady() const { return m_recordLoader != nullptr; }
    // The key the record cache is encrypted under, for this session only. Must be KeyBytes long and
    // set before connectService(); by default a random key is made per session (see README).
    void setCacheKey(const QByteArray &key);
    // Opens a patient: from the cache at once if cached (marked stale), then refreshed from the service.
    void openServicePatient(const QString &patientId);
    // Break-the-glass (ETREAT) with the reason the user gave; only when the profile allows it.
    bool openServicePatientInEmergency(const QString &patientId, const QString &reason);
    // Removes every cached record and image (no confirmation; the menu action asks first and runs the
    // same work on a worker thread). Blocking: for tests and command-line use, never from the GUI.
    bool purgeCachedRecords(QString *error);
    // True while cache work (the open after connectService(), a purge) runs on a worker thread; the
    // purge action is disabled meanwhile.
    bool isPurging() const { return m_purging; }
    bool isServiceConnected() const { return m_serviceClient != nullptr; }
    ServicePanel *servicePanel() const { return m_servicePanel; }
    QLabel *serviceBanner() const { return m_serviceBanner; }
    // Shown for as long as a record opened with emergency access (ETREAT) is on screen: reason and time.
    QLabel *emergencyAccessBanner() const { return m_emergencyAccessBanner; }
    QAction *emergencyAccessAction() const { return m_emergencyAction; }
    QAction *purgeCacheAction() const { return m_purgeCacheAction; }
    bool isServiceRecordStale() const { return m_serviceStale; }
    bool isServiceLoading() const;
    // How the record on screen came to be; valid after servicePatientLoaded().
    const RecordLoadOutcome &serviceOutcome() const { return m_serviceOutcome; }
    // The service record on screen, if any.
    const PatientRecord *serviceRecord() const { return m_serviceRecordShown ? &m_serviceRecord : nullptr; }
    std::shared_ptr<RecordCache> recordCache() const { return m_recordCache; }

    // --- HPKI card session (mainwindow_session.cpp): binding Session::CardSession to the window ---
    enum class LockReason { CardRemoved, Idle, User };
    // Starts the signed-in session of |session| (signed in already: certificate, TLS identity and
    // cache keys are there): the toolbar shows who, the role sets the view, and every service
    // request presents the on-card key. Call before connectService(). The session must outlive the window.
    void beginCardSession(Session::CardSession *session, const Net::HpkiTrustAnchors &anchors);
    bool hasCardSession() const { return m_cardSession != nullptr; }
    Session::CardSession *cardSession() const { return m_cardSession; }
    // With a card session the record and image cache keys come from the card (Session::CacheKeys);
    // without a card, or when the card's key cannot derive one, a random key per session (see README).
    bool isCacheKeyFromCard() const { return m_cacheKeyFromCard; }
    // What the viewer may show; applied to every record shown (service, cache, local files). A card
    // session decides it with Session::rolePolicyFor(); --demo --role previews set it here.
    void setRolePolicy(const RolePolicy &policy);
    const RolePolicy &rolePolicy() const { return m_rolePolicy; }
    QLabel *pharmacyViewLabel() const { return m_pharmacyLabel; }
    // Locks after |seconds| without keyboard or mouse input; 0 never. connectService() applies the profile's.
    void setIdleLockTimeout(int seconds);
    // Hides and drops every decrypted patient record and logs the card out; unlocking needs the PIN.
    void lockSession(LockReason reason);
    bool isLocked() const { return m_locked; }
    QWidget *lockOverlay() const { return m_lockOverlay; }
    QLabel *lockMessage() const { return m_lockMessage; }
    // Opens the sign-in dialog (window-modal, does not block) to unlock with the same card.
    void requestUnlock();
    SignInDialog *unlockDialog() const { return m_unlockDialog; }
    // Ends the session: views cleared, card logout, keys wiped, then the cache policy (purge when the
    // profile says so, on a worker thread); signedOut() follows when all of it is done.
    void logout();

Q_SIGNALS:
    void sessionLocked(Kakehashi::MainWindow::LockReason reason);
    void sessionUnlocked();
    void signedOut();
    void loadFinished();
    // The cached record is on screen (stale) while the refresh runs.
    void serviceCachedRecordShown(const QString &patientId);
    // The open finished: see serviceOutcome().
    void servicePatientLoaded(const QString &patientId);
    // The record cache is open (or known to be unusable) and patients can be opened.
    void serviceReady();
    // A purge started from the menu finished.
    void cachePurged(bool ok);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void startLoad(std::function<RecordSet()> job, const QString &what);
    void onLoaded();
    void showProblemDetails();
    void onDicomScanned();
    void showReferenceTime();

    SessionIdentity m_sessionIdentity;
    RecordSet m_records;
    QFutureWatcher<RecordSet> m_watcher;
    PatientListModel *m_patientModel;
    PatientListView *m_patientList;
    PatientView *m_patientView;
    QLabel *m_identity;
    QLabel *m_demoBadge;
    QAction *m_demoBadgeAction = nullptr;
    QLabel *m_asOf;
    QAction *m_asOfAction = nullptr;
    QLabel *m_rolePreview = nullptr;
    QAction *m_rolePreviewAction = nullptr;
    QLabel *m_timeZone = nullptr;
    QAction *m_timeZoneAction = nullptr;
    bool m_referenceTimeGiven = false;
    QLabel *m_problems;
    QToolButton *m_problemDetails;
    QString m_currentPatient;
    QString m_view;
    ImagingPanel *m_imagingPanel = nullptr;
    QDockWidget *m_imagingDock = nullptr;
    std::shared_ptr<Dicom::DicomScanResult> m_pendingDicomScan;
    DocumentView *m_documentView = nullptr;
    QDockWidget *m_documentDock = nullptr;

    // Sharing service (mainwindow_service.cpp)
    void createServiceUi();
    void createPrintMenu();
    void printEmergencySummary();
    void onServicePatientsFound(const QList<PatientInfo> &patients, const Net::FhirError &error);
    void onServiceCachedRecord(const RecordSet &set, const QDateTime &cachedAt);
    void onServiceRecord(const RecordSet &set, const RecordLoadOutcome &outcome);
    void showServiceRecord(const RecordSet &set);
    void setServiceBanner(const QString &text, const QString &style);
    void updateEmergencyAccessBanner();
    void askEmergencyAccess();
    void askPurgeCache();
    void onRecordCacheOpened(const Session::CacheMaintenance::Opened &opened);
    void setPurging(bool purging);
    void logRecordAccess(const PatientRecord &shown);
    void showAccessHistory();
    void editConnection();

    Net::ConnectionProfile m_serviceProfile;
    Net::FhirClient *m_serviceClient = nullptr;
    PatientRecordLoader *m_recordLoader = nullptr;
    std::shared_ptr<RecordCache> m_recordCache;
    QByteArray m_cacheKey;
    ServicePanel *m_servicePanel = nullptr;
    QLabel *m_serviceBanner = nullptr;
    QLabel *m_emergencyAccessBanner = nullptr;
    QDateTime m_emergencyAccessAt; // when the emergency open was asked for
    QAction *m_emergencyAction = nullptr;
    QAction *m_purgeCacheAction = nullptr;
    std::shared_ptr<AccessHistory> m_accessHistory; // 閲覧履歴, sealed under the cache key
    QString m_accessLoggedFor; // the patient whose current open is already in the access history
    QString m_servicePatient;
    PatientRecord m_serviceRecord;
    bool m_serviceRecordShown = false;
    bool m_serviceStale = false;
    RecordLoadOutcome m_serviceOutcome;
    // A patient asked for while the cache was still opening, and its purpose.
    QString m_pendingOpen;
    QFuture<Session::CacheMaintenance::Opened> m_cacheOpening;
    Net::PurposeOfUse m_pendingPurpose;
    bool m_purging = false;

    // Images from a PACS (mainwindow_imaging.cpp)
    std::unique_ptr<Session::StudyRetrieval> makeStudyRetrieval(const QString &studyInstanceUid);
    Session::ImagingController *m_imaging = nullptr; // the PACS back-end choice
    Net::ConnectionProfile m_imagingProfile;
    std::shared_ptr<ImageCache> m_imageCache;
    // The purpose of the open on screen (TREAT, or ETREAT with its reason after break-the-glass):
    // the PACS requests of that patient's studies carry it too.
    Net::PurposeOfUse m_openPurpose;
    QByteArray m_imageCacheKey; // card-derived; empty: the image cache uses m_cacheKey

    // HPKI card session (mainwindow_session.cpp)
    void createSessionUi();
    bool applyCardSession(Net::FhirClient *client, const Net::ConnectionProfile &profile, QString *error);
    QSslConfiguration cardSslConfiguration(const Net::ConnectionProfile &profile, QString *error) const;
    void dropPatientData();
    void placeLockOverlay();
    void finishUnlock();
    void wipeCacheKeys();

    Session::CardSession *m_cardSession = nullptr;
    Net::HpkiTrustAnchors m_cardAnchors;
    RolePolicy m_rolePolicy;
    QLabel *m_pharmacyLabel = nullptr;
    QAction *m_pharmacyLabelAction = nullptr;
    QTimer *m_idleTimer = nullptr;
    bool m_locked = false;
    bool m_cacheKeyFromCard = false;
    QWidget *m_lockOverlay = nullptr;
    QLabel *m_lockMessage = nullptr;
    QPointer<SignInDialog> m_unlockDialog;
};

} // namespace Kakehashi
