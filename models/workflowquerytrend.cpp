// Grouped trends: the metric's rows only, so a query over one metric does not walk the others' groups.
#include "workflowquerytrend.h"

#include <algorithm>
#include <iterator>

namespace fleetscope {
namespace {

QList<WorkflowMetricRow> rowsOf(const QList<WorkflowMetricRow> &rows, const QString &metric)
{
    if (metric.isEmpty())
        return rows;
    QList<WorkflowMetricRow> kept;
    std::copy_if(rows.cbegin(), rows.cend(), std::back_inserter(kept), [&metric](const WorkflowMetricRow &r) { return r.metric == metric; });
    return kept;
}

} // namespace

QList<MetricSeries> intervalSeries(const QList<WorkflowMetricRow> &rows, const QString &metric, MetricInterval interval,
                                   Aggregation aggregation)
{
    MetricQuery query;
    query.interval = interval;
    query.aggregation = aggregation;
    QList<MetricSeries> series = aggregateMetrics(rowsOf(rows, metric), query);
    if (interval != MetricInterval::Run) {
        for (MetricSeries &s : series) {
            for (SeriesPoint &p : s.points) {
                p.runId = 0;
                p.headSha.clear();
            }
        }
    }
    return series;
}

qsizetype GroupedTrend::pointCount() const
{
    qsizetype count = 0;
    for (const MetricSeries &line : lines)
        count += line.points.size();
    return count;
}

GroupedTrend groupedTrend(const QList<WorkflowMetricRow> &rows, const QString &metric, const QMap<QString, QString> &dimensions,
                          const QStringList &groupBy, MetricInterval interval, Aggregation aggregation, const QDateTime &from,
                          const QDateTime &to)
{
    MetricQuery query;
    query.dimensions = dimensions;
    query.groupBy = groupBy;
    query.interval = interval;
    query.aggregation = aggregation;
    GroupedTrend trend;
    trend.metric = metric;
    trend.groupBy = groupBy;
    bool first = true;
    for (MetricSeries &line : aggregateMetrics(rowsOf(rows, metric), query)) {
        if (first) {
            trend.unit = line.unit;
            trend.direction = line.direction;
            first = false;
        }
        if (!line.points.isEmpty() && (!trend.newest.isValid() || line.points.last().time > trend.newest))
            trend.newest = line.points.last().time;
        line.points.removeIf([&from, &to](const SeriesPoint &p) {
            return (from.isValid() && p.time < from) || (to.isValid() && p.time >= to);
        });
        if (!line.points.isEmpty())
            trend.lines << std::move(line);
    }
    return trend;
}

bool LineFlags::regressed() const
{
    return std::any_of(flags.cbegin(), flags.cend(), [](const RunFlag &f) { return f.verdict == Verdict::Regression; });
}

QList<LineFlags> flagsOnLines(const GroupedTrend &trend, const QList<RunFlag> &flags, const QMap<QString, QString> &dimensions)
{
    QList<LineFlags> placed;
    for (const RunFlag &flag : flags) {
        if (flag.metric != trend.metric || !groupMatches(flag.group, dimensions))
            continue;
        for (qsizetype l = 0; l < trend.lines.size(); ++l) {
            const MetricSeries &line = trend.lines.at(l);
            if (onlyDimensions(flag.group, trend.groupBy) != line.group)
                continue;
            const auto point = std::find_if(line.points.cbegin(), line.points.cend(), [&flag](const SeriesPoint &p) { return p.runId == flag.runId; });
            if (point == line.points.cend())
                continue;
            auto existing = std::find_if(placed.begin(), placed.end(), [l, &point](const LineFlags &f) { return f.line == l && f.point.runId == point->runId; });
            if (existing == placed.end())
                placed << LineFlags{l, *point, {flag}};
            else
                existing->flags << flag;
        }
    }
    return placed;
}

} // namespace fleetscope
