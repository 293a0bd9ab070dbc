#include "patientrecordloader.h"
#include "whenfinished.h"

#include "record/recordassembler.h"
#include "store/recordcache.h"
#include "record/recordsnapshot.h"
#include "sharingservicesource.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcRecordLoader, "kakehashi.record.loader", QtInfoMsg)

namespace Kakehashi {

PatientRecordLoader::PatientRecordLoader(Net::FhirClient *client, std::shared_ptr<RecordCache> cache, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_cache(std::move(cache))
    , m_source(new SharingServiceSource(client, m_cache, this))
{
    connect(m_source, &SharingServiceSource::finished, this, &PatientRecordLoader::onFetched);
}

PatientRecordLoader::~PatientRecordLoader() = default;

bool PatientRecordLoader::isUnreachable(const Net::FhirError &error)
{
    switch (error.kind) {
    case Net::FhirError::Kind::Network:
    case Net::FhirError::Kind::Timeout:
    case Net::FhirError::Kind::Http5xx:
        return true;
    default:
        return false;
    }
}

void PatientRecordLoader::cancel()
{
    ++m_generation;
    m_source->cancel();
    m_running = false;
}

void PatientRecordLoader::open(const QString &patientId, const Net::PurposeOfUse &purpose)
{
    cancel();
    const quint64 generation = m_generation;
    m_patientId = patientId;
    m_purpose = purpose;
    m_running = true;
    m_cached = {};
    m_cachedAt = {};
    m_hasCached = false;
    if (!m_cache) {
        startFetch({});
        return;
    }
    // Decrypting and assembling a big record takes a while: never on the GUI thread.
    whenFinished(this, QtConcurrent::run([cache = m_cache, patientId] { return readCache(cache, patientId, {}); }),
                 [this, generation](const CacheRead &read) {
            if (generation != m_generation)
                return;
            if (read.rows > 0 && read.set.find(m_patientId)) {
                m_cached = read.set;
                m_cachedAt = read.cachedAt;
                m_hasCached = true;
                Q_EMIT cachedRecordReady(read.set, read.cachedAt);
            }
            keepSnapshot(read);
            // Only what changed since the last fetch that ran to the end; everything when there was none.
            startFetch(m_hasCached ? read.since : QDateTime());
        });
}

PatientRecordLoader::CacheRead PatientRecordLoader::readCache(const std::shared_ptr<RecordCache> &cache, const QString &patientId,
                                                              const QString &incompleteReason)
{
    CacheRead out;
    out.since = cache->lastCompleteFetch(patientId);
    if (incompleteReason.isEmpty()) {
        const RecordCache::SnapshotRead stored = cache->loadSnapshot(patientId, RecordSnapshot::FormatVersion);
        if (stored.status == RecordCache::SnapshotRead::Status::Ok) {
            if (std::optional<RecordSnapshot> snapshot = RecordSnapshot::deserialize(stored.payload)) {
                out.set = std::move(snapshot->set);
                out.cachedAt = snapshot->newestFetch;
                out.rows = snapshot->resourceRows;
                out.origin = CacheRead::Origin::Snapshot;
                return out;
            }
            qCWarning(lcRecordLoader) << "the cached record snapshot could not be read; assembling from the cached resources";
        }
    }
    // Read before the rows: if a refresh stores pages meanwhile, the snapshot is refused as stale.
    out.revision = cache->revision(patientId);
    RecordAssembler assembler;
    assembler.setPreferredPatient(patientId);
    QString error;
    int bad = 0;
    const QList<CachedResource> rows = cache->load(patientId, &bad, &error);
    const QString origin = QStringLiteral("cache");
    out.rows = int(rows.size());
    if (!error.isEmpty())
        assembler.addError(error);
    for (const CachedResource &r : rows) {
        // Already parsed (and checked against its row tag) by the cache.
        assembler.addResource(r.resource, origin);
        if (!out.cachedAt.isValid() || r.fetchedAt > out.cachedAt)
            out.cachedAt = r.fetchedAt;
    }
    if (bad > 0)
        assembler.markIncomplete(tr("%n cached item(s) could not be read and were left out.", nullptr, bad));
    if (!incompleteReason.isEmpty())
        assembler.markIncomplete(incompleteReason);
    out.set = assembler.finish();
    out.snapshotWanted = out.rows > 0 && bad == 0 && error.isEmpty() && incompleteReason.isEmpty();
    return out;
}

bool PatientRecordLoader::storeSnapshot(const std::shared_ptr<RecordCache> &cache, const QString &patientId, const CacheRead &read)
{
    if (!read.snapshotWanted)
        return false;
    const QByteArray payload = RecordSnapshot{read.set, read.cachedAt, read.rows}.serialize();
    QString error;
    return !payload.isEmpty() && cache->storeSnapshot(patientId, read.revision, RecordSnapshot::FormatVersion, payload, &error);
}

void PatientRecordLoader::keepSnapshot(const CacheRead &read)
{
    // After the record is shown: serializing and sealing megabytes need not delay it.
    if (read.snapshotWanted)
        (void)QtConcurrent::run([cache = m_cache, id = m_patientId, read] { storeSnapshot(cache, id, read); });
}

void PatientRecordLoader::startFetch(const QDateTime &since)
{
    m_fetchStarted = QDateTime::currentDateTimeUtc();
    m_fetchSince = since;
    // Linked records already known from the cache are refreshed too (their Patient may not change).
    QStringList linked;
    if (const PatientRecord *cached = m_hasCached ? m_cached.find(m_patientId) : nullptr) {
        linked = cached->patient.linkedKeys;
        if (cached->patient.key != u"Patient/" + m_patientId)
            linked.prepend(cached->patient.key);
        linked.erase(std::remove_if(linked.begin(), linked.end(), [](const QString &k) { return !k.startsWith(QLatin1String("Patient/")); }),
                     linked.end());
    }
    m_source->load(m_patientId, m_purpose, since, linked);
}

void PatientRecordLoader::onFetched(const RecordSet &set, const Net::FhirError &error)
{
    const quint64 generation = m_generation;
    const bool midRecord = error.isError() && m_source->pagesReceived() > 0;
    RecordLoadOutcome outcome;
    outcome.error = error;

    if (error.isError() && !midRecord) {
        // Nothing arrived. Out of reach: the cache is all there is. Refused (403, 404…): say so, show nothing.
        if (isUnreachable(error)) {
            if (m_hasCached) {
                outcome.state = RecordLoadOutcome::State::Offline;
                outcome.cachedAt = m_cachedAt;
                finishWith(m_cached, outcome);
            } else {
                outcome.state = RecordLoadOutcome::State::Failed;
                outcome.notCached = true;
                finishWith(set, outcome);
            }
        } else {
            outcome.state = RecordLoadOutcome::State::Failed;
            finishWith(set, outcome);
        }
        return;
    }

    outcome.state = midRecord ? RecordLoadOutcome::State::Incomplete : RecordLoadOutcome::State::Fresh;
    if (!m_cache) {
        finishWith(set, outcome);
        return;
    }
    // The pages are in the cache now; re-read the whole record so the refresh and the older rows show together.
    const QString reason = midRecord ? error.message() : QString();
    const QDateTime started = m_fetchStarted;
    // The service's withheld counts of a whole-record fetch are kept with the record: a later refresh
    // asks only for what changed, and its counts cover only that.
    const PatientRecord *fetched = set.find(m_patientId);
    const bool keepWithheld = !midRecord && !m_fetchSince.isValid() && fetched;
    const QHash<QString, int> withheld = fetched ? fetched->withheldByType : QHash<QString, int>();
    const QFuture<CacheRead> stored = QtConcurrent::run([cache = m_cache, id = m_patientId, reason, started, midRecord, keepWithheld, withheld] {
        if (keepWithheld) {
            QString writeError;
            const QByteArray json = QJsonDocument(RecordAssembler::withheldCountsResource(withheld)).toJson(QJsonDocument::Compact);
            if (!cache->storeResources(id, {{QStringLiteral("OperationOutcome/kakehashi-withheld"), json, started}}, &writeError))
                qCWarning(lcRecordLoader) << "could not keep the withheld counts";
        }
        if (!midRecord) {
            QString writeError;
            if (!cache->setLastCompleteFetch(id, started, &writeError))
                qCWarning(lcRecordLoader) << "could not record the fetch time";
        }
        return readCache(cache, id, reason);
    });
    whenFinished(this, stored, [this, generation, outcome, set](const CacheRead &read) mutable {
        if (generation != m_generation)
            return;
        RecordSet shown = read.set;
        // A cache that cannot be read still leaves what the service sent.
        if (!shown.find(m_patientId) && set.find(m_patientId))
            shown = set;
        else
            RecordAssembler::carryWithheldCounts(shown, set);
        shown.warnings += set.warnings;
        // Why a facility could not be resolved was learnt while fetching; the cache re-read only knows
        // that it was not delivered. Keep the specific reason.
        if (const PatientRecord *fetchedRecord = set.find(m_patientId)) {
            QHash<QString, QString> reasons;
            for (const ClinicalItem &item : fetchedRecord->items)
                if (!item.source.unresolvedReason.isEmpty())
                    reasons.insert(item.key, item.source.unresolvedReason);
            for (PatientRecord &record : shown.patients)
                for (ClinicalItem &item : record.items)
                    if (!item.source.unresolvedReason.isEmpty() && reasons.contains(item.key))
                        item.source.unresolvedReason = reasons.value(item.key);
        }
        // After a refresh, too: a record with nothing in it is never shown as complete without a word.
        const QString empty = SharingServiceSource::emptyRecordWarning(m_patientId);
        if (const PatientRecord *r = shown.find(m_patientId); r && SharingServiceSource::isEmptyRecord(*r) && !shown.warnings.contains(empty))
            shown.warnings.append(empty);
        outcome.cachedAt = read.cachedAt;
        finishWith(shown, outcome);
        keepSnapshot(read);
    });
}

void PatientRecordLoader::finishWith(const RecordSet &set, const RecordLoadOutcome &outcome)
{
    m_running = false;
    Q_EMIT recordReady(set, outcome);
}

} // namespace Kakehashi
