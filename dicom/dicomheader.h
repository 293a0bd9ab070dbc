#pragma once

#include <QCoreApplication>
#include <QString>

namespace Kakehashi::Dicom {

// The identifying attributes of one DICOM instance, as Unicode text.
struct DicomHeader
{
    QString patientName;  // all component groups as written, converted to Unicode
    QString patientId;
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString sopInstanceUid;
    QString modality;
    QString studyDate;
    QString specificCharacterSet;
    int rows = 0;
    int columns = 0;
    int numberOfFrames = 1;
};

struct DicomHeaderResult
{
    bool ok = false;
    QString errorString;
    DicomHeader header;
};

class DicomHeaderReader
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::Dicom::DicomHeaderReader)
public:
    // Reads the header only (pixel data is not loaded). Never throws; bad files give an error.
    static DicomHeaderResult read(const QString &path);
};

} // namespace Kakehashi::Dicom
