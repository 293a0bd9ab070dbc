#pragma once

#include "imagingstudylocator.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QStackedWidget;

namespace Kakehashi {

class DicomViewerWidget;
class StudyRetrieval;

// The "Images" panel of the main window: the DICOM viewer for a study opened from the record or
// for files opened with --open, or a plain message when a study's images are not at hand.
class ImagingPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ImagingPanel(QWidget *parent = nullptr);
    ~ImagingPanel() override;

    // DICOM opened with --open: shown at once and searched first when a study is requested.
    void setOpenedSeries(const QList<Dicom::DicomSeries> &series);
    const QList<Dicom::DicomSeries> &openedSeries() const { return m_locator.openedSeries(); }
    // Finds the study's images off the GUI thread; imagesShown() follows.
    void openStudy(const QString &studyInstanceUid);
    void showMessage(const QString &text);
    // Makes the retrieval of a study that is neither opened nor demo data (cache, then PACS); null
    // when nothing can fetch it. Without a factory such studies show "not available".
    using RetrievalFactory = std::function<std::unique_ptr<StudyRetrieval>(const QString &studyInstanceUid)>;
    void setRetrievalFactory(RetrievalFactory factory) { m_retrievalFactory = std::move(factory); }
    // Stops a retrieval and forgets its images (patient change, lock).
    void closeStudy();
    StudyRetrieval *retrieval() const { return m_retrieval.get(); }
    bool isRetrieving() const;
    QLabel *progressLabel() const { return m_progress; }

    DicomViewerWidget *viewer() const { return m_viewer; }
    QString message() const;
    bool isShowingImages() const;
    bool isBusy() const { return m_busy; }
    // Nothing is being looked for or decoded for display: what is shown is final.
    bool isSettled() const { return !m_busy && !m_awaitingFirstSlice && !isRetrieving() && !m_scanWatcher.isRunning(); }
    QString currentStudyUid() const { return m_studyUid; }

Q_SIGNALS:
    // The first slice is on screen (ok) or there is nothing to show (a message instead).
    void imagesShown(bool ok);
    // A retrieval from the cache or the PACS ended (see retrieval()->outcome()).
    void retrievalFinished();

private:
    void showSeries(const QList<Dicom::DicomSeries> &series);
    void onLocated();
    void startRetrieval(const QString &studyInstanceUid);
    void onInstanceArrived(int received);
    void onRetrievalFinished();
    void rescan();
    void onRescanned();
    QString retrievalErrorText() const;

    ImagingStudyLocator m_locator;
    QFutureWatcher<ImagingStudyLocator::Result> m_watcher;
    QStackedWidget *m_stack;
    QLabel *m_message;
    DicomViewerWidget *m_viewer;
    QString m_studyUid;
    bool m_busy = false;
    bool m_awaitingFirstSlice = false;
    QLabel *m_progress;
    RetrievalFactory m_retrievalFactory;
    std::unique_ptr<StudyRetrieval> m_retrieval;
    QFutureWatcher<Dicom::DicomScanResult> m_scanWatcher;
    QTimer m_rescanTimer; // coalesces arrivals: the series is re-read at most this often
    bool m_rescanAgain = false;
    int m_scanningPaths = 0;
    int m_shownPaths = 0; // instances of the retrieval on screen
    bool m_retrievalReported = false;
};

} // namespace Kakehashi
