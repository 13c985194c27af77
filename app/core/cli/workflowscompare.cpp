// `fleetscope workflows compare CONFIG RUN_A RUN_B`: two runs side by side, per metric series.
#include "workflowscommand.h"

#include "cli/texttable.h"
#include "workflows/metricquery.h"
#include "workflows/runcompare.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace fleetscope {
namespace {

QString compareUsage()
{
    return QStringLiteral(
        "Usage: fleetscope workflows compare CONFIG RUN_A RUN_B [--format table|csv|json]\n"
        "RUN: a GitHub run id, or the run key or label `workflows runs` shows.\n"
        "Per metric series (metric and dimensions): A, B, B − A, (B − A) / |A| in %, and whether B is better or worse\n"
        "by the metric's direction; series in one run only say so.\n");
}

QString number(const std::optional<double> &value)
{
    return value ? shortestNumber(*value) : QStringLiteral("-");
}

} // namespace

int workflowsCompare(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("table|csv|json"), QStringLiteral("table"));
    parser.addOption(format);
    if (!parser.parse(QStringList{QStringLiteral("compare")} + args))
        return ctx.usage(parser.errorText(), compareUsage());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3)
        return ctx.usage(QStringLiteral("workflows compare: give a configuration and two runs"), compareUsage());
    const QString formatName = parser.value(format);
    if (!QStringList{QStringLiteral("table"), QStringLiteral("csv"), QStringLiteral("json")}.contains(formatName))
        return ctx.usage(QStringLiteral("workflows compare: --format must be table, csv or json, not '%1'").arg(formatName), compareUsage());

    Result<OpenedConfig> opened = openWorkflowConfig(ctx.line, positional.first());
    if (!opened)
        return ctx.failure(opened.error().message);
    StoreService &store = *opened->store;
    const WorkflowConfig &config = opened->config;
    const QString name = config.name;
    Result<QList<WorkflowRun>> runs = store.read<QList<WorkflowRun>>([name](Store &s) { return s.workflowRuns(name); }).result();
    if (!runs)
        return ctx.failure(runs.error().message);
    const WorkflowRun *a = findRunByName(*runs, positional.at(1));
    const WorkflowRun *b = findRunByName(*runs, positional.at(2));
    for (const auto &[run, wanted] : {std::pair{a, positional.at(1)}, std::pair{b, positional.at(2)}}) {
        if (!run)
            return ctx.failure(QStringLiteral("workflows compare: '%1' has no run '%2' (see: fleetscope workflows runs --config %1)").arg(name, wanted));
    }
    WorkflowMetricFilter filter;
    filter.config = name;
    Result<QList<WorkflowMetricRow>> rows = store.read<QList<WorkflowMetricRow>>([filter](Store &s) { return s.workflowMetricRows(filter); }).result();
    if (!rows)
        return ctx.failure(rows.error().message);
    const QList<RunComparisonRow> compared = compareRuns(*rows, a->id, b->id);

    if (formatName == QLatin1String("json")) {
        QJsonArray series = tableJson(runComparisonTable(compared));
        for (qsizetype i = 0; i < series.size(); ++i) {   // dimensions as an object here, not the CSV's JSON text
            QJsonObject row = series.at(i).toObject();
            row.insert(QStringLiteral("dimensions"), compared.at(i).group);
            series.replace(i, row);
        }
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("config"), name},
                                             {QStringLiteral("a"), a->label()},
                                             {QStringLiteral("b"), b->label()},
                                             {QStringLiteral("series"), series}})
                       .toJson(QJsonDocument::Indented)
                << Qt::flush;
        return ExitOk;
    }
    if (formatName == QLatin1String("csv")) {
        if (Result<qint64> written = writeCsvText(runComparisonTable(compared), ctx.out); !written)
            return ctx.failure(written.error().message);
        return ExitOk;
    }
    QList<QStringList> table{{QStringLiteral("METRIC"), QStringLiteral("DIMENSIONS"), QStringLiteral("BETTER"), QStringLiteral("A %1").arg(a->label()),
                              QStringLiteral("B %1").arg(b->label()), QStringLiteral("DELTA"), QStringLiteral("DELTA %"), QStringLiteral("CHANGE")}};
    for (const RunComparisonRow &r : compared) {
        const QString unit = r.unit.isEmpty() ? QString() : QLatin1Char(' ') + r.unit;
        table << QStringList{r.metric, groupText(r.group), directionName(r.direction), r.a ? number(r.a) + unit : QStringLiteral("-"),
                             r.b ? number(r.b) + unit : QStringLiteral("-"),
                             r.delta ? QStringLiteral("%1%2").arg(*r.delta > 0 ? QStringLiteral("+") : QString(), number(r.delta)) : QStringLiteral("-"),
                             signedPercentText(r.deltaPercent),
                             runChangeName(r.change)};
    }
    writeTextTable(table, ctx.out);
    qsizetype better = 0;
    qsizetype worse = 0;
    for (const RunComparisonRow &r : compared) {
        better += r.change == RunChange::Better;
        worse += r.change == RunChange::Worse;
    }
    ctx.out << QStringLiteral("%1 series: %2 better, %3 worse in run %4 than in run %5").arg(compared.size()).arg(better).arg(worse).arg(b->label(), a->label())
            << Qt::endl;
    return ExitOk;
}

} // namespace fleetscope
