#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Kakehashi {

// One patient record opened on this workstation (閲覧履歴).
struct AccessEntry
{
    qint64 sequence = 0;     // position in the log, from 1 (set by AccessHistory::append)
    QDateTime at;            // when the record was shown (UTC)
    QString holder;          // card holder (kanji name from the certificate), or the session user
    QString role;            // hcRole as shown, e.g. 医師
    QString patientId;
    QString patientName;
    QString purpose;         // TREAT or ETREAT
    QString emergencyReason; // ETREAT only
    QString service;         // the sharing service (profile name and base URL)
    QString source;          // "service", "cache" or "offline": where what was shown came from
    QStringList categories;  // what was shown: category key and count, e.g. "conditions:3"
};

// The access history: an append-only log file on the workstation, one line per record opened.
//
// Each line is "<hex SHA-256 of the previous line> <owner mark> <base64 sealed entry>". The entry
// (JSON) is sealed like a cache row (RecordCache::seal, AES-256-GCM under a key derived from the
// cache key); the authenticated data binds it to the user's tag and to the previous line's hash,
// and the entry carries its own sequence number. The owner mark (16 hex digits of an HMAC of the
// user under their key) only says which lines are the reader's. So: a changed line breaks the next
// line's link, and the owner's line no longer decrypts; a removed line or a reordering breaks a
// link (checked by anyone, no key needed); a line cannot be moved to another position or user.
// Removing or replacing the newest line(s) at the end is not detectable from the file alone (the
// count shown and the facility's exports are the check). Other users' entries stay sealed: each
// user reads only their own.
//
// Thread-safe (a lock file serialises writers; lines are appended with O_APPEND).
class AccessHistory
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::AccessHistory)
public:
    // |key| must be RecordCache::KeyBytes long.
    AccessHistory(const QString &path, const QByteArray &key, const QString &user);
    ~AccessHistory();
    AccessHistory(const AccessHistory &) = delete;
    AccessHistory &operator=(const AccessHistory &) = delete;

    QString path() const { return m_path; }

    // Appends |entry| (its sequence is assigned). The file is created 0600 in a 0700 folder.
    bool append(AccessEntry entry, QString *error);

    struct Reading
    {
        QList<AccessEntry> entries; // this user's, oldest first
        int totalLines = 0;
        int otherUsersEntries = 0;  // sealed for someone else (or under another session key)
        QStringList problems;       // tampering found: broken links, undecryptable or misplaced lines
        QString errorString;        // the file could not be read at all
        bool intact() const { return problems.isEmpty() && errorString.isEmpty(); }
    };
    Reading read() const;

    // RFC 4180 CSV with a header row, UTF-8 with a BOM (spreadsheet programs in Japan expect it).
    static QByteArray toCsv(const QList<AccessEntry> &entries);

private:
    QByteArray aad(const QByteArray &previousHash) const;
    QByteArray ownerMark() const;

    QString m_path;
    QByteArray m_encKey;
    QByteArray m_userTag;
};

} // namespace Kakehashi
