#include "patientlistview.h"

#include "patientlistmodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Kakehashi {

PatientListView::PatientListView(PatientListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    auto *title = new QLabel(tr("Patients"), this);
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    m_filter->setPlaceholderText(tr("Filter by name, kana or ID"));
    m_filter->setAccessibleName(tr("Patient filter"));
    m_filter->setClearButtonEnabled(true);

    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Patient list"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PatientListModel::IdColumn, Qt::AscendingOrder);
    m_table->setColumnHidden(PatientListModel::BirthDateColumn, true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_filter);
    layout->addWidget(m_table);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table, &QTableView::activated, this, &PatientListView::emitCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PatientListView::emitCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_table->resizeColumnsToContents(); });
}

bool PatientListView::selectPatient(const QString &patientId)
{
    const int row = m_model->rowOf(patientId);
    if (row < 0)
        return false;
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!proxyIndex.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

void PatientListView::emitCurrent()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (const PatientInfo *p = m_model->patientAt(current.row()))
        Q_EMIT patientActivated(p->id);
}

} // namespace Kakehashi
