// Noise-aware regression detection: each series' newest run against the median and MAD of the runs before it.
#pragma once

#include "metricquery.h"

namespace fleetscope {

struct RegressionSettings {
    int window = 30;                 // baseline: up to this many runs before the newest
    int minBaseline = 5;             // fewer runs before it: too little history to judge
    double thresholdPercent = 10;    // a change smaller than this share of the baseline median is never flagged
    double madK = 3;                 // nor one within K scaled MADs (1.4826 · MAD ≈ σ for normal noise)
};

enum class Verdict { Regression, Improvement, Unchanged, TooLittleHistory, NotJudged };
QString verdictName(Verdict verdict);   // "regression", "improvement", "unchanged", "too-little-history", "not-judged"

struct SeriesVerdict {
    QString metric;
    QJsonObject group;
    QString unit;
    MetricDirection direction = MetricDirection::Neutral;
    SeriesPoint latest;
    int baselineRuns = 0;
    double baselineMedian = 0;
    double mad = 0;                  // scaled: 1.4826 · median |x − median|
    double limit = 0;                // max(threshold % · |median|, K · MAD): the change that must be exceeded
    double changePercent = 0;        // (latest − median) / |median| · 100; 0 when the median is 0
    Verdict verdict = Verdict::NotJudged;
};

// One verdict per series of per-run points (MetricInterval::Run). A regression is a change in the
// bad direction beyond the limit; neutral metrics are not judged.
QList<SeriesVerdict> detectRegressions(const QList<MetricSeries> &series, const RegressionSettings &settings = {});

} // namespace fleetscope
