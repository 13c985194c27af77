// Metric queries over stored rows: dimension filters, group-by, intervals and aggregations.
#pragma once

#include "workflowtypes.h"

#include <QMap>

#include <optional>

namespace fleetscope {

enum class MetricInterval { Run, Hour, Day, Week };
enum class Aggregation { Avg, Min, Max, P50, P95, Count };

// "run", "hour", "day", "week" and "avg", "min", "max", "p50", "p95", "count": the names the CLI takes and prints.
QString metricIntervalName(MetricInterval interval);
std::optional<MetricInterval> parseMetricInterval(const QString &name);
QString aggregationName(Aggregation aggregation);
std::optional<Aggregation> parseAggregation(const QString &name);

struct MetricQuery {
    WorkflowMetricFilter filter;           // configuration, metric names, time range: applied by the store
    QMap<QString, QString> dimensions;     // only rows whose dimension equals the text ("1" matches 1)
    // Dimension names to group by; an empty list: one series over every row; none: every dimension, one series per distinct set.
    std::optional<QStringList> groupBy;
    MetricInterval interval = MetricInterval::Run;
    Aggregation aggregation = Aggregation::P50;
};

struct SeriesPoint {
    QDateTime time;                        // the run's time, or the interval's start (UTC; weeks start Monday)
    qint64 runId = 0;                      // interval Run: the run; else the newest run in the interval
    QString headSha;
    double value = 0;
    qint64 count = 0;                      // values aggregated
};

struct MetricSeries {
    QString metric;
    QJsonObject group;                     // the grouped dimensions and their values
    QString unit;
    MetricDirection direction = MetricDirection::Neutral;
    QList<SeriesPoint> points;             // oldest first
};

// ROWS (as the store returns them for QUERY.filter) grouped and aggregated; series sorted by metric, then group.
QList<MetricSeries> aggregateMetrics(const QList<WorkflowMetricRow> &rows, const MetricQuery &query);

// The start of the interval TIME falls in (UTC; weeks start Monday); TIME itself for Run.
QDateTime intervalStart(const QDateTime &time, MetricInterval interval);

// The median, and the P-th percentile (0..100, linear between ranks) of VALUES (not empty).
double median(QList<double> values);
double percentile(QList<double> values, double p);
// (VALUE − BASE) / |BASE| · 100; none when BASE is 0.
std::optional<double> percentChange(double value, double base);

// "a=1, b=x" for a group, in key order; "-" for none.
QString groupText(const QJsonObject &group);

} // namespace fleetscope
