#pragma once

#include "dicomimageview.h"

#include <QWidget>

class QComboBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace Kakehashi {

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

private:
    void showSeries(int index);
    void refreshPresets();
    QList<Dicom::DicomSeries> m_series;
    QList<QTreeWidgetItem *> m_seriesItems;
    int m_current = -1;
    int m_pendingThumbnails = 0;
    DicomImageView *m_view;
    QTreeWidget *m_browser;
    QComboBox *m_presets;
};

} // namespace Kakehashi
