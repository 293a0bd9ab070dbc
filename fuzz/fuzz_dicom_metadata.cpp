// A PACS's WADO-RS answers for an instance fetched frame by frame → the header made from its
// metadata (DICOM JSON), the one-frame object made from a frame, and that object decoded.
#include "fuzzcommon.h"

#include "dicom/dicomfetchedframes.h"
#include "dicom/dicomframedecoder.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Kakehashi::Dicom;

KAKEHASHI_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)DicomFetchedFrames::transferSyntaxOfPart(bytes.left(256));
    // The JSON up to the first NUL; what follows is the frame's pixels.
    const qsizetype split = bytes.indexOf('\0');
    const QByteArray json = split < 0 ? bytes : bytes.left(split);
    const QByteArray pixels = split < 0 ? QByteArray() : bytes.mid(split + 1);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QJsonObject dataset = doc.isArray() ? doc.array().first().toObject() : doc.object();
    QString error;
    const QByteArray header = DicomFetchedFrames::headerFromMetadata(dataset, &error);
    if (header.isEmpty()) {
        if (error.isEmpty())
            qFatal("metadata: refused without saying why");
        return 0;
    }
    const DicomDecodeResult info = DicomFrameDecoder::readInfoBytes(header);
    if (!info.ok)
        qFatal("metadata: the header made cannot be read back");
    for (const char *syntax : {"1.2.840.10008.1.2.1", "1.2.840.10008.1.2.4.70"}) {
        const QByteArray object = DicomFetchedFrames::frameObject(header, 0, pixels, QLatin1String(syntax), &error);
        if (object.isEmpty()) {
            if (error.isEmpty())
                qFatal("frame: refused without saying why");
            continue;
        }
        DicomDecodeOptions options;
        options.frameCount = 1;
        const DicomDecodeResult r = DicomFrameDecoder::decodeBytes(object, options);
        if (!r.ok && r.errorString.isEmpty())
            qFatal("frame: failed without saying why");
    }
    return 0;
}
