#pragma once
// Private to net/hpki: OpenSSL helpers shared by the parser, the trust check and the card.

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>

#include <memory>

#include <openssl/x509.h>

Q_DECLARE_LOGGING_CATEGORY(lcHpki)

namespace Kakehashi::Net::HpkiPrivate {

struct X509Free { void operator()(X509 *x) const { X509_free(x); } };
using X509Ptr = std::unique_ptr<X509, X509Free>;

// DER first, PEM second; null when neither parses.
X509Ptr parseCertificate(const QByteArray &data);
QByteArray toDer(X509 *cert);
QString nameEntry(const X509_NAME *name, int nid);
QString openSslErrors(); // drains the OpenSSL error queue into one line (never holds key material)

} // namespace Kakehashi::Net::HpkiPrivate
