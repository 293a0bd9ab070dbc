// Key object selections, presentation states and structured reports read from small synthetic files.
#include "../../testsupport.h"
#include "presentationfixtures.h"

#include "dicom/dicompresentation.h"
#include "dicom/dicomseries.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Kakehashi::Dicom;

class TestDicomPresentation : public QObject
{
    Q_OBJECT
private slots:
    void presentationState();
    void keyObjectSelection();
    void structuredReportJapanese();
    void unreadableObjectNamed();
    void notANumberIsNotUsed();
};

void TestDicomPresentation::presentationState()
{
    QTemporaryDir dir;
    PresentationFixtures::Image image;
    QVERIFY(image.write(dir.filePath(QStringLiteral("ct.dcm"))));
    PresentationFixtures::PresentationState ps;
    ps.sopUid = image.sopUid();
    ps.circularShutter = true;
    QVERIFY(ps.write(dir.filePath(QStringLiteral("pr.dcm"))));
    const DicomScanResult scan = DicomSeriesScanner::scan({dir.path()});
    QCOMPARE(scan.series.size(), 1);
    QCOMPARE(scan.otherObjects.size(), 1);
    const DicomPresentationObjects objects = DicomPresentationReader::read(scan.otherObjects);
    QVERIFY2(objects.errors.isEmpty(), qPrintable(objects.errors.join(u'\n')));
    QCOMPARE(objects.states.size(), 1);
    const PresentationState &s = objects.states.first();
    QCOMPARE(s.label, QStringLiteral("FINDINGS"));
    const QString sop = QString::fromLatin1(image.sopUid());
    QVERIFY(s.appliesTo(sop, 0));
    QVERIFY(!s.appliesTo(sop + QStringLiteral(".9"), 0));
    VoiWindow w;
    QVERIFY(s.windowFor(sop, 0, &w));
    QCOMPARE(w.center, 100.0);
    QCOMPARE(w.width, 200.0);
    QVERIFY(s.shutter.rectangular);
    QCOMPARE(s.shutter.rectangle, QRectF(QPointF(8, 8), QPointF(24, 24)));
    QVERIFY(s.shutter.circular);
    QCOMPARE(s.shutter.circleCenter, QPointF(15.5, 15.5));
    QCOMPARE(s.shutter.circleRadius, 8.0);
    const QList<const PresentationAnnotation *> annotations = s.annotationsFor(sop, 0);
    QCOMPARE(annotations.size(), 1);
    QCOMPARE(annotations.first()->graphics.size(), 1);
    QCOMPARE(annotations.first()->graphics.first().kind, PresentationGraphic::Kind::Polyline);
    QCOMPARE(annotations.first()->graphics.first().points, (QList<QPointF>{{2, 20}, {30, 20}}));
    QCOMPARE(annotations.first()->texts.size(), 1);
    QCOMPARE(annotations.first()->texts.first().text, QStringLiteral("所見 A"));
}

void TestDicomPresentation::keyObjectSelection()
{
    QTemporaryDir dir;
    const QByteArray study = "1.2.826.0.1.3680043.9.7433.77.1";
    const QByteArray series = "1.2.826.0.1.3680043.9.7433.77.1.1";
    QVERIFY(PresentationFixtures::writeKeyObjectSelection(dir.filePath(QStringLiteral("ko.dcm")), {}, study,
                                                          {{series, series + ".2"}, {series, series + ".7"}}, "造影後の結節"));
    DicomSliceRef ref;
    ref.path = dir.filePath(QStringLiteral("ko.dcm"));
    const DicomPresentationObjects objects = DicomPresentationReader::read({ref});
    QCOMPARE(objects.keyObjects.size(), 1);
    const KeyObjectSelection &k = objects.keyObjects.first();
    QCOMPARE(k.title, QStringLiteral("Of Interest"));
    QCOMPARE(k.description, QStringLiteral("造影後の結節"));
    QCOMPARE(k.images.size(), 2);
    QCOMPARE(k.images.at(0).seriesInstanceUid, QString::fromLatin1(series));
    QCOMPARE(k.images.at(1).sopInstanceUid, QString::fromLatin1(series + ".7"));

    // Resolved against a series of three slices: .2 is there, .7 is not.
    DicomSeries s;
    s.seriesInstanceUid = QString::fromLatin1(series);
    for (int i = 1; i <= 3; ++i) {
        DicomSliceRef slice;
        slice.sopInstanceUid = QString::fromLatin1(series) + QStringLiteral(".%1").arg(i);
        s.slices.append(slice);
    }
    const KeyImageResolution r = resolveKeyImages(k, {s});
    QCOMPARE(r.found.size(), 1);
    QCOMPARE(r.found.first().slice, 1);
    QCOMPARE(r.missing.size(), 1);
    QCOMPARE(r.missing.first().sopInstanceUid, QString::fromLatin1(series + ".7"));
}

void TestDicomPresentation::structuredReportJapanese()
{
    QTemporaryDir dir;
    QVERIFY(PresentationFixtures::writeStructuredReport(dir.filePath(QStringLiteral("sr.dcm")), {}, "1.2.826.0.1.3680043.9.7433.77.1"));
    DicomSliceRef ref;
    ref.path = dir.filePath(QStringLiteral("sr.dcm"));
    const DicomPresentationObjects objects = DicomPresentationReader::read({ref});
    QCOMPARE(objects.reports.size(), 1);
    const StructuredReport &r = objects.reports.first();
    QCOMPARE(r.title, QStringLiteral("画像診断報告書"));
    QCOMPARE(r.verification, QStringLiteral("UNVERIFIED"));
    QCOMPARE(r.institutionName, QStringLiteral("Kakehashi General Hospital"));
    // The content tree, one item a line, indented by level.
    QCOMPARE(r.text, QStringLiteral("所見\n  所見: 右肺上葉に 12 mm の結節あり。\n  直径: 12 mm\n結論: 経過観察"));
}

void TestDicomPresentation::unreadableObjectNamed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.dcm"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(128, '\0') + "DICM" + QByteArray("\x02\x00\x10\x00UI\xff\x7fxx", 10));
    f.close();
    DicomSliceRef ref;
    ref.path = path;
    const DicomPresentationObjects objects = DicomPresentationReader::read({ref});
    QVERIFY(objects.isEmpty());
    QCOMPARE(objects.errors.size(), 1);
    QVERIFY2(objects.errors.first().startsWith(path), qPrintable(objects.errors.first()));
}

KAKEHASHI_TEST_MAIN(TestDicomPresentation)
// A presentation state whose window centre is "NaN" (DCMTK reads it as a number) and whose polyline
// has a NaN coordinate: the window is not applied and the polyline is not drawn (dropping only the
// bad value would pair the other coordinates wrongly); the text annotation is still there.
void TestDicomPresentation::notANumberIsNotUsed()
{
    QTemporaryDir dir;
    PresentationFixtures::Image image;
    QVERIFY(image.write(dir.filePath(QStringLiteral("ct.dcm"))));
    PresentationFixtures::PresentationState ps;
    ps.sopUid = image.sopUid();
    ps.windowCenter = "NaN";
    ps.polyline = {{2, 20}, {qQNaN(), 20}, {30, 20}};
    QVERIFY(ps.write(dir.filePath(QStringLiteral("pr.dcm"))));
    const DicomScanResult scan = DicomSeriesScanner::scan({dir.path()});
    const DicomPresentationObjects objects = DicomPresentationReader::read(scan.otherObjects);
    QCOMPARE(objects.states.size(), 1);
    const PresentationState &s = objects.states.first();
    const QString sop = QString::fromLatin1(image.sopUid());
    VoiWindow w;
    QVERIFY(!s.windowFor(sop, 0, &w));
    const QList<const PresentationAnnotation *> annotations = s.annotationsFor(sop, 0);
    QCOMPARE(annotations.size(), 1);
    QVERIFY(annotations.first()->graphics.isEmpty());
    QCOMPARE(annotations.first()->texts.size(), 1);
}

#include "tst_dicompresentation.moc"
