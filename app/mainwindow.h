#pragma once

#include "clinicalrecord.h"
#include "dicomseries.h"
#include "sessionidentity.h"

#include <QFutureWatcher>
#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QToolButton;

namespace Kakehashi {

class ImagingPanel;
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
    // Loads in a worker thread; loadFinished() follows.
    void loadDemo();
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
    QLabel *problemBanner() const { return m_problems; }

    // Images: DICOM from --open, and imaging studies opened from the record.
    ImagingPanel *imagingPanel() const { return m_imagingPanel; }
    QDockWidget *imagingDock() const { return m_imagingDock; }
    void openImagingStudy(const QString &studyInstanceUid);
    // The current patient's first CT study (else first imaging study) with a Study Instance UID;
    // false when the record has none.
    bool openFirstImagingStudy();
    void showImagingDock();

Q_SIGNALS:
    void loadFinished();

private:
    void startLoad(std::function<RecordSet()> job, const QString &what);
    void onLoaded();
    void showProblemDetails();
    void onDicomScanned();

    SessionIdentity m_sessionIdentity;
    RecordSet m_records;
    QFutureWatcher<RecordSet> m_watcher;
    PatientListModel *m_patientModel;
    PatientListView *m_patientList;
    PatientView *m_patientView;
    QLabel *m_identity;
    QLabel *m_demoBadge;
    QAction *m_demoBadgeAction = nullptr;
    QLabel *m_problems;
    QToolButton *m_problemDetails;
    QString m_currentPatient;
    QString m_view;
    ImagingPanel *m_imagingPanel = nullptr;
    QDockWidget *m_imagingDock = nullptr;
    std::shared_ptr<Dicom::DicomScanResult> m_pendingDicomScan;
};

} // namespace Kakehashi
