// Workflow metric analysis: grouping and intervals, and regression detection on synthetic runs with
// known planted steps (found, in the bad direction only) and pure noise (not flagged; rate measured).
#include "workflows/regression.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

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

// RUNS runs of one metric around 100 with NOISE (relative σ), the last one multiplied by STEP.
QList<WorkflowMetricRow> series(int runs, double noise, double step, MetricDirection direction, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<WorkflowMetricRow> rows;
    for (int i = 0; i < runs; ++i) {
        const double value = 100.0 * (1.0 + noise * gaussian(random)) * (i + 1 == runs ? step : 1.0);
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
        query.groupBy = {QStringLiteral("batch")};
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
        query.groupBy.clear();
        QCOMPARE(aggregateMetrics(rows, query).first().points.size(), 4);   // each model has four hourly points
        QCOMPARE(percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21}, 95), 20.0);
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
};

QTEST_GUILESS_MAIN(TestWorkflowAnalysis)
#include "test_workflowanalysis.moc"
