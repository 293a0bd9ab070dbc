#include "documenthtml.h"

#include "record/narrativesanitizer.h"

#include <algorithm>

namespace Kakehashi {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

const char *kStyle = R"(
body { font-family: "IPAGothic", "IPAPGothic", sans-serif; font-size: 14px; margin: 12px; color: #1a1a1a; background: #ffffff; }
table.header { border-collapse: collapse; margin-bottom: 12px; width: 100%; }
table.header th { text-align: left; width: 8em; background: #eef3f8; padding: 3px 8px; font-weight: normal; color: #40546a; }
table.header td { padding: 3px 8px; border-bottom: 1px solid #dde5ee; }
h1 { font-size: 20px; margin: 0 0 8px 0; }
h2 { font-size: 16px; border-bottom: 2px solid #3b6ea5; margin: 16px 0 6px 0; }
h3, h4, h5, h6 { font-size: 15px; margin: 12px 0 4px 0; color: #2c4f77; }
section.section { margin-left: 0; }
section.section section.section { margin-left: 12px; }
ul.entries { color: #333; margin: 4px 0; }
p.empty { color: #777; font-style: italic; }
div.notice { background: #fff4d6; border: 1px solid #e8c870; color: #6b4a00; padding: 6px; margin-bottom: 8px; }
span.external-link { color: #555; font-size: 12px; }
.narrative table { border-collapse: collapse; }
.narrative td, .narrative th { border: 1px solid #ccd; padding: 2px 6px; }
)";

QString pageStart(const QString &title)
{
    return QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"%1\">"
                          "<meta name=\"referrer\" content=\"no-referrer\">"
                          "<title>%2</title><style>%3</style></head><body>")
        .arg(DocumentHtml::contentSecurityPolicy(), esc(title), QString::fromLatin1(kStyle));
}

struct Writer
{
    DocumentHtml::Page &page;
    qsizetype budget;
    qsizetype used = 0;

    bool fits(const QString &chunk)
    {
        const qsizetype bytes = chunk.toUtf8().size();
        if (used + bytes > budget) {
            page.truncated = true;
            return false;
        }
        used += bytes;
        return true;
    }

    QString section(const DocumentSection &s, int level)
    {
        QString out = QStringLiteral("<section class=\"section\" data-code=\"%1\">").arg(esc(s.code));
        const int h = std::min(level, 6);
        const QString title = s.title.isEmpty() ? s.codeDisplay : s.title;
        if (!title.isEmpty())
            out += QStringLiteral("<h%1>%2</h%1>").arg(h).arg(esc(title));
        if (!s.narrative.isEmpty()) {
            const NarrativeSanitizer::Result r = NarrativeSanitizer::sanitize(s.narrative);
            page.removedParts += r.removedElements + r.removedAttributes;
            if (r.malformed)
                ++page.malformedNarratives;
            if (r.truncated)
                page.truncated = true;
            out += QStringLiteral("<div class=\"narrative\">") + r.html + QStringLiteral("</div>");
        } else if (!s.emptyReason.isEmpty() && s.entries.isEmpty() && s.sections.isEmpty()) {
            out += QStringLiteral("<p class=\"empty\">%1</p>").arg(esc(DocumentHtml::tr("No content: %1").arg(s.emptyReason)));
        }
        // Entries are shown when the narrative does not already say it all (status "additional").
        if (!s.entries.isEmpty() && s.narrative.isEmpty()) {
            out += QStringLiteral("<ul class=\"entries\">");
            for (const QString &e : s.entries)
                out += QStringLiteral("<li>") + esc(e) + QStringLiteral("</li>");
            out += QStringLiteral("</ul>");
        }
        for (const DocumentSection &child : s.sections)
            out += section(child, level + 1);
        out += QStringLiteral("</section>");
        return out;
    }
};

} // namespace

QString DocumentHtml::contentSecurityPolicy()
{
    return QStringLiteral("default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'; frame-src 'none'");
}

DocumentHtml::Page DocumentHtml::render(const ClinicalDocument &document, const QString &fallbackPatientName, qsizetype maxUtf8Bytes)
{
    Page page;
    Writer writer{page, maxUtf8Bytes};
    const QString heading = document.title.isEmpty() ? document.typeDisplay : document.title;

    QString head = QStringLiteral("<h1>%1</h1><table class=\"header\">").arg(esc(heading));
    const auto row = [&](const QString &label, const QString &value) {
        if (!value.isEmpty())
            head += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>").arg(esc(label), esc(value));
    };
    QString type = document.typeDisplay;
    if (!document.typeCode.isEmpty())
        type += QStringLiteral(" (") + document.typeCode + u')';
    row(tr("Document type"), type);
    row(tr("Title"), document.title);
    row(tr("Date"), document.date.displayText());
    row(tr("Author"), document.authors.join(QStringLiteral("、")));
    row(tr("Facility", "the organisation that holds the document"), document.custodian);
    QString patient = document.patientName.isEmpty() ? fallbackPatientName : document.patientName;
    if (!document.patientDetail.isEmpty())
        patient += QStringLiteral(" (") + document.patientDetail + u')';
    row(tr("Patient"), patient);
    if (document.status == u"preliminary")
        row(tr("Status"), tr("preliminary (not final)"));
    else if (document.status == u"entered-in-error")
        row(tr("Status"), tr("entered in error — do not rely on this document"));
    head += QStringLiteral("</table>");
    writer.fits(head);

    QString body;
    if (!document.narrative.isEmpty()) {
        DocumentSection own;
        own.narrative = document.narrative;
        body += writer.section(own, 2);
    }
    for (const DocumentSection &s : document.sections) {
        const QString chunk = writer.section(s, 2);
        if (!writer.fits(chunk))
            break;
        body += chunk;
    }

    QString notices;
    if (page.removedParts > 0)
        notices += QStringLiteral("<div class=\"notice\" id=\"removed-notice\">%1</div>")
                       .arg(esc(tr("%n unsafe part(s) of this document (scripts, frames, remote content, event handlers) were removed before display.", nullptr, page.removedParts)));
    if (page.malformedNarratives > 0)
        notices += QStringLiteral("<div class=\"notice\">%1</div>")
                       .arg(esc(tr("%n section(s) were not well-formed XHTML and are shown as plain text.", nullptr, page.malformedNarratives)));
    if (page.truncated)
        notices += QStringLiteral("<div class=\"notice\" id=\"truncated-notice\">%1</div>")
                       .arg(esc(tr("This document is too large to show in full; the rest was left out.")));
    page.html = pageStart(heading) + notices + head + body + QStringLiteral("</body></html>");
    return page;
}

QString DocumentHtml::messagePage(const QString &title, const QString &text)
{
    return pageStart(title) + QStringLiteral("<h1>%1</h1><div class=\"notice\">%2</div></body></html>").arg(esc(title), esc(text));
}

} // namespace Kakehashi
