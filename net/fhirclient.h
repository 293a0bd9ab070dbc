#pragma once

#include "connectionprofile.h"
#include "purposeofuse.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Kakehashi::Net {

// What went wrong talking to the service, as a value. message() is the text for the user.
struct FhirError
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::Net::FhirError)
public:
    enum class Kind {
        None,
        Network,
        Timeout,
        Tls,
        TlsRevoked, // the server's own stapled OCSP status says its certificate is revoked
        TlsStatusMissing, // the server's certificate requires a stapled status (must-staple); none usable came
        Http400,
        Http401,
        Http403,
        Http404,
        Http410,
        Http429,
        Http5xx,
        HttpOther,
        MalformedJson,
        ForeignNextLink,
        NotSupported, // the service offers neither $everything nor the searches we need
        Cancelled,
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString diagnostics; // OperationOutcome issue diagnostics/details, as the service wrote them
    QUrl url;            // the request that failed (never contains patient names: ids only)

    bool isError() const { return kind != Kind::None; }
    QString message() const;
    static QString kindKey(Kind kind); // stable English key for logs and --summary
    static Kind kindForStatus(int status);
};

// One JSON body as received, with where it came from, and the object FhirOperation parsed it into
// to check it (a JSON object: a page that is not one fails the operation instead). The record model
// reads |parsed| rather than parsing |json| a second time; |json| is what the cache keeps.
struct FhirPage
{
    QByteArray json;
    QUrl origin;
    QJsonObject parsed;
};

// Patient search (wide-area MPI, PDQm style). Empty fields are left out.
struct PatientQuery
{
    QString name;               // kanji or katakana, matched against every representation
    QString family;
    QString given;
    QDate birthDate;
    QString gender;             // male | female | other | unknown
    QString insuranceMemberId;  // "<insurer>:<symbol>:<number>:<branch>"
    QString facilityCode;       // 10-digit medical institution code
    QString facilityPatientId;  // with facilityCode

    bool isEmpty() const;
    QUrlQuery toUrlQuery() const;
};

// What /metadata said we may do.
struct ServiceCapabilities
{
    bool valid = false;
    bool patientEverything = false;
    QStringList resourceTypes;
    QHash<QString, QStringList> searchIncludes; // by resource type

    static ServiceCapabilities fromJson(const QByteArray &json, QString *error);
};

class FhirClient;

// One running operation: a search or a record retrieval, possibly several paged searches in
// parallel. Emits pageReceived() for every body, then finished() exactly once. Deletes itself
// after finished() (deleteLater), so connect with a context object.
class FhirOperation : public QObject
{
    Q_OBJECT
public:
    ~FhirOperation() override;

    void cancel();
    bool isFinished() const { return m_finished; }
    // Bodies delivered so far.
    int pageCount() const { return m_pages; }

Q_SIGNALS:
    void pageReceived(const Kakehashi::Net::FhirPage &page);
    // error.kind == None on success. A failure after some pages means those pages are all there is.
    void finished(const Kakehashi::Net::FhirError &error);

private:
    friend class FhirClient;
    FhirOperation(FhirClient *client, const PurposeOfUse &purpose);

    struct Stream
    {
        QUrl url;
        int attempt = 0;
        bool deliver = true; // false for /metadata discovery
        QPointer<QNetworkReply> reply;
        QTimer *timer = nullptr;
        bool timedOut = false;
        bool done = false;
        int pages = 0;
    };

    void addStream(const QUrl &url, bool deliver = true);
    void startStream(int index);
    void onReplyFinished(int index, QNetworkReply *reply);
    void onBody(int index, const QByteArray &body, QUrl origin); // by value: it is often the stream's own url, which onBody moves on
    void fail(FhirError error);
    void maybeFinish();
    void finishWith(const FhirError &error);

    FhirClient *m_client;
    PurposeOfUse m_purpose; // stated on every request of this operation, fixed when it is made
    QList<Stream> m_streams;
    bool m_finished = false;
    int m_pages = 0;
    // Set for a record retrieval that must first learn the capabilities.
    QString m_pendingPatientId;
    QDateTime m_pendingSince;
};

// Asynchronous FHIR client for the sharing service. Lives on the thread that uses it.
class FhirClient : public QObject
{
    Q_OBJECT
public:
    explicit FhirClient(const ConnectionProfile &profile, QObject *parent = nullptr);
    ~FhirClient() override;

    const ConnectionProfile &profile() const { return m_profile; }
    // The TLS identity and trust to use; the HPKI card module sets this. Defaults to the profile's files.
    void setSslConfiguration(const QSslConfiguration &config) { m_ssl = config; }
    const QSslConfiguration &sslConfiguration() const { return m_ssl; }
    // The session's hcRole, sent in the profile's roleHeader when it names one (the certificate
    // carries the role over mutual TLS in any case).
    void setClientRole(const QByteArray &hcRoleText) { m_clientRole = hcRoleText; }

    // The capabilities learnt from /metadata, if asked already.
    const ServiceCapabilities &capabilities() const { return m_capabilities; }

    // Every request states why it is made. The purpose is an argument of each call, never state of
    // the client: a patient search (TREAT) made while an emergency-access record (ETREAT) is loading
    // must reach the service's access history as what it is.

    // GET /metadata. The body is delivered and the capabilities are remembered.
    FhirOperation *fetchCapabilities(const PurposeOfUse &purpose);
    // GET /Patient?..., following next links.
    FhirOperation *searchPatients(const PatientQuery &query, const PurposeOfUse &purpose);
    // The whole record (or what changed since |since|): $everything when offered, else one
    // paged search per clinical type with _include, in parallel. Learns the capabilities first if needed.
    FhirOperation *fetchRecord(const QString &patientId, const PurposeOfUse &purpose, const QDateTime &since = {});
    // GET of any URL under the base (read or search), following next links.
    FhirOperation *get(const QUrl &url, const PurposeOfUse &purpose);
    // Resources of one type by id, batched: `Type?_id=a,b,c` in chunks of at most |chunk| ids, in
    // parallel. Ids are sent percent-encoded.
    FhirOperation *searchByIds(const QString &type, const QStringList &ids, const PurposeOfUse &purpose, int chunk = 50);

    QUrl resolve(const QString &pathAndQuery) const;
    // True when |url| has the base URL's scheme, host and port: the only place we present our identity.
    bool isSameOrigin(const QUrl &url) const;
    // "Type/id" when |reference| points into this service: relative, or absolute under the base URL
    // (same origin and path). Empty otherwise (another server, urn:uuid, contained).
    QString serviceKeyFor(const QString &reference) const;

    // The clinical types read one by one when $everything is not offered.
    static const QStringList &recordResourceTypes();

private:
    friend class FhirOperation;
    QNetworkReply *send(const QUrl &url, const PurposeOfUse &purpose);
    void startRecord(FhirOperation *op, const QString &patientId, const QDateTime &since);

    ConnectionProfile m_profile;
    QSslConfiguration m_ssl;
    QByteArray m_clientRole;
    ServiceCapabilities m_capabilities;
    QNetworkAccessManager *m_network;
};

} // namespace Kakehashi::Net

Q_DECLARE_METATYPE(Kakehashi::Net::FhirPage)
Q_DECLARE_METATYPE(Kakehashi::Net::FhirError)
