// MainWindow's sharing-service mode: the search panel, the banners that say where the record on
// screen came from (cache, service, offline, incomplete, no consent, emergency access) and the menu.
// Connecting, opening, caching and logging the access are Session::RecordController's.
#include "mainwindow.h"
#include "dateformat.h"

#include "accesshistorydialog.h"
#include "connectionprofiledialog.h"
#include "displayzone.h"
#include "patientlistmodel.h"
#include "patientlistview.h"
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

namespace {

const auto BannerInfo = QStringLiteral("QLabel { background: #e3f2fd; color: #0d3c61; border: 1px solid #90caf9; padding: 4px; }");
const auto BannerWarning = QStringLiteral("QLabel { background: #fff4d6; color: #6b4a00; border: 1px solid #e8c870; padding: 4px; }");
const auto BannerError = QStringLiteral("QLabel { background: #fdecea; color: #7f1d1d; border: 1px solid #f5a3a3; padding: 4px; }");

} // namespace

void MainWindow::setCacheKey(const QByteArray &key)
{
    m_records->setCacheKeys({key, key, false});
}

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

    auto banner = [this](const QString &name, const QString &accessibleName) {
        auto *label = new QLabel(this);
        label->setObjectName(name);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setAccessibleName(accessibleName);
        label->hide();
        if (auto *layout = qobject_cast<QVBoxLayout *>(centralWidget()->layout()))
            layout->insertWidget(0, label);
        return label;
    };
    m_serviceBanner = banner(QStringLiteral("serviceBanner"), tr("Sharing-service status"));
    m_emergencyAccessBanner = banner(QStringLiteral("emergencyAccessBanner"), tr("Emergency access"));
    m_emergencyAccessBanner->setStyleSheet(
        QStringLiteral("QLabel { background: #b71c1c; color: white; font-weight: bold; border: 1px solid #7f0000; padding: 4px; }"));

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
    connect(m_records, &RecordController::serviceOpenWaiting, this, [this] { setServiceBanner(tr("Opening the local cache…"), BannerInfo); });
    connect(m_records, &RecordController::serviceOpenStarted, this, [this](const QString &, const Net::PurposeOfUse &purpose) {
        m_emergencyAction->setEnabled(false);
        if (purpose.reason == Net::PurposeOfUse::Reason::EmergencyTreatment) {
            m_view = QStringLiteral("emergency"); // break-the-glass opens on the emergency summary
            setServiceBanner(tr("Emergency access: loading the record…"), BannerWarning);
        } else {
            setServiceBanner(tr("Loading the record from the sharing service…"), BannerInfo);
        }
        updateEmergencyAccessBanner();
    });
    connect(m_records, &RecordController::serviceCachedRecordShown, this, [this](const QString &patientId, const QDateTime &cachedAt) {
        setServiceBanner(tr("Showing cached data from %1; refreshing from the sharing service…").arg(DateFormat::dateTime(cachedAt)),
                         BannerInfo);
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

void MainWindow::updateEmergencyAccessBanner()
{
    const Net::PurposeOfUse &purpose = m_records->openPurpose();
    if (purpose.reason != Net::PurposeOfUse::Reason::EmergencyTreatment || m_records->servicePatientId().isEmpty()) {
        m_emergencyAccessBanner->clear();
        m_emergencyAccessBanner->hide();
        return;
    }
    const QString when = DisplayZone::toDisplay(m_records->emergencyAccessAt()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_emergencyAccessBanner->setText(tr("EMERGENCY ACCESS (break the glass): this record was opened without the patient's "
                                        "consent at %1. Reason: %2. The access is recorded in the patient's access history.")
                                         .arg(when, purpose.emergencyReason));
    m_emergencyAccessBanner->show();
}

void MainWindow::setServiceBanner(const QString &text, const QString &style)
{
    if (!m_serviceBanner)
        return;
    m_serviceBanner->setText(text);
    m_serviceBanner->setStyleSheet(style);
    m_serviceBanner->setVisible(!text.isEmpty());
}

void MainWindow::onServicePatientsFound(const QList<PatientInfo> &patients, const Net::FhirError &error)
{
    if (m_locked)
        return; // arrived after the lock: never shown
    if (error.isError()) {
        setServiceBanner(tr("The patient search failed: %1").arg(error.message()), BannerError);
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
    const QString when = DateFormat::dateTime(outcome.cachedAt);
    switch (outcome.state) {
    case RecordLoadOutcome::State::Fresh:
        // The Patient exists but nothing came with it: say so, never present it as a complete, empty record.
        if (const PatientRecord *record = m_records->serviceRecord(); record && SharingServiceSource::isEmptyRecord(*record))
            setServiceBanner(SharingServiceSource::emptyRecordWarning(patientId), BannerWarning);
        else
            setServiceBanner({}, {});
        break;
    case RecordLoadOutcome::State::Offline:
        setServiceBanner(tr("Offline: showing cached data from %1. It is read-only and may be out of date. %2")
                             .arg(when, outcome.error.message()),
                         BannerWarning);
        break;
    case RecordLoadOutcome::State::Incomplete:
        setServiceBanner(tr("The record is incomplete: the sharing service failed part-way. Showing what arrived and what "
                            "was cached before. %1")
                             .arg(outcome.error.message()),
                         BannerWarning);
        break;
    case RecordLoadOutcome::State::Failed: {
        QString text;
        if (outcome.notCached)
            text = tr("Patient %1 is not in the local cache, and the sharing service cannot be reached: %2")
                       .arg(patientId, outcome.error.message());
        else if (outcome.error.kind == Net::FhirError::Kind::Http403)
            text = tr("No consent: the patient has not agreed to share this record with you. %1").arg(outcome.error.message());
        else
            text = tr("The record could not be loaded: %1").arg(outcome.error.message());
        if (outcome.error.kind == Net::FhirError::Kind::Http403 && allowEmergency)
            text += u' ' + tr("In an emergency, use Service › Emergency access.");
        setServiceBanner(text, BannerError);
        break;
    }
    }
    m_emergencyAction->setEnabled(allowEmergency && !patientId.isEmpty());
    const PatientRecord *shown = m_records->serviceRecord();
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
