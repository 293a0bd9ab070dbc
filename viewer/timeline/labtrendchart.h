#pragma once

#include "timelinemodel.h"

#include <QWidget>

class QAreaSeries;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QScatterSeries;

namespace Kakehashi {

// The trend of one analyte over time, results from every facility on one chart: results are
// grouped by LabValue::analyteKey (JLAC10/JLAC11), one series per facility, with the reference
// range as a band and abnormal results marked.
class LabTrendChart : public QWidget
{
    Q_OBJECT
public:
    explicit LabTrendChart(QWidget *parent = nullptr);

    void setSource(const TimelineModel *source);
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

Q_SIGNALS:
    void analyteChanged(const QString &analyteKey);

private:
    void rebuildChart();

    const TimelineModel *m_source = nullptr;
    QString m_analyte;
    QComboBox *m_selector;
    QLabel *m_caption;
    QChart *m_chart;
    QChartView *m_view;
    QAreaSeries *m_band = nullptr;
    QScatterSeries *m_abnormal = nullptr;
    QList<QLineSeries *> m_facilitySeries;
};

} // namespace Kakehashi
