// DICOM string values in the character sets used in Japan (ISO 2022 IR 87/159/13, UTF-8 …) →
// Unicode. Input: "<Specific Character Set, values separated by \>\n<raw value bytes>".
#include "fuzzcommon.h"

#include "dicom/dicomtext.h"

#include <QStringList>

using namespace Kakehashi::Dicom;

KAKEHASHI_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray raw;
    const QByteArray header = KakehashiFuzz::firstLine(data, size, &raw);
    const QStringList charsets = QString::fromLatin1(header).split(u'\\');
    if (DicomText::canDecode(charsets)) {
        const QString text = DicomText::decode(raw, charsets);
        // Decoding never invents text out of nothing.
        if (raw.isEmpty() && !text.isEmpty())
            qFatal("dicomtext: text from an empty value");
    }
    // Every set on its own as well, as a header with one value would name it.
    for (const QString &cs : charsets)
        (void)DicomText::decode(raw, {cs});
    return 0;
}
