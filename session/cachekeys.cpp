#include "cachekeys.h"

#include "store/recordcache.h"

#include <QStandardPaths>

#include <cstring>

namespace Kakehashi::Session {

namespace {

void overwrite(QByteArray &bytes)
{
    if (!bytes.isEmpty()) {
        // volatile: the compiler may not drop the stores to a buffer that is about to be freed.
        volatile char *p = bytes.data();
        for (qsizetype i = 0; i < bytes.size(); ++i)
            p[i] = 0;
    }
    bytes.clear();
}

} // namespace

void CacheKeys::wipe()
{
    overwrite(record);
    overwrite(image);
    fromCard = false;
}

QByteArray CacheKeys::randomKey()
{
    static_assert(KeyBytes == RecordCache::KeyBytes, "one key size for the record and the image cache");
    return RecordCache::randomKey();
}

CacheKeys CacheKeys::forThisSessionOnly()
{
    CacheKeys keys;
    if (QStandardPaths::isTestModeEnabled()) {
        const QByteArray key = QByteArray::fromHex(qgetenv("KAKEHASHI_TEST_CACHE_KEY"));
        if (key.size() == KeyBytes)
            keys.record = key;
    }
    if (keys.record.isEmpty())
        keys.record = randomKey();
    keys.image = keys.record; // one key for both caches, as they live and die together
    return keys;
}

} // namespace Kakehashi::Session
