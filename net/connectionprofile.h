#pragma once

#include "purposeofuse.h"
#include "net/hpki/revocationcheck.h"

#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>

class QSettings;

namespace Kakehashi::Net {

// How to reach one sharing service. Stored in the user's settings under "connections/<name>".
struct ConnectionProfile
{
    QString name;
    QUrl baseUrl;                 // FHIR base, e.g. https://phr.example.jp/fhir
    QStringList trustAnchorFiles; // PEM files; when given, only these CAs are trusted
    // Development identity (PEM). The HPKI card replaces this through FhirClient::setSslConfiguration().
    QString clientCertificateFile;
    QString clientKeyFile;
    PurposeHeaderNames headers;
    int timeoutMs = 30000;        // per HTTP request
    int maxRetries = 3;           // for 429/503
    int maxRetryDelayMs = 10000;  // cap on Retry-After and backoff
    // _count. Fewer, larger pages: each page is a round trip (tens of ms to a remote service) and a
    // search a server may run again from its start; a server may still answer with fewer per page.
    int pageSize = 500;
    static constexpr int LegacyDefaultPageSize = 100; // saved by profiles of format 1 without anyone choosing it
    bool allowEmergencyAccess = false;
    int cacheTtlDays = 7;         // cached records older than this are purged
    int cacheBudgetMb = 512;      // the local cache is kept under this size
    // HPKI card sign-in. Empty module: the p11-kit proxy (HpkiCard::defaultModulePath()).
    QString pkcs11Module;
    QStringList cardTrustAnchorFiles; // CAs a login certificate may chain to, besides the shipped HPKI roots
    int idleLockSeconds = 600;        // lock the window after this long without input; 0 = never
    bool purgeCacheOnLogout = false;  // else cached records stay encrypted until their TTL
    QByteArray roleHeader;            // when set, the certificate's hcRole is also sent in this header
    // Revocation of the card's certificate at sign-in (net/hpki/revocationcheck.h): hard refuses the
    // sign-in unless a current CRL clears the card; soft signs in with a warning banner instead.
    RevocationPolicy revocationPolicy = RevocationPolicy::Hard;
    int crlTimeoutSeconds = 10;       // per CRL distribution point (1–120)
    int crlGraceHours = 24;           // a kept CRL is believed this long past its nextUpdate (0–168)
    // Pharmacy view: also show allergies and drug contraindications when the service sends them to a
    // pharmacist (off: the sharing-service rule gives pharmacies disease names and prescriptions only).
    bool pharmacistSeesAllergies = false;
    // Images. A study's own ImagingStudy.endpoint (DICOMweb) comes first; else this DICOMweb base
    // URL; else this DIMSE PACS (when imagingDimseHost is set).
    QUrl imagingDicomWebUrl;
    QString imagingDimseHost;
    quint16 imagingDimsePort = 104;
    QString imagingDimseCalledAe;
    QString imagingDimseCallingAe = QStringLiteral("KAKEHASHI");
    bool imagingDimseUseMove = false;  // C-MOVE to our storage SCP instead of C-GET
    quint16 imagingDimseMovePort = 0;  // our storage SCP port for C-MOVE (registered at the PACS)
    int imagingTimeoutSeconds = 30;
    int imageCacheBudgetMb = 2048;     // retrieved images kept encrypted under this size (TTL: cacheTtlDays)
    // Folders or DICOMDIRs on this workstation (a mounted CD of another hospital, a clinic's image
    // folder) searched for a study the record names when neither DICOMweb nor DIMSE is set. Read in
    // place, never copied into the image cache.
    QStringList imagingLocalFolders;

    // A card session is needed for https without a development client certificate; plain http (a
    // loopback test server) cannot carry a client certificate at all.
    bool requiresCardSignIn() const;

    bool isValid() const;

    // A profile for a bare URL given on the command line.
    static ConnectionProfile fromUrl(const QUrl &url);

    // Builds the TLS configuration the profile asks for. |error| is set when a named file
    // cannot be read; the returned configuration then trusts nothing.
    QSslConfiguration sslConfiguration(QString *error) const;

    static QStringList savedNames(QSettings &settings);
    static ConnectionProfile load(QSettings &settings, const QString &name);
    void save(QSettings &settings) const;
};

} // namespace Kakehashi::Net
