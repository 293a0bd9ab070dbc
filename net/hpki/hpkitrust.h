#pragma once

#include "hpkicertificate.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Kakehashi::Net {

// CA certificates an HPKI login certificate must chain to. Defaults: the MHLW HPKI Root CA V2 and
// the MEDIS authentication and signing CAs shipped in resources/hpki (embedded as :/hpki/).
class HpkiTrustAnchors
{
public:
    static HpkiTrustAnchors defaults();
    bool addCertificate(const QByteArray &derOrPem); // false when the bytes are not a certificate
    bool addFile(const QString &path);
    QList<QByteArray> certificates() const { return m_der; }
    bool isEmpty() const { return m_der.isEmpty(); }

private:
    QList<QByteArray> m_der;
};

// Why a certificate may not be used to sign in. Typed so the UI can word it; describe() gives tr() text.
enum class HpkiProblem {
    Unreadable,      // not an X.509 certificate
    Expired,
    NotYetValid,
    ForeignIssuer,   // does not chain to a configured trust anchor
    BadSignature,    // chains, but a signature in the chain is wrong
    InvalidChain,    // any other X509_verify_cert failure
    SigningOnly,     // nonRepudiation-only signing certificate: never for authentication
    NoDigitalSignature,
};

struct HpkiCheck
{
    Q_DECLARE_TR_FUNCTIONS(HpkiCheck)
public:
    QList<HpkiProblem> problems;
    bool roleMissing = false;     // allowed, but the session gets role None
    QString verifierDetail;       // OpenSSL's words for the first chain error (for logs / details pane)

    bool accepted() const { return problems.isEmpty(); }
    static QString describe(HpkiProblem problem);
    QStringList messages() const;
};

// Checks a certificate for use as the TLS login identity: chain to the anchors at the given time
// (X509_verify_cert) and key usage. Revocation is not checked here (no CRL fetch offline).
HpkiCheck checkForAuthentication(const HpkiCertificate &certificate, const HpkiTrustAnchors &anchors,
                                 const QList<QByteArray> &intermediates = {},
                                 const QDateTime &at = QDateTime::currentDateTimeUtc());

} // namespace Kakehashi::Net
