// Fault table, rows that need the whole chain (card → nginx mutual TLS → test sharing service): the
// card pulled out while a record is loading, and TLS failing part-way through a record. SoftHSM2
// tokens behind the fault-injecting PKCS#11 module (tests/fixtures/hpki/faultcard.cpp). Each ends
// in a clear message, with what was cached before still there and readable. Skips when softhsm2,
// opensc, nginx, the pkcs11 engine or node are missing.
#include "../testsupport.h"

#include "SharingServiceFixture.h"
#include "session/cardsession.h"
#include "net/hpki/hpkicard.h"
#include "net/hpki/hpkitrust.h"
#include "app/mainwindow.h"
#include "viewer/signin/cardsessionui.h"
#include "store/recordcache.h"
#include "viewer/signin/signindialog.h"

#include <QComboBox>
#include <QElapsedTimer>
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
#include <QTimer>

using namespace Kakehashi;

namespace {
const QString SoftHsmModule = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
const QString EngineSo = QStringLiteral("/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so");
const QString Pin = QStringLiteral("123456");
} // namespace

class TestSessionFaults : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_nginx;
    QString m_nginxProgram;
    quint16 m_port = 0;
    SharingServiceFixture m_server;
    std::unique_ptr<Session::CardSession> m_session;
    int m_cachedRows = 0;

    QString pki(const QString &file) const { return m_dir.filePath(QStringLiteral("pki/") + file); }
    QString controlFile() const { return m_dir.filePath(QStringLiteral("faultcard.control")); }
    void setCard(const QByteArray &state)
    {
        QFile f(controlFile());
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(state);
    }

    Net::HpkiTrustAnchors anchors() const
    {
        Net::HpkiTrustAnchors a = Net::HpkiTrustAnchors::defaults();
        a.addFile(pki(QStringLiteral("testca/cert.pem")));
        return a;
    }

    Net::ConnectionProfile profile() const
    {
        Net::ConnectionProfile p = Net::ConnectionProfile::fromUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port)));
        p.name = QStringLiteral("test-faults");
        p.trustAnchorFiles = {pki(QStringLiteral("testca/cert.pem"))};
        p.cardTrustAnchorFiles = {pki(QStringLiteral("testca/cert.pem"))};
        p.pkcs11Module = QStringLiteral(KAKEHASHI_FAULTCARD_MODULE);
        p.maxRetries = 0;
        p.timeoutMs = 20000;
        p.idleLockSeconds = 0;
        p.pageSize = 3;
        return p;
    }

    std::unique_ptr<MainWindow> signedInWindow(QString *error)
    {
        SignInDialog dialog(m_session.get(), anchors());
        // The dialog reads the card on the session's thread: wait until it is idle.
        {
            QSignalSpy shown(&dialog, &SignInDialog::tokensShown);
            QElapsedTimer waited;
            waited.start();
            while ((dialog.tokenChoice()->count() == 0 || dialog.isBusy()) && waited.elapsed() < 20000)
                shown.wait(200);
        }
        bool selected = false;
        for (int i = 0; i < dialog.tokenChoice()->count(); ++i)
            if (dialog.tokenChoice()->itemText(i).startsWith(QStringLiteral("hpki-doctor"))) {
                dialog.tokenChoice()->setCurrentIndex(i);
                selected = true;
            }
        QTest::keyClicks(dialog.pinField(), Pin);
        if (!selected || !dialog.signInButton()->isEnabled()) {
            *error = QStringLiteral("no doctor token");
            return nullptr;
        }
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QEventLoop loop;
        connect(&dialog, &QDialog::accepted, &loop, &QEventLoop::quit);
        connect(&dialog, &SignInDialog::signInRefused, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        dialog.signInButton()->click();
        loop.exec();
        if (accepted.isEmpty()) {
            *error = dialog.pinWarningLabel()->text() + dialog.problemLabel()->text();
            return nullptr;
        }
        auto window = std::make_unique<MainWindow>();
        window->cardSessionUi()->begin(m_session.get(), anchors());
        if (!window->connectService(profile(), error))
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

    static int cachedRows(MainWindow *window, const QString &id)
    {
        if (!window->records()->recordCache())
            return -1;
        int undecryptable = -1;
        QString error;
        const int rows = int(window->records()->recordCache()->load(id, &undecryptable, &error).size());
        return undecryptable == 0 ? rows : -1;
    }

    bool startNginx(const QString &config)
    {
        m_nginx.setProcessChannelMode(QProcess::ForwardedChannels);
        m_nginx.start(m_nginxProgram, {QStringLiteral("-c"), config, QStringLiteral("-p"), m_dir.filePath(QStringLiteral("nginx")),
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
    QString goodConfig() const { return m_dir.filePath(QStringLiteral("nginx/nginx.conf")); }

    bool run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(program, args);
        return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const QString &tool : {QStringLiteral("softhsm2-util"), QStringLiteral("pkcs11-tool"), QStringLiteral("openssl")})
            if (QStandardPaths::findExecutable(tool).isEmpty())
                QSKIP("softhsm2, opensc or openssl not installed");
        m_nginxProgram = QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (m_nginxProgram.isEmpty() || !QFile::exists(SoftHsmModule) || !QFile::exists(EngineSo))
            QSKIP("nginx, libsofthsm2 or libengine-pkcs11-openssl not installed");
        if (!SharingServiceFixture::nodeAvailable())
            QSKIP("node is not installed");
        QVERIFY(m_dir.isValid());
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            m_port = probe.serverPort();
        }
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
        qputenv("KAKEHASHI_FAULTCARD_MODULE", QFile::encodeName(SoftHsmModule));
        qputenv("KAKEHASHI_FAULTCARD_CONTROL", QFile::encodeName(controlFile()));
        setCard("");

        // The same nginx with a server certificate nobody trusts: TLS fails from then on.
        QVERIFY(run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                QStringLiteral("-nodes"), QStringLiteral("-keyout"), pki(QStringLiteral("rogue.key.pem")),
                                                QStringLiteral("-out"), pki(QStringLiteral("rogue.cert.pem")), QStringLiteral("-days"), QStringLiteral("2"),
                                                QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                                                QStringLiteral("subjectAltName=IP:127.0.0.1")}));
        {
            QFile good(goodConfig());
            QVERIFY(good.open(QIODevice::ReadOnly));
            QByteArray conf = good.readAll();
            conf.replace(QFile::encodeName(pki(QStringLiteral("server.cert.pem"))), QFile::encodeName(pki(QStringLiteral("rogue.cert.pem"))));
            conf.replace(QFile::encodeName(pki(QStringLiteral("server.key.pem"))), QFile::encodeName(pki(QStringLiteral("rogue.key.pem"))));
            QFile rogue(m_dir.filePath(QStringLiteral("nginx/rogue.conf")));
            QVERIFY(rogue.open(QIODevice::WriteOnly));
            rogue.write(conf);
        }
        QVERIFY2(startNginx(goodConfig()), "nginx did not start listening");

        m_session = std::make_unique<Session::CardSession>();
        QSignalSpy opened(m_session.get(), &Session::CardSession::moduleOpened);
        m_session->openModule(profile().pkcs11Module);
        QVERIFY(opened.wait(20000));
        QVERIFY2(opened.first().first().value<Net::HpkiCardError>().ok(), qPrintable(opened.first().first().value<Net::HpkiCardError>().detail));
    }

    void cleanupTestCase()
    {
        m_session.reset(); // logs the card out on its thread
        stopNginx();
        m_server.stop();
    }

    void init()
    {
        setCard("");
        if (m_server.isRunning())
            m_server.control(QJsonObject{{QStringLiteral("reset"), true}});
    }

    // The card is pulled out while the refresh of a cached record is on its way: the window locks and
    // drops what it showed, the load is abandoned, and the cached record is as it was.
    void cardRemovedDuringRecordLoad()
    {
        QString error;
        auto window = signedInWindow(&error);
        QVERIFY2(window, qPrintable(error));
        QVERIFY(window->records()->purgeCachesNow(&error));
        QVERIFY(open(window.get(), QStringLiteral("p001")));
        QCOMPARE(window->records()->serviceOutcome().state, RecordLoadOutcome::State::Fresh);
        m_cachedRows = cachedRows(window.get(), QStringLiteral("p001"));
        QVERIFY(m_cachedRows > 0);

        // Every answer now takes 3 s: the refresh is in flight when the card goes.
        QVERIFY(!m_server.control(QJsonObject{{QStringLiteral("delay"), QJsonObject{{QStringLiteral("ms"), 3000}, {QStringLiteral("count"), -1}}}})
                     .isEmpty());
        QSignalSpy locked(window->cardSessionUi(), &CardSessionUi::locked);
        const qsizetype logFrom = m_server.accessLog().size();
        window->openServicePatient(QStringLiteral("p001"));
        QTest::qWait(500);
        setCard("removed");
        QVERIFY(locked.wait(10000));
        QCOMPARE(locked.first().first().value<CardSessionUi::LockReason>(), CardSessionUi::LockReason::CardRemoved);
        QVERIFY(window->cardSessionUi()->lockOverlay()->isVisible());
        QVERIFY(window->cardSessionUi()->lockMessage()->text().contains(QStringLiteral("The card was removed")));
        QVERIFY(!window->records()->serviceRecord());
        QVERIFY(window->records()->localRecords().patients.isEmpty());
        // The load was under way (the service saw it) and nothing of it is shown or finishes later.
        QTRY_VERIFY_WITH_TIMEOUT(m_server.accessLog().size() > logFrom, 10000);
        QTest::qWait(4000);
        QVERIFY(!window->records()->serviceRecord());
        // Nothing cached is lost.
        QCOMPARE(cachedRows(window.get(), QStringLiteral("p001")), m_cachedRows);
        setCard("");
        window->cardSessionUi()->signOut();
    }

    // TLS fails part-way through a record (the server's certificate changes to one that is not
    // trusted between two pages): a clear message, the record is not presented as complete, and the
    // record cached before is still there.
    void tlsFailureMidRecord()
    {
        QString error;
        auto window = signedInWindow(&error);
        QVERIFY2(window, qPrintable(error));
        QVERIFY(!m_server.control(QJsonObject{{QStringLiteral("delay"), QJsonObject{{QStringLiteral("ms"), 700}, {QStringLiteral("count"), -1}}}})
                     .isEmpty());
        QSignalSpy loaded(window.get(), &MainWindow::servicePatientLoaded);
        const qsizetype logFrom = m_server.accessLog().size();
        window->openServicePatient(QStringLiteral("p002"));
        // The first answer has gone out: swap the server for one with an untrusted certificate.
        const auto p002Requests = [&] {
            int n = 0;
            const QList<QJsonObject> log = m_server.accessLog();
            for (qsizetype i = logFrom; i < log.size(); ++i)
                n += log.at(i).value(QStringLiteral("patient")).toString() == u"p002";
            return n;
        };
        QTRY_VERIFY_WITH_TIMEOUT(p002Requests() >= 1, 30000);
        stopNginx();
        QVERIFY(startNginx(m_dir.filePath(QStringLiteral("nginx/rogue.conf"))));
        QVERIFY(loaded.count() > 0 || loaded.wait(60000));
        const RecordLoadOutcome outcome = window->records()->serviceOutcome();
        qInfo("TLS mid-record: state %d, kind %d: %s", int(outcome.state), int(outcome.error.kind), qPrintable(outcome.error.message()));
        QVERIFY(outcome.state == RecordLoadOutcome::State::Incomplete || outcome.state == RecordLoadOutcome::State::Failed);
        QVERIFY2(outcome.error.kind == Net::FhirError::Kind::Tls || outcome.error.kind == Net::FhirError::Kind::Network,
                 qPrintable(outcome.error.message()));
        QVERIFY(!outcome.error.message().isEmpty());
        QVERIFY(window->serviceBanner()->isVisible());
        QVERIFY(!window->serviceBanner()->text().isEmpty());
        // The record cached before (p001, the same card's key) is untouched.
        QCOMPARE(cachedRows(window.get(), QStringLiteral("p001")), m_cachedRows);
        // The request in flight was cut when the server went (reported as not reachable); every new
        // connection now fails the TLS check, and says so.
        m_server.control(QJsonObject{{QStringLiteral("reset"), true}});
        QVERIFY(open(window.get(), QStringLiteral("p002")));
        const RecordLoadOutcome again = window->records()->serviceOutcome();
        QVERIFY(again.state != RecordLoadOutcome::State::Fresh);
        QCOMPARE(again.error.kind, Net::FhirError::Kind::Tls);
        QVERIFY2(again.error.message().contains(QStringLiteral("secure connection")), qPrintable(again.error.message()));
        QVERIFY(window->serviceBanner()->isVisible());
        QCOMPARE(cachedRows(window.get(), QStringLiteral("p001")), m_cachedRows);

        stopNginx();
        QVERIFY(startNginx(goodConfig()));
        window->cardSessionUi()->signOut();
    }
};

KAKEHASHI_TEST_MAIN(TestSessionFaults)
#include "tst_sessionfaults.moc"
