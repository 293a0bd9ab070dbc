#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QWidget>

class QAction;
class QBuffer;
class QLabel;
class QLineEdit;
class QListWidget;
class QPdfDocument;
template<typename T>
class QFutureWatcher;
class QImage;
class QPdfSearchModel;
class QPdfView;
class QSpinBox;

namespace Kakehashi {

// What a PDF is, checked in memory with QtPdf (pdfium): whether it opens, its page count, and
// why not. Used by the view and by --summary.
struct PdfProbe
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::PdfProbe)
public:
    static constexpr qsizetype kMaxBytes = 100 * 1024 * 1024;

    bool ok = false;
    int pages = 0;
    bool truncated = false; // opened, but the file ends before its %%EOF marker: parts may be missing
    QString error; // readable reason when not ok

    // A complete PDF ends with %%EOF (within its last KiB); a cut-off download does not.
    static bool looksTruncated(const QByteArray &bytes);

    static PdfProbe inspect(const QByteArray &bytes);
    // The reason a QtPdf load failed, in words (|errorCode| is a QPdfDocument::Error).
    static QString errorText(int errorCode);
};

// A PDF document shown from memory (a QBuffer over the bytes; nothing is written to disk):
// page navigation, zoom, fit to width, text search, copy, and a page list with thumbnails.
// QtPdf (pdfium, as built for Qt 6.4) runs no JavaScript and has no form or XFA support; QPdfView
// follows no links — and this pane also swallows mouse clicks on the page, so nothing in the file
// (links, launch actions, embedded files) can open, run or fetch anything.
class PdfDocumentPane : public QWidget
{
    Q_OBJECT
public:
    explicit PdfDocumentPane(QWidget *parent = nullptr);
    ~PdfDocumentPane() override;

    // False with a readable |error| when the bytes cannot be shown as a PDF.
    bool load(const QByteArray &bytes, QString *error);
    void clear();

    int pageCount() const;
    // The file opened although it ends early (see PdfProbe::looksTruncated): say so.
    bool isTruncated() const { return m_truncated; }
    int currentPage() const;
    void goToPage(int page);
    void nextPage();
    void previousPage();
    void zoomIn();
    void zoomOut();
    void fitWidth();
    qreal zoomFactor() const;
    bool isFitWidth() const;

    // Starts a search (results arrive page by page); searchResultCount() grows as they do.
    void search(const QString &text);
    int searchResultCount() const;
    // Jumps to the next search result; false when there is none.
    bool nextSearchResult();
    // The text of one page, and "copy": the current page's text onto the clipboard.
    QString pageText(int page) const;
    void copyPageText();

    // The QtPdf document (for printing), the view and the page list (for tests).
    QPdfDocument *document() const { return m_document; }
    QPdfView *view() const { return m_view; }
    QListWidget *pageList() const { return m_pages; }
    int thumbnailsRendered() const { return m_thumbnailsRendered; }
    int swallowedClicks() const { return m_swallowedClicks; }

Q_SIGNALS:
    void currentPageChanged(int page);
    void searchResultsChanged(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updatePageControls();
    void requestThumbnails();
    void renderNextThumbnail();
    void stopThumbnails();

    QByteArray m_bytes;
    QBuffer *m_buffer;
    QPdfDocument *m_document;
    QPdfView *m_view;
    QPdfSearchModel *m_search;
    QFutureWatcher<QImage> *m_thumbnailWatcher;
    int m_nextThumbnail = 0;
    int m_thumbnailTarget = 0;
    QListWidget *m_pages;
    QSpinBox *m_pageBox;
    QLabel *m_pageCountLabel;
    QLineEdit *m_searchEdit;
    QLabel *m_searchLabel;
    QAction *m_fitWidth;
    int m_searchIndex = -1;
    bool m_truncated = false;
    int m_thumbnailsRendered = 0;
    int m_swallowedClicks = 0;
};

} // namespace Kakehashi
