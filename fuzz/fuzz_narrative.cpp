// A narrative (XHTML text.div) from another facility → the sanitiser. Besides not crashing, what
// comes out must hold no script, event handler or remote reference (the sanitiser's own checks
// decide what is safe; the fuzzer makes sure its output passes them).
#include "fuzzcommon.h"
#include "safehtml.h"

#include "record/narrativesanitizer.h"

using namespace Kakehashi;

KAKEHASHI_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString xhtml = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    KakehashiFuzz::requireSafeHtml(NarrativeSanitizer::sanitize(xhtml).html);
    return 0;
}
