#include "displayzone.h"

#include "fhirjson.h"

#include <atomic>
#include <limits>

namespace Kakehashi::DisplayZone {
namespace {

struct ZoneRules
{
    QTimeZone zone;
    qint64 fixedFromMsecs = std::numeric_limits<qint64>::max(); // from here on the offset is fixed
    int fixedOffset = 0;
};

const ZoneRules *makeRules(const QTimeZone &zone)
{
    auto *rules = new ZoneRules{zone};
    const QDateTime farFuture(QDate(2200, 1, 1), QTime(0, 0), Qt::UTC);
    if (!zone.hasTransitions()) {
        rules->fixedFromMsecs = std::numeric_limits<qint64>::min();
        rules->fixedOffset = zone.offsetFromUtc(farFuture);
        return rules;
    }
    // A zone that still changes (daylight saving) has a transition after "now"; then every instant
    // asks the zone. Otherwise the offset after the last transition is fixed.
    const QTimeZone::OffsetData next = zone.nextTransition(QDateTime::currentDateTimeUtc());
    if (next.atUtc.isValid())
        return rules;
    const QTimeZone::OffsetData last = zone.previousTransition(farFuture);
    if (last.atUtc.isValid()) {
        rules->fixedFromMsecs = last.atUtc.toMSecsSinceEpoch();
        rules->fixedOffset = last.offsetFromUtc;
    }
    return rules;
}

std::atomic<const ZoneRules *> &current()
{
    // Replaced rules are kept (a few bytes, set once at start-up) so a reader never sees freed memory.
    static std::atomic<const ZoneRules *> rules{makeRules(defaultZone())};
    return rules;
}

} // namespace

QTimeZone defaultZone()
{
    static const QTimeZone tokyo(QByteArrayLiteral("Asia/Tokyo"));
    // Without time-zone data, Japan Standard Time is a fixed +09:00.
    return tokyo.isValid() ? tokyo : QTimeZone(9 * 3600);
}

QTimeZone zone()
{
    return current().load(std::memory_order_acquire)->zone;
}

bool setZone(const QTimeZone &zone)
{
    if (!zone.isValid())
        return false;
    current().store(makeRules(zone), std::memory_order_release);
    return true;
}

int offsetAt(qint64 msecsSinceEpoch)
{
    const ZoneRules *rules = current().load(std::memory_order_acquire);
    if (msecsSinceEpoch >= rules->fixedFromMsecs)
        return rules->fixedOffset;
    return rules->zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC));
}

QDateTime toDisplay(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    const qint64 ms = instant.toMSecsSinceEpoch();
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::OffsetFromUTC, offsetAt(ms));
}

QString isoText(const QDateTime &instant)
{
    return instant.isValid() ? toDisplay(instant).toString(Qt::ISODate) : QString();
}

QString isoText(const Fhir::DateTime &value)
{
    using P = Fhir::DateTime::Precision;
    if (!value.isValid())
        return {};
    switch (value.precision) {
    case P::None:
        return {};
    case P::Year:
        return QString::number(value.value.date().year());
    case P::Month:
        return value.value.date().toString(QStringLiteral("yyyy-MM"));
    case P::Day:
        return value.value.date().toString(Qt::ISODate);
    case P::Time:
        return isoText(value.value);
    }
    return {};
}

} // namespace Kakehashi::DisplayZone
