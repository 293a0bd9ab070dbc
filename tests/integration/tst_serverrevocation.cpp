// The servers' own certificate status (issue 10, certificates): FhirClient (the sharing service)
// and DicomWebSource (a PACS) ask for the server's stapled OCSP response on every connection, by one
// rule (net/serverstatus.h). A real nginx staples real OCSP responses
// (made with `openssl ocsp` by a test CA, ssl_stapling_file): "revoked" refuses the connection with
// its own message; "good" and nothing stapled connect (without must-staple a server can always send
// nothing: then the chain checks alone decide, which the "revoked, nothing stapled" row shows); a
// must-staple certificate (TLS Feature extension listing status_request) with nothing stapled is refused
// with its own message; one whose TLS Feature lists another feature only connects. Skips without nginx or
// openssl.
#include "dicom/retrieve/dicomwebsource.h"
#include "net/fhirclient.h"
#include "net/serverstatus.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Kakehashi;
using Net::FhirError;

namespace {

quint16 freePort()
{
    QTcpServer s;
    return s.listen(QHostAddress::LocalHost, 0) ? s.serverPort() : 0;
}

} // namespace

class TestServerRevocation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void serverStatus_data();
    void serverStatus();
    void pacsStatus_data();
    void pacsStatus();
    void tlsFeatureValues_data();
    void tlsFeatureValues();

private:
    bool openssl(const QStringList &args);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_openssl;
    QProcess m_nginx;
    QHash<QString, quint16> m_ports; // by server name
};

bool TestServerRevocation::openssl(const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(m_openssl, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning() << "openssl" << args.first() << "failed:" << p.readAllStandardError();
        return false;
    }
    return true;
}

void TestServerRevocation::initTestCase()
{
    m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    const QString nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    if (m_openssl.isEmpty() || nginx.isEmpty())
        QSKIP("openssl or nginx is not installed");
    QVERIFY(m_dir.isValid());
    // A CA (its own OCSP signer), two server certificates for 127.0.0.1, one of them revoked, and
    // an OCSP response for each as of now.
    QFile cnf(path(QStringLiteral("ca.cnf")));
    QVERIFY(cnf.open(QIODevice::WriteOnly));
    cnf.write("[ca]\ndefault_ca=test\n[test]\ndir=.\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\n"
              "policy=any\ndefault_days=30\nunique_subject=no\n[any]\ncommonName=supplied\n"
              "[server]\nbasicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\n"
              "[muststaple]\nbasicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\ntlsfeature=status_request\n"
              "[otherfeature]\nbasicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\ntlsfeature=status_request_v2\n");
    cnf.close();
    QFile(path(QStringLiteral("index.txt"))).open(QIODevice::WriteOnly);
    QFile serial(path(QStringLiteral("serial")));
    QVERIFY(serial.open(QIODevice::WriteOnly));
    serial.write("01\n");
    serial.close();
    QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"), QStringLiteral("ca.crt"), QStringLiteral("-subj"),
                     QStringLiteral("/CN=Kakehashi test service CA"), QStringLiteral("-days"), QStringLiteral("30")}));
    for (const QString &name : {QStringLiteral("good"), QStringLiteral("revoked"), QStringLiteral("muststaple"), QStringLiteral("otherfeature")}) {
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                         name + QStringLiteral(".key"), QStringLiteral("-out"), name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                         QStringLiteral("/CN=127.0.0.1")}));
        QVERIFY(openssl({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"), QStringLiteral("ca.cnf"), QStringLiteral("-cert"),
                         QStringLiteral("ca.crt"), QStringLiteral("-keyfile"), QStringLiteral("ca.key"), QStringLiteral("-in"), name + QStringLiteral(".csr"),
                         QStringLiteral("-out"), name + QStringLiteral(".crt"), QStringLiteral("-extensions"),
                         name == u"muststaple" || name == u"otherfeature" ? name : QStringLiteral("server")}));
    }
    QVERIFY(openssl({QStringLiteral("ca"), QStringLiteral("-config"), QStringLiteral("ca.cnf"), QStringLiteral("-cert"), QStringLiteral("ca.crt"),
                     QStringLiteral("-keyfile"), QStringLiteral("ca.key"), QStringLiteral("-revoke"), QStringLiteral("revoked.crt")}));
    for (const QString &name : {QStringLiteral("good"), QStringLiteral("revoked"), QStringLiteral("muststaple"), QStringLiteral("otherfeature")}) {
        QVERIFY(openssl({QStringLiteral("ocsp"), QStringLiteral("-index"), QStringLiteral("index.txt"), QStringLiteral("-rsigner"), QStringLiteral("ca.crt"),
                         QStringLiteral("-rkey"), QStringLiteral("ca.key"), QStringLiteral("-CA"), QStringLiteral("ca.crt"), QStringLiteral("-issuer"),
                         QStringLiteral("ca.crt"), QStringLiteral("-cert"), name + QStringLiteral(".crt"), QStringLiteral("-respout"),
                         name + QStringLiteral(".ocsp"), QStringLiteral("-ndays"), QStringLiteral("2")}));
        // The chain the server sends: its certificate, then the CA (the OCSP signer's issuer).
        QFile leaf(path(name + QStringLiteral(".crt"))), ca(path(QStringLiteral("ca.crt"))), chain(path(name + QStringLiteral("-chain.crt")));
        QVERIFY(leaf.open(QIODevice::ReadOnly) && ca.open(QIODevice::ReadOnly) && chain.open(QIODevice::WriteOnly));
        chain.write(leaf.readAll() + ca.readAll());
    }

    // One nginx, four servers: each certificate with its status stapled, and each with nothing.
    QDir(m_dir.path()).mkpath(QStringLiteral("nginx/logs"));
    QDir(m_dir.path()).mkpath(QStringLiteral("nginx/tmp"));
    const QString tmp = path(QStringLiteral("nginx/tmp"));
    QByteArray servers;
    for (const QString &name : {QStringLiteral("good"), QStringLiteral("revoked"), QStringLiteral("muststaple"), QStringLiteral("otherfeature")}) {
        for (const bool stapled : {true, false}) {
            const QString server = name + (stapled ? QStringLiteral("-stapled") : QStringLiteral("-plain"));
            const quint16 port = freePort();
            QVERIFY(port != 0);
            m_ports.insert(server, port);
            servers += QStringLiteral("server { listen 127.0.0.1:%1 ssl; ssl_certificate %2; ssl_certificate_key %3; %4\n"
                                      "  location /dicom-web/ { default_type application/dicom+json; return 200 '[]'; }\n"
                                      "  location / { default_type application/fhir+json; return 200 "
                                      "'{\"resourceType\":\"CapabilityStatement\",\"status\":\"active\",\"kind\":\"instance\",\"fhirVersion\":\"4.0.1\",\"format\":[\"json\"]}'; } }\n")
                           .arg(port)
                           .arg(path(name + QStringLiteral("-chain.crt")), path(name + QStringLiteral(".key")),
                                stapled ? QStringLiteral("ssl_stapling on; ssl_stapling_file %1;").arg(path(name + QStringLiteral(".ocsp"))) : QString())
                           .toUtf8();
        }
    }
    QFile conf(path(QStringLiteral("nginx/nginx.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write(QStringLiteral("daemon off; worker_processes 1; pid %1; error_log %2 warn;\nevents {}\nhttp { access_log off; "
                              "client_body_temp_path %3; proxy_temp_path %3; fastcgi_temp_path %3; uwsgi_temp_path %3; scgi_temp_path %3;\n")
                   .arg(path(QStringLiteral("nginx/nginx.pid")), path(QStringLiteral("nginx/logs/error.log")), tmp)
                   .toUtf8()
               + servers + "}\n");
    conf.close();
    m_nginx.setProcessChannelMode(QProcess::ForwardedChannels);
    m_nginx.start(nginx, {QStringLiteral("-c"), conf.fileName(), QStringLiteral("-p"), path(QStringLiteral("nginx")), QStringLiteral("-e"),
                          path(QStringLiteral("nginx/logs/error.log"))});
    QVERIFY(m_nginx.waitForStarted(5000));
    for (const quint16 port : std::as_const(m_ports)) {
        bool up = false;
        for (int i = 0; i < 100 && !up; ++i) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, port);
            up = s.waitForConnected(100);
            if (!up)
                QTest::qWait(100);
        }
        QVERIFY2(up, "nginx did not start listening");
    }
}

void TestServerRevocation::cleanupTestCase()
{
    if (m_nginx.state() == QProcess::NotRunning)
        return;
    m_nginx.terminate();
    if (!m_nginx.waitForFinished(5000)) {
        m_nginx.kill();
        m_nginx.waitForFinished(2000);
    }
}

void TestServerRevocation::serverStatus_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<int>("expected"); // FhirError::Kind
    QTest::newRow("good status stapled") << "good-stapled" << int(FhirError::Kind::None);
    QTest::newRow("revoked status stapled") << "revoked-stapled" << int(FhirError::Kind::TlsRevoked);
    QTest::newRow("nothing stapled") << "good-plain" << int(FhirError::Kind::None);
    // The limit of stapling without must-staple: a revoked server that sends no status is not found out.
    QTest::newRow("revoked, nothing stapled") << "revoked-plain" << int(FhirError::Kind::None);
    // A must-staple certificate (TLS Feature status_request) promises a status: without one, no connection.
    QTest::newRow("must-staple, good status stapled") << "muststaple-stapled" << int(FhirError::Kind::None);
    QTest::newRow("must-staple, nothing stapled") << "muststaple-plain" << int(FhirError::Kind::TlsStatusMissing);
    // A TLS Feature that lists another feature only (status_request_v2) promises no stapled status.
    QTest::newRow("other TLS feature, nothing stapled") << "otherfeature-plain" << int(FhirError::Kind::None);
}

void TestServerRevocation::serverStatus()
{
    QFETCH(QString, server);
    QFETCH(int, expected);
    Net::ConnectionProfile profile = Net::ConnectionProfile::fromUrl(QUrl(QStringLiteral("https://127.0.0.1:%1/fhir").arg(m_ports.value(server))));
    profile.trustAnchorFiles = {path(QStringLiteral("ca.crt"))};
    Net::FhirClient client(profile);
    Net::FhirOperation *op = client.fetchCapabilities({});
    FhirError error;
    int pages = 0;
    bool finished = false;
    QEventLoop loop;
    QObject::connect(op, &Net::FhirOperation::pageReceived, &loop, [&pages] { ++pages; });
    QObject::connect(op, &Net::FhirOperation::finished, &loop, [&](const FhirError &e) {
        error = e;
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY(finished);
    QCOMPARE(int(error.kind), expected);
    if (error.kind == FhirError::Kind::TlsRevoked) {
        QCOMPARE(pages, 0);
        QVERIFY2(error.message().contains(QStringLiteral("revoked")), qPrintable(error.message()));
        QCOMPARE(FhirError::kindKey(error.kind), QStringLiteral("tls-revoked"));
    } else if (error.kind == FhirError::Kind::TlsStatusMissing) {
        // Its own message, not the generic "certificate or card problem".
        QCOMPARE(pages, 0);
        QVERIFY2(error.message().contains(QStringLiteral("must-staple")), qPrintable(error.message()));
        FhirError generic;
        generic.kind = FhirError::Kind::Tls;
        QVERIFY(error.message() != generic.message());
        QCOMPARE(FhirError::kindKey(error.kind), QStringLiteral("tls-status-missing"));
    } else {
        QCOMPARE(pages, 1);
    }
}

void TestServerRevocation::pacsStatus_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<int>("expected"); // Dicom::ImageSourceError
    using Dicom::ImageSourceError;
    QTest::newRow("good status stapled") << "good-stapled" << int(ImageSourceError::None);
    QTest::newRow("revoked status stapled") << "revoked-stapled" << int(ImageSourceError::ServerRevoked);
    QTest::newRow("nothing stapled") << "good-plain" << int(ImageSourceError::None);
    QTest::newRow("revoked, nothing stapled") << "revoked-plain" << int(ImageSourceError::None);
    QTest::newRow("must-staple, good status stapled") << "muststaple-stapled" << int(ImageSourceError::None);
    QTest::newRow("must-staple, nothing stapled") << "muststaple-plain" << int(ImageSourceError::ServerStatusMissing);
    QTest::newRow("other TLS feature, nothing stapled") << "otherfeature-plain" << int(ImageSourceError::None);
}

// The same servers as a PACS: a QIDO-RS study query over DICOMweb.
void TestServerRevocation::pacsStatus()
{
    QFETCH(QString, server);
    QFETCH(int, expected);
    Dicom::DicomWebOptions options;
    options.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1/dicom-web").arg(m_ports.value(server)));
    options.sslConfiguration.setCaCertificates(QSslCertificate::fromPath(path(QStringLiteral("ca.crt"))));
    QVERIFY(!options.sslConfiguration.caCertificates().isEmpty());
    Dicom::DicomWebSource source(options);
    Dicom::StudyQuery query;
    query.patientId = QStringLiteral("P1");
    QFutureWatcher<Dicom::StudyQueryResult> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<Dicom::StudyQueryResult>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(source.findStudies(query, {}));
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    if (!watcher.isFinished())
        loop.exec();
    QVERIFY(watcher.isFinished());
    const Dicom::StudyQueryResult result = watcher.result();
    QCOMPARE(int(result.status.error), expected);
    QVERIFY(result.items.isEmpty());
}

// The TLS Feature value as Qt may hand it on: OpenSSL's names, or the DER itself. Unreadable counts
// as must-staple (refusing is the safe side).
void TestServerRevocation::tlsFeatureValues_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("mustStaple");
    QTest::newRow("DER status_request") << QVariant(QByteArray::fromHex("3003020105")) << true;
    QTest::newRow("DER status_request_v2 only") << QVariant(QByteArray::fromHex("3003020111")) << false;
    QTest::newRow("DER both") << QVariant(QByteArray::fromHex("3006020111020105")) << true;
    QTest::newRow("DER empty list") << QVariant(QByteArray::fromHex("3000")) << false;
    QTest::newRow("DER truncated") << QVariant(QByteArray::fromHex("30050201")) << true;
    QTest::newRow("DER not a sequence") << QVariant(QByteArray::fromHex("0201050000")) << true;
    QTest::newRow("name") << QVariant(QStringLiteral("status_request")) << true;
    QTest::newRow("other name") << QVariant(QStringLiteral("status_request_v2")) << false;
    QTest::newRow("list of names") << QVariant(QVariantList{QStringLiteral("status_request_v2"), QStringLiteral("status_request")}) << true;
    QTest::newRow("unreadable") << QVariant(42) << true;
}

void TestServerRevocation::tlsFeatureValues()
{
    QFETCH(QVariant, value);
    QFETCH(bool, mustStaple);
    QCOMPARE(Net::tlsFeatureListsStatusRequest(value), mustStaple);
}

QTEST_GUILESS_MAIN(TestServerRevocation)
#include "tst_serverrevocation.moc"
