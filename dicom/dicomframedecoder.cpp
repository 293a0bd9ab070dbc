#include "dicomframedecoder.h"

#include "dcmtkitems.h"
#include "dcmtkmemorystream.h"
#include "dicomtext.h"
#include "j2kcodec.h"
#include "rlecodec.h"

#if defined(__GLIBC__)
#endif
#include <QFile>
#include <QFutureWatcher>
#include <QPromise>
#include <QThread>
#include <QThreadPool>
#include <QLoggingCategory>
#include <QtNumeric>
#include <QtConcurrent/QtConcurrentRun>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dccodec.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfcache.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmimage/diregist.h>
#include <dcmtk/dcmimgle/dcmimage.h>
#include <dcmtk/dcmimgle/dipixel.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/oflog/oflog.h>

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <array>
#include <limits>
#include <vector>
#include <cmath>
#include <memory>
#include <mutex>
#include <optional>

Q_LOGGING_CATEGORY(lcDicomDecode, "kakehashi.dicom.decode", QtInfoMsg)

namespace Kakehashi::Dicom {

namespace Detail {
bool isFetchedByFrameHeader(DcmItem *ds); // dicomfetchedframes.cpp
}

namespace {

void registerCodecsOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // DCMTK's own logger would print file contents (names, UIDs) to stderr.
        OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
        DJDecoderRegistration::registerCodecs();
        DJLSDecoderRegistration::registerCodecs();
    });
}

bool isJpeg2000(E_TransferSyntax xfer)
{
    return xfer == EXS_JPEG2000LosslessOnly || xfer == EXS_JPEG2000 || xfer == EXS_JPEG2000MulticomponentLosslessOnly
        || xfer == EXS_JPEG2000Multicomponent;
}

// High-Throughput JPEG 2000 (PS3.5 A.4.11): newer than DCMTK 3.6.7, decoded by OpenJPEG 2.5.
bool isHtj2kUid(const QString &uid)
{
    return uid == u"1.2.840.10008.1.2.4.201" || uid == u"1.2.840.10008.1.2.4.202" || uid == u"1.2.840.10008.1.2.4.203";
}

// The transfer syntax the file meta header names, as written; empty without a meta header.
QString metaTransferSyntax(DcmFileFormat &file)
{
    OFString uid;
    DcmMetaInfo *meta = file.getMetaInfo();
    if (!meta || meta->findAndGetOFString(DCM_TransferSyntaxUID, uid).bad())
        return {};
    return QString::fromLatin1(uid.c_str()).trimmed();
}

// A readable name for a transfer syntax UID.
QString transferSyntaxName(const QString &uid)
{
    if (uid == u"1.2.840.10008.1.2.4.201")
        return QStringLiteral("HTJ2K Lossless");
    if (uid == u"1.2.840.10008.1.2.4.202")
        return QStringLiteral("HTJ2K Lossless RPCL");
    if (uid == u"1.2.840.10008.1.2.4.203")
        return QStringLiteral("HTJ2K");
    const DcmXfer xfer(uid.toLatin1().constData());
    if (xfer.getXfer() == EXS_Unknown)
        return uid;
    return QStringLiteral("%1 (%2)").arg(QString::fromLatin1(xfer.getXferName()), uid);
}

class TextReader
{
public:
    TextReader(DcmFileFormat &file, DcmDataset *ds) : m_ds(ds)
    {
        OFString value;
        if (ds->findAndGetOFStringArray(DCM_SpecificCharacterSet, value).good())
            m_charsets = QString::fromLatin1(value.c_str()).split(u'\\');
        const bool plain = m_charsets.isEmpty() || (m_charsets.size() == 1 && m_charsets.first().trimmed().isEmpty());
        m_own = !plain && DicomText::canDecode(m_charsets);
        if (!plain && !m_own)
            m_converted = file.convertToUTF8().good();
    }
    QString text(const DcmTagKey &tag) const
    {
        OFString value;
        if (m_ds->findAndGetOFStringArray(tag, value).bad())
            return {};
        const QByteArray raw(value.c_str(), qsizetype(value.length()));
        if (m_own)
            return DicomText::decode(raw, m_charsets).trimmed();
        if (m_converted)
            return QString::fromUtf8(raw).trimmed();
        return QString::fromLatin1(raw).trimmed();
    }
    double number(const DcmTagKey &tag, unsigned long index = 0, bool *found = nullptr) const
    {
        double v = 0;
        const bool ok = Detail::findDecimal(m_ds, tag, v, index) == Detail::Decimal::Number;
        if (found)
            *found = ok;
        return ok ? v : 0.0;
    }
    int integer(const DcmTagKey &tag) const
    {
        Sint32 v = 0;
        if (m_ds->findAndGetSint32(tag, v).good())
            return int(v);
        Uint16 u = 0;
        if (m_ds->findAndGetUint16(tag, u).good())
            return int(u);
        return int(number(tag));
    }

private:
    DcmDataset *m_ds;
    QStringList m_charsets;
    bool m_own = false;
    bool m_converted = false;
};

// The windows of a VOI LUT macro (Window Center/Width and their explanations) in |item|.
QList<VoiWindow> windowsIn(DcmItem *item, const QStringList &explanations)
{
    QList<VoiWindow> out;
    for (unsigned long i = 0;; ++i) {
        double center = 0, width = 0;
        const Detail::Decimal c = Detail::findDecimal(item, DCM_WindowCenter, center, i);
        const Detail::Decimal w = Detail::findDecimal(item, DCM_WindowWidth, width, i);
        if (c == Detail::Decimal::Absent || w == Detail::Decimal::Absent)
            break;
        if (c == Detail::Decimal::NotANumber || w == Detail::Decimal::NotANumber)
            continue; // this window is left out, the next ones are read
        const VoiWindow win{center, width, i < ulong(explanations.size()) ? explanations.at(int(i)).trimmed() : QString()};
        if (win.isValid())
            out.append(win);
    }
    return out;
}

QList<VoiWindow> windowsIn(DcmItem *item)
{
    OFString explanation;
    item->findAndGetOFStringArray(DCM_WindowCenterWidthExplanation, explanation);
    return windowsIn(item, QString::fromLatin1(explanation.c_str()).split(u'\\'));
}

// One functional group macro's item (e.g. the Frame VOI LUT Sequence's) in a frame's group item.
// Enhanced multi-frame objects keep rescale, window and position in functional groups (shared, or
// per frame, which wins): read them for every frame. Empty for classic objects.
QList<DicomFrameGroups> readFrameGroups(DcmDataset *ds, int frames)
{
    QList<DicomFrameGroups> out;
    DcmItem *shared = nullptr;
    ds->findAndGetSequenceItem(DCM_SharedFunctionalGroupsSequence, shared, 0);
    DcmSequenceOfItems *perFrame = nullptr;
    ds->findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrame);
    if (!shared && !perFrame)
        return out;
    out.reserve(frames);
    for (int f = 0; f < frames; ++f) {
        DcmItem *own = perFrame && ulong(f) < perFrame->card() ? perFrame->getItem(ulong(f)) : nullptr;
        DicomFrameGroups g;
        for (DcmItem *group : {own, shared}) {
            if (!group)
                continue;
            if (DcmItem *pvt = Detail::firstSequenceItem(group, DCM_PixelValueTransformationSequence); pvt && !g.hasRescale) {
                Float64 slope = 1, intercept = 0;
                if (pvt->findAndGetFloat64(DCM_RescaleSlope, slope).good() && pvt->findAndGetFloat64(DCM_RescaleIntercept, intercept).good()) {
                    g.hasRescale = true;
                    g.rescaleSlope = slope;
                    g.rescaleIntercept = intercept;
                }
            }
            if (DcmItem *voi = Detail::firstSequenceItem(group, DCM_FrameVOILUTSequence); voi && g.windows.isEmpty())
                g.windows = windowsIn(voi);
            if (DcmItem *plane = Detail::firstSequenceItem(group, DCM_PlanePositionSequence); plane && !g.hasPosition) {
                double x = 0, y = 0, z = 0;
                using Detail::Decimal;
                if (Detail::findDecimal(plane, DCM_ImagePositionPatient, x, 0) == Decimal::Number
                    && Detail::findDecimal(plane, DCM_ImagePositionPatient, y, 1) == Decimal::Number
                    && Detail::findDecimal(plane, DCM_ImagePositionPatient, z, 2) == Decimal::Number) {
                    g.hasPosition = true;
                    g.position = QVector3D(float(x), float(y), float(z));
                }
            }
        }
        out.append(g);
    }
    return out;
}

DicomImageInfo readInfo(DcmFileFormat &file, const QString &path)
{
    DcmDataset *ds = file.getDataset();
    TextReader t(file, ds);
    DicomImageInfo info;
    info.path = path;
    info.transferSyntaxUid = metaTransferSyntax(file);
    if (info.transferSyntaxUid.isEmpty())
        info.transferSyntaxUid = QString::fromLatin1(DcmXfer(ds->getOriginalXfer()).getXferID());
    info.photometricInterpretation = t.text(DCM_PhotometricInterpretation);
    info.patientName = t.text(DCM_PatientName);
    info.patientId = t.text(DCM_PatientID);
    info.patientBirthDate = t.text(DCM_PatientBirthDate);
    info.patientSex = t.text(DCM_PatientSex);
    info.studyDate = t.text(DCM_StudyDate);
    info.studyTime = t.text(DCM_StudyTime);
    info.studyDescription = t.text(DCM_StudyDescription);
    info.seriesDescription = t.text(DCM_SeriesDescription);
    info.studyInstanceUid = t.text(DCM_StudyInstanceUID);
    info.seriesInstanceUid = t.text(DCM_SeriesInstanceUID);
    info.sopInstanceUid = t.text(DCM_SOPInstanceUID);
    info.sopClassUid = t.text(DCM_SOPClassUID);
    info.frameOfReferenceUid = t.text(DCM_FrameOfReferenceUID);
    info.institutionName = t.text(DCM_InstitutionName);
    OFString mediaClass;
    if (info.sopClassUid.isEmpty() && file.getMetaInfo()
        && file.getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPClassUID, mediaClass).good())
        info.sopClassUid = QString::fromLatin1(mediaClass.c_str());
    info.hasPixelData = ds->tagExists(DCM_PixelData);
    info.fetchedByFrame = !info.hasPixelData && Detail::isFetchedByFrameHeader(ds);
    {
        Float64 slope = 1, intercept = 0;
        if (ds->findAndGetFloat64(DCM_RescaleSlope, slope).good() && ds->findAndGetFloat64(DCM_RescaleIntercept, intercept).good()
            && std::isfinite(slope) && std::isfinite(intercept) && slope != 0) {
            info.hasRescale = true;
            info.rescaleSlope = slope;
            info.rescaleIntercept = intercept;
        }
    }
    info.modality = t.text(DCM_Modality);
    info.seriesNumber = t.integer(DCM_SeriesNumber);
    info.instanceNumber = t.integer(DCM_InstanceNumber);
    info.rows = t.integer(DCM_Rows);
    info.columns = t.integer(DCM_Columns);
    info.numberOfFrames = std::max(1, t.integer(DCM_NumberOfFrames));
    bool found = false;
    info.frameTimeMs = t.number(DCM_FrameTime, 0, &found);
    if (!found) {
        const int rate = t.integer(DCM_CineRate); // IS: frames a second
        if (rate > 0)
            info.frameTimeMs = 1000.0 / rate;
    }
    // A frame time a cine can keep: over 0 and at most a minute a frame (else it is not known).
    if (!(info.frameTimeMs > 0 && info.frameTimeMs <= 60000))
        info.frameTimeMs = 0;
    bool rowOk = false;
    bool colOk = false;
    const double rowSpacing = t.number(DCM_PixelSpacing, 0, &rowOk);
    const double colSpacing = t.number(DCM_PixelSpacing, 1, &colOk);
    if (rowOk && colOk && rowSpacing > 0 && colSpacing > 0)
        info.pixelSpacing = QSizeF(colSpacing, rowSpacing);
    info.sliceLocation = t.number(DCM_SliceLocation, 0, &info.hasSliceLocation);
    bool x = false, y = false, z = false;
    const double px = t.number(DCM_ImagePositionPatient, 0, &x);
    const double py = t.number(DCM_ImagePositionPatient, 1, &y);
    const double pz = t.number(DCM_ImagePositionPatient, 2, &z);
    info.hasImagePosition = x && y && z;
    info.imagePosition = QVector3D(float(px), float(py), float(pz));
    info.voiWindows = windowsIn(ds, t.text(DCM_WindowCenterWidthExplanation).split(u'\\'));
    info.frameGroups = readFrameGroups(ds, info.numberOfFrames);
    return info;
}

// Overlay planes with their own Overlay Data (60xx,3000): bits packed little-endian, row by row.
QList<DicomOverlay> readOverlays(DcmDataset *ds)
{
    QList<DicomOverlay> out;
    for (Uint16 group = 0x6000; group <= 0x601e; group += 2) {
        DcmElement *data = nullptr;
        if (ds->findAndGetElement(DcmTagKey(group, 0x3000), data).bad() || !data)
            continue;
        Uint16 rows = 0, columns = 0;
        if (ds->findAndGetUint16(DcmTagKey(group, 0x0010), rows).bad() || ds->findAndGetUint16(DcmTagKey(group, 0x0011), columns).bad()
            || rows == 0 || columns == 0)
            continue;
        Uint8 *bytes = nullptr;
        if (data->getUint8Array(bytes).bad() || !bytes) {
            Uint16 *words = nullptr;
            if (data->getUint16Array(words).bad() || !words)
                continue;
            bytes = reinterpret_cast<Uint8 *>(words); // little-endian host: the words' bytes in file order
        }
        const quint64 bits = quint64(rows) * columns;
        if (quint64(data->getLength()) * 8 < bits)
            continue; // cut short: not drawn rather than drawn wrong
        DicomOverlay o;
        o.group = group;
        Sint16 origin = 1;
        if (ds->findAndGetSint16(DcmTagKey(group, 0x0050), origin, 0).good())
            o.originRow = origin;
        if (ds->findAndGetSint16(DcmTagKey(group, 0x0050), origin, 1).good())
            o.originColumn = origin;
        OFString text;
        if (ds->findAndGetOFString(DcmTagKey(group, 0x0040), text).good())
            o.type = QString::fromLatin1(text.c_str()).trimmed();
        if (ds->findAndGetOFString(DcmTagKey(group, 0x1500), text).good() || ds->findAndGetOFString(DcmTagKey(group, 0x0022), text).good())
            o.label = QString::fromLatin1(text.c_str()).trimmed();
        o.bitmap = QImage(columns, rows, QImage::Format_Mono);
        o.bitmap.setColorTable({qRgba(0, 0, 0, 0), qRgba(255, 255, 0, 255)});
        o.bitmap.fill(0);
        for (quint64 i = 0; i < bits; ++i)
            if (bytes[i / 8] & (1u << (i % 8)))
                o.bitmap.setPixel(int(i % columns), int(i / columns), 1);
        out.append(o);
    }
    return out;
}

// Native pixel data shorter than the attributes promise is truncated: DCMTK would pad it.
bool nativePixelDataComplete(DcmDataset *ds, const DicomImageInfo &info)
{
    DcmElement *element = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, element).bad() || !element)
        return false;
    Uint16 bitsAllocated = 0, samples = 1;
    ds->findAndGetUint16(DCM_BitsAllocated, bitsAllocated);
    ds->findAndGetUint16(DCM_SamplesPerPixel, samples);
    const quint64 bits = quint64(info.rows) * quint64(info.columns) * quint64(std::max<Uint16>(samples, 1))
        * quint64(bitsAllocated) * quint64(info.numberOfFrames);
    return quint64(element->getLength()) * 8 >= bits;
}

// The one check of what a frame will cost, before any decoder sees it: native data, our RLE
// decoder, DCMTK's JPEG and JPEG-LS codecs and OpenJPEG all allocate a frame from Rows, Columns,
// Samples per Pixel and Bits Allocated before they read a pixel, so a file of a few hundred bytes
// declaring 65535 × 65535 × 3 × 16 bits would have each of them ask for 24 GiB (and, under the
// fuzzer, spend seconds poisoning shadow memory for it). Refuses layouts no decoder here handles
// and frames larger than DicomFrameDecoder::MaxFrameBytes (or the caller's lower limit); empty when
// the frame may be decoded.
QString declaredFrameProblem(DcmDataset *ds, const DicomImageInfo &info, qint64 maxFrameBytes)
{
    const qint64 limit = maxFrameBytes > 0 ? std::min(maxFrameBytes, DicomFrameDecoder::MaxFrameBytes) : DicomFrameDecoder::MaxFrameBytes;
    Uint16 samples = 1, bitsAllocated = 0;
    ds->findAndGetUint16(DCM_SamplesPerPixel, samples); // absent: monochrome, as DCMTK takes it
    ds->findAndGetUint16(DCM_BitsAllocated, bitsAllocated);
    if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32)
        return DicomFrameDecoder::tr("the image declares %1 bits allocated a sample; the viewer decodes 1, 8, 16 or 32").arg(bitsAllocated);
    // 4 (ARGB, CMYK) was retired from the standard; 2 was never valid.
    if (samples != 1 && samples != 3)
        return DicomFrameDecoder::tr("the image declares %1 samples per pixel; the viewer decodes 1 (monochrome) or 3 (colour)").arg(samples);
    // Rows and Columns are US, but a damaged file may carry them as a longer VR: 64 bits, and the
    // product checked for overflow.
    const quint64 pixels = quint64(std::max(info.rows, 0)) * quint64(std::max(info.columns, 0));
    quint64 bits = 0;
    const bool overflow = qMulOverflow(pixels, quint64(samples) * bitsAllocated, &bits);
    if (overflow || (bits + 7) / 8 > quint64(limit)) {
        const double mib = double(pixels) * samples * bitsAllocated / 8 / double(1 << 20);
        return DicomFrameDecoder::tr("the image declares %1 × %2 pixels with %3 samples of %4 bits, %5 MiB a frame: larger than "
                                     "the viewer decodes (%6 MiB a frame)")
            .arg(info.columns)
            .arg(info.rows)
            .arg(samples)
            .arg(bitsAllocated)
            .arg(QString::number(std::ceil(mib), 'f', 0))
            .arg(QString::number(double(limit) / double(1 << 20), 'g', 4));
    }
    return {};
}

// JPEG 2000: decode every frame with OpenJPEG and put the pixels back as native data so the
// rest of the pipeline (modality LUT, photometric interpretation) is DCMTK's.
bool isDcmtkJpeg(E_TransferSyntax xfer)
{
    switch (xfer) {
    case EXS_JPEGProcess1: case EXS_JPEGProcess2_4: case EXS_JPEGProcess3_5: case EXS_JPEGProcess6_8:
    case EXS_JPEGProcess7_9: case EXS_JPEGProcess10_12: case EXS_JPEGProcess11_13: case EXS_JPEGProcess14:
    case EXS_JPEGProcess15: case EXS_JPEGProcess16_18: case EXS_JPEGProcess17_19: case EXS_JPEGProcess20_22:
    case EXS_JPEGProcess21_23: case EXS_JPEGProcess24_26: case EXS_JPEGProcess25_27: case EXS_JPEGProcess28:
    case EXS_JPEGProcess29: case EXS_JPEGProcess14SV1:
        return true;
    default:
        return false;
    }
}

// DCMTK 3.6.7 looks for a JPEG fragment's bit depth by walking its markers up to the frame header
// (DJCodecDecoder::scanJpegDataForBitDepth) and never steps over a TEM marker (FF01): such a
// fragment loops forever (found by fuzz_dicom_metadata). The same walk here, to refuse it first.
bool jpegFragmentHangsDcmtk(const Uint8 *data, Uint32 length)
{
    Uint32 offset = 0;
    while (offset + 4 < length) {
        const unsigned marker = (unsigned(data[offset]) << 8) | data[offset + 1];
        if (marker == 0xff01)
            return true;
        if (marker == 0xffff) { // a fill byte: DCMTK steps over one byte
            offset += 1;
            continue;
        }
        if ((marker >= 0xffc0 && marker <= 0xffcf && marker != 0xffc4 && marker != 0xffc8 && marker != 0xffcc))
            return false; // a frame header: DCMTK stops here
        if (marker >= 0xffc4 && marker <= 0xfffe && !(marker >= 0xffd0 && marker <= 0xffd9)) {
            offset += ((unsigned(data[offset + 2]) << 8) | data[offset + 3]) + 2; // a segment with a length
        } else if (marker >= 0xffd0 && marker <= 0xffd9) {
            offset += 2; // RSTn, SOI, EOI
        } else if (data[offset] == 0xff && data[offset + 1] > 2 && data[offset + 1] <= 0xbf) {
            offset += 2; // reserved
        } else {
            return false; // DCMTK stops: not JPEG
        }
    }
    return false;
}

QString jpegFragmentProblem(DcmDataset *ds)
{
    DcmElement *element = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, element).bad() || !element)
        return {};
    DcmPixelSequence *sequence = nullptr;
    if (static_cast<DcmPixelData *>(element)->getEncapsulatedRepresentation(ds->getOriginalXfer(), nullptr, sequence).bad() || !sequence)
        return {};
    for (unsigned long i = 1; i < sequence->card(); ++i) {
        DcmPixelItem *item = nullptr;
        Uint8 *bytes = nullptr;
        if (sequence->getItem(item, i).good() && item && item->getUint8Array(bytes).good() && bytes
            && jpegFragmentHangsDcmtk(bytes, item->getLength()))
            return DicomFrameDecoder::tr("the JPEG data is malformed (a TEM marker before the frame header)");
    }
    return {};
}

// JPEG 2000: decode the frames [first, first + count) through OpenJPEG and put them back as native
// data holding just those frames (Number of Frames set to |count|), so the rest of the pipeline is
// the native one and one frame of a long cine costs one frame's decoding and memory.
QString decodeJpeg2000InPlace(DcmDataset *ds, const DicomImageInfo &info, int firstFrame, int frameCount, const std::atomic_bool *cancel)
{
    DcmElement *element = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, element).bad() || !element)
        return DicomFrameDecoder::tr("the file has no pixel data");
    auto *pixelData = static_cast<DcmPixelData *>(element);
    DcmPixelSequence *sequence = nullptr;
    if (pixelData->getEncapsulatedRepresentation(ds->getOriginalXfer(), nullptr, sequence).bad() || !sequence)
        return DicomFrameDecoder::tr("the JPEG 2000 pixel data is not encapsulated");

    // Group fragments into frames: a frame starts with a J2K SOC marker or a JP2 signature box.
    std::vector<QByteArray> frames;
    const unsigned long count = sequence->card();
    for (unsigned long i = 1; i < count; ++i) {
        DcmPixelItem *item = nullptr;
        if (sequence->getItem(item, i).bad() || !item)
            return DicomFrameDecoder::tr("a JPEG 2000 fragment cannot be read");
        Uint8 *bytes = nullptr;
        if (item->getUint8Array(bytes).bad() && item->getLength() > 0)
            return DicomFrameDecoder::tr("a JPEG 2000 fragment cannot be read");
        const QByteArray fragment(reinterpret_cast<const char *>(bytes), qsizetype(item->getLength()));
        const bool starts = fragment.startsWith("\xff\x4f\xff\x51") || fragment.mid(4, 4) == "jP  ";
        if (frames.empty() || (starts && int(frames.size()) < info.numberOfFrames))
            frames.emplace_back(fragment);
        else
            frames.back().append(fragment);
    }
    if (int(frames.size()) < info.numberOfFrames)
        return DicomFrameDecoder::tr("the JPEG 2000 data holds %1 of %2 frames").arg(frames.size()).arg(info.numberOfFrames);

    Uint16 samples = 1;
    ds->findAndGetUint16(DCM_SamplesPerPixel, samples);
    std::vector<Uint16> words;
    std::vector<Uint8> bytes;
    Detail::J2kDecoded first;
    for (int f = firstFrame; f < firstFrame + frameCount; ++f) {
        if (cancel && cancel->load())
            return DicomFrameDecoder::tr("cancelled");
        const QByteArray &frame = frames[size_t(f)];
        // OpenJPEG allocates from the codestream's own SIZ, not from Rows and Columns (checked
        // against the cap already): they must agree before it reads the header.
        Detail::J2kHeader siz;
        const QString sizError = Detail::readJpeg2000Header(reinterpret_cast<const uint8_t *>(frame.constData()), size_t(frame.size()), &siz);
        if (!sizError.isEmpty())
            return DicomFrameDecoder::tr("the JPEG 2000 data of frame %1 has no readable image size: %2").arg(f + 1).arg(sizError);
        if (siz.width != quint64(info.columns) || siz.height != quint64(info.rows) || siz.components != samples)
            return DicomFrameDecoder::tr("the JPEG 2000 data of frame %1 declares %2 × %3 pixels with %4 components where the DICOM "
                                         "header declares %5 × %6 with %7")
                .arg(f + 1)
                .arg(siz.width)
                .arg(siz.height)
                .arg(siz.components)
                .arg(info.columns)
                .arg(info.rows)
                .arg(samples);
        // OpenJPEG keeps a few KB of coding parameters per tile (up to 65535 tiles): real encoders
        // use one tile or a few hundred at most.
        constexpr quint64 maxTiles = 4096;
        if (siz.tiles > maxTiles)
            return DicomFrameDecoder::tr("the JPEG 2000 data of frame %1 is split into %2 tiles, more than the viewer decodes (%3)")
                .arg(f + 1)
                .arg(siz.tiles)
                .arg(maxTiles);
        Detail::J2kDecoded d = Detail::decodeJpeg2000(reinterpret_cast<const uint8_t *>(frame.constData()), size_t(frame.size()));
        if (!d.ok)
            return DicomFrameDecoder::tr("JPEG 2000 decoding failed: %1").arg(d.errorString);
        if (d.width != info.columns || d.height != info.rows)
            return DicomFrameDecoder::tr("the JPEG 2000 image size does not match Rows and Columns");
        if (f == firstFrame) {
            first.precision = d.precision;
            first.components = d.components;
            first.isSigned = d.isSigned;
            first.colourTransformed = d.colourTransformed;
            const size_t total = d.samples.size() * size_t(frameCount);
            if (d.precision <= 8)
                bytes.reserve(total);
            else
                words.reserve(total);
        } else if (d.components != first.components || d.precision != first.precision) {
            return DicomFrameDecoder::tr("the JPEG 2000 frames differ in layout");
        }
        if (d.precision <= 8) {
            for (int32_t s : d.samples)
                bytes.push_back(Uint8(s & 0xff));
        } else {
            for (int32_t s : d.samples)
                words.push_back(Uint16(s & 0xffff));
        }
    }
    const Uint16 bitsAllocated = first.precision <= 8 ? 8 : 16;
    Uint16 bitsStored = 0;
    if (ds->findAndGetUint16(DCM_BitsStored, bitsStored).bad() || bitsStored > bitsAllocated || bitsStored == 0)
        bitsStored = Uint16(std::min<int>(first.precision, bitsAllocated));
    ds->putAndInsertUint16(DCM_BitsAllocated, bitsAllocated);
    ds->putAndInsertUint16(DCM_BitsStored, bitsStored);
    ds->putAndInsertUint16(DCM_HighBit, Uint16(bitsStored - 1));
    ds->putAndInsertUint16(DCM_SamplesPerPixel, Uint16(first.components));
    ds->putAndInsertString(DCM_NumberOfFrames, QByteArray::number(frameCount).constData());
    if (first.components > 1) {
        ds->putAndInsertUint16(DCM_PlanarConfiguration, 0);
        if (first.colourTransformed)
            ds->putAndInsertString(DCM_PhotometricInterpretation, "RGB");
    }
    OFCondition status = bitsAllocated == 8
        ? ds->putAndInsertUint8Array(DCM_PixelData, bytes.data(), bytes.size())
        : ds->putAndInsertUint16Array(DCM_PixelData, words.data(), words.size());
    if (status.bad())
        return DicomFrameDecoder::tr("the decoded JPEG 2000 pixels cannot be stored");
    ds->removeAllButCurrentRepresentations();
    return {};
}

// RLE Lossless: decode the frames [first, first + count) with our own decoder (rlecodec.h) and
// put them back as native data holding just those frames, so the rest of the pipeline is the
// native one. DCMTK's RLE codec is never given outside data.
QString decodeRleInPlace(DcmDataset *ds, const DicomImageInfo &info, int first, int count, const std::atomic_bool *cancel)
{
    DcmElement *element = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, element).bad() || !element)
        return DicomFrameDecoder::tr("the file has no pixel data");
    auto *pixelData = static_cast<DcmPixelData *>(element);
    DcmPixelSequence *sequence = nullptr;
    if (pixelData->getEncapsulatedRepresentation(ds->getOriginalXfer(), nullptr, sequence).bad() || !sequence)
        return DicomFrameDecoder::tr("the RLE pixel data is not encapsulated");
    Uint16 samples = 1, bitsAllocated = 0, planar = 0;
    ds->findAndGetUint16(DCM_SamplesPerPixel, samples);
    ds->findAndGetUint16(DCM_BitsAllocated, bitsAllocated);
    ds->findAndGetUint16(DCM_PlanarConfiguration, planar);
    Detail::RleFrameLayout layout;
    layout.rows = info.rows;
    layout.columns = info.columns;
    layout.samplesPerPixel = std::max<int>(samples, 1);
    layout.bytesAllocated = bitsAllocated / 8;
    layout.planar = layout.samplesPerPixel > 1 && planar == 1;
    if (bitsAllocated % 8 != 0 || (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) || layout.samplesPerPixel > 4)
        return DicomFrameDecoder::tr("RLE data with %1 bits allocated and %2 samples per pixel cannot be shown").arg(bitsAllocated).arg(samples);

    // One fragment per frame (PS3.5 A.4.2); a single-frame image may be split over several.
    const unsigned long fragments = sequence->card() > 0 ? sequence->card() - 1 : 0;
    const bool oneEach = fragments == unsigned(info.numberOfFrames);
    if (!oneEach && !(info.numberOfFrames == 1 && fragments > 1))
        return DicomFrameDecoder::tr("the RLE data holds %1 fragments for %2 frames").arg(fragments).arg(info.numberOfFrames);
    auto fragment = [&](unsigned long index, QByteArray &out) {
        DcmPixelItem *item = nullptr;
        Uint8 *bytes = nullptr;
        if (sequence->getItem(item, index).bad() || !item || (item->getUint8Array(bytes).bad() && item->getLength() > 0))
            return false;
        out.append(reinterpret_cast<const char *>(bytes), qsizetype(item->getLength()));
        return true;
    };
    std::vector<QByteArray> encoded;
    for (int f = first; f < first + count; ++f) {
        QByteArray frame;
        bool ok = true;
        if (oneEach) {
            ok = fragment(unsigned(f) + 1, frame);
        } else {
            for (unsigned long i = 1; ok && i <= fragments; ++i)
                ok = fragment(i, frame);
        }
        if (!ok)
            return DicomFrameDecoder::tr("an RLE fragment cannot be read");
        encoded.push_back(frame);
    }

    // PackBits expands two bytes to at most 128: a frame much larger than its data is not RLE,
    // and nothing is allocated for it.
    const size_t pixels = size_t(info.rows) * size_t(info.columns);
    const size_t segments = size_t(layout.samplesPerPixel) * size_t(layout.bytesAllocated);
    const size_t minimumFrameBytes = 64 + segments * 2 * ((pixels + 127) / 128);
    for (const QByteArray &frame : encoded) {
        if (size_t(frame.size()) < minimumFrameBytes)
            return DicomFrameDecoder::tr("RLE decoding failed: %1").arg(QStringLiteral("the data is too short for the image size"));
    }
    const size_t frameBytes = pixels * segments;
    std::vector<Uint8> native(frameBytes * size_t(count) + (frameBytes * size_t(count)) % 2);
    for (int f = 0; f < count; ++f) {
        if (cancel && cancel->load())
            return DicomFrameDecoder::tr("cancelled");
        const QByteArray &frame = encoded[size_t(f)];
        const QString error = Detail::decodeRleFrame(reinterpret_cast<const uint8_t *>(frame.constData()), size_t(frame.size()),
                                                     layout, native.data() + frameBytes * size_t(f));
        if (!error.isEmpty())
            return DicomFrameDecoder::tr("RLE decoding failed: %1").arg(error);
    }
    ds->putAndInsertString(DCM_NumberOfFrames, QByteArray::number(count).constData());
    OFCondition status;
    if (bitsAllocated == 8) {
        status = ds->putAndInsertUint8Array(DCM_PixelData, native.data(), Uint32(native.size()));
    } else {
        std::vector<Uint16> words(native.size() / 2);
        for (size_t i = 0; i < words.size(); ++i)
            words[i] = Uint16(native[2 * i] | (Uint16(native[2 * i + 1]) << 8));
        status = ds->putAndInsertUint16Array(DCM_PixelData, words.data(), Uint32(words.size()));
    }
    if (status.bad())
        return DicomFrameDecoder::tr("the decoded RLE pixels cannot be stored");
    ds->removeAllButCurrentRepresentations();
    return {};
}

template<typename T>
void copyMonochrome(const T *src, qsizetype count, DicomFrame &frame, int width, int height)
{
    T lo = count ? src[0] : T(0);
    T hi = lo;
    for (qsizetype i = 1; i < count; ++i) {
        lo = std::min(lo, src[i]);
        hi = std::max(hi, src[i]);
    }
    frame.minValue = double(lo);
    frame.maxValue = double(hi);
    frame.valueOffset = double(lo);
    const double range = double(hi) - double(lo);
    frame.valueScale = range > 65535.0 ? range / 65535.0 : 1.0;
    frame.pixels = QImage(width, height, QImage::Format_Grayscale16);
    const double inv = 1.0 / frame.valueScale;
    for (int y = 0; y < height; ++y) {
        auto *dst = reinterpret_cast<quint16 *>(frame.pixels.scanLine(y));
        const T *row = src + qsizetype(y) * width;
        if (frame.valueScale == 1.0) {
            for (int x = 0; x < width; ++x)
                dst[x] = quint16(qint64(row[x]) - qint64(lo));
        } else {
            for (int x = 0; x < width; ++x)
                dst[x] = quint16(std::lround((double(row[x]) - double(lo)) * inv));
        }
    }
}

// What the direct monochrome path needs to turn stored values into modality values.
struct StoredLayout
{
    int bitsAllocated = 0;
    int bitsStored = 0;
    bool isSigned = false;
    double slope = 1;
    double intercept = 0;
    bool fromFile = false; // the rescale was in the data set itself, not left at the identity
    // A Modality LUT Sequence instead of the rescale: each stored value's modality value (one
    // entry per storable value, the LUT's ends repeated outside its input range). Empty: the rescale.
    std::shared_ptr<const std::vector<quint16>> modalityLut;
};

// The data set's Modality LUT as a table over every storable value (PS3.3 C.11.1: values below the
// first mapped one take the first entry, values above the last take the last). Only the plain form
// is taken: unsigned pixels, a 16-bit LUT whose data holds exactly the entries the descriptor
// counts, no rescale beside it and none per frame. Anything else (8-bit or packed LUT data, signed
// input, a LUT with a rescale) returns null and goes through DicomImage, which has rules of its own
// for those.
std::shared_ptr<const std::vector<quint16>> plainModalityLut(DcmDataset *ds, const DicomImageInfo &info, int bitsStored, bool isSigned)
{
    if (isSigned || ds->tagExists(DCM_RescaleSlope) || ds->tagExists(DCM_RescaleIntercept))
        return nullptr;
    for (const DicomFrameGroups &g : info.frameGroups)
        if (g.hasRescale)
            return nullptr;
    DcmSequenceOfItems *sequence = nullptr;
    if (ds->findAndGetSequence(DCM_ModalityLUTSequence, sequence).bad() || !sequence || sequence->card() != 1)
        return nullptr;
    DcmItem *item = sequence->getItem(0);
    Uint16 entries = 0, firstMapped = 0, lutBits = 0;
    if (!item || item->findAndGetUint16(DCM_LUTDescriptor, entries, 0).bad() || item->findAndGetUint16(DCM_LUTDescriptor, firstMapped, 1).bad()
        || item->findAndGetUint16(DCM_LUTDescriptor, lutBits, 2).bad() || lutBits != 16)
        return nullptr;
    const unsigned long count = entries == 0 ? 65536UL : entries;
    const Uint16 *data = nullptr;
    unsigned long have = 0;
    if (item->findAndGetUint16Array(DCM_LUTData, data, &have).bad() || !data || have != count)
        return nullptr;
    auto table = std::make_shared<std::vector<quint16>>(size_t(1) << bitsStored);
    for (size_t v = 0; v < table->size(); ++v) {
        const long at = std::clamp(long(v) - long(firstMapped), 0L, long(count) - 1);
        (*table)[v] = data[at];
    }
    return table;
}

// The layouts the direct path handles: one sample of 1 (bit-packed), 8 or 16 bits, the high bit
// on top of the stored bits, MONOCHROME1/2, a linear rescale (or none) with a positive slope, or
// a plain Modality LUT (see plainModalityLut). Anything else (other modality LUTs, 32-bit samples,
// odd bit positions, colour) goes through DicomImage.
bool directLayout(DcmDataset *ds, const DicomImageInfo &info, StoredLayout &layout)
{
    if (info.photometricInterpretation != u"MONOCHROME2" && info.photometricInterpretation != u"MONOCHROME1")
        return false;
    Uint16 samples = 1, allocated = 0, stored = 0, highBit = 0, representation = 0;
    if (ds->findAndGetUint16(DCM_SamplesPerPixel, samples).good() && samples != 1)
        return false;
    if (ds->findAndGetUint16(DCM_BitsAllocated, allocated).bad() || (allocated != 1 && allocated != 8 && allocated != 16))
        return false;
    if (ds->findAndGetUint16(DCM_BitsStored, stored).bad() || stored < (allocated == 1 ? 1 : 2) || stored > allocated)
        return false;
    if (ds->findAndGetUint16(DCM_HighBit, highBit).bad() || highBit != stored - 1)
        return false;
    ds->findAndGetUint16(DCM_PixelRepresentation, representation);
    if (ds->tagExists(DCM_ModalityLUTSequence)) {
        if (allocated == 1)
            return false;
        std::shared_ptr<const std::vector<quint16>> lut = plainModalityLut(ds, info, stored, representation != 0);
        if (!lut)
            return false;
        layout = StoredLayout{allocated, stored, false, 1, 0, false, std::move(lut)};
        return true;
    }
    Float64 slope = 1, intercept = 0;
    const bool hasSlope = ds->findAndGetFloat64(DCM_RescaleSlope, slope).good();
    const bool hasIntercept = ds->findAndGetFloat64(DCM_RescaleIntercept, intercept).good();
    if (hasSlope != hasIntercept) // DCMTK's rules for half a rescale apply then
        return false;
    if (!hasSlope) {
        slope = 1;
        intercept = 0;
    }
    if (!(slope > 0) || !std::isfinite(slope) || !std::isfinite(intercept))
        return false;
    layout = StoredLayout{allocated, stored, representation != 0, slope, intercept, hasSlope, nullptr};
    // Enhanced objects: a frame's Pixel Value Transformation applies where the data set has none.
    if (!hasSlope) {
        for (const DicomFrameGroups &g : info.frameGroups)
            if (g.hasRescale && (!(g.rescaleSlope > 0) || !std::isfinite(g.rescaleSlope) || !std::isfinite(g.rescaleIntercept)))
                return false;
    }
    return true;
}

// The frame's modality values from the range of indexes it holds (lo..hi) and the rescale.
void setStoredRange(quint16 lo, quint16 hi, const StoredLayout &layout, DicomFrame &frame)
{
    const int bits = layout.bitsStored;
    const qint32 minIndex = lo;
    const qint32 maxIndex = hi;
    const qint32 base = layout.isSigned ? -(qint32(1) << (bits - 1)) : 0;
    frame.valueScale = layout.slope;
    frame.valueOffset = layout.intercept + layout.slope * base;
    frame.minValue = frame.valueOffset + layout.slope * minIndex;
    frame.maxValue = frame.valueOffset + layout.slope * maxIndex;
}

// One pass: stored value → 16-bit index with the frame's range on the way; no intermediate
// buffer and no second min/max pass. The index is the stored value minus the smallest storable
// value: (raw & mask) ^ signBit, which keeps the order, so the range is taken on indexes.
template<typename Raw>
void storedFrame(const Raw *src, int width, int height, const StoredLayout &layout, DicomFrame &frame)
{
    frame.pixels = QImage(width, height, QImage::Format_Grayscale16);
    const int bits = layout.bitsStored;
    const auto mask = quint16((quint32(1) << bits) - 1);
    const auto flip = quint16(layout.isSigned ? quint32(1) << (bits - 1) : 0);
    quint16 lo = 0xffff;
    quint16 hi = 0;
    for (int y = 0; y < height; ++y) {
        const Raw *row = src + qsizetype(y) * width;
        auto *dst = reinterpret_cast<quint16 *>(frame.pixels.scanLine(y));
        int x = 0;
#if defined(__SSE2__)
        // GCC does not vectorise this loop at -O2; it is most of the decoding time of
        // uncompressed images. SSE2 has signed 16-bit min/max only: compare with the top bit
        // flipped.
        if constexpr (sizeof(Raw) == 2) {
            const __m128i vmask = _mm_set1_epi16(short(mask));
            const __m128i vflip = _mm_set1_epi16(short(flip));
            const __m128i bias = _mm_set1_epi16(short(0x8000));
            __m128i vlo = _mm_set1_epi16(0x7fff);
            __m128i vhi = _mm_set1_epi16(short(0x8000));
            for (; x + 8 <= width; x += 8) {
                __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(row + x));
                v = _mm_xor_si128(_mm_and_si128(v, vmask), vflip);
                _mm_storeu_si128(reinterpret_cast<__m128i *>(dst + x), v);
                const __m128i biased = _mm_xor_si128(v, bias);
                vlo = _mm_min_epi16(vlo, biased);
                vhi = _mm_max_epi16(vhi, biased);
            }
            alignas(16) quint16 los[8], his[8];
            _mm_store_si128(reinterpret_cast<__m128i *>(los), _mm_xor_si128(vlo, bias));
            _mm_store_si128(reinterpret_cast<__m128i *>(his), _mm_xor_si128(vhi, bias));
            if (x > 0) {
                lo = std::min(lo, *std::min_element(std::begin(los), std::end(los)));
                hi = std::max(hi, *std::max_element(std::begin(his), std::end(his)));
            }
        }
#endif
#if defined(__SSE2__)
        // 8-bit samples: sixteen at a time, widened to 16-bit indexes (unsigned byte min/max).
        if constexpr (sizeof(Raw) == 1) {
            const __m128i vmask = _mm_set1_epi8(char(mask & 0xff));
            const __m128i vflip = _mm_set1_epi8(char(flip & 0xff));
            const __m128i zero = _mm_setzero_si128();
            __m128i vlo = _mm_set1_epi8(char(0xff));
            __m128i vhi = zero;
            for (; x + 16 <= width; x += 16) {
                __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(row + x));
                v = _mm_xor_si128(_mm_and_si128(v, vmask), vflip);
                vlo = _mm_min_epu8(vlo, v);
                vhi = _mm_max_epu8(vhi, v);
                _mm_storeu_si128(reinterpret_cast<__m128i *>(dst + x), _mm_unpacklo_epi8(v, zero));
                _mm_storeu_si128(reinterpret_cast<__m128i *>(dst + x + 8), _mm_unpackhi_epi8(v, zero));
            }
            alignas(16) quint8 los[16], his[16];
            _mm_store_si128(reinterpret_cast<__m128i *>(los), vlo);
            _mm_store_si128(reinterpret_cast<__m128i *>(his), vhi);
            if (x > 0) {
                lo = std::min<quint16>(lo, *std::min_element(std::begin(los), std::end(los)));
                hi = std::max<quint16>(hi, *std::max_element(std::begin(his), std::end(his)));
            }
        }
#endif
        for (; x < width; ++x) {
            const auto v = quint16((quint16(row[x]) & mask) ^ flip);
            dst[x] = v;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    setStoredRange(lo, hi, layout, frame);
}

// The eight 16-bit pixels of each packed byte, lowest bit first.
const std::array<std::array<quint16, 8>, 256> &oneBitPixels()
{
    static const auto table = [] {
        std::array<std::array<quint16, 8>, 256> t{};
        for (unsigned b = 0; b < 256; ++b)
            for (unsigned k = 0; k < 8; ++k)
                t[b][k] = quint16((b >> k) & 1u);
        return t;
    }();
    return table;
}

// 1-bit samples (PS3.5 8.1.1: packed, the first pixel in the lowest bit of the first byte), from
// bit |bitOffset| of |data| on: a frame need not start on a byte.
void storedFrameBits(const Uint8 *data, quint64 bitOffset, int width, int height, const StoredLayout &layout, DicomFrame &frame)
{
    frame.pixels = QImage(width, height, QImage::Format_Grayscale16);
    bool anyOne = false;
    bool anyZero = false;
    quint64 bit = bitOffset;
    for (int y = 0; y < height; ++y) {
        auto *dst = reinterpret_cast<quint16 *>(frame.pixels.scanLine(y));
        int x = 0;
        if ((bit & 7) == 0) {
            // A byte at a time: its eight pixels from a table (16 bytes, one store).
            const Uint8 *src = data + (bit >> 3);
            unsigned orAll = 0;
            unsigned andAll = 0xff;
            for (; x + 8 <= width; x += 8) {
                const unsigned b = *src++;
                orAll |= b;
                andAll &= b;
                std::memcpy(dst + x, oneBitPixels()[b].data(), 8 * sizeof(quint16));
            }
            anyOne = anyOne || orAll != 0;
            anyZero = anyZero || andAll != 0xff;
        }
        for (; x < width; ++x) {
            const quint64 at = bit + quint64(x);
            const auto v = quint16((data[at >> 3] >> (at & 7)) & 1u);
            dst[x] = v;
            anyOne = anyOne || v;
            anyZero = anyZero || !v;
        }
        bit += quint64(width);
    }
    setStoredRange(anyZero ? 0 : 1, anyOne ? 1 : 0, layout, frame);
}

// Stored values through the Modality LUT: the frame holds modality values themselves (offset 0,
// scale 1), their range taken on the way.
template<typename Raw>
void lutFrame(const Raw *src, int width, int height, const StoredLayout &layout, DicomFrame &frame)
{
    frame.pixels = QImage(width, height, QImage::Format_Grayscale16);
    const auto mask = quint16((quint32(1) << layout.bitsStored) - 1);
    const quint16 *table = layout.modalityLut->data();
    quint16 lo = 0xffff;
    quint16 hi = 0;
    for (int y = 0; y < height; ++y) {
        const Raw *row = src + qsizetype(y) * width;
        auto *dst = reinterpret_cast<quint16 *>(frame.pixels.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const quint16 v = table[quint16(row[x]) & mask];
            dst[x] = v;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    if (lo > hi)
        lo = hi = 0;
    frame.valueScale = 1;
    frame.valueOffset = 0;
    frame.minValue = lo;
    frame.maxValue = hi;
}

// Monochrome without DicomImage: DicomImage converts stored values to modality values in a
// buffer of its own, and our frame would be a third copy. Returns false (result untouched)
// when the layout is not one the direct path handles.
bool decodeMonochromeDirect(DcmDataset *ds, E_TransferSyntax imageXfer, DicomImageInfo &info, int first, int storedFirst, int count, const DicomFrameDecoder::Options &options,
                            DicomDecodeResult &result)
{
    StoredLayout layout;
    if (!directLayout(ds, info, layout))
        return false;
    DcmElement *element = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, element).bad() || !element)
        return false;
    auto *pixelData = static_cast<DcmPixelData *>(element);
    const int width = info.columns;
    const int height = info.rows;
    const bool bitPacked = layout.bitsAllocated == 1;
    const size_t frameBytes = size_t(width) * size_t(height) * size_t(std::max(1, layout.bitsAllocated / 8));
    const bool encapsulated = DcmXfer(imageXfer).isEncapsulated();
    if (bitPacked && encapsulated)
        return false; // rare; DicomImage decodes it
    const Uint8 *native = nullptr;
    if (!encapsulated) {
        // dcmdata has the words in local byte order; 8- or 1-bit data in a big-endian OW would not be.
        if (DcmXfer(imageXfer).isBigEndian() && layout.bitsAllocated <= 8)
            return false;
        OFCondition status;
        if (layout.bitsAllocated == 16) {
            Uint16 *words = nullptr;
            status = pixelData->getUint16Array(words);
            native = reinterpret_cast<const Uint8 *>(words);
        } else {
            Uint8 *bytes = nullptr;
            status = pixelData->getUint8Array(bytes);
            native = bytes;
        }
        const quint64 needed = bitPacked ? (quint64(width) * quint64(height) * quint64(storedFirst + count) + 7) / 8
                                         : quint64(frameBytes) * quint64(storedFirst + count);
        if (status.bad() || !native || quint64(pixelData->getLength()) < needed)
            return false;
    }
    // Compressed frames are decoded one at a time into a buffer each worker thread keeps.
    thread_local std::vector<Uint8> buffer;
    Uint32 startFragment = 0;
    DcmFileCache cache;
    for (int f = 0; f < count; ++f) {
        if (options.cancel && options.cancel->load()) {
            result.errorString = DicomFrameDecoder::tr("cancelled");
            result.frames.clear();
            return true;
        }
        const Uint8 *src = nullptr;
        if (encapsulated) {
            Uint32 size = 0;
            if (f == 0 && (pixelData->getUncompressedFrameSize(ds, size).bad() || size < frameBytes)) {
                result.errorString = DicomFrameDecoder::tr("%1: the image cannot be decoded (%2)").arg(info.path, QStringLiteral("frame size"));
                return true;
            }
            if (buffer.size() < std::max<size_t>(size, frameBytes))
                buffer.resize(std::max<size_t>(size, frameBytes));
            OFString colourModel;
            const OFCondition status = pixelData->getUncompressedFrame(ds, Uint32(storedFirst + f), startFragment, buffer.data(),
                                                                       Uint32(buffer.size()), colourModel, &cache);
            if (status.bad()) {
                result.errorString = DicomFrameDecoder::tr("%1: the image cannot be decoded (%2)")
                                         .arg(info.path, QString::fromLatin1(status.text()));
                result.frames.clear();
                return true;
            }
            src = buffer.data();
        } else {
            src = bitPacked ? native : native + frameBytes * size_t(storedFirst + f);
        }
        DicomFrame frame;
        frame.frameIndex = first + f;
        frame.inverted = info.photometricInterpretation == u"MONOCHROME1";
        StoredLayout frameLayout = layout;
        if (!layout.fromFile && first + f < info.frameGroups.size() && info.frameGroups.at(first + f).hasRescale) {
            frameLayout.slope = info.frameGroups.at(first + f).rescaleSlope;
            frameLayout.intercept = info.frameGroups.at(first + f).rescaleIntercept;
        }
        if (layout.modalityLut && layout.bitsAllocated == 16)
            lutFrame(reinterpret_cast<const Uint16 *>(src), width, height, frameLayout, frame);
        else if (layout.modalityLut)
            lutFrame(src, width, height, frameLayout, frame);
        else if (bitPacked)
            storedFrameBits(native, quint64(storedFirst + f) * quint64(width) * quint64(height), width, height, frameLayout, frame);
        else if (layout.bitsAllocated == 16)
            storedFrame(reinterpret_cast<const Uint16 *>(src), width, height, frameLayout, frame);
        else
            storedFrame(src, width, height, frameLayout, frame);
        result.frames.append(frame);
    }
    result.ok = true;
    return true;
}

// YBR_FULL → RGB for unsigned 8-bit samples, as DicomImage computes it (dcmimage's
// DiYBRPixelTemplate, DCMTK 3.6.7): per-sample tables of the PS3.3 C.7.6.3.1.2 coefficients,
// truncated to integers, the sums clamped to 0..255. The same arithmetic, so the same bytes.
struct YbrTables
{
    std::array<qint16, 256> rcr, gcb, gcr, bcb;
};

const YbrTables &ybrTables()
{
    static const YbrTables tables = [] {
        YbrTables t{};
        const double maxvalue = 255;
        const double rConst = 0.7010 * maxvalue, gConst = 0.5291 * maxvalue, bConst = 0.8859 * maxvalue;
        for (int l = 0; l < 256; ++l) {
            t.rcr[size_t(l)] = qint16(1.4020 * double(l) - rConst);
            t.gcb[size_t(l)] = qint16(0.3441 * double(l));
            t.gcr[size_t(l)] = qint16(0.7141 * double(l) - gConst);
            t.bcb[size_t(l)] = qint16(1.7720 * double(l) - bConst);
        }
        return t;
    }();
    return tables;
}

inline void ybrToRgb(const YbrTables &t, int y, int cb, int cr, uchar *dst)
{
    dst[0] = uchar(std::clamp(y + t.rcr[size_t(cr)], 0, 255));
    dst[1] = uchar(std::clamp(y - t.gcb[size_t(cb)] - t.gcr[size_t(cr)], 0, 255));
    dst[2] = uchar(std::clamp(y + t.bcb[size_t(cb)], 0, 255));
}

// Frames |first|.. of native colour data, one RGB888 image each, filled by |fill(stored, image)| from
// the frame's stored bytes (|frameBytes| each from |native|). Stops with "cancelled" (no frames) when
// asked. Returns true: the result says how it went.
template<typename Fill>
bool colourFramesDirect(const Uint8 *native, size_t frameBytes, int width, int height, int first, int storedFirst, int count,
                        const DicomFrameDecoder::Options &options, DicomDecodeResult &result, Fill fill)
{
    for (int f = 0; f < count; ++f) {
        if (options.cancel && options.cancel->load()) {
            result.errorString = DicomFrameDecoder::tr("cancelled");
            result.frames.clear();
            return true;
        }
        DicomFrame frame;
        frame.frameIndex = first + f;
        frame.pixels = QImage(width, height, QImage::Format_RGB888);
        fill(native + frameBytes * size_t(storedFirst + f), frame.pixels);
        frame.minValue = 0;
        frame.maxValue = 255;
        result.frames.append(frame);
    }
    result.ok = true;
    return true;
}

// Uncompressed 8-bit RGB and YBR_FULL without DicomImage: its output for RGB is the stored bytes
// themselves, which DicomImage copies into planes and back; YBR_FULL is converted as DicomImage does
// (ybrTables). Interleaved rows are copied (or converted) in place, planes interleaved. Returns
// false (result untouched) for anything else: other depths, Bits Stored below 8 (DicomImage scales
// those), YBR_FULL_422 and the other YBR forms, a short pixel data element.
bool decodeRgbDirect(DcmDataset *ds, const DicomImageInfo &info, int first, int storedFirst, int count, const DicomFrameDecoder::Options &options,
                     DicomDecodeResult &result)
{
    const bool ybr = info.photometricInterpretation == u"YBR_FULL";
    if (info.photometricInterpretation != u"RGB" && !ybr)
        return false;
    Uint16 samples = 0, allocated = 0, stored = 0, highBit = 0, planar = 0;
    if (ds->findAndGetUint16(DCM_SamplesPerPixel, samples).bad() || samples != 3 || ds->findAndGetUint16(DCM_BitsAllocated, allocated).bad()
        || allocated != 8 || ds->findAndGetUint16(DCM_BitsStored, stored).bad() || stored != 8
        || ds->findAndGetUint16(DCM_HighBit, highBit).bad() || highBit != 7)
        return false;
    ds->findAndGetUint16(DCM_PlanarConfiguration, planar);
    if (planar > 1)
        return false;
    DcmElement *element = nullptr;
    Uint8 *native = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, element).bad() || !element || element->getUint8Array(native).bad() || !native)
        return false;
    const int width = info.columns;
    const int height = info.rows;
    const size_t plane = size_t(width) * size_t(height);
    const size_t frameBytes = plane * 3;
    if (quint64(element->getLength()) < quint64(frameBytes) * quint64(storedFirst + count))
        return false;
    const size_t rowBytes = size_t(width) * 3;
    const YbrTables &tables = ybrTables();
    return colourFramesDirect(native, frameBytes, width, height, first, storedFirst, count, options, result, [&](const Uint8 *src, QImage &image) {
        for (int y = 0; y < height; ++y) {
            uchar *dst = image.scanLine(y);
            if (planar == 0) {
                const Uint8 *row = src + rowBytes * size_t(y);
                if (!ybr) {
                    std::memcpy(dst, row, rowBytes);
                    continue;
                }
                for (int x = 0; x < width; ++x)
                    ybrToRgb(tables, row[3 * x], row[3 * x + 1], row[3 * x + 2], dst + 3 * x);
                continue;
            }
            const Uint8 *r = src + size_t(y) * size_t(width);
            const Uint8 *g = r + plane;
            const Uint8 *b = g + plane;
            for (int x = 0; x < width; ++x) {
                if (ybr) {
                    ybrToRgb(tables, r[x], g[x], b[x], dst + 3 * x);
                    continue;
                }
                dst[3 * x] = r[x];
                dst[3 * x + 1] = g[x];
                dst[3 * x + 2] = b[x];
            }
        }
    });
}

// PALETTE COLOR without a DicomImage per file. What DCMTK makes of a stored value depends on the
// palette alone (descriptors, tables or segmented tables, and the pixel bits): the RGB of every
// value a pixel can hold is asked of DicomImage once per palette, on a one-row image holding each
// value once, and each pixel is then a lookup. The bytes are DicomImage's by construction (out of
// range values, 8-bit tables in 16-bit words, segments: its own rules made the table). Tables are
// kept for the last few palettes (a series shares one). Native unsigned 8- or 16-bit samples with
// High Bit = Bits Stored - 1 only; anything else returns false (result untouched) for DicomImage.
using PaletteTable = std::shared_ptr<const std::vector<uchar>>; // 3 bytes per stored value
std::atomic<qint64> g_paletteTables{0};

// An element's value as the key of a palette table: its VR (a descriptor read as US or as SS says
// different things) and its bytes; empty when absent, std::nullopt when present in a form not read
// here (no fast path then).
std::optional<QByteArray> elementKey(DcmItem *item, const DcmTagKey &key)
{
    DcmElement *e = nullptr;
    if (item->findAndGetElement(key, e).bad() || !e)
        return QByteArray();
    const char *data = nullptr;
    Uint16 *u16 = nullptr;
    Sint16 *s16 = nullptr;
    Uint8 *u8 = nullptr;
    if (e->getUint16Array(u16).good() && u16)
        data = reinterpret_cast<const char *>(u16);
    else if (e->getSint16Array(s16).good() && s16)
        data = reinterpret_cast<const char *>(s16);
    else if (e->getUint8Array(u8).good() && u8)
        data = reinterpret_cast<const char *>(u8);
    if (!data)
        return std::nullopt;
    const qsizetype length = qsizetype(e->getLength());
    return QByteArray(DcmVR(e->getVR()).getVRName()) + QByteArray::number(length) + ':' + QByteArray(data, length);
}

const DcmTagKey PaletteTags[] = {DCM_RedPaletteColorLookupTableDescriptor, DCM_GreenPaletteColorLookupTableDescriptor,
                                 DCM_BluePaletteColorLookupTableDescriptor, DCM_RedPaletteColorLookupTableData,
                                 DCM_GreenPaletteColorLookupTableData, DCM_BluePaletteColorLookupTableData,
                                 DCM_SegmentedRedPaletteColorLookupTableData, DCM_SegmentedGreenPaletteColorLookupTableData,
                                 DCM_SegmentedBluePaletteColorLookupTableData};

PaletteTable paletteTable(DcmDataset *ds, Uint16 allocated, Uint16 stored)
{
    QByteArray key;
    key.append(char(allocated)).append(char(stored));
    for (const DcmTagKey &tag : PaletteTags) {
        const std::optional<QByteArray> element = elementKey(ds, tag);
        if (!element)
            return {};
        key.append(*element).append(';');
    }
    static std::mutex mutex;
    static QList<QPair<QByteArray, PaletteTable>> kept; // most recent last
    {
        const std::lock_guard<std::mutex> lock(mutex);
        for (qsizetype i = kept.size() - 1; i >= 0; --i) {
            if (kept.at(i).first == key)
                return kept.at(i).second;
        }
    }
    // One row holding every stored value once, with the palette and nothing else.
    const quint32 values = quint32(1) << stored;
    DcmDataset row;
    row.putAndInsertString(DCM_PhotometricInterpretation, "PALETTE COLOR");
    row.putAndInsertUint16(DCM_SamplesPerPixel, 1);
    row.putAndInsertUint16(DCM_Rows, 1);
    row.putAndInsertUint16(DCM_Columns, Uint16(values == 65536 ? 256 : values));
    if (values == 65536)
        row.putAndInsertUint16(DCM_Rows, 256);
    row.putAndInsertUint16(DCM_BitsAllocated, allocated);
    row.putAndInsertUint16(DCM_BitsStored, stored);
    row.putAndInsertUint16(DCM_HighBit, Uint16(stored - 1));
    row.putAndInsertUint16(DCM_PixelRepresentation, 0);
    for (const DcmTagKey &tag : PaletteTags) {
        DcmElement *e = nullptr;
        if (ds->findAndGetElement(tag, e).good() && e)
            row.insert(static_cast<DcmElement *>(e->clone()), true);
    }
    if (allocated == 8) {
        std::vector<Uint8> pixels(values);
        for (quint32 v = 0; v < values; ++v)
            pixels[v] = Uint8(v);
        row.putAndInsertUint8Array(DCM_PixelData, pixels.data(), values);
    } else {
        std::vector<Uint16> pixels(values);
        for (quint32 v = 0; v < values; ++v)
            pixels[v] = Uint16(v);
        row.putAndInsertUint16Array(DCM_PixelData, pixels.data(), values);
    }
    DicomImage image(&row, EXS_LittleEndianExplicit);
    if (image.getStatus() != EIS_Normal || image.isMonochrome())
        return {};
    auto table = std::make_shared<std::vector<uchar>>(size_t(values) * 3);
    if (!image.getOutputData(table->data(), table->size(), 8, 0))
        return {};
    g_paletteTables.fetch_add(1, std::memory_order_relaxed);
    const std::lock_guard<std::mutex> lock(mutex);
    if (kept.size() >= 8)
        kept.removeFirst();
    kept.append({key, table});
    return table;
}

bool decodePaletteDirect(DcmDataset *ds, const DicomImageInfo &info, int first, int storedFirst, int count, const DicomFrameDecoder::Options &options,
                         DicomDecodeResult &result)
{
    if (info.photometricInterpretation != u"PALETTE COLOR")
        return false;
    Uint16 samples = 0, allocated = 0, stored = 0, highBit = 0, representation = 0;
    if (ds->findAndGetUint16(DCM_SamplesPerPixel, samples).bad() || samples != 1 || ds->findAndGetUint16(DCM_BitsAllocated, allocated).bad()
        || (allocated != 8 && allocated != 16) || ds->findAndGetUint16(DCM_BitsStored, stored).bad() || stored == 0 || stored > allocated
        || ds->findAndGetUint16(DCM_HighBit, highBit).bad() || highBit + 1 != stored
        || ds->findAndGetUint16(DCM_PixelRepresentation, representation).bad() || representation != 0)
        return false;
    DcmElement *element = nullptr;
    Uint8 *native = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, element).bad() || !element)
        return false;
    if (element->getUint8Array(native).bad() || !native) {
        Uint16 *words = nullptr; // OW (always so in implicit VR)
        if (element->getUint16Array(words).bad() || !words)
            return false;
        native = reinterpret_cast<Uint8 *>(words); // little-endian host: the words' bytes in file order
    }
    const int width = info.columns;
    const int height = info.rows;
    const size_t plane = size_t(width) * size_t(height);
    const size_t frameBytes = plane * (allocated / 8);
    if (quint64(element->getLength()) < quint64(frameBytes) * quint64(storedFirst + count))
        return false;
    const PaletteTable table = paletteTable(ds, allocated, stored);
    if (!table)
        return false;
    const uchar *rgb = table->data();
    const quint32 mask = (quint32(1) << stored) - 1;
    return colourFramesDirect(native, frameBytes, width, height, first, storedFirst, count, options, result, [&](const Uint8 *src, QImage &image) {
        for (int y = 0; y < height; ++y) {
            uchar *dst = image.scanLine(y);
            if (allocated == 8) {
                const Uint8 *row = src + size_t(y) * size_t(width);
                for (int x = 0; x < width; ++x)
                    std::memcpy(dst + 3 * x, rgb + 3 * size_t(row[x] & mask), 3);
            } else {
                const Uint8 *row = src + size_t(y) * size_t(width) * 2;
                for (int x = 0; x < width; ++x) {
                    Uint16 v;
                    std::memcpy(&v, row + 2 * x, 2); // little-endian data on a little-endian host
                    std::memcpy(dst + 3 * x, rgb + 3 * size_t(v & mask), 3);
                }
            }
        }
    });
}

DicomDecodeResult decodeLoaded(DcmFileFormat &file, const QString &path, const DicomFrameDecoder::Options &options)
{
    DicomDecodeResult result;
    DcmDataset *ds = file.getDataset();
    result.info = readInfo(file, path);
    DicomImageInfo &info = result.info;
    if (!ds->tagExists(DCM_PixelData)) {
        result.errorString = DicomFrameDecoder::tr("%1: the file holds no image").arg(path);
        return result;
    }
    if (info.rows <= 0 || info.columns <= 0) {
        result.errorString = DicomFrameDecoder::tr("%1: Rows or Columns are missing").arg(path);
        return result;
    }
    if (const QString problem = declaredFrameProblem(ds, info, options.maxFrameBytes); !problem.isEmpty()) {
        result.errorString = QStringLiteral("%1: %2").arg(path, problem);
        return result;
    }
    const E_TransferSyntax xfer = ds->getOriginalXfer();
    const DcmXfer xferInfo(xfer);
    // A syntax DCMTK does not know is read as if native: say which one it is, not "truncated".
    const QString metaUid = metaTransferSyntax(file);
    const bool unknownSyntax = !metaUid.isEmpty() && !isHtj2kUid(metaUid) && DcmXfer(metaUid.toLatin1().constData()).getXfer() == EXS_Unknown;
    const bool noDecoder = xferInfo.isEncapsulated() && !isJpeg2000(xfer) && xfer != EXS_RLELossless
        && !DcmCodecList::canChangeCoding(xfer, EXS_LittleEndianExplicit);
    if (unknownSyntax || noDecoder) {
        result.errorString = DicomFrameDecoder::tr("%1: images in the transfer syntax %2 cannot be shown (not supported)")
                                 .arg(path, transferSyntaxName(metaUid.isEmpty() ? QString::fromLatin1(xferInfo.getXferID()) : metaUid));
        return result;
    }
    if (!xferInfo.isEncapsulated() && !nativePixelDataComplete(ds, info)) {
        result.errorString = DicomFrameDecoder::tr("%1: the pixel data is truncated").arg(path);
        return result;
    }
    E_TransferSyntax imageXfer = xfer;
    if (isDcmtkJpeg(xfer)) {
        if (const QString problem = jpegFragmentProblem(ds); !problem.isEmpty()) {
            result.errorString = QStringLiteral("%1: %2").arg(path, problem);
            return result;
        }
    }
    const int first = std::clamp(options.firstFrame, 0, info.numberOfFrames - 1);
    const int available = info.numberOfFrames - first;
    const int count = options.frameCount < 0 ? available : std::min(options.frameCount, available);
    if (options.firstFrame >= info.numberOfFrames || count <= 0) {
        result.errorString = DicomFrameDecoder::tr("%1: frame %2 does not exist").arg(path).arg(options.firstFrame + 1);
        return result;
    }
    // Where frame |first| sits in the pixel data: JPEG 2000 and RLE are decoded to just the frames
    // asked for.
    int storedFirst = first;
    if (isJpeg2000(xfer)) {
        const QString error = decodeJpeg2000InPlace(ds, info, first, count, options.cancel);
        if (!error.isEmpty()) {
            result.errorString = QStringLiteral("%1: %2").arg(path, error);
            return result;
        }
        imageXfer = EXS_LittleEndianExplicit;
        storedFirst = 0;
    }
    info.overlays = readOverlays(ds);
    if (options.cancel && options.cancel->load()) {
        result.errorString = DicomFrameDecoder::tr("cancelled");
        return result;
    }
    if (xfer == EXS_RLELossless) {
        const QString error = decodeRleInPlace(ds, info, first, count, options.cancel);
        if (!error.isEmpty()) {
            result.errorString = QStringLiteral("%1: %2").arg(path, error);
            return result;
        }
        imageXfer = EXS_LittleEndianExplicit;
        storedFirst = 0;
    }
    if (decodeMonochromeDirect(ds, imageXfer, info, first, storedFirst, count, options, result))
        return result;
    // Native little-endian data only: decoded in place (RLE, JPEG 2000) they may have been planar.
    if (xfer == EXS_LittleEndianExplicit || xfer == EXS_LittleEndianImplicit) {
        if (decodeRgbDirect(ds, info, first, storedFirst, count, options, result))
            return result;
        if (decodePaletteDirect(ds, info, first, storedFirst, count, options, result))
            return result;
    }
    DicomImage image(ds, imageXfer, CIF_UsePartialAccessToPixelData, ulong(storedFirst), ulong(count));
    if (image.getStatus() != EIS_Normal) {
        result.errorString = DicomFrameDecoder::tr("%1: the image cannot be decoded (%2)")
                                 .arg(path, QString::fromLatin1(DicomImage::getString(image.getStatus())));
        return result;
    }
    const int width = int(image.getWidth());
    const int height = int(image.getHeight());
    const int frames = std::min<int>(count, int(image.getFrameCount()));
    const qsizetype frameSize = qsizetype(width) * height;
    if (image.isMonochrome()) {
        const DiPixel *inter = image.getInterData();
        if (!inter || !inter->getData() || qsizetype(inter->getCount()) < frameSize * frames) {
            result.errorString = DicomFrameDecoder::tr("%1: the pixel data is incomplete").arg(path);
            return result;
        }
        const bool monochrome1 = image.getPhotometricInterpretation() == EPI_Monochrome1;
        for (int f = 0; f < frames; ++f) {
            if (options.cancel && options.cancel->load()) {
                result.errorString = DicomFrameDecoder::tr("cancelled");
                result.frames.clear();
                return result;
            }
            DicomFrame frame;
            frame.frameIndex = first + f;
            frame.inverted = monochrome1;
            const qsizetype offset = frameSize * f;
            const void *data = inter->getData();
            switch (inter->getRepresentation()) {
            case EPR_Uint8: copyMonochrome(static_cast<const Uint8 *>(data) + offset, frameSize, frame, width, height); break;
            case EPR_Sint8: copyMonochrome(static_cast<const Sint8 *>(data) + offset, frameSize, frame, width, height); break;
            case EPR_Uint16: copyMonochrome(static_cast<const Uint16 *>(data) + offset, frameSize, frame, width, height); break;
            case EPR_Sint16: copyMonochrome(static_cast<const Sint16 *>(data) + offset, frameSize, frame, width, height); break;
            case EPR_Uint32: copyMonochrome(static_cast<const Uint32 *>(data) + offset, frameSize, frame, width, height); break;
            case EPR_Sint32: copyMonochrome(static_cast<const Sint32 *>(data) + offset, frameSize, frame, width, height); break;
            }
            result.frames.append(frame);
        }
    } else {
        for (int f = 0; f < frames; ++f) {
            if (options.cancel && options.cancel->load()) {
                result.errorString = DicomFrameDecoder::tr("cancelled");
                result.frames.clear();
                return result;
            }
            DicomFrame frame;
            frame.frameIndex = first + f;
            frame.pixels = QImage(width, height, QImage::Format_RGB888);
            const qsizetype rowBytes = qsizetype(width) * 3;
            // DCMTK writes tightly packed rows; QImage rows are 32-bit aligned.
            if (rowBytes == frame.pixels.bytesPerLine()) {
                if (!image.getOutputData(frame.pixels.bits(), ulong(frame.pixels.sizeInBytes()), 8, ulong(f))) {
                    result.errorString = DicomFrameDecoder::tr("%1: the colour image cannot be rendered").arg(path);
                    return result;
                }
            } else {
                const auto *packed = static_cast<const uchar *>(image.getOutputData(8, ulong(f)));
                if (!packed) {
                    result.errorString = DicomFrameDecoder::tr("%1: the colour image cannot be rendered").arg(path);
                    return result;
                }
                for (int y = 0; y < height; ++y)
                    std::memcpy(frame.pixels.scanLine(y), packed + y * rowBytes, size_t(rowBytes));
            }
            frame.minValue = 0;
            frame.maxValue = 255;
            result.frames.append(frame);
        }
    }
    result.ok = true;
    return result;
}

} // namespace

double DicomFrame::modalityValue(int x, int y) const
{
    if (!isMonochrome() || x < 0 || y < 0 || x >= pixels.width() || y >= pixels.height())
        return 0;
    const auto *row = reinterpret_cast<const quint16 *>(pixels.constScanLine(y));
    return valueOffset + valueScale * row[x];
}

namespace {
// The window that shows |lo|..|hi| whole: |margin| wider, half at each end. Two neighbouring values
// (|step| apart: a 1-bit image, a mask) would then show as mid grey and white: they get the
// narrowest window the standard allows (width 1, a threshold), with |lo| black and |hi| white.
VoiWindow spanWindow(double lo, double hi, double step, double margin)
{
    const double span = hi - lo;
    if (span > 0 && span <= step * (1 + 1e-9))
        return VoiWindow{lo + 0.5, 1.0, QString()};
    return VoiWindow{(lo + hi) / 2.0, std::max(1.0, span + margin), QString()};
}
} // namespace

VoiWindow DicomFrame::fullRangeWindow() const
{
    return spanWindow(minValue, maxValue, isMonochrome() ? valueScale : 0.0, 1.0);
}

namespace {
// The 16-bit indexes a monochrome frame uses, from its modality value range: first and last.
std::pair<int, int> usedIndexes(const DicomFrame &f)
{
    const int lo = int(std::clamp(std::floor((f.minValue - f.valueOffset) / f.valueScale + 1e-6), 0.0, 65535.0));
    const int hi = std::max(lo, int(std::clamp(std::ceil((f.maxValue - f.valueOffset) / f.valueScale - 1e-6), 0.0, 65535.0)));
    return {lo, hi};
}
} // namespace

VoiWindow DicomFrame::histogramWindow() const
{
    if (!isMonochrome() || pixels.isNull())
        return fullRangeWindow();
    // At most two distinct values (a 1-bit image, a mask) have no outliers to leave out, and the
    // count below would give the full range.
    const auto [minIndex, maxIndex] = usedIndexes(*this);
    if (maxIndex - minIndex <= 1)
        return fullRangeWindow();
    // The modality values between the 1st and the 99th percentile: a few outliers (a padding value,
    // a metal artefact, an overflowed pixel) do not decide the contrast of the whole image. A counter
    // for every 16-bit index, but only the frame's range is cleared and read (a 12-bit CT: 4,096 of
    // them); a pixel outside the range could only land in a counter that is not read.
    const int width = pixels.width();
    const quint64 total = quint64(width) * quint64(pixels.height());
    const quint64 lowCount = total / 100;
    const quint64 highCount = total - total / 100;
    int lowIndex = -1;
    int highIndex = 0;
    if (total * 16 < quint64(maxIndex - minIndex + 1)) {
        // Far fewer pixels than counters (a 10×10 dose grid of 32-bit values spans all 65,536): the
        // same two indexes from the frame's sorted in-range indexes. The count loop below stops at
        // the first index whose running count passes lowCount, and at the first whose count reaches
        // highCount (and passes lowCount), else at the last index used.
        thread_local std::vector<quint16> used;
        used.clear();
        for (int y = 0; y < pixels.height(); ++y) {
            const auto *row = reinterpret_cast<const quint16 *>(pixels.constScanLine(y));
            for (int x = 0; x < width; ++x)
                if (row[x] >= minIndex && row[x] <= maxIndex)
                    used.push_back(row[x]);
        }
        std::sort(used.begin(), used.end());
        if (lowCount < used.size()) {
            lowIndex = used[size_t(lowCount)];
            const quint64 high = std::max(highCount > 0 ? highCount - 1 : 0, lowCount);
            highIndex = high < used.size() ? used[size_t(high)] : used.back();
        }
        if (lowIndex < 0 || highIndex <= lowIndex)
            return fullRangeWindow();
        return spanWindow(valueOffset + valueScale * lowIndex, valueOffset + valueScale * highIndex, valueScale, valueScale);
    }
    thread_local std::vector<quint32> histogram;
    histogram.resize(65536);
    std::fill(histogram.begin() + minIndex, histogram.begin() + maxIndex + 1, 0u);
    for (int y = 0; y < pixels.height(); ++y) {
        const auto *row = reinterpret_cast<const quint16 *>(pixels.constScanLine(y));
        for (int x = 0; x < width; ++x)
            ++histogram[row[x]];
    }
    quint64 seen = 0;
    for (int i = minIndex; i <= maxIndex; ++i) {
        if (histogram[size_t(i)] == 0)
            continue;
        seen += histogram[size_t(i)];
        if (lowIndex < 0 && seen > lowCount)
            lowIndex = i;
        highIndex = i;
        if (seen >= highCount && seen > lowCount)
            break;
    }
    if (lowIndex < 0 || highIndex <= lowIndex)
        return fullRangeWindow();
    const double lo = valueOffset + valueScale * lowIndex;
    const double hi = valueOffset + valueScale * highIndex;
    return spanWindow(lo, hi, valueScale, valueScale);
}

QImage DicomFrame::render(const VoiWindow &window, bool invert) const
{
    if (pixels.isNull())
        return {};
    const bool flip = invert != inverted;
    if (!isMonochrome()) {
        QImage out = pixels;
        if (flip)
            out.invertPixels();
        return out;
    }
    // DICOM PS3.3 C.11.2.1.2 linear VOI function, evaluated once per 16-bit index.
    const VoiWindow w = window.isValid() ? window : fullRangeWindow();
    const double c = w.center - 0.5;
    const double wm1 = w.width - 1;
    // The table covers only the indexes the frame uses (signed data starts high up).
    const auto [minIndex, maxIndex] = usedIndexes(*this);
    // A table only pays off when there are more pixels than distinct values.
    const bool useTable = qint64(pixels.width()) * pixels.height() > maxIndex - minIndex;
    auto map = [&](int i) {
        const double v = valueOffset + valueScale * i;
        double y;
        if (v <= c - wm1 / 2)
            y = 0;
        else if (v > c + wm1 / 2)
            y = 255;
        else
            y = ((v - c) / wm1 + 0.5) * 255;
        const int g = int(std::lround(y));
        return uchar(flip ? 255 - g : g);
    };
    // Indexes outside the frame's range cannot occur; the table maps them like the nearest end
    // so that the pixel loop needs no clamp.
    thread_local std::array<uchar, 65536> lut;
    if (useTable) {
        for (int i = minIndex; i <= maxIndex; ++i)
            lut[size_t(i)] = map(i);
        std::fill(lut.begin(), lut.begin() + minIndex, lut[size_t(minIndex)]);
        std::fill(lut.begin() + maxIndex + 1, lut.end(), lut[size_t(maxIndex)]);
    }
    QImage out(pixels.width(), pixels.height(), QImage::Format_Grayscale8);
    const int width = pixels.width();
    for (int y = 0; y < pixels.height(); ++y) {
        const auto *src = reinterpret_cast<const quint16 *>(pixels.constScanLine(y));
        uchar *dst = out.scanLine(y);
        if (useTable) {
            for (int x = 0; x < width; ++x)
                dst[x] = lut[src[x]];
        } else {
            for (int x = 0; x < width; ++x)
                dst[x] = map(src[x]);
        }
    }
    return out;
}

namespace {

// Qt resource paths (":/demo/dicom/…") are read through QFile: DCMTK only opens real files.
bool isResourcePath(const QString &path)
{
    return path.startsWith(u':') || path.startsWith(QLatin1String("qrc:"));
}


QByteArray readResource(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = DicomFrameDecoder::tr("%1: no such file").arg(path);
        return {};
    }
    return f.readAll();
}

// HTJ2K is encoded like JPEG 2000 (explicit VR little endian, encapsulated), but DCMTK 3.6.7 does not
// know its UIDs and reads the data set as native. For the pixels the data set is read again from
// |bytes| (the whole Part 10 object) as JPEG 2000; the UID as written stays in the meta header.
OFCondition rereadHtj2k(DcmFileFormat &file, const QByteArray &bytes)
{
    DcmMetaInfo *meta = file.getMetaInfo();
    if (!meta || meta->isEmpty())
        return EC_CorruptedData;
    // The meta header as read (explicit VR little endian, group length included when present).
    const Uint32 metaLength = meta->getLength(EXS_LittleEndianExplicit, EET_ExplicitLength);
    const bool preamble = bytes.size() >= 132 && bytes.mid(128, 4) == "DICM";
    const qint64 start = (preamble ? 132 : 0) + qint64(metaLength);
    if (start >= bytes.size())
        return EC_StreamNotifyClient;
    DcmDataset *ds = file.getDataset();
    ds->clear();
    Detail::MemoryInputStream stream(bytes, offile_off_t(start));
    ds->transferInit();
    const OFCondition status = ds->read(stream, EXS_JPEG2000, EGL_noChange, DCM_MaxReadLength);
    ds->transferEnd();
    return status;
}

// Loads a Part 10 file, or a Qt resource (the demo images), into |file|. From disk the whole file is
// parsed but values longer than DCM_MaxReadLength (the pixels) are read on demand: cheap, and a file cut
// short is still reported. From memory the same, from the bytes (shared: they need not outlive the call).
// |forPixels|: an HTJ2K data set is read again so that its pixel data is encapsulated.
bool loadPart10(DcmFileFormat &file, const QString &path, QString *error, bool forPixels)
{
    OFCondition status;
    QByteArray bytes;
    if (isResourcePath(path)) {
        bytes = readResource(path, error);
        if (!error->isEmpty())
            return false;
        status = Detail::readPart10(file, bytes);
    } else {
        const QByteArray local = QFile::encodeName(path);
        status = file.loadFile(local.constData(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength, ERM_autoDetect);
    }
    if (status.good() && forPixels && isHtj2kUid(metaTransferSyntax(file))) {
        if (bytes.isEmpty()) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                bytes = f.readAll();
        }
        status = rereadHtj2k(file, bytes);
    }
    if (status.bad()) {
        *error = DicomFrameDecoder::tr("%1: not a readable DICOM file (%2)").arg(path, QString::fromLatin1(status.text()));
        return false;
    }
    return true;
}

} // namespace

DicomDecodeResult DicomFrameDecoder::decodeFile(const QString &path, const Options &options)
{
    registerCodecsOnce();
    DicomDecodeResult result;
    if (!QFile::exists(path)) {
        result.errorString = tr("%1: no such file").arg(path);
        return result;
    }
    DcmFileFormat file;
    if (!loadPart10(file, path, &result.errorString, true))
        return result;
    result = decodeLoaded(file, path, options);
    if (!result.ok)
        qCDebug(lcDicomDecode) << "decode failed";
    return result;
}

DicomDecodeResult DicomFrameDecoder::decodeBytes(const QByteArray &part10, const Options &options)
{
    registerCodecsOnce();
    DicomDecodeResult result;
    DcmFileFormat file;
    OFCondition status = Detail::readPart10(file, part10);
    if (status.good() && isHtj2kUid(metaTransferSyntax(file)))
        status = rereadHtj2k(file, part10);
    if (status.bad()) {
        result.errorString = tr("not a readable DICOM object (%1)").arg(QString::fromLatin1(status.text()));
        return result;
    }
    return decodeLoaded(file, QString(), options);
}

QFuture<DicomDecodeResult> DicomFrameDecoder::decodeAsync(const QString &path, const Options &options)
{
    return QtConcurrent::run([path, options] { return decodeFile(path, options); });
}

namespace {

// A frame fetched on its own decodes as a one-frame object; it is told apart again as the frame it is
// (GSPS and key images name frames) with its own functional groups at its index.
DicomDecodeResult decodeFetchedFrame(const DicomSliceRef &slice, const DicomLoadedFrame &loaded, DicomDecodeOptions options)
{
    if (loaded.part10.isEmpty()) {
        DicomDecodeResult result;
        result.errorString = loaded.errorString.isEmpty() ? DicomFrameDecoder::tr("the image is not available") : loaded.errorString;
        return result;
    }
    options.firstFrame = 0;
    options.frameCount = 1;
    DicomDecodeResult result = DicomFrameDecoder::decodeBytes(loaded.part10, options);
    if (!result.ok)
        return result;
    for (DicomFrame &f : result.frames)
        f.frameIndex = slice.frame;
    if (!result.info.frameGroups.isEmpty()) {
        QList<DicomFrameGroups> groups(slice.frame + 1);
        groups[slice.frame] = result.info.frameGroups.constFirst();
        result.info.frameGroups = groups;
    }
    return result;
}

} // namespace

DicomDecodeResult DicomFrameDecoder::decodeSlice(const DicomSliceRef &slice, const Options &options)
{
    if (!slice.instance)
        return decodeFile(slice.path, options);
    if (slice.instance->fetchesFrames()) {
        // Blocking: never from the thread that fetches (the GUI thread); decodeSliceAsync is the way.
        if (QCoreApplication::instance() && QThread::currentThread() == QCoreApplication::instance()->thread()) {
            DicomDecodeResult result;
            result.errorString = tr("a frame fetched on its own is decoded asynchronously only");
            return result;
        }
        QFuture<DicomLoadedFrame> frame = slice.instance->loadFrame(slice.frame);
        frame.waitForFinished();
        return decodeFetchedFrame(slice, frame.isValid() && frame.resultCount() > 0 ? frame.result() : DicomLoadedFrame{}, options);
    }
    QString error;
    const QByteArray bytes = slice.instance->load(&error);
    if (bytes.isEmpty()) {
        DicomDecodeResult result;
        result.errorString = error.isEmpty() ? tr("the image is not available") : error;
        return result;
    }
    return decodeBytes(bytes, options);
}

QFuture<DicomDecodeResult> DicomFrameDecoder::decodeSliceAsync(const DicomSliceRef &slice, const Options &options)
{
    if (slice.instance && slice.instance->fetchesFrames()) {
        // The frame is fetched (network on its owner's thread, or the cache) without holding a
        // pool thread, then decoded on the pool. Not QFuture::then(): in Qt 6.4 a continuation
        // attached while another thread finishes the future can run twice (common/serialqueue.h).
        // A watcher on this thread (the viewer's, with its event loop) hears the fetch finish.
        auto promise = std::make_shared<QPromise<DicomDecodeResult>>();
        QFuture<DicomDecodeResult> decoded = promise->future();
        promise->start();
        auto *watcher = new QFutureWatcher<DicomLoadedFrame>;
        QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, promise, slice, options] {
            watcher->deleteLater();
            const QFuture<DicomLoadedFrame> frame = watcher->future();
            if (frame.isCanceled() || frame.resultCount() == 0) {
                DicomDecodeResult result; // a watcher always gets a result
                result.errorString = tr("the image is not available");
                promise->addResult(result);
                promise->finish();
                return;
            }
            QThreadPool::globalInstance()->start([promise, slice, options, loaded = frame.result()] {
                promise->addResult(decodeFetchedFrame(slice, loaded, options));
                promise->finish();
            });
        });
        watcher->setFuture(slice.instance->loadFrame(slice.frame));
        return decoded;
    }
    return QtConcurrent::run([slice, options] { return decodeSlice(slice, options); });
}

namespace {
std::atomic<qint64> g_headerParses{0};
}

qint64 DicomFrameDecoder::headerParseCount()
{
    return g_headerParses.load();
}

qint64 DicomFrameDecoder::paletteTablesMade()
{
    return g_paletteTables.load();
}

DicomDecodeResult DicomFrameDecoder::readInfoBytes(const QByteArray &part10)
{
    g_headerParses.fetch_add(1, std::memory_order_relaxed);
    registerCodecsOnce();
    DicomDecodeResult result;
    DcmFileFormat file;
    const OFCondition status = Detail::readPart10(file, part10);
    if (status.bad()) {
        result.errorString = tr("not a readable DICOM object (%1)").arg(QString::fromLatin1(status.text()));
        return result;
    }
    result.info = Kakehashi::Dicom::readInfo(file, QString());
    result.ok = true;
    return result;
}

DicomDecodeResult DicomFrameDecoder::readInfo(const QString &path)
{
    g_headerParses.fetch_add(1, std::memory_order_relaxed);
    DicomDecodeResult result;
    DcmFileFormat file;
    registerCodecsOnce();
    if (!loadPart10(file, path, &result.errorString, false))
        return result;
    result.info = Kakehashi::Dicom::readInfo(file, path);
    result.ok = true;
    return result;
}

VoiWindow DicomFrameDecoder::defaultWindow(const DicomImageInfo &info, const DicomFrame &frame)
{
    const QList<VoiWindow> windows = info.windowsForFrame(frame.frameIndex);
    if (!windows.isEmpty())
        return windows.first();
    return frame.histogramWindow();
}

} // namespace Kakehashi::Dicom
