#include "recordcache.h"
#include "bundlespans.h"

#include "privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>
#include <QThreadPool>
#include <QSet>
#include <QUuid>
#include "common/parallelmap.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <sqlite3.h>

#include <atomic>

Q_LOGGING_CATEGORY(lcCache, "kakehashi.record.cache", QtInfoMsg)

namespace Kakehashi {

namespace {

constexpr int NonceBytes = 12;
constexpr int TagBytes = 16;
static_assert(RecordCache::SealOverheadBytes == NonceBytes + TagBytes);

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.constData(), int(key.size()), reinterpret_cast<const unsigned char *>(data.constData()),
              size_t(data.size()), out, &len))
        return {};
    return QByteArray(reinterpret_cast<const char *>(out), int(len));
}

// Ordered migrations; index i takes the schema from version i to i + 1.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps{
        {QStringLiteral("CREATE TABLE resources ("
                        " user_tag BLOB NOT NULL, patient_tag BLOB NOT NULL, resource_tag BLOB NOT NULL,"
                        " fetched_at INTEGER NOT NULL, sealed BLOB NOT NULL,"
                        " PRIMARY KEY (user_tag, patient_tag, resource_tag)) WITHOUT ROWID"),
         QStringLiteral("CREATE INDEX resources_fetched ON resources (fetched_at)")},
        // v2: when each patient's last complete fetch started, for `_since` refreshes.
        {QStringLiteral("CREATE TABLE fetches ("
                        " user_tag BLOB NOT NULL, patient_tag BLOB NOT NULL, completed_started_at INTEGER NOT NULL,"
                        " PRIMARY KEY (user_tag, patient_tag)) WITHOUT ROWID")},
        // v3: the assembled record per patient (a few MB for a big one, so a rowid table) and a
        // revision that moves whenever the patient's rows change, so a snapshot knows it is current.
        {QStringLiteral("CREATE TABLE revisions ("
                        " user_tag BLOB NOT NULL, patient_tag BLOB NOT NULL, revision INTEGER NOT NULL,"
                        " PRIMARY KEY (user_tag, patient_tag)) WITHOUT ROWID"),
         QStringLiteral("CREATE TABLE snapshots ("
                        " user_tag BLOB NOT NULL, patient_tag BLOB NOT NULL, format INTEGER NOT NULL,"
                        " revision INTEGER NOT NULL, written_at INTEGER NOT NULL, sealed BLOB NOT NULL,"
                        " UNIQUE (user_tag, patient_tag))")},
        // v4: resources in a rowid table. Keyed by random HMAC tags, the WITHOUT ROWID table put each
        // ~2 KB row at a random place in its B-tree: page splits everywhere, twice the pages the data
        // needs and a read for every insert. Rows now append in rowid order; the tags live in a small
        // unique index. The copy runs inside the migration's transaction: all or nothing.
        {QStringLiteral("CREATE TABLE resources_v4 ("
                        " id INTEGER PRIMARY KEY, user_tag BLOB NOT NULL, patient_tag BLOB NOT NULL,"
                        " resource_tag BLOB NOT NULL, fetched_at INTEGER NOT NULL, sealed BLOB NOT NULL)"),
         QStringLiteral("INSERT INTO resources_v4 (user_tag, patient_tag, resource_tag, fetched_at, sealed)"
                        " SELECT user_tag, patient_tag, resource_tag, fetched_at, sealed FROM resources"
                        " ORDER BY user_tag, patient_tag, fetched_at"),
         QStringLiteral("DROP TABLE resources"),
         QStringLiteral("ALTER TABLE resources_v4 RENAME TO resources"),
         QStringLiteral("CREATE UNIQUE INDEX resources_tag ON resources (user_tag, patient_tag, resource_tag)"),
         QStringLiteral("CREATE INDEX resources_fetched ON resources (fetched_at)")},
    };
    return steps;
}

// One connection per thread, removed when the call ends.
class Connection
{
public:
    explicit Connection(const QString &path)
        : m_name(QStringLiteral("kakehashi-cache-%1").arg(QUuid::createUuid().toString(QUuid::Id128)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
            q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
            q.exec(QStringLiteral("PRAGMA secure_delete=ON"));
            // 16 MiB of page cache (SQLite's default is 2 MiB): a big record's index and the pages a
            // page of rows touches stay in memory for the transaction.
            q.exec(QStringLiteral("PRAGMA cache_size=-16384"));
        }
    }
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

QString sqlError(const QSqlError &e)
{
    return e.text();
}

// SQLITE_BUSY or SQLITE_LOCKED (any extended form): another connection held a lock past the busy timeout.
bool isBusy(const QSqlError &e)
{
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (code == 5 || code == 6);
}

// The SQLite connection under a QSQLITE database; null for anything else.
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    return handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0 ? *static_cast<sqlite3 *const *>(handle.constData()) : nullptr;
}

// One resource row, sealed, ready to insert.
struct SealedRow
{
    QByteArray tag;
    qint64 fetchedAt = 0;
    QByteArray sealed;
};

// Inserts (or updates in place) |rows| on |db|'s connection, inside the caller's transaction.
// An empty string when all went in; SQLite's message otherwise.
QString insertSealedRows(const QSqlDatabase &db, const QByteArray &user, const QByteArray &patient, const QList<SealedRow> &rows)
{
    sqlite3 *connection = sqliteHandle(db);
    if (!connection)
        return RecordCache::tr("not an SQLite connection");
    sqlite3_stmt *insert = nullptr;
    if (sqlite3_prepare_v2(connection,
                           "INSERT INTO resources (user_tag, patient_tag, resource_tag, fetched_at, sealed) VALUES (?, ?, ?, ?, ?)"
                           " ON CONFLICT (user_tag, patient_tag, resource_tag)"
                           " DO UPDATE SET fetched_at = excluded.fetched_at, sealed = excluded.sealed",
                           -1, &insert, nullptr)
        != SQLITE_OK) {
        return QString::fromUtf8(sqlite3_errmsg(connection));
    }
    // The bytes stay alive and unchanged until the statement is reset: SQLITE_STATIC, no copies.
    bool ok = sqlite3_bind_blob(insert, 1, user.constData(), int(user.size()), SQLITE_STATIC) == SQLITE_OK
              && sqlite3_bind_blob(insert, 2, patient.constData(), int(patient.size()), SQLITE_STATIC) == SQLITE_OK;
    for (qsizetype i = 0; ok && i < rows.size(); ++i) {
        const SealedRow &row = rows.at(i);
        ok = sqlite3_bind_blob(insert, 3, row.tag.constData(), int(row.tag.size()), SQLITE_STATIC) == SQLITE_OK
             && sqlite3_bind_int64(insert, 4, row.fetchedAt) == SQLITE_OK
             && sqlite3_bind_blob(insert, 5, row.sealed.constData(), int(row.sealed.size()), SQLITE_STATIC) == SQLITE_OK
             && sqlite3_step(insert) == SQLITE_DONE;
        if (ok)
            ok = sqlite3_reset(insert) == SQLITE_OK;
    }
    const QString message = ok ? QString() : QString::fromUtf8(sqlite3_errmsg(connection));
    sqlite3_finalize(insert);
    return message;
}

} // namespace

struct RecordCache::Private
{
    QString path;
    QByteArray encKey;
    QByteArray macKey;
    QByteArray userTag;
    qint64 ttlSeconds = DefaultTtlSeconds;
    qint64 budgetBytes = DefaultBudgetBytes;
    // One connection held open from open() to the end: when the last connection to a WAL database
    // closes, SQLite checkpoints the whole log into the database (two fsyncs) and deletes it. Each
    // call opens its own connection, so without this every page stored paid for a full checkpoint.
    // Plain SQLite, not QSqlDatabase: it is closed by whichever thread destroys the cache. It also
    // runs the checkpoints of stored pages, on a thread of its own (see checkpointSoon).
    sqlite3 *keepAlive = nullptr;
    QMutex keepAliveMutex;
    QThreadPool checkpointer; // one thread
    std::atomic<bool> checkpointQueued{false};

    // After a commit that left the WAL at |pages| pages: past SQLite's own threshold (1000 pages,
    // the wal_autocheckpoint it would otherwise run inside that commit), copy the log into the
    // database on the checkpointer thread. Its fsyncs then overlap the next page's parsing and
    // sealing instead of holding up the loader; PASSIVE never blocks a writer or a reader.
    void checkpointSoon(int pages)
    {
        if (pages < 1000 || !keepAlive || checkpointQueued.exchange(true))
            return;
        checkpointer.start([this] {
            checkpointQueued = false; // a commit from now on queues the next one
            QMutexLocker lock(&keepAliveMutex);
            sqlite3_wal_checkpoint_v2(keepAlive, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        });
    }
    void waitForCheckpoints() { checkpointer.waitForDone(); }

    // Replaces the connection's automatic checkpoint (sqlite3_wal_autocheckpoint is this hook).
    static int walCommitted(void *self, sqlite3 *, const char *, int pages)
    {
        static_cast<Private *>(self)->checkpointSoon(pages);
        return SQLITE_OK;
    }

    QByteArray patientTag(const QString &patientId) const { return hmac(macKey, QByteArrayLiteral("patient") + char(0) + patientId.toUtf8()); }
    QByteArray resourceTag(const QByteArray &patient, const QString &key) const { return hmac(macKey, QByteArrayLiteral("resource") + char(0) + patient + key.toUtf8()); }
    QByteArray aad(const QByteArray &patient, const QByteArray &resource) const { return userTag + patient + resource; }
    QByteArray snapshotAad(const QByteArray &patient, quint32 format, qint64 revision) const
    {
        QByteArray out = userTag + patient + QByteArrayLiteral("snapshot");
        for (int shift = 24; shift >= 0; shift -= 8)
            out += char((format >> shift) & 0xff);
        for (int shift = 56; shift >= 0; shift -= 8)
            out += char((quint64(revision) >> shift) & 0xff);
        return out;
    }
};

RecordCache::RecordCache(const QString &path, const QByteArray &key, const QString &user)
    : d(std::make_unique<Private>())
{
    d->path = path;
    // Separate keys for encryption and for the row tags, both derived from the session key.
    d->encKey = hmac(key, QByteArrayLiteral("kakehashi cache encryption v1"));
    d->macKey = hmac(key, QByteArrayLiteral("kakehashi cache row tags v1"));
    d->userTag = hmac(d->macKey, QByteArrayLiteral("user") + char(0) + user.toUtf8());
    d->checkpointer.setMaxThreadCount(1);
    Q_ASSERT(key.size() == KeyBytes);
}

void RecordCache::waitForCheckpoints()
{
    d->waitForCheckpoints();
}

RecordCache::~RecordCache()
{
    d->waitForCheckpoints();
    sqlite3_close_v2(d->keepAlive);
    OPENSSL_cleanse(d->encKey.data(), size_t(d->encKey.size()));
    OPENSSL_cleanse(d->macKey.data(), size_t(d->macKey.size()));
}

QString RecordCache::path() const
{
    return d->path;
}

void RecordCache::setTtlSeconds(qint64 seconds)
{
    d->ttlSeconds = seconds;
}

void RecordCache::setBudgetBytes(qint64 bytes)
{
    d->budgetBytes = bytes;
}

bool RecordCache::open(QString *error)
{
    // Owner only, whatever the umask: the folder 0700, the database 0600 before SQLite opens it.
    // SQLite gives its -wal, -shm and -journal files the database's mode; files an older version
    // left behind are tightened here.
    QString fileError;
    bool privateOk = PrivateFiles::makeDirectory(QFileInfo(d->path).absolutePath(), &fileError)
                     && PrivateFiles::makeFile(d->path, &fileError);
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        privateOk = privateOk && PrivateFiles::restrictExisting(d->path + QLatin1String(suffix), &fileError);
    if (!privateOk) {
        *error = tr("The local cache cannot be opened: %1").arg(fileError);
        return false;
    }
    Connection c(d->path);
    QSqlDatabase db = c.db();
    if (!db.isOpen()) {
        *error = tr("The local cache cannot be opened: %1").arg(sqlError(db.lastError()));
        return false;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"))) {
        *error = tr("The local cache cannot be opened: %1").arg(sqlError(q.lastError()));
        return false;
    }
    int version = 0;
    if (q.exec(QStringLiteral("SELECT version FROM schema_version")) && q.next())
        version = q.value(0).toInt();
    else
        q.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (0)"));
    if (version > SchemaVersion) {
        *error = tr("The local cache was written by a newer version of Kakehashi.");
        return false;
    }
    const QList<QStringList> &steps = migrations();
    for (int v = version; v < SchemaVersion; ++v) {
        db.transaction();
        bool ok = true;
        for (const QString &sql : steps.at(v))
            ok = ok && q.exec(sql);
        ok = ok && q.exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(v + 1));
        if (!ok || !db.commit()) {
            *error = tr("The local cache could not be upgraded: %1").arg(sqlError(q.lastError()));
            db.rollback();
            return false;
        }
    }
    if (!d->keepAlive) {
        // Reading a row maps the WAL index; the connection then counts until it is closed.
        sqlite3 *keep = nullptr;
        if (sqlite3_open_v2(QFile::encodeName(d->path).constData(), &keep, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK
            && sqlite3_exec(keep, "SELECT version FROM schema_version", nullptr, nullptr, nullptr) == SQLITE_OK) {
            d->keepAlive = keep;
        } else {
            sqlite3_close_v2(keep); // slower, not wrong: each connection's close checkpoints
        }
    }
    return true;
}

QByteArray RecordCache::randomKey()
{
    QByteArray key(KeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), KeyBytes / int(sizeof(quint32)));
    return key;
}

QByteArray RecordCache::seal(const QByteArray &key, const QByteArray &plaintext, const QByteArray &aad)
{
    QByteArray out(NonceBytes + plaintext.size() + TagBytes, Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    if (key.size() != KeyBytes || RAND_bytes(nonce, NonceBytes) != 1)
        return {};
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int len = 0;
    int total = 0;
    bool ok = ctx && EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
              && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, NonceBytes, nullptr) == 1
              && EVP_EncryptInit_ex(ctx, nullptr, nullptr, reinterpret_cast<const unsigned char *>(key.constData()), nonce) == 1
              && EVP_EncryptUpdate(ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(aad.constData()), int(aad.size())) == 1;
    ok = ok && EVP_EncryptUpdate(ctx, nonce + NonceBytes, &len, reinterpret_cast<const unsigned char *>(plaintext.constData()), int(plaintext.size())) == 1;
    total = len;
    ok = ok && EVP_EncryptFinal_ex(ctx, nonce + NonceBytes + total, &len) == 1;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, TagBytes, nonce + NonceBytes + plaintext.size()) == 1;
    EVP_CIPHER_CTX_free(ctx);
    return ok ? out : QByteArray();
}

std::optional<QByteArray> RecordCache::unseal(const QByteArray &key, const QByteArray &sealed, const QByteArray &aad)
{
    if (key.size() != KeyBytes || sealed.size() < NonceBytes + TagBytes)
        return std::nullopt;
    const auto *in = reinterpret_cast<const unsigned char *>(sealed.constData());
    const int cipherLen = int(sealed.size()) - NonceBytes - TagBytes;
    QByteArray plain(cipherLen, Qt::Uninitialized);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int len = 0;
    QByteArray tag = sealed.right(TagBytes);
    bool ok = ctx && EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
              && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, NonceBytes, nullptr) == 1
              && EVP_DecryptInit_ex(ctx, nullptr, nullptr, reinterpret_cast<const unsigned char *>(key.constData()), in) == 1
              && EVP_DecryptUpdate(ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(aad.constData()), int(aad.size())) == 1
              && EVP_DecryptUpdate(ctx, reinterpret_cast<unsigned char *>(plain.data()), &len, in + NonceBytes, cipherLen) == 1
              && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, TagBytes, tag.data()) == 1;
    int finalLen = 0;
    // Final fails when the tag does not match: tampered data, wrong key or wrong AAD.
    ok = ok && EVP_DecryptFinal_ex(ctx, reinterpret_cast<unsigned char *>(plain.data()) + len, &finalLen) == 1;
    EVP_CIPHER_CTX_free(ctx);
    if (!ok) {
        OPENSSL_cleanse(plain.data(), size_t(plain.size()));
        return std::nullopt;
    }
    return plain;
}

QByteArray RecordCache::sha256(const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!EVP_Digest(data.constData(), size_t(data.size()), out, &len, EVP_sha256(), nullptr))
        return {};
    return QByteArray(reinterpret_cast<const char *>(out), int(len));
}

QByteArray RecordCache::hmacSha256(const QByteArray &key, const QByteArray &data)
{
    return hmac(key, data);
}

bool RecordCache::storeJson(const QString &patientId, const QByteArray &json, const QDateTime &fetchedAt, QString *error)
{
    return storeJson(patientId, QJsonDocument::fromJson(json).object(), json, fetchedAt, error);
}

bool RecordCache::storeJson(const QString &patientId, const QJsonObject &root, const QDateTime &fetchedAt, QString *error)
{
    return storeJson(patientId, root, QByteArray(), fetchedAt, error);
}

bool RecordCache::storeJson(const QString &patientId, const QJsonObject &root, const QByteArray &rawJson, const QDateTime &fetchedAt,
                            QString *error)
{
    struct Entry
    {
        QJsonObject resource;
        QByteArrayView raw; // the resource's own bytes in |rawJson|, when known
    };
    QList<Entry> resources;
    if (root.value(u"resourceType").toString() == u"Bundle") {
        const QJsonArray entries = root.value(u"entry").toArray();
        // Each resource as the server sent it: serialising ten thousand parsed objects again cost
        // more than parsing the page. Whenever the spans cannot be trusted, serialised as before.
        std::optional<QList<QByteArrayView>> spans;
        if (!rawJson.isEmpty())
            spans = bundleEntryResourceSpans(rawJson);
        if (spans && spans->size() != entries.size())
            spans.reset();
        resources.reserve(entries.size());
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QJsonObject e = entries.at(i).toObject();
            // Search outcomes (withheld counts) belong to the page, not to a resource: not cached.
            if (e.value(u"search").toObject().value(u"mode").toString() == u"outcome")
                continue;
            const QByteArrayView raw = spans ? spans->at(i) : QByteArrayView();
            resources.append({e.value(u"resource").toObject(), raw.startsWith('{') ? raw : QByteArrayView()});
        }
    } else if (!root.isEmpty()) {
        resources.append({root, QByteArrayView()});
    }
    // Serialising a resource is independent of the others: on the pool, with the sealing below.
    const QList<CachedResource> serialised = parallelMapped(resources, [&fetchedAt](const Entry &r) {
        const QString type = r.resource.value(u"resourceType").toString();
        const QString id = r.resource.value(u"id").toString();
        if (type.isEmpty() || id.isEmpty())
            return CachedResource{};
        return CachedResource{type + u'/' + id,
                              r.raw.isNull() ? QJsonDocument(r.resource).toJson(QJsonDocument::Compact) : r.raw.toByteArray(), fetchedAt};
    });
    QList<CachedResource> rows;
    rows.reserve(serialised.size());
    for (const CachedResource &r : serialised)
        if (!r.key.isEmpty())
            rows.append(r);
    return storeResources(patientId, rows, error);
}

bool RecordCache::storeResources(const QString &patientId, const QList<CachedResource> &resources, QString *error)
{
    // An empty page (nothing changed since the last fetch) leaves the record, and its snapshot, as they are.
    if (resources.isEmpty())
        return true;
    const QByteArray patient = d->patientTag(patientId);
    // Tags and encryption before the transaction, spread over the pool: the write lock is held
    // only for the inserts. The calling thread takes part (parallelMapped), so this also works from a
    // pool thread.
    const Private *p = d.get();
    const QList<SealedRow> sealedRows = parallelMapped(resources, [p, &patient](const CachedResource &r) {
        const QByteArray tag = p->resourceTag(patient, r.key);
        return SealedRow{tag, r.fetchedAt.toSecsSinceEpoch(), seal(p->encKey, r.json, p->aad(patient, tag))};
    });
    for (const SealedRow &row : sealedRows) {
        if (row.sealed.isEmpty()) {
            *error = tr("The local cache cannot be written: encryption failed.");
            return false;
        }
    }
    Connection c(d->path);
    QSqlDatabase db = c.db();
    if (!db.isOpen() || !db.transaction()) {
        *error = tr("The local cache cannot be written: %1").arg(sqlError(db.lastError()));
        return false;
    }
    // This commit's checkpoint, if it is due, runs on the checkpointer thread.
    if (sqlite3 *h = sqliteHandle(db))
        sqlite3_wal_hook(h, &Private::walCommitted, d.get());
    QSqlQuery q(db);
    // New rows make the assembled snapshot out of date: move the revision on and drop it.
    q.prepare(QStringLiteral("INSERT INTO revisions (user_tag, patient_tag, revision) VALUES (?, ?, 1)"
                             " ON CONFLICT (user_tag, patient_tag) DO UPDATE SET revision = revision + 1"));
    q.addBindValue(d->userTag);
    q.addBindValue(patient);
    bool ok = q.exec();
    q.prepare(QStringLiteral("DELETE FROM snapshots WHERE user_tag = ? AND patient_tag = ?"));
    q.addBindValue(d->userTag);
    q.addBindValue(patient);
    ok = ok && q.exec();
    if (!ok) {
        *error = tr("The local cache cannot be written: %1").arg(sqlError(q.lastError()));
        db.rollback();
        return false;
    }
    // A row fetched again is updated in place: its rowid, and so its place on disk, stay.
    // SQLite's own statement on the transaction's connection: through QSqlQuery each row cost its
    // values copied into QVariants and back, twice what SQLite spends inserting it.
    const QString insertError = insertSealedRows(db, d->userTag, patient, sealedRows);
    if (!insertError.isEmpty()) {
        *error = tr("The local cache cannot be written: %1").arg(insertError);
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        *error = tr("The local cache cannot be written: %1").arg(sqlError(db.lastError()));
        return false;
    }
    return true;
}

QList<CachedResource> RecordCache::load(const QString &patientId, int *undecryptable, QString *error) const
{
    QList<CachedResource> out;
    int bad = 0;
    Connection c(d->path);
    QSqlDatabase db = c.db();
    QSqlQuery q(db);
    const QByteArray patient = d->patientTag(patientId);
    q.prepare(QStringLiteral("SELECT resource_tag, fetched_at, sealed FROM resources WHERE user_tag = ? AND patient_tag = ?"));
    q.addBindValue(d->userTag);
    q.addBindValue(patient);
    if (!q.exec()) {
        if (error)
            *error = tr("The local cache cannot be read: %1").arg(sqlError(q.lastError()));
        return out;
    }
    struct Row
    {
        QByteArray tag;
        qint64 fetchedAt = 0;
        QByteArray sealed;
    };
    QList<Row> sealedRows;
    while (q.next())
        sealedRows.append({q.value(0).toByteArray(), q.value(1).toLongLong(), q.value(2).toByteArray()});
    // Decrypting and parsing are independent per row: spread them over the pool (a big record has
    // ten thousand rows). The calling thread takes part (parallelMapped), so this also works from a
    // pool thread.
    const Private *p = d.get();
    const QList<CachedResource> opened = parallelMapped(sealedRows, [p, &patient](const Row &row) {
        const std::optional<QByteArray> json = unseal(p->encKey, row.sealed, p->aad(patient, row.tag));
        if (!json)
            return CachedResource{};
        const QJsonObject r = QJsonDocument::fromJson(*json).object();
        const QString key = r.value(u"resourceType").toString() + u'/' + r.value(u"id").toString();
        // The row tag must match the resource it holds.
        if (p->resourceTag(patient, key) != row.tag)
            return CachedResource{};
        return CachedResource{key, *json, QDateTime::fromSecsSinceEpoch(row.fetchedAt, Qt::UTC), r};
    });
    out.reserve(opened.size());
    for (const CachedResource &r : opened) {
        if (r.key.isEmpty())
            ++bad;
        else
            out.append(r);
    }
    if (bad)
        qCWarning(lcCache) << bad << "cached rows could not be decrypted and were skipped";
    if (undecryptable)
        *undecryptable = bad;
    return out;
}

bool RecordCache::hasPatient(const QString &patientId) const
{
    Connection c(d->path);
    QSqlQuery q(c.db());
    q.prepare(QStringLiteral("SELECT 1 FROM resources WHERE user_tag = ? AND patient_tag = ? LIMIT 1"));
    q.addBindValue(d->userTag);
    q.addBindValue(d->patientTag(patientId));
    return q.exec() && q.next();
}

QDateTime RecordCache::lastCompleteFetch(const QString &patientId) const
{
    Connection c(d->path);
    QSqlQuery q(c.db());
    q.prepare(QStringLiteral("SELECT completed_started_at FROM fetches WHERE user_tag = ? AND patient_tag = ?"));
    q.addBindValue(d->userTag);
    q.addBindValue(d->patientTag(patientId));
    if (q.exec() && q.next())
        return QDateTime::fromSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC);
    return {};
}

bool RecordCache::setLastCompleteFetch(const QString &patientId, const QDateTime &startedAt, QString *error)
{
    Connection c(d->path);
    QSqlQuery q(c.db());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO fetches (user_tag, patient_tag, completed_started_at) VALUES (?, ?, ?)"));
    q.addBindValue(d->userTag);
    q.addBindValue(d->patientTag(patientId));
    q.addBindValue(startedAt.toSecsSinceEpoch());
    if (!q.exec()) {
        if (error)
            *error = tr("The local cache cannot be written: %1").arg(sqlError(q.lastError()));
        return false;
    }
    return true;
}

int RecordCache::purgeExpired(const QDateTime &now, QString *error)
{
    Connection c(d->path);
    QSqlDatabase db = c.db();
    QSqlQuery q(db);
    db.transaction();
    const qint64 cutoff = now.toSecsSinceEpoch() - d->ttlSeconds;
    // A patient about to lose rows loses its snapshot, and its revision moves on.
    const QString losing = QStringLiteral(" WHERE EXISTS (SELECT 1 FROM resources r WHERE r.user_tag = %1.user_tag"
                                          " AND r.patient_tag = %1.patient_tag AND r.fetched_at < ?)");
    q.prepare(QStringLiteral("DELETE FROM snapshots") + losing.arg(u"snapshots"));
    q.addBindValue(cutoff);
    bool ok = q.exec();
    q.prepare(QStringLiteral("UPDATE revisions SET revision = revision + 1") + losing.arg(u"revisions"));
    q.addBindValue(cutoff);
    ok = ok && q.exec();
    q.prepare(QStringLiteral("DELETE FROM resources WHERE fetched_at < ?"));
    q.addBindValue(cutoff);
    if (!ok || !q.exec()) {
        db.rollback();
        if (error)
            *error = sqlError(q.lastError());
        return -1;
    }
    int removed = q.numRowsAffected();
    // Over budget: drop the oldest fetches first.
    qint64 bytes = 0;
    if (q.exec(QStringLiteral("SELECT (SELECT COALESCE(SUM(LENGTH(sealed)), 0) FROM resources)"
                              " + (SELECT COALESCE(SUM(LENGTH(sealed)), 0) FROM snapshots)")) && q.next())
        bytes = q.value(0).toLongLong();
    if (bytes > d->budgetBytes) {
        QSqlQuery sel(db);
        sel.exec(QStringLiteral("SELECT user_tag, patient_tag, id, LENGTH(sealed) FROM resources ORDER BY fetched_at ASC"));
        QSqlQuery del(db);
        del.prepare(QStringLiteral("DELETE FROM resources WHERE id = ?"));
        QSqlQuery snapshotSize(db);
        snapshotSize.prepare(QStringLiteral("SELECT LENGTH(sealed) FROM snapshots WHERE user_tag = ? AND patient_tag = ?"));
        QSqlQuery dropSnapshot(db);
        dropSnapshot.prepare(QStringLiteral("DELETE FROM snapshots WHERE user_tag = ? AND patient_tag = ?"));
        QSqlQuery bump(db);
        bump.prepare(QStringLiteral("UPDATE revisions SET revision = revision + 1 WHERE user_tag = ? AND patient_tag = ?"));
        QSet<QByteArray> touched;
        while (bytes > d->budgetBytes && sel.next()) {
            const QByteArray user = sel.value(0).toByteArray();
            const QByteArray patient = sel.value(1).toByteArray();
            if (!touched.contains(user + patient)) {
                touched.insert(user + patient);
                snapshotSize.addBindValue(user);
                snapshotSize.addBindValue(patient);
                if (snapshotSize.exec() && snapshotSize.next())
                    bytes -= snapshotSize.value(0).toLongLong();
                snapshotSize.finish();
                for (QSqlQuery *step : {&dropSnapshot, &bump}) {
                    step->addBindValue(user);
                    step->addBindValue(patient);
                    step->exec();
                }
            }
            del.addBindValue(sel.value(2));
            if (del.exec()) {
                bytes -= sel.value(3).toLongLong();
                ++removed;
            }
        }
    }
    // A patient whose rows are gone has no complete fetch to refresh from.
    q.exec(QStringLiteral("DELETE FROM fetches WHERE NOT EXISTS (SELECT 1 FROM resources r"
                          " WHERE r.user_tag = fetches.user_tag AND r.patient_tag = fetches.patient_tag)"));
    for (const QString &table : {QStringLiteral("revisions"), QStringLiteral("snapshots")})
        q.exec(QStringLiteral("DELETE FROM %1 WHERE NOT EXISTS (SELECT 1 FROM resources r"
                              " WHERE r.user_tag = %1.user_tag AND r.patient_tag = %1.patient_tag)").arg(table));
    db.commit();
    return removed;
}

bool RecordCache::purgeAll(QString *error)
{
    d->waitForCheckpoints(); // the TRUNCATE below needs the checkpoint lock
    Connection c(d->path);
    QSqlQuery q(c.db());
    // The deleted rows are still in the log and in the file's free pages: the log is copied in and
    // emptied, the file rebuilt without them, and that copied in too. A reader holding an older view
    // of the cache (another Kakehashi process) blocks this for the busy timeout; the purge then says
    // so rather than report the rows gone while their sealed copies are still on disk. A writer
    // holding its lock past the busy timeout (SQLite's "database is locked" on a DELETE or on VACUUM)
    // is told the same way. Any other failure is told as SQLite's reason.
    enum class Step { Done, Busy, Failed };
    const auto run = [&q](const QString &sql) {
        return q.exec(sql) ? Step::Done : isBusy(q.lastError()) ? Step::Busy : Step::Failed;
    };
    const auto truncateLog = [&q, &run] {
        const Step ran = run(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        if (ran != Step::Done)
            return ran;
        if (!q.next())
            return Step::Failed;
        return q.value(0).toInt() == 0 ? Step::Done : Step::Busy;
    };
    Step step = Step::Done;
    for (const QString &table : {QStringLiteral("resources"), QStringLiteral("fetches"), QStringLiteral("snapshots"),
                                 QStringLiteral("revisions")}) {
        if (step == Step::Done)
            step = run(QStringLiteral("DELETE FROM %1").arg(table));
    }
    if (step == Step::Done)
        step = truncateLog();
    if (step == Step::Done)
        step = run(QStringLiteral("VACUUM"));
    if (step == Step::Done)
        step = truncateLog();
    if (step == Step::Done)
        return true;
    if (error)
        *error = step == Step::Busy
            ? tr("the cache file is in use by another program (another Kakehashi window?); close it and purge again")
            : sqlError(q.lastError());
    return false;
}

qint64 RecordCache::storedBytes() const
{
    Connection c(d->path);
    QSqlQuery q(c.db());
    if (q.exec(QStringLiteral("SELECT (SELECT COALESCE(SUM(LENGTH(sealed)), 0) FROM resources)"
                              " + (SELECT COALESCE(SUM(LENGTH(sealed)), 0) FROM snapshots)")) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

qint64 RecordCache::revision(const QString &patientId) const
{
    Connection c(d->path);
    QSqlQuery q(c.db());
    q.prepare(QStringLiteral("SELECT revision FROM revisions WHERE user_tag = ? AND patient_tag = ?"));
    q.addBindValue(d->userTag);
    q.addBindValue(d->patientTag(patientId));
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return 0;
}

bool RecordCache::storeSnapshot(const QString &patientId, qint64 revision, quint32 format, const QByteArray &payload, QString *error)
{
    const QByteArray patient = d->patientTag(patientId);
    // Sealed before the transaction: encrypting megabytes need not hold the write lock.
    const QByteArray sealed = seal(d->encKey, payload, d->snapshotAad(patient, format, revision));
    if (sealed.isEmpty()) {
        if (error)
            *error = tr("The local cache cannot be written: encryption failed.");
        return false;
    }
    Connection c(d->path);
    QSqlDatabase db = c.db();
    if (!db.isOpen() || !db.transaction()) {
        if (error)
            *error = tr("The local cache cannot be written: %1").arg(sqlError(db.lastError()));
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT COALESCE((SELECT revision FROM revisions WHERE user_tag = ? AND patient_tag = ?), 0)"));
    q.addBindValue(d->userTag);
    q.addBindValue(patient);
    if (!q.exec() || !q.next() || q.value(0).toLongLong() != revision) {
        // The rows changed since the snapshot was assembled: it would show an old record.
        q.finish();
        db.rollback();
        return false;
    }
    q.finish();
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO snapshots (user_tag, patient_tag, format, revision, written_at, sealed)"
                             " VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(d->userTag);
    q.addBindValue(patient);
    q.addBindValue(qint64(format));
    q.addBindValue(revision);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.addBindValue(sealed);
    if (!q.exec() || !db.commit()) {
        if (error)
            *error = tr("The local cache cannot be written: %1").arg(sqlError(q.lastError()));
        db.rollback();
        return false;
    }
    return true;
}

RecordCache::SnapshotRead RecordCache::loadSnapshot(const QString &patientId, quint32 format) const
{
    SnapshotRead out;
    const QByteArray patient = d->patientTag(patientId);
    Connection c(d->path);
    QSqlDatabase db = c.db();
    // One read transaction: the snapshot and the revision it is checked against are from the same moment.
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT s.format, s.revision, s.sealed, COALESCE(r.revision, 0) FROM snapshots s"
                             " LEFT JOIN revisions r ON r.user_tag = s.user_tag AND r.patient_tag = s.patient_tag"
                             " WHERE s.user_tag = ? AND s.patient_tag = ?"));
    q.addBindValue(d->userTag);
    q.addBindValue(patient);
    if (!q.exec() || !q.next()) {
        db.rollback();
        return out;
    }
    const quint32 storedFormat = quint32(q.value(0).toLongLong());
    const qint64 revision = q.value(1).toLongLong();
    const QByteArray sealed = q.value(2).toByteArray();
    const qint64 current = q.value(3).toLongLong();
    q.finish();
    db.rollback();
    if (storedFormat != format) {
        out.status = SnapshotRead::Status::OtherFormat;
    } else if (revision != current) {
        out.status = SnapshotRead::Status::Stale;
    } else if (std::optional<QByteArray> plain = unseal(d->encKey, sealed, d->snapshotAad(patient, format, revision))) {
        out.status = SnapshotRead::Status::Ok;
        out.payload = std::move(*plain);
    } else {
        out.status = SnapshotRead::Status::Undecryptable;
        qCWarning(lcCache) << "the cached record snapshot could not be decrypted";
    }
    return out;
}

bool RecordCache::hasSnapshot(const QString &patientId) const
{
    Connection c(d->path);
    QSqlQuery q(c.db());
    q.prepare(QStringLiteral("SELECT 1 FROM snapshots WHERE user_tag = ? AND patient_tag = ?"));
    q.addBindValue(d->userTag);
    q.addBindValue(d->patientTag(patientId));
    return q.exec() && q.next();
}

} // namespace Kakehashi
