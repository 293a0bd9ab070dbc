#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace Kakehashi {
namespace Fhir {
struct DateTime;
}

// The one rule for "which day and hour is this instant": every instant that carries an offset is
// shown in the display zone (Asia/Tokyo unless a setting says otherwise), whatever offset it was
// recorded with and whatever the computer's own zone is. Date-only values (a day, a month, a year)
// are not instants and are never shifted. Every view (lists, timeline, emergency summary, pharmacist
// view, --summary) reads dates through Fhir::DateTime::date()/displayText(), which use this.
//
// The offset is computed without the C library's local-time functions (no mktime/tzset per call): the
// zone's rules are read once, and instants after its last transition (all of Japan since 1951) use the
// fixed offset.
namespace DisplayZone {

// The default display zone: Asia/Tokyo.
QTimeZone defaultZone();
QTimeZone zone();
// Set once at start-up (settings "display/timeZone" or --time-zone), before records are read.
// An invalid zone is ignored and false returned.
bool setZone(const QTimeZone &zone);

// UTC offset of the display zone at an instant (milliseconds since the epoch).
int offsetAt(qint64 msecsSinceEpoch);
// The instant as a QDateTime with the display zone's offset (Qt::OffsetFromUTC).
QDateTime toDisplay(const QDateTime &instant);
// ISO 8601 for machine output: an instant as "yyyy-MM-ddTHH:mm:ss+09:00" in the display zone; a
// partial date as written ("2021", "2021-07", "2021-07-04"); empty when invalid.
QString isoText(const Fhir::DateTime &value);
QString isoText(const QDateTime &instant);

} // namespace DisplayZone
} // namespace Kakehashi
