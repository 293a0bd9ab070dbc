#include "cardsessionui.h"

#include "lockoverlay.h"
#include "signindialog.h"
#include "session/cardsession.h"
#include "session/idlelock.h"
#include "session/recordcontroller.h"
#include "session/sessionpolicy.h"

#include <QLoggingCategory>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

Q_LOGGING_CATEGORY(lcSession, "kakehashi.app.session", QtInfoMsg)

namespace Kakehashi {

CardSessionUi::CardSessionUi(QMainWindow *window, Session::RecordController *records, QWidget *keepVisible)
    : QObject(window)
    , m_window(window)
    , m_records(records)
    , m_idleLock(new Session::IdleLock(this))
    // Opaque, above the record and the docks; the toolbar with the user's name stays visible.
    , m_overlay(new LockOverlay(window, keepVisible))
{
    connect(m_idleLock, &Session::IdleLock::idle, this, [this] { lock(LockReason::Idle); });
    connect(m_overlay, &LockOverlay::unlockRequested, this, &CardSessionUi::requestUnlock);
}

CardSessionUi::~CardSessionUi() = default;

QWidget *CardSessionUi::lockOverlay() const
{
    return m_overlay;
}

SignInDialog *CardSessionUi::unlockDialog() const
{
    return m_unlockDialog;
}

QLabel *CardSessionUi::lockMessage() const
{
    return m_overlay->message();
}

void CardSessionUi::begin(Session::CardSession *session, const Net::HpkiTrustAnchors &anchors)
{
    m_cardSession = session;
    m_anchors = anchors;
    const Net::HpkiCertificate c = session->certificate();
    Q_EMIT identityChanged({c.kanjiName().isEmpty() ? c.romajiName() : c.kanjiName(), Net::HpkiCertificate::roleName(c.role()),
                            c.kanjiOrganization().isEmpty() ? c.organization() : c.kanjiOrganization(), false});
    // The keys were made by the card session (on its thread) at sign-in.
    m_records->setCardSession(session);
    m_records->setCacheKeys(session->cacheKeys());
    if (!session->cacheKeyNote().isEmpty())
        Q_EMIT statusMessage(session->cacheKeyNote());
    m_records->setRolePolicy(Session::rolePolicyFor(c, m_records->serviceProfile()));
    connect(session, &Session::CardSession::cardRemoved, this, [this] { lock(LockReason::CardRemoved); });
    connect(session, &Session::CardSession::signedIn, this, [this](bool unlocked) {
        if (unlocked)
            finishUnlock();
    });
    connect(session, &Session::CardSession::signInFailed, this, [this](const Session::SignInFailure &failure) {
        if (m_locked && failure.otherHolder)
            m_overlay->setMessage(failure.message());
    });
    session->setPresencePollInterval(1000);
    if (!m_window->findChild<QMenu *>(QStringLiteral("sessionMenu"))) {
        QMenu *menu = m_window->menuBar()->addMenu(tr("S&ession"));
        menu->setObjectName(QStringLiteral("sessionMenu"));
        QAction *lockAction = menu->addAction(tr("Lock"));
        lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
        connect(lockAction, &QAction::triggered, this, [this] { lock(LockReason::User); });
        QAction *signOutAction = menu->addAction(tr("Sign out"));
        connect(signOutAction, &QAction::triggered, this, &CardSessionUi::signOut);
    }
    qCInfo(lcSession) << "card session started; pharmacy view:" << m_records->rolePolicy().isPharmacyView();
    // The card may go while the session signs the cache-key challenge, before cardRemoved was connected
    // here (it is reported once): the session cannot go on without it.
    if (!session->isSignedIn())
        lock(LockReason::CardRemoved);
}

void CardSessionUi::setIdleLockTimeout(int seconds)
{
    m_idleLock->setTimeout(seconds);
    if (m_locked)
        m_idleLock->pause();
}

void CardSessionUi::lock(LockReason reason)
{
    if (m_locked)
        return;
    m_locked = true;
    m_idleLock->pause();
    m_records->lock(); // every record held is dropped; the TLS identity too
    Q_EMIT patientDataDropped();
    if (m_cardSession)
        m_cardSession->lock();
    switch (reason) {
    case LockReason::CardRemoved:
        m_overlay->setMessage(tr("The card was removed. Insert it and unlock with your PIN."));
        break;
    case LockReason::Idle:
        m_overlay->setMessage(tr("Locked after a period without use. Unlock with your PIN."));
        break;
    case LockReason::User:
        m_overlay->setMessage(tr("Unlock with your PIN."));
        break;
    }
    m_window->menuBar()->setEnabled(false);
    m_overlay->cover();
    m_overlay->show();
    qCInfo(lcSession) << "session locked, reason" << int(reason);
    Q_EMIT locked(reason);
}

void CardSessionUi::requestUnlock()
{
    if (!m_locked || !m_cardSession || m_unlockDialog)
        return;
    auto *dialog = new SignInDialog(m_cardSession, m_anchors, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    m_unlockDialog = dialog;
    dialog->open();
}

void CardSessionUi::finishUnlock()
{
    // The card session accepts only the card that started the session (SignInFailure::otherHolder).
    if (!m_locked)
        return;
    // The card's TLS identity again; back to where the user was (cache first, then the service).
    QString error;
    if (!m_records->unlock(m_cardSession, &error)) {
        m_overlay->setMessage(error);
        return;
    }
    m_locked = false;
    m_overlay->hide();
    m_window->menuBar()->setEnabled(true);
    m_idleLock->resume();
    qCInfo(lcSession) << "session unlocked";
    Q_EMIT unlocked();
}

void CardSessionUi::signOut()
{
    m_idleLock->pause();
    Q_EMIT patientDataDropped();
    if (m_cardSession) {
        disconnect(m_cardSession, nullptr, this, nullptr);
        m_cardSession->setPresencePollInterval(0);
        m_cardSession->signOut(); // logs the card out on its thread, wipes its keys
    }
    m_cardSession = nullptr;
    Q_EMIT identityChanged({tr("Signed out"), QString(), QString(), false});
    const bool purge = m_records->serviceProfile().purgeCacheOnLogout;
    if (purge) // secure delete, VACUUM and up to gigabytes of images: on a worker thread, the window says so
        Q_EMIT statusMessage(tr("Removing the cached records…"));
    connect(m_records, &Session::RecordController::signedOut, this, [this, purge](bool purged, const QString &error) {
        if (purge)
            Q_EMIT statusMessage(purged ? tr("Cached records removed.") : error);
        Q_EMIT signedOut();
    }, Qt::SingleShotConnection);
    m_records->signOut(purge);
}

} // namespace Kakehashi
