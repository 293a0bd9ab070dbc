#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace Kakehashi {
namespace Fhir {
struct DateTime;
}

// The one place where dates and times become text on screen. Which day and hour an instant is comes
// from DisplayZone; how it is written comes from the interface language, never from the computer's
// locale:
//   Japanese  2026/12/04 · 2026/12/04 14:12 · 2026/12 · 2026
//   English   4 Dec 2026 · 4 Dec 2026 14:12 · Dec 2026 · 2026
//   ISO       2026-12-04 · 2026-12-04 14:12 · 2026-12 · 2026   (no interface language set: tests, scripts)
// When the display zone is not Asia/Tokyo, every time of day carries the zone's name ("… 05:12 (UTC)"),
// so a time is never read as Japan time by mistake. Machine output (--summary) uses DisplayZone::isoText.
namespace DateFormat {

enum class Style { Iso, Japanese, English };

// Set once at start-up from the interface language (main.cpp), like DisplayZone::setZone.
void setStyle(Style style);
Style style();
// "ja" → Japanese, "en" → English, anything else → Iso.
Style styleForLanguage(const QString &language);

QString date(const QDate &day);
// An instant, in the display zone, to the minute.
QString dateTime(const QDateTime &instant);
QString month(const QDate &anyDayOfMonth);
QString year(int year);
// A FHIR date or dateTime at its own precision (year, month, day or instant).
QString value(const Fhir::DateTime &value);
// The QDateEdit/QDateTimeEdit display pattern for a day in the current style.
QString datePattern();

// The Japanese era date (和暦) of a Gregorian day: 昭和33年4月12日, 平成元年1月8日, 令和元年5月1日.
// Eras: 明治 (from 1868-10-23), 大正 1912-07-30, 昭和 1926-12-25, 平成 1989-01-08, 令和 2019-05-01.
// Japan kept the lunisolar calendar until 明治5年12月2日 (1872-12-31), so days before 1873-01-01
// have no simple Gregorian counterpart: empty for them and for invalid dates.
QString wareki(const QDate &day);
// A birth date as a Japanese clinician reads it: "1958/04/12（昭和33年4月12日）" in Japanese, the plain
// date otherwise.
QString birthDate(const QDate &day);

// The display zone's name when it is not Asia/Tokyo ("UTC", "Europe/London"); empty for Japan time.
QString zoneNameIfNotJapan();

} // namespace DateFormat
} // namespace Kakehashi
