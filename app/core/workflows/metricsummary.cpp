// summarizeSeries: the latest point against its predecessor and against the median of the points before it.
#include "metricsummary.h"

#include <QJsonDocument>

#include <algorithm>

namespace fleetscope {
namespace {

QVariant cell(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QString jsonText(const QJsonObject &group)
{
    return QString::fromUtf8(QJsonDocument(group).toJson(QJsonDocument::Compact));
}

} // namespace

QList<SeriesSummary> summarizeSeries(const QList<MetricSeries> &series, int lookback)
{
    QList<SeriesSummary> summaries;
    for (const MetricSeries &s : series) {
        if (s.points.isEmpty())
            continue;
        SeriesSummary summary;
        summary.metric = s.metric;
        summary.group = s.group;
        summary.unit = s.unit;
        summary.direction = s.direction;
        summary.points = s.points.size();
        summary.latest = s.points.last();
        if (s.points.size() > 1) {
            summary.previous = s.points.at(s.points.size() - 2);
            summary.changePercent = percentChange(summary.latest.value, summary.previous->value);
            const qsizetype before = s.points.size() - 1;
            const qsizetype first = std::max<qsizetype>(0, before - std::max(1, lookback));
            QList<double> values;
            for (qsizetype i = first; i < before; ++i)
                values << s.points.at(i).value;
            summary.lookbackPoints = values.size();
            summary.lookbackMedian = median(std::move(values));
            summary.changeVsMedianPercent = percentChange(summary.latest.value, *summary.lookbackMedian);
        }
        summaries << summary;
    }
    return summaries;
}

TableData seriesSummaryTable(const QList<SeriesSummary> &summaries)
{
    TableData table;
    table.columns = {QStringLiteral("metric"), QStringLiteral("dimensions"), QStringLiteral("unit"), QStringLiteral("better"),
                     QStringLiteral("points"), QStringLiteral("latest_at"), QStringLiteral("latest"), QStringLiteral("previous"),
                     QStringLiteral("change_percent"), QStringLiteral("lookback_median"), QStringLiteral("lookback_points"),
                     QStringLiteral("vs_median_percent")};
    for (const SeriesSummary &s : summaries) {
        table.rows.append({s.metric, jsonText(s.group), s.unit, directionName(s.direction), s.points, s.latest.time.toUTC(),
                           s.latest.value, s.previous ? QVariant(s.previous->value) : QVariant(), cell(s.changePercent),
                           cell(s.lookbackMedian), s.lookbackPoints, cell(s.changeVsMedianPercent)});
    }
    return table;
}

TableData seriesPointsTable(const QList<MetricSeries> &series, const QHash<qint64, QString> &runLabels)
{
    TableData table;
    table.columns = {QStringLiteral("metric"), QStringLiteral("dimensions"), QStringLiteral("unit"), QStringLiteral("time"),
                     QStringLiteral("run"), QStringLiteral("head_sha"), QStringLiteral("value"), QStringLiteral("count")};
    for (const MetricSeries &s : series) {
        const QString dimensions = jsonText(s.group);
        for (const SeriesPoint &p : s.points) {
            const auto label = runLabels.constFind(p.runId);
            table.rows.append({s.metric, dimensions, s.unit, p.time.toUTC(), label == runLabels.cend() ? QVariant() : QVariant(*label),
                               p.headSha.isEmpty() ? QVariant() : QVariant(p.headSha), p.value, p.count});
        }
    }
    return table;
}

} // namespace fleetscope
