#include "timelinemodel.h"

#include "viewer/displaytext.h"
#include "record/medicationperiod.h"

#include <QHash>
#include <QMap>
#include <QMutex>

#include <algorithm>

namespace Kakehashi {

namespace {
bool isOpenEnded(const ClinicalItem &item)
{
    // Medications are never open-ended: they end on their last day of use, or are points when it is unknown.
    return item.active && !item.end.isValid()
           && (item.category == ItemCategory::Problem || item.category == ItemCategory::Allergy);
}
} // namespace

QColor TimelineModel::paletteColor(int index)
{
    // Distinguishable on white and for the common colour-vision deficiencies (Okabe–Ito, then Tableau).
    static const QRgb palette[] = {0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7, 0x56b4e9, 0xd55e00, 0x7f7f7f,
                                   0x8c564b, 0x9467bd, 0xbcbd22, 0x17becf, 0x1f77b4};
    constexpr int n = int(sizeof(palette) / sizeof(palette[0]));
    return QColor::fromRgb(palette[((index % n) + n) % n]);
}

namespace {
struct SessionColours
{
    QMutex mutex;
    QHash<QString, int> index; // facility key → palette index, in order of first appearance
};
SessionColours &sessionColours()
{
    static SessionColours colours;
    return colours;
}
} // namespace

QColor TimelineModel::facilityColor(const QString &facilityKey)
{
    if (facilityKey.isEmpty())
        return QColor(0x9e, 0x9e, 0x9e);
    SessionColours &c = sessionColours();
    const QMutexLocker lock(&c.mutex);
    auto it = c.index.constFind(facilityKey);
    if (it == c.index.cend())
        it = c.index.insert(facilityKey, int(c.index.size()));
    return paletteColor(*it);
}

QVector<FacilityEntry> TimelineModel::facilitiesOf(const PatientRecord &record)
{
    QMap<QString, FacilityEntry> byKey;
    for (const ClinicalItem &item : record.items) {
        const QString key = item.source.isKnown() ? item.source.key : QString();
        FacilityEntry &f = byKey[key];
        if (f.name.isEmpty()) {
            f.key = key;
            f.name = item.source.isKnown() ? (item.source.name.isEmpty() ? item.source.key : item.source.name)
                                           : DisplayText::source(item.source);
        }
        ++f.itemCount;
    }
    QVector<FacilityEntry> out;
    // Keys are visited sorted, so a new facility's colour does not depend on item order.
    for (auto it = byKey.begin(); it != byKey.end(); ++it) {
        it->color = facilityColor(it->key);
        out.append(*it);
    }
    return out;
}

void TimelineModel::setRecord(const PatientRecord &record, qint64 nowMsecs)
{
    m_record = record;
    m_now = nowMsecs;
    m_facilities = facilitiesOf(m_record);
    QHash<QString, int> facilityIndex;
    for (int i = 0; i < m_facilities.size(); ++i)
        facilityIndex.insert(m_facilities[i].key, i);
    const int n = int(m_record.items.size());
    m_itemFacility.resize(n);
    m_searchText.clear(); // folded on the first search of this record, not for every record opened
    m_keyIndex.clear();
    m_keyIndex.reserve(n);
    for (int i = 0; i < n; ++i) {
        const ClinicalItem &item = m_record.items.at(i);
        m_itemFacility[i] = facilityIndex.value(item.source.isKnown() ? item.source.key : QString());
        m_keyIndex.insert(item.key, i);
    }
    if (!m_textFolded.isEmpty())
        buildSearchText();
    rebuild();
}

void TimelineModel::buildSearchText()
{
    const int n = int(m_record.items.size());
    if (m_searchText.size() == n)
        return;
    m_searchText.resize(n);
    for (int i = 0; i < n; ++i) {
        const ClinicalItem &item = m_record.items.at(i);
        QString text = item.title + u'\n' + item.detail + u'\n' + m_facilities[m_itemFacility[i]].name;
        for (const Fhir::Coding &c : item.codes)
            text += u'\n' + c.code + u' ' + c.display;
        m_searchText[i] = text.toCaseFolded();
    }
}

bool TimelineModel::hasSearchText() const
{
    return !m_record.items.isEmpty() && m_searchText.size() == m_record.items.size();
}

void TimelineModel::setFilter(const TimelineFilter &filter)
{
    m_filter = filter;
    m_textFolded = filter.text.trimmed().toCaseFolded();
    if (!m_textFolded.isEmpty())
        buildSearchText();
    rebuild();
}

bool TimelineModel::isCurrent(const ClinicalItem &item) const
{
    if (item.category == ItemCategory::Medication)
        return MedicationPeriod::isCurrentAt(item, m_now);
    return item.active;
}

qint64 TimelineModel::drawEnd(const ClinicalItem &item, qint64 start) const
{
    if (item.category == ItemCategory::Medication)
        return std::max(start, MedicationPeriod::endExclusiveMsecs(item).value_or(start));
    if (item.isPeriod())
        return item.end.msecs();
    if (isOpenEnded(item))
        return std::max(start, m_now);
    return start;
}

bool TimelineModel::passes(int itemIndex) const
{
    if (itemIndex < 0 || itemIndex >= m_record.items.size())
        return false;
    const ClinicalItem &item = m_record.items.at(itemIndex);
    if (m_filter.hiddenCategories.contains(item.category))
        return false;
    if (!m_filter.hiddenFacilities.isEmpty() && m_filter.hiddenFacilities.contains(m_facilities[m_itemFacility[itemIndex]].key))
        return false;
    if (item.start.isValid()) {
        const qint64 s = item.start.msecs();
        if (drawEnd(item, s) < m_filter.from || s > m_filter.to)
            return false;
    } else if (m_filter.from != std::numeric_limits<qint64>::min() || m_filter.to != std::numeric_limits<qint64>::max()) {
        return false; // undated items cannot be in a date range
    }
    if (!m_textFolded.isEmpty() && !m_searchText[itemIndex].contains(m_textFolded))
        return false;
    return true;
}

bool TimelineModel::listedIn(int itemIndex, qint64 from, qint64 to) const
{
    if (!passes(itemIndex))
        return false;
    const ClinicalItem &item = m_record.items.at(itemIndex);
    if (!item.start.isValid() || isCurrent(item))
        return true;
    const qint64 s = item.start.msecs();
    return drawEnd(item, s) >= from && s <= to;
}

void TimelineModel::rebuild()
{
    QVector<Lane> lanes(ItemCategoryCount);
    QVector<bool> present(ItemCategoryCount, false);
    for (int c = 0; c < ItemCategoryCount; ++c)
        lanes[c].category = ItemCategory(c);
    qint64 lo = std::numeric_limits<qint64>::max();
    qint64 hi = std::numeric_limits<qint64>::min();
    m_shownCount = 0;
    for (int i = 0; i < m_record.items.size(); ++i) {
        const ClinicalItem &item = m_record.items.at(i);
        present[int(item.category)] = true;
        if (!passes(i))
            continue;
        if (!item.start.isValid()) {
            lanes[int(item.category)].undated.append(i); // drawn in the lane's "undated" strip
            continue;
        }
        Entry e;
        e.start = item.start.msecs();
        e.end = drawEnd(item, e.start);
        e.item = i;
        e.facility = m_itemFacility[i];
        Lane &lane = lanes[int(item.category)];
        (e.end > e.start ? lane.periods : lane.events).append(e);
        lo = std::min(lo, e.start);
        hi = std::max(hi, e.end);
        ++m_shownCount;
    }
    m_extent = m_shownCount ? std::pair{lo, hi} : std::pair<qint64, qint64>{0, 0};

    const auto byStart = [](const Entry &a, const Entry &b) { return a.start < b.start || (a.start == b.start && a.item < b.item); };
    m_lanes.clear();
    for (int c = 0; c < ItemCategoryCount; ++c) {
        if (!present[c] || m_filter.hiddenCategories.contains(ItemCategory(c)))
            continue;
        Lane &lane = lanes[c];
        std::sort(lane.events.begin(), lane.events.end(), byStart);
        std::sort(lane.periods.begin(), lane.periods.end(), byStart);
        // Greedy interval packing into a few sub-rows; beyond that, rows are shared.
        qint64 rowEnd[MaxPeriodRows];
        std::fill(std::begin(rowEnd), std::end(rowEnd), std::numeric_limits<qint64>::min());
        int rowsUsed = 1;
        lane.periodMaxEnd.resize(lane.periods.size());
        qint64 maxEnd = std::numeric_limits<qint64>::min();
        for (int i = 0; i < lane.periods.size(); ++i) {
            Entry &e = lane.periods[i];
            int row = 0;
            for (int r = 0; r < MaxPeriodRows; ++r) {
                if (rowEnd[r] < e.start) {
                    row = r;
                    break;
                }
                if (rowEnd[r] < rowEnd[row])
                    row = r;
            }
            e.row = row;
            rowEnd[row] = std::max(rowEnd[row], e.end);
            rowsUsed = std::max(rowsUsed, row + 1);
            maxEnd = std::max(maxEnd, e.end);
            lane.periodMaxEnd[i] = maxEnd;
        }
        lane.rows = rowsUsed;
        m_lanes.append(std::move(lane));
    }
}

int TimelineModel::laneIndex(ItemCategory category) const
{
    for (int i = 0; i < m_lanes.size(); ++i)
        if (m_lanes[i].category == category)
            return i;
    return -1;
}

std::pair<int, int> TimelineModel::eventRange(int lane, qint64 from, qint64 to) const
{
    const QVector<Entry> &ev = m_lanes[lane].events;
    const auto first = std::lower_bound(ev.begin(), ev.end(), from, [](const Entry &e, qint64 t) { return e.start < t; });
    const auto last = std::lower_bound(first, ev.end(), to, [](const Entry &e, qint64 t) { return e.start < t; });
    return {int(first - ev.begin()), int(last - ev.begin())};
}

std::pair<int, int> TimelineModel::periodCandidates(int lane, qint64 from, qint64 to) const
{
    const Lane &l = m_lanes[lane];
    const auto first = std::lower_bound(l.periodMaxEnd.begin(), l.periodMaxEnd.end(), from);
    const auto last = std::upper_bound(l.periods.begin(), l.periods.end(), to, [](qint64 t, const Entry &e) { return t < e.start; });
    const int a = int(first - l.periodMaxEnd.begin());
    const int b = int(last - l.periods.begin());
    return {a, std::max(a, b)};
}

QList<int> TimelineModel::itemsIn(int lane, qint64 from, qint64 to) const
{
    QList<int> out;
    if (lane < 0 || lane >= m_lanes.size())
        return out;
    const auto [pa, pb] = periodCandidates(lane, from, to);
    for (int i = pa; i < pb; ++i)
        if (m_lanes[lane].periods[i].end >= from)
            out.append(m_lanes[lane].periods[i].item);
    const auto [ea, eb] = eventRange(lane, from, to + 1);
    for (int i = ea; i < eb; ++i)
        out.append(m_lanes[lane].events[i].item);
    return out;
}

} // namespace Kakehashi
