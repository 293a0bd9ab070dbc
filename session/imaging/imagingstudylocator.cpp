#include "imagingstudylocator.h"

#include "record/localrecordsource.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>

namespace Kakehashi {

bool ImagingStudyLocator::isValidUid(const QString &uid)
{
    // PS3.5 9.1: digits and dots, at most 64 characters. Checked before the UID becomes a path.
    static const QRegularExpression pattern(QStringLiteral("^[0-9]+(\\.[0-9]+)*$"));
    return !uid.isEmpty() && uid.size() <= 64 && pattern.match(uid).hasMatch();
}

QString ImagingStudyLocator::demoStudyPath(const QString &studyInstanceUid)
{
    return LocalRecordSource::demoDataRoot() + QStringLiteral("/dicom/") + studyInstanceUid;
}

ImagingStudyLocator::Result ImagingStudyLocator::locate(const QString &studyInstanceUid) const
{
    Result result;
    result.studyInstanceUid = studyInstanceUid;
    if (!isValidUid(studyInstanceUid))
        return result;
    for (const Dicom::DicomSeries &s : m_opened) {
        if (s.studyInstanceUid == studyInstanceUid)
            result.series.append(s);
    }
    if (!result.series.isEmpty()) {
        result.origin = Origin::OpenedFiles;
        return result;
    }
    const QString demo = demoStudyPath(studyInstanceUid);
    if (!QFileInfo(demo).isDir())
        return result;
    Dicom::DicomScanResult scan = Dicom::DicomSeriesScanner::scan({demo});
    result.errors = scan.errors;
    for (const Dicom::DicomSeries &s : std::as_const(scan.series)) {
        if (s.studyInstanceUid == studyInstanceUid)
            result.series.append(s);
    }
    if (!result.series.isEmpty())
        result.origin = Origin::DemoData;
    return result;
}

QJsonArray dicomSeriesSummaryJson(const QList<Dicom::DicomSeries> &series)
{
    QJsonArray out;
    for (const Dicom::DicomSeries &s : series) {
        out.append(QJsonObject{
            {QStringLiteral("studyInstanceUid"), s.studyInstanceUid},
            {QStringLiteral("seriesInstanceUid"), s.seriesInstanceUid},
            {QStringLiteral("modality"), s.modality},
            {QStringLiteral("seriesNumber"), s.seriesNumber},
            {QStringLiteral("description"), s.description},
            {QStringLiteral("studyDate"), s.studyDate},
            {QStringLiteral("patientName"), s.patientName},
            {QStringLiteral("patientId"), s.patientId},
            {QStringLiteral("instances"), s.instanceCount},
            {QStringLiteral("frames"), int(s.slices.size())},
        });
    }
    return out;
}

} // namespace Kakehashi
