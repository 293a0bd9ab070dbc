// A DICOM file from a PACS, a CD or a folder → the header reader (patient name, UIDs, size).
#include "fuzzcommon.h"

#include "dicom/dicomheader.h"

using namespace Kakehashi::Dicom;

KAKEHASHI_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString path = KakehashiFuzz::scratchFile("header.dcm");
    if (!KakehashiFuzz::writeScratch(path, data, size))
        return 0;
    const DicomHeaderResult result = DicomHeaderReader::read(path);
    if (!result.ok && result.errorString.isEmpty())
        qFatal("dicom header: failed without saying why");
    return 0;
}
