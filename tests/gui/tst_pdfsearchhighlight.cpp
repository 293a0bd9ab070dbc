// PDF search: the matches are highlighted on the page where the drug name is drawn, and the view
// scrolls to the match itself (Qt 6.4's QPdfView has neither; PdfDocumentPane adds both).

#include "documentsamples.h"
#include "viewer/document/pdfdocumentpane.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfLink>
#include <QPdfView>
#include <QScreen>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <cmath>

#include <unistd.h>

using namespace Kakehashi;

namespace {

const QString kDrug = QStringLiteral("ワルファリン");

// Three pages; the drug name low on page 2 (far below the page's top at any zoom that fits the
// width) and near the top of page 3, nowhere else.
QByteArray drugPdf()
{
    QStringList course{QStringLiteral("経過記録")};
    for (int day = 1; day < 38; ++day)
        course << QStringLiteral("%1日目: 血圧 128/76 mmHg、脈拍 72/分、症状なし").arg(day);
    course << QStringLiteral("処方: %1 2mg 1日1回 朝食後").arg(kDrug);
    return DocumentSamples::japanesePdf({
        QStringLiteral("診療情報提供書\n\n患者: 文書 試験 様\n紹介目的: 抗凝固療法の継続"),
        course.join(u'\n'),
        QStringLiteral("検査結果\n\n%1 服用中の PT-INR 2.1\n以上").arg(kDrug),
    });
}

// The highlight is amber (current match) or yellow (the others), over black text on white or the
// grey background: red well above blue. The current match's amber also has red well above green.
bool isHighlight(QRgb pixel)
{
    return qRed(pixel) - qBlue(pixel) > 40;
}

bool isCurrentHighlight(QRgb pixel)
{
    return isHighlight(pixel) && qRed(pixel) - qGreen(pixel) > 30;
}

QRectF bounds(const QList<QRectF> &rects)
{
    QRectF all;
    for (const QRectF &rect : rects)
        all |= rect;
    return all;
}

// Where a match is drawn in the viewport, as the pane's layout maps it.
QRectF matchInViewport(const PdfDocumentPane &pane, int index)
{
    const QPdfLink link = pane.searchResult(index);
    return pane.viewLayout().mapFromPage(link.page(), bounds(link.rectangles()));
}

QImage grabViewport(const PdfDocumentPane &pane, bool withHighlight)
{
    QWidget *highlight = pane.searchHighlight();
    const bool wasVisible = highlight->isVisible();
    highlight->setVisible(withHighlight);
    const QImage image = pane.view()->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    highlight->setVisible(wasVisible);
    return image;
}

// Whether the view, without the highlight, shows what pdfium draws of the page (at the size the
// layout gives it) around the current match: the page's pixels there are the page's own only when
// the layout is the view's; and whether the match's rectangle, mapped, lies on the word in that
// drawing. Empty when so; else what differs. Needs the page drawn (asynchronously).
QString layoutMatchesRender(const PdfDocumentPane &pane)
{
    const QPdfLink link = pane.searchResult(pane.currentSearchResult());
    const QRect pageRect = pane.viewLayout().pageRect(link.page());
    // As QPdfView draws it: the (transparent) render over a white page.
    QImage render(pageRect.size(), QImage::Format_RGB32);
    render.fill(Qt::white);
    QPainter(&render).drawImage(0, 0, pane.document()->render(link.page(), pageRect.size()));
    const QImage shown = grabViewport(pane, false);
    const QRect area = matchInViewport(pane, pane.currentSearchResult()).toAlignedRect().adjusted(-24, -12, 24, 12) & shown.rect() & pageRect;
    if (area.width() < 20 || area.height() < 10)
        return QStringLiteral("match not in view: %1,%2 %3x%4").arg(area.x()).arg(area.y()).arg(area.width()).arg(area.height());
    qint64 difference = 0;
    int ink = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const int expected = qGray(render.pixel(x - pageRect.x(), y - pageRect.y()));
            difference += std::abs(qGray(shown.pixel(x, y)) - expected);
            if (expected < 128)
                ++ink;
        }
    }
    const double mean = double(difference) / (area.width() * area.height());
    if (ink < 50 || mean > 4.0)
        return QStringLiteral("view differs from the page's render: mean %1, ink %2").arg(mean).arg(ink);
    // The match's rectangle, as mapped, holds the word's ink: a few pixels more around it (to the
    // next line or word) add none of it.
    const auto inkIn = [&render](const QRect &rect) {
        int n = 0;
        for (int y = std::max(0, rect.top()); y <= std::min(render.height() - 1, rect.bottom()); ++y)
            for (int x = std::max(0, rect.left()); x <= std::min(render.width() - 1, rect.right()); ++x)
                n += qGray(render.pixel(x, y)) < 160;
        return n;
    };
    const QRect word = matchInViewport(pane, pane.currentSearchResult()).toAlignedRect().translated(-pageRect.topLeft());
    const int inWord = inkIn(word);
    const int around = inkIn(word.adjusted(-4, -4, 4, 4));
    if (inWord < 50 || inWord < around * 98 / 100)
        return QStringLiteral("the match's rectangle misses its word: %1 of %2 ink pixels inside").arg(inWord).arg(around);
    return {};
}

// Whether the highlight is drawn where the layout maps the matches, and nowhere else: the current
// match filled with amber, any other match in view with the lighter yellow, and no highlight
// colour more than the padding and the frame's width outside them. Empty when so; else what is wrong.
QString highlightOnMatches(const PdfDocumentPane &pane)
{
    const QImage image = grabViewport(pane, true);
    QList<QRect> matches;
    for (int i = 0; i < pane.searchResultCount(); ++i) {
        const QRect match = matchInViewport(pane, i).toAlignedRect();
        matches << match.adjusted(-6, -6, 6, 6); // a little padding and the frame
        const QRect inner = match.adjusted(2, 2, -2, -2);
        if (!image.rect().contains(match) || inner.isEmpty())
            continue; // not (wholly) in view
        const bool current = i == pane.currentSearchResult();
        int right = 0;
        for (int y = inner.top(); y <= inner.bottom(); ++y)
            for (int x = inner.left(); x <= inner.right(); ++x)
                right += current ? isCurrentHighlight(image.pixel(x, y)) : (isHighlight(image.pixel(x, y)) && !isCurrentHighlight(image.pixel(x, y)));
        if (right < inner.width() * inner.height() * 9 / 10)
            return QStringLiteral("match %1 (%2): %3 of %4 pixels highlighted").arg(i).arg(current ? QLatin1String("current") : QLatin1String("other")).arg(right).arg(inner.width() * inner.height());
    }
    int stray = 0;
    QPoint where;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (!isHighlight(image.pixel(x, y)))
                continue;
            if (std::none_of(matches.cbegin(), matches.cend(), [x, y](const QRect &m) { return m.contains(x, y); })) {
                ++stray;
                where = QPoint(x, y);
            }
        }
    }
    if (stray > 0)
        return QStringLiteral("%1 highlight pixels off the matches, e.g. at %2,%3").arg(stray).arg(where.x()).arg(where.y());
    return {};
}

// The view shows the page where the layout says, the current match's rectangle lies on its word,
// and the highlight on the matches: empty when all is so.
QString drawnOnMatch(const PdfDocumentPane &pane)
{
    const QString layout = layoutMatchesRender(pane);
    return layout.isEmpty() ? highlightOnMatches(pane) : layout;
}

bool showDrugPdf(PdfDocumentPane &pane)
{
    pane.resize(900, 700);
    pane.show();
    QString error;
    if (!QTest::qWaitForWindowExposed(&pane) || !pane.load(drugPdf(), &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return true;
}

int highlightPixels(const PdfDocumentPane &pane)
{
    const QImage image = grabViewport(pane, true);
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += isHighlight(image.pixel(x, y));
    return count;
}

} // namespace

class TestPdfSearchHighlight : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void layoutIsTheViews();
    void matchHighlightedAndScrolledTo();
    void highlightClearedWithSearchAndDocument();
};

// The mapping lays the pages out where QPdfView draws them (the page edges on the grey background)
// in both zoom modes; a shift by a pixel or two is not tolerated.
void TestPdfSearchHighlight::layoutIsTheViews()
{
    PdfDocumentPane pane;
    QVERIFY(showDrugPdf(pane));
    const QRgb background = pane.view()->palette().color(QPalette::Dark).rgb();
    const QRgb white = QColor(Qt::white).rgb();
    for (const bool zoomOut : {false, true, true}) {
        if (zoomOut)
            pane.zoomOut();
        const QRect page = pane.viewLayout().pageRect(pane.currentPage());
        const QImage image = grabViewport(pane, false);
        QVERIFY(!page.isEmpty());
        // The page is white (or drawn) inside its rectangle, the background just outside it.
        const int y = std::clamp(page.top() + 40, 0, image.height() - 1);
        QVERIFY2(page.left() >= 2 && page.right() < image.width() - 2, qPrintable(QStringLiteral("zoom %1").arg(pane.zoomFactor())));
        QCOMPARE(image.pixel(page.left() - 1, y), background);
        QCOMPARE(image.pixel(page.left(), y), white);
        QCOMPARE(image.pixel(page.right(), y), white);
        QCOMPARE(image.pixel(page.right() + 1, y), background);
        if (page.top() >= 1) {
            QCOMPARE(image.pixel(page.left() + 2, page.top() - 1), background);
            QCOMPARE(image.pixel(page.left() + 2, page.top()), white);
        }
    }
}

void TestPdfSearchHighlight::matchHighlightedAndScrolledTo()
{
    PdfDocumentPane pane;
    QVERIFY(showDrugPdf(pane));
    QVERIFY(pane.isFitWidth());
    const QSize viewport = pane.view()->viewport()->size();

    // The first match is shown as soon as it is found: on page 2, far below the page's top, so the
    // view has scrolled past the page's top to it.
    pane.search(kDrug);
    QTRY_COMPARE_WITH_TIMEOUT(pane.searchResultCount(), 2, 10000);
    QTRY_COMPARE(pane.currentSearchResult(), 0);
    QCOMPARE(pane.searchResult(0).page(), 1);
    QTRY_COMPARE(pane.currentPage(), 1);
    const QRectF first = matchInViewport(pane, 0);
    QVERIFY2(QRectF(QPointF(), viewport).contains(first), qPrintable(QStringLiteral("match at %1,%2").arg(first.x()).arg(first.y())));
    QVERIFY(first.top() - pane.viewLayout().pageRect(1).top() > viewport.height());
    // The view draws the page where the layout says (the drug name's pixels around the match are the
    // page's own), and the highlight lies on the match.
    QTRY_VERIFY2_WITH_TIMEOUT(drawnOnMatch(pane).isEmpty(), qPrintable(drawnOnMatch(pane)), 10000);

    // Zoom in: the highlight grows with the page (by the zoom ratio) and stays on the word, in view.
    const qreal fitScale = pane.viewLayout().pageRect(1).width() / pane.document()->pagePointSize(1).width();
    pane.zoomIn();
    QVERIFY(!pane.isFitWidth());
    const qreal customScale = QGuiApplication::primaryScreen()->logicalDotsPerInch() / 72.0 * pane.zoomFactor();
    const QRectF zoomed = matchInViewport(pane, 0);
    QVERIFY2(std::abs(zoomed.width() - first.width() * customScale / fitScale) < 2.0,
             qPrintable(QStringLiteral("%1 → %2 at ×%3").arg(first.width()).arg(zoomed.width()).arg(customScale / fitScale)));
    QVERIFY(QRectF(QPointF(), viewport).intersects(zoomed));
    QTRY_VERIFY2_WITH_TIMEOUT(drawnOnMatch(pane).isEmpty(), qPrintable(drawnOnMatch(pane)), 10000);

    // Scrolled by hand (down and sideways, now that the page is wider than the view): it follows.
    pane.zoomIn();
    QScrollBar *vertical = pane.view()->verticalScrollBar();
    QScrollBar *horizontal = pane.view()->horizontalScrollBar();
    QVERIFY(horizontal->maximum() > 0);
    vertical->setValue(vertical->value() + 37);
    horizontal->setValue(horizontal->value() + 23);
    QVERIFY(QRectF(QPointF(), viewport).intersects(matchInViewport(pane, 0)));
    QTRY_VERIFY2_WITH_TIMEOUT(drawnOnMatch(pane).isEmpty(), qPrintable(drawnOnMatch(pane)), 10000);

    // Back to the page's width.
    pane.fitWidth();
    const QRectF fitted = matchInViewport(pane, 0);
    QVERIFY(std::abs(fitted.width() - first.width()) < 1.0);
    QVERIFY(QRectF(QPointF(), viewport).contains(fitted));
    QTRY_VERIFY2_WITH_TIMEOUT(drawnOnMatch(pane).isEmpty(), qPrintable(drawnOnMatch(pane)), 10000);

    // The next match, on the next page: it is the current one now (the first, if in view, lighter).
    QVERIFY(pane.nextSearchResult());
    QCOMPARE(pane.currentSearchResult(), 1);
    QTRY_COMPARE(pane.currentPage(), 2);
    QVERIFY(QRectF(QPointF(), viewport).contains(matchInViewport(pane, 1)));
    QTRY_VERIFY2_WITH_TIMEOUT(drawnOnMatch(pane).isEmpty(), qPrintable(drawnOnMatch(pane)), 10000);
    // ... and round again to the first.
    QVERIFY(pane.nextSearchResult());
    QCOMPARE(pane.currentSearchResult(), 0);
    QTRY_COMPARE(pane.currentPage(), 1);
    QVERIFY(QRectF(QPointF(), viewport).contains(matchInViewport(pane, 0)));
    QTRY_VERIFY2_WITH_TIMEOUT(drawnOnMatch(pane).isEmpty(), qPrintable(drawnOnMatch(pane)), 10000);
}

void TestPdfSearchHighlight::highlightClearedWithSearchAndDocument()
{
    PdfDocumentPane pane;
    QVERIFY(showDrugPdf(pane));
    pane.search(kDrug);
    QTRY_COMPARE(pane.currentSearchResult(), 0);
    QTRY_VERIFY(highlightPixels(pane) > 100);

    pane.search(QString());
    QCOMPARE(pane.searchResultCount(), 0);
    QCOMPARE(highlightPixels(pane), 0);

    pane.search(kDrug);
    QTRY_COMPARE(pane.currentSearchResult(), 0);
    QTRY_VERIFY(highlightPixels(pane) > 100);
    QString error;
    QVERIFY2(pane.load(DocumentSamples::referralLetterPdf(), &error), qPrintable(error));
    QCOMPARE(pane.currentSearchResult(), -1);
    QCOMPARE(highlightPixels(pane), 0);
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (::geteuid() == 0)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestPdfSearchHighlight tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_pdfsearchhighlight.moc"
