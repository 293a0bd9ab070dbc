#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QRectF>
#include <QString>
#include <QWidget>

class QAction;
class QBuffer;
class QLabel;
class QLineEdit;
class QListWidget;
class QPdfDocument;
class QPdfLink;
template<typename T>
class QFutureWatcher;
class QImage;
class QPdfSearchModel;
class QPdfView;
class QSpinBox;

namespace Kakehashi {

class PdfSearchHighlight;

// Where a QPdfView draws its pages, worked out as Qt 6.4.2's QPdfView does it
// (QPdfViewPrivate::calculateDocumentLayout in qtwebengine/src/pdfwidgets/qpdfview.cpp), which keeps
// it private: each page is its point size times the screen's logicalDotsPerInch() / 72, times the
// zoom factor (Custom) or scaled to the viewport width less the document margins (FitToWidth) or
// into the viewport (FitInView), rounded to whole pixels; MultiPage stacks all pages below the top
// margin with pageSpacing between them, SinglePage lays out the current page alone; each page is
// centred horizontally in the wider of the document and the viewport; the viewport shows the
// document from the scroll bars' values. Qt 6.4 has no public mapping (nor a search highlight) and
// this copy must follow QPdfView if Qt changes it; with Qt >= 6.6 QPdfView draws search results
// itself (setSearchModel, setCurrentSearchResultIndex) and this is used only to scroll to a match.
class PdfViewLayout
{
public:
    // |pagePoints| holds every page's QPdfDocument::pagePointSize(), read once: asking the document
    // on each repaint would wait for pdfium while a thumbnail renders.
    PdfViewLayout(const QPdfView *view, const QList<QSizeF> &pagePoints);

    // The page in viewport coordinates; empty when the page is not laid out (another page in
    // SinglePage mode, no document).
    QRect pageRect(int page) const;
    // A rectangle on |page| in points, origin top left (as QPdfLink::rectangles() and
    // QPdfLink::location()), in viewport coordinates; empty when the page is not laid out.
    QRectF mapFromPage(int page, const QRectF &points) const;

private:
    struct Page
    {
        QRect geometry; // in the document, before scrolling
        QSizeF points;
    };
    QHash<int, Page> m_pages;
    QPoint m_scroll;
};

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
    // Jumps to the next search result and scrolls it into view; false when there is none. The
    // current match is highlighted on the page, the other matches more lightly.
    bool nextSearchResult();
    // The match shown (an index into the results; -1 before the first), and a result (for tests).
    int currentSearchResult() const { return m_searchIndex; }
    QPdfLink searchResult(int index) const;
    // Where the view draws the pages now.
    PdfViewLayout viewLayout() const;
    // The text of one page, and "copy": the current page's text onto the clipboard.
    QString pageText(int page) const;
    void copyPageText();

    // The QtPdf document (for printing), the view and the page list (for tests).
    QPdfDocument *document() const { return m_document; }
    QPdfView *view() const { return m_view; }
    QListWidget *pageList() const { return m_pages; }
    int thumbnailsRendered() const { return m_thumbnailsRendered; }
    int swallowedClicks() const { return m_swallowedClicks; }
    // The transparent widget over the page that draws the search highlight (for tests).
    QWidget *searchHighlight() const;

Q_SIGNALS:
    void currentPageChanged(int page);
    void searchResultsChanged(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updatePageControls();
    void searchResultsInserted(int first, int last);
    // Scrolls so that the current match is in view (when it is not already).
    void scrollToCurrentMatch();
    // The current match's bounds in viewport coordinates; empty when there is none.
    QRectF currentMatchInViewport() const;
    bool currentMatchVisible() const;
    void requestThumbnails();
    void renderNextThumbnail();
    void stopThumbnails();

    QByteArray m_bytes;
    QList<QSizeF> m_pagePoints;
    QBuffer *m_buffer;
    QPdfDocument *m_document;
    QPdfView *m_view;
    QPdfSearchModel *m_search;
    PdfSearchHighlight *m_highlight;
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
