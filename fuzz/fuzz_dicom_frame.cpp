// A retrieved DICOM instance (Part 10 bytes) → frame decoding: native, RLE, JPEG, JPEG-LS and
// JPEG 2000. Two frames at most, each refused above DicomFrameDecoder::MaxFrameBytes before any
// decoder allocates it, so one input cannot ask for gigabytes.
#include "fuzzcommon.h"

#include "dicom/dicomframedecoder.h"

using namespace Kakehashi::Dicom;

KAKEHASHI_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray part10(reinterpret_cast<const char *>(data), qsizetype(size));
    DicomFrameDecoder::Options options;
    options.frameCount = 2;
    const DicomDecodeResult result = DicomFrameDecoder::decodeBytes(part10, options);
    if (!result.ok && result.errorString.isEmpty())
        qFatal("dicom frame: failed without saying why");
    return 0;
}
