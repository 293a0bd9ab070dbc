// ReferenceClock: the one "now" of the viewer — system time unless fixed (demo date, --as-of),
// its ISO parsing, its thread safety, and that record assembly reckons "current" by it.
#include "../testsupport.h"

#include "record/medicationperiod.h"
#include "record/recordassembler.h"
#include "record/referenceclock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

using namespace Kakehashi;

namespace {
// A patient with one dispensing: 28 days handed over on 2026-10-20 (10-20 is day 1, 11-16 day 28).
QByteArray dispensingBundle()
{
    const char *json = R"({"resourceType":"Bundle","type":"collection","entry":[
      {"fullUrl":"urn:uuid:pat","resource":{"resourceType":"Patient","id":"pat","name":[{"text":"試験 太郎"}],"birthDate":"1950-01-01"}},
      {"fullUrl":"urn:uuid:md","resource":{"resourceType":"MedicationDispense","id":"md","status":"completed",
        "subject":{"reference":"urn:uuid:pat"},
        "medicationCodeableConcept":{"text":"アムロジピン錠5mg"},
        "whenHandedOver":"2026-10-20T10:00:00+09:00",
        "quantity":{"value":28,"unit":"錠"},
        "daysSupply":{"value":28,"unit":"日","system":"http://unitsofmeasure.org","code":"d"}}}]})";
    return QByteArray(json);
}

bool dispensingActive()
{
    RecordAssembler assembler;
    if (!assembler.addJson(dispensingBundle(), QStringLiteral("test")))
        return false;
    const RecordSet set = assembler.finish();
    if (set.patients.size() != 1)
        qFatal("expected one patient");
    for (const ClinicalItem &i : set.patients.first().items)
        if (i.resourceType == u"MedicationDispense")
            return MedicationPeriod::isCurrentAt(i, ReferenceClock::now().toMSecsSinceEpoch());
    qFatal("no dispensing item");
}
} // namespace

class TestReferenceClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { ReferenceClock::clear(); }
    void cleanup() { ReferenceClock::clear(); }

    void followsTheSystemClockUntilFixed()
    {
        QVERIFY(!ReferenceClock::isFixed());
        QVERIFY(!ReferenceClock::fixedTime().isValid());
        const QDateTime before = QDateTime::currentDateTime();
        const QDateTime now = ReferenceClock::now();
        const QDateTime after = QDateTime::currentDateTime();
        QVERIFY(before <= now && now <= after);
    }

    void fixedTimeIsReturnedUntilCleared()
    {
        const QDateTime demo(QDate(2026, 10, 31), QTime(12, 0), Qt::OffsetFromUTC, 9 * 3600);
        ReferenceClock::setFixed(demo);
        QVERIFY(ReferenceClock::isFixed());
        QCOMPARE(ReferenceClock::now(), demo);
        QTest::qWait(20);
        QCOMPARE(ReferenceClock::now(), demo); // a fixed clock does not move
        QCOMPARE(ReferenceClock::now().date(), QDate(2026, 10, 31)); // the day in its own offset
        QCOMPARE(ReferenceClock::now().offsetFromUtc(), 9 * 3600);
        ReferenceClock::setFixed(QDateTime()); // invalid: back to the system clock
        QVERIFY(!ReferenceClock::isFixed());
        QVERIFY(qAbs(ReferenceClock::now().secsTo(QDateTime::currentDateTime())) < 5);
        ReferenceClock::setFixed(demo);
        ReferenceClock::clear();
        QVERIFY(!ReferenceClock::isFixed());
    }

    void readersOnThePoolSeeWholeValues()
    {
        const QDateTime a(QDate(2001, 2, 3), QTime(4, 5, 6), Qt::UTC);
        const QDateTime b(QDate(2026, 10, 31), QTime(12, 0), Qt::OffsetFromUTC, 9 * 3600);
        ReferenceClock::setFixed(a);
        std::atomic<bool> stop{false};
        std::atomic<int> torn{0};
        std::atomic<int> reads{0};
        QList<QFuture<void>> readers;
        for (int t = 0; t < 3; ++t)
            readers << QtConcurrent::run([&] {
                while (!stop.load()) {
                    const QDateTime seen = ReferenceClock::now();
                    if (seen != a && seen != b)
                        ++torn;
                    ++reads;
                }
            });
        for (int i = 0; i < 2000; ++i)
            ReferenceClock::setFixed(i % 2 ? a : b);
        QTRY_VERIFY(reads.load() > 100);
        stop = true;
        for (QFuture<void> &f : readers)
            f.waitForFinished();
        QCOMPARE(torn.load(), 0);
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected"); // invalid: rejected
        QTest::newRow("date: noon local") << QStringLiteral("2026-10-31") << QDateTime(QDate(2026, 10, 31), QTime(12, 0));
        QTest::newRow("date, spaces") << QStringLiteral(" 2026-10-31 ") << QDateTime(QDate(2026, 10, 31), QTime(12, 0));
        QTest::newRow("local minutes") << QStringLiteral("2026-10-31T09:30") << QDateTime(QDate(2026, 10, 31), QTime(9, 30));
        QTest::newRow("space separator") << QStringLiteral("2026-10-31 09:30:15") << QDateTime(QDate(2026, 10, 31), QTime(9, 30, 15));
        QTest::newRow("offset") << QStringLiteral("2026-10-31T12:00:00+09:00") << QDateTime(QDate(2026, 10, 31), QTime(12, 0), Qt::OffsetFromUTC, 9 * 3600);
        QTest::newRow("UTC") << QStringLiteral("2026-10-31T03:00:00Z") << QDateTime(QDate(2026, 10, 31), QTime(3, 0), Qt::UTC);
        QTest::newRow("milliseconds") << QStringLiteral("2026-10-31T03:00:00.250Z") << QDateTime(QDate(2026, 10, 31), QTime(3, 0, 0, 250), Qt::UTC);
        QTest::newRow("empty") << QString() << QDateTime();
        QTest::newRow("word") << QStringLiteral("yesterday") << QDateTime();
        QTest::newRow("month 13") << QStringLiteral("2026-13-01") << QDateTime();
        QTest::newRow("31 November") << QStringLiteral("2026-11-31") << QDateTime();
        QTest::newRow("hour 25") << QStringLiteral("2026-10-31T25:00") << QDateTime();
        QTest::newRow("Japanese date") << QStringLiteral("2026年10月31日") << QDateTime();
        QTest::newRow("slashes") << QStringLiteral("2026/10/31") << QDateTime();
        QTest::newRow("trailing junk") << QStringLiteral("2026-10-31T12:00junk") << QDateTime();
        QTest::newRow("year only") << QStringLiteral("2026") << QDateTime();
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const std::optional<QDateTime> parsed = ReferenceClock::parse(text);
        QCOMPARE(parsed.has_value(), expected.isValid());
        if (!parsed)
            return;
        QCOMPARE(*parsed, expected); // the same instant
        QCOMPARE(parsed->date(), expected.date()); // and the same day as written
        QCOMPARE(parsed->offsetFromUtc(), expected.offsetFromUtc());
    }

    // What is current is decided when a record is shown, by this clock (MedicationPeriod).
    void assemblyReckonsCurrentByTheClock_data()
    {
        QTest::addColumn<QString>("asOf");
        QTest::addColumn<bool>("active");
        QTest::newRow("before the supply ends") << QStringLiteral("2026-10-31T12:00:00+09:00") << true;
        QTest::newRow("on its last day") << QStringLiteral("2026-11-16T23:00:00+09:00") << true;
        QTest::newRow("the day after its last day") << QStringLiteral("2026-11-17T00:30:00+09:00") << false;
        QTest::newRow("after it ran out") << QStringLiteral("2026-12-31") << false;
        QTest::newRow("years later") << QStringLiteral("2030-01-01") << false;
    }
    void assemblyReckonsCurrentByTheClock()
    {
        QFETCH(QString, asOf);
        QFETCH(bool, active);
        ReferenceClock::setFixed(*ReferenceClock::parse(asOf));
        QCOMPARE(dispensingActive(), active);
    }
};

KAKEHASHI_TEST_MAIN(TestReferenceClock)
#include "tst_referenceclock.moc"
