// A key object selection, presentation state or structured report from a CD or a PACS → the
// presentation reader (references, window, annotations, shutters, the report's content tree).
#include "fuzzcommon.h"

#include "dicom/dicompresentation.h"

using namespace Kakehashi::Dicom;

KAKEHASHI_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const DicomPresentationObjects objects = DicomPresentationReader::readBytes(bytes, QStringLiteral("fuzz.dcm"));
    if (objects.isEmpty() && objects.otherObjects == 0 && objects.errors.isEmpty())
        qFatal("dicom presentation: read nothing without saying why");
    for (const StructuredReport &r : objects.reports)
        (void)r.text.size();
    return 0;
}
