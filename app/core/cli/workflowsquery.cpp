// `fleetscope workflows query CONFIG`: metric series filtered, grouped, per interval and aggregated, or summarised.
#include "workflowscommand.h"

#include "cli/texttable.h"
#include "workflows/metricquery.h"
#include "workflows/metricsummary.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <variant>

namespace fleetscope {
namespace {

QString queryUsage()
{
    return QStringLiteral(
        "Usage: fleetscope workflows query CONFIG [--metric M]... [--where DIM=VALUE]... [--group-by DIM[,DIM]]\n"
        "                                  [--interval run|hour|day|week] [--agg avg|min|max|p50|p95|count]\n"
        "                                  [--since T] [--until T] [--summary [--lookback N]] [--format table|csv|json]\n"
        "One row per series and point. A series is a metric and the values of the --group-by dimensions (without\n"
        "--group-by every dimension; --group-by '' one series over every row); its values per run or per interval\n"
        "(UTC; weeks start Monday) reduced by --agg (default p50). --where keeps the rows whose dimension has that value.\n"
        "--summary: one row per series instead: the latest point, the one before and the change from it, and the median\n"
        "of the N points before the latest (default 30) and the change from that.\n");
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// TABLE as JSON rows with the dimensions as an object (GROUPS, one a row) and times as ISO text.
QJsonArray jsonRows(const TableData &table, const QList<QJsonObject> &groups)
{
    QJsonArray rows = tableJson(table);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QJsonObject row = rows.at(i).toObject();
        row.insert(QStringLiteral("dimensions"), groups.at(i));
        for (qsizetype c = 0; c < table.columns.size(); ++c) {
            const QVariant &value = table.rows.at(i).at(c);
            if (value.typeId() == QMetaType::QDateTime)
                row.insert(table.columns.at(c), timeText(value.toDateTime()));
        }
        rows.replace(i, row);
    }
    return rows;
}

// TABLE in FORMAT "json" (rows as jsonRows) or "csv" on standard output: the exit status; nullopt for
// the table format, which each caller prints its own way.
std::optional<int> writeMachineReadable(const CommandContext &ctx, const QString &format, const TableData &table, const QList<QJsonObject> &groups)
{
    if (format == QLatin1String("json")) {
        ctx.out << QJsonDocument(jsonRows(table, groups)).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    if (format == QLatin1String("csv")) {
        if (Result<qint64> written = writeCsvText(table, ctx.out); !written)
            return ctx.failure(written.error().message);
        return ExitOk;
    }
    return std::nullopt;
}

struct QueryOptions {
    QCommandLineOption metric{QStringLiteral("metric"), QString(), QStringLiteral("M")};
    QCommandLineOption where{QStringLiteral("where"), QString(), QStringLiteral("DIM=VALUE")};
    QCommandLineOption groupBy{QStringLiteral("group-by"), QString(), QStringLiteral("DIM[,DIM]")};
    QCommandLineOption interval{QStringLiteral("interval"), QString(), QStringLiteral("run|hour|day|week"), QStringLiteral("run")};
    QCommandLineOption agg{QStringLiteral("agg"), QString(), QStringLiteral("avg|min|max|p50|p95|count"), QStringLiteral("p50")};
    QCommandLineOption since{QStringLiteral("since"), QString(), QStringLiteral("T")};
    QCommandLineOption until{QStringLiteral("until"), QString(), QStringLiteral("T")};
    QCommandLineOption summary{QStringLiteral("summary")};
    QCommandLineOption lookback{QStringLiteral("lookback"), QString(), QStringLiteral("N")};
    QCommandLineOption format{QStringLiteral("format"), QString(), QStringLiteral("table|csv|json"), QStringLiteral("table")};

    // The query PARSER asks for, or what is wrong with it.
    std::variant<MetricQuery, QString> query(const QCommandLineParser &parser) const
    {
        MetricQuery q;
        q.filter.config = parser.positionalArguments().first();
        q.filter.metrics = parser.values(metric);
        for (const QString &pair : parser.values(where)) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return QStringLiteral("--where wants DIM=VALUE, not '%1'").arg(pair);
            const QString key = pair.left(eq).trimmed();
            if (q.dimensions.contains(key))
                return QStringLiteral("--where names '%1' twice; a dimension has one value per query").arg(key);
            q.dimensions.insert(key, pair.mid(eq + 1).trimmed());
        }
        if (parser.isSet(groupBy)) {
            QStringList keys;
            for (const QString &key : parser.value(groupBy).split(QLatin1Char(','), Qt::SkipEmptyParts))
                keys << key.trimmed();
            q.groupBy = keys;
        }
        const std::optional<MetricInterval> i = parseMetricInterval(parser.value(interval));
        if (!i)
            return QStringLiteral("--interval must be run, hour, day or week, not '%1'").arg(parser.value(interval));
        q.interval = *i;
        const std::optional<Aggregation> a = parseAggregation(parser.value(agg));
        if (!a)
            return QStringLiteral("--agg must be avg, min, max, p50, p95 or count, not '%1'").arg(parser.value(agg));
        q.aggregation = *a;
        for (const auto &[option, target] : {std::pair{&since, &q.filter.since}, std::pair{&until, &q.filter.until}}) {
            if (!parser.isSet(*option))
                continue;
            const std::optional<QDateTime> parsed = parseCliTime(parser.value(*option));
            if (!parsed)
                return QStringLiteral("--%1 '%2' is not an ISO-8601 time").arg(option->names().first(), parser.value(*option));
            *target = *parsed;
        }
        return q;
    }
};

struct QueryRead {
    QList<WorkflowMetricRow> rows;
    QHash<qint64, QString> runLabels;
};

// The first dimension QUERY names (in --where or --group-by) that no row of ROWS has, with the option naming it.
QString unknownDimension(const QList<WorkflowMetricRow> &rows, const MetricQuery &query)
{
    QSet<QString> known;
    for (const WorkflowMetricRow &row : rows) {
        for (auto it = row.dimensions.constBegin(); it != row.dimensions.constEnd(); ++it)
            known.insert(it.key());
    }
    QStringList sorted(known.cbegin(), known.cend());
    sorted.sort();
    const QString names = sorted.isEmpty() ? QStringLiteral("none") : sorted.join(QStringLiteral(", "));
    for (auto it = query.dimensions.constBegin(); it != query.dimensions.constEnd(); ++it) {
        if (!known.contains(it.key()))
            return QStringLiteral("--where: no row has a dimension '%1' (dimensions: %2)").arg(it.key(), names);
    }
    for (const QString &key : query.groupBy.value_or(QStringList())) {
        if (!known.contains(key))
            return QStringLiteral("--group-by: no row has a dimension '%1' (dimensions: %2)").arg(key, names);
    }
    return {};
}

} // namespace

int workflowsQuery(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QueryOptions o;
    parser.addOptions({o.metric, o.where, o.groupBy, o.interval, o.agg, o.since, o.until, o.summary, o.lookback, o.format});
    if (!parser.parse(QStringList{QStringLiteral("query")} + args))
        return ctx.usage(QStringLiteral("workflows query: %1").arg(parser.errorText()), queryUsage());
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("workflows query: give one configuration name"), queryUsage());
    // A bad value: one line naming the option, as a usage error.
    const auto badValue = [&ctx](const QString &problem) {
        ctx.err << "fleetscope: workflows query: " << problem << Qt::endl;
        return int(ExitUsage);
    };
    const QString formatName = parser.value(o.format);
    if (!QStringList{QStringLiteral("table"), QStringLiteral("csv"), QStringLiteral("json")}.contains(formatName))
        return badValue(QStringLiteral("--format must be table, csv or json, not '%1'").arg(formatName));
    const std::variant<MetricQuery, QString> parsed = o.query(parser);
    if (const QString *problem = std::get_if<QString>(&parsed))
        return badValue(*problem);
    const MetricQuery query = std::get<MetricQuery>(parsed);
    int lookback = 30;
    if (parser.isSet(o.lookback)) {
        bool ok = false;
        lookback = parser.value(o.lookback).toInt(&ok);
        if (!ok || lookback < 1 || lookback > 10'000)
            return badValue(QStringLiteral("--lookback wants a whole number of points from 1 to 10000, not '%1'").arg(parser.value(o.lookback)));
        if (!parser.isSet(o.summary))
            return badValue(QStringLiteral("--lookback goes with --summary"));
    }

    Result<OpenedConfig> opened = openWorkflowConfig(ctx.line, query.filter.config);
    if (!opened)
        return ctx.failure(opened.error().message);
    const WorkflowMetricFilter filter = query.filter;
    Result<QueryRead> read = opened->store->read<QueryRead>([filter](Store &s) -> Result<QueryRead> {
        Result<QList<WorkflowRun>> runs = s.workflowRuns(filter.config);
        if (!runs)
            return std::unexpected(runs.error());
        Result<QList<WorkflowMetricRow>> rows = s.workflowMetricRows(filter);
        if (!rows)
            return std::unexpected(rows.error());
        QueryRead result{*std::move(rows), {}};
        for (const WorkflowRun &run : std::as_const(*runs))
            result.runLabels.insert(run.id, run.label());
        return result;
    }).result();
    if (!read)
        return ctx.failure(read.error().message);
    if (const QString unknown = unknownDimension(read->rows, query); !unknown.isEmpty())
        return badValue(unknown);
    const QList<MetricSeries> series = aggregateMetrics(read->rows, query);
    const QString how = QStringLiteral("per %1, %2").arg(metricIntervalName(query.interval), aggregationName(query.aggregation));

    if (parser.isSet(o.summary)) {
        const QList<SeriesSummary> summaries = summarizeSeries(series, lookback);
        const TableData table = seriesSummaryTable(summaries);
        QList<QJsonObject> groups;
        for (const SeriesSummary &s : summaries)
            groups << s.group;
        if (const std::optional<int> written = writeMachineReadable(ctx, formatName, table, groups))
            return *written;
        QList<QStringList> rows{{QStringLiteral("METRIC"), QStringLiteral("DIMENSIONS"), QStringLiteral("BETTER"), QStringLiteral("LATEST AT"),
                                 QStringLiteral("LATEST"), QStringLiteral("PREVIOUS"), QStringLiteral("CHANGE"),
                                 QStringLiteral("MEDIAN OF %1").arg(lookback), QStringLiteral("VS MEDIAN")}};
        for (const SeriesSummary &s : summaries) {
            const QString unit = s.unit.isEmpty() ? QString() : QLatin1Char(' ') + s.unit;
            rows << QStringList{s.metric, groupText(s.group), directionName(s.direction), timeText(s.latest.time), shortestNumber(s.latest.value) + unit,
                                s.previous ? shortestNumber(s.previous->value) + unit : QStringLiteral("-"), signedPercentText(s.changePercent),
                                s.lookbackMedian ? QStringLiteral("%1 (%2)").arg(shortestNumber(*s.lookbackMedian) + unit).arg(s.lookbackPoints) : QStringLiteral("-"),
                                signedPercentText(s.changeVsMedianPercent)};
        }
        if (!summaries.isEmpty())
            writeTextTable(rows, ctx.out);
        ctx.out << QStringLiteral("%1 series of '%2' %3").arg(summaries.size()).arg(query.filter.config, how) << Qt::endl;
        return ExitOk;
    }

    const TableData table = seriesPointsTable(series, read->runLabels);
    QList<QJsonObject> groups;
    for (const MetricSeries &s : series) {
        for (qsizetype i = 0; i < s.points.size(); ++i)
            groups << s.group;
    }
    if (const std::optional<int> written = writeMachineReadable(ctx, formatName, table, groups))
        return *written;
    QList<QStringList> rows{{QStringLiteral("METRIC"), QStringLiteral("DIMENSIONS"),
                             query.interval == MetricInterval::Run ? QStringLiteral("AT") : QStringLiteral("%1 FROM").arg(metricIntervalName(query.interval).toUpper()),
                             query.interval == MetricInterval::Run ? QStringLiteral("RUN") : QStringLiteral("NEWEST RUN"),
                             aggregationName(query.aggregation).toUpper(), QStringLiteral("VALUES")}};
    for (const MetricSeries &s : series) {
        const QString unit = s.unit.isEmpty() || query.aggregation == Aggregation::Count ? QString() : QLatin1Char(' ') + s.unit;
        for (const SeriesPoint &p : s.points)
            rows << QStringList{s.metric, groupText(s.group), timeText(p.time), read->runLabels.value(p.runId, QStringLiteral("-")),
                                shortestNumber(p.value) + unit, QString::number(p.count)};
    }
    if (table.rows.size() > 0)
        writeTextTable(rows, ctx.out);
    ctx.out << QStringLiteral("%1 series, %2 points of '%3' %4").arg(series.size()).arg(table.rows.size()).arg(query.filter.config, how) << Qt::endl;
    return ExitOk;
}

} // namespace fleetscope
