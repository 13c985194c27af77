// Noise-aware regression detection: each series' newest run (or newest k runs) against the runs before it, by a chosen method.
#pragma once

#include "metricquery.h"

#include <optional>

namespace fleetscope {

// How a series' newest run is judged against its baseline (the runs before it). Whatever the method, a change
// of less than RegressionSettings::thresholdPercent of the baseline median is never flagged.
enum class RegressionMethod {
    Percent,       // the change alone: beyond the threshold percent
    Mad,           // beyond the threshold and K scaled MADs of the baseline (robust to outlier runs); the default
    ZScore,        // beyond the threshold and Z standard deviations from the baseline mean
    MannWhitney,   // the newest k runs against the baseline by a one-sided rank test at significance alpha
};
QString regressionMethodName(RegressionMethod method);   // "percent", "mad", "zscore", "mannwhitney"
std::optional<RegressionMethod> parseRegressionMethod(const QString &name);
QStringList regressionMethodNames();

struct RegressionSettings {
    RegressionMethod method = RegressionMethod::Mad;
    int window = 30;                 // baseline: up to this many runs before the judged ones
    int minBaseline = 5;             // fewer runs before them: too little history to judge
    double thresholdPercent = 10;    // a change smaller than this share of the baseline median is never flagged
    double madK = 3;                 // mad: nor one within K scaled MADs (1.4826 · MAD ≈ σ for normal noise)
    double zThreshold = 3;           // zscore: nor one within Z standard deviations of the baseline mean
    int recentRuns = 5;              // mannwhitney: the newest k runs are judged together
    double alpha = 0.01;             // mannwhitney: nor one whose one-sided p-value is alpha or more

    int judgedRuns() const { return method == RegressionMethod::MannWhitney ? recentRuns : 1; }
};

enum class Verdict { Regression, Improvement, Unchanged, TooLittleHistory, NotJudged };
QString verdictName(Verdict verdict);   // "regression", "improvement", "unchanged", "too-little-history", "not-judged"

struct SeriesVerdict {
    QString metric;
    QJsonObject group;
    QString unit;
    MetricDirection direction = MetricDirection::Neutral;
    RegressionMethod method = RegressionMethod::Mad;
    SeriesPoint latest;
    int judgedRuns = 1;              // the newest runs judged: 1, or k for mannwhitney
    double judgedValue = 0;          // the newest run's value, or the median of the k judged runs
    int baselineRuns = 0;
    double baselineMedian = 0;
    double baselineMean = 0;
    double stddev = 0;               // sample standard deviation of the baseline
    double mad = 0;                  // scaled: 1.4826 · median |x − median|
    double limit = 0;                // the change that must be exceeded: max(threshold % · |median|, K · MAD) for mad
    double changePercent = 0;        // (judged value − median) / |median| · 100; 0 when the median is 0
    std::optional<double> z;         // zscore: (latest − mean) / σ (±inf when σ is 0); mannwhitney: U's normal score
    std::optional<double> u;         // mannwhitney: U of the judged runs (pairs where a judged run is higher; ties count ½)
    std::optional<double> p;         // mannwhitney: one-sided p-value in the direction of the change
    Verdict verdict = Verdict::NotJudged;
};

// One verdict per series of per-run points (MetricInterval::Run). A regression is a change in the
// bad direction beyond the threshold that the method finds beyond the noise; neutral metrics are not judged.
QList<SeriesVerdict> detectRegressions(const QList<MetricSeries> &series, const RegressionSettings &settings = {});

// Mann-Whitney U of SAMPLE against REFERENCE (both not empty), normal approximation with tie and continuity
// correction: u counts the pairs where SAMPLE is higher (ties ½), z its signed normal score, p the one-sided
// p-value in the direction of z (0.5 when there is no difference, 1 when every value ties).
struct RankTest {
    double u = 0;
    double z = 0;
    double p = 1;
};
RankTest mannWhitney(const QList<double> &sample, const QList<double> &reference);

} // namespace fleetscope
