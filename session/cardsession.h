#pragma once

#include "cachekeys.h"
#include "net/connectionprofile.h"
#include "net/hpki/hpkicard.h"
#include "net/hpki/hpkicertificate.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>

#include <optional>

class QThread;

namespace Kakehashi::Session {

// One token as the sign-in dialog presents it: the token and its authentication certificate, read
// together on the card thread.
struct CardToken
{
    Net::HpkiToken token;
    std::optional<Net::HpkiCardCertificate> authentication; // never the signing-only certificate
    Net::HpkiCardError error;                              // reading the certificates failed
};

// Why a sign-in did not complete.
struct SignInFailure
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::Session::SignInFailure)
public:
    Net::HpkiCardError card;   // the card's answer (wrong PIN with the tries hint, removed, …)
    bool otherHolder = false;  // unlocking with a card that did not start the session
    QString message() const;
    // What the token says about the remaining PIN tries; empty when it says nothing.
    QString remainingTries() const;
};

// The HPKI card session, GUI-free. Every PKCS#11 call (module loading, token listing, login, the TLS
// key, the two on-card signatures that make the cache keys, the presence poll, logout) runs on the
// session's own thread: on a real card a signature takes about a second, and the GUI thread never
// waits for one. Results come back as signals on the thread that owns this object.
//
// A session starts with the first successful signIn(): its certificate, TLS identity and cache keys
// are kept here. lock() logs the card out and drops the TLS identity (the keys stay in memory: unlock
// needs the same card and PIN); signIn() while locked unlocks, and only with the certificate that
// started the session. signOut() ends it and wipes the keys.
class CardSession : public QObject
{
    Q_OBJECT
public:
    // What the card thread is doing, for a progress indication.
    enum class Step { Idle, OpeningModule, ReadingCard, CheckingPin, PreparingTlsKey, DerivingCacheKeys, LoggingOut };
    Q_ENUM(Step)

    explicit CardSession(QObject *parent = nullptr);
    ~CardSession() override;

    // Loads the PKCS#11 module; moduleOpened() follows.
    void openModule(const QString &modulePath = Net::HpkiCard::defaultModulePath());
    bool isModuleOpen() const { return m_moduleOpen; }

    // Lists the tokens with their authentication certificates; tokensRead() follows.
    void readTokens();

    // Logs in (|pin| is wiped here and on the card thread, whatever the outcome), makes the TLS
    // identity and, when this starts the session, derives the cache keys. signedIn() or
    // signInFailed() follows.
    void signIn(const Net::HpkiCardCertificate &certificate, QByteArray &pin);

    // True while the card thread works on something this object asked for.
    bool isBusy() const { return m_pending > 0; }
    Step step() const { return m_step; }
    static QString stepText(Step step);

    // The session, as last reported by the card thread.
    bool hasSession() const { return m_certificate.has_value(); }
    bool isSignedIn() const { return m_signedIn; } // logged in, TLS identity usable
    bool isLocked() const { return hasSession() && !m_signedIn; }
    Net::HpkiCertificate certificate() const { return m_certificate ? m_certificate->certificate : Net::HpkiCertificate(); }
    const Net::HpkiTlsIdentity &tlsIdentity() const { return m_identity; }
    const CacheKeys &cacheKeys() const { return m_keys; }
    // Why the keys are for this session only (empty when they come from the card).
    QString cacheKeyNote() const { return m_cacheKeyNote; }

    // The TLS configuration for |profile|'s service: the on-card key and certificate, and the
    // profile's trust anchors as the only CAs (the card is never presented to a service verified
    // against anything else). Empty with |error| when the profile names none.
    QSslConfiguration tlsConfiguration(const Net::ConnectionProfile &profile, QString *error) const;

    // Polls the card while signed in; 0 stops polling. Removal emits cardRemoved().
    void setPresencePollInterval(int milliseconds);

    // Logs the card out on the card thread; the TLS identity is dropped at once. Keys stay.
    void lock();
    // Ends the session: logout, certificate forgotten, keys wiped.
    void signOut();

    // Re-derives the record-cache key from the signed-in card (blocking the caller until the card
    // thread answers). For tests that check the caches are sealed under the card's key.
    QByteArray deriveCacheKeyNow(const QByteArray &context);

Q_SIGNALS:
    void moduleOpened(const Kakehashi::Net::HpkiCardError &error);
    void tokensRead(const QList<Kakehashi::Session::CardToken> &tokens, const Kakehashi::Net::HpkiCardError &error);
    void stepChanged(Kakehashi::Session::CardSession::Step step);
    void busyChanged(bool busy);
    // A session started, or a locked one was unlocked (|unlocked| true).
    void signedIn(bool unlocked);
    void signInFailed(const Kakehashi::Session::SignInFailure &failure);
    void cardRemoved();
    void signedOut();

private:
    class Worker;
    // Runs |job| on the card thread; |job| returns a function run back here with the result.
    void post(Step step, std::function<std::function<void()>(Net::HpkiCard &card)> job);
    void setStep(Step step);
    void finishJob();

    QThread *m_thread;
    Worker *m_worker;
    int m_pending = 0;
    Step m_step = Step::Idle;
    bool m_moduleOpen = false;
    bool m_signedIn = false;
    std::optional<Net::HpkiCardCertificate> m_certificate; // set by the first sign-in
    Net::HpkiTlsIdentity m_identity;
    CacheKeys m_keys;
    QString m_cacheKeyNote;
};

} // namespace Kakehashi::Session

Q_DECLARE_METATYPE(Kakehashi::Session::CardToken)
Q_DECLARE_METATYPE(Kakehashi::Session::SignInFailure)
