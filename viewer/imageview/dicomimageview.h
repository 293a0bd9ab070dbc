#pragma once

#include "dicom/dicomframe.h"
#include "dicom/dicompresentation.h"
#include "dicom/dicomseries.h"

#include <QFutureWatcher>
#include <QHash>
#include <QTimer>
#include <QWidget>

namespace Kakehashi {

// Shows one slice of a series at a time: stack scroll (wheel, arrow/page keys), window/level by
// left drag, pan by middle drag (or Pan tool), zoom by Ctrl+wheel, fit, invert, cine and
// distance measurement in mm. Decoding runs on the thread pool; decoded frames are kept within
// a byte budget, evicting those farthest from the current slice.
class DicomImageView : public QWidget
{
    Q_OBJECT
public:
    enum class Tool { WindowLevel, Pan, Measure };
    enum class Corner { TopLeft, TopRight, BottomLeft, BottomRight };
    struct Preset { QString name; Dicom::VoiWindow window; };

    explicit DicomImageView(QWidget *parent = nullptr);
    ~DicomImageView() override;

    void setSeries(const Dicom::DicomSeries &series);
    // The same series with more slices (instances still arriving): the slice on screen, the decoded
    // frames, window and zoom stay; a different series is setSeries().
    void updateSlices(const Dicom::DicomSeries &series);
    const Dicom::DicomSeries &series() const { return m_series; }
    int sliceCount() const { return int(m_series.slices.size()); }
    int currentIndex() const { return m_index; }
    bool isCurrentSliceReady() const { return m_frames.contains(m_index); }
    // Why the slice on screen could not be shown (a frame the PACS refused, …); empty when it was
    // or is still loading. Shown in place of the image; tried again when the slice is chosen again.
    QString currentSliceError() const { return m_failed.value(m_index); }

    Dicom::VoiWindow window() const { return m_window; }
    void setWindow(const Dicom::VoiWindow &window);
    static QList<Preset> ctPresets();   // lung, mediastinum, bone, brain
    QList<Preset> filePresets() const;  // the current image's VOI windows
    void setInverted(bool inverted);
    // Overlay planes (60xx) are drawn over the image unless switched off.
    void setOverlaysShown(bool shown);
    bool overlaysShown() const { return m_showOverlays; }
    int overlayCount() const;
    bool isInverted() const { return m_inverted; }
    // Grayscale softcopy presentation states and key object selections of the opened files. A
    // state that refers to the slice on screen applies its window (unless the user chose one),
    // annotations and shutters while presentation states are shown; a key image is marked.
    void setPresentationObjects(const Dicom::DicomPresentationObjects &objects);
    void setPresentationShown(bool shown);
    bool presentationShown() const { return m_showPresentation; }
    // The presentation state of the slice on screen (also when hidden); null when none refers to it.
    const Dicom::PresentationState *currentPresentationState() const;
    // The part of the slice on screen its presentation state selects (also when hidden); null when none.
    const Dicom::PresentationState::DisplayedArea *currentDisplayedArea() const;
    // The key object selections that mark the slice on screen (their titles); empty when none.
    QStringList currentKeyImageTitles() const;
    // The SOP Instance UID of slice |index| (from the scan, else the decoded header).
    QString sopInstanceUid(int index) const;
    void setTool(Tool tool) { m_tool = tool; }
    double zoom() const; // the effective zoom, also when fitting
    void setZoom(double zoom);
    void fitToWindow();
    bool isCinePlaying() const { return m_cine.isActive(); }
    void setCinePlaying(bool playing);

    // The last completed measurement in mm (negative when none or no Pixel Spacing).
    double measuredDistanceMm() const;
    QString overlayText(Corner corner) const;
    // The top corners (patient; study and series) drawn on the image; off where a label beside the
    // view says the same (the comparison panes).
    void setIdentityCornersShown(bool shown);
    // A DICOM person name as a person reads it: "山田 太郎（やまだ たろう） Yamada Tarou" from
    // "Yamada^Tarou=山田^太郎=やまだ^たろう" (alphabetic=ideographic=phonetic groups).
    static QString personNameForDisplay(const QString &dicomName);
    // Image pixel under a widget position (for tests and the status line).
    QPointF widgetToImage(const QPointF &p) const;

    void setMemoryBudget(qint64 bytes) { m_budget = bytes; }
    qint64 memoryBudget() const { return m_budget; }
    qint64 cachedBytes() const;

public slots:
    void setCurrentIndex(int index);

signals:
    void currentIndexChanged(int index);
    void windowChanged(const Kakehashi::Dicom::VoiWindow &window);
    void sliceReady(int index);
    void decodeFailed(int index, const QString &message);
    void measurementChanged(double mm);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    struct Decoded { Dicom::DicomFrame frame; Dicom::DicomImageInfo info; };
    void requestDecode(int index);
    void onDecoded(int index, const Dicom::DicomDecodeResult &result);
    void evict();
    void rerender();
    // The presentation state's window, else (unless |presentationOnly|) the file's default.
    void applyAutomaticWindow(bool presentationOnly = false);
    void paintPresentation(QPainter &p, const QTransform &t) const;
    QTransform imageTransform() const;
    const Decoded *current() const;

    Dicom::DicomSeries m_series;
    int m_index = 0;
    QHash<int, Decoded> m_frames;
    QHash<int, QFutureWatcher<Dicom::DicomDecodeResult> *> m_pending;
    QHash<int, QString> m_failed; // slice index → why it could not be decoded
    quint64 m_generation = 0;
    Dicom::VoiWindow m_window;
    bool m_windowFromUser = false;
    bool m_inverted = false;
    bool m_showOverlays = true;
    bool m_showPresentation = true;
    Dicom::DicomPresentationObjects m_presentation;
    QImage m_rendered;
    double m_zoom = 1;
    QPointF m_pan;
    bool m_fit = true;
    Tool m_tool = Tool::WindowLevel;
    Qt::MouseButton m_dragButton = Qt::NoButton;
    QPoint m_dragStart;
    QPoint m_lastPos;
    QPointF m_measureA; // image coordinates
    QPointF m_measureB;
    bool m_hasMeasure = false;
    QTimer m_cine;
    qint64 m_budget = qint64(256) * 1024 * 1024;
    bool m_windowFromPresentation = false; // the window on screen is a presentation state's
    bool m_identityCorners = true;
};

} // namespace Kakehashi
