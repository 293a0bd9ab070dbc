// Bundle pages → the spans the record cache keeps of each entry's resource (bundleEntryResourceSpans).
// Differential: whenever Qt parses the input and the scanner answers, every span must parse, alone,
// into exactly the resource Qt's parse gave for that entry (the viewer shows the parse, the cache
// keeps the span). On any other input the scanner must simply stop. The same for the FHIR client's
// next-link scan (JsonScan::topLevelMemberValue of "link"): its span must parse into the parse's
// "link", and "absent" only when the parse has none.
#include "fuzzcommon.h"

#include "common/jsonscan.h"
#include "store/bundlespans.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Kakehashi;

KAKEHASHI_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<QList<QByteArrayView>> spans = bundleEntryResourceSpans(json);
    const std::optional<QByteArrayView> link = JsonScan::topLevelMemberValue(json, "link");
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return 0;
    if (link) {
        const QJsonValue parsed = doc.object().value(u"link");
        if (link->isNull()) {
            if (!parsed.isUndefined())
                __builtin_trap();
        } else {
            const QJsonDocument alone = QJsonDocument::fromJson("[" + link->toByteArray() + "]");
            if (alone.isNull() || alone.array().at(0) != parsed)
                __builtin_trap();
        }
    }
    if (!spans)
        return 0;
    const QJsonArray entries = doc.object().value(u"entry").toArray();
    if (spans->size() != entries.size())
        __builtin_trap();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue resource = entries.at(i).toObject().value(u"resource");
        const QByteArrayView span = spans->at(i);
        if (span.isNull()) {
            if (!resource.isUndefined())
                __builtin_trap();
            continue;
        }
        const QJsonDocument alone = QJsonDocument::fromJson("[" + span.toByteArray() + "]");
        if (alone.isNull() || alone.array().at(0) != resource)
            __builtin_trap();
    }
    return 0;
}
