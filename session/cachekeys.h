#pragma once

#include <QByteArray>

namespace Kakehashi::Session {

// The keys the local caches of one session are sealed under. The one place they are made: from the
// card (CardSession, HpkiCard::deriveCacheKey with one context each) or, without a card or when its
// key cannot derive one, at random for this session only. Held in memory only; wipe() when the
// session ends.
struct CacheKeys
{
    static constexpr int KeyBytes = 32;
    static constexpr const char *RecordCacheContext = "record-cache";
    static constexpr const char *ImageCacheContext = "image-cache";

    QByteArray record;
    QByteArray image;
    bool fromCard = false;

    bool isValid() const { return record.size() == KeyBytes && image.size() == KeyBytes; }
    // Overwrites the bytes, then empties both keys.
    void wipe();

    // Random keys for this session: a new session cannot read an old session's cache (it refetches).
    // In test mode only (QStandardPaths::isTestModeEnabled(), never set by the kakehashi program) the
    // record key may come from KAKEHASHI_TEST_CACHE_KEY so "reopen after restart" can be exercised.
    static CacheKeys forThisSessionOnly();
    static QByteArray randomKey();
};

} // namespace Kakehashi::Session
