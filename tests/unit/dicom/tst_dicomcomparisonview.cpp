// Comparison with a prior and presentation objects on screen: both panes draw the slices that go
// together, a presentation state's window, shutter and annotation show in the pixels (and go when
// switched off), key images are marked and a structured report reads as text.
#include "../../testsupport.h"
#include "presentationfixtures.h"

#include "viewer/imageview/dicomcomparisonview.h"
#include "viewer/imageview/dicomimageview.h"
#include "viewer/imageview/dicomviewerwidget.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Kakehashi;
using namespace Kakehashi::Dicom;

namespace {

// Grey of a stored value under the files' window (centre 500, width 1000).
int greyOf(int value)
{
    return qRound(std::clamp(value / 1000.0, 0.0, 1.0) * 255);
}

QColor centrePixel(DicomImageView *view)
{
    return view->grab().toImage().pixelColor(view->width() / 2, view->height() / 2);
}

// Rendering rounds the window's linear ramp: a grey level within 2 of the expected one.
bool near(int grey, int expected)
{
    return qAbs(grey - expected) <= 2;
}

} // namespace

class TestDicomComparisonView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void bothPanesDrawMatchingSlices();
    void relativeIndexWithoutSharedFrame();
    void compareMenuAndButton();
    void presentationStatePixels();
    void presentationWindowOnlyOnItsSlices();
    void presentationStateTurnsTheImage_data();
    void presentationStateTurnsTheImage();
    void turnedImageFitsAsItLies();
    void presentationStateGreyscale_data();
    void presentationStateGreyscale();
    void graphicLayerColour_data();
    void graphicLayerColour();
    void displayedAreaSelection_data();
    void displayedAreaSelection();
    void keyImagesMarked();
    void structuredReportAsText();

private:
    QTemporaryDir m_dir;
    QList<DicomSeries> m_series; // current CT, prior CT (same frame), prior from another hospital
    DicomPresentationObjects m_objects;
};

void TestDicomComparisonView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Current: 10 slices, 5 mm apart from z = 0, slice i filled with 100·i.
    for (int i = 0; i < 10; ++i) {
        PresentationFixtures::Image image;
        image.instanceNumber = i + 1;
        image.z = 5.0 * i;
        image.fill = 100 * i;
        QVERIFY(image.write(m_dir.filePath(QStringLiteral("current_%1.dcm").arg(i))));
    }
    // Prior, same scanner's frame of reference: 20 slices 2.5 mm apart, slice j filled with 1000 − 50·j.
    for (int j = 0; j < 20; ++j) {
        PresentationFixtures::Image image;
        image.studyUid = "1.2.826.0.1.3680043.9.7433.77.2";
        image.seriesUid = "1.2.826.0.1.3680043.9.7433.77.2.1";
        image.studyDate = "20240210";
        image.seriesNumber = 2;
        image.instanceNumber = j + 1;
        image.z = 2.5 * j;
        image.fill = 1000 - 50 * j;
        QVERIFY(image.write(m_dir.filePath(QStringLiteral("prior_%1.dcm").arg(j))));
    }
    // From another hospital: its own frame of reference and patient ID, 5 slices filled with 200·k.
    for (int k = 0; k < 5; ++k) {
        PresentationFixtures::Image image;
        image.patient.id = "H2-0042";
        image.studyUid = "1.2.826.0.1.3680043.9.7433.77.3";
        image.seriesUid = "1.2.826.0.1.3680043.9.7433.77.3.1";
        image.frameOfReferenceUid = "2.25.1234";
        image.institution = "Other Hospital";
        image.studyDate = "20230105";
        image.seriesNumber = 3;
        image.instanceNumber = k + 1;
        image.z = 100.0 + 10 * k;
        image.fill = 200 * k;
        QVERIFY(image.write(m_dir.filePath(QStringLiteral("other_%1.dcm").arg(k))));
    }
    // Key images, a presentation state on the current CT's slice 3 and a report.
    const QByteArray series = "1.2.826.0.1.3680043.9.7433.77.1.1";
    QVERIFY(PresentationFixtures::writeKeyObjectSelection(m_dir.filePath(QStringLiteral("ko.dcm")), {}, "1.2.826.0.1.3680043.9.7433.77.1",
                                                          {{series, series + ".3"}, {series, series + ".8"}}));
    QVERIFY(PresentationFixtures::writeStructuredReport(m_dir.filePath(QStringLiteral("sr.dcm")), {}, "1.2.826.0.1.3680043.9.7433.77.1"));
    const DicomScanResult scan = DicomSeriesScanner::scan({m_dir.path()});
    QVERIFY2(scan.errors.isEmpty(), qPrintable(scan.errors.join(u'\n')));
    QCOMPARE(scan.series.size(), 3);
    m_series = scan.series;
    m_objects = DicomPresentationReader::read(scan.otherObjects);
    QCOMPARE(m_objects.keyObjects.size(), 1);
    QCOMPARE(m_objects.reports.size(), 1);
}

void TestDicomComparisonView::bothPanesDrawMatchingSlices()
{
    DicomComparisonView view;
    view.resize(800, 500);
    view.show();
    view.setSeries(m_series.at(0), m_series.at(1));
    QCOMPARE(view.sliceSync().mode(), SliceSync::Mode::Position);
    DicomImageView *left = view.view(0);
    DicomImageView *right = view.view(1);
    for (const int i : {5, 2, 9, 0}) {
        left->setFocus();
        left->setCurrentIndex(i);
        // The prior's slice at the same z (5·i = 2.5·j): j = 2·i.
        QCOMPARE(right->currentIndex(), 2 * i);
        QTRY_VERIFY(left->isCurrentSliceReady() && right->isCurrentSliceReady());
        QTRY_VERIFY(near(centrePixel(left).red(), greyOf(100 * i)));
        QTRY_VERIFY(near(centrePixel(right).red(), greyOf(1000 - 50 * 2 * i)));
    }
    // Scrolling the right pane (arrow key) moves the left one to the nearest slice.
    right->setFocus();
    right->setCurrentIndex(6);
    QTest::keyClick(right, Qt::Key_Down); // j = 7, z 17.5 → i = 3 or 4 (equally near): the first found
    QCOMPARE(right->currentIndex(), 7);
    QVERIFY(left->currentIndex() == 3 || left->currentIndex() == 4);
    QTRY_VERIFY(left->isCurrentSliceReady());
    QTRY_VERIFY(near(centrePixel(left).red(), greyOf(100 * left->currentIndex())));
    // Unsynchronised, each pane keeps its own slice.
    view.setSynchronised(false);
    left->setCurrentIndex(1);
    QCOMPARE(right->currentIndex(), 7);
    QVERIFY(view.syncStatus()->text().contains(QStringLiteral("own")));
}

void TestDicomComparisonView::relativeIndexWithoutSharedFrame()
{
    DicomComparisonView view;
    view.resize(800, 500);
    view.show();
    view.setSeries(m_series.at(0), m_series.at(2));
    QCOMPARE(view.sliceSync().mode(), SliceSync::Mode::RelativeIndex);
    QVERIFY(view.syncStatus()->text().contains(QStringLiteral("relative slice number")));
    view.view(0)->setCurrentIndex(9);
    QCOMPARE(view.view(1)->currentIndex(), 4);
    QTRY_VERIFY(view.view(1)->isCurrentSliceReady());
    QTRY_VERIFY(near(centrePixel(view.view(1)).red(), greyOf(800)));
    view.view(0)->setCurrentIndex(0);
    QCOMPARE(view.view(1)->currentIndex(), 0);
}

void TestDicomComparisonView::compareMenuAndButton()
{
    DicomViewerWidget viewer;
    viewer.resize(1000, 600);
    viewer.show();
    viewer.setSeries(m_series);
    QTRY_VERIFY(viewer.imageView()->isCurrentSliceReady());
    // Other studies of this patient, the newer first: the prior, then the other hospital's.
    QCOMPARE(viewer.comparisonCandidates(0), (QList<int>{1, 2}));
    QMenu menu;
    viewer.fillCompareMenu(&menu, 0);
    QCOMPARE(menu.actions().size(), 2);
    QVERIFY(menu.actions().at(0)->text().contains(QStringLiteral("2024-02-10")));
    QVERIFY(menu.actions().at(1)->text().contains(QStringLiteral("Other Hospital")));
    QVERIFY(viewer.compareAction()->menu());
    menu.actions().at(0)->trigger();
    QVERIFY(viewer.isComparing());
    DicomComparisonView *cmp = viewer.comparisonView();
    QCOMPARE(cmp->view(0)->series().seriesInstanceUid, m_series.at(0).seriesInstanceUid);
    QCOMPARE(cmp->view(1)->series().seriesInstanceUid, m_series.at(1).seriesInstanceUid);
    QTRY_VERIFY(cmp->view(0)->isCurrentSliceReady() && cmp->view(1)->isCurrentSliceReady());
    QTRY_VERIFY(near(centrePixel(cmp->view(0)).red(), greyOf(100 * cmp->view(0)->currentIndex())));
    QTRY_VERIFY(near(centrePixel(cmp->view(1)).red(), greyOf(1000 - 50 * cmp->view(1)->currentIndex())));
    // Choosing another series in the browser ends the comparison.
    viewer.showSeriesAt(2);
    QVERIFY(!viewer.isComparing());
    QCOMPARE(viewer.imageView()->series().seriesInstanceUid, m_series.at(2).seriesInstanceUid);
}

void TestDicomComparisonView::presentationStatePixels()
{
    QTemporaryDir dir;
    PresentationFixtures::Image image;
    image.fill = 100;
    QVERIFY(image.write(dir.filePath(QStringLiteral("ct.dcm"))));
    PresentationFixtures::PresentationState ps;
    ps.sopUid = image.sopUid();
    QVERIFY(ps.write(dir.filePath(QStringLiteral("pr.dcm"))));
    const DicomScanResult scan = DicomSeriesScanner::scan({dir.path()});
    QCOMPARE(scan.series.size(), 1);
    DicomViewerWidget viewer;
    viewer.resize(900, 500);
    viewer.show();
    viewer.setSeries(scan.series);
    viewer.setPresentationObjects(DicomPresentationReader::read(scan.otherObjects));
    QVERIFY(viewer.presentationAction()->isEnabled());
    DicomImageView *view = viewer.imageView();
    view->setFixedSize(320, 320); // 32×32 pixels at zoom 10: image (x, y) is widget (10x, 10y)
    QTRY_VERIFY(view->isCurrentSliceReady());
    QVERIFY(view->currentPresentationState());
    // The state's window (centre 100, width 200) shows the value 100 as mid-grey, not the file's 25.
    QTRY_COMPARE(view->window().center, 100.0);
    QCOMPARE(view->window().width, 200.0);
    QImage shot = view->grab().toImage();
    QVERIFY(qAbs(shot.pixelColor(165, 125).red() - 128) <= 2);
    // Outside the rectangular shutter (columns 9–24): black.
    QCOMPARE(shot.pixelColor(35, 125), QColor(Qt::black));
    QCOMPARE(shot.pixelColor(295, 165), QColor(Qt::black));
    // The polyline along row 20: cyan, over the image and the shutter.
    const QColor line = shot.pixelColor(160, 200);
    QVERIFY2(line.red() < 60 && line.green() > 200 && line.blue() > 200, qPrintable(line.name()));
    QVERIFY(view->overlayText(DicomImageView::Corner::BottomLeft).contains(QStringLiteral("Presentation state: FINDINGS")));

    // Switched off: the file's window, no shutter, no annotation.
    viewer.presentationAction()->toggle();
    QVERIFY(!view->presentationShown());
    QCOMPARE(view->window().center, 500.0);
    shot = view->grab().toImage();
    QVERIFY(near(shot.pixelColor(35, 125).red(), greyOf(100)));
    QVERIFY(near(shot.pixelColor(160, 200).red(), greyOf(100)));
    QVERIFY(near(shot.pixelColor(160, 200).blue(), greyOf(100)));
    QVERIFY(view->overlayText(DicomImageView::Corner::BottomLeft).contains(QStringLiteral("Presentation state hidden")));
    viewer.presentationAction()->toggle();
    QCOMPARE(view->window().center, 100.0);
}

// The state's spatial transformation: flip first, then rotate clockwise; pixel-unit annotations turn
// with the image. A vertical line at image column 4 (x = 40 on screen unturned) lies across the top
// after a quarter turn, across the bottom when flipped first; 45 (not a quarter) is not applied.
void TestDicomComparisonView::presentationStateTurnsTheImage_data()
{
    QTest::addColumn<int>("rotation");
    QTest::addColumn<QByteArray>("flip");
    QTest::addColumn<QPoint>("line");
    QTest::addColumn<QPoint>("notLine");
    QTest::newRow("as stored") << -1 << QByteArray() << QPoint(40, 160) << QPoint(160, 40);
    QTest::newRow("90° clockwise") << 90 << QByteArray("N") << QPoint(160, 40) << QPoint(40, 160);
    QTest::newRow("flipped, then 90°") << 90 << QByteArray("Y") << QPoint(160, 280) << QPoint(160, 40);
    QTest::newRow("180°") << 180 << QByteArray() << QPoint(280, 160) << QPoint(40, 160);
    QTest::newRow("flipped only") << 0 << QByteArray("Y") << QPoint(280, 160) << QPoint(40, 160);
    QTest::newRow("45° is no quarter: not applied") << 45 << QByteArray() << QPoint(40, 160) << QPoint(160, 40);
}

void TestDicomComparisonView::presentationStateTurnsTheImage()
{
    QFETCH(int, rotation);
    QFETCH(QByteArray, flip);
    QFETCH(QPoint, line);
    QFETCH(QPoint, notLine);
    QTemporaryDir dir;
    PresentationFixtures::Image image;
    image.fill = 100;
    QVERIFY(image.write(dir.filePath(QStringLiteral("ct.dcm"))));
    PresentationFixtures::PresentationState ps;
    ps.sopUid = image.sopUid();
    ps.rectangularShutter = false;
    ps.text.clear();
    ps.polyline = {{4, 2}, {4, 30}};
    ps.rotation = rotation;
    ps.horizontalFlip = flip;
    QVERIFY(ps.write(dir.filePath(QStringLiteral("pr.dcm"))));
    const DicomScanResult scan = DicomSeriesScanner::scan({dir.path()});
    QCOMPARE(scan.series.size(), 1);
    DicomImageView view;
    view.setFixedSize(320, 320); // 32×32 pixels at zoom 10
    view.show();
    view.setSeries(scan.series.first());
    view.setPresentationObjects(DicomPresentationReader::read(scan.otherObjects));
    QTRY_VERIFY(view.isCurrentSliceReady());
    QVERIFY(view.currentPresentationState());
    const QImage shot = view.grab().toImage();
    const auto cyanNear = [&shot](const QPoint &at) {
        for (int dx = -2; dx <= 2; ++dx)
            for (int dy = -2; dy <= 2; ++dy) {
                const QColor c = shot.pixelColor(at + QPoint(dx, dy));
                if (c.red() < 60 && c.green() > 200 && c.blue() > 200)
                    return true;
            }
        return false;
    };
    QVERIFY2(cyanNear(line), qPrintable(QStringLiteral("no line at %1,%2").arg(line.x()).arg(line.y())));
    QVERIFY2(!cyanNear(notLine), qPrintable(QStringLiteral("a line at %1,%2").arg(notLine.x()).arg(notLine.y())));
    // Measuring follows the turned image: the widget point of the line maps back to image column 4.
    QVERIFY(qAbs(view.widgetToImage(QPointF(line)).x() - 4) < 0.6);
}

// Fit to the window fits the image as it lies: 32 wide × 16 high fills 640 × 320 at 20×, turned a
// quarter (16 wide × 32 high) only at 10×; switched off, 20× again.
void TestDicomComparisonView::turnedImageFitsAsItLies()
{
    QTemporaryDir dir;
    PresentationFixtures::Image image;
    image.columns = 32;
    image.rows = 16;
    QVERIFY(image.write(dir.filePath(QStringLiteral("ct.dcm"))));
    PresentationFixtures::PresentationState ps;
    ps.sopUid = image.sopUid();
    ps.rectangularShutter = false;
    ps.rotation = 270;
    QVERIFY(ps.write(dir.filePath(QStringLiteral("pr.dcm"))));
    const DicomScanResult scan = DicomSeriesScanner::scan({dir.path()});
    QCOMPARE(scan.series.size(), 1);
    DicomImageView view;
    view.setFixedSize(640, 320);
    view.show();
    view.setSeries(scan.series.first());
    view.setPresentationObjects(DicomPresentationReader::read(scan.otherObjects));
    QTRY_VERIFY(view.isCurrentSliceReady());
    QCOMPARE(view.zoom(), 10.0);
    view.setPresentationShown(false);
    QCOMPARE(view.zoom(), 20.0);
}

namespace {
// A 32 × 32 image filled with |fill| in a 320 × 320 view with |ps| (no shutter, no text) applied.
struct PresentedImage
{
    QTemporaryDir dir;
    DicomImageView view;
    bool open(int fill, PresentationFixtures::PresentationState ps, PresentationFixtures::Image image = {})
    {
        image.fill = fill;
        if (!image.write(dir.filePath(QStringLiteral("ct.dcm"))))
            return false;
        ps.sopUid = image.sopUid();
        ps.rectangularShutter = false;
        ps.text.clear();
        if (!ps.write(dir.filePath(QStringLiteral("pr.dcm"))))
            return false;
        const DicomScanResult scan = DicomSeriesScanner::scan({dir.path()});
        if (scan.series.size() != 1)
            return false;
        view.setFixedSize(320, 320);
        view.show();
        view.setSeries(scan.series.first());
        view.setPresentationObjects(DicomPresentationReader::read(scan.otherObjects));
        QElapsedTimer timer;
        timer.start();
        while (!view.isCurrentSliceReady() && timer.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        return view.isCurrentSliceReady() && view.currentPresentationState();
    }
    int greyAt(const QPoint &at) { return view.grab().toImage().pixelColor(at).red(); }
};
} // namespace

// The state's presentation LUT shape and its own modality LUT, by the grey of a pixel in the middle.
void TestDicomComparisonView::presentationStateGreyscale_data()
{
    QTest::addColumn<int>("fill");
    QTest::addColumn<QByteArray>("shape");
    QTest::addColumn<QByteArray>("slope");
    QTest::addColumn<QByteArray>("intercept");
    QTest::addColumn<QByteArray>("center");
    QTest::addColumn<int>("grey");       // shown
    QTest::addColumn<int>("greyHidden"); // presentation states hidden (the image's window 500/1000)
    // Window 100/200 over value 10: near black; inverted near white.
    QTest::newRow("identity") << 10 << QByteArray("IDENTITY") << QByteArray() << QByteArray() << QByteArray("100") << 13 << 3;
    QTest::newRow("inverse") << 10 << QByteArray("INVERSE") << QByteArray() << QByteArray() << QByteArray("100") << 242 << 3;
    // Stored 300 is 2·300 − 1000 = −400 in the state's values: its window −400/200 puts it mid-grey
    // (in the image's values, 300, the same window would give white).
    QTest::newRow("own modality LUT") << 300 << QByteArray("IDENTITY") << QByteArray("2") << QByteArray("-1000") << QByteArray("-400") << 128 << 77;
    QTest::newRow("own modality LUT, inverse") << 300 << QByteArray("INVERSE") << QByteArray("2") << QByteArray("-1000") << QByteArray("-400") << 127 << 77;
    QTest::newRow("own modality LUT, value below the window") << 200 << QByteArray("IDENTITY") << QByteArray("2") << QByteArray("-1000") << QByteArray("-400") << 0 << 51;
}

void TestDicomComparisonView::presentationStateGreyscale()
{
    QFETCH(int, fill);
    QFETCH(QByteArray, shape);
    QFETCH(QByteArray, slope);
    QFETCH(QByteArray, intercept);
    QFETCH(QByteArray, center);
    QFETCH(int, grey);
    QFETCH(int, greyHidden);
    PresentationFixtures::PresentationState ps;
    ps.presentationLutShape = shape;
    ps.rescaleSlope = slope;
    ps.rescaleIntercept = intercept;
    ps.windowCenter = center;
    ps.windowWidth = "200";
    PresentedImage shown;
    QVERIFY(shown.open(fill, ps));
    const QPoint middle(160, 150);
    QVERIFY2(qAbs(shown.greyAt(middle) - grey) <= 6, qPrintable(QString::number(shown.greyAt(middle))));
    shown.view.setPresentationShown(false);
    QVERIFY2(qAbs(shown.greyAt(middle) - greyHidden) <= 6, qPrintable(QString::number(shown.greyAt(middle))));
}

// Annotations in the colour their graphic layer recommends (the polyline along row 20).
void TestDicomComparisonView::graphicLayerColour_data()
{
    QTest::addColumn<QList<Uint16>>("lab");
    QTest::addColumn<int>("grey");
    QTest::addColumn<QColor>("expected");
    QTest::newRow("none: cyan") << QList<Uint16>() << -1 << QColor(0, 255, 255);
    // sRGB red is L* 53.24, a* 80.09, b* 67.20: scaled to 0–65535 as PS3.3 C.10.7.1.1 says.
    QTest::newRow("CIELab red") << QList<Uint16>{34891, 53480, 50167} << -1 << QColor(255, 0, 0);
    QTest::newRow("CIELab blue") << QList<Uint16>{21170, 53250, 5175} << -1 << QColor(0, 0, 255);
    QTest::newRow("grayscale white") << QList<Uint16>() << 65535 << QColor(255, 255, 255);
}

void TestDicomComparisonView::graphicLayerColour()
{
    QFETCH(QList<Uint16>, lab);
    QFETCH(int, grey);
    QFETCH(QColor, expected);
    PresentationFixtures::PresentationState ps;
    ps.layerCieLab = lab;
    ps.layerGrey = grey;
    PresentedImage shown;
    QVERIFY(shown.open(100, ps)); // mid-grey image
    const QImage shot = shown.view.grab().toImage();
    bool found = false;
    for (int dy = -3; dy <= 3 && !found; ++dy) {
        const QColor c = shot.pixelColor(160, 200 + dy);
        found = qAbs(c.red() - expected.red()) <= 12 && qAbs(c.green() - expected.green()) <= 12 && qAbs(c.blue() - expected.blue()) <= 12;
    }
    QVERIFY2(found, qPrintable(shot.pixelColor(160, 200).name()));
}

// The displayed area: the part of the image fitted (or magnified) and centred; the polyline on row 20
// lies outside the top-left quarter.
void TestDicomComparisonView::displayedAreaSelection_data()
{
    QTest::addColumn<QRect>("area");
    QTest::addColumn<QByteArray>("mode");
    QTest::addColumn<QByteArray>("ratio");
    QTest::addColumn<double>("zoom");
    QTest::addColumn<QPointF>("middle"); // the image point at the widget's centre
    QTest::addColumn<bool>("lineShown");
    QTest::newRow("none") << QRect() << QByteArray() << QByteArray() << 10.0 << QPointF(16, 16) << true;
    QTest::newRow("top-left quarter, scale to fit") << QRect(QPoint(1, 1), QPoint(16, 16)) << QByteArray("SCALE TO FIT") << QByteArray()
                                                     << 20.0 << QPointF(8, 8) << false;
    QTest::newRow("top-left quarter, magnify 4") << QRect(QPoint(1, 1), QPoint(16, 16)) << QByteArray("MAGNIFY") << QByteArray("4")
                                                  << 4.0 << QPointF(8, 8) << true;
    QTest::newRow("true size is fitted") << QRect(QPoint(1, 1), QPoint(16, 16)) << QByteArray("TRUE SIZE") << QByteArray() << 20.0
                                         << QPointF(8, 8) << false;
    QTest::newRow("bottom half") << QRect(QPoint(1, 17), QPoint(32, 32)) << QByteArray("SCALE TO FIT") << QByteArray() << 10.0
                                 << QPointF(16, 24) << true;
}

void TestDicomComparisonView::displayedAreaSelection()
{
    QFETCH(QRect, area);
    QFETCH(QByteArray, mode);
    QFETCH(QByteArray, ratio);
    QFETCH(double, zoom);
    QFETCH(QPointF, middle);
    QFETCH(bool, lineShown);
    PresentationFixtures::PresentationState ps;
    ps.displayedArea = area;
    ps.sizeMode = mode;
    ps.magnification = ratio;
    PresentedImage shown;
    QVERIFY(shown.open(100, ps));
    QCOMPARE(shown.view.zoom(), zoom);
    const QPointF at = shown.view.widgetToImage(QPointF(160, 160));
    QVERIFY2(QLineF(at, middle).length() < 0.2, qPrintable(QStringLiteral("%1,%2").arg(at.x()).arg(at.y())));
    const QImage shot = shown.view.grab().toImage();
    bool cyan = false;
    for (int y = 0; y < shot.height() && !cyan; ++y)
        for (int x = 0; x < shot.width() && !cyan; ++x) {
            const QColor c = shot.pixelColor(x, y);
            cyan = c.red() < 60 && c.green() > 200 && c.blue() > 200;
        }
    QCOMPARE(cyan, lineShown);
    shown.view.setPresentationShown(false);
    QCOMPARE(shown.view.zoom(), 10.0);
    QVERIFY(QLineF(shown.view.widgetToImage(QPointF(160, 160)), QPointF(16, 16)).length() < 0.2);
}

void TestDicomComparisonView::presentationWindowOnlyOnItsSlices()
{
    QTemporaryDir dir;
    PresentationFixtures::PresentationState ps;
    ps.sopUid = "1.2.826.0.1.3680043.9.7433.77.1.1.3"; // the current CT's third slice
    QVERIFY(ps.write(dir.filePath(QStringLiteral("pr.dcm"))));
    DicomSliceRef ref;
    ref.path = dir.filePath(QStringLiteral("pr.dcm"));
    DicomImageView view;
    view.resize(200, 200);
    view.show();
    view.setSeries(m_series.at(0));
    view.setPresentationObjects(DicomPresentationReader::read({ref}));
    QTRY_VERIFY(view.isCurrentSliceReady());
    QCOMPARE(view.window().center, 500.0);
    view.setCurrentIndex(2);
    QTRY_COMPARE(view.window().center, 100.0);
    // Scrolling on: the file's window again, not the state's.
    view.setCurrentIndex(3);
    QTRY_VERIFY(view.isCurrentSliceReady());
    QCOMPARE(view.window().center, 500.0);
    QVERIFY(!view.currentPresentationState());
}

void TestDicomComparisonView::keyImagesMarked()
{
    DicomViewerWidget viewer;
    viewer.resize(1000, 600);
    viewer.show();
    viewer.setSeries(m_series);
    viewer.setPresentationObjects(m_objects);
    // Slices 3 and 8 (instances .3 and .8, display indexes 2 and 7) of the current CT.
    QVERIFY2(viewer.browserText().contains(QStringLiteral("★ 2 key image(s)")), qPrintable(viewer.browserText()));
    QVERIFY(!viewer.keyImageNotice()->isVisibleTo(&viewer));
    DicomImageView *view = viewer.imageView();
    view->setCurrentIndex(2);
    QTRY_VERIFY(view->isCurrentSliceReady());
    QCOMPARE(view->currentKeyImageTitles(), QStringList{QStringLiteral("Of Interest")});
    QVERIFY(view->overlayText(DicomImageView::Corner::BottomLeft).contains(QStringLiteral("★ Key image: Of Interest")));
    view->setCurrentIndex(3);
    QTRY_VERIFY(view->isCurrentSliceReady());
    QVERIFY(view->currentKeyImageTitles().isEmpty());
    QVERIFY(!view->overlayText(DicomImageView::Corner::BottomLeft).contains(QStringLiteral("Key image")));
}

void TestDicomComparisonView::structuredReportAsText()
{
    DicomViewerWidget viewer;
    viewer.resize(1000, 600);
    viewer.show();
    viewer.setSeries(m_series);
    viewer.setPresentationObjects(m_objects);
    QVERIFY(viewer.browserText().contains(QStringLiteral("Report: 画像診断報告書")));
    // Choosing the report row shows it as text; choosing a series again shows images.
    QTreeWidgetItem *row = nullptr;
    const QList<QTreeWidgetItem *> rows = viewer.browser()->findItems(QStringLiteral("Report: 画像診断報告書"), Qt::MatchRecursive | Qt::MatchExactly);
    QCOMPARE(rows.size(), 1);
    row = rows.first();
    viewer.browser()->setCurrentItem(row);
    QVERIFY(viewer.isShowingReport());
    const QString text = viewer.reportView()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("  所見: 右肺上葉に 12 mm の結節あり。")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("直径: 12 mm")));
    QVERIFY(text.contains(QStringLiteral("結論: 経過観察")));
    QVERIFY(text.contains(QStringLiteral("UNVERIFIED")));
    QVERIFY(text.contains(QStringLiteral("Facility: Kakehashi General Hospital")));
    viewer.showSeriesAt(0);
    QVERIFY(!viewer.isShowingReport());
}

KAKEHASHI_TEST_MAIN(TestDicomComparisonView)
#include "tst_dicomcomparisonview.moc"
