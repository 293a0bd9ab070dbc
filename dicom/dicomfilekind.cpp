#include "dicomfilekind.h"

#include <QFile>

#include <array>

namespace Kakehashi::Dicom {

namespace {

// The value representations of PS3.5 6.2, for explicit VR data.
bool isVr(char a, char b)
{
    static constexpr std::array<const char *, 34> vrs{"AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO", "LT",
                                                      "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST",
                                                      "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV"};
    for (const char *vr : vrs)
        if (vr[0] == a && vr[1] == b)
            return true;
    return false;
}

quint16 u16(const QByteArray &b, int at, bool bigEndian)
{
    const auto lo = quint8(b.at(at));
    const auto hi = quint8(b.at(at + 1));
    return bigEndian ? quint16(lo << 8 | hi) : quint16(hi << 8 | lo);
}

quint32 u32(const QByteArray &b, int at)
{
    return quint32(quint8(b.at(at))) | quint32(quint8(b.at(at + 1))) << 8 | quint32(quint8(b.at(at + 2))) << 16
        | quint32(quint8(b.at(at + 3))) << 24;
}

// A data set without preamble: its first element is of the file meta group (0002, always
// explicit VR little endian) or of the identifying group 0008, in any of the three encodings;
// its length fits in what follows. Group lengths (element 0000) are UL, 4 bytes.
bool plausibleFirstElement(const QByteArray &head)
{
    if (head.size() < 8)
        return false;
    for (const bool bigEndian : {false, true}) {
        const quint16 group = u16(head, 0, bigEndian);
        const quint16 element = u16(head, 2, bigEndian);
        if (group != 0x0002 && group != 0x0008)
            continue;
        if (group == 0x0002 && (bigEndian || element > 0x0102))
            continue; // the meta group is little endian and short
        if (isVr(head.at(4), head.at(5))) {
            const quint16 length = u16(head, 6, bigEndian);
            if (element == 0x0000 && length != 4)
                continue;
            return true;
        }
        if (bigEndian)
            continue; // implicit VR is little endian only
        const quint32 length = u32(head, 4);
        if (element == 0x0000 ? length == 4 : (length < 0x10000 && length % 2 == 0))
            return true;
    }
    return false;
}

} // namespace

DicomFileKind dicomFileKind(const QByteArray &head)
{
    if (head.size() >= 132 && head.mid(128, 4) == "DICM")
        return DicomFileKind::Part10;
    return plausibleFirstElement(head) ? DicomFileKind::NoPreamble : DicomFileKind::NotDicom;
}

DicomFileKind dicomFileKindOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return DicomFileKind::NotDicom;
    return dicomFileKind(f.read(132));
}

} // namespace Kakehashi::Dicom
