#pragma once

#include "imagingstudylocator.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QStackedWidget;

namespace Kakehashi {

class DicomViewerWidget;

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

    DicomViewerWidget *viewer() const { return m_viewer; }
    QString message() const;
    bool isShowingImages() const;
    bool isBusy() const { return m_busy; }
    // Nothing is being looked for or decoded for display: what is shown is final.
    bool isSettled() const { return !m_busy && !m_awaitingFirstSlice; }
    QString currentStudyUid() const { return m_studyUid; }

Q_SIGNALS:
    // The first slice is on screen (ok) or there is nothing to show (a message instead).
    void imagesShown(bool ok);

private:
    void showSeries(const QList<Dicom::DicomSeries> &series);
    void onLocated();

    ImagingStudyLocator m_locator;
    QFutureWatcher<ImagingStudyLocator::Result> m_watcher;
    QStackedWidget *m_stack;
    QLabel *m_message;
    DicomViewerWidget *m_viewer;
    QString m_studyUid;
    bool m_busy = false;
    bool m_awaitingFirstSlice = false;
};

} // namespace Kakehashi
