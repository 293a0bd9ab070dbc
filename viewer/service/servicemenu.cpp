#include "servicemenu.h"

#include "accesshistorydialog.h"
#include "connectionprofiledialog.h"
#include "session/recordcontroller.h"

#include <QInputDialog>
#include <QMessageBox>

namespace Kakehashi {

using Session::RecordController;

ServiceMenu::ServiceMenu(RecordController *records, QWidget *parent)
    : QMenu(tr("&Service"), parent)
    , m_records(records)
{
    setObjectName(QStringLiteral("serviceMenu"));
    addAction(tr("Connection settings…"), this, &ServiceMenu::editConnection);
    QAction *refresh = addAction(tr("Refresh patient"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, records, &RecordController::refreshServicePatient);
    m_emergency = addAction(tr("Emergency access…"));
    m_emergency->setToolTip(tr("Read the record without the patient's consent, stating why (break the glass)."));
    m_emergency->setVisible(records->serviceProfile().allowEmergencyAccess);
    m_emergency->setEnabled(false); // once a patient's open has finished
    connect(m_emergency, &QAction::triggered, this, &ServiceMenu::askEmergencyAccess);
    addSeparator();
    QAction *history = addAction(tr("Access history…"));
    history->setToolTip(tr("The records you opened on this workstation, and whether the log is intact."));
    connect(history, &QAction::triggered, this, &ServiceMenu::showAccessHistory);
    m_purge = addAction(tr("Purge cached records…"));
    m_purge->setEnabled(false); // once the cache is open
    connect(m_purge, &QAction::triggered, this, &ServiceMenu::askPurgeCache);

    // Also while the cache opens: nothing to purge yet, and the purge would race the open.
    connect(records, &RecordController::cacheBusyChanged, this,
            [this](bool busy) { m_purge->setEnabled(!busy && m_records->recordCache() != nullptr); });
    connect(records, &RecordController::serviceReady, this, [this] { m_purge->setEnabled(m_records->recordCache() != nullptr); });
    connect(records, &RecordController::serviceOpenStarted, this, [this] { m_emergency->setEnabled(false); });
    connect(records, &RecordController::serviceRecordLoaded, this, [this](const QString &patientId) {
        m_emergency->setEnabled(m_records->serviceProfile().allowEmergencyAccess && !patientId.isEmpty());
    });
}

void ServiceMenu::askEmergencyAccess()
{
    const QString patientId = m_records->servicePatientId();
    if (patientId.isEmpty() || !m_records->serviceProfile().allowEmergencyAccess)
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(parentWidget(), tr("Emergency access"),
                                                 tr("Why do you need this record without the patient's consent?\n"
                                                    "The reason is sent to the sharing service and recorded in the access history."),
                                                 QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    if (reason.trimmed().isEmpty()) {
        QMessageBox::warning(parentWidget(), tr("Emergency access"), tr("Emergency access needs a reason."));
        return;
    }
    m_records->openServicePatient(patientId, Net::PurposeOfUse::emergency(reason));
}

void ServiceMenu::showAccessHistory()
{
    if (!m_records->accessHistory())
        return;
    auto *dialog = new AccessHistoryDialog(m_records->accessHistory(), parentWidget());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ServiceMenu::askPurgeCache()
{
    if (m_records->isCacheBusy())
        return;
    const auto answer = QMessageBox::question(parentWidget(), tr("Purge cached records"),
                                              tr("Remove every record cached on this computer? Patients will have to be "
                                                 "loaded from the sharing service again."),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    // Secure delete, VACUUM and the image files can take a while: on a worker thread, action disabled.
    Q_EMIT statusMessage(tr("Removing the cached records…"));
    m_records->purgeCaches();
}

void ServiceMenu::editConnection()
{
    ConnectionProfileDialog dialog(parentWidget());
    dialog.setProfile(m_records->serviceProfile());
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT statusMessage(tr("Connection saved. It is used the next time you connect."));
}

} // namespace Kakehashi
