// MainWindow's HPKI card session: who is signed in, the role-driven view, the lock (card removal,
// idle timeout) and logout. The card work is Session::CardSession's, the records' and caches' are
// Session::RecordController's; this file binds them to the toolbar, the lock overlay and the menus.
#include "mainwindow.h"

#include "idlelock.h"
#include "imagingpanel.h"
#include "lockoverlay.h"
#include "patientlistmodel.h"
#include "patientview.h"
#include "loadproblemsbanner.h"
#include "servicebanners.h"
#include "sessionbar.h"
#include "sessionpolicy.h"
#include "signindialog.h"

#include <QDockWidget>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

Q_LOGGING_CATEGORY(lcSession, "kakehashi.app.session", QtInfoMsg)

namespace Kakehashi {

using namespace Net;

void MainWindow::createSessionUi()
{
    connect(m_records, &Session::RecordController::rolePolicyChanged, this, [this] {
        const RolePolicy &policy = m_records->rolePolicy();
        m_bar->setPolicyLabel(policy.isPharmacyView() ? policy.viewLabel() : QString());
    });

    m_idleLock = new Session::IdleLock(this);
    connect(m_idleLock, &Session::IdleLock::idle, this, [this] { lockSession(LockReason::Idle); });

    // Opaque, above the record and the docks; the toolbar with the user's name stays visible.
    m_lockOverlay = new LockOverlay(this, m_bar);
    connect(m_lockOverlay, &LockOverlay::unlockRequested, this, &MainWindow::requestUnlock);
}

QWidget *MainWindow::lockOverlay() const
{
    return m_lockOverlay;
}

QLabel *MainWindow::lockMessage() const
{
    return m_lockOverlay->message();
}

void MainWindow::beginCardSession(Session::CardSession *session, const HpkiTrustAnchors &anchors)
{
    m_cardSession = session;
    m_cardAnchors = anchors;
    const HpkiCertificate c = session->certificate();
    setIdentity({c.kanjiName().isEmpty() ? c.romajiName() : c.kanjiName(), HpkiCertificate::roleName(c.role()),
                 c.kanjiOrganization().isEmpty() ? c.organization() : c.kanjiOrganization(), false});
    // The keys were made by the card session (on its thread) at sign-in.
    m_records->setCardSession(session);
    m_records->setCacheKeys(session->cacheKeys());
    if (!session->cacheKeyNote().isEmpty())
        statusBar()->showMessage(session->cacheKeyNote());
    m_records->setRolePolicy(Session::rolePolicyFor(c, m_records->serviceProfile()));
    connect(session, &Session::CardSession::cardRemoved, this, [this] { lockSession(LockReason::CardRemoved); });
    connect(session, &Session::CardSession::signedIn, this, [this](bool unlocked) {
        if (unlocked)
            finishUnlock();
    });
    connect(session, &Session::CardSession::signInFailed, this, [this](const Session::SignInFailure &failure) {
        if (m_locked && failure.otherHolder)
            m_lockOverlay->setMessage(failure.message());
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
    qCInfo(lcSession) << "card session started; pharmacy view:" << m_records->rolePolicy().isPharmacyView();
    // The card may go while the session signs the cache-key challenge, before cardRemoved was connected
    // here (it is reported once): the session cannot go on without it.
    if (!session->isSignedIn())
        lockSession(LockReason::CardRemoved);
}

void MainWindow::setIdleLockTimeout(int seconds)
{
    m_idleLock->setTimeout(seconds);
    if (m_locked)
        m_idleLock->pause();
}

void MainWindow::dropPatientData()
{
    m_patientView->clear();
    m_patientModel->setPatients({});
    m_imagingPanel->closeStudy();
    m_imagingPanel->showMessage(QString());
    m_imagingDock->hide();
    if (m_serviceBanners)
        m_serviceBanners->clear();
    m_problems->clear();
    statusBar()->clearMessage();
}

void MainWindow::lockSession(LockReason reason)
{
    if (m_locked)
        return;
    m_locked = true;
    m_idleLock->pause();
    m_records->lock(); // every record held is dropped; the TLS identity too
    dropPatientData();
    if (m_cardSession)
        m_cardSession->lock();
    switch (reason) {
    case LockReason::CardRemoved:
        m_lockOverlay->setMessage(tr("The card was removed. Insert it and unlock with your PIN."));
        break;
    case LockReason::Idle:
        m_lockOverlay->setMessage(tr("Locked after a period without use. Unlock with your PIN."));
        break;
    case LockReason::User:
        m_lockOverlay->setMessage(tr("Unlock with your PIN."));
        break;
    }
    menuBar()->setEnabled(false);
    m_lockOverlay->cover();
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
    // The card's TLS identity again; back to where the user was (cache first, then the service).
    QString error;
    if (!m_records->unlock(m_cardSession, &error)) {
        m_lockOverlay->setMessage(error);
        return;
    }
    m_locked = false;
    m_lockOverlay->hide();
    menuBar()->setEnabled(true);
    m_idleLock->resume();
    qCInfo(lcSession) << "session unlocked";
    Q_EMIT sessionUnlocked();
}

void MainWindow::logout()
{
    m_idleLock->pause();
    dropPatientData();
    if (m_cardSession) {
        disconnect(m_cardSession, nullptr, this, nullptr);
        m_cardSession->setPresencePollInterval(0);
        m_cardSession->signOut(); // logs the card out on its thread, wipes its keys
    }
    m_cardSession = nullptr;
    setIdentity({tr("Signed out"), QString(), QString(), false});
    const bool purge = m_records->serviceProfile().purgeCacheOnLogout;
    if (purge) // secure delete, VACUUM and up to gigabytes of images: on a worker thread, the window says so
        statusBar()->showMessage(tr("Removing the cached records…"));
    connect(m_records, &Session::RecordController::signedOut, this, [this, purge](bool purged, const QString &error) {
        if (purge)
            statusBar()->showMessage(purged ? tr("Cached records removed.") : error);
        Q_EMIT signedOut();
    }, Qt::SingleShotConnection);
    m_records->signOut(purge);
}

} // namespace Kakehashi
