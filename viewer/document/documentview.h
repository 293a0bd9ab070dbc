#pragma once

#include "record/clinicaldocument.h"

#include <QStringList>
#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTextBrowser;
class QTimer;
class QWebEngineProfile;
class QWebEngineView;

namespace Kakehashi {

class DocumentPage;
class DocumentRequestGuard;
class PdfDocumentPane;

// Shows one clinical document. The page is rendered by Qt WebEngine in a locked-down,
// off-the-record profile: JavaScript and plugins off, no local or remote access, every network
// request refused by an interceptor (only the page's own in-memory data: content loads), no
// navigation, no new windows, no context menu, a strict Content-Security-Policy — and the
// narratives are sanitized before any of that (NarrativeSanitizer). When WebEngine cannot start,
// the same sanitized HTML is shown in a QTextBrowser with a note.
class DocumentView : public QWidget
{
    Q_OBJECT
public:
    enum class Renderer { WebEngine, Basic };

    explicit DocumentView(QWidget *parent = nullptr);
    ~DocumentView() override;

    // Chromium's sandbox cannot run as root: disable it only then (and say so in the log).
    // Called by the constructor; call it earlier if WebEngine may start before the first view.
    static void prepareWebEngineEnvironment();

    // FHIR and CDA documents and plain text as locked-down pages; PDFs in the PDF pane (QtPdf, from
    // memory); PNG/JPEG images inline; everything else as a message naming the document.
    void showResult(const DocumentLoadResult &result, const QString &patientName = {});
    void showDocument(const ClinicalDocument &document, const QString &patientName = {});
    void showMessage(const QString &title, const QString &text);
    // Renders a page as given, without the sanitizer. For pages made by DocumentHtml only; public
    // so tests can prove the renderer's own lock-down holds against content the sanitizer stops.
    void showPreparedPage(const QString &html);
    void clear();

    Renderer renderer() const { return m_renderer; }
    // The HTML last handed to the renderer (sanitized), and the notice line above it.
    QString renderedHtml() const { return m_html; }
    QString notice() const;
    // True once the last page has been rendered (or a message shown).
    bool isSettled() const { return m_settled; }

    // The files the shown document carries (JP-CLINS sections 200/210/230): listed above the
    // page; opening one shows it here (PDF, CDA, image, text) with a way back to the document.
    QStringList attachmentTitles() const;
    bool openAttachment(int index);
    void backToDocument();
    bool isShowingAttachment() const { return m_showingAttachment; }

    // Print… (QPrintDialog) and Export as PDF… (a file dialog): DocumentExport with a header
    // naming the facility, the patient and the reference time.
    void print();
    void exportPdf();

    // What is on screen: a page (FHIR, CDA, text, messages), a PDF or an image.
    enum class Content { Page, Pdf, Image };
    Content content() const { return m_content; }
    // The line above a PDF or image naming the document (type, date, facility, pages).
    QString caption() const;
    PdfDocumentPane *pdfPane() const { return m_pdf; }
    // The image shown inline (null unless content() == Image).
    QImage shownImage() const;
    // The last result shown (for printing and export).
    const DocumentLoadResult &currentResult() const { return m_result; }
    QString currentPatientName() const { return m_patientName; }

    QWebEngineView *webView() const { return m_web; }
    QTextBrowser *basicView() const { return m_basic; }
    // Requests the interceptor saw for this view: allowed (data: only) and blocked (everything else).
    int allowedRequests() const;
    int blockedRequests() const;
    QList<QUrl> blockedUrls() const;
    // Navigations the page asked for and was refused (links, refreshes, redirects).
    QList<QUrl> refusedNavigations() const { return m_refused; }

Q_SIGNALS:
    // The page (or a message) is on screen.
    void documentShown();
    void linkRefused(const QUrl &url);
    // A DICOM key image the document (or its attachment) carries, to be shown in the image view:
    // the Part 10 bytes, kept in memory, and the document's name. Without a receiver the view says
    // the image can only be seen in the main window's image view.
    void dicomImageOpened(const QByteArray &part10, const QString &documentName);

private:
    void createWebEngine();
    void render();
    void showPdf(const DocumentLoadResult &result);
    void showImage(const DocumentLoadResult &result);
    void showText(const DocumentLoadResult &result, const QString &patientName);
    void showDicom(const DocumentLoadResult &result);
    void setCaption(const DocumentLoadResult &result, const QString &extra);
    void showResultInternal(const DocumentLoadResult &result, const QString &patientName);
    void updateAttachmentBar();
    void useBasicRenderer(const QString &reason);
    void onLoadFinished(bool ok);
    void onNavigationRefused(const QUrl &url);
    void settle();

    QLabel *m_notice;
    QLabel *m_caption;
    QStackedWidget *m_stack;
    PdfDocumentPane *m_pdf;
    QScrollArea *m_imageArea;
    QLabel *m_image;
    QWidget *m_attachmentBar;
    QComboBox *m_attachmentBox;
    QPushButton *m_openAttachment;
    QPushButton *m_backToDocument;
    QLabel *m_attachmentLabel;
    QPushButton *m_printButton;
    QPushButton *m_exportButton;
    DocumentLoadResult m_parent;   // the document whose attachment is shown
    bool m_showingAttachment = false;
    Content m_content = Content::Page;
    DocumentLoadResult m_result;
    QString m_patientName;
    QTextBrowser *m_basic;
    QWebEngineView *m_web = nullptr;
    QWebEngineProfile *m_profile = nullptr;
    DocumentPage *m_page = nullptr;
    DocumentRequestGuard *m_guard = nullptr;
    QTimer *m_loadTimeout;
    Renderer m_renderer = Renderer::WebEngine;
    QString m_html;
    QString m_noticeText;
    QString m_rendererNote;
    QList<QUrl> m_refused;
    int m_loadsOutstanding = 0;
    bool m_settled = true;
};

} // namespace Kakehashi
