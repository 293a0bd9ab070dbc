#include "pdfdocumentpane.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QEvent>
#include <QFutureWatcher>
#include <QtConcurrent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPaintEvent>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfSearchModel>
#include <QPdfSelection>
#include <QPdfView>
#include <QScreen>
#include <QScrollBar>
#include <QSpinBox>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace Kakehashi {

namespace {

constexpr int kMaxThumbnails = 200;
constexpr QSize kThumbnailSize(96, 128);
constexpr qreal kZoomStep = 1.25;
constexpr qreal kMinZoom = 0.1;
constexpr qreal kMaxZoom = 8.0;
// QPdfView takes the page crossing this fraction of the viewport's height as the current one; a
// match scrolled to there keeps its own page current.
constexpr qreal kCurrentPageLine = 0.4;
// The current match: amber, framed; the other matches: a lighter yellow. Both let the text show.
constexpr QColor kCurrentMatchFill(255, 140, 0, 110);
constexpr QColor kCurrentMatchFrame(230, 110, 0);
constexpr QColor kOtherMatchFill(255, 220, 0, 70);
// Around the glyphs, in points.
constexpr qreal kMatchPadding = 1.0;

// pdfium gives a match as one tight box per glyph (or run); shown as one box per line of text.
QList<QRectF> lineBoxes(const QList<QRectF> &glyphs)
{
    QList<QRectF> lines;
    for (const QRectF &glyph : glyphs) {
        const auto line = std::find_if(lines.begin(), lines.end(), [&glyph](const QRectF &l) {
            return glyph.center().y() >= l.top() && glyph.center().y() <= l.bottom();
        });
        if (line != lines.end())
            *line |= glyph;
        else
            lines.append(glyph);
    }
    for (QRectF &line : lines)
        line.adjust(-kMatchPadding, -kMatchPadding, kMatchPadding, kMatchPadding);
    return lines;
}

} // namespace

// The search matches drawn over the pages: a transparent widget on QPdfView's viewport that mouse
// clicks pass through. It lays the pages out anew on each paint, and the viewport repaints (with
// its children) whenever QPdfView scrolls, zooms or draws a page, so the highlight follows them.
class PdfSearchHighlight : public QWidget
{
public:
    struct Match
    {
        int page = -1;
        QList<QRectF> rects; // one a line, in points
    };

    PdfSearchHighlight(QPdfView *view, const QList<QSizeF> *pagePoints)
        : QWidget(view->viewport())
        , m_view(view)
        , m_pagePoints(pagePoints)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setFocusPolicy(Qt::NoFocus);
        setGeometry(view->viewport()->rect());
    }

    QList<Match> matches; // in the order of the search results
    int current = -1;

protected:
    void paintEvent(QPaintEvent *event) override
    {
        if (matches.isEmpty())
            return;
        const PdfViewLayout layout(m_view, *m_pagePoints);
        QPainter painter(this);
        for (qsizetype i = 0; i < matches.size(); ++i) {
            const Match &match = matches.at(i);
            if (!layout.pageRect(match.page).intersects(event->rect()))
                continue;
            for (const QRectF &points : match.rects) {
                const QRectF rect = layout.mapFromPage(match.page, points);
                if (i != current) {
                    painter.fillRect(rect, kOtherMatchFill);
                    continue;
                }
                painter.fillRect(rect, kCurrentMatchFill);
                painter.setPen(QPen(kCurrentMatchFrame, 2));
                painter.drawRect(rect.adjusted(-1, -1, 1, 1));
            }
        }
    }

private:
    QPdfView *m_view;
    const QList<QSizeF> *m_pagePoints;
};

PdfViewLayout::PdfViewLayout(const QPdfView *view, const QList<QSizeF> &pagePoints)
    : m_scroll(view->horizontalScrollBar()->value(), view->verticalScrollBar()->value())
{
    const QPdfDocument *document = view->document();
    if (!document || document->status() != QPdfDocument::Status::Ready)
        return;
    // QPdfView reads the primary screen's resolution once, when it is made.
    const QScreen *screen = QGuiApplication::primaryScreen();
    const qreal resolution = screen ? screen->logicalDotsPerInch() / 72.0 : 1.0;
    const QMargins margins = view->documentMargins();
    const QSize viewport = view->viewport()->size();
    const bool single = view->pageMode() == QPdfView::PageMode::SinglePage;
    const int first = single ? view->pageNavigator()->currentPage() : 0;
    const int end = std::min<int>(single ? first + 1 : document->pageCount(), pagePoints.size());
    int totalWidth = 0;
    for (int page = first; page < end; ++page) {
        const QSizeF points = pagePoints.at(page);
        QSize size = QSizeF(points * resolution).toSize();
        switch (view->zoomMode()) {
        case QPdfView::ZoomMode::Custom:
            size = QSizeF(points * resolution * view->zoomFactor()).toSize();
            break;
        case QPdfView::ZoomMode::FitToWidth:
            if (size.width() > 0)
                size *= qreal(viewport.width() - margins.left() - margins.right()) / qreal(size.width());
            break;
        case QPdfView::ZoomMode::FitInView:
            size = size.scaled(viewport - QSize(margins.left() + margins.right(), view->pageSpacing()), Qt::KeepAspectRatio);
            break;
        }
        totalWidth = std::max(totalWidth, size.width());
        m_pages.insert(page, {QRect(QPoint(), size), points});
    }
    totalWidth += margins.left() + margins.right();
    int y = margins.top();
    for (int page = first; page < end; ++page) {
        QRect &geometry = m_pages[page].geometry;
        geometry.moveTopLeft(QPoint((std::max(totalWidth, viewport.width()) - geometry.width()) / 2, y));
        y += geometry.height() + view->pageSpacing();
    }
}

QRect PdfViewLayout::pageRect(int page) const
{
    return m_pages.value(page).geometry.translated(-m_scroll);
}

QRectF PdfViewLayout::mapFromPage(int page, const QRectF &points) const
{
    const auto it = m_pages.constFind(page);
    if (it == m_pages.cend() || it->points.isEmpty())
        return {};
    // QPdfView draws the page's image stretched over its whole (rounded) rectangle.
    const QRect geometry = it->geometry.translated(-m_scroll);
    const qreal sx = geometry.width() / it->points.width();
    const qreal sy = geometry.height() / it->points.height();
    return QRectF(geometry.x() + points.x() * sx, geometry.y() + points.y() * sy, points.width() * sx, points.height() * sy);
}

QString PdfProbe::errorText(int errorCode)
{
    switch (QPdfDocument::Error(errorCode)) {
    case QPdfDocument::Error::IncorrectPassword:
        return tr("The PDF is encrypted (password-protected). The viewer does not open password-protected files; ask the sender for an unprotected copy.");
    case QPdfDocument::Error::UnsupportedSecurityScheme:
        return tr("The PDF uses a security scheme the viewer does not support.");
    case QPdfDocument::Error::InvalidFileFormat:
        return tr("The PDF is damaged or incomplete (not a valid PDF file).");
    case QPdfDocument::Error::DataNotYetAvailable:
        return tr("The PDF is incomplete (its data ends early).");
    case QPdfDocument::Error::None:
    case QPdfDocument::Error::Unknown:
    case QPdfDocument::Error::FileNotFound:
        break;
    }
    return tr("The PDF could not be opened.");
}

bool PdfProbe::looksTruncated(const QByteArray &bytes)
{
    return !bytes.right(1024).contains("%%EOF");
}

PdfProbe PdfProbe::inspect(const QByteArray &bytes)
{
    PdfProbe probe;
    if (bytes.size() > kMaxBytes) {
        probe.error = tr("The PDF is too large to show (%1 MB; at most %2 MB).").arg(bytes.size() / (1024 * 1024)).arg(kMaxBytes / (1024 * 1024));
        return probe;
    }
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    if (document.status() != QPdfDocument::Status::Ready || document.pageCount() <= 0) {
        probe.error = document.error() == QPdfDocument::Error::None ? tr("The PDF has no pages.") : errorText(int(document.error()));
        return probe;
    }
    probe.ok = true;
    probe.pages = document.pageCount();
    probe.truncated = looksTruncated(bytes);
    return probe;
}

PdfDocumentPane::PdfDocumentPane(QWidget *parent)
    : QWidget(parent)
    , m_buffer(new QBuffer(this))
    , m_document(new QPdfDocument(this))
    , m_view(new QPdfView(this))
    , m_search(new QPdfSearchModel(this))
    , m_highlight(new PdfSearchHighlight(m_view, &m_pagePoints))
    , m_thumbnailWatcher(new QFutureWatcher<QImage>(this))
    , m_pages(new QListWidget(this))
    , m_pageBox(new QSpinBox(this))
    , m_pageCountLabel(new QLabel(this))
    , m_searchEdit(new QLineEdit(this))
    , m_searchLabel(new QLabel(this))
{
    m_view->setDocument(m_document);
    m_view->setPageMode(QPdfView::PageMode::MultiPage);
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_view->setAccessibleName(tr("PDF document"));
    // Nothing on a page is clickable: links, launch actions and embedded files stay inert.
    m_view->viewport()->installEventFilter(this);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_search->setDocument(m_document);
#if QT_VERSION >= QT_VERSION_CHECK(6, 6, 0)
    // QPdfView draws the matches itself.
    m_view->setSearchModel(m_search);
    m_highlight->hide();
#endif

    auto *bar = new QToolBar(this);
    bar->setIconSize(QSize(16, 16));
    QAction *prev = bar->addAction(tr("◀ Previous page"), this, &PdfDocumentPane::previousPage);
    prev->setShortcut(QKeySequence::MoveToPreviousPage);
    m_pageBox->setMinimum(1);
    m_pageBox->setAccessibleName(tr("Page"));
    bar->addWidget(m_pageBox);
    bar->addWidget(m_pageCountLabel);
    QAction *next = bar->addAction(tr("Next page ▶"), this, &PdfDocumentPane::nextPage);
    next->setShortcut(QKeySequence::MoveToNextPage);
    bar->addSeparator();
    bar->addAction(tr("Zoom out"), this, &PdfDocumentPane::zoomOut)->setShortcut(QKeySequence::ZoomOut);
    bar->addAction(tr("Zoom in"), this, &PdfDocumentPane::zoomIn)->setShortcut(QKeySequence::ZoomIn);
    m_fitWidth = bar->addAction(tr("Fit width"), this, &PdfDocumentPane::fitWidth);
    m_fitWidth->setCheckable(true);
    m_fitWidth->setChecked(true);
    bar->addSeparator();
    m_searchEdit->setPlaceholderText(tr("Search in the PDF"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setMaximumWidth(220);
    bar->addWidget(m_searchEdit);
    bar->addAction(tr("Next match"), this, [this] { nextSearchResult(); });
    bar->addWidget(m_searchLabel);
    bar->addSeparator();
    bar->addAction(tr("Copy page text"), this, &PdfDocumentPane::copyPageText);

    m_pages->setViewMode(QListView::ListMode);
    m_pages->setIconSize(kThumbnailSize);
    m_pages->setAccessibleName(tr("Pages"));
    m_pages->setUniformItemSizes(true);

    m_pages->setFixedWidth(kThumbnailSize.width() + 60);
    auto *split = new QHBoxLayout;
    split->setContentsMargins(0, 0, 0, 0);
    split->setSpacing(2);
    split->addWidget(m_pages);
    split->addWidget(m_view, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addLayout(split, 1);

    connect(m_pageBox, &QSpinBox::valueChanged, this, [this](int value) {
        if (value - 1 != currentPage())
            goToPage(value - 1);
    });
    connect(m_pages, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != currentPage())
            goToPage(row);
    });
    connect(m_view->pageNavigator(), &QPdfPageNavigator::currentPageChanged, this, [this](int page) {
        updatePageControls();
        Q_EMIT currentPageChanged(page);
    });
    connect(m_view, &QPdfView::zoomModeChanged, this, [this](QPdfView::ZoomMode mode) { m_fitWidth->setChecked(mode == QPdfView::ZoomMode::FitToWidth); });
    connect(m_searchEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_search->searchString() != m_searchEdit->text())
            search(m_searchEdit->text());
        else
            nextSearchResult();
    });
    const auto resultsChanged = [this] {
        const int n = searchResultCount();
        m_searchLabel->setText(m_search->searchString().isEmpty() ? QString() : tr("%n match(es)", nullptr, n));
        // The first match is shown as soon as it is found.
        if (n > 0 && m_searchIndex < 0)
            nextSearchResult();
        Q_EMIT searchResultsChanged(n);
    };
    connect(m_search, &QAbstractItemModel::rowsInserted, this, [this, resultsChanged](const QModelIndex &, int first, int last) {
        searchResultsInserted(first, last);
        resultsChanged();
    });
    connect(m_search, &QAbstractItemModel::modelReset, this, [this, resultsChanged] {
        m_highlight->matches.clear();
        m_highlight->current = -1;
        m_highlight->update();
        resultsChanged();
    });
    connect(m_thumbnailWatcher, &QFutureWatcher<QImage>::finished, this, [this] {
        const QImage image = m_thumbnailWatcher->future().resultCount() > 0 ? m_thumbnailWatcher->result() : QImage();
        if (QListWidgetItem *item = m_pages->item(m_nextThumbnail); item && !image.isNull()) {
            item->setIcon(QIcon(QPixmap::fromImage(image)));
            ++m_thumbnailsRendered;
        }
        ++m_nextThumbnail;
        renderNextThumbnail();
    });
}

PdfDocumentPane::~PdfDocumentPane()
{
    // The thumbnail worker and search model use the document; the document reads the buffer.
    stopThumbnails();
    m_search->setDocument(nullptr);
    m_view->setDocument(nullptr);
    m_document->close();
}

bool PdfDocumentPane::load(const QByteArray &bytes, QString *error)
{
    clear();
    if (bytes.size() > PdfProbe::kMaxBytes) {
        if (error)
            *error = PdfProbe::tr("The PDF is too large to show (%1 MB; at most %2 MB).").arg(bytes.size() / (1024 * 1024)).arg(PdfProbe::kMaxBytes / (1024 * 1024));
        return false;
    }
    // From memory only: the bytes never touch the disk.
    m_bytes = bytes;
    m_buffer->setData(m_bytes);
    m_buffer->open(QIODevice::ReadOnly);
    m_document->load(m_buffer);
    if (m_document->status() != QPdfDocument::Status::Ready || m_document->pageCount() <= 0) {
        const QString why = m_document->error() == QPdfDocument::Error::None ? PdfProbe::tr("The PDF has no pages.") : PdfProbe::errorText(int(m_document->error()));
        clear();
        if (error)
            *error = why;
        return false;
    }
    const int pages = m_document->pageCount();
    m_pagePoints.reserve(pages);
    for (int i = 0; i < pages; ++i)
        m_pagePoints.append(m_document->pagePointSize(i));
    m_truncated = PdfProbe::looksTruncated(bytes);
    m_pages->blockSignals(true);
    for (int i = 0; i < pages; ++i) {
        auto *item = new QListWidgetItem(tr("Page %1").arg(i + 1), m_pages);
        item->setSizeHint(QSize(kThumbnailSize.width() + 40, i < kMaxThumbnails ? kThumbnailSize.height() + 8 : 24));
    }
    m_pages->setCurrentRow(0);
    m_pages->blockSignals(false);
    m_pageBox->setMaximum(pages);
    m_pageCountLabel->setText(tr(" / %1").arg(pages));
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_view->pageNavigator()->jump(0, QPointF(), 0);
    updatePageControls();
    requestThumbnails();
    return true;
}

void PdfDocumentPane::clear()
{
    stopThumbnails();
    m_search->setSearchString(QString());
    m_searchEdit->clear();
    m_searchLabel->clear();
    m_searchIndex = -1;
    m_highlight->matches.clear();
    m_highlight->current = -1;
    m_highlight->update();
#if QT_VERSION >= QT_VERSION_CHECK(6, 6, 0)
    m_view->setCurrentSearchResultIndex(-1);
#endif
    m_pagePoints.clear();
    m_pages->clear();
    m_thumbnailsRendered = 0;
    m_truncated = false;
    m_document->close();
    m_buffer->close();
    m_buffer->setData(QByteArray());
    m_bytes.clear();
    m_pageCountLabel->clear();
}

int PdfDocumentPane::pageCount() const
{
    return m_document->status() == QPdfDocument::Status::Ready ? m_document->pageCount() : 0;
}

int PdfDocumentPane::currentPage() const
{
    return m_view->pageNavigator()->currentPage();
}

void PdfDocumentPane::goToPage(int page)
{
    if (page < 0 || page >= pageCount())
        return;
    m_view->pageNavigator()->jump(page, QPointF(), m_view->zoomMode() == QPdfView::ZoomMode::Custom ? m_view->zoomFactor() : 0);
    updatePageControls();
}

void PdfDocumentPane::nextPage()
{
    goToPage(currentPage() + 1);
}

void PdfDocumentPane::previousPage()
{
    goToPage(currentPage() - 1);
}

void PdfDocumentPane::zoomIn()
{
    const bool followMatch = currentMatchVisible();
    m_view->setZoomMode(QPdfView::ZoomMode::Custom);
    m_view->setZoomFactor(std::min(kMaxZoom, m_view->zoomFactor() * kZoomStep));
    if (followMatch)
        scrollToCurrentMatch();
}

void PdfDocumentPane::zoomOut()
{
    const bool followMatch = currentMatchVisible();
    m_view->setZoomMode(QPdfView::ZoomMode::Custom);
    m_view->setZoomFactor(std::max(kMinZoom, m_view->zoomFactor() / kZoomStep));
    if (followMatch)
        scrollToCurrentMatch();
}

void PdfDocumentPane::fitWidth()
{
    const bool followMatch = currentMatchVisible();
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_fitWidth->setChecked(true);
    if (followMatch)
        scrollToCurrentMatch();
}

qreal PdfDocumentPane::zoomFactor() const
{
    return m_view->zoomFactor();
}

bool PdfDocumentPane::isFitWidth() const
{
    return m_view->zoomMode() == QPdfView::ZoomMode::FitToWidth;
}

void PdfDocumentPane::search(const QString &text)
{
    m_searchIndex = -1;
    m_searchEdit->setText(text);
    m_search->setSearchString(text);
    m_searchLabel->setText(text.isEmpty() ? QString() : tr("searching…"));
}

int PdfDocumentPane::searchResultCount() const
{
    return m_search->rowCount(QModelIndex());
}

bool PdfDocumentPane::nextSearchResult()
{
    const int n = searchResultCount();
    if (n == 0)
        return false;
    m_searchIndex = (m_searchIndex + 1) % n;
    const QPdfLink link = m_search->resultAtIndex(m_searchIndex);
    // Qt 6.4's QPdfView goes to the top of the page and ignores the location; then scroll on to
    // the match itself.
    m_view->pageNavigator()->jump(link.page(), link.location(), m_view->zoomMode() == QPdfView::ZoomMode::Custom ? m_view->zoomFactor() : 0);
    m_highlight->current = m_searchIndex;
    m_highlight->update();
#if QT_VERSION >= QT_VERSION_CHECK(6, 6, 0)
    m_view->setCurrentSearchResultIndex(m_searchIndex);
#endif
    scrollToCurrentMatch();
    updatePageControls();
    m_searchLabel->setText(tr("match %1 of %2").arg(m_searchIndex + 1).arg(n));
    return true;
}

QPdfLink PdfDocumentPane::searchResult(int index) const
{
    return index >= 0 && index < searchResultCount() ? m_search->resultAtIndex(index) : QPdfLink();
}

PdfViewLayout PdfDocumentPane::viewLayout() const
{
    return PdfViewLayout(m_view, m_pagePoints);
}

QWidget *PdfDocumentPane::searchHighlight() const
{
    return m_highlight;
}

void PdfDocumentPane::searchResultsInserted(int first, int last)
{
    // The model searches page by page in order, so the rows asked for are on pages already
    // searched and reading them does not search (and insert) again.
    for (int i = first; i <= last; ++i) {
        const QPdfLink link = m_search->resultAtIndex(i);
        m_highlight->matches.insert(i, {link.page(), lineBoxes(link.rectangles())});
    }
    m_highlight->update();
}

QRectF PdfDocumentPane::currentMatchInViewport() const
{
    if (m_searchIndex < 0 || m_searchIndex >= m_highlight->matches.size())
        return {};
    const PdfSearchHighlight::Match &match = m_highlight->matches.at(m_searchIndex);
    QRectF bounds;
    for (const QRectF &rect : match.rects)
        bounds |= rect;
    return viewLayout().mapFromPage(match.page, bounds);
}

bool PdfDocumentPane::currentMatchVisible() const
{
    const QRectF match = currentMatchInViewport();
    return !match.isEmpty() && match.intersects(m_view->viewport()->rect());
}

void PdfDocumentPane::scrollToCurrentMatch()
{
    const QRectF match = currentMatchInViewport();
    if (match.isEmpty())
        return;
    const QSize viewport = m_view->viewport()->size();
    if (match.top() < 0 || match.bottom() > viewport.height()) {
        QScrollBar *bar = m_view->verticalScrollBar();
        bar->setValue(bar->value() + qRound(match.center().y() - viewport.height() * kCurrentPageLine));
    }
    if (match.left() < 0 || match.right() > viewport.width()) {
        QScrollBar *bar = m_view->horizontalScrollBar();
        bar->setValue(bar->value() + qRound(match.center().x() - viewport.width() / 2.0));
    }
}

QString PdfDocumentPane::pageText(int page) const
{
    if (page < 0 || page >= pageCount())
        return {};
    return m_document->getAllText(page).text();
}

void PdfDocumentPane::copyPageText()
{
    if (QClipboard *clipboard = QApplication::clipboard())
        clipboard->setText(pageText(currentPage()));
}

bool PdfDocumentPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        switch (event->type()) {
        case QEvent::Resize:
            m_highlight->setGeometry(m_view->viewport()->rect());
            break;
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
            ++m_swallowedClicks;
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PdfDocumentPane::updatePageControls()
{
    const int page = currentPage();
    m_pageBox->blockSignals(true);
    m_pageBox->setValue(page + 1);
    m_pageBox->blockSignals(false);
    m_pages->blockSignals(true);
    m_pages->setCurrentRow(page);
    m_pages->blockSignals(false);
}

void PdfDocumentPane::requestThumbnails()
{
    // One page at a time on the thread pool (QPdfDocument::render serialises pdfium access, as
    // QtPdf's own page renderer does); the first pages only, the rest are listed by number.
    m_nextThumbnail = 0;
    m_thumbnailTarget = std::min(pageCount(), kMaxThumbnails);
    renderNextThumbnail();
}

void PdfDocumentPane::renderNextThumbnail()
{
    if (m_nextThumbnail >= m_thumbnailTarget)
        return;
    const int page = m_nextThumbnail;
    const QSizeF points = m_document->pagePointSize(page);
    QSize size = kThumbnailSize;
    if (points.isValid() && points.width() > 0 && points.height() > 0)
        size = points.scaled(QSizeF(kThumbnailSize), Qt::KeepAspectRatio).toSize().expandedTo(QSize(8, 8));
    QPdfDocument *document = m_document;
    m_thumbnailWatcher->setFuture(QtConcurrent::run([document, page, size] { return document->render(page, size); }));
}

void PdfDocumentPane::stopThumbnails()
{
    // At most one page is being drawn; wait for it before the document changes under it.
    m_thumbnailTarget = 0;
    m_thumbnailWatcher->waitForFinished();
}

} // namespace Kakehashi
