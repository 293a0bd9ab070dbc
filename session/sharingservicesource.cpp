#include "sharingservicesource.h"
#include "whenfinished.h"

#include "record/recordassembler.h"
#include "record/clinicalitembuilder.h"
#include "store/cachewriter.h"
#include "store/recordcache.h"

#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrent>

Q_LOGGING_CATEGORY(lcServiceSource, "kakehashi.record.service", QtInfoMsg)

namespace Kakehashi {

namespace {

QString bareId(const QString &id)
{
    return id.startsWith(QLatin1String("Patient/")) ? id.mid(8) : id;
}

// Errors that mean "this service does not do `_id` searches on that type": read one by one instead.
bool searchNotOffered(const Net::FhirError &error)
{
    using Kind = Net::FhirError::Kind;
    return error.kind == Kind::Http400 || error.kind == Kind::Http404 || error.kind == Kind::NotSupported
           || (error.kind == Kind::HttpOther && (error.httpStatus == 405 || error.httpStatus == 501));
}

// Answers that say "not this one", as opposed to the service failing.
bool refusedOrAbsent(const Net::FhirError &error)
{
    using Kind = Net::FhirError::Kind;
    return error.kind == Kind::Http403 || error.kind == Kind::Http404 || error.kind == Kind::Http410;
}

} // namespace

SharingServiceSource::SharingServiceSource(Net::FhirClient *client, std::shared_ptr<RecordCache> cache, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_cache(std::move(cache))
{
}

SharingServiceSource::~SharingServiceSource()
{
    cancel();
    // Pages already queued hold their own references to the assembler and the cache.
}

const QStringList &SharingServiceSource::referenceTypes()
{
    static const QStringList types{QStringLiteral("Organization"), QStringLiteral("PractitionerRole"), QStringLiteral("Practitioner"),
                                   QStringLiteral("Medication"),   QStringLiteral("Location"),         QStringLiteral("Encounter")};
    return types;
}

bool SharingServiceSource::isEmptyRecord(const PatientRecord &record)
{
    return !record.patient.placeholder && record.items.isEmpty() && record.withheldCount == 0 && record.undeliveredCount == 0;
}

QString SharingServiceSource::emptyRecordWarning(const QString &patientId)
{
    return tr("The sharing service returned patient %1 but no records at all (no diseases, medications, results or visits). "
              "This is not the same as \"nothing recorded\": the service or the search may have failed. Ask the service or "
              "check another way.")
        .arg(patientId);
}

void SharingServiceSource::load(const QString &patientId, const Net::PurposeOfUse &purpose, const QDateTime &since,
                                const QStringList &knownLinkedIds)
{
    cancel();
    m_running = true;
    m_patientId = patientId;
    m_purpose = purpose;
    m_since = since;
    m_started = QDateTime::currentDateTimeUtc();
    m_pages = 0;
    m_fetched = {bareId(patientId)};
    for (const QString &id : knownLinkedIds)
        if (!m_fetched.contains(bareId(id)) && m_fetched.size() < MaxLinkedRecords)
            m_fetched.append(bareId(id));
    m_queue = m_fetched;
    m_attempted.clear();
    m_failed.clear();
    m_unresolvedRefs.clear();
    m_loadWarnings.clear();
    m_referenceError = {};
    m_referencePending = 0;
    m_referenceRound = 0;
    m_unresolvedFacilities = 0;
    m_assembler = std::make_shared<RecordAssembler>();
    m_assembler->setPreferredPatient(bareId(patientId));
    m_assembler->setCollectReferencesAsAdded(true); // while pages come: missingReferences() runs after the last
    m_writer = m_cache ? std::make_shared<CacheWriter>(m_cache, m_patientId, m_started) : nullptr;
    m_work = SerialQueue(); // this load's own: what an earlier load still has queued runs beside it
    startNextRecord();
}

void SharingServiceSource::cancel()
{
    ++m_generation;
    m_running = false;
    QList<QPointer<Net::FhirOperation>> ops = std::exchange(m_referenceOps, {});
    if (m_operation)
        ops.append(m_operation);
    m_operation = nullptr;
    for (const QPointer<Net::FhirOperation> &op : std::as_const(ops)) {
        if (!op)
            continue;
        QObject::disconnect(op, nullptr, this, nullptr);
        op->cancel();
    }
}

void SharingServiceSource::connectOperation(Net::FhirOperation *op)
{
    connect(op, &Net::FhirOperation::pageReceived, this, &SharingServiceSource::onPage);
}

void SharingServiceSource::startNextRecord()
{
    const QString id = m_queue.takeFirst();
    m_operation = m_client->fetchRecord(id, m_purpose, m_since);
    connectOperation(m_operation);
    connect(m_operation, &Net::FhirOperation::finished, this, &SharingServiceSource::onRecordFinished);
}

void SharingServiceSource::onPage(const Net::FhirPage &page)
{
    if (!m_assembler)
        return; // the load has finished (or not begun): nothing to add this to
    ++m_pages;
    // Serialised: each page is parsed after the previous one, on a pool thread; the cache writer then
    // stores it on another while the next page is parsed.
    m_work.run([assembler = m_assembler, writer = m_writer, page] {
        // Parsed once (by the FHIR client, which checked it): the cache stores the resources of the
        // object the assembler read, each as the page's bytes hold it.
        const QString origin = page.origin.toString(QUrl::RemoveUserInfo);
        QJsonObject parsed = page.parsed;
        if (parsed.isEmpty())
            assembler->addJson(page.json, origin, &parsed);
        else if (!assembler->addParsed(parsed, origin) && parsed.value(u"resourceType").toString().isEmpty())
            parsed = QJsonObject(); // not a FHIR resource: not cached (as addJson hands back)
        if (writer && !parsed.isEmpty())
            writer->enqueue(parsed, page.json);
    });
}

void SharingServiceSource::onRecordFinished(const Net::FhirError &error)
{
    m_operation = nullptr;
    if (error.isError()) {
        finishLoad(error);
        return;
    }
    // Which other Patient ids does what arrived link to? (Chains: each fetched record may add more.)
    const quint64 generation = m_generation;
    whenFinished(this, m_work.run([assembler = m_assembler] { return assembler->linkedPatientIds(); }),
        [this, generation](const QStringList &linked) {
            if (generation != m_generation)
                return;
            bool overflow = false;
            for (const QString &id : linked) {
                if (m_fetched.contains(id))
                    continue; // cycles end here
                if (m_fetched.size() >= MaxLinkedRecords) {
                    overflow = true;
                    continue;
                }
                m_fetched.append(id);
                m_queue.append(id);
            }
            if (overflow) {
                const QString message = tr("This person has more than %n linked patient records; only the first %n were fetched.",
                                           nullptr, MaxLinkedRecords);
                m_work.run([assembler = m_assembler, message] { assembler->markIncomplete(message); });
            }
            if (!m_queue.isEmpty())
                startNextRecord();
            else
                startReferenceRound();
        });
}

void SharingServiceSource::setUnresolved(const QHash<QString, QString> &reasons)
{
    if (reasons.isEmpty())
        return;
    m_work.run([assembler = m_assembler, reasons] {
        for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
            assembler->setUnresolvedReference(it.key(), it.value());
    });
}

void SharingServiceSource::startReferenceRound()
{
    // Rounds 1…MaxReferenceRounds fetch; the round after that only names what is still missing.
    ++m_referenceRound;
    const quint64 generation = m_generation;
    whenFinished(this, m_work.run([assembler = m_assembler] { return assembler->missingReferences(referenceTypes()); }),
        [this, generation](const QStringList &missing) {
            if (generation != m_generation)
                return;
            QHash<QString, QString> unresolved;
            QMap<QString, QStringList> idsByType;
            for (const QString &ref : missing) {
                const QString key = m_client->serviceKeyFor(ref);
                const QString type = key.isEmpty() ? RecordAssembler::referenceKey(ref).section(u'/', 0, 0) : key.section(u'/', 0, 0);
                QString reason;
                if (key.isEmpty()) {
                    if (ref.startsWith(QLatin1String("urn:")))
                        reason = tr("%1 points into a Bundle that did not contain it.").arg(ref);
                    else if (QUrl(ref).isRelative())
                        reason = tr("%1 is not a reference the viewer can follow.").arg(ref);
                    else
                        reason = tr("%1 is on another server (%2); only the sharing service itself is asked.").arg(
                            RecordAssembler::referenceKey(ref), QUrl(ref).host());
                } else if (m_attempted.contains(key)) {
                    reason = m_failed.value(key);
                    if (reason.isEmpty())
                        reason = tr("The sharing service did not return %1 when asked for it.").arg(key);
                } else if (m_referenceRound > MaxReferenceRounds) {
                    reason = tr("%1 was not fetched: references nested too deeply.").arg(key);
                } else {
                    m_attempted.insert(key);
                    idsByType[type].append(key.section(u'/', 1));
                    continue;
                }
                if (m_unresolvedRefs.contains(ref))
                    continue; // named in an earlier round
                m_unresolvedRefs.insert(ref);
                unresolved.insert(ref, reason);
                if (type == u"Organization" || type == u"PractitionerRole")
                    ++m_unresolvedFacilities;
            }
            setUnresolved(unresolved);
            if (idsByType.isEmpty()) {
                finishLoad(m_referenceError);
                return;
            }
            for (auto it = idsByType.cbegin(); it != idsByType.cend(); ++it) {
                const QString type = it.key();
                const QStringList ids = it.value();
                Net::FhirOperation *op = m_client->searchByIds(type, ids, m_purpose);
                m_referenceOps.append(op);
                ++m_referencePending;
                connectOperation(op);
                connect(op, &Net::FhirOperation::finished, this,
                        [this, type, ids](const Net::FhirError &error) { onReferencesFinished(type, ids, error, false); });
            }
        });
}

void SharingServiceSource::onReferencesFinished(const QString &type, const QStringList &ids, const Net::FhirError &error, bool single)
{
    if (error.isError() && !single && searchNotOffered(error)) {
        // No `_id` search here: read them one by one.
        for (const QString &id : ids) {
            Net::FhirOperation *op = m_client->get(m_client->resolve(type + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(id))), m_purpose);
            m_referenceOps.append(op);
            ++m_referencePending;
            connectOperation(op);
            connect(op, &Net::FhirOperation::finished, this,
                    [this, type, id](const Net::FhirError &e) { onReferencesFinished(type, {id}, e, true); });
        }
    } else if (error.isError()) {
        for (const QString &id : ids)
            m_failed.insert(type + u'/' + id, tr("Asking the sharing service for %1 failed: %2").arg(type + u'/' + id, error.message()));
        if (!refusedOrAbsent(error) && !m_referenceError.isError())
            m_referenceError = error; // the service failed: the record is not complete
    }
    referenceOperationDone();
}

void SharingServiceSource::referenceOperationDone()
{
    if (--m_referencePending > 0)
        return;
    m_referenceOps.clear();
    startReferenceRound();
}

void SharingServiceSource::finishLoad(const Net::FhirError &error)
{
    m_operation = nullptr;
    const int pages = m_pages;
    const QString message = error.message();
    const QString patientId = m_patientId;
    const bool fullFetch = !m_since.isValid();
    QStringList warnings = m_loadWarnings;
    if (m_unresolvedFacilities > 0)
        warnings.append(tr("%n facility reference(s) could not be resolved; those items are shown as \"%1\" with the reason in their details.",
                           nullptr, m_unresolvedFacilities)
                            .arg(ClinicalItemBuilder::unresolvedFacilityName()));
    const quint64 generation = m_generation;
    using Assembled = std::pair<RecordSet, QFuture<QStringList>>;
    const QFuture<Assembled> assembled = m_work.run(
        [assembler = m_assembler, writer = m_writer, error, pages, message, patientId, fullFetch, warnings] {
              // Every page is parsed and queued for the cache by now; the last ones are stored while
              // the record is assembled.
              QFuture<QStringList> stored = writer ? writer->drained() : QtFuture::makeReadyFuture(QStringList());
              for (const QString &w : warnings)
                  assembler->addWarning(w);
              if (error.isError()) {
                  if (pages > 0)
                      assembler->markIncomplete(message);
                  else
                      assembler->addError(message);
              }
              RecordSet set = assembler->finish();
              // A full fetch that brought the Patient and nothing else is not a complete record.
              if (!error.isError() && fullFetch)
                  if (const PatientRecord *record = set.find(patientId); record && isEmptyRecord(*record))
                      set.warnings.append(emptyRecordWarning(patientId));
              return Assembled(std::move(set), std::move(stored));
          });
    // The finish job holds the last references: the parsed pages are freed on its pool thread once
    // the record is assembled, not on this one (25 MB of JSON objects take a tenth of a second).
    m_assembler.reset();
    m_writer.reset();
    whenFinished(this, assembled, [this, error, generation](const Assembled &result) {
        if (generation != m_generation)
            return;
        // Finished once the cache holds what was shown (or says why it does not).
        whenFinished(this, result.second, [this, error, generation, set = result.first](const QStringList &cacheErrors) mutable {
            if (generation != m_generation)
                return;
            if (!cacheErrors.isEmpty())
                qCWarning(lcServiceSource) << "cache write failed";
            set.warnings.append(cacheErrors);
            m_running = false;
            Q_EMIT finished(set, error);
        });
    });
}

} // namespace Kakehashi
