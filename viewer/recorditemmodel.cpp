#include "recorditemmodel.h"

#include "displaytext.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <utility>

namespace Kakehashi {

namespace {
constexpr quintptr kTopLevel = quintptr(-1);
}

RecordItemModel::RecordItemModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void RecordItemModel::setRecord(const PatientRecord &record)
{
    beginResetModel();
    m_record = record;
    rebuild();
    endResetModel();
}

void RecordItemModel::setVisibleCategories(const QSet<ItemCategory> &categories)
{
    beginResetModel();
    m_visible = categories;
    rebuild();
    endResetModel();
}

bool RecordItemModel::setItemFilter(const ItemFilter &filter)
{
    m_filter = filter;
    return refilter();
}

bool RecordItemModel::refilter()
{
    QList<Group> previous = std::exchange(m_groups, {});
    rebuild();
    bool same = previous.size() == m_groups.size();
    for (int g = 0; same && g < m_groups.size(); ++g)
        same = previous[g].category == m_groups[g].category && previous[g].items == m_groups[g].items;
    if (same)
        return false;
    std::swap(previous, m_groups);
    beginResetModel();
    std::swap(previous, m_groups);
    endResetModel();
    return true;
}

void RecordItemModel::rebuild()
{
    m_groups.clear();
    for (int c = 0; c < ItemCategoryCount; ++c) {
        const auto category = ItemCategory(c);
        if (!m_visible.isEmpty() && !m_visible.contains(category))
            continue;
        Group g{category, {}};
        for (int i = 0; i < m_record.items.size(); ++i)
            if (m_record.items.at(i).category == category && (!m_filter || m_filter(i)))
                g.items.append(i);
        if (!g.items.isEmpty())
            m_groups.append(g);
    }
}

const ClinicalItem *RecordItemModel::itemAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kTopLevel)
        return nullptr;
    const int g = int(index.internalId());
    if (g < 0 || g >= m_groups.size() || index.row() >= m_groups.at(g).items.size())
        return nullptr;
    return &m_record.items.at(m_groups.at(g).items.at(index.row()));
}

QModelIndex RecordItemModel::categoryIndex(ItemCategory category) const
{
    for (int g = 0; g < m_groups.size(); ++g)
        if (m_groups.at(g).category == category)
            return createIndex(g, 0, kTopLevel);
    return {};
}

QModelIndex RecordItemModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, kTopLevel) : QModelIndex();
    if (parent.internalId() != kTopLevel || parent.row() >= m_groups.size())
        return {};
    if (row >= m_groups.at(parent.row()).items.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()));
}

QModelIndex RecordItemModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId()), 0, kTopLevel);
}

int RecordItemModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() == kTopLevel && parent.column() == 0 && parent.row() < m_groups.size())
        return int(m_groups.at(parent.row()).items.size());
    return 0;
}

int RecordItemModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant RecordItemModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kTopLevel) {
        const Group &g = m_groups.at(index.row());
        if (role == CategoryRole)
            return int(g.category);
        if (index.column() != 0)
            return {};
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return tr("%1 (%2)", "category name (item count)").arg(CategoryNames::displayName(g.category)).arg(g.items.size());
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    }
    const ClinicalItem *item = itemAt(index);
    if (!item)
        return {};
    switch (role) {
    case ItemKeyRole:
        return item->key;
    case CategoryRole:
        return int(item->category);
    case UninformedRole:
        return item->uninformed;
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case DateColumn: {
            QString text = item->start.displayText();
            if (item->end.isValid() && item->category != ItemCategory::Lab)
                text += QStringLiteral(" – ") + item->end.displayText();
            return text;
        }
        case ItemColumn: {
            QString title = item->title;
            if (item->uninformed)
                title = tr("[Not told to patient] %1", "JP-CLINS UNINFORMED flag").arg(title);
            if (item->redacted)
                title = tr("[Redacted] %1").arg(title);
            return title;
        }
        case DetailColumn:
            return item->detail;
        case StatusColumn:
            return DisplayText::status(*item);
        case SourceColumn:
            return DisplayText::source(item->source);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == SourceColumn && !item->source.isKnown())
            return QBrush(QColor(0x80, 0x80, 0x80));
        if (item->category == ItemCategory::Lab && index.column() == DetailColumn
            && !item->lab.flag.isEmpty() && item->lab.flag != u"N")
            return QBrush(QColor(0xb0, 0x00, 0x20));
        if (item->uninformed && index.column() == ItemColumn)
            return QBrush(QColor(0x9a, 0x4d, 0x00));
        return {};
    case Qt::ToolTipRole:
        if (item->uninformed)
            return tr("This diagnosis has not yet been told to the patient. Do not show it on patient-facing output.");
        return {};
    }
    return {};
}

QVariant RecordItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("Date");
    case ItemColumn:
        return tr("Item");
    case DetailColumn:
        return tr("Details");
    case StatusColumn:
        return tr("Status");
    case SourceColumn:
        return tr("Source", "facility an item came from");
    }
    return {};
}

} // namespace Kakehashi
