#pragma once

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
// each instance in the cache as it arrives. Instances are written in plaintext only to a private
// temporary folder (0700) that lives as long as this object, for the decoder to read.
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
    QString folder() const { return m_dir.path(); }
    QStringList paths() const { return m_paths; }
    int expectedInstances() const { return m_expected; } // -1 when the PACS did not say
    bool isRunning() const { return m_running; }
    const Outcome &outcome() const { return m_outcome; }
    Dicom::ImageSource *source() const { return m_source.get(); }

Q_SIGNALS:
    void instanceArrived(const QString &path, int received);
    void finished();

private:
    void startNetwork();
    void retrieveSeries(int index);
    void onInstance(const QString &path, const QByteArray &bytes);
    void finish(const Dicom::ImageSourceStatus &status, Origin origin);

    QString m_studyUid;
    std::unique_ptr<Dicom::ImageSource> m_source;
    std::shared_ptr<ImageCache> m_cache;
    QTemporaryDir m_dir;
    Dicom::CancelToken m_cancel;
    QList<Dicom::SeriesRecord> m_series;
    QStringList m_paths;
    int m_expected = -1;
    bool m_running = false;
    Outcome m_outcome;
    std::shared_ptr<std::atomic_bool> m_storeFailed = std::make_shared<std::atomic_bool>(false);
    QThreadPool m_cacheIo; // one thread: stores in arrival order, then the "complete" marker
};

} // namespace Kakehashi
