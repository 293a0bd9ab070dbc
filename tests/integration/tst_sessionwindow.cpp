// Integration: the card session in the main window. SoftHSM2 tokens and nginx (mutual TLS,
// tests/fixtures/hpki/make-token.sh) in front of the test sharing service, which takes the role from
// the hcRole of the certificate nginx verified. Skips when softhsm2, opensc, nginx, the pkcs11 engine
// or node are missing.
#include "../testsupport.h"

#include "../eventloopwatchdog.h"
#include "SharingServiceFixture.h"
#include "session/cardsession.h"
#include "net/hpki/hpkicard.h"
#include "net/hpki/hpkitrust.h"
#include "app/mainwindow.h"
#include "viewer/signin/cardsessionui.h"
#include "viewer/sessionbar.h"
#include "viewer/patientlistview.h"
#include "viewer/patientview.h"
#include "store/recordcache.h"
#include "viewer/recorditemmodel.h"
#include "viewer/signin/signindialog.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTableView>
#include <QTreeView>

using namespace Kakehashi;

Q_DECLARE_METATYPE(Net::HpkiProblem)

namespace {
const QString SoftHsmModule = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
const QString EngineSo = QStringLiteral("/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so");
const QString Pin = QStringLiteral("123456");

QSet<ItemCategory> shownCategories(const PatientView *view)
{
    QSet<ItemCategory> categories;
    const RecordItemModel *model = view->itemModel();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex group = model->index(r, 0);
        for (int c = 0; c < model->rowCount(group); ++c)
            categories.insert(ItemCategory(model->index(c, 0, group).data(RecordItemModel::CategoryRole).toInt()));
    }
    return categories;
}

int shownItems(const PatientView *view)
{
    int n = 0;
    const RecordItemModel *model = view->itemModel();
    for (int r = 0; r < model->rowCount(); ++r)
        n += model->rowCount(model->index(r, 0));
    return n;
}
} // namespace

class TestSessionWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_nginx;
    QString m_nginxProgram;
    quint16 m_port = 0;
    SharingServiceFixture m_server;
    std::unique_ptr<Session::CardSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    QString pki(const QString &file) const { return m_dir.filePath(QStringLiteral("pki/") + file); }

    Net::HpkiTrustAnchors anchors() const
    {
        // As the program builds them: the shipped HPKI roots plus the profile's card anchors.
        Net::HpkiTrustAnchors a = Net::HpkiTrustAnchors::defaults();
        a.addFile(pki(QStringLiteral("testca/cert.pem")));
        return a;
    }

    Net::ConnectionProfile profile() const
    {
        Net::ConnectionProfile p = Net::ConnectionProfile::fromUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port)));
        p.name = QStringLiteral("test-mtls");
        p.trustAnchorFiles = {pki(QStringLiteral("testca/cert.pem"))}; // the service's CA, nothing else
        p.cardTrustAnchorFiles = {pki(QStringLiteral("testca/cert.pem"))};
        p.pkcs11Module = SoftHsmModule;
        p.maxRetries = 0;
        p.timeoutMs = 20000;
        p.idleLockSeconds = 0;
        return p;
    }

    static bool select(SignInDialog *dialog, const QString &label)
    {
        // The dialog reads the card on the session's thread.
        QSignalSpy shown(dialog, &SignInDialog::tokensShown);
        if ((dialog->tokenChoice()->count() == 0 || dialog->isBusy()) && !shown.wait(20000))
            return false;
        for (int i = 0; i < dialog->tokenChoice()->count(); ++i)
            if (dialog->tokenChoice()->itemText(i).startsWith(label + u' ') || dialog->tokenChoice()->itemText(i) == label) {
                dialog->tokenChoice()->setCurrentIndex(i);
                return true;
            }
        return false;
    }

    // Drives the dialog as a user would; true when it accepted.
    static bool signIn(SignInDialog *dialog, const QString &label, const QString &pin)
    {
        if (!select(dialog, label))
            return false;
        QTest::keyClicks(dialog->pinField(), pin);
        if (!dialog->signInButton()->isEnabled())
            return false;
        // The card answers on its own thread. An unlock dialog deletes itself once accepted.
        QSignalSpy accepted(dialog, &QDialog::accepted);
        QEventLoop loop;
        connect(dialog, &QDialog::accepted, &loop, &QEventLoop::quit);
        connect(dialog, &SignInDialog::signInRefused, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        dialog->signInButton()->click();
        loop.exec();
        return !accepted.isEmpty();
    }

    std::unique_ptr<MainWindow> signedInWindow(const QString &label, const Net::ConnectionProfile &p, QString *error)
    {
        SignInDialog dialog(m_session.get(), anchors());
        if (!signIn(&dialog, label, Pin)) {
            *error = QStringLiteral("sign-in refused: ") + dialog.problemLabel()->text() + dialog.pinWarningLabel()->text();
            return nullptr;
        }
        auto window = std::make_unique<MainWindow>();
        window->cardSessionUi()->begin(m_session.get(), anchors());
        if (!window->connectService(p, error))
            return nullptr;
        window->show();
        return window;
    }

    static bool open(MainWindow *window, const QString &id)
    {
        QSignalSpy loaded(window, &MainWindow::servicePatientLoaded);
        window->openServicePatient(id);
        return loaded.wait(60000);
    }

    bool run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(program, args);
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return false;
        }
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    // Access-log lines for p001's record since |from|.
    QList<QJsonObject> recordRequests(qsizetype from) const
    {
        QList<QJsonObject> out;
        const QList<QJsonObject> log = m_server.accessLog();
        for (qsizetype i = from; i < log.size(); ++i)
            if (log.at(i).value(QStringLiteral("patient")).toString() == u"p001")
                out << log.at(i);
        return out;
    }

    bool startNginx()
    {
        m_nginx.setProcessChannelMode(QProcess::ForwardedChannels);
        m_nginx.start(m_nginxProgram, {QStringLiteral("-c"), m_dir.filePath(QStringLiteral("nginx/nginx.conf")),
                                       QStringLiteral("-p"), m_dir.filePath(QStringLiteral("nginx")),
                                       QStringLiteral("-e"), m_dir.filePath(QStringLiteral("nginx/logs/error.log"))});
        if (!m_nginx.waitForStarted(5000))
            return false;
        for (int i = 0; i < 100; ++i) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_port);
            if (s.waitForConnected(100))
                return true;
            QTest::qWait(100);
        }
        return false;
    }

    // SIGTERM to our nginx by its PID: the service is unreachable until startNginx().
    void stopNginx()
    {
        if (m_nginx.state() == QProcess::NotRunning)
            return;
        m_nginx.terminate();
        if (!m_nginx.waitForFinished(5000)) {
            m_nginx.kill();
            m_nginx.waitForFinished(2000);
        }
    }

    // The key the window derives for the record cache, derived again from the logged-in card.
    QByteArray recordCacheKeyFromCard() { return m_session->deriveCacheKeyNow(QByteArray(Session::CacheKeys::RecordCacheContext)); }

private Q_SLOTS:
    void initTestCase()
    {
        for (const QString &tool : {QStringLiteral("softhsm2-util"), QStringLiteral("pkcs11-tool"), QStringLiteral("openssl")})
            if (QStandardPaths::findExecutable(tool).isEmpty())
                QSKIP("softhsm2, opensc or openssl not installed");
        const QString nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (nginx.isEmpty() || !QFile::exists(SoftHsmModule) || !QFile::exists(EngineSo))
            QSKIP("nginx, libsofthsm2 or libengine-pkcs11-openssl not installed");
        if (!SharingServiceFixture::nodeAvailable())
            QSKIP("node is not installed");
        QVERIFY(m_dir.isValid());
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            m_port = probe.serverPort();
        }
        // The service behind nginx: the role comes from the verified certificate, never from a header
        // the client could set; links point at the TLS address.
        const QString config = m_dir.filePath(QStringLiteral("service.json"));
        {
            QFile f(config);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(QJsonObject{
                                      {QStringLiteral("roleFromCertificateHeader"), QStringLiteral("X-SSL-Client-Cert")},
                                      {QStringLiteral("certificateVerifyHeader"), QStringLiteral("X-SSL-Client-Verify")},
                                      {QStringLiteral("userHeader"), QStringLiteral("X-SSL-Client-S-DN")},
                                      {QStringLiteral("publicBaseUrl"), QStringLiteral("https://127.0.0.1:%1").arg(m_port)},
                                  }).toJson());
        }
        const QString error = m_server.start({QStringLiteral("--config"), config});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(run(QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/fixtures/hpki/make-token.sh"),
                    {m_dir.path(), QString::number(m_port), QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())}));
        qputenv("SOFTHSM2_CONF", QFile::encodeName(m_dir.filePath(QStringLiteral("softhsm2.conf"))));

        m_nginxProgram = nginx;
        QVERIFY2(startNginx(), "nginx did not start listening");

        m_session = std::make_unique<Session::CardSession>();
        QSignalSpy opened(m_session.get(), &Session::CardSession::moduleOpened);
        m_session->openModule(profile().pkcs11Module);
        QVERIFY(opened.wait(20000));
        QVERIFY2(opened.first().first().value<Net::HpkiCardError>().ok(), qPrintable(opened.first().first().value<Net::HpkiCardError>().detail));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_session.reset(); // logs the card out on its thread
        stopNginx();
        m_server.stop();
    }

    void noSessionWithoutCard()
    {
        MainWindow window;
        QString error;
        QVERIFY(!window.connectService(profile(), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!window.records()->isServiceConnected());
    }

    void refusedCertificates_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("reason");
        QTest::newRow("expired") << "hpki-expired" << Net::HpkiCheck::describe(Net::HpkiProblem::Expired);
        QTest::newRow("not yet valid") << "hpki-notyet" << Net::HpkiCheck::describe(Net::HpkiProblem::NotYetValid);
        QTest::newRow("foreign CA") << "hpki-foreign" << Net::HpkiCheck::describe(Net::HpkiProblem::ForeignIssuer);
        QTest::newRow("signing only") << "hpki-signonly" << SignInDialog::tr("This card holds no authentication certificate (only a signing certificate or none).");
    }
    void refusedCertificates()
    {
        QFETCH(QString, label);
        QFETCH(QString, reason);
        SignInDialog dialog(m_session.get(), anchors());
        QVERIFY(!signIn(&dialog, label, Pin));
        QVERIFY2(dialog.problemLabel()->text().contains(reason), qPrintable(dialog.problemLabel()->text()));
        QVERIFY(!dialog.signInButton()->isEnabled());
        QVERIFY(!m_session->isSignedIn());
        QVERIFY(m_session->tlsIdentity().key.isNull());
    }

    void wrongPin()
    {
        SignInDialog dialog(m_session.get(), anchors());
        QVERIFY(select(&dialog, QStringLiteral("hpki-doctor")));
        QTest::keyClicks(dialog.pinField(), QStringLiteral("000000"));
        QSignalSpy refused(&dialog, &SignInDialog::signInRefused);
        dialog.signInButton()->click();
        QVERIFY(refused.wait(30000));
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY(!dialog.pinWarningLabel()->text().isEmpty());
        QVERIFY(dialog.pinField()->text().isEmpty());
        QVERIFY(!m_session->isSignedIn());
        QVERIFY(m_session->tlsIdentity().key.isNull());
    }

    // No card, SQLite or file-system work on the GUI thread: a watchdog times every event during
    // sign-in (PIN, TLS key, the card's signatures for the cache keys), cache open, a patient open
    // (cache, mutual-TLS fetch with the on-card key) and sign-out with purge. None may take > 50 ms.
    void guiThreadNeverBlocks()
    {
        Net::ConnectionProfile p = profile();
        p.purgeCacheOnLogout = true;
        auto window = std::make_unique<MainWindow>();
        window->resize(1200, 800);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        SignInDialog dialog(m_session.get(), anchors(), window.get());
        dialog.show();
        QVERIFY(select(&dialog, QStringLiteral("hpki-doctor")));
        QTest::keyClicks(dialog.pinField(), Pin);
        QTest::qWait(200); // first paint of both windows before the watch starts

        EventLoopWatchdog dog(50);
        dog.phase(QStringLiteral("sign-in"));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QMetaObject::invokeMethod(dialog.signInButton(), &QPushButton::click, Qt::QueuedConnection);
        QVERIFY(accepted.wait(60000));
        dog.settle();
        QVERIFY(m_session->isSignedIn());

        dog.phase(QStringLiteral("cache open"));
        QSignalSpy ready(window.get(), &MainWindow::serviceReady);
        bool connected = false;
        QMetaObject::invokeMethod(
            window.get(),
            [&] {
                window->cardSessionUi()->begin(m_session.get(), anchors());
                QString error;
                connected = window->connectService(p, &error);
            },
            Qt::QueuedConnection);
        QVERIFY(ready.wait(30000));
        dog.settle();
        QVERIFY(connected);
        QVERIFY(window->records()->recordCache());

        for (int round = 1; round <= 2; ++round) { // from the service, then cache first
            dog.phase(QStringLiteral("patient open %1").arg(round));
            QSignalSpy loaded(window.get(), &MainWindow::servicePatientLoaded);
            QMetaObject::invokeMethod(window.get(), [&] { window->openServicePatient(QStringLiteral("p001")); }, Qt::QueuedConnection);
            QVERIFY(loaded.wait(60000));
            dog.settle();
            QCOMPARE(window->records()->serviceOutcome().state, RecordLoadOutcome::State::Fresh);
            QVERIFY(shownItems(window->patientView()) > 0);
        }
        QVERIFY(window->records()->recordCache()->hasPatient(QStringLiteral("p001")));

        dog.phase(QStringLiteral("sign-out and purge"));
        const std::shared_ptr<RecordCache> cache = window->records()->recordCache();
        QSignalSpy out(window->cardSessionUi(), &CardSessionUi::signedOut);
        QMetaObject::invokeMethod(window.get(), [&] { window->cardSessionUi()->signOut(); }, Qt::QueuedConnection);
        QVERIFY(out.wait(60000));
        dog.settle();
        QVERIFY(!cache->hasPatient(QStringLiteral("p001")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->isBusy(), 20000);
        qInfo("watchdog: %d events, longest %lld ms", dog.eventsSeen(), dog.longestMs());
        for (const QString &e : dog.preemptedEvents())
            qInfo("pre-empted, not blocking: %s", qPrintable(e));
        QVERIFY2(dog.slowEvents().isEmpty(), qPrintable(dog.slowEvents().join(u'\n')));
    }

    void doctorSeesFullRecordOverMutualTls()
    {
        const qsizetype logFrom = m_server.accessLog().size();
        QString error;
        m_window = signedInWindow(QStringLiteral("hpki-doctor"), profile(), &error);
        QVERIFY2(m_window, qPrintable(error));
        QVERIFY(m_window->sessionBar()->identityLabel()->text().contains(QStringLiteral(u"試験\u3000太郎")));
        QVERIFY(m_window->sessionBar()->identityLabel()->text().contains(Net::HpkiCertificate::roleName(Net::HpkiRole::Doctor)));
        QVERIFY(m_window->sessionBar()->identityLabel()->text().contains(QStringLiteral(u"架け橋テスト病院")));
        QVERIFY(!m_window->sessionBar()->policyLabel()->isVisible());

        QVERIFY(open(m_window.get(), QStringLiteral("p001")));
        QCOMPARE(m_window->records()->serviceOutcome().state, RecordLoadOutcome::State::Fresh);
        const QSet<ItemCategory> categories = shownCategories(m_window->patientView());
        for (ItemCategory c : {ItemCategory::Problem, ItemCategory::Medication, ItemCategory::Lab, ItemCategory::Allergy, ItemCategory::Imaging})
            QVERIFY2(categories.contains(c), qPrintable(CategoryNames::key(c)));

        // The service saw the doctor's certificate (nginx verified it) for every record request.
        const QList<QJsonObject> requests = recordRequests(logFrom);
        QVERIFY(!requests.isEmpty());
        for (const QJsonObject &r : requests) {
            QCOMPARE(r.value(QStringLiteral("status")).toInt(), 200);
            QVERIFY(r.value(QStringLiteral("user")).toString().contains(QStringLiteral("CN=Taro Shiken")));
            QCOMPARE(r.value(QStringLiteral("role")).toString(), QStringLiteral("Medical Doctor"));
            QCOMPARE(r.value(QStringLiteral("purpose")).toString(), QStringLiteral("TREAT"));
        }
    }

    void idleTimeoutLocksAndDropsData()
    {
        QVERIFY(m_window);
        QVERIFY(shownItems(m_window->patientView()) > 0);
        QSignalSpy locked(m_window->cardSessionUi(), &CardSessionUi::locked);
        m_window->cardSessionUi()->setIdleLockTimeout(1);
        QVERIFY(locked.wait(5000));
        QCOMPARE(locked.first().first().value<CardSessionUi::LockReason>(), CardSessionUi::LockReason::Idle);
        QVERIFY(m_window->cardSessionUi()->isLocked());
        QVERIFY(m_window->cardSessionUi()->lockOverlay()->isVisible());
        QCOMPARE(shownItems(m_window->patientView()), 0);
        QCOMPARE(m_window->patientList()->table()->model()->rowCount(), 0);
        QVERIFY(!m_window->records()->serviceRecord());
        QVERIFY(m_window->records()->localRecords().patients.isEmpty());
        QVERIFY(!m_session->isSignedIn()); // unlocking needs the PIN again
        // The user stays visible while locked.
        QVERIFY(m_window->sessionBar()->identityLabel()->isVisible());
        QVERIFY(m_window->sessionBar()->identityLabel()->text().contains(QStringLiteral(u"試験\u3000太郎")));
    }

    void unlockWithPinRestores()
    {
        QVERIFY(m_window && m_window->cardSessionUi()->isLocked());
        m_window->cardSessionUi()->setIdleLockTimeout(0);
        m_window->cardSessionUi()->requestUnlock();
        QPointer<SignInDialog> dialog = m_window->cardSessionUi()->unlockDialog();
        QVERIFY(dialog);
        QSignalSpy loaded(m_window.get(), &MainWindow::servicePatientLoaded);
        QVERIFY(signIn(dialog, QStringLiteral("hpki-doctor"), Pin));
        QVERIFY(!m_window->cardSessionUi()->isLocked());
        QVERIFY(!m_window->cardSessionUi()->lockOverlay()->isVisible());
        QVERIFY(loaded.wait(60000));
        QCOMPARE(m_window->records()->serviceOutcome().state, RecordLoadOutcome::State::Fresh);
        QVERIFY(shownCategories(m_window->patientView()).contains(ItemCategory::Lab));
    }

    void logoutKeepsEncryptedCacheByDefault()
    {
        QVERIFY(m_window);
        const std::shared_ptr<RecordCache> cache = m_window->records()->recordCache();
        QVERIFY(cache);
        QVERIFY(cache->hasPatient(QStringLiteral("p001")));
        QSignalSpy out(m_window->cardSessionUi(), &CardSessionUi::signedOut);
        m_window->cardSessionUi()->signOut();
        QCOMPARE(out.count(), 1);
        QVERIFY(!m_session->isSignedIn());
        QCOMPARE(shownItems(m_window->patientView()), 0);
        QVERIFY(cache->hasPatient(QStringLiteral("p001"))); // default policy: kept (encrypted) until its TTL
        m_window.reset();
    }

    // The cache key comes from the card: after sign-out and a new window (as after a restart) the same
    // card and PIN read the cache again, offline; another card reads nothing of it.
    void cardKeyReopensCacheAfterRestart()
    {
        const QString doctorName = QStringLiteral(u"試験\u3000太郎");
        QString error;
        m_window = signedInWindow(QStringLiteral("hpki-doctor"), profile(), &error);
        QVERIFY2(m_window, qPrintable(error));
        QVERIFY(m_window->records()->isCacheKeyFromCard());
        QVERIFY(open(m_window.get(), QStringLiteral("p001")));
        QCOMPARE(m_window->records()->serviceOutcome().state, RecordLoadOutcome::State::Fresh);
        const int freshItems = shownItems(m_window->patientView());
        QVERIFY(freshItems > 0);
        const QString cachePath = m_window->records()->recordCache()->path();
        QVERIFY(m_window->records()->recordCache()->hasPatient(QStringLiteral("p001")));
        m_window->cardSessionUi()->signOut();
        QVERIFY(!m_window->records()->isCacheKeyFromCard()); // wiped on sign-out
        QVERIFY(!m_session->isSignedIn());
        m_window.reset();

        stopNginx(); // the service is gone from here on
        m_window = signedInWindow(QStringLiteral("hpki-doctor"), profile(), &error);
        QVERIFY2(m_window, qPrintable(error));
        QVERIFY(m_window->records()->isCacheKeyFromCard());
        QVERIFY(open(m_window.get(), QStringLiteral("p001")));
        QCOMPARE(m_window->records()->serviceOutcome().state, RecordLoadOutcome::State::Offline);
        QCOMPARE(shownItems(m_window->patientView()), freshItems);
        QVERIFY(shownCategories(m_window->patientView()).contains(ItemCategory::Lab));
        // The window's key is the card's: the same derivation opens the doctor's rows.
        const QByteArray doctorKey = recordCacheKeyFromCard();
        QCOMPARE(doctorKey.size(), RecordCache::KeyBytes);
        {
            RecordCache asDoctor(cachePath, doctorKey, doctorName);
            QVERIFY(asDoctor.open(&error));
            QVERIFY(asDoctor.hasPatient(QStringLiteral("p001")));
        }
        m_window->cardSessionUi()->signOut();
        m_window.reset();

        // Another card: a clean miss offline, and its key opens none of the doctor's rows even
        // under the doctor's name.
        m_window = signedInWindow(QStringLiteral("hpki-pharmacist"), profile(), &error);
        QVERIFY2(m_window, qPrintable(error));
        QVERIFY(m_window->records()->isCacheKeyFromCard());
        QVERIFY(open(m_window.get(), QStringLiteral("p001")));
        QCOMPARE(m_window->records()->serviceOutcome().state, RecordLoadOutcome::State::Failed);
        QVERIFY(m_window->records()->serviceOutcome().notCached);
        QCOMPARE(shownItems(m_window->patientView()), 0);
        const QByteArray pharmacistKey = recordCacheKeyFromCard();
        QCOMPARE(pharmacistKey.size(), RecordCache::KeyBytes);
        QVERIFY(pharmacistKey != doctorKey);
        {
            RecordCache asDoctor(cachePath, pharmacistKey, doctorName);
            QVERIFY(asDoctor.open(&error));
            QVERIFY(!asDoctor.hasPatient(QStringLiteral("p001")));
            int undecryptable = -1;
            QVERIFY(asDoctor.load(QStringLiteral("p001"), &undecryptable, &error).isEmpty());
        }
        m_window->cardSessionUi()->signOut();
        m_window.reset();
        QVERIFY(startNginx());
    }

    void pharmacistSeesOnlyProblemsAndMedications()
    {
        const qsizetype logFrom = m_server.accessLog().size();
        Net::ConnectionProfile p = profile();
        p.purgeCacheOnLogout = true;
        QString error;
        m_window = signedInWindow(QStringLiteral("hpki-pharmacist"), p, &error);
        QVERIFY2(m_window, qPrintable(error));
        QVERIFY(m_window->records()->rolePolicy().isPharmacyView());
        QVERIFY(m_window->sessionBar()->policyLabel()->isVisible());
        QVERIFY(m_window->sessionBar()->identityLabel()->text().contains(QStringLiteral(u"薬剤\u3000花子")));

        QVERIFY(open(m_window.get(), QStringLiteral("p001")));
        QCOMPARE(m_window->records()->serviceOutcome().state, RecordLoadOutcome::State::Fresh);
        QCOMPARE(shownCategories(m_window->patientView()), (QSet<ItemCategory>{ItemCategory::Problem, ItemCategory::Medication}));
        QVERIFY(m_window->records()->serviceRecord());
        for (const ClinicalItem &item : m_window->records()->serviceRecord()->items)
            QVERIFY2(item.category == ItemCategory::Problem || item.category == ItemCategory::Medication, qPrintable(item.key));

        const QList<QJsonObject> requests = recordRequests(logFrom);
        QVERIFY(!requests.isEmpty());
        for (const QJsonObject &r : requests) {
            QVERIFY(r.value(QStringLiteral("user")).toString().contains(QStringLiteral("CN=Hanako Yakuzai")));
            QCOMPARE(r.value(QStringLiteral("role")).toString(), QStringLiteral("Pharmacist"));
        }
    }

    void pharmacyViewFiltersLocalFilesToo()
    {
        QVERIFY(m_window);
        QSignalSpy loaded(m_window.get(), &MainWindow::loadFinished);
        m_window->openPaths({QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/fixtures/sharing-service/sample-data/patients/p001.json")});
        QVERIFY(loaded.wait(30000));
        const PatientRecord *record = m_window->records()->localRecords().find(u"p001");
        QVERIFY(record);
        QVERIFY(!record->items.isEmpty());
        QCOMPARE(record->count(ItemCategory::Lab) + record->count(ItemCategory::Allergy) + record->count(ItemCategory::Imaging), 0);
    }

    // Last: deletes the pharmacist's token.
    void cardRemovalLocksAndClears()
    {
        QVERIFY(m_window);
        QVERIFY(open(m_window.get(), QStringLiteral("p001")));
        QVERIFY(shownItems(m_window->patientView()) > 0);
        QSignalSpy locked(m_window->cardSessionUi(), &CardSessionUi::locked);
        QVERIFY(run(QStringLiteral("softhsm2-util"), {QStringLiteral("--delete-token"), QStringLiteral("--token"), QStringLiteral("hpki-pharmacist")}));
        QVERIFY(locked.wait(10000));
        QCOMPARE(locked.first().first().value<CardSessionUi::LockReason>(), CardSessionUi::LockReason::CardRemoved);
        QVERIFY(m_window->cardSessionUi()->lockOverlay()->isVisible());
        QCOMPARE(shownItems(m_window->patientView()), 0);
        QCOMPARE(m_window->patientList()->table()->model()->rowCount(), 0);
        QVERIFY(!m_window->records()->serviceRecord());
        QVERIFY(m_window->sessionBar()->identityLabel()->text().contains(QStringLiteral(u"薬剤\u3000花子")));

        // Logging out applies the profile's policy: this one purges the cache.
        const std::shared_ptr<RecordCache> cache = m_window->records()->recordCache();
        QVERIFY(cache && cache->hasPatient(QStringLiteral("p001")));
        QSignalSpy out(m_window->cardSessionUi(), &CardSessionUi::signedOut);
        m_window->cardSessionUi()->signOut();
        QVERIFY(m_window->records()->isCacheBusy()); // on a worker thread
        QVERIFY(out.wait(30000));
        QVERIFY(!cache->hasPatient(QStringLiteral("p001")));
    }
};

KAKEHASHI_TEST_MAIN(TestSessionWindow)
#include "tst_sessionwindow.moc"
