#pragma once

#include "dicom/dicomseries.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace Kakehashi {

// Where an ImagingStudy from the record finds its pixels without a network: the DICOM files
// opened alongside the record (--open), then the bundled demo resource
// (":/demo/dicom/<StudyInstanceUID>/<SeriesInstanceUID>/<SOPInstanceUID>.dcm"). Anything else
// is left to the PACS back-ends (DICOMweb, DIMSE).
class ImagingStudyLocator
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::ImagingStudyLocator)
public:
    enum class Origin { NotAvailable, OpenedFiles, DemoData };
    struct Result
    {
        Origin origin = Origin::NotAvailable;
        QString studyInstanceUid;
        QList<Dicom::DicomSeries> series;
        QStringList errors;
    };

    void setOpenedSeries(const QList<Dicom::DicomSeries> &series) { m_opened = series; }
    const QList<Dicom::DicomSeries> &openedSeries() const { return m_opened; }

    // Blocking when the study comes from the demo resource (reads headers): run it on a worker
    // thread with a copy of the locator.
    Result locate(const QString &studyInstanceUid) const;

    static bool isValidUid(const QString &uid);
    static QString demoStudyPath(const QString &studyInstanceUid);

private:
    QList<Dicom::DicomSeries> m_opened;
};

// The "dicom" array of --summary: one object per series.
QJsonArray dicomSeriesSummaryJson(const QList<Dicom::DicomSeries> &series);

} // namespace Kakehashi
