#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace Kakehashi {

// Where each Bundle entry's "resource" sits in the bytes the Bundle was parsed from, so the cache
// can keep a resource as the server sent it instead of serialising the parsed object again.
//
// |json| must be text QJsonDocument::fromJson parsed without error into a Bundle object. The
// result has one element per element of the top-level "entry" array, in order: the bytes of that
// entry's "resource" value, or a null view when the entry is not an object or has no "resource".
// Any value of a valid JSON text is a valid JSON text, so each span parses on its own into what the
// whole parse gave for that resource.
//
// std::nullopt whenever the scanner could be wrong about what Qt's parser made of the text: a
// duplicate "entry", "resource" or "resourceType" key at the levels it reads, a key written with
// escapes at those levels, no "entry" array, or anything that is not well-formed JSON. Callers then
// serialise the parsed objects as before.
std::optional<QList<QByteArrayView>> bundleEntryResourceSpans(const QByteArray &json);

} // namespace Kakehashi
