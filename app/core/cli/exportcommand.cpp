// The export command: the same dataset queries and writers as the GUI's exports.
#include "exportcommand.h"

#include "export/csvwriter.h"
#include "export/jsonwriter.h"
#include "timeline/timeline.h"

#include <QCommandLineParser>
#include <QFile>

namespace fleetscope {
namespace {

QString exportUsage()
{
    return QStringLiteral("Usage: fleetscope export DATASET --format csv|json [--output FILE] [--since T] [--until T] [--config NAME]\n"
                          "DATASET: %1\nT: ISO-8601 time, e.g. 2026-11-23T00:00:00Z (default: everything)\n"
                          "--config: workflow-runs and workflow-metrics of that workflow configuration only\n")
        .arg((datasetNames() << timelineDataset().name).join(QStringLiteral(", ")));
}

} // namespace

int runExport(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("csv|json"));
    const QCommandLineOption output(QStringLiteral("output"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption since(QStringLiteral("since"), QString(), QStringLiteral("T"));
    const QCommandLineOption until(QStringLiteral("until"), QString(), QStringLiteral("T"));
    const QCommandLineOption config(QStringLiteral("config"), QString(), QStringLiteral("NAME"));
    parser.addOptions({format, output, since, until, config});
    if (!parser.parse(QStringList{QStringLiteral("export")} + args))
        return ctx.usage(parser.errorText(), exportUsage());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return ctx.usage(positional.isEmpty() ? QStringLiteral("export: which dataset?") : QStringLiteral("export: one dataset at a time"), exportUsage());
    // The timeline is computed from several tables, not one query: it is read apart, written alike.
    const bool events = positional.first() == timelineDataset().name;
    const DatasetSpec *dataset = events ? &timelineDataset() : findDataset(positional.first());
    if (!dataset)
        return ctx.usage(QStringLiteral("export: unknown dataset '%1'").arg(positional.first()), exportUsage());
    if (!parser.isSet(format))
        return ctx.usage(QStringLiteral("export: --format csv|json is required"), exportUsage());
    if (parser.isSet(config) && (events || !isConfigDataset(*dataset)))
        return ctx.usage(QStringLiteral("export: --config goes with workflow-runs and workflow-metrics, not %1").arg(dataset->name), exportUsage());
    const QString configName = parser.value(config).trimmed();
    const QString formatName = parser.value(format);
    if (formatName != QLatin1String("csv") && formatName != QLatin1String("json"))
        return ctx.usage(QStringLiteral("export: --format must be csv or json, not '%1'").arg(formatName), exportUsage());
    const ExportFormat exportFormat = formatName == QLatin1String("json") ? ExportFormat::Json : ExportFormat::Csv;
    QDateTime from;
    QDateTime to;
    for (const auto &[option, target] : {std::pair{&since, &from}, std::pair{&until, &to}}) {
        if (!parser.isSet(*option))
            continue;
        const std::optional<QDateTime> parsed = parseCliTime(parser.value(*option));
        if (!parsed)
            return ctx.usage(QStringLiteral("export: --%1 '%2' is not an ISO-8601 time").arg(option->names().first(), parser.value(*option)), exportUsage());
        *target = *parsed;
    }

    Result<std::unique_ptr<StoreService>> service = openService(ctx.line);
    if (!service)
        return ctx.failure(service.error().message);
    const DatasetSpec spec = *dataset;
    Result<TableData> table = (*service)->read<TableData>([spec, events, from, to, configName](Store &store) -> Result<TableData> {
        if (!events)
            return store.dataset(spec, from, to, configName);
        Result<QList<FleetEvent>> timeline = readTimeline(store, from, to);
        if (!timeline)
            return std::unexpected(timeline.error());
        return timelineTable(*timeline);
    }).result();
    if (!table)
        return ctx.failure(table.error().message);

    if (parser.isSet(output)) {
        Result<qint64> rows = writeTableFile(*table, exportFormat, parser.value(output));
        if (!rows)
            return ctx.failure(rows.error().message);
        ctx.err << QStringLiteral("exported %1 rows of %2 to %3").arg(*rows).arg(spec.name, parser.value(output)) << Qt::endl;
        return ExitOk;
    }
    QFile stdoutFile;
    if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
        return ctx.failure(QStringLiteral("cannot write to standard output"));
    ctx.out.flush();
    Result<qint64> rows = exportFormat == ExportFormat::Json ? writeJson(*table, stdoutFile, QStringLiteral("standard output"))
                                                             : writeCsv(*table, stdoutFile, QStringLiteral("standard output"));
    stdoutFile.flush();
    if (!rows)
        return ctx.failure(rows.error().message);
    return ExitOk;
}

} // namespace fleetscope
