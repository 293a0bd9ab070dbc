#pragma once

#include "record/clinicalrecord.h"

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <QVector>

#include <limits>

namespace Kakehashi {

// A facility an item came from, with the colour it carries everywhere in the patient view.
struct FacilityEntry
{
    QString key;  // SourceFacility::key; empty for "unknown source"
    QString name; // translated display name
    QColor color;
    int itemCount = 0;
};

// What the timeline and the panels agree to show.
struct TimelineFilter
{
    QSet<ItemCategory> hiddenCategories;
    QSet<QString> hiddenFacilities; // FacilityEntry::key
    qint64 from = std::numeric_limits<qint64>::min();
    qint64 to = std::numeric_limits<qint64>::max();
    QString text; // case-insensitive, matched against title, detail, codes and source

    bool operator==(const TimelineFilter &) const = default;
};

// The record laid out for drawing: one lane per category, items pre-sorted by time so that
// painting and hit-testing cost O(log n + visible) rather than O(n).
class TimelineModel
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::TimelineModel)
public:
    struct Entry
    {
        qint64 start = 0;
        qint64 end = 0; // == start for events
        int item = -1;  // index into record().items
        int facility = 0;
        int row = 0;    // sub-row for periods (0..rows-1)
    };
    struct Lane
    {
        ItemCategory category = ItemCategory::Other;
        QVector<Entry> events;   // sorted by start
        QVector<Entry> periods;  // sorted by start
        QVector<qint64> periodMaxEnd; // running maximum of periods[i].end; monotonic, so binary-searchable
        QVector<int> undated;    // items without a date that pass the filter (record item indexes)
        int rows = 1;
        int shownCount() const { return int(events.size() + periods.size() + undated.size()); }
    };
    static constexpr int MaxPeriodRows = 3;

    // `nowMsecs` is the reference time: it closes open-ended current problems and allergies (they
    // run until today) and decides which medications are current (MedicationPeriod).
    void setRecord(const PatientRecord &record, qint64 nowMsecs);
    const PatientRecord &record() const { return m_record; }
    qint64 now() const { return m_now; }

    void setFilter(const TimelineFilter &filter);
    const TimelineFilter &filter() const { return m_filter; }
    // Whether the folded search text of the record's items has been built: on the first search
    // (a filter with text), not when the record is set.
    bool hasSearchText() const;
    bool passes(int itemIndex) const;
    // Whether a list (a clinical panel, the record tree, the trend chart) shows the item when it follows
    // the time range [from, to]: it passes the filter and overlaps the range; current problems,
    // medications and allergies, and undated items, are listed whatever the range.
    bool listedIn(int itemIndex, qint64 from, qint64 to) const;

    // Lanes in display order: every category present in the record that the filter does not hide.
    const QVector<Lane> &lanes() const { return m_lanes; }
    int laneIndex(ItemCategory category) const;

    const QVector<FacilityEntry> &facilities() const { return m_facilities; }
    int facilityOfItem(int itemIndex) const { return m_itemFacility.value(itemIndex); }
    // Facilities of a record, sorted by key, each with its session colour (facilityColor).
    static QVector<FacilityEntry> facilitiesOf(const PatientRecord &record);
    static QColor paletteColor(int index);
    // One colour per facility for the whole session, keyed by SourceFacility::key: the same in the
    // legend, the lists and the charts, and the same whichever patient is opened (a facility keeps the
    // colour it was first given; new facilities take the next palette colour). Grey for an unknown source.
    static QColor facilityColor(const QString &facilityKey);

    int itemIndexOfKey(const QString &key) const { return m_keyIndex.value(key, -1); }
    // Time span of the shown items; {0,0} when nothing is shown.
    std::pair<qint64, qint64> extent() const { return m_extent; }
    int shownCount() const { return m_shownCount; }

    // Items of a lane overlapping [from, to] (events and periods), in start order per kind.
    QList<int> itemsIn(int lane, qint64 from, qint64 to) const;
    // Index range [first, last) of lane events with from <= start < to.
    std::pair<int, int> eventRange(int lane, qint64 from, qint64 to) const;
    // Index range [first, last) of periods that may overlap [from, to] (check end >= from per entry).
    std::pair<int, int> periodCandidates(int lane, qint64 from, qint64 to) const;

    // Period span used for drawing: open-ended current problems and allergies run to now(); a
    // medication runs to the end of its last day of use, and is a point when its end is unknown.
    qint64 drawEnd(const ClinicalItem &item, qint64 start) const;
    // Current at now(): MedicationPeriod for medications, the item's status for the others.
    bool isCurrent(const ClinicalItem &item) const;

private:
    void rebuild();
    void buildSearchText();

    PatientRecord m_record;
    qint64 m_now = 0;
    TimelineFilter m_filter;
    QString m_textFolded;
    QVector<Lane> m_lanes;
    QVector<FacilityEntry> m_facilities;
    QVector<int> m_itemFacility;
    QHash<QString, int> m_keyIndex;
    QVector<QString> m_searchText; // folded text per item, built on the record's first search
    std::pair<qint64, qint64> m_extent{0, 0};
    int m_shownCount = 0;
};

} // namespace Kakehashi
