#pragma once

#include "dicomimageview.h"
#include "dicom/dicompresentation.h"

#include <QFutureWatcher>
#include <QHash>
#include <QIcon>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace Kakehashi {

class DicomComparisonView;

// A study browser beside a DicomImageView, with presets, invert, fit, measure and cine. The browser
// groups the series patient → study → series (a folder or CD may hold several patients); each
// series row carries a thumbnail of its middle slice.
class DicomViewerWidget : public QWidget
{
    Q_OBJECT
public:
    explicit DicomViewerWidget(QWidget *parent = nullptr);
    void setSeries(const QList<Dicom::DicomSeries> &series);
    // Series whose instances are still arriving: the series on screen keeps its slice, window and
    // zoom while slices are added (see DicomImageView::updateSlices).
    void updateSeries(const QList<Dicom::DicomSeries> &series);
    DicomImageView *imageView() const { return m_view; }
    QTreeWidget *browser() const { return m_browser; }
    QComboBox *presets() const { return m_presets; }
    int seriesCount() const { return int(m_series.size()); }
    // The browser row of series |index| (in the order given to setSeries).
    QTreeWidgetItem *seriesItem(int index) const;
    int currentSeries() const { return m_current; }
    void showSeriesAt(int index);
    // Thumbnails still being decoded (0: every series row has its picture or never will).
    int pendingThumbnails() const { return m_pendingThumbnails; }
    // The browser as text, one row a line, indented by level: what a reader sees in it.
    QString browserText() const;

    // Key object selections, presentation states and structured reports of the opened files:
    // key images are marked in the browser and on the image, states apply to the images they name
    // (toggled by the Presentation action), reports are rows of their study shown as text, and a
    // selection naming images that are not open says so.
    void setPresentationObjects(const Dicom::DicomPresentationObjects &objects);
    const Dicom::DicomPresentationObjects &presentationObjects() const { return m_objects; }
    // Reads |objects| (DicomScanResult::otherObjects) off the GUI thread, then setPresentationObjects.
    void loadPresentationObjects(const QList<Dicom::DicomSliceRef> &objects);
    QAction *presentationAction() const { return m_presentationAction; }
    // Structured report rows: select one to read it.
    void showReportAt(int index);
    QPlainTextEdit *reportView() const { return m_report; }
    bool isShowingReport() const;
    // Notes about key object selections whose images are not all open; hidden when there are none.
    QLabel *keyImageNotice() const { return m_keyNotice; }

    // Comparison with a prior: the series on screen beside another one of the same patient.
    // Candidates: the other series, never another patient's (comparePatients: Different), the
    // other studies first, the same modality first, then studies older than this one (most recent
    // first).
    // Indexes into comparisonSeries(): the series in the browser, then those of the pool that are not.
    QList<int> comparisonCandidates(int index) const;
    // Series that may be compared although not in the browser (every DICOM opened, when the browser
    // shows one study opened from the record).
    void setComparisonPool(const QList<Dicom::DicomSeries> &series) { m_comparisonPool = series; }
    QList<Dicom::DicomSeries> comparisonSeries() const;
    QAction *compareAction() const { return m_compareAction; }
    // Builds the "Compare with…" menu for series |index| (the browser's context menu uses it too).
    void fillCompareMenu(QMenu *menu, int index);
    // |index| in the browser, |other| in comparisonSeries(). False when either index is invalid, or
    // when |other| shows a different patient (refused).
    bool compareSeries(int index, int other);
    void closeComparison();
    bool isComparing() const;
    // The next setSeries() opens the first series beside its first comparison candidate (--view
    // compare); once.
    void setCompareOnOpen(bool on) { m_compareOnOpen = on; }
    // Nothing on screen is still loading: thumbnails, presentation objects and, when comparing,
    // both panes' slices (for --screenshot).
    bool isSettled() const;
    DicomComparisonView *comparisonView() const { return m_comparison; }
    // Encapsulated documents (PDF, CDA) of the opened files are rows of their study; selecting one
    // asks for it to be shown (in the document view: this widget only shows images and reports).
    void openDocumentAt(int index);

Q_SIGNALS:
    void encapsulatedDocumentRequested(const Kakehashi::Dicom::EncapsulatedDocument &document);

private:
    void showSeries(int index);
    void refreshPresets();
    void rebuildBrowser();
    void onBrowserContextMenu(const QPoint &pos);
    QList<Dicom::DicomSeries> m_series;
    QList<Dicom::DicomSeries> m_comparisonPool;
    Dicom::DicomPresentationObjects m_objects;
    QList<QTreeWidgetItem *> m_seriesItems;
    QHash<int, QIcon> m_thumbnails;
    int m_current = -1;
    int m_pendingThumbnails = 0;
    DicomImageView *m_view;
    QTreeWidget *m_browser;
    QComboBox *m_presets;
    QStackedWidget *m_centre;
    DicomComparisonView *m_comparison;
    QPlainTextEdit *m_report;
    QLabel *m_keyNotice;
    QAction *m_presentationAction;
    QAction *m_compareAction;
    QFutureWatcher<Dicom::DicomPresentationObjects> *m_presentationWatcher = nullptr;
    bool m_compareOnOpen = false;
};

} // namespace Kakehashi
