#include "j2kcodec.h"

#include <openjpeg.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace Kakehashi::Dicom::Detail {

namespace {

struct MemoryStream
{
    const uint8_t *data = nullptr;
    size_t size = 0;
    size_t pos = 0;
};

OPJ_SIZE_T readBytes(void *buffer, OPJ_SIZE_T count, void *user)
{
    auto *m = static_cast<MemoryStream *>(user);
    if (m->pos >= m->size)
        return OPJ_SIZE_T(-1);
    const size_t n = std::min<size_t>(count, m->size - m->pos);
    std::memcpy(buffer, m->data + m->pos, n);
    m->pos += n;
    return n;
}

OPJ_OFF_T skipBytes(OPJ_OFF_T count, void *user)
{
    auto *m = static_cast<MemoryStream *>(user);
    if (count < 0) {
        const size_t back = std::min<size_t>(size_t(-count), m->pos);
        m->pos -= back;
        return -OPJ_OFF_T(back);
    }
    const size_t n = std::min<size_t>(size_t(count), m->size - m->pos);
    m->pos += n;
    return OPJ_OFF_T(n);
}

OPJ_BOOL seekTo(OPJ_OFF_T offset, void *user)
{
    auto *m = static_cast<MemoryStream *>(user);
    if (offset < 0 || size_t(offset) > m->size)
        return OPJ_FALSE;
    m->pos = size_t(offset);
    return OPJ_TRUE;
}

void quiet(const char *, void *) {}

void recordError(const char *message, void *user)
{
    auto *s = static_cast<QString *>(user);
    if (s->isEmpty())
        *s = QString::fromLatin1(message).trimmed();
}

struct CodecDeleter { void operator()(opj_codec_t *c) const { opj_destroy_codec(c); } };
struct StreamDeleter { void operator()(opj_stream_t *s) const { opj_stream_destroy(s); } };
struct ImageDeleter { void operator()(opj_image_t *i) const { opj_image_destroy(i); } };

quint32 readBigEndian32(const uint8_t *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

quint16 readBigEndian16(const uint8_t *p)
{
    return quint16((p[0] << 8) | p[1]);
}

// The contents of the codestream box (jp2c) of a JP2 file, found by walking the top-level boxes
// (ISO/IEC 15444-1 I.4); null when there is none.
const uint8_t *jp2Codestream(const uint8_t *data, size_t size, size_t *codestreamSize)
{
    size_t pos = 0;
    while (size - pos >= 8) {
        quint64 length = readBigEndian32(data + pos);
        const quint32 type = readBigEndian32(data + pos + 4);
        size_t headerLength = 8;
        if (length == 1) { // the length follows as 64 bits
            if (size - pos < 16)
                return nullptr;
            length = (quint64(readBigEndian32(data + pos + 8)) << 32) | readBigEndian32(data + pos + 12);
            headerLength = 16;
        } else if (length == 0) { // the last box: up to the end
            length = size - pos;
        }
        if (length < headerLength || length > size - pos)
            return nullptr;
        if (type == 0x6a703263) { // 'jp2c'
            *codestreamSize = size_t(length) - headerLength;
            return data + pos + headerLength;
        }
        pos += size_t(length);
    }
    return nullptr;
}

} // namespace

QString readJpeg2000Header(const uint8_t *data, size_t size, J2kHeader *header)
{
    if (!data || size < 2)
        return QStringLiteral("the JPEG 2000 stream is too short");
    if (!(data[0] == 0xff && data[1] == 0x4f)) {
        data = jp2Codestream(data, size, &size);
        if (!data)
            return QStringLiteral("neither a JPEG 2000 codestream nor a JP2 file with one");
    }
    // SOC, then SIZ (A.5.1): Lsiz Rsiz Xsiz Ysiz XOsiz YOsiz XTsiz YTsiz XTOsiz YTOsiz Csiz, then
    // three bytes per component.
    constexpr size_t fixed = 2 + 2 + 2 + 2 + 8 * 4 + 2;
    if (size < fixed || data[0] != 0xff || data[1] != 0x4f || data[2] != 0xff || data[3] != 0x51)
        return QStringLiteral("the codestream does not start with SOC and SIZ");
    const uint8_t *siz = data + 4;
    const quint16 length = readBigEndian16(siz);
    const quint64 xsiz = readBigEndian32(siz + 4);
    const quint64 ysiz = readBigEndian32(siz + 8);
    const quint64 xosiz = readBigEndian32(siz + 12);
    const quint64 yosiz = readBigEndian32(siz + 16);
    const quint64 xtsiz = readBigEndian32(siz + 20);
    const quint64 ytsiz = readBigEndian32(siz + 24);
    const quint64 xtosiz = readBigEndian32(siz + 28);
    const quint64 ytosiz = readBigEndian32(siz + 32);
    const quint16 csiz = readBigEndian16(siz + 36);
    if (csiz == 0 || length != 38 + 3 * size_t(csiz) || size - 4 < length)
        return QStringLiteral("the SIZ marker segment is inconsistent");
    // The tiling must cover the image and start at or before it (A.5.1, B.3).
    if (xsiz <= xosiz || ysiz <= yosiz || xtsiz == 0 || ytsiz == 0 || xtosiz > xosiz || ytosiz > yosiz
        || xtosiz + xtsiz <= xosiz || ytosiz + ytsiz <= yosiz)
        return QStringLiteral("the SIZ image or tile area is inconsistent");
    header->width = xsiz - xosiz;
    header->height = ysiz - yosiz;
    header->components = csiz;
    header->tiles = ((xsiz - xtosiz + xtsiz - 1) / xtsiz) * ((ysiz - ytosiz + ytsiz - 1) / ytsiz);
    return {};
}

J2kDecoded decodeJpeg2000(const uint8_t *data, size_t size)
{
    J2kDecoded out;
    if (!data || size < 12) {
        out.errorString = QStringLiteral("JPEG 2000 stream too short");
        return out;
    }
    // A raw codestream starts with SOC (FF 4F); anything else is taken as a JP2 file.
    const bool codestream = data[0] == 0xff && data[1] == 0x4f;
    MemoryStream memory{data, size, 0};
    std::unique_ptr<opj_stream_t, StreamDeleter> stream(opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_TRUE));
    std::unique_ptr<opj_codec_t, CodecDeleter> codec(opj_create_decompress(codestream ? OPJ_CODEC_J2K : OPJ_CODEC_JP2));
    if (!stream || !codec) {
        out.errorString = QStringLiteral("OpenJPEG could not be initialised");
        return out;
    }
    opj_stream_set_user_data(stream.get(), &memory, nullptr);
    opj_stream_set_user_data_length(stream.get(), size);
    opj_stream_set_read_function(stream.get(), readBytes);
    opj_stream_set_skip_function(stream.get(), skipBytes);
    opj_stream_set_seek_function(stream.get(), seekTo);

    QString error;
    opj_set_info_handler(codec.get(), quiet, nullptr);
    opj_set_warning_handler(codec.get(), quiet, nullptr);
    opj_set_error_handler(codec.get(), recordError, &error);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    if (!opj_setup_decoder(codec.get(), &parameters)) {
        out.errorString = QStringLiteral("OpenJPEG decoder setup failed");
        return out;
    }
    opj_image_t *raw = nullptr;
    if (!opj_read_header(stream.get(), codec.get(), &raw)) {
        opj_image_destroy(raw);
        out.errorString = error.isEmpty() ? QStringLiteral("invalid JPEG 2000 header") : error;
        return out;
    }
    std::unique_ptr<opj_image_t, ImageDeleter> image(raw);
    if (!opj_decode(codec.get(), stream.get(), image.get()) || !opj_end_decompress(codec.get(), stream.get())) {
        out.errorString = error.isEmpty() ? QStringLiteral("JPEG 2000 decoding failed") : error;
        return out;
    }
    const int comps = int(image->numcomps);
    if (comps < 1 || comps > 4 || !image->comps[0].data) {
        out.errorString = QStringLiteral("unsupported JPEG 2000 component count");
        return out;
    }
    const int w = int(image->comps[0].w);
    const int h = int(image->comps[0].h);
    for (int c = 0; c < comps; ++c) {
        const opj_image_comp_t &comp = image->comps[c];
        if (int(comp.w) != w || int(comp.h) != h || !comp.data) {
            out.errorString = QStringLiteral("subsampled JPEG 2000 components are not supported");
            return out;
        }
    }
    out.width = w;
    out.height = h;
    out.components = comps;
    out.precision = int(image->comps[0].prec);
    out.isSigned = image->comps[0].sgnd != 0;
    // OpenJPEG applies the inverse RCT/ICT itself when the codestream says so.
    out.colourTransformed = comps >= 3 && image->color_space != OPJ_CLRSPC_SYCC;
    out.samples.resize(size_t(w) * size_t(h) * size_t(comps));
    const size_t pixels = size_t(w) * size_t(h);
    for (int c = 0; c < comps; ++c) {
        const OPJ_INT32 *src = image->comps[c].data;
        int32_t *dst = out.samples.data() + c;
        for (size_t i = 0; i < pixels; ++i, dst += comps)
            *dst = src[i];
    }
    out.ok = true;
    return out;
}

} // namespace Kakehashi::Dicom::Detail
