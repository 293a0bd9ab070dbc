// MainWindow's sharing-service mode: the search panel, the banners that say where the record on
// screen came from (cache, service, offline, incomplete, no consent, emergency access) and the menu.
// Connecting, opening, caching and logging the access are Session::RecordController's.
#include "mainwindow.h"
#include "dateformat.h"

#include "accesshistorydialog.h"
#include "connectionprofiledialog.h"
#include "patientlistmodel.h"
#include "patientlistview.h"
#include "servicebanners.h"
#include "servicepanel.h"
#include "sharingservicesource.h"

#include <QDockWidget>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Kakehashi {

void MainWindow::setCacheKey(const QByteArray &key)
{
    m_records->setCacheKeys({key, key, false});
}

QLabel *MainWindow::serviceBanner() const { return m_serviceBanners ? m_serviceBanners->statusBanner() : nullptr; }
QLabel *MainWindow::emergencyAccessBanner() const { return m_serviceBanners ? m_serviceBanners->emergencyBanner() : nullptr; }
bool MainWindow::isServiceReady() const { return m_records->isServiceReady(); }
bool MainWindow::isServiceConnected() const { return m_records->isServiceConnected(); }
bool MainWindow::isServiceLoading() const { return m_records->isServiceLoading(); }
bool MainWindow::isServiceRecordStale() const { return m_records->isServiceRecordStale(); }
bool MainWindow::isPurging() const { return m_records->isCacheBusy(); }
const RecordLoadOutcome &MainWindow::serviceOutcome() const { return m_records->serviceOutcome(); }
const PatientRecord *MainWindow::serviceRecord() const { return m_records->serviceRecord(); }
std::shared_ptr<RecordCache> MainWindow::recordCache() const { return m_records->recordCache(); }

bool MainWindow::connectService(const Net::ConnectionProfile &profile, QString *error)
{
    if (!m_records->connectService(profile, m_cardSession, error))
        return false;
    if (m_cardSession)
        setIdleLockTimeout(profile.idleLockSeconds);
    createServiceUi();
    statusBar()->showMessage(tr("Opening the local cache…"));
    return true;
}

void MainWindow::createServiceUi()
{
    m_servicePanel = new ServicePanel(m_records->serviceClient(), this);
    auto *dock = new QDockWidget(tr("Find a patient"), this);
    dock->setObjectName(QStringLiteral("serviceSearchDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(m_servicePanel);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    connect(m_servicePanel, &ServicePanel::patientsFound, this, &MainWindow::onServicePatientsFound);
    connect(m_patientList, &PatientListView::patientActivated, this, &MainWindow::openServicePatient);

    m_serviceBanners = new ServiceBanners(this);
    if (auto *layout = qobject_cast<QVBoxLayout *>(centralWidget()->layout()))
        layout->insertWidget(0, m_serviceBanners);

    const Net::ConnectionProfile &profile = m_records->serviceProfile();
    QMenu *menu = menuBar()->addMenu(tr("&Service"));
    QAction *connection = menu->addAction(tr("Connection settings…"));
    connect(connection, &QAction::triggered, this, &MainWindow::editConnection);
    QAction *refresh = menu->addAction(tr("Refresh patient"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, m_records, &Session::RecordController::refreshServicePatient);
    m_emergencyAction = menu->addAction(tr("Emergency access…"));
    m_emergencyAction->setToolTip(tr("Read the record without the patient's consent, stating why (break the glass)."));
    m_emergencyAction->setVisible(profile.allowEmergencyAccess);
    m_emergencyAction->setEnabled(false);
    connect(m_emergencyAction, &QAction::triggered, this, &MainWindow::askEmergencyAccess);
    menu->addSeparator();
    QAction *history = menu->addAction(tr("Access history…"));
    history->setToolTip(tr("The records you opened on this workstation, and whether the log is intact."));
    connect(history, &QAction::triggered, this, &MainWindow::showAccessHistory);
    m_purgeCacheAction = menu->addAction(tr("Purge cached records…"));
    m_purgeCacheAction->setEnabled(false); // once the cache is open
    connect(m_purgeCacheAction, &QAction::triggered, this, &MainWindow::askPurgeCache);

    using Session::RecordController;
    // Also while the cache opens: nothing to purge yet, and the purge would race the open.
    connect(m_records, &RecordController::cacheBusyChanged, this,
            [this](bool busy) { m_purgeCacheAction->setEnabled(!busy && m_records->recordCache() != nullptr); });
    connect(m_records, &RecordController::serviceReady, this, [this](const QString &note) {
        // Working without a cache is still working: say so and go on.
        statusBar()->showMessage(!note.isEmpty() ? note
                                                 : tr("Connected to %1").arg(m_records->serviceProfile().baseUrl.toDisplayString(QUrl::RemoveUserInfo)));
        m_purgeCacheAction->setEnabled(m_records->recordCache() != nullptr);
        Q_EMIT serviceReady();
    });
    connect(m_records, &RecordController::serviceOpenWaiting, this,
            [this] { m_serviceBanners->showStatus(tr("Opening the local cache…"), ServiceBanners::Level::Info); });
    connect(m_records, &RecordController::serviceOpenStarted, this, [this](const QString &, const Net::PurposeOfUse &purpose) {
        m_emergencyAction->setEnabled(false);
        if (purpose.reason == Net::PurposeOfUse::Reason::EmergencyTreatment) {
            m_view = QStringLiteral("emergency"); // break-the-glass opens on the emergency summary
            m_serviceBanners->showStatus(tr("Emergency access: loading the record…"), ServiceBanners::Level::Warning);
        } else {
            m_serviceBanners->showStatus(tr("Loading the record from the sharing service…"), ServiceBanners::Level::Info);
        }
        m_serviceBanners->showPurpose(purpose, m_records->emergencyAccessAt());
    });
    connect(m_records, &RecordController::serviceCachedRecordShown, this, [this](const QString &patientId, const QDateTime &cachedAt) {
        m_serviceBanners->showStatus(tr("Showing cached data from %1; refreshing from the sharing service…").arg(DateFormat::dateTime(cachedAt)),
                                     ServiceBanners::Level::Info);
        Q_EMIT serviceCachedRecordShown(patientId);
    });
    connect(m_records, &RecordController::serviceRecordLoaded, this, &MainWindow::onServiceRecord);
    connect(m_records, &RecordController::purged, this, [this](bool ok, const QString &error) {
        if (ok)
            statusBar()->showMessage(tr("Cached records removed."));
        else {
            statusBar()->clearMessage();
            QMessageBox::warning(this, tr("Purge cached records"), error);
        }
        Q_EMIT cachePurged(ok);
    });
}

void MainWindow::onServicePatientsFound(const QList<PatientInfo> &patients, const Net::FhirError &error)
{
    if (m_locked)
        return; // arrived after the lock: never shown
    if (error.isError()) {
        m_serviceBanners->showStatus(tr("The patient search failed: %1").arg(error.message()), ServiceBanners::Level::Error);
        return;
    }
    m_patientModel->setPatients(patients);
    statusBar()->showMessage(tr("%n patient(s) found", nullptr, int(patients.size())));
}

void MainWindow::openServicePatient(const QString &patientId)
{
    m_records->openServicePatient(patientId, Net::PurposeOfUse::treatment());
}

bool MainWindow::openServicePatientInEmergency(const QString &patientId, const QString &reason)
{
    return m_records->openServicePatient(patientId, Net::PurposeOfUse::emergency(reason));
}

void MainWindow::onServiceRecord(const QString &patientId, const RecordLoadOutcome &outcome)
{
    const bool allowEmergency = m_records->serviceProfile().allowEmergencyAccess;
    const PatientRecord *shown = m_records->serviceRecord();
    m_serviceBanners->showOutcome(patientId, outcome, shown && SharingServiceSource::isEmptyRecord(*shown), allowEmergency);
    m_emergencyAction->setEnabled(allowEmergency && !patientId.isEmpty());
    statusBar()->showMessage(tr("%n item(s)", nullptr, shown ? int(shown->items.size()) : 0));
    Q_EMIT servicePatientLoaded(patientId);
}

void MainWindow::askEmergencyAccess()
{
    const QString patientId = m_records->servicePatientId();
    if (patientId.isEmpty() || !m_records->serviceProfile().allowEmergencyAccess)
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Emergency access"),
                                                 tr("Why do you need this record without the patient's consent?\n"
                                                    "The reason is sent to the sharing service and recorded in the access history."),
                                                 QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    if (reason.trimmed().isEmpty()) {
        QMessageBox::warning(this, tr("Emergency access"), tr("Emergency access needs a reason."));
        return;
    }
    openServicePatientInEmergency(patientId, reason);
}

void MainWindow::showAccessHistory()
{
    if (!m_records->accessHistory())
        return;
    auto *dialog = new AccessHistoryDialog(m_records->accessHistory(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

bool MainWindow::purgeCachedRecords(QString *error)
{
    return m_records->purgeCachesNow(error);
}

void MainWindow::askPurgeCache()
{
    if (m_records->isCacheBusy())
        return;
    const auto answer = QMessageBox::question(this, tr("Purge cached records"),
                                              tr("Remove every record cached on this computer? Patients will have to be "
                                                 "loaded from the sharing service again."),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    // Secure delete, VACUUM and the image files can take a while: on a worker thread, action disabled.
    statusBar()->showMessage(tr("Removing the cached records…"));
    m_records->purgeCaches();
}

void MainWindow::editConnection()
{
    ConnectionProfileDialog dialog(this);
    dialog.setProfile(m_records->serviceProfile());
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Connection saved. It is used the next time you connect."));
}

} // namespace Kakehashi
