#pragma once

#include "net/hpki/hpkitrust.h"
#include "viewer/sessionidentity.h"

#include <QObject>
#include <QPointer>

class QLabel;
class QMainWindow;
class QWidget;

namespace Kakehashi {

class LockOverlay;
class SignInDialog;
namespace Session {
class CardSession;
class IdleLock;
class RecordController;
}

// The HPKI card session as the window shows it: who is signed in, the Session menu (lock, sign out),
// the lock (card removed, idle timeout, the user's choice) with its overlay and unlock dialog, and
// sign-out. The card work is Session::CardSession's and the records' Session::RecordController's;
// this class only binds them to the window. The views it cannot see are cleared through
// patientDataDropped(), which the window connects before anything can lock.
class CardSessionUi : public QObject
{
    Q_OBJECT
public:
    enum class LockReason { CardRemoved, Idle, User };
    Q_ENUM(LockReason)

    // The overlay covers |window| except |keepVisible| (the toolbar with the user's name).
    CardSessionUi(QMainWindow *window, Session::RecordController *records, QWidget *keepVisible);
    ~CardSessionUi() override;

    // Starts the signed-in session of |session| (certificate, TLS identity and cache keys are there):
    // the toolbar shows who, the role sets the view, every service request presents the on-card key.
    // Call before the window connects to the service. The session must outlive the window.
    void begin(Session::CardSession *session, const Net::HpkiTrustAnchors &anchors);
    Session::CardSession *cardSession() const { return m_cardSession; }

    // Locks after |seconds| without keyboard or mouse input; 0 never.
    void setIdleLockTimeout(int seconds);
    // Hides and drops every decrypted patient record and logs the card out; unlocking needs the PIN.
    void lock(LockReason reason);
    bool isLocked() const { return m_locked; }
    QWidget *lockOverlay() const;
    QLabel *lockMessage() const;
    // Opens the sign-in dialog (window-modal, does not block) to unlock with the same card.
    void requestUnlock();
    SignInDialog *unlockDialog() const;
    // Ends the session: views cleared, card logout, keys wiped, then the cache policy (purge when the
    // profile says so, on a worker thread); signedOut() follows when all of it is done.
    void signOut();

Q_SIGNALS:
    void identityChanged(const Kakehashi::SessionIdentity &identity);
    // Every view of patient data must be emptied now (lock, sign-out).
    void patientDataDropped();
    void statusMessage(const QString &text);
    void locked(Kakehashi::CardSessionUi::LockReason reason);
    void unlocked();
    void signedOut();

private:
    void finishUnlock();

    QMainWindow *m_window;
    Session::RecordController *m_records;
    Session::CardSession *m_cardSession = nullptr;
    Net::HpkiTrustAnchors m_anchors;
    Session::IdleLock *m_idleLock;
    LockOverlay *m_overlay;
    QPointer<SignInDialog> m_unlockDialog;
    bool m_locked = false;
};

} // namespace Kakehashi
