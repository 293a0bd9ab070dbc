#pragma once

// What the narrative sanitizer's output may never hold, checked by every target whose input reaches
// a document page: no element that runs or fetches anything, no event handler, and no link or image
// other than a fragment (#…) or an inline data: image. Text is escaped, so "<" only starts a tag.
#include <QRegularExpression>
#include <QString>

namespace KakehashiFuzz {

inline void requireSafeHtml(const QString &html)
{
    const QString lower = html.toLower();
    static const QRegularExpression forbidden(QStringLiteral("<\\s*(script|iframe|object|embed|form|link|meta|base|svg|math|style)\\b"));
    static const QRegularExpression handler(QStringLiteral("<[^>]*\\son[a-z]+\\s*="));
    static const QRegularExpression remote(QStringLiteral("<[^>]*\\s(href|src|action|formaction|xlink:href)\\s*=\\s*\"(?!#|data:image/)"));
    if (forbidden.match(lower).hasMatch() || handler.match(lower).hasMatch() || remote.match(lower).hasMatch())
        qFatal("unsafe narrative output: %s", qPrintable(html.left(2000)));
}

} // namespace KakehashiFuzz
