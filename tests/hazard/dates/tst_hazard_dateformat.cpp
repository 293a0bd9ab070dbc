// Hazard: dates written in the computer's locale ("4 Dec 2026 14:12:02" under a Japanese interface)
// or a time shown without its zone when it is not Japan time are misread. DateFormat is the one place
// where dates become text; the interface language picks the form, never the system locale. Runs with
// TZ=UTC and LANG=en_GB.UTF-8 so that neither the computer's zone nor its locale can leak through.
#include "record/dateformat.h"
#include "record/displayzone.h"
#include "record/fhirjson.h"

#include <QLocale>
#include <QTest>

using namespace Kakehashi;

class HazardDateFormat : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        DisplayZone::setZone(DisplayZone::defaultZone());
        DateFormat::setStyle(DateFormat::Style::Iso);
    }
    void cleanupTestCase() { init(); }

    void japaneseInterfaceWritesJapaneseDates()
    {
        DateFormat::setStyle(DateFormat::styleForLanguage(QStringLiteral("ja")));
        const auto instant = Fhir::DateTime::parse(QStringLiteral("2026-12-04T05:12:02Z"));
        QCOMPARE(instant.displayText(), QStringLiteral("2026/12/04 14:12"));
        QCOMPARE(Fhir::DateTime::parse(QStringLiteral("2024-01-01")).displayText(), QStringLiteral("2024/01/01"));
        QCOMPARE(Fhir::DateTime::parse(QStringLiteral("2024-03")).displayText(), QStringLiteral("2024/03"));
        QCOMPARE(Fhir::DateTime::parse(QStringLiteral("2024")).displayText(), QStringLiteral("2024"));
        QCOMPARE(DateFormat::date(QDate(2099, 12, 31)), QStringLiteral("2099/12/31"));
        QCOMPARE(DateFormat::dateTime(QDateTime(QDate(2026, 12, 4), QTime(5, 12, 2), Qt::UTC)), QStringLiteral("2026/12/04 14:12"));
        QCOMPARE(DateFormat::datePattern(), QStringLiteral("yyyy/MM/dd"));
        // The system locale (en_GB in this test) never decides.
        QVERIFY(!instant.displayText().contains(QStringLiteral("Dec")));
    }

    void englishInterfaceWritesEnglishDates()
    {
        DateFormat::setStyle(DateFormat::styleForLanguage(QStringLiteral("en")));
        QCOMPARE(Fhir::DateTime::parse(QStringLiteral("2026-12-04T05:12:02Z")).displayText(), QStringLiteral("4 Dec 2026 14:12"));
        QCOMPARE(DateFormat::date(QDate(2024, 1, 1)), QStringLiteral("1 Jan 2024"));
        QCOMPARE(Fhir::DateTime::parse(QStringLiteral("2024-03")).displayText(), QStringLiteral("Mar 2024"));
        // Even when the application's default locale is Japanese, English stays English.
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        QCOMPARE(DateFormat::date(QDate(2024, 1, 1)), QStringLiteral("1 Jan 2024"));
        QLocale::setDefault(QLocale::system());
    }

    void withoutInterfaceLanguageDatesAreIso()
    {
        QCOMPARE(DateFormat::styleForLanguage(QString()), DateFormat::Style::Iso);
        QCOMPARE(Fhir::DateTime::parse(QStringLiteral("2026-01-01T15:30:00Z")).displayText(), QStringLiteral("2026-01-02 00:30"));
    }

    void aTimeNotInJapanTimeNamesItsZone_data()
    {
        QTest::addColumn<int>("style");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ja") << int(DateFormat::Style::Japanese) << QStringLiteral("2026/01/01 06:30 (UTC)");
        QTest::newRow("en") << int(DateFormat::Style::English) << QStringLiteral("1 Jan 2026 06:30 (UTC)");
        QTest::newRow("iso") << int(DateFormat::Style::Iso) << QStringLiteral("2026-01-01 06:30 (UTC)");
    }
    void aTimeNotInJapanTimeNamesItsZone()
    {
        QFETCH(int, style);
        QFETCH(QString, expected);
        DateFormat::setStyle(DateFormat::Style(style));
        const auto instant = Fhir::DateTime::parse(QStringLiteral("2026-01-01T15:30:00+09:00"));
        QCOMPARE(DateFormat::zoneNameIfNotJapan(), QString());
        QVERIFY(!instant.displayText().contains(u'('));
        QVERIFY(DisplayZone::setZone(QTimeZone(QByteArrayLiteral("UTC"))));
        QCOMPARE(DateFormat::zoneNameIfNotJapan(), QStringLiteral("UTC"));
        QCOMPARE(instant.displayText(), expected);
        // A date-only value is not a time of day: no zone.
        QVERIFY(!Fhir::DateTime::parse(QStringLiteral("2026-01-01")).displayText().contains(u'('));
        QVERIFY(DisplayZone::setZone(QTimeZone(QByteArrayLiteral("Europe/London"))));
        QVERIFY(instant.displayText().endsWith(QStringLiteral("(Europe/London)")));
    }

    void wareki_data()
    {
        QTest::addColumn<QDate>("day");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Showa 33") << QDate(1958, 4, 12) << QStringLiteral("昭和33年4月12日");
        QTest::newRow("first Gregorian day") << QDate(1873, 1, 1) << QStringLiteral("明治6年1月1日");
        QTest::newRow("before the Gregorian calendar") << QDate(1872, 12, 31) << QString();
        QTest::newRow("last day of Meiji") << QDate(1912, 7, 29) << QStringLiteral("明治45年7月29日");
        QTest::newRow("Taisho gannen") << QDate(1912, 7, 30) << QStringLiteral("大正元年7月30日");
        QTest::newRow("last day of Taisho") << QDate(1926, 12, 24) << QStringLiteral("大正15年12月24日");
        QTest::newRow("Showa gannen") << QDate(1926, 12, 25) << QStringLiteral("昭和元年12月25日");
        QTest::newRow("Showa 2") << QDate(1927, 1, 1) << QStringLiteral("昭和2年1月1日");
        QTest::newRow("last day of Showa") << QDate(1989, 1, 7) << QStringLiteral("昭和64年1月7日");
        QTest::newRow("Heisei gannen") << QDate(1989, 1, 8) << QStringLiteral("平成元年1月8日");
        QTest::newRow("last day of Heisei") << QDate(2019, 4, 30) << QStringLiteral("平成31年4月30日");
        QTest::newRow("Reiwa gannen") << QDate(2019, 5, 1) << QStringLiteral("令和元年5月1日");
        QTest::newRow("Reiwa 8") << QDate(2026, 12, 4) << QStringLiteral("令和8年12月4日");
        QTest::newRow("invalid") << QDate() << QString();
    }
    void wareki()
    {
        QFETCH(QDate, day);
        QFETCH(QString, expected);
        QCOMPARE(DateFormat::wareki(day), expected);
    }

    void birthDateCarriesTheEraInJapanese()
    {
        DateFormat::setStyle(DateFormat::Style::Japanese);
        QCOMPARE(DateFormat::birthDate(QDate(1958, 4, 12)), QStringLiteral("1958/04/12（昭和33年4月12日）"));
        DateFormat::setStyle(DateFormat::Style::English);
        QCOMPARE(DateFormat::birthDate(QDate(1958, 4, 12)), QStringLiteral("12 Apr 1958"));
    }
};

QTEST_GUILESS_MAIN(HazardDateFormat)
#include "tst_hazard_dateformat.moc"
