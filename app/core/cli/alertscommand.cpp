// The alerts command.
#include "cli/alertscommand.h"

#include "alerts/alertevaluator.h"
#include "cli/texttable.h"
#include "providers/connectionsetup.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fleetscope {
namespace {

QString alertsUsage()
{
    return QStringLiteral(
        "Usage: fleetscope alerts rules list [--json]\n"
        "       fleetscope alerts rules add NAME --kind KIND [--connection NAME] [--severity info|warning|critical]\n"
        "                                  [--set key=value]... [--disabled]\n"
        "       fleetscope alerts rules remove NAME\n"
        "       fleetscope alerts list [--open] [--format table|json]\n"
        "       fleetscope alerts ack ID\n"
        "       fleetscope alerts evaluate\n"
        "Kinds: gpu_idle, burn_rate, balance_runway, connection_failing, endpoint_unhealthy, cheaper_offer, price_below,\n"
        "       budget, budget_forecast.\n");
}

QString time(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QJsonObject alertJson(const AlertRecord &a)
{
    auto timeOrNull = [](const QDateTime &t) { return t.isValid() ? QJsonValue(time(t)) : QJsonValue(); };
    return QJsonObject{{QStringLiteral("id"), a.id},
                       {QStringLiteral("fired_at"), time(a.firedAt)},
                       {QStringLiteral("last_seen_at"), timeOrNull(a.lastSeenAt)},
                       {QStringLiteral("resolved_at"), timeOrNull(a.resolvedAt)},
                       {QStringLiteral("severity"), a.finding.severity},
                       {QStringLiteral("kind"), a.finding.kind},
                       {QStringLiteral("resource"), a.finding.resourceId},
                       {QStringLiteral("message"), a.finding.message},
                       {QStringLiteral("acknowledged"), a.acknowledged}};
}

void printAlerts(const CommandContext &ctx, const QList<AlertRecord> &alerts, bool json)
{
    if (json) {
        QJsonArray array;
        for (const AlertRecord &a : alerts)
            array.append(alertJson(a));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return;
    }
    if (alerts.isEmpty()) {
        ctx.out << "No alerts." << Qt::endl;
        return;
    }
    QList<QStringList> rows{{QStringLiteral("ID"), QStringLiteral("FIRED"), QStringLiteral("STATE"), QStringLiteral("SEVERITY"),
                             QStringLiteral("KIND"), QStringLiteral("MESSAGE")}};
    for (const AlertRecord &a : alerts) {
        const QString state = !a.isOpen() ? QStringLiteral("resolved") : a.acknowledged ? QStringLiteral("acknowledged") : QStringLiteral("open");
        rows << QStringList{QString::number(a.id), time(a.firedAt), state, a.finding.severity, a.finding.kind, a.finding.message};
    }
    writeTextTable(rows, ctx.out);
}

int rulesList(const CommandContext &ctx, StoreService &store, bool json)
{
    Result<QList<AlertRule>> rules = store.read<QList<AlertRule>>([](Store &s) { return s.alertRules(); }).result();
    if (!rules)
        return ctx.failure(rules.error().message);
    Result<QList<ConnectionRecord>> connections = store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result();
    QHash<qint64, QString> names;
    for (const ConnectionRecord &c : connections.value_or(QList<ConnectionRecord>()))
        names.insert(c.id, c.name);
    if (json) {
        QJsonArray array;
        for (const AlertRule &r : std::as_const(*rules))
            array.append(QJsonObject{{QStringLiteral("name"), r.name}, {QStringLiteral("kind"), r.kind},
                                     {QStringLiteral("connection"), r.connectionId ? QJsonValue(names.value(r.connectionId)) : QJsonValue()},
                                     {QStringLiteral("severity"), r.severity}, {QStringLiteral("enabled"), r.enabled},
                                     {QStringLiteral("params"), r.params}});
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    QList<QStringList> rows{{QStringLiteral("NAME"), QStringLiteral("KIND"), QStringLiteral("CONNECTION"), QStringLiteral("SEVERITY"),
                             QStringLiteral("ENABLED"), QStringLiteral("PARAMETERS")}};
    for (const AlertRule &r : std::as_const(*rules))
        rows << QStringList{r.name, r.kind, r.connectionId ? names.value(r.connectionId) : QStringLiteral("all"), r.severity,
                            r.enabled ? QStringLiteral("yes") : QStringLiteral("no"),
                            QString::fromUtf8(QJsonDocument(r.params).toJson(QJsonDocument::Compact))};
    writeTextTable(rows, ctx.out);
    return ExitOk;
}

int rulesAdd(const CommandContext &ctx, StoreService &store, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption kind(QStringLiteral("kind"), QString(), QStringLiteral("KIND"));
    const QCommandLineOption connection(QStringLiteral("connection"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption severity(QStringLiteral("severity"), QString(), QStringLiteral("S"), QStringLiteral("warning"));
    const QCommandLineOption set(QStringLiteral("set"), QString(), QStringLiteral("key=value"));
    const QCommandLineOption disabled(QStringLiteral("disabled"));
    parser.addOptions({kind, connection, severity, set, disabled});
    if (!parser.parse(QStringList{QStringLiteral("add")} + args))
        return ctx.usage(parser.errorText(), alertsUsage());
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("alerts rules add: give one NAME"), alertsUsage());
    AlertRule rule;
    rule.name = parser.positionalArguments().first();
    rule.kind = parser.value(kind);
    rule.severity = parser.value(severity);
    rule.enabled = !parser.isSet(disabled);
    for (const QString &pair : parser.values(set)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return ctx.usage(QStringLiteral("alerts rules add: --set expects key=value, got '%1'").arg(pair), alertsUsage());
        rule.params.insert(pair.left(eq), pair.mid(eq + 1));
    }
    if (parser.isSet(connection)) {
        Result<ConnectionRecord> found = findConnection(store, parser.value(connection));
        if (!found)
            return ctx.failure(found.error().message);
        rule.connectionId = found->id;
    }
    Result<AlertRule> valid = validateAlertRule(rule);
    if (!valid)
        return ctx.failure(valid.error().message);
    WriteBatch batch;
    batch.source = QStringLiteral("alerts rules add %1").arg(rule.name);
    batch.alertRules << *valid;
    if (Result<WriteSummary> written = store.writeBlocking(batch); !written)
        return ctx.failure(written.error().message);
    ctx.out << "alert rule " << rule.name << " saved" << Qt::endl;
    return ExitOk;
}

int evaluateNow(const CommandContext &ctx, StoreService &store)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Result<FleetView> view = store.read<FleetView>([now](Store &s) { return readFleetView(s, now); }).result();
    if (!view)
        return ctx.failure(view.error().message);
    Result<QList<AlertRule>> rules = store.read<QList<AlertRule>>([](Store &s) { return s.alertRules(); }).result();
    if (!rules)
        return ctx.failure(rules.error().message);
    WriteBatch batch;
    batch.source = QStringLiteral("alerts evaluate");
    batch.alertEvaluations << evaluateAlerts(*rules, *view);
    if (Result<WriteSummary> written = store.writeBlocking(batch); !written)
        return ctx.failure(written.error().message);
    Result<QList<AlertRecord>> open = store.read<QList<AlertRecord>>([](Store &s) { return s.alerts(true); }).result();
    if (!open)
        return ctx.failure(open.error().message);
    printAlerts(ctx, *open, false);
    return ExitOk;
}

} // namespace

int runAlerts(const CommandContext &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    const QString subsub = args.value(1);
    const bool rulesCommand = sub == QLatin1String("rules");
    const QStringList known{QStringLiteral("list"), QStringLiteral("ack"), QStringLiteral("evaluate")};
    if (!(rulesCommand && QStringList{QStringLiteral("list"), QStringLiteral("add"), QStringLiteral("remove")}.contains(subsub)) && !known.contains(sub))
        return ctx.usage(args.isEmpty() ? QStringLiteral("alerts: missing subcommand") : QStringLiteral("alerts: unknown subcommand '%1'").arg(args.join(QLatin1Char(' '))),
                         alertsUsage());
    Result<std::unique_ptr<StoreService>> opened = openService(ctx.line);
    if (!opened)
        return ctx.failure(opened.error().message);
    StoreService &store = **opened;
    const QStringList rest = args.mid(rulesCommand ? 2 : 1);

    if (rulesCommand && subsub == QLatin1String("add"))
        return rulesAdd(ctx, store, rest);
    if (rulesCommand && subsub == QLatin1String("remove")) {
        if (rest.size() != 1)
            return ctx.usage(QStringLiteral("alerts rules remove: give one NAME"), alertsUsage());
        WriteBatch batch;
        batch.source = QStringLiteral("alerts rules remove %1").arg(rest.first());
        batch.removedAlertRules << rest.first();
        if (Result<WriteSummary> written = store.writeBlocking(batch); !written)
            return ctx.failure(written.error().message);
        ctx.out << "alert rule " << rest.first() << " removed; its open alerts are resolved" << Qt::endl;
        return ExitOk;
    }
    if (rulesCommand)
        return rest == QStringList{QStringLiteral("--json")} || rest.isEmpty()
            ? rulesList(ctx, store, !rest.isEmpty())
            : ctx.usage(QStringLiteral("alerts rules list: unexpected argument '%1'").arg(rest.first()), alertsUsage());
    if (sub == QLatin1String("ack")) {
        bool ok = false;
        const qint64 id = rest.value(0).toLongLong(&ok);
        if (rest.size() != 1 || !ok)
            return ctx.usage(QStringLiteral("alerts ack: give one alert ID (a number)"), alertsUsage());
        WriteBatch batch;
        batch.source = QStringLiteral("alerts ack %1").arg(id);
        batch.acknowledgedAlerts << id;
        if (Result<WriteSummary> written = store.writeBlocking(batch); !written)
            return ctx.failure(written.error().message);
        ctx.out << "alert " << id << " acknowledged" << Qt::endl;
        return ExitOk;
    }
    if (sub == QLatin1String("evaluate"))
        return rest.isEmpty() ? evaluateNow(ctx, store) : ctx.usage(QStringLiteral("alerts evaluate: unexpected argument '%1'").arg(rest.first()), alertsUsage());

    QCommandLineParser parser;
    const QCommandLineOption open(QStringLiteral("open"));
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("FORMAT"), QStringLiteral("table"));
    parser.addOptions({open, format});
    if (!parser.parse(QStringList{QStringLiteral("list")} + rest))
        return ctx.usage(parser.errorText(), alertsUsage());
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("alerts list: unexpected argument '%1'").arg(parser.positionalArguments().first()), alertsUsage());
    const QString how = parser.value(format);
    if (how != QLatin1String("table") && how != QLatin1String("json"))
        return ctx.usage(QStringLiteral("alerts list: --format must be table or json"), alertsUsage());
    const bool openOnly = parser.isSet(open);
    Result<QList<AlertRecord>> alerts = store.read<QList<AlertRecord>>([openOnly](Store &s) { return s.alerts(openOnly); }).result();
    if (!alerts)
        return ctx.failure(alerts.error().message);
    printAlerts(ctx, *alerts, how == QLatin1String("json"));
    return ExitOk;
}

} // namespace fleetscope
