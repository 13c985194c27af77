// detectRegressions: median and MAD are robust to the odd outlier run, so one noisy run in the
// baseline neither hides a step nor invents one.
#include "regression.h"

#include <cmath>

namespace fleetscope {

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Regression: return QStringLiteral("regression");
    case Verdict::Improvement: return QStringLiteral("improvement");
    case Verdict::Unchanged: return QStringLiteral("unchanged");
    case Verdict::TooLittleHistory: return QStringLiteral("too-little-history");
    case Verdict::NotJudged: return QStringLiteral("not-judged");
    }
    return {};
}

QList<SeriesVerdict> detectRegressions(const QList<MetricSeries> &series, const RegressionSettings &settings)
{
    constexpr double kMadToSigma = 1.4826;
    QList<SeriesVerdict> verdicts;
    for (const MetricSeries &s : series) {
        if (s.points.isEmpty())
            continue;
        SeriesVerdict v;
        v.metric = s.metric;
        v.group = s.group;
        v.unit = s.unit;
        v.direction = s.direction;
        v.latest = s.points.last();
        const qsizetype first = std::max<qsizetype>(0, s.points.size() - 1 - settings.window);
        QList<double> baseline;
        for (qsizetype i = first; i + 1 < s.points.size(); ++i)
            baseline << s.points.at(i).value;
        v.baselineRuns = int(baseline.size());
        if (!baseline.isEmpty()) {
            v.baselineMedian = median(baseline);
            QList<double> deviations;
            for (double value : std::as_const(baseline))
                deviations << std::abs(value - v.baselineMedian);
            v.mad = kMadToSigma * median(deviations);
            v.limit = std::max(settings.thresholdPercent / 100.0 * std::abs(v.baselineMedian), settings.madK * v.mad);
            if (v.baselineMedian != 0)
                v.changePercent = (v.latest.value - v.baselineMedian) / std::abs(v.baselineMedian) * 100.0;
        }
        const double delta = v.latest.value - v.baselineMedian;
        if (s.direction == MetricDirection::Neutral)
            v.verdict = Verdict::NotJudged;
        else if (v.baselineRuns < settings.minBaseline)
            v.verdict = Verdict::TooLittleHistory;
        else if (std::abs(delta) <= v.limit)
            v.verdict = Verdict::Unchanged;
        else if ((delta > 0) == (s.direction == MetricDirection::LowerIsBetter))
            v.verdict = Verdict::Regression;
        else
            v.verdict = Verdict::Improvement;
        verdicts << v;
    }
    return verdicts;
}

} // namespace fleetscope
