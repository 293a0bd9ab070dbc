// Comparison with a prior, GUI-free: which slice goes with which (SliceSync) and whether two series
// show the same person (comparePatients); the scan gives every slice its position and SOP UID.
#include "../../testsupport.h"
#include "presentationfixtures.h"

#include "dicom/dicomcomparison.h"
#include "dicom/dicomseries.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Kakehashi::Dicom;

Q_DECLARE_METATYPE(Kakehashi::Dicom::DicomSeries)

namespace {

// A series of |count| slices at z = start + i * step, display order as given.
DicomSeries stack(const QString &frameOfReference, int count, double start, double step)
{
    DicomSeries s;
    s.frameOfReferenceUid = frameOfReference;
    for (int i = 0; i < count; ++i) {
        DicomSliceRef r;
        r.path = QStringLiteral("slice%1").arg(i);
        r.sopInstanceUid = QStringLiteral("1.2.3.%1").arg(i);
        r.hasPosition = true;
        r.position = QVector3D(0, 0, float(start + i * step));
        s.slices.append(r);
    }
    return s;
}

DicomSeries person(const QString &name, const QString &id, const QString &birth, const QString &sex)
{
    DicomSeries s;
    s.patientName = name;
    s.patientId = id;
    s.patientBirthDate = birth;
    s.patientSex = sex;
    return s;
}

} // namespace

class TestDicomComparison : public QObject
{
    Q_OBJECT
private slots:
    void byPosition_data();
    void byPosition();
    void positionBeyondRange();
    void byRelativeIndex_data();
    void byRelativeIndex();
    void noSlices();
    void patients_data();
    void patients();
    void scanGivesPositionsAndIdentity();
};

void TestDicomComparison::byPosition_data()
{
    QTest::addColumn<double>("firstStart");
    QTest::addColumn<double>("firstStep");
    QTest::addColumn<double>("secondStart");
    QTest::addColumn<double>("secondStep");
    QTest::addColumn<int>("firstIndex");
    QTest::addColumn<int>("expectedSecond");
    // Current: 20 slices of 5 mm from z = 0. Prior: 50 slices of 2 mm from z = -10.
    QTest::newRow("finer prior") << 0.0 << 5.0 << -10.0 << 2.0 << 4 << 15;    // z 20 → -10 + 15·2
    QTest::newRow("first slice") << 0.0 << 5.0 << -10.0 << 2.0 << 0 << 5;     // z 0
    // The prior stored head to feet (decreasing z): the same anatomy, not the same index.
    QTest::newRow("reversed prior") << 0.0 << 5.0 << 98.0 << -2.0 << 4 << 39; // z 20 → 98 - 39·2
    QTest::newRow("coarser prior") << 0.0 << 2.0 << 0.0 << 5.0 << 11 << 4;    // z 22 → nearest 20
}

void TestDicomComparison::byPosition()
{
    QFETCH(double, firstStart);
    QFETCH(double, firstStep);
    QFETCH(double, secondStart);
    QFETCH(double, secondStep);
    QFETCH(int, firstIndex);
    QFETCH(int, expectedSecond);
    const DicomSeries first = stack(QStringLiteral("1.2.9"), 20, firstStart, firstStep);
    const DicomSeries second = stack(QStringLiteral("1.2.9"), 50, secondStart, secondStep);
    const SliceSync sync(first, second);
    QCOMPARE(sync.mode(), SliceSync::Mode::Position);
    const SliceSync::Match m = sync.match(SliceSync::Side::First, firstIndex);
    QCOMPARE(m.index, expectedSecond);
    QVERIFY(!m.beyondRange);
    // And back: the matched slice maps to a slice at the same place (within the coarser spacing).
    const SliceSync::Match back = sync.match(SliceSync::Side::Second, m.index);
    QVERIFY(back.index >= 0);
    const double z1 = first.slices.at(back.index).position.z();
    const double z2 = second.slices.at(m.index).position.z();
    QVERIFY2(std::abs(z1 - z2) <= std::max(std::abs(firstStep), std::abs(secondStep)) / 2 + 0.01,
             qPrintable(QStringLiteral("%1 vs %2").arg(z1).arg(z2)));
}

void TestDicomComparison::positionBeyondRange()
{
    // The prior covers z 0–18 only; the current slice at z 95 has no counterpart.
    const DicomSeries first = stack(QStringLiteral("1.2.9"), 20, 0, 5);
    const DicomSeries second = stack(QStringLiteral("1.2.9"), 10, 0, 2);
    const SliceSync sync(first, second);
    const SliceSync::Match m = sync.match(SliceSync::Side::First, 19);
    QCOMPARE(m.index, 9);
    QVERIFY(m.beyondRange);
    QCOMPARE(qRound(m.offsetMm), 77);
    QVERIFY(!sync.match(SliceSync::Side::First, 1).beyondRange);
}

void TestDicomComparison::byRelativeIndex_data()
{
    QTest::addColumn<QString>("firstFrame");
    QTest::addColumn<QString>("secondFrame");
    QTest::addColumn<bool>("secondHasPositions");
    QTest::addColumn<int>("firstIndex");
    QTest::addColumn<int>("expectedSecond");
    // 11 slices against 21: relative index i·20/10.
    QTest::newRow("other hospital") << "1.2.9" << "2.25.77" << true << 5 << 10;
    QTest::newRow("first") << "1.2.9" << "2.25.77" << true << 0 << 0;
    QTest::newRow("last") << "1.2.9" << "2.25.77" << true << 10 << 20;
    QTest::newRow("no frame of reference") << "" << "" << true << 3 << 6;
    QTest::newRow("same frame, positions missing") << "1.2.9" << "1.2.9" << false << 7 << 14;
}

void TestDicomComparison::byRelativeIndex()
{
    QFETCH(QString, firstFrame);
    QFETCH(QString, secondFrame);
    QFETCH(bool, secondHasPositions);
    QFETCH(int, firstIndex);
    QFETCH(int, expectedSecond);
    const DicomSeries first = stack(firstFrame, 11, 0, 5);
    DicomSeries second = stack(secondFrame, 21, 300, 2); // positions far away: must not be used
    if (!secondHasPositions)
        second.slices[3].hasPosition = false;
    const SliceSync sync(first, second);
    QCOMPARE(sync.mode(), SliceSync::Mode::RelativeIndex);
    QCOMPARE(sync.match(SliceSync::Side::First, firstIndex).index, expectedSecond);
    QCOMPARE(sync.match(SliceSync::Side::Second, expectedSecond).index, firstIndex);
}

void TestDicomComparison::noSlices()
{
    const SliceSync sync(stack(QStringLiteral("1"), 3, 0, 1), DicomSeries());
    QCOMPARE(sync.mode(), SliceSync::Mode::None);
    QCOMPARE(sync.match(SliceSync::Side::First, 1).index, -1);
    const SliceSync one(stack(QStringLiteral("1"), 1, 0, 1), stack(QStringLiteral("2"), 9, 0, 1));
    QCOMPARE(one.match(SliceSync::Side::First, 0).index, 4); // a single slice goes with the middle
    QCOMPARE(one.match(SliceSync::Side::First, 5).index, -1);
}

void TestDicomComparison::patients_data()
{
    QTest::addColumn<DicomSeries>("a");
    QTest::addColumn<DicomSeries>("b");
    QTest::addColumn<int>("match");
    QTest::addColumn<QStringList>("differences");
    const QString yamada = QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう");
    QTest::newRow("same") << person(yamada, QStringLiteral("P1"), QStringLiteral("19580412"), QStringLiteral("M"))
                          << person(QStringLiteral("YAMADA^TAROU"), QStringLiteral("P1"), QStringLiteral("19580412"), QStringLiteral("M"))
                          << int(PatientMatch::Same) << QStringList();
    QTest::newRow("other hospital's ID") << person(yamada, QStringLiteral("P1"), QStringLiteral("19580412"), QStringLiteral("M"))
                                         << person(QStringLiteral("=山田^太郎"), QStringLiteral("H2-0042"), QStringLiteral("19580412"), QString())
                                         << int(PatientMatch::Unconfirmed) << QStringList{QStringLiteral("patient ID")};
    QTest::newRow("another person") << person(yamada, QStringLiteral("P1"), QStringLiteral("19580412"), QStringLiteral("M"))
                                    << person(QStringLiteral("Suzuki^Hanako=鈴木^花子"), QStringLiteral("P7"), QStringLiteral("19700101"), QStringLiteral("F"))
                                    << int(PatientMatch::Different)
                                    << QStringList{QStringLiteral("name"), QStringLiteral("birth date"), QStringLiteral("sex"), QStringLiteral("patient ID")};
    // The same ID is no proof: a different birth date makes it another person.
    QTest::newRow("same ID, other birth date") << person(yamada, QStringLiteral("P1"), QStringLiteral("19580412"), QString())
                                               << person(yamada, QStringLiteral("P1"), QStringLiteral("19590412"), QString())
                                               << int(PatientMatch::Different) << QStringList{QStringLiteral("birth date")};
    QTest::newRow("nothing recorded") << person(QString(), QString(), QString(), QString()) << person(QString(), QString(), QString(), QString())
                                      << int(PatientMatch::Unconfirmed) << QStringList();
    QTest::newRow("same ID, no names") << person(QString(), QStringLiteral("P1"), QString(), QString())
                                       << person(QString(), QStringLiteral("P1"), QString(), QString())
                                       << int(PatientMatch::Unconfirmed) << QStringList();
}

void TestDicomComparison::patients()
{
    QFETCH(DicomSeries, a);
    QFETCH(DicomSeries, b);
    QFETCH(int, match);
    QFETCH(QStringList, differences);
    const PatientComparison c = comparePatients(a, b);
    QCOMPARE(int(c.match), match);
    QCOMPARE(c.differences, differences);
    QCOMPARE(int(comparePatients(b, a).match), match);
}

void TestDicomComparison::scanGivesPositionsAndIdentity()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (int i = 0; i < 3; ++i) {
        PresentationFixtures::Image image;
        image.instanceNumber = i + 1;
        image.z = 10.0 * i;
        QVERIFY(image.write(dir.filePath(QStringLiteral("ct%1.dcm").arg(i))));
    }
    PresentationFixtures::writeStructuredReport(dir.filePath(QStringLiteral("sr.dcm")), {}, "1.2.826.0.1.3680043.9.7433.77.1");
    const DicomScanResult scan = DicomSeriesScanner::scan({dir.path()});
    QCOMPARE(scan.series.size(), 1);
    const DicomSeries &s = scan.series.first();
    QCOMPARE(s.frameOfReferenceUid, QStringLiteral("1.2.826.0.1.3680043.9.7433.77.9"));
    QCOMPARE(s.institutionName, QStringLiteral("Kakehashi General Hospital"));
    QCOMPARE(s.slices.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(s.slices.at(i).hasPosition);
        QCOMPARE(s.slices.at(i).position.z(), float(10 * i));
        QCOMPARE(s.slices.at(i).sopInstanceUid, QStringLiteral("1.2.826.0.1.3680043.9.7433.77.1.1.%1").arg(i + 1));
    }
    // The report has no pixels: not a series, but kept for the presentation reader.
    QCOMPARE(scan.otherObjects.size(), 1);
    QVERIFY(scan.otherObjects.first().path.endsWith(QStringLiteral("sr.dcm")));
}

KAKEHASHI_TEST_MAIN(TestDicomComparison)
#include "tst_dicomcomparison.moc"
