#include "narrativesanitizer.h"

#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

namespace Kakehashi {

namespace {

const QSet<QString> &allowedElements()
{
    static const QSet<QString> names{
        QStringLiteral("a"), QStringLiteral("abbr"), QStringLiteral("acronym"), QStringLiteral("address"),
        QStringLiteral("b"), QStringLiteral("bdi"), QStringLiteral("bdo"), QStringLiteral("big"),
        QStringLiteral("blockquote"), QStringLiteral("br"), QStringLiteral("caption"), QStringLiteral("center"),
        QStringLiteral("cite"), QStringLiteral("code"), QStringLiteral("col"), QStringLiteral("colgroup"),
        QStringLiteral("dd"), QStringLiteral("del"), QStringLiteral("dfn"), QStringLiteral("div"),
        QStringLiteral("dl"), QStringLiteral("dt"), QStringLiteral("em"), QStringLiteral("figcaption"),
        QStringLiteral("figure"), QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"),
        QStringLiteral("h4"), QStringLiteral("h5"), QStringLiteral("h6"), QStringLiteral("hr"),
        QStringLiteral("i"), QStringLiteral("img"), QStringLiteral("ins"), QStringLiteral("kbd"),
        QStringLiteral("li"), QStringLiteral("ol"), QStringLiteral("p"), QStringLiteral("pre"),
        QStringLiteral("q"), QStringLiteral("s"), QStringLiteral("samp"), QStringLiteral("small"),
        QStringLiteral("span"), QStringLiteral("strike"), QStringLiteral("strong"), QStringLiteral("sub"),
        QStringLiteral("sup"), QStringLiteral("table"), QStringLiteral("tbody"), QStringLiteral("td"),
        QStringLiteral("tfoot"), QStringLiteral("th"), QStringLiteral("thead"), QStringLiteral("tr"),
        QStringLiteral("tt"), QStringLiteral("u"), QStringLiteral("ul"), QStringLiteral("var"),
        QStringLiteral("wbr"),
    };
    return names;
}

// Dropped together with everything inside them: active content, frames, forms, document-level
// elements (meta refresh, base, link) and foreign markup.
const QSet<QString> &droppedElements()
{
    static const QSet<QString> names{
        QStringLiteral("script"), QStringLiteral("style"), QStringLiteral("iframe"), QStringLiteral("frame"),
        QStringLiteral("frameset"), QStringLiteral("object"), QStringLiteral("embed"), QStringLiteral("applet"),
        QStringLiteral("form"), QStringLiteral("input"), QStringLiteral("button"), QStringLiteral("select"),
        QStringLiteral("textarea"), QStringLiteral("option"), QStringLiteral("head"), QStringLiteral("title"),
        QStringLiteral("meta"), QStringLiteral("link"), QStringLiteral("base"), QStringLiteral("noscript"),
        QStringLiteral("template"), QStringLiteral("svg"), QStringLiteral("math"), QStringLiteral("audio"),
        QStringLiteral("video"), QStringLiteral("source"), QStringLiteral("track"), QStringLiteral("canvas"),
        QStringLiteral("param"), QStringLiteral("portal"), QStringLiteral("dialog"), QStringLiteral("map"),
        QStringLiteral("area"), QStringLiteral("picture"), QStringLiteral("slot"),
    };
    return names;
}

const QSet<QString> &allowedAttributes()
{
    static const QSet<QString> names{
        QStringLiteral("id"), QStringLiteral("class"), QStringLiteral("title"), QStringLiteral("lang"),
        QStringLiteral("dir"), QStringLiteral("colspan"), QStringLiteral("rowspan"), QStringLiteral("align"),
        QStringLiteral("valign"), QStringLiteral("width"), QStringLiteral("height"), QStringLiteral("border"),
        QStringLiteral("cellpadding"), QStringLiteral("cellspacing"), QStringLiteral("alt"), QStringLiteral("headers"),
        QStringLiteral("scope"), QStringLiteral("abbr"), QStringLiteral("span"), QStringLiteral("summary"),
        QStringLiteral("start"), QStringLiteral("value"), QStringLiteral("name"),
    };
    return names;
}

bool isVoid(const QString &name)
{
    return name == u"br" || name == u"hr" || name == u"img" || name == u"col" || name == u"wbr";
}

QString escaped(QStringView text)
{
    return text.toString().toHtmlEscaped();
}

enum class Kept { Element, Unwrapped };

struct Frame
{
    QString name;
    Kept kept;
    QString shownUrl; // an external link target, written as text after the link
};

NarrativeSanitizer::Result plainTextFallback(const QString &input)
{
    // Not XML: keep only the text, everything escaped.
    static const QRegularExpression activeBlocks(QStringLiteral("<(script|style|iframe|object|template)\\b.*?</\\1\\s*>"),
                                                 QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>?"));
    QString text = input.left(NarrativeSanitizer::kMaxInputChars);
    text.remove(activeBlocks);
    text.replace(tags, QStringLiteral(" "));
    NarrativeSanitizer::Result r;
    r.malformed = true;
    r.truncated = input.size() > NarrativeSanitizer::kMaxInputChars;
    r.html = QStringLiteral("<p class=\"plain\">") + text.simplified().toHtmlEscaped() + QStringLiteral("</p>");
    return r;
}

} // namespace

bool NarrativeSanitizer::isSafeHref(const QString &href)
{
    const QString h = href.trimmed();
    if (!h.startsWith(u'#') || h.size() > 256)
        return false;
    for (QChar c : h)
        if (c.isSpace() || c == u'"' || c == u'\'' || c == u'<' || c == u'>' || c == u'\\' || c == u':')
            return false;
    return true;
}

bool NarrativeSanitizer::isSafeImageSource(const QString &src)
{
    static const QRegularExpression dataImage(QStringLiteral("^data:image/(png|jpeg|jpg|gif|webp);base64,[A-Za-z0-9+/=\\s]+$"));
    return dataImage.match(src.trimmed()).hasMatch();
}

bool NarrativeSanitizer::isSafeStyle(const QString &style)
{
    const QString s = style.toLower();
    // Anything that can fetch, run or move content over the viewer's own header.
    static const QStringList forbidden{QStringLiteral("url("), QStringLiteral("image-set"), QStringLiteral("expression"),
                                       QStringLiteral("@import"), QStringLiteral("\\"), QStringLiteral("javascript"),
                                       QStringLiteral("behavior"), QStringLiteral("binding"), QStringLiteral("<"),
                                       QStringLiteral("position"), QStringLiteral("src("), QStringLiteral("&"),
                                       QStringLiteral("/*")};
    for (const QString &f : forbidden)
        if (s.contains(f))
            return false;
    return true;
}

NarrativeSanitizer::Result NarrativeSanitizer::sanitize(const QString &xhtml)
{
    Result result;
    QString input = xhtml;
    // HTML's most common named entity is not XML's; the rest make the narrative malformed.
    input.replace(QStringLiteral("&nbsp;"), QStringLiteral("&#160;"));
    static const QRegularExpression xmlDecl(QStringLiteral("^\\s*<\\?xml[^>]*\\?>"));
    input.remove(xmlDecl);

    QXmlStreamReader reader(QStringLiteral("<kakehashi-narrative>") + input + QStringLiteral("</kakehashi-narrative>"));
    QString out;
    QList<Frame> stack;
    int keptDepth = 0;
    int dropDepth = 0;
    bool wrapper = true;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (out.size() > kMaxInputChars) {
            result.truncated = true;
            break;
        }
        switch (token) {
        case QXmlStreamReader::StartElement: {
            if (wrapper) {
                wrapper = false;
                continue;
            }
            if (dropDepth > 0) {
                ++dropDepth;
                continue;
            }
            const QString name = reader.name().toString().toLower();
            const QStringView ns = reader.namespaceUri();
            if ((!ns.isEmpty() && ns != u"http://www.w3.org/1999/xhtml") || droppedElements().contains(name)) {
                ++result.removedElements;
                dropDepth = 1;
                continue;
            }
            if (!allowedElements().contains(name) || keptDepth >= kMaxDepth) {
                ++result.unwrappedElements;
                stack.append({name, Kept::Unwrapped, {}});
                continue;
            }
            Frame frame{name, Kept::Element, {}};
            out += u'<' + name;
            for (const QXmlStreamAttribute &attribute : reader.attributes()) {
                QString attr = attribute.qualifiedName().toString().toLower();
                QString value = attribute.value().toString();
                if (attr == u"xml:lang")
                    attr = QStringLiteral("lang");
                bool keep = false;
                // A link or image is written as it was checked, trimmed. The checks trim Unicode spaces
                // (U+0085, U+00A0 ...) but a browser strips only ASCII ones around a URL: "\u0085#s1"
                // kept untrimmed would be a relative URL, not a fragment (found by fuzz_narrative).
                if (attr == u"href" && name == u"a") {
                    value = value.trimmed();
                    keep = isSafeHref(value);
                    const QString lower = value.toLower();
                    if (!keep && (lower.startsWith(QLatin1String("http://")) || lower.startsWith(QLatin1String("https://"))))
                        frame.shownUrl = value;
                } else if (attr == u"src" && name == u"img") {
                    value = value.trimmed();
                    keep = isSafeImageSource(value);
                } else if (attr == u"style") {
                    keep = isSafeStyle(value);
                } else {
                    keep = allowedAttributes().contains(attr) && !attr.startsWith(QLatin1String("on"));
                }
                if (!keep) {
                    ++result.removedAttributes;
                    continue;
                }
                out += u' ' + attr + QStringLiteral("=\"") + escaped(value) + u'"';
            }
            out += u'>';
            ++keptDepth;
            stack.append(frame);
            break;
        }
        case QXmlStreamReader::EndElement: {
            if (dropDepth > 0) {
                --dropDepth;
                continue;
            }
            if (stack.isEmpty())
                continue; // the wrapper
            const Frame frame = stack.takeLast();
            if (frame.kept == Kept::Unwrapped)
                continue;
            --keptDepth;
            if (!isVoid(frame.name))
                out += QStringLiteral("</") + frame.name + u'>';
            if (!frame.shownUrl.isEmpty())
                out += QStringLiteral(" <span class=\"external-link\">(") + escaped(frame.shownUrl) + QStringLiteral(")</span>");
            break;
        }
        case QXmlStreamReader::Characters:
        case QXmlStreamReader::EntityReference:
            if (dropDepth == 0)
                out += escaped(reader.text());
            break;
        default:
            break; // comments, processing instructions, DTDs
        }
    }
    if (reader.hasError() && !result.truncated)
        return plainTextFallback(xhtml);
    // Close what a truncation left open.
    while (!stack.isEmpty()) {
        const Frame frame = stack.takeLast();
        if (frame.kept == Kept::Element && !isVoid(frame.name))
            out += QStringLiteral("</") + frame.name + u'>';
    }
    result.html = out;
    return result;
}

} // namespace Kakehashi
