#pragma once

#include "timelinemodel.h"

#include <QWidget>

class QAreaSeries;
class QCategoryAxis;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QScatterSeries;

namespace Kakehashi {

// The trend of one analyte over time, results from every facility on one chart: results are
// grouped by LabValue::analyteKey (JLAC10/JLAC11), one series per facility, with the reference
// range as a band and abnormal results marked. It shows what the timeline's filters let through
// (facilities, text) and, while the panels follow the timeline, only results in its visible range.
// The time axis is labelled in the interface language's date form at a step that fits the width; the
// legend is a wrapping label under the chart, so no entry is ever cut.
class LabTrendChart : public QWidget
{
    Q_OBJECT
public:
    explicit LabTrendChart(QWidget *parent = nullptr);

    void setSource(const TimelineModel *source);
    // Re-reads the source under its current filter (the analyte list and the chart).
    void refresh();
    // Only results in [from, to] from the next refresh() or setSource() on; the full qint64 range shows every result.
    void setRange(qint64 from, qint64 to);
    // False when no numeric result has this analyte key.
    bool setAnalyte(const QString &analyteKey);
    QString analyte() const { return m_analyte; }
    QStringList analytes() const;

    QChart *chart() const { return m_chart; }
    QComboBox *analyteSelector() const { return m_selector; }
    // Series of one facility (by display name), nullptr if that facility has no point.
    QLineSeries *seriesFor(const QString &facilityName) const;
    QAreaSeries *referenceBand() const { return m_band; }
    QScatterSeries *abnormalSeries() const { return m_abnormal; }
    // Results read from inside a document (a check-up CDA or report): ringed, and named in the caption.
    QScatterSeries *documentSeries() const { return m_fromDocument; }
    QString caption() const;
    // The time axis (labels at year, month or day boundaries in the display zone).
    QCategoryAxis *timeAxis() const { return m_timeAxis; }
    QLabel *legend() const { return m_legend; }
    // The legend's entries as shown: each facility with results, then the reference range and "Abnormal".
    QStringList legendEntries() const { return m_legendEntries; }

protected:
    void resizeEvent(QResizeEvent *event) override;

Q_SIGNALS:
    void analyteChanged(const QString &analyteKey);

private:
    void rebuildChart();
    void rebuildSelector();
    void labelTimeAxis();
    bool shows(int itemIndex) const;

    const TimelineModel *m_source = nullptr;
    QString m_analyte;
    QComboBox *m_selector;
    QLabel *m_caption;
    QChart *m_chart;
    QChartView *m_view;
    QAreaSeries *m_band = nullptr;
    QScatterSeries *m_abnormal = nullptr;
    QScatterSeries *m_fromDocument = nullptr;
    QList<QLineSeries *> m_facilitySeries;
    QCategoryAxis *m_timeAxis = nullptr;
    QLabel *m_legend;
    QStringList m_legendEntries;
    qint64 m_from;
    qint64 m_to;
    int m_axisStepDays = -1; // the labelled step (approximate days) and range, to relabel only on change
    qint64 m_labelledFrom = 0;
    qint64 m_labelledTo = 0;
    qint64 m_axisFrom = 0;
    qint64 m_axisTo = 0;
};

} // namespace Kakehashi
