#pragma once

#include "timelinemodel.h"

#include <QDateTime>
#include <QWidget>

namespace Kakehashi {

// A patient's history on one horizontal time axis (decades down to days), one swimlane per
// category, periods as bars and events as marks, coloured by source facility.
// Dense stretches collapse into count badges: each lane is binned by pixel columns, a bin with more
// than one item draws its count instead of overdrawn marks, and neighbouring bins whose badges or marks
// would touch are merged into one badge, so that no two drawn marks or badges ever overlap (counts are
// compact: 12, 999, 1.2k, 12k). Items without a date sit in an "undated" strip beside the lane labels.
class TimelineView : public QWidget
{
    Q_OBJECT
public:
    enum class HitKind { None, Item, Badge, Undated };
    struct Hit
    {
        HitKind kind = HitKind::None;
        int lane = -1;
        int item = -1; // record item index for HitKind::Item (the first undated item for HitKind::Undated)
        int count = 0; // for HitKind::Badge and HitKind::Undated
        qint64 from = 0;
        qint64 to = 0;
    };
    struct PaintStats
    {
        int marks = 0;
        int bars = 0;
        int badges = 0;
        int aggregatedItems = 0; // items represented by badges
    };

    // A mark or badge as laid out in a lane (paint and hit-testing use the same layout).
    struct DrawnMark
    {
        bool badge = false;
        QRectF rect;
        int lane = -1;
        int count = 0;
        int item = -1;    // the item of a single mark
        qint64 from = 0;  // time span of the bins it stands for
        qint64 to = 0;
        QString text;     // the badge's count as drawn
    };

    // Geometry, in pixels.
    static constexpr int LabelWidth = 150; // the lane labels' minimum width; wider when a label needs it
    static constexpr int UndatedWidth = 64; // the "undated" strip, when some lane has undated items
    static constexpr int MinMarkGap = 2;    // least space between two drawn marks or badges
    static constexpr int AxisHeight = 26;
    static constexpr int LaneHeight = 30;    // the lanes' height when there is room
    static constexpr int MinLaneHeight = 18; // and when there is not
    static constexpr int LegendHeight = 22;
    static constexpr int BinWidth = 12; // aggregation bin per lane
    static QColor todayColor() { return QColor(0xd6, 0x27, 0x28); }
    static QColor badgeColor() { return QColor(0x3a, 0x47, 0x58); }
    // Compact count for a badge: 7, 999, 1.2k, 12k, 1.2M.
    static QString compactCount(int count);

    explicit TimelineView(QWidget *parent = nullptr);

    void setRecord(const PatientRecord &record);
    void clear();
    void setFilter(const TimelineFilter &filter);
    const TimelineModel &model() const { return m_model; }
    // "Today": ReferenceClock::now() when a record is set, unless fixed here (an invalid time
    // returns to the clock).
    void setNow(const QDateTime &now);
    QDateTime now() const;

    // Visible time range and zoom.
    void setVisibleRange(qint64 fromMsecs, qint64 toMsecs);
    qint64 visibleFrom() const;
    qint64 visibleTo() const;
    double msecsPerPixel() const { return m_msPerPx; }
    void fitAll();
    // Zoom by `factor` (< 1 zooms in) keeping the time at widget x `anchorX` fixed.
    void zoomBy(double factor, double anchorX);
    void panByPixels(double dx);
    double xForMsecs(qint64 msecs) const;
    qint64 msecsAtX(double x) const;

    // Lanes and hit-testing.
    QRect laneRect(int lane) const;
    // Where the lane's label is drawn, and its full text ("Lab results (12)").
    QRect labelRect(int lane) const;
    QString laneLabel(int lane) const;
    int labelWidth() const { return m_labelWidth; }
    int laneHeight() const { return m_laneHeight; }
    // The lane's "undated" strip (empty rect when no lane has undated items).
    QRect undatedRect(int lane) const;
    // The marks and badges of a lane in the visible range, laid out without overlap.
    QVector<DrawnMark> laneMarks(int lane) const;
    // What the last paint drew: every mark and badge of every lane, and each lane label as drawn.
    const QVector<DrawnMark> &lastDrawnMarks() const { return m_lastDrawn; }
    const QStringList &lastDrawnLabels() const { return m_lastLabels; }
    int laneAt(int y) const;
    Hit hitTest(const QPoint &pos) const;
    // Record item keys drawn in a lane within the visible range (after filtering).
    QStringList visibleItemKeys(ItemCategory category) const;

    QString selectedKey() const { return m_selectedKey; }
    void setSelectedKey(const QString &key);
    // Pans so that the item is visible; returns false for an unknown or filtered-out item.
    bool ensureVisible(const QString &key);

    // Paints the whole timeline into `painter` over `rect` (used by paintEvent and the benchmark).
    PaintStats paintTimeline(QPainter &painter, const QRect &rect) const;
    PaintStats lastPaintStats() const { return m_lastStats; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void selectionChanged(const QString &key);
    void itemActivated(const QString &key);
    void visibleRangeChanged(qint64 fromMsecs, qint64 toMsecs);
    void filterChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    int plotLeft() const { return m_labelWidth + (m_hasUndated ? UndatedWidth : 0); }
    int plotWidth() const { return std::max(1, width() - plotLeft()); }
    void updateLabelWidth();
    QFont badgeFont() const;
    void setView(double t0, double msPerPx);
    void selectNeighbour(int direction);
    QString tooltipFor(const Hit &hit) const;
    void paintAxis(QPainter &p, const QRect &rect) const;
    void paintLane(QPainter &p, int lane, const QRect &laneRect, PaintStats &stats) const;
    void paintLegend(QPainter &p, const QRect &rect) const;

    TimelineModel m_model;
    QDateTime m_now;
    bool m_nowSet = false; // setNow() given: m_now no longer follows ReferenceClock
    double m_t0 = 0;       // msecs since epoch at the plot's left edge
    double m_msPerPx = 1;  // zoom
    bool m_fitted = false;
    QString m_selectedKey;
    QPoint m_pressPos;
    double m_pressT0 = 0;
    bool m_dragging = false;
    mutable PaintStats m_lastStats;
    mutable QVector<DrawnMark> m_lastDrawn;
    mutable QStringList m_lastLabels;
    int m_labelWidth = LabelWidth;
    int m_laneHeight = LaneHeight;
    bool m_hasUndated = false;
};

} // namespace Kakehashi
