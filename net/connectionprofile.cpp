#include "connectionprofile.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QSslCertificate>
#include <QSslKey>

namespace Kakehashi::Net {

namespace {

QString group(const QString &name)
{
    return QStringLiteral("connections/") + name;
}

} // namespace

bool ConnectionProfile::isValid() const
{
    return baseUrl.isValid() && (baseUrl.scheme() == u"https" || baseUrl.scheme() == u"http") && !baseUrl.host().isEmpty();
}

bool ConnectionProfile::requiresCardSignIn() const
{
    return baseUrl.scheme() == u"https" && clientCertificateFile.isEmpty();
}

ConnectionProfile ConnectionProfile::fromUrl(const QUrl &url)
{
    ConnectionProfile p;
    p.name = url.toString(QUrl::RemoveUserInfo);
    p.baseUrl = url;
    return p;
}

QSslConfiguration ConnectionProfile::sslConfiguration(QString *error) const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    if (!trustAnchorFiles.isEmpty()) {
        // The profile's anchors replace the system store: the service is not trusted through any public CA.
        QList<QSslCertificate> anchors;
        for (const QString &file : trustAnchorFiles) {
            const QList<QSslCertificate> certs = QSslCertificate::fromPath(file, QSsl::Pem);
            if (certs.isEmpty() && error)
                *error = QCoreApplication::translate("Kakehashi::Net::ConnectionProfile", "Trust anchor file %1 holds no certificate.").arg(file);
            anchors += certs;
        }
        config.setCaCertificates(anchors);
    }
    if (!clientCertificateFile.isEmpty()) {
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(clientCertificateFile, QSsl::Pem);
        QFile keyFile(clientKeyFile);
        if (certs.isEmpty() || !keyFile.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QCoreApplication::translate("Kakehashi::Net::ConnectionProfile", "The client certificate or key cannot be read.");
        } else {
            config.setLocalCertificate(certs.first());
            const QByteArray pem = keyFile.readAll();
            QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
            if (key.isNull())
                key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
            config.setPrivateKey(key);
        }
    }
    return config;
}

QStringList ConnectionProfile::savedNames(QSettings &settings)
{
    settings.beginGroup(QStringLiteral("connections"));
    const QStringList names = settings.childGroups();
    settings.endGroup();
    return names;
}

ConnectionProfile ConnectionProfile::load(QSettings &settings, const QString &name)
{
    ConnectionProfile p;
    settings.beginGroup(group(name));
    p.name = name;
    p.baseUrl = QUrl(settings.value(QStringLiteral("baseUrl")).toString());
    p.trustAnchorFiles = settings.value(QStringLiteral("trustAnchorFiles")).toStringList();
    p.clientCertificateFile = settings.value(QStringLiteral("clientCertificateFile")).toString();
    p.clientKeyFile = settings.value(QStringLiteral("clientKeyFile")).toString();
    p.headers.purpose = settings.value(QStringLiteral("purposeHeader"), p.headers.purpose).toByteArray();
    p.headers.emergencyReason = settings.value(QStringLiteral("emergencyReasonHeader"), p.headers.emergencyReason).toByteArray();
    // A hand-edited or handed-over file may hold anything: a limit out of range falls back to the
    // default (a negative timeout or page size) or to the nearest sane value.
    const ConnectionProfile defaults;
    p.timeoutMs = settings.value(QStringLiteral("timeoutMs"), p.timeoutMs).toInt();
    if (p.timeoutMs <= 0)
        p.timeoutMs = defaults.timeoutMs;
    p.maxRetries = qMax(0, settings.value(QStringLiteral("maxRetries"), p.maxRetries).toInt());
    p.maxRetryDelayMs = settings.value(QStringLiteral("maxRetryDelayMs"), p.maxRetryDelayMs).toInt();
    p.pageSize = settings.value(QStringLiteral("pageSize"), p.pageSize).toInt();
    if (p.pageSize <= 0)
        p.pageSize = defaults.pageSize;
    // Versions before profile format 2 saved the page size even when nobody chose it, and their
    // default was 100: such a profile asked for five times the round trips the service needs.
    // Their 100 is read as "the default"; a size chosen since is saved with the format.
    if (settings.value(QStringLiteral("format"), 1).toInt() < 2 && p.pageSize == LegacyDefaultPageSize)
        p.pageSize = defaults.pageSize;
    p.allowEmergencyAccess = settings.value(QStringLiteral("allowEmergencyAccess"), false).toBool();
    p.cacheTtlDays = settings.value(QStringLiteral("cacheTtlDays"), p.cacheTtlDays).toInt();
    p.cacheBudgetMb = settings.value(QStringLiteral("cacheBudgetMb"), p.cacheBudgetMb).toInt();
    p.pkcs11Module = settings.value(QStringLiteral("pkcs11Module")).toString();
    p.cardTrustAnchorFiles = settings.value(QStringLiteral("cardTrustAnchorFiles")).toStringList();
    p.idleLockSeconds = settings.value(QStringLiteral("idleLockSeconds"), p.idleLockSeconds).toInt();
    p.purgeCacheOnLogout = settings.value(QStringLiteral("purgeCacheOnLogout"), false).toBool();
    p.roleHeader = settings.value(QStringLiteral("roleHeader")).toByteArray();
    // Anything but "soft" is the strict policy: a typo never weakens the check.
    p.revocationPolicy = revocationPolicyFromString(settings.value(QStringLiteral("revocationPolicy"), QStringLiteral("hard")).toString());
    p.crlTimeoutSeconds = settings.value(QStringLiteral("crlTimeoutSeconds"), p.crlTimeoutSeconds).toInt();
    if (p.crlTimeoutSeconds < 1 || p.crlTimeoutSeconds > 120)
        p.crlTimeoutSeconds = defaults.crlTimeoutSeconds;
    p.crlGraceHours = settings.value(QStringLiteral("crlGraceHours"), p.crlGraceHours).toInt();
    if (p.crlGraceHours < 0 || p.crlGraceHours > 168)
        p.crlGraceHours = defaults.crlGraceHours;
    p.pharmacistSeesAllergies = settings.value(QStringLiteral("pharmacistSeesAllergies"), false).toBool();
    p.imagingDicomWebUrl = QUrl(settings.value(QStringLiteral("imagingDicomWebUrl")).toString());
    p.imagingDimseHost = settings.value(QStringLiteral("imagingDimseHost")).toString();
    p.imagingDimsePort = quint16(settings.value(QStringLiteral("imagingDimsePort"), p.imagingDimsePort).toUInt());
    p.imagingDimseCalledAe = settings.value(QStringLiteral("imagingDimseCalledAe")).toString();
    p.imagingDimseCallingAe = settings.value(QStringLiteral("imagingDimseCallingAe"), p.imagingDimseCallingAe).toString();
    p.imagingDimseUseMove = settings.value(QStringLiteral("imagingDimseUseMove"), false).toBool();
    p.imagingDimseMovePort = quint16(settings.value(QStringLiteral("imagingDimseMovePort"), 0).toUInt());
    p.imagingTimeoutSeconds = settings.value(QStringLiteral("imagingTimeoutSeconds"), p.imagingTimeoutSeconds).toInt();
    p.imageCacheBudgetMb = settings.value(QStringLiteral("imageCacheBudgetMb"), p.imageCacheBudgetMb).toInt();
    p.imagingLocalFolders = settings.value(QStringLiteral("imagingLocalFolders")).toStringList();
    settings.endGroup();
    return p;
}

void ConnectionProfile::save(QSettings &settings) const
{
    settings.beginGroup(group(name));
    settings.setValue(QStringLiteral("baseUrl"), baseUrl.toString());
    settings.setValue(QStringLiteral("trustAnchorFiles"), trustAnchorFiles);
    settings.setValue(QStringLiteral("clientCertificateFile"), clientCertificateFile);
    settings.setValue(QStringLiteral("clientKeyFile"), clientKeyFile);
    settings.setValue(QStringLiteral("purposeHeader"), headers.purpose);
    settings.setValue(QStringLiteral("emergencyReasonHeader"), headers.emergencyReason);
    settings.setValue(QStringLiteral("timeoutMs"), timeoutMs);
    settings.setValue(QStringLiteral("maxRetries"), maxRetries);
    settings.setValue(QStringLiteral("maxRetryDelayMs"), maxRetryDelayMs);
    settings.setValue(QStringLiteral("format"), 2);
    settings.setValue(QStringLiteral("pageSize"), pageSize);
    settings.setValue(QStringLiteral("allowEmergencyAccess"), allowEmergencyAccess);
    settings.setValue(QStringLiteral("cacheTtlDays"), cacheTtlDays);
    settings.setValue(QStringLiteral("cacheBudgetMb"), cacheBudgetMb);
    settings.setValue(QStringLiteral("pkcs11Module"), pkcs11Module);
    settings.setValue(QStringLiteral("cardTrustAnchorFiles"), cardTrustAnchorFiles);
    settings.setValue(QStringLiteral("idleLockSeconds"), idleLockSeconds);
    settings.setValue(QStringLiteral("purgeCacheOnLogout"), purgeCacheOnLogout);
    settings.setValue(QStringLiteral("roleHeader"), roleHeader);
    settings.setValue(QStringLiteral("revocationPolicy"), revocationPolicyToString(revocationPolicy));
    settings.setValue(QStringLiteral("crlTimeoutSeconds"), crlTimeoutSeconds);
    settings.setValue(QStringLiteral("crlGraceHours"), crlGraceHours);
    settings.setValue(QStringLiteral("pharmacistSeesAllergies"), pharmacistSeesAllergies);
    settings.setValue(QStringLiteral("imagingDicomWebUrl"), imagingDicomWebUrl.toString());
    settings.setValue(QStringLiteral("imagingDimseHost"), imagingDimseHost);
    settings.setValue(QStringLiteral("imagingDimsePort"), imagingDimsePort);
    settings.setValue(QStringLiteral("imagingDimseCalledAe"), imagingDimseCalledAe);
    settings.setValue(QStringLiteral("imagingDimseCallingAe"), imagingDimseCallingAe);
    settings.setValue(QStringLiteral("imagingDimseUseMove"), imagingDimseUseMove);
    settings.setValue(QStringLiteral("imagingDimseMovePort"), imagingDimseMovePort);
    settings.setValue(QStringLiteral("imagingTimeoutSeconds"), imagingTimeoutSeconds);
    settings.setValue(QStringLiteral("imageCacheBudgetMb"), imageCacheBudgetMb);
    settings.setValue(QStringLiteral("imagingLocalFolders"), imagingLocalFolders);
    settings.endGroup();
}

} // namespace Kakehashi::Net
