// The main window against the real test sharing service: search, cache-first open, offline reopen,
// mid-record failure, no consent, emergency access, the command line, and the cache across windows.
#include "../testsupport.h"

#include "SharingServiceFixture.h"
#include "store/accesshistory.h"
#include "viewer/service/accesshistorydialog.h"

#include "record/localrecordsource.h"
#include "app/mainwindow.h"
#include "viewer/service/servicemenu.h"
#include "viewer/patientlistmodel.h"
#include "viewer/patientlistview.h"
#include "viewer/patientview.h"
#include "viewer/emergency/emergencysummaryview.h"
#include "store/recordcache.h"
#include "viewer/recorditemmodel.h"
#include "viewer/service/servicepanel.h"
#include "viewer/imaging/imagingpanel.h"
#include "session/imaging/studyretrieval.h"
#include "viewer/timeline/timelinemodel.h"
#include "viewer/timeline/timelinepane.h"
#include "viewer/timeline/timelineview.h"

#include <QAction>
#include <algorithm>
#include <QMenuBar>
#include <QTableWidget>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QToolButton>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Kakehashi;

namespace {

QByteArray testKey(char fill)
{
    return QByteArray(RecordCache::KeyBytes, fill);
}

int shownItemCount(PatientView *view)
{
    const RecordItemModel *model = view->itemModel();
    int n = 0;
    for (int r = 0; r < model->rowCount(); ++r)
        n += model->rowCount(model->index(r, 0));
    return n;
}

QStringList listedIds(MainWindow *window)
{
    QAbstractItemModel *model = window->patientList()->table()->model();
    QStringList ids;
    for (int r = 0; r < model->rowCount(); ++r)
        ids << model->index(r, 0).data(PatientListModel::PatientIdRole).toString();
    ids.sort();
    return ids;
}

} // namespace

class TestServiceWindow : public QObject
{
    Q_OBJECT
private:
    SharingServiceFixture m_server;
    QUrl m_deadUrl; // where a stopped server was

    std::unique_ptr<MainWindow> makeWindow(const QByteArray &key, Net::ConnectionProfile profile = {})
    {
        if (!profile.baseUrl.isValid())
            profile = Net::ConnectionProfile::fromUrl(m_server.isRunning() ? m_server.baseUrl() : m_deadUrl);
        profile.maxRetries = 0;
        profile.timeoutMs = 10000;
        auto window = std::make_unique<MainWindow>();
        window->setIdentity({QStringLiteral("試験 医師"), QStringLiteral("医師"), QStringLiteral("試験病院"), false});
        window->records()->setCacheKeys({key, key, false});
        QString error;
        if (!window->connectService(profile, &error))
            qWarning() << error;
        window->show();
        return window;
    }

    static bool open(MainWindow *window, const QString &id)
    {
        QSignalSpy loaded(window, &MainWindow::servicePatientLoaded);
        window->openServicePatient(id);
        return loaded.wait(30000);
    }

    QString startServer()
    {
        const QString error = m_server.start();
        if (error.isEmpty())
            m_deadUrl = m_server.baseUrl();
        return error;
    }

    void requireServer()
    {
        if (!m_server.isRunning()) {
            const QString error = startServer();
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!SharingServiceFixture::nodeAvailable())
            QSKIP("node/npm not available");
        const QString error = startServer();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/record-cache.sqlite"));
    }

    void searchFillsThePatientList_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("birthDate");
        QTest::addColumn<QString>("gender");
        QTest::addColumn<QString>("insurance");
        QTest::addColumn<QString>("facilityCode");
        QTest::addColumn<QString>("facilityId");
        QTest::addColumn<QStringList>("expected");
        const QString none;
        QTest::newRow("katakana family") << QStringLiteral("ヤマダ") << none << none << none << none << none << QStringList{QStringLiteral("p001")};
        QTest::newRow("katakana other") << QStringLiteral("サトウ") << none << none << none << none << none << QStringList{QStringLiteral("p002")};
        QTest::newRow("kanji full") << QStringLiteral("山田 花子") << none << none << none << none << none << QStringList{QStringLiteral("p001")};
        QTest::newRow("birth date and gender") << none << QStringLiteral("1975-11-20") << QStringLiteral("male") << none << none << none
                                               << QStringList{QStringLiteral("p002")};
        QTest::newRow("gender that does not match") << QStringLiteral("ヤマダ") << none << QStringLiteral("male") << none << none << none << QStringList{};
        QTest::newRow("insurance member id") << none << none << none << QStringLiteral("06139999:記号1:番号1:01") << none << none
                                             << QStringList{QStringLiteral("p001")};
        QTest::newRow("facility patient id") << none << none << none << none << QStringLiteral("1312345678") << QStringLiteral("00012345")
                                             << QStringList{QStringLiteral("p001")};
        QTest::newRow("nobody") << QStringLiteral("スズキ") << none << none << none << none << none << QStringList{};
    }
    void searchFillsThePatientList()
    {
        QFETCH(QString, name);
        QFETCH(QString, birthDate);
        QFETCH(QString, gender);
        QFETCH(QString, insurance);
        QFETCH(QString, facilityCode);
        QFETCH(QString, facilityId);
        QFETCH(QStringList, expected);
        requireServer();
        auto window = makeWindow(testKey('a'));
        ServicePanel *panel = window->servicePanel();
        QVERIFY(panel);
        panel->nameField()->setText(name);
        panel->birthDateField()->setText(birthDate);
        panel->genderField()->setCurrentIndex(panel->genderField()->findData(gender));
        panel->insuranceField()->setText(insurance);
        panel->facilityCodeField()->setText(facilityCode);
        panel->facilityPatientIdField()->setText(facilityId);
        QSignalSpy found(panel, &ServicePanel::patientsFound);
        QTest::mouseClick(panel->searchButton(), Qt::LeftButton);
        QVERIFY(found.wait(20000));
        QCOMPARE(listedIds(window.get()), expected);
    }

    void badBirthDateIsRefusedBeforeSearching()
    {
        requireServer();
        auto window = makeWindow(testKey('a'));
        window->servicePanel()->birthDateField()->setText(QStringLiteral("1975/11/20"));
        window->servicePanel()->search();
        QVERIFY(!window->servicePanel()->isSearching());
        QVERIFY(window->servicePanel()->statusLabel()->text().contains(QStringLiteral("YYYY-MM-DD")));
    }

    // Then choosing the patient, going offline, and reopening from the cache, in one window.
    void choosePatientThenGoOffline()
    {
        requireServer();
        auto window = makeWindow(testKey('k'));
        window->servicePanel()->nameField()->setText(QStringLiteral("ヤマダ"));
        QSignalSpy found(window->servicePanel(), &ServicePanel::patientsFound);
        window->servicePanel()->search();
        QVERIFY(found.wait(20000));

        // Choosing the row loads the record.
        QSignalSpy loaded(window.get(), &MainWindow::servicePatientLoaded);
        QVERIFY(window->patientList()->selectPatient(QStringLiteral("p001")));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window->records()->serviceOutcome().state, RecordLoadOutcome::State::Fresh);
        QVERIFY(!window->serviceBanner()->isVisible());
        const PatientRecord *record = window->records()->serviceRecord();
        QVERIFY(record);

        // The same resources read from the files the server was seeded with give the same items.
        const RecordSet local = LocalRecordSource::load({m_server.dataDir() + QStringLiteral("/patients/p001.json")});
        const PatientRecord *expected = local.find(u"p001");
        QVERIFY(expected);
        QStringList gotKeys, expectedKeys;
        for (const ClinicalItem &i : record->items)
            gotKeys << i.key;
        for (const ClinicalItem &i : expected->items)
            expectedKeys << i.key;
        gotKeys.sort();
        expectedKeys.sort();
        QCOMPARE(gotKeys, expectedKeys);
        QCOMPARE(shownItemCount(window->patientView()), int(record->items.size()));
        QCOMPARE(window->patientView()->headerLabel()->text().contains(expected->patient.kanjiName), true);
        const int itemCount = int(record->items.size());
        // The assembled record is kept beside the rows (written after it is shown), for the next open.
        QTRY_VERIFY_WITH_TIMEOUT(window->records()->recordCache()->hasSnapshot(QStringLiteral("p001")), 10000);

        // Reopening while online: the cached record shows first (stale), then a `_since` refresh lands.
        QSignalSpy cachedShown(window.get(), &MainWindow::serviceCachedRecordShown);
        QVERIFY(open(window.get(), QStringLiteral("p001")));
        QCOMPARE(cachedShown.size(), 1);
        QCOMPARE(window->records()->serviceOutcome().state, RecordLoadOutcome::State::Fresh);
        QVERIFY(!window->records()->isServiceRecordStale());
        QCOMPARE(int(window->records()->serviceRecord()->items.size()), itemCount);
        bool sawSince = false;
        for (const QJsonObject &line : m_server.accessLog()) {
            if (line.value(u"path").toString() == u"/Patient/p001/$everything" && line.value(u"query").toString().contains(u"_since="))
                sawSince = true;
        }
        QVERIFY2(sawSince, "the refresh did not ask for what changed since the last fetch");

        // The service goes away: the cached patient opens read-only under the offline banner.
        m_server.stop();
        QVERIFY(open(window.get(), QStringLiteral("p001")));
        QCOMPARE(window->records()->serviceOutcome().state, RecordLoadOutcome::State::Offline);
        QVERIFY(window->serviceBanner()->isVisible());
        QVERIFY2(window->serviceBanner()->text().startsWith(QStringLiteral("Offline: showing cached data from ")),
                 qPrintable(window->serviceBanner()->text()));
        QVERIFY(window->records()->isServiceRecordStale());
        QCOMPARE(int(window->records()->serviceRecord()->items.size()), itemCount);
        QCOMPARE(shownItemCount(window->patientView()), itemCount);

        // A patient never cached cannot be shown, and the window says why.
        QVERIFY(open(window.get(), QStringLiteral("p002")));
        QCOMPARE(window->records()->serviceOutcome().state, RecordLoadOutcome::State::Failed);
        QVERIFY(window->records()->serviceOutcome().notCached);
        QVERIFY(!window->records()->serviceRecord());
        QVERIFY2(window->serviceBanner()->text().contains(QStringLiteral("not in the local cache")), qPrintable(window->serviceBanner()->text()));
        QCOMPARE(shownItemCount(window->patientView()), 0);
    }

    // A second window with the same injected key (a "restart") reads what the first cached; another key cannot.
    void cachePersistsAcrossWindows()
    {
        QVERIFY(!m_server.isRunning()); // offline: only the cache can answer
        int itemCount = 0;
        {
            auto again = makeWindow(testKey('k'));
            QVERIFY(open(again.get(), QStringLiteral("p001")));
            QCOMPARE(again->records()->serviceOutcome().state, RecordLoadOutcome::State::Offline);
            itemCount = int(again->records()->serviceRecord()->items.size());
            QVERIFY(itemCount > 10);
        }
        auto third = makeWindow(testKey('k'));
        QVERIFY(open(third.get(), QStringLiteral("p001")));
        QCOMPARE(int(third->records()->serviceRecord()->items.size()), itemCount);

        auto otherKey = makeWindow(testKey('z'));
        QVERIFY(open(otherKey.get(), QStringLiteral("p001")));
        QCOMPARE(otherKey->records()->serviceOutcome().state, RecordLoadOutcome::State::Failed);
        QVERIFY(otherKey->records()->serviceOutcome().notCached);
    }

    void failureMidRecordMarksItIncomplete()
    {
        requireServer();
        Net::ConnectionProfile profile = Net::ConnectionProfile::fromUrl(m_server.baseUrl());
        profile.pageSize = 4;
        auto window = makeWindow(testKey('m'), profile);
        QString error;
        QVERIFY(window->records()->purgeCachesNow(&error));
        const QJsonObject fail{{QStringLiteral("failPage"), QJsonObject{{QStringLiteral("path"), QStringLiteral("/Patient/p002/$everything")},
                                                                        {QStringLiteral("page"), 2},
                                                                        {QStringLiteral("status"), 503},
                                                                        {QStringLiteral("count"), -1}}}};
        QVERIFY(!m_server.control(fail).isEmpty());
        QVERIFY(open(window.get(), QStringLiteral("p002")));
        QCOMPARE(window->records()->serviceOutcome().state, RecordLoadOutcome::State::Incomplete);
        QVERIFY(window->serviceBanner()->text().contains(QStringLiteral("incomplete")));
        QVERIFY(window->records()->serviceRecord());
        QVERIFY(window->records()->serviceRecord()->incomplete);
        QVERIFY(window->patientView()->completenessBanner()->isVisibleTo(window.get()));
        const int partial = int(window->records()->serviceRecord()->items.size());
        // The half-fetch does not count as complete: the next open asks for everything again.
        QVERIFY(!window->records()->recordCache()->lastCompleteFetch(QStringLiteral("p002")).isValid());
        QVERIFY(window->records()->recordCache()->hasPatient(QStringLiteral("p002")));
        // Nor is a half-fetched record kept as the snapshot to open from.
        QVERIFY(!window->records()->recordCache()->hasSnapshot(QStringLiteral("p002")));

        m_server.control({{QStringLiteral("reset"), true}});
        QVERIFY(open(window.get(), QStringLiteral("p002")));
        QCOMPARE(window->records()->serviceOutcome().state, RecordLoadOutcome::State::Fresh);
        QVERIFY(!window->records()->serviceRecord()->incomplete);
        QVERIFY(int(window->records()->serviceRecord()->items.size()) > partial);
        QVERIFY(window->records()->recordCache()->lastCompleteFetch(QStringLiteral("p002")).isValid());
        QTRY_VERIFY_WITH_TIMEOUT(window->records()->recordCache()->hasSnapshot(QStringLiteral("p002")), 10000);
    }

    // The images of an open are fetched for the open's purpose: after break-the-glass the DICOMweb
    // requests say ETREAT with the reason, after a normal open TREAT (a recording PACS).
    void imagesFetchedForThePurposeOfTheOpen_data()
    {
        QTest::addColumn<bool>("emergency");
        QTest::newRow("emergency open") << true;
        QTest::newRow("normal open") << false;
    }
    void imagesFetchedForThePurposeOfTheOpen()
    {
        QFETCH(bool, emergency);
        requireServer();
        QTcpServer pacs;
        QVERIFY(pacs.listen(QHostAddress::LocalHost, 0));
        QList<QByteArray> requests;
        connect(&pacs, &QTcpServer::newConnection, this, [&pacs, &requests] {
            while (QTcpSocket *s = pacs.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::readyRead, s, [s, buffer, &requests] {
                    *buffer += s->readAll();
                    if (buffer->contains("\r\n\r\n")) {
                        requests.append(*buffer);
                        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/dicom+json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]");
                        s->disconnectFromHost();
                    }
                });
            }
        });
        Net::ConnectionProfile profile = Net::ConnectionProfile::fromUrl(m_server.baseUrl());
        profile.allowEmergencyAccess = true;
        profile.imagingDicomWebUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(pacs.serverPort()));
        auto window = makeWindow(testKey('i'), profile);
        QString error;
        QVERIFY(window->records()->purgeCachesNow(&error));
        m_server.control({{QStringLiteral("reset"), true}});
        QSignalSpy loaded(window.get(), &MainWindow::servicePatientLoaded);
        if (emergency)
            QVERIFY(window->openServicePatientInEmergency(QStringLiteral("p002"), QStringLiteral("意識障害で搬送")));
        else
            window->openServicePatient(QStringLiteral("p002"));
        QVERIFY(loaded.wait(30000));
        QVERIFY(window->records()->serviceRecord());
        ImagingPanel *panel = window->imagingPanel();
        QSignalSpy finished(panel, &ImagingPanel::retrievalFinished);
        panel->openStudy(QStringLiteral("1.2.392.200036.9116.2.6.1.48.1214245753.1712345678.123456"));
        QVERIFY(finished.wait(20000));
        // The recording PACS has no series: the open ends "not found", after asking for it.
        QCOMPARE(panel->retrieval()->outcome().status.error, Dicom::ImageSourceError::NotFound);
        QVERIFY(!requests.isEmpty());
        for (const QByteArray &request : std::as_const(requests)) {
            const QByteArray lower = request.toLower();
            QVERIFY2(lower.startsWith("get /dicom-web/studies/"), request.constData());
            QVERIFY2(lower.contains(emergency ? "x-purpose-of-use: etreat\r\n" : "x-purpose-of-use: treat\r\n"), request.constData());
            QCOMPARE(request.contains(QUrl::toPercentEncoding(QStringLiteral("意識障害で搬送"))), emergency);
        }
        m_server.control({{QStringLiteral("reset"), true}});
    }

    void noConsentSaysSoAndOffersEmergencyAccess_data()
    {
        QTest::addColumn<bool>("allowEmergency");
        QTest::newRow("profile allows emergency access") << true;
        QTest::newRow("profile does not") << false;
    }
    void noConsentSaysSoAndOffersEmergencyAccess()
    {
        QFETCH(bool, allowEmergency);
        requireServer();
        Net::ConnectionProfile profile = Net::ConnectionProfile::fromUrl(m_server.baseUrl());
        profile.allowEmergencyAccess = allowEmergency;
        auto window = makeWindow(testKey('c'), profile);
        QString error;
        QVERIFY(window->records()->purgeCachesNow(&error));
        m_server.control({{QStringLiteral("reset"), true},
                          {QStringLiteral("config"), QJsonObject{{QStringLiteral("patients"),
                                                                  QJsonObject{{QStringLiteral("p002"), QJsonObject{{QStringLiteral("noConsent"), true}}}}}}}});
        QVERIFY(open(window.get(), QStringLiteral("p002")));
        const RecordLoadOutcome outcome = window->records()->serviceOutcome();
        QCOMPARE(outcome.state, RecordLoadOutcome::State::Failed);
        QCOMPARE(outcome.error.kind, Net::FhirError::Kind::Http403);
        QVERIFY(!outcome.error.diagnostics.isEmpty());
        const QString banner = window->serviceBanner()->text();
        QVERIFY2(banner.startsWith(QStringLiteral("No consent")), qPrintable(banner));
        QVERIFY2(banner.contains(outcome.error.diagnostics), qPrintable(banner));
        QVERIFY(!window->records()->serviceRecord());
        QCOMPARE(window->emergencyAccessAction()->isVisible(), allowEmergency);
        QCOMPARE(window->emergencyAccessAction()->isEnabled(), allowEmergency);

        QSignalSpy loaded(window.get(), &MainWindow::servicePatientLoaded);
        QCOMPARE(window->openServicePatientInEmergency(QStringLiteral("p002"), QStringLiteral("意識障害で搬送")), allowEmergency);
        if (!allowEmergency)
            return;
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window->records()->serviceOutcome().state, RecordLoadOutcome::State::Fresh);
        QVERIFY(window->records()->serviceRecord());
        // Break-the-glass opens on the emergency summary.
        QVERIFY(window->patientView()->isEmergencySummaryShown());
        QVERIFY(window->patientView()->emergencySummary()->isVisibleTo(window.get()));
        QJsonObject last;
        for (const QJsonObject &line : m_server.accessLog()) {
            if (line.value(u"path").toString() == u"/Patient/p002/$everything")
                last = line;
        }
        QCOMPARE(last.value(u"purpose").toString(), QStringLiteral("ETREAT"));
        QCOMPARE(last.value(u"emergencyReason").toString(), QStringLiteral("意識障害で搬送"));
        QCOMPARE(last.value(u"status").toInt(), 200);
        m_server.control({{QStringLiteral("reset"), true}});
    }

    // Every record opened is in the access history: who, which patient, the purpose (with the
    // emergency reason), the service and what was shown; Service › Access history shows it and
    // exports it as CSV.
    void accessHistoryRecordsEachOpen()
    {
        requireServer();
        const QString logPath = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/access-history.log");
        QFile::remove(logPath);
        Net::ConnectionProfile profile = Net::ConnectionProfile::fromUrl(m_server.baseUrl());
        profile.name = QStringLiteral("test service");
        profile.allowEmergencyAccess = true;
        auto window = makeWindow(testKey('h'), profile);
        QVERIFY(open(window.get(), QStringLiteral("p001")));
        QSignalSpy loaded(window.get(), &MainWindow::servicePatientLoaded);
        QVERIFY(window->openServicePatientInEmergency(QStringLiteral("p002"), QStringLiteral("意識障害で搬送")));
        QVERIFY(loaded.wait(30000));

        AccessHistory history(logPath, testKey('h'), QStringLiteral("試験 医師"));
        QTRY_COMPARE_WITH_TIMEOUT(history.read().entries.size(), 2, 10000); // written off the GUI thread
        const AccessHistory::Reading r = history.read();
        QVERIFY(r.intact());
        const AccessEntry &first = r.entries.at(0);
        QCOMPARE(first.patientId, QStringLiteral("p001"));
        QCOMPARE(first.holder, QStringLiteral("試験 医師"));
        QCOMPARE(first.role, QStringLiteral("医師"));
        QCOMPARE(first.purpose, QStringLiteral("TREAT"));
        QVERIFY2(first.service.contains(m_server.baseUrl().toString()), qPrintable(first.service));
        QVERIFY2(std::any_of(first.categories.cbegin(), first.categories.cend(), [](const QString &c) { return c.startsWith(u"problems:"); }),
                 qPrintable(first.categories.join(u' ')));
        const AccessEntry &second = r.entries.at(1);
        QCOMPARE(second.patientId, QStringLiteral("p002"));
        QCOMPARE(second.purpose, QStringLiteral("ETREAT"));
        QCOMPARE(second.emergencyReason, QStringLiteral("意識障害で搬送"));
        QVERIFY(!second.patientName.isEmpty());

        // Service › Access history, as the user opens it.
        QAction *action = nullptr;
        auto *serviceMenu = window->findChild<ServiceMenu *>();
        QVERIFY(serviceMenu);
        QVERIFY(window->menuBar()->actions().contains(serviceMenu->menuAction()));
        for (QAction *a : serviceMenu->actions()) {
            if (a->text() == ServiceMenu::tr("Access history…"))
                action = a;
        }
        QVERIFY(action);
        action->trigger();
        auto *dialog = window->findChild<AccessHistoryDialog *>();
        QVERIFY(dialog);
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("accessHistoryTable"));
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 2, 10000);
        // Newest first: the emergency open, with its reason.
        QVERIFY2(table->item(0, 2)->text().contains(u"p002"), qPrintable(table->item(0, 2)->text()));
        QVERIFY2(table->item(0, 3)->text().contains(QStringLiteral("意識障害で搬送")), qPrintable(table->item(0, 3)->text()));
        QVERIFY(table->item(1, 2)->text().contains(u"p001"));
        const QString status = dialog->findChild<QLabel *>(QStringLiteral("accessHistoryStatus"))->text();
        QVERIFY2(status.contains(AccessHistoryDialog::tr("The log is intact: no entry was changed, removed or reordered.")), qPrintable(status));
        QTemporaryDir dir;
        QString error;
        QVERIFY2(dialog->exportCsv(dir.filePath(QStringLiteral("history.csv")), &error), qPrintable(error));
        QFile csv(dir.filePath(QStringLiteral("history.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(csv.readAll());
        QCOMPARE(text.count(QStringLiteral("\r\n")), 3);
        QVERIFY(text.contains(QStringLiteral(",ETREAT,意識障害で搬送,")));
        QCOMPARE(int(csv.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)), 0);
        dialog->close();
    }

    void commandLineScreenshotAfterTheRecordLoaded()
    {
        requireServer();
        QTemporaryDir home;
        const QString png = home.filePath(QStringLiteral("p001.png"));
        QProcess kakehashi;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // The program is not in test mode: keep its cache and settings out of the real home.
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        kakehashi.setProcessEnvironment(env);
        const int before = int(m_server.accessLog().size());
        kakehashi.start(QStringLiteral(KAKEHASHI_BINARY), {QStringLiteral("--service"), m_server.baseUrl().toString(), QStringLiteral("--patient"),
                                                           QStringLiteral("p001"), QStringLiteral("--lang"), QStringLiteral("en"),
                                                           QStringLiteral("--screenshot"), png});
        QVERIFY(kakehashi.waitForFinished(60000));
        QVERIFY2(kakehashi.exitCode() == 0, kakehashi.readAllStandardError().constData());
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800);
        bool fetched = false;
        const QList<QJsonObject> log = m_server.accessLog();
        for (int i = before; i < log.size(); ++i)
            fetched = fetched || (log.at(i).value(u"path").toString() == u"/Patient/p001/$everything" && log.at(i).value(u"status").toInt() == 200);
        QVERIFY(fetched);
    }

    // A strict server with neither $everything nor _include, and no rest section in its CapabilityStatement:
    // every facility appears by name in the item list, the timeline legend, the facility filter and --summary.
    void facilitiesByNameFromAStrictServer()
    {
        requireServer();
        m_server.control({{QStringLiteral("reset"), true},
                          {QStringLiteral("config"), QJsonObject{{QStringLiteral("everything"), false}, {QStringLiteral("include"), false},
                                                                  {QStringLiteral("capabilityRest"), false}}}});
        auto window = makeWindow(testKey('f'));
        QString error;
        QVERIFY(window->records()->purgeCachesNow(&error));
        QVERIFY(open(window.get(), QStringLiteral("p001")));
        QCOMPARE(window->records()->serviceOutcome().state, RecordLoadOutcome::State::Fresh);
        QVERIFY(window->records()->serviceRecord());
        QVERIFY(window->records()->serviceRecord()->items.size() >= 20);
        const auto looksLikeId = [](const QString &text) { return text.contains(u"Organization/") || text.contains(u"org-00"); };
        // The list: the source column of every row.
        const RecordItemModel *model = window->patientView()->itemModel();
        QSet<QString> listed;
        for (int g = 0; g < model->rowCount(); ++g) {
            const QModelIndex group = model->index(g, 0);
            for (int r = 0; r < model->rowCount(group); ++r) {
                const QString source = model->index(r, RecordItemModel::SourceColumn, group).data().toString();
                QVERIFY2(!looksLikeId(source), qPrintable(source));
                listed.insert(source);
            }
        }
        QVERIFY2(listed.contains(QStringLiteral("架け橋総合病院")), qPrintable(QStringList(listed.values()).join(u',')));
        // The legend and the filter are drawn from the same facility list.
        QStringList legend;
        for (const FacilityEntry &f : window->patientView()->timeline()->model().facilities()) {
            QVERIFY2(!looksLikeId(f.name), qPrintable(f.name));
            legend << f.name;
        }
        QVERIFY(legend.contains(QStringLiteral("架け橋総合病院")));
        QStringList filter;
        for (QAction *a : window->patientView()->timelinePane()->facilityButton()->menu()->actions()) {
            QVERIFY2(!looksLikeId(a->text()), qPrintable(a->text()));
            filter << a->text();
        }
        QVERIFY2(filter.filter(QStringLiteral("架け橋総合病院")).size() == 1, qPrintable(filter.join(u',')));
        // No _include was sent, the Organizations were fetched by _id, and every request succeeded.
        bool fetched = false;
        for (const QJsonObject &line : m_server.accessLog()) {
            const QString query = QUrl::fromPercentEncoding(line.value(u"query").toString().toUtf8());
            if (line.value(u"path").toString() == u"/Organization" && query.contains(u"_id="))
                fetched = true;
            QVERIFY2(!query.contains(u"_include"), qPrintable(query));
        }
        QVERIFY(fetched);

        // --summary from the command line, against the same server.
        QTemporaryDir home;
        QProcess kakehashi;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        kakehashi.setProcessEnvironment(env);
        kakehashi.start(QStringLiteral(KAKEHASHI_BINARY), {QStringLiteral("--service"), m_server.baseUrl().toString(), QStringLiteral("--patient"),
                                                           QStringLiteral("p001"), QStringLiteral("--lang"), QStringLiteral("en"),
                                                           QStringLiteral("--summary")});
        QVERIFY(kakehashi.waitForFinished(60000));
        QVERIFY2(kakehashi.exitCode() == 0, kakehashi.readAllStandardError().constData());
        const QJsonObject summary = QJsonDocument::fromJson(kakehashi.readAllStandardOutput()).object();
        const QJsonArray facilities = summary.value(u"patients").toArray().first().toObject().value(u"facilities").toArray();
        QVERIFY(!facilities.isEmpty());
        bool named = false;
        for (const QJsonValue &f : facilities) {
            const QJsonObject o = f.toObject();
            QVERIFY2(!looksLikeId(o.value(u"name").toString()), qPrintable(o.value(u"name").toString()));
            if (o.value(u"name").toString() == u"架け橋総合病院") {
                named = true;
                QCOMPARE(o.value(u"code").toString(), QStringLiteral("1312345678"));
            }
        }
        QVERIFY(named);
        m_server.control({{QStringLiteral("reset"), true}});
    }

    // Linked identities and an empty record, against a second strict server with its own data.
    void linkedIdentitiesAndAnEmptyRecordOnScreen()
    {
        SharingServiceFixture linked;
        QTemporaryDir configDir;
        const QString config = configDir.filePath(QStringLiteral("config.json"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"everything": false, "include": false, "capabilityRest": false})");
        f.close();
        const QString error = linked.start({QStringLiteral("--data"), QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/service-linked"),
                                            QStringLiteral("--config"), config});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto window = makeWindow(testKey('l'), Net::ConnectionProfile::fromUrl(linked.baseUrl()));
        QString purgeError;
        QVERIFY(window->records()->purgeCachesNow(&purgeError));

        // The Patient exists and nothing else came: the status banner says so.
        QVERIFY(open(window.get(), QStringLiteral("lk-empty")));
        QCOMPARE(window->records()->serviceOutcome().state, RecordLoadOutcome::State::Fresh);
        QVERIFY(window->serviceBanner()->isVisible());
        QVERIFY2(window->serviceBanner()->text().contains(QStringLiteral("no records at all")), qPrintable(window->serviceBanner()->text()));

        // One person from three linked Patient records, each source shown in the header.
        QVERIFY(open(window.get(), QStringLiteral("lk-a")));
        QCOMPARE(window->records()->serviceOutcome().state, RecordLoadOutcome::State::Fresh);
        QVERIFY(!window->serviceBanner()->isVisible());
        const QString ids = window->patientView()->identifiersLabel()->text();
        QVERIFY2(ids.contains(QStringLiteral("Patient/lk-b")) && ids.contains(QStringLiteral("Patient/lk-c")), qPrintable(ids));
        QCOMPARE(window->records()->serviceRecord()->patient.id, QStringLiteral("lk-a")); // the patient asked for comes first
        QStringList keys;
        for (const ClinicalItem &i : window->records()->serviceRecord()->items)
            keys << i.key;
        QVERIFY2(keys.contains(QStringLiteral("Condition/lk-c-cond")) && keys.contains(QStringLiteral("Condition/lk-b-cond")), qPrintable(keys.join(u',')));
        // The facility that could not be resolved is named as unknown in the legend, never by its id.
        QStringList legend;
        for (const FacilityEntry &e : window->patientView()->timeline()->model().facilities())
            legend << e.name;
        QVERIFY2(legend.contains(QStringLiteral("Facility unknown (reference could not be resolved)")), qPrintable(legend.join(u',')));
        QVERIFY2(legend.filter(QStringLiteral("org-missing")).isEmpty(), qPrintable(legend.join(u',')));
        // The details say why, as learnt while fetching (asked for and not returned; on another server).
        for (const ClinicalItem &i : window->records()->serviceRecord()->items) {
            if (i.key == u"Condition/lk-c-cond")
                QVERIFY2(i.source.unresolvedReason.contains(QStringLiteral("did not return")), qPrintable(i.source.unresolvedReason));
            if (i.key == u"Observation/lk-a-obs")
                QVERIFY2(i.source.unresolvedReason.contains(QStringLiteral("other.example")), qPrintable(i.source.unresolvedReason));
        }
        // A second open is cache-first and still whole (linked records refreshed too).
        QVERIFY(open(window.get(), QStringLiteral("lk-a")));
        QCOMPARE(int(window->records()->serviceRecord()->items.size()), int(keys.size()));
        linked.stop();
    }

    void cleanupTestCase() { m_server.stop(); }
};

KAKEHASHI_TEST_MAIN(TestServiceWindow)
#include "tst_servicewindow.moc"
