#pragma once

#include "dicom/dicomframe.h"
#include "dicom/dicomseries.h"
#include "dicom/retrieve/imagesource.h"

#include <QObject>
#include <QHash>
#include <QSet>
#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace Kakehashi {
class ImageCache;
}

namespace Kakehashi::Session {

// Fetches one imaging study for display: from the encrypted image cache when it holds the whole
// study, else through an ImageSource (every series, one after the other), storing each instance in
// the cache as it arrives. The viewer gets in-memory instances: nothing unencrypted is written to
// disk by DICOMweb or the cache. A retrieved instance keeps its bytes in memory until it is sealed
// in the cache, then (like a cached one) is decrypted again each time its slice is decoded, one
// slice at a time. Back-ends that write files (DIMSE) write them into a private temporary folder
// (0700): each is read into memory at once and the folder goes when the series ends. Local files
// are read where they are and not cached.
// Every instance's header is read once, as it arrives, on a worker thread (in arrival order), and
// kept: series() groups those headers and never reads an instance again.
// A back-end that can fetch one instance on its own (DICOMweb) fetches the middle slice of a short
// first series alone first (instances ordered by InstanceNumber) before streaming the rest of the
// series, so the first image is on screen early. A series of more than StreamAtOnceInstances
// instances is streamed at once instead, its instance listing asked for alongside (a listing costs
// the PACS time per instance: 134 ms for 300 on Orthanc, more than the first instance of the
// stream); the first slice of the stream is the first image. Should that listing name an instance
// to be fetched frame by frame that has not arrived yet, the stream stops and the rest of the
// series comes one instance at a time (what arrived is kept, nothing is fetched twice).
// A large multi-frame instance (more than one frame, pixels over frameByFrameBytes()) from a
// back-end that fetches frames (DICOMweb) is not fetched whole: its metadata becomes its header and
// each frame is fetched when it is first shown (Dicom::DicomInstance::loadFrame), sealed in the image
// cache on its own and read from there after. The PACS is asked again only for a frame the cache
// does not hold, so the study opens from the cache with the frames seen before.
// Network I/O is asynchronous; header reading, cache I/O and crypto run on worker threads.
class FrameFetcher;

class StudyRetrieval : public QObject
{
    Q_OBJECT
public:
    enum class Origin { Cache, Pacs, Local };
    struct Outcome
    {
        Dicom::ImageSourceStatus status;
        Origin origin = Origin::Pacs;
        int instances = 0;
        bool noSource = false; // no PACS configured for this study (and not cached)
    };

    // |source| may be null (cache only); |cache| may be null (no caching).
    StudyRetrieval(const QString &studyInstanceUid, std::unique_ptr<Dicom::ImageSource> source,
                   std::shared_ptr<ImageCache> cache, QObject *parent = nullptr);
    ~StudyRetrieval() override; // cancels; waits for the DIMSE worker and the cache writer

    void start();
    void cancel();

    // Multi-frame instances whose pixels (uncompressed, as the PACS reports rows, columns, frames,
    // samples and bits) exceed this are fetched frame by frame when the back-end can. Before start().
    static constexpr qint64 DefaultFrameByFrameBytes = qint64(32) << 20;
    // A series with more instances than this (as the PACS counts them) is streamed at once, listed
    // alongside. Stacks of single-frame slices are long; the multi-frame objects worth fetching
    // frame by frame (cine, enhanced CT/MR, whole-slide) come in short series, listed first.
    static constexpr int StreamAtOnceInstances = 16;
    void setFrameByFrameBytes(qint64 bytes) { m_frameByFrameBytes = bytes; }
    qint64 frameByFrameBytes() const { return m_frameByFrameBytes; }
    // The instances opened frame by frame (SOP Instance UIDs).
    QStringList instancesFetchedByFrame() const { return m_byFrame; }

    QString studyInstanceUid() const { return m_studyUid; }
    // The instances received so far, in arrival order.
    const QList<Dicom::DicomInstancePtr> &instances() const { return m_instances; }
    int expectedInstances() const { return m_expected; } // -1 when the PACS did not say
    // DICOMweb: the SOP Instance UID of the first image: fetched first on its own, or the first of a
    // series streamed at once (empty when neither).
    QString firstInstanceUid() const { return m_firstSop; }
    bool isRunning() const { return m_running; }
    // Why the study is not kept in the image cache (empty: it is, or is being, stored).
    QString cacheError() const { return m_cacheError; }
    const Outcome &outcome() const { return m_outcome; }
    // The study's series from the headers read so far, in display order (nothing is read again).
    QList<Dicom::DicomSeries> series() const;
    // The instances without pixels that arrived (key object selections, presentation states,
    // structured reports, encapsulated PDF/CDA): for Dicom::DicomPresentationReader.
    QList<Dicom::DicomSliceRef> otherObjects() const;
    // Instances whose header could not be read (not shown).
    QStringList errors() const { return m_builder.errors(); }
    Dicom::ImageSource *source() const { return m_source.get(); }

Q_SIGNALS:
    void instanceArrived(int received);
    // DICOMweb: the first image has arrived: the slice fetched on its own (the series stream starts
    // after it), or the first instance of a series streamed at once.
    void firstInstanceArrived();
    void finished();
    // Emitted once, at most: an instance could not be stored in the image cache (|reason|: the
    // system's, e.g. no space left). The images on screen are unaffected; the study is not kept
    // for offline use (no "complete" marker).
    void cacheStoreFailed(const QString &reason);

private:
    void startNetwork();
    void retrieveFirstInstance();
    void retrieveSeries(int index);
    // A long series: its stream at once, its listing alongside (see the class comment).
    void streamAtOnce(int index);
    // Series with an instance fetched frame by frame: the rest one instance at a time, in order.
    void retrieveOneByOne(int index, QList<Dicom::InstanceRecord> queue);
    bool isFrameByFrame(const Dicom::InstanceRecord &instance) const;
    // Its metadata becomes its header; |next| runs once the header has landed (or failed).
    void openByFrame(const Dicom::SeriesRef &series, const QString &sopInstanceUid, std::function<void()> next);
    void receiveMetadata(const QJsonObject &dataset);
    Dicom::DicomInstancePtr makeInstance(const QByteArray &bytes, const Dicom::DicomDecodeResult &header, const QString &cachedName);
    // From any thread: the header is read on m_headerIo, then the instance lands on this thread.
    void receive(const QByteArray &bytes);
    struct Arrival;
    void onInstance(const Arrival &arrival);
    void landed(const Arrival &arrival);
    // Runs |next| once every instance received so far has landed.
    void whenLanded(std::function<void()> next);
    void finish(const Dicom::ImageSourceStatus &status, Origin origin);

    QString m_studyUid;
    std::unique_ptr<Dicom::ImageSource> m_source;
    std::shared_ptr<ImageCache> m_cache;
    std::unique_ptr<QTemporaryDir> m_dimseDir; // DIMSE only: files live here for a moment
    Dicom::CancelToken m_cancel;
    QList<Dicom::SeriesRecord> m_series;
    QHash<int, QList<Dicom::InstanceRecord>> m_listed; // QIDO instances of a series, by index
    QStringList m_byFrame;
    qint64 m_frameByFrameBytes = DefaultFrameByFrameBytes;
    std::shared_ptr<FrameFetcher> m_frameFetcher; // made with the first instance fetched by frame
    QList<Dicom::DicomInstancePtr> m_instances;
    QString m_firstSop;
    QString m_fetchingFirst; // the SOP asked for on its own, until it arrives
    bool m_skipFirstInStream = false;
    bool m_markFirstArrival = false;     // the next instance that arrives is the first image
    Dicom::CancelToken m_streamCancel;   // the series streamed at once (stopped to go one by one)
    int m_streamIndex = -1;              // which series is streaming at once (-1: none)
    bool m_oneByOneAfterStream = false;  // its listing named an instance to fetch frame by frame
    QSet<QString> m_receivedSops;        // every instance landed, by SOP Instance UID
    int m_expected = -1;
    bool m_running = false;
    Outcome m_outcome;
    QString m_cacheError;
    // From the cache writer's thread: the first store failure, told on this object's thread.
    void storeFailed(const QString &reason);
    // A store failed, or the retrieval was stopped before its end: no "complete" marker.
    std::shared_ptr<std::atomic_bool> m_storeFailed = std::make_shared<std::atomic_bool>(false);
    Dicom::DicomSeriesBuilder m_builder;
    std::atomic_int m_inFlight{0}; // received, header being read
    QList<std::function<void()>> m_afterLanding;
    QThreadPool m_headerIo; // one thread: headers read in arrival order
    QThreadPool m_cacheIo;  // one thread: stores in arrival order, then the "complete" marker
};

} // namespace Kakehashi::Session
