#include "serverstatus.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslCertificateExtension>
#include <QSslConfiguration>
#include <QSslError>
#include <QRegularExpression>
#include <QVariant>

#include <algorithm>

namespace Kakehashi::Net {

namespace {

// Set on a reply whose server's stapled OCSP status said "revoked".
constexpr const char *ServerRevokedProperty = "kakehashiServerRevoked";
// Set on a reply refused because the server's certificate requires a stapled status (must-staple)
// and none usable came.
constexpr const char *StatusMissingProperty = "kakehashiServerStatusMissing";

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

} // namespace

// DER: SEQUENCE OF INTEGER (RFC 7633), or OpenSSL's names for them as Qt hands them on.
bool tlsFeatureListsStatusRequest(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QVariantList: {
        const QVariantList list = value.toList();
        return std::any_of(list.cbegin(), list.cend(), [](const QVariant &v) { return tlsFeatureListsStatusRequest(v); });
    }
    case QMetaType::QVariantMap: {
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            if (tlsFeatureListsStatusRequest(it.key()) || tlsFeatureListsStatusRequest(it.value()))
                return true;
        return false;
    }
    case QMetaType::QString: {
        const QStringList names = value.toString().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
        return std::any_of(names.cbegin(), names.cend(), [](const QString &n) {
            return n.compare(QLatin1String("status_request"), Qt::CaseInsensitive) == 0 || n == u"5";
        });
    }
    case QMetaType::QByteArray: {
        const QByteArray der = value.toByteArray();
        // 30 len { 02 len value }...: short lengths only (a feature list is a few bytes).
        if (der.size() < 2 || quint8(der[0]) != 0x30 || quint8(der[1]) >= 0x80 || der.size() != 2 + quint8(der[1]))
            return true; // not what the RFC describes: treated as must-staple (refusing is the safe side)
        for (qsizetype i = 2; i + 2 <= der.size();) {
            const int length = quint8(der[i + 1]);
            if (quint8(der[i]) != 0x02 || length == 0 || length >= 0x80 || i + 2 + length > der.size())
                return true;
            qint64 feature = 0;
            for (int k = 0; k < length; ++k)
                feature = (feature << 8) | quint8(der[i + 2 + k]);
            if (length <= 4 && feature == 5)
                return true;
            i += 2 + length;
        }
        return false;
    }
    default:
        return true; // unreadable: treated as must-staple
    }
}

namespace {

// The TLS Feature extension (RFC 7633) listing status_request: "must-staple". Such a certificate
// promises a stapled status on every connection, so one that comes without it is refused. A TLS
// Feature that lists only other features promises nothing about the status.
bool requiresStapledStatus(const QSslCertificate &certificate)
{
    const QList<QSslCertificateExtension> extensions = certificate.extensions();
    return std::any_of(extensions.cbegin(), extensions.cend(), [](const QSslCertificateExtension &e) {
        return e.oid() == QLatin1String("1.3.6.1.5.5.7.1.24") && tlsFeatureListsStatusRequest(e.value());
    });
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
        if (peer.isNull())
            return;
        if (requiresStapledStatus(peer)) {
            reply->setProperty(StatusMissingProperty, true);
            return; // must-staple without a usable status: the handshake fails
        }
        reply->ignoreSslErrors(errors);
    });
    return reply;
}

bool serverCertificateRevoked(const QNetworkReply *reply)
{
    return reply && reply->property(ServerRevokedProperty).toBool();
}

bool serverStatusMissing(const QNetworkReply *reply)
{
    return reply && reply->property(StatusMissingProperty).toBool();
}

} // namespace Kakehashi::Net
