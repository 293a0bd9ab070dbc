// Images from anywhere (issue 14): files without preamble, HTJ2K, deflate, unsupported transfer
// syntaxes named, enhanced multi-frame functional groups, a window for files that give none.
// Every fixture is made here with DCMTK or is a small file under tests/data/dicom.
#include "dicom/dicomfilekind.h"
#include "dicom/dicomframedecoder.h"
#include "dicom/dicomseries.h"

#include <QFile>
#include <QTemporaryDir>

#include <functional>
#include <QtTest>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <vector>

using namespace Kakehashi::Dicom;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/data/dicom/") + QLatin1String(name);
}

// A small signed CT: stored value (x * 100 + y * 7 - 1000), rescale intercept |intercept|.
constexpr int Width = 16;
constexpr int Height = 12;
Sint16 storedAt(int x, int y, int frame = 0)
{
    return Sint16(x * 100 + y * 7 - 1000 + frame * 3);
}

void fillCt(DcmDataset *ds, int frames, const char *intercept, int width = Width, int height = Height)
{
    ds->putAndInsertString(DCM_SOPClassUID, frames > 1 ? UID_EnhancedCTImageStorage : UID_CTImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.9.7433.14.3.1");
    ds->putAndInsertString(DCM_StudyInstanceUID, "1.2.826.0.1.3680043.9.7433.14.3");
    ds->putAndInsertString(DCM_SeriesInstanceUID, "1.2.826.0.1.3680043.9.7433.14.3.2");
    ds->putAndInsertString(DCM_Modality, "CT");
    ds->putAndInsertString(DCM_PatientName, "Preamble^None");
    ds->putAndInsertString(DCM_PatientID, "NP-1");
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertUint16(DCM_Rows, Uint16(height));
    ds->putAndInsertUint16(DCM_Columns, Uint16(width));
    ds->putAndInsertUint16(DCM_BitsAllocated, 16);
    ds->putAndInsertUint16(DCM_BitsStored, 16);
    ds->putAndInsertUint16(DCM_HighBit, 15);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 1);
    if (intercept) {
        ds->putAndInsertString(DCM_RescaleIntercept, intercept);
        ds->putAndInsertString(DCM_RescaleSlope, "1");
    }
    if (frames > 1)
        ds->putAndInsertString(DCM_NumberOfFrames, QByteArray::number(frames).constData());
    std::vector<Uint16> words;
    for (int f = 0; f < frames; ++f)
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                words.push_back(Uint16(storedAt(x, y, f)));
    ds->putAndInsertUint16Array(DCM_PixelData, words.data(), words.size());
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestDicomSources : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }
    void fileKindByContent_data();
    void fileKindByContent();
    void filesWithoutPreamble_data();
    void filesWithoutPreamble();
    void htj2k_data();
    void htj2k();
    void deflated();
    void unsupportedSyntaxIsNamed();
    void enhancedCtFunctionalGroups();
    void windowForFilesWithoutOne();
    void windowForTwoValuedFrames_data();
    void windowForTwoValuedFrames();

private:
    QString part10Ct(const QString &name, E_TransferSyntax xfer, const char *intercept = "-24", int width = Width, int height = Height);
    QTemporaryDir m_tmp;
};

QString TestDicomSources::part10Ct(const QString &name, E_TransferSyntax xfer, const char *intercept, int width, int height)
{
    DcmFileFormat file;
    fillCt(file.getDataset(), 1, intercept, width, height);
    const QString path = m_tmp.filePath(name);
    if (file.saveFile(QFile::encodeName(path).constData(), xfer).bad())
        return {};
    return path;
}

void TestDicomSources::fileKindByContent_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("kind");
    QByteArray part10(128, '\0');
    part10 += "DICM";
    part10 += QByteArray::fromHex("02000000554c0400");
    QTest::newRow("preamble") << part10 << int(DicomFileKind::Part10);
    QTest::newRow("meta group first") << QByteArray::fromHex("02000000554c0400c0000000") << int(DicomFileKind::NoPreamble);
    QTest::newRow("meta element first, OB") << QByteArray::fromHex("020001004f420000020000000001") << int(DicomFileKind::NoPreamble);
    QTest::newRow("group 0008 implicit") << QByteArray::fromHex("0800050008000000495f4952203130300800") << int(DicomFileKind::NoPreamble);
    QTest::newRow("group 0008 explicit") << QByteArray::fromHex("08000500435308004953") << int(DicomFileKind::NoPreamble);
    QTest::newRow("group 0008 big endian") << QByteArray::fromHex("00080016554900") + QByteArray("\x1a") << int(DicomFileKind::NoPreamble);
    QTest::newRow("FHIR JSON") << QByteArray("{\"resourceType\": \"Bundle\"}") << int(DicomFileKind::NotDicom);
    QTest::newRow("JSON with BOM") << QByteArray("\xef\xbb\xbf{\"a\":1}") << int(DicomFileKind::NotDicom);
    QTest::newRow("PNG") << QByteArray::fromHex("89504e470d0a1a0a0000000d49484452") << int(DicomFileKind::NotDicom);
    QTest::newRow("group 0010 first") << QByteArray::fromHex("100010005049") << int(DicomFileKind::NotDicom);
    QTest::newRow("short") << QByteArray::fromHex("0800") << int(DicomFileKind::NotDicom);
    QTest::newRow("empty") << QByteArray() << int(DicomFileKind::NotDicom);
}

void TestDicomSources::fileKindByContent()
{
    QFETCH(QByteArray, head);
    QFETCH(int, kind);
    QCOMPARE(int(dicomFileKind(head)), kind);
}

void TestDicomSources::filesWithoutPreamble_data()
{
    QTest::addColumn<QString>("form");
    QTest::newRow("meta header, no preamble") << "meta";
    QTest::newRow("data set only, implicit VR") << "implicit";
    QTest::newRow("data set only, explicit VR") << "explicit";
    QTest::newRow("data set only, big endian") << "big";
}

void TestDicomSources::filesWithoutPreamble()
{
    QFETCH(QString, form);
    const QString path = m_tmp.filePath(QStringLiteral("np-%1").arg(form)); // no extension, as on CDs
    if (form == u"meta") {
        const QString full = part10Ct(QStringLiteral("full.dcm"), EXS_LittleEndianExplicit);
        QVERIFY(!full.isEmpty());
        QVERIFY(writeAll(path, readAll(full).mid(132)));
        QVERIFY(readAll(path).startsWith(QByteArray::fromHex("0200")));
    } else {
        DcmDataset ds;
        fillCt(&ds, 1, "-24");
        const E_TransferSyntax xfer = form == u"implicit" ? EXS_LittleEndianImplicit
            : form == u"explicit"                          ? EXS_LittleEndianExplicit
                                                           : EXS_BigEndianExplicit;
        QVERIFY(ds.saveFile(QFile::encodeName(path).constData(), xfer).good());
        const QByteArray head = readAll(path).left(2);
        QVERIFY2(head == QByteArray::fromHex("0800") || head == QByteArray::fromHex("0008"), head.toHex().constData());
    }
    QVERIFY(DicomSeriesScanner::isDicomFile(path));
    const DicomDecodeResult r = DicomFrameDecoder::decodeFile(path);
    QVERIFY2(r.ok, qPrintable(r.errorString));
    QCOMPARE(r.info.patientId, QStringLiteral("NP-1"));
    const DicomFrame &f = r.frames.first();
    for (int y = 0; y < Height; y += 3)
        for (int x = 0; x < Width; x += 5)
            QCOMPARE(f.modalityValue(x, y), double(storedAt(x, y) - 24));
    // A folder holding only such files is a folder of images.
    QTemporaryDir folder;
    QVERIFY(QFile::copy(path, folder.filePath(QStringLiteral("IM000001"))));
    const DicomScanResult scan = DicomSeriesScanner::scan({folder.path()});
    QVERIFY2(scan.errors.isEmpty(), qPrintable(scan.errors.join(u'\n')));
    QCOMPARE(scan.series.size(), 1);
    QCOMPARE(scan.series.first().slices.size(), 1);
}

void TestDicomSources::htj2k_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("uid");
    QTest::newRow("HTJ2K lossless") << fixture("htj2k-201.dcm") << "1.2.840.10008.1.2.4.201";
    QTest::newRow("HTJ2K lossless RPCL") << fixture("htj2k-202.dcm") << "1.2.840.10008.1.2.4.202";
    QTest::newRow("HTJ2K") << fixture("htj2k-203.dcm") << "1.2.840.10008.1.2.4.203";
}

// The fixtures hold one 16×12 frame encoded by OpenJPH: value (x * 100 + y * 7 - 1000).
void TestDicomSources::htj2k()
{
    QFETCH(QString, file);
    QFETCH(QString, uid);
    for (const bool fromMemory : {false, true}) {
        const DicomDecodeResult r = fromMemory ? DicomFrameDecoder::decodeBytes(readAll(file), {}) : DicomFrameDecoder::decodeFile(file);
        QVERIFY2(r.ok, qPrintable(r.errorString));
        QCOMPARE(r.info.transferSyntaxUid, uid);
        QCOMPARE(r.frames.size(), 1);
        const DicomFrame &f = r.frames.first();
        QCOMPARE(f.pixels.size(), QSize(Width, Height));
        for (int y = 0; y < Height; ++y)
            for (int x = 0; x < Width; ++x)
                QCOMPARE(f.modalityValue(x, y), double(storedAt(x, y)));
    }
    const DicomDecodeResult info = DicomFrameDecoder::readInfo(file);
    QVERIFY(info.ok);
    QCOMPARE(info.info.transferSyntaxUid, uid);
}

void TestDicomSources::deflated()
{
    // Larger than DCMTK reads at once: the pixels come from the inflated stream on demand.
    const int width = 200, height = 150;
    const QString path = part10Ct(QStringLiteral("deflated.dcm"), EXS_DeflatedLittleEndianExplicit, "-24", width, height);
    QVERIFY(!path.isEmpty());
    QCOMPARE(DicomFrameDecoder::readInfo(path).info.transferSyntaxUid, QStringLiteral(UID_DeflatedExplicitVRLittleEndianTransferSyntax));
    for (const bool fromMemory : {false, true}) {
        const DicomDecodeResult r = fromMemory ? DicomFrameDecoder::decodeBytes(readAll(path), {}) : DicomFrameDecoder::decodeFile(path);
        QVERIFY2(r.ok, qPrintable(r.errorString));
        const DicomFrame &f = r.frames.first();
        QCOMPARE(f.pixels.size(), QSize(width, height));
        for (int y = 0; y < height; y += 7)
            for (int x = 0; x < width; x += 3)
                QCOMPARE(f.modalityValue(x, y), double(storedAt(x, y) - 24));
    }
    // Cut short, it says so.
    const QByteArray bytes = readAll(path);
    const QString cut = m_tmp.filePath(QStringLiteral("deflated-cut.dcm"));
    QVERIFY(writeAll(cut, bytes.left(bytes.size() * 2 / 3)));
    QVERIFY(!DicomFrameDecoder::decodeFile(cut).ok);
}

void TestDicomSources::unsupportedSyntaxIsNamed()
{
    // H.264 video (an endoscopy CD): not decodable here, and the message says which syntax it is.
    const DicomDecodeResult r = DicomFrameDecoder::decodeFile(fixture("h264-unsupported.dcm"));
    QVERIFY(!r.ok);
    QVERIFY2(r.errorString.contains(QStringLiteral("1.2.840.10008.1.2.4.102")), qPrintable(r.errorString));
    QVERIFY2(!r.errorString.contains(QStringLiteral("truncated")), qPrintable(r.errorString));
    // A syntax UID that DCMTK does not know at all is named as well, not called truncated.
    QByteArray bytes = readAll(fixture("htj2k-203.dcm"));
    const QByteArray known = "1.2.840.10008.1.2.4.203";
    QVERIFY(bytes.contains(known));
    bytes.replace(known, "1.2.840.10008.1.2.4.299");
    const QString unknown = m_tmp.filePath(QStringLiteral("unknown-syntax.dcm"));
    QVERIFY(writeAll(unknown, bytes));
    const DicomDecodeResult u = DicomFrameDecoder::decodeFile(unknown);
    QVERIFY(!u.ok);
    QVERIFY2(u.errorString.contains(QStringLiteral("1.2.840.10008.1.2.4.299")), qPrintable(u.errorString));
    QVERIFY2(!u.errorString.contains(QStringLiteral("truncated")), qPrintable(u.errorString));
}

namespace {

DcmItem *addItem(DcmItem *parent, const DcmTagKey &sequence)
{
    DcmItem *item = nullptr;
    parent->findOrCreateSequenceItem(sequence, item, -2);
    return item;
}

} // namespace

// An enhanced CT as scanners write it: rescale in the shared Pixel Value Transformation, a window per
// frame (Frame VOI LUT) and no top-level Window or Rescale; frames stored out of spatial order.
void TestDicomSources::enhancedCtFunctionalGroups()
{
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    fillCt(ds, 3, nullptr);
    DcmItem *shared = addItem(ds, DCM_SharedFunctionalGroupsSequence);
    DcmItem *pvt = addItem(shared, DCM_PixelValueTransformationSequence);
    pvt->putAndInsertString(DCM_RescaleIntercept, "-1024");
    pvt->putAndInsertString(DCM_RescaleSlope, "1");
    pvt->putAndInsertString(DCM_RescaleType, "HU");
    const double z[] = {10.0, 0.0, 5.0};
    const char *centers[] = {"49", "40", "60"};
    const char *widths[] = {"102", "400", "1500"};
    for (int f = 0; f < 3; ++f) {
        DcmItem *frame = addItem(ds, DCM_PerFrameFunctionalGroupsSequence);
        DcmItem *voi = addItem(frame, DCM_FrameVOILUTSequence);
        voi->putAndInsertString(DCM_WindowCenter, centers[f]);
        voi->putAndInsertString(DCM_WindowWidth, widths[f]);
        DcmItem *plane = addItem(frame, DCM_PlanePositionSequence);
        plane->putAndInsertString(DCM_ImagePositionPatient, QStringLiteral("-100\\-100\\%1").arg(z[f]).toLatin1().constData());
    }
    const QString path = m_tmp.filePath(QStringLiteral("enhanced-ct.dcm"));
    QVERIFY(file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good());

    const DicomDecodeResult r = DicomFrameDecoder::decodeFile(path);
    QVERIFY2(r.ok, qPrintable(r.errorString));
    QCOMPARE(r.frames.size(), 3);
    QVERIFY(r.info.voiWindows.isEmpty());
    QCOMPARE(r.info.frameGroups.size(), 3);
    for (int f = 0; f < 3; ++f) {
        const DicomFrame &frame = r.frames.at(f);
        // Hounsfield units: the shared rescale applied to every frame.
        QCOMPARE(frame.modalityValue(3, 4), double(storedAt(3, 4, f) - 1024));
        // The window applied is the frame's own, not the full range (W1197/L598 before).
        const VoiWindow w = DicomFrameDecoder::defaultWindow(r.info, frame);
        QCOMPARE(w.center, QByteArray(centers[f]).toDouble());
        QCOMPARE(w.width, QByteArray(widths[f]).toDouble());
        // Rendered with it: a pixel at the window's centre is mid-grey, below its bottom black.
        const QImage shown = frame.render(w);
        for (int y = 0; y < Height; ++y)
            for (int x = 0; x < Width; ++x) {
                const double v = frame.modalityValue(x, y);
                const int g = qGray(shown.pixel(x, y));
                if (v <= w.center - 0.5 - (w.width - 1) / 2)
                    QCOMPARE(g, 0);
                else if (v > w.center - 0.5 + (w.width - 1) / 2)
                    QCOMPARE(g, 255);
                else
                    QVERIFY(qAbs(g - ((v - (w.center - 0.5)) / (w.width - 1) + 0.5) * 255) <= 0.5001);
            }
    }
    // One frame alone decodes with its own rescale and window too.
    DicomDecodeOptions one;
    one.firstFrame = 2;
    one.frameCount = 1;
    const DicomDecodeResult third = DicomFrameDecoder::decodeFile(path, one);
    QVERIFY(third.ok);
    QCOMPARE(third.frames.first().frameIndex, 2);
    QCOMPARE(DicomFrameDecoder::defaultWindow(third.info, third.frames.first()).width, 1500.0);
    // The slices run along the stack by Plane Position: z 0, 5, 10 = stored frames 1, 2, 0.
    const DicomScanResult scan = DicomSeriesScanner::scan({path});
    QCOMPARE(scan.series.size(), 1);
    QList<int> order;
    for (const DicomSliceRef &s : scan.series.first().slices)
        order << s.frame;
    QCOMPARE(order, (QList<int>{1, 2, 0}));
}

// A 100×100 CT without a window, pixel i (row-major) stored as |stored|(i), written to |path|.
static bool writeCt100(const QString &path, const std::function<Uint16(int)> &stored)
{
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    fillCt(ds, 1, nullptr, 100, 100);
    Uint16 *words = nullptr;
    DcmElement *pixels = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, pixels).bad() || pixels->getUint16Array(words).bad())
        return false;
    for (int i = 0; i < 100 * 100; ++i)
        words[i] = stored(i);
    return file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good();
}

// Two adjacent values only (a mask, a 1-bit overlay kept as pixels): whatever their shares, the
// default window shows one black and the other white (the percentile count is skipped for them).
void TestDicomSources::windowForTwoValuedFrames_data()
{
    QTest::addColumn<int>("onesPerThousand");
    QTest::newRow("few ones") << 5;     // under 1 %: the percentiles alone would see one value
    QTest::newRow("half") << 500;
    QTest::newRow("few zeros") << 995;
}

void TestDicomSources::windowForTwoValuedFrames()
{
    QFETCH(int, onesPerThousand);
    const QString path = m_tmp.filePath(QStringLiteral("two-valued-%1.dcm").arg(onesPerThousand));
    QVERIFY(writeCt100(path, [onesPerThousand](int i) { return Uint16(i % 1000 < onesPerThousand ? 1 : 0); }));
    const DicomDecodeResult r = DicomFrameDecoder::decodeFile(path);
    QVERIFY2(r.ok, qPrintable(r.errorString));
    QVERIFY(r.info.voiWindows.isEmpty());
    const DicomFrame &f = r.frames.first();
    const VoiWindow w = DicomFrameDecoder::defaultWindow(r.info, f);
    QCOMPARE(w.width, 1.0);
    QCOMPARE(w.center, f.minValue + 0.5);
    const QImage shown = f.render(w);
    QCOMPARE(qGray(shown.pixel(0, 0)), 255); // i = 0: a one
    QCOMPARE(qGray(shown.pixel(99, 99)), 0); // i = 9999: a zero
}

// No window in the file: the 1st–99th percentile of the values, not the full range that a few
// outliers (here a padding value of -32768) would stretch to W 65536.
void TestDicomSources::windowForFilesWithoutOne()
{
    // Soft tissue 0..199 in most pixels; a corner of padding and one bright outlier.
    const QString path = m_tmp.filePath(QStringLiteral("no-window.dcm"));
    QVERIFY(writeCt100(path, [](int i) { return Uint16(Sint16(i == 0 ? -32768 : i == 1 ? 32767 : i % 200)); }));
    const DicomDecodeResult r = DicomFrameDecoder::decodeFile(path);
    QVERIFY2(r.ok, qPrintable(r.errorString));
    QVERIFY(r.info.voiWindows.isEmpty());
    const DicomFrame &f = r.frames.first();
    QCOMPARE(f.fullRangeWindow().width, 65536.0);
    const VoiWindow w = DicomFrameDecoder::defaultWindow(r.info, f);
    QVERIFY2(w.center > 90 && w.center < 110, qPrintable(QString::number(w.center)));
    QVERIFY2(w.width > 180 && w.width < 220, qPrintable(QString::number(w.width)));
    // What is drawn has contrast: value 50 and value 150 are far apart in grey.
    const QImage shown = f.render(w);
    auto greyOf = [&](int value) {
        for (int i = 2; i < 100 * 100; ++i)
            if (i % 200 == value)
                return qGray(shown.pixel(i % 100, i / 100));
        return -1;
    };
    QVERIFY2(greyOf(150) - greyOf(50) > 100, qPrintable(QStringLiteral("%1 vs %2").arg(greyOf(50)).arg(greyOf(150))));
}

QTEST_GUILESS_MAIN(TestDicomSources)
#include "tst_dicomsources.moc"
