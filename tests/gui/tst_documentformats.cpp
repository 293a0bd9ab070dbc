#include "record/clinicaldocument.h"
#include "viewer/document/documentexport.h"
#include "documentsamples.h"
#include "viewer/document/documentview.h"
#include "record/localrecordsource.h"
#include "viewer/document/pdfdocumentpane.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QListWidget>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QPdfView>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <unistd.h>

using namespace Kakehashi;

namespace {

constexpr int kRenderTimeoutMs = 60000;

QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/documents/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString plainTextOf(QWebEnginePage *page)
{
    QString text;
    bool done = false;
    page->toPlainText([&](const QString &t) {
        text = t;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        return QStringLiteral("<toPlainText timed out>");
    return text;
}

bool waitShown(DocumentView &view)
{
    if (view.isSettled())
        return true;
    QSignalSpy shown(&view, &DocumentView::documentShown);
    return shown.wait(kRenderTimeoutMs);
}

DocumentLoadResult attachment(const QByteArray &bytes, const QString &contentType, const QString &name = QStringLiteral("紹介状添付 2025-04-01"))
{
    DocumentLoadResult r = ClinicalDocumentReader::fromBytes(bytes, contentType);
    r.name = name;
    if (r.document.title.isEmpty())
        r.document.title = name;
    if (!r.isOk())
        r.message = name + QStringLiteral(": ") + r.message;
    return r;
}

// How much of an image is not (near) white: a rendered page with text has ink on it.
double inkFraction(const QImage &image)
{
    if (image.isNull())
        return 0;
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    qint64 ink = 0;
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2)
            if (qGray(img.pixel(x, y)) < 128)
                ++ink;
    return double(ink) / (double(img.width() / 2) * (img.height() / 2));
}

qint64 residentBytes()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> parts = f.readAll().split(' ');
    return parts.size() > 1 ? parts.at(1).toLongLong() * 4096 : 0;
}

} // namespace

class TestDocumentFormats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void japanesePdfNavigateZoomSearchCopy();
    void badPdfsGetMessages_data();
    void badPdfsGetMessages();
    void truncatedPdfIsMarkedIncomplete();
    void largePdfBounded();
    void pdfLinksAndScriptsDoNothing();
    void imageAttachmentInline();
    void lyingAttachmentNotShown();
    void textAttachment();
    void cdaCheckupRenders();
    void cdaReferralRendersLockedDown();
    void clinsReferralAttachments();
    void badDocumentsLeaveTheRestReadable();
    void exportDocumentsToPdf();
    void exportFromCommandLine();
};

void TestDocumentFormats::japanesePdfNavigateZoomSearchCopy()
{
    DocumentView view;
    view.resize(1000, 900);
    view.show();
    view.showResult(attachment(DocumentSamples::referralLetterPdf(), QStringLiteral("application/pdf")), QStringLiteral("文書 試験"));
    QVERIFY(waitShown(view));
    QCOMPARE(view.content(), DocumentView::Content::Pdf);
    PdfDocumentPane *pdf = view.pdfPane();
    QCOMPARE(pdf->pageCount(), 3);
    QVERIFY2(view.caption().contains(QStringLiteral("3")) && view.caption().contains(QStringLiteral("文書 試験")), qPrintable(view.caption()));
    // The Japanese text is there, as text.
    QVERIFY2(pdf->pageText(0).contains(QStringLiteral("診療情報提供書")), qPrintable(pdf->pageText(0)));
    QVERIFY(pdf->pageText(0).contains(QStringLiteral("紹介目的: 心エコー検査と精査加療のお願い")));
    QVERIFY(pdf->pageText(2).contains(QStringLiteral("LDLコレステロール 142 mg/dL")));
    // ... and drawn: the visible page has ink on it.
    QTRY_VERIFY_WITH_TIMEOUT(inkFraction(pdf->view()->viewport()->grab().toImage()) > 0.001, 10000);
    // A page list with thumbnails (rendered off the GUI thread).
    QCOMPARE(pdf->pageList()->count(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(pdf->thumbnailsRendered(), 3, 10000);

    // Navigation.
    QCOMPARE(pdf->currentPage(), 0);
    pdf->nextPage();
    QTRY_COMPARE(pdf->currentPage(), 1);
    pdf->goToPage(2);
    QTRY_COMPARE(pdf->currentPage(), 2);
    pdf->previousPage();
    QTRY_COMPARE(pdf->currentPage(), 1);
    pdf->goToPage(99); // out of range: ignored
    QCOMPARE(pdf->currentPage(), 1);

    // Zoom and fit width.
    QVERIFY(pdf->isFitWidth());
    const qreal before = pdf->zoomFactor();
    pdf->zoomIn();
    QVERIFY(!pdf->isFitWidth());
    QVERIFY(pdf->zoomFactor() > before);
    pdf->zoomOut();
    pdf->zoomOut();
    QVERIFY(pdf->zoomFactor() < before);
    pdf->fitWidth();
    QVERIFY(pdf->isFitWidth());

    // Search: HbA1c is on pages 2 and 3; the first match is shown.
    pdf->goToPage(0);
    pdf->search(QStringLiteral("HbA1c"));
    QTRY_COMPARE_WITH_TIMEOUT(pdf->searchResultCount(), 2, 10000);
    QTRY_COMPARE(pdf->currentPage(), 1);
    QVERIFY(pdf->nextSearchResult());
    QTRY_COMPARE(pdf->currentPage(), 2);
    pdf->search(QStringLiteral("存在しない語"));
    QTest::qWait(300);
    QCOMPARE(pdf->searchResultCount(), 0);
    QVERIFY(!pdf->nextSearchResult());

    // Copy: the current page's text.
    pdf->goToPage(1);
    QTRY_COMPARE(pdf->currentPage(), 1);
    pdf->copyPageText();
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("アムロジピン5mg")));
}

void TestDocumentFormats::badPdfsGetMessages_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("encrypted") << DocumentSamples::encryptedPdf() << "encrypted";
    QByteArray garbage = "%PDF-1.7\n";
    for (int i = 0; i < 2000; ++i)
        garbage += char('!' + (i * 37) % 90);
    QTest::newRow("corrupt") << garbage << "damaged";
    QTest::newRow("header only") << QByteArray("%PDF-1.4\n%%EOF\n") << "PDF";
}

void TestDocumentFormats::badPdfsGetMessages()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    DocumentView view;
    view.resize(800, 600);
    view.show();
    QElapsedTimer t;
    t.start();
    view.showResult(attachment(bytes, QStringLiteral("application/pdf")));
    QVERIFY(waitShown(view));
    QVERIFY(t.elapsed() < 10000);
    QCOMPARE(view.content(), DocumentView::Content::Page);
    QCOMPARE(view.currentResult().status, DocumentLoadResult::Status::Malformed);
    // The message names the document and says what is wrong — on screen, not only in a field.
    QVERIFY2(view.notice().contains(QStringLiteral("紹介状添付 2025-04-01")), qPrintable(view.notice()));
    QVERIFY2(view.notice().contains(expected), qPrintable(view.notice()));
    const QString shown = plainTextOf(view.webView()->page());
    QVERIFY2(shown.contains(expected) && shown.contains(QStringLiteral("紹介状添付")), qPrintable(shown));
    QCOMPARE(PdfProbe::inspect(bytes).ok, false);
}

void TestDocumentFormats::truncatedPdfIsMarkedIncomplete()
{
    const QByteArray full = DocumentSamples::referralLetterPdf();
    const QByteArray cut = full.left(full.size() * 3 / 5);
    DocumentView view;
    view.resize(800, 600);
    view.show();
    view.showResult(attachment(cut, QStringLiteral("application/pdf")));
    QVERIFY(waitShown(view));
    // Either it cannot be opened at all, or what could be recovered is shown with a warning —
    // never as if it were the whole file.
    if (view.content() == DocumentView::Content::Pdf) {
        QVERIFY2(view.notice().contains(QStringLiteral("incomplete")), qPrintable(view.notice()));
        QVERIFY(PdfProbe::inspect(cut).truncated);
    } else {
        QVERIFY2(view.notice().contains(QStringLiteral("紹介状添付")), qPrintable(view.notice()));
    }
    QVERIFY(!PdfProbe::inspect(full).truncated);
}

void TestDocumentFormats::largePdfBounded()
{
    const QByteArray big = DocumentSamples::largePdf(50 * 1024 * 1024);
    QVERIFY(big.size() >= 50 * 1024 * 1024);
    const qint64 rssBefore = residentBytes();
    DocumentView view;
    view.resize(800, 600);
    view.show();
    QElapsedTimer t;
    t.start();
    view.showResult(attachment(big, QStringLiteral("application/pdf")));
    QVERIFY(waitShown(view));
    const qint64 openMs = t.elapsed();
    QVERIFY2(openMs < 5000, qPrintable(QString::number(openMs)));
    QCOMPARE(view.content(), DocumentView::Content::Pdf);
    QCOMPARE(view.pdfPane()->pageCount(), 1);
    QVERIFY(view.pdfPane()->pageText(0).contains(QStringLiteral("LARGE-PDF-MARKER")));
    QTRY_COMPARE_WITH_TIMEOUT(view.pdfPane()->thumbnailsRendered(), 1, 30000);
    // The file is held in memory a small number of times, not expanded.
    const qint64 grown = residentBytes() - rssBefore;
    QVERIFY2(grown < 400LL * 1024 * 1024, qPrintable(QString::number(grown / (1024 * 1024))));
    qInfo("50 MB PDF: shown in %lld ms, resident memory grew by %lld MB", openMs, grown / (1024 * 1024));

    // Beyond the limit: refused at once, with the reason.
    QByteArray tooBig = big;
    tooBig.append(QByteArray(51 * 1024 * 1024, ' '));
    view.showResult(attachment(tooBig, QStringLiteral("application/pdf")));
    QVERIFY(waitShown(view));
    QVERIFY2(view.notice().contains(QStringLiteral("too large")), qPrintable(view.notice()));
}

void TestDocumentFormats::pdfLinksAndScriptsDoNothing()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QByteArray pdf = DocumentSamples::activePdf(server.serverPort());
    DocumentView view;
    view.resize(800, 900);
    view.show();
    view.showResult(attachment(pdf, QStringLiteral("application/pdf")));
    QVERIFY(waitShown(view));
    QCOMPARE(view.content(), DocumentView::Content::Pdf);
    QVERIFY(view.pdfPane()->pageText(0).contains(QStringLiteral("CLICK-HERE")));
    QWidget *viewport = view.pdfPane()->view()->viewport();
    // The link covers the whole page: click it, double-click it.
    QTest::mouseClick(viewport, Qt::LeftButton, {}, viewport->rect().center());
    QTest::mouseDClick(viewport, Qt::LeftButton, {}, viewport->rect().center());
    QTest::qWait(500);
    QVERIFY2(view.pdfPane()->swallowedClicks() >= 2, qPrintable(QString::number(view.pdfPane()->swallowedClicks())));
    QVERIFY(!server.hasPendingConnections());
    QVERIFY(!server.waitForNewConnection(200));
    QCOMPARE(view.content(), DocumentView::Content::Pdf);
}

void TestDocumentFormats::imageAttachmentInline()
{
    QImage image(320, 200, QImage::Format_RGB32);
    image.fill(Qt::white);
    for (int x = 20; x < 300; ++x)
        image.setPixel(x, 100, qRgb(0, 0, 0));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(image.save(&buffer, "PNG"));
    DocumentView view;
    view.show();
    view.showResult(attachment(png, QStringLiteral("image/png")));
    QVERIFY(waitShown(view));
    QCOMPARE(view.content(), DocumentView::Content::Image);
    QCOMPARE(view.shownImage().size(), QSize(320, 200));
    QCOMPARE(view.shownImage().pixel(100, 100), qRgb(0, 0, 0));
    QVERIFY(view.caption().contains(QStringLiteral("320 × 200")));

    // A PNG header claiming a gigantic canvas is refused before anything is allocated.
    QByteArray huge = png;
    huge.replace(16, 8, QByteArray::fromHex("0000ea600000ea60")); // 60000 × 60000
    view.showResult(attachment(huge, QStringLiteral("image/png")));
    QVERIFY(waitShown(view));
    QCOMPARE(view.content(), DocumentView::Content::Page);
    QVERIFY2(view.notice().contains(QStringLiteral("紹介状添付")), qPrintable(view.notice()));
}

void TestDocumentFormats::lyingAttachmentNotShown()
{
    // A PDF that says it is a JPEG: neither shown as an image nor as a PDF.
    DocumentView view;
    view.show();
    view.showResult(attachment(DocumentSamples::referralLetterPdf(), QStringLiteral("image/jpeg")));
    QVERIFY(waitShown(view));
    QCOMPARE(view.content(), DocumentView::Content::Page);
    QVERIFY2(view.notice().contains(QStringLiteral("image/jpeg")) && view.notice().contains(QStringLiteral("PDF"))
                 && view.notice().contains(QStringLiteral("紹介状添付")),
             qPrintable(view.notice()));
}

void TestDocumentFormats::textAttachment()
{
    DocumentView view;
    view.show();
    const QByteArray text = QStringLiteral("検査所見: <script>alert(1)</script> 特記事項なし\n二行目").toUtf8();
    view.showResult(attachment(text, QStringLiteral("text/plain")));
    QVERIFY(waitShown(view));
    QCOMPARE(view.content(), DocumentView::Content::Page);
    const QString shown = plainTextOf(view.webView()->page());
    QVERIFY2(shown.contains(QStringLiteral("検査所見: <script>alert(1)</script> 特記事項なし")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("二行目")));
}

void TestDocumentFormats::cdaCheckupRenders()
{
    DocumentView view;
    view.resize(900, 900);
    view.show();
    view.showResult(attachment(readData("checkup-hc08.xml"), QStringLiteral("application/hl7-v3+xml")));
    QVERIFY(waitShown(view));
    QCOMPARE(view.currentResult().format, DocumentFormat::Cda);
    const QString shown = plainTextOf(view.webView()->page());
    for (const QString &expected : {QStringLiteral("特定健診"), QStringLiteral("文書 試験"), QStringLiteral("さくら健診センター"),
                                    QStringLiteral("特定健診結果"), QStringLiteral("HbA1c(NGSP)\t6.9\t%"), QStringLiteral("LDLコレステロール"),
                                    QStringLiteral("生活習慣の改善")})
        QVERIFY2(shown.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + shown));
}

void TestDocumentFormats::cdaReferralRendersLockedDown()
{
    DocumentView view;
    view.resize(900, 900);
    view.show();
    view.showResult(attachment(readData("referral-hs008.xml"), QString()));
    QVERIFY(waitShown(view));
    const QString shown = plainTextOf(view.webView()->page());
    QVERIFY2(shown.contains(QStringLiteral("冠動脈CT")) && shown.contains(QStringLiteral("アトルバスタチン錠10mg")), qPrintable(shown));
    QVERIFY(!view.renderedHtml().contains(QStringLiteral("tracker.invalid")));
    QCOMPARE(view.blockedRequests(), 0);
}

void TestDocumentFormats::clinsReferralAttachments()
{
    const RecordSet set = LocalRecordSource::load({QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/documents/record-with-attachments.json")});
    const PatientRecord *record = set.find(u"t-att");
    QVERIFY(record);
    DocumentView view;
    view.resize(1000, 900);
    view.show();
    view.showResult(ClinicalDocumentReader::load(*record, QStringLiteral("DocumentReference/att-clins")), record->patient.displayName());
    QVERIFY(waitShown(view));
    QCOMPARE(view.attachmentTitles().size(), 3);
    const QString page = plainTextOf(view.webView()->page());
    QVERIFY2(page.contains(QStringLiteral("紹介状.pdf")) && page.contains(QStringLiteral("not fetched")), qPrintable(page));
    // Section 230: the letter as a PDF, shown in the PDF pane.
    QVERIFY(view.openAttachment(0));
    QVERIFY(waitShown(view));
    QCOMPARE(view.content(), DocumentView::Content::Pdf);
    QCOMPARE(view.pdfPane()->pageCount(), 3);
    QVERIFY(view.pdfPane()->pageText(0).contains(QStringLiteral("診療情報提供書")));
    QVERIFY2(view.caption().contains(QStringLiteral("紹介状.pdf")), qPrintable(view.caption()));
    // Section 210: plain text.
    QVERIFY(view.openAttachment(1));
    QVERIFY(waitShown(view));
    QVERIFY(plainTextOf(view.webView()->page()).contains(QStringLiteral("左室肥大の疑い")));
    // An attachment on another server: named, not fetched.
    QVERIFY(view.openAttachment(2));
    QVERIFY(waitShown(view));
    QVERIFY2(view.notice().contains(QStringLiteral("127.0.0.1:9")) && view.notice().contains(QStringLiteral("never fetch")), qPrintable(view.notice()));
    QCOMPARE(view.blockedRequests(), 0);
    // Back to the letter.
    view.backToDocument();
    QVERIFY(waitShown(view));
    QVERIFY(!view.isShowingAttachment());
    QVERIFY(plainTextOf(view.webView()->page()).contains(QStringLiteral("心エコー検査と精査加療のお願い")));
}

void TestDocumentFormats::badDocumentsLeaveTheRestReadable()
{
    const RecordSet set = LocalRecordSource::load({QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/documents/record-with-attachments.json")});
    QVERIFY(set.errors.isEmpty());
    const PatientRecord *record = set.find(u"t-att");
    QVERIFY(record);
    DocumentView view;
    view.resize(900, 800);
    view.show();
    // Bad ones in between good ones: each bad one says what and which; the next good one shows.
    const QList<std::pair<QString, DocumentView::Content>> order{
        {QStringLiteral("DocumentReference/att-encrypted"), DocumentView::Content::Page},
        {QStringLiteral("DocumentReference/att-pdf"), DocumentView::Content::Pdf},
        {QStringLiteral("DocumentReference/att-lying"), DocumentView::Content::Page},
        {QStringLiteral("DocumentReference/att-png"), DocumentView::Content::Image},
        {QStringLiteral("DocumentReference/att-cda"), DocumentView::Content::Page},
    };
    for (const auto &[key, content] : order) {
        view.showResult(ClinicalDocumentReader::load(*record, key));
        QVERIFY(waitShown(view));
        QCOMPARE(view.content(), content);
    }
    view.showResult(ClinicalDocumentReader::load(*record, QStringLiteral("DocumentReference/att-encrypted")));
    QVERIFY(waitShown(view));
    QVERIFY2(view.notice().contains(QStringLiteral("退院時サマリー")) && view.notice().contains(QStringLiteral("encrypted")), qPrintable(view.notice()));
    view.showResult(ClinicalDocumentReader::load(*record, QStringLiteral("DocumentReference/att-cda")));
    QVERIFY(waitShown(view));
    QVERIFY(plainTextOf(view.webView()->page()).contains(QStringLiteral("さくら健診センター")));
}

namespace {

// All the text of an exported PDF, read back with QtPdf.
QString exportedText(const QString &path, int *pages = nullptr)
{
    QPdfDocument pdf;
    if (pdf.load(path) != QPdfDocument::Error::None)
        return QStringLiteral("<cannot load %1>").arg(path);
    if (pages)
        *pages = pdf.pageCount();
    QString text;
    for (int p = 0; p < pdf.pageCount(); ++p)
        text += pdf.getAllText(p).text() + u'\n';
    // pdfium reads the fixed-width header font glyph by glyph, with breaks and spaces of its own
    // choosing: compare without any white space.
    return text.remove(QRegularExpression(QStringLiteral("\\s")));
}

} // namespace

void TestDocumentFormats::exportDocumentsToPdf()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const RecordSet set = LocalRecordSource::load({QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/documents/record-with-attachments.json")});
    const PatientRecord *record = set.find(u"t-att");
    QVERIFY(record);
    DocumentView view;
    view.resize(900, 800);
    view.show();

    // A PDF document: every page, each under a header naming what, who, where and when.
    view.showResult(ClinicalDocumentReader::load(*record, QStringLiteral("DocumentReference/att-pdf")), record->patient.displayName());
    QVERIFY(waitShown(view));
    QString error;
    const QString pdfPath = dir.filePath(QStringLiteral("letter.pdf"));
    QVERIFY2(DocumentExport::exportDocument(&view, pdfPath, &error), qPrintable(error));
    int pages = 0;
    QString text = exportedText(pdfPath, &pages);
    QCOMPARE(pages, 3);
    QVERIFY2(text.contains(QStringLiteral("Patient:文書試験")) && text.contains(QStringLiteral("Facility:さくら内科クリニック"))
                 && text.contains(QStringLiteral("Referencetime:")) && text.contains(QStringLiteral("page3of3")),
             qPrintable(text));

    // A CDA check-up: the page's text, under the same header.
    view.showResult(ClinicalDocumentReader::load(*record, QStringLiteral("DocumentReference/att-cda")), record->patient.displayName());
    QVERIFY(waitShown(view));
    const QString cdaPath = dir.filePath(QStringLiteral("checkup.pdf"));
    QVERIFY2(DocumentExport::exportDocument(&view, cdaPath, &error), qPrintable(error));
    text = exportedText(cdaPath);
    QVERIFY2(text.contains(QStringLiteral("Facility:さくら健診センター")) && text.contains(QStringLiteral("HbA1c(NGSP)"))
                 && text.contains(QStringLiteral("生活習慣の改善")),
             qPrintable(text));

    // An image.
    view.showResult(ClinicalDocumentReader::load(*record, QStringLiteral("DocumentReference/att-png")), record->patient.displayName());
    QVERIFY(waitShown(view));
    const QString imagePath = dir.filePath(QStringLiteral("image.pdf"));
    QVERIFY2(DocumentExport::exportDocument(&view, imagePath, &error), qPrintable(error));
    QVERIFY(exportedText(imagePath).contains(QStringLiteral("Patient:文書試験")));

    // Nowhere to write: a clear error, no crash.
    QVERIFY(!DocumentExport::exportDocument(&view, dir.filePath(QStringLiteral("missing/dir/x.pdf")), &error));
    QVERIFY(error.contains(QStringLiteral("missing/dir")));
}

void TestDocumentFormats::exportFromCommandLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString emergency = dir.filePath(QStringLiteral("emergency.pdf"));
    QProcess app;
    app.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    app.start(QStringLiteral(KAKEHASHI_BINARY), {QStringLiteral("--demo"), QStringLiteral("--patient"), QStringLiteral("p002"), QStringLiteral("--lang"),
                                                 QStringLiteral("en"), QStringLiteral("--view"), QStringLiteral("emergency"), QStringLiteral("--export-pdf"), emergency});
    QVERIFY(app.waitForFinished(120000));
    if (app.exitCode() == 1 && QString::fromUtf8(app.readAllStandardError()).contains(QStringLiteral("p002")))
        QSKIP("demo data not built");
    QCOMPARE(app.exitCode(), 0);
    const QString text = exportedText(emergency);
    QVERIFY2(text.contains(QStringLiteral("Emergencysummary")) && text.contains(QStringLiteral("佐藤")) && text.contains(QStringLiteral("Referencetime:"))
                 && text.contains(QStringLiteral("allfacilitiesintherecord")),
             qPrintable(text));
    // The demo's own reference date, not today.
    QVERIFY2(text.contains(QStringLiteral("2026")), qPrintable(text));

    // A document of a local file.
    const QString document = dir.filePath(QStringLiteral("document.pdf"));
    app.start(QStringLiteral(KAKEHASHI_BINARY), {QStringLiteral("--open"), QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/documents/record-with-attachments.json"),
                                                 QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--view"), QStringLiteral("documents"),
                                                 QStringLiteral("--export-pdf"), document});
    QVERIFY(app.waitForFinished(120000));
    QCOMPARE(app.exitCode(), 0);
    QVERIFY(exportedText(document).contains(QStringLiteral("Patient:文書試験")));

    // --document picks one: p003's newest document is a FHIR check-up, its 2021 one an MHLW CDA.
    const QString checkup = dir.filePath(QStringLiteral("checkup.pdf"));
    app.start(QStringLiteral(KAKEHASHI_BINARY), {QStringLiteral("--demo"), QStringLiteral("--patient"), QStringLiteral("p003"), QStringLiteral("--lang"),
                                                 QStringLiteral("en"), QStringLiteral("--view"), QStringLiteral("documents"), QStringLiteral("--document"),
                                                 QStringLiteral("p003-doc-01"), QStringLiteral("--export-pdf"), checkup});
    QVERIFY(app.waitForFinished(120000));
    QCOMPARE(app.exitCode(), 0);
    const QString checkupText = exportedText(checkup);
    QVERIFY2(checkupText.contains(QStringLiteral("2021")) && checkupText.contains(QStringLiteral("CDA")), qPrintable(checkupText));
    // A document the patient does not have: said, and a failure.
    app.start(QStringLiteral(KAKEHASHI_BINARY), {QStringLiteral("--demo"), QStringLiteral("--patient"), QStringLiteral("p003"), QStringLiteral("--view"),
                                                 QStringLiteral("documents"), QStringLiteral("--document"), QStringLiteral("nonexistent"),
                                                 QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("none.png"))});
    QVERIFY(app.waitForFinished(120000));
    QCOMPARE(app.exitCode(), 2);
    QVERIFY(QString::fromUtf8(app.readAllStandardError()).contains(QStringLiteral("nonexistent")));
    // Exporting it writes nothing: no PDF of the message under the document's name.
    const QString none = dir.filePath(QStringLiteral("none.pdf"));
    app.start(QStringLiteral(KAKEHASHI_BINARY), {QStringLiteral("--demo"), QStringLiteral("--patient"), QStringLiteral("p003"), QStringLiteral("--view"),
                                                 QStringLiteral("documents"), QStringLiteral("--document"), QStringLiteral("nonexistent"),
                                                 QStringLiteral("--export-pdf"), none});
    QVERIFY(app.waitForFinished(120000));
    QCOMPARE(app.exitCode(), 2);
    QVERIFY(!QFile::exists(none));

    // Usage error without a view to export.
    app.start(QStringLiteral(KAKEHASHI_BINARY), {QStringLiteral("--demo"), QStringLiteral("--export-pdf"), document});
    QVERIFY(app.waitForFinished(60000));
    QCOMPARE(app.exitCode(), 64);
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
    TestDocumentFormats tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_documentformats.moc"
