#pragma once

#include "imagesource.h"

#include <QThreadPool>

namespace Kakehashi::Dicom {

struct DimseProfile
{
    QString callingAeTitle = QStringLiteral("KAKEHASHI"); // ours
    QString calledAeTitle;                                // the PACS
    QString host;
    quint16 port = 104;
    int timeoutSeconds = 30; // TCP connect, association and each DIMSE message
    enum class Retrieve { CGet, CMove };
    Retrieve retrieve = Retrieve::CGet;
    // C-MOVE: the PACS connects back to our storage SCP under this AE title and port, which
    // must be registered at the PACS.
    QString moveDestinationAeTitle; // empty: callingAeTitle
    quint16 moveDestinationPort = 0;
};

struct EchoResult
{
    ImageSourceStatus status;
    bool ok() const { return status.ok(); }
};

// DIMSE through DCMTK's DcmSCU: C-ECHO, C-FIND (study, series, image level; queries and
// answers in ISO_IR 192), C-GET or C-MOVE into a directory. Each request opens its own
// association on a worker thread of this source's pool; cancel is checked in DcmSCU's
// callbacks (per response, per received instance).
class DimseSource : public ImageSource
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::Dicom::DimseSource)
public:
    explicit DimseSource(const DimseProfile &profile);
    ~DimseSource() override; // waits for running requests (they stop at their timeouts)

    const DimseProfile &profile() const { return m_profile; }
    QString kind() const override { return QStringLiteral("dimse"); }
    QFuture<EchoResult> echo(const CancelToken &cancel = {});
    QFuture<StudyQueryResult> findStudies(const StudyQuery &query, const CancelToken &cancel = {}) override;
    QFuture<SeriesQueryResult> findSeries(const QString &studyInstanceUid, const CancelToken &cancel = {}) override;
    QFuture<InstanceQueryResult> findInstances(const SeriesRef &series, const CancelToken &cancel = {}) override;
    QFuture<RetrieveResult> retrieveInstances(const RetrieveRequest &request, const CancelToken &cancel = {}) override;

private:
    DimseProfile m_profile;
    QThreadPool m_pool;
};

} // namespace Kakehashi::Dicom
