#pragma once

#include <QNetworkRequest>

class QVariant;

class QNetworkAccessManager;
class QNetworkReply;

namespace Kakehashi::Net {

// The server's own certificate status (OCSP stapling), one rule for every HTTPS connection the
// viewer makes: the sharing service (FhirClient) and a PACS (DICOMweb).
//
// getWithServerStatus() sends a GET that asks the server to staple its OCSP status (https only; plain
// http is sent as it is). A usable "revoked" status ends the handshake, and serverCertificateRevoked()
// is then true for the reply. A status that gives no verdict (nothing stapled, unsigned, signed by
// someone else, out of date, for another certificate) is set aside: without must-staple a server can
// always send nothing, so the usual chain checks alone decide — unless the server's certificate
// carries must-staple (the TLS Feature extension, RFC 7633): then no usable status fails the
// handshake, and serverStatusMissing() is then true for the reply. Any other TLS error fails as before.
QNetworkReply *getWithServerStatus(QNetworkAccessManager *network, QNetworkRequest request);
bool serverCertificateRevoked(const QNetworkReply *reply);
bool serverStatusMissing(const QNetworkReply *reply);

// Whether a TLS Feature extension's value (QSslCertificateExtension::value()) lists status_request:
// the DER SEQUENCE OF INTEGER or OpenSSL's names for it. Anything unreadable counts as listing it.
bool tlsFeatureListsStatusRequest(const QVariant &value);

} // namespace Kakehashi::Net
