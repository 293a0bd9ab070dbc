#include "viewer/imaging/imagingpanel.h"

#include "viewer/imageview/dicomviewerwidget.h"
#include "session/imaging/imagingcontroller.h"
#include "session/imaging/studyretrieval.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Kakehashi {

using Session::StudyRetrieval;

ImagingPanel::ImagingPanel(QWidget *parent) : ImagingPanel(nullptr, parent) {}

ImagingPanel::ImagingPanel(Session::ImagingController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller ? controller : new Session::ImagingController(this))
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_viewer(new DicomViewerWidget(this))
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
    m_cacheNote = new QLabel(this);
    m_cacheNote->setObjectName(QStringLiteral("imagingCacheNote"));
    m_cacheNote->setTextFormat(Qt::PlainText);
    m_cacheNote->setWordWrap(true);
    m_cacheNote->setAccessibleName(tr("Offline copy of the images"));
    m_cacheNote->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(m_cacheNote);
    layout->addWidget(m_stack);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(200);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ImagingPanel::showArrived);
    connectController();

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

ImagingPanel::~ImagingPanel() = default;

void ImagingPanel::connectController()
{
    using Session::ImagingController;
    connect(m_controller, &ImagingController::located, this, &ImagingPanel::onLocated);
    connect(m_controller, &ImagingController::retrievalStarted, this, &ImagingPanel::onRetrievalStarted);
    connect(m_controller, &ImagingController::retrievalUnavailable, this, [this] {
        showMessage(tr("This study's images are not available offline, and no PACS is configured for it."));
    });
    connect(m_controller, &ImagingController::seriesChanged, this, &ImagingPanel::onSeriesChanged);
    connect(m_controller, &ImagingController::retrievalFinished, this, &ImagingPanel::onRetrievalFinished);
    connect(m_controller, &ImagingController::cacheStoreFailed, this, [this](const QString &reason) {
        m_cacheNote->setText(tr("These images are shown but not kept for offline use: %1").arg(reason));
        m_cacheNote->show();
    });
}

void ImagingPanel::setRetrievalFactory(RetrievalFactory factory)
{
    m_controller->setRetrievalFactory(std::move(factory));
}

void ImagingPanel::setOpenedSeries(const QList<Dicom::DicomSeries> &series)
{
    m_controller->setOpenedSeries(series);
    m_viewer->setComparisonPool(series); // priors to compare with, also when one study is shown
    m_studyUid.clear();
    if (!series.isEmpty())
        showSeries(series);
}

const QList<Dicom::DicomSeries> &ImagingPanel::openedSeries() const
{
    return m_controller->openedSeries();
}

StudyRetrieval *ImagingPanel::retrieval() const
{
    return m_controller->retrieval();
}

bool ImagingPanel::isRetrieving() const
{
    return m_controller->isRetrieving();
}

void ImagingPanel::openStudy(const QString &studyInstanceUid)
{
    const StudyRetrieval *current = retrieval();
    const bool sameStudy = current && current->studyInstanceUid() == studyInstanceUid && m_studyUid == studyInstanceUid;
    // Already shown or arriving; a failed retrieval is tried again.
    if (sameStudy && (current->isRunning() || current->outcome().status.ok()))
        return;
    closeStudy();
    m_studyUid = studyInstanceUid;
    m_busy = true;
    m_awaitingFirstSlice = false;
    m_message->setText(tr("Looking for the study's images…"));
    m_stack->setCurrentWidget(m_message);
    m_controller->openStudy(studyInstanceUid);
}

void ImagingPanel::onLocated(bool found)
{
    if (m_controller->studyUid() != m_studyUid)
        return;
    if (found) {
        m_busy = false;
        showSeries(m_controller->series());
        return;
    }
    if (!m_controller->canRetrieve())
        showMessage(tr("This study's images are not available offline; the PACS back-end will fetch them."));
}

void ImagingPanel::showSeries(const QList<Dicom::DicomSeries> &series)
{
    m_awaitingFirstSlice = true;
    m_stack->setCurrentWidget(m_viewer);
    m_viewer->setSeries(series);
}

void ImagingPanel::onRetrievalStarted()
{
    m_busy = true;
    m_shownInstances = 0;
    m_progress->setText(tr("Retrieving the images…"));
    m_progress->show();
}

void ImagingPanel::onSeriesChanged(int received, int expected)
{
    m_progress->setText(expected > 0 ? tr("Retrieving the images: %1 of %2…").arg(received).arg(expected)
                                     : tr("Retrieving the images: %n received…", nullptr, received));
    // The first instance is shown at once; later ones are gathered for a moment.
    if (m_shownInstances == 0)
        showArrived();
    else if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

// What has arrived goes on screen: the headers were read once on arrival, nothing is read here.
void ImagingPanel::showArrived()
{
    const StudyRetrieval *retrieval = m_controller->retrieval();
    if (!retrieval || retrieval->studyInstanceUid() != m_studyUid)
        return;
    const QList<Dicom::DicomSeries> series = m_controller->series();
    if (series.isEmpty())
        return;
    m_busy = false;
    if (m_shownInstances > 0) {
        m_viewer->updateSeries(series);
    } else {
        showSeries(series);
        // Open on the slice that arrived first (over DICOMweb: the middle one of a short series, the
        // first streamed of a long one).
        const QList<Dicom::DicomInstancePtr> &arrived = retrieval->instances();
        if (!arrived.isEmpty()) {
            const QList<Dicom::DicomSliceRef> &slices = m_viewer->imageView()->series().slices;
            for (int i = 0; i < slices.size(); ++i)
                if (slices.at(i).instance == arrived.first())
                    m_viewer->imageView()->setCurrentIndex(i);
        }
    }
    m_shownInstances = int(retrieval->instances().size());
}

void ImagingPanel::onRetrievalFinished()
{
    const StudyRetrieval *retrieval = m_controller->retrieval();
    if (!retrieval || retrieval->studyInstanceUid() != m_studyUid)
        return;
    // Every arrival on screen before the outcome is told.
    m_refreshTimer.stop();
    if (m_shownInstances < int(retrieval->instances().size()))
        showArrived();
    // Key images, presentation states, reports and documents of the study, read off the GUI thread.
    if (const QList<Dicom::DicomSliceRef> others = m_controller->otherObjects(); !others.isEmpty())
        m_viewer->loadPresentationObjects(others);
    const StudyRetrieval::Outcome &outcome = retrieval->outcome();
    m_busy = false;
    if (outcome.status.ok()) {
        if (outcome.origin == StudyRetrieval::Origin::Cache)
            m_progress->setText(tr("%n image(s) from the encrypted local cache.", nullptr, outcome.instances));
        else if (outcome.origin == StudyRetrieval::Origin::Local)
            m_progress->setText(tr("%n image(s) read from local files.", nullptr, outcome.instances));
        else
            m_progress->setText(tr("%n image(s) retrieved from the PACS.", nullptr, outcome.instances));
    } else if (outcome.status.error == Dicom::ImageSourceError::Cancelled) {
        m_progress->hide();
    } else if (m_shownInstances > 0) {
        m_progress->setText(tr("Only part of the study arrived: %1").arg(retrievalErrorText()));
    } else {
        m_progress->hide();
        showMessage(retrievalErrorText());
    }
    Q_EMIT retrievalFinished();
}

QString ImagingPanel::retrievalErrorText() const
{
    const StudyRetrieval::Outcome &outcome = retrieval()->outcome();
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
    case ImageSourceError::ServerRevoked:
        return tr("The PACS's certificate has been revoked (the certificate status the server sent says so); the connection was refused.");
    case ImageSourceError::ServerStatusMissing:
        return tr("The PACS's certificate requires the server to send its current certificate status (OCSP must-staple), and "
                  "the server sent none that could be used; the connection was refused.");
    }
    return {};
}

void ImagingPanel::closeStudy()
{
    m_refreshTimer.stop();
    const bool hadRetrieval = retrieval() != nullptr;
    // The viewer lets go of the study's instances (and their decoded frames) with the retrieval.
    if (hadRetrieval && isShowingImages()) {
        m_viewer->setSeries({});
        m_viewer->imageView()->setSeries({});
    }
    m_controller->closeStudy();
    m_progress->hide();
    m_cacheNote->hide();
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
