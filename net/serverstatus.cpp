#include "serverstatus.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslCertificateExtension>
#include <QSslConfiguration>
#include <QSslError>

#include <algorithm>

namespace Kakehashi::Net {

namespace {

// Set on a reply whose server's stapled OCSP status said "revoked".
constexpr const char *ServerRevokedProperty = "kakehashiServerRevoked";

bool isStatusWithoutVerdict(QSslError::SslError error)
{
    switch (error) {
    case QSslError::OcspNoResponseFound:
    case QSslError::OcspMalformedRequest:
    case QSslError::OcspMalformedResponse:
    case QSslError::OcspInternalError:
    case QSslError::OcspTryLater:
    case QSslError::OcspSigRequred:
    case QSslError::OcspUnauthorized:
    case QSslError::OcspResponseCannotBeTrusted:
    case QSslError::OcspResponseCertIdUnknown:
    case QSslError::OcspResponseExpired:
    case QSslError::OcspStatusUnknown:
        return true;
    default:
        return false;
    }
}

// The TLS Feature extension (RFC 7633) with status_request: "must-staple". Such a certificate
// promises a stapled status on every connection, so one that comes without it is refused.
bool requiresStapledStatus(const QSslCertificate &certificate)
{
    const QList<QSslCertificateExtension> extensions = certificate.extensions();
    return std::any_of(extensions.cbegin(), extensions.cend(),
                       [](const QSslCertificateExtension &e) { return e.oid() == QLatin1String("1.3.6.1.5.5.7.1.24"); });
}

} // namespace

QNetworkReply *getWithServerStatus(QNetworkAccessManager *network, QNetworkRequest request)
{
    if (request.url().scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) != 0)
        return network->get(request);
    QSslConfiguration ssl = request.sslConfiguration();
    ssl.setOcspStaplingEnabled(true);
    request.setSslConfiguration(ssl);
    QNetworkReply *reply = network->get(request);
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        if (std::any_of(errors.cbegin(), errors.cend(), [](const QSslError &e) { return e.error() == QSslError::CertificateRevoked; })) {
            reply->setProperty(ServerRevokedProperty, true);
            return;
        }
        if (errors.isEmpty() || !std::all_of(errors.cbegin(), errors.cend(), [](const QSslError &e) { return isStatusWithoutVerdict(e.error()); }))
            return;
        QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (peer.isNull())
            peer = errors.first().certificate();
        if (peer.isNull() || requiresStapledStatus(peer))
            return; // must-staple without a usable status: the handshake fails
        reply->ignoreSslErrors(errors);
    });
    return reply;
}

bool serverCertificateRevoked(const QNetworkReply *reply)
{
    return reply && reply->property(ServerRevokedProperty).toBool();
}

} // namespace Kakehashi::Net
