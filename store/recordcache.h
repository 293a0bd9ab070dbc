#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Kakehashi {

// One resource as cached: its FHIR JSON and when it was fetched from the service.
struct CachedResource
{
    QString key;          // "Type/id", recovered from the decrypted JSON
    QByteArray json;
    QDateTime fetchedAt;
    QJsonObject resource = {}; // the parsed JSON, filled by load(): callers need not parse it again
};

// Local SQLite cache of what the sharing service sent, per user and patient.
//
// Threat model: the cache protects a lost or copied disk / profile folder. Every row's JSON is
// encrypted with AES-256-GCM (random 96-bit nonce per row; the AAD binds it to the user, the patient
// and the row key, so rows cannot be moved between patients or users). Patient ids, names and
// resource ids are never stored in plaintext: rows are keyed by HMAC-SHA-256 tags derived from the
// same secret. The 32-byte key exists only in memory: the caller supplies it (derived from the HPKI
// card after sign-in, HpkiCard::deriveCacheKey, so the same card reads it after a restart; without a
// card a random key per session, so a new session simply refetches). It does not protect against
// malware running as the signed-in user while the session is open, and it does not hide how many
// rows exist or when they were fetched.
//
// Thread-safe: every call opens its own connection on the calling thread (one per thread, as SQLite wants).
class RecordCache
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::RecordCache)
public:
    static constexpr int KeyBytes = 32;
    static constexpr qint64 DefaultTtlSeconds = qint64(7) * 24 * 3600;
    static constexpr qint64 DefaultBudgetBytes = qint64(512) * 1024 * 1024;

    // A new random key of KeyBytes (from the system's generator): for a session without a card.
    static QByteArray randomKey();

    // |key| must be KeyBytes long. |user| names whose cache this is (it is stored only as an HMAC tag).
    RecordCache(const QString &path, const QByteArray &key, const QString &user);
    ~RecordCache();
    RecordCache(const RecordCache &) = delete;
    RecordCache &operator=(const RecordCache &) = delete;

    // Creates or migrates the schema. Must succeed before anything else is called.
    bool open(QString *error);
    QString path() const;

    void setTtlSeconds(qint64 seconds);
    void setBudgetBytes(qint64 bytes);

    // Stores every resource of |json| (a resource or a Bundle: each entry's resource) in one
    // transaction: a killed process leaves either all of the page or none of it.
    bool storeJson(const QString &patientId, const QByteArray &json, const QDateTime &fetchedAt, QString *error);
    // The same for a caller that has parsed the page already (the record loader): no second parse.
    bool storeJson(const QString &patientId, const QJsonObject &root, const QDateTime &fetchedAt, QString *error);
    // The same with the bytes |root| was parsed from: each resource is kept as those bytes hold it
    // (a Bundle's entries sliced out, see bundleEntryResourceSpans) rather than serialised again.
    bool storeJson(const QString &patientId, const QJsonObject &root, const QByteArray &rawJson, const QDateTime &fetchedAt,
                   QString *error);
    bool storeResources(const QString &patientId, const QList<CachedResource> &resources, QString *error);
    // Pages stored move the write-ahead log into the database on a thread of the cache's own; this
    // returns when none is running or queued (the destructor and purgeAll() wait too).
    void waitForCheckpoints();

    // Rows that fail to decrypt (tampered, or written under another key) are skipped and counted.
    QList<CachedResource> load(const QString &patientId, int *undecryptable, QString *error) const;
    bool hasPatient(const QString &patientId) const;

    // When the last fetch of |patientId| that ran to the end started: the safe `_since` for a
    // refresh (a fetch that failed half-way does not move it). Invalid when none is recorded.
    QDateTime lastCompleteFetch(const QString &patientId) const;
    bool setLastCompleteFetch(const QString &patientId, const QDateTime &startedAt, QString *error);

    // A number that changes whenever |patientId|'s rows change (stored, expired or evicted): a
    // snapshot is current only while the revision it was built from still is. 0 when none is recorded.
    qint64 revision(const QString &patientId) const;

    // The assembled record kept beside the rows (see RecordSnapshot), sealed like a row: the AAD binds
    // it to the user, the patient, "snapshot", |format| and the revision it was built from.
    // storeSnapshot() writes nothing, and returns false, when the rows have moved past |revision|
    // since (a refresh stored pages meanwhile). Storing rows or purging them drops the snapshot.
    struct SnapshotRead
    {
        enum class Status { Missing, Stale, OtherFormat, Undecryptable, Ok };
        Status status = Status::Missing;
        QByteArray payload;
    };
    bool storeSnapshot(const QString &patientId, qint64 revision, quint32 format, const QByteArray &payload, QString *error);
    SnapshotRead loadSnapshot(const QString &patientId, quint32 format) const;
    bool hasSnapshot(const QString &patientId) const;

    // Removes rows older than the TTL, then the oldest rows until the cache fits its budget.
    int purgeExpired(const QDateTime &now, QString *error);
    bool purgeAll(QString *error);
    qint64 storedBytes() const; // rows and snapshots

    static constexpr int SchemaVersion = 4;

    // AES-256-GCM helpers, exposed for the unit tests. |sealed| = nonce(12) || ciphertext || tag(16).
    static constexpr int SealOverheadBytes = 12 + 16;
    static QByteArray seal(const QByteArray &key, const QByteArray &plaintext, const QByteArray &aad);
    static std::optional<QByteArray> unseal(const QByteArray &key, const QByteArray &sealed, const QByteArray &aad);
    // SHA-256 and HMAC-SHA-256 through OpenSSL (QCryptographicHash's own SHA-256 runs at ~170 MB/s
    // here, OpenSSL's at ~1.2 GB/s: it named every cached image). Empty on failure.
    static QByteArray sha256(const QByteArray &data);
    static QByteArray hmacSha256(const QByteArray &key, const QByteArray &data);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Kakehashi
