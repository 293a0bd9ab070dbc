// Revocation of the card's certificate at sign-in (net/hpki/revocationcheck.*, store/crlcache.*):
// a test CA (openssl) issues two card certificates naming a CRL distribution point on loopback and
// revokes one; a tiny HTTP server serves the CRL, goes silent or goes away. Skips without openssl.
#include "../testsupport.h"

#include "RevocationFixture.h"
#include "net/connectionprofile.h"
#include "store/crlcache.h"
#include "net/hpki/revocationcheck.h"

#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace Kakehashi;
using namespace Kakehashi::Net;
using RevocationFixture::CrlServer;
using RevocationFixture::TestCa;
using Status = RevocationResult::Status;

Q_DECLARE_METATYPE(Kakehashi::Net::RevocationPolicy)

namespace {
int modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}
} // namespace

class TestRevocation : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    CrlServer m_server;
    std::unique_ptr<TestCa> m_ca, m_forger;
    HpkiCertificate m_good, m_revoked, m_noPoint, m_ldapOnly;
    QByteArray m_crl;        // current: lists "revoked"
    QByteArray m_crlBefore;  // an older CRL, issued before the revocation
    QByteArray m_forgedCrl;  // same issuer name, another CA's key
    QUrl m_crlUrl;
    mode_t m_umask = 0;

    HpkiTrustAnchors anchors() const
    {
        HpkiTrustAnchors a;
        a.addFile(m_ca->path(QStringLiteral("cert.pem")));
        return a;
    }

    // A fresh, empty cache folder for each test.
    QString freshCacheDir(const char *name) const { return m_dir.filePath(QStringLiteral("cache-") + QString::fromLatin1(name)); }

    RevocationResult check(const HpkiCertificate &certificate, CrlStore *store, RevocationCheck::Options options = {}) const
    {
        if (options.timeoutSeconds == RevocationCheck::Options().timeoutSeconds)
            options.timeoutSeconds = 5;
        return RevocationCheck(anchors(), store, options).check(certificate);
    }

    bool restartServer()
    {
        if (m_server.isListening())
            return true;
        return m_server.start(m_crlUrl.port());
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!TestCa::opensslAvailable())
            QSKIP("openssl is not installed");
        QVERIFY(m_dir.isValid());
        // Whatever the umask, the CRL cache is owner only.
        m_umask = ::umask(0);
        QVERIFY(m_server.start());
        m_crlUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/testca.crl").arg(m_server.port()));
        const QStringList points{QStringLiteral("ldap://ldap.example.invalid/cn=Test%20CA?certificateRevocationList"),
                                 m_crlUrl.toString()};

        m_ca = std::make_unique<TestCa>(m_dir.path(), QStringLiteral("ca"));
        QVERIFY2(m_ca->create(), qPrintable(m_ca->error()));
        QVERIFY2(m_ca->issue(QStringLiteral("good"), points), qPrintable(m_ca->error()));
        QVERIFY2(m_ca->issue(QStringLiteral("revoked"), points), qPrintable(m_ca->error()));
        QVERIFY2(m_ca->issue(QStringLiteral("nopoint"), {}), qPrintable(m_ca->error()));
        QVERIFY2(m_ca->issue(QStringLiteral("ldaponly"), {points.first()}), qPrintable(m_ca->error()));
        const QString hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(QStringLiteral("yyyyMMddHHmmss'Z'"));
        const QString sixDays = QDateTime::currentDateTimeUtc().addDays(6).toString(QStringLiteral("yyyyMMddHHmmss'Z'"));
        m_crlBefore = m_ca->crl(hourAgo, sixDays);
        QVERIFY2(!m_crlBefore.isEmpty(), qPrintable(m_ca->error()));
        QVERIFY2(m_ca->revoke(QStringLiteral("revoked")), qPrintable(m_ca->error()));
        m_crl = m_ca->crl();
        QVERIFY2(!m_crl.isEmpty(), qPrintable(m_ca->error()));

        m_forger = std::make_unique<TestCa>(m_dir.path(), QStringLiteral("forger"));
        QVERIFY2(m_forger->create(), qPrintable(m_forger->error())); // same name, its own key
        m_forgedCrl = m_forger->crl();
        QVERIFY(!m_forgedCrl.isEmpty());

        m_good = HpkiCertificate::fromData(m_ca->read(QStringLiteral("good.pem")));
        m_revoked = HpkiCertificate::fromData(m_ca->read(QStringLiteral("revoked.pem")));
        m_noPoint = HpkiCertificate::fromData(m_ca->read(QStringLiteral("nopoint.pem")));
        m_ldapOnly = HpkiCertificate::fromData(m_ca->read(QStringLiteral("ldaponly.pem")));
        QVERIFY(!m_good.isNull() && !m_revoked.isNull() && !m_noPoint.isNull() && !m_ldapOnly.isNull());
        m_server.serve(m_crlUrl.path(), m_crl);
    }

    void cleanupTestCase()
    {
        ::umask(m_umask);
        m_server.stop();
    }

    void init()
    {
        QVERIFY(restartServer());
        m_server.setMode(CrlServer::Mode::Serve);
        m_server.serve(m_crlUrl.path(), m_crl);
    }

    void parsesTheCrl()
    {
        const CertificateRevocationList crl = CertificateRevocationList::fromData(m_crl);
        QVERIFY(!crl.isNull());
        QVERIFY(crl.issuerDisplayName().contains(QStringLiteral("Kakehashi Revocation Test CA")));
        QCOMPARE(crl.revokedSerials(), QStringList{m_revoked.serialNumberHex()});
        QVERIFY(crl.lists(m_revoked.serialNumberHex()));
        QVERIFY(!crl.lists(m_good.serialNumberHex()));
        QVERIFY(crl.thisUpdate().isValid() && crl.nextUpdate() > crl.thisUpdate());
        QVERIFY(crl.isSignedBy(m_ca->read(QStringLiteral("cert.pem"))));
        QVERIFY(!crl.isSignedBy(m_forger->read(QStringLiteral("cert.pem"))));
        QVERIFY(!CertificateRevocationList::fromData(m_forgedCrl).isSignedBy(m_ca->read(QStringLiteral("cert.pem"))));
        QVERIFY(CertificateRevocationList::fromData("not a CRL").isNull());
        QVERIFY(CertificateRevocationList::fromData(m_crl.left(m_crl.size() / 2)).isNull());
    }

    // Found by fuzz_crl: a serial whose first byte is below 0x10 ("0F00" from BN_bn2hex) was listed
    // but not found. Serials compare as numbers, whatever the case and leading zeros.
    void serialsCompareAsNumbers()
    {
        QFile f(QStringLiteral(KAKEHASHI_SOURCE_DIR "/fuzz/corpus/fuzz_crl/regression-serial-0f00.pem"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const CertificateRevocationList crl = CertificateRevocationList::fromData(f.readAll());
        QVERIFY(!crl.isNull());
        QCOMPARE(crl.revokedSerials(), (QStringList{QStringLiteral("F00"), QStringLiteral("1001")}));
        for (const QString &s : {QStringLiteral("0F00"), QStringLiteral("f00"), QStringLiteral("00F00"), QStringLiteral("1001")})
            QVERIFY2(crl.lists(s), qPrintable(s));
        QVERIFY(!crl.lists(QStringLiteral("F0")));
        QVERIFY(!crl.lists(QStringLiteral("-F00")));
    }

    // OpenSSL parses this malformed list, but writes it back in a form it cannot read: it could be
    // neither verified nor cached, so it is refused as unreadable (found by fuzz_crl).
    void listThatDoesNotReEncodeIsRefused()
    {
        QFile f(QStringLiteral(KAKEHASHI_SOURCE_DIR "/fuzz/corpus/fuzz_crl/regression-reencoding-unreadable.der"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(CertificateRevocationList::fromData(f.readAll()).isNull());
        QVERIFY(!CertificateRevocationList::fromData(m_crl).isNull()); // a well-formed list still reads
    }

    void distributionPoints()
    {
        QCOMPARE(RevocationCheck::distributionPoints(m_good), QList<QUrl>{m_crlUrl}); // the ldap point is not read
        QVERIFY(RevocationCheck::distributionPoints(m_noPoint).isEmpty());
        QVERIFY(RevocationCheck::distributionPoints(m_ldapOnly).isEmpty());
    }

    void goodCardPasses()
    {
        CrlCache cache(freshCacheDir("good"));
        const RevocationResult r = check(m_good, &cache);
        QCOMPARE(r.status, Status::Good);
        QVERIFY(!r.fromCache);
        QCOMPARE(r.distributionPoint, m_crlUrl);
        QVERIFY(r.allowsSignIn(RevocationPolicy::Hard));
        QCOMPARE(r.crlNextUpdate, CertificateRevocationList::fromData(m_crl).nextUpdate());
        // Kept for offline sign-in: the CRL itself, owner only in an owner-only folder (umask 0 here).
        QCOMPARE(cache.load(m_crlUrl), m_crl);
        QCOMPARE(modeOf(cache.pathFor(m_crlUrl)), 0600);
        QCOMPARE(modeOf(cache.directory()), 0700);
    }

    void revokedCard_data()
    {
        QTest::addColumn<RevocationPolicy>("policy");
        QTest::addColumn<bool>("signsIn");
        QTest::newRow("hard") << RevocationPolicy::Hard << false;
        QTest::newRow("soft") << RevocationPolicy::Soft << true;
    }
    void revokedCard()
    {
        QFETCH(RevocationPolicy, policy);
        QFETCH(bool, signsIn);
        CrlCache cache(freshCacheDir("revoked"));
        const RevocationResult r = check(m_revoked, &cache);
        QCOMPARE(r.status, Status::Revoked);
        QVERIFY(r.revokedAt.isValid());
        QCOMPARE(r.allowsSignIn(policy), signsIn);
        QVERIFY2(r.message().contains(QStringLiteral("revoked")), qPrintable(r.message()));
        QVERIFY(!r.message().contains(QStringLiteral("not revoked")));
    }

    // The CRL server is down: the CRL kept from an earlier sign-in decides while it is current.
    void serverDownWithCurrentCache()
    {
        CrlCache cache(freshCacheDir("offline"));
        QCOMPARE(check(m_good, &cache).status, Status::Good);
        m_server.stop();
        RevocationResult r = check(m_good, &cache);
        QCOMPARE(r.status, Status::Good);
        QVERIFY(r.fromCache);
        QVERIFY(!r.detail.isEmpty()); // says why the distribution point was not used
        r = check(m_revoked, &cache);
        QCOMPARE(r.status, Status::Revoked); // offline is no way round a revocation
        QVERIFY(r.fromCache);
        // Within the grace period after nextUpdate the kept CRL still decides.
        RevocationCheck::Options withinGrace;
        withinGrace.graceHours = 24;
        withinGrace.now = CertificateRevocationList::fromData(m_crl).nextUpdate().addSecs(23 * 3600);
        QCOMPARE(check(m_good, &cache, withinGrace).status, Status::Good);
    }

    void cachedCrlExpired_data()
    {
        QTest::addColumn<RevocationPolicy>("policy");
        QTest::addColumn<bool>("signsIn");
        QTest::newRow("hard refuses") << RevocationPolicy::Hard << false;
        QTest::newRow("soft warns") << RevocationPolicy::Soft << true;
    }
    void cachedCrlExpired()
    {
        QFETCH(RevocationPolicy, policy);
        QFETCH(bool, signsIn);
        CrlCache cache(freshCacheDir("expired"));
        QCOMPARE(check(m_good, &cache).status, Status::Good);
        m_server.stop();
        RevocationCheck::Options later;
        later.graceHours = 24;
        later.now = CertificateRevocationList::fromData(m_crl).nextUpdate().addSecs(25 * 3600);
        const RevocationResult r = check(m_good, &cache, later);
        QCOMPARE(r.status, Status::CrlExpired);
        QVERIFY(r.fromCache);
        QCOMPARE(r.allowsSignIn(policy), signsIn);
        QVERIFY2(r.message().contains(QStringLiteral("expired")), qPrintable(r.message()));
        QVERIFY(!cache.load(m_crlUrl).isEmpty()); // an expired CRL is not thrown away
    }

    void noCrlAtAll()
    {
        CrlCache cache(freshCacheDir("none"));
        m_server.stop();
        QElapsedTimer clock;
        clock.start();
        const RevocationResult r = check(m_good, &cache);
        QCOMPARE(r.status, Status::CrlUnavailable);
        QVERIFY(!r.allowsSignIn(RevocationPolicy::Hard));
        QVERIFY(r.allowsSignIn(RevocationPolicy::Soft));
        QVERIFY2(r.message().contains(QStringLiteral("could not be obtained")), qPrintable(r.message()));
        QVERIFY(clock.elapsed() < 5000); // a refused connection is not waited on
    }

    void noDistributionPoint()
    {
        CrlCache cache(freshCacheDir("nopoint"));
        for (const HpkiCertificate &c : {m_noPoint, m_ldapOnly}) {
            const RevocationResult r = check(c, &cache);
            QCOMPARE(r.status, Status::CrlUnavailable);
            QVERIFY(r.detail.contains(QStringLiteral("distribution point")));
        }
    }

    void silentServerTimesOut()
    {
        CrlCache cache(freshCacheDir("silent"));
        m_server.setMode(CrlServer::Mode::Silent);
        RevocationCheck::Options options;
        options.timeoutSeconds = 1;
        QElapsedTimer clock;
        clock.start();
        const RevocationResult r = RevocationCheck(anchors(), &cache, options).check(m_good);
        QCOMPARE(r.status, Status::CrlUnavailable);
        QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(r.detail.contains(QStringLiteral("no answer")), qPrintable(r.detail));
        QVERIFY(m_server.connections() > 0);
    }

    void badCrlSignature_data()
    {
        QTest::addColumn<QByteArray>("served");
        QByteArray flipped = m_crl;
        flipped[flipped.size() - 5] = char(flipped.at(flipped.size() - 5) ^ 0x5a); // inside the signature
        QTest::newRow("tampered signature") << flipped;
        QTest::newRow("another CA's key, same name") << m_forgedCrl;
    }
    void badCrlSignature()
    {
        QFETCH(QByteArray, served);
        CrlCache cache(freshCacheDir("badsig"));
        m_server.serve(m_crlUrl.path(), served);
        const RevocationResult r = check(m_revoked, &cache);
        QCOMPARE(r.status, Status::BadSignature);
        QVERIFY(!r.allowsSignIn(RevocationPolicy::Hard));
        QVERIFY2(r.message().contains(QStringLiteral("not signed by the card's certification authority")), qPrintable(r.message()));
        QVERIFY(cache.load(m_crlUrl).isEmpty()); // never kept
    }

    // A forged CRL served while a good one is kept: the kept one decides, the forged one is not kept.
    void badCrlDoesNotReplaceKeptOne()
    {
        CrlCache cache(freshCacheDir("keep"));
        QCOMPARE(check(m_revoked, &cache).status, Status::Revoked);
        m_server.serve(m_crlUrl.path(), m_forgedCrl);
        const RevocationResult r = check(m_revoked, &cache);
        QCOMPARE(r.status, Status::Revoked);
        QVERIFY(r.fromCache);
        QCOMPARE(cache.load(m_crlUrl), m_crl);
    }

    // Someone edits the kept file: it is not believed (it is verified again on every load).
    void tamperedCacheIsNotBelieved()
    {
        CrlCache cache(freshCacheDir("tampered"));
        QCOMPARE(check(m_revoked, &cache).status, Status::Revoked);
        QByteArray kept = cache.load(m_crlUrl);
        kept[kept.size() - 5] = char(kept.at(kept.size() - 5) ^ 0x5a);
        QString error;
        QVERIFY(cache.store(m_crlUrl, kept, &error));
        m_server.stop();
        const RevocationResult r = check(m_revoked, &cache);
        QCOMPARE(r.status, Status::BadSignature);
        QVERIFY(!r.allowsSignIn(RevocationPolicy::Hard));
    }

    // An older CRL served again (replayed) does not replace a newer kept one that lists the card.
    void olderCrlDoesNotHideRevocation()
    {
        CrlCache cache(freshCacheDir("replay"));
        QCOMPARE(check(m_revoked, &cache).status, Status::Revoked);
        m_server.serve(m_crlUrl.path(), m_crlBefore);
        const RevocationResult r = check(m_revoked, &cache);
        QCOMPARE(r.status, Status::Revoked);
        QCOMPARE(cache.load(m_crlUrl), m_crl);
        // Without a kept CRL the older one is all there is, and it is current: the card passes.
        CrlCache empty(freshCacheDir("replay-empty"));
        QCOMPARE(check(m_revoked, &empty).status, Status::Good);
    }

    // A CRL that covers CA certificates only (issuingDistributionPoint onlyContainsCACerts) cannot
    // clear a card: it would not list it even if it were revoked.
    void partitionedCrlDoesNotClearTheCard()
    {
        CrlCache cache(freshCacheDir("partitioned"));
        const QByteArray caOnly = m_ca->crl({}, {}, QStringLiteral("crl_ext_ca_only"));
        QVERIFY2(!caOnly.isEmpty(), qPrintable(m_ca->error()));
        m_server.serve(m_crlUrl.path(), caOnly);
        const RevocationResult r = check(m_good, &cache);
        QCOMPARE(r.status, Status::CrlUnavailable);
        QVERIFY2(r.detail.contains(QStringLiteral("partitioned")), qPrintable(r.detail));
        QVERIFY(cache.load(m_crlUrl).isEmpty());
    }

    void certificateOfAnotherCa()
    {
        CrlCache cache(freshCacheDir("foreign"));
        const RevocationResult r = RevocationCheck(HpkiTrustAnchors(), &cache).check(m_good);
        QCOMPARE(r.status, Status::CrlUnavailable);
        QVERIFY(r.detail.contains(QStringLiteral("trust anchors")));
    }

    void profileSettings()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
        ConnectionProfile p = ConnectionProfile::fromUrl(QUrl(QStringLiteral("https://service.example/fhir")));
        p.name = QStringLiteral("soft");
        QCOMPARE(p.revocationPolicy, RevocationPolicy::Hard); // the default refuses what cannot be checked
        p.revocationPolicy = RevocationPolicy::Soft;
        p.crlTimeoutSeconds = 3;
        p.crlGraceHours = 48;
        p.save(settings);
        const ConnectionProfile back = ConnectionProfile::load(settings, QStringLiteral("soft"));
        QCOMPARE(back.revocationPolicy, RevocationPolicy::Soft);
        QCOMPARE(back.crlTimeoutSeconds, 3);
        QCOMPARE(back.crlGraceHours, 48);
        QCOMPARE(settings.value(QStringLiteral("connections/soft/revocationPolicy")).toString(), QStringLiteral("soft"));

        // A typo never weakens the check; limits out of range fall back to the defaults.
        settings.setValue(QStringLiteral("connections/soft/revocationPolicy"), QStringLiteral("sofft"));
        settings.setValue(QStringLiteral("connections/soft/crlTimeoutSeconds"), -1);
        settings.setValue(QStringLiteral("connections/soft/crlGraceHours"), 100000);
        const ConnectionProfile odd = ConnectionProfile::load(settings, QStringLiteral("soft"));
        QCOMPARE(odd.revocationPolicy, RevocationPolicy::Hard);
        QCOMPARE(odd.crlTimeoutSeconds, ConnectionProfile().crlTimeoutSeconds);
        QCOMPARE(odd.crlGraceHours, ConnectionProfile().crlGraceHours);
    }
};

KAKEHASHI_TEST_MAIN(TestRevocation)
#include "tst_revocation.moc"
