#include "referenceclock.h"

#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>

namespace Kakehashi {

namespace {
struct FixedTime
{
    QMutex mutex;
    QDateTime when; // invalid: the system clock
};

FixedTime &fixed()
{
    static FixedTime instance;
    return instance;
}
} // namespace

QDateTime ReferenceClock::now()
{
    FixedTime &f = fixed();
    {
        const QMutexLocker lock(&f.mutex);
        if (f.when.isValid())
            return f.when;
    }
    return QDateTime::currentDateTime();
}

void ReferenceClock::setFixed(const QDateTime &when)
{
    FixedTime &f = fixed();
    const QMutexLocker lock(&f.mutex);
    f.when = when;
}

void ReferenceClock::clear()
{
    setFixed(QDateTime());
}

bool ReferenceClock::isFixed()
{
    return fixedTime().isValid();
}

QDateTime ReferenceClock::fixedTime()
{
    FixedTime &f = fixed();
    const QMutexLocker lock(&f.mutex);
    return f.when;
}

std::optional<QDateTime> ReferenceClock::parse(QStringView text)
{
    const QString s = text.trimmed().toString();
    // Qt's ISO parser also accepts odd forms (a bare "T", week-less years); check the shape first.
    static const QRegularExpression dateOnly(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
    static const QRegularExpression dateTime(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$)"));
    if (dateOnly.match(s).hasMatch()) {
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!d.isValid())
            return std::nullopt;
        return QDateTime(d, QTime(12, 0));
    }
    if (!dateTime.match(s).hasMatch())
        return std::nullopt;
    QString iso = s;
    iso[10] = u'T';
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t;
}

} // namespace Kakehashi
