#include "documentview.h"

#include "documentexport.h"
#include "documenthtml.h"
#include "pdfdocumentpane.h"

#include <QBuffer>
#include <QComboBox>
#include <QFileDialog>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QHBoxLayout>
#include <QPushButton>
#include <QImageReader>
#include <QLabel>
#include <QScrollArea>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <QWebEngineDownloadRequest>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInfo>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineView>

#include <algorithm>
#include <functional>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcDocumentView, "kakehashi.document", QtInfoMsg)

namespace Kakehashi {

// Every request a document page makes passes here. Only the page's own in-memory content
// (data: URLs: the page itself and data: images) loads; everything else is blocked and counted.
// In Qt 6 interceptRequest() runs on the UI thread.
class DocumentRequestGuard : public QWebEngineUrlRequestInterceptor
{
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;

    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        if (info.requestUrl().scheme() == u"data") {
            ++m_allowed;
            return;
        }
        ++m_blocked;
        if (m_blockedUrls.size() < 100)
            m_blockedUrls.append(info.requestUrl());
        info.block(true);
    }

    int m_allowed = 0;
    int m_blocked = 0;
    QList<QUrl> m_blockedUrls;
};

// No navigation away from the document, no new windows, no script dialogs.
class DocumentPage : public QWebEnginePage
{
public:
    DocumentPage(QWebEngineProfile *profile, QObject *parent)
        : QWebEnginePage(profile, parent)
    {
    }

    // Set just before the view loads its own page; the next main-frame data: load is that page.
    int m_ownLoadsPending = 0;
    std::function<void(const QUrl &)> m_onRefused;

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override
    {
        const bool own = m_ownLoadsPending > 0 && isMainFrame && url.scheme() == u"data"
                         && (type == NavigationTypeTyped || type == NavigationTypeOther);
        if (own) {
            --m_ownLoadsPending;
            return true;
        }
        if (m_onRefused)
            m_onRefused(url);
        return false;
    }
    QWebEnginePage *createWindow(WebWindowType) override { return nullptr; }
    void javaScriptAlert(const QUrl &, const QString &) override {}
    bool javaScriptConfirm(const QUrl &, const QString &) override { return false; }
    bool javaScriptPrompt(const QUrl &, const QString &, const QString &, QString *) override { return false; }
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &, int, const QString &) override {}
};

namespace {

// The fallback renderer: QTextBrowser never runs script; it must not load files or follow links either.
class BasicDocumentBrowser : public QTextBrowser
{
public:
    using QTextBrowser::QTextBrowser;
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

void lockDown(QWebEngineSettings *s)
{
    using S = QWebEngineSettings;
    s->setAttribute(S::JavascriptEnabled, false);
    s->setAttribute(S::JavascriptCanOpenWindows, false);
    s->setAttribute(S::JavascriptCanAccessClipboard, false);
    s->setAttribute(S::JavascriptCanPaste, false);
    s->setAttribute(S::AllowWindowActivationFromJavaScript, false);
    s->setAttribute(S::PluginsEnabled, false);
    s->setAttribute(S::PdfViewerEnabled, false);
    s->setAttribute(S::LocalContentCanAccessRemoteUrls, false);
    s->setAttribute(S::LocalContentCanAccessFileUrls, false);
    s->setAttribute(S::LocalStorageEnabled, false);
    s->setAttribute(S::AllowRunningInsecureContent, false);
    s->setAttribute(S::AllowGeolocationOnInsecureOrigins, false);
    s->setAttribute(S::HyperlinkAuditingEnabled, false);
    s->setAttribute(S::DnsPrefetchEnabled, false);
    s->setAttribute(S::ErrorPageEnabled, false);
    s->setAttribute(S::WebGLEnabled, false);
    s->setAttribute(S::Accelerated2dCanvasEnabled, false);
    s->setAttribute(S::ScreenCaptureEnabled, false);
    s->setAttribute(S::FullScreenSupportEnabled, false);
    s->setAttribute(S::NavigateOnDropEnabled, false);
    s->setAttribute(S::AutoLoadIconsForPage, false);
    s->setAttribute(S::TouchIconsEnabled, false);
    s->setAttribute(S::WebRTCPublicInterfacesOnly, true);
    s->setAttribute(S::FocusOnNavigationEnabled, false);
    s->setUnknownUrlSchemePolicy(S::DisallowUnknownUrlSchemes);
}

constexpr int kLoadTimeoutMs = 20000;

} // namespace

void DocumentView::prepareWebEngineEnvironment()
{
#ifdef Q_OS_UNIX
    if (::geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX")) {
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
        qCWarning(lcDocumentView) << "running as root: the Chromium sandbox cannot be used and is disabled";
    }
#endif
}

DocumentView::DocumentView(QWidget *parent)
    : QWidget(parent)
    , m_notice(new QLabel(this))
    , m_caption(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_pdf(new PdfDocumentPane(this))
    , m_imageArea(new QScrollArea(this))
    , m_image(new QLabel(this))
    , m_attachmentBar(new QWidget(this))
    , m_attachmentBox(new QComboBox(m_attachmentBar))
    , m_openAttachment(new QPushButton(tr("Open attachment"), m_attachmentBar))
    , m_backToDocument(new QPushButton(tr("Back to the document"), m_attachmentBar))
    , m_attachmentLabel(new QLabel(tr("Attachments:"), m_attachmentBar))
    , m_printButton(new QPushButton(tr("Print…"), m_attachmentBar))
    , m_exportButton(new QPushButton(tr("Export as PDF…"), m_attachmentBar))
    , m_basic(new BasicDocumentBrowser(this))
    , m_loadTimeout(new QTimer(this))
{
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->setAccessibleName(tr("Document notice"));
    m_notice->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #6b4a00; border: 1px solid #e8c870; padding: 4px; }"));
    m_notice->hide();
    m_basic->setOpenLinks(false);
    m_basic->setOpenExternalLinks(false);
    m_basic->setAccessibleName(tr("Document"));
    m_stack->addWidget(m_basic);
    m_stack->addWidget(m_pdf);
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setWordWrap(true);
    m_caption->setAccessibleName(tr("Document details"));
    m_caption->setStyleSheet(QStringLiteral("QLabel { background: #eef3f8; color: #1a1a1a; padding: 4px; }"));
    m_caption->hide();
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setAccessibleName(tr("Attached image"));
    m_imageArea->setWidget(m_image);
    m_imageArea->setWidgetResizable(true);
    m_imageArea->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_imageArea);
    m_loadTimeout->setSingleShot(true);
    m_loadTimeout->setInterval(kLoadTimeoutMs);
    connect(m_loadTimeout, &QTimer::timeout, this, [this] { useBasicRenderer(tr("the page did not finish loading")); });
    connect(m_basic, &QTextBrowser::anchorClicked, this, &DocumentView::onNavigationRefused);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *barLayout = new QHBoxLayout(m_attachmentBar);
    barLayout->setContentsMargins(4, 2, 4, 2);
    barLayout->addWidget(m_attachmentLabel);
    barLayout->addWidget(m_attachmentBox, 1);
    barLayout->addWidget(m_openAttachment);
    barLayout->addWidget(m_backToDocument);
    barLayout->addStretch();
    barLayout->addWidget(m_printButton);
    barLayout->addWidget(m_exportButton);
    m_attachmentBox->setAccessibleName(tr("Attachments"));
    connect(m_printButton, &QPushButton::clicked, this, &DocumentView::print);
    connect(m_exportButton, &QPushButton::clicked, this, &DocumentView::exportPdf);
    connect(m_openAttachment, &QPushButton::clicked, this, [this] { openAttachment(m_attachmentBox->currentIndex()); });
    connect(m_backToDocument, &QPushButton::clicked, this, &DocumentView::backToDocument);
    layout->addWidget(m_attachmentBar);
    layout->addWidget(m_notice);
    layout->addWidget(m_caption);
    layout->addWidget(m_stack, 1);

    // KAKEHASHI_DOCUMENT_RENDERER=basic: never start WebEngine (machines where it cannot run).
    if (qEnvironmentVariable("KAKEHASHI_DOCUMENT_RENDERER") == u"basic") {
        m_renderer = Renderer::Basic;
        m_rendererNote = tr("Shown with the basic renderer (KAKEHASHI_DOCUMENT_RENDERER=basic); layout may be simplified.");
    } else {
        createWebEngine();
    }
}

DocumentView::~DocumentView()
{
    // The page must go before its profile.
    delete m_web;
    m_web = nullptr;
    delete m_page;
    m_page = nullptr;
}

void DocumentView::createWebEngine()
{
    prepareWebEngineEnvironment();
    // No storage name: an off-the-record profile, nothing written to disk.
    m_profile = new QWebEngineProfile(this);
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->setSpellCheckEnabled(false);
    lockDown(m_profile->settings());
    m_guard = new DocumentRequestGuard(m_profile);
    m_profile->setUrlRequestInterceptor(m_guard);
    connect(m_profile, &QWebEngineProfile::downloadRequested, this, [](QWebEngineDownloadRequest *download) { download->cancel(); });

    m_page = new DocumentPage(m_profile, this);
    lockDown(m_page->settings());
    m_page->m_onRefused = [this](const QUrl &url) { onNavigationRefused(url); };
    connect(m_page, &QWebEnginePage::featurePermissionRequested, this, [this](const QUrl &origin, QWebEnginePage::Feature feature) {
        m_page->setFeaturePermission(origin, feature, QWebEnginePage::PermissionDeniedByUser);
    });
    connect(m_page, &QWebEnginePage::loadFinished, this, &DocumentView::onLoadFinished);
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this, [this](QWebEnginePage::RenderProcessTerminationStatus status, int) {
        if (status != QWebEnginePage::NormalTerminationStatus)
            useBasicRenderer(tr("the web renderer stopped"));
    });

    m_web = new QWebEngineView(this);
    m_web->setPage(m_page);
    m_web->setContextMenuPolicy(Qt::NoContextMenu);
    m_web->setAcceptDrops(false);
    m_web->setAccessibleName(tr("Document"));
    m_stack->addWidget(m_web);
    m_stack->setCurrentWidget(m_web);
}

QString DocumentView::notice() const
{
    return m_notice->text();
}

int DocumentView::allowedRequests() const
{
    return m_guard ? m_guard->m_allowed : 0;
}

int DocumentView::blockedRequests() const
{
    return m_guard ? m_guard->m_blocked : 0;
}

QList<QUrl> DocumentView::blockedUrls() const
{
    return m_guard ? m_guard->m_blockedUrls : QList<QUrl>();
}

void DocumentView::clear()
{
    m_parent = DocumentLoadResult();
    m_showingAttachment = false;
    updateAttachmentBar();
    showMessage(tr("No document"), tr("Open a document from the record, the timeline or the Documents panel."));
}

void DocumentView::showResult(const DocumentLoadResult &result, const QString &patientName)
{
    m_showingAttachment = false;
    m_parent = result;
    showResultInternal(result, patientName);
    updateAttachmentBar();
}

QStringList DocumentView::attachmentTitles() const
{
    QStringList titles;
    for (const DocumentAttachment &a : m_parent.document.attachments)
        titles << a.title;
    return titles;
}

bool DocumentView::openAttachment(int index)
{
    const QList<DocumentAttachment> &attachments = m_parent.document.attachments;
    if (index < 0 || index >= attachments.size())
        return false;
    const DocumentAttachment &a = attachments.at(index);
    DocumentLoadResult r;
    if (a.available()) {
        r = ClinicalDocumentReader::fromBytes(a.content, a.contentType);
    } else {
        r.status = DocumentLoadResult::Status::NotFound;
        r.url = a.url;
        r.message = a.url.startsWith(u"http", Qt::CaseInsensitive)
                        ? tr("This attachment is on another server (%1). Documents never fetch content from outside the record, so it is not shown.").arg(a.url)
                        : tr("This attachment's content was not delivered with the document.");
    }
    const QString parentName = m_parent.name.isEmpty() ? m_parent.document.title : m_parent.name;
    r.name = parentName.isEmpty() ? a.title : parentName + QStringLiteral(" › ") + a.title;
    if (r.document.title.isEmpty())
        r.document.title = r.name;
    if (r.isOk() && (r.format == DocumentFormat::Pdf || r.format == DocumentFormat::Image || r.format == DocumentFormat::Text)) {
        r.document.date = m_parent.document.date;
        r.document.custodian = m_parent.document.custodian;
    }
    if (!r.isOk() && !r.message.isEmpty())
        r.message = tr("%1: %2").arg(r.name, r.message);
    m_showingAttachment = true;
    showResultInternal(r, m_patientName);
    updateAttachmentBar();
    return true;
}

void DocumentView::backToDocument()
{
    if (!m_showingAttachment)
        return;
    m_showingAttachment = false;
    showResultInternal(m_parent, m_patientName);
    updateAttachmentBar();
}

void DocumentView::print()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print document"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!DocumentExport::printDocument(this, &printer, &error))
        QMessageBox::warning(this, tr("Print document"), error);
}

void DocumentView::exportPdf()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export as PDF"), QString(), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!DocumentExport::exportDocument(this, path, &error))
        QMessageBox::warning(this, tr("Export as PDF"), error);
}

void DocumentView::updateAttachmentBar()
{
    const QStringList titles = attachmentTitles();
    m_attachmentBox->clear();
    m_attachmentBox->addItems(titles);
    for (QWidget *w : std::initializer_list<QWidget *>{m_attachmentLabel, m_attachmentBox, m_openAttachment, m_backToDocument})
        w->setVisible(!titles.isEmpty());
    m_backToDocument->setEnabled(m_showingAttachment);
}

void DocumentView::showResultInternal(const DocumentLoadResult &result, const QString &patientName)
{
    m_result = result;
    m_patientName = patientName;
    // Name the document in every message about it.
    const auto messageFor = [&](const QString &title) {
        showMessage(title, result.message);
        m_result = result;
    };
    switch (result.status) {
    case DocumentLoadResult::Status::Ok:
        switch (result.format) {
        case DocumentFormat::Pdf:
            showPdf(result);
            return;
        case DocumentFormat::Image:
            showImage(result);
            return;
        case DocumentFormat::Text:
            showText(result, patientName);
            return;
        case DocumentFormat::Dicom:
            showDicom(result);
            return;
        default:
            break;
        }
        showDocument(result.document, patientName);
        m_result = result;
        if (!result.message.isEmpty()) {
            m_noticeText = m_noticeText.isEmpty() ? result.message : m_noticeText + u' ' + result.message;
            m_notice->setText(m_noticeText);
            m_notice->show();
        }
        return;
    case DocumentLoadResult::Status::Unsupported:
        messageFor(tr("This document cannot be shown"));
        return;
    case DocumentLoadResult::Status::Malformed:
        messageFor(tr("This document cannot be read"));
        return;
    case DocumentLoadResult::Status::NotFound:
        messageFor(tr("The document's content is not available"));
        return;
    case DocumentLoadResult::Status::NotADocument:
        messageFor(tr("Not a document"));
        return;
    }
}

void DocumentView::showDicom(const DocumentLoadResult &result)
{
    const QString name = result.name.isEmpty() ? result.document.title : result.name;
    if (isSignalConnected(QMetaMethod::fromSignal(&DocumentView::dicomImageOpened))) {
        showMessage(tr("DICOM image"), tr("%1: this is a DICOM image; it is shown in the image view.").arg(name));
        m_result = result;
        Q_EMIT dicomImageOpened(result.content, name);
        return;
    }
    showMessage(tr("DICOM image"), tr("%1: this is a DICOM image; open it in the main window's image view.").arg(name));
    m_result = result;
}

QString DocumentView::caption() const
{
    return m_caption->isVisible() || !m_caption->text().isEmpty() ? m_caption->text() : QString();
}

QImage DocumentView::shownImage() const
{
    return m_content == Content::Image ? m_image->pixmap().toImage() : QImage();
}

void DocumentView::setCaption(const DocumentLoadResult &result, const QString &extra)
{
    QStringList parts;
    const ClinicalDocument &d = result.document;
    parts << d.title;
    if (d.date.isValid())
        parts << d.date.displayText();
    parts << d.custodian;
    // Who wrote it (a PDF or image has no header of its own: the DocumentReference's authors).
    QStringList authors = d.authors;
    authors.removeAll(d.custodian);
    parts << authors.join(QStringLiteral("、"));
    if (!m_patientName.isEmpty())
        parts << tr("patient: %1").arg(m_patientName);
    parts << extra;
    parts.removeAll(QString());
    m_caption->setText(parts.join(QStringLiteral(" — ")));
    m_caption->setVisible(!parts.isEmpty());
}

void DocumentView::showPdf(const DocumentLoadResult &result)
{
    QString error;
    if (!m_pdf->load(result.content, &error)) {
        DocumentLoadResult failed = result;
        failed.status = DocumentLoadResult::Status::Malformed;
        failed.message = result.name.isEmpty() ? error : tr("%1: %2").arg(result.name, error);
        showMessage(tr("This PDF cannot be shown"), failed.message);
        m_result = failed;
        return;
    }
    m_content = Content::Pdf;
    m_html.clear();
    m_noticeText.clear();
    m_refused.clear();
    if (m_pdf->isTruncated()) {
        m_noticeText = tr("This PDF file is incomplete (it ends before its end marker): pages or parts of pages may be missing.");
        m_notice->setText(m_noticeText);
        m_notice->show();
    } else {
        m_notice->hide();
    }
    setCaption(result, tr("PDF, %n page(s)", nullptr, m_pdf->pageCount()));
    m_stack->setCurrentWidget(m_pdf);
    settle();
}

void DocumentView::showImage(const DocumentLoadResult &result)
{
    QBuffer buffer;
    buffer.setData(result.content);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    // A header claiming a huge canvas is refused before any pixel memory is allocated.
    const QSize size = reader.size();
    QImage image;
    if (size.isValid() && qint64(size.width()) * size.height() <= qint64(40) * 1000 * 1000)
        image = reader.read();
    if (image.isNull()) {
        const QString why = size.isValid() && qint64(size.width()) * size.height() > qint64(40) * 1000 * 1000
                                ? tr("The image is too large to show (%1 × %2 pixels).").arg(size.width()).arg(size.height())
                                : tr("The image is damaged or incomplete and cannot be shown.");
        DocumentLoadResult failed = result;
        failed.status = DocumentLoadResult::Status::Malformed;
        failed.message = result.name.isEmpty() ? why : tr("%1: %2").arg(result.name, why);
        showMessage(tr("This image cannot be shown"), failed.message);
        m_result = failed;
        return;
    }
    m_content = Content::Image;
    m_html.clear();
    m_noticeText.clear();
    m_refused.clear();
    m_notice->hide();
    m_image->setPixmap(QPixmap::fromImage(image));
    setCaption(result, tr("image, %1 × %2").arg(image.width()).arg(image.height()));
    m_stack->setCurrentWidget(m_imageArea);
    settle();
}

void DocumentView::showText(const DocumentLoadResult &result, const QString &patientName)
{
    ClinicalDocument document = result.document;
    DocumentSection section;
    section.title = tr("Text");
    QString text = QString::fromUtf8(result.content.left(512 * 1024));
    section.narrative = QStringLiteral("<div xmlns=\"http://www.w3.org/1999/xhtml\"><pre>") + text.toHtmlEscaped() + QStringLiteral("</pre></div>");
    document.sections = {section};
    showDocument(document, patientName);
    if (result.content.size() > 512 * 1024) {
        m_notice->setText(tr("This text is too large to show in full."));
        m_notice->show();
    }
    m_result = result;
}

void DocumentView::showDocument(const ClinicalDocument &document, const QString &patientName)
{
    const DocumentHtml::Page page = DocumentHtml::render(document, patientName);
    m_html = page.html;
    QStringList notes;
    if (page.removedParts > 0)
        notes << tr("%n unsafe part(s) of this document were removed before display; nothing in it can run or load content.", nullptr, page.removedParts);
    if (page.truncated)
        notes << tr("This document is too large to show in full.");
    m_noticeText = notes.join(u' ');
    render();
}

void DocumentView::showMessage(const QString &title, const QString &text)
{
    m_html = DocumentHtml::messagePage(title, text);
    m_noticeText = text;
    render();
}

void DocumentView::showPreparedPage(const QString &html)
{
    m_html = html;
    m_noticeText.clear();
    render();
}

void DocumentView::render()
{
    m_content = Content::Page;
    m_caption->hide();
    m_caption->clear();
    m_pdf->clear();
    m_image->clear();
    m_refused.clear();
    m_settled = false;
    QStringList notes;
    if (!m_noticeText.isEmpty())
        notes << m_noticeText;
    if (!m_rendererNote.isEmpty())
        notes << m_rendererNote;
    m_notice->setText(notes.join(u'\n'));
    m_notice->setVisible(!notes.isEmpty());
    if (m_renderer == Renderer::Basic) {
        m_basic->setHtml(m_html);
        m_stack->setCurrentWidget(m_basic);
        settle();
        return;
    }
    m_stack->setCurrentWidget(m_web);
    ++m_page->m_ownLoadsPending;
    ++m_loadsOutstanding;
    m_loadTimeout->start();
    // A data: URL; the page is at most ~1.4 MB (DocumentHtml::render), under setHtml's 2 MB.
    m_page->setHtml(m_html, QUrl());
}

void DocumentView::onLoadFinished(bool ok)
{
    m_loadsOutstanding = std::max(0, m_loadsOutstanding - 1);
    if (!ok) {
        // A load superseded by a newer one ends "not ok" too: only the last one counts. So does a
        // navigation the page tried and we refused (a refresh) after our own page had loaded.
        if (m_settled || !m_refused.isEmpty())
            return;
        if (m_loadsOutstanding == 0)
            useBasicRenderer(tr("the page could not be rendered"));
        return;
    }
    m_loadTimeout->stop();
    m_loadsOutstanding = 0;
    if (m_page)
        m_page->m_ownLoadsPending = 0;
    settle();
}

void DocumentView::useBasicRenderer(const QString &reason)
{
    if (m_renderer == Renderer::Basic)
        return;
    qCWarning(lcDocumentView) << "falling back to the basic document renderer:" << reason;
    m_renderer = Renderer::Basic;
    m_loadTimeout->stop();
    m_rendererNote = tr("The secure web renderer could not be used (%1); the document is shown with the basic renderer.").arg(reason);
    render();
}

void DocumentView::onNavigationRefused(const QUrl &url)
{
    m_refused.append(url);
    // Shown, not followed.
    const QString shown = url.scheme() == u"data" ? tr("an embedded page") : url.toDisplayString(QUrl::RemoveUserInfo);
    m_notice->setText(tr("A link or redirect in the document was not followed: %1").arg(shown.left(300)));
    m_notice->show();
    Q_EMIT linkRefused(url);
}

void DocumentView::settle()
{
    m_settled = true;
    Q_EMIT documentShown();
}

} // namespace Kakehashi
