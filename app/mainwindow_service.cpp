// MainWindow's sharing-service mode: the search panel, the banners that say where the record on
// screen came from (cache, service, offline, incomplete, no consent, emergency access) and the menu.
// Connecting, opening, caching and logging the access are Session::RecordController's.
#include "mainwindow.h"
#include "record/dateformat.h"

#include "viewer/patientlistmodel.h"
#include "viewer/patientlistview.h"
#include "viewer/service/servicebanners.h"
#include "viewer/service/servicemenu.h"
#include "viewer/service/servicepanel.h"
#include "session/sharingservicesource.h"
#include "viewer/signin/cardsessionui.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Kakehashi {

QLabel *MainWindow::serviceBanner() const { return m_serviceBanners ? m_serviceBanners->statusBanner() : nullptr; }
QAction *MainWindow::emergencyAccessAction() const { return m_serviceMenu ? m_serviceMenu->emergencyAccessAction() : nullptr; }
QAction *MainWindow::purgeCacheAction() const { return m_serviceMenu ? m_serviceMenu->purgeCacheAction() : nullptr; }
QLabel *MainWindow::emergencyAccessBanner() const { return m_serviceBanners ? m_serviceBanners->emergencyBanner() : nullptr; }

bool MainWindow::connectService(const Net::ConnectionProfile &profile, QString *error)
{
    if (!m_records->connectService(profile, m_session->cardSession(), error))
        return false;
    if (m_session->cardSession())
        m_session->setIdleLockTimeout(profile.idleLockSeconds);
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

    // Before the window's own handlers: the actions are enabled by the time the window's signals go out.
    m_serviceMenu = new ServiceMenu(m_records, this);
    menuBar()->addMenu(m_serviceMenu);
    connect(m_serviceMenu, &ServiceMenu::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text); });

    using Session::RecordController;
    connect(m_records, &RecordController::serviceReady, this, [this](const QString &note) {
        // Working without a cache is still working: say so and go on.
        statusBar()->showMessage(!note.isEmpty() ? note
                                                 : tr("Connected to %1").arg(m_records->serviceProfile().baseUrl.toDisplayString(QUrl::RemoveUserInfo)));
        Q_EMIT serviceReady();
    });
    connect(m_records, &RecordController::serviceOpenWaiting, this,
            [this] { m_serviceBanners->showStatus(tr("Opening the local cache…"), ServiceBanners::Level::Info); });
    connect(m_records, &RecordController::serviceOpenStarted, this, [this](const QString &, const Net::PurposeOfUse &purpose) {
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
    if (m_session->isLocked())
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
    statusBar()->showMessage(tr("%n item(s)", nullptr, shown ? int(shown->items.size()) : 0));
    Q_EMIT servicePatientLoaded(patientId);
}

} // namespace Kakehashi
