#pragma once

// Private to kakehashi_dicom: JPEG 2000 decoding through OpenJPEG.
#include <QByteArray>
#include <QString>

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

// Decodes one J2K codestream or JP2 file from memory. Never throws.
J2kDecoded decodeJpeg2000(const uint8_t *data, size_t size);

} // namespace Kakehashi::Dicom::Detail
