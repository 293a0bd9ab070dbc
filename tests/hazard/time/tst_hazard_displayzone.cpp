// Hazard: a visit at 2026-01-01T15:30:00Z happened on 2 January in Japan. Showing it as
// "2026-01-01 15:30" puts it on the wrong day. Runs with TZ=UTC so the computer's own zone cannot hide
// the defect.
#include "record/displayzone.h"
#include "record/fhirjson.h"

#include <QTest>

using namespace Kakehashi;

class HazardDisplayZone : public QObject
{
    Q_OBJECT
private slots:
    void init() { DisplayZone::setZone(DisplayZone::defaultZone()); }

    void instantWithOffsetIsShownInJapan()
    {
        const auto dt = Fhir::DateTime::parse(QStringLiteral("2026-01-01T15:30:00Z"));
        QCOMPARE(dt.date(), QDate(2026, 1, 2));
        QCOMPARE(dt.displayText(), QStringLiteral("2026-01-02 00:30"));
        QCOMPARE(DisplayZone::isoText(dt), QStringLiteral("2026-01-02T00:30:00+09:00"));
    }

    void instantRecordedWithAnotherOffset()
    {
        // Recorded in New York (-05:00): 2026-03-10 20:00 there is 2026-03-11 10:00 in Japan.
        const auto dt = Fhir::DateTime::parse(QStringLiteral("2026-03-10T20:00:00-05:00"));
        QCOMPARE(dt.date(), QDate(2026, 3, 11));
        QCOMPARE(dt.displayText(), QStringLiteral("2026-03-11 10:00"));
    }

    void dateOnlyValuesAreNeverShifted()
    {
        const auto day = Fhir::DateTime::parse(QStringLiteral("2026-01-01"));
        QCOMPARE(day.date(), QDate(2026, 1, 1));
        QCOMPARE(day.displayText(), QStringLiteral("2026-01-01"));
        QCOMPARE(DisplayZone::isoText(day), QStringLiteral("2026-01-01"));
        QCOMPARE(DisplayZone::isoText(Fhir::DateTime::parse(QStringLiteral("2026-01"))), QStringLiteral("2026-01"));
    }

    void anotherDisplayZoneIsASetting()
    {
        QVERIFY(DisplayZone::setZone(QTimeZone(QByteArrayLiteral("UTC"))));
        const auto dt = Fhir::DateTime::parse(QStringLiteral("2026-01-01T15:30:00+09:00"));
        QCOMPARE(dt.date(), QDate(2026, 1, 1));
        QCOMPARE(dt.displayText(), QStringLiteral("2026-01-01 06:30 (UTC)")); // not Japan time: the zone is named
        QVERIFY(!DisplayZone::setZone(QTimeZone()));
        QCOMPARE(DisplayZone::zone(), QTimeZone(QByteArrayLiteral("UTC")));
    }

    void offsetBeforeTheLastTransitionAsksTheZone()
    {
        // Japan kept daylight saving 1948-1951: the fast path must not apply the fixed offset there.
        const QDateTime summer1949(QDate(1949, 7, 1), QTime(0, 0), Qt::UTC);
        QCOMPARE(DisplayZone::offsetAt(summer1949.toMSecsSinceEpoch()),
                 DisplayZone::zone().offsetFromUtc(summer1949));
        QCOMPARE(DisplayZone::offsetAt(QDateTime(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()), 9 * 3600);
    }
};

QTEST_GUILESS_MAIN(HazardDisplayZone)
#include "tst_hazard_displayzone.moc"
