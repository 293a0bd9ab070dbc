#pragma once

#include "net/connectionprofile.h"
#include "dicom/dicomseries.h"
#include "dicom/retrieve/imagesource.h"
#include "imagingstudylocator.h"
#include "net/purposeofuse.h"

#include <QFutureWatcher>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

namespace Kakehashi {
class ImageCache;
struct PatientRecord;
}

namespace Kakehashi::Session {

class RecordController;
class StudyRetrieval;

// Where the record says a study's images live (its ImagingStudy.endpoint), when it says.
struct StudyEndpoint
{
    QString connectionType; // "dicom-wado-rs", …
    QUrl address;
};

// The imaging part of a session, without widgets: which back-end fetches a study (one choice,
// through Dicom::ImageSourceFactory), with the session's TLS identity, purpose of use and
// headers, through the encrypted image cache.
//
// The back-end, in this order: the study's own DICOMweb endpoint from the record; the connection
// profile's DICOMweb URL; its DIMSE PACS; the session's local files (folders, DICOMDIRs).
//
// It also holds the study on screen: openStudy() looks in the files opened with the record and
// the demo data (off the GUI thread), else starts the study's retrieval; series() is what is known
// of the study now, built from headers read once per instance as it arrived.
class ImagingController : public QObject
{
    Q_OBJECT
public:
    explicit ImagingController(QObject *parent = nullptr);
    ~ImagingController() override;

    // The imaging* keys of the connection profile, and the purpose header names.
    void setProfile(const Net::ConnectionProfile &profile);
    const Net::ConnectionProfile &profile() const { return m_profile; }
    // DICOMweb: the session's TLS identity (the on-card key, or the profile's files).
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }
    // The purpose of the open on screen: an emergency (ETREAT) open fetches its images as one.
    void setPurpose(const Net::PurposeOfUse &purpose) { m_purpose = purpose; }
    const Net::PurposeOfUse &purpose() const { return m_purpose; }
    // Sent on every DICOMweb request after the purpose headers (e.g. the HPKI role header).
    void setSessionHeaders(const QList<QPair<QByteArray, QByteArray>> &headers) { m_sessionHeaders = headers; }
    // Local files, folders or DICOMDIRs of this session (patient media): searched when no PACS is set.
    // Unset, the profile's imagingLocalFolders are.
    void setLocalPaths(const QStringList &paths) { m_localPaths = paths; }
    // The encrypted image cache, made when first needed (null: nothing is cached).
    void setImageCacheProvider(std::function<std::shared_ptr<ImageCache>()> provider) { m_cacheProvider = std::move(provider); }

    // Multi-frame instances larger than this (uncompressed pixels) are fetched frame by frame from a
    // back-end that can (DICOMweb): the first frame shows without the whole object.
    void setFrameByFrameBytes(qint64 bytes) { m_frameByFrameBytes = bytes; }
    qint64 frameByFrameBytes() const { return m_frameByFrameBytes; }

    // The endpoint that fetches a study the record places at |recordEndpoint|; an empty
    // connectionType when nothing can.
    Dicom::ImageEndpoint endpointFor(const StudyEndpoint &recordEndpoint) const;
    // Its back-end; null (and *error, when given) when there is none.
    std::unique_ptr<Dicom::ImageSource> makeSource(const StudyEndpoint &recordEndpoint, QString *error = nullptr) const;
    // The retrieval of one study: the cache first, then the back-end. Never null: without a
    // back-end it ends with Outcome::noSource (unless the cache holds the whole study).
    std::unique_ptr<StudyRetrieval> makeRetrieval(const QString &studyInstanceUid, const StudyEndpoint &recordEndpoint);

    // Fetches studies for the session |records| holds: its image cache, and for each retrieval the
    // session as it is then (PACS profile, the card's TLS identity and role header, the purpose of
    // the open on screen) and the study's Endpoint in the record on screen. Nothing is fetched while
    // the session is locked. |records| must outlive this object.
    void followRecords(RecordController *records);

    // The study to show first of |record|: its first CT study, else its first imaging study with a
    // Study Instance UID; empty when it has none.
    static QString firstStudyOf(const PatientRecord &record);

    // --- The study on screen ---
    // DICOM opened with --open: searched first when a study is requested.
    void setOpenedSeries(const QList<Dicom::DicomSeries> &series) { m_locator.setOpenedSeries(series); }
    const QList<Dicom::DicomSeries> &openedSeries() const { return m_locator.openedSeries(); }
    // Makes the retrieval of a study that is neither opened nor demo data; null when nothing may
    // fetch it (a locked session). Unset: nothing is retrieved ("not available offline").
    using RetrievalFactory = std::function<std::unique_ptr<StudyRetrieval>(const QString &studyInstanceUid)>;
    void setRetrievalFactory(RetrievalFactory factory) { m_retrievalFactory = std::move(factory); }
    bool canRetrieve() const { return bool(m_retrievalFactory); }
    // Finds the study: located() follows, then (when retrieved) seriesChanged() as instances
    // arrive and retrievalFinished() at the end. A request for another study replaces this one.
    void openStudy(const QString &studyInstanceUid);
    // Stops a retrieval and forgets the study (patient change, lock).
    void closeStudy();
    QString studyUid() const { return m_studyUid; }
    bool isLocating() const { return m_locating; }
    StudyRetrieval *retrieval() const { return m_retrieval.get(); }
    bool isRetrieving() const;
    // The study's series known now (located, or arrived so far), in display order.
    QList<Dicom::DicomSeries> series() const;
    // What of the retrieved study has no pixels (KOS, GSPS, SR, encapsulated documents); empty for a
    // study found among the opened files (those came with the files).
    QList<Dicom::DicomSliceRef> otherObjects() const;

Q_SIGNALS:
    // The local search ended: series() holds the study's files when |found|; else a retrieval
    // started (retrievalStarted()) or, with none possible, nothing can show the study.
    void located(bool found);
    // A retrieval began (from the cache or a back-end); null retrieval: none may fetch the study.
    void retrievalStarted();
    void retrievalUnavailable();
    // More of the study arrived: series() has it. |received| instances of |expected| (-1: unknown).
    void seriesChanged(int received, int expected);
    // The retrieval ended (see retrieval()->outcome()); series() holds everything that arrived.
    void retrievalFinished();
    // The open study could not be stored in the image cache (see StudyRetrieval::cacheStoreFailed).
    void cacheStoreFailed(const QString &reason);

private:
    void onLocated();
    void startRetrieval();

    Net::ConnectionProfile m_profile;
    QSslConfiguration m_ssl = QSslConfiguration::defaultConfiguration();
    Net::PurposeOfUse m_purpose;
    QList<QPair<QByteArray, QByteArray>> m_sessionHeaders;
    QStringList m_localPaths;
    qint64 m_frameByFrameBytes = qint64(32) << 20; // StudyRetrieval::DefaultFrameByFrameBytes
    std::function<std::shared_ptr<ImageCache>()> m_cacheProvider;

    ImagingStudyLocator m_locator;
    QFutureWatcher<ImagingStudyLocator::Result> m_locateWatcher;
    RetrievalFactory m_retrievalFactory;
    QString m_studyUid;
    bool m_locating = false;
    QList<Dicom::DicomSeries> m_located;
    std::unique_ptr<StudyRetrieval> m_retrieval;
};

} // namespace Kakehashi::Session
