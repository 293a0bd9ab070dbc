#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Kakehashi::Dicom {

// One displayable slice: a frame of a file.
struct DicomSliceRef
{
    QString path;
    int frame = 0;
};

struct DicomSeries
{
    QString seriesInstanceUid;
    QString studyInstanceUid;
    QString description;
    QString modality;
    QString patientName; // Unicode, all component groups (from the first instance)
    QString patientId;
    QString studyDate;
    QString studyDescription;
    int seriesNumber = 0;
    int instanceCount = 0; // files; a multi-frame file gives several slices
    QList<DicomSliceRef> slices; // in display order (instance number, then slice position)
};

struct DicomScanResult
{
    QList<DicomSeries> series;
    QStringList errors;
};

// Groups local files, folders and DICOMDIRs (IHE PDI media) into series. Blocking: run it on a
// worker thread for large folders. Reads headers only. Paths may be Qt resource paths (":/…").
class DicomSeriesScanner
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::Dicom::DicomSeriesScanner)
public:
    static DicomScanResult scan(const QStringList &paths);
    static bool isDicomFile(const QString &path);
    // Files a DICOMDIR references (absolute paths); errors go to *error.
    static QStringList dicomDirFiles(const QString &dicomDir, QString *error);
};

} // namespace Kakehashi::Dicom
