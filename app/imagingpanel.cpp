#include "imagingpanel.h"

#include "dicomviewerwidget.h"

#include <QLabel>
#include <QLoggingCategory>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcImaging, "kakehashi.app.imaging", QtInfoMsg)

namespace Kakehashi {

ImagingPanel::ImagingPanel(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_message(new QLabel(this)), m_viewer(new DicomViewerWidget(this))
{
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setAccessibleName(tr("Images status"));
    m_message->setText(tr("No images open. Choose an imaging study in the record and open it."));
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_viewer);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(&m_watcher, &QFutureWatcher<ImagingStudyLocator::Result>::finished, this, &ImagingPanel::onLocated);
    DicomImageView *view = m_viewer->imageView();
    connect(view, &DicomImageView::sliceReady, this, [this, view](int index) {
        if (m_awaitingFirstSlice && index == view->currentIndex()) {
            m_awaitingFirstSlice = false;
            Q_EMIT imagesShown(true);
        }
    });
    connect(view, &DicomImageView::decodeFailed, this, [this, view](int index, const QString &error) {
        if (m_awaitingFirstSlice && index == view->currentIndex()) {
            m_awaitingFirstSlice = false;
            showMessage(tr("The image could not be shown: %1").arg(error));
        }
    });
}

ImagingPanel::~ImagingPanel()
{
    m_watcher.waitForFinished();
}

void ImagingPanel::setOpenedSeries(const QList<Dicom::DicomSeries> &series)
{
    m_locator.setOpenedSeries(series);
    m_studyUid.clear();
    if (!series.isEmpty())
        showSeries(series);
}

void ImagingPanel::openStudy(const QString &studyInstanceUid)
{
    m_studyUid = studyInstanceUid;
    m_busy = true;
    m_awaitingFirstSlice = false;
    m_message->setText(tr("Looking for the study's images…"));
    m_stack->setCurrentWidget(m_message);
    // A request made while another is still searching replaces it: onLocated() drops results
    // for a study that is no longer wanted.
    const ImagingStudyLocator locator = m_locator;
    m_watcher.setFuture(QtConcurrent::run([locator, studyInstanceUid] { return locator.locate(studyInstanceUid); }));
}

void ImagingPanel::onLocated()
{
    const ImagingStudyLocator::Result result = m_watcher.result();
    if (result.studyInstanceUid != m_studyUid)
        return;
    m_busy = false;
    if (!result.errors.isEmpty())
        qCInfo(lcImaging) << result.errors.size() << "files of the study could not be read";
    if (result.series.isEmpty()) {
        showMessage(tr("This study's images are not available offline; the PACS back-end will fetch them."));
        return;
    }
    showSeries(result.series);
}

void ImagingPanel::showSeries(const QList<Dicom::DicomSeries> &series)
{
    m_awaitingFirstSlice = true;
    m_stack->setCurrentWidget(m_viewer);
    m_viewer->setSeries(series);
}

void ImagingPanel::showMessage(const QString &text)
{
    m_busy = false;
    m_awaitingFirstSlice = false;
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    Q_EMIT imagesShown(false);
}

QString ImagingPanel::message() const
{
    return m_message->text();
}

bool ImagingPanel::isShowingImages() const
{
    return m_stack->currentWidget() == m_viewer;
}

} // namespace Kakehashi
