#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Kakehashi {

// Retrieved DICOM instances kept on disk, encrypted, so a study opened once reopens at once and
// offline. Same threat model, key and scheme as RecordCache (AES-256-GCM through
// RecordCache::seal, a random nonce per file, the AAD binding a file to the user, the study and
// its name); file and folder names are HMAC-SHA-256 tags, so neither UIDs nor patient names
// appear in plaintext. Layout: <dir>/<user tag>/<study tag>/<instance tag>.kki, plus a sealed
// "complete" marker written when every instance of the study has been stored.
//
// A budget (bytes) evicts whole studies, least recently opened first; studies not opened within
// the TTL are removed. Thread-safe: no state besides the files (write to a temporary name, rename).
class ImageCache
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::ImageCache)
public:
    // |key| must be RecordCache::KeyBytes long.
    ImageCache(const QString &directory, const QByteArray &key, const QString &user);
    ~ImageCache();

    QString directory() const { return m_directory; }
    void setTtlSeconds(qint64 seconds) { m_ttlSeconds = seconds; }
    void setBudgetBytes(qint64 bytes) { m_budgetBytes = bytes; }

    // Stores one instance (Part 10 bytes). Its name is a tag of its content: storing the same
    // bytes twice keeps one file (a file of that name whose size is wrong is written again).
    // Instances are not flushed to the disk one by one (300 flushes cost more than fetching the
    // series): after a power loss one may be empty or cut short. Nothing trusts that: the
    // "complete" marker is flushed, and opening a study decrypts every instance first; a study
    // with a bad one is removed (removeStudy) and fetched again.
    bool storeInstance(const QString &studyInstanceUid, const QByteArray &part10, QString *error);
    // The same, telling the stored instance's name (for readInstance).
    bool storeInstance(const QString &studyInstanceUid, const QByteArray &part10, QString *error, QString *storedName);
    // Every instance of the study is stored: it may be opened from the cache alone.
    bool markComplete(const QString &studyInstanceUid, int instanceCount, QString *error);
    bool isComplete(const QString &studyInstanceUid) const;

    struct Listing
    {
        QStringList names;     // stored instances, for readInstance; nothing is decrypted yet
        QString errorString;
        bool ok() const { return errorString.isEmpty() && !names.isEmpty(); }
    };
    // The instances of a complete study (the marker is checked and must decrypt), marking it as
    // used now. Nothing is written but the marker's time. Blocking: off the GUI thread.
    Listing listStudy(const QString &studyInstanceUid) const;
    // Decrypts one instance into memory; empty with *error on a missing, tampered or foreign file.
    // Thread-safe; blocking.
    QByteArray readInstance(const QString &studyInstanceUid, const QString &name, QString *error) const;

    // Removes studies not opened within the TTL, then the least recently opened until the cache
    // fits its budget. Returns the number of studies removed, -1 on error.
    int purgeExpired(const QDateTime &now, QString *error);
    bool purgeAll(QString *error);
    // Removes one study's files (a study that cannot be opened, before it is fetched again).
    bool removeStudy(const QString &studyInstanceUid, QString *error);
    qint64 storedBytes() const;

private:
    QByteArray tag(const QByteArray &kind, const QByteArray &value) const;
    QString userDir() const;
    QString studyDir(const QString &studyInstanceUid) const;
    bool makeStudyDir(const QString &dir, QString *error) const;
    QByteArray aad(const QString &studyDirName, const QString &fileName) const;

    QString m_directory;
    QByteArray m_encKey;
    QByteArray m_macKey;
    QByteArray m_userTag;
    qint64 m_ttlSeconds = qint64(7) * 24 * 3600;
    qint64 m_budgetBytes = qint64(2048) * 1024 * 1024;
};

} // namespace Kakehashi
