#pragma once

// Private to kakehashi_dicom: JPEG 2000 decoding through OpenJPEG.
#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <vector>

namespace Kakehashi::Dicom::Detail {

struct J2kDecoded
{
    bool ok = false;
    QString errorString;
    int width = 0;
    int height = 0;
    int components = 0;
    int precision = 0;
    bool isSigned = false;
    bool colourTransformed = false; // the codestream applied an inverse MCT (output is RGB)
    std::vector<int32_t> samples;   // interleaved, width*height*components
};

// What the SIZ marker segment of a codestream declares (ISO/IEC 15444-1 A.5.1).
struct J2kHeader
{
    quint64 width = 0;  // the image area: Xsiz - XOsiz
    quint64 height = 0; // Ysiz - YOsiz
    int components = 0;
    quint64 tiles = 0;
};

// Reads the SIZ marker segment of one J2K codestream, or of the codestream box of a JP2 file,
// without OpenJPEG: OpenJPEG allocates from SIZ as soon as opj_read_header has read it (per tile
// structures, then every component at 32 bits a sample), so a caller compares it with what the
// DICOM header declares first. Returns an empty string, else what is wrong (not translated).
QString readJpeg2000Header(const uint8_t *data, size_t size, J2kHeader *header);

// Decodes one J2K codestream or JP2 file from memory. Never throws.
J2kDecoded decodeJpeg2000(const uint8_t *data, size_t size);

} // namespace Kakehashi::Dicom::Detail
