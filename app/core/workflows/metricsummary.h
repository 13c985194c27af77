// One line per metric series: its latest point, the change from the point before, and from the lookback median.
#pragma once

#include "domain.h"
#include "metricquery.h"

#include <QHash>

namespace fleetscope {

struct SeriesSummary {
    QString metric;
    QJsonObject group;
    QString unit;
    MetricDirection direction = MetricDirection::Neutral;
    qsizetype points = 0;                       // in the series
    SeriesPoint latest;
    std::optional<SeriesPoint> previous;        // the point before the latest; none for a single point
    std::optional<double> changePercent;        // (latest − previous) / |previous| · 100; none without a previous or when it is 0
    std::optional<double> lookbackMedian;       // the median of up to LOOKBACK points before the latest; none without one
    qsizetype lookbackPoints = 0;
    std::optional<double> changeVsMedianPercent;// (latest − median) / |median| · 100; none without a median or when it is 0
};

// The summary of each non-empty series of SERIES (oldest point first), in their order; LOOKBACK (≥ 1) points
// before the latest make its median, as the regression baseline leaves the latest out.
QList<SeriesSummary> summarizeSeries(const QList<MetricSeries> &series, int lookback = 30);

// SUMMARIES as the columns `workflows query --summary` prints and the GUI's Summary tab exports: metric,
// dimensions (JSON text), unit, better, points, latest_at, latest, previous, change_percent, lookback_median,
// lookback_points, vs_median_percent.
TableData seriesSummaryTable(const QList<SeriesSummary> &summaries);

// SERIES as one row per (series, point), as `workflows query` prints it: metric, dimensions (JSON text), unit,
// time (the run's, or the interval's start), run (RUN_LABELS of the point's run id; the newest run in an interval),
// head_sha, value, count.
TableData seriesPointsTable(const QList<MetricSeries> &series, const QHash<qint64, QString> &runLabels);

} // namespace fleetscope
