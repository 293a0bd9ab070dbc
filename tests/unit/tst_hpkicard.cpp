// Integration: SoftHSM2 tokens with HPKI test certificates (tests/fixtures/hpki/make-token.sh) and an
// nginx that demands a client certificate. Skips when softhsm2, opensc, nginx or the engine are absent.
#include "net/hpki/hpkicard.h"
#include "net/hpki/hpkicertificate.h"
#include "net/hpki/hpkitrust.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <dlfcn.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <p11-kit/pkcs11.h>

using namespace Kakehashi::Net;

Q_DECLARE_METATYPE(HpkiRole)
Q_DECLARE_METATYPE(HpkiProblem)

namespace {
const QString SoftHsmModule = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
const QString EngineSo = QStringLiteral("/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so");
const QByteArray UserPin = "123456";
}

class TestHpkiCard : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_nginx;
    quint16 m_port = 0;
    HpkiCard m_card;
    // A second module user in this process, as a restarted program would be. Kept until the end:
    // its engine finalises the shared module when it goes.
    std::unique_ptr<HpkiCard> m_secondCard;

    QString pki(const QString &file) const { return m_dir.filePath(QStringLiteral("pki/") + file); }

    std::optional<HpkiToken> token(const QString &label)
    {
        for (const HpkiToken &t : m_card.tokens())
            if (t.label == label)
                return t;
        return std::nullopt;
    }

    HpkiTrustAnchors testAnchors() const
    {
        HpkiTrustAnchors anchors;
        anchors.addFile(pki(QStringLiteral("testca/cert.pem")));
        return anchors;
    }

    QList<QSslCertificate> serverCa() const
    {
        return QSslCertificate::fromPath(pki(QStringLiteral("testca/cert.pem")));
    }

    struct Response
    {
        int status = 0;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QByteArray body;
    };
    Response get(const QSslConfiguration &tls)
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(m_port)));
        request.setSslConfiguration(tls);
        QNetworkReply *reply = nam.get(request);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        Response r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        r.body = reply->readAll();
        delete reply;
        return r;
    }

    bool run(const QString &program, const QStringList &args, int timeoutMs = 60000)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(program, args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return false;
        }
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    // The documented derivation, computed in software from the PEM key make-token.sh left behind:
    // a known answer that no card session state can influence.
    QByteArray expectedCacheKey(const QString &name, const QByteArray &context)
    {
        QFile keyFile(pki(name + QStringLiteral(".key.pem"))), certFile(pki(name + QStringLiteral(".cert.der")));
        if (!keyFile.open(QIODevice::ReadOnly) || !certFile.open(QIODevice::ReadOnly))
            return {};
        const QByteArray keyPem = keyFile.readAll(), certDer = certFile.readAll();
        BIO *bio = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
        EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        const unsigned char *p = reinterpret_cast<const unsigned char *>(certDer.constData());
        X509 *cert = d2i_X509(nullptr, &p, long(certDer.size()));
        auto part = [](QByteArray &out, const QByteArray &bytes) {
            const quint32 n = quint32(bytes.size());
            out += char(n >> 24);
            out += char(n >> 16);
            out += char(n >> 8);
            out += char(n);
            out += bytes;
        };
        QByteArray challenge = "Kakehashi cache key v1";
        unsigned char *der = nullptr;
        int n = i2d_ASN1_INTEGER(X509_get_serialNumber(cert), &der);
        part(challenge, QByteArray(reinterpret_cast<const char *>(der), n));
        OPENSSL_free(der);
        der = nullptr;
        n = i2d_X509_NAME(X509_get_issuer_name(cert), &der);
        part(challenge, QByteArray(reinterpret_cast<const char *>(der), n));
        OPENSSL_free(der);
        X509_free(cert);
        const QByteArray digest = QCryptographicHash::hash(challenge, QCryptographicHash::Sha256);

        EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(key, nullptr);
        size_t size = 0;
        EVP_PKEY_sign_init(ctx);
        EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING);
        EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256());
        EVP_PKEY_sign(ctx, nullptr, &size, reinterpret_cast<const unsigned char *>(digest.constData()), size_t(digest.size()));
        QByteArray signature(qsizetype(size), Qt::Uninitialized);
        const bool signedOk = EVP_PKEY_sign(ctx, reinterpret_cast<unsigned char *>(signature.data()), &size,
                                            reinterpret_cast<const unsigned char *>(digest.constData()), size_t(digest.size())) > 0;
        EVP_PKEY_CTX_free(ctx);
        EVP_PKEY_free(key);
        if (!signedOk)
            return {};

        QByteArray salt = QCryptographicHash::hash(certDer, QCryptographicHash::Sha256);
        QByteArray info = "kakehashi-cache-v1";
        info += char(0);
        info += context;
        QByteArray out(32, Qt::Uninitialized);
        EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
        EVP_KDF_CTX *kctx = EVP_KDF_CTX_new(kdf);
        char md[] = "SHA256";
        const OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, md, 0),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, signature.data(), size_t(signature.size())),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt.data(), size_t(salt.size())),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info.data(), size_t(info.size())),
            OSSL_PARAM_construct_end(),
        };
        const bool derived = EVP_KDF_derive(kctx, reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()), params) > 0;
        EVP_KDF_CTX_free(kctx);
        EVP_KDF_free(kdf);
        return derived ? out : QByteArray();
    }

    QByteArray cardCacheKey(HpkiCard &card, const QString &label, const QByteArray &context, HpkiCardError *error = nullptr)
    {
        std::optional<HpkiToken> t;
        for (const HpkiToken &candidate : card.tokens())
            if (candidate.label == label)
                t = candidate;
        if (!t)
            return {};
        QByteArray pin = UserPin;
        if (!card.login(t->slotId, pin).ok())
            return {};
        QByteArray key;
        const HpkiCardError e = card.deriveCacheKey(*HpkiCard::authenticationCertificate(card.certificates(t->slotId)), context, &key);
        if (error)
            *error = e;
        card.logout();
        return key;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        for (const QString &tool : {QStringLiteral("softhsm2-util"), QStringLiteral("pkcs11-tool"), QStringLiteral("openssl")})
            if (QStandardPaths::findExecutable(tool).isEmpty())
                QSKIP("softhsm2, opensc or openssl not installed");
        const QString nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (nginx.isEmpty() || !QFile::exists(SoftHsmModule) || !QFile::exists(EngineSo))
            QSKIP("nginx, libsofthsm2 or libengine-pkcs11-openssl not installed");
        QVERIFY(m_dir.isValid());
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            m_port = probe.serverPort();
        }
        QVERIFY(run(QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/fixtures/hpki/make-token.sh"),
                    {m_dir.path(), QString::number(m_port)}));
        qputenv("SOFTHSM2_CONF", QFile::encodeName(m_dir.filePath(QStringLiteral("softhsm2.conf"))));

        m_nginx.setProcessChannelMode(QProcess::ForwardedChannels);
        m_nginx.start(nginx, {QStringLiteral("-c"), m_dir.filePath(QStringLiteral("nginx/nginx.conf")),
                              QStringLiteral("-p"), m_dir.filePath(QStringLiteral("nginx")),
                              QStringLiteral("-e"), m_dir.filePath(QStringLiteral("nginx/logs/error.log"))});
        QVERIFY(m_nginx.waitForStarted(5000));
        bool up = false;
        for (int i = 0; i < 100 && !up; ++i) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_port);
            up = s.waitForConnected(100);
            if (!up)
                QTest::qWait(100);
        }
        QVERIFY2(up, "nginx did not start listening");

        QVERIFY(m_card.open(SoftHsmModule).ok());
    }

    void cleanupTestCase()
    {
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate(); // SIGTERM to our PID: nginx exits fast
            if (!m_nginx.waitForFinished(5000)) {
                m_nginx.kill();
                m_nginx.waitForFinished(2000);
            }
        }
    }

    void listsTokens()
    {
        QStringList labels;
        for (const HpkiToken &t : m_card.tokens())
            labels << t.label;
        for (const char *l : {"hpki-doctor", "hpki-pharmacist", "hpki-norole", "hpki-expired", "hpki-notyet", "hpki-foreign", "hpki-signonly"})
            QVERIFY2(labels.contains(QLatin1String(l)), l);
    }

    void picksAuthenticationCertificate()
    {
        const auto t = token(QStringLiteral("hpki-doctor"));
        QVERIFY(t);
        const QList<HpkiCardCertificate> certs = m_card.certificates(t->slotId);
        QCOMPARE(certs.size(), 2);
        const auto auth = HpkiCard::authenticationCertificate(certs);
        QVERIFY(auth);
        QCOMPARE(auth->id, QByteArray("\x01", 1));
        QVERIFY(auth->certificate.hasDigitalSignature());

        const auto signOnly = token(QStringLiteral("hpki-signonly"));
        QVERIFY(signOnly);
        const QList<HpkiCardCertificate> signCerts = m_card.certificates(signOnly->slotId);
        QCOMPARE(signCerts.size(), 1);
        QVERIFY(signCerts.first().certificate.isSigningOnly());
        QVERIFY(!HpkiCard::authenticationCertificate(signCerts));
    }

    void certificateOnToken_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<HpkiRole>("role");
        QTest::addColumn<QString>("roleText");
        QTest::addColumn<QString>("romaji");
        QTest::addColumn<QString>("kanji");
        QTest::addColumn<QList<HpkiProblem>>("problems");
        QTest::addColumn<bool>("roleMissing");
        using P = QList<HpkiProblem>;
        QTest::newRow("doctor") << "hpki-doctor" << HpkiRole::Doctor << "Medical Doctor" << "Taro Shiken" << QStringLiteral(u"試験\u3000太郎") << P{} << false;
        QTest::newRow("pharmacist") << "hpki-pharmacist" << HpkiRole::Pharmacist << "Pharmacist" << "Hanako Yakuzai" << QStringLiteral(u"薬剤\u3000花子") << P{} << false;
        QTest::newRow("no hcRole") << "hpki-norole" << HpkiRole::None << "" << "Jiro Nashi" << QStringLiteral(u"無役\u3000次郎") << P{} << true;
        QTest::newRow("expired") << "hpki-expired" << HpkiRole::Doctor << "Medical Doctor" << "Kako Kigengire" << QStringLiteral(u"期限\u3000切子") << P{HpkiProblem::Expired} << false;
        QTest::newRow("not yet valid") << "hpki-notyet" << HpkiRole::Doctor << "Medical Doctor" << "Mirai Mada" << QStringLiteral(u"未来\u3000未田") << P{HpkiProblem::NotYetValid} << false;
        QTest::newRow("foreign CA") << "hpki-foreign" << HpkiRole::Doctor << "Medical Doctor" << "Yoso Mono" << QStringLiteral(u"余所\u3000者") << P{HpkiProblem::ForeignIssuer} << false;
        QTest::newRow("signing only") << "hpki-signonly" << HpkiRole::Doctor << "Medical Doctor" << "Shomei Dake" << QStringLiteral(u"署名\u3000だけ") << P{HpkiProblem::SigningOnly} << false;
    }
    void certificateOnToken()
    {
        QFETCH(QString, label);
        QFETCH(HpkiRole, role);
        QFETCH(QString, roleText);
        QFETCH(QString, romaji);
        QFETCH(QString, kanji);
        QFETCH(QList<HpkiProblem>, problems);
        QFETCH(bool, roleMissing);
        const auto t = token(label);
        QVERIFY(t);
        const QList<HpkiCardCertificate> certs = m_card.certificates(t->slotId);
        QCOMPARE(certs.size(), label == QLatin1String("hpki-doctor") ? 2 : 1); // doctor: auth + signing
        const auto auth = HpkiCard::authenticationCertificate(certs);
        QCOMPARE(!auth, label == QLatin1String("hpki-signonly"));
        const HpkiCertificate c = auth ? auth->certificate : certs.first().certificate;
        QCOMPARE(c.role(), role);
        QCOMPARE(c.roleText(), roleText);
        QCOMPARE(c.romajiName(), romaji);
        QCOMPARE(c.kanjiName(), kanji);
        QCOMPARE(c.kanjiOrganization(), QStringLiteral(u"架け橋テスト病院"));
        QCOMPARE(c.organization(), QStringLiteral("KAKEHASHI TEST HOSPITAL"));
        QVERIFY(c.holderSerialNumber().startsWith(QLatin1String("KKH")));
        const HpkiCheck check = checkForAuthentication(c, testAnchors());
        QCOMPARE(check.problems, problems);
        QCOMPARE(check.roleMissing, roleMissing);
        QCOMPARE(check.accepted(), problems.isEmpty());
        // The shipped MHLW/MEDIS anchors never accept the test CA's certificates.
        QVERIFY(checkForAuthentication(c, HpkiTrustAnchors::defaults()).problems.contains(HpkiProblem::ForeignIssuer));
    }

    void wrongPinIsRefused()
    {
        const auto t = token(QStringLiteral("hpki-doctor"));
        QVERIFY(t);
        QByteArray pin("000000");
        const HpkiCardError e = m_card.login(t->slotId, pin);
        QCOMPARE(e.code, HpkiCardError::Code::PinIncorrect);
        QVERIFY(pin.isEmpty()); // wiped
        QVERIFY(!m_card.isLoggedIn());
        QVERIFY(!e.message().isEmpty());
        HpkiTlsIdentity identity;
        QCOMPARE(m_card.tlsIdentity(HpkiCard::authenticationCertificate(m_card.certificates(t->slotId)).value(), &identity).code,
                 HpkiCardError::Code::NotLoggedIn);
        QVERIFY(identity.key.isNull());

        QByteArray empty;
        QCOMPARE(m_card.login(t->slotId, empty).code, HpkiCardError::Code::PinInvalid);
    }

    void pinStateFlags_data()
    {
        QTest::addColumn<quint64>("flags");
        QTest::addColumn<int>("state");
        QTest::newRow("none") << quint64(CKF_LOGIN_REQUIRED) << int(HpkiPinState::Ok);
        QTest::newRow("low") << quint64(CKF_USER_PIN_COUNT_LOW) << int(HpkiPinState::CountLow);
        QTest::newRow("final") << quint64(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY) << int(HpkiPinState::FinalTry);
        QTest::newRow("locked") << quint64(CKF_USER_PIN_LOCKED | CKF_USER_PIN_COUNT_LOW) << int(HpkiPinState::Locked);
    }
    void pinStateFlags()
    {
        QFETCH(quint64, flags);
        QFETCH(int, state);
        QCOMPARE(int(pinStateFromTokenFlags(flags)), state);
        HpkiCardError e;
        e.code = HpkiCardError::Code::PinIncorrect;
        e.pinState = HpkiPinState(state);
        HpkiCardError plain;
        plain.code = HpkiCardError::Code::PinIncorrect;
        const bool hinted = e.message().size() > plain.message().size();
        QCOMPARE(hinted, state != int(HpkiPinState::Ok));
    }

    void mutualTlsWithOnCardKey()
    {
        const auto t = token(QStringLiteral("hpki-doctor"));
        QVERIFY(t);
        QByteArray pin = UserPin;
        const HpkiCardError e = m_card.login(t->slotId, pin);
        QVERIFY2(e.ok(), qPrintable(e.detail));
        QVERIFY(pin.isEmpty());
        QCOMPARE(m_card.loggedInSlot(), std::optional<quint64>(t->slotId));

        const auto auth = HpkiCard::authenticationCertificate(m_card.certificates(t->slotId));
        QVERIFY(auth);
        HpkiTlsIdentity identity;
        const HpkiCardError ie = m_card.tlsIdentity(*auth, &identity);
        QVERIFY2(ie.ok(), qPrintable(ie.detail));
        QVERIFY(!identity.key.isNull());

        const Response r = get(identity.configuration(serverCa()));
        QCOMPARE(r.error, QNetworkReply::NoError);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains("CN=Taro Shiken"), r.body.constData());

        // The signing certificate is never offered as the TLS identity.
        QList<HpkiCardCertificate> all = m_card.certificates(t->slotId);
        for (const HpkiCardCertificate &c : all)
            if (c.certificate.isSigningOnly())
                QCOMPARE(m_card.tlsIdentity(c, &identity).code, HpkiCardError::Code::NoAuthenticationCertificate);
        QVERIFY(m_card.tlsIdentity(*auth, &identity).ok());
        QCOMPARE(get(identity.configuration(serverCa())).status, 200); // same handle still signs before logout
        m_card.logout();
        QVERIFY(!m_card.isLoggedIn());
        // Logging out ends the token's login state, so the key handle Qt still holds can no longer sign.
        const Response afterLogout = get(identity.configuration(serverCa()));
        QVERIFY(afterLogout.status != 200);
        QVERIFY(!afterLogout.body.contains("CN=Taro Shiken"));
    }

    void mutualTlsFailsWithoutOrWithForeignCertificate()
    {
        QSslConfiguration none = QSslConfiguration::defaultConfiguration();
        none.setCaCertificates(serverCa());
        const Response anonymous = get(none);
        QVERIFY(anonymous.status != 200);
        QVERIFY(!anonymous.body.contains("CN="));

        const auto t = token(QStringLiteral("hpki-foreign"));
        QVERIFY(t);
        QByteArray pin = UserPin;
        QVERIFY(m_card.login(t->slotId, pin).ok());
        HpkiTlsIdentity identity;
        QVERIFY(m_card.tlsIdentity(m_card.certificates(t->slotId).first(), &identity).ok());
        const Response foreign = get(identity.configuration(serverCa()));
        QVERIFY(foreign.status != 200);
        QVERIFY(!foreign.body.contains("CN=Yoso Mono"));
        m_card.logout();
    }

    void cacheKeyFromCard()
    {
        const QByteArray record = "record-cache";
        HpkiCardError error;
        const QByteArray doctor = cardCacheKey(m_card, QStringLiteral("hpki-doctor"), record, &error);
        QVERIFY2(error.ok(), qPrintable(error.detail));
        QCOMPARE(doctor.size(), HpkiCard::CacheKeyBytes);
        QVERIFY(!m_card.isLoggedIn());

        // Same card, a new login: the same key (PKCS#1 v1.5 is deterministic).
        QCOMPARE(cardCacheKey(m_card, QStringLiteral("hpki-doctor"), record), doctor);
        // Another program instance (its own module user and engine) gets it too.
        m_secondCard = std::make_unique<HpkiCard>();
        QVERIFY(m_secondCard->open(SoftHsmModule).ok());
        QCOMPARE(cardCacheKey(*m_secondCard, QStringLiteral("hpki-doctor"), record), doctor);
        // And it is exactly the documented derivation (so a restart, which shares nothing, gets it).
        QCOMPARE(expectedCacheKey(QStringLiteral("doctor"), record), doctor);

        // Another context, another key; another card, another key.
        const QByteArray image = cardCacheKey(m_card, QStringLiteral("hpki-doctor"), "image-cache");
        QCOMPARE(image.size(), HpkiCard::CacheKeyBytes);
        QVERIFY(image != doctor);
        QCOMPARE(expectedCacheKey(QStringLiteral("doctor"), "image-cache"), image);
        const QByteArray pharmacist = cardCacheKey(m_card, QStringLiteral("hpki-pharmacist"), record);
        QCOMPARE(pharmacist.size(), HpkiCard::CacheKeyBytes);
        QVERIFY(pharmacist != doctor);
        QCOMPARE(expectedCacheKey(QStringLiteral("pharmacist"), record), pharmacist);
    }

    void cacheKeyRefusals()
    {
        const auto t = token(QStringLiteral("hpki-doctor"));
        QVERIFY(t);
        const HpkiCardCertificate auth = *HpkiCard::authenticationCertificate(m_card.certificates(t->slotId));
        QByteArray key = "stale";
        QCOMPARE(m_card.deriveCacheKey(auth, "record-cache", &key).code, HpkiCardError::Code::NotLoggedIn);
        QVERIFY(key.isEmpty());

        QByteArray pin = UserPin;
        QVERIFY(m_card.login(t->slotId, pin).ok());
        for (const HpkiCardCertificate &c : m_card.certificates(t->slotId))
            if (c.certificate.isSigningOnly())
                QCOMPARE(m_card.deriveCacheKey(c, "record-cache", &key).code, HpkiCardError::Code::NoAuthenticationCertificate);

        // An ECDSA authentication key: signatures are randomised, so no stable key; the caller falls back.
        const QString ecKey = m_dir.filePath(QStringLiteral("ec.key.pem")), ecCert = m_dir.filePath(QStringLiteral("ec.cert.der"));
        QVERIFY(run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                                                QStringLiteral("-keyout"), ecKey, QStringLiteral("-outform"), QStringLiteral("DER"),
                                                QStringLiteral("-out"), ecCert, QStringLiteral("-days"), QStringLiteral("2"),
                                                QStringLiteral("-subj"), QStringLiteral("/CN=EC holder"),
                                                QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,digitalSignature")}));
        QFile der(ecCert);
        QVERIFY(der.open(QIODevice::ReadOnly));
        HpkiCardCertificate ec{t->slotId, QByteArray("\x01", 1), QStringLiteral("EC"), HpkiCertificate::fromData(der.readAll())};
        QVERIFY(!ec.certificate.isNull());
        QVERIFY(ec.certificate.canAuthenticate());
        const HpkiCardError e = m_card.deriveCacheKey(ec, "record-cache", &key);
        QCOMPARE(e.code, HpkiCardError::Code::KeyNotDeterministic);
        QVERIFY(!e.message().isEmpty());
        QVERIFY(key.isEmpty());
        m_card.logout();
    }

    void privateKeyNeverLeavesTheToken()
    {
        const auto t = token(QStringLiteral("hpki-doctor"));
        QVERIFY(t);
        // 1. The engine key Qt holds carries no private exponent.
        QByteArray pin = UserPin;
        QVERIFY(m_card.login(t->slotId, pin).ok());
        HpkiTlsIdentity identity;
        QVERIFY(m_card.tlsIdentity(*HpkiCard::authenticationCertificate(m_card.certificates(t->slotId)), &identity).ok());
        QFile keyFile(pki(QStringLiteral("doctor.key.pem")));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QByteArray keyPem = keyFile.readAll();
        BIO *bio = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
        EVP_PKEY *original = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        QVERIFY(original);
        BIGNUM *dValue = nullptr;
        QVERIFY(EVP_PKEY_get_bn_param(original, OSSL_PKEY_PARAM_RSA_D, &dValue));
        QByteArray d(BN_num_bytes(dValue), Qt::Uninitialized);
        BN_bn2bin(dValue, reinterpret_cast<unsigned char *>(d.data()));
        BN_free(dValue);
        EVP_PKEY_free(original);
        QVERIFY(d.size() > 200);
        QVERIFY(!identity.key.toDer().contains(d));
        QVERIFY(!identity.key.toPem().contains(d.toBase64().left(40)));
        identity = HpkiTlsIdentity();
        m_card.logout();

        // 2. The token itself refuses to reveal the key (sensitive, not extractable).
        void *lib = dlopen(QFile::encodeName(SoftHsmModule).constData(), RTLD_NOW | RTLD_LOCAL);
        QVERIFY(lib);
        auto getList = reinterpret_cast<CK_C_GetFunctionList>(dlsym(lib, "C_GetFunctionList"));
        CK_FUNCTION_LIST_PTR p11 = nullptr;
        QCOMPARE(getList(&p11), CKR_OK);
        // Already initialised by m_card in this process.
        CK_SESSION_HANDLE s = CK_INVALID_HANDLE;
        QCOMPARE(p11->C_OpenSession(t->slotId, CKF_SERIAL_SESSION, nullptr, nullptr, &s), CKR_OK);
        QCOMPARE(p11->C_Login(s, CKU_USER, reinterpret_cast<CK_UTF8CHAR_PTR>(const_cast<char *>(UserPin.constData())), CK_ULONG(UserPin.size())), CKR_OK);
        CK_OBJECT_CLASS cls = CKO_PRIVATE_KEY;
        CK_ATTRIBUTE tmpl{CKA_CLASS, &cls, sizeof cls};
        QCOMPARE(p11->C_FindObjectsInit(s, &tmpl, 1), CKR_OK);
        CK_OBJECT_HANDLE keys[8];
        CK_ULONG found = 0;
        QCOMPARE(p11->C_FindObjects(s, keys, 8, &found), CKR_OK);
        p11->C_FindObjectsFinal(s);
        QCOMPARE(found, CK_ULONG(2));
        for (CK_ULONG i = 0; i < found; ++i) {
            CK_BBOOL sensitive = CK_FALSE, extractable = CK_TRUE;
            CK_ATTRIBUTE flags[2] = {{CKA_SENSITIVE, &sensitive, sizeof sensitive}, {CKA_EXTRACTABLE, &extractable, sizeof extractable}};
            QCOMPARE(p11->C_GetAttributeValue(s, keys[i], flags, 2), CKR_OK);
            QCOMPARE(sensitive, CK_BBOOL(CK_TRUE));
            unsigned char buffer[1024];
            CK_ATTRIBUTE secret{CKA_PRIVATE_EXPONENT, buffer, sizeof buffer};
            QCOMPARE(p11->C_GetAttributeValue(s, keys[i], &secret, 1), CKR_ATTRIBUTE_SENSITIVE);
            QCOMPARE(secret.ulValueLen, CK_UNAVAILABLE_INFORMATION);
        }
        p11->C_Logout(s);
        p11->C_CloseSession(s);
    }

    void defaultModuleIsTheP11KitProxy()
    {
        QCOMPARE(HpkiCard::defaultModulePath(), QStringLiteral("/usr/lib/x86_64-linux-gnu/p11-kit-proxy.so"));
        if (!QFile::exists(HpkiCard::defaultModulePath()) || !QFile::exists(QStringLiteral("/usr/share/p11-kit/modules/softhsm2.module")))
            QSKIP("p11-kit proxy or its softhsm2 registration not installed");
        HpkiCard proxied;
        QVERIFY(proxied.open().ok());
        std::optional<HpkiToken> doctor;
        for (const HpkiToken &t : proxied.tokens())
            if (t.label == QLatin1String("hpki-doctor"))
                doctor = t;
        QVERIFY(doctor);
        QByteArray pin = UserPin;
        const HpkiCardError e = proxied.login(doctor->slotId, pin);
        QVERIFY2(e.ok(), qPrintable(e.detail));
        HpkiTlsIdentity identity;
        const HpkiCardError ie = proxied.tlsIdentity(*HpkiCard::authenticationCertificate(proxied.certificates(doctor->slotId)), &identity);
        QVERIFY2(ie.ok(), qPrintable(ie.detail));
        const Response r = get(identity.configuration(serverCa()));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("CN=Taro Shiken"));
        proxied.logout();
    }

    // Last: deletes a token.
    void tokenRemovalDuringSession()
    {
        const auto t = token(QStringLiteral("hpki-pharmacist"));
        QVERIFY(t);
        QByteArray pin = UserPin;
        QVERIFY(m_card.login(t->slotId, pin).ok());
        HpkiTlsIdentity held;
        QVERIFY(m_card.tlsIdentity(*HpkiCard::authenticationCertificate(m_card.certificates(t->slotId)), &held).ok());
        QCOMPARE(get(held.configuration(serverCa())).status, 200);
        QSignalSpy removed(&m_card, &HpkiCard::tokenRemoved);
        QVERIFY(m_card.checkPresence());
        QCOMPARE(removed.count(), 0);

        QVERIFY(run(QStringLiteral("softhsm2-util"), {QStringLiteral("--delete-token"), QStringLiteral("--token"), QStringLiteral("hpki-pharmacist")}));
        m_card.setPresencePollInterval(100);
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 5000);
        QVERIFY(!m_card.isLoggedIn());
        HpkiTlsIdentity identity;
        QCOMPARE(m_card.tlsIdentity(HpkiCardCertificate{t->slotId, QByteArray("\x01", 1), {}, {}}, &identity).code,
                 HpkiCardError::Code::TokenRemoved);
        QCOMPARE(removed.count(), 1); // reported once
        QVERIFY(get(held.configuration(serverCa())).status != 200); // the key went with the card
    }
};

QTEST_GUILESS_MAIN(TestHpkiCard)
#include "tst_hpkicard.moc"
