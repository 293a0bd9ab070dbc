#include "labtrendchart.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QMap>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace Kakehashi {

namespace {
bool isAbnormal(const QString &flag)
{
    return !flag.isEmpty() && flag != u"N";
}
} // namespace

LabTrendChart::LabTrendChart(QWidget *parent)
    : QWidget(parent)
    , m_selector(new QComboBox(this))
    , m_caption(new QLabel(this))
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
{
    m_selector->setAccessibleName(tr("Analyte"));
    m_selector->setToolTip(tr("Results of this test from every facility, grouped by JLAC code"));
    m_caption->setTextFormat(Qt::PlainText);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(tr("Lab trend chart"));
    m_view->setMinimumHeight(180);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Trend:"), this));
    top->addWidget(m_selector, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_caption);
    layout->addWidget(m_view, 1);

    connect(m_selector, &QComboBox::activated, this, [this](int index) { setAnalyte(m_selector->itemData(index).toString()); });
}

void LabTrendChart::setSource(const TimelineModel *source)
{
    m_source = source;
    m_analyte.clear();
    m_selector->clear();
    if (m_source) {
        struct Analyte
        {
            QString title;
            int count = 0;
            QSet<int> facilities;
        };
        QMap<QString, Analyte> analytes;
        const auto &items = m_source->record().items;
        for (int i = 0; i < items.size(); ++i) {
            const ClinicalItem &item = items[i];
            if ((item.category != ItemCategory::Lab && item.category != ItemCategory::Vital) || item.lab.analyteKey.isEmpty()
                || !item.lab.value || !item.start.isValid())
                continue;
            Analyte &a = analytes[item.lab.analyteKey];
            if (a.title.isEmpty())
                a.title = item.title;
            ++a.count;
            a.facilities.insert(m_source->facilityOfItem(i));
        }
        QList<std::pair<QString, Analyte>> sorted;
        for (auto it = analytes.cbegin(); it != analytes.cend(); ++it)
            sorted.append({it.key(), it.value()});
        // Analytes measured at several facilities first: that is where a shared record helps most.
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
            if (a.second.facilities.size() != b.second.facilities.size())
                return a.second.facilities.size() > b.second.facilities.size();
            return a.second.count > b.second.count;
        });
        for (const auto &[key, a] : sorted)
            m_selector->addItem(tr("%1 — %n result(s), %2 facilities", nullptr, a.count).arg(a.title).arg(a.facilities.size()), key);
    }
    if (m_selector->count() > 0)
        setAnalyte(m_selector->itemData(0).toString());
    else
        rebuildChart();
}

QStringList LabTrendChart::analytes() const
{
    QStringList keys;
    for (int i = 0; i < m_selector->count(); ++i)
        keys << m_selector->itemData(i).toString();
    return keys;
}

bool LabTrendChart::setAnalyte(const QString &analyteKey)
{
    const int index = m_selector->findData(analyteKey);
    if (index < 0)
        return false;
    m_selector->setCurrentIndex(index);
    if (analyteKey == m_analyte)
        return true;
    m_analyte = analyteKey;
    rebuildChart();
    Q_EMIT analyteChanged(analyteKey);
    return true;
}

QLineSeries *LabTrendChart::seriesFor(const QString &facilityName) const
{
    for (QLineSeries *s : m_facilitySeries)
        if (s->name() == facilityName)
            return s;
    return nullptr;
}

void LabTrendChart::rebuildChart()
{
    m_chart->removeAllSeries();
    const auto axes = m_chart->axes();
    for (QAbstractAxis *axis : axes) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_facilitySeries.clear();
    m_band = nullptr;
    m_abnormal = nullptr;
    m_caption->clear();
    if (!m_source || m_analyte.isEmpty()) {
        m_chart->setTitle(tr("No numeric lab results"));
        return;
    }

    struct Point
    {
        qint64 t;
        double v;
        QString flag;
    };
    QMap<int, QList<Point>> byFacility;
    QString title;
    QString unit;
    std::optional<double> low;
    std::optional<double> high;
    qint64 tMin = std::numeric_limits<qint64>::max();
    qint64 tMax = std::numeric_limits<qint64>::min();
    double vMin = std::numeric_limits<double>::max();
    double vMax = std::numeric_limits<double>::lowest();
    QSet<QString> units;
    const auto &items = m_source->record().items;
    for (int i = 0; i < items.size(); ++i) {
        const ClinicalItem &item = items[i];
        if (item.lab.analyteKey != m_analyte || !item.lab.value || !item.start.isValid())
            continue;
        if (title.isEmpty())
            title = item.title;
        if (unit.isEmpty())
            unit = item.lab.unit;
        units.insert(item.lab.unit);
        // The band shows the first stated range; facilities may differ, each row keeps its own.
        if (!low && item.lab.low)
            low = item.lab.low;
        if (!high && item.lab.high)
            high = item.lab.high;
        const Point p{item.start.msecs(), *item.lab.value, item.lab.flag};
        byFacility[m_source->facilityOfItem(i)].append(p);
        tMin = std::min(tMin, p.t);
        tMax = std::max(tMax, p.t);
        vMin = std::min(vMin, p.v);
        vMax = std::max(vMax, p.v);
    }
    if (byFacility.isEmpty())
        return;
    if (low)
        vMin = std::min(vMin, *low);
    if (high)
        vMax = std::max(vMax, *high);
    if (tMax == tMin) {
        tMin -= 86'400'000LL * 15;
        tMax += 86'400'000LL * 15;
    }
    const double vPad = std::max(1e-6, (vMax - vMin) * 0.1);

    auto *xAxis = new QDateTimeAxis;
    xAxis->setFormat(QStringLiteral("yyyy-MM"));
    xAxis->setRange(QDateTime::fromMSecsSinceEpoch(tMin), QDateTime::fromMSecsSinceEpoch(tMax));
    auto *yAxis = new QValueAxis;
    yAxis->setRange(vMin - vPad, vMax + vPad);
    yAxis->setTitleText(unit);
    m_chart->addAxis(xAxis, Qt::AlignBottom);
    m_chart->addAxis(yAxis, Qt::AlignLeft);

    if (low || high) {
        auto *upper = new QLineSeries;
        auto *lower = new QLineSeries;
        const double hi = high.value_or(vMax + vPad);
        const double lo = low.value_or(vMin - vPad);
        upper->append(double(tMin), hi);
        upper->append(double(tMax), hi);
        lower->append(double(tMin), lo);
        lower->append(double(tMax), lo);
        m_band = new QAreaSeries(upper, lower);
        m_band->setName(tr("Reference range"));
        m_band->setColor(QColor(0x2e, 0x9d, 0x5b, 45));
        m_band->setBorderColor(QColor(0x2e, 0x9d, 0x5b, 120));
        m_chart->addSeries(m_band);
        m_band->attachAxis(xAxis);
        m_band->attachAxis(yAxis);
    }

    m_abnormal = new QScatterSeries;
    m_abnormal->setName(tr("Abnormal"));
    m_abnormal->setColor(QColor(0xd6, 0x27, 0x28));
    m_abnormal->setBorderColor(QColor(0xd6, 0x27, 0x28));
    m_abnormal->setMarkerSize(12);
    for (auto it = byFacility.begin(); it != byFacility.end(); ++it) {
        std::sort(it->begin(), it->end(), [](const Point &a, const Point &b) { return a.t < b.t; });
        const FacilityEntry &facility = m_source->facilities()[it.key()];
        auto *series = new QLineSeries;
        series->setName(facility.name);
        series->setColor(facility.color);
        series->setPointsVisible(true);
        for (const Point &p : std::as_const(*it)) {
            series->append(double(p.t), p.v);
            if (isAbnormal(p.flag))
                m_abnormal->append(double(p.t), p.v);
        }
        m_chart->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
        m_facilitySeries.append(series);
    }
    m_chart->addSeries(m_abnormal);
    m_abnormal->attachAxis(xAxis);
    m_abnormal->attachAxis(yAxis);
    m_chart->setTitle(title);
    QString caption = tr("%1 · %n facility(ies)", nullptr, int(byFacility.size())).arg(m_analyte);
    if (units.size() > 1)
        caption += u' ' + tr("Units differ between facilities; compare with care.");
    m_caption->setText(caption);
}

} // namespace Kakehashi
