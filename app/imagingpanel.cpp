#include "imagingpanel.h"

#include "dicomviewerwidget.h"
#include "studyretrieval.h"

#include <QLabel>
#include <QLoggingCategory>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

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
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("imagingProgress"));
    m_progress->setTextFormat(Qt::PlainText);
    m_progress->setWordWrap(true);
    m_progress->setAccessibleName(tr("Image retrieval"));
    m_progress->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(m_stack);
    m_rescanTimer.setSingleShot(true);
    m_rescanTimer.setInterval(200);
    connect(&m_rescanTimer, &QTimer::timeout, this, &ImagingPanel::rescan);
    connect(&m_scanWatcher, &QFutureWatcher<Dicom::DicomScanResult>::finished, this, &ImagingPanel::onRescanned);

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
    m_scanWatcher.waitForFinished();
    m_retrieval.reset();
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
    if (m_retrieval && m_retrieval->studyInstanceUid() == studyInstanceUid && !m_retrieval->outcome().status.ok()
        && !m_retrieval->isRunning())
        m_retrieval.reset(); // a failed retrieval is tried again
    if (m_retrieval && m_retrieval->studyInstanceUid() == studyInstanceUid && m_studyUid == studyInstanceUid)
        return; // already shown or arriving
    closeStudy();
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
        if (m_retrievalFactory) {
            startRetrieval(result.studyInstanceUid);
            return;
        }
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

void ImagingPanel::startRetrieval(const QString &studyInstanceUid)
{
    m_retrieval = m_retrievalFactory(studyInstanceUid);
    if (!m_retrieval) {
        showMessage(tr("This study's images are not available offline, and no PACS is configured for it."));
        return;
    }
    m_busy = true;
    m_shownPaths = 0;
    m_scanningPaths = 0;
    m_retrievalReported = false;
    m_progress->setText(tr("Retrieving the images…"));
    m_progress->show();
    StudyRetrieval *retrieval = m_retrieval.get();
    connect(retrieval, &StudyRetrieval::instanceArrived, this, &ImagingPanel::onInstanceArrived);
    connect(retrieval, &StudyRetrieval::finished, this, &ImagingPanel::onRetrievalFinished);
    retrieval->start();
}

bool ImagingPanel::isRetrieving() const
{
    return m_retrieval && m_retrieval->isRunning();
}

void ImagingPanel::onInstanceArrived(int received)
{
    const int expected = m_retrieval->expectedInstances();
    m_progress->setText(expected > 0 ? tr("Retrieving the images: %1 of %2…").arg(received).arg(expected)
                                     : tr("Retrieving the images: %n received…", nullptr, received));
    // The first instance is shown at once; later ones are gathered for a moment.
    if (m_shownPaths == 0 && !m_scanWatcher.isRunning())
        rescan();
    else if (!m_rescanTimer.isActive())
        m_rescanTimer.start();
}

void ImagingPanel::rescan()
{
    if (!m_retrieval)
        return;
    if (m_scanWatcher.isRunning()) {
        m_rescanAgain = true;
        return;
    }
    // In-memory instances: nothing of the study is written to disk in plaintext.
    const QList<Dicom::DicomInstancePtr> instances = m_retrieval->instances();
    m_scanningPaths = int(instances.size());
    m_scanWatcher.setFuture(QtConcurrent::run([instances] { return Dicom::DicomSeriesScanner::scanInstances(instances); }));
}

void ImagingPanel::onRescanned()
{
    const Dicom::DicomScanResult scan = m_scanWatcher.result();
    if (!m_retrieval || m_retrieval->studyInstanceUid() != m_studyUid)
        return;
    QList<Dicom::DicomSeries> series;
    for (const Dicom::DicomSeries &s : scan.series)
        if (s.studyInstanceUid == m_studyUid)
            series.append(s);
    if (!series.isEmpty()) {
        m_busy = false;
        if (m_shownPaths > 0) {
            m_viewer->updateSeries(series);
        } else {
            showSeries(series);
            // Open on the slice that arrived first (the middle one over DICOMweb), even when more
            // had arrived by the time of this first scan.
            const QList<Dicom::DicomInstancePtr> arrived = m_retrieval->instances();
            if (!arrived.isEmpty()) {
                const QList<Dicom::DicomSliceRef> &slices = m_viewer->imageView()->series().slices;
                for (int i = 0; i < slices.size(); ++i)
                    if (slices.at(i).instance == arrived.first())
                        m_viewer->imageView()->setCurrentIndex(i);
            }
        }
        m_shownPaths = m_scanningPaths;
    }
    if (std::exchange(m_rescanAgain, false))
        rescan();
    else
        onRetrievalFinished();
}

void ImagingPanel::onRetrievalFinished()
{
    if (!m_retrieval || m_retrieval->isRunning() || m_retrievalReported)
        return;
    // Every arrival on screen before the outcome is told.
    m_rescanTimer.stop();
    if (m_scanWatcher.isRunning()) {
        m_rescanAgain = true;
        return; // onRescanned() comes back here
    }
    if (m_shownPaths < int(m_retrieval->instances().size())) {
        rescan();
        return;
    }
    m_retrievalReported = true;
    const StudyRetrieval::Outcome &outcome = m_retrieval->outcome();
    m_busy = false;
    if (outcome.status.ok()) {
        if (outcome.origin == StudyRetrieval::Origin::Cache)
            m_progress->setText(tr("%n image(s) from the encrypted local cache.", nullptr, outcome.instances));
        else
            m_progress->setText(tr("%n image(s) retrieved from the PACS.", nullptr, outcome.instances));
    } else if (outcome.status.error == Dicom::ImageSourceError::Cancelled) {
        m_progress->hide();
    } else if (m_shownPaths > 0) {
        m_progress->setText(tr("Only part of the study arrived: %1").arg(retrievalErrorText()));
    } else {
        m_progress->hide();
        showMessage(retrievalErrorText());
    }
    Q_EMIT retrievalFinished();
}

QString ImagingPanel::retrievalErrorText() const
{
    const StudyRetrieval::Outcome &outcome = m_retrieval->outcome();
    using Dicom::ImageSourceError;
    if (outcome.noSource)
        return tr("This study's images are not available offline, and no PACS is configured to fetch them.");
    switch (outcome.status.error) {
    case ImageSourceError::None:
        return {};
    case ImageSourceError::Cancelled:
        return tr("The retrieval was cancelled.");
    case ImageSourceError::Timeout:
        return tr("The PACS did not answer in time. Try again later.");
    case ImageSourceError::Network:
        return tr("The PACS cannot be reached (connection refused, TLS certificate not accepted, or association rejected).");
    case ImageSourceError::NotFound:
        return tr("The PACS does not have this study (not found).");
    case ImageSourceError::Server:
        return outcome.status.httpStatus > 0 ? tr("The PACS refused the request (HTTP %1).").arg(outcome.status.httpStatus)
                                             : tr("The PACS refused the request.");
    case ImageSourceError::Protocol:
        return tr("The PACS sent an answer that could not be read.");
    case ImageSourceError::LocalIo:
        return tr("The images could not be written to this computer's temporary folder.");
    case ImageSourceError::Unsupported:
        return tr("This PACS cannot deliver the study.");
    }
    return {};
}

void ImagingPanel::closeStudy()
{
    m_rescanTimer.stop();
    m_rescanAgain = false;
    if (m_retrieval) {
        m_retrieval->disconnect(this);
        m_retrieval->cancel();
    }
    // The viewer lets go of the study's instances (and their decoded frames) with the retrieval.
    if (m_retrieval && isShowingImages()) {
        m_viewer->setSeries({});
        m_viewer->imageView()->setSeries({});
    }
    m_retrieval.reset();
    m_progress->hide();
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
