#pragma once

#include "hpkicertificate.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

#include <memory>
#include <optional>

namespace Kakehashi::Net {

// Remaining-tries hint the token reports (CKF_USER_PIN_COUNT_LOW / FINAL_TRY / LOCKED).
enum class HpkiPinState { Ok, CountLow, FinalTry, Locked };
// ckTokenFlags is CK_TOKEN_INFO.flags.
HpkiPinState pinStateFromTokenFlags(quint64 ckTokenFlags);

struct HpkiToken
{
    quint64 slotId = 0;
    QString label, manufacturer, model, serialNumber, slotDescription;
    HpkiPinState pinState = HpkiPinState::Ok;
    bool loginRequired = true;
};

struct HpkiCardCertificate
{
    quint64 slotId = 0;
    QByteArray id;  // CKA_ID, pairs the certificate with its private key
    QString label;  // CKA_LABEL
    HpkiCertificate certificate;
};

struct HpkiCardError
{
    Q_DECLARE_TR_FUNCTIONS(HpkiCardError)
public:
    enum class Code {
        None,
        ModuleNotLoaded,       // the PKCS#11 module could not be loaded or initialised
        NoSuchToken,           // slot empty or unknown
        PinIncorrect,
        PinLocked,
        PinInvalid,            // wrong length or characters
        TokenRemoved,          // the card went away during the session
        NotLoggedIn,
        NoAuthenticationCertificate,
        KeyUnavailable,        // the private key for the certificate could not be reached on the token
        EngineUnavailable,     // the OpenSSL pkcs11 engine (libengine-pkcs11-openssl) is missing
        KeyNotDeterministic,   // the key cannot derive a stable cache key (not RSA: ECDSA signatures are randomised)
        DeviceError,
    };
    Code code = Code::None;
    HpkiPinState pinState = HpkiPinState::Ok;
    QString detail; // technical, for logs (never holds the PIN)

    bool ok() const { return code == Code::None; }
    QString message() const; // translated, for the UI
};

// The TLS identity of a signed-in session. The key is a handle to the on-card key: signing happens
// on the token, no private key byte is in this process.
struct HpkiTlsIdentity
{
    QSslKey key;
    QSslCertificate certificate;
    // Client identity plus the given CAs as the only server trust anchors.
    QSslConfiguration configuration(const QList<QSslCertificate> &serverCaCertificates) const;
};

// One PKCS#11 module and at most one logged-in token. Lives on the GUI thread; the calls are short
// (card I/O of a few milliseconds) except login, which the UI should run with a busy indicator.
class HpkiCard : public QObject
{
    Q_OBJECT
public:
    // p11-kit proxy: every module registered with p11-kit (OpenSC for real HPKI cards, SoftHSM2 for tests).
    // On Windows the vendor module (e.g. HpkiAuthP11_MPKCS11H.dll) is configured instead.
    static QString defaultModulePath();

    explicit HpkiCard(QObject *parent = nullptr);
    ~HpkiCard() override;

    HpkiCardError open(const QString &modulePath = defaultModulePath());
    bool isOpen() const;
    QString modulePath() const;

    QList<HpkiToken> tokens(HpkiCardError *error = nullptr) const;
    QList<HpkiCardCertificate> certificates(quint64 slotId, HpkiCardError *error = nullptr) const;
    // The authentication certificate (digitalSignature); never the nonRepudiation-only signing one.
    static std::optional<HpkiCardCertificate> authenticationCertificate(const QList<HpkiCardCertificate> &certificates);

    // Logs in with the user PIN and wipes the PIN bytes (all of `pin`, then clears it) whatever the
    // outcome. Pass a QByteArray that is not shared with other copies.
    HpkiCardError login(quint64 slotId, QByteArray &pin);
    bool isLoggedIn() const;
    std::optional<quint64> loggedInSlot() const;
    void logout();

    // The on-card key for `certificate` (which must be on the logged-in token) through the OpenSSL
    // pkcs11 engine, wrapped in a QSslKey that owns the engine's EVP_PKEY.
    HpkiCardError tlsIdentity(const HpkiCardCertificate &certificate, HpkiTlsIdentity *identity);

    // A 32-byte key for the local caches that exists only with the card: the card's authentication
    // key signs a fixed, versioned challenge naming the certificate holder (SHA-256 of
    // "Kakehashi cache key v1", the certificate's serial number and issuer) with RSA PKCS#1 v1.5,
    // which is deterministic, so the same card gives the same key in every session; HKDF-SHA256
    // (salt: SHA-256 of the certificate, info: "kakehashi-cache-v1", 0, |context|) turns the
    // signature into the key. The private key never leaves the token; the key is never stored.
    // Callers hold the result only in memory and wipe it when the session ends.
    // KeyNotDeterministic for non-RSA keys (the caller falls back to a random per-session key).
    HpkiCardError deriveCacheKey(const HpkiCardCertificate &certificate, const QByteArray &context, QByteArray *key);
    static constexpr int CacheKeyBytes = 32;

    // Cheap call against the logged-in token; false (and tokenRemoved() once) when it is gone.
    bool checkPresence();
    // Polls checkPresence() while logged in; 0 stops polling.
    void setPresencePollInterval(int milliseconds);

signals:
    void tokenRemoved();

private:
    HpkiCardError checkUsable(const HpkiCardCertificate &certificate);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Kakehashi::Net
