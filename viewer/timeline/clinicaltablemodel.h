#pragma once

#include "timelinemodel.h"

#include <QAbstractTableModel>

namespace Kakehashi {

// One clinical panel's rows (problems, medications, labs …): the items of one category that the
// timeline's filter lets through, optionally only those in the timeline's visible range.
class ClinicalTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Date, End, Name, Detail, Value, Unit, Range, Flag, Analyte, Status, Kind, Codes, Facility, Pharmacy, Notice };
    enum Role { ItemKeyRole = Qt::UserRole + 1, ItemIndexRole, UninformedRole };

    ClinicalTableModel(ItemCategory category, QObject *parent = nullptr);

    ItemCategory category() const { return m_category; }
    // `source` outlives this model (it belongs to the TimelineView of the same PatientView).
    void setSource(const TimelineModel *source);
    // Only items overlapping [from, to]; pass the full qint64 range to list everything.
    void setRange(qint64 from, qint64 to);
    // Both at once, listing (and sorting) the rows once: what a new record or a refresh needs.
    void show(const TimelineModel *source, qint64 from, qint64 to);
    void refresh();

    int rowOfKey(const QString &key) const;
    QString keyAt(int row) const;
    const QList<Column> &columns() const { return m_columns; }
    int columnOf(Column column) const { return int(m_columns.indexOf(column)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(const ClinicalItem &item, int itemIndex, Column column) const;

    ItemCategory m_category;
    QList<Column> m_columns;
    const TimelineModel *m_source = nullptr;
    qint64 m_from;
    qint64 m_to;
    QList<int> m_rows; // record item indexes
};

} // namespace Kakehashi
