#pragma once

#include "record/clinicalrecord.h"

#include <QAbstractItemModel>
#include <QSet>

#include <functional>

namespace Kakehashi {

// A patient's items grouped by category: category rows at the top level, items beneath.
class RecordItemModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { DateColumn, ItemColumn, DetailColumn, StatusColumn, SourceColumn, ColumnCount };
    enum Role { ItemKeyRole = Qt::UserRole + 1, CategoryRole, UninformedRole };

    explicit RecordItemModel(QObject *parent = nullptr);

    void setRecord(const PatientRecord &record);
    // Only these categories are listed; empty = all.
    void setVisibleCategories(const QSet<ItemCategory> &categories);
    // Only items (by index into the record) the filter accepts are listed; none set = all. Returns
    // whether the listing changed (the model is reset only then).
    using ItemFilter = std::function<bool(int itemIndex)>;
    bool setItemFilter(const ItemFilter &filter);
    // The filter asked again (what it accepts has changed); returns whether the listing changed.
    bool refilter();
    const ClinicalItem *itemAt(const QModelIndex &index) const;
    QModelIndex categoryIndex(ItemCategory category) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    struct Group
    {
        ItemCategory category;
        QList<int> items; // indexes into m_record.items
    };
    PatientRecord m_record;
    QSet<ItemCategory> m_visible;
    ItemFilter m_filter;
    QList<Group> m_groups;
};

} // namespace Kakehashi
