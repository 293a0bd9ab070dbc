#include "timelinepane.h"

#include "record/dateformat.h"
#include "record/displayzone.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Kakehashi {

namespace {
const QDate kAnyDate(1900, 1, 1);
}

TimelinePane::TimelinePane(QWidget *parent)
    : QWidget(parent)
    , m_view(new TimelineView(this))
    , m_categories(new QToolButton(this))
    , m_categoryMenu(new QMenu(this))
    , m_facilities(new QToolButton(this))
    , m_facilityMenu(new QMenu(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_search(new QLineEdit(this))
    , m_fit(new QToolButton(this))
    , m_withheld(new QLabel(this))
    , m_searchDelay(new QTimer(this))
{
    m_categories->setText(tr("Categories"));
    m_categories->setAccessibleName(tr("Show categories"));
    m_categories->setMenu(m_categoryMenu);
    m_categories->setPopupMode(QToolButton::InstantPopup);
    m_facilities->setText(tr("Facilities"));
    m_facilities->setAccessibleName(tr("Show facilities"));
    m_facilities->setMenu(m_facilityMenu);
    m_facilities->setPopupMode(QToolButton::InstantPopup);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(DateFormat::datePattern());
        edit->setMinimumDate(kAnyDate);
        edit->setSpecialValueText(tr("any", "no date limit"));
        edit->setDate(kAnyDate);
        connect(edit, &QDateEdit::dateChanged, this, &TimelinePane::applyFilter);
    }
    m_from->setAccessibleName(tr("From date"));
    m_to->setAccessibleName(tr("To date"));
    m_search->setPlaceholderText(tr("Search the record…"));
    m_search->setAccessibleName(tr("Search the record"));
    m_search->setClearButtonEnabled(true);
    m_fit->setText(tr("Show all"));
    m_fit->setToolTip(tr("Zoom to the whole record (Home)"));
    m_withheld->setTextFormat(Qt::PlainText);
    m_withheld->setAccessibleName(tr("Withheld items"));
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_categories);
    bar->addWidget(m_facilities);
    bar->addWidget(new QLabel(tr("From"), this));
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(tr("to", "date range"), this));
    bar->addWidget(m_to);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_fit);
    bar->addWidget(m_withheld);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);

    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &TimelinePane::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, &TimelinePane::applyFilter);
    connect(m_fit, &QToolButton::clicked, m_view, &TimelineView::fitAll);
}

void TimelinePane::setRecord(const PatientRecord &record)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    const QSignalBlocker blockSearch(m_search);
    m_from->setDate(kAnyDate);
    m_to->setDate(kAnyDate);
    m_search->clear();
    m_view->setFilter({});
    m_view->setRecord(record);

    m_categoryMenu->clear();
    for (int c = 0; c < ItemCategoryCount; ++c) {
        const int n = record.count(ItemCategory(c));
        if (n == 0)
            continue;
        QAction *a = m_categoryMenu->addAction(QStringLiteral("%1 (%2)").arg(CategoryNames::displayName(ItemCategory(c))).arg(n));
        a->setCheckable(true);
        a->setChecked(true);
        a->setData(c);
        connect(a, &QAction::toggled, this, &TimelinePane::applyFilter);
    }
    m_facilityMenu->clear();
    for (const FacilityEntry &f : m_view->model().facilities()) {
        QPixmap swatch(12, 12);
        swatch.fill(f.color);
        QAction *a = m_facilityMenu->addAction(QIcon(swatch), QStringLiteral("%1 (%2)").arg(f.name).arg(f.itemCount));
        a->setCheckable(true);
        a->setChecked(true);
        a->setData(f.key);
        connect(a, &QAction::toggled, this, &TimelinePane::applyFilter);
    }
    if (record.withheldCount > 0) {
        m_withheld->setText(tr("%n item(s) withheld by the patient's disclosure settings", nullptr, record.withheldCount));
        m_withheld->setStyleSheet(QStringLiteral("QLabel { color: #6b4a00; background: #fff4d6; padding: 2px 4px; }"));
    } else {
        m_withheld->setText(tr("Nothing withheld"));
        m_withheld->setStyleSheet({});
    }
}

void TimelinePane::applyFilter()
{
    TimelineFilter filter;
    const auto categoryActions = m_categoryMenu->actions();
    for (QAction *a : categoryActions)
        if (!a->isChecked())
            filter.hiddenCategories.insert(ItemCategory(a->data().toInt()));
    const auto facilityActions = m_facilityMenu->actions();
    for (QAction *a : facilityActions)
        if (!a->isChecked())
            filter.hiddenFacilities.insert(a->data().toString());
    // Days in the display zone, like every date on screen.
    const auto midnight = [](const QDate &d) {
        const qint64 asUtc = QDateTime(d, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        return asUtc - qint64(DisplayZone::offsetAt(asUtc)) * 1000;
    };
    if (m_from->date() != kAnyDate)
        filter.from = midnight(m_from->date());
    if (m_to->date() != kAnyDate)
        filter.to = midnight(m_to->date().addDays(1)) - 1;
    filter.text = m_search->text();
    if (filter == m_view->model().filter())
        return;
    m_view->setFilter(filter);
    Q_EMIT filterChanged();
}

} // namespace Kakehashi
