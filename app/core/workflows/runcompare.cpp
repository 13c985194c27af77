// compareRuns: the same per-run series (median of repetitions) that trends and regressions use, read at two runs.
#include "runcompare.h"

#include "metricquery.h"

#include <QJsonDocument>

#include <cmath>

namespace fleetscope {

QString runChangeName(RunChange change)
{
    switch (change) {
    case RunChange::Better: return QStringLiteral("better");
    case RunChange::Worse: return QStringLiteral("worse");
    case RunChange::Same: return QStringLiteral("same");
    case RunChange::Neutral: return QStringLiteral("neutral");
    case RunChange::OnlyInA: return QStringLiteral("only-a");
    case RunChange::OnlyInB: return QStringLiteral("only-b");
    }
    return {};
}

const WorkflowRun *findRunByName(const QList<WorkflowRun> &runs, const QString &name)
{
    const QString wanted = name.trimmed();
    for (const WorkflowRun &run : runs) {
        if ((run.githubRunId && QString::number(*run.githubRunId) == wanted) || run.runKey == wanted || run.label() == wanted)
            return &run;
    }
    return nullptr;
}

QList<RunComparisonRow> compareRuns(const QList<WorkflowMetricRow> &rows, qint64 runA, qint64 runB)
{
    QList<WorkflowMetricRow> both;
    for (const WorkflowMetricRow &row : rows) {
        if (row.runId == runA || row.runId == runB)
            both << row;
    }
    MetricQuery query;   // per run, every dimension its own series, repetitions reduced to their median
    QList<RunComparisonRow> compared;
    for (const MetricSeries &s : aggregateMetrics(both, query)) {
        RunComparisonRow r;
        r.metric = s.metric;
        r.group = s.group;
        r.unit = s.unit;
        r.direction = s.direction;
        for (const SeriesPoint &p : s.points) {
            if (p.runId == runA)
                r.a = p.value;
            if (p.runId == runB)
                r.b = p.value;
        }
        if (!r.b) {
            r.change = RunChange::OnlyInA;
        } else if (!r.a) {
            r.change = RunChange::OnlyInB;
        } else {
            r.delta = *r.b - *r.a;
            r.deltaPercent = percentChange(*r.b, *r.a);
            if (*r.delta == 0)
                r.change = RunChange::Same;
            else if (r.direction == MetricDirection::Neutral)
                r.change = RunChange::Neutral;
            else
                r.change = (*r.delta > 0) == (r.direction == MetricDirection::HigherIsBetter) ? RunChange::Better : RunChange::Worse;
        }
        compared << r;
    }
    return compared;
}

TableData runComparisonTable(const QList<RunComparisonRow> &rows)
{
    const auto cell = [](const std::optional<double> &value) { return value ? QVariant(*value) : QVariant(); };
    TableData table;
    table.columns = {QStringLiteral("metric"), QStringLiteral("dimensions"), QStringLiteral("unit"), QStringLiteral("better"),
                     QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("delta"), QStringLiteral("delta_percent"), QStringLiteral("change")};
    for (const RunComparisonRow &r : rows) {
        table.rows.append({r.metric, QString::fromUtf8(QJsonDocument(r.group).toJson(QJsonDocument::Compact)), r.unit,
                           directionName(r.direction), cell(r.a), cell(r.b), cell(r.delta), cell(r.deltaPercent), runChangeName(r.change)});
    }
    return table;
}

} // namespace fleetscope
