#include "dicomheader.h"

#include "dicomtext.h"

#include <QFile>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcdatset.h>

namespace Kakehashi::Dicom {

namespace {
QString text(DcmDataset *ds, const DcmTagKey &tag, const QStringList &ownDecoding = {})
{
    OFString value;
    if (ds->findAndGetOFStringArray(tag, value).bad())
        return {};
    if (!ownDecoding.isEmpty())
        return DicomText::decode(QByteArray(value.c_str(), qsizetype(value.length())), ownDecoding);
    return QString::fromUtf8(value.c_str());
}
} // namespace

DicomHeaderResult DicomHeaderReader::read(const QString &path)
{
    DicomHeaderResult result;
    if (!QFile::exists(path)) {
        result.errorString = tr("%1: no such file").arg(path);
        return result;
    }
    DcmFileFormat file;
    const QByteArray local = QFile::encodeName(path);
    // Stop before the pixel data: only the header is wanted here.
    const OFCondition status = file.loadFileUntilTag(local.constData(), EXS_Unknown, EGL_noChange,
                                                     DCM_MaxReadLength, ERM_autoDetect, DCM_PixelData);
    if (status.bad()) {
        result.errorString = tr("%1: not a readable DICOM file (%2)").arg(path, QString::fromLatin1(status.text()));
        return result;
    }
    DcmDataset *ds = file.getDataset();
    DicomHeader &h = result.header;
    h.specificCharacterSet = text(ds, DCM_SpecificCharacterSet);
    const QStringList charsets = h.specificCharacterSet.split(u'\\');
    // DCMTK's iconv mapping cannot open the ISO 2022 JIS sets on Debian: decode those here.
    const QStringList own = !h.specificCharacterSet.isEmpty() && DicomText::canDecode(charsets) ? charsets : QStringList();
    if (own.isEmpty() && !h.specificCharacterSet.isEmpty() && h.specificCharacterSet != u"ISO_IR 192") {
        // Convert ISO 2022 / legacy character sets to UTF-8 so names read correctly.
        if (file.convertToUTF8().bad())
            result.errorString = tr("%1: the character set %2 could not be converted").arg(path, h.specificCharacterSet);
    }
    h.patientName = text(ds, DCM_PatientName, own);
    h.patientId = text(ds, DCM_PatientID);
    h.studyInstanceUid = text(ds, DCM_StudyInstanceUID);
    h.seriesInstanceUid = text(ds, DCM_SeriesInstanceUID);
    h.sopInstanceUid = text(ds, DCM_SOPInstanceUID);
    h.modality = text(ds, DCM_Modality);
    h.studyDate = text(ds, DCM_StudyDate);
    Uint16 v = 0;
    if (ds->findAndGetUint16(DCM_Rows, v).good())
        h.rows = v;
    if (ds->findAndGetUint16(DCM_Columns, v).good())
        h.columns = v;
    Sint32 frames = 1;
    if (ds->findAndGetSint32(DCM_NumberOfFrames, frames).good() && frames > 0)
        h.numberOfFrames = int(frames);
    result.ok = result.errorString.isEmpty();
    return result;
}

} // namespace Kakehashi::Dicom
