#include "labtrendchart.h"

#include "record/dateformat.h"
#include "record/displayzone.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QMap>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace Kakehashi {

namespace {
bool isAbnormal(const QString &flag)
{
    return !flag.isEmpty() && flag != u"N";
}

QDate displayDate(qint64 msecs)
{
    return DisplayZone::toDisplay(QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC)).date();
}

qint64 displayMidnight(const QDate &d)
{
    const qint64 asUtc = QDateTime(d, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    return asUtc - qint64(DisplayZone::offsetAt(asUtc)) * 1000;
}

QString swatch(const QColor &c)
{
    // An entry wraps as a whole, never inside a name (Japanese may otherwise break between any two characters).
    return QStringLiteral("<span style='white-space:nowrap'><span style='color:%1'>&#9632;</span>&nbsp;").arg(c.name());
}
} // namespace

LabTrendChart::LabTrendChart(QWidget *parent)
    : QWidget(parent)
    , m_selector(new QComboBox(this))
    , m_caption(new QLabel(this))
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_legend(new QLabel(this))
    , m_from(std::numeric_limits<qint64>::min())
    , m_to(std::numeric_limits<qint64>::max())
{
    m_selector->setAccessibleName(tr("Analyte"));
    m_selector->setToolTip(tr("Results of this test from every facility, grouped by JLAC code"));
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setWordWrap(true);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(tr("Lab trend chart"));
    m_view->setMinimumHeight(180);
    // Room for the axis labels and a readable trend beside the results table, even at 1366×768.
    setMinimumWidth(320);
    // The chart's own legend cuts long facility names; a wrapping label below never does.
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    m_legend->setAccessibleName(tr("Chart legend"));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Trend:"), this));
    top->addWidget(m_selector, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_caption);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_legend);

    // The plot area is known only after the chart's layout: label the time axis again when it changes
    // (queued, and only when the step would change, so relabelling cannot loop).
    connect(m_chart, &QChart::plotAreaChanged, this, &LabTrendChart::labelTimeAxis, Qt::QueuedConnection);
    connect(m_selector, &QComboBox::activated, this, [this](int index) { setAnalyte(m_selector->itemData(index).toString()); });
}

void LabTrendChart::setSource(const TimelineModel *source)
{
    m_source = source;
    m_analyte.clear();
    refresh();
}

void LabTrendChart::setRange(qint64 from, qint64 to)
{
    m_from = from;
    m_to = to;
}

bool LabTrendChart::shows(int i) const
{
    const ClinicalItem &item = m_source->record().items[i];
    if (item.lab.analyteKey.isEmpty() || !item.lab.value || !item.start.isValid() || !m_source->passes(i))
        return false;
    const qint64 t = item.start.msecs();
    return t >= m_from && t <= m_to;
}

void LabTrendChart::refresh()
{
    const QString keep = m_analyte;
    rebuildSelector();
    const int index = keep.isEmpty() ? -1 : m_selector->findData(keep);
    if (index >= 0) {
        m_selector->setCurrentIndex(index);
        rebuildChart();
    } else if (m_selector->count() > 0) {
        m_analyte.clear();
        setAnalyte(m_selector->itemData(0).toString());
    } else {
        m_analyte.clear();
        rebuildChart();
    }
}

void LabTrendChart::rebuildSelector()
{
    const QSignalBlocker block(m_selector);
    m_selector->clear();
    if (!m_source)
        return;
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
        if ((item.category != ItemCategory::Lab && item.category != ItemCategory::Vital) || !shows(i))
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
    m_fromDocument = nullptr;
    m_timeAxis = nullptr;
    m_axisStepDays = -1;
    m_caption->clear();
    m_legend->clear();
    m_legendEntries.clear();
    if (!m_source || m_analyte.isEmpty()) {
        m_chart->setTitle(tr("No numeric lab results"));
        return;
    }

    struct Point
    {
        qint64 t;
        double v;
        QString flag;
        QString document; // DocumentResults: the document it was read from
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
    int withoutNumber = 0; // results of this test in the range that have no number to plot
    for (int i = 0; i < items.size(); ++i) {
        const ClinicalItem &item = items[i];
        if (item.lab.analyteKey != m_analyte)
            continue;
        if (!item.lab.value && item.start.isValid() && m_source->passes(i) && item.start.msecs() >= m_from
            && item.start.msecs() <= m_to) {
            ++withoutNumber;
            continue;
        }
        if (!shows(i))
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
        const Point p{item.start.msecs(), *item.lab.value, item.lab.flag, item.sourceDocument};
        byFacility[m_source->facilityOfItem(i)].append(p);
        tMin = std::min(tMin, p.t);
        tMax = std::max(tMax, p.t);
        vMin = std::min(vMin, p.v);
        vMax = std::max(vMax, p.v);
    }
    const QString notPlotted = withoutNumber > 0
        ? tr("%n result(s) of this test not plotted (no number); see the list.", nullptr, withoutNumber)
        : QString();
    if (byFacility.isEmpty()) {
        m_caption->setText(notPlotted);
        return;
    }
    if (low)
        vMin = std::min(vMin, *low);
    if (high)
        vMax = std::max(vMax, *high);
    if (tMax == tMin) {
        tMin -= 86'400'000LL * 15;
        tMax += 86'400'000LL * 15;
    }
    const double vPad = std::max(1e-6, (vMax - vMin) * 0.1);

    // A little room either side so that the first and last points are not on the frame.
    const qint64 tPad = std::max<qint64>((tMax - tMin) / 30, 86'400'000LL);
    m_axisFrom = tMin - tPad;
    m_axisTo = tMax + tPad;
    auto *xAxis = new QCategoryAxis;
    xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    xAxis->setRange(double(m_axisFrom), double(m_axisTo));
    m_timeAxis = xAxis;
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
        upper->append(double(m_axisFrom), hi);
        upper->append(double(m_axisTo), hi);
        lower->append(double(m_axisFrom), lo);
        lower->append(double(m_axisTo), lo);
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
    m_fromDocument = new QScatterSeries;
    m_fromDocument->setName(tr("From a document", "a result read from inside a check-up document"));
    m_fromDocument->setColor(Qt::transparent);
    m_fromDocument->setBorderColor(QColor(0x40, 0x40, 0x40));
    m_fromDocument->setMarkerSize(16);
    QStringList documents;
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
            if (!p.document.isEmpty()) {
                m_fromDocument->append(double(p.t), p.v);
                if (!documents.contains(p.document))
                    documents << p.document;
            }
        }
        m_chart->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
        m_facilitySeries.append(series);
    }
    m_chart->addSeries(m_abnormal);
    m_abnormal->attachAxis(xAxis);
    m_abnormal->attachAxis(yAxis);
    m_chart->addSeries(m_fromDocument);
    m_fromDocument->attachAxis(xAxis);
    m_fromDocument->attachAxis(yAxis);
    m_chart->setTitle(title);
    labelTimeAxis();

    QStringList legend;
    for (QLineSeries *series : std::as_const(m_facilitySeries)) {
        legend << swatch(series->color()) + series->name().toHtmlEscaped() + QStringLiteral("</span>");
        m_legendEntries << series->name();
    }
    if (m_band) {
        legend << swatch(QColor(0x2e, 0x9d, 0x5b)) + m_band->name().toHtmlEscaped() + QStringLiteral("</span>");
        m_legendEntries << m_band->name();
    }
    if (m_abnormal->count() > 0) {
        legend << swatch(m_abnormal->color()) + m_abnormal->name().toHtmlEscaped() + QStringLiteral("</span>");
        m_legendEntries << m_abnormal->name();
    }
    if (m_fromDocument->count() > 0) {
        legend << QStringLiteral("<span style='white-space:nowrap'>&#9675;&nbsp;") + m_fromDocument->name().toHtmlEscaped() + QStringLiteral("</span>");
        m_legendEntries << m_fromDocument->name();
    }
    m_legend->setText(legend.join(QStringLiteral("&nbsp;&nbsp; ")));
    QString caption = tr("%1 · %n facility(ies)", nullptr, int(byFacility.size())).arg(m_analyte);
    if (units.size() > 1)
        caption += u' ' + tr("Units differ between facilities; compare with care.");
    // Which documents the ringed results were read from (a check-up CDA or report), by name.
    if (!documents.isEmpty())
        caption += u'\n' + tr("○ read from the document(s): %1").arg(documents.join(QStringLiteral("; ")));
    // Never a trend that looks complete while a result of the same test is missing from it.
    if (!notPlotted.isEmpty())
        caption += u'\n' + notPlotted;
    m_caption->setText(caption);
}

QString LabTrendChart::caption() const
{
    return m_caption->text();
}

void LabTrendChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    labelTimeAxis();
}

void LabTrendChart::labelTimeAxis()
{
    if (!m_timeAxis)
        return;
    // The smallest calendar step whose labels fit: at least 64 px per label ("2026/12" or "Dec 2026").
    const double plotWidth = std::max(120.0, m_chart->plotArea().width() > 0 ? m_chart->plotArea().width() : double(m_view->width() - 70));
    const double span = double(m_axisTo - m_axisFrom);
    struct Step
    {
        int days;
        int months;
        int years;
    };
    static constexpr Step steps[] = {{1, 0, 0}, {7, 0, 0}, {0, 1, 0}, {0, 3, 0}, {0, 6, 0}, {0, 0, 1}, {0, 0, 2}, {0, 0, 5}, {0, 0, 10}, {0, 0, 20}};
    Step step = steps[std::size(steps) - 1];
    for (const Step &s : steps) {
        const double approxMs = (s.days + s.months * 30.44 + s.years * 365.25) * 86'400'000.0;
        if (approxMs / span * plotWidth >= 64) {
            step = s;
            break;
        }
    }
    const int stepDays = step.days + step.months * 31 + step.years * 366;
    if (stepDays == m_axisStepDays && m_labelledFrom == m_axisFrom && m_labelledTo == m_axisTo)
        return;
    m_axisStepDays = stepDays;
    m_labelledFrom = m_axisFrom;
    m_labelledTo = m_axisTo;
    const auto labels = m_timeAxis->categoriesLabels();
    for (const QString &label : labels)
        m_timeAxis->remove(label);
    const QDate first = displayDate(m_axisFrom);
    QDate d = step.years ? QDate(first.year() - first.year() % step.years, 1, 1)
              : step.months ? QDate(first.year(), first.month() - (first.month() - 1) % step.months, 1)
                            : first;
    m_timeAxis->setStartValue(double(m_axisFrom));
    for (int guard = 0; guard < 200 && d.isValid(); ++guard) {
        const qint64 t = displayMidnight(d);
        if (t > m_axisTo)
            break;
        if (t > m_axisFrom) {
            const QString label = step.years ? DateFormat::year(d.year()) : step.months ? DateFormat::month(d) : DateFormat::date(d);
            m_timeAxis->append(label, double(t));
        }
        d = step.years ? d.addYears(step.years) : step.months ? d.addMonths(step.months) : d.addDays(step.days);
    }
}

} // namespace Kakehashi
