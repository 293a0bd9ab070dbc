#include "record/clinicaldocument.h"
#include "viewer/document/documentview.h"
#include "record/localrecordsource.h"
#include "app/mainwindow.h"
#include "viewer/document/documentdock.h"
#include "viewer/patientview.h"
#include "viewer/document/pdfdocumentpane.h"
#include "viewer/timeline/clinicalpanels.h"

#include <QApplication>
#include <QDockWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <algorithm>

#include <unistd.h>

using namespace Kakehashi;

namespace {

constexpr int kRenderTimeoutMs = 60000;

QString dataFile(const char *name)
{
    return QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/documents/") + QLatin1String(name);
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

} // namespace

class TestDocumentView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoReferralRenders();
    void hostileDocumentIsSanitized();
    void rendererLockDownWithoutSanitizer();
    void malformedAndUnsupportedShowMessages_data();
    void malformedAndUnsupportedShowMessages();
    void basicRendererFallback();
    void activatingDocumentOpensIt();
    void demoHasAPdfLetterAndACdaCheckup();
};

void TestDocumentView::demoReferralRenders()
{
    QString error;
    if (!LocalRecordSource::registerDemoData(&error))
        QSKIP(qPrintable(QStringLiteral("demo data not built: ") + error));
    const RecordSet set = LocalRecordSource::load({LocalRecordSource::demoDataRoot() + QStringLiteral("/patients/p001.json")});
    const PatientRecord *record = set.find(u"p001");
    QVERIFY(record);
    const QStringList keys = ClinicalDocumentReader::openableKeys(*record);
    const QString referral = QStringLiteral("DocumentReference/p001-doc-01"); // the FHIR referral (doc-02 is the PDF reply)
    QVERIFY2(keys.contains(referral), qPrintable(keys.join(u' ')));

    DocumentView view;
    view.resize(900, 900);
    view.show();
    QCOMPARE(view.renderer(), DocumentView::Renderer::WebEngine);
    view.showResult(ClinicalDocumentReader::load(*record, referral), record->patient.displayName());
    QVERIFY(waitShown(view));
    QCOMPARE(view.renderer(), DocumentView::Renderer::WebEngine);

    const QString text = plainTextOf(view.webView()->page());
    for (const QString &expected : {QStringLiteral("診療情報提供書"), QStringLiteral("紹介目的"), QStringLiteral("傷病名・主訴"),
                                    QStringLiteral("二次性高血圧の精査"), QStringLiteral("朝の頭重感"), QStringLiteral("さくら内科クリニック")})
        QVERIFY2(text.contains(expected), qPrintable(expected));
    QCOMPARE(view.webView()->page()->title(), QStringLiteral("診療情報提供書"));
    QVERIFY(view.renderedHtml().contains(QStringLiteral("Content-Security-Policy")));
    QCOMPARE(view.blockedRequests(), 0); // a clean document asks for nothing outside itself
    QVERIFY(view.notice().isEmpty());
}

void TestDocumentView::hostileDocumentIsSanitized()
{
    const RecordSet set = LocalRecordSource::load({dataFile("record-with-documents.json")});
    const PatientRecord *record = set.find(u"t-docs");
    QVERIFY(record);
    DocumentView view;
    view.resize(900, 900);
    view.show();
    view.showResult(ClinicalDocumentReader::load(*record, QStringLiteral("DocumentReference/t-doc-hostile")));
    QVERIFY(waitShown(view));
    QCOMPARE(view.renderer(), DocumentView::Renderer::WebEngine);
    QTest::qWait(500); // a refresh or late subresource would have started by now

    QWebEnginePage *page = view.webView()->page();
    QCOMPARE(page->title(), QStringLiteral("診療情報提供書（テスト）"));
    QCOMPARE(page->url().scheme(), QStringLiteral("data"));
    const QString text = plainTextOf(page);
    QVERIFY(text.contains(QStringLiteral("SAFE-PURPOSE-TEXT")));
    QVERIFY(text.contains(QStringLiteral("REMOTE-SECTION")));
    QVERIFY(text.contains(QStringLiteral("https://example.invalid/info"))); // shown, not linked
    QVERIFY(!text.contains(QStringLiteral("PWNED")));
    const QString html = view.renderedHtml();
    for (const char *gone : {"<script", "onerror", "onclick", "javascript:", "<iframe", "<object", "<embed", "<form", "http-equiv=\"refresh\"",
                             "tracker.invalid", "css.invalid", "href=\"https://example.invalid"})
        QVERIFY2(!html.contains(QLatin1String(gone)), gone);
    QVERIFY(view.notice().contains(QStringLiteral("removed")));
    QCOMPARE(view.blockedRequests(), 0); // nothing external was even attempted
    QVERIFY(view.refusedNavigations().isEmpty());
}

void TestDocumentView::rendererLockDownWithoutSanitizer()
{
    // The second wall on its own: hostile markup straight into the renderer, without the CSP
    // meta, so that only the profile (no JavaScript) and the request interceptor stand in the way.
    const QString hostile = QStringLiteral(
        "<!DOCTYPE html><html><head><title>LOCKED</title>"
        "<meta http-equiv=\"refresh\" content=\"0; url=https://refresh.invalid/\">"
        "<link rel=\"stylesheet\" href=\"https://css.invalid/sheet.css\">"
        "<style>body { background-image: url(https://css.invalid/bg.png); }</style>"
        "<script>document.title = 'PWNED-SCRIPT';</script></head><body>"
        "<p>LOCKED-BODY</p>"
        "<img src=\"https://tracker.invalid/pixel.png\">"
        "<img src=\"nowhere.png\" onerror=\"document.title = 'PWNED-ONERROR'\">"
        "<iframe src=\"https://frame.invalid/\"></iframe>"
        "<script src=\"https://script.invalid/x.js\"></script>"
        "</body></html>");
    DocumentView view;
    view.resize(900, 900);
    view.show();
    view.showPreparedPage(hostile);
    QVERIFY(waitShown(view));
    QCOMPARE(view.renderer(), DocumentView::Renderer::WebEngine);
    QTest::qWait(1500); // give the refresh and the subresources time to try

    QWebEnginePage *page = view.webView()->page();
    QCOMPARE(page->title(), QStringLiteral("LOCKED"));
    QCOMPARE(page->url().scheme(), QStringLiteral("data"));
    QVERIFY(plainTextOf(page).contains(QStringLiteral("LOCKED-BODY")));
    // Every remote request reached the interceptor and was blocked; none was let through.
    QVERIFY2(view.blockedRequests() >= 1, qPrintable(QString::number(view.blockedRequests())));
    for (const QUrl &url : view.blockedUrls())
        QVERIFY(url.scheme() != u"data");
    const QList<QUrl> blocked = view.blockedUrls();
    QVERIFY(std::any_of(blocked.cbegin(), blocked.cend(), [](const QUrl &u) { return u.host() == u"tracker.invalid"; }));
    // A refused refresh is not a renderer failure: the secure renderer is still the one in use.
    QCOMPARE(view.renderer(), DocumentView::Renderer::WebEngine);
}

void TestDocumentView::malformedAndUnsupportedShowMessages_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    QTest::newRow("truncated JSON") << "DocumentReference/t-doc-badjson" << "not valid JSON";
    QTest::newRow("no Composition") << "DocumentReference/t-doc-nocomp" << "Composition";
    // The fixture's PDF is a header and a trailer, no pages: QtPdf refuses it, and the message says so.
    QTest::newRow("PDF") << "DocumentReference/t-doc-pdf" << "PDF";
    // (CDA documents are now rendered: tst_documentformats, tst_cdadocument.)
    QTest::newRow("not delivered") << "DocumentReference/t-doc-remote" << "documents.invalid";
}

void TestDocumentView::malformedAndUnsupportedShowMessages()
{
    QFETCH(QString, key);
    QFETCH(QString, expected);
    const RecordSet set = LocalRecordSource::load({dataFile("record-with-documents.json")});
    const PatientRecord *record = set.find(u"t-docs");
    QVERIFY(record);
    DocumentView view;
    view.show();
    view.showResult(ClinicalDocumentReader::load(*record, key));
    QVERIFY(waitShown(view));
    QVERIFY2(view.notice().contains(expected), qPrintable(view.notice()));
    QVERIFY(plainTextOf(view.webView()->page()).contains(expected));
}

void TestDocumentView::basicRendererFallback()
{
    qputenv("KAKEHASHI_DOCUMENT_RENDERER", "basic");
    DocumentView view;
    qunsetenv("KAKEHASHI_DOCUMENT_RENDERER");
    QCOMPARE(view.renderer(), DocumentView::Renderer::Basic);
    QVERIFY(!view.webView());
    const RecordSet set = LocalRecordSource::load({dataFile("record-with-documents.json")});
    view.showResult(ClinicalDocumentReader::load(*set.find(u"t-docs"), QStringLiteral("DocumentReference/t-doc-hostile")));
    QVERIFY(view.isSettled());
    const QString text = view.basicView()->toPlainText();
    QVERIFY(text.contains(QStringLiteral("SAFE-PURPOSE-TEXT")));
    QVERIFY(text.contains(QStringLiteral("試験 花子")));
    QVERIFY(!text.contains(QStringLiteral("PWNED")));
    QVERIFY(view.notice().contains(QStringLiteral("basic renderer")));
}

void TestDocumentView::activatingDocumentOpensIt()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openPaths({dataFile("record-with-documents.json")});
    QVERIFY(loaded.wait(30000));
    QVERIFY(window.showPatient(QStringLiteral("t-docs")));
    QVERIFY(!window.documentDock()); // WebEngine starts only when a document is opened
    // The Documents panel activates an item → the document opens in the dock.
    Q_EMIT window.patientView()->panels()->itemActivated(QStringLiteral("DocumentReference/t-doc-hostile"));
    QVERIFY(window.documentDock());
    QVERIFY(window.documentDock()->isVisibleTo(&window));
    DocumentView *view = window.documentView();
    QVERIFY(waitShown(*view));
    QVERIFY(view->renderedHtml().contains(QStringLiteral("SAFE-PURPOSE-TEXT")));
    // A non-document item opens nothing.
    const QString before = view->renderedHtml();
    Q_EMIT window.patientView()->panels()->itemActivated(QStringLiteral("Patient/t-docs"));
    QCOMPARE(view->renderedHtml(), before);
    // Showing another patient closes the document.
    window.patientView()->clear();
    QVERIFY(!view->renderedHtml().contains(QStringLiteral("SAFE-PURPOSE-TEXT")));
}

// The demo carries a document in each form a clinician meets: p001's reply letter as a PDF, and
// p003's 2021 特定健診 as an MHLW hc08 CDA. Both open from the Documents panel and show their text.
void TestDocumentView::demoHasAPdfLetterAndACdaCheckup()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.loadDemo();
    window.show();
    QVERIFY(loaded.wait(120000));

    QVERIFY(window.showPatient(QStringLiteral("p001")));
    Q_EMIT window.patientView()->panels()->itemActivated(QStringLiteral("DocumentReference/p001-doc-02"));
    QVERIFY(window.documentDock());
    DocumentView *view = window.documentView();
    QTRY_VERIFY_WITH_TIMEOUT(view->pdfPane() && view->pdfPane()->pageCount() == 2, 30000);
    QVERIFY2(view->pdfPane()->pageText(0).contains(QStringLiteral("山田 太郎")), qPrintable(view->pdfPane()->pageText(0)));
    QVERIFY2(view->pdfPane()->pageText(1).contains(QStringLiteral("アムロジピン 10 mg")), qPrintable(view->pdfPane()->pageText(1)));
    // The PDF has no header of its own: the caption names the hospital and the doctor who wrote it.
    QVERIFY2(view->caption().contains(QStringLiteral("東都大学病院")) && view->caption().contains(QStringLiteral("小林 誠")),
             qPrintable(view->caption()));

    QVERIFY(window.showPatient(QStringLiteral("p003")));
    Q_EMIT window.patientView()->panels()->itemActivated(QStringLiteral("DocumentReference/p003-doc-01"));
    QVERIFY(waitShown(*view));
    const QString html = view->renderedHtml();
    for (const char *expected : {"特定健診", "鈴木", "港南中央病院", "171.2", "HbA1c", "特記すべき異常所見はありません"})
        QVERIFY2(html.contains(QString::fromUtf8(expected)), expected);
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
    TestDocumentView tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_documentview.moc"
