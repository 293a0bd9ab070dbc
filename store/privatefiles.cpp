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

bool writeFile(const QString &path, const QByteArray &bytes, QString *error, Durability durability)
{
    // POSIX rather than QSaveFile: its commit() after a failed buffered write said "Unknown error".
    const QByteArray native = QFile::encodeName(path);
    QByteArray temporary = native + ".XXXXXX";
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC); // created 0600
    int err = 0;
    if (fd < 0) {
        err = errno;
    } else {
        qsizetype done = 0;
        while (done < bytes.size() && err == 0) {
            const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                err = n < 0 ? errno : EIO;
            else
                done += n;
        }
        if (err == 0 && ::fchmod(fd, 0600) != 0)
            err = errno;
        // On disk before the rename makes it visible (as QSaveFile's commit did).
        if (err == 0 && durability == Durability::Synced && ::fdatasync(fd) != 0)
            err = errno;
        if (::close(fd) != 0 && err == 0)
            err = errno;
        if (err == 0 && ::rename(temporary.constData(), native.constData()) != 0)
            err = errno;
        if (err != 0)
            ::unlink(temporary.constData());
    }
    if (err == 0)
        return true;
    if (error)
        *error = QString::fromLocal8Bit(std::strerror(err));
    return false;
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
