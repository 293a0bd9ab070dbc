#pragma once

#include <QDateTime>
#include <QStringView>

#include <optional>

namespace Kakehashi {

// The clinical "now": what counts as current (medications in use, recent encounters, a patient's
// age, the timeline's today line). It is the system clock unless a fixed reference time is set —
// the demo data's own date, or --as-of — so a record reads as of that moment and screenshots and
// tests are reproducible. Wall-clock uses (cache expiry, fetch times, network back-off) do not go
// through it: they keep real time.
//
// Thread-safe: record assembly reads it on the thread pool while the GUI may set it.
class ReferenceClock
{
public:
    static QDateTime now();
    // An invalid time clears the fixed time (back to the system clock).
    static void setFixed(const QDateTime &when);
    static void clear();
    static bool isFixed();
    // The fixed time, or an invalid QDateTime when the system clock is used.
    static QDateTime fixedTime();

    // Reads an ISO 8601 date ("2026-10-31") or date-time ("2026-10-31T12:00", with seconds,
    // milliseconds, "Z" or a UTC offset). Without an offset the time is local; a date alone means
    // noon local time, the middle of that day. Returns nullopt for anything else.
    static std::optional<QDateTime> parse(QStringView text);
};

} // namespace Kakehashi
