// LocalFileSource: folders and DICOMDIRs answer the same ImageSource queries as a PACS.
#include "dicom/retrieve/localfilesource.h"
#include "retrievaltestsupport.h"
#include "syntheticseries.h"

#include "../testsupport.h"
#include "../unit/dicom/dicomtestsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>

using namespace Kakehashi::Dicom;
using namespace Kakehashi::Fixtures;

class TestLocalFileSource : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void findStudies_data();
    void findStudies();
    void seriesInstancesAndRetrieve();
    void unknownSeriesIsNotFound();
    void cancelledBeforeStart();
    void dicomDir();

private:
    QTemporaryDir m_dir;
    SyntheticSeries m_a;
    SyntheticSeries m_b;
};

void TestLocalFileSource::initTestCase()
{
    SyntheticSeriesSpec a;
    a.slices = 3;
    a.seed = 31;
    a.patientId = QStringLiteral("PID-A");
    m_a = writeSyntheticCtSeries(m_dir.filePath(QStringLiteral("a")), a);
    SyntheticSeriesSpec b;
    b.slices = 2;
    b.seed = 32;
    b.patientId = QStringLiteral("PID-B");
    b.patientName = QStringLiteral("山田^太郎=やまだ^たろう");
    b.specificCharacterSet = QStringLiteral("ISO_IR 192");
    m_b = writeSyntheticCtSeries(m_dir.filePath(QStringLiteral("b")), b);
    QVERIFY(m_a.ok() && m_b.ok());
}

void TestLocalFileSource::findStudies_data()
{
    QTest::addColumn<QString>("patientId");
    QTest::addColumn<QString>("patientName");
    QTest::addColumn<int>("count");
    QTest::newRow("all") << QString() << QString() << 2;
    QTest::newRow("by id") << QStringLiteral("PID-B") << QString() << 1;
    QTest::newRow("id wildcard") << QStringLiteral("PID-*") << QString() << 2;
    QTest::newRow("japanese wildcard") << QString() << QStringLiteral("山田*") << 1;
    QTest::newRow("no match") << QStringLiteral("NOBODY") << QString() << 0;
}

void TestLocalFileSource::findStudies()
{
    QFETCH(QString, patientId);
    QFETCH(QString, patientName);
    QFETCH(int, count);
    LocalFileSource source({m_dir.path()});
    StudyQuery q;
    q.patientId = patientId;
    q.patientName = patientName;
    const auto f = source.findStudies(q);
    QVERIFY(waitFor(f, 15000));
    QVERIFY(f.result().ok());
    QCOMPARE(f.result().items.size(), count);
    for (const StudyRecord &s : f.result().items) {
        const SyntheticSeries &expected = s.studyInstanceUid == m_a.studyInstanceUid ? m_a : m_b;
        QCOMPARE(s.studyInstanceUid, expected.studyInstanceUid);
        QCOMPARE(s.numberOfInstances, int(expected.files.size()));
        QCOMPARE(s.numberOfSeries, 1);
    }
}

void TestLocalFileSource::seriesInstancesAndRetrieve()
{
    LocalFileSource source({m_dir.path()});
    const auto series = source.findSeries(m_b.studyInstanceUid);
    QVERIFY(waitFor(series, 15000));
    QCOMPARE(series.result().items.size(), 1);
    QCOMPARE(series.result().items.first().seriesInstanceUid, m_b.seriesInstanceUid);

    const auto instances = source.findInstances({m_b.studyInstanceUid, m_b.seriesInstanceUid});
    QVERIFY(waitFor(instances, 15000));
    QSet<QString> sops;
    for (const InstanceRecord &i : instances.result().items)
        sops.insert(i.sopInstanceUid);
    QCOMPARE(sops, QSet<QString>(m_b.sopInstanceUids.cbegin(), m_b.sopInstanceUids.cend()));

    RetrieveRequest request;
    request.series = {m_b.studyInstanceUid, m_b.seriesInstanceUid};
    request.keepBytes = true;
    const auto retrieved = source.retrieveInstances(request);
    QVERIFY(waitFor(retrieved, 15000));
    QVERIFY(retrieved.result().ok());
    QCOMPARE(retrieved.result().items.size(), m_b.files.size());
    for (const RetrievedInstance &i : retrieved.result().items) {
        QVERIFY(m_b.files.contains(i.path));
        QFile f(i.path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(i.bytes, f.readAll());
    }
}

void TestLocalFileSource::unknownSeriesIsNotFound()
{
    LocalFileSource source({m_dir.path()});
    RetrieveRequest request;
    request.series = {m_a.studyInstanceUid, QStringLiteral("1.2.3.999")};
    const auto f = source.retrieveInstances(request);
    QVERIFY(waitFor(f, 15000));
    QCOMPARE(f.result().status.error, ImageSourceError::NotFound);
}

void TestLocalFileSource::cancelledBeforeStart()
{
    LocalFileSource source({m_dir.path()});
    CancelToken cancel;
    cancel.cancel();
    const auto f = source.findStudies({}, cancel);
    QVERIFY(waitFor(f, 15000));
    QCOMPARE(f.result().status.error, ImageSourceError::Cancelled);
}

void TestLocalFileSource::dicomDir()
{
    const QString dicomDir = pydicomFile(QStringLiteral("test_files/dicomdirtests/DICOMDIR"));
    if (!QFileInfo::exists(dicomDir))
        QSKIP("python3-pydicom's DICOMDIR sample is not installed");
    LocalFileSource source({dicomDir});
    const auto studies = source.findStudies({});
    QVERIFY(waitFor(studies, 30000));
    QVERIFY(studies.result().ok());
    QVERIFY(!studies.result().items.isEmpty());
    int total = 0;
    for (const StudyRecord &s : studies.result().items) {
        QVERIFY(!s.studyInstanceUid.isEmpty());
        const auto series = source.findSeries(s.studyInstanceUid);
        QVERIFY(waitFor(series, 15000));
        QCOMPARE(series.result().items.size(), s.numberOfSeries);
        for (const SeriesRecord &r : series.result().items) {
            RetrieveRequest request;
            request.series = {s.studyInstanceUid, r.seriesInstanceUid};
            const auto files = source.retrieveInstances(request);
            QVERIFY(waitFor(files, 15000));
            QVERIFY(files.result().ok());
            for (const RetrievedInstance &i : files.result().items) {
                QVERIFY(QFileInfo::exists(i.path));
                QVERIFY(!i.sopInstanceUid.isEmpty());
            }
            total += int(files.result().items.size());
        }
    }
    QVERIFY(total > 0);
}

KAKEHASHI_TEST_MAIN(TestLocalFileSource)
#include "tst_localfilesource.moc"
