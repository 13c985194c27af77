// `fleetscope workflows import`, `runs` and `regressions`: the same core functions the Workflows page uses.
#include "workflowscommand.h"

#include "cli/texttable.h"
#include "export/csvwriter.h"
#include "workflows/regression.h"
#include "workflows/runimport.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <variant>

namespace fleetscope {
namespace {

QString importUsage()
{
    return QStringLiteral(
        "Usage: fleetscope workflows import CONFIG PATH... [--run-id ID] [--commit SHA] [--branch B] [--started-at T]\n"
        "       fleetscope workflows import CONFIG --runs-in DIR [--branch B]\n"
        "PATH: result files (read as given) or folders (files matching the configuration's patterns).\n"
        "The files become one run; importing the same run id (or, without one, the same files) again replaces it.\n"
        "T: ISO-8601 time of the run, e.g. 2026-11-23T10:00:00Z (default: now).\n"
        "--runs-in: every folder in DIR is one run, in name order; its name is the run id and its modification\n"
        "time the run's time.\n");
}

QString runsUsage()
{
    return QStringLiteral("Usage: fleetscope workflows runs [--config NAME] [--format table|json]\n");
}

QString regressionsUsage()
{
    return QStringLiteral(
        "Usage: fleetscope workflows regressions CONFIG [--method percent|mad|zscore|mannwhitney] [--metric NAME]...\n"
        "                                       [--window N] [--min-runs N] [--threshold PCT] [--mad-k K] [--z Z]\n"
        "                                       [--k K] [--alpha A] [--all] [--format table|json]\n"
        "Each series' newest run against up to N runs before it (default 30; at least --min-runs, default 5). A regression\n"
        "is a change the bad way of more than PCT % of the baseline median (default 10) that the method finds beyond noise:\n"
        "  mad (default)  and beyond K scaled MADs of the baseline (default 3)\n"
        "  percent        the threshold alone\n"
        "  zscore         and more than Z standard deviations from the baseline mean (default 3)\n"
        "  mannwhitney    the newest K runs (default 5; their median) against the N before them by a one-sided\n"
        "                 Mann-Whitney U test, p below A (default 0.01)\n"
        "--all: every series. Exit 0 whenever the check ran, regressions or not.\n");
}

QString time(const QDateTime &ts)
{
    return ts.isValid() ? csvCell(ts) : QString();
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject runJson(const WorkflowRun &r)
{
    return QJsonObject{
        {QStringLiteral("config"), r.configName},
        {QStringLiteral("run_key"), r.runKey},
        {QStringLiteral("github_run_id"), r.githubRunId ? QJsonValue(*r.githubRunId) : QJsonValue()},
        {QStringLiteral("head_sha"), orNull(r.headSha)},
        {QStringLiteral("head_branch"), orNull(r.headBranch)},
        {QStringLiteral("status"), runStatusName(r.status)},
        {QStringLiteral("trigger_source"), triggerSourceName(r.triggerSource)},
        {QStringLiteral("files_found"), r.filesFound},
        {QStringLiteral("files_processed"), r.filesProcessed},
        {QStringLiteral("metrics_count"), r.metricsCount},
        {QStringLiteral("workload_started_at"), orNull(time(r.workloadStartedAt))},
        {QStringLiteral("collection_completed_at"), orNull(time(r.collectionCompletedAt))},
        {QStringLiteral("error_message"), orNull(r.errorMessage)},
        {QStringLiteral("retry_count"), r.retryCount},
    };
}

// `workflows import CONFIG --runs-in DIR`: every folder in DIR one run, stored as the next is read.
int importRunFolders(const CommandContext &ctx, const QString &configName, const QString &dir, const QString &branch)
{
    const QFileInfo root(dir);
    if (!root.isDir())
        return ctx.failure(QStringLiteral("%1: not a folder").arg(dir));
    const QFileInfoList folders = QDir(dir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    if (folders.isEmpty())
        return ctx.failure(QStringLiteral("%1: no run folders in it").arg(dir));

    Result<OpenedConfig> opened = openWorkflowConfig(ctx.line, configName);
    if (!opened)
        return ctx.failure(opened.error().message);
    const WorkflowConfig &config = opened->config;
    Result<std::optional<MetricSchema>> schema = activeConfirmedSchema(*opened->store, config.name);
    if (!schema)
        return ctx.failure(schema.error().message);
    QList<RunSource> sources;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QFileInfo &folder : folders) {
        RunSource source{{folder.filePath()}, {}};
        source.options.runId = folder.fileName();
        source.options.headBranch = branch;
        source.options.startedAt = QDateTime::fromSecsSinceEpoch(folder.lastModified().toSecsSinceEpoch(), Qt::UTC);
        source.options.collectedAt = now;
        source.options.schema = *schema;
        sources << source;
    }
    QStringList unfinished;
    Result<QList<WorkflowRun>> imported = importRuns(*opened->store, config, sources, [&](const WorkflowRun &run) {
        ctx.out << QStringLiteral("run %1: %2, %3 of %4 files read, %5 metric values")
                       .arg(run.label(), runStatusName(run.status)).arg(run.filesProcessed).arg(run.filesFound).arg(run.metricsCount)
                << Qt::endl;
        if (run.status != RunStatus::Completed)
            unfinished << QStringLiteral("run %1 %2: %3").arg(run.label(), runStatusName(run.status), run.errorMessage);
    });
    if (!imported)
        return ctx.failure(imported.error().message);
    ctx.out << QStringLiteral("%1 runs imported into '%2'").arg(imported->size()).arg(config.name) << Qt::endl;
    if (!unfinished.isEmpty())
        return ctx.failure(QStringLiteral("%1: %2").arg(config.name, unfinished.join(QStringLiteral("; "))));
    return ExitOk;
}

} // namespace

int workflowsImport(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption runId(QStringLiteral("run-id"), QString(), QStringLiteral("ID"));
    const QCommandLineOption commit(QStringLiteral("commit"), QString(), QStringLiteral("SHA"));
    const QCommandLineOption branch(QStringLiteral("branch"), QString(), QStringLiteral("B"));
    const QCommandLineOption startedAt(QStringLiteral("started-at"), QString(), QStringLiteral("T"));
    const QCommandLineOption runsIn(QStringLiteral("runs-in"), QString(), QStringLiteral("DIR"));
    parser.addOptions({runId, commit, branch, startedAt, runsIn});
    if (!parser.parse(QStringList{QStringLiteral("import")} + args))
        return ctx.usage(parser.errorText(), importUsage());
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(runsIn)) {
        if (positional.size() != 1 || parser.isSet(runId) || parser.isSet(commit) || parser.isSet(startedAt))
            return ctx.usage(QStringLiteral("workflows import: --runs-in takes a configuration and no paths, --run-id, --commit or --started-at"), importUsage());
        return importRunFolders(ctx, positional.first(), parser.value(runsIn), parser.value(branch).trimmed());
    }
    if (positional.size() < 2)
        return ctx.usage(QStringLiteral("workflows import: give a configuration and at least one file or folder"), importUsage());
    RunOptions options;
    options.runId = parser.value(runId).trimmed();
    options.headSha = parser.value(commit).trimmed();
    options.headBranch = parser.value(branch).trimmed();
    options.collectedAt = QDateTime::currentDateTimeUtc();
    if (parser.isSet(startedAt)) {
        const std::optional<QDateTime> parsed = parseCliTime(parser.value(startedAt));
        if (!parsed)
            return ctx.usage(QStringLiteral("workflows import: --started-at '%1' is not an ISO-8601 time").arg(parser.value(startedAt)), importUsage());
        options.startedAt = *parsed;
    }

    Result<OpenedConfig> opened = openWorkflowConfig(ctx.line, positional.first());
    if (!opened)
        return ctx.failure(opened.error().message);
    StoreService &store = *opened->store;
    const WorkflowConfig &config = opened->config;
    Result<CollectedFiles> files = collectLocalFiles(positional.mid(1), config.filePatterns, config.maxFileBytes);
    if (!files)
        return ctx.failure(files.error().message);
    Result<std::optional<MetricSchema>> schema = activeConfirmedSchema(store, config.name);
    if (!schema)
        return ctx.failure(schema.error().message);
    options.schema = *schema;
    const BuiltRun built = buildRun(config, *files, options);
    const QString name = config.name;
    Result<QList<WorkflowRun>> earlier = store.read<QList<WorkflowRun>>([name](Store &s) { return s.workflowRuns(name); }).result();
    if (!earlier)
        return ctx.failure(earlier.error().message);
    const bool replaces = std::any_of(earlier->cbegin(), earlier->cend(), [&built](const WorkflowRun &r) { return r.runKey == built.write.run.runKey; });

    WriteBatch batch;
    batch.source = QStringLiteral("workflows import %1").arg(name);
    batch.workflowRuns << built.write;
    if (Result<WriteSummary> written = store.writeBlocking(batch); !written)
        return ctx.failure(written.error().message);

    QList<QStringList> rows{{QStringLiteral("FILE"), QStringLiteral("FORMAT"), QStringLiteral("METRICS"), QStringLiteral("NOTE")}};
    for (const FileOutcome &file : built.files) {
        rows << QStringList{file.path, file.format.isEmpty() ? QStringLiteral("-") : file.format,
                            file.problem.isEmpty() ? QString::number(file.metrics) : QStringLiteral("-"),
                            file.problem.isEmpty() ? file.notes.join(QStringLiteral("; ")) : file.problem};
    }
    if (!built.files.isEmpty())
        writeTextTable(rows, ctx.out);
    const WorkflowRun &run = built.write.run;
    ctx.out << QStringLiteral("run %1 of '%2': %3, %4 of %5 files read, %6 metric values%7")
                   .arg(run.label(), name, runStatusName(run.status))
                   .arg(run.filesProcessed).arg(run.filesFound).arg(run.metricsCount)
                   .arg(replaces ? QStringLiteral(" (replaced the earlier import of this run)") : QString())
            << Qt::endl;
    if (run.status != RunStatus::Completed)
        return ctx.failure(QStringLiteral("%1: run %2 %3: %4").arg(name, run.label(), runStatusName(run.status), run.errorMessage));
    return ExitOk;
}

int workflowsRuns(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption config(QStringLiteral("config"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("table|json"), QStringLiteral("table"));
    parser.addOptions({config, format});
    if (!parser.parse(QStringList{QStringLiteral("runs")} + args))
        return ctx.usage(parser.errorText(), runsUsage());
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("workflows runs: unexpected argument '%1'").arg(parser.positionalArguments().first()), runsUsage());
    int exit = 0;
    const std::optional<bool> json = wantsJson(ctx, parser.value(format), runsUsage(), &exit);
    if (!json)
        return exit;
    Result<std::unique_ptr<StoreService>> service = openService(ctx.line);
    if (!service)
        return ctx.failure(service.error().message);
    const QString name = parser.value(config);
    if (!name.isEmpty()) {
        if (Result<WorkflowConfig> found = findWorkflowConfig(**service, name); !found)
            return ctx.failure(found.error().message);
    }
    Result<QList<WorkflowRun>> runs = (*service)->read<QList<WorkflowRun>>([name](Store &s) { return s.workflowRuns(name); }).result();
    if (!runs)
        return ctx.failure(runs.error().message);
    if (*json) {
        QJsonArray array;
        for (const WorkflowRun &r : std::as_const(*runs))
            array.append(runJson(r));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    if (runs->isEmpty()) {
        ctx.out << QStringLiteral("No workflow runs stored. Import result files with: fleetscope workflows import CONFIG PATH...") << Qt::endl;
        return ExitOk;
    }
    QList<QStringList> rows{{QStringLiteral("CONFIG"), QStringLiteral("RUN"), QStringLiteral("STARTED"), QStringLiteral("STATUS"),
                             QStringLiteral("TRIGGER"), QStringLiteral("FILES"), QStringLiteral("METRICS"), QStringLiteral("COMMIT"),
                             QStringLiteral("BRANCH"), QStringLiteral("ERROR")}};
    for (const WorkflowRun &r : std::as_const(*runs)) {
        rows << QStringList{r.configName, r.label(), time(r.metricTime()), runStatusName(r.status), triggerSourceName(r.triggerSource),
                            QStringLiteral("%1/%2").arg(r.filesProcessed).arg(r.filesFound), QString::number(r.metricsCount),
                            r.headSha.left(7), r.headBranch, r.errorMessage};
    }
    writeTextTable(rows, ctx.out);
    return ExitOk;
}

namespace {

// The test statistic a verdict rests on, for the table: "MAD 1.2", "z 4.1", "U 150 p 0.0004".
QString statisticText(const SeriesVerdict &v)
{
    if (!v.baselineRuns)
        return QStringLiteral("-");
    const auto zText = [](double z) {
        return std::isfinite(z) ? QString::number(z, 'f', 2) : QString::fromUtf8(z > 0 ? "+∞" : "−∞");
    };
    switch (v.method) {
    case RegressionMethod::Percent: return QStringLiteral("-");
    case RegressionMethod::Mad: return QStringLiteral("MAD %1").arg(shortestNumber(v.mad));
    case RegressionMethod::ZScore: return v.z ? QStringLiteral("z %1").arg(zText(*v.z)) : QStringLiteral("-");
    case RegressionMethod::MannWhitney:
        return v.u && v.p ? QStringLiteral("U %1 p %2").arg(shortestNumber(*v.u), QString::number(*v.p, 'g', 2)) : QStringLiteral("-");
    }
    return {};
}

QJsonValue finiteOrNull(const std::optional<double> &value)
{
    return value && std::isfinite(*value) ? QJsonValue(*value) : QJsonValue();
}

QJsonObject verdictJson(const SeriesVerdict &v)
{
    const bool judged = v.baselineRuns > 0;
    return QJsonObject{
        {QStringLiteral("metric"), v.metric},
        {QStringLiteral("dimensions"), v.group},
        {QStringLiteral("unit"), orNull(v.unit)},
        {QStringLiteral("better"), directionName(v.direction)},
        {QStringLiteral("method"), regressionMethodName(v.method)},
        {QStringLiteral("verdict"), verdictName(v.verdict)},
        {QStringLiteral("latest"), v.latest.value},
        {QStringLiteral("latest_at"), time(v.latest.time)},
        {QStringLiteral("head_sha"), orNull(v.latest.headSha)},
        {QStringLiteral("judged_runs"), v.judgedRuns},
        {QStringLiteral("judged_value"), v.judgedValue},
        {QStringLiteral("baseline_runs"), v.baselineRuns},
        {QStringLiteral("baseline_median"), judged ? QJsonValue(v.baselineMedian) : QJsonValue()},
        {QStringLiteral("baseline_mean"), judged ? QJsonValue(v.baselineMean) : QJsonValue()},
        {QStringLiteral("stddev"), judged ? QJsonValue(v.stddev) : QJsonValue()},
        {QStringLiteral("mad"), judged ? QJsonValue(v.mad) : QJsonValue()},
        {QStringLiteral("change_percent"), judged ? QJsonValue(v.changePercent) : QJsonValue()},
        {QStringLiteral("z"), finiteOrNull(v.z)},
        {QStringLiteral("u"), finiteOrNull(v.u)},
        {QStringLiteral("p"), finiteOrNull(v.p)},
    };
}

// The --method and tuning options of `workflows regressions` .
struct RegressionOptions {
    QCommandLineOption method{QStringLiteral("method"), QString(), QStringLiteral("M")};
    QCommandLineOption window{QStringLiteral("window"), QString(), QStringLiteral("N")};
    QCommandLineOption minRuns{QStringLiteral("min-runs"), QString(), QStringLiteral("N")};
    QCommandLineOption threshold{QStringLiteral("threshold"), QString(), QStringLiteral("PCT")};
    QCommandLineOption madK{QStringLiteral("mad-k"), QString(), QStringLiteral("K")};
    QCommandLineOption z{QStringLiteral("z"), QString(), QStringLiteral("Z")};
    QCommandLineOption k{QStringLiteral("k"), QString(), QStringLiteral("K")};
    QCommandLineOption alpha{QStringLiteral("alpha"), QString(), QStringLiteral("A")};

    void addTo(QCommandLineParser &parser) const { parser.addOptions({method, window, minRuns, threshold, madK, z, k, alpha}); }

    // The settings the options ask for; an error text when one is out of range.
    std::variant<RegressionSettings, QString> settings(const QCommandLineParser &parser) const
    {
        RegressionSettings settings;
        if (parser.isSet(method)) {
            const std::optional<RegressionMethod> chosen = parseRegressionMethod(parser.value(method));
            if (!chosen)
                return QStringLiteral("--method '%1' is not one of %2").arg(parser.value(method), regressionMethodNames().join(QStringLiteral(", ")));
            settings.method = *chosen;
        }
        struct NumberOption {
            const QCommandLineOption *option;
            double *target;
            double min;
            double max;
        };
        double windowValue = settings.window;
        double minRunsValue = settings.minBaseline;
        double kValue = settings.recentRuns;
        for (const NumberOption &n : {NumberOption{&window, &windowValue, 1, 10'000}, NumberOption{&minRuns, &minRunsValue, 1, 10'000},
                                      NumberOption{&threshold, &settings.thresholdPercent, 0, 1'000}, NumberOption{&madK, &settings.madK, 0, 100},
                                      NumberOption{&z, &settings.zThreshold, 0, 100}, NumberOption{&k, &kValue, 1, 1'000},
                                      NumberOption{&alpha, &settings.alpha, 0, 1}}) {
            if (!parser.isSet(*n.option))
                continue;
            bool ok = false;
            const double value = parser.value(*n.option).toDouble(&ok);
            if (!ok || !std::isfinite(value) || value < n.min || value > n.max)   // "nan" converts, and compares false
                return QStringLiteral("--%1 wants a number from %2 to %3").arg(n.option->names().first()).arg(n.min).arg(n.max);
            *n.target = value;
        }
        settings.window = int(windowValue);
        settings.minBaseline = int(minRunsValue);
        settings.recentRuns = int(kValue);
        return settings;
    }
};

} // namespace

int workflowsRegressions(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const RegressionOptions options;
    const QCommandLineOption metric(QStringLiteral("metric"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption all(QStringLiteral("all"));
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("table|json"), QStringLiteral("table"));
    options.addTo(parser);
    parser.addOptions({metric, all, format});
    if (!parser.parse(QStringList{QStringLiteral("regressions")} + args))
        return ctx.usage(parser.errorText(), regressionsUsage());
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("workflows regressions: give one configuration name"), regressionsUsage());
    int exit = 0;
    const std::optional<bool> json = wantsJson(ctx, parser.value(format), regressionsUsage(), &exit);
    if (!json)
        return exit;
    const std::variant<RegressionSettings, QString> parsed = options.settings(parser);
    if (const QString *problem = std::get_if<QString>(&parsed))
        return ctx.usage(QStringLiteral("workflows regressions: %1").arg(*problem), regressionsUsage());
    const RegressionSettings settings = std::get<RegressionSettings>(parsed);

    Result<std::unique_ptr<StoreService>> service = openService(ctx.line);
    if (!service)
        return ctx.failure(service.error().message);
    MetricQuery query;
    query.filter.config = parser.positionalArguments().first();
    query.filter.metrics = parser.values(metric);
    const WorkflowMetricFilter filter = query.filter;
    Result<QList<WorkflowMetricRow>> rows = (*service)->read<QList<WorkflowMetricRow>>([filter](Store &s) { return s.workflowMetricRows(filter); }).result();
    if (!rows)
        return ctx.failure(rows.error().message);
    const QList<SeriesVerdict> verdicts = detectRegressions(aggregateMetrics(*rows, query), settings);

    QList<SeriesVerdict> shown;
    qsizetype regressions = 0;
    qsizetype tooLittle = 0;
    for (const SeriesVerdict &v : verdicts) {
        regressions += v.verdict == Verdict::Regression;
        tooLittle += v.verdict == Verdict::TooLittleHistory;
        if (parser.isSet(all) || v.verdict == Verdict::Regression)
            shown << v;
    }
    if (*json) {
        QJsonArray array;
        for (const SeriesVerdict &v : std::as_const(shown))
            array.append(verdictJson(v));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    if (!shown.isEmpty()) {
        const bool several = settings.judgedRuns() > 1;
        QList<QStringList> table{{QStringLiteral("METRIC"), QStringLiteral("DIMENSIONS"), QStringLiteral("BETTER"), QStringLiteral("VERDICT"),
                                  several ? QStringLiteral("LAST %1 (MEDIAN)").arg(settings.judgedRuns()) : QStringLiteral("LATEST"),
                                  QStringLiteral("BASELINE"), QStringLiteral("CHANGE"), QStringLiteral("TEST"), QStringLiteral("RUNS"),
                                  QStringLiteral("AT")}};
        for (const SeriesVerdict &v : std::as_const(shown)) {
            const QString unit = v.unit.isEmpty() ? QString() : QLatin1Char(' ') + v.unit;
            table << QStringList{v.metric, groupText(v.group), directionName(v.direction), verdictName(v.verdict),
                                 shortestNumber(v.judgedValue) + unit, v.baselineRuns ? shortestNumber(v.baselineMedian) + unit : QStringLiteral("-"),
                                 v.baselineRuns ? QStringLiteral("%1%2%").arg(v.changePercent >= 0 ? QStringLiteral("+") : QString()).arg(v.changePercent, 0, 'f', 1)
                                                : QStringLiteral("-"),
                                 statisticText(v), QString::number(v.baselineRuns), time(v.latest.time)};
        }
        writeTextTable(table, ctx.out);
    }
    ctx.out << QStringLiteral("%1 regressions in %2 series by %3 (%4 with too little history)")
                   .arg(regressions).arg(verdicts.size()).arg(regressionMethodName(settings.method)).arg(tooLittle)
            << Qt::endl;
    return ExitOk;
}

} // namespace fleetscope
