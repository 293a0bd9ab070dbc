#include "imagecache.h"

#include "privatefiles.h"
#include "recordcache.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcImageCache, "kakehashi.cache.images", QtInfoMsg)

namespace Kakehashi {

namespace {

const auto CompleteName = QStringLiteral("complete.kki");
const auto Suffix = QStringLiteral(".kki");

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return RecordCache::hmacSha256(key, message);
}

qint64 folderBytes(const QString &dir)
{
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace

bool ImageCache::makeStudyDir(const QString &dir, QString *error) const
{
    // The cache folder, the user's and the study's: each 0700 (an older version left them 0755).
    QString detail;
    if (PrivateFiles::makeDirectory(m_directory, &detail) && PrivateFiles::makeDirectory(userDir(), &detail)
        && PrivateFiles::makeDirectory(dir, &detail))
        return true;
    *error = tr("Cannot create the image cache folder.") + u' ' + detail;
    return false;
}

ImageCache::ImageCache(const QString &directory, const QByteArray &key, const QString &user)
    : m_directory(directory)
{
    Q_ASSERT(key.size() == RecordCache::KeyBytes);
    // Keys of their own, derived from the session key as RecordCache derives its keys.
    m_encKey = hmac(key, QByteArrayLiteral("kakehashi image cache encryption v1"));
    m_macKey = hmac(key, QByteArrayLiteral("kakehashi image cache names v1"));
    m_userTag = tag("user", user.toUtf8());
}

ImageCache::~ImageCache()
{
    m_encKey.fill('\0');
    m_macKey.fill('\0');
}

QByteArray ImageCache::tag(const QByteArray &kind, const QByteArray &value) const
{
    return hmac(m_macKey, kind + char(0) + value).toHex();
}

QString ImageCache::userDir() const
{
    return m_directory + u'/' + QString::fromLatin1(m_userTag.left(32));
}

QString ImageCache::studyDir(const QString &studyInstanceUid) const
{
    return userDir() + u'/' + QString::fromLatin1(tag("study", studyInstanceUid.toUtf8()).left(40));
}

QByteArray ImageCache::aad(const QString &studyDirName, const QString &fileName) const
{
    return m_userTag + studyDirName.toLatin1() + fileName.toLatin1();
}

bool ImageCache::storeInstance(const QString &studyInstanceUid, const QByteArray &part10, QString *error)
{
    return storeInstance(studyInstanceUid, part10, error, nullptr);
}

bool ImageCache::storeInstance(const QString &studyInstanceUid, const QByteArray &part10, QString *error, QString *storedName)
{
    const QString dir = studyDir(studyInstanceUid);
    if (!makeStudyDir(dir, error))
        return false;
    const QByteArray digest = RecordCache::sha256(part10);
    if (digest.isEmpty()) {
        *error = tr("Encryption failed.");
        return false;
    }
    const QString name = QString::fromLatin1(tag("instance", digest).left(40)) + Suffix;
    const QString path = dir + u'/' + name;
    if (storedName)
        *storedName = name;
    const QFileInfo existing(path);
    if (existing.exists() && existing.size() == part10.size() + RecordCache::SealOverheadBytes)
        return true;
    const QByteArray sealed = RecordCache::seal(m_encKey, part10, aad(QFileInfo(dir).fileName(), name));
    if (sealed.isEmpty()) {
        *error = tr("Encryption failed.");
        return false;
    }
    return PrivateFiles::writeFile(path, sealed, error, PrivateFiles::Durability::Unsynced);
}

bool ImageCache::markComplete(const QString &studyInstanceUid, int instanceCount, QString *error)
{
    const QString dir = studyDir(studyInstanceUid);
    if (!makeStudyDir(dir, error))
        return false;
    const QByteArray sealed = RecordCache::seal(m_encKey, QByteArray::number(instanceCount), aad(QFileInfo(dir).fileName(), CompleteName));
    return !sealed.isEmpty() && PrivateFiles::writeFile(dir + u'/' + CompleteName, sealed, error);
}

bool ImageCache::isComplete(const QString &studyInstanceUid) const
{
    return QFileInfo::exists(studyDir(studyInstanceUid) + u'/' + CompleteName);
}

ImageCache::Listing ImageCache::listStudy(const QString &studyInstanceUid) const
{
    Listing out;
    const QString dir = studyDir(studyInstanceUid);
    const QString dirName = QFileInfo(dir).fileName();
    QFile marker(dir + u'/' + CompleteName);
    if (!marker.open(QIODevice::ReadOnly)) {
        out.errorString = tr("The study is not in the image cache.");
        return out;
    }
    const std::optional<QByteArray> count = RecordCache::unseal(m_encKey, marker.readAll(), aad(dirName, CompleteName));
    marker.close();
    if (!count) {
        out.errorString = tr("The cached study cannot be decrypted with this session's key.");
        return out;
    }
    out.names = QDir(dir).entryList({u'*' + Suffix}, QDir::Files, QDir::Name);
    out.names.removeAll(CompleteName);
    if (out.names.size() < count->toInt())
        out.errorString = tr("The cached study is incomplete.");
    marker.open(QIODevice::ReadWrite);
    marker.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    return out;
}

QByteArray ImageCache::readInstance(const QString &studyInstanceUid, const QString &name, QString *error) const
{
    const QString dir = studyDir(studyInstanceUid);
    QFile f(dir + u'/' + name);
    if (name.contains(u'/') || !f.open(QIODevice::ReadOnly)) {
        *error = tr("A cached image is missing.");
        return {};
    }
    const std::optional<QByteArray> bytes = RecordCache::unseal(m_encKey, f.readAll(), aad(QFileInfo(dir).fileName(), name));
    if (!bytes || bytes->isEmpty()) {
        *error = tr("A cached image cannot be decrypted (changed, or sealed under another key).");
        return {};
    }
    return *bytes;
}

int ImageCache::purgeExpired(const QDateTime &now, QString *error)
{
    struct Study
    {
        QString path;
        QDateTime used;
        qint64 bytes;
    };
    QList<Study> studies;
    const QFileInfoList dirs = QDir(userDir()).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &d : dirs) {
        const QFileInfo marker(d.filePath() + u'/' + CompleteName);
        // An unfinished retrieval counts from its folder's last change.
        studies.append({d.filePath(), marker.exists() ? marker.lastModified() : d.lastModified(), folderBytes(d.filePath())});
    }
    std::sort(studies.begin(), studies.end(), [](const Study &a, const Study &b) { return a.used < b.used; });
    qint64 total = 0;
    for (const Study &s : std::as_const(studies))
        total += s.bytes;
    int removed = 0;
    for (const Study &s : std::as_const(studies)) {
        const bool expired = m_ttlSeconds > 0 && s.used.secsTo(now) > m_ttlSeconds;
        if (!expired && total <= m_budgetBytes)
            break;
        if (!QDir(s.path).removeRecursively()) {
            *error = tr("A cached study could not be removed.");
            return -1;
        }
        total -= s.bytes;
        ++removed;
    }
    if (removed > 0)
        qCInfo(lcImageCache) << removed << "cached studies removed";
    return removed;
}

bool ImageCache::purgeAll(QString *error)
{
    // Every user's images: the purge is about this computer, not this session.
    if (QFileInfo::exists(m_directory) && !QDir(m_directory).removeRecursively()) {
        *error = tr("The cached images could not be removed.");
        return false;
    }
    return true;
}

bool ImageCache::removeStudy(const QString &studyInstanceUid, QString *error)
{
    const QString dir = studyDir(studyInstanceUid);
    if (QFileInfo::exists(dir) && !QDir(dir).removeRecursively()) {
        *error = tr("A cached study could not be removed.");
        return false;
    }
    return true;
}

qint64 ImageCache::storedBytes() const
{
    qint64 total = 0;
    QDirIterator it(m_directory, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace Kakehashi
