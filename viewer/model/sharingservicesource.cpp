#include "sharingservicesource.h"

#include "recordassembler.h"
#include "recordcache.h"

#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrent>

Q_LOGGING_CATEGORY(lcServiceSource, "kakehashi.record.service", QtInfoMsg)

namespace Kakehashi {

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

void SharingServiceSource::load(const QString &patientId, const QDateTime &since)
{
    cancel();
    m_patientId = patientId;
    m_started = QDateTime::currentDateTimeUtc();
    m_pages = 0;
    m_assembler = std::make_shared<RecordAssembler>();
    m_tail = QtFuture::makeReadyFuture();
    m_operation = m_client->fetchRecord(patientId, since);
    connect(m_operation, &Net::FhirOperation::pageReceived, this, &SharingServiceSource::onPage);
    connect(m_operation, &Net::FhirOperation::finished, this, &SharingServiceSource::onOperationFinished);
}

void SharingServiceSource::cancel()
{
    if (m_operation) {
        Net::FhirOperation *op = m_operation;
        m_operation = nullptr;
        QObject::disconnect(op, nullptr, this, nullptr);
        op->cancel();
    }
}

void SharingServiceSource::onPage(const Net::FhirPage &page)
{
    ++m_pages;
    // Serialised: each page is parsed after the previous one, on a pool thread.
    m_tail = m_tail.then(QtFuture::Launch::Async, [assembler = m_assembler, cache = m_cache, page, id = m_patientId, at = m_started] {
        assembler->addJson(page.json, page.origin.toString(QUrl::RemoveUserInfo));
        if (cache) {
            QString error;
            if (!cache->storeJson(id, page.json, at, &error)) {
                assembler->addWarning(error);
                qCWarning(lcServiceSource) << "cache write failed";
            }
        }
    });
}

void SharingServiceSource::onOperationFinished(const Net::FhirError &error)
{
    m_operation = nullptr;
    const int pages = m_pages;
    QString message = error.message();
    m_tail.then(QtFuture::Launch::Async, [assembler = m_assembler, error, pages, message] {
              if (error.isError()) {
                  if (pages > 0)
                      assembler->markIncomplete(message);
                  else
                      assembler->addError(message);
              }
              return assembler->finish();
          })
        .then(this, [this, error](const RecordSet &set) { Q_EMIT finished(set, error); });
}

RecordSet SharingServiceSource::loadCached(const RecordCache &cache, const QString &patientId)
{
    RecordAssembler assembler;
    QString error;
    int bad = 0;
    const QList<CachedResource> rows = cache.load(patientId, &bad, &error);
    if (!error.isEmpty())
        assembler.addError(error);
    for (const CachedResource &r : rows)
        assembler.addJson(r.json, QStringLiteral("cache"));
    if (bad > 0)
        assembler.markIncomplete(tr("%n cached item(s) could not be read and were left out.", nullptr, bad));
    return assembler.finish();
}

} // namespace Kakehashi
