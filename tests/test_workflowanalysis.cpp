// Workflow metric analysis: grouping and intervals, and regression detection on synthetic runs with
// known planted steps (found, in the bad direction only) and pure noise (not flagged; rate measured).
#include "workflows/metricsummary.h"
#include "workflows/regression.h"
#include "workflows/runcost.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

Q_DECLARE_METATYPE(fleetscope::RegressionMethod)
Q_DECLARE_METATYPE(fleetscope::Verdict)

using namespace fleetscope;

namespace {

const QDateTime kStart(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);   // a Monday

WorkflowMetricRow row(qint64 run, const QString &metric, double value, MetricDirection direction,
                      const QJsonObject &dimensions = {{QStringLiteral("model"), QStringLiteral("llama")}})
{
    WorkflowMetricRow r;
    r.runId = run;
    r.timestamp = kStart.addSecs(run * 6 * 3600);   // four runs a day
    r.headSha = QStringLiteral("sha%1").arg(run);
    r.dimensions = dimensions;
    r.metric = metric;
    r.value = value;
    r.unit = direction == MetricDirection::HigherIsBetter ? QStringLiteral("tok/s") : QStringLiteral("ms");
    r.direction = direction;
    return r;
}

double gaussian(QRandomGenerator &random)
{
    // Box-Muller: the noise of repeated benchmark runs is close enough to normal for this.
    const double u1 = 1.0 - random.generateDouble();
    const double u2 = random.generateDouble();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

// RUNS runs of one metric around 100 with NOISE (relative σ), the last STEPPED ones multiplied by STEP.
QList<WorkflowMetricRow> series(int runs, double noise, double step, MetricDirection direction, quint32 seed, int stepped = 1)
{
    QRandomGenerator random(seed);
    QList<WorkflowMetricRow> rows;
    for (int i = 0; i < runs; ++i) {
        const double value = 100.0 * (1.0 + noise * gaussian(random)) * (i + stepped >= runs ? step : 1.0);
        rows << row(i + 1, direction == MetricDirection::HigherIsBetter ? QStringLiteral("throughput") : QStringLiteral("latency"), value, direction);
    }
    return rows;
}

SeriesVerdict judge(const QList<WorkflowMetricRow> &rows, const RegressionSettings &settings = {})
{
    const QList<SeriesVerdict> verdicts = detectRegressions(aggregateMetrics(rows, MetricQuery()), settings);
    if (verdicts.size() != 1)
        qFatal("expected one series, got %lld", qlonglong(verdicts.size()));
    return verdicts.first();
}

RegressionSettings method(RegressionMethod m, double thresholdPercent = 10)
{
    RegressionSettings settings;
    settings.method = m;
    settings.thresholdPercent = thresholdPercent;
    return settings;
}

// The share of SERIES flat noisy series (3 % σ, 30 runs of baseline) that SETTINGS flags as a regression.
double falsePositiveRate(const RegressionSettings &settings, int count)
{
    int flagged = 0;
    const int runs = 30 + settings.judgedRuns();
    for (int i = 0; i < count; ++i)
        flagged += judge(series(runs, 0.03, 1.0, MetricDirection::LowerIsBetter, quint32(1000 + i)), settings).verdict == Verdict::Regression;
    return double(flagged) / count;
}

} // namespace

class TestWorkflowAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsAreAggregatedPerSeries()
    {
        // Two values of one series in run 1 (repetitions) are one point: their median.
        const QList<WorkflowMetricRow> rows{row(1, QStringLiteral("latency"), 10, MetricDirection::LowerIsBetter),
                                           row(1, QStringLiteral("latency"), 14, MetricDirection::LowerIsBetter),
                                           row(2, QStringLiteral("latency"), 11, MetricDirection::LowerIsBetter),
                                           row(2, QStringLiteral("latency"), 30, MetricDirection::LowerIsBetter,
                                               {{QStringLiteral("model"), QStringLiteral("qwen")}})};
        const QList<MetricSeries> all = aggregateMetrics(rows, MetricQuery());
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).group, (QJsonObject{{QStringLiteral("model"), QStringLiteral("llama")}}));
        QCOMPARE(all.at(0).points.size(), 2);
        QCOMPARE(all.at(0).points.at(0).value, 12.0);
        QCOMPARE(all.at(0).points.at(0).count, qint64(2));
        QCOMPARE(all.at(0).points.at(0).runId, qint64(1));
        QCOMPARE(all.at(0).points.at(1).time, kStart.addSecs(2 * 6 * 3600));
        QCOMPARE(all.at(0).unit, QStringLiteral("ms"));
        QCOMPARE(groupText(all.at(1).group), QStringLiteral("model=qwen"));
    }

    void intervalsGroupByAndFilters()
    {
        QList<WorkflowMetricRow> rows;
        for (int run = 0; run < 8; ++run)   // every six hours from Monday 09:00: days of 3, 4 and 1 runs
            rows << row(run, QStringLiteral("latency"), 10 + run, MetricDirection::LowerIsBetter,
                        {{QStringLiteral("model"), run % 2 ? QStringLiteral("qwen") : QStringLiteral("llama")}, {QStringLiteral("batch"), 8}});
        MetricQuery query;
        query.interval = MetricInterval::Day;
        query.groupBy = QStringList{QStringLiteral("batch")};
        query.aggregation = Aggregation::Max;
        QList<MetricSeries> daily = aggregateMetrics(rows, query);
        QCOMPARE(daily.size(), 1);
        QCOMPARE(daily.first().group, (QJsonObject{{QStringLiteral("batch"), 8}}));
        QCOMPARE(daily.first().points.size(), 3);
        QCOMPARE(daily.first().points.at(0).time, QDateTime(QDate(2026, 11, 2), QTime(0, 0), Qt::UTC));
        QCOMPARE(daily.first().points.at(0).value, 12.0);
        QCOMPARE(daily.first().points.at(0).count, qint64(3));
        QCOMPARE(daily.first().points.at(1).value, 16.0);
        QCOMPARE(daily.first().points.at(1).count, qint64(4));
        QCOMPARE(daily.first().points.at(1).runId, qint64(6));   // the newest run of the day
        QCOMPARE(daily.first().points.at(2).value, 17.0);

        query.interval = MetricInterval::Week;
        query.aggregation = Aggregation::Count;
        query.dimensions = {{QStringLiteral("model"), QStringLiteral("qwen")}, {QStringLiteral("batch"), QStringLiteral("8")}};
        const QList<MetricSeries> weekly = aggregateMetrics(rows, query);
        QCOMPARE(weekly.size(), 1);
        QCOMPARE(weekly.first().points.size(), 1);
        QCOMPARE(weekly.first().points.first().time, QDateTime(QDate(2026, 11, 2), QTime(0, 0), Qt::UTC));
        QCOMPARE(weekly.first().points.first().value, 4.0);

        query.interval = MetricInterval::Hour;
        query.aggregation = Aggregation::Avg;
        query.dimensions.clear();
        query.groupBy.reset();   // every dimension
        QCOMPARE(aggregateMetrics(rows, query).first().points.size(), 4);   // each model has four hourly points
        QCOMPARE(percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21}, 95), 20.0);
    }

    // The summary of known series: latest against previous and against the median of the points before.
    void summaryOfKnownSeries()
    {
        const auto make = [](const QString &model, const QList<double> &values) {
            MetricSeries s;
            s.metric = QStringLiteral("latency");
            s.group = QJsonObject{{QStringLiteral("model"), model}};
            s.unit = QStringLiteral("ms");
            s.direction = MetricDirection::LowerIsBetter;
            for (qsizetype i = 0; i < values.size(); ++i)
                s.points << SeriesPoint{kStart.addDays(i), i + 1, QStringLiteral("sha%1").arg(i), values.at(i), 1};
            return s;
        };
        const QList<MetricSeries> series{make(QStringLiteral("five"), {10, 20, 30, 40, 50}), make(QStringLiteral("single"), {7}),
                                         make(QStringLiteral("zero"), {5, 0, 3}), make(QStringLiteral("negative"), {-10, -5}),
                                         make(QStringLiteral("empty"), {})};
        const QList<SeriesSummary> all = summarizeSeries(series);
        QCOMPARE(all.size(), 4);   // the empty series has nothing to summarise

        const SeriesSummary &five = all.at(0);
        QCOMPARE(five.points, qsizetype(5));
        QCOMPARE(five.latest.value, 50.0);
        QCOMPARE(five.latest.time, kStart.addDays(4));
        QCOMPARE(five.previous->value, 40.0);
        QCOMPARE(*five.changePercent, 25.0);
        QCOMPARE(*five.lookbackMedian, 25.0);   // of 10, 20, 30, 40: the latest is not its own baseline
        QCOMPARE(five.lookbackPoints, qsizetype(4));
        QCOMPARE(*five.changeVsMedianPercent, 100.0);
        const SeriesSummary shortLookback = summarizeSeries({series.at(0)}, 2).first();
        QCOMPARE(*shortLookback.lookbackMedian, 35.0);
        QCOMPARE(shortLookback.lookbackPoints, qsizetype(2));
        QVERIFY(std::abs(*shortLookback.changeVsMedianPercent - 300.0 / 7) < 1e-12);

        const SeriesSummary &single = all.at(1);
        QCOMPARE(single.points, qsizetype(1));
        QCOMPARE(single.latest.value, 7.0);
        QVERIFY(!single.previous && !single.changePercent && !single.lookbackMedian && !single.changeVsMedianPercent);
        QCOMPARE(single.lookbackPoints, qsizetype(0));

        const SeriesSummary &zero = all.at(2);
        QCOMPARE(zero.previous->value, 0.0);
        QVERIFY(!zero.changePercent);   // from 0 no change is a percentage
        QCOMPARE(*zero.lookbackMedian, 2.5);
        QCOMPARE(*zero.changeVsMedianPercent, 20.0);

        QCOMPARE(*all.at(3).changePercent, 50.0);   // −10 → −5: up by half the size of the base

        const TableData table = seriesSummaryTable(all);
        QCOMPARE(table.columns, (QStringList{QStringLiteral("metric"), QStringLiteral("dimensions"), QStringLiteral("unit"), QStringLiteral("better"),
                                             QStringLiteral("points"), QStringLiteral("latest_at"), QStringLiteral("latest"), QStringLiteral("previous"),
                                             QStringLiteral("change_percent"), QStringLiteral("lookback_median"), QStringLiteral("lookback_points"),
                                             QStringLiteral("vs_median_percent")}));
        QCOMPARE(table.rows.size(), 4);
        QCOMPARE(table.rows.at(0).at(1).toString(), QStringLiteral("{\"model\":\"five\"}"));
        QCOMPARE(table.rows.at(0).at(3).toString(), QStringLiteral("lower"));
        QVERIFY(!table.rows.at(1).at(7).isValid() && !table.rows.at(1).at(8).isValid() && !table.rows.at(1).at(9).isValid());
        QVERIFY(!table.rows.at(2).at(8).isValid());
        QCOMPARE(table.rows.at(2).at(11).toDouble(), 20.0);

        for (MetricInterval i : {MetricInterval::Run, MetricInterval::Hour, MetricInterval::Day, MetricInterval::Week})
            QCOMPARE(parseMetricInterval(metricIntervalName(i)), std::optional<MetricInterval>(i));
        for (Aggregation a : {Aggregation::Avg, Aggregation::Min, Aggregation::Max, Aggregation::P50, Aggregation::P95, Aggregation::Count})
            QCOMPARE(parseAggregation(aggregationName(a)), std::optional<Aggregation>(a));
        QVERIFY(!parseMetricInterval(QStringLiteral("month")) && !parseAggregation(QStringLiteral("p99")));
        QCOMPARE(intervalStart(QDateTime(QDate(2026, 11, 8), QTime(23, 59), Qt::UTC), MetricInterval::Week), kStart.addSecs(-9 * 3600));
    }

    void noisyButFlatIsNoAlert()
    {
        const SeriesVerdict v = judge(series(31, 0.03, 1.0, MetricDirection::LowerIsBetter, 7));
        QCOMPARE(v.verdict, Verdict::Unchanged);
        QCOMPARE(v.baselineRuns, 30);
        QVERIFY(v.mad > 0);
    }

    void stepTheBadWayIsARegression_data()
    {
        QTest::addColumn<MetricDirection>("direction");
        QTest::addColumn<double>("step");
        QTest::newRow("latency +20%") << MetricDirection::LowerIsBetter << 1.2;
        QTest::newRow("throughput -20%") << MetricDirection::HigherIsBetter << 0.8;
    }

    void stepTheBadWayIsARegression()
    {
        QFETCH(MetricDirection, direction);
        QFETCH(double, step);
        const SeriesVerdict v = judge(series(31, 0.03, step, direction, 11));
        QCOMPARE(v.verdict, Verdict::Regression);
        QVERIFY2(std::abs(std::abs(v.changePercent) - 20) < 6, qPrintable(QString::number(v.changePercent)));
        QCOMPARE(v.latest.headSha, QStringLiteral("sha31"));
    }

    void stepTheGoodWayIsNoRegression_data()
    {
        QTest::addColumn<MetricDirection>("direction");
        QTest::addColumn<double>("step");
        QTest::newRow("latency -20%") << MetricDirection::LowerIsBetter << 0.8;
        QTest::newRow("throughput +20%") << MetricDirection::HigherIsBetter << 1.2;
    }

    void stepTheGoodWayIsNoRegression()
    {
        QFETCH(MetricDirection, direction);
        QFETCH(double, step);
        QCOMPARE(judge(series(31, 0.03, step, direction, 11)).verdict, Verdict::Improvement);
    }

    void noiseWiderThanTheStepIsNotFlagged()
    {
        // ±15 % run to run: a 20 % step is within the K·MAD band, so it is not news.
        const SeriesVerdict v = judge(series(31, 0.15, 1.2, MetricDirection::LowerIsBetter, 3));
        QCOMPARE(v.verdict, Verdict::Unchanged);
        QVERIFY(v.limit > 0.2 * v.baselineMedian);
    }

    void tooLittleHistoryAndNeutralAreNotJudged()
    {
        QCOMPARE(judge(series(4, 0.03, 2.0, MetricDirection::LowerIsBetter, 5)).verdict, Verdict::TooLittleHistory);
        QCOMPARE(judge(series(31, 0.03, 2.0, MetricDirection::Neutral, 5)).verdict, Verdict::NotJudged);
        RegressionSettings shortWindow;
        shortWindow.window = 10;
        QCOMPARE(judge(series(31, 0.03, 1.2, MetricDirection::LowerIsBetter, 11), shortWindow).baselineRuns, 10);
    }

    void falsePositiveRateOnPureNoise()
    {
        // 2000 flat series, 3 % normal noise, default settings: how many does the detector flag?
        int flagged = 0;
        constexpr int kSeries = 2000;
        for (int i = 0; i < kSeries; ++i)
            flagged += judge(series(31, 0.03, 1.0, MetricDirection::LowerIsBetter, quint32(1000 + i))).verdict == Verdict::Regression;
        qInfo("false-positive rate on pure noise: %d of %d series (%.2f %%)", flagged, kSeries, 100.0 * flagged / kSeries);
        QVERIFY(flagged <= kSeries / 200);   // at most 0.5 %

        int found = 0;
        for (int i = 0; i < 200; ++i)
            found += judge(series(31, 0.03, 1.2, MetricDirection::LowerIsBetter, quint32(5000 + i))).verdict == Verdict::Regression;
        qInfo("planted 20 %% steps found: %d of 200", found);
        QVERIFY(found >= 190);
    }

    void everyMethodFindsAPlantedStepTheBadWayOnly_data()
    {
        QTest::addColumn<RegressionMethod>("method");
        QTest::addColumn<MetricDirection>("direction");
        QTest::addColumn<double>("step");
        QTest::addColumn<Verdict>("expected");
        for (RegressionMethod m : {RegressionMethod::Percent, RegressionMethod::Mad, RegressionMethod::ZScore, RegressionMethod::MannWhitney}) {
            const QByteArray name = regressionMethodName(m).toLatin1();
            QTest::newRow(name + " latency +20%") << m << MetricDirection::LowerIsBetter << 1.2 << Verdict::Regression;
            QTest::newRow(name + " throughput -20%") << m << MetricDirection::HigherIsBetter << 0.8 << Verdict::Regression;
            QTest::newRow(name + " latency -20%") << m << MetricDirection::LowerIsBetter << 0.8 << Verdict::Improvement;
            QTest::newRow(name + " throughput +20%") << m << MetricDirection::HigherIsBetter << 1.2 << Verdict::Improvement;
            QTest::newRow(name + " neutral +50%") << m << MetricDirection::Neutral << 1.5 << Verdict::NotJudged;
        }
    }

    void everyMethodFindsAPlantedStepTheBadWayOnly()
    {
        QFETCH(RegressionMethod, method);
        QFETCH(MetricDirection, direction);
        QFETCH(double, step);
        QFETCH(Verdict, expected);
        const RegressionSettings settings = ::method(method);
        // The rank test judges the newest k runs together: the step holds for all of them.
        const SeriesVerdict v = judge(series(30 + settings.judgedRuns(), 0.03, step, direction, 11, settings.judgedRuns()), settings);
        QCOMPARE(v.verdict, expected);
        QCOMPARE(v.method, method);
        QCOMPARE(v.baselineRuns, 30);
        QCOMPARE(v.judgedRuns, settings.judgedRuns());
        if (expected == Verdict::NotJudged)
            return;
        QVERIFY2(std::abs(std::abs(v.changePercent) - std::abs(step - 1) * 100) < 6, qPrintable(QString::number(v.changePercent)));
        QCOMPARE(v.z.has_value(), method == RegressionMethod::ZScore || method == RegressionMethod::MannWhitney);
        QCOMPARE(v.p.has_value(), method == RegressionMethod::MannWhitney);
        if (method == RegressionMethod::ZScore)
            QVERIFY2(std::abs(*v.z) > 3, qPrintable(QString::number(*v.z)));
        if (method == RegressionMethod::MannWhitney) {
            QVERIFY2(*v.p < 0.01, qPrintable(QString::number(*v.p)));
            QCOMPARE(*v.u, step > 1 ? 150.0 : 0.0);   // every one of the 5 · 30 pairs the same way
        }
    }

    void oneOutlierRunIsNotASustainedShift()
    {
        // One run 20 % worse: a regression for the single-run methods, not for the rank test over the last five.
        const QList<WorkflowMetricRow> rows = series(35, 0.03, 1.2, MetricDirection::LowerIsBetter, 11);
        QCOMPARE(judge(rows, method(RegressionMethod::Mad)).verdict, Verdict::Regression);
        const SeriesVerdict v = judge(rows, method(RegressionMethod::MannWhitney));
        QCOMPARE(v.verdict, Verdict::Unchanged);
        QVERIFY(*v.p > 0.01);
    }

    void tinyButSignificantShiftsStayUnderTheMinimumChange()
    {
        // 3 % slower with 0.2 % noise: every test is sure it moved, but 3 % is under the default 10 %.
        for (RegressionMethod m : {RegressionMethod::Mad, RegressionMethod::ZScore, RegressionMethod::MannWhitney}) {
            const QList<WorkflowMetricRow> rows = series(35, 0.002, 1.03, MetricDirection::LowerIsBetter, 21, method(m).judgedRuns());
            const SeriesVerdict quiet = judge(rows, method(m));
            QVERIFY2(quiet.verdict == Verdict::Unchanged, qPrintable(regressionMethodName(m)));
            QCOMPARE(judge(rows, method(m, 1)).verdict, Verdict::Regression);
        }
        QVERIFY(*judge(series(35, 0.002, 1.03, MetricDirection::LowerIsBetter, 21, 5), method(RegressionMethod::MannWhitney)).p < 1e-3);
    }

    void rankTestWithTies()
    {
        // Hand-checked: no ties, then ties across both samples (average ranks, variance corrected).
        RankTest plain = mannWhitney({4, 5, 6}, {1, 2, 3});
        QCOMPARE(plain.u, 9.0);
        QVERIFY(std::abs(plain.z - 1.7457431) < 1e-6);
        QVERIFY(std::abs(plain.p - 0.0404278) < 1e-6);
        RankTest tied = mannWhitney({2, 2, 3, 3}, {1, 2, 2, 3, 1});
        QCOMPARE(tied.u, 15.0);
        QVERIFY(std::abs(tied.z - 1.1783766) < 1e-6);
        QVERIFY(std::abs(tied.p - 0.1193232) < 1e-6);
        RankTest lower = mannWhitney({1, 2, 3}, {4, 5, 6});
        QCOMPARE(lower.u, 0.0);
        QVERIFY(lower.z < 0);
        QCOMPARE(lower.p, plain.p);
        RankTest same = mannWhitney({5, 5}, {5, 5, 5});
        QCOMPARE(same.p, 1.0);
        QCOMPARE(same.z, 0.0);
    }

    void flatSeriesWithTiesIsUnchangedByEveryMethod()
    {
        // Integer-valued benchmarks repeat exactly: zero MAD, zero σ and all-tied ranks must not flag anything,
        // and a real step on such a series is still found (σ = 0 gives an infinite z).
        QList<WorkflowMetricRow> flat;
        for (int run = 1; run <= 36; ++run)
            flat << row(run, QStringLiteral("latency"), run % 2 ? 100 : 101, MetricDirection::LowerIsBetter);
        for (RegressionMethod m : {RegressionMethod::Percent, RegressionMethod::Mad, RegressionMethod::ZScore, RegressionMethod::MannWhitney}) {
            QList<WorkflowMetricRow> constant;   // 100 every run, then 130 in the runs the method judges
            for (int run = 1; run <= 36; ++run)
                constant << row(run, QStringLiteral("latency"), run > 36 - method(m).judgedRuns() ? 130 : 100, MetricDirection::LowerIsBetter);
            QVERIFY2(judge(flat, method(m)).verdict == Verdict::Unchanged, qPrintable(regressionMethodName(m)));
            const SeriesVerdict stepped = judge(constant, method(m));
            QVERIFY2(stepped.verdict == Verdict::Regression, qPrintable(regressionMethodName(m)));
            if (m == RegressionMethod::ZScore)
                QVERIFY(std::isinf(*stepped.z));
        }
    }

    void methodNamesRoundTrip()
    {
        for (const QString &name : regressionMethodNames())
            QCOMPARE(regressionMethodName(*parseRegressionMethod(name)), name);
        QCOMPARE(parseRegressionMethod(QStringLiteral("MannWhitney")), std::optional(RegressionMethod::MannWhitney));
        QVERIFY(!parseRegressionMethod(QStringLiteral("ttest")));
        QCOMPARE(RegressionSettings().method, RegressionMethod::Mad);
    }

    void falsePositiveRatePerMethod()
    {
        // 2000 flat series, 3 % normal noise: the share each method flags with its defaults, and with no minimum
        // change (the statistical test alone, where it has one).
        constexpr int kSeries = 2000;
        for (RegressionMethod m : {RegressionMethod::Percent, RegressionMethod::Mad, RegressionMethod::ZScore, RegressionMethod::MannWhitney}) {
            const double rate = falsePositiveRate(method(m), kSeries);
            qInfo("false-positive rate on pure noise, %s: %.2f %% with defaults", qPrintable(regressionMethodName(m)), 100 * rate);
            QVERIFY(rate <= 0.005);
            if (m == RegressionMethod::Percent)
                continue;
            const double bare = falsePositiveRate(method(m, 0), kSeries);
            qInfo("false-positive rate on pure noise, %s: %.2f %% with --threshold 0", qPrintable(regressionMethodName(m)), 100 * bare);
            QVERIFY(bare <= 0.02);
        }
    }

    void costFigures()
    {
        // Higher is better: the value per $/hr; a lower-is-better duration: dollars per result; anything else: none.
        CostFigure tokens = costFigure(900, QStringLiteral("tok/s"), MetricDirection::HigherIsBetter, 6);
        QCOMPARE(tokens.kind, CostFigure::Kind::PerDollarHour);
        QCOMPARE(tokens.value, 150.0);
        CostFigure latency = costFigure(1800, QStringLiteral("s"), MetricDirection::LowerIsBetter, 4);
        QCOMPARE(latency.kind, CostFigure::Kind::DollarsPerResult);
        QCOMPARE(latency.value, 2.0);   // half an hour at $4/hr
        QCOMPARE(costFigure(50, QStringLiteral("ms"), MetricDirection::LowerIsBetter, 3600).value, 0.05);
        QCOMPARE(costFigure(3, QStringLiteral("GB"), MetricDirection::LowerIsBetter, 4).kind, CostFigure::Kind::None);
        QCOMPARE(costFigure(3, QStringLiteral("s"), MetricDirection::Neutral, 4).kind, CostFigure::Kind::None);
        QCOMPARE(costFigure(900, QStringLiteral("tok/s"), MetricDirection::HigherIsBetter, 0).kind, CostFigure::Kind::None);

        // A run further than a day from every observation is not priced from stale data.
        WorkflowConfig config;
        config.gpuType = QStringLiteral("NVIDIA H100");
        WorkflowRun near;
        near.id = 1;
        near.workloadStartedAt = kStart;
        WorkflowRun far = near;
        far.id = 2;
        far.workloadStartedAt = kStart.addDays(3);
        GpuOffer offer;
        offer.observedTs = kStart.addSecs(3600);
        offer.gpuType = QStringLiteral("nvidia h100");
        offer.pricePerHour = 2.5;
        const QHash<qint64, RunPrice> prices = priceRuns(config, {near, far}, {}, {offer});
        QCOMPARE(prices.size(), 1);
        QCOMPARE(prices.value(1).perHour, 2.5);
        QVERIFY(priceRuns(WorkflowConfig(), {near}, {}, {offer}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWorkflowAnalysis)
#include "test_workflowanalysis.moc"
