// The sign-in's revocation step in the window (app/cardrevocation.*): the soft policy signs in with a
// visible warning banner that names the reason, the hard policy refuses with the reason, a good card
// shows nothing. Test CA and CRL server: tests/fixtures/RevocationFixture.h. Skips without openssl.
#include "../testsupport.h"

#include "RevocationFixture.h"
#include "app/cardrevocation.h"
#include "store/crlcache.h"
#include "app/mainwindow.h"
#include "viewer/signin/cardsessionui.h"

#include <QLabel>
#include <QTemporaryDir>

using namespace Kakehashi;
using RevocationFixture::CrlServer;
using RevocationFixture::TestCa;

class TestRevocationWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    CrlServer m_server;
    std::unique_ptr<TestCa> m_ca;
    Net::HpkiCertificate m_good, m_revoked;

    Net::HpkiTrustAnchors anchors() const
    {
        Net::HpkiTrustAnchors a = Net::HpkiTrustAnchors::defaults();
        a.addFile(m_ca->path(QStringLiteral("cert.pem")));
        return a;
    }

    Net::ConnectionProfile profile(Net::RevocationPolicy policy) const
    {
        Net::ConnectionProfile p = Net::ConnectionProfile::fromUrl(QUrl(QStringLiteral("https://127.0.0.1:9/fhir")));
        p.name = QStringLiteral("test-crl");
        p.revocationPolicy = policy;
        p.crlTimeoutSeconds = 2;
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!TestCa::opensslAvailable())
            QSKIP("openssl is not installed");
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.start());
        const QString url = QStringLiteral("http://127.0.0.1:%1/testca.crl").arg(m_server.port());
        m_ca = std::make_unique<TestCa>(m_dir.path(), QStringLiteral("ca"));
        QVERIFY2(m_ca->create(), qPrintable(m_ca->error()));
        QVERIFY2(m_ca->issue(QStringLiteral("good"), {url}), qPrintable(m_ca->error()));
        QVERIFY2(m_ca->issue(QStringLiteral("revoked"), {url}), qPrintable(m_ca->error()));
        QVERIFY2(m_ca->revoke(QStringLiteral("revoked")), qPrintable(m_ca->error()));
        const QByteArray crl = m_ca->crl();
        QVERIFY(!crl.isEmpty());
        m_server.serve(QStringLiteral("/testca.crl"), crl);
        m_good = Net::HpkiCertificate::fromData(m_ca->read(QStringLiteral("good.pem")));
        m_revoked = Net::HpkiCertificate::fromData(m_ca->read(QStringLiteral("revoked.pem")));
        QVERIFY(!m_good.isNull() && !m_revoked.isNull());
    }

    void goodCardShowsNoWarning()
    {
        MainWindow window;
        window.show();
        CrlCache cache(m_dir.filePath(QStringLiteral("crl-good")));
        QString refusal;
        QVERIFY(checkCardRevocation(&window, profile(Net::RevocationPolicy::Hard), anchors(), m_good, &refusal, &cache));
        QVERIFY(refusal.isEmpty());
        QVERIFY(!certificateWarningBanner(&window));
    }

    void hardPolicyRefusesRevokedCard()
    {
        MainWindow window;
        window.show();
        CrlCache cache(m_dir.filePath(QStringLiteral("crl-hard")));
        QString refusal;
        Net::RevocationResult result;
        QVERIFY(!checkCardRevocation(&window, profile(Net::RevocationPolicy::Hard), anchors(), m_revoked, &refusal, &cache, &result));
        QCOMPARE(result.status, Net::RevocationResult::Status::Revoked);
        QVERIFY2(refusal.startsWith(QStringLiteral("Sign-in refused")), qPrintable(refusal));
        QVERIFY2(refusal.contains(QStringLiteral("has been revoked")), qPrintable(refusal));
        QVERIFY(!certificateWarningBanner(&window));
    }

    void softPolicyWarnsInTheWindow_data()
    {
        QTest::addColumn<bool>("serverUp");
        QTest::addColumn<QString>("reason");
        QTest::newRow("revoked") << true << QStringLiteral("has been revoked");
        QTest::newRow("CRL unavailable") << false << QStringLiteral("could not be obtained");
    }
    void softPolicyWarnsInTheWindow()
    {
        QFETCH(bool, serverUp);
        QFETCH(QString, reason);
        const quint16 port = m_server.port();
        if (!serverUp)
            m_server.stop();
        MainWindow window;
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CrlCache cache(m_dir.filePath(QStringLiteral("crl-soft-%1").arg(serverUp)));
        QString refusal;
        QVERIFY(checkCardRevocation(&window, profile(Net::RevocationPolicy::Soft), anchors(), serverUp ? m_revoked : m_good,
                                    &refusal, &cache));
        if (!serverUp)
            QVERIFY(m_server.start(port));
        QVERIFY(refusal.isEmpty());
        QLabel *banner = certificateWarningBanner(&window);
        QVERIFY(banner);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->height() > 0 && banner->width() > window.width() / 2);
        QVERIFY2(banner->text().contains(reason), qPrintable(banner->text()));
        QVERIFY(banner->text().contains(QStringLiteral("soft-fail")));
        QVERIFY(banner->text().contains(QStringLiteral("\"test-crl\"")));
        // The warning belongs to the sign-in: gone after sign-out.
        QPointer<QLabel> watched = banner;
        window.cardSessionUi()->signOut();
        QTRY_VERIFY(!watched);
    }
};

KAKEHASHI_TEST_MAIN(TestRevocationWindow)
#include "tst_revocationwindow.moc"
