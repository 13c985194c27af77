// Workflow figures: per-run verdicts reuse detectRegressions on each run's own history, so the chart's
// markers and `fleetscope workflows regressions` can never disagree about the newest run.
#include "workflowfigures.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace fleetscope {
QString dimensionValueText(const QJsonValue &value)
{
    return value.isDouble() ? QString::number(value.toDouble(), 'g', 15) : value.toString();
}

bool groupMatches(const QJsonObject &group, const QMap<QString, QString> &dimensions)
{
    for (auto it = dimensions.constBegin(); it != dimensions.constEnd(); ++it) {
        if (!group.contains(it.key()) || dimensionValueText(group.value(it.key())) != it.value())
            return false;
    }
    return true;
}

QList<MetricChoice> metricChoices(const QList<WorkflowMetricRow> &rows)
{
    QMap<QString, MetricChoice> byName;
    for (const WorkflowMetricRow &row : rows) {
        auto it = byName.find(row.metric);
        if (it == byName.end())
            byName.insert(row.metric, MetricChoice{row.metric, row.unit, row.direction});
        else if (it->unit.isEmpty())
            it->unit = row.unit;
    }
    return byName.values();
}

QMap<QString, QStringList> dimensionChoices(const QList<WorkflowMetricRow> &rows, const QString &metric)
{
    QMap<QString, QList<QJsonValue>> values;
    QHash<QString, QSet<QString>> seen;
    for (const WorkflowMetricRow &row : rows) {
        if (row.metric != metric)
            continue;
        for (auto it = row.dimensions.constBegin(); it != row.dimensions.constEnd(); ++it) {
            if (!seen[it.key()].contains(dimensionValueText(it.value()))) {
                seen[it.key()].insert(dimensionValueText(it.value()));
                values[it.key()].append(it.value());
            }
        }
    }
    QMap<QString, QStringList> choices;
    for (auto it = values.begin(); it != values.end(); ++it) {
        std::sort(it->begin(), it->end(), [](const QJsonValue &a, const QJsonValue &b) {
            if (a.isDouble() != b.isDouble())
                return a.isDouble();
            if (a.isDouble())
                return a.toDouble() < b.toDouble();
            return dimensionValueText(a) < dimensionValueText(b);
        });
        QStringList texts;
        for (const QJsonValue &value : std::as_const(*it))
            texts << dimensionValueText(value);
        choices.insert(it.key(), texts);
    }
    return choices;
}

QStringList varyingDimensions(const QList<QJsonObject> &groups)
{
    QStringList keys;
    for (const QJsonObject &group : groups) {
        for (auto it = group.constBegin(); it != group.constEnd(); ++it) {
            if (!keys.contains(it.key()))
                keys << it.key();
        }
    }
    QStringList varying;
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue first = groups.first().value(key);
        const bool same = std::all_of(groups.cbegin(), groups.cend(), [&key, &first](const QJsonObject &g) {
            return g.contains(key) && g.value(key) == first;
        });
        if (!same)
            varying << key;
    }
    std::sort(varying.begin(), varying.end());
    return varying;
}

QJsonObject onlyDimensions(const QJsonObject &group, const QStringList &keys)
{
    QJsonObject kept;
    for (const QString &key : keys) {
        if (group.contains(key))
            kept.insert(key, group.value(key));
    }
    return kept;
}

QList<RunFlag> flagRuns(const QList<MetricSeries> &series, const RegressionSettings &settings)
{
    QList<RunFlag> flags;
    for (const MetricSeries &s : series) {
        if (s.direction == MetricDirection::Neutral)
            continue;
        const int judged = std::max(1, settings.judgedRuns());
        for (qsizetype k = settings.minBaseline + judged - 1; k < s.points.size(); ++k) {
            // The run at K as the newest of its own history: exactly the window detectRegressions would use.
            MetricSeries history = s;
            const qsizetype first = std::max<qsizetype>(0, k - (judged - 1) - settings.window);
            history.points = s.points.mid(first, k - first + 1);
            const QList<SeriesVerdict> verdicts = detectRegressions({history}, settings);
            if (verdicts.isEmpty())
                continue;
            const SeriesVerdict &v = verdicts.first();
            if (v.verdict != Verdict::Regression && v.verdict != Verdict::Improvement)
                continue;
            flags << RunFlag{v.latest.runId, v.metric, v.group, v.unit, v.verdict, v.judgedValue, v.baselineMedian, v.changePercent};
        }
    }
    return flags;
}

QList<MetricSeries> runSeries(const QList<WorkflowMetricRow> &rows)
{
    MetricQuery query;
    query.interval = MetricInterval::Run;
    query.aggregation = Aggregation::P50;
    return aggregateMetrics(rows, query);
}

bool TrendPoint::regressed() const
{
    return std::any_of(flags.cbegin(), flags.cend(), [](const RunFlag &f) { return f.verdict == Verdict::Regression; });
}

WorkflowTrend workflowTrend(const QList<MetricSeries> &series, const QList<RunFlag> &flags, const QString &metric,
                            const QMap<QString, QString> &dimensions, const QDateTime &from, const QDateTime &to)
{
    WorkflowTrend trend;
    trend.metric = metric;
    struct Run {
        TrendPoint point;
        QList<double> values;
    };
    QMap<std::pair<qint64, qint64>, Run> runs;   // (time ms, run id): oldest first
    QHash<qint64, std::pair<qint64, qint64>> keyOfRun;
    for (const MetricSeries &s : series) {
        if (s.metric != metric || !groupMatches(s.group, dimensions))
            continue;
        if (trend.series == 0) {
            trend.unit = s.unit;
            trend.direction = s.direction;
        }
        ++trend.series;
        for (const SeriesPoint &p : s.points) {
            if (!trend.newest.isValid() || p.time > trend.newest)
                trend.newest = p.time;
            if ((from.isValid() && p.time < from) || (to.isValid() && p.time >= to))
                continue;
            const std::pair<qint64, qint64> key{p.time.toMSecsSinceEpoch(), p.runId};
            Run &run = runs[key];
            run.point.runId = p.runId;
            run.point.time = p.time;
            run.point.headSha = p.headSha;
            run.values << p.value;
            keyOfRun.insert(p.runId, key);
        }
    }
    for (const RunFlag &flag : flags) {
        if (flag.metric != metric || !groupMatches(flag.group, dimensions))
            continue;
        const auto key = keyOfRun.constFind(flag.runId);
        if (key != keyOfRun.constEnd())
            runs[*key].point.flags << flag;
    }
    for (Run &run : runs) {
        double sum = 0;
        for (double v : std::as_const(run.values))
            sum += v;
        run.point.min = *std::min_element(run.values.cbegin(), run.values.cend());
        run.point.max = *std::max_element(run.values.cbegin(), run.values.cend());
        run.point.avg = sum / double(run.values.size());
        run.point.series = int(run.values.size());
        trend.points << run.point;
    }
    return trend;
}

QString changeText(double percent)
{
    const QString number = QLocale().toString(std::abs(percent), 'f', 1);
    if (percent > 0)
        return QCoreApplication::translate("WorkflowFigures", "+%1 %").arg(number);
    if (percent < 0)
        return QCoreApplication::translate("WorkflowFigures", "\u2212%1 %").arg(number);
    return QCoreApplication::translate("WorkflowFigures", "%1 %").arg(number);
}

QString valueText(double value, const QString &unit)
{
    // Five significant digits (whole numbers from 10,000 on): enough to tell runs apart, short enough to read.
    const QString number = std::abs(value) >= 10000 ? QLocale().toString(value, 'f', 0) : QLocale().toString(value, 'g', 5);
    return unit.isEmpty() ? number : QCoreApplication::translate("WorkflowFigures", "%1 %2").arg(number, unit);
}

QString flagText(const RunFlag &flag)
{
    const QString what = flag.verdict == Verdict::Regression ? QCoreApplication::translate("WorkflowFigures", "Regression")
                                                             : QCoreApplication::translate("WorkflowFigures", "Improvement");
    const QString series = flag.group.isEmpty()
        ? flag.metric : QCoreApplication::translate("WorkflowFigures", "%1 (%2)").arg(flag.metric, groupText(flag.group));
    return QCoreApplication::translate("WorkflowFigures", "%1: %2 %3 vs median %4")
        .arg(what, series, changeText(flag.changePercent), valueText(flag.baselineMedian, flag.unit));
}

} // namespace fleetscope
