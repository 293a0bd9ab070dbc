// DICOMweb (QIDO-RS, WADO-RS) and DIMSE (C-ECHO, C-FIND, C-GET, C-MOVE) against a real Orthanc
// started on free loopback ports, loaded with synthetic series written here.
#include "dicom/retrieve/dicomwebsource.h"
#include "dicom/retrieve/dimsesource.h"
#include "pacsfixtures.h"
#include "net/purposeofuse.h"
#include "retrievaltestsupport.h"
#include "syntheticseries.h"
#include "../testsupport.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace Kakehashi::Dicom;
using namespace Kakehashi::Fixtures;

namespace {
const QString kJapaneseName = QStringLiteral("山田^太郎=やまだ^たろう");
}

class TestOrthancRetrieval : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void qidoStudies_data();
    void qidoStudies();
    void qidoSeriesAndInstances();
    void wadoRetrieveGivesSamePixels();
    void wadoMetadata();
    void wadoUnknownSeriesIsNotFound();
    void wadoTimeoutOnSilentServer();
    void wadoCancelMidRetrieve();
    void purposeHeadersAreSent();

    void echo();
    void cFindStudies_data();
    void cFindStudies();
    void cFindSeries();
    void dimseRetrieve_data();
    void dimseRetrieve();
    void dimseTimeoutOnSilentServer();
    void dimseCancelMidRetrieve();

    void factoryChoosesBackEnd();

private:
    DimseProfile profile(DimseProfile::Retrieve retrieve) const;
    DicomWebOptions webOptions() const
    {
        DicomWebOptions o;
        o.baseUrl = m_orthanc.dicomWebBase();
        return o;
    }

    QTemporaryDir m_work;
    OrthancFixture m_orthanc;
    SyntheticSeries m_ct;
    SyntheticSeries m_japanese;
    quint16 m_movePort = 0;
};

void TestOrthancRetrieval::initTestCase()
{
    QString why;
    if (!OrthancFixture::isAvailable(&why))
        QSKIP(qPrintable(why));
    QVERIFY(m_work.isValid());
    SyntheticSeriesSpec ct;
    ct.slices = 6;
    ct.seed = 11;
    m_ct = writeSyntheticCtSeries(m_work.filePath(QStringLiteral("ct")), ct);
    QVERIFY2(m_ct.ok(), qPrintable(m_ct.errorString));
    SyntheticSeriesSpec jp;
    jp.slices = 2;
    jp.seed = 12;
    jp.patientName = kJapaneseName;
    jp.patientId = QStringLiteral("KK-JP-0002");
    jp.specificCharacterSet = QStringLiteral("ISO_IR 192");
    m_japanese = writeSyntheticCtSeries(m_work.filePath(QStringLiteral("jp")), jp);
    QVERIFY2(m_japanese.ok(), qPrintable(m_japanese.errorString));

    m_movePort = freeLoopbackPort();
    OrthancFixture::Options options;
    options.moveDestinationPort = m_movePort;
    QVERIFY2(m_orthanc.start(options, &why), qPrintable(why));
    QVERIFY2(m_orthanc.upload(m_ct.files + m_japanese.files, &why), qPrintable(why));
}

void TestOrthancRetrieval::cleanupTestCase()
{
    m_orthanc.stop();
}

DimseProfile TestOrthancRetrieval::profile(DimseProfile::Retrieve retrieve) const
{
    return loopbackDimseProfile(m_orthanc.aeTitle(), m_orthanc.dicomPort(), retrieve, m_movePort);
}

void TestOrthancRetrieval::qidoStudies_data()
{
    QTest::addColumn<QString>("patientId");
    QTest::addColumn<int>("expectedCount");
    QTest::addColumn<QString>("expectedStudy"); // "ct", "jp" or empty
    QTest::newRow("all") << QString() << 2 << QString();
    QTest::newRow("by patient id") << QStringLiteral("KK-0001") << 1 << QStringLiteral("ct");
    QTest::newRow("japanese patient by id") << QStringLiteral("KK-JP-0002") << 1 << QStringLiteral("jp");
    QTest::newRow("no match") << QStringLiteral("NOBODY") << 0 << QString();
}

void TestOrthancRetrieval::qidoStudies()
{
    QFETCH(QString, patientId);
    QFETCH(int, expectedCount);
    QFETCH(QString, expectedStudy);
    DicomWebSource source(webOptions());
    StudyQuery query;
    query.patientId = patientId;
    const auto future = source.findStudies(query);
    QVERIFY(waitFor(future, 15000));
    const StudyQueryResult r = future.result();
    QVERIFY2(r.ok(), qPrintable(r.status.errorString));
    QCOMPARE(r.items.size(), expectedCount);
    if (expectedStudy == u"ct") {
        QCOMPARE(r.items.first().studyInstanceUid, m_ct.studyInstanceUid);
        QCOMPARE(r.items.first().patientName, QStringLiteral("TEST^SERIES"));
        QCOMPARE(r.items.first().numberOfSeries, 1);
        QCOMPARE(r.items.first().numberOfInstances, 6);
        QCOMPARE(r.items.first().modalitiesInStudy, QStringList{QStringLiteral("CT")});
    } else if (expectedStudy == u"jp") {
        QCOMPARE(r.items.first().studyInstanceUid, m_japanese.studyInstanceUid);
        QCOMPARE(r.items.first().patientName, kJapaneseName);
    }
}

void TestOrthancRetrieval::qidoSeriesAndInstances()
{
    DicomWebSource source(webOptions());
    const auto series = source.findSeries(m_ct.studyInstanceUid);
    QVERIFY(waitFor(series, 15000));
    QVERIFY2(series.result().ok(), qPrintable(series.result().status.errorString));
    QCOMPARE(series.result().items.size(), 1);
    QCOMPARE(series.result().items.first().seriesInstanceUid, m_ct.seriesInstanceUid);
    QCOMPARE(series.result().items.first().modality, QStringLiteral("CT"));
    QCOMPARE(series.result().items.first().numberOfInstances, 6);

    const auto instances = source.findInstances({m_ct.studyInstanceUid, m_ct.seriesInstanceUid});
    QVERIFY(waitFor(instances, 15000));
    QVERIFY2(instances.result().ok(), qPrintable(instances.result().status.errorString));
    QSet<QString> sops;
    for (const InstanceRecord &i : instances.result().items) {
        sops.insert(i.sopInstanceUid);
        QCOMPARE(i.rows, 64);
    }
    QCOMPARE(sops, QSet<QString>(m_ct.sopInstanceUids.cbegin(), m_ct.sopInstanceUids.cend()));
}

void TestOrthancRetrieval::wadoRetrieveGivesSamePixels()
{
    DicomWebSource source(webOptions());
    QTemporaryDir target;
    RetrieveRequest request;
    request.series = {m_ct.studyInstanceUid, m_ct.seriesInstanceUid};
    request.targetDir = target.path();
    int seen = 0;
    request.onInstance = [&seen](const RetrievedInstance &) { ++seen; };
    const auto future = source.retrieveInstances(request);
    QVERIFY(waitFor(future, 30000));
    const RetrieveResult r = future.result();
    QVERIFY2(r.ok(), qPrintable(r.status.errorString));
    QCOMPARE(seen, m_ct.files.size());
    QString why;
    QVERIFY2(sameSeries(r.items, m_ct.sopInstanceUids, m_ct.files, &why), qPrintable(why));
}

void TestOrthancRetrieval::wadoMetadata()
{
    DicomWebSource source(webOptions());
    const auto future = source.retrieveSeriesMetadata({m_japanese.studyInstanceUid, m_japanese.seriesInstanceUid});
    QVERIFY(waitFor(future, 15000));
    const MetadataResult r = future.result();
    QVERIFY2(r.ok(), qPrintable(r.status.errorString));
    QCOMPARE(r.items.size(), 2);
    QSet<QString> sops;
    for (const InstanceMetadata &m : r.items) {
        sops.insert(m.instance.sopInstanceUid);
        QCOMPARE(m.patientName, kJapaneseName);
        QCOMPARE(m.instance.sopClassUid, QStringLiteral("1.2.840.10008.5.1.4.1.1.2"));
        QVERIFY(m.dataset.contains(QStringLiteral("00280030"))); // Pixel Spacing
    }
    QCOMPARE(sops, QSet<QString>(m_japanese.sopInstanceUids.cbegin(), m_japanese.sopInstanceUids.cend()));
}

void TestOrthancRetrieval::wadoUnknownSeriesIsNotFound()
{
    DicomWebSource source(webOptions());
    QTemporaryDir target;
    RetrieveRequest request;
    request.series = {m_ct.studyInstanceUid, QStringLiteral("1.2.3.4.5.404")};
    request.targetDir = target.path();
    const auto future = source.retrieveInstances(request);
    QVERIFY(waitFor(future, 15000));
    QCOMPARE(future.result().status.error, ImageSourceError::NotFound);
    QCOMPARE(future.result().status.httpStatus, 404);
    QVERIFY(future.result().items.isEmpty());
}

void TestOrthancRetrieval::wadoTimeoutOnSilentServer()
{
    QTcpServer silent; // accepts TCP (kernel backlog) and never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    DicomWebOptions options;
    options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(silent.serverPort()));
    options.transferTimeoutMs = 1000;
    DicomWebSource source(options);
    QElapsedTimer clock;
    clock.start();
    const auto future = source.findStudies({});
    QVERIFY(waitFor(future, 10000));
    QCOMPARE(future.result().status.error, ImageSourceError::Timeout);
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
}

void TestOrthancRetrieval::wadoCancelMidRetrieve()
{
    DicomWebSource source(webOptions());
    QTemporaryDir target;
    CancelToken cancel;
    RetrieveRequest request;
    request.series = {m_ct.studyInstanceUid, m_ct.seriesInstanceUid};
    request.targetDir = target.path();
    request.onInstance = [cancel](const RetrievedInstance &) { cancel.cancel(); };
    const auto future = source.retrieveInstances(request, cancel);
    QVERIFY(waitFor(future, 15000));
    QCOMPARE(future.result().status.error, ImageSourceError::Cancelled);
    QCOMPARE(future.result().items.size(), 1);
}

void TestOrthancRetrieval::purposeHeadersAreSent()
{
    // A one-shot HTTP server that records the request headers.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QByteArray received;
    connect(&server, &QTcpServer::newConnection, this, [&server, &received] {
        QTcpSocket *s = server.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, s, [s, &received] {
            received += s->readAll();
            if (received.contains("\r\n\r\n")) {
                s->write("HTTP/1.1 200 OK\r\nContent-Type: application/dicom+json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]");
                s->disconnectFromHost();
            }
        });
    });
    DicomWebOptions options;
    options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(server.serverPort()));
    options.extraHeaders = Kakehashi::Net::purposeHeaders({Kakehashi::Net::PurposeOfUse::Reason::EmergencyTreatment, QStringLiteral("意識障害")});
    DicomWebSource source(options);
    const auto future = source.findStudies({});
    QVERIFY(waitFor(future, 10000));
    QVERIFY2(future.result().ok(), qPrintable(future.result().status.errorString));
    QVERIFY(future.result().items.isEmpty());
    const QByteArray lower = received.toLower();
    QVERIFY2(lower.contains("x-purpose-of-use: etreat"), received.constData());
    QVERIFY(received.contains(QUrl::toPercentEncoding(QStringLiteral("意識障害"))));
    QVERIFY(lower.contains("accept: application/dicom+json"));
}

void TestOrthancRetrieval::echo()
{
    DimseSource source(profile(DimseProfile::Retrieve::CGet));
    const auto future = source.echo();
    QVERIFY(waitFor(future, 15000));
    QVERIFY2(future.result().ok(), qPrintable(future.result().status.errorString));
}

void TestOrthancRetrieval::cFindStudies_data()
{
    QTest::addColumn<QString>("patientName");
    QTest::addColumn<QString>("patientId");
    QTest::addColumn<QStringList>("expectedStudies"); // "ct", "jp"
    QTest::newRow("everything") << QString() << QString() << QStringList{QStringLiteral("ct"), QStringLiteral("jp")};
    QTest::newRow("ascii name") << QStringLiteral("TEST^SERIES") << QString() << QStringList{QStringLiteral("ct")};
    QTest::newRow("ascii wildcard") << QStringLiteral("TEST*") << QString() << QStringList{QStringLiteral("ct")};
    QTest::newRow("japanese name") << kJapaneseName << QString() << QStringList{QStringLiteral("jp")};
    QTest::newRow("japanese wildcard") << QStringLiteral("山田*") << QString() << QStringList{QStringLiteral("jp")};
    QTest::newRow("patient id") << QString() << QStringLiteral("KK-JP-0002") << QStringList{QStringLiteral("jp")};
    QTest::newRow("no match") << QStringLiteral("NOBODY") << QString() << QStringList{};
}

void TestOrthancRetrieval::cFindStudies()
{
    QFETCH(QString, patientName);
    QFETCH(QString, patientId);
    QFETCH(QStringList, expectedStudies);
    DimseSource source(profile(DimseProfile::Retrieve::CGet));
    StudyQuery query;
    query.patientName = patientName;
    query.patientId = patientId;
    const auto future = source.findStudies(query);
    QVERIFY(waitFor(future, 15000));
    const StudyQueryResult r = future.result();
    QVERIFY2(r.ok(), qPrintable(r.status.errorString));
    QSet<QString> got;
    for (const StudyRecord &s : r.items) {
        got.insert(s.studyInstanceUid);
        if (s.studyInstanceUid == m_japanese.studyInstanceUid)
            QCOMPARE(s.patientName, kJapaneseName);
        if (s.studyInstanceUid == m_ct.studyInstanceUid)
            QCOMPARE(s.patientName, QStringLiteral("TEST^SERIES"));
    }
    QSet<QString> expected;
    for (const QString &e : expectedStudies)
        expected.insert(e == u"ct" ? m_ct.studyInstanceUid : m_japanese.studyInstanceUid);
    QCOMPARE(got, expected);
}

void TestOrthancRetrieval::cFindSeries()
{
    DimseSource source(profile(DimseProfile::Retrieve::CGet));
    const auto series = source.findSeries(m_ct.studyInstanceUid);
    QVERIFY(waitFor(series, 15000));
    QVERIFY2(series.result().ok(), qPrintable(series.result().status.errorString));
    QCOMPARE(series.result().items.size(), 1);
    QCOMPARE(series.result().items.first().seriesInstanceUid, m_ct.seriesInstanceUid);
    QCOMPARE(series.result().items.first().modality, QStringLiteral("CT"));

    const auto instances = source.findInstances({m_ct.studyInstanceUid, m_ct.seriesInstanceUid});
    QVERIFY(waitFor(instances, 15000));
    QVERIFY2(instances.result().ok(), qPrintable(instances.result().status.errorString));
    QCOMPARE(instances.result().items.size(), m_ct.files.size());
}

void TestOrthancRetrieval::dimseRetrieve_data()
{
    QTest::addColumn<bool>("move");
    QTest::newRow("C-GET") << false;
    QTest::newRow("C-MOVE") << true;
}

void TestOrthancRetrieval::dimseRetrieve()
{
    QFETCH(bool, move);
    DimseSource source(profile(move ? DimseProfile::Retrieve::CMove : DimseProfile::Retrieve::CGet));
    QTemporaryDir target;
    RetrieveRequest request;
    request.series = {m_ct.studyInstanceUid, m_ct.seriesInstanceUid};
    request.targetDir = target.path();
    QMutex mutex;
    int seen = 0;
    request.onInstance = [&](const RetrievedInstance &) {
        QMutexLocker lock(&mutex);
        ++seen;
    };
    const auto future = source.retrieveInstances(request);
    QVERIFY(waitFor(future, 60000));
    const RetrieveResult r = future.result();
    QVERIFY2(r.ok(), qPrintable(r.status.errorString));
    QCOMPARE(seen, m_ct.files.size());
    QString why;
    QVERIFY2(sameSeries(r.items, m_ct.sopInstanceUids, m_ct.files, &why), qPrintable(why));
}

void TestOrthancRetrieval::dimseTimeoutOnSilentServer()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    DimseProfile p = profile(DimseProfile::Retrieve::CGet);
    p.port = silent.serverPort();
    p.timeoutSeconds = 2;
    DimseSource source(p);
    QElapsedTimer clock;
    clock.start();
    const auto future = source.findStudies({});
    QVERIFY(waitFor(future, 15000));
    QCOMPARE(future.result().status.error, ImageSourceError::Timeout);
    QVERIFY2(clock.elapsed() < 6000, qPrintable(QString::number(clock.elapsed())));
}

void TestOrthancRetrieval::dimseCancelMidRetrieve()
{
    DimseSource source(profile(DimseProfile::Retrieve::CGet));
    QTemporaryDir target;
    CancelToken cancel;
    RetrieveRequest request;
    request.series = {m_ct.studyInstanceUid, m_ct.seriesInstanceUid};
    request.targetDir = target.path();
    request.onInstance = [cancel](const RetrievedInstance &) { cancel.cancel(); };
    const auto future = source.retrieveInstances(request, cancel);
    QVERIFY(waitFor(future, 30000));
    QCOMPARE(future.result().status.error, ImageSourceError::Cancelled);
    QVERIFY(future.result().items.size() < m_ct.files.size());
}

void TestOrthancRetrieval::factoryChoosesBackEnd()
{
    ImageEndpoint web;
    web.connectionType = QStringLiteral("dicom-wado-rs");
    web.address = m_orthanc.dicomWebBase();
    ImageSourceCreation c = ImageSourceFactory::create(web);
    QVERIFY(c.source);
    QCOMPARE(c.source->kind(), QStringLiteral("dicomweb"));
    // The created source works end to end.
    const auto studies = c.source->findStudies({});
    QVERIFY(waitFor(studies, 15000));
    QCOMPARE(studies.result().items.size(), 2);

    ImageEndpoint dimse;
    dimse.connectionType = QStringLiteral("dicom-dimse");
    dimse.calledAeTitle = m_orthanc.aeTitle();
    dimse.host = QStringLiteral("127.0.0.1");
    dimse.port = m_orthanc.dicomPort();
    c = ImageSourceFactory::create(dimse);
    QVERIFY(c.source);
    QCOMPARE(c.source->kind(), QStringLiteral("dimse"));
    const auto dimseStudies = c.source->findStudies({});
    QVERIFY(waitFor(dimseStudies, 15000));
    QCOMPARE(dimseStudies.result().items.size(), 2);

    ImageEndpoint local;
    local.localPaths = {m_work.filePath(QStringLiteral("ct"))};
    c = ImageSourceFactory::create(local);
    QVERIFY(c.source);
    QCOMPARE(c.source->kind(), QStringLiteral("local"));
    const auto localSeries = c.source->findSeries(m_ct.studyInstanceUid);
    QVERIFY(waitFor(localSeries, 15000));
    QCOMPARE(localSeries.result().items.size(), 1);
    QCOMPARE(localSeries.result().items.first().numberOfInstances, 6);

    ImageEndpoint bad;
    bad.connectionType = QStringLiteral("dicom-wado-rs");
    bad.address = QUrl(QStringLiteral("ftp://example"));
    c = ImageSourceFactory::create(bad);
    QVERIFY(!c.source);
    QVERIFY(!c.errorString.isEmpty());
}

KAKEHASHI_TEST_MAIN(TestOrthancRetrieval)
#include "tst_orthancretrieval.moc"
