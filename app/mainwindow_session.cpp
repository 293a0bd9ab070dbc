// MainWindow's HPKI card session: who is signed in, the role-driven view, the lock (card removal,
// idle timeout) and logout. Kept apart from the service wiring in mainwindow_service.cpp.
#include "mainwindow.h"

#include "fhirclient.h"
#include "imagecache.h"
#include "imagingpanel.h"
#include "patientlistmodel.h"
#include "patientlistview.h"
#include "patientview.h"
#include "recordcache.h"
#include "signindialog.h"

#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcSession, "kakehashi.app.session", QtInfoMsg)

namespace Kakehashi {

using namespace Net;

void MainWindow::createSessionUi()
{
    m_pharmacyLabel = new QLabel(this);
    m_pharmacyLabel->setObjectName(QStringLiteral("pharmacyViewLabel"));
    m_pharmacyLabel->setAccessibleName(tr("Pharmacy view"));
    m_pharmacyLabel->setStyleSheet(QStringLiteral("QLabel { background: #00695c; color: white; font-weight: bold; padding: 3px 8px; border-radius: 3px; }"));
    if (auto *bar = findChild<QToolBar *>(QStringLiteral("sessionToolBar"))) {
        m_pharmacyLabelAction = bar->addWidget(m_pharmacyLabel);
        m_pharmacyLabelAction->setVisible(false);
    }

    m_idleTimer = new QTimer(this);
    m_idleTimer->setSingleShot(true);
    connect(m_idleTimer, &QTimer::timeout, this, [this] { lockSession(LockReason::Idle); });

    // Opaque, above the record and the docks; the toolbar with the user's name stays visible.
    m_lockOverlay = new QWidget(this);
    m_lockOverlay->setObjectName(QStringLiteral("lockOverlay"));
    m_lockOverlay->setAutoFillBackground(true);
    m_lockOverlay->setAttribute(Qt::WA_StyledBackground, true);
    m_lockOverlay->setStyleSheet(QStringLiteral("#lockOverlay { background: #37474f; } QLabel { color: white; font-size: 16px; }"));
    auto *layout = new QVBoxLayout(m_lockOverlay);
    layout->addStretch(1);
    auto *title = new QLabel(tr("Locked"), m_lockOverlay);
    title->setAlignment(Qt::AlignCenter);
    title->setStyleSheet(QStringLiteral("QLabel { font-size: 28px; font-weight: bold; }"));
    m_lockMessage = new QLabel(m_lockOverlay);
    m_lockMessage->setAlignment(Qt::AlignCenter);
    m_lockMessage->setWordWrap(true);
    m_lockMessage->setTextFormat(Qt::PlainText);
    auto *unlock = new QPushButton(tr("Unlock with your card…"), m_lockOverlay);
    unlock->setObjectName(QStringLiteral("unlockButton"));
    connect(unlock, &QPushButton::clicked, this, &MainWindow::requestUnlock);
    layout->addWidget(title);
    layout->addWidget(m_lockMessage);
    layout->addWidget(unlock, 0, Qt::AlignCenter);
    layout->addStretch(2);
    m_lockOverlay->hide();
    installEventFilter(this);
}

void MainWindow::showSessionIdentity()
{
    const HpkiCertificate &c = m_sessionCertificate;
    SessionIdentity identity;
    identity.name = c.kanjiName().isEmpty() ? c.romajiName() : c.kanjiName();
    identity.role = HpkiCertificate::roleName(c.role());
    identity.organization = c.kanjiOrganization().isEmpty() ? c.organization() : c.kanjiOrganization();
    setIdentity(identity);
}

void MainWindow::beginCardSession(HpkiCard *card, const HpkiTrustAnchors &anchors, const HpkiTlsIdentity &identity,
                                  const HpkiCertificate &certificate)
{
    m_card = card;
    m_cardAnchors = anchors;
    m_tlsIdentity = identity;
    m_sessionCertificate = certificate;
    showSessionIdentity();
    deriveCardCacheKeys();
    setRolePolicy(RolePolicy::forHcRole(certificate.roleText()));
    connect(card, &HpkiCard::tokenRemoved, this, [this] { lockSession(LockReason::CardRemoved); });
    card->setPresencePollInterval(1000);
    if (!findChild<QMenu *>(QStringLiteral("sessionMenu"))) {
        QMenu *menu = menuBar()->addMenu(tr("S&ession"));
        menu->setObjectName(QStringLiteral("sessionMenu"));
        QAction *lock = menu->addAction(tr("Lock"));
        lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
        connect(lock, &QAction::triggered, this, [this] { lockSession(LockReason::User); });
        QAction *signOut = menu->addAction(tr("Sign out"));
        connect(signOut, &QAction::triggered, this, &MainWindow::logout);
    }
    qCInfo(lcSession) << "card session started; pharmacy view:" << m_rolePolicy.isPharmacyView();
}

void MainWindow::deriveCardCacheKeys()
{
    // The card signs a fixed challenge; the keys exist only in memory and only with card and PIN, so a
    // copied disk reads nothing, and the same card reads its cache again after a restart.
    wipeCacheKeys();
    const std::optional<quint64> slot = m_card->loggedInSlot();
    if (!slot) {
        qCInfo(lcSession) << "no card login: the caches use a key for this session only";
        return;
    }
    std::optional<HpkiCardCertificate> onCard;
    for (const HpkiCardCertificate &c : m_card->certificates(*slot))
        if (c.certificate.der() == m_sessionCertificate.der())
            onCard = c;
    if (!onCard) {
        qCInfo(lcSession) << "session certificate not found on the card: the caches use a key for this session only";
        return;
    }
    QByteArray recordKey, imageKey;
    HpkiCardError error = m_card->deriveCacheKey(*onCard, QByteArray(RecordCacheKeyContext), &recordKey);
    if (error.ok())
        error = m_card->deriveCacheKey(*onCard, QByteArray(ImageCacheKeyContext), &imageKey);
    if (!error.ok() || recordKey.size() != RecordCache::KeyBytes || imageKey.size() != RecordCache::KeyBytes) {
        // Working with a per-session key is still working: the cache is simply not kept across restarts.
        for (QByteArray *k : {&recordKey, &imageKey})
            k->fill('\0');
        qCInfo(lcSession) << "card cannot derive a cache key (" << error.detail << "): the caches use a key for this session only";
        statusBar()->showMessage(error.message());
        return;
    }
    m_cacheKey = std::move(recordKey);
    m_imageCacheKey = std::move(imageKey);
    m_cacheKeyFromCard = true;
    qCInfo(lcSession) << "cache keys derived from the card";
}

void MainWindow::wipeCacheKeys()
{
    for (QByteArray *key : {&m_cacheKey, &m_imageCacheKey}) {
        key->fill('\0');
        key->clear();
    }
    m_cacheKeyFromCard = false;
}

void MainWindow::setRolePolicy(const RolePolicy &requested)
{
    RolePolicy policy = requested;
    policy.setPharmacySeesAllergies(m_serviceProfile.pharmacistSeesAllergies);
    m_rolePolicy = policy;
    m_pharmacyLabel->setText(policy.viewLabel());
    if (m_pharmacyLabelAction)
        m_pharmacyLabelAction->setVisible(policy.isPharmacyView());
    // Re-filter what is on screen (a narrower policy never leaves more visible than it allows).
    m_records = policy.apply(m_records);
    if (m_serviceRecordShown) {
        m_serviceRecord = policy.apply(m_serviceRecord);
        m_patientView->setRecord(m_serviceRecord);
    } else if (const PatientRecord *shown = m_records.find(m_currentPatient)) {
        m_patientView->setRecord(*shown);
    }
}

QSslConfiguration MainWindow::cardSslConfiguration(const ConnectionProfile &profile, QString *error) const
{
    QList<QSslCertificate> serverAnchors;
    for (const QString &file : profile.trustAnchorFiles)
        serverAnchors += QSslCertificate::fromPath(file, QSsl::Pem);
    if (serverAnchors.isEmpty()) {
        *error = tr("The connection \"%1\" names no trust anchor for the sharing service; the card is presented "
                    "only to a service verified against the connection's own CAs.").arg(profile.name);
        return {};
    }
    QSslConfiguration ssl = m_tlsIdentity.configuration(serverAnchors);
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    return ssl;
}

bool MainWindow::applyCardSession(FhirClient *client, const ConnectionProfile &profile, QString *error)
{
    if (!m_card) {
        if (profile.requiresCardSignIn()) {
            *error = tr("Sign in with your HPKI card to use %1.").arg(profile.baseUrl.toDisplayString(QUrl::RemoveUserInfo));
            return false;
        }
        return true;
    }
    const QSslConfiguration ssl = cardSslConfiguration(profile, error);
    if (!error->isEmpty())
        return false;
    client->setSslConfiguration(ssl);
    client->setClientRole(m_sessionCertificate.roleText().toUtf8());
    setIdleLockTimeout(profile.idleLockSeconds);
    return true;
}

void MainWindow::setIdleLockTimeout(int seconds)
{
    m_idleTimer->stop();
    qApp->removeEventFilter(this);
    if (seconds <= 0) {
        m_idleTimer->setInterval(0); // off: nothing restarts it
        return;
    }
    m_idleTimer->setInterval(seconds * 1000);
    qApp->installEventFilter(this);
    if (!m_locked)
        m_idleTimer->start();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (!m_locked && m_idleTimer->interval() > 0 && m_idleTimer->isActive())
            m_idleTimer->start();
        break;
    case QEvent::Resize:
        if (watched == this)
            placeLockOverlay();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::placeLockOverlay()
{
    int top = 0;
    if (auto *bar = findChild<QToolBar *>(QStringLiteral("sessionToolBar")); bar && bar->isVisible())
        top = bar->geometry().bottom() + 1;
    m_lockOverlay->setGeometry(0, top, width(), height() - top);
    m_lockOverlay->raise();
}

void MainWindow::dropPatientData()
{
    if (m_recordLoader)
        m_recordLoader->cancel();
    m_patientView->clear();
    m_patientModel->setPatients({});
    m_records = {};
    m_serviceRecord = {};
    m_serviceRecordShown = false;
    m_currentPatient.clear();
    m_imagingPanel->closeStudy();
    m_imagingPanel->showMessage(QString());
    m_imagingDock->hide();
    if (m_serviceBanner)
        m_serviceBanner->hide();
    if (m_emergencyAccessBanner)
        m_emergencyAccessBanner->hide();
    m_problems->clear();
    statusBar()->clearMessage();
}

void MainWindow::lockSession(LockReason reason)
{
    if (m_locked)
        return;
    m_locked = true;
    m_idleTimer->stop();
    dropPatientData();
    // The key handle is useless once logged out; the PIN is needed again.
    m_tlsIdentity = Net::HpkiTlsIdentity();
    if (m_serviceClient)
        m_serviceClient->setSslConfiguration(QSslConfiguration());
    if (m_card && m_card->isLoggedIn())
        m_card->logout();
    switch (reason) {
    case LockReason::CardRemoved:
        m_lockMessage->setText(tr("The card was removed. Insert it and unlock with your PIN."));
        break;
    case LockReason::Idle:
        m_lockMessage->setText(tr("Locked after a period without use. Unlock with your PIN."));
        break;
    case LockReason::User:
        m_lockMessage->setText(tr("Unlock with your PIN."));
        break;
    }
    menuBar()->setEnabled(false);
    placeLockOverlay();
    m_lockOverlay->show();
    qCInfo(lcSession) << "session locked, reason" << int(reason);
    Q_EMIT sessionLocked(reason);
}

void MainWindow::requestUnlock()
{
    if (!m_locked || !m_card || m_unlockDialog)
        return;
    auto *dialog = new SignInDialog(m_card, m_cardAnchors, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    m_unlockDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] { finishUnlock(dialog); });
    dialog->open();
}

void MainWindow::finishUnlock(SignInDialog *dialog)
{
    // Only the card that started the session unlocks it; anyone else starts their own session.
    if (dialog->certificate().der() != m_sessionCertificate.der()) {
        m_card->logout();
        m_lockMessage->setText(tr("That card belongs to someone else. Unlock with the card that started this session, "
                                  "or quit and sign in again."));
        return;
    }
    m_tlsIdentity = dialog->identity();
    if (m_serviceClient) {
        QString error;
        const QSslConfiguration ssl = cardSslConfiguration(m_serviceProfile, &error);
        if (!error.isEmpty()) {
            m_lockMessage->setText(error);
            return;
        }
        m_serviceClient->setSslConfiguration(ssl);
    }
    m_locked = false;
    m_lockOverlay->hide();
    menuBar()->setEnabled(true);
    if (m_idleTimer->interval() > 0)
        m_idleTimer->start();
    qCInfo(lcSession) << "session unlocked";
    Q_EMIT sessionUnlocked();
    // Back to where the user was: cache first, then the service.
    if (!m_servicePatient.isEmpty())
        openServicePatient(m_servicePatient);
}

void MainWindow::logout()
{
    if (m_recordCache && m_serviceProfile.purgeCacheOnLogout) {
        QString error;
        if (!m_recordCache->purgeAll(&error))
            qCWarning(lcSession) << "cache purge on logout failed";
    }
    if (m_serviceProfile.purgeCacheOnLogout && m_imageCache) {
        QString error;
        if (!m_imageCache->purgeAll(&error))
            qCWarning(lcSession) << "image cache purge on logout failed";
    }
    m_imageCache.reset(); // derived from this session's key
    m_idleTimer->stop();
    dropPatientData();
    m_servicePatient.clear();
    m_tlsIdentity = Net::HpkiTlsIdentity();
    if (m_serviceClient)
        m_serviceClient->setSslConfiguration(QSslConfiguration());
    if (m_card) {
        disconnect(m_card, nullptr, this, nullptr);
        if (m_card->isLoggedIn())
            m_card->logout();
        m_card->setPresencePollInterval(0);
    }
    m_card = nullptr;
    wipeCacheKeys();
    setIdentity({tr("Signed out"), QString(), QString(), false});
    Q_EMIT signedOut();
}

} // namespace Kakehashi
