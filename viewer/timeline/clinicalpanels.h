#pragma once

#include "clinicaltablemodel.h"

#include <QTabWidget>

class QCheckBox;
class QTableView;

namespace Kakehashi {

class LabTrendChart;

// The clinical panels under the timeline: problems, medications, labs (table and trend chart),
// encounters, documents, imaging, allergies and the rest. They list what the timeline's filter
// lets through and, while "follow the timeline" is on, only what lies in its visible range.
class ClinicalPanels : public QTabWidget
{
    Q_OBJECT
public:
    explicit ClinicalPanels(QWidget *parent = nullptr);

    // `source` belongs to the TimelineView and outlives the panels' use of it.
    void setSource(const TimelineModel *source);
    // A new record: the source and the timeline's visible range at once (each list is built once).
    void setSource(const TimelineModel *source, qint64 from, qint64 to);
    void refresh();
    void setRange(qint64 from, qint64 to);
    void setFollowRange(bool follow);
    bool followsRange() const { return m_followRange; }

    // Shows the panel of the item's category with its row selected; false if no panel lists it.
    bool selectKey(const QString &key);
    QString selectedKey() const { return m_selectedKey; }
    bool showCategory(ItemCategory category);

    QTableView *table(ItemCategory category) const;
    ClinicalTableModel *tableModel(ItemCategory category) const;
    // The lab tab's trend chart, brought up to date first: it is rebuilt (analytes, series) only
    // while the lab tab is the current one or when asked for here, not behind another tab on every
    // record, filter and pan (for a 100k-item record that was 50-70 ms each time).
    LabTrendChart *labChart() const;
    QCheckBox *followRangeBox() const { return m_follow; }
    // Whether the panels list the item now (filter and, while following, the timeline's range): the
    // "All items" tree lists exactly these too.
    bool lists(int itemIndex) const;

Q_SIGNALS:
    void itemSelected(const QString &key);
    void itemActivated(const QString &key);
    // The listed items changed (filter, range, follow, record).
    void listingChanged();

private:
    struct Panel
    {
        ItemCategory category;
        ClinicalTableModel *model;
        QTableView *view;
        QWidget *page;
        bool columnsFitted = false;
    };
    void onRowChanged(const Panel &panel, const QModelIndex &current);
    QString tabLabel(const Panel &panel) const;
    const Panel *panel(ItemCategory category) const;
    // Column widths come from the rows' text, which costs a pass over many rows: a panel is
    // fitted when it is first shown after a new record, not for every tab on every open.
    void fitCurrentPanel();
    void updateChart() const;
    void updateChartIfShown();

    QList<Panel> m_panels;
    LabTrendChart *m_labChart;
    QCheckBox *m_follow;
    const TimelineModel *m_source = nullptr;
    QString m_selectedKey;
    bool m_followRange = true;
    bool m_syncing = false;
    // What the chart has not been told yet: a new source (its analyte chosen again), or a refresh.
    mutable bool m_chartNeedsSource = false;
    mutable bool m_chartNeedsRefresh = false;
    qint64 m_from;
    qint64 m_to;
};

} // namespace Kakehashi
