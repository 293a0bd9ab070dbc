// A narrative (XHTML text.div) from another facility → the sanitiser. Besides not crashing, what
// comes out must hold no script, event handler or remote reference (the sanitiser's own checks
// decide what is safe; the fuzzer makes sure its output passes them).
#include "fuzzcommon.h"

#include "record/narrativesanitizer.h"

#include <QRegularExpression>

using namespace Kakehashi;

KAKEHASHI_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString xhtml = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const NarrativeSanitizer::Result result = NarrativeSanitizer::sanitize(xhtml);
    const QString lower = result.html.toLower();
    // Elements that run or fetch anything never survive (text is escaped: "<" only starts a tag).
    static const QRegularExpression forbidden(QStringLiteral("<\\s*(script|iframe|object|embed|form|link|meta|base|svg|math|style)\\b"));
    static const QRegularExpression handler(QStringLiteral("<[^>]*\\son[a-z]+\\s*="));
    static const QRegularExpression remote(QStringLiteral("<[^>]*\\s(href|src|action|formaction|xlink:href)\\s*=\\s*\"(?!#|data:image/)"));
    if (forbidden.match(lower).hasMatch() || handler.match(lower).hasMatch() || remote.match(lower).hasMatch()) {
        qFatal("unsafe narrative output: %s", qPrintable(result.html.left(2000)));
    }
    return 0;
}
