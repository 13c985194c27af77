// What the Workflows trend draws for a query other than the per-run default: a metric's series at an interval
// and aggregation, either every dimension set (for the band of their range) or one line per group.
#pragma once

#include "workflowfigures.h"

namespace fleetscope {

// METRIC's series of ROWS (every metric's when empty), every dimension set its own, per INTERVAL reduced by AGGREGATION. Points of an
// interval carry no run (runId 0), as they stand for every run in it: workflowTrend then keys them by time alone.
QList<MetricSeries> intervalSeries(const QList<WorkflowMetricRow> &rows, const QString &metric, MetricInterval interval,
                                   Aggregation aggregation);

struct GroupedTrend {
    QString metric;
    QString unit;
    MetricDirection direction = MetricDirection::Neutral;
    QStringList groupBy;
    QList<MetricSeries> lines;     // one a group, points with FROM <= time < TO (invalid: open), oldest first
    QDateTime newest;              // the newest point under the filter, in range or not
    qsizetype pointCount() const;
};

// METRIC's rows with every dimension of DIMENSIONS at the given text, grouped by GROUPBY (an empty list: one
// line over them all), per INTERVAL reduced by AGGREGATION. FROM should be an interval's start (intervalStart).
GroupedTrend groupedTrend(const QList<WorkflowMetricRow> &rows, const QString &metric, const QMap<QString, QString> &dimensions,
                          const QStringList &groupBy, MetricInterval interval, Aggregation aggregation, const QDateTime &from,
                          const QDateTime &to);

// A point of a line that per-run FLAGS (see flagRuns) fall on: the flags whose series matches DIMENSIONS and
// belongs to the line's group, at the line's point of their run. Meaningful for MetricInterval::Run only.
struct LineFlags {
    qsizetype line = 0;
    SeriesPoint point;
    QList<RunFlag> flags;
    bool regressed() const;
};
QList<LineFlags> flagsOnLines(const GroupedTrend &trend, const QList<RunFlag> &flags, const QMap<QString, QString> &dimensions);

} // namespace fleetscope
