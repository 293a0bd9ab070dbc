// Frames/s and MB/s of the decode-to-QImage pipeline (DicomFrameDecoder + VOI render to an 8-bit
// QImage) against a plain DCMTK loop doing the same work (DicomImage from the file, the file's
// first VOI window or min/max, getOutputData(8) into a reused buffer), on the same files, in the
// same run, alternating the two so both see the same machine load.
//
// Sets: python3-pydicom's small samples, and data generated here with dcmdata (deterministic):
// a 100-slice 512×512 signed 16-bit CT series with rescale, uncompressed and as JPEG-LS lossless
// and JPEG lossless (SV1) copies made with DCMTK's encoders, and a 2048×2048 12-bit CR; and one set
// per photometric path (issue 12 P4): MONOCHROME2 with a Modality LUT Sequence, with a VOI LUT
// Sequence, MONOCHROME1 with rescale, RGB, YBR_FULL, PALETTE COLOR, 1-bit, and 30-frame 8-bit
// multi-frame (20 files of 512×512 each; 2 multi-frame files; 1-bit 1024×1024); and 20 12-bit
// 512×512 slices as JPEG 2000 lossless (encoded here with OpenJPEG), whose baseline is OpenJPEG's
// own decoder (DCMTK 3.6.7 has no JPEG 2000 codec): the file read with dcmdata, the codestream
// decoded by opj_decode, the samples windowed to 8 bits by min/max. The worst set ratio is the
// per-path figure: the goal is >= 1.0 on every path.
// Single-thread figures carry the target (ratio ≥ 0.9); pooled figures decode the files of a
// set in parallel on the global thread pool, ours and the baseline alike.
//
// Usage: bench_decode [--seconds N] [--slices N] [FILE|FOLDER...]
//   --seconds: measuring time for all sets together (default 30; about 45 s in all)
//   FILE|FOLDER: measure these files as one set instead of the built-in sets
#include "app/processmemory.h"
#include "dicom/dicomframedecoder.h"
#include "dicom/dicomseries.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmimage/diregist.h>
#include <dcmtk/dcmimgle/dcmimage.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>

#include "j2kencode.h"

#include <openjpeg-2.5/openjpeg.h>
#include <dcmtk/dcmjpeg/djencode.h>
#include <dcmtk/dcmjpeg/djrplol.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/dcmjpls/djencode.h>
#include <dcmtk/dcmjpls/djrparam.h>
#include <dcmtk/oflog/oflog.h>

#include <atomic>
#include <cmath>
#include <cstring>
#include <vector>

using namespace Kakehashi::Dicom;

namespace {

struct FileSet
{
    QString name;
    QStringList files;
    qint64 pixelBytes = 0; // decoded pixel data of one pass over the set (stored sample size)
    bool pooled = false;   // also measure parallel decoding of the files
    bool openJpeg = false; // the baseline is OpenJPEG's own decoder, not DicomImage
};

// --- the two pipelines --------------------------------------------------------------------------

qint64 oursFile(const QString &path)
{
    const DicomDecodeResult r = DicomFrameDecoder::decodeFile(path);
    if (!r.ok)
        return 0;
    qint64 frames = 0;
    for (const DicomFrame &frame : r.frames) {
        const QImage img = frame.render(DicomFrameDecoder::defaultWindow(r.info, frame));
        frames += img.isNull() ? 0 : 1;
    }
    return frames;
}

qint64 baselineFile(const QString &path, std::vector<Uint8> &buffer)
{
    DicomImage image(QFile::encodeName(path).constData());
    if (image.getStatus() != EIS_Normal)
        return 0;
    if (image.isMonochrome() && !image.setWindow(0))
        image.setMinMaxWindow();
    qint64 frames = 0;
    for (unsigned long i = 0; i < image.getFrameCount(); ++i) {
        const unsigned long size = image.getOutputDataSize(8);
        if (buffer.size() < size)
            buffer.resize(size);
        frames += image.getOutputData(buffer.data(), size, 8, i) ? 1 : 0;
    }
    return frames;
}

// OpenJPEG's own decoder on a JPEG 2000 DICOM file: dcmdata reads the file (as DicomImage would),
// opj_decode decodes the first frame's codestream from memory, then a min/max window to 8 bits.
qint64 openJpegFile(const QString &path, std::vector<Uint8> &buffer)
{
    DcmFileFormat file;
    if (file.loadFile(QFile::encodeName(path).constData()).bad())
        return 0;
    DcmElement *element = nullptr;
    DcmPixelSequence *sequence = nullptr;
    DcmPixelItem *item = nullptr;
    Uint8 *bytes = nullptr;
    DcmDataset *ds = file.getDataset();
    if (ds->findAndGetElement(DCM_PixelData, element).bad()
        || static_cast<DcmPixelData *>(element)->getEncapsulatedRepresentation(ds->getOriginalXfer(), nullptr, sequence).bad() || !sequence
        || sequence->getItem(item, 1).bad() || item->getUint8Array(bytes).bad())
        return 0;
    struct Source
    {
        const Uint8 *data;
        OPJ_SIZE_T size;
        OPJ_SIZE_T at;
    } source{bytes, item->getLength(), 0};
    opj_stream_t *stream = opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_TRUE);
    opj_stream_set_user_data(stream, &source, nullptr);
    opj_stream_set_user_data_length(stream, source.size);
    opj_stream_set_read_function(stream, [](void *out, OPJ_SIZE_T n, void *user) -> OPJ_SIZE_T {
        auto *s = static_cast<Source *>(user);
        const OPJ_SIZE_T left = s->size - s->at;
        if (left == 0)
            return OPJ_SIZE_T(-1);
        n = std::min(n, left);
        std::memcpy(out, s->data + s->at, n);
        s->at += n;
        return n;
    });
    opj_stream_set_skip_function(stream, [](OPJ_OFF_T n, void *user) -> OPJ_OFF_T {
        auto *s = static_cast<Source *>(user);
        n = std::clamp<OPJ_OFF_T>(n, -OPJ_OFF_T(s->at), OPJ_OFF_T(s->size - s->at));
        s->at += OPJ_SIZE_T(n);
        return n;
    });
    opj_stream_set_seek_function(stream, [](OPJ_OFF_T n, void *user) -> OPJ_BOOL {
        auto *s = static_cast<Source *>(user);
        if (n < 0 || OPJ_SIZE_T(n) > s->size)
            return OPJ_FALSE;
        s->at = OPJ_SIZE_T(n);
        return OPJ_TRUE;
    });
    opj_codec_t *codec = opj_create_decompress(OPJ_CODEC_J2K);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    opj_image_t *image = nullptr;
    qint64 frames = 0;
    if (opj_setup_decoder(codec, &parameters) && opj_read_header(stream, codec, &image) && opj_decode(codec, stream, image)
        && opj_end_decompress(codec, stream) && image->numcomps >= 1) {
        const opj_image_comp_t &c = image->comps[0];
        const size_t n = size_t(c.w) * size_t(c.h);
        const auto [lo, hi] = std::minmax_element(c.data, c.data + n);
        const double scale = *hi > *lo ? 255.0 / double(*hi - *lo) : 0.0;
        if (buffer.size() < n)
            buffer.resize(n);
        for (size_t i = 0; i < n; ++i)
            buffer[i] = Uint8(double(c.data[i] - *lo) * scale + 0.5);
        frames = 1;
    }
    opj_image_destroy(image);
    opj_destroy_codec(codec);
    opj_stream_destroy(stream);
    return frames;
}

qint64 runOpenJpeg(const QStringList &files)
{
    std::vector<Uint8> buffer;
    qint64 frames = 0;
    for (const QString &f : files)
        frames += openJpegFile(f, buffer);
    return frames;
}

qint64 runOurs(const QStringList &files)
{
    qint64 frames = 0;
    for (const QString &f : files)
        frames += oursFile(f);
    return frames;
}

qint64 runBaseline(const QStringList &files)
{
    std::vector<Uint8> buffer;
    qint64 frames = 0;
    for (const QString &f : files)
        frames += baselineFile(f, buffer);
    return frames;
}

qint64 runOursPooled(const QStringList &files)
{
    std::atomic<qint64> frames = 0;
    QtConcurrent::blockingMap(files, [&](const QString &f) { frames += oursFile(f); });
    return frames;
}

qint64 runBaselinePooled(const QStringList &files)
{
    std::atomic<qint64> frames = 0;
    QtConcurrent::blockingMap(files, [&](const QString &f) {
        thread_local std::vector<Uint8> buffer;
        frames += baselineFile(f, buffer);
    });
    return frames;
}

// --- generated data -------------------------------------------------------------------------------

// Deterministic noise (no std::rand: the figures must not depend on the C library).
struct Lcg
{
    quint32 state;
    int next(int spread) // uniform in [-spread, spread]
    {
        state = state * 1664525u + 1013904223u;
        return int((state >> 8) % quint32(2 * spread + 1)) - spread;
    }
};

bool inEllipse(double x, double y, double cx, double cy, double rx, double ry)
{
    const double dx = (x - cx) / rx;
    const double dy = (y - cy) / ry;
    return dx * dx + dy * dy <= 1.0;
}

void putCommon(DcmDataset *ds, const char *sopClass, const QByteArray &studyUid, const QByteArray &seriesUid,
               const QByteArray &sopUid, const char *modality)
{
    ds->putAndInsertString(DCM_SOPClassUID, sopClass);
    ds->putAndInsertString(DCM_SOPInstanceUID, sopUid.constData());
    ds->putAndInsertString(DCM_StudyInstanceUID, studyUid.constData());
    ds->putAndInsertString(DCM_SeriesInstanceUID, seriesUid.constData());
    ds->putAndInsertString(DCM_Modality, modality);
    ds->putAndInsertString(DCM_PatientName, "Bench^Phantom");
    ds->putAndInsertString(DCM_PatientID, "BENCH0001");
    ds->putAndInsertString(DCM_StudyDate, "20240401");
    ds->putAndInsertString(DCM_StudyDescription, "Decode benchmark");
    ds->putAndInsertString(DCM_SeriesNumber, "1");
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertUint16(DCM_BitsAllocated, 16);
}

// A body-shaped phantom in Hounsfield units: soft tissue with noise, two lungs, a spine and a
// table, changing slowly along the series.
std::vector<Sint16> ctSlice(int size, int slice, int slices)
{
    std::vector<Sint16> hu(size_t(size) * size_t(size));
    Lcg noise{quint32(0x9e3779b9u ^ quint32(slice))};
    const double t = double(slice) / std::max(1, slices - 1);
    const double c = size / 2.0;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            int v = -1000 + noise.next(4);
            if (inEllipse(x, y, c, c, size * 0.42, size * 0.32)) {
                v = 40 + noise.next(25);
                if (inEllipse(x, y, c - size * 0.18, c - size * 0.02, size * (0.10 + 0.04 * t), size * 0.18)
                    || inEllipse(x, y, c + size * 0.18, c - size * 0.02, size * (0.10 + 0.04 * t), size * 0.18))
                    v = -850 + noise.next(40);
                if (inEllipse(x, y, c, c + size * 0.2, size * 0.05, size * 0.05))
                    v = 700 + noise.next(150);
            } else if (y > size * 0.86 && y < size * 0.9) {
                v = 300 + noise.next(30);
            }
            hu[size_t(y) * size_t(size) + size_t(x)] = Sint16(v);
        }
    }
    return hu;
}

QString generateCtSeries(const QString &dir, int slices, QStringList *native, QStringList *jpegLs, QStringList *jpegLossless)
{
    const int size = 512;
    const QByteArray root = "1.2.826.0.1.3680043.9.7433.99.";
    DJLSRepresentationParameter jlsLossless(2, OFTrue);
    DJ_RPLossless jpegSv1(1, 0);
    for (int i = 0; i < slices; ++i) {
        DcmFileFormat file;
        DcmDataset *ds = file.getDataset();
        putCommon(ds, UID_CTImageStorage, root + "1", root + "2", root + "3." + QByteArray::number(i + 1), "CT");
        ds->putAndInsertString(DCM_SeriesDescription, "Chest 1.0 mm");
        ds->putAndInsertString(DCM_InstanceNumber, QByteArray::number(i + 1).constData());
        ds->putAndInsertString(DCM_ImagePositionPatient, QByteArray("-175\\-175\\" + QByteArray::number(-i * 1.0)).constData());
        ds->putAndInsertString(DCM_SliceLocation, QByteArray::number(-i * 1.0).constData());
        ds->putAndInsertString(DCM_PixelSpacing, "0.683594\\0.683594");
        ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        ds->putAndInsertUint16(DCM_Rows, size);
        ds->putAndInsertUint16(DCM_Columns, size);
        ds->putAndInsertUint16(DCM_BitsStored, 16);
        ds->putAndInsertUint16(DCM_HighBit, 15);
        ds->putAndInsertUint16(DCM_PixelRepresentation, 1);
        ds->putAndInsertString(DCM_RescaleIntercept, "-1024");
        ds->putAndInsertString(DCM_RescaleSlope, "1");
        ds->putAndInsertString(DCM_WindowCenter, "40\\-600");
        ds->putAndInsertString(DCM_WindowWidth, "400\\1500");
        ds->putAndInsertString(DCM_WindowCenterWidthExplanation, "MEDIASTINUM\\LUNG");
        std::vector<Sint16> hu = ctSlice(size, i, slices);
        std::vector<Uint16> stored(hu.size());
        for (size_t p = 0; p < hu.size(); ++p)
            stored[p] = Uint16(Sint16(hu[p] + 1024));
        ds->putAndInsertUint16Array(DCM_PixelData, stored.data(), stored.size());
        const QString name = QStringLiteral("/ct%1.dcm").arg(i + 1, 3, 10, QChar(u'0'));
        const QString n = dir + QStringLiteral("/ct") + name;
        const QString l = dir + QStringLiteral("/ct-jls") + name;
        const QString j = dir + QStringLiteral("/ct-jpeg") + name;
        if (file.saveFile(QFile::encodeName(n).constData(), EXS_LittleEndianExplicit).bad())
            return QStringLiteral("cannot write %1").arg(n);
        OFCondition status = ds->chooseRepresentation(EXS_JPEGLSLossless, &jlsLossless);
        if (status.good())
            status = file.saveFile(QFile::encodeName(l).constData(), EXS_JPEGLSLossless);
        if (status.bad())
            return QStringLiteral("JPEG-LS encoding failed: %1").arg(QString::fromLatin1(status.text()));
        status = ds->chooseRepresentation(EXS_JPEGProcess14SV1, &jpegSv1);
        if (status.good())
            status = file.saveFile(QFile::encodeName(j).constData(), EXS_JPEGProcess14SV1);
        if (status.bad())
            return QStringLiteral("JPEG lossless encoding failed: %1").arg(QString::fromLatin1(status.text()));
        *native << n;
        *jpegLs << l;
        *jpegLossless << j;
    }
    return {};
}

QString generateCr(const QString &path)
{
    const int size = 2048;
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    const QByteArray root = "1.2.826.0.1.3680043.9.7433.98.";
    putCommon(ds, UID_ComputedRadiographyImageStorage, root + "1", root + "2", root + "3", "CR");
    ds->putAndInsertString(DCM_SeriesDescription, "Chest PA");
    ds->putAndInsertString(DCM_InstanceNumber, "1");
    ds->putAndInsertString(DCM_PixelSpacing, "0.175\\0.175");
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME1");
    ds->putAndInsertUint16(DCM_Rows, size);
    ds->putAndInsertUint16(DCM_Columns, size);
    ds->putAndInsertUint16(DCM_BitsStored, 12);
    ds->putAndInsertUint16(DCM_HighBit, 11);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
    ds->putAndInsertString(DCM_WindowCenter, "2048");
    ds->putAndInsertString(DCM_WindowWidth, "3000");
    std::vector<Uint16> pixels(size_t(size) * size_t(size));
    Lcg noise{12345u};
    const double c = size / 2.0;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            int v = 3600;
            if (inEllipse(x, y, c, c, size * 0.4, size * 0.45))
                v = 1800 + int(600 * std::sin(x * 0.01) * std::cos(y * 0.013));
            if (inEllipse(x, y, c - size * 0.17, c, size * 0.13, size * 0.3) || inEllipse(x, y, c + size * 0.17, c, size * 0.13, size * 0.3))
                v = 900;
            pixels[size_t(y) * size_t(size) + size_t(x)] = Uint16(std::clamp(v + noise.next(60), 0, 4095));
        }
    }
    ds->putAndInsertUint16Array(DCM_PixelData, pixels.data(), pixels.size());
    if (file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).bad())
        return QStringLiteral("cannot write %1").arg(path);
    return {};
}

// --- one set per photometric path (issue 12 P4: >= 1.0x DCMTK on every path) ----------------------

// A 512x512 image with smooth structure and noise, values in [0, maxValue].
std::vector<Uint16> phantom(int size, int index, int maxValue)
{
    std::vector<Uint16> v(size_t(size) * size_t(size));
    Lcg noise{quint32(0x51ed27u ^ quint32(index))};
    const double c = size / 2.0;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            double f = 0.15;
            if (inEllipse(x, y, c, c, size * 0.42, size * 0.38))
                f = 0.55 + 0.25 * std::sin((x + index * 3) * 0.02) * std::cos(y * 0.017);
            if (inEllipse(x, y, c + size * 0.1, c - size * 0.1, size * 0.08, size * 0.08))
                f = 0.95;
            v[size_t(y) * size_t(size) + size_t(x)] = Uint16(std::clamp(int(f * maxValue) + noise.next(maxValue / 60 + 1), 0, maxValue));
        }
    return v;
}

void putImage(DcmDataset *ds, const QByteArray &uidRoot, int index, const char *photometric, int size, int samples, int bits,
              int stored)
{
    putCommon(ds, UID_SecondaryCaptureImageStorage, uidRoot + "1", uidRoot + "2", uidRoot + "3." + QByteArray::number(index + 1), "OT");
    ds->putAndInsertString(DCM_InstanceNumber, QByteArray::number(index + 1).constData());
    ds->putAndInsertString(DCM_PhotometricInterpretation, photometric);
    ds->putAndInsertUint16(DCM_SamplesPerPixel, Uint16(samples));
    ds->putAndInsertUint16(DCM_Rows, Uint16(size));
    ds->putAndInsertUint16(DCM_Columns, Uint16(size));
    ds->putAndInsertUint16(DCM_BitsAllocated, Uint16(bits));
    ds->putAndInsertUint16(DCM_BitsStored, Uint16(stored));
    ds->putAndInsertUint16(DCM_HighBit, Uint16(stored - 1));
    ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
    if (samples > 1)
        ds->putAndInsertUint16(DCM_PlanarConfiguration, 0);
}

// A LUT item: descriptor (entries, first mapped, bits) and 16-bit data, |f| mapping entry -> value.
template<typename F>
DcmItem *lutItem(int entries, int first, int bits, F f)
{
    auto *item = new DcmItem;
    const Uint16 descriptor[3] = {Uint16(entries == 65536 ? 0 : entries), Uint16(first), Uint16(bits)};
    item->putAndInsertUint16Array(DCM_LUTDescriptor, descriptor, 3);
    std::vector<Uint16> data(static_cast<size_t>(entries));
    for (int i = 0; i < entries; ++i)
        data[size_t(i)] = Uint16(f(i));
    item->putAndInsertUint16Array(DCM_LUTData, data.data(), data.size());
    return item;
}

// Writes |count| files of each photometric path under |dir|; the sets in |sets|.
QString generatePhotometricSets(const QString &dir, int count, QList<FileSet> *sets)
{
    const int size = 512;
    struct Path
    {
        const char *name;
        const char *label;
    };
    const Path paths[] = {{"mono2-modality-lut", "MONO2 modality LUT"}, {"mono2-voi-lut", "MONO2 VOI LUT"},
                          {"mono1-rescale", "MONO1 rescale"},       {"rgb", "RGB 8-bit"},
                          {"ybr-full", "YBR_FULL 8-bit"},           {"palette", "PALETTE COLOR"},
                          {"one-bit", "1-bit"},                     {"multi-frame", "multi-frame ×30"}};
    int pathIndex = 0;
    for (const Path &path : paths) {
        QDir(dir).mkpath(QString::fromLatin1(path.name));
        FileSet set{QString::fromUtf8(path.label), {}, 0, false};
        const QByteArray root = "1.2.826.0.1.3680043.9.7433.97." + QByteArray::number(++pathIndex) + ".";
        const int files = std::strcmp(path.name, "multi-frame") == 0 ? std::max(1, count / 10) : count;
        for (int i = 0; i < files; ++i) {
            DcmFileFormat file;
            DcmDataset *ds = file.getDataset();
            const QString name = dir + QStringLiteral("/%1/%2.dcm").arg(QString::fromLatin1(path.name)).arg(i + 1, 3, 10, QChar(u'0'));
            const std::string which = path.name;
            if (which == "mono2-modality-lut") {
                putImage(ds, root, i, "MONOCHROME2", size, 1, 16, 12);
                auto *seq = new DcmSequenceOfItems(DCM_ModalityLUTSequence);
                DcmItem *item = lutItem(4096, 0, 16, [](int v) { return std::min(65535, int(std::sqrt(double(v)) * 1000)); });
                item->putAndInsertString(DCM_ModalityLUTType, "US");
                seq->append(item);
                ds->insert(seq);
                ds->putAndInsertString(DCM_WindowCenter, "32000");
                ds->putAndInsertString(DCM_WindowWidth, "64000");
                const std::vector<Uint16> px = phantom(size, i, 4095);
                ds->putAndInsertUint16Array(DCM_PixelData, px.data(), px.size());
            } else if (which == "mono2-voi-lut") {
                putImage(ds, root, i, "MONOCHROME2", size, 1, 16, 12);
                auto *seq = new DcmSequenceOfItems(DCM_VOILUTSequence);
                seq->append(lutItem(4096, 0, 12, [](int v) { return int(4095.0 / (1.0 + std::exp(-(v - 2048) / 400.0))); }));
                ds->insert(seq);
                const std::vector<Uint16> px = phantom(size, i, 4095);
                ds->putAndInsertUint16Array(DCM_PixelData, px.data(), px.size());
            } else if (which == "mono1-rescale") {
                putImage(ds, root, i, "MONOCHROME1", size, 1, 16, 12);
                ds->putAndInsertString(DCM_RescaleSlope, "2");
                ds->putAndInsertString(DCM_RescaleIntercept, "-100");
                ds->putAndInsertString(DCM_WindowCenter, "4000");
                ds->putAndInsertString(DCM_WindowWidth, "6000");
                const std::vector<Uint16> px = phantom(size, i, 4095);
                ds->putAndInsertUint16Array(DCM_PixelData, px.data(), px.size());
            } else if (which == "rgb" || which == "ybr-full") {
                const bool ybr = which == "ybr-full";
                putImage(ds, root, i, ybr ? "YBR_FULL" : "RGB", size, 3, 8, 8);
                const std::vector<Uint16> a = phantom(size, i, 255), b = phantom(size, i + 7, 255), c = phantom(size, i + 13, 255);
                std::vector<Uint8> px(a.size() * 3);
                for (size_t k = 0; k < a.size(); ++k) {
                    px[3 * k] = Uint8(a[k]);
                    px[3 * k + 1] = Uint8(ybr ? 128 + (int(b[k]) - 128) / 4 : b[k]);
                    px[3 * k + 2] = Uint8(ybr ? 128 + (int(c[k]) - 128) / 4 : c[k]);
                }
                ds->putAndInsertUint8Array(DCM_PixelData, px.data(), px.size());
            } else if (which == "palette") {
                putImage(ds, root, i, "PALETTE COLOR", size, 1, 8, 8);
                const Uint16 descriptor[3] = {256, 0, 16};
                ds->putAndInsertUint16Array(DCM_RedPaletteColorLookupTableDescriptor, descriptor, 3);
                ds->putAndInsertUint16Array(DCM_GreenPaletteColorLookupTableDescriptor, descriptor, 3);
                ds->putAndInsertUint16Array(DCM_BluePaletteColorLookupTableDescriptor, descriptor, 3);
                std::vector<Uint16> red(256), green(256), blue(256);
                for (int k = 0; k < 256; ++k) {
                    red[size_t(k)] = Uint16(k * 257);
                    green[size_t(k)] = Uint16((255 - k) * 257);
                    blue[size_t(k)] = Uint16(((k * 7) % 256) * 257);
                }
                ds->putAndInsertUint16Array(DCM_RedPaletteColorLookupTableData, red.data(), 256);
                ds->putAndInsertUint16Array(DCM_GreenPaletteColorLookupTableData, green.data(), 256);
                ds->putAndInsertUint16Array(DCM_BluePaletteColorLookupTableData, blue.data(), 256);
                const std::vector<Uint16> v = phantom(size, i, 255);
                std::vector<Uint8> px(v.begin(), v.end());
                ds->putAndInsertUint8Array(DCM_PixelData, px.data(), px.size());
            } else if (which == "one-bit") {
                const int big = 1024;
                putImage(ds, root, i, "MONOCHROME2", big, 1, 1, 1);
                const std::vector<Uint16> v = phantom(big, i, 255);
                std::vector<Uint8> px(v.size() / 8, 0);
                for (size_t k = 0; k < v.size(); ++k)
                    if (v[k] > 128)
                        px[k / 8] |= Uint8(1u << (k % 8));
                ds->putAndInsertUint8Array(DCM_PixelData, px.data(), px.size());
            } else { // multi-frame: 30 frames of 8-bit MONOCHROME2, as an ultrasound cine
                const int frames = 30;
                putImage(ds, root, i, "MONOCHROME2", size, 1, 8, 8);
                ds->putAndInsertString(DCM_NumberOfFrames, QByteArray::number(frames).constData());
                std::vector<Uint8> px;
                px.reserve(size_t(size) * size_t(size) * frames);
                for (int f = 0; f < frames; ++f) {
                    const std::vector<Uint16> v = phantom(size, i * frames + f, 255);
                    px.insert(px.end(), v.begin(), v.end());
                }
                ds->putAndInsertUint8Array(DCM_PixelData, px.data(), px.size());
            }
            if (file.saveFile(QFile::encodeName(name).constData(), EXS_LittleEndianExplicit).bad())
                return QStringLiteral("cannot write %1").arg(name);
            set.files << name;
        }
        *sets << set;
    }
    return {};
}

qint64 pixelBytes(const QStringList &files)
{
    qint64 total = 0;
    for (const QString &f : files) {
        DcmFileFormat file;
        if (file.loadFileUntilTag(QFile::encodeName(f).constData(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength, ERM_autoDetect,
                                  DCM_PixelData).bad())
            continue;
        DcmDataset *ds = file.getDataset();
        Uint16 rows = 0, columns = 0, samples = 1, bits = 8;
        Sint32 frames = 1;
        ds->findAndGetUint16(DCM_Rows, rows);
        ds->findAndGetUint16(DCM_Columns, columns);
        ds->findAndGetUint16(DCM_SamplesPerPixel, samples);
        ds->findAndGetUint16(DCM_BitsAllocated, bits);
        if (ds->findAndGetSint32(DCM_NumberOfFrames, frames).bad() || frames < 1)
            frames = 1;
        total += qint64(rows) * columns * samples * ((bits + 7) / 8) * frames;
    }
    return total;
}

// |count| 512×512 12-bit slices as JPEG 2000 lossless DICOM files under |dir|.
QString generateJpeg2000Set(const QString &dir, int count, FileSet *set)
{
    const int size = 512;
    const QByteArray root = "1.2.826.0.1.3680043.9.7433.96.";
    for (int i = 0; i < count; ++i) {
        const std::vector<Uint16> slice = phantom(size, i, 4095);
        QByteArray codestream = Kakehashi::Fixtures::encodeJ2kGrey(std::vector<quint16>(slice.begin(), slice.end()), size, size, 12);
        if (codestream.isEmpty())
            return QStringLiteral("OpenJPEG could not encode slice %1").arg(i + 1);
        if (codestream.size() % 2)
            codestream.append('\0');
        DcmFileFormat file;
        DcmDataset *ds = file.getDataset();
        putImage(ds, root, i, "MONOCHROME2", size, 1, 16, 12);
        auto *sequence = new DcmPixelSequence(DCM_PixelSequenceTag);
        sequence->insert(new DcmPixelItem(DCM_PixelItemTag));
        auto *item = new DcmPixelItem(DCM_PixelItemTag);
        item->putUint8Array(reinterpret_cast<const Uint8 *>(codestream.constData()), Uint32(codestream.size()));
        sequence->insert(item);
        auto *pixelData = new DcmPixelData(DCM_PixelData);
        pixelData->putOriginalRepresentation(EXS_JPEG2000LosslessOnly, nullptr, sequence);
        ds->insert(pixelData, true);
        const QString name = QDir(dir).filePath(QStringLiteral("j2k-%1.dcm").arg(i + 1, 3, 10, QLatin1Char('0')));
        if (file.saveFile(QFile::encodeName(name).constData(), EXS_JPEG2000LosslessOnly).bad())
            return QStringLiteral("cannot write %1").arg(name);
        set->files << name;
    }
    return {};
}

// --- measuring ----------------------------------------------------------------------------------

struct Measure
{
    qint64 oursFrames = 0, baseFrames = 0, oursNs = 0, baseNs = 0, rounds = 0;
    double oursFps() const { return oursNs ? oursFrames / (oursNs / 1e9) : 0; }
    double baseFps() const { return baseNs ? baseFrames / (baseNs / 1e9) : 0; }
};

template<typename Ours, typename Base>
Measure measure(const QStringList &files, double seconds, Ours ours, Base base)
{
    ours(files); // warm up: page cache, codec tables, allocator
    base(files);
    Measure m;
    QElapsedTimer total;
    total.start();
    // At least three rounds each; alternate which goes first so neither always runs on a cold cache.
    while (m.rounds < 3 || total.elapsed() < qint64(seconds * 1000)) {
        for (int k = 0; k < 2; ++k) {
            QElapsedTimer t;
            t.start();
            if ((k == 0) == (m.rounds % 2 == 0)) {
                m.oursFrames += ours(files);
                m.oursNs += t.nsecsElapsed();
            } else {
                m.baseFrames += base(files);
                m.baseNs += t.nsecsElapsed();
            }
        }
        ++m.rounds;
    }
    return m;
}

QString row(const QString &name, const QString &mode, int frames, const Measure &m, qint64 bytes)
{
    const double perRound = double(frames);
    const double mbOurs = m.oursFps() * (bytes / perRound) / 1e6;
    const double mbBase = m.baseFps() * (bytes / perRound) / 1e6;
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
        .arg(name, -22)
        .arg(mode, -7)
        .arg(frames, 6)
        .arg(QString::number(m.oursFps(), 'f', 1), 10)
        .arg(QString::number(mbOurs, 'f', 1), 8)
        .arg(QString::number(m.baseFps(), 'f', 1), 10)
        .arg(QString::number(mbBase, 'f', 1), 8)
        .arg(QString::number(m.baseFps() > 0 ? m.oursFps() / m.baseFps() : 0, 'f', 3), 6);
}

} // namespace

int main(int argc, char **argv)
{
    // As the app's main() does.
    Kakehashi::ProcessMemory::useHugePages(argv);
    Kakehashi::ProcessMemory::tuneAllocator();
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    double seconds = 30;
    int slices = 100;
    QStringList inputs;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == u"--seconds" && i + 1 < args.size())
            seconds = args.at(++i).toDouble();
        else if (args.at(i) == u"--slices" && i + 1 < args.size())
            slices = std::max(1, args.at(++i).toInt());
        else
            inputs << args.at(i);
    }
    OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
    DJDecoderRegistration::registerCodecs();
    DcmRLEDecoderRegistration::registerCodecs();
    DJLSDecoderRegistration::registerCodecs();
    DJEncoderRegistration::registerCodecs();
    DJLSEncoderRegistration::registerCodecs();
    QTextStream out(stdout);

    QList<FileSet> sets;
    QTemporaryDir tmp;
    // KAKEHASHI_BENCH_KEEP=1: the generated files stay (for a profiler run on one set).
    if (qEnvironmentVariableIsSet("KAKEHASHI_BENCH_KEEP")) {
        tmp.setAutoRemove(false);
        out << "generated files kept in " << tmp.path() << "\n";
    }
    if (!inputs.isEmpty()) {
        FileSet given{QStringLiteral("given files"), {}, 0, true};
        for (const QString &a : std::as_const(inputs)) {
            if (QFileInfo(a).isFile()) {
                given.files << a;
                continue;
            }
            QDirIterator it(a, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString f = it.next();
                if (DicomSeriesScanner::isDicomFile(f))
                    given.files << f;
            }
        }
        sets << given;
    } else {
        const QString d = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/");
        FileSet pydicom{QStringLiteral("pydicom samples (8)"), {}, 0, false};
        for (const char *n : {"CT_small.dcm", "MR_small.dcm", "MR_small_RLE.dcm", "JPGExtended.dcm", "MR_small_jpeg_ls_lossless.dcm",
                              "SC_rgb_jpeg_dcmtk.dcm", "SC_rgb_rle_2frame.dcm", "rtdose.dcm"}) {
            if (QFileInfo::exists(d + QString::fromLatin1(n)))
                pydicom.files << d + QString::fromLatin1(n);
        }
        if (!pydicom.files.isEmpty())
            sets << pydicom;
        QElapsedTimer gen;
        gen.start();
        for (const char *sub : {"ct", "ct-jls", "ct-jpeg"})
            QDir(tmp.path()).mkpath(QString::fromLatin1(sub));
        FileSet ct{QStringLiteral("CT 512² native"), {}, 0, true};
        FileSet jls{QStringLiteral("CT 512² JPEG-LS"), {}, 0, true};
        FileSet jpeg{QStringLiteral("CT 512² JPEG lossless"), {}, 0, true};
        QString error = generateCtSeries(tmp.path(), slices, &ct.files, &jls.files, &jpeg.files);
        FileSet cr{QStringLiteral("CR 2048² 12-bit"), {tmp.filePath(QStringLiteral("cr.dcm"))}, 0, false};
        if (error.isEmpty())
            error = generateCr(cr.files.first());
        if (!error.isEmpty()) {
            out << "generating the test data failed: " << error << "\n";
            return 1;
        }
        sets << ct << jls << jpeg << cr;
        error = generatePhotometricSets(tmp.path(), 20, &sets);
        FileSet j2k{QStringLiteral("CT 512² J2K vs OpenJPEG"), {}, 0, false, true};
        if (error.isEmpty()) {
            QDir(tmp.path()).mkpath(QStringLiteral("j2k"));
            error = generateJpeg2000Set(tmp.filePath(QStringLiteral("j2k")), 20, &j2k);
        }
        if (error.isEmpty())
            sets << j2k;
        if (!error.isEmpty()) {
            out << "generating the photometric sets failed: " << error << "\n";
            return 1;
        }
        out << "generated " << slices << " CT slices ×3 transfer syntaxes, a CR, one set per photometric path and a JPEG 2000 set in "
            << gen.elapsed() << " ms\n";
    }
    for (FileSet &s : sets)
        s.pixelBytes = pixelBytes(s.files);
    if (sets.isEmpty() || sets.first().files.isEmpty()) {
        out << "no DICOM files\n";
        return 1;
    }

    int measurements = 0;
    for (const FileSet &s : std::as_const(sets))
        measurements += s.pooled && !s.openJpeg ? 2 : 1;
    const double each = seconds / measurements;
    out << "threads in pool: " << QThreadPool::globalInstance()->maxThreadCount() << ", " << QString::number(each, 'f', 1)
        << " s per measurement\n\n";
    const QString header = QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                               .arg(QStringLiteral("set"), -22)
                               .arg(QStringLiteral("mode"), -7)
                               .arg(QStringLiteral("frames"), 6)
                               .arg(QStringLiteral("ours f/s"), 10)
                               .arg(QStringLiteral("MB/s"), 8)
                               .arg(QStringLiteral("DCMTK f/s"), 10)
                               .arg(QStringLiteral("MB/s"), 8)
                               .arg(QStringLiteral("ratio"), 6);
    out << header;
    out.flush();
    qint64 oursNs = 0, baseNs = 0, oursFrames = 0, baseFrames = 0;
    double worst = 1e9;
    for (const FileSet &s : std::as_const(sets)) {
        const auto baseline = s.openJpeg ? runOpenJpeg : runBaseline;
        const int frames = int(baseline(s.files));
        const Measure m = measure(s.files, each, runOurs, baseline);
        if (m.oursFrames / m.rounds != frames)
            out << "warning: " << s.name << ": ours decoded " << m.oursFrames / m.rounds << " of " << frames << " frames\n";
        out << row(s.name, QStringLiteral("single"), frames, m, s.pixelBytes);
        out.flush();
        // The total weighs each set by its time for one pass, so large sets count for more.
        oursNs += m.oursNs / m.rounds;
        baseNs += m.baseNs / m.rounds;
        oursFrames += m.oursFrames / m.rounds;
        baseFrames += m.baseFrames / m.rounds;
        worst = std::min(worst, m.oursFps() / m.baseFps());
        if (s.pooled && !s.openJpeg) {
            out << row(s.name, QStringLiteral("pooled"), frames, measure(s.files, each, runOursPooled, runBaselinePooled), s.pixelBytes);
            out.flush();
        }
    }
    const double oursFps = oursFrames / (oursNs / 1e9);
    const double baseFps = baseFrames / (baseNs / 1e9);
    out << "\ntotal (single thread, one pass over every set): ours " << QString::number(oursFps, 'f', 1) << " frames/s, DCMTK "
        << QString::number(baseFps, 'f', 1) << " frames/s, ratio " << QString::number(oursFps / baseFps, 'f', 3) << " (overhead "
        << QString::number((baseFps / oursFps - 1) * 100, 'f', 1) << "%); worst set ratio " << QString::number(worst, 'f', 3)
        << "\ntarget: ratio >= 0.900 (overhead <= 10%) overall; issue 12 P4: >= 1.0 on every set (worst set "
        << (worst >= 1.0 ? "met" : "NOT met") << ")\n";
    return 0;
}
