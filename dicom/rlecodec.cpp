#include "rlecodec.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace Kakehashi::Dicom::Detail {

namespace {

uint32_t readLittleEndian32(const uint8_t *p)
{
    return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
}

// PackBits as PS3.5 G.3.2 has it: a header byte n, then n+1 literal bytes (0 <= n <= 127) or one
// byte repeated 1-n times (-127 <= n <= -1); -128 is skipped. Fills |out| exactly or fails.
bool unpackSegment(const uint8_t *in, size_t inSize, uint8_t *out, size_t outSize)
{
    size_t i = 0;
    size_t o = 0;
    while (o < outSize) {
        if (i >= inSize)
            return false;
        const auto n = int8_t(in[i++]);
        if (n >= 0) {
            const size_t count = size_t(n) + 1;
            if (count > inSize - i || count > outSize - o)
                return false;
            std::memcpy(out + o, in + i, count);
            i += count;
            o += count;
        } else if (n != -128) {
            const size_t count = size_t(1 - int(n));
            if (i >= inSize || count > outSize - o)
                return false;
            std::memset(out + o, in[i++], count);
            o += count;
        }
    }
    return true;
}

} // namespace

QString decodeRleFrame(const uint8_t *data, size_t size, const RleFrameLayout &layout, uint8_t *out)
{
    const int bytes = layout.bytesAllocated;
    if (layout.rows <= 0 || layout.columns <= 0 || layout.samplesPerPixel <= 0 || (bytes != 1 && bytes != 2 && bytes != 4))
        return QStringLiteral("unsupported image layout for RLE");
    const size_t expectedSegments = size_t(layout.samplesPerPixel) * size_t(bytes);
    if (size < 64)
        return QStringLiteral("the RLE header is incomplete");
    const uint32_t segments = readLittleEndian32(data);
    if (segments < 1 || segments > 15 || segments != expectedSegments)
        return QStringLiteral("the RLE header names %1 segments where the image needs %2").arg(segments).arg(expectedSegments);
    std::array<size_t, 16> bounds{};
    for (uint32_t s = 0; s < segments; ++s) {
        bounds[s] = readLittleEndian32(data + 4 + 4 * s);
        if (bounds[s] < 64 || bounds[s] > size || (s > 0 && bounds[s] < bounds[s - 1]))
            return QStringLiteral("the RLE segment offsets are inconsistent");
    }
    bounds[segments] = size;

    const size_t pixels = size_t(layout.rows) * size_t(layout.columns);
    const size_t pixelBytes = size_t(layout.samplesPerPixel) * size_t(bytes);
    thread_local std::vector<uint8_t> plane;
    plane.resize(pixels);
    for (uint32_t s = 0; s < segments; ++s) {
        if (!unpackSegment(data + bounds[s], bounds[s + 1] - bounds[s], plane.data(), pixels))
            return QStringLiteral("RLE segment %1 is incomplete or overruns").arg(s + 1);
        // Segment order: per sample, most significant byte first; native data is little-endian.
        const size_t sample = s / size_t(bytes);
        const size_t byteInSample = size_t(bytes) - 1 - s % size_t(bytes);
        if (layout.planar) {
            uint8_t *dst = out + sample * pixels * size_t(bytes) + byteInSample;
            if (bytes == 1) {
                std::memcpy(dst, plane.data(), pixels);
            } else {
                for (size_t p = 0; p < pixels; ++p)
                    dst[p * size_t(bytes)] = plane[p];
            }
        } else {
            uint8_t *dst = out + sample * size_t(bytes) + byteInSample;
            for (size_t p = 0; p < pixels; ++p)
                dst[p * pixelBytes] = plane[p];
        }
    }
    return {};
}

} // namespace Kakehashi::Dicom::Detail
