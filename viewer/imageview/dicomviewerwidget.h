#pragma once

#include "dicomimageview.h"

#include <QWidget>

class QComboBox;
class QListWidget;
class QToolButton;

namespace Kakehashi {

// Series thumbnails beside a DicomImageView, with presets, invert, fit, measure and cine.
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
    QListWidget *thumbnails() const { return m_thumbnails; }
    QComboBox *presets() const { return m_presets; }

private:
    void showSeries(int row);
    void refreshPresets();
    QList<Dicom::DicomSeries> m_series;
    DicomImageView *m_view;
    QListWidget *m_thumbnails;
    QComboBox *m_presets;
};

} // namespace Kakehashi
