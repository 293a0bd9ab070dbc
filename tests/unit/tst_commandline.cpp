#include "../testsupport.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

// Runs the real kakehashi binary the way scripts and the README do.
class TestCommandLine : public QObject
{
    Q_OBJECT
private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(KAKEHASHI_BINARY), args);
        Run r;
        if (!p.waitForFinished(180000)) {
            p.kill();
            p.waitForFinished(5000);
            r.err = "timed out";
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    static QString data(const char *rel) { return QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/") + QLatin1String(rel); }
    bool haveDemo() const { return QFile::exists(qEnvironmentVariable("KAKEHASHI_DEMO_RCC")); }

private Q_SLOTS:
    void summaryOfGoodInput()
    {
        const Run r = run({QStringLiteral("--summary"), QStringLiteral("--open"), data("fhir/facility-sources.json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject s = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(s.value(QStringLiteral("patients")).toArray().size(), 1);
        QCOMPARE(s.value(QStringLiteral("errors")).toArray().size(), 0);
        QCOMPARE(s.value(QStringLiteral("counts")).toObject().value(QStringLiteral("labs")).toInt(), 1);
    }
    void badInputExitsNonZero_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated") << data("bad/truncated.json") << "not valid JSON";
        QTest::newRow("not FHIR") << data("bad/not-fhir.json") << "no resourceType";
        QTest::newRow("partly usable") << data("bad/partly-usable.json") << "Condition/bad-date";
        QTest::newRow("missing file") << data("bad/missing.json") << "no such file";
    }
    void badInputExitsNonZero()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        const Run r = run({QStringLiteral("--summary"), QStringLiteral("--open"), file});
        QVERIFY2(r.exitCode > 0, r.err.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        const QJsonObject s = QJsonDocument::fromJson(r.out).object();
        QVERIFY(!s.value(QStringLiteral("errors")).toArray().isEmpty());
    }
    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown language") << QStringList{QStringLiteral("--demo"), QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--summary")};
        QTest::newRow("unknown view") << QStringList{QStringLiteral("--demo"), QStringLiteral("--view"), QStringLiteral("nonsense"), QStringLiteral("--summary")};
        QTest::newRow("screenshot of nothing") << QStringList{QStringLiteral("--screenshot"), QStringLiteral("/tmp/x.png")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")};
        QTest::newRow("--as-of not a date") << QStringList{QStringLiteral("--demo"), QStringLiteral("--summary"), QStringLiteral("--as-of"), QStringLiteral("yesterday")};
        QTest::newRow("--as-of impossible day") << QStringList{QStringLiteral("--demo"), QStringLiteral("--summary"), QStringLiteral("--as-of"), QStringLiteral("2026-02-30")};
        QTest::newRow("--as-of bad hour") << QStringList{QStringLiteral("--demo"), QStringLiteral("--summary"), QStringLiteral("--as-of=2026-10-31T25:00")};
        QTest::newRow("--as-of empty") << QStringList{QStringLiteral("--demo"), QStringLiteral("--summary"), QStringLiteral("--as-of=")};
        QTest::newRow("--as-of without value") << QStringList{QStringLiteral("--demo"), QStringLiteral("--summary"), QStringLiteral("--as-of")};
        QTest::newRow("--document without the documents view")
            << QStringList{QStringLiteral("--demo"), QStringLiteral("--document"), QStringLiteral("p003-doc-01"), QStringLiteral("--summary")};
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 64);
        QVERIFY(!r.err.trimmed().isEmpty());
        if (args.filter(QStringLiteral("--as-of")).size() == 1)
            QVERIFY2(r.err.contains("--as-of") || r.err.contains("as-of"), r.err.constData());
        QVERIFY(r.out.isEmpty()); // nothing was loaded
    }
    void asOfAccepted_data()
    {
        QTest::addColumn<QString>("asOf");
        QTest::newRow("date") << QStringLiteral("2026-10-31");
        QTest::newRow("date-time with offset") << QStringLiteral("2026-10-31T09:30:00+09:00");
        QTest::newRow("UTC") << QStringLiteral("2026-10-31T00:30Z");
    }
    void asOfAccepted()
    {
        QFETCH(QString, asOf);
        const Run r = run({QStringLiteral("--summary"), QStringLiteral("--as-of"), asOf, QStringLiteral("--open"), data("fhir/facility-sources.json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("patients")).toArray().size(), 1);
    }
    void withoutADisplayNoCrash()
    {
        // A desktop program started where there is no display: a clear message, not a Qt abort.
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QLatin1String(name));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(KAKEHASHI_BINARY), {QStringLiteral("--demo"), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("No display was found"));
        p.start(QStringLiteral(KAKEHASHI_BINARY), {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().contains("--screenshot"));
    }
    void demoSummary()
    {
        if (!haveDemo())
            QSKIP("demo data not built");
        const Run r = run({QStringLiteral("--demo"), QStringLiteral("--summary")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject s = QJsonDocument::fromJson(r.out).object();
        const QJsonArray patients = s.value(QStringLiteral("patients")).toArray();
        QVERIFY(patients.size() >= 7);
        QVERIFY(s.value(QStringLiteral("resources")).toInt() >= 10000);
        QVERIFY2(s.value(QStringLiteral("errors")).toArray().isEmpty(), r.out.constData());
        for (const QJsonValue &v : patients) {
            const QJsonObject p = v.toObject();
            QVERIFY(!p.value(QStringLiteral("name")).toString().isEmpty());
            QVERIFY(!p.value(QStringLiteral("kana")).toString().isEmpty());
            QVERIFY(p.value(QStringLiteral("items")).toInt() > 0);
        }
    }
    void screenshotOfDemoPatient_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("ja") << QStringLiteral("ja");
        QTest::newRow("en") << QStringLiteral("en");
    }
    void screenshotOfDemoPatient()
    {
        QFETCH(QString, lang);
        if (!haveDemo())
            QSKIP("demo data not built");
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("shot.png"));
        const Run r = run({QStringLiteral("--demo"), QStringLiteral("--patient"), QStringLiteral("p001"), QStringLiteral("--lang"), lang,
                           QStringLiteral("--screenshot"), png});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 1000 && image.height() >= 600);
        // A real window: many distinct colours (text, banner, tree), not a blank surface.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    }
    void unknownPatient()
    {
        if (!haveDemo())
            QSKIP("demo data not built");
        const Run r = run({QStringLiteral("--demo"), QStringLiteral("--patient"), QStringLiteral("nobody"), QStringLiteral("--summary")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("nobody"));
    }
};

KAKEHASHI_TEST_MAIN(TestCommandLine)
#include "tst_commandline.moc"
