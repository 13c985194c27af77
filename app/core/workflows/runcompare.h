// Two runs of one configuration side by side: per metric series, both values, their deltas and which way it moved.
#pragma once

#include "domain.h"
#include "workflowtypes.h"

namespace fleetscope {

// How a series moved from run A to run B, judged by its metric's direction.
enum class RunChange { Better, Worse, Same, Neutral, OnlyInA, OnlyInB };
QString runChangeName(RunChange change);   // "better", "worse", "same", "neutral", "only-a", "only-b"

struct RunComparisonRow {
    QString metric;
    QJsonObject group;                 // every dimension of the series
    QString unit;
    MetricDirection direction = MetricDirection::Neutral;
    std::optional<double> a;           // the run's value (the median of its repetitions); none: not in that run
    std::optional<double> b;
    std::optional<double> delta;       // b − a, when both have it
    std::optional<double> deltaPercent;// (b − a) / |a| · 100, when both have it and a is not 0
    RunChange change = RunChange::Same;
};

// The run of RUNS named NAME: its GitHub run id, its run key, or its label; nullptr when none is.
const WorkflowRun *findRunByName(const QList<WorkflowRun> &runs, const QString &name);

// ROWS (a configuration's metric rows, any runs) compared between the runs with ids RUN_A and RUN_B, one row per
// metric series present in either, sorted by metric, then dimensions.
QList<RunComparisonRow> compareRuns(const QList<WorkflowMetricRow> &rows, qint64 runA, qint64 runB);

// ROWS as the export columns: metric, dimensions (JSON text), unit, better, a, b, delta, delta_percent, change;
// what `workflows compare --format csv|json` prints and the GUI's comparison exports.
TableData runComparisonTable(const QList<RunComparisonRow> &rows);

} // namespace fleetscope
