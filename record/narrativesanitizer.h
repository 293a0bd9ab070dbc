#pragma once

#include <QString>

namespace Kakehashi {

// Turns a FHIR narrative (XHTML text.div) from another facility into HTML that is safe to render:
// only the elements and attributes the FHIR narrative rules allow, no script, no event handlers,
// no frames, objects or forms, no links other than "#fragment", no images other than data: images,
// no style that could load anything. Whatever is removed is counted, never silently kept.
// The renderer is locked down as well (see DocumentView); this is the first of the two walls.
class NarrativeSanitizer
{
public:
    struct Result
    {
        QString html;             // safe HTML fragment (no outer div)
        int removedElements = 0;  // elements dropped with their content (script, iframe …)
        int unwrappedElements = 0;// unknown or too deeply nested elements whose text was kept
        int removedAttributes = 0;// event handlers, remote links and images, unsafe style …
        bool malformed = false;   // not well-formed XHTML: shown as plain text
        bool truncated = false;   // longer than the limit
    };

    static constexpr int kMaxDepth = 64;
    static constexpr qsizetype kMaxInputChars = 512 * 1024;

    static Result sanitize(const QString &xhtml);
    // True for an href/src this sanitizer keeps.
    static bool isSafeHref(const QString &href);
    static bool isSafeImageSource(const QString &src);
    static bool isSafeStyle(const QString &style);
};

} // namespace Kakehashi
