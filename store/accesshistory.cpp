#include "accesshistory.h"

#include "privatefiles.h"
#include "recordcache.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMessageAuthenticationCode>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace Kakehashi {

namespace {

const QByteArray GenesisHash(64, '0');
constexpr int MarkChars = 16;

QByteArray lineHash(const QByteArray &line)
{
    return QCryptographicHash::hash(line, QCryptographicHash::Sha256).toHex();
}

QJsonObject toJson(const AccessEntry &e)
{
    return {{QStringLiteral("seq"), e.sequence},
            {QStringLiteral("at"), e.at.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("holder"), e.holder},
            {QStringLiteral("role"), e.role},
            {QStringLiteral("patientId"), e.patientId},
            {QStringLiteral("patientName"), e.patientName},
            {QStringLiteral("purpose"), e.purpose},
            {QStringLiteral("reason"), e.emergencyReason},
            {QStringLiteral("service"), e.service},
            {QStringLiteral("source"), e.source},
            {QStringLiteral("categories"), QJsonArray::fromStringList(e.categories)}};
}

AccessEntry fromJson(const QJsonObject &o)
{
    AccessEntry e;
    e.sequence = o.value(u"seq").toInteger();
    e.at = QDateTime::fromString(o.value(u"at").toString(), Qt::ISODateWithMs);
    e.holder = o.value(u"holder").toString();
    e.role = o.value(u"role").toString();
    e.patientId = o.value(u"patientId").toString();
    e.patientName = o.value(u"patientName").toString();
    e.purpose = o.value(u"purpose").toString();
    e.emergencyReason = o.value(u"reason").toString();
    e.service = o.value(u"service").toString();
    e.source = o.value(u"source").toString();
    for (const QJsonValue &v : o.value(u"categories").toArray())
        e.categories.append(v.toString());
    return e;
}

// The file's lines; the last one may lack its newline only if a write was cut short.
QList<QByteArray> readLines(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.exists())
        return {};
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return {};
    }
    QList<QByteArray> lines = f.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QString csvField(const QString &value)
{
    QString v = value;
    // A leading =, +, - or @ would be a formula in a spreadsheet: keep it text.
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front()))
        v.prepend(u'\'');
    if (v.contains(u',') || v.contains(u'"') || v.contains(u'\n') || v.contains(u'\r'))
        return u'"' + QString(v).replace(u'"', QStringLiteral("\"\"")) + u'"';
    return v;
}

} // namespace

AccessHistory::AccessHistory(const QString &path, const QByteArray &key, const QString &user)
    : m_path(path)
{
    Q_ASSERT(key.size() == RecordCache::KeyBytes);
    m_encKey = QMessageAuthenticationCode::hash(QByteArrayLiteral("kakehashi access history encryption v1"), key, QCryptographicHash::Sha256);
    const QByteArray macKey = QMessageAuthenticationCode::hash(QByteArrayLiteral("kakehashi access history tags v1"), key, QCryptographicHash::Sha256);
    m_userTag = QMessageAuthenticationCode::hash(QByteArrayLiteral("user") + char(0) + user.toUtf8(), macKey, QCryptographicHash::Sha256);
}

AccessHistory::~AccessHistory()
{
    m_encKey.fill('\0');
}

QByteArray AccessHistory::ownerMark() const
{
    return m_userTag.toHex().left(MarkChars);
}

QByteArray AccessHistory::aad(const QByteArray &previousHash) const
{
    return QByteArrayLiteral("kakehashi access history v1") + char(0) + m_userTag + previousHash;
}

bool AccessHistory::append(AccessEntry entry, QString *error)
{
    QString detail;
    if (!PrivateFiles::makeDirectory(QFileInfo(m_path).absolutePath(), &detail) || !PrivateFiles::makeFile(m_path, &detail)) {
        *error = tr("The access history cannot be written: %1").arg(detail);
        return false;
    }
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.tryLock(10000)) {
        *error = tr("The access history is locked by another program.");
        return false;
    }
    const QList<QByteArray> lines = readLines(m_path, &detail);
    if (!detail.isEmpty()) {
        *error = tr("The access history cannot be read: %1").arg(detail);
        return false;
    }
    const QByteArray previous = lines.isEmpty() ? GenesisHash : lineHash(lines.last());
    entry.sequence = lines.size() + 1;
    if (!entry.at.isValid())
        entry.at = QDateTime::currentDateTimeUtc();
    const QByteArray sealed = RecordCache::seal(m_encKey, QJsonDocument(toJson(entry)).toJson(QJsonDocument::Compact), aad(previous));
    if (sealed.isEmpty()) {
        *error = tr("The access history cannot be written: encryption failed.");
        return false;
    }
    const QByteArray line = previous + ' ' + ownerMark() + ' ' + sealed.toBase64() + '\n';
    const QByteArray native = QFile::encodeName(m_path);
    const int fd = ::open(native.constData(), O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        *error = tr("The access history cannot be written: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    const ssize_t written = ::write(fd, line.constData(), size_t(line.size()));
    const int err = errno;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (written != ssize_t(line.size()) || !synced) {
        *error = tr("The access history cannot be written: %1").arg(QString::fromLocal8Bit(std::strerror(written < 0 ? err : ENOSPC)));
        return false;
    }
    return true;
}

AccessHistory::Reading AccessHistory::read() const
{
    Reading out;
    const QList<QByteArray> lines = readLines(m_path, &out.errorString);
    if (!out.errorString.isEmpty()) {
        out.errorString = tr("The access history cannot be read: %1").arg(out.errorString);
        return out;
    }
    out.totalLines = int(lines.size());
    QByteArray expected = GenesisHash;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const int n = int(i + 1);
        const qsizetype space = line.indexOf(' ');
        const QByteArray previous = space == 64 ? line.left(64) : QByteArray();
        if (previous.isEmpty()) {
            out.problems.append(tr("Line %1 is not an access history entry.").arg(n));
        } else if (previous != expected) {
            out.problems.append(tr("Line %1 does not follow line %2: an entry was removed, reordered or changed.").arg(n).arg(n - 1));
        }
        expected = lineHash(line);
        if (previous.isEmpty())
            continue;
        const QByteArray mark = line.mid(65, MarkChars);
        const QByteArray sealed = QByteArray::fromBase64(line.mid(65 + MarkChars + 1), QByteArray::AbortOnBase64DecodingErrors);
        if (mark != ownerMark()) {
            ++out.otherUsersEntries; // another user's, or sealed under another session key
            continue;
        }
        const std::optional<QByteArray> plain = RecordCache::unseal(m_encKey, sealed, aad(previous));
        if (!plain) {
            out.problems.append(tr("Line %1 is yours but no longer decrypts: it was changed.").arg(n));
            continue;
        }
        AccessEntry entry = fromJson(QJsonDocument::fromJson(*plain).object());
        if (entry.sequence != n)
            out.problems.append(tr("Line %1 holds entry %2: entries were moved.").arg(n).arg(entry.sequence));
        out.entries.append(std::move(entry));
    }
    return out;
}

QByteArray AccessHistory::toCsv(const QList<AccessEntry> &entries)
{
    QString csv = QStringLiteral("sequence,time_utc,holder,role,patient_id,patient_name,purpose,emergency_reason,service,source,categories\r\n");
    for (const AccessEntry &e : entries) {
        const QStringList fields{QString::number(e.sequence), e.at.toUTC().toString(Qt::ISODate), e.holder, e.role, e.patientId,
                                 e.patientName, e.purpose, e.emergencyReason, e.service, e.source, e.categories.join(u' ')};
        QStringList quoted;
        for (const QString &f : fields)
            quoted.append(csvField(f));
        csv += quoted.join(u',') + QStringLiteral("\r\n");
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + csv.toUtf8();
}

} // namespace Kakehashi
