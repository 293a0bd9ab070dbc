#pragma once

#include "record/clinicalrecord.h"
#include "net/fhirclient.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace Kakehashi {

class RecordCache;
class SharingServiceSource;

// How a patient's record came to be what is shown.
struct RecordLoadOutcome
{
    enum class State {
        Fresh,      // the service answered in full; the cache (if any) is up to date
        Offline,    // the service could not be reached: cached data only, read-only
        Incomplete, // the service failed part-way: what arrived plus what was cached, marked incomplete
        Failed,     // nothing to show: error says why (no consent, not cached while offline, …)
    };
    State state = State::Fresh;
    Net::FhirError error;  // the service error, if any
    QDateTime cachedAt;    // when the cached data shown was fetched (Offline/Incomplete from cache)
    bool notCached = false; // Failed while offline, and nothing was cached for the patient
};

// Opens one patient cache-first: what the cache holds is assembled on a worker thread and shown
// at once (stale), then the service is asked for what changed since the last complete fetch
// (`_since`); when that lands the full record is re-read from the cache. Without a cache it just
// loads from the service. No widgets.
class PatientRecordLoader : public QObject
{
    Q_OBJECT
public:
    // |cache| may be null. The client must outlive this object.
    PatientRecordLoader(Net::FhirClient *client, std::shared_ptr<RecordCache> cache, QObject *parent = nullptr);
    ~PatientRecordLoader() override;

    // Starts opening |patientId| with |purpose| (TREAT unless break-the-glass): every request of this
    // open states it, whatever else the client sends meanwhile. A running open is abandoned.
    // cachedRecordReady() may follow, then recordReady() exactly once.
    void open(const QString &patientId, const Net::PurposeOfUse &purpose);
    void cancel();
    bool isRunning() const { return m_running; }
    QString patientId() const { return m_patientId; }
    const std::shared_ptr<RecordCache> &cache() const { return m_cache; }

    // Is |error| the service being out of reach (as opposed to refusing or failing)?
    static bool isUnreachable(const Net::FhirError &error);

    // What the cache holds for one patient, as it is shown.
    struct CacheRead
    {
        enum class Origin { Resources, Snapshot };
        RecordSet set;
        QDateTime cachedAt;    // when the newest row shown was fetched
        QDateTime since;       // the last complete fetch: the `_since` of the refresh
        int rows = 0;
        Origin origin = Origin::Resources;
        qint64 revision = 0;        // of the rows the set stands for
        bool snapshotWanted = false; // assembled from every row, nothing left out: worth keeping as a snapshot
    };
    // Reads the stored snapshot of the assembled record when it is current and readable; otherwise
    // (none, stale, another format, does not decrypt or parse) assembles every cached row. Blocking:
    // call it on a worker thread. |incompleteReason| marks the result incomplete (and skips the snapshot).
    static CacheRead readCache(const std::shared_ptr<RecordCache> &cache, const QString &patientId, const QString &incompleteReason);
    // Keeps |read| as the patient's snapshot, unless the rows have changed since it was read. Blocking.
    static bool storeSnapshot(const std::shared_ptr<RecordCache> &cache, const QString &patientId, const CacheRead &read);

Q_SIGNALS:
    // The cached record, shown while the refresh runs.
    void cachedRecordReady(const Kakehashi::RecordSet &set, const QDateTime &cachedAt);
    void recordReady(const Kakehashi::RecordSet &set, const Kakehashi::RecordLoadOutcome &outcome);

private:
    void keepSnapshot(const CacheRead &read);

    void startFetch(const QDateTime &since);
    void onFetched(const RecordSet &set, const Net::FhirError &error);
    void finishWith(const RecordSet &set, const RecordLoadOutcome &outcome);

    Net::FhirClient *m_client;
    std::shared_ptr<RecordCache> m_cache;
    SharingServiceSource *m_source;
    QString m_patientId;
    Net::PurposeOfUse m_purpose;
    QDateTime m_fetchStarted;
    QDateTime m_fetchSince; // invalid: the fetch asks for the whole record
    RecordSet m_cached;
    QDateTime m_cachedAt;
    bool m_hasCached = false;
    bool m_running = false;
    quint64 m_generation = 0;
};

} // namespace Kakehashi

Q_DECLARE_METATYPE(Kakehashi::RecordLoadOutcome)
