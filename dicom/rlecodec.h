#pragma once

// Private to kakehashi_dicom: DICOM RLE Lossless (PS3.5 Annex G) decoding of one frame.
// Our own decoder rather than DCMTK's: DCMTK 3.6.7's RLE codec trusts the segment offsets of the
// RLE header and read past the fragment on a fuzzed file (fuzz_dicom_frame, SEGV in
// DcmRLEDecoder::decompress). This one checks every offset and every run against both buffers.
#include <QString>

#include <cstddef>
#include <cstdint>

namespace Kakehashi::Dicom::Detail {

struct RleFrameLayout
{
    int rows = 0;
    int columns = 0;
    int samplesPerPixel = 1;
    int bytesAllocated = 1; // 1, 2 or 4
    bool planar = false;    // PlanarConfiguration 1: the output holds one plane per sample
};

// Decodes the RLE frame |data| (header and segments, as in one fragment) into |out|, which
// holds rows*columns*samplesPerPixel*bytesAllocated bytes of native little-endian pixel data in
// the order |layout| names. Returns an empty string when done, else what is wrong (not
// translated; callers put it into a translated message). Never reads or writes outside the buffers.
QString decodeRleFrame(const uint8_t *data, size_t size, const RleFrameLayout &layout, uint8_t *out);

} // namespace Kakehashi::Dicom::Detail
