// A retrieved DICOM instance (Part 10 bytes) → frame decoding: native, RLE, JPEG, JPEG-LS and
// JPEG 2000. Two frames at most, each refused above 4 MiB (the decoder's own limit is
// DicomFrameDecoder::MaxFrameBytes, 512 MiB) before any decoder allocates it: the paths are the
// same, and an input of a few hundred bytes declaring a 500 MiB frame no longer costs the fuzzer
// seconds of allocating and poisoning shadow memory (tools/fuzz.sh caps single allocations too).
#include "fuzzcommon.h"

#include "dicom/dicomframedecoder.h"

using namespace Kakehashi::Dicom;

KAKEHASHI_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray part10(reinterpret_cast<const char *>(data), qsizetype(size));
    DicomFrameDecoder::Options options;
    options.frameCount = 2;
    options.maxFrameBytes = qint64(4) << 20;
    const DicomDecodeResult result = DicomFrameDecoder::decodeBytes(part10, options);
    if (!result.ok && result.errorString.isEmpty())
        qFatal("dicom frame: failed without saying why");
    return 0;
}
