// detectRegressions: every method compares against the median of the baseline for the minimum change, so a
// tiny shift is never news however significant; median and MAD are robust to the odd outlier run, the
// z-score assumes roughly normal noise, and the rank test judges a sustained shift over several runs.
#include "regression.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace fleetscope {

namespace {

struct MethodName {
    RegressionMethod method;
    const char *name;
};
constexpr MethodName kMethods[] = {{RegressionMethod::Percent, "percent"}, {RegressionMethod::Mad, "mad"},
                                   {RegressionMethod::ZScore, "zscore"}, {RegressionMethod::MannWhitney, "mannwhitney"}};

double mean(const QList<double> &values)
{
    return std::accumulate(values.cbegin(), values.cend(), 0.0) / double(values.size());
}

double sampleStddev(const QList<double> &values, double average)
{
    if (values.size() < 2)
        return 0;
    double squares = 0;
    for (double value : values)
        squares += (value - average) * (value - average);
    return std::sqrt(squares / double(values.size() - 1));
}

int sign(double value)
{
    return (value > 0) - (value < 0);
}

} // namespace

QString regressionMethodName(RegressionMethod method)
{
    for (const MethodName &m : kMethods) {
        if (m.method == method)
            return QString::fromLatin1(m.name);
    }
    return {};
}

std::optional<RegressionMethod> parseRegressionMethod(const QString &name)
{
    for (const MethodName &m : kMethods) {
        if (name.compare(QLatin1String(m.name), Qt::CaseInsensitive) == 0)
            return m.method;
    }
    return std::nullopt;
}

QStringList regressionMethodNames()
{
    QStringList names;
    for (const MethodName &m : kMethods)
        names << QString::fromLatin1(m.name);
    return names;
}

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

RankTest mannWhitney(const QList<double> &sample, const QList<double> &reference)
{
    struct Ranked {
        double value;
        bool inSample;
    };
    QList<Ranked> all;
    for (double value : sample)
        all << Ranked{value, true};
    for (double value : reference)
        all << Ranked{value, false};
    std::sort(all.begin(), all.end(), [](const Ranked &a, const Ranked &b) { return a.value < b.value; });
    const double n = double(all.size());
    const double n1 = double(sample.size());
    const double n2 = double(reference.size());
    double sampleRanks = 0;
    double ties = 0;   // Σ (t³ − t) over groups of t equal values
    for (qsizetype i = 0; i < all.size();) {
        qsizetype j = i;
        while (j < all.size() && all.at(j).value == all.at(i).value)
            ++j;
        const double averageRank = (double(i + 1) + double(j)) / 2.0;   // ranks i+1 … j share their mean
        for (qsizetype m = i; m < j; ++m)
            sampleRanks += all.at(m).inSample ? averageRank : 0;
        const double t = double(j - i);
        ties += t * t * t - t;
        i = j;
    }
    RankTest test;
    test.u = sampleRanks - n1 * (n1 + 1) / 2.0;
    const double variance = n1 * n2 / 12.0 * ((n + 1) - (n > 1 ? ties / (n * (n - 1)) : 0));
    if (variance <= 0)
        return test;   // every value ties: no evidence either way
    const double difference = test.u - n1 * n2 / 2.0;
    test.z = sign(difference) * std::max(0.0, std::abs(difference) - 0.5) / std::sqrt(variance);
    test.p = 0.5 * std::erfc(std::abs(test.z) / std::sqrt(2.0));
    return test;
}

QList<SeriesVerdict> detectRegressions(const QList<MetricSeries> &series, const RegressionSettings &settings)
{
    constexpr double kMadToSigma = 1.4826;
    const int judged = std::max(1, settings.judgedRuns());
    QList<SeriesVerdict> verdicts;
    for (const MetricSeries &s : series) {
        if (s.points.isEmpty())
            continue;
        SeriesVerdict v;
        v.metric = s.metric;
        v.group = s.group;
        v.unit = s.unit;
        v.direction = s.direction;
        v.method = settings.method;
        v.latest = s.points.last();
        v.judgedRuns = int(std::min<qsizetype>(judged, s.points.size()));
        const qsizetype end = s.points.size() - v.judgedRuns;   // the baseline ends where the judged runs begin
        const qsizetype first = std::max<qsizetype>(0, end - settings.window);
        QList<double> baseline;
        QList<double> recent;
        for (qsizetype i = first; i < s.points.size(); ++i)
            (i < end ? baseline : recent) << s.points.at(i).value;
        v.judgedValue = median(recent);
        v.baselineRuns = int(baseline.size());
        if (s.direction == MetricDirection::Neutral) {
            v.verdict = Verdict::NotJudged;
        } else if (v.baselineRuns < std::max(1, settings.minBaseline) || v.judgedRuns < judged) {
            v.verdict = Verdict::TooLittleHistory;
        } else {
            v.verdict = Verdict::Unchanged;
        }
        if (!baseline.isEmpty()) {
            v.baselineMedian = median(baseline);
            v.baselineMean = mean(baseline);
            v.stddev = sampleStddev(baseline, v.baselineMean);
            QList<double> deviations;
            for (double value : std::as_const(baseline))
                deviations << std::abs(value - v.baselineMedian);
            v.mad = kMadToSigma * median(deviations);
            v.changePercent = percentChange(v.judgedValue, v.baselineMedian).value_or(0);
        }
        const double delta = v.judgedValue - v.baselineMedian;
        const double minimum = settings.thresholdPercent / 100.0 * std::abs(v.baselineMedian);
        v.limit = minimum;
        int shift = sign(delta);   // the way the method says it moved; 0: not beyond the noise
        switch (settings.method) {
        case RegressionMethod::Percent:
            break;
        case RegressionMethod::Mad:
            v.limit = std::max(minimum, settings.madK * v.mad);
            break;
        case RegressionMethod::ZScore: {
            const double fromMean = v.latest.value - v.baselineMean;
            v.z = v.stddev > 0 ? fromMean / v.stddev : fromMean == 0 ? 0.0 : sign(fromMean) * std::numeric_limits<double>::infinity();
            if (std::abs(*v.z) <= settings.zThreshold || sign(*v.z) != shift)
                shift = 0;
            break;
        }
        case RegressionMethod::MannWhitney:
            if (!baseline.isEmpty()) {
                const RankTest test = mannWhitney(recent, baseline);
                v.u = test.u;
                v.z = test.z;
                v.p = test.p;
                if (test.p >= settings.alpha || sign(test.z) != shift)
                    shift = 0;
            }
            break;
        }
        if (v.verdict == Verdict::Unchanged && shift != 0 && std::abs(delta) > v.limit)
            v.verdict = (shift > 0) == (s.direction == MetricDirection::LowerIsBetter) ? Verdict::Regression : Verdict::Improvement;
        verdicts << v;
    }
    return verdicts;
}

} // namespace fleetscope
