#include "crlcache.h"

#include "privatefiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace Kakehashi {

namespace {
constexpr qint64 MaxCrlFileBytes = 64 << 20; // a kept file larger than this is not read
}

CrlCache::CrlCache(QString directory)
    : m_directory(std::move(directory))
{
}

QString CrlCache::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/crl-cache");
}

QString CrlCache::pathFor(const QUrl &distributionPoint) const
{
    const QByteArray name = QCryptographicHash::hash(distributionPoint.toEncoded(QUrl::FullyEncoded), QCryptographicHash::Sha256).toHex();
    return QDir(m_directory).filePath(QString::fromLatin1(name) + QStringLiteral(".crl"));
}

QByteArray CrlCache::load(const QUrl &distributionPoint) const
{
    QFile file(pathFor(distributionPoint));
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxCrlFileBytes)
        return {};
    return file.readAll();
}

bool CrlCache::store(const QUrl &distributionPoint, const QByteArray &der, QString *error)
{
    if (!PrivateFiles::makeDirectory(m_directory, error))
        return false;
    return PrivateFiles::writeFile(pathFor(distributionPoint), der, error);
}

} // namespace Kakehashi
