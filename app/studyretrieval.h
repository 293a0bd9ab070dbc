#pragma once

#include "dicomseries.h"
#include "imagesource.h"

#include <QObject>
#include <QStringList>
#include <QTemporaryDir>
#include <QThreadPool>

#include <memory>

namespace Kakehashi {

class ImageCache;

// Fetches one imaging study for display: from the encrypted image cache when it holds the whole
// study, else from the PACS through an ImageSource (every series, one after the other), storing
// each instance in the cache as it arrives. The viewer gets in-memory instances: nothing
// unencrypted is written to disk by DICOMweb or the cache. A retrieved instance keeps its bytes in
// memory until it is sealed in the cache, then (like a cached one) is decrypted again each time its
// slice is decoded, one slice at a time. DIMSE back-ends write files: each is read into memory
// and removed at once from a private temporary folder (0700).
// DICOMweb fetches the middle slice of the first series on its own (QIDO-RS instances ordered by
// InstanceNumber, then WADO-RS of that instance) before streaming the rest of the series, so the
// first image is on screen early.
// Network I/O is asynchronous; cache I/O and crypto run on a worker thread.
class StudyRetrieval : public QObject
{
    Q_OBJECT
public:
    enum class Origin { Cache, Pacs };
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

    QString studyInstanceUid() const { return m_studyUid; }
    // The instances received so far, in arrival order.
    const QList<Dicom::DicomInstancePtr> &instances() const { return m_instances; }
    int expectedInstances() const { return m_expected; } // -1 when the PACS did not say
    // DICOMweb: the SOP Instance UID fetched first on its own (empty when none was).
    QString firstInstanceUid() const { return m_firstSop; }
    bool isRunning() const { return m_running; }
    const Outcome &outcome() const { return m_outcome; }
    Dicom::ImageSource *source() const { return m_source.get(); }

Q_SIGNALS:
    void instanceArrived(int received);
    // DICOMweb: the slice fetched on its own has arrived; the series stream starts after this.
    void firstInstanceArrived();
    void finished();

private:
    void startNetwork();
    void retrieveFirstInstance();
    void retrieveSeries(int index);
    void onInstance(const QByteArray &bytes);
    void finish(const Dicom::ImageSourceStatus &status, Origin origin);

    QString m_studyUid;
    std::unique_ptr<Dicom::ImageSource> m_source;
    std::shared_ptr<ImageCache> m_cache;
    std::unique_ptr<QTemporaryDir> m_dimseDir; // DIMSE only: files live here for a moment
    Dicom::CancelToken m_cancel;
    QList<Dicom::SeriesRecord> m_series;
    QList<Dicom::DicomInstancePtr> m_instances;
    QString m_firstSop;
    QString m_fetchingFirst; // the SOP asked for on its own, until it arrives
    bool m_skipFirstInStream = false;
    int m_expected = -1;
    bool m_running = false;
    Outcome m_outcome;
    std::shared_ptr<std::atomic_bool> m_storeFailed = std::make_shared<std::atomic_bool>(false);
    QThreadPool m_cacheIo; // one thread: stores in arrival order, then the "complete" marker
};

} // namespace Kakehashi
