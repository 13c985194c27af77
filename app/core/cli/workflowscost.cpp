// `fleetscope workflows cost CONFIG`: each series' newest priced run as metric per dollar or dollars per result.
#include "workflowscommand.h"

#include "cli/texttable.h"
#include "workflows/metricquery.h"
#include "workflows/runcost.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace fleetscope {
namespace {

QString costUsage()
{
    return QStringLiteral(
        "Usage: fleetscope workflows cost CONFIG [--format table|json]\n"
        "Each series' newest run with a price: its $/hr when it ran (see workflows configs add --cost-gpu-type or\n"
        "--cost-connection), and the metric per $/hr (higher-is-better metrics) or the dollars one result costs\n"
        "(lower-is-better durations).\n");
}

} // namespace

int workflowsCost(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("table|json"), QStringLiteral("table"));
    parser.addOption(format);
    if (!parser.parse(QStringList{QStringLiteral("cost")} + args))
        return ctx.usage(parser.errorText(), costUsage());
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("workflows cost: give one configuration name"), costUsage());
    int exit = 0;
    const std::optional<bool> json = wantsJson(ctx, parser.value(format), costUsage(), &exit);
    if (!json)
        return exit;
    Result<OpenedConfig> opened = openWorkflowConfig(ctx.line, parser.positionalArguments().first());
    if (!opened)
        return ctx.failure(opened.error().message);
    StoreService &store = *opened->store;
    const WorkflowConfig config = opened->config;
    if (!isPriced(config))
        return ctx.failure(QStringLiteral("workflows cost: '%1' is linked to no GPU type or connection (workflows configs set %1 --cost-gpu-type T)")
                               .arg(config.name));
    struct Read {
        QList<WorkflowMetricRow> rows;
        QHash<qint64, RunPrice> prices;
        QString connection;   // the cost connection's name
    };
    Result<Read> read = store.read<Read>([config](Store &s) -> Result<Read> {
        Result<QList<WorkflowRun>> runs = s.workflowRuns(config.name);
        if (!runs)
            return std::unexpected(runs.error());
        WorkflowMetricFilter filter;
        filter.config = config.name;
        Result<QList<WorkflowMetricRow>> rows = s.workflowMetricRows(filter);
        if (!rows)
            return std::unexpected(rows.error());
        Result<QHash<qint64, RunPrice>> prices = readRunPrices(s, config, *runs);
        if (!prices)
            return std::unexpected(prices.error());
        Result<QList<ConnectionRecord>> connections = s.connections();
        if (!connections)
            return std::unexpected(connections.error());
        QString connection;
        for (const ConnectionRecord &c : std::as_const(*connections)) {
            if (config.costConnectionId && c.id == *config.costConnectionId)
                connection = c.name;
        }
        return Read{*std::move(rows), *std::move(prices), connection};
    }).result();
    if (!read)
        return ctx.failure(read.error().message);

    QJsonArray array;
    QList<QStringList> table{{QStringLiteral("METRIC"), QStringLiteral("DIMENSIONS"), QStringLiteral("RUN AT"), QStringLiteral("VALUE"),
                              QStringLiteral("$/HR"), QStringLiteral("PRICED BY"), QStringLiteral("PER DOLLAR")}};
    for (const MetricSeries &s : aggregateMetrics(read->rows, MetricQuery())) {
        for (auto point = s.points.crbegin(); point != s.points.crend(); ++point) {
            const auto price = read->prices.constFind(point->runId);
            if (price == read->prices.cend())
                continue;
            const CostFigure figure = costFigure(point->value, s.unit, s.direction, price->perHour);
            const QString kind = figure.kind == CostFigure::Kind::PerDollarHour      ? QStringLiteral("per_dollar_hour")
                               : figure.kind == CostFigure::Kind::DollarsPerResult ? QStringLiteral("dollars_per_result")
                                                                                    : QString();
            const QString unit = s.unit.isEmpty() ? QString() : QLatin1Char(' ') + s.unit;
            array.append(QJsonObject{
                {QStringLiteral("metric"), s.metric},
                {QStringLiteral("dimensions"), s.group},
                {QStringLiteral("unit"), s.unit},
                {QStringLiteral("better"), directionName(s.direction)},
                {QStringLiteral("run_at"), point->time.toUTC().toString(Qt::ISODate)},
                {QStringLiteral("value"), point->value},
                {QStringLiteral("price_per_hour"), price->perHour},
                {QStringLiteral("priced_by"), price->source},
                {QStringLiteral("price_observed_at"), price->observedAt.toUTC().toString(Qt::ISODate)},
                {QStringLiteral("per_dollar_hour"), figure.kind == CostFigure::Kind::PerDollarHour ? QJsonValue(figure.value) : QJsonValue()},
                {QStringLiteral("dollars_per_result"), figure.kind == CostFigure::Kind::DollarsPerResult ? QJsonValue(figure.value) : QJsonValue()},
            });
            table << QStringList{s.metric, groupText(s.group), point->time.toUTC().toString(Qt::ISODate), shortestNumber(point->value) + unit,
                                 QStringLiteral("$%1").arg(price->perHour, 0, 'f', 2), price->source,
                                 figure.kind == CostFigure::Kind::PerDollarHour      ? QStringLiteral("%1%2 per $/hr").arg(shortestNumber(figure.value), unit)
                                 : figure.kind == CostFigure::Kind::DollarsPerResult ? QStringLiteral("$%1 per result").arg(figure.value, 0, 'g', 4)
                                                                                      : QStringLiteral("-")};
            break;
        }
    }
    if (*json) {
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    if (!array.isEmpty())
        writeTextTable(table, ctx.out);
    ctx.out << QStringLiteral("%1 series priced; %2 runs with a price (%3)")
                   .arg(array.size())
                   .arg(read->prices.size())
                   .arg(config.costConnectionId ? QStringLiteral("running instances of connection %1").arg(read->connection)
                                                : QStringLiteral("%1 × %2 at the cheapest offer").arg(config.gpuCount).arg(config.gpuType))
            << Qt::endl;
    return ExitOk;
}

} // namespace fleetscope
