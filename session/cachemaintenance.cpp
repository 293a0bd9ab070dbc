#include "cachemaintenance.h"

#include "store/imagecache.h"
#include "store/recordcache.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcCacheMaintenance, "kakehashi.session.cache", QtInfoMsg)

namespace Kakehashi::Session {

QFuture<CacheMaintenance::Opened> CacheMaintenance::openRecordCache(const QString &path, const QByteArray &key, const QString &user,
                                                                    qint64 ttlSeconds, qint64 budgetBytes)
{
    return QtConcurrent::run([path, key, user, ttlSeconds, budgetBytes] {
        Opened out;
        auto cache = std::make_shared<RecordCache>(path, key, user);
        cache->setTtlSeconds(ttlSeconds);
        cache->setBudgetBytes(budgetBytes);
        if (!cache->open(&out.error)) {
            qCWarning(lcCacheMaintenance) << "record cache unavailable";
            return out;
        }
        // TTL and budget housekeeping before the first read.
        QString purgeError;
        if (cache->purgeExpired(QDateTime::currentDateTimeUtc(), &purgeError) < 0)
            qCWarning(lcCacheMaintenance) << "cache purge failed";
        out.cache = std::move(cache);
        return out;
    });
}

QFuture<CacheMaintenance::Purged> CacheMaintenance::purge(std::shared_ptr<RecordCache> records, std::shared_ptr<ImageCache> images,
                                                          bool recordsRequired)
{
    return QtConcurrent::run([records = std::move(records), images = std::move(images), recordsRequired] {
        Purged out;
        // Retrieved images go with the records.
        if (images && !images->purgeAll(&out.error)) {
            out.ok = false;
            qCWarning(lcCacheMaintenance) << "image cache purge failed";
            return out;
        }
        if (!records) {
            out.ok = !recordsRequired;
            if (recordsRequired)
                out.error = tr("There is no local cache.");
            return out;
        }
        QString sqlError;
        if (!records->purgeAll(&sqlError)) {
            out.ok = false;
            out.error = tr("The cached records could not be removed: %1").arg(sqlError);
            qCWarning(lcCacheMaintenance) << "record cache purge failed";
        }
        return out;
    });
}

} // namespace Kakehashi::Session
