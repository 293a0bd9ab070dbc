#pragma once

#include "record/clinicalrecord.h"
#include "net/fhirclient.h"
#include "common/serialqueue.h"

#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <memory>

namespace Kakehashi {

class RecordAssembler;
class CacheWriter;
class RecordCache;

// Record source for the sharing service: runs the FHIR client for one patient and feeds every
// page to a RecordAssembler on a worker thread (pages in arrival order), writing them to the cache
// as they come. Then, before the record counts as complete:
//  1. every Patient named by Patient.link (following chains, cycle-safe, at most MaxLinkedRecords) is
//     fetched the same way, so one person's records from every facility arrive together;
//  2. references the service did not include (Organization first; Practitioner, PractitionerRole,
//     Medication, Location, Encounter) are fetched in batches (`Type?_id=a,b,c`, single reads when
//     the service refuses that), on the same origin only, with the same purpose of use, and cached
//     like the rest; what cannot be resolved is named, with the reason, never shown as a raw id.
// A failure after some pages leaves the record marked incomplete; what was cached before stays. No widgets.
class SharingServiceSource : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxLinkedRecords = 10;   // patient ids fetched for one person, the first included
    static constexpr int MaxReferenceRounds = 3;  // PractitionerRole → Organization, Encounter → Location …

    // |cache| may be null (no caching). The client must outlive this object.
    SharingServiceSource(Net::FhirClient *client, std::shared_ptr<RecordCache> cache, QObject *parent = nullptr);
    ~SharingServiceSource() override;

    // Starts loading; finished() follows once. A running load is cancelled first. Every request of the
    // load (record, linked records, references) states |purpose|. |knownLinkedIds| are ids already
    // known to belong to this person (from the cache), fetched too.
    void load(const QString &patientId, const Net::PurposeOfUse &purpose, const QDateTime &since = {},
              const QStringList &knownLinkedIds = {});
    void cancel();
    bool isRunning() const { return m_running; }
    // Bodies received by the current (or last) load: a failure after some pages is a mid-record failure.
    int pagesReceived() const { return m_pages; }
    // Patient ids fetched by the current (or last) load, the requested one first.
    QStringList fetchedPatientIds() const { return m_fetched; }

    // The types whose references are resolved before a record is complete.
    static const QStringList &referenceTypes();
    // The Patient exists but not one item, withheld or undelivered item came with it: never "complete".
    static bool isEmptyRecord(const PatientRecord &record);
    static QString emptyRecordWarning(const QString &patientId);

Q_SIGNALS:
    // |error| is the service error that ended the load, if any (the set then says what arrived).
    void finished(const Kakehashi::RecordSet &set, const Kakehashi::Net::FhirError &error);

private:
    void connectOperation(Net::FhirOperation *op);
    void startNextRecord();
    void onRecordFinished(const Net::FhirError &error);
    void startReferenceRound();
    void onReferencesFinished(const QString &type, const QStringList &ids, const Net::FhirError &error, bool single);
    void referenceOperationDone();
    void finishLoad(const Net::FhirError &error);
    void onPage(const Net::FhirPage &page);
    void setUnresolved(const QHash<QString, QString> &reasons);

    Net::FhirClient *m_client;
    std::shared_ptr<RecordCache> m_cache;
    std::shared_ptr<RecordAssembler> m_assembler;
    QPointer<Net::FhirOperation> m_operation;
    QList<QPointer<Net::FhirOperation>> m_referenceOps;
    SerialQueue m_work; // the assembler's work for this load, in order, on the pool
    std::shared_ptr<CacheWriter> m_writer; // this load's: stores its pages in order
    QString m_patientId;
    Net::PurposeOfUse m_purpose;
    QDateTime m_since;
    QDateTime m_started;
    QStringList m_fetched;        // patient ids fetched or queued
    QStringList m_queue;          // patient ids still to fetch
    QSet<QString> m_attempted;    // "Type/id" asked for already
    QHash<QString, QString> m_failed; // "Type/id" whose request failed, and how
    QSet<QString> m_unresolvedRefs;   // references (as written) already named unresolved
    QStringList m_loadWarnings;   // added to the set at the end
    Net::FhirError m_referenceError; // a transient failure while resolving references: the record is incomplete
    int m_referencePending = 0;
    int m_referenceRound = 0;
    int m_unresolvedFacilities = 0;
    int m_pages = 0;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace Kakehashi
