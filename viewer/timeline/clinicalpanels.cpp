#include "clinicalpanels.h"

#include "labtrendchart.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSplitter>
#include <QTableView>

#include <limits>

namespace Kakehashi {

ClinicalPanels::ClinicalPanels(QWidget *parent)
    : QTabWidget(parent)
    , m_labChart(new LabTrendChart)
    , m_follow(new QCheckBox(tr("Follow the timeline")))
    , m_from(std::numeric_limits<qint64>::min())
    , m_to(std::numeric_limits<qint64>::max())
{
    setAccessibleName(tr("Clinical panels"));
    setDocumentMode(true);
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("List only what lies in the timeline's visible time range (current items are always listed)"));
    setCornerWidget(m_follow, Qt::TopRightCorner);
    connect(m_follow, &QCheckBox::toggled, this, &ClinicalPanels::setFollowRange);
    connect(this, &QTabWidget::currentChanged, this, &ClinicalPanels::fitCurrentPanel);
    connect(this, &QTabWidget::currentChanged, this, &ClinicalPanels::updateChartIfShown);

    const ItemCategory order[] = {ItemCategory::Problem, ItemCategory::Medication, ItemCategory::Lab, ItemCategory::Encounter,
                                  ItemCategory::Document, ItemCategory::Imaging, ItemCategory::Allergy, ItemCategory::Procedure,
                                  ItemCategory::Vital, ItemCategory::Immunization};
    for (ItemCategory category : order) {
        Panel panel{category, new ClinicalTableModel(category, this), new QTableView, nullptr};
        panel.view->setModel(panel.model);
        panel.view->setAccessibleName(CategoryNames::displayName(category));
        panel.view->setSelectionBehavior(QAbstractItemView::SelectRows);
        panel.view->setSelectionMode(QAbstractItemView::SingleSelection);
        panel.view->setAlternatingRowColors(true);
        panel.view->setWordWrap(false);
        panel.view->verticalHeader()->hide();
        panel.view->verticalHeader()->setDefaultSectionSize(panel.view->fontMetrics().height() + 6);
        panel.view->horizontalHeader()->setStretchLastSection(true);
        panel.view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        panel.view->horizontalHeader()->setDefaultSectionSize(120);
        if (category == ItemCategory::Lab) {
            auto *split = new QSplitter(Qt::Horizontal);
            split->addWidget(panel.view);
            split->addWidget(m_labChart);
            split->setStretchFactor(0, 3);
            split->setStretchFactor(1, 2);
            panel.page = split;
        } else {
            panel.page = panel.view;
        }
        addTab(panel.page, CategoryNames::displayName(category));
        m_panels.append(panel);
        const int i = int(m_panels.size()) - 1;
        connect(panel.view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this, i](const QModelIndex &current) { onRowChanged(m_panels[i], current); });
        connect(panel.view, &QAbstractItemView::activated, this, [this, i](const QModelIndex &index) {
            Q_EMIT itemActivated(m_panels[i].model->keyAt(index.row()));
        });
    }
}

LabTrendChart *ClinicalPanels::labChart() const
{
    updateChart();
    return m_labChart;
}

void ClinicalPanels::updateChart() const
{
    if (!m_chartNeedsSource && !m_chartNeedsRefresh)
        return;
    m_labChart->setRange(m_followRange ? m_from : std::numeric_limits<qint64>::min(),
                         m_followRange ? m_to : std::numeric_limits<qint64>::max());
    if (m_chartNeedsSource)
        m_labChart->setSource(m_source);
    else
        m_labChart->refresh();
    m_chartNeedsSource = false;
    m_chartNeedsRefresh = false;
}

void ClinicalPanels::updateChartIfShown()
{
    const Panel *labs = panel(ItemCategory::Lab);
    if (labs && currentWidget() == labs->page)
        updateChart();
}

const ClinicalPanels::Panel *ClinicalPanels::panel(ItemCategory category) const
{
    for (const Panel &p : m_panels)
        if (p.category == category)
            return &p;
    return nullptr;
}

QTableView *ClinicalPanels::table(ItemCategory category) const
{
    const Panel *p = panel(category);
    return p ? p->view : nullptr;
}

ClinicalTableModel *ClinicalPanels::tableModel(ItemCategory category) const
{
    const Panel *p = panel(category);
    return p ? p->model : nullptr;
}

void ClinicalPanels::setSource(const TimelineModel *source)
{
    setSource(source, m_from, m_to);
}

void ClinicalPanels::setSource(const TimelineModel *source, qint64 from, qint64 to)
{
    m_source = source;
    m_from = from;
    m_to = to;
    m_selectedKey.clear();
    for (const Panel &p : std::as_const(m_panels))
        p.model->show(source, m_followRange ? m_from : std::numeric_limits<qint64>::min(),
                      m_followRange ? m_to : std::numeric_limits<qint64>::max());
    m_chartNeedsSource = true;
    updateChartIfShown();
    for (int i = 0; i < m_panels.size(); ++i)
        setTabText(indexOf(m_panels[i].page), tabLabel(m_panels[i]));
    for (Panel &p : m_panels)
        p.columnsFitted = false;
    fitCurrentPanel();
    Q_EMIT listingChanged();
}

QString ClinicalPanels::tabLabel(const Panel &panel) const
{
    // A category the role may not see is never shown as "(0)": that would read as "none".
    if (m_source && m_source->record().notDisclosedForRole.contains(panel.category))
        return tr("%1 (not disclosed to this role)").arg(CategoryNames::displayName(panel.category));
    return QStringLiteral("%1 (%2)").arg(CategoryNames::displayName(panel.category)).arg(panel.model->rowCount());
}

bool ClinicalPanels::lists(int itemIndex) const
{
    if (!m_source)
        return false;
    return m_followRange ? m_source->listedIn(itemIndex, m_from, m_to)
                         : m_source->listedIn(itemIndex, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
}

void ClinicalPanels::fitCurrentPanel()
{
    QWidget *page = currentWidget();
    for (Panel &p : m_panels) {
        if (p.page != page || p.columnsFitted)
            continue;
        p.view->resizeColumnsToContents();
        p.columnsFitted = true;
    }
}

void ClinicalPanels::refresh()
{
    {
    const QSignalBlocker block(this);
    m_syncing = true;
    // The trend chart shows what the lists show.
    m_chartNeedsRefresh = true;
    updateChartIfShown();
    for (int i = 0; i < m_panels.size(); ++i) {
        const Panel &p = m_panels[i];
        p.model->show(m_source, m_followRange ? m_from : std::numeric_limits<qint64>::min(),
                      m_followRange ? m_to : std::numeric_limits<qint64>::max());
        setTabText(indexOf(m_panels[i].page), tabLabel(m_panels[i]));
    }
    // Keep the selection across a refresh where the item is still listed.
    if (!m_selectedKey.isEmpty())
        for (const Panel &p : std::as_const(m_panels)) {
            const int row = p.model->rowOfKey(m_selectedKey);
            if (row >= 0)
                p.view->setCurrentIndex(p.model->index(row, 0));
        }
    m_syncing = false;
    }
    Q_EMIT listingChanged();
}

void ClinicalPanels::setRange(qint64 from, qint64 to)
{
    m_from = from;
    m_to = to;
    if (m_followRange)
        refresh();
}

void ClinicalPanels::setFollowRange(bool follow)
{
    if (m_follow->isChecked() != follow)
        m_follow->setChecked(follow);
    if (m_followRange == follow)
        return;
    m_followRange = follow;
    refresh();
}

bool ClinicalPanels::showCategory(ItemCategory category)
{
    const Panel *p = panel(category);
    if (!p)
        return false;
    setCurrentWidget(p->page);
    return true;
}

bool ClinicalPanels::selectKey(const QString &key)
{
    m_selectedKey = key;
    if (!m_source || key.isEmpty())
        return false;
    const int index = m_source->itemIndexOfKey(key);
    if (index < 0)
        return false;
    const ClinicalItem &item = m_source->record().items[index];
    const Panel *p = panel(item.category);
    if (!p)
        return false;
    int row = p->model->rowOfKey(key);
    if (row < 0 && m_followRange) {
        // The item is outside the followed range (e.g. selected from the record tree): list everything.
        setFollowRange(false);
        row = p->model->rowOfKey(key);
    }
    if (row < 0)
        return false;
    m_syncing = true;
    setCurrentWidget(p->page);
    p->view->setCurrentIndex(p->model->index(row, 0));
    p->view->scrollTo(p->model->index(row, 0));
    if (!item.lab.analyteKey.isEmpty())
        labChart()->setAnalyte(item.lab.analyteKey);
    m_syncing = false;
    return true;
}

void ClinicalPanels::onRowChanged(const Panel &panel, const QModelIndex &current)
{
    if (m_syncing || !current.isValid())
        return;
    const QString key = panel.model->keyAt(current.row());
    if (key.isEmpty())
        return;
    m_selectedKey = key;
    const int index = m_source ? m_source->itemIndexOfKey(key) : -1;
    if (index >= 0 && !m_source->record().items[index].lab.analyteKey.isEmpty())
        labChart()->setAnalyte(m_source->record().items[index].lab.analyteKey);
    Q_EMIT itemSelected(key);
}

} // namespace Kakehashi
