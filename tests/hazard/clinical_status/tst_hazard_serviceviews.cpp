// Hazards of issue 9 against the real test sharing service (Node, loopback, started and stopped here):
// item 6 — with 2 items withheld and 1 redacted, the window (which reads the record back from its cache)
// and `--summary` both say 3; item 7 — after emergency access (ETREAT) a banner with the reason and time
// stays on screen for as long as that record is open, and goes with it.
#include "../../testsupport.h"

#include "SharingServiceFixture.h"

#include "app/mainwindow.h"
#include "viewer/patientview.h"
#include "store/recordcache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>

using namespace Kakehashi;

class HazardServiceViews : public QObject
{
    Q_OBJECT
private:
    SharingServiceFixture m_server;

    std::unique_ptr<MainWindow> makeWindow(char keyFill)
    {
        Net::ConnectionProfile profile = Net::ConnectionProfile::fromUrl(m_server.baseUrl());
        profile.allowEmergencyAccess = true;
        profile.maxRetries = 0;
        profile.timeoutMs = 10000;
        auto window = std::make_unique<MainWindow>();
        window->setIdentity({QStringLiteral("試験 医師"), QStringLiteral("医師"), QStringLiteral("試験病院"), false});
        const QByteArray cacheKey = QByteArray(RecordCache::KeyBytes, keyFill);
        window->records()->setCacheKeys({cacheKey, cacheKey, false});
        QString error;
        if (!window->connectService(profile, &error))
            qWarning() << error;
        window->resize(1400, 900);
        window->show();
        return window;
    }

    // 2 withheld (Encounter, MedicationRequest of p002) and 1 redacted (its Condition).
    void withholdAndRedact()
    {
        const QJsonObject rule{{QStringLiteral("withhold"), QJsonArray{QStringLiteral("Encounter"), QStringLiteral("MedicationRequest")}},
                               {QStringLiteral("redact"), QJsonArray{QStringLiteral("Condition")}}};
        m_server.control({{QStringLiteral("reset"), true},
                          {QStringLiteral("config"), QJsonObject{{QStringLiteral("patients"), QJsonObject{{QStringLiteral("p002"), rule}}}}}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!SharingServiceFixture::nodeAvailable())
            QSKIP("node/npm not available");
        const QString error = m_server.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void item6_windowAndSummaryCountTheSame()
    {
        withholdAndRedact();
        auto window = makeWindow('w');
        QString error;
        QVERIFY(window->records()->purgeCachesNow(&error));
        QSignalSpy loaded(window.get(), &MainWindow::servicePatientLoaded);
        window->openServicePatient(QStringLiteral("p002"));
        QVERIFY(loaded.wait(30000));
        const PatientRecord *record = window->records()->serviceRecord();
        QVERIFY(record);
        int redacted = 0;
        for (const ClinicalItem &item : record->items)
            redacted += item.redacted ? 1 : 0;
        QCOMPARE(redacted, 1);
        QCOMPARE(record->withheldCount, 3);
        const QString banner = window->patientView()->completenessBanner()->text();
        QVERIFY2(banner.contains(u"3 item(s) withheld"), qPrintable(banner));
        // $everything cannot say which kinds were withheld: the allergy banner says they may be allergies.
        const QString allergies = window->patientView()->allergyBanner()->text();
        QVERIFY2(allergies.contains(u"of unstated kind were withheld"), qPrintable(allergies));

        QProcess summary;
        summary.setProgram(QStringLiteral(KAKEHASHI_BINARY));
        summary.setArguments({QStringLiteral("--service"), m_server.baseUrl().toString(), QStringLiteral("--patient"),
                              QStringLiteral("p002"), QStringLiteral("--summary")});
        summary.start();
        QVERIFY(summary.waitForFinished(60000));
        QCOMPARE(summary.exitCode(), 0);
        const QJsonObject patient =
            QJsonDocument::fromJson(summary.readAllStandardOutput()).object().value(u"patients").toArray().first().toObject();
        QCOMPARE(patient.value(u"withheld").toInt(), 3);
        QCOMPARE(patient.value(u"clinical").toObject().value(u"allergyStatus").toString(), QStringLiteral("withheld"));

        // Opened again: the cached record shows at once and the refresh asks only for what changed
        // (_since), whose withheld count covers only that. The count on screen stays 3.
        QSignalSpy cached(window.get(), &MainWindow::serviceCachedRecordShown);
        window->openServicePatient(QStringLiteral("p002"));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(cached.size(), 1);
        bool incremental = false;
        for (const QJsonObject &line : m_server.accessLog())
            incremental = incremental || line.value(u"query").toString().contains(u"_since");
        QVERIFY(incremental);
        QVERIFY(window->records()->serviceRecord());
        QCOMPARE(window->records()->serviceRecord()->withheldCount, 3);
        QVERIFY2(window->patientView()->completenessBanner()->text().contains(u"3 item(s) withheld"),
                 qPrintable(window->patientView()->completenessBanner()->text()));
        m_server.control({{QStringLiteral("reset"), true}});
    }

    void item7_emergencyAccessBannerStaysWhileTheRecordIsOpen()
    {
        m_server.control({{QStringLiteral("reset"), true}});
        auto window = makeWindow('e');
        QString error;
        QVERIFY(window->records()->purgeCachesNow(&error));
        QLabel *banner = window->emergencyAccessBanner();
        QVERIFY(banner);
        QVERIFY(!banner->isVisibleTo(window.get()));

        QSignalSpy loaded(window.get(), &MainWindow::servicePatientLoaded);
        const QString reason = QStringLiteral("意識障害で搬送");
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QVERIFY(window->openServicePatientInEmergency(QStringLiteral("p002"), reason));
        QVERIFY(loaded.wait(30000));
        QVERIFY(window->records()->serviceRecord());
        QVERIFY(banner->isVisibleTo(window.get()));
        const QString text = banner->text();
        QVERIFY2(text.contains(u"EMERGENCY ACCESS") && text.contains(reason), qPrintable(text));
        // The time of the access, in Japan time.
        const auto hour = [](const QDateTime &t) { return t.toOffsetFromUtc(9 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:")); };
        QVERIFY2(text.contains(hour(before)) || text.contains(hour(QDateTime::currentDateTimeUtc())), qPrintable(text));
        // Still there after switching views within the record.
        window->patientView()->setView(QStringLiteral("record"));
        QVERIFY(banner->isVisibleTo(window.get()));

        // Another patient, opened normally: the mark goes with the emergency record.
        window->openServicePatient(QStringLiteral("p001"));
        QVERIFY(loaded.wait(30000));
        QVERIFY(!banner->isVisibleTo(window.get()));
    }
};

KAKEHASHI_TEST_MAIN(HazardServiceViews)
#include "tst_hazard_serviceviews.moc"
