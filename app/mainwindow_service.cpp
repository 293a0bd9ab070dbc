// MainWindow's sharing-service mode: search panel, cache-first opening, offline and emergency access.
// Kept apart from mainwindow.cpp so the local-file views and the service wiring evolve separately.
#include "mainwindow.h"
#include "dateformat.h"

#include "accesshistory.h"
#include "accesshistorydialog.h"
#include "connectionprofiledialog.h"
#include "displayzone.h"
#include "fhirclient.h"
#include "imagecache.h"
#include "imagingpanel.h"
#include "patientlistmodel.h"
#include "patientlistview.h"
#include "patientview.h"
#include "recordcache.h"
#include "servicepanel.h"
#include "sharingservicesource.h"

#include <QDir>
#include <QDockWidget>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcServiceWindow, "kakehashi.app.service", QtInfoMsg)

namespace Kakehashi {

namespace {

const auto BannerInfo = QStringLiteral("QLabel { background: #e3f2fd; color: #0d3c61; border: 1px solid #90caf9; padding: 4px; }");
const auto BannerWarning = QStringLiteral("QLabel { background: #fff4d6; color: #6b4a00; border: 1px solid #e8c870; padding: 4px; }");
const auto BannerError = QStringLiteral("QLabel { background: #fdecea; color: #7f1d1d; border: 1px solid #f5a3a3; padding: 4px; }");

QString cachePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/record-cache.sqlite");
}

} // namespace

void MainWindow::setCacheKey(const QByteArray &key)
{
    m_cacheKey = key;
}

bool MainWindow::isServiceLoading() const
{
    return (m_recordLoader && m_recordLoader->isRunning()) || !m_pendingOpen.isEmpty();
}

bool MainWindow::connectService(const Net::ConnectionProfile &profile, QString *error)
{
    if (!profile.isValid()) {
        *error = tr("\"%1\" is not a usable sharing-service address.").arg(profile.baseUrl.toString());
        return false;
    }
    if (m_serviceClient) {
        *error = tr("Already connected to a sharing service.");
        return false;
    }
    m_serviceProfile = profile;
    m_imagingProfile = profile;
    auto *client = new Net::FhirClient(profile, this);
    QString sslError;
    const QSslConfiguration ssl = profile.sslConfiguration(&sslError);
    if (!sslError.isEmpty()) {
        delete client;
        *error = sslError;
        return false;
    }
    client->setSslConfiguration(ssl);
    if (!applyCardSession(client, profile, error)) {
        delete client;
        return false;
    }

    if (m_cacheKey.size() != RecordCache::KeyBytes)
        m_cacheKey = Session::CacheKeys::forThisSessionOnly().record;
    const QString user = m_sessionIdentity.name.isEmpty() ? QStringLiteral("anonymous") : m_sessionIdentity.name;
    // Every record opened is logged on this workstation, sealed under the same key as the cache.
    m_accessHistory = std::make_shared<AccessHistory>(
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/access-history.log"), m_cacheKey, user);

    m_serviceClient = client;
    createServiceUi();
    // Opening (and migrating, and trimming) the SQLite cache runs on a worker thread.
    setPurging(true);
    statusBar()->showMessage(tr("Opening the local cache…"));
    m_cacheOpening = Session::CacheMaintenance::openRecordCache(cachePath(), m_cacheKey, user, qint64(profile.cacheTtlDays) * 24 * 3600,
                                                                qint64(profile.cacheBudgetMb) * 1024 * 1024);
    m_cacheOpening.then(this, [this](const Session::CacheMaintenance::Opened &opened) { onRecordCacheOpened(opened); });
    return true;
}

void MainWindow::onRecordCacheOpened(const Session::CacheMaintenance::Opened &opened)
{
    m_recordCache = opened.cache;
    setPurging(false);
    m_recordLoader = new PatientRecordLoader(m_serviceClient, m_recordCache, this);
    connect(m_recordLoader, &PatientRecordLoader::cachedRecordReady, this, &MainWindow::onServiceCachedRecord);
    connect(m_recordLoader, &PatientRecordLoader::recordReady, this, &MainWindow::onServiceRecord);
    // Working without a cache is still working: say so and go on.
    if (!m_recordCache)
        statusBar()->showMessage(opened.error);
    else
        statusBar()->showMessage(tr("Connected to %1").arg(m_serviceProfile.baseUrl.toDisplayString(QUrl::RemoveUserInfo)));
    Q_EMIT serviceReady();
    if (!m_pendingOpen.isEmpty() && !m_locked) {
        const QString id = std::exchange(m_pendingOpen, QString());
        if (m_pendingPurpose.reason == Net::PurposeOfUse::Reason::EmergencyTreatment)
            openServicePatientInEmergency(id, m_pendingPurpose.emergencyReason);
        else
            openServicePatient(id);
    }
}

void MainWindow::setPurging(bool purging)
{
    // Also while the cache opens: nothing to purge yet, and the purge would race the open.
    m_purging = purging;
    if (m_purgeCacheAction)
        m_purgeCacheAction->setEnabled(!purging && m_recordCache != nullptr);
}

void MainWindow::createServiceUi()
{
    m_servicePanel = new ServicePanel(m_serviceClient, this);
    auto *dock = new QDockWidget(tr("Find a patient"), this);
    dock->setObjectName(QStringLiteral("serviceSearchDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(m_servicePanel);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    connect(m_servicePanel, &ServicePanel::patientsFound, this, &MainWindow::onServicePatientsFound);
    connect(m_patientList, &PatientListView::patientActivated, this, &MainWindow::openServicePatient);

    m_serviceBanner = new QLabel(this);
    m_serviceBanner->setObjectName(QStringLiteral("serviceBanner"));
    m_serviceBanner->setWordWrap(true);
    m_serviceBanner->setTextFormat(Qt::PlainText);
    m_serviceBanner->setAccessibleName(tr("Sharing-service status"));
    m_serviceBanner->hide();
    if (auto *layout = qobject_cast<QVBoxLayout *>(centralWidget()->layout()))
        layout->insertWidget(0, m_serviceBanner);
    m_emergencyAccessBanner = new QLabel(this);
    m_emergencyAccessBanner->setObjectName(QStringLiteral("emergencyAccessBanner"));
    m_emergencyAccessBanner->setWordWrap(true);
    m_emergencyAccessBanner->setTextFormat(Qt::PlainText);
    m_emergencyAccessBanner->setAccessibleName(tr("Emergency access"));
    m_emergencyAccessBanner->setStyleSheet(
        QStringLiteral("QLabel { background: #b71c1c; color: white; font-weight: bold; border: 1px solid #7f0000; padding: 4px; }"));
    m_emergencyAccessBanner->hide();
    if (auto *layout = qobject_cast<QVBoxLayout *>(centralWidget()->layout()))
        layout->insertWidget(0, m_emergencyAccessBanner);

    QMenu *menu = menuBar()->addMenu(tr("&Service"));
    QAction *connection = menu->addAction(tr("Connection settings…"));
    connect(connection, &QAction::triggered, this, &MainWindow::editConnection);
    QAction *refresh = menu->addAction(tr("Refresh patient"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, [this] {
        if (!m_servicePatient.isEmpty())
            openServicePatient(m_servicePatient);
    });
    m_emergencyAction = menu->addAction(tr("Emergency access…"));
    m_emergencyAction->setToolTip(tr("Read the record without the patient's consent, stating why (break the glass)."));
    m_emergencyAction->setVisible(m_serviceProfile.allowEmergencyAccess);
    m_emergencyAction->setEnabled(false);
    connect(m_emergencyAction, &QAction::triggered, this, &MainWindow::askEmergencyAccess);
    menu->addSeparator();
    QAction *history = menu->addAction(tr("Access history…"));
    history->setToolTip(tr("The records you opened on this workstation, and whether the log is intact."));
    connect(history, &QAction::triggered, this, &MainWindow::showAccessHistory);
    m_purgeCacheAction = menu->addAction(tr("Purge cached records…"));
    m_purgeCacheAction->setEnabled(false); // once the cache is open
    connect(m_purgeCacheAction, &QAction::triggered, this, &MainWindow::askPurgeCache);
}

void MainWindow::updateEmergencyAccessBanner()
{
    if (!m_emergencyAccessBanner)
        return;
    const bool emergency = m_openPurpose.reason == Net::PurposeOfUse::Reason::EmergencyTreatment && !m_servicePatient.isEmpty();
    if (!emergency) {
        m_emergencyAccessBanner->clear();
        m_emergencyAccessBanner->hide();
        return;
    }
    const QString when = DisplayZone::toDisplay(m_emergencyAccessAt).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_emergencyAccessBanner->setText(tr("EMERGENCY ACCESS (break the glass): this record was opened without the patient's "
                                        "consent at %1. Reason: %2. The access is recorded in the patient's access history.")
                                         .arg(when, m_openPurpose.emergencyReason));
    m_emergencyAccessBanner->show();
}

void MainWindow::setServiceBanner(const QString &text, const QString &style)
{
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
    if (!m_serviceClient || patientId.isEmpty())
        return;
    if (!m_recordLoader) { // the cache is still opening: this patient is opened as soon as it is
        m_pendingOpen = patientId;
        m_pendingPurpose = Net::PurposeOfUse::treatment();
        setServiceBanner(tr("Opening the local cache…"), BannerInfo);
        return;
    }
    // Selecting the row that is already loading is not a new request.
    if (patientId == m_servicePatient && m_recordLoader->isRunning())
        return;
    m_servicePatient = patientId;
    m_emergencyAction->setEnabled(false);
    m_serviceStale = true;
    setServiceBanner(tr("Loading the record from the sharing service…"), BannerInfo);
    m_openPurpose = {};
    updateEmergencyAccessBanner();
    m_accessLoggedFor.clear();
    m_recordLoader->open(patientId, Net::PurposeOfUse::treatment());
}

bool MainWindow::openServicePatientInEmergency(const QString &patientId, const QString &reason)
{
    if (!m_serviceClient || !m_serviceProfile.allowEmergencyAccess || reason.trimmed().isEmpty() || patientId.isEmpty())
        return false;
    if (!m_recordLoader) { // the cache is still opening
        m_pendingOpen = patientId;
        m_pendingPurpose = Net::PurposeOfUse::emergency(reason);
        setServiceBanner(tr("Opening the local cache…"), BannerInfo);
        return true;
    }
    m_servicePatient = patientId;
    m_serviceStale = true;
    m_emergencyAction->setEnabled(false);
    setServiceBanner(tr("Emergency access: loading the record…"), BannerWarning);
    const Net::PurposeOfUse purpose = Net::PurposeOfUse::emergency(reason);
    m_view = QStringLiteral("emergency"); // break-the-glass opens on the emergency summary
    m_openPurpose = purpose; // the images of this open are fetched for the same purpose
    m_emergencyAccessAt = QDateTime::currentDateTimeUtc(); // the real time of the access, not --as-of
    updateEmergencyAccessBanner();
    m_accessLoggedFor.clear();
    m_recordLoader->open(patientId, purpose);
    return true;
}

void MainWindow::showServiceRecord(const RecordSet &set)
{
    const PatientRecord *record = set.find(m_servicePatient);
    if (!record) {
        m_serviceRecordShown = false;
        m_serviceRecord = {};
        m_patientView->clear();
        return;
    }
    m_serviceRecord = m_rolePolicy.apply(*record);
    m_serviceRecordShown = true;
    if (m_currentPatient != record->patient.id)
        m_imagingPanel->closeStudy(); // the previous patient's retrieval stops
    m_currentPatient = record->patient.id;
    m_patientView->setRecord(m_serviceRecord);
    if (!m_view.isEmpty())
        m_patientView->setView(m_view);
    logRecordAccess(m_serviceRecord);
}

void MainWindow::logRecordAccess(const PatientRecord &shown)
{
    // Once per open: the cached record and the fresh one that follows are one access.
    if (!m_accessHistory || m_accessLoggedFor == m_servicePatient)
        return;
    m_accessLoggedFor = m_servicePatient;
    AccessEntry entry;
    entry.at = QDateTime::currentDateTimeUtc();
    entry.holder = m_sessionIdentity.name.isEmpty() ? tr("(no card)") : m_sessionIdentity.name;
    entry.role = m_sessionIdentity.role;
    entry.patientId = m_servicePatient;
    entry.patientName = shown.patient.displayName();
    entry.purpose = QString::fromLatin1(m_openPurpose.actReasonCode());
    if (m_openPurpose.reason == Net::PurposeOfUse::Reason::EmergencyTreatment)
        entry.emergencyReason = m_openPurpose.emergencyReason;
    entry.service = QStringLiteral("%1 (%2)").arg(m_serviceProfile.name, m_serviceProfile.baseUrl.toDisplayString(QUrl::RemoveUserInfo));
    entry.source = m_serviceStale ? QStringLiteral("cache") : QStringLiteral("service");
    for (int c = 0; c < ItemCategoryCount; ++c) {
        const auto category = ItemCategory(c);
        if (const int n = shown.count(category))
            entry.categories.append(QStringLiteral("%1:%2").arg(CategoryNames::key(category)).arg(n));
    }
    if (shown.withheldCount > 0)
        entry.categories.append(QStringLiteral("withheld:%1").arg(shown.withheldCount));
    // The append syncs the file: off the GUI thread.
    const std::shared_ptr<AccessHistory> history = m_accessHistory;
    (void)QtConcurrent::run([history, entry] {
        QString error;
        if (!history->append(entry, &error))
            qCWarning(lcServiceWindow) << "the access history could not be written";
    });
}

void MainWindow::showAccessHistory()
{
    if (!m_accessHistory)
        return;
    auto *dialog = new AccessHistoryDialog(m_accessHistory, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::onServiceCachedRecord(const RecordSet &set, const QDateTime &cachedAt)
{
    if (m_locked)
        return; // arrived after the lock: never shown
    m_serviceStale = true;
    showServiceRecord(set);
    setServiceBanner(tr("Showing cached data from %1; refreshing from the sharing service…")
                         .arg(DateFormat::dateTime(cachedAt)),
                     BannerInfo);
    Q_EMIT serviceCachedRecordShown(m_servicePatient);
}

void MainWindow::onServiceRecord(const RecordSet &set, const RecordLoadOutcome &outcome)
{
    if (m_locked)
        return; // arrived after the lock: never shown
    m_serviceOutcome = outcome;
    m_serviceStale = outcome.state != RecordLoadOutcome::State::Fresh;
    const QString when = DateFormat::dateTime(outcome.cachedAt);
    switch (outcome.state) {
    case RecordLoadOutcome::State::Fresh:
        showServiceRecord(set);
        // The Patient exists but nothing came with it: say so, never present it as a complete, empty record.
        if (const PatientRecord *record = set.find(m_servicePatient); record && SharingServiceSource::isEmptyRecord(*record))
            setServiceBanner(SharingServiceSource::emptyRecordWarning(m_servicePatient), BannerWarning);
        else
            setServiceBanner({}, {});
        break;
    case RecordLoadOutcome::State::Offline:
        showServiceRecord(set);
        setServiceBanner(tr("Offline: showing cached data from %1. It is read-only and may be out of date. %2")
                             .arg(when, outcome.error.message()),
                         BannerWarning);
        break;
    case RecordLoadOutcome::State::Incomplete:
        showServiceRecord(set);
        setServiceBanner(tr("The record is incomplete: the sharing service failed part-way. Showing what arrived and what "
                            "was cached before. %1")
                             .arg(outcome.error.message()),
                         BannerWarning);
        break;
    case RecordLoadOutcome::State::Failed: {
        showServiceRecord({});
        QString text;
        if (outcome.notCached)
            text = tr("Patient %1 is not in the local cache, and the sharing service cannot be reached: %2")
                       .arg(m_servicePatient, outcome.error.message());
        else if (outcome.error.kind == Net::FhirError::Kind::Http403)
            text = tr("No consent: the patient has not agreed to share this record with you. %1").arg(outcome.error.message());
        else
            text = tr("The record could not be loaded: %1").arg(outcome.error.message());
        if (outcome.error.kind == Net::FhirError::Kind::Http403 && m_serviceProfile.allowEmergencyAccess)
            text += u' ' + tr("In an emergency, use Service › Emergency access.");
        setServiceBanner(text, BannerError);
        break;
    }
    }
    m_emergencyAction->setEnabled(m_serviceProfile.allowEmergencyAccess && !m_servicePatient.isEmpty());
    statusBar()->showMessage(tr("%n item(s)", nullptr, m_serviceRecordShown ? int(m_serviceRecord.items.size()) : 0));
    Q_EMIT servicePatientLoaded(m_servicePatient);
}

void MainWindow::askEmergencyAccess()
{
    if (m_servicePatient.isEmpty() || !m_serviceProfile.allowEmergencyAccess)
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
    openServicePatientInEmergency(m_servicePatient, reason);
}

bool MainWindow::purgeCachedRecords(QString *error)
{
    // Called right after connectService() the cache may still be opening: this call may wait for it.
    std::shared_ptr<RecordCache> records = m_recordCache;
    if (!records && m_cacheOpening.isValid())
        records = m_cacheOpening.result().cache;
    QFuture<Session::CacheMaintenance::Purged> purge = Session::CacheMaintenance::purge(records, imageCache(), true);
    purge.waitForFinished();
    const Session::CacheMaintenance::Purged purged = purge.result();
    if (!purged.ok)
        *error = purged.error;
    return purged.ok;
}

void MainWindow::askPurgeCache()
{
    if (m_purging)
        return;
    const auto answer = QMessageBox::question(this, tr("Purge cached records"),
                                              tr("Remove every record cached on this computer? Patients will have to be "
                                                 "loaded from the sharing service again."),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    // Secure delete, VACUUM and the image files can take a while: on a worker thread, action disabled.
    setPurging(true);
    statusBar()->showMessage(tr("Removing the cached records…"));
    Session::CacheMaintenance::purge(m_recordCache, imageCache(), true).then(this, [this](const Session::CacheMaintenance::Purged &purged) {
        setPurging(false);
        if (purged.ok)
            statusBar()->showMessage(tr("Cached records removed."));
        else {
            statusBar()->clearMessage();
            QMessageBox::warning(this, tr("Purge cached records"), purged.error);
        }
        Q_EMIT cachePurged(purged.ok);
    });
}

void MainWindow::editConnection()
{
    ConnectionProfileDialog dialog(this);
    dialog.setProfile(m_serviceProfile);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Connection saved. It is used the next time you connect."));
}

} // namespace Kakehashi
