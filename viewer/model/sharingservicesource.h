#pragma once

#include "clinicalrecord.h"
#include "fhirclient.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QPointer>

#include <memory>

namespace Kakehashi {

class RecordAssembler;
class RecordCache;

// Record source for the sharing service: runs the FHIR client for one patient and feeds every
// page to a RecordAssembler on a worker thread (pages in arrival order), writing them to the cache
// as they come. A failure after some pages leaves the record marked incomplete; what was cached
// before stays. No widgets.
class SharingServiceSource : public QObject
{
    Q_OBJECT
public:
    // |cache| may be null (no caching). The client must outlive this object.
    SharingServiceSource(Net::FhirClient *client, std::shared_ptr<RecordCache> cache, QObject *parent = nullptr);
    ~SharingServiceSource() override;

    // Starts loading; finished() follows once. A running load is cancelled first.
    void load(const QString &patientId, const QDateTime &since = {});
    void cancel();
    bool isRunning() const { return m_operation != nullptr; }
    // Bodies received by the current (or last) load: a failure after some pages is a mid-record failure.
    int pagesReceived() const { return m_pages; }

    // What the cache holds for |patientId|, assembled. Blocking: call it on a worker thread.
    static RecordSet loadCached(const RecordCache &cache, const QString &patientId);

Q_SIGNALS:
    // |error| is the service error that ended the load, if any (the set then says what arrived).
    void finished(const Kakehashi::RecordSet &set, const Kakehashi::Net::FhirError &error);

private:
    void onPage(const Net::FhirPage &page);
    void onOperationFinished(const Net::FhirError &error);

    Net::FhirClient *m_client;
    std::shared_ptr<RecordCache> m_cache;
    std::shared_ptr<RecordAssembler> m_assembler;
    QPointer<Net::FhirOperation> m_operation;
    QFuture<void> m_tail;
    QString m_patientId;
    QDateTime m_started;
    int m_pages = 0;
};

} // namespace Kakehashi
