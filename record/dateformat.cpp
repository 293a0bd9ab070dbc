#include "dateformat.h"

#include "displayzone.h"
#include "fhirjson.h"

#include <QLocale>
#include <QTimeZone>

#include <atomic>

namespace Kakehashi::DateFormat {
namespace {

std::atomic<Style> &currentStyle()
{
    static std::atomic<Style> style{Style::Iso};
    return style;
}

const QLocale &english()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedStates); // "Sep", not en_GB's "Sept"
    return locale;
}

QString withZone(const QString &text)
{
    const QString zone = zoneNameIfNotJapan();
    return zone.isEmpty() ? text : text + QStringLiteral(" (") + zone + u')';
}

} // namespace

void setStyle(Style style)
{
    currentStyle().store(style, std::memory_order_relaxed);
}

Style style()
{
    return currentStyle().load(std::memory_order_relaxed);
}

Style styleForLanguage(const QString &language)
{
    if (language == u"ja")
        return Style::Japanese;
    if (language == u"en")
        return Style::English;
    return Style::Iso;
}

QString date(const QDate &day)
{
    if (!day.isValid())
        return {};
    switch (style()) {
    case Style::Japanese:
        return day.toString(QStringLiteral("yyyy/MM/dd"));
    case Style::English:
        return english().toString(day, QStringLiteral("d MMM yyyy"));
    case Style::Iso:
        break;
    }
    return day.toString(Qt::ISODate);
}

QString dateTime(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    const QDateTime shown = DisplayZone::toDisplay(instant);
    const QString time = shown.time().toString(QStringLiteral("HH:mm"));
    return withZone(date(shown.date()) + u' ' + time);
}

QString month(const QDate &day)
{
    if (!day.isValid())
        return {};
    switch (style()) {
    case Style::Japanese:
        return day.toString(QStringLiteral("yyyy/MM"));
    case Style::English:
        return english().toString(day, QStringLiteral("MMM yyyy"));
    case Style::Iso:
        break;
    }
    return day.toString(QStringLiteral("yyyy-MM"));
}

QString year(int y)
{
    return QString::number(y);
}

QString value(const Fhir::DateTime &v)
{
    using P = Fhir::DateTime::Precision;
    if (!v.isValid())
        return {};
    switch (v.precision) {
    case P::None:
        return {};
    case P::Year:
        return year(v.value.date().year());
    case P::Month:
        return month(v.value.date());
    case P::Day:
        return date(v.value.date());
    case P::Time:
        return dateTime(v.value);
    }
    return {};
}

QString datePattern()
{
    switch (style()) {
    case Style::Japanese:
        return QStringLiteral("yyyy/MM/dd");
    case Style::English:
        return QStringLiteral("d MMM yyyy");
    case Style::Iso:
        break;
    }
    return QStringLiteral("yyyy-MM-dd");
}

QString wareki(const QDate &day)
{
    struct Era
    {
        const char16_t *name;
        QDate start;
    };
    static const Era eras[] = {
        {u"令和", QDate(2019, 5, 1)},
        {u"平成", QDate(1989, 1, 8)},
        {u"昭和", QDate(1926, 12, 25)},
        {u"大正", QDate(1912, 7, 30)},
        {u"明治", QDate(1868, 10, 23)},
    };
    if (!day.isValid() || day < QDate(1873, 1, 1))
        return {};
    for (const Era &era : eras) {
        if (day < era.start)
            continue;
        const int y = day.year() - era.start.year() + 1;
        const QString yearText = y == 1 ? QStringLiteral("元") : QString::number(y);
        return QStringLiteral("%1%2年%3月%4日").arg(QString::fromUtf16(era.name), yearText).arg(day.month()).arg(day.day());
    }
    return {};
}

QString birthDate(const QDate &day)
{
    if (!day.isValid())
        return {};
    if (style() == Style::Japanese) {
        const QString era = wareki(day);
        if (!era.isEmpty())
            return date(day) + QStringLiteral("（") + era + QStringLiteral("）");
    }
    return date(day);
}

QString zoneNameIfNotJapan()
{
    const QTimeZone zone = DisplayZone::zone();
    const QByteArray id = zone.id();
    if (id == "Asia/Tokyo" || id == "Japan" || zone == DisplayZone::defaultZone())
        return {};
    return QString::fromLatin1(id);
}

} // namespace Kakehashi::DateFormat
