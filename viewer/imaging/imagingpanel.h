#pragma once

#include "dicom/dicomseries.h"
#include "session/imaging/imagingcontroller.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QStackedWidget;

namespace Kakehashi {

class DicomViewerWidget;
namespace Session {
class StudyRetrieval;
}

// The "Images" panel of the main window: shows what a Session::ImagingController holds — the
// DICOM viewer for a study opened from the record or for files opened with --open, its retrieval
// progress, or a plain message when a study's images are not at hand. It reads nothing itself.
class ImagingPanel : public QWidget
{
    Q_OBJECT
public:
    // Without a controller the panel makes its own (no retrieval until a factory is set).
    explicit ImagingPanel(QWidget *parent = nullptr);
    explicit ImagingPanel(Session::ImagingController *controller, QWidget *parent = nullptr);
    ~ImagingPanel() override;

    Session::ImagingController *controller() const { return m_controller; }
    // DICOM opened with --open: shown at once and searched first when a study is requested.
    void setOpenedSeries(const QList<Dicom::DicomSeries> &series);
    const QList<Dicom::DicomSeries> &openedSeries() const;
    // Finds the study's images through the controller; imagesShown() follows.
    void openStudy(const QString &studyInstanceUid);
    void showMessage(const QString &text);
    // The controller's retrieval factory (see ImagingController::setRetrievalFactory).
    using RetrievalFactory = std::function<std::unique_ptr<Session::StudyRetrieval>(const QString &studyInstanceUid)>;
    void setRetrievalFactory(RetrievalFactory factory);
    // Stops a retrieval and forgets its images (patient change, lock).
    void closeStudy();
    Session::StudyRetrieval *retrieval() const;
    bool isRetrieving() const;
    QLabel *progressLabel() const { return m_progress; }
    // Says when the open study could not be stored for offline use (hidden otherwise).
    QLabel *cacheNoteLabel() const { return m_cacheNote; }

    DicomViewerWidget *viewer() const { return m_viewer; }
    QString message() const;
    bool isShowingImages() const;
    bool isBusy() const { return m_busy; }
    // Nothing is being looked for or decoded for display: what is shown is final.
    bool isSettled() const { return !m_busy && !m_awaitingFirstSlice && !isRetrieving(); }
    QString currentStudyUid() const { return m_studyUid; }

Q_SIGNALS:
    // The first slice is on screen (ok) or there is nothing to show (a message instead).
    void imagesShown(bool ok);
    // A retrieval from the cache or the PACS ended (see retrieval()->outcome()).
    void retrievalFinished();

private:
    void connectController();
    void showSeries(const QList<Dicom::DicomSeries> &series);
    void onLocated(bool found);
    void onRetrievalStarted();
    void onSeriesChanged(int received, int expected);
    void showArrived();
    void onRetrievalFinished();
    QString retrievalErrorText() const;

    QPointer<Session::ImagingController> m_controller; // may be the window's, gone first at shutdown
    QStackedWidget *m_stack;
    QLabel *m_message;
    DicomViewerWidget *m_viewer;
    QString m_studyUid;
    bool m_busy = false;
    bool m_awaitingFirstSlice = false;
    QLabel *m_progress;
    QLabel *m_cacheNote;
    QTimer m_refreshTimer; // coalesces arrivals: the viewer takes the series at most this often
    int m_shownInstances = 0; // instances of the retrieval on screen
};

} // namespace Kakehashi
