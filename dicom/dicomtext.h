#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Kakehashi::Dicom {

// Decodes DICOM string values to Unicode for the Specific Character Sets used in Japan:
// ISO_IR 192 (UTF-8), ISO_IR 6/100, ISO_IR 13 and the ISO 2022 code extensions IR 6, 13, 87
// and 159 (PS3.5 6.1.2.5, JIS X 0201/0208/0212). DCMTK's iconv mapping on Debian cannot open
// the ISO 2022 JIS sets, so these are decoded here.
class DicomText
{
public:
    // charsets: the values of (0008,0005) in order (the first may be empty).
    static bool canDecode(const QStringList &charsets);
    static QString decode(const QByteArray &raw, const QStringList &charsets);
};

} // namespace Kakehashi::Dicom
