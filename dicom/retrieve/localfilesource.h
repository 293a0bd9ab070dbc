#pragma once

#include "imagesource.h"

namespace Kakehashi::Dicom {

// Local files, folders and DICOMDIRs (IHE PDI patient media) through DicomSeriesScanner.
// Scans once on a worker thread; queries and "retrieval" answer from that scan.
class LocalFileSource : public ImageSource
{
public:
    explicit LocalFileSource(const QStringList &paths);
    ~LocalFileSource() override;

    QString kind() const override { return QStringLiteral("local"); }
    ImageSourceTraits traits() const override { return {.inMemory = false, .singleInstance = false, .local = true}; }
    QFuture<StudyQueryResult> findStudies(const StudyQuery &query, const CancelToken &cancel = {}) override;
    QFuture<SeriesQueryResult> findSeries(const QString &studyInstanceUid, const CancelToken &cancel = {}) override;
    QFuture<InstanceQueryResult> findInstances(const SeriesRef &series, const CancelToken &cancel = {}) override;
    // The files are already local: returns their paths (and bytes when asked).
    QFuture<RetrieveResult> retrieveInstances(const RetrieveRequest &request, const CancelToken &cancel = {}) override;

    struct Index;

private:
    std::shared_ptr<Index> m_index;
};

} // namespace Kakehashi::Dicom
