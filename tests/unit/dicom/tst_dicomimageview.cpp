// The image view driven like a user: window/level drag, presets, invert, zoom, measurement,
// stack scroll, cine; checks the displayed W/L text and the painted pixels.
#include "dicom/dicomframedecoder.h"
#include "viewer/imageview/dicomimageview.h"
#include "dicom/dicomseries.h"
#include "dicomtestsupport.h"
#include "viewer/imageview/dicomviewerwidget.h"

#include <QApplication>
#include <QComboBox>
#include <QTreeWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <vector>

using namespace Kakehashi;
using namespace Kakehashi::Dicom;

class TestDicomImageView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void windowLevelPresetsAndPixels();
    void measurementInMillimetres();
    void stackScrollAndCine();
    void overlaysDrawnAndToggled();
    void thumbnails();
    void personNameForDisplay_data();
    void personNameForDisplay();

private:
    static DicomSeries seriesOf(const QString &file);
    static QColor shownAt(DicomImageView &view, const QPoint &widgetPos);
};

void TestDicomImageView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (!QFileInfo::exists(pydicomFile(QStringLiteral("test_files/CT_small.dcm"))))
        QSKIP("python3-pydicom's sample files are not installed");
}

DicomSeries TestDicomImageView::seriesOf(const QString &file)
{
    const DicomScanResult scan = DicomSeriesScanner::scan({pydicomFile(file)});
    return scan.series.value(0);
}

QColor TestDicomImageView::shownAt(DicomImageView &view, const QPoint &widgetPos)
{
    return view.grab().toImage().pixelColor(widgetPos);
}

void TestDicomImageView::windowLevelPresetsAndPixels()
{
    const QString path = pydicomFile(QStringLiteral("test_files/CT_small.dcm"));
    const DicomDecodeResult reference = DicomFrameDecoder::decodeFile(path);
    QVERIFY(reference.ok);
    const DicomFrame &frame = reference.frames.first();
    const VoiWindow fileWindow = DicomFrameDecoder::defaultWindow(reference.info, frame);

    DicomViewerWidget viewer;
    viewer.resize(700, 600);
    viewer.show();
    viewer.setSeries({seriesOf(QStringLiteral("test_files/CT_small.dcm"))});
    DicomImageView &view = *viewer.imageView();
    QTRY_VERIFY(view.isCurrentSliceReady());
    QVERIFY(view.overlayText(DicomImageView::Corner::BottomRight)
                .startsWith(QStringLiteral("W: %1 L: %2").arg(fileWindow.width, 0, 'f', 0).arg(fileWindow.center, 0, 'f', 0)));
    QVERIFY(view.overlayText(DicomImageView::Corner::TopLeft).contains(DicomImageView::personNameForDisplay(reference.info.patientName)));

    // Drag right and down: wider window, higher level.
    const QPoint start(view.width() / 2, view.height() / 2);
    QTest::mousePress(&view, Qt::LeftButton, {}, start);
    QTest::mouseMove(&view, start + QPoint(30, 12));
    QTest::mouseRelease(&view, Qt::LeftButton, {}, start + QPoint(30, 12));
    const double step = std::max(1.0, fileWindow.width / 256.0);
    QCOMPARE(view.window().width, fileWindow.width + 30 * step);
    QCOMPARE(view.window().center, fileWindow.center + 12 * step);

    // The lung preset from the combo box, then the painted pixel equals the reference rendering.
    QComboBox *presets = viewer.presets();
    const int lung = presets->findText(QStringLiteral("Lung"));
    QVERIFY(lung > 0);
    presets->setCurrentIndex(lung);
    emit presets->activated(lung);
    QVERIFY(view.overlayText(DicomImageView::Corner::BottomRight).startsWith(QStringLiteral("W: 1500 L: -600")));
    const double fitted = view.zoom();
    QCOMPARE(fitted, std::min(view.width() / 128.0, view.height() / 128.0));
    view.setZoom(4); // nearest-neighbour: one image pixel covers 4×4 screen pixels
    const QPoint probe(view.width() / 2 + 10, view.height() / 2 + 6);
    const QPointF ip = view.widgetToImage(QPointF(probe) + QPointF(0.5, 0.5));
    const QImage expected = frame.render(VoiWindow{-600, 1500, QString()});
    const int gray = qGray(expected.pixel(int(ip.x()), int(ip.y())));
    QCOMPARE(qGray(shownAt(view, probe).rgb()), gray);
    QTest::keyClick(&view, Qt::Key_I);
    QVERIFY(view.isInverted());
    QCOMPARE(qGray(shownAt(view, probe).rgb()), 255 - gray);
    QTest::keyClick(&view, Qt::Key_F);
    QCOMPARE(view.zoom(), fitted);
}

void TestDicomImageView::measurementInMillimetres()
{
    const QString path = pydicomFile(QStringLiteral("test_files/CT_small.dcm"));
    const DicomDecodeResult info = DicomFrameDecoder::readInfo(path);
    QVERIFY(!info.info.pixelSpacing.isEmpty());
    DicomImageView view;
    view.resize(512, 512);
    view.show();
    view.setSeries(seriesOf(QStringLiteral("test_files/CT_small.dcm")));
    QTRY_VERIFY(view.isCurrentSliceReady());
    view.setTool(DicomImageView::Tool::Measure);
    QSignalSpy measured(&view, &DicomImageView::measurementChanged);
    const QPoint a(100, 120), b(300, 260);
    QTest::mousePress(&view, Qt::LeftButton, {}, a);
    QTest::mouseMove(&view, b);
    QTest::mouseRelease(&view, Qt::LeftButton, {}, b);
    QCOMPARE(measured.size(), 1);
    const QPointF ia = view.widgetToImage(a);
    const QPointF ib = view.widgetToImage(b);
    const double expected = std::hypot((ib.x() - ia.x()) * info.info.pixelSpacing.width(),
                                       (ib.y() - ia.y()) * info.info.pixelSpacing.height());
    QVERIFY(expected > 10);
    QCOMPARE(view.measuredDistanceMm(), expected);
    QCOMPARE(measured.first().first().toDouble(), expected);
}

void TestDicomImageView::stackScrollAndCine()
{
    DicomImageView view;
    view.resize(400, 400);
    view.show();
    const DicomSeries series = seriesOf(QStringLiteral("test_files/rtdose.dcm"));
    QCOMPARE(series.slices.size(), 15);
    view.setSeries(series);
    QTRY_VERIFY(view.isCurrentSliceReady());
    QWheelEvent down(QPointF(200, 200), view.mapToGlobal(QPointF(200, 200)), QPoint(), QPoint(0, -120), Qt::NoButton,
                     Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&view, &down);
    QCOMPARE(view.currentIndex(), 1);
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.currentIndex(), 14);
    QTRY_VERIFY(view.isCurrentSliceReady());
    QVERIFY(view.overlayText(DicomImageView::Corner::BottomLeft).startsWith(QStringLiteral("Im: 15/15")));
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(view.currentIndex(), 13);
    QSignalSpy changed(&view, &DicomImageView::currentIndexChanged);
    view.setCinePlaying(true);
    QTRY_VERIFY(changed.size() >= 3);
    view.setCinePlaying(false);
    // A tiny budget keeps only frames nearest to the current slice.
    view.setMemoryBudget(1);
    view.setCurrentIndex(0);
    QTRY_VERIFY(view.isCurrentSliceReady());
    QTRY_COMPARE(view.cachedBytes(), qint64(10 * 10 * 2));
}

void TestDicomImageView::thumbnails()
{
    DicomViewerWidget viewer;
    viewer.show();
    const DicomScanResult scan = DicomSeriesScanner::scan({pydicomFile(QStringLiteral("test_files/CT_small.dcm")),
                                                           pydicomFile(QStringLiteral("test_files/MR_small.dcm"))});
    QCOMPARE(scan.series.size(), 2);
    viewer.setSeries(scan.series);
    QCOMPARE(viewer.seriesCount(), 2);
    QTRY_VERIFY(!viewer.seriesItem(0)->icon(0).isNull());
    QTRY_VERIFY(!viewer.seriesItem(1)->icon(0).isNull());
    viewer.browser()->setCurrentItem(viewer.seriesItem(1));
    QTRY_VERIFY(viewer.imageView()->isCurrentSliceReady());
    QCOMPARE(viewer.imageView()->series().modality, scan.series.at(1).modality);
}

// A 60xx overlay (a marked lesion): decoded bit for bit, drawn in yellow over the image, hidden by
// the toggle.
void TestDicomImageView::overlaysDrawnAndToggled()
{
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    ds->putAndInsertString(DCM_SOPClassUID, UID_MRImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.9.7433.14.40.1");
    ds->putAndInsertString(DCM_SeriesInstanceUID, "1.2.826.0.1.3680043.9.7433.14.40");
    ds->putAndInsertString(DCM_Modality, "MR");
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertUint16(DCM_Rows, 32);
    ds->putAndInsertUint16(DCM_Columns, 32);
    ds->putAndInsertUint16(DCM_BitsAllocated, 16);
    ds->putAndInsertUint16(DCM_BitsStored, 12);
    ds->putAndInsertUint16(DCM_HighBit, 11);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
    ds->putAndInsertString(DCM_WindowCenter, "100");
    ds->putAndInsertString(DCM_WindowWidth, "200");
    std::vector<Uint16> pixels(32 * 32, 0); // black image
    ds->putAndInsertUint16Array(DCM_PixelData, pixels.data(), pixels.size());
    // Overlay 16×16 at row 9, column 5: a filled square in its top-left 8×8.
    std::vector<Uint8> bits(16 * 16 / 8, 0);
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x)
            bits[size_t((y * 16 + x) / 8)] |= Uint8(1u << ((y * 16 + x) % 8));
    ds->putAndInsertUint16(DcmTagKey(0x6000, 0x0010), 16);
    ds->putAndInsertUint16(DcmTagKey(0x6000, 0x0011), 16);
    ds->putAndInsertString(DcmTagKey(0x6000, 0x0040), "G");
    ds->putAndInsertString(DcmTagKey(0x6000, 0x1500), "LESION");
    ds->putAndInsertString(DcmTagKey(0x6000, 0x0050), "9\\5"); // Overlay Origin: row, column
    ds->putAndInsertUint16(DcmTagKey(0x6000, 0x0100), 1);
    ds->putAndInsertUint16(DcmTagKey(0x6000, 0x0102), 0);
    ds->putAndInsertUint8Array(DcmTagKey(0x6000, 0x3000), bits.data(), bits.size());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("overlay.dcm"));
    QVERIFY(file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good());

    const DicomDecodeResult r = DicomFrameDecoder::decodeFile(path);
    QVERIFY2(r.ok, qPrintable(r.errorString));
    QCOMPARE(r.info.overlays.size(), 1);
    const DicomOverlay &o = r.info.overlays.first();
    QCOMPARE(o.label, QStringLiteral("LESION"));
    QCOMPARE(o.originRow, 9);
    QCOMPARE(o.originColumn, 5);
    QCOMPARE(o.bitmap.size(), QSize(16, 16));
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 16; ++x)
            QCOMPARE(o.bitmap.pixelIndex(x, y), x < 8 && y < 8 ? 1 : 0);

    const DicomScanResult scan = DicomSeriesScanner::scan({path});
    QCOMPARE(scan.series.size(), 1);
    DicomImageView view;
    view.resize(320, 320);
    view.show();
    view.setSeries(scan.series.first());
    QTRY_VERIFY(view.isCurrentSliceReady());
    QCOMPARE(view.overlayCount(), 1);
    // Image pixel (column 5+3, row 9+3) is inside the square; (column 20, row 20) is outside.
    // The widget point in the middle of an image pixel (the view is zoomed to fit, ~10× here).
    auto colourAt = [&view](int column, int row) {
        const QImage shot = view.grab().toImage();
        for (int y = 0; y < view.height(); ++y)
            for (int x = 0; x < view.width(); ++x) {
                const QPointF i = view.widgetToImage(QPointF(x + 0.5, y + 0.5));
                if (int(std::floor(i.x())) == column && int(std::floor(i.y())) == row)
                    return QColor(shot.pixel(x + 3, y + 3));
            }
        return QColor();
    };
    QColor inside = colourAt(4 + 3, 8 + 3);
    QVERIFY2(inside.red() > 200 && inside.green() > 200 && inside.blue() < 60, qPrintable(inside.name()));
    QColor outside = colourAt(20, 20);
    QVERIFY2(outside.red() < 30 && outside.green() < 30, qPrintable(outside.name()));
    view.setOverlaysShown(false);
    inside = colourAt(4 + 3, 8 + 3);
    QVERIFY2(inside.red() < 30 && inside.green() < 30, qPrintable(inside.name()));
}

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestDicomImageView t;
    return QTest::qExec(&t, argc, argv);
}

void TestDicomImageView::personNameForDisplay_data()
{
    QTest::addColumn<QString>("dicom");
    QTest::addColumn<QString>("shown");
    QTest::newRow("three groups") << QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう") << QStringLiteral("山田 太郎（やまだ たろう） Yamada Tarou");
    QTest::newRow("no alphabetic") << QStringLiteral("=山田^太郎=やまだ^たろう") << QStringLiteral("山田 太郎（やまだ たろう）");
    QTest::newRow("alphabetic only") << QStringLiteral("Doe^John^^Dr") << QStringLiteral("Doe John Dr");
    QTest::newRow("half-width kana") << QStringLiteral("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう") << QStringLiteral("山田 太郎（やまだ たろう） ﾔﾏﾀﾞ ﾀﾛｳ");
    QTest::newRow("empty") << QString() << QString();
}

void TestDicomImageView::personNameForDisplay()
{
    QFETCH(QString, dicom);
    QFETCH(QString, shown);
    QCOMPARE(DicomImageView::personNameForDisplay(dicom), shown);
}

#include "tst_dicomimageview.moc"
