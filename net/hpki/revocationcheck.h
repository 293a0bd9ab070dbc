#pragma once

#include "hpkicertificate.h"
#include "hpkitrust.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Kakehashi::Net {

// A certificate revocation list (RFC 5280 §5), decoded once. Value type; no OpenSSL types leak out.
// Decoding checks only the shape: whether it may be believed is isSignedBy()'s question.
class CertificateRevocationList
{
public:
    // DER or PEM. A null list comes back when the bytes are not an X.509 CRL.
    static CertificateRevocationList fromData(const QByteArray &data);

    bool isNull() const { return m_der.isEmpty(); }
    QByteArray der() const { return m_der; }
    QByteArray issuerNameDer() const { return m_issuerDer; } // compare with a certificate's issuer
    QString issuerDisplayName() const { return m_issuerDisplay; }
    QDateTime thisUpdate() const { return m_thisUpdate; }
    QDateTime nextUpdate() const { return m_nextUpdate; } // invalid when the CRL names none
    QStringList revokedSerials() const { return m_revoked; } // upper-case hex, no leading zeros
    bool lists(const QString &serialHex) const; // any case, leading zeros or not (HpkiCertificate::serialNumberHex)

    // True when the CRL's signature verifies with the public key of |issuerCertificateDer|.
    bool isSignedBy(const QByteArray &issuerCertificateDer) const;

private:
    QByteArray m_der, m_issuerDer;
    QString m_issuerDisplay;
    QDateTime m_thisUpdate, m_nextUpdate;
    QStringList m_revoked;
};

// Where fetched CRLs are kept for offline sign-in (store/crlcache.* keeps them 0600 in a
// 0700 folder). Keys are the distribution-point URLs. The stored bytes are the CRL itself: its
// signature is checked again on every load, so a changed file is simply not believed.
class CrlStore
{
public:
    virtual ~CrlStore() = default;
    virtual QByteArray load(const QUrl &distributionPoint) const = 0; // empty when none is kept
    virtual bool store(const QUrl &distributionPoint, const QByteArray &der, QString *error) = 0;
};

enum class RevocationPolicy {
    Hard, // anything but a current, verified CRL that does not list the card refuses the sign-in
    Soft, // the sign-in goes ahead; the window shows why the card could not be confirmed
};
RevocationPolicy revocationPolicyFromString(const QString &text, bool *ok = nullptr); // "hard" / "soft"
QString revocationPolicyToString(RevocationPolicy policy);

struct RevocationResult
{
    Q_DECLARE_TR_FUNCTIONS(RevocationResult)
public:
    enum class Status {
        NotChecked,     // no check was made (no card)
        Good,           // a current CRL signed by the issuer does not list the certificate
        Revoked,        // ... lists it
        CrlUnavailable, // no CRL could be obtained and none is cached (or the certificate names none)
        CrlExpired,     // the newest CRL at hand is past its nextUpdate plus the grace period
        BadSignature,   // the CRL obtained is not signed by the certificate's issuer
    };
    Status status = Status::NotChecked;
    bool fromCache = false;      // decided with the cached CRL (the distribution point was not reached)
    QUrl distributionPoint;      // the CRL used or last tried
    QDateTime crlThisUpdate, crlNextUpdate;
    QDateTime revokedAt;         // Revoked: the CRL's revocation date
    QString detail;              // technical, for logs: network or OpenSSL words (no patient data)

    bool isGood() const { return status == Status::Good; }
    // Hard: only Good signs in. Soft: every outcome signs in (with a warning unless Good).
    bool allowsSignIn(RevocationPolicy policy) const { return isGood() || policy == RevocationPolicy::Soft; }
    // Translated, names the reason: revoked / CRL unavailable / CRL expired / bad CRL signature.
    QString message() const;
};

// Checks an HPKI card's authentication certificate against the CRL of the CA that issued it, at
// sign-in: the certificate's CRL distribution points (http only) are fetched with a bounded timeout,
// the CRL's signature is verified against the issuing CA among the trust anchors, and a good CRL is
// kept in the store. When no distribution point answers, the stored CRL decides for as long as it
// is current: until its nextUpdate plus the grace period. A newer CRL never gets replaced by an
// older one (a replayed CRL cannot hide a revocation that the stored one shows).
//
// check() blocks in a local event loop for at most the timeout per distribution point: sign-in is
// modal, and the window keeps painting meanwhile.
class RevocationCheck
{
public:
    struct Options
    {
        int timeoutSeconds = 10;      // per distribution point, the whole transfer
        int graceHours = 24;          // a CRL past nextUpdate is still believed this long (offline)
        qint64 maxCrlBytes = 32 << 20; // larger answers are abandoned
        QDateTime now;                // invalid: the current time (tests set it)
    };

    RevocationCheck(HpkiTrustAnchors anchors, CrlStore *store, Options options);
    RevocationCheck(HpkiTrustAnchors anchors, CrlStore *store);

    RevocationResult check(const HpkiCertificate &certificate) const;

    // The http(s) URIs of the certificate's CRL distribution points, in order.
    static QList<QUrl> distributionPoints(const HpkiCertificate &certificate);

private:
    HpkiTrustAnchors m_anchors;
    CrlStore *m_store;
    Options m_options;
};

} // namespace Kakehashi::Net
