#include "privatefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Kakehashi::PrivateFiles {

namespace {

QString systemError(const QString &path, int err)
{
    return QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(std::strerror(err)));
}

} // namespace

bool makeDirectory(const QString &dir, QString *error)
{
    const QString absolute = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    // Walk up to the first existing folder; everything below it is ours to create 0700.
    QStringList missing;
    QString existing = absolute;
    while (!QFileInfo::exists(existing)) {
        missing.prepend(QFileInfo(existing).fileName());
        const QString parent = QFileInfo(existing).path();
        if (parent == existing)
            break;
        existing = parent;
    }
    QString current = existing;
    for (const QString &part : std::as_const(missing)) {
        current = current + u'/' + part;
        const QByteArray native = QFile::encodeName(current);
        if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST) {
            if (error)
                *error = systemError(current, errno);
            return false;
        }
        // mkdir applies the umask only to take bits away; 0700 needs no correction, but a folder
        // created meanwhile by another thread must be checked like an existing one.
    }
    struct stat st {};
    const QByteArray native = QFile::encodeName(absolute);
    if (::lstat(native.constData(), &st) != 0) {
        if (error)
            *error = systemError(absolute, errno);
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (error)
            *error = systemError(absolute, ENOTDIR);
        return false;
    }
    if (st.st_uid == ::geteuid() && !(st.st_mode & S_ISVTX) && (st.st_mode & 07777) != 0700) {
        if (::chmod(native.constData(), 0700) != 0) {
            if (error)
                *error = systemError(absolute, errno);
            return false;
        }
    }
    return true;
}

bool makeFile(const QString &path, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        if (error)
            *error = systemError(path, errno);
        return false;
    }
    // O_CREAT's mode only applies to a new file, through the umask: set it explicitly.
    const bool ok = ::fchmod(fd, 0600) == 0;
    const int err = errno;
    ::close(fd);
    if (!ok && error)
        *error = systemError(path, err);
    return ok;
}

bool restrictExisting(const QString &path, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st {};
    if (::lstat(native.constData(), &st) != 0)
        return true; // missing: nothing to restrict
    if (!S_ISREG(st.st_mode) || (st.st_mode & 07777) == 0600)
        return true;
    if (::chmod(native.constData(), 0600) != 0) {
        if (error)
            *error = systemError(path, errno);
        return false;
    }
    return true;
}

} // namespace Kakehashi::PrivateFiles
