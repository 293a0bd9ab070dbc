// Decoding: every transfer syntax against a reference decode, Japanese character sets, and
// corrupt or truncated files giving errors.
#include "dicom/dicomframedecoder.h"
#include "dicom/dicomheader.h"
#include "dicomtestsupport.h"

#include <QElapsedTimer>
#include <functional>
#include <map>
#include <QFile>
#include <QtEndian>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmimgle/dcmimage.h>

#include "../../fixtures/j2kencode.h"
#include <dcmtk/dcmimgle/dipixel.h>

using namespace Kakehashi::Dicom;

namespace {
// xorshift32 seeded by the running data row: each row its own numbers, the same in every run.
struct RowRandom
{
    explicit RowRandom(quint32 salt)
        : state(salt ^ quint32(qHash(QByteArray(QTest::currentDataTag()))))
    {
        if (state == 0)
            state = 1;
    }
    quint32 operator()()
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }
    quint32 state;
};
} // namespace

class TestDicomDecode : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void japaneseNames_data();
    void japaneseNames();
    void matchesReference_data();
    void matchesReference();
    void nativeMatchesStoredValues_data();
    void nativeMatchesStoredValues();
    void multiFrameSubset_data();
    void multiFrameSubset();
    void jpeg2000DecodesOnlyTheFramesAskedFor();
    void hostileRleHeaders_data();
    void hostileRleHeaders();
    void hugeDeclarations_data();
    void hugeDeclarations();
    void callerFrameLimit();
    void jpeg2000SizDisagrees_data();
    void jpeg2000SizDisagrees();
    void declaredLengthPastTheEnd();
    void storedLayouts_data();
    void storedLayouts();
    void rgbMatchesDicomImage_data();
    void rgbMatchesDicomImage();
    void paletteMatchesDicomImage_data();
    void paletteMatchesDicomImage();
    void modalityLut_data();
    void modalityLut();
    void windowRendering();
    void notANumberIsAbsent_data();
    void notANumberIsAbsent();
    void frameTimeACineCanKeep_data();
    void frameTimeACineCanKeep();
    void histogramWindowAnySize_data();
    void histogramWindowAnySize();
    void asyncDecode();
    void brokenFilesGiveErrors_data();
    void brokenFilesGiveErrors();

private:
    QString reference(const QString &tool, const QString &input, const QStringList &extra = {});
    static void compareFrames(const DicomDecodeResult &a, const DicomDecodeResult &b);
    QByteArray imageFile(E_TransferSyntax xfer, int rows, int columns, int samples, int bitsAllocated, const QByteArray &pixels);
    DicomDecodeResult smallImageInfo(const QString &name, const std::function<void(DcmDataset *)> &extra);
    static void expectRefusedQuickly(const DicomDecodeResult &r, qint64 ms, const QString &expected);
    static void putFrames(DcmDataset *ds, const char *photometric, int samples, int width, int height, int frames, int bitsAllocated,
                          int bitsStored, int representation);
    static void matchesDicomImageOutput(const QString &path, int width, int height, int frames);
    QTemporaryDir m_tmp;
};

void TestDicomDecode::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (!QFileInfo::exists(pydicomFile(QStringLiteral("test_files/CT_small.dcm"))))
        QSKIP("python3-pydicom's sample files are not installed");
    QVERIFY(m_tmp.isValid());
}

// Runs a DCMTK command line tool (dcmdjpeg, dcmcrle, …) and returns the output file.
QString TestDicomDecode::reference(const QString &tool, const QString &input, const QStringList &extra)
{
    static int counter = 0;
    const QString out = m_tmp.filePath(QStringLiteral("%1-%2.dcm").arg(tool).arg(++counter));
    QProcess p;
    p.start(tool, extra + QStringList{input, out});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning() << tool << "failed:" << p.readAllStandardError();
        return {};
    }
    return out;
}

void TestDicomDecode::compareFrames(const DicomDecodeResult &a, const DicomDecodeResult &b)
{
    QVERIFY2(a.ok, qPrintable(a.errorString));
    QVERIFY2(b.ok, qPrintable(b.errorString));
    QCOMPARE(a.frames.size(), b.frames.size());
    QVERIFY(!a.frames.isEmpty());
    for (qsizetype f = 0; f < a.frames.size(); ++f) {
        const DicomFrame &fa = a.frames.at(f);
        const DicomFrame &fb = b.frames.at(f);
        QCOMPARE(fa.pixels.size(), fb.pixels.size());
        QCOMPARE(fa.isMonochrome(), fb.isMonochrome());
        if (fa.isMonochrome()) {
            for (int y = 0; y < fa.pixels.height(); ++y) {
                for (int x = 0; x < fa.pixels.width(); ++x) {
                    if (fa.modalityValue(x, y) != fb.modalityValue(x, y))
                        QFAIL(qPrintable(QStringLiteral("frame %1 pixel (%2,%3): %4 vs %5").arg(f).arg(x).arg(y)
                                             .arg(fa.modalityValue(x, y)).arg(fb.modalityValue(x, y))));
                }
            }
        } else {
            QCOMPARE(fa.pixels, fb.pixels);
        }
    }
}

void TestDicomDecode::japaneseNames_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ISO 2022 IR 87") << "charset_files/chrH31.dcm"
                                    << QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう");
    QTest::newRow("ISO 2022 IR 13 + IR 87") << "charset_files/chrH32.dcm"
                                            << QStringLiteral("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう");
    QTest::newRow("IR 6 + IR 87") << "charset_files/chrJapMultiExplicitIR6.dcm" << QStringLiteral("やまだ^たろう");
    QTest::newRow("ISO_IR 192") << "charset_files/chrX1.dcm" << QStringLiteral("Wang^XiaoDong=王^小東=");
}

void TestDicomDecode::japaneseNames()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const DicomDecodeResult info = DicomFrameDecoder::readInfo(pydicomFile(file));
    QVERIFY2(info.ok, qPrintable(info.errorString));
    QCOMPARE(info.info.patientName, expected);
    const DicomHeaderResult header = DicomHeaderReader::read(pydicomFile(file));
    QVERIFY2(header.ok, qPrintable(header.errorString));
    QCOMPARE(header.header.patientName, expected);
}

void TestDicomDecode::matchesReference_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("encoder");    // DCMTK tool making the compressed file from `file`, or empty
    QTest::addColumn<QStringList>("encoderArgs");
    QTest::addColumn<QString>("decoder");    // DCMTK tool for the reference decode, or a pydicom file
    QTest::addColumn<int>("frames");

    const QStringList none;
    QTest::newRow("RLE mono 16-bit") << "test_files/MR_small_RLE.dcm" << QString() << none << "dcmdrle" << 1;
    QTest::newRow("RLE RGB 2 frames") << "test_files/SC_rgb_rle_2frame.dcm" << QString() << none << "dcmdrle" << 2;
    QTest::newRow("RLE RGB 16-bit") << "test_files/SC_rgb_rle_16bit.dcm" << QString() << none << "dcmdrle" << 1;
    QTest::newRow("RLE mono 32-bit 15 frames") << "test_files/rtdose_rle.dcm" << QString() << none << "dcmdrle" << 15;
    QTest::newRow("JPEG baseline YBR_FULL") << "test_files/SC_rgb_jpeg_dcmtk.dcm" << QString() << none << "dcmdjpeg" << 1;
    QTest::newRow("JPEG baseline YBR_FULL_422") << "test_files/SC_rgb_dcmtk_+eb+cy+np.dcm" << QString() << none << "dcmdjpeg" << 1;
    QTest::newRow("JPEG baseline RGB") << "test_files/SC_rgb_dcmtk_+eb+cr.dcm" << QString() << none << "dcmdjpeg" << 1;
    QTest::newRow("JPEG extended 12-bit") << "test_files/JPGExtended.dcm" << QString() << none << "dcmdjpeg" << 1;
    QTest::newRow("JPEG lossless SV1 RGB") << "test_files/SC_rgb_jpeg_gdcm.dcm" << QString() << none << "dcmdjpeg" << 1;
    QTest::newRow("JPEG lossless CT") << "test_files/CT_small.dcm" << "dcmcjpeg" << QStringList{QStringLiteral("+e1")}
                                      << "dcmdjpeg" << 1;
    QTest::newRow("JPEG baseline MR (encoded here)") << "test_files/MR_small.dcm" << "dcmcjpeg"
                                                     << QStringList{QStringLiteral("+ee")} << "dcmdjpeg" << 1;
    QTest::newRow("JPEG-LS lossless") << "test_files/MR_small_jpeg_ls_lossless.dcm" << QString() << none << "dcmdjpls" << 1;
    QTest::newRow("JPEG-LS near-lossless RGB") << "test_files/SC_rgb_jpeg_dcmd.dcm" << "dcmcjpls" << QStringList{QStringLiteral("+en")}
                                              << "dcmdjpls" << 1;
    QTest::newRow("RLE CT (encoded here)") << "test_files/CT_small.dcm" << "dcmcrle" << none << "dcmdrle" << 1;
    // No DCMTK tool decodes JPEG 2000: pydicom ships the same image uncompressed.
    QTest::newRow("JPEG 2000 lossless MR") << "test_files/MR_small_jp2klossless.dcm" << QString() << none
                                           << "test_files/MR_small.dcm" << 1;
}

void TestDicomDecode::matchesReference()
{
    QFETCH(QString, file);
    QFETCH(QString, encoder);
    QFETCH(QStringList, encoderArgs);
    QFETCH(QString, decoder);
    QFETCH(int, frames);
    QString input = pydicomFile(file);
    if (!encoder.isEmpty()) {
        input = reference(encoder, input, encoderArgs);
        QVERIFY(!input.isEmpty());
    }
    const QString referenceFile = decoder.startsWith(u"dcm") ? reference(decoder, input) : pydicomFile(decoder);
    QVERIFY(!referenceFile.isEmpty());
    const DicomDecodeResult decoded = DicomFrameDecoder::decodeFile(input);
    const DicomDecodeResult expected = DicomFrameDecoder::decodeFile(referenceFile);
    QVERIFY2(decoded.ok, qPrintable(decoded.errorString));
    QVERIFY(decoded.info.transferSyntaxUid != expected.info.transferSyntaxUid);
    QCOMPARE(decoded.frames.size(), frames);
    compareFrames(decoded, expected);
}

void TestDicomDecode::nativeMatchesStoredValues_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("CT little endian") << "test_files/CT_small.dcm";
    QTest::newRow("MR big endian") << "test_files/MR_small_bigendian.dcm";
    QTest::newRow("MR implicit") << "test_files/MR_small_implicit.dcm";
}

// The uncompressed path against the stored values read straight from dcmdata.
void TestDicomDecode::nativeMatchesStoredValues()
{
    QFETCH(QString, file);
    DcmFileFormat ff;
    QVERIFY(ff.loadFile(QFile::encodeName(pydicomFile(file)).constData()).good());
    DcmDataset *ds = ff.getDataset();
    QVERIFY(ds->chooseRepresentation(EXS_LittleEndianExplicit, nullptr).good());
    const Uint16 *words = nullptr;
    unsigned long count = 0;
    QVERIFY(ds->findAndGetUint16Array(DCM_PixelData, words, &count).good());
    Uint16 pixelRep = 0, bitsStored = 16;
    ds->findAndGetUint16(DCM_PixelRepresentation, pixelRep);
    ds->findAndGetUint16(DCM_BitsStored, bitsStored);
    Float64 slope = 1, intercept = 0;
    // dcmdata zeroes the output when an attribute is absent.
    if (ds->findAndGetFloat64(DCM_RescaleSlope, slope).bad())
        slope = 1;
    if (ds->findAndGetFloat64(DCM_RescaleIntercept, intercept).bad())
        intercept = 0;

    const DicomDecodeResult decoded = DicomFrameDecoder::decodeFile(pydicomFile(file));
    QVERIFY2(decoded.ok, qPrintable(decoded.errorString));
    const DicomFrame &frame = decoded.frames.first();
    QVERIFY(frame.isMonochrome());
    QCOMPARE(qsizetype(count), qsizetype(frame.pixels.width()) * frame.pixels.height());
    const Uint16 mask = Uint16((1u << bitsStored) - 1);
    for (unsigned long i = 0; i < count; ++i) {
        qint32 stored = words[i] & mask;
        if (pixelRep && (stored & (1 << (bitsStored - 1))))
            stored -= (1 << bitsStored);
        const double value = stored * slope + intercept;
        const int x = int(i % ulong(frame.pixels.width()));
        const int y = int(i / ulong(frame.pixels.width()));
        if (frame.modalityValue(x, y) != value)
            QFAIL(qPrintable(QStringLiteral("pixel %1: %2 vs stored %3").arg(i).arg(frame.modalityValue(x, y)).arg(value)));
    }
}

void TestDicomDecode::multiFrameSubset_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("first");
    QTest::newRow("native 32-bit") << "test_files/rtdose.dcm" << 15 << 7;
    // RLE decodes only the frames asked for; their numbering and values must not shift.
    QTest::newRow("RLE 32-bit") << "test_files/rtdose_rle.dcm" << 15 << 7;
    QTest::newRow("RLE RGB, second frame") << "test_files/SC_rgb_rle_2frame.dcm" << 2 << 1;
}

void TestDicomDecode::multiFrameSubset()
{
    QFETCH(QString, file);
    QFETCH(int, frames);
    QFETCH(int, first);
    const QString path = pydicomFile(file);
    const DicomDecodeResult all = DicomFrameDecoder::decodeFile(path);
    QVERIFY2(all.ok, qPrintable(all.errorString));
    QCOMPARE(all.frames.size(), frames);
    QCOMPARE(all.info.numberOfFrames, frames);
    DicomDecodeOptions options;
    options.firstFrame = first;
    options.frameCount = 2;
    const DicomDecodeResult part = DicomFrameDecoder::decodeFile(path, options);
    QVERIFY2(part.ok, qPrintable(part.errorString));
    QCOMPARE(part.frames.size(), std::min(2, frames - first));
    QCOMPARE(part.info.numberOfFrames, frames);
    for (int i = 0; i < part.frames.size(); ++i) {
        const DicomFrame &a = part.frames.at(i);
        const DicomFrame &b = all.frames.at(first + i);
        QCOMPARE(a.frameIndex, first + i);
        QCOMPARE(a.pixels.size(), b.pixels.size());
        if (a.isMonochrome()) {
            for (int y = 0; y < a.pixels.height(); ++y)
                for (int x = 0; x < a.pixels.width(); ++x)
                    QCOMPARE(a.modalityValue(x, y), b.modalityValue(x, y));
        } else {
            QCOMPARE(a.pixels, b.pixels);
        }
    }
    options.firstFrame = frames;
    QVERIFY(!DicomFrameDecoder::decodeFile(path, options).ok);
}

// JPEG 2000 decodes only the frames asked for (as RLE does): one frame of a long cine costs one
// frame. Five distinct frames; the second one's codestream is cut short. Asking for frame 4 alone
// gives its values (never a neighbour's) without touching the broken frame; asking for all of
// them names the broken one.
void TestDicomDecode::jpeg2000DecodesOnlyTheFramesAskedFor()
{
    const int width = 24, height = 20, frames = 5;
    auto value = [&](int f, int x, int y) { return Uint16(f * 1000 + x * 37 + y * 3); };
    auto *sequence = new DcmPixelSequence(DCM_PixelSequenceTag);
    sequence->insert(new DcmPixelItem(DCM_PixelItemTag)); // the empty offset table
    for (int f = 0; f < frames; ++f) {
        std::vector<quint16> samples(static_cast<size_t>(width * height));
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                samples[size_t(y * width + x)] = value(f, x, y);
        QByteArray codestream = Kakehashi::Fixtures::encodeJ2kGrey(samples, width, height, 16);
        QVERIFY(codestream.startsWith("\xff\x4f\xff\x51"));
        if (f == 1)
            codestream.truncate(codestream.size() / 2);
        if (codestream.size() % 2)
            codestream.append('\0');
        auto *item = new DcmPixelItem(DCM_PixelItemTag);
        QVERIFY(item->putUint8Array(reinterpret_cast<const Uint8 *>(codestream.constData()), Uint32(codestream.size())).good());
        sequence->insert(item);
    }
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    ds->putAndInsertString(DCM_SOPClassUID, UID_MultiframeGrayscaleWordSecondaryCaptureImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.9.7433.97.4");
    ds->putAndInsertString(DCM_Modality, "OT");
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertUint16(DCM_Rows, Uint16(height));
    ds->putAndInsertUint16(DCM_Columns, Uint16(width));
    ds->putAndInsertString(DCM_NumberOfFrames, QByteArray::number(frames).constData());
    ds->putAndInsertUint16(DCM_BitsAllocated, 16);
    ds->putAndInsertUint16(DCM_BitsStored, 16);
    ds->putAndInsertUint16(DCM_HighBit, 15);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
    auto *pixelData = new DcmPixelData(DCM_PixelData);
    pixelData->putOriginalRepresentation(EXS_JPEG2000LosslessOnly, nullptr, sequence);
    ds->insert(pixelData, true);
    const QString path = m_tmp.filePath(QStringLiteral("j2k-frames.dcm"));
    QVERIFY(file.saveFile(QFile::encodeName(path).constData(), EXS_JPEG2000LosslessOnly).good());

    for (const int wanted : {3, 0, 4}) {
        DicomDecodeOptions one;
        one.firstFrame = wanted;
        one.frameCount = 1;
        const DicomDecodeResult r = DicomFrameDecoder::decodeFile(path, one);
        QVERIFY2(r.ok, qPrintable(r.errorString));
        QCOMPARE(r.info.numberOfFrames, frames);
        QCOMPARE(r.frames.size(), 1);
        const DicomFrame &frame = r.frames.first();
        QCOMPARE(frame.frameIndex, wanted);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                if (frame.modalityValue(x, y) != value(wanted, x, y))
                    QFAIL(qPrintable(QStringLiteral("frame %1 (%2,%3): %4, expected %5").arg(wanted).arg(x).arg(y).arg(frame.modalityValue(x, y)).arg(value(wanted, x, y))));
    }
    const DicomDecodeResult all = DicomFrameDecoder::decodeFile(path);
    QVERIFY(!all.ok);
    QVERIFY2(all.errorString.contains(QStringLiteral("JPEG 2000")), qPrintable(all.errorString));
}

// RLE headers that lie about their segments (offsets past the fragment, backwards, a count the
// image cannot have, one huge offset): DCMTK 3.6.7's RLE codec read past the fragment on such a
// file (fuzz_dicom_frame). Each must end in an error naming RLE, never a crash or an image.
void TestDicomDecode::hostileRleHeaders_data()
{
    QTest::addColumn<int>("word");    // which 32-bit word of the RLE header to change
    QTest::addColumn<quint32>("value");
    QTest::newRow("second segment far past the fragment") << 2 << quint32(0x40000000);
    QTest::newRow("second segment just past the fragment") << 2 << quint32(0x00100000);
    QTest::newRow("second segment before the first") << 2 << quint32(0x20);
    QTest::newRow("first segment inside the header") << 1 << quint32(8);
    QTest::newRow("three segments for a 16-bit image") << 0 << quint32(3);
    QTest::newRow("sixteen segments") << 0 << quint32(16);
    QTest::newRow("no segments") << 0 << quint32(0);
}

void TestDicomDecode::hostileRleHeaders()
{
    QFETCH(int, word);
    QFETCH(quint32, value);
    QFile in(pydicomFile(QStringLiteral("test_files/MR_small_RLE.dcm")));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray bytes = in.readAll();
    // The frame's fragment: an item tag (FFFE,E000), its length, then the RLE header of a 16-bit
    // monochrome image: two segments, the first at offset 64.
    const QByteArray header = QByteArray::fromHex("feff00e0");
    const QByteArray rle = QByteArray::fromHex("0200000040000000");
    qsizetype at = -1;
    for (qsizetype i = bytes.indexOf(header); i >= 0; i = bytes.indexOf(header, i + 1)) {
        if (bytes.mid(i + 8, 8) == rle) {
            at = i + 8;
            break;
        }
    }
    QVERIFY2(at > 0, "no RLE fragment found in MR_small_RLE.dcm");
    QVERIFY(DicomFrameDecoder::decodeBytes(bytes, {}).ok);
    qToLittleEndian<quint32>(value, bytes.data() + at + 4 * word);
    const DicomDecodeResult r = DicomFrameDecoder::decodeBytes(bytes, {});
    QVERIFY2(!r.ok, "a lying RLE header decoded as an image");
    QVERIFY(r.frames.isEmpty());
    QVERIFY2(r.errorString.contains(u"RLE"), qPrintable(r.errorString));
}

// A J2K codestream of SOC and SIZ only (ISO/IEC 15444-1 A.5.1), then EOC: enough for the checks
// that must refuse it before OpenJPEG reads it.
static QByteArray j2kCodestream(quint32 width, quint32 height, int components, quint32 tileWidth = 0, quint32 tileHeight = 0)
{
    QByteArray out = QByteArray::fromHex("ff4fff51");
    auto put16 = [&](quint16 v) { out.append(char(v >> 8)).append(char(v & 0xff)); };
    auto put32 = [&](quint32 v) { put16(quint16(v >> 16)); put16(quint16(v & 0xffff)); };
    put16(quint16(38 + 3 * components)); // Lsiz
    put16(0);                            // Rsiz
    put32(width);
    put32(height);
    put32(0); // XOsiz, YOsiz
    put32(0);
    put32(tileWidth ? tileWidth : width);
    put32(tileHeight ? tileHeight : height);
    put32(0); // XTOsiz, YTOsiz
    put32(0);
    put16(quint16(components));
    for (int c = 0; c < components; ++c)
        out.append(char(15)).append(char(1)).append(char(1)); // 16 bits unsigned, no subsampling
    return out + QByteArray::fromHex("ffd9");
}

// A Part 10 file declaring |rows| × |columns| × |samples| × |bitsAllocated| (0: no Bits
// Allocated) with |pixels| as its native pixel data, or as the one fragment of an encapsulated
// transfer syntax.
QByteArray TestDicomDecode::imageFile(E_TransferSyntax xfer, int rows, int columns, int samples, int bitsAllocated, const QByteArray &pixels)
{
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    ds->putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.9.7433.97.2");
    ds->putAndInsertString(DCM_Modality, "OT");
    ds->putAndInsertString(DCM_PhotometricInterpretation, samples == 3 ? "RGB" : "MONOCHROME2");
    ds->putAndInsertUint16(DCM_SamplesPerPixel, Uint16(samples));
    if (samples == 3)
        ds->putAndInsertUint16(DCM_PlanarConfiguration, 0);
    ds->putAndInsertUint16(DCM_Rows, Uint16(rows));
    ds->putAndInsertUint16(DCM_Columns, Uint16(columns));
    if (bitsAllocated > 0) {
        ds->putAndInsertUint16(DCM_BitsAllocated, Uint16(bitsAllocated));
        ds->putAndInsertUint16(DCM_BitsStored, Uint16(bitsAllocated));
        ds->putAndInsertUint16(DCM_HighBit, Uint16(bitsAllocated - 1));
    }
    ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
    if (DcmXfer(xfer).isEncapsulated()) {
        auto *sequence = new DcmPixelSequence(DCM_PixelSequenceTag);
        sequence->insert(new DcmPixelItem(DCM_PixelItemTag)); // empty basic offset table
        auto *fragment = new DcmPixelItem(DCM_PixelItemTag);
        QByteArray even = pixels;
        if (even.size() % 2)
            even.append('\0');
        fragment->putUint8Array(reinterpret_cast<const Uint8 *>(even.constData()), Uint32(even.size()));
        sequence->insert(fragment);
        auto *pixelData = new DcmPixelData(DCM_PixelData);
        pixelData->putOriginalRepresentation(xfer, nullptr, sequence);
        ds->insert(pixelData, true);
    } else {
        ds->putAndInsertUint8Array(DCM_PixelData, reinterpret_cast<const Uint8 *>(pixels.constData()), Uint32(pixels.size()));
    }
    static int counter = 0;
    const QString path = m_tmp.filePath(QStringLiteral("declared-%1.dcm").arg(++counter));
    if (file.saveFile(QFile::encodeName(path).constData(), xfer).bad())
        return {};
    QFile in(path);
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

// The header of a 1x2 8-bit image with |extra| attributes, as readInfoBytes reads it from the file.
DicomDecodeResult TestDicomDecode::smallImageInfo(const QString &name, const std::function<void(DcmDataset *)> &extra)
{
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    ds->putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.9.7433.97.3");
    ds->putAndInsertString(DCM_Modality, "OT");
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertUint16(DCM_Rows, 1);
    ds->putAndInsertUint16(DCM_Columns, 2);
    ds->putAndInsertUint16(DCM_BitsAllocated, 8);
    ds->putAndInsertUint16(DCM_BitsStored, 8);
    ds->putAndInsertUint16(DCM_HighBit, 7);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
    const Uint8 pixels[2] = {0, 255};
    ds->putAndInsertUint8Array(DCM_PixelData, pixels, 2);
    extra(ds);
    static int counter = 0;
    const QString path = m_tmp.filePath(QStringLiteral("%1-%2.dcm").arg(name).arg(++counter));
    if (file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).bad())
        return {};
    QFile in(path);
    return DicomFrameDecoder::readInfoBytes(in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray());
}

void TestDicomDecode::expectRefusedQuickly(const DicomDecodeResult &r, qint64 ms, const QString &expected)
{
    QVERIFY2(!r.ok, "a frame the decoder must refuse was decoded");
    QVERIFY(r.frames.isEmpty());
    QVERIFY2(r.errorString.contains(expected), qPrintable(r.errorString));
    // Refused from the header: no decoder allocated (or zeroed) the declared frame. Generous for
    // a loaded machine and ASan; a 512 MiB allocation alone takes longer there.
    QVERIFY2(ms < 2000, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
}

// Files of a few hundred bytes declaring frames of gigabytes, in every transfer syntax that has
// a decoder of its own, and layouts no decoder handles: refused with a message that says why,
// before any decoder allocates the frame (issue 10; fuzz_dicom_frame ran at a few executions a
// second on such inputs).
void TestDicomDecode::hugeDeclarations_data()
{
    QTest::addColumn<int>("xfer"); // E_TransferSyntax
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("bitsAllocated");
    QTest::addColumn<QByteArray>("pixels");
    QTest::addColumn<QString>("expected");

    const QByteArray some(64, '\x11');
    const QString huge = QStringLiteral("65535 × 65535 pixels with 3 samples of 16 bits, 24576 MiB a frame: larger than the viewer decodes (512 MiB a frame)");
    QTest::newRow("native 65535² RGB 16-bit") << int(EXS_LittleEndianExplicit) << 65535 << 65535 << 3 << 16 << some << huge;
    QTest::newRow("native big endian 65535² RGB 16-bit") << int(EXS_BigEndianExplicit) << 65535 << 65535 << 3 << 16 << some << huge;
    QTest::newRow("native 32768² 16-bit") << int(EXS_LittleEndianImplicit) << 32768 << 32768 << 1 << 16 << some
                                          << QStringLiteral("2048 MiB a frame");
    // 16384 × 16385 × 2 bytes is 32 KiB over the cap; 16384 × 16384 is exactly the cap and is let
    // through to the next check (which finds its pixel data missing).
    QTest::newRow("native just over the cap") << int(EXS_LittleEndianExplicit) << 16384 << 16385 << 1 << 16 << some
                                              << QStringLiteral("513 MiB a frame");
    QTest::newRow("native at the cap") << int(EXS_LittleEndianExplicit) << 16384 << 16384 << 1 << 16 << some
                                       << QStringLiteral("the pixel data is truncated");
    QTest::newRow("RLE 65535² RGB 16-bit") << int(EXS_RLELossless) << 65535 << 65535 << 3 << 16 << QByteArray(128, '\0') << huge;
    QTest::newRow("JPEG baseline 65535² RGB 8-bit") << int(EXS_JPEGProcess1) << 65535 << 65535 << 3 << 8 << some
                                                    << QStringLiteral("with 3 samples of 8 bits, 12288 MiB a frame");
    QTest::newRow("JPEG lossless 65535² RGB 16-bit") << int(EXS_JPEGProcess14SV1) << 65535 << 65535 << 3 << 16 << some << huge;
    QTest::newRow("JPEG-LS 65535² RGB 16-bit") << int(EXS_JPEGLSLossless) << 65535 << 65535 << 3 << 16 << some << huge;
    // The codestream agrees with the header: the cap itself refuses it.
    QTest::newRow("JPEG 2000 65535² RGB 16-bit") << int(EXS_JPEG2000LosslessOnly) << 65535 << 65535 << 3 << 16
                                                 << j2kCodestream(65535, 65535, 3) << huge;
    QTest::newRow("JPEG 2000 lossy 65535² RGB 16-bit") << int(EXS_JPEG2000) << 65535 << 65535 << 3 << 16
                                                       << j2kCodestream(65535, 65535, 3) << huge;
    const QString bits = QStringLiteral("bits allocated a sample; the viewer decodes 1, 8, 16 or 32");
    QTest::newRow("12 bits allocated") << int(EXS_LittleEndianExplicit) << 16 << 16 << 1 << 12 << QByteArray(384, '\0')
                                       << QStringLiteral("declares 12 ") + bits;
    QTest::newRow("64 bits allocated") << int(EXS_LittleEndianExplicit) << 16 << 16 << 1 << 64 << QByteArray(2048, '\0')
                                       << QStringLiteral("declares 64 ") + bits;
    QTest::newRow("no Bits Allocated") << int(EXS_JPEG2000LosslessOnly) << 16 << 16 << 1 << 0 << j2kCodestream(16, 16, 1)
                                       << QStringLiteral("declares 0 ") + bits;
    const QString samples = QStringLiteral("samples per pixel; the viewer decodes 1 (monochrome) or 3 (colour)");
    QTest::newRow("4 samples") << int(EXS_LittleEndianExplicit) << 16 << 16 << 4 << 8 << QByteArray(1024, '\0')
                               << QStringLiteral("declares 4 ") + samples;
    QTest::newRow("2 samples RLE") << int(EXS_RLELossless) << 16 << 16 << 2 << 8 << QByteArray(128, '\0')
                                   << QStringLiteral("declares 2 ") + samples;
    QTest::newRow("0 samples") << int(EXS_LittleEndianExplicit) << 16 << 16 << 0 << 8 << QByteArray(256, '\0')
                               << QStringLiteral("declares 0 ") + samples;
    QTest::newRow("no Columns") << int(EXS_LittleEndianExplicit) << 16 << 0 << 1 << 8 << QByteArray(256, '\0')
                                << QStringLiteral("Rows or Columns are missing");
}

void TestDicomDecode::hugeDeclarations()
{
    QFETCH(int, xfer);
    QFETCH(int, rows);
    QFETCH(int, columns);
    QFETCH(int, samples);
    QFETCH(int, bitsAllocated);
    QFETCH(QByteArray, pixels);
    QFETCH(QString, expected);
    const QByteArray bytes = imageFile(E_TransferSyntax(xfer), rows, columns, samples, bitsAllocated, pixels);
    QVERIFY(!bytes.isEmpty());
    QVERIFY(bytes.size() < 4096);
    QElapsedTimer timer;
    timer.start();
    const DicomDecodeResult fromMemory = DicomFrameDecoder::decodeBytes(bytes, {});
    expectRefusedQuickly(fromMemory, timer.elapsed(), expected);
    // From a file the pixel data is read on demand: the same refusal.
    const QString path = m_tmp.filePath(QStringLiteral("huge-%1.dcm").arg(QString::fromLatin1(QTest::currentDataTag())).replace(u' ', u'_'));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();
    timer.restart();
    const DicomDecodeResult fromFile = DicomFrameDecoder::decodeFile(path);
    expectRefusedQuickly(fromFile, timer.elapsed(), expected);
}

// A caller may ask for a lower frame limit than the decoder's own (the fuzz target does, so its
// inputs declaring big frames cost nothing); never a higher one.
void TestDicomDecode::callerFrameLimit()
{
    const QByteArray bytes = imageFile(EXS_LittleEndianExplicit, 64, 64, 1, 16, QByteArray(64 * 64 * 2, '\x11'));
    QVERIFY(!bytes.isEmpty());
    QVERIFY(DicomFrameDecoder::decodeBytes(bytes, {}).ok);
    DicomFrameDecoder::Options exact;
    exact.maxFrameBytes = 64 * 64 * 2;
    QVERIFY(DicomFrameDecoder::decodeBytes(bytes, exact).ok);
    DicomFrameDecoder::Options lower;
    lower.maxFrameBytes = 64 * 64 * 2 - 1;
    const DicomDecodeResult refused = DicomFrameDecoder::decodeBytes(bytes, lower);
    QVERIFY(!refused.ok);
    QVERIFY(refused.frames.isEmpty());
    QVERIFY2(refused.errorString.contains(QStringLiteral("64 × 64 pixels with 1 samples of 16 bits")), qPrintable(refused.errorString));
    QVERIFY2(refused.errorString.contains(QStringLiteral("larger than the viewer decodes")), qPrintable(refused.errorString));

    DicomFrameDecoder::Options higher;
    higher.maxFrameBytes = qint64(1) << 40;
    const QByteArray over = imageFile(EXS_LittleEndianExplicit, 16384, 16385, 1, 16, QByteArray(64, '\x11'));
    QElapsedTimer timer;
    timer.start();
    expectRefusedQuickly(DicomFrameDecoder::decodeBytes(over, higher), timer.elapsed(), QStringLiteral("513 MiB a frame"));
}

// The DICOM header declares a small, consistent image but the JPEG 2000 codestream's own SIZ
// declares something else: OpenJPEG allocates from SIZ, so it must never see such a codestream.
// Real files with SIZ patched, and synthetic codestreams (one frame in a 128 × 128 header).
void TestDicomDecode::jpeg2000SizDisagrees_data()
{
    QTest::addColumn<QString>("file");        // a real file whose SIZ is patched, or empty
    QTest::addColumn<quint32>("width");       // the patched Xsiz/Ysiz, or the synthetic SIZ
    QTest::addColumn<quint32>("height");
    QTest::addColumn<int>("components");      // synthetic only
    QTest::addColumn<quint32>("tile");        // synthetic only: tile width and height, 0 = one tile
    QTest::addColumn<QByteArray>("wrapper");  // synthetic only: "jp2" wraps it in a JP2 file
    QTest::addColumn<QString>("expected");

    const QString mr = pydicomFile(QStringLiteral("test_files/MR_small_jp2klossless.dcm"));
    const QString ht = QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/data/dicom/htj2k-203.dcm");
    QTest::newRow("MR 64 × 64, SIZ 65535 × 65535") << mr << 65535u << 65535u << 0 << 0u << QByteArray()
        << QStringLiteral("frame 1 declares 65535 × 65535 pixels with 1 components where the DICOM header declares 64 × 64 with 1");
    QTest::newRow("MR 64 × 64, SIZ 64 × 65") << mr << 64u << 65u << 0 << 0u << QByteArray()
        << QStringLiteral("declares 64 × 65 pixels with 1 components where the DICOM header declares 64 × 64 with 1");
    QTest::newRow("HTJ2K 16 × 12, SIZ 40000 × 40000") << ht << 40000u << 40000u << 0 << 0u << QByteArray()
        << QStringLiteral("declares 40000 × 40000 pixels with 1 components where the DICOM header declares 16 × 12 with 1");
    QTest::newRow("SIZ 65535 × 65535") << QString() << 65535u << 65535u << 1 << 0u << QByteArray()
        << QStringLiteral("declares 65535 × 65535 pixels with 1 components where the DICOM header declares 128 × 128 with 1");
    QTest::newRow("SIZ 3 components") << QString() << 128u << 128u << 3 << 0u << QByteArray()
        << QStringLiteral("declares 128 × 128 pixels with 3 components where the DICOM header declares 128 × 128 with 1");
    QTest::newRow("JP2 file, SIZ 65535 × 65535") << QString() << 65535u << 65535u << 1 << 0u << QByteArray("jp2")
        << QStringLiteral("declares 65535 × 65535 pixels with 1 components");
    QTest::newRow("16384 tiles of 1 × 1") << QString() << 128u << 128u << 1 << 1u << QByteArray()
        << QStringLiteral("is split into 16384 tiles, more than the viewer decodes (4096)");
    QTest::newRow("no SIZ after SOC") << QString() << 0u << 0u << 0 << 0u << QByteArray()
        << QStringLiteral("has no readable image size: the codestream does not start with SOC and SIZ");
    QTest::newRow("JP2 file without a codestream box") << QString() << 0u << 0u << 0 << 0u << QByteArray("jp2")
        << QStringLiteral("has no readable image size: neither a JPEG 2000 codestream nor a JP2 file with one");
}

void TestDicomDecode::jpeg2000SizDisagrees()
{
    QFETCH(QString, file);
    QFETCH(quint32, width);
    QFETCH(quint32, height);
    QFETCH(int, components);
    QFETCH(quint32, tile);
    QFETCH(QByteArray, wrapper);
    QFETCH(QString, expected);
    QByteArray bytes;
    if (!file.isEmpty()) {
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        bytes = in.readAll();
        QVERIFY2(DicomFrameDecoder::decodeBytes(bytes, {}).ok, "the unpatched file does not decode");
        const qsizetype soc = bytes.indexOf(QByteArray::fromHex("ff4fff51"));
        QVERIFY(soc > 0);
        qToBigEndian<quint32>(width, bytes.data() + soc + 8);  // Xsiz (XOsiz is 0 in both files)
        qToBigEndian<quint32>(height, bytes.data() + soc + 12); // Ysiz
    } else {
        QByteArray codestream = components > 0 ? j2kCodestream(width, height, components, tile, tile)
                                               : QByteArray::fromHex("ff4fff900000ffd9"); // SOC, then a tile part
        if (wrapper == "jp2") {
            // Signature and file type boxes, then (when there is one) the codestream box.
            QByteArray jp2 = QByteArray::fromHex("0000000c6a5020200d0a870a" "00000014667479706a703220000000006a703220");
            if (components > 0) {
                QByteArray box(4, '\0');
                qToBigEndian<quint32>(quint32(8 + codestream.size()), box.data());
                jp2 += box + "jp2c" + codestream;
            }
            codestream = jp2;
        }
        bytes = imageFile(EXS_JPEG2000LosslessOnly, 128, 128, 1, 16, codestream);
        QVERIFY(!bytes.isEmpty());
    }
    QElapsedTimer timer;
    timer.start();
    const DicomDecodeResult r = DicomFrameDecoder::decodeBytes(bytes, {});
    expectRefusedQuickly(r, timer.elapsed(), expected);
}

// An element declaring far more bytes than the object holds (here Pixel Data, 2 GB in a 39 KB
// object): DCMTK's buffer stream allocated the declared length before finding the bytes missing,
// which under ASan cost seconds an input and was most of fuzz_dicom_frame's time. From memory it
// must now fail as from a file: quickly, from the header, with nothing allocated.
void TestDicomDecode::declaredLengthPastTheEnd()
{
    QFile in(pydicomFile(QStringLiteral("test_files/CT_small.dcm")));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray bytes = in.readAll();
    QVERIFY(DicomFrameDecoder::decodeBytes(bytes, {}).ok);
    // (7FE0,0010) OW, two reserved bytes, then the 32-bit length.
    const qsizetype at = bytes.lastIndexOf(QByteArray::fromHex("e07f1000" "4f57" "0000"));
    QVERIFY(at > 0);
    qToLittleEndian<quint32>(0x7ffffffe, bytes.data() + at + 8);
    QElapsedTimer timer;
    timer.start();
    const DicomDecodeResult decoded = DicomFrameDecoder::decodeBytes(bytes, {});
    QVERIFY2(!decoded.ok, "pixel data declaring 2 GB decoded");
    QVERIFY(!decoded.errorString.isEmpty());
    QVERIFY(!DicomFrameDecoder::readInfoBytes(bytes).ok);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
}

void TestDicomDecode::storedLayouts_data()
{
    QTest::addColumn<int>("bitsAllocated");
    QTest::addColumn<int>("bitsStored");
    QTest::addColumn<bool>("isSigned");
    QTest::addColumn<QString>("slope");     // empty: no rescale attributes
    QTest::addColumn<QString>("intercept");
    QTest::addColumn<QString>("photometric");
    QTest::addColumn<QString>("encoder");   // DCMTK tool for a compressed copy, or empty
    QTest::newRow("16 signed CT rescale") << 16 << 16 << true << "1" << "-1024" << "MONOCHROME2" << QString();
    QTest::newRow("12 of 16 signed, junk high bits") << 16 << 12 << true << "1" << "0" << "MONOCHROME2" << QString();
    QTest::newRow("12 of 16 unsigned MONOCHROME1") << 16 << 12 << false << QString() << QString() << "MONOCHROME1" << QString();
    QTest::newRow("16 unsigned fractional rescale") << 16 << 16 << false << "0.25" << "-3.5" << "MONOCHROME2" << QString();
    QTest::newRow("8 unsigned") << 8 << 8 << false << QString() << QString() << "MONOCHROME2" << QString();
    QTest::newRow("7 of 8 signed") << 8 << 7 << true << "2" << "10" << "MONOCHROME2" << QString();
    // Bit-packed: 37×23 is 851 bits, so the second frame starts in the middle of a byte.
    QTest::newRow("1-bit, frames not on a byte") << 1 << 1 << false << QString() << QString() << "MONOCHROME2" << QString();
    QTest::newRow("1-bit MONOCHROME1 rescaled") << 1 << 1 << false << "100" << "-50" << "MONOCHROME1" << QString();
    QTest::newRow("16 signed JPEG-LS") << 16 << 16 << true << "1" << "-1024" << "MONOCHROME2" << "dcmcjpls";
    QTest::newRow("12 unsigned JPEG lossless") << 16 << 12 << false << "1" << "-1024" << "MONOCHROME1" << "dcmcjpeg";
}

// The direct monochrome path against values computed here from the stored words: every bit
// depth, sign, rescale and an odd width (the vector loop's tail), two frames, all storable
// extremes, and bits above Bits Stored that must be ignored.
void TestDicomDecode::storedLayouts()
{
    QFETCH(int, bitsAllocated);
    QFETCH(int, bitsStored);
    QFETCH(bool, isSigned);
    QFETCH(QString, slope);
    QFETCH(QString, intercept);
    QFETCH(QString, photometric);
    QFETCH(QString, encoder);
    const int width = 37, height = 23, frames = 2;
    const bool compressed = !encoder.isEmpty();
    std::vector<Uint16> words(size_t(width * height * frames));
    quint32 state = 2463534242u;
    for (size_t i = 0; i < words.size(); ++i) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        words[i] = Uint16(state);
        if (compressed) // the encoders refuse bits above Bits Stored
            words[i] &= Uint16((1u << bitsStored) - 1);
    }
    // 1-bit: words stay whole, only their lowest bit is stored (below).
    const Uint16 lowest = isSigned ? Uint16(1u << (bitsStored - 1)) : 0;
    const Uint16 highest = isSigned ? Uint16((1u << (bitsStored - 1)) - 1) : Uint16((1u << bitsStored) - 1);
    words[3] = lowest;
    words[size_t(width * height) + 40] = highest;

    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    ds->putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.9.7433.97.1");
    ds->putAndInsertString(DCM_Modality, "OT");
    ds->putAndInsertString(DCM_PhotometricInterpretation, photometric.toLatin1().constData());
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertUint16(DCM_Rows, Uint16(height));
    ds->putAndInsertUint16(DCM_Columns, Uint16(width));
    ds->putAndInsertString(DCM_NumberOfFrames, "2");
    ds->putAndInsertUint16(DCM_BitsAllocated, Uint16(bitsAllocated));
    ds->putAndInsertUint16(DCM_BitsStored, Uint16(bitsStored));
    ds->putAndInsertUint16(DCM_HighBit, Uint16(bitsStored - 1));
    ds->putAndInsertUint16(DCM_PixelRepresentation, isSigned ? 1 : 0);
    if (!slope.isEmpty()) {
        ds->putAndInsertString(DCM_RescaleSlope, slope.toLatin1().constData());
        ds->putAndInsertString(DCM_RescaleIntercept, intercept.toLatin1().constData());
    }
    if (bitsAllocated == 1) {
        std::vector<Uint8> bytes((words.size() + 7) / 8, 0);
        for (size_t i = 0; i < words.size(); ++i)
            if (words[i] & 1u)
                bytes[i / 8] |= Uint8(1u << (i % 8));
        QVERIFY(ds->putAndInsertUint8Array(DCM_PixelData, bytes.data(), bytes.size()).good());
    } else if (bitsAllocated == 8) {
        std::vector<Uint8> bytes(words.size());
        for (size_t i = 0; i < words.size(); ++i)
            bytes[i] = Uint8(words[i] & 0xff);
        QVERIFY(ds->putAndInsertUint8Array(DCM_PixelData, bytes.data(), bytes.size()).good());
    } else {
        QVERIFY(ds->putAndInsertUint16Array(DCM_PixelData, words.data(), words.size()).good());
    }
    QString path = m_tmp.filePath(QStringLiteral("layout-%1.dcm").arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_')));
    QVERIFY(file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good());
    if (compressed) {
        path = reference(encoder, path, encoder == u"dcmcjpeg" ? QStringList{QStringLiteral("+e1")} : QStringList());
        QVERIFY(!path.isEmpty());
    }

    const double m = slope.isEmpty() ? 1.0 : slope.toDouble();
    const double b = intercept.isEmpty() ? 0.0 : intercept.toDouble();
    auto expected = [&](size_t i) {
        const quint32 raw = bitsAllocated == 1 ? (words[i] & 1u) : bitsAllocated == 8 ? (words[i] & 0xffu) : words[i];
        qint32 stored = qint32(raw & ((1u << bitsStored) - 1));
        if (isSigned && (stored & (1 << (bitsStored - 1))))
            stored -= 1 << bitsStored;
        return stored * m + b;
    };
    const DicomDecodeResult decoded = DicomFrameDecoder::decodeFile(path);
    QVERIFY2(decoded.ok, qPrintable(decoded.errorString));
    QCOMPARE(decoded.frames.size(), frames);
    for (int f = 0; f < frames; ++f) {
        const DicomFrame &frame = decoded.frames.at(f);
        QVERIFY(frame.isMonochrome());
        QCOMPARE(frame.pixels.size(), QSize(width, height));
        QCOMPARE(frame.inverted, photometric == u"MONOCHROME1");
        double lo = 1e300, hi = -1e300;
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                const double want = expected(size_t(f * width * height + y * width + x));
                lo = std::min(lo, want);
                hi = std::max(hi, want);
                if (qAbs(frame.modalityValue(x, y) - want) > 1e-9 * std::max(1.0, qAbs(want)))
                    QFAIL(qPrintable(QStringLiteral("frame %1 (%2,%3): %4, expected %5").arg(f).arg(x).arg(y)
                                         .arg(frame.modalityValue(x, y)).arg(want)));
            }
        }
        QVERIFY(qAbs(frame.minValue - lo) < 1e-9 * std::max(1.0, qAbs(lo)));
        QVERIFY(qAbs(frame.maxValue - hi) < 1e-9 * std::max(1.0, qAbs(hi)));
        // The full-range window maps the frame's extremes to black and white (MONOCHROME1:
        // reversed); the linear VOI function leaves half a step at each end.
        const QImage shown = frame.render(frame.fullRangeWindow());
        int darkest = 255, brightest = 0;
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                darkest = std::min(darkest, qGray(shown.pixel(x, y)));
                brightest = std::max(brightest, qGray(shown.pixel(x, y)));
            }
        }
        QVERIFY2(darkest <= 1, qPrintable(QString::number(darkest)));
        QVERIFY2(brightest >= 254, qPrintable(QString::number(brightest)));
    }
    // A single frame from the middle, compressed or not, gives the same values.
    DicomDecodeOptions second;
    second.firstFrame = 1;
    second.frameCount = 1;
    const DicomDecodeResult one = DicomFrameDecoder::decodeFile(path, second);
    QVERIFY2(one.ok, qPrintable(one.errorString));
    QCOMPARE(one.frames.size(), 1);
    QCOMPARE(one.frames.first().frameIndex, 1);
    QCOMPARE(one.frames.first().pixels, decoded.frames.at(1).pixels);
    QCOMPARE(one.frames.first().valueOffset, decoded.frames.at(1).valueOffset);
}

// The usual attributes of a multi-frame image of |frames| frames (Secondary Capture).
void TestDicomDecode::putFrames(DcmDataset *ds, const char *photometric, int samples, int width, int height, int frames, int bitsAllocated,
                                int bitsStored, int representation)
{
    ds->putAndInsertString(DCM_SOPClassUID, UID_MultiframeTrueColorSecondaryCaptureImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.9.7433.97.3");
    ds->putAndInsertString(DCM_Modality, "OT");
    ds->putAndInsertString(DCM_PhotometricInterpretation, photometric);
    ds->putAndInsertUint16(DCM_SamplesPerPixel, Uint16(samples));
    ds->putAndInsertUint16(DCM_Rows, Uint16(height));
    ds->putAndInsertUint16(DCM_Columns, Uint16(width));
    ds->putAndInsertString(DCM_NumberOfFrames, QByteArray::number(frames).constData());
    ds->putAndInsertUint16(DCM_BitsAllocated, Uint16(bitsAllocated));
    ds->putAndInsertUint16(DCM_BitsStored, Uint16(bitsStored));
    ds->putAndInsertUint16(DCM_HighBit, Uint16(bitsStored - 1));
    ds->putAndInsertUint16(DCM_PixelRepresentation, Uint16(representation));
}

// What is shown of |path| (a colour image of at least 3 frames) is DicomImage's 8-bit output byte
// for byte: every frame decoded together, and the third asked for on its own.
void TestDicomDecode::matchesDicomImageOutput(const QString &path, int width, int height, int frames)
{
    DicomImage reference(QFile::encodeName(path).constData());
    QCOMPARE(reference.getStatus(), EIS_Normal);
    auto check = [&](const DicomDecodeResult &decoded, int firstFrame) {
        QVERIFY2(decoded.ok, qPrintable(decoded.errorString));
        for (qsizetype k = 0; k < decoded.frames.size(); ++k) {
            const DicomFrame &frame = decoded.frames.at(k);
            QCOMPARE(frame.frameIndex, firstFrame + int(k));
            QVERIFY(!frame.isMonochrome());
            QCOMPARE(frame.pixels.size(), QSize(width, height));
            const auto *expected = static_cast<const uchar *>(reference.getOutputData(8, ulong(firstFrame + k)));
            QVERIFY(expected);
            for (int y = 0; y < height; ++y)
                if (std::memcmp(frame.pixels.constScanLine(y), expected + size_t(y) * size_t(width) * 3, size_t(width) * 3) != 0)
                    QFAIL(qPrintable(QStringLiteral("frame %1, row %2 differs from DicomImage").arg(firstFrame + k).arg(y)));
        }
    };
    const DicomDecodeResult all = DicomFrameDecoder::decodeFile(path);
    QCOMPARE(all.frames.size(), frames);
    check(all, 0);
    DicomFrameDecoder::Options one;
    one.firstFrame = 2;
    one.frameCount = 1;
    const DicomDecodeResult last = DicomFrameDecoder::decodeFile(path, one);
    QCOMPARE(last.frames.size(), 1);
    check(last, 2);
}

// A Modality LUT Sequence maps each stored value to its modality value, the first and last entries
// standing for the values below and above the LUT (PS3.3 C.11.1.1.1). The plain form (16-bit LUT,
// unsigned pixels, no rescale) is decoded by our own loop, the others by DicomImage: every row
// must give DCMTK's values pixel for pixel, and the plain ones the standard's values as well.
// Uncompressed 8-bit RGB and YBR_FULL go through our own loop (RGB copied, YBR_FULL converted; rows
// interleaved or planes): what is shown must be DicomImage's 8-bit output byte for byte, for random
// samples (every YCbCr corner clamps somewhere), an odd width (QImage pads its rows), both planar
// configurations and a frame asked for on its own.
void TestDicomDecode::rgbMatchesDicomImage_data()
{
    QTest::addColumn<QString>("photometric");
    QTest::addColumn<int>("planar");
    QTest::addColumn<int>("syntax");
    for (const QString &photometric : {QStringLiteral("RGB"), QStringLiteral("YBR_FULL")}) {
        const QByteArray p = photometric.toLatin1();
        QTest::addRow("%s interleaved, explicit", p.constData()) << photometric << 0 << int(EXS_LittleEndianExplicit);
        QTest::addRow("%s planar, explicit", p.constData()) << photometric << 1 << int(EXS_LittleEndianExplicit);
        QTest::addRow("%s interleaved, implicit", p.constData()) << photometric << 0 << int(EXS_LittleEndianImplicit);
        QTest::addRow("%s planar, big endian (DicomImage)", p.constData()) << photometric << 1 << int(EXS_BigEndianExplicit);
    }
}

void TestDicomDecode::rgbMatchesDicomImage()
{
    QFETCH(QString, photometric);
    QFETCH(int, planar);
    QFETCH(int, syntax);
    const int width = 37, height = 11, frames = 3;
    std::vector<Uint8> bytes(static_cast<size_t>(width * height * 3 * frames));
    quint32 state = 2654435761u;
    for (Uint8 &b : bytes) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        b = Uint8(state >> 7);
    }
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    putFrames(ds, photometric.toLatin1().constData(), 3, width, height, frames, 8, 8, 0);
    ds->putAndInsertUint16(DCM_PlanarConfiguration, Uint16(planar));
    QVERIFY(ds->putAndInsertUint8Array(DCM_PixelData, bytes.data(), bytes.size()).good());
    const QString path = m_tmp.filePath(QStringLiteral("%1-%2-%3.dcm").arg(photometric).arg(planar).arg(syntax));
    QVERIFY(file.saveFile(QFile::encodeName(path).constData(), E_TransferSyntax(syntax)).good());
    matchesDicomImageOutput(path, width, height, frames);
}

// PALETTE COLOR: native unsigned 8- and 16-bit samples are looked up in a table DicomImage made
// once for the palette (every stored value once); what is shown must be DicomImage's 8-bit output
// byte for byte: random samples over the whole allocated range (values below and above the table,
// bits above Bits Stored set), tables of 16-bit and of 8-bit entries, a first mapped value, 8-bit
// descriptors, implicit VR (OW pixel data), a frame asked for on its own. The other forms (big
// endian, signed) go through DicomImage and make no table; segmented tables alone, which DCMTK
// 3.6.7 does not read, are refused by both.
void TestDicomDecode::paletteMatchesDicomImage_data()
{
    QTest::addColumn<int>("bitsAllocated");
    QTest::addColumn<int>("bitsStored");
    QTest::addColumn<int>("entries");
    QTest::addColumn<int>("firstMapped");
    QTest::addColumn<int>("tableBits");
    QTest::addColumn<bool>("eightBitValues"); // 16-bit table words holding 8-bit values
    QTest::addColumn<bool>("segmented");
    QTest::addColumn<int>("syntax");
    QTest::addColumn<int>("representation");
    QTest::addColumn<bool>("direct");
    const int le = int(EXS_LittleEndianExplicit);
    QTest::newRow("8-bit, 256 entries of 16 bits") << 8 << 8 << 256 << 0 << 16 << false << false << le << 0 << true;
    QTest::newRow("8-bit, implicit VR (OW)") << 8 << 8 << 256 << 0 << 16 << false << false << int(EXS_LittleEndianImplicit) << 0 << true;
    QTest::newRow("8-bit, 200 entries from 20") << 8 << 8 << 200 << 20 << 16 << false << false << le << 0 << true;
    QTest::newRow("8-bit, 8-bit values in 16-bit words") << 8 << 8 << 256 << 0 << 16 << true << false << le << 0 << true;
    QTest::newRow("8-bit, 8-bit descriptor") << 8 << 8 << 256 << 0 << 8 << true << false << le << 0 << true;
    QTest::newRow("16/12, 3000 entries from 100") << 16 << 12 << 3000 << 100 << 16 << false << false << le << 0 << true;
    QTest::newRow("16/16, 65536 entries") << 16 << 16 << 0 << 0 << 16 << false << false << le << 0 << true;
    QTest::newRow("8-bit, segmented tables only (refused)") << 8 << 8 << 256 << 0 << 16 << false << true << le << 0 << false;
    QTest::newRow("8-bit, big endian (DicomImage)") << 8 << 8 << 256 << 0 << 16 << false << false << int(EXS_BigEndianExplicit) << 0 << false;
    QTest::newRow("16/12 signed (DicomImage)") << 16 << 12 << 3000 << 100 << 16 << false << false << le << 1 << false;
}

void TestDicomDecode::paletteMatchesDicomImage()
{
    QFETCH(int, bitsAllocated);
    QFETCH(int, bitsStored);
    QFETCH(int, entries);
    QFETCH(int, firstMapped);
    QFETCH(int, tableBits);
    QFETCH(bool, eightBitValues);
    QFETCH(bool, segmented);
    QFETCH(int, syntax);
    QFETCH(int, representation);
    QFETCH(bool, direct);
    const int width = 37, height = 11, frames = 3;
    // Each row its own palette (a table kept from another row would be used without being made).
    RowRandom next(2654435761u);
    const int tableSize = entries == 0 ? 65536 : entries;
    const int valueMax = eightBitValues ? 255 : 65535;
    std::vector<Uint16> tables[3];
    for (std::vector<Uint16> &t : tables) {
        t.resize(size_t(tableSize));
        for (Uint16 &v : t)
            v = Uint16(next() % quint32(valueMax + 1));
    }
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    putFrames(ds, "PALETTE COLOR", 1, width, height, frames, bitsAllocated, bitsStored, representation);
    const Uint16 descriptor[3] = {Uint16(entries), Uint16(firstMapped), Uint16(tableBits)};
    const DcmTagKey descriptors[3] = {DCM_RedPaletteColorLookupTableDescriptor, DCM_GreenPaletteColorLookupTableDescriptor,
                                      DCM_BluePaletteColorLookupTableDescriptor};
    const DcmTagKey data[3] = {DCM_RedPaletteColorLookupTableData, DCM_GreenPaletteColorLookupTableData, DCM_BluePaletteColorLookupTableData};
    const DcmTagKey segments[3] = {DCM_SegmentedRedPaletteColorLookupTableData, DCM_SegmentedGreenPaletteColorLookupTableData,
                                   DCM_SegmentedBluePaletteColorLookupTableData};
    for (int c = 0; c < 3; ++c) {
        QVERIFY(ds->putAndInsertUint16Array(descriptors[c], descriptor, 3).good());
        if (!segmented) {
            QVERIFY(ds->putAndInsertUint16Array(data[c], tables[c].data(), tables[c].size()).good());
            continue;
        }
        // PS3.3 C.7.9.2: a discrete segment of 100 values, then a linear one up to the last entry.
        std::vector<Uint16> s{0, 100};
        s.insert(s.end(), tables[c].begin(), tables[c].begin() + 100);
        s.push_back(1);
        s.push_back(Uint16(tableSize - 100));
        s.push_back(tables[c].back());
        QVERIFY(ds->putAndInsertUint16Array(segments[c], s.data(), s.size()).good());
    }
    const size_t samples = size_t(width) * height * frames;
    if (bitsAllocated == 8) {
        std::vector<Uint8> bytes(samples);
        for (Uint8 &b : bytes)
            b = Uint8(next() >> 7);
        QVERIFY(ds->putAndInsertUint8Array(DCM_PixelData, bytes.data(), bytes.size()).good());
    } else {
        std::vector<Uint16> words(samples);
        for (Uint16 &w : words)
            w = Uint16(next() >> 5); // bits above Bits Stored set too
        QVERIFY(ds->putAndInsertUint16Array(DCM_PixelData, words.data(), words.size()).good());
    }
    const QString path = m_tmp.filePath(QStringLiteral("palette-%1.dcm").arg(QString::fromLatin1(QTest::currentDataTag())).replace(u' ', u'_').replace(u'/', u'_').replace(u',', u'_'));
    QVERIFY(file.saveFile(QFile::encodeName(path).constData(), E_TransferSyntax(syntax)).good());

    DicomImage reference(QFile::encodeName(path).constData());
    const qint64 tablesBefore = DicomFrameDecoder::paletteTablesMade();
    if (segmented) {
        // DCMTK 3.6.7 does not read segmented tables: no colours are made up for them either.
        QVERIFY(reference.getStatus() != EIS_Normal);
        const DicomDecodeResult refused = DicomFrameDecoder::decodeFile(path);
        QVERIFY(!refused.ok);
        QVERIFY(refused.frames.isEmpty());
        QVERIFY2(refused.errorString.contains(u"cannot be decoded"), qPrintable(refused.errorString));
        QCOMPARE(DicomFrameDecoder::paletteTablesMade(), tablesBefore);
        return;
    }
    matchesDicomImageOutput(path, width, height, frames);
    if (QTest::currentTestFailed())
        return;
    // The direct path made one table for the palette and used it for both decodes.
    QCOMPARE(DicomFrameDecoder::paletteTablesMade() - tablesBefore, direct ? qint64(1) : qint64(0));
}

void TestDicomDecode::modalityLut_data()
{
    QTest::addColumn<int>("bitsAllocated");
    QTest::addColumn<int>("bitsStored");
    QTest::addColumn<bool>("isSigned");
    QTest::addColumn<int>("lutBits");
    QTest::addColumn<bool>("withRescale");
    QTest::addColumn<bool>("plain");
    QTest::newRow("16/12 unsigned, 16-bit LUT") << 16 << 12 << false << 16 << false << true;
    QTest::newRow("16/16 unsigned, 16-bit LUT") << 16 << 16 << false << 16 << false << true;
    QTest::newRow("8/8 unsigned, 16-bit LUT") << 8 << 8 << false << 16 << false << true;
    QTest::newRow("12-bit LUT (DicomImage)") << 16 << 12 << false << 12 << false << false;
    QTest::newRow("signed pixels (DicomImage)") << 16 << 12 << true << 16 << false << false;
    QTest::newRow("LUT and rescale (DicomImage)") << 16 << 12 << false << 16 << true << false;
}

void TestDicomDecode::modalityLut()
{
    QFETCH(int, bitsAllocated);
    QFETCH(int, bitsStored);
    QFETCH(bool, isSigned);
    QFETCH(int, lutBits);
    QFETCH(bool, withRescale);
    QFETCH(bool, plain);
    const int width = 41, height = 19;
    const Uint16 first = bitsStored == 8 ? 20 : 100;
    const int entries = bitsStored == 8 ? 200 : 3000; // stored values beyond both ends occur
    std::vector<Uint16> lut(static_cast<size_t>(entries));
    for (int i = 0; i < entries; ++i)
        lut[size_t(i)] = Uint16(int(std::sqrt(double(i)) * 50 + 7) & ((1 << lutBits) - 1));
    std::vector<Uint16> words(static_cast<size_t>(width * height));
    quint32 state = 88172645u;
    for (size_t i = 0; i < words.size(); ++i) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        words[i] = Uint16(state & ((1u << bitsStored) - 1));
    }
    words[0] = 0;                                      // below the LUT
    words[1] = Uint16((1u << bitsStored) - 1);         // above it
    words[2] = first;                                  // its first entry
    words[3] = Uint16(first + entries - 1);            // its last
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    ds->putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.9.7433.97.2");
    ds->putAndInsertString(DCM_Modality, "OT");
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertUint16(DCM_Rows, Uint16(height));
    ds->putAndInsertUint16(DCM_Columns, Uint16(width));
    ds->putAndInsertUint16(DCM_BitsAllocated, Uint16(bitsAllocated));
    ds->putAndInsertUint16(DCM_BitsStored, Uint16(bitsStored));
    ds->putAndInsertUint16(DCM_HighBit, Uint16(bitsStored - 1));
    ds->putAndInsertUint16(DCM_PixelRepresentation, isSigned ? 1 : 0);
    if (withRescale) {
        ds->putAndInsertString(DCM_RescaleSlope, "2");
        ds->putAndInsertString(DCM_RescaleIntercept, "-5");
    }
    auto *sequence = new DcmSequenceOfItems(DCM_ModalityLUTSequence);
    auto *item = new DcmItem;
    const Uint16 descriptor[3] = {Uint16(entries), first, Uint16(lutBits)};
    item->putAndInsertUint16Array(DCM_LUTDescriptor, descriptor, 3);
    item->putAndInsertUint16Array(DCM_LUTData, lut.data(), lut.size());
    item->putAndInsertString(DCM_ModalityLUTType, "US");
    sequence->append(item);
    ds->insert(sequence, true);
    if (bitsAllocated == 8) {
        std::vector<Uint8> bytes(words.size());
        for (size_t i = 0; i < words.size(); ++i)
            bytes[i] = Uint8(words[i]);
        QVERIFY(ds->putAndInsertUint8Array(DCM_PixelData, bytes.data(), bytes.size()).good());
    } else {
        QVERIFY(ds->putAndInsertUint16Array(DCM_PixelData, words.data(), words.size()).good());
    }
    const QString path = m_tmp.filePath(QStringLiteral("modality-lut-%1.dcm").arg(QString::fromLatin1(QTest::currentDataTag())).replace(u' ', u'_').replace(u'/', u'_'));
    QVERIFY(file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good());

    const DicomDecodeResult decoded = DicomFrameDecoder::decodeFile(path);
    QVERIFY2(decoded.ok, qPrintable(decoded.errorString));
    const DicomFrame &frame = decoded.frames.first();
    DicomImage reference(QFile::encodeName(path).constData());
    QCOMPARE(reference.getStatus(), EIS_Normal);
    const DiPixel *inter = reference.getInterData();
    QVERIFY(inter && inter->getData());
    auto dcmtkValue = [inter](size_t i) -> double {
        switch (inter->getRepresentation()) {
        case EPR_Uint8: return static_cast<const Uint8 *>(inter->getData())[i];
        case EPR_Sint8: return static_cast<const Sint8 *>(inter->getData())[i];
        case EPR_Uint16: return static_cast<const Uint16 *>(inter->getData())[i];
        case EPR_Sint16: return static_cast<const Sint16 *>(inter->getData())[i];
        case EPR_Uint32: return static_cast<const Uint32 *>(inter->getData())[i];
        case EPR_Sint32: return static_cast<const Sint32 *>(inter->getData())[i];
        }
        return -1;
    };
    double lo = 1e300, hi = -1e300;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const size_t i = size_t(y * width + x);
            const double dcmtk = dcmtkValue(i);
            lo = std::min(lo, dcmtk);
            hi = std::max(hi, dcmtk);
            if (frame.modalityValue(x, y) != dcmtk)
                QFAIL(qPrintable(QStringLiteral("(%1,%2) stored %3: %4, DCMTK %5").arg(x).arg(y).arg(words[i]).arg(frame.modalityValue(x, y)).arg(dcmtk)));
            if (plain) {
                const double standard = lut[size_t(std::clamp(int(words[i]) - int(first), 0, entries - 1))];
                if (frame.modalityValue(x, y) != standard)
                    QFAIL(qPrintable(QStringLiteral("(%1,%2) stored %3: %4, the LUT says %5").arg(x).arg(y).arg(words[i]).arg(frame.modalityValue(x, y)).arg(standard)));
            }
        }
    }
    QCOMPARE(frame.minValue, lo);
    QCOMPARE(frame.maxValue, hi);
    if (plain) {
        QCOMPARE(frame.modalityValue(0, 0), double(lut.front()));
        QCOMPARE(frame.modalityValue(1, 0), double(lut.back()));
    }
}

void TestDicomDecode::notANumberIsAbsent_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::newRow("inf") << QByteArray("inf");
    QTest::newRow("NaN") << QByteArray("NaN");
    QTest::newRow("1e400") << QByteArray("1e400");
    QTest::newRow("-Infinity") << QByteArray("-Infinity");
}

// DCMTK reads "inf", "nan" and "1e400" in a DS as numbers. None of them is taken as a pixel spacing (a
// measurement in "inf mm"), a window (an image drawn all grey or all black), a frame time (a cine
// timer from an infinity), a slice location or a position; the other values of the same attribute
// still count (the second window here).
void TestDicomDecode::notANumberIsAbsent()
{
    QFETCH(QByteArray, bad);
    const DicomDecodeResult r = smallImageInfo(QStringLiteral("not-a-number"), [&bad](DcmDataset *ds) {
        ds->putAndInsertString(DCM_PixelSpacing, QByteArray(bad + "\\0.5").constData());
        ds->putAndInsertString(DCM_WindowCenter, QByteArray(bad + "\\40").constData());
        ds->putAndInsertString(DCM_WindowWidth, "400\\350");
        ds->putAndInsertString(DCM_WindowCenterWidthExplanation, "FIRST\\SECOND");
        ds->putAndInsertString(DCM_FrameTime, bad.constData());
        ds->putAndInsertString(DCM_SliceLocation, bad.constData());
        ds->putAndInsertString(DCM_ImagePositionPatient, QByteArray("0\\" + bad + "\\0").constData());
    });
    QVERIFY2(r.ok, qPrintable(r.errorString));
    QVERIFY(r.info.pixelSpacing.isEmpty());
    QCOMPARE(r.info.voiWindows.size(), 1);
    QCOMPARE(r.info.voiWindows.first(), (VoiWindow{40, 350, QStringLiteral("SECOND")}));
    QCOMPARE(r.info.frameTimeMs, 0.0);
    QVERIFY(!r.info.hasSliceLocation);
    QVERIFY(!r.info.hasImagePosition);
}

void TestDicomDecode::frameTimeACineCanKeep_data()
{
    QTest::addColumn<QByteArray>("frameTime");
    QTest::addColumn<QByteArray>("cineRate");
    QTest::addColumn<double>("expected");
    QTest::newRow("40 ms") << QByteArray("40") << QByteArray() << 40.0;
    QTest::newRow("from the cine rate") << QByteArray() << QByteArray("25") << 40.0;
    QTest::newRow("1e300 ms") << QByteArray("1e300") << QByteArray() << 0.0;
    QTest::newRow("negative") << QByteArray("-40") << QByteArray() << 0.0;
    QTest::newRow("a rate of 0") << QByteArray() << QByteArray("0") << 0.0;
}

// A frame time a cine timer can keep (over 0, at most a minute a frame) or none: a timer interval
// from 1e300 ms is undefined behaviour (a double out of an int's range) before it is anything else.
void TestDicomDecode::frameTimeACineCanKeep()
{
    QFETCH(QByteArray, frameTime);
    QFETCH(QByteArray, cineRate);
    QFETCH(double, expected);
    const DicomDecodeResult r = smallImageInfo(QStringLiteral("frame-time"), [&](DcmDataset *ds) {
        if (!frameTime.isEmpty())
            ds->putAndInsertString(DCM_FrameTime, frameTime.constData());
        if (!cineRate.isEmpty())
            ds->putAndInsertString(DCM_CineRate, cineRate.constData());
    });
    QVERIFY2(r.ok, qPrintable(r.errorString));
    QCOMPARE(r.info.frameTimeMs, expected);
}

void TestDicomDecode::windowRendering()
{
    const DicomDecodeResult ct = DicomFrameDecoder::decodeFile(pydicomFile(QStringLiteral("test_files/CT_small.dcm")));
    QVERIFY2(ct.ok, qPrintable(ct.errorString));
    const DicomFrame &f = ct.frames.first();
    const VoiWindow narrow{40, 400, QString()};
    const QImage img = f.render(narrow);
    QCOMPARE(img.format(), QImage::Format_Grayscale8);
    const QImage inverted = f.render(narrow, true);
    for (int y = 0; y < img.height(); y += 7) {
        for (int x = 0; x < img.width(); x += 5) {
            const double v = f.modalityValue(x, y);
            const int g = qGray(img.pixel(x, y));
            if (v <= 40 - 0.5 - 399 / 2.0)
                QCOMPARE(g, 0);
            else if (v > 40 - 0.5 + 399 / 2.0)
                QCOMPARE(g, 255);
            else
                QVERIFY(qAbs(g - ((v - 39.5) / 399 + 0.5) * 255) <= 0.5001);
            QCOMPARE(qGray(inverted.pixel(x, y)), 255 - g);
        }
    }
    QVERIFY(!ct.info.pixelSpacing.isEmpty());
}

// The default window of an image that names none spans the 1st to the 99th percentile of the
// frame's values. A frame with far fewer pixels than the indexes its range spans (an RT dose grid:
// 10×10 32-bit values) takes them from its sorted pixels instead of 65,536 counters: the window must
// be the one the percentile rule gives, computed here by counting distinct values, for small and
// large frames, wide and narrow ranges, duplicates, and pixels outside the frame's stated range.
void TestDicomDecode::histogramWindowAnySize_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("lo");
    QTest::addColumn<int>("hi");
    QTest::addColumn<int>("distinct"); // 0: any value in lo..hi
    QTest::addColumn<int>("outside");  // pixels below lo (outside the stated range)
    QTest::newRow("10x10 over 65,536 indexes") << 10 << 10 << 0 << 65535 << 0 << 0;
    QTest::newRow("10x10, 7 distinct values") << 10 << 10 << 100 << 60000 << 7 << 0;
    QTest::newRow("3x3 over 65,536 indexes") << 3 << 3 << 0 << 65535 << 0 << 0;
    QTest::newRow("50x40 over 60,000, 5 outside the range") << 50 << 40 << 5000 << 65000 << 0 << 5;
    QTest::newRow("64x64 over 65,536 (counters)") << 64 << 64 << 0 << 65535 << 0 << 0;
    QTest::newRow("512x512 over 4,096 (counters)") << 512 << 512 << 0 << 4095 << 0 << 0;
    QTest::newRow("17x13 over 3,000") << 17 << 13 << 1000 << 3999 << 0 << 0;
}

void TestDicomDecode::histogramWindowAnySize()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, lo);
    QFETCH(int, hi);
    QFETCH(int, distinct);
    QFETCH(int, outside);
    RowRandom next(0x9e3779b9u);
    QList<quint16> palette;
    for (int i = 0; i < distinct; ++i)
        palette << quint16(lo + int(next() % quint32(hi - lo + 1)));
    DicomFrame frame;
    frame.pixels = QImage(width, height, QImage::Format_Grayscale16);
    int seenLo = hi, seenHi = lo;
    for (int y = 0; y < height; ++y) {
        auto *row = reinterpret_cast<quint16 *>(frame.pixels.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const quint16 v = distinct ? palette.at(int(next() % quint32(distinct))) : quint16(lo + int(next() % quint32(hi - lo + 1)));
            row[x] = v;
            seenLo = std::min<int>(seenLo, v);
            seenHi = std::max<int>(seenHi, v);
        }
    }
    for (int k = 0; k < outside; ++k)
        reinterpret_cast<quint16 *>(frame.pixels.scanLine(k % height))[(k * 7) % width] = quint16(lo - 1 - k);
    frame.valueScale = 0.5;
    frame.valueOffset = -100;
    // The stated range is what was seen inside lo..hi (the outside pixels are left out of it).
    int statedLo = hi, statedHi = lo;
    for (int y = 0; y < height; ++y) {
        const auto *row = reinterpret_cast<const quint16 *>(frame.pixels.constScanLine(y));
        for (int x = 0; x < width; ++x)
            if (row[x] >= lo) {
                statedLo = std::min<int>(statedLo, row[x]);
                statedHi = std::max<int>(statedHi, row[x]);
            }
    }
    Q_UNUSED(seenLo);
    Q_UNUSED(seenHi);
    frame.minValue = frame.valueOffset + frame.valueScale * statedLo;
    frame.maxValue = frame.valueOffset + frame.valueScale * statedHi;

    // The rule, by counting each distinct value inside the stated range, in order.
    std::map<int, quint64> counts;
    for (int y = 0; y < height; ++y) {
        const auto *row = reinterpret_cast<const quint16 *>(frame.pixels.constScanLine(y));
        for (int x = 0; x < width; ++x)
            if (row[x] >= statedLo && row[x] <= statedHi)
                ++counts[row[x]];
    }
    const quint64 total = quint64(width) * quint64(height);
    const quint64 lowCount = total / 100, highCount = total - total / 100;
    quint64 running = 0;
    int lowIndex = -1, highIndex = 0;
    for (const auto &[value, n] : counts) {
        running += n;
        if (lowIndex < 0 && running > lowCount)
            lowIndex = value;
        highIndex = value;
        if (running >= highCount && running > lowCount)
            break;
    }
    const VoiWindow window = frame.histogramWindow();
    if (statedHi - statedLo <= 1 || lowIndex < 0 || highIndex <= lowIndex) {
        const VoiWindow full = frame.fullRangeWindow();
        QCOMPARE(window.center, full.center);
        QCOMPARE(window.width, full.width);
        return;
    }
    const double vLo = frame.valueOffset + frame.valueScale * lowIndex;
    const double vHi = frame.valueOffset + frame.valueScale * highIndex;
    if (highIndex - lowIndex == 1) { // two neighbouring values: a threshold
        QCOMPARE(window.center, vLo + 0.5);
        QCOMPARE(window.width, 1.0);
        return;
    }
    QCOMPARE(window.center, (vLo + vHi) / 2.0);
    QCOMPARE(window.width, std::max(1.0, vHi - vLo + frame.valueScale));
}

void TestDicomDecode::asyncDecode()
{
    QFuture<DicomDecodeResult> future = DicomFrameDecoder::decodeAsync(pydicomFile(QStringLiteral("test_files/MR_small_RLE.dcm")));
    future.waitForFinished();
    QVERIFY(future.result().ok);
    QCOMPARE(future.result().frames.first().pixels.size(), QSize(64, 64));
}

void TestDicomDecode::brokenFilesGiveErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<double>("keep"); // fraction of the file kept
    const QStringList files = {QStringLiteral("test_files/CT_small.dcm"), QStringLiteral("test_files/MR_small_RLE.dcm"),
                               QStringLiteral("test_files/JPGExtended.dcm"), QStringLiteral("test_files/MR_small_jpeg_ls_lossless.dcm"),
                               QStringLiteral("test_files/MR_small_jp2klossless.dcm"), QStringLiteral("test_files/SC_rgb_rle_2frame.dcm"),
                               QStringLiteral("test_files/rtdose.dcm")};
    for (const QString &f : files) {
        for (double keep : {0.05, 0.5, 0.9, 0.99}) {
            QTest::addRow("%s %.0f%%", qPrintable(QFileInfo(f).fileName()), keep * 100) << f << keep;
        }
    }
    QTest::newRow("pydicom MR_truncated") << "test_files/MR_truncated.dcm" << 1.0;
    QTest::newRow("not DICOM") << "test_files/test1.json" << 1.0;
    QTest::newRow("no image") << "test_files/rtplan.dcm" << 1.0;
}

void TestDicomDecode::brokenFilesGiveErrors()
{
    QFETCH(QString, file);
    QFETCH(double, keep);
    QFile in(pydicomFile(file));
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray all = in.readAll();
    const QByteArray cut = all.left(qsizetype(all.size() * keep));
    const QString path = m_tmp.filePath(QStringLiteral("cut-%1").arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_')));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(cut);
    out.close();
    const DicomDecodeResult r = DicomFrameDecoder::decodeFile(path);
    QVERIFY2(!r.ok, "a truncated or broken file decoded without error");
    QVERIFY(!r.errorString.isEmpty());
    QVERIFY(r.frames.isEmpty() || !r.ok);
    const DicomDecodeResult fromMemory = DicomFrameDecoder::decodeBytes(cut, {});
    QVERIFY(!fromMemory.ok);
}

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestDicomDecode t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_dicomdecode.moc"
