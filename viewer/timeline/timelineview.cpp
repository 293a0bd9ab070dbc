#include "timelineview.h"

#include "record/dateformat.h"
#include "viewer/displaytext.h"
#include "record/displayzone.h"
#include "record/referenceclock.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace Kakehashi {

namespace {
constexpr qint64 kDayMs = 86'400'000;
constexpr double kMinMsPerPx = double(kDayMs) / 400.0;   // a day spans 400 px
constexpr double kMaxSpanMs = 120.0 * 365.25 * kDayMs;     // a lifetime and some

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// The day of an instant and the start of a day, in the display zone (never the computer's zone).
QDate displayDate(qint64 msecs)
{
    return DisplayZone::toDisplay(QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC)).date();
}

qint64 displayMidnight(const QDate &d)
{
    const qint64 asUtc = QDateTime(d, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    return asUtc - qint64(DisplayZone::offsetAt(asUtc)) * 1000;
}
} // namespace

QString TimelineView::compactCount(int count)
{
    if (count < 1000)
        return QString::number(count);
    // One decimal below 10 (1.2k), none above (12k); rounded down, so never more than there are.
    const bool mega = count >= 1'000'000;
    const int unit = mega ? 1'000'000 : 1000;
    const QLatin1String suffix = mega ? QLatin1String("M") : QLatin1String("k");
    const int tenths = int(qint64(count) * 10 / unit);
    if (tenths >= 100 || tenths % 10 == 0)
        return QString::number(tenths / 10) + suffix;
    return QString::number(tenths / 10) + u'.' + QString::number(tenths % 10) + suffix;
}

QFont TimelineView::badgeFont() const
{
    QFont small = font();
    small.setPixelSize(10);
    small.setBold(true);
    return small;
}

QString TimelineView::laneLabel(int lane) const
{
    if (lane < 0 || lane >= m_model.lanes().size())
        return {};
    const TimelineModel::Lane &l = m_model.lanes()[lane];
    return QStringLiteral("%1 (%2)").arg(CategoryNames::displayName(l.category)).arg(l.shownCount());
}

void TimelineView::updateLabelWidth()
{
    // Wide enough for the longest label ("受診歴（外来・入院） (12)"), but never more than a third of the view.
    const QFontMetrics fm(font());
    int widest = 0;
    bool undated = false;
    for (int lane = 0; lane < m_model.lanes().size(); ++lane) {
        widest = std::max(widest, fm.horizontalAdvance(laneLabel(lane)));
        undated = undated || !m_model.lanes()[lane].undated.isEmpty();
    }
    // Lanes shrink (down to MinLaneHeight) rather than fall off the bottom of a short view (1366×768).
    const int lanes = std::max(1, int(m_model.lanes().size()));
    m_laneHeight = std::clamp((height() - AxisHeight - LegendHeight) / lanes, int(MinLaneHeight), int(LaneHeight));
    const int wanted = std::max(int(LabelWidth), widest + 12);
    m_labelWidth = std::min(wanted, std::max(int(LabelWidth), width() / 3));
    m_hasUndated = undated;
}

QRect TimelineView::labelRect(int lane) const
{
    const QRect r = laneRect(lane);
    return r.isNull() ? QRect() : QRect(r.left(), r.top(), m_labelWidth, r.height());
}

QRect TimelineView::undatedRect(int lane) const
{
    const QRect r = laneRect(lane);
    if (r.isNull() || !m_hasUndated)
        return {};
    return QRect(m_labelWidth, r.top(), UndatedWidth, r.height());
}

QVector<TimelineView::DrawnMark> TimelineView::laneMarks(int lane) const
{
    QVector<DrawnMark> out;
    if (lane < 0 || lane >= m_model.lanes().size())
        return out;
    const TimelineModel::Lane &l = m_model.lanes()[lane];
    const auto &items = m_model.record().items;
    const qint64 from = visibleFrom();
    const qint64 to = visibleTo();
    const QRect r = laneRect(lane);
    const int innerTop = r.top() + 4;
    const int innerH = m_laneHeight - 8;

    // 1. Bins aligned to multiples of binMs since the epoch, so that they stay put while panning.
    const qint64 binMs = std::max<qint64>(1, qint64(BinWidth * m_msPerPx));
    const qint64 firstBin = floorDiv(from, binMs) - 1;
    const int binCount = int(floorDiv(to, binMs) - firstBin) + 2;
    QVarLengthArray<int, 512> binTotal(binCount);
    QVarLengthArray<int, 512> binSingle(binCount);
    std::fill(binTotal.begin(), binTotal.end(), 0);
    // Periods narrower than 3 px join the bins like events; wider ones are bars (paintLane).
    const double smallSpan = 3 * m_msPerPx;
    const auto [pa, pb] = m_model.periodCandidates(lane, firstBin * binMs, to + binMs);
    for (int i = pa; i < pb; ++i) {
        const TimelineModel::Entry &e = l.periods[i];
        if (e.end < firstBin * binMs || double(e.end - e.start) >= smallSpan)
            continue;
        const qint64 b = floorDiv(e.start, binMs) - firstBin;
        if (b >= 0 && b < binCount) {
            ++binTotal[b];
            binSingle[b] = e.item;
        }
    }
    // Events: one binary search per occupied bin, so the cost follows what is drawn, not the record.
    const QVector<TimelineModel::Entry> &ev = l.events;
    auto [idx, last] = m_model.eventRange(lane, firstBin * binMs, (firstBin + binCount) * binMs);
    while (idx < last) {
        const qint64 bin = floorDiv(ev[idx].start, binMs);
        const qint64 binEnd = (bin + 1) * binMs;
        const auto next = std::lower_bound(ev.begin() + idx, ev.begin() + last, binEnd,
                                           [](const TimelineModel::Entry &e, qint64 t) { return e.start < t; });
        const int j = int(next - ev.begin());
        const qint64 b = bin - firstBin;
        binTotal[b] += j - idx;
        binSingle[b] = ev[idx].item;
        idx = j;
    }

    // 2. Occupied bins left to right; a bin whose mark or badge would come closer than MinMarkGap to
    // the one before joins it (the merged badge is centred on its bins and counts them all).
    const QFontMetricsF fm(badgeFont());
    const auto place = [&](DrawnMark &m, double minLeft) {
        if (!m.badge) {
            const double x = xForMsecs(items[m.item].start.msecs());
            m.rect = QRectF(x - 1.5, innerTop, 3, innerH);
            return;
        }
        m.text = compactCount(m.count);
        const double w = std::max(double(BinWidth - 1), fm.horizontalAdvance(m.text) + 6);
        const double centre = (xForMsecs(m.from) + xForMsecs(m.to)) / 2;
        const double left = std::max(centre - w / 2, minLeft);
        m.rect = QRectF(left, innerTop + innerH / 2.0 - 7, w, 14);
    };
    double prevRight = -1e9;
    DrawnMark current;
    bool open = false;
    for (int b = 0; b < binCount; ++b) {
        const int n = binTotal[b];
        if (n == 0)
            continue;
        DrawnMark g;
        g.lane = lane;
        g.count = n;
        g.badge = n > 1;
        g.item = n == 1 ? binSingle[b] : -1;
        g.from = (firstBin + b) * binMs;
        g.to = g.from + binMs;
        place(g, -1e9);
        if (open && g.rect.left() < current.rect.right() + MinMarkGap) {
            current.count += g.count;
            current.badge = true;
            current.item = -1;
            current.to = g.to;
            place(current, prevRight + MinMarkGap);
            continue;
        }
        if (open) {
            prevRight = current.rect.right();
            out.append(current);
        }
        current = g;
        open = true;
    }
    if (open)
        out.append(current);
    return out;
}

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , m_now(ReferenceClock::now())
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Timeline"));
    setAccessibleDescription(tr("Patient history over time by category. Left and right arrows pan, plus and minus zoom, "
                                "Home shows everything, Ctrl+arrows move between items, Enter opens the selected item."));
    setAttribute(Qt::WA_AcceptTouchEvents, false);
    m_model.setRecord({}, m_now.toMSecsSinceEpoch());
    fitAll();
}

void TimelineView::setRecord(const PatientRecord &record)
{
    m_selectedKey.clear();
    if (!m_nowSet)
        m_now = ReferenceClock::now(); // the clock may have been set since (demo date, --as-of)
    m_model.setRecord(record, m_now.toMSecsSinceEpoch()); // lanes built once, under the current filter
    updateLabelWidth();
    m_fitted = false;
    fitAll();
    updateGeometry();
}

void TimelineView::clear()
{
    setRecord({});
}

void TimelineView::setFilter(const TimelineFilter &filter)
{
    if (filter == m_model.filter())
        return;
    const qint64 from = visibleFrom();
    const qint64 to = visibleTo();
    m_model.setFilter(filter);
    updateLabelWidth(); // the counts in the labels changed; keep the visible time range
    if (m_fitted)
        setView(double(from), double(to - from) / plotWidth());
    if (!m_selectedKey.isEmpty() && !m_model.passes(m_model.itemIndexOfKey(m_selectedKey))) {
        m_selectedKey.clear();
        Q_EMIT selectionChanged(QString());
    }
    updateGeometry();
    update();
    Q_EMIT filterChanged();
}

void TimelineView::setNow(const QDateTime &now)
{
    m_now = now.isValid() ? now : ReferenceClock::now();
    m_nowSet = now.isValid();
    const PatientRecord record = m_model.record();
    const TimelineFilter filter = m_model.filter();
    m_model.setRecord(record, m_now.toMSecsSinceEpoch());
    m_model.setFilter(filter);
    update();
}

QDateTime TimelineView::now() const
{
    return m_now;
}

qint64 TimelineView::visibleFrom() const
{
    return qint64(std::floor(m_t0));
}

qint64 TimelineView::visibleTo() const
{
    return qint64(std::ceil(m_t0 + plotWidth() * m_msPerPx));
}

double TimelineView::xForMsecs(qint64 msecs) const
{
    return plotLeft() + (double(msecs) - m_t0) / m_msPerPx;
}

qint64 TimelineView::msecsAtX(double x) const
{
    return qint64(std::llround(m_t0 + (x - plotLeft()) * m_msPerPx));
}

void TimelineView::setView(double t0, double msPerPx)
{
    const double maxMsPerPx = kMaxSpanMs / plotWidth();
    msPerPx = std::clamp(msPerPx, kMinMsPerPx, std::max(kMinMsPerPx, maxMsPerPx));
    // Keep the view within a sane window around the record (the epoch ± a few centuries).
    constexpr double limit = 300.0 * 365.25 * kDayMs;
    t0 = std::clamp(t0, -limit, limit);
    if (t0 == m_t0 && msPerPx == m_msPerPx)
        return;
    m_t0 = t0;
    m_msPerPx = msPerPx;
    update();
    Q_EMIT visibleRangeChanged(visibleFrom(), visibleTo());
}

void TimelineView::setVisibleRange(qint64 fromMsecs, qint64 toMsecs)
{
    if (toMsecs <= fromMsecs)
        toMsecs = fromMsecs + kDayMs;
    m_fitted = true;
    setView(double(fromMsecs), double(toMsecs - fromMsecs) / plotWidth());
}

void TimelineView::fitAll()
{
    auto [lo, hi] = m_model.extent();
    const qint64 nowMs = m_now.toMSecsSinceEpoch();
    if (m_model.shownCount() == 0) {
        lo = nowMs - qint64(10 * 365.25 * kDayMs);
        hi = nowMs;
    }
    hi = std::max(hi, nowMs);
    lo = std::min(lo, hi - 30 * kDayMs);
    const qint64 pad = std::max<qint64>((hi - lo) / 30, kDayMs);
    const double mpp = double(hi - lo + 2 * pad) / plotWidth();
    setView(double(lo - pad), mpp);
    m_fitted = false; // keep following the fit until the user moves the view
}

void TimelineView::zoomBy(double factor, double anchorX)
{
    if (!(factor > 0))
        return;
    const double anchorT = m_t0 + (anchorX - plotLeft()) * m_msPerPx;
    const double maxMsPerPx = std::max(kMinMsPerPx, kMaxSpanMs / plotWidth());
    const double mpp = std::clamp(m_msPerPx * factor, kMinMsPerPx, maxMsPerPx);
    m_fitted = true;
    setView(anchorT - (anchorX - plotLeft()) * mpp, mpp);
}

void TimelineView::panByPixels(double dx)
{
    m_fitted = true;
    setView(m_t0 - dx * m_msPerPx, m_msPerPx);
}

QRect TimelineView::laneRect(int lane) const
{
    if (lane < 0 || lane >= m_model.lanes().size())
        return {};
    return QRect(0, AxisHeight + lane * m_laneHeight, width(), m_laneHeight);
}

int TimelineView::laneAt(int y) const
{
    if (y < AxisHeight)
        return -1;
    const int lane = (y - AxisHeight) / m_laneHeight;
    return lane < m_model.lanes().size() ? lane : -1;
}

QStringList TimelineView::visibleItemKeys(ItemCategory category) const
{
    QStringList keys;
    const int lane = m_model.laneIndex(category);
    for (int i : m_model.itemsIn(lane, visibleFrom(), visibleTo()))
        keys << m_model.record().items[i].key;
    return keys;
}

TimelineView::Hit TimelineView::hitTest(const QPoint &pos) const
{
    Hit hit;
    const int lane = laneAt(pos.y());
    if (lane < 0)
        return hit;
    const TimelineModel::Lane &l = m_model.lanes()[lane];
    if (undatedRect(lane).contains(pos)) {
        if (l.undated.isEmpty())
            return hit;
        hit.lane = lane;
        hit.kind = HitKind::Undated;
        hit.item = l.undated.first();
        hit.count = int(l.undated.size());
        return hit;
    }
    if (pos.x() < plotLeft())
        return hit;
    hit.lane = lane;
    // Marks and badges as drawn (paintLane uses the same layout).
    const QVector<DrawnMark> marks = laneMarks(lane);
    const DrawnMark *found = nullptr;
    for (const DrawnMark &m : marks) {
        if (pos.x() >= m.rect.left() - 1 && pos.x() <= m.rect.right() + 1) {
            found = &m;
            break;
        }
    }
    if (!found) {
        // Between the badge and the far end of the bins it stands for.
        const qint64 t = msecsAtX(pos.x());
        for (const DrawnMark &m : marks)
            if (m.badge && t >= m.from && t < m.to) {
                found = &m;
                break;
            }
    }
    if (found) {
        if (found->badge) {
            hit.kind = HitKind::Badge;
            hit.count = found->count;
            hit.from = found->from;
            hit.to = found->to;
        } else {
            hit.kind = HitKind::Item;
            hit.item = found->item;
        }
        return hit;
    }

    // A bar under the cursor: one in the cursor's row, else any covering this time.
    const qint64 t = msecsAtX(pos.x());
    const double smallSpan = 3 * m_msPerPx;
    const auto [pa, pb] = m_model.periodCandidates(lane, t, t);
    const QRect r = laneRect(lane);
    const int innerTop = r.top() + 4;
    const int rowH = std::max(3, (m_laneHeight - 8) / l.rows);
    int coveringPeriod = -1;
    for (int i = pa; i < pb; ++i) {
        const TimelineModel::Entry &e = l.periods[i];
        if (double(e.end - e.start) < smallSpan || e.start > t || e.end < t)
            continue;
        const int y0 = innerTop + e.row * rowH;
        if (pos.y() >= y0 - 1 && pos.y() <= y0 + rowH + 1)
            coveringPeriod = e.item; // the latest-starting bar in the cursor's row wins
        else if (coveringPeriod < 0)
            coveringPeriod = e.item;
    }
    if (coveringPeriod >= 0) {
        hit.kind = HitKind::Item;
        hit.item = coveringPeriod;
    }
    return hit;
}

void TimelineView::setSelectedKey(const QString &key)
{
    if (key == m_selectedKey)
        return;
    m_selectedKey = key;
    update();
    Q_EMIT selectionChanged(key);
}

bool TimelineView::ensureVisible(const QString &key)
{
    const int index = m_model.itemIndexOfKey(key);
    if (index < 0 || !m_model.passes(index))
        return false;
    const ClinicalItem &item = m_model.record().items[index];
    if (!item.start.isValid())
        return false;
    const qint64 s = item.start.msecs();
    const qint64 e = m_model.drawEnd(item, s);
    if (e >= visibleFrom() && s <= visibleTo())
        return true;
    const double centre = (double(s) + double(e)) / 2;
    m_fitted = true;
    setView(centre - plotWidth() * m_msPerPx / 2, m_msPerPx);
    return true;
}

void TimelineView::selectNeighbour(int direction)
{
    const int current = m_model.itemIndexOfKey(m_selectedKey);
    int lane = current >= 0 ? m_model.laneIndex(m_model.record().items[current].category) : 0;
    if (lane < 0 || lane >= m_model.lanes().size())
        return;
    const qint64 from = current >= 0 ? m_model.record().items[current].start.msecs() : (direction > 0 ? visibleFrom() : visibleTo());
    const TimelineModel::Lane &l = m_model.lanes()[lane];
    int best = -1;
    qint64 bestStart = 0;
    const auto consider = [&](const TimelineModel::Entry &e) {
        if (e.item == current)
            return;
        const bool after = e.start > from || (e.start == from && e.item > current);
        const bool before = e.start < from || (e.start == from && e.item < current);
        if ((direction > 0 && !after) || (direction < 0 && !before))
            return;
        if (best < 0 || (direction > 0 ? e.start < bestStart : e.start > bestStart)) {
            best = e.item;
            bestStart = e.start;
        }
    };
    for (const auto &e : l.events)
        consider(e);
    for (const auto &e : l.periods)
        consider(e);
    if (best >= 0) {
        const QString key = m_model.record().items[best].key;
        ensureVisible(key);
        setSelectedKey(key);
    }
}

QSize TimelineView::sizeHint() const
{
    return QSize(900, AxisHeight + int(std::max<qsizetype>(m_model.lanes().size(), 4)) * LaneHeight + LegendHeight);
}

QSize TimelineView::minimumSizeHint() const
{
    return QSize(m_labelWidth + (m_hasUndated ? UndatedWidth : 0) + 200, AxisHeight + 2 * MinLaneHeight + LegendHeight);
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateLabelWidth();
    if (!m_fitted)
        fitAll();
    else
        Q_EMIT visibleRangeChanged(visibleFrom(), visibleTo());
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    m_lastStats = paintTimeline(p, rect());
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

TimelineView::PaintStats TimelineView::paintTimeline(QPainter &p, const QRect &rect) const
{
    PaintStats stats;
    m_lastDrawn.clear();
    p.fillRect(rect, QColor(0xff, 0xff, 0xff));
    const int lanes = int(m_model.lanes().size());
    for (int lane = 0; lane < lanes; ++lane) {
        const QRect r = laneRect(lane);
        if (!r.intersects(rect))
            continue;
        p.fillRect(r, lane % 2 ? QColor(0xf6, 0xf7, 0xf9) : QColor(0xff, 0xff, 0xff));
    }
    paintAxis(p, rect);
    p.save();
    p.setClipRect(QRect(plotLeft(), AxisHeight, plotWidth(), lanes * m_laneHeight));
    for (int lane = 0; lane < lanes; ++lane) {
        const QRect r = laneRect(lane);
        if (r.intersects(rect))
            paintLane(p, lane, r, stats);
    }
    // Today: drawn last so that it is never hidden by bars.
    const double xNow = xForMsecs(m_now.toMSecsSinceEpoch());
    if (xNow >= plotLeft() && xNow < plotLeft() + plotWidth()) {
        p.fillRect(QRectF(std::floor(xNow) - 1, AxisHeight, 2, lanes * m_laneHeight), todayColor());
    }
    p.restore();

    // Lane labels, then the "undated" strip: items without a date are counted there, never lost.
    QFont f = p.font();
    m_lastLabels.clear();
    for (int lane = 0; lane < lanes; ++lane) {
        const QRect label = labelRect(lane);
        p.fillRect(label, QColor(0xee, 0xf1, 0xf5));
        p.setPen(QColor(0x22, 0x2a, 0x35));
        const QString text = p.fontMetrics().elidedText(laneLabel(lane), Qt::ElideMiddle, label.width() - 10);
        p.drawText(label.adjusted(6, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
        m_lastLabels << text;
        const QRect undated = undatedRect(lane);
        if (undated.isNull())
            continue;
        p.fillRect(undated, QColor(0xf4, 0xf0, 0xe6));
        const int n = int(m_model.lanes()[lane].undated.size());
        if (n == 0)
            continue;
        p.save();
        p.setFont(badgeFont());
        const QString count = compactCount(n);
        const double w = std::max(double(BinWidth - 1), QFontMetricsF(p.font()).horizontalAdvance(count) + 6);
        const QRectF badge(undated.center().x() - w / 2, undated.center().y() - 7, w, 14);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x8d, 0x6e, 0x3f));
        p.drawRoundedRect(badge, 3, 3);
        p.setPen(QColor(0xff, 0xff, 0xff));
        p.drawText(badge, Qt::AlignCenter, count);
        p.restore();
    }
    p.setPen(QColor(0xc8, 0xcd, 0xd4));
    p.drawLine(plotLeft(), AxisHeight, plotLeft(), AxisHeight + lanes * m_laneHeight);
    if (lanes == 0) {
        p.setPen(QColor(0x60, 0x60, 0x60));
        p.drawText(QRect(0, AxisHeight, width(), 2 * m_laneHeight), Qt::AlignCenter,
                   m_model.record().items.isEmpty() ? tr("No items to show") : tr("No items match the filters"));
    }
    paintLegend(p, QRect(0, AxisHeight + std::max(lanes, lanes == 0 ? 2 : 0) * m_laneHeight, width(), LegendHeight));
    p.setFont(f);
    m_lastStats = stats;
    return stats;
}

void TimelineView::paintAxis(QPainter &p, const QRect &) const
{
    const QRect axis(0, 0, width(), AxisHeight);
    p.fillRect(axis, QColor(0xee, 0xf1, 0xf5));
    p.setPen(QColor(0x22, 0x2a, 0x35));
    p.drawText(QRect(6, 0, m_labelWidth - 8, AxisHeight), Qt::AlignVCenter | Qt::AlignLeft, tr("Date"));
    if (m_hasUndated)
        p.drawText(QRect(m_labelWidth, 0, UndatedWidth, AxisHeight), Qt::AlignCenter,
                   p.fontMetrics().elidedText(tr("Undated", "items without a date"), Qt::ElideRight, UndatedWidth - 4));
    // Tick step: the smallest calendar unit whose ticks are at least 70 px apart.
    struct Step
    {
        int days;
        int months;
        int years;
    };
    static constexpr Step steps[] = {{1, 0, 0}, {7, 0, 0}, {0, 1, 0}, {0, 3, 0}, {0, 6, 0}, {0, 0, 1}, {0, 0, 2}, {0, 0, 5}, {0, 0, 10}, {0, 0, 20}, {0, 0, 50}};
    Step step = steps[std::size(steps) - 1];
    for (const Step &s : steps) {
        const double approxMs = (s.days + s.months * 30.44 + s.years * 365.25) * kDayMs;
        if (approxMs / m_msPerPx >= 84) { // room for "2026/12/04" or "4 Dec 2026"
            step = s;
            break;
        }
    }
    const QDate firstVisible = displayDate(visibleFrom());
    QDate d;
    if (step.years)
        d = QDate(firstVisible.year() - firstVisible.year() % step.years, 1, 1);
    else if (step.months)
        d = QDate(firstVisible.year(), firstVisible.month() - (firstVisible.month() - 1) % step.months, 1);
    else if (step.days == 7)
        d = firstVisible.addDays(1 - firstVisible.dayOfWeek());
    else
        d = firstVisible;
    const int lanes = int(m_model.lanes().size());
    const qint64 end = visibleTo();
    for (int guard = 0; guard < 400 && d.isValid(); ++guard) {
        const qint64 t = displayMidnight(d);
        if (t > end)
            break;
        const double x = xForMsecs(t);
        if (x >= plotLeft()) {
            p.setPen(QColor(0xdd, 0xe1, 0xe6));
            p.drawLine(QPointF(x, AxisHeight), QPointF(x, AxisHeight + lanes * m_laneHeight));
            p.setPen(QColor(0x45, 0x4f, 0x5c));
            p.drawLine(QPointF(x, AxisHeight - 6), QPointF(x, AxisHeight));
            const QString label = step.years ? DateFormat::year(d.year()) : step.months ? DateFormat::month(d) : DateFormat::date(d);
            p.drawText(QRectF(x + 3, 0, 120, AxisHeight - 4), Qt::AlignVCenter | Qt::AlignLeft, label);
        }
        d = step.years ? d.addYears(step.years) : step.months ? d.addMonths(step.months) : d.addDays(step.days);
    }
}

void TimelineView::paintLane(QPainter &p, int lane, const QRect &r, PaintStats &stats) const
{
    const TimelineModel::Lane &l = m_model.lanes()[lane];
    const auto &facilities = m_model.facilities();
    const auto &items = m_model.record().items;
    const qint64 from = visibleFrom();
    const qint64 to = visibleTo();
    const int innerTop = r.top() + 4;
    const int innerH = m_laneHeight - 8;
    const int rowH = std::max(3, innerH / l.rows);
    const int selected = m_model.itemIndexOfKey(m_selectedKey);
    const QColor uninformedColor(0xe0, 0x7b, 0x00);

    // Periods: wide ones as bars; ones narrower than 3 px are laid out with the events (laneMarks).
    const qint64 binMs = std::max<qint64>(1, qint64(BinWidth * m_msPerPx));
    const qint64 firstBin = floorDiv(from, binMs) - 1;
    const double smallSpan = 3 * m_msPerPx;
    const auto [pa, pb] = m_model.periodCandidates(lane, firstBin * binMs, to + binMs);
    for (int i = pa; i < pb; ++i) {
        const TimelineModel::Entry &e = l.periods[i];
        if (e.end < firstBin * binMs || double(e.end - e.start) < smallSpan)
            continue;
        const double x1 = std::max(xForMsecs(e.start), double(plotLeft() - 2));
        const double x2 = std::min(xForMsecs(e.end), double(plotLeft() + plotWidth() + 2));
        const QRectF bar(x1, innerTop + e.row * rowH, std::max(2.0, x2 - x1), rowH - 1);
        QColor c = facilities[e.facility].color;
        if (!m_model.isCurrent(items[e.item]))
            c.setAlpha(150);
        p.fillRect(bar, c);
        if (items[e.item].uninformed)
            p.fillRect(QRectF(x1, bar.top(), 4, bar.height()), uninformedColor);
        if (e.item == selected) {
            p.setPen(QPen(QColor(0, 0, 0), 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(bar.adjusted(-1, -1, 1, 1));
        }
        ++stats.bars;
    }

    // Marks and badges, laid out so that none overlaps another.
    p.setFont(badgeFont());
    const QVector<DrawnMark> marks = laneMarks(lane);
    for (const DrawnMark &m : marks) {
        if (!m.badge) {
            const int item = m.item;
            const double x = m.rect.center().x();
            p.fillRect(m.rect, facilities[m_model.facilityOfItem(item)].color);
            if (items[item].uninformed) {
                const QPointF tri[] = {QPointF(x - 4, innerTop - 3), QPointF(x + 4, innerTop - 3), QPointF(x, innerTop + 4)};
                p.setPen(Qt::NoPen);
                p.setBrush(uninformedColor);
                p.drawPolygon(tri, 3);
            }
            if (item == selected) {
                p.setPen(QPen(QColor(0, 0, 0), 2));
                p.setBrush(Qt::NoBrush);
                p.drawRect(m.rect.adjusted(-2, -2, 2, 2));
            }
            ++stats.marks;
            m_lastDrawn.append(m);
            continue;
        }
        p.setPen(Qt::NoPen);
        p.setBrush(badgeColor());
        p.drawRoundedRect(m.rect, 3, 3);
        if (selected >= 0 && items[selected].category == l.category && items[selected].start.isValid()
            && items[selected].start.msecs() >= m.from && items[selected].start.msecs() < m.to) {
            p.setPen(QPen(QColor(0, 0, 0), 2));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(m.rect.adjusted(-1, -1, 1, 1), 3, 3);
        }
        p.setPen(QColor(0xff, 0xff, 0xff));
        p.drawText(m.rect, Qt::AlignCenter, m.text);
        ++stats.badges;
        stats.aggregatedItems += m.count;
        m_lastDrawn.append(m);
    }
}

void TimelineView::paintLegend(QPainter &p, const QRect &r) const
{
    p.fillRect(r, QColor(0xff, 0xff, 0xff));
    QFont f = p.font();
    f.setPixelSize(11);
    f.setBold(false);
    p.setFont(f);
    int x = r.left() + 6;
    const int cy = r.center().y();
    const auto swatch = [&](const QColor &c, const QString &text) {
        p.fillRect(QRect(x, cy - 5, 10, 10), c);
        x += 14;
        const int w = p.fontMetrics().horizontalAdvance(text);
        p.setPen(QColor(0x22, 0x2a, 0x35));
        p.drawText(QRect(x, r.top(), w + 2, r.height()), Qt::AlignVCenter | Qt::AlignLeft, text);
        x += w + 14;
    };
    for (const FacilityEntry &fac : m_model.facilities())
        swatch(fac.color, fac.name);
    swatch(QColor(0xe0, 0x7b, 0x00), tr("Not yet told to the patient (UNINFORMED)"));
    swatch(todayColor(), tr("Today"));
}

QString TimelineView::tooltipFor(const Hit &hit) const
{
    if (hit.kind == HitKind::Badge) {
        return tr("%n item(s) between %1 and %2. Zoom in to see them.", nullptr, hit.count)
            .arg(DateFormat::date(displayDate(hit.from)), DateFormat::date(displayDate(hit.to)));
    }
    if (hit.kind == HitKind::Undated) {
        QStringList titles;
        const QVector<int> &undated = m_model.lanes()[hit.lane].undated;
        for (int i = 0; i < undated.size() && i < 10; ++i)
            titles << m_model.record().items[undated[i]].title.toHtmlEscaped();
        if (undated.size() > 10)
            titles << QStringLiteral("…");
        return QStringLiteral("<b>%1</b><br>%2")
            .arg(tr("%n item(s) without a date", nullptr, hit.count).toHtmlEscaped(), titles.join(QStringLiteral("<br>")));
    }
    if (hit.kind != HitKind::Item)
        return {};
    const ClinicalItem &item = m_model.record().items[hit.item];
    QString html = QStringLiteral("<b>%1</b><br>%2").arg(item.title.toHtmlEscaped(), item.start.displayText().toHtmlEscaped());
    if (item.end.isValid())
        html += QStringLiteral(" – ") + item.end.displayText().toHtmlEscaped();
    if (!item.detail.isEmpty())
        html += QStringLiteral("<br>") + item.detail.toHtmlEscaped();
    html += QStringLiteral("<br>%1: %2").arg(tr("Source", "facility an item came from").toHtmlEscaped(),
                                            m_model.facilities()[m_model.facilityOfItem(hit.item)].name.toHtmlEscaped());
    if (item.uninformed)
        html += QStringLiteral("<br><span style='color:#9a4d00'>%1</span>").arg(tr("Not yet told to the patient (UNINFORMED)").toHtmlEscaped());
    return html;
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = tooltipFor(hitTest(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    if (event->type() == QEvent::NativeGesture) {
        auto *g = static_cast<QNativeGestureEvent *>(event);
        if (g->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(1.0 / (1.0 + g->value()), g->position().x());
            return true;
        }
    }
    return QWidget::event(event);
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint angle = event->angleDelta();
    const QPoint pixels = event->pixelDelta();
    const bool horizontal = angle.x() != 0 || (event->modifiers() & Qt::ShiftModifier);
    if (horizontal) {
        const int d = angle.x() != 0 ? angle.x() : angle.y();
        panByPixels(!pixels.isNull() ? (pixels.x() != 0 ? pixels.x() : pixels.y()) : d / 2.0);
    } else if (angle.y() != 0) {
        // 120 units (one notch) zooms by ~16 %.
        zoomBy(std::pow(2.0, -angle.y() / 480.0), event->position().x());
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressPos = event->position().toPoint();
        m_pressT0 = m_t0;
        m_dragging = false;
    }
    QWidget::mousePressEvent(event);
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        const QPoint d = event->position().toPoint() - m_pressPos;
        if (m_dragging || std::abs(d.x()) > 3) {
            m_dragging = true;
            m_fitted = true;
            setView(m_pressT0 - d.x() * m_msPerPx, m_msPerPx);
            setCursor(Qt::ClosedHandCursor);
        }
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    unsetCursor();
    if (m_dragging) {
        m_dragging = false;
        return;
    }
    const Hit hit = hitTest(event->position().toPoint());
    if (hit.kind == HitKind::Item || hit.kind == HitKind::Undated) {
        setSelectedKey(m_model.record().items[hit.item].key);
    } else if (hit.kind == HitKind::Badge) {
        // A badge stands for more than fits: zoom in on it.
        zoomBy(0.25, xForMsecs((hit.from + hit.to) / 2));
    } else {
        setSelectedKey(QString());
    }
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const Hit hit = hitTest(event->position().toPoint());
    if (hit.kind == HitKind::Item || hit.kind == HitKind::Undated) {
        setSelectedKey(m_model.record().items[hit.item].key);
        Q_EMIT itemActivated(m_selectedKey);
    }
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const double centre = plotLeft() + plotWidth() / 2.0;
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Left:
        if (ctrl)
            selectNeighbour(-1);
        else
            panByPixels(plotWidth() / 8.0);
        break;
    case Qt::Key_Right:
        if (ctrl)
            selectNeighbour(1);
        else
            panByPixels(-plotWidth() / 8.0);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(0.8, centre);
        break;
    case Qt::Key_Minus:
        zoomBy(1.25, centre);
        break;
    case Qt::Key_Home:
    case Qt::Key_0:
        fitAll();
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_selectedKey.isEmpty())
            Q_EMIT itemActivated(m_selectedKey);
        break;
    case Qt::Key_Escape:
        setSelectedKey(QString());
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace Kakehashi
