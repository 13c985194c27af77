// Workflows page models: metric and dimension choices, per-run flags from the regression core, the
// trend per run, and the runs and verdicts tables (through QAbstractItemModelTester), with exact values.
#include "workflowcomparisonmodel.h"
#include "workflowfigures.h"
#include "snapshotformat.h"
#include "workflowquerytrend.h"
#include "workflowrunsmodel.h"
#include "workflowsummarymodel.h"
#include "workflowverdictsmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace fleetscope;

namespace {

const QDateTime kStart(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);

QDateTime runTime(qint64 run)
{
    return kStart.addSecs(run * 6 * 3600);
}

WorkflowMetricRow row(qint64 run, const QString &metric, double value, const QString &unit, MetricDirection direction,
                      const QJsonObject &dimensions)
{
    WorkflowMetricRow r;
    r.runId = run;
    r.timestamp = runTime(run);
    r.headSha = QStringLiteral("sha%1").arg(run);
    r.dimensions = dimensions;
    r.metric = metric;
    r.value = value;
    r.unit = unit;
    r.direction = direction;
    return r;
}

const QJsonObject kLlama1{{QStringLiteral("model"), QStringLiteral("llama")}, {QStringLiteral("batch"), 1}};
const QJsonObject kQwen4{{QStringLiteral("model"), QStringLiteral("qwen")}, {QStringLiteral("batch"), 4}};
const QJsonObject kQwen32{{QStringLiteral("model"), QStringLiteral("qwen")}, {QStringLiteral("batch"), 32}};

// Eight runs: llama latency steps from ~40 ms to 50 ms in run 8 (a regression), the qwen latencies
// stay flat, throughput jumps from ~100 to 130 tok/s in run 8 (an improvement); "requests" is a count.
QList<WorkflowMetricRow> sampleRows()
{
    const double llama[] = {40, 41, 39, 40.1, 40, 39.9, 40.2, 50};
    const double throughput[] = {100, 102, 98, 101, 99, 100, 100, 130};
    QList<WorkflowMetricRow> rows;
    for (qint64 run = 1; run <= 8; ++run) {
        rows << row(run, QStringLiteral("latency"), llama[run - 1], QStringLiteral("ms"), MetricDirection::LowerIsBetter, kLlama1);
        rows << row(run, QStringLiteral("latency"), 60, QStringLiteral("ms"), MetricDirection::LowerIsBetter, kQwen4);
        rows << row(run, QStringLiteral("latency"), 70, QStringLiteral("ms"), MetricDirection::LowerIsBetter, kQwen32);
        rows << row(run, QStringLiteral("throughput"), throughput[run - 1], QStringLiteral("tok/s"), MetricDirection::HigherIsBetter, kLlama1);
        rows << row(run, QStringLiteral("requests"), 200, QString(), MetricDirection::Neutral, kLlama1);
    }
    return rows;
}

WorkflowRun sampleRun(qint64 id)
{
    WorkflowRun r;
    r.id = id;
    r.configName = QStringLiteral("serve");
    return r;
}

} // namespace

class TestWorkflowsModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metricAndDimensionChoices()
    {
        const QList<MetricChoice> metrics = metricChoices(sampleRows());
        QCOMPARE(metrics.size(), 3);
        QCOMPARE(metrics.at(0).metric, QStringLiteral("latency"));
        QCOMPARE(metrics.at(0).unit, QStringLiteral("ms"));
        QCOMPARE(metrics.at(0).direction, MetricDirection::LowerIsBetter);
        QCOMPARE(metrics.at(1).metric, QStringLiteral("requests"));
        QCOMPARE(metrics.at(2).metric, QStringLiteral("throughput"));
        QCOMPARE(metrics.at(2).unit, QStringLiteral("tok/s"));

        // Numbers in numeric order, as text the way metric queries compare them.
        const QMap<QString, QStringList> dimensions = dimensionChoices(sampleRows(), QStringLiteral("latency"));
        QCOMPARE(dimensions.keys(), (QStringList{QStringLiteral("batch"), QStringLiteral("model")}));
        QCOMPARE(dimensions.value(QStringLiteral("batch")), (QStringList{QStringLiteral("1"), QStringLiteral("4"), QStringLiteral("32")}));
        QCOMPARE(dimensions.value(QStringLiteral("model")), (QStringList{QStringLiteral("llama"), QStringLiteral("qwen")}));
        QCOMPARE(dimensionChoices(sampleRows(), QStringLiteral("throughput")).value(QStringLiteral("batch")), QStringList{QStringLiteral("1")});
        QVERIFY(dimensionChoices(sampleRows(), QStringLiteral("nope")).isEmpty());
    }

    void everyRunIsJudgedAgainstTheRunsBeforeIt()
    {
        const QList<MetricSeries> series = runSeries(sampleRows());
        QCOMPARE(series.size(), 5);
        const QList<RunFlag> flags = flagRuns(series);
        // Runs 6 and 7 are judged too (5 and 6 runs before them) and stay within the noise.
        QCOMPARE(flags.size(), 2);
        const RunFlag &latency = flags.at(0);
        QCOMPARE(latency.runId, qint64(8));
        QCOMPARE(latency.metric, QStringLiteral("latency"));
        QCOMPARE(latency.group, kLlama1);
        QCOMPARE(latency.verdict, Verdict::Regression);
        QCOMPARE(latency.value, 50.0);
        QCOMPARE(latency.baselineMedian, 40.0);
        QCOMPARE(latency.changePercent, 25.0);
        QCOMPARE(flagText(latency), QStringLiteral("Regression: latency (batch=1, model=llama) +25.0 % vs median 40 ms"));
        const RunFlag &throughput = flags.at(1);
        QCOMPARE(throughput.runId, qint64(8));
        QCOMPARE(throughput.verdict, Verdict::Improvement);
        QCOMPARE(throughput.changePercent, 30.0);
        QCOMPARE(flagText(throughput), QStringLiteral("Improvement: throughput (batch=1, model=llama) +30.0 % vs median 100 tok/s"));

        // A step in the middle is flagged at its own run, against the runs before it only.
        QList<WorkflowMetricRow> middle;
        const double values[] = {10, 10, 10, 10, 10, 10, 14, 14, 14};
        for (qint64 run = 1; run <= 9; ++run)
            middle << row(run, QStringLiteral("t"), values[run - 1], QStringLiteral("s"), MetricDirection::LowerIsBetter, {});
        const QList<RunFlag> stepped = flagRuns(runSeries(middle));
        QCOMPARE(stepped.size(), 3);   // 7, 8 and 9: their baselines' median is still 10
        QCOMPARE(stepped.at(0).runId, qint64(7));
        QCOMPARE(stepped.at(0).changePercent, 40.0);
        QCOMPARE(flagText(stepped.at(0)), QStringLiteral("Regression: t +40.0 % vs median 10 s"));

        // The newest run's flag is the verdict the regressions table shows: one core, one answer.
        const QList<SeriesVerdict> verdicts = detectRegressions(series);
        for (const SeriesVerdict &v : verdicts) {
            const bool flagged = std::any_of(flags.cbegin(), flags.cend(), [&v](const RunFlag &f) {
                return f.metric == v.metric && f.group == v.group && f.runId == v.latest.runId && f.verdict == v.verdict;
            });
            QCOMPARE(flagged, v.verdict == Verdict::Regression || v.verdict == Verdict::Improvement);
        }
    }

    void trendPerRunWithItsFlags()
    {
        const QList<MetricSeries> series = runSeries(sampleRows());
        const QList<RunFlag> flags = flagRuns(series);

        const WorkflowTrend all = workflowTrend(series, flags, QStringLiteral("latency"), {}, {}, {});
        QCOMPARE(all.unit, QStringLiteral("ms"));
        QCOMPARE(all.direction, MetricDirection::LowerIsBetter);
        QCOMPARE(all.series, 3);
        QCOMPARE(all.points.size(), 8);
        QCOMPARE(all.newest, runTime(8));
        const TrendPoint &last = all.points.last();
        QCOMPARE(last.runId, qint64(8));
        QCOMPARE(last.time, runTime(8));
        QCOMPARE(last.headSha, QStringLiteral("sha8"));
        QCOMPARE(last.min, 50.0);
        QCOMPARE(last.max, 70.0);
        QCOMPARE(last.avg, 60.0);
        QCOMPARE(last.series, 3);
        QCOMPARE(last.flags.size(), 1);
        QVERIFY(last.regressed());
        QCOMPARE(all.points.first().avg, (40.0 + 60 + 70) / 3);
        QVERIFY(all.points.first().flags.isEmpty());

        // Filtered to the qwen series: flat, nothing flagged.
        const WorkflowTrend qwen = workflowTrend(series, flags, QStringLiteral("latency"), {{QStringLiteral("model"), QStringLiteral("qwen")}}, {}, {});
        QCOMPARE(qwen.series, 2);
        QCOMPARE(qwen.points.last().avg, 65.0);
        QVERIFY(qwen.points.last().flags.isEmpty());
        // A number dimension matches by its text; one series, its own value.
        const WorkflowTrend one = workflowTrend(series, flags, QStringLiteral("latency"), {{QStringLiteral("batch"), QStringLiteral("1")}}, {}, {});
        QCOMPARE(one.series, 1);
        QCOMPARE(one.points.last().avg, 50.0);
        QCOMPARE(one.points.last().min, 50.0);

        // The time range keeps runs 3 to 7; the newest run is still known, for the empty state.
        const WorkflowTrend range = workflowTrend(series, flags, QStringLiteral("throughput"), {}, runTime(3), runTime(8));
        QCOMPARE(range.points.size(), 5);
        QCOMPARE(range.points.first().runId, qint64(3));
        QCOMPARE(range.points.last().runId, qint64(7));
        QCOMPARE(range.newest, runTime(8));
        const WorkflowTrend none = workflowTrend(series, flags, QStringLiteral("throughput"), {}, runTime(9), {});
        QVERIFY(none.points.isEmpty());
        QCOMPARE(none.newest, runTime(8));
        QCOMPARE(workflowTrend(series, flags, QStringLiteral("latency"), {{QStringLiteral("model"), QStringLiteral("x")}}, {}, {}).series, 0);
    }

    void onlyTheDimensionsThatVaryAreShown()
    {
        const QJsonObject a{{QStringLiteral("gpu"), QStringLiteral("H100")}, {QStringLiteral("model"), QStringLiteral("a")}, {QStringLiteral("tp"), 2}};
        const QJsonObject b{{QStringLiteral("gpu"), QStringLiteral("H100")}, {QStringLiteral("model"), QStringLiteral("b")}, {QStringLiteral("tp"), 2}};
        const QJsonObject c{{QStringLiteral("gpu"), QStringLiteral("H100")}, {QStringLiteral("model"), QStringLiteral("b")}};
        QCOMPARE(varyingDimensions({a, b}), QStringList{QStringLiteral("model")});
        QCOMPARE(varyingDimensions({a, b, c}), (QStringList{QStringLiteral("model"), QStringLiteral("tp")}));   // missing counts as different
        QCOMPARE(varyingDimensions({a}), QStringList());
        QCOMPARE(onlyDimensions(a, {QStringLiteral("model")}), (QJsonObject{{QStringLiteral("model"), QStringLiteral("a")}}));
        QCOMPARE(onlyDimensions(c, {QStringLiteral("tp")}), QJsonObject());

        QList<WorkflowMetricRow> rows;
        for (qint64 run = 1; run <= 3; ++run) {
            rows << row(run, QStringLiteral("latency"), 10, QStringLiteral("ms"), MetricDirection::LowerIsBetter, a);
            rows << row(run, QStringLiteral("latency"), 20, QStringLiteral("ms"), MetricDirection::LowerIsBetter, b);
        }
        WorkflowVerdictsModel model;
        model.setVerdicts(detectRegressions(runSeries(rows)));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, WorkflowVerdictsModel::Dimensions).data().toString(), QStringLiteral("model=a"));
        QCOMPARE(model.index(0, WorkflowVerdictsModel::Dimensions).data(Qt::ToolTipRole).toString(), QStringLiteral("gpu=H100, model=a, tp=2"));
        QCOMPARE(model.index(1, WorkflowVerdictsModel::Dimensions).data().toString(), QStringLiteral("model=b"));
        QCOMPARE(model.index(0, WorkflowVerdictsModel::Metric).data(WorkflowVerdictsModel::ChangedRole).toBool(), false);
        QCOMPARE(model.tableData().rows.at(0).at(1).toString(), QStringLiteral("{\"gpu\":\"H100\",\"model\":\"a\",\"tp\":2}"));

        // One series alone: nothing tells it apart from another.
        model.setVerdicts(detectRegressions(runSeries(rows.mid(0, 1))));
        QCOMPARE(model.index(0, WorkflowVerdictsModel::Dimensions).data().toString(), QStringLiteral("—"));
    }

    void texts()
    {
        QCOMPARE(changeText(25), QStringLiteral("+25.0 %"));
        QCOMPARE(changeText(-4), QStringLiteral("\u22124.0 %"));
        QCOMPARE(changeText(0), QStringLiteral("0.0 %"));
        QCOMPARE(valueText(40.05, QStringLiteral("ms")), QStringLiteral("40.05 ms"));
        QCOMPARE(valueText(9120, QStringLiteral("tok/s")), QStringLiteral("9,120 tok/s"));
        QCOMPARE(valueText(123456.7, QString()), QStringLiteral("123,457"));
        QCOMPARE(valueText(66.5812, QStringLiteral("ms")), QStringLiteral("66.581 ms"));    // five significant digits
        QCOMPARE(valueText(0.00617664, QStringLiteral("s")), QStringLiteral("0.0061766 s"));
    }

    // The trend's query: one line per group at an interval and aggregation, per-run flags on the line of
    // their group only, and the summary table of every series.
    void groupedTrendAndSummaryModel()
    {
        QList<WorkflowMetricRow> rows = sampleRows();
        rows << row(8, QStringLiteral("latency"), 99, QStringLiteral("ms"), MetricDirection::LowerIsBetter, {{QStringLiteral("batch"), 2}});
        const QList<RunFlag> flags = flagRuns(runSeries(rows));

        const GroupedTrend byModel = groupedTrend(rows, QStringLiteral("latency"), {}, {QStringLiteral("model")}, MetricInterval::Run,
                                                  Aggregation::Max, {}, {});
        QCOMPARE(byModel.unit, QStringLiteral("ms"));
        QCOMPARE(byModel.lines.size(), 3);   // rows without a model are a group of their own
        QCOMPARE(byModel.lines.at(0).group, QJsonObject());
        QCOMPARE(byModel.lines.at(1).group, (QJsonObject{{QStringLiteral("model"), QStringLiteral("llama")}}));
        QCOMPARE(byModel.lines.at(1).points.size(), 8);
        QCOMPARE(byModel.lines.at(1).points.last().value, 50.0);
        QCOMPARE(byModel.lines.at(2).points.first().value, 70.0);   // qwen's largest batch
        QCOMPARE(byModel.pointCount(), qsizetype(17));
        QCOMPARE(byModel.newest, runTime(8));
        const QList<LineFlags> placed = flagsOnLines(byModel, flags, {});
        QCOMPARE(placed.size(), 1);   // the llama regression, on llama's line, not on the modelless one
        QCOMPARE(placed.first().line, qsizetype(1));
        QCOMPARE(placed.first().point.runId, qint64(8));
        QVERIFY(placed.first().regressed());
        QVERIFY(flagsOnLines(byModel, flags, {{QStringLiteral("batch"), QStringLiteral("4")}}).isEmpty());

        // One line over every row the filter keeps, per day, counted; the range keeps whole days from its start.
        const GroupedTrend daily = groupedTrend(rows, QStringLiteral("latency"), {{QStringLiteral("model"), QStringLiteral("qwen")}}, {},
                                                MetricInterval::Day, Aggregation::Count, intervalStart(runTime(4), MetricInterval::Day), {});
        QCOMPARE(daily.lines.size(), 1);
        QCOMPARE(daily.lines.first().group, QJsonObject());
        QCOMPARE(daily.lines.first().points.size(), 2);   // Tuesday (runs 3–6) and Wednesday (7, 8)
        QCOMPARE(daily.lines.first().points.at(0).value, 8.0);
        QCOMPARE(daily.lines.first().points.at(1).value, 4.0);
        QCOMPARE(daily.newest, QDateTime(QDate(2026, 11, 4), QTime(0, 0), Qt::UTC));
        const QList<MetricSeries> perDay = intervalSeries(rows, QStringLiteral("latency"), MetricInterval::Day, Aggregation::Avg);
        QCOMPARE(perDay.size(), 4);
        QCOMPARE(perDay.first().points.first().runId, qint64(0));   // an interval is no one run
        QCOMPARE(intervalSeries(rows, QString(), MetricInterval::Week, Aggregation::P50).size(), 6);

        WorkflowSummaryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSummaries(summarizeSeries(runSeries(rows), 5), 5);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.headerData(WorkflowSummaryModel::LookbackMedian, Qt::Horizontal).toString(), QStringLiteral("Median of last 5"));
        int llama = -1;
        int single = -1;
        int throughput = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            const SeriesSummary &summary = model.summary(r);
            if (summary.metric == QLatin1String("latency") && summary.group == kLlama1)
                llama = r;
            if (summary.points == 1)
                single = r;
            if (summary.metric == QLatin1String("throughput"))
                throughput = r;
        }
        QVERIFY(llama >= 0 && single >= 0 && throughput >= 0);
        QCOMPARE(model.index(llama, WorkflowSummaryModel::Latest).data().toString(), QStringLiteral("50 ms"));
        QCOMPARE(model.index(llama, WorkflowSummaryModel::Previous).data().toString(), QStringLiteral("40.2 ms"));
        QCOMPARE(model.index(llama, WorkflowSummaryModel::Change).data().toString(), changeText((50 - 40.2) / 40.2 * 100));
        QCOMPARE(model.index(llama, WorkflowSummaryModel::LookbackMedian).data().toString(), QStringLiteral("40 ms"));   // of runs 3–7
        QCOMPARE(model.index(llama, WorkflowSummaryModel::VsMedian).data().toString(), QStringLiteral("+25.0 %"));
        QCOMPARE(model.index(llama, WorkflowSummaryModel::Change).data(Qt::ForegroundRole).value<QColor>(), QColor(0xd6, 0x27, 0x28));
        QCOMPARE(model.index(throughput, WorkflowSummaryModel::Change).data(Qt::ForegroundRole).value<QColor>(), QColor(0x2c, 0xa0, 0x2c));
        QCOMPARE(model.index(single, WorkflowSummaryModel::Change).data().toString(), SnapshotFormat::unknown());
        QVERIFY(model.index(single, WorkflowSummaryModel::Change).data(WorkflowSummaryModel::SortRole).toDouble() < -1e300);
        QCOMPARE(model.tableData().rows.size(), 6);
        QCOMPARE(model.tableData().columns.size(), 12);
    }

    void runsModel()
    {
        WorkflowRun done = sampleRun(1);
        done.runKey = QStringLiteral("run:9120001");
        done.githubRunId = 9120001;
        done.headSha = QStringLiteral("0123456789abcdef");
        done.headBranch = QStringLiteral("main");
        done.status = RunStatus::Completed;
        done.triggerSource = TriggerSource::Backfill;
        done.filesFound = 4;
        done.filesProcessed = 3;
        done.metricsCount = 12;
        done.workloadStartedAt = runTime(1);
        done.errorMessage = QStringLiteral("notes.md: no table found");
        WorkflowRun failed = sampleRun(2);
        failed.runKey = QStringLiteral("run:nightly-7");
        failed.status = RunStatus::Failed;
        failed.filesFound = 1;
        failed.collectionStartedAt = runTime(2);
        failed.errorMessage = QStringLiteral("bench.json: not JSON");
        WorkflowRun pending = sampleRun(3);
        pending.runKey = QStringLiteral("sha256:1a2b3c4d5e6f7a8b9c0d");
        pending.status = RunStatus::Pending;

        WorkflowRunsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns({done, failed, pending});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(WorkflowRunsModel::ColumnCount));
        auto cell = [&model](int row, int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
        QCOMPARE(cell(0, WorkflowRunsModel::Run).toString(), QStringLiteral("9120001"));
        QCOMPARE(cell(0, WorkflowRunsModel::Branch).toString(), QStringLiteral("main"));
        QCOMPARE(cell(0, WorkflowRunsModel::Commit).toString(), QStringLiteral("0123456"));
        QCOMPARE(cell(0, WorkflowRunsModel::Commit, Qt::ToolTipRole).toString(), QStringLiteral("0123456789abcdef"));
        QCOMPARE(cell(0, WorkflowRunsModel::Status).toString(), QStringLiteral("Completed"));
        QCOMPARE(cell(0, WorkflowRunsModel::Status, Qt::DecorationRole).value<QColor>(), QColor(0x2c, 0xa0, 0x2c));
        QCOMPARE(cell(0, WorkflowRunsModel::Trigger).toString(), QStringLiteral("Backfill"));
        QCOMPARE(cell(0, WorkflowRunsModel::Files).toString(), QStringLiteral("3 / 4"));
        QCOMPARE(cell(0, WorkflowRunsModel::Metrics).toString(), QStringLiteral("12"));
        QCOMPARE(cell(0, WorkflowRunsModel::Started, WorkflowRunsModel::SortRole).toLongLong(), runTime(1).toMSecsSinceEpoch());
        QCOMPARE(cell(0, WorkflowRunsModel::Error).toString(), QStringLiteral("notes.md: no table found"));
        QCOMPARE(cell(1, WorkflowRunsModel::Run).toString(), QStringLiteral("nightly-7"));
        QCOMPARE(cell(1, WorkflowRunsModel::Branch).toString(), QStringLiteral("—"));
        QCOMPARE(cell(1, WorkflowRunsModel::Status).toString(), QStringLiteral("Failed"));
        QCOMPARE(cell(1, WorkflowRunsModel::Status, Qt::DecorationRole).value<QColor>(), QColor(0xd6, 0x27, 0x28));
        QCOMPARE(cell(1, WorkflowRunsModel::Started, WorkflowRunsModel::SortRole).toLongLong(), runTime(2).toMSecsSinceEpoch());
        QCOMPARE(cell(1, WorkflowRunsModel::Error, Qt::ToolTipRole).toString(), QStringLiteral("bench.json: not JSON"));
        QCOMPARE(cell(2, WorkflowRunsModel::Run).toString(), QStringLiteral("sha256:1a2b3c4d5e6f"));
        QCOMPARE(cell(2, WorkflowRunsModel::Status, Qt::DecorationRole).value<QColor>(), QColor(0x1f, 0x77, 0xb4));
        QCOMPARE(cell(2, WorkflowRunsModel::Started).toString(), QStringLiteral("—"));

        // Newest first by start; unknown starts last.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(WorkflowRunsModel::SortRole);
        proxy.sort(WorkflowRunsModel::Started, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, WorkflowRunsModel::Run).data().toString(), QStringLiteral("nightly-7"));
        QCOMPARE(proxy.index(2, WorkflowRunsModel::Run).data().toString(), QStringLiteral("sha256:1a2b3c4d5e6f"));

        // The export has the workflow-runs dataset's columns, typed.
        const TableData table = model.tableData();
        QCOMPARE(table.columns, (QStringList{QStringLiteral("config"), QStringLiteral("github_run_id"), QStringLiteral("head_sha"),
                                             QStringLiteral("head_branch"), QStringLiteral("status"), QStringLiteral("trigger_source"),
                                             QStringLiteral("files_found"), QStringLiteral("files_processed"), QStringLiteral("metrics_count"),
                                             QStringLiteral("workload_started_at"), QStringLiteral("workload_completed_at"),
                                             QStringLiteral("error_message")}));
        QCOMPARE(table.rows.size(), 3);
        QCOMPARE(table.rows.at(0).at(1).toLongLong(), qint64(9120001));
        QCOMPARE(table.rows.at(0).at(4).toString(), QStringLiteral("completed"));
        QCOMPARE(table.rows.at(0).at(5).toString(), QStringLiteral("backfill"));
        QCOMPARE(table.rows.at(0).at(9).toDateTime(), runTime(1));
        QVERIFY(!table.rows.at(1).at(1).isValid());   // no GitHub run id: empty, never 0
        QVERIFY(!table.rows.at(1).at(9).isValid());
        QCOMPARE(table.rows.at(1).at(4).toString(), QStringLiteral("failed"));
    }

    void verdictsModel()
    {
        WorkflowVerdictsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<WorkflowMetricRow> rows = sampleRows();
        rows << row(7, QStringLiteral("new_metric"), 5, QStringLiteral("s"), MetricDirection::LowerIsBetter, kLlama1);
        model.setVerdicts(detectRegressions(runSeries(rows)));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.count(Verdict::Regression), qsizetype(1));
        QCOMPARE(model.count(Verdict::Improvement), qsizetype(1));
        QCOMPARE(model.count(Verdict::Unchanged), qsizetype(2));
        QCOMPARE(model.count(Verdict::TooLittleHistory), qsizetype(1));
        QCOMPARE(model.count(Verdict::NotJudged), qsizetype(1));

        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(WorkflowVerdictsModel::SortRole);
        proxy.sort(WorkflowVerdictsModel::Outcome, Qt::AscendingOrder);
        auto cell = [&proxy](int row, int column, int role = Qt::DisplayRole) { return proxy.index(row, column).data(role); };
        QCOMPARE(cell(0, WorkflowVerdictsModel::Metric).toString(), QStringLiteral("latency"));
        QCOMPARE(cell(0, WorkflowVerdictsModel::Dimensions).toString(), QStringLiteral("batch=1, model=llama"));
        QCOMPARE(cell(0, WorkflowVerdictsModel::Latest).toString(), QStringLiteral("50 ms"));
        QCOMPARE(cell(0, WorkflowVerdictsModel::Baseline).toString(), QStringLiteral("40 ms"));
        QCOMPARE(cell(0, WorkflowVerdictsModel::Change).toString(), QStringLiteral("+25.0 %"));
        QCOMPARE(cell(0, WorkflowVerdictsModel::Better).toString(), QStringLiteral("Lower"));
        QCOMPARE(cell(0, WorkflowVerdictsModel::Outcome).toString(), QStringLiteral("Regression"));
        QCOMPARE(cell(0, WorkflowVerdictsModel::Outcome, Qt::DecorationRole).value<QColor>(), QColor(0xd6, 0x27, 0x28));
        QCOMPARE(cell(0, WorkflowVerdictsModel::Metric, WorkflowVerdictsModel::ChangedRole).toBool(), true);
        QCOMPARE(cell(2, WorkflowVerdictsModel::Metric, WorkflowVerdictsModel::ChangedRole).toBool(), false);
        QVERIFY2(cell(0, WorkflowVerdictsModel::Outcome, Qt::ToolTipRole).toString().contains(QStringLiteral("the 7 run(s) before; changes within 4 ms are not flagged")),
                 qPrintable(cell(0, WorkflowVerdictsModel::Outcome, Qt::ToolTipRole).toString()));
        QCOMPARE(cell(1, WorkflowVerdictsModel::Metric).toString(), QStringLiteral("throughput"));
        QCOMPARE(cell(1, WorkflowVerdictsModel::Change).toString(), QStringLiteral("+30.0 %"));
        QCOMPARE(cell(1, WorkflowVerdictsModel::Better).toString(), QStringLiteral("Higher"));
        QCOMPARE(cell(1, WorkflowVerdictsModel::Outcome, Qt::DecorationRole).value<QColor>(), QColor(0x2c, 0xa0, 0x2c));
        QCOMPARE(cell(4, WorkflowVerdictsModel::Metric).toString(), QStringLiteral("new_metric"));
        QCOMPARE(cell(4, WorkflowVerdictsModel::Outcome).toString(), QStringLiteral("Too little history"));
        QCOMPARE(cell(4, WorkflowVerdictsModel::Baseline).toString(), QStringLiteral("—"));
        QCOMPARE(cell(4, WorkflowVerdictsModel::Change).toString(), QStringLiteral("—"));
        QCOMPARE(cell(5, WorkflowVerdictsModel::Metric).toString(), QStringLiteral("requests"));
        QCOMPARE(cell(5, WorkflowVerdictsModel::Better).toString(), QStringLiteral("Neutral"));
        QCOMPARE(cell(5, WorkflowVerdictsModel::Outcome).toString(), QStringLiteral("Not judged"));

        // The export carries the fields of `fleetscope workflows regressions --format json`.
        const TableData table = model.tableData();
        QCOMPARE(table.columns.first(), QStringLiteral("metric"));
        QCOMPARE(table.columns.size(), 23);
        QCOMPARE(table.columns.at(4), QStringLiteral("method"));
        QCOMPARE(table.columns.at(19), QStringLiteral("p"));
        QCOMPARE(table.columns.last(), QStringLiteral("dollars_per_result"));
        int regression = -1;
        for (int i = 0; i < table.rows.size(); ++i) {
            if (table.rows.at(i).at(5).toString() == QLatin1String("regression"))
                regression = i;
        }
        QVERIFY(regression >= 0);
        const QList<QVariant> &r = table.rows.at(regression);
        QCOMPARE(r.at(1).toString(), QStringLiteral("{\"batch\":1,\"model\":\"llama\"}"));
        QCOMPARE(r.at(2).toString(), QStringLiteral("ms"));
        QCOMPARE(r.at(3).toString(), QStringLiteral("lower"));
        QCOMPARE(r.at(4).toString(), QStringLiteral("mad"));
        QCOMPARE(r.at(6).toDouble(), 50.0);
        QCOMPARE(r.at(7).toDateTime(), runTime(8));
        QCOMPARE(r.at(8).toString(), QStringLiteral("sha8"));
        QCOMPARE(r.at(9).toInt(), 1);
        QCOMPARE(r.at(11).toInt(), 7);
        QCOMPARE(r.at(12).toDouble(), 40.0);
        QCOMPARE(r.at(16).toDouble(), 25.0);
        QVERIFY(!r.at(17).isValid() && !r.at(18).isValid() && !r.at(19).isValid());   // z, U and p: not this method's
        QVERIFY(!r.at(20).isValid());   // not priced

        // Priced runs: throughput per $/hr, a latency in ms as dollars per result, a count as nothing.
        QList<SeriesVerdict> verdicts;
        for (int row = 0; row < model.rowCount(); ++row)
            verdicts << model.verdict(row);
        model.setVerdicts(verdicts, {{8, RunPrice{4.0, QStringLiteral("offer"), runTime(8)}}});
        QStringList perDollar;
        for (int row = 0; row < model.rowCount(); ++row)
            perDollar << QStringLiteral("%1=%2").arg(model.verdict(row).metric, model.index(row, WorkflowVerdictsModel::PerDollar).data().toString());
        QVERIFY2(perDollar.contains(QStringLiteral("throughput=32.5 tok/s per $/hr")), qPrintable(perDollar.join(QLatin1Char(' '))));
        QVERIFY2(perDollar.contains(QStringLiteral("latency=$5.56e-05 per result")), qPrintable(perDollar.join(QLatin1Char(' '))));   // 50 ms at $4/hr
        QVERIFY2(perDollar.contains(QStringLiteral("requests=—")), qPrintable(perDollar.join(QLatin1Char(' '))));
        QVERIFY(model.index(regression, WorkflowVerdictsModel::PerDollar).data(Qt::ToolTipRole).toString().contains(QStringLiteral("$4.00/hr")));
        const TableData priced = model.tableData();
        QCOMPARE(priced.rows.at(regression).at(20).toDouble(), 4.0);
        QVERIFY(std::abs(priced.rows.at(regression).at(22).toDouble() - 0.05 / 3600 * 4) < 1e-12);
    }

    void comparisonModel()
    {
        // Run 1 against run 8 of the sample, plus a metric only run 8 has and one only run 1 has.
        QList<WorkflowMetricRow> rows = sampleRows();
        rows << row(8, QStringLiteral("memory"), 12, QStringLiteral("GB"), MetricDirection::LowerIsBetter, kLlama1);
        rows << row(1, QStringLiteral("warmup"), 3, QStringLiteral("s"), MetricDirection::LowerIsBetter, kLlama1);
        WorkflowComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setComparison(compareRuns(rows, 1, 8), QStringLiteral("101"), QStringLiteral("108"));
        QCOMPARE(model.rowCount(), 7);   // latency ×3, memory, requests, throughput, warmup
        QCOMPARE(model.headerData(WorkflowComparisonModel::A, Qt::Horizontal).toString(), QStringLiteral("A: 101"));
        QCOMPARE(model.headerData(WorkflowComparisonModel::B, Qt::Horizontal).toString(), QStringLiteral("B: 108"));
        const auto cell = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        // Sorted by metric, then dimensions: llama's latency first; only the varying dimensions shown.
        QCOMPARE(cell(0, WorkflowComparisonModel::Metric), QStringLiteral("latency"));
        QCOMPARE(cell(0, WorkflowComparisonModel::Dimensions), QStringLiteral("batch=1, model=llama"));
        QCOMPARE(cell(0, WorkflowComparisonModel::A), QStringLiteral("40 ms"));
        QCOMPARE(cell(0, WorkflowComparisonModel::B), QStringLiteral("50 ms"));
        QCOMPARE(cell(0, WorkflowComparisonModel::Delta), QStringLiteral("+10 ms"));
        QCOMPARE(cell(0, WorkflowComparisonModel::DeltaPercent), QStringLiteral("+25.0 %"));
        QCOMPARE(cell(0, WorkflowComparisonModel::Change), QStringLiteral("Worse"));
        QCOMPARE(model.index(0, WorkflowComparisonModel::Change).data(Qt::DecorationRole).value<QColor>(), QColor(0xd6, 0x27, 0x28));
        QCOMPARE(cell(1, WorkflowComparisonModel::Change), QStringLiteral("Same"));
        QCOMPARE(cell(3, WorkflowComparisonModel::Metric), QStringLiteral("memory"));
        QCOMPARE(cell(3, WorkflowComparisonModel::A), QStringLiteral("—"));
        QCOMPARE(cell(3, WorkflowComparisonModel::Delta), QStringLiteral("—"));
        QCOMPARE(cell(3, WorkflowComparisonModel::Change), QStringLiteral("Only in B"));
        QCOMPARE(cell(4, WorkflowComparisonModel::Change), QStringLiteral("Same"));   // requests: neutral and unchanged
        QCOMPARE(cell(5, WorkflowComparisonModel::Metric), QStringLiteral("throughput"));
        QCOMPARE(cell(5, WorkflowComparisonModel::DeltaPercent), QStringLiteral("+30.0 %"));
        QCOMPARE(cell(5, WorkflowComparisonModel::Change), QStringLiteral("Better"));
        QCOMPARE(cell(6, WorkflowComparisonModel::Change), QStringLiteral("Only in A"));
        QCOMPARE(model.count(RunChange::Better), qsizetype(1));
        QCOMPARE(model.count(RunChange::Worse), qsizetype(1));

        // Sorting: a missing value sorts below every number.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(WorkflowComparisonModel::SortRole);
        proxy.sort(WorkflowComparisonModel::A, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, WorkflowComparisonModel::Metric).data().toString(), QStringLiteral("memory"));
        proxy.sort(WorkflowComparisonModel::DeltaPercent, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, WorkflowComparisonModel::Metric).data().toString(), QStringLiteral("throughput"));

        // The export: the CLI's columns, typed cells, the full dimensions as JSON text.
        const TableData table = model.tableData();
        QCOMPARE(table.columns, (QStringList{QStringLiteral("metric"), QStringLiteral("dimensions"), QStringLiteral("unit"), QStringLiteral("better"),
                                             QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("delta"), QStringLiteral("delta_percent"),
                                             QStringLiteral("change")}));
        QCOMPARE(table.rows.at(0), (QVariantList{QStringLiteral("latency"), QStringLiteral("{\"batch\":1,\"model\":\"llama\"}"), QStringLiteral("ms"),
                                                 QStringLiteral("lower"), 40.0, 50.0, 10.0, 25.0, QStringLiteral("worse")}));
        QVERIFY(!table.rows.at(3).at(4).isValid());
        QCOMPARE(table.rows.at(3).at(8).toString(), QStringLiteral("only-b"));
    }

    void findRunsByName()
    {
        WorkflowRun github;
        github.id = 1;
        github.runKey = QStringLiteral("run:7310553");
        github.githubRunId = 7310553;
        WorkflowRun local;
        local.id = 2;
        local.runKey = QStringLiteral("run:nightly-3");
        const QList<WorkflowRun> runs{github, local};
        QCOMPARE(findRunByName(runs, QStringLiteral("7310553"))->id, qint64(1));
        QCOMPARE(findRunByName(runs, QStringLiteral("run:7310553"))->id, qint64(1));
        QCOMPARE(findRunByName(runs, QStringLiteral(" nightly-3"))->id, qint64(2));   // its label
        QCOMPARE(findRunByName(runs, QStringLiteral("run:nightly-3"))->id, qint64(2));
        QVERIFY(!findRunByName(runs, QStringLiteral("42")));
    }
};

QTEST_GUILESS_MAIN(TestWorkflowsModels)
#include "test_workflowsmodels.moc"
