// The Workflows trend's query controls: interval, aggregation, and a checkable menu of dimensions to group by.
#pragma once

#include "workflows/metricquery.h"

#include <QWidget>

class QComboBox;
class QMenu;
class QToolButton;

namespace fleetscope {

class MetricQueryBar : public QWidget
{
    Q_OBJECT
public:
    explicit MetricQueryBar(QWidget *parent = nullptr);

    MetricInterval interval() const;
    Aggregation aggregation() const;
    // The checked dimensions, in the order offered; empty: no grouping (the range of every series).
    QStringList groupBy() const;
    // Run, p50 and no grouping: the per-run series the regressions judge.
    bool isDefault() const;

    // The dimensions offered for grouping; those checked before and still offered stay checked.
    void setDimensions(const QStringList &dimensions);
    void setInterval(MetricInterval interval);
    void setAggregation(Aggregation aggregation);
    void setGroupBy(const QStringList &dimensions);

    QComboBox *intervalPicker() const { return m_interval; }
    QComboBox *aggregationPicker() const { return m_aggregation; }
    QToolButton *groupByButton() const { return m_groupBy; }

    static QString intervalText(MetricInterval interval);      // "per run", "per week"
    static QString aggregationText(Aggregation aggregation);   // "median (p50)", "p95"

Q_SIGNALS:
    void queryChanged();

private:
    void updateGroupByText();

    QComboBox *m_interval = nullptr;
    QComboBox *m_aggregation = nullptr;
    QToolButton *m_groupBy = nullptr;
    QMenu *m_groupByMenu = nullptr;
};

} // namespace fleetscope
