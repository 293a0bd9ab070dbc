#pragma once

#include "dicomframe.h"
#include "dicomseries.h"

#include <QCoreApplication>
#include <QFuture>

#include <atomic>

namespace Kakehashi::Dicom {

struct DicomDecodeOptions
{
    int firstFrame = 0;
    int frameCount = -1; // -1: all frames from firstFrame
    const std::atomic_bool *cancel = nullptr;
    // A lower limit than DicomFrameDecoder::MaxFrameBytes for this call (0: that limit; never a
    // higher one). The fuzz target sets a few MiB, so an input declaring a huge frame is refused at
    // once instead of each decoder allocating (and the sanitizer poisoning) hundreds of MiB for it.
    qint64 maxFrameBytes = 0;
};

// Decodes DICOM images to DicomFrame: native, RLE, JPEG baseline/extended/lossless and JPEG-LS
// through DCMTK; JPEG 2000 through OpenJPEG. Blocking and thread-safe: call it from a worker
// thread (decodeAsync does that). Never throws; corrupt or truncated files give an error.
class DicomFrameDecoder
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::Dicom::DicomFrameDecoder)
public:
    using Options = DicomDecodeOptions;

    // The largest frame decoded, as native pixel data (Rows × Columns × Samples per Pixel × Bits
    // Allocated / 8). Every decoder allocates a frame from those attributes before it reads a pixel,
    // so a file of a few bytes that declares 65535 × 65535 RGB at 16 bits (24 GiB) is refused first.
    // Real frames are far smaller: a full-field mammogram is about 4096 × 3328 × 16 bits (26 MiB), a
    // stitched long-leg radiograph 50–100 MiB, a 100-megapixel colour photograph 300 MiB, and whole-
    // slide images come as tiles of a few MiB each. The decoders need a small multiple of it while
    // they work (DCMTK's intermediate buffer, OpenJPEG's 32 bits a sample, the QImage): a frame at
    // the cap already takes one to a few GB, the most one image should cost a workstation.
    static constexpr qint64 MaxFrameBytes = qint64(512) << 20;

    static DicomDecodeResult decodeFile(const QString &path, const Options &options);
    static DicomDecodeResult decodeFile(const QString &path) { return decodeFile(path, Options()); }
    static DicomDecodeResult decodeBytes(const QByteArray &part10, const Options &options);
    // Runs decodeFile on the global thread pool.
    static QFuture<DicomDecodeResult> decodeAsync(const QString &path, const Options &options = Options());
    // One slice: from its in-memory instance when it has one (loaded, decoded, the bytes dropped:
    // nothing is written to disk), else from its file.
    static DicomDecodeResult decodeSlice(const DicomSliceRef &slice, const Options &options);
    static QFuture<DicomDecodeResult> decodeSliceAsync(const DicomSliceRef &slice, const Options &options = Options());
    // Header and metadata only (no pixel decoding).
    static DicomDecodeResult readInfo(const QString &path);
    static DicomDecodeResult readInfoBytes(const QByteArray &part10);
    // How many headers readInfo and readInfoBytes have read in this process (a test's yardstick:
    // an instance's header is read once on arrival, never again for display).
    static qint64 headerParseCount();
    // How many PALETTE COLOR tables have been made (once per palette while it is kept; frames of a
    // palette the direct path does not take make none).
    static qint64 paletteTablesMade();


    // The window the file asks for first (the frame's Frame VOI LUT in an enhanced object, else
    // the image's), else the frame's histogram window.
    static VoiWindow defaultWindow(const DicomImageInfo &info, const DicomFrame &frame);
};

} // namespace Kakehashi::Dicom
