#include "bundlespans.h"

#include "common/jsonscan.h"

namespace Kakehashi {

using JsonScan::readObject;
using JsonScan::Scanner;

std::optional<QList<QByteArrayView>> bundleEntryResourceSpans(const QByteArray &json)
{
    const char *begin = json.constData();
    const char *end = begin + json.size();
    if (json.startsWith("\xEF\xBB\xBF"))
        begin += 3;
    Scanner s(begin, end);
    QList<QByteArrayView> spans;
    bool seenEntry = false;
    const bool ok = readObject(s, [&](QByteArrayView key) {
        if (key != "entry")
            return s.skipValue();
        if (seenEntry)
            return false;
        seenEntry = true;
        if (!s.take('['))
            return false;
        if (s.take(']'))
            return true;
        for (;;) {
            s.skipSpace();
            if (s.peek() == '{') {
                QByteArrayView resource;
                bool seenResource = false;
                const bool entryOk = readObject(s, [&](QByteArrayView member) {
                    if (member != "resource")
                        return s.skipValue();
                    if (seenResource)
                        return false;
                    seenResource = true;
                    s.skipSpace();
                    const char *start = s.position();
                    if (!s.skipValue())
                        return false;
                    resource = QByteArrayView(start, s.position() - start);
                    return true;
                });
                if (!entryOk)
                    return false;
                spans.append(resource);
            } else {
                if (!s.skipValue())
                    return false;
                spans.append(QByteArrayView());
            }
            if (s.take(','))
                continue;
            return s.take(']');
        }
    });
    s.skipSpace();
    if (!ok || !seenEntry || !s.atEnd())
        return std::nullopt;
    return spans;
}

} // namespace Kakehashi
