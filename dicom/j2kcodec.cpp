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

} // namespace

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
