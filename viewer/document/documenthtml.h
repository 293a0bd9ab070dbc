#pragma once

#include "record/clinicaldocument.h"

#include <QCoreApplication>
#include <QString>

namespace Kakehashi {

// The page a clinical document is shown as: a header (type, title, date, author, facility,
// patient) and the sections with their sanitized narratives and entries, under a strict
// Content-Security-Policy. Pure string work, no widgets: the same HTML goes to either renderer.
class DocumentHtml
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::DocumentHtml)
public:
    // The policy every document page carries: nothing may load but inline style and data: images.
    static QString contentSecurityPolicy();

    struct Page
    {
        QString html;
        int removedParts = 0;     // elements and attributes the sanitizer took out
        int malformedNarratives = 0;
        bool truncated = false;   // too large: some sections were left out
    };

    // |fallbackPatientName| is shown when the document names no patient of its own.
    // |maxUtf8Bytes| bounds the page (QWebEnginePage::setHtml takes at most 2 MB).
    static Page render(const ClinicalDocument &document, const QString &fallbackPatientName = {}, qsizetype maxUtf8Bytes = 1400 * 1024);
    // A page that only says |text| (unsupported or malformed documents).
    static QString messagePage(const QString &title, const QString &text);
};

} // namespace Kakehashi
