// aggregateMetrics: rows bucketed by (metric, group, interval) in one pass, then reduced.
#include "metricquery.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace fleetscope {
namespace {

QString dimensionText(const QJsonValue &value)
{
    return value.isDouble() ? QString::number(value.toDouble(), 'g', 15) : value.toString();
}

bool matches(const WorkflowMetricRow &row, const QMap<QString, QString> &dimensions)
{
    for (auto it = dimensions.constBegin(); it != dimensions.constEnd(); ++it) {
        if (!row.dimensions.contains(it.key()) || dimensionText(row.dimensions.value(it.key())) != it.value())
            return false;
    }
    return true;
}

double reduce(QList<double> values, Aggregation aggregation)
{
    switch (aggregation) {
    case Aggregation::Avg: {
        double sum = 0;
        for (double v : std::as_const(values))
            sum += v;
        return sum / double(values.size());
    }
    case Aggregation::Min: return *std::min_element(values.cbegin(), values.cend());
    case Aggregation::Max: return *std::max_element(values.cbegin(), values.cend());
    case Aggregation::P50: return median(std::move(values));
    case Aggregation::P95: return percentile(std::move(values), 95);
    case Aggregation::Count: return double(values.size());
    }
    return 0;
}

} // namespace

QString metricIntervalName(MetricInterval interval)
{
    switch (interval) {
    case MetricInterval::Run: return QStringLiteral("run");
    case MetricInterval::Hour: return QStringLiteral("hour");
    case MetricInterval::Day: return QStringLiteral("day");
    case MetricInterval::Week: return QStringLiteral("week");
    }
    return {};
}

std::optional<MetricInterval> parseMetricInterval(const QString &name)
{
    for (MetricInterval i : {MetricInterval::Run, MetricInterval::Hour, MetricInterval::Day, MetricInterval::Week}) {
        if (metricIntervalName(i) == name)
            return i;
    }
    return std::nullopt;
}

QString aggregationName(Aggregation aggregation)
{
    switch (aggregation) {
    case Aggregation::Avg: return QStringLiteral("avg");
    case Aggregation::Min: return QStringLiteral("min");
    case Aggregation::Max: return QStringLiteral("max");
    case Aggregation::P50: return QStringLiteral("p50");
    case Aggregation::P95: return QStringLiteral("p95");
    case Aggregation::Count: return QStringLiteral("count");
    }
    return {};
}

std::optional<Aggregation> parseAggregation(const QString &name)
{
    for (Aggregation a : {Aggregation::Avg, Aggregation::Min, Aggregation::Max, Aggregation::P50, Aggregation::P95, Aggregation::Count}) {
        if (aggregationName(a) == name)
            return a;
    }
    return std::nullopt;
}

QDateTime intervalStart(const QDateTime &time, MetricInterval interval)
{
    const QDateTime utc = time.toUTC();
    switch (interval) {
    case MetricInterval::Run:
        return utc;
    case MetricInterval::Hour:
        return QDateTime(utc.date(), QTime(utc.time().hour(), 0), Qt::UTC);
    case MetricInterval::Day:
        return QDateTime(utc.date(), QTime(0, 0), Qt::UTC);
    case MetricInterval::Week:
        return QDateTime(utc.date().addDays(1 - utc.date().dayOfWeek()), QTime(0, 0), Qt::UTC);
    }
    return utc;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const double rank = std::clamp(p, 0.0, 100.0) / 100.0 * double(values.size() - 1);
    const qsizetype low = qsizetype(rank);
    const qsizetype high = std::min(low + 1, values.size() - 1);
    return values.at(low) + (values.at(high) - values.at(low)) * (rank - double(low));
}

std::optional<double> percentChange(double value, double base)
{
    if (base == 0)
        return std::nullopt;
    return (value - base) / std::abs(base) * 100.0;
}

double median(QList<double> values)
{
    return percentile(std::move(values), 50);
}

QString groupText(const QJsonObject &group)
{
    QStringList parts;
    for (auto it = group.constBegin(); it != group.constEnd(); ++it)
        parts << it.key() + QLatin1Char('=') + dimensionText(it.value());
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral(", "));
}

QList<MetricSeries> aggregateMetrics(const QList<WorkflowMetricRow> &rows, const MetricQuery &query)
{
    struct Bucket {
        SeriesPoint point;
        QDateTime newest;   // of the rows in it: its run is the point's run
        QList<double> values;
    };
    struct Building {
        MetricSeries series;
        QMap<std::pair<qint64, qint64>, Bucket> buckets;   // (interval start ms, run id or 0)
    };
    QMap<std::pair<QString, QString>, Building> building;   // (metric, group as text)
    for (const WorkflowMetricRow &row : rows) {
        if (!matches(row, query.dimensions))
            continue;
        QJsonObject group;
        if (!query.groupBy) {
            group = row.dimensions;
        } else {
            for (const QString &key : *query.groupBy) {
                if (row.dimensions.contains(key))
                    group.insert(key, row.dimensions.value(key));
            }
        }
        Building &b = building[{row.metric, groupText(group)}];
        if (b.series.metric.isEmpty()) {
            b.series.metric = row.metric;
            b.series.group = group;
            b.series.unit = row.unit;
            b.series.direction = row.direction;
        }
        const QDateTime start = intervalStart(row.timestamp, query.interval);
        Bucket &bucket = b.buckets[{start.toMSecsSinceEpoch(), query.interval == MetricInterval::Run ? row.runId : 0}];
        bucket.values << row.value;
        if (bucket.values.size() == 1 || row.timestamp >= bucket.newest) {
            bucket.newest = row.timestamp;
            bucket.point.runId = row.runId;
            bucket.point.headSha = row.headSha;
        }
        bucket.point.time = start;
    }
    QList<MetricSeries> result;
    for (Building &b : building) {
        for (Bucket &bucket : b.buckets) {
            bucket.point.count = bucket.values.size();
            bucket.point.value = reduce(std::move(bucket.values), query.aggregation);
            b.series.points << bucket.point;
        }
        result << std::move(b.series);
    }
    return result;
}

} // namespace fleetscope
