#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QFuture>
#include <QString>

#include <memory>

namespace Kakehashi {
class ImageCache;
class RecordCache;
}

namespace Kakehashi::Session {

// Cache work that touches SQLite or the file system, always on a pool thread: the GUI thread only
// waits for the future (with a context object) and shows progress meanwhile.
struct CacheMaintenance
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::Session::CacheMaintenance)
public:
    struct Opened
    {
        std::shared_ptr<RecordCache> cache; // null when it could not be opened
        QString error;                      // translated; the viewer works without a cache
    };
    // Opens (creates, migrates) the record cache, then removes what is past its TTL or over budget.
    static QFuture<Opened> openRecordCache(const QString &path, const QByteArray &key, const QString &user, qint64 ttlSeconds,
                                           qint64 budgetBytes);

    struct Purged
    {
        bool ok = true;
        QString error; // translated
    };
    // Removes every cached record (secure delete, then VACUUM) and every retrieved image. Either cache
    // may be null. |recordsRequired|: no record cache is an error (the menu action); at sign-out it is not.
    static QFuture<Purged> purge(std::shared_ptr<RecordCache> records, std::shared_ptr<ImageCache> images, bool recordsRequired);
};

} // namespace Kakehashi::Session
