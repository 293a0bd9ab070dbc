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
#include "sessionpolicy.h"
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

void MainWindow::beginCardSession(Session::CardSession *session, const HpkiTrustAnchors &anchors)
{
    m_cardSession = session;
    m_cardAnchors = anchors;
    const HpkiCertificate c = session->certificate();
    setIdentity({c.kanjiName().isEmpty() ? c.romajiName() : c.kanjiName(), HpkiCertificate::roleName(c.role()),
                 c.kanjiOrganization().isEmpty() ? c.organization() : c.kanjiOrganization(), false});
    // The keys were made by the card session (on its thread) at sign-in; the window only holds them.
    wipeCacheKeys();
    m_cacheKey = session->cacheKeys().record;
    m_imageCacheKey = session->cacheKeys().image;
    m_cacheKeyFromCard = session->cacheKeys().fromCard;
    if (!session->cacheKeyNote().isEmpty())
        statusBar()->showMessage(session->cacheKeyNote());
    setRolePolicy(Session::rolePolicyFor(c, m_serviceProfile));
    connect(session, &Session::CardSession::cardRemoved, this, [this] { lockSession(LockReason::CardRemoved); });
    connect(session, &Session::CardSession::signedIn, this, [this](bool unlocked) {
        if (unlocked)
            finishUnlock();
    });
    connect(session, &Session::CardSession::signInFailed, this, [this](const Session::SignInFailure &failure) {
        if (m_locked && failure.otherHolder)
            m_lockMessage->setText(failure.message());
    });
    session->setPresencePollInterval(1000);
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
    // The card may go while the session signs the cache-key challenge, before cardRemoved was connected
    // here (it is reported once): the session cannot go on without it.
    if (!session->isSignedIn())
        lockSession(LockReason::CardRemoved);
}

void MainWindow::wipeCacheKeys()
{
    for (QByteArray *key : {&m_cacheKey, &m_imageCacheKey}) {
        key->fill('\0');
        key->clear();
    }
    m_cacheKeyFromCard = false;
}

void MainWindow::setRolePolicy(const RolePolicy &policy)
{
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
    return m_cardSession->tlsConfiguration(profile, error);
}

bool MainWindow::applyCardSession(FhirClient *client, const ConnectionProfile &profile, QString *error)
{
    if (!m_cardSession) {
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
    client->setClientRole(m_cardSession->certificate().roleText().toUtf8());
    // The connection's pharmacistSeesAllergies is known only now.
    setRolePolicy(Session::rolePolicyFor(m_cardSession->certificate(), profile));
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
    m_pendingOpen.clear(); // asked for while the cache was opening: dropped with the rest
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
    if (m_serviceClient)
        m_serviceClient->setSslConfiguration(QSslConfiguration());
    if (m_cardSession)
        m_cardSession->lock();
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
    if (!m_locked || !m_cardSession || m_unlockDialog)
        return;
    auto *dialog = new SignInDialog(m_cardSession, m_cardAnchors, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    m_unlockDialog = dialog;
    dialog->open();
}

void MainWindow::finishUnlock()
{
    // The card session accepts only the card that started the session (SignInFailure::otherHolder).
    if (!m_locked)
        return;
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
    m_idleTimer->stop();
    dropPatientData();
    m_servicePatient.clear();
    if (m_serviceClient)
        m_serviceClient->setSslConfiguration(QSslConfiguration());
    if (m_cardSession) {
        disconnect(m_cardSession, nullptr, this, nullptr);
        m_cardSession->setPresencePollInterval(0);
        m_cardSession->signOut(); // logs the card out on its thread, wipes its keys
    }
    m_cardSession = nullptr;
    wipeCacheKeys();
    setIdentity({tr("Signed out"), QString(), QString(), false});
    const std::shared_ptr<ImageCache> images = std::exchange(m_imageCache, nullptr); // derived from this session's key
    if (!m_serviceProfile.purgeCacheOnLogout) {
        Q_EMIT signedOut();
        return;
    }
    // Secure delete, VACUUM and up to gigabytes of images: on a worker thread, the window says so.
    setPurging(true);
    statusBar()->showMessage(tr("Removing the cached records…"));
    Session::CacheMaintenance::purge(m_recordCache, images, false).then(this, [this](const Session::CacheMaintenance::Purged &purged) {
        setPurging(false);
        if (!purged.ok)
            qCWarning(lcSession) << "cache purge on logout failed";
        statusBar()->showMessage(purged.ok ? tr("Cached records removed.") : purged.error);
        Q_EMIT signedOut();
    });
}

} // namespace Kakehashi
