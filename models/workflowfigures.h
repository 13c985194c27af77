// What the Workflows page computes from stored metric rows: the metrics and dimensions to pick from,
// per-run verdicts from the regression core, and one metric's trend per run with its flagged runs.
#pragma once

#include "workflows/regression.h"

#include <QMap>

namespace fleetscope {

struct MetricChoice {
    QString metric;
    QString unit;                  // "" when unknown
    MetricDirection direction = MetricDirection::Neutral;
};

// A dimension's value as metric queries compare it (workflows/metricquery.cpp): numbers in 'g' 15, so 1 is "1".
QString dimensionValueText(const QJsonValue &value);

// True when GROUP has every dimension of DIMENSIONS at the given text.
bool groupMatches(const QJsonObject &group, const QMap<QString, QString> &dimensions);

// Every metric of ROWS once, by name.
QList<MetricChoice> metricChoices(const QList<WorkflowMetricRow> &rows);

// The dimensions METRIC's rows carry, each with its distinct values as metric queries compare them
// ("1" for 1), numbers in numeric order, then text.
QMap<QString, QStringList> dimensionChoices(const QList<WorkflowMetricRow> &rows, const QString &metric);

// The dimensions that tell GROUPS apart: those not set to one same value in every group. The rest
// (backend=vllm on every series) says nothing about any one row and only pushes the numbers away.
QStringList varyingDimensions(const QList<QJsonObject> &groups);
// GROUP with only the dimensions named in KEYS.
QJsonObject onlyDimensions(const QJsonObject &group, const QStringList &keys);

// A run the regression core flagged: it moved beyond the noise against the runs before it.
struct RunFlag {
    qint64 runId = 0;
    QString metric;
    QJsonObject group;
    QString unit;
    Verdict verdict = Verdict::Unchanged;   // Regression or Improvement
    double value = 0;
    double baselineMedian = 0;
    double changePercent = 0;
};

// Every run of every series judged as detectRegressions judges the newest one, against the runs
// before it only; runs with too little history before them are not judged. Oldest first per series.
QList<RunFlag> flagRuns(const QList<MetricSeries> &series, const RegressionSettings &settings = {});

// The series of one configuration that the page judges: per run, every dimension set its own
// series (each run's repetitions reduced to their median), as `fleetscope workflows regressions`.
QList<MetricSeries> runSeries(const QList<WorkflowMetricRow> &rows);

struct TrendPoint {
    qint64 runId = 0;
    QDateTime time;
    QString headSha;
    double min = 0;                // over the series the dimension filter keeps
    double avg = 0;
    double max = 0;
    int series = 0;
    QList<RunFlag> flags;          // of those series in this run
    bool regressed() const;        // one of FLAGS is a regression
};

struct WorkflowTrend {
    QString metric;
    QString unit;
    MetricDirection direction = MetricDirection::Neutral;
    int series = 0;                // dimension sets the filter keeps, over every run
    QList<TrendPoint> points;      // runs with FROM <= time < TO (invalid: open), oldest first
    QDateTime newest;              // the newest run of the metric under the filter, in range or not
};

// METRIC over SERIES (see runSeries) whose group has every dimension of DIMENSIONS at the given text,
// one point per run, with the FLAGS of those series attached to their run.
WorkflowTrend workflowTrend(const QList<MetricSeries> &series, const QList<RunFlag> &flags, const QString &metric,
                            const QMap<QString, QString> &dimensions, const QDateTime &from, const QDateTime &to);

// "+12.3 %", "−4.0 %": a change as the page shows it.
QString changeText(double percent);
// A value with its unit: "40.05 ms", "9,120 tok/s".
QString valueText(double value, const QString &unit);
// What a flag says in tooltips and the chart readout: "Regression: model=llama, +25.0 % vs median 40 ms".
QString flagText(const RunFlag &flag);

} // namespace fleetscope
