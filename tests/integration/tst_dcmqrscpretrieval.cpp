// DIMSE against DCMTK's dcmqrscp (forking mode): C-ECHO, C-FIND at study and series level
// (ASCII and ISO_IR 192 Japanese names), C-GET and C-MOVE of a series.
#include "dicom/retrieve/dimsesource.h"
#include "pacsfixtures.h"
#include "retrievaltestsupport.h"
#include "syntheticseries.h"

#include "../testsupport.h"

#include <QMutex>
#include <QSet>
#include <QTemporaryDir>

using namespace Kakehashi::Dicom;
using namespace Kakehashi::Fixtures;

class TestDcmqrscpRetrieval : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void echo();
    void cFindStudies_data();
    void cFindStudies();
    void cFindSeries();
    void retrieve_data();
    void retrieve();
    void unknownAeIsRejected();

private:
    DimseProfile profile(DimseProfile::Retrieve retrieve) const;

    QTemporaryDir m_work;
    DcmqrscpFixture m_server;
    SyntheticSeries m_ct;
    SyntheticSeries m_japanese;
    quint16 m_movePort = 0;
};

void TestDcmqrscpRetrieval::initTestCase()
{
    QString why;
    if (!DcmqrscpFixture::isAvailable(&why))
        QSKIP(qPrintable(why));
    SyntheticSeriesSpec ct;
    ct.slices = 4;
    ct.seed = 21;
    ct.patientName = QStringLiteral("SATO^HANAKO");
    m_ct = writeSyntheticCtSeries(m_work.filePath(QStringLiteral("ct")), ct);
    QVERIFY2(m_ct.ok(), qPrintable(m_ct.errorString));
    SyntheticSeriesSpec jp;
    jp.slices = 2;
    jp.seed = 22;
    jp.patientName = QStringLiteral("山田^太郎=やまだ^たろう");
    jp.patientId = QStringLiteral("KK-JP-0022");
    jp.specificCharacterSet = QStringLiteral("ISO_IR 192");
    m_japanese = writeSyntheticCtSeries(m_work.filePath(QStringLiteral("jp")), jp);
    QVERIFY2(m_japanese.ok(), qPrintable(m_japanese.errorString));
    m_movePort = freeLoopbackPort();
    DcmqrscpFixture::Options options;
    options.moveDestinationPort = m_movePort;
    QVERIFY2(m_server.start(options, &why), qPrintable(why));
    QVERIFY2(m_server.store(m_ct.files + m_japanese.files, &why), qPrintable(why));
}

void TestDcmqrscpRetrieval::cleanupTestCase()
{
    m_server.stop();
}

DimseProfile TestDcmqrscpRetrieval::profile(DimseProfile::Retrieve retrieve) const
{
    return loopbackDimseProfile(m_server.aeTitle(), m_server.dicomPort(), retrieve, m_movePort);
}

void TestDcmqrscpRetrieval::echo()
{
    DimseSource source(profile(DimseProfile::Retrieve::CGet));
    const auto f = source.echo();
    QVERIFY(waitFor(f, 15000));
    QVERIFY2(f.result().ok(), qPrintable(f.result().status.errorString));
}

void TestDcmqrscpRetrieval::cFindStudies_data()
{
    QTest::addColumn<QString>("patientName");
    QTest::addColumn<QString>("patientId");
    QTest::addColumn<QString>("expected"); // "ct", "jp", "both", "none"
    QTest::newRow("all") << QString() << QString() << QStringLiteral("both");
    QTest::newRow("ascii name") << QStringLiteral("SATO^HANAKO") << QString() << QStringLiteral("ct");
    QTest::newRow("ascii wildcard") << QStringLiteral("SATO*") << QString() << QStringLiteral("ct");
    QTest::newRow("japanese name") << QStringLiteral("山田^太郎=やまだ^たろう") << QString() << QStringLiteral("jp");
    QTest::newRow("patient id") << QString() << QStringLiteral("KK-JP-0022") << QStringLiteral("jp");
    QTest::newRow("no match") << QStringLiteral("NOBODY") << QString() << QStringLiteral("none");
}

void TestDcmqrscpRetrieval::cFindStudies()
{
    QFETCH(QString, patientName);
    QFETCH(QString, patientId);
    QFETCH(QString, expected);
    DimseSource source(profile(DimseProfile::Retrieve::CGet));
    StudyQuery q;
    q.patientName = patientName;
    q.patientId = patientId;
    const auto f = source.findStudies(q);
    QVERIFY(waitFor(f, 15000));
    QVERIFY2(f.result().ok(), qPrintable(f.result().status.errorString));
    QSet<QString> got;
    for (const StudyRecord &s : f.result().items) {
        got.insert(s.studyInstanceUid);
        if (s.studyInstanceUid == m_japanese.studyInstanceUid)
            QCOMPARE(s.patientName, QStringLiteral("山田^太郎=やまだ^たろう"));
    }
    QSet<QString> want;
    if (expected == u"ct" || expected == u"both")
        want.insert(m_ct.studyInstanceUid);
    if (expected == u"jp" || expected == u"both")
        want.insert(m_japanese.studyInstanceUid);
    QCOMPARE(got, want);
}

void TestDcmqrscpRetrieval::cFindSeries()
{
    DimseSource source(profile(DimseProfile::Retrieve::CGet));
    const auto f = source.findSeries(m_ct.studyInstanceUid);
    QVERIFY(waitFor(f, 15000));
    QVERIFY2(f.result().ok(), qPrintable(f.result().status.errorString));
    QCOMPARE(f.result().items.size(), 1);
    QCOMPARE(f.result().items.first().seriesInstanceUid, m_ct.seriesInstanceUid);
}

void TestDcmqrscpRetrieval::retrieve_data()
{
    QTest::addColumn<bool>("move");
    QTest::newRow("C-GET") << false;
    QTest::newRow("C-MOVE") << true;
}

void TestDcmqrscpRetrieval::retrieve()
{
    QFETCH(bool, move);
    DimseSource source(profile(move ? DimseProfile::Retrieve::CMove : DimseProfile::Retrieve::CGet));
    QTemporaryDir target;
    RetrieveRequest request;
    request.series = {m_ct.studyInstanceUid, m_ct.seriesInstanceUid};
    request.targetDir = target.path();
    const auto f = source.retrieveInstances(request);
    QVERIFY(waitFor(f, 60000));
    QVERIFY2(f.result().ok(), qPrintable(f.result().status.errorString));
    QString why;
    QVERIFY2(sameSeries(f.result().items, m_ct.sopInstanceUids, m_ct.files, &why), qPrintable(why));
}

void TestDcmqrscpRetrieval::unknownAeIsRejected()
{
    DimseProfile p = profile(DimseProfile::Retrieve::CGet);
    p.calledAeTitle = QStringLiteral("NOSUCHAE");
    DimseSource source(p);
    const auto f = source.echo();
    QVERIFY(waitFor(f, 15000));
    QCOMPARE(f.result().status.error, ImageSourceError::Network);
}

KAKEHASHI_TEST_MAIN(TestDcmqrscpRetrieval)
#include "tst_dcmqrscpretrieval.moc"
