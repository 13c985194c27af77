// The guardrails and audit commands: policies are validated before anything is written.
#include "cli/guardrailscommand.h"

#include "cli/texttable.h"
#include "guardrails/guardrailplan.h"
#include "providers/connectionsetup.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fleetscope {
namespace {

QString guardrailsUsage()
{
    return QStringLiteral(
        "Usage: fleetscope guardrails show CONNECTION\n"
        "       fleetscope guardrails set CONNECTION [--enable|--disable] [--stop-idle-minutes N] [--idle-util P]\n"
        "                                 [--stop-at-daily-cap|--no-stop-at-daily-cap] [--dry-run|--act]\n"
        "       fleetscope guardrails preview CONNECTION\n"
        "A policy stops (never terminates) pods idle for N minutes under P % GPU util (--enable), and every running\n"
        "pod once a budget covering the connection has spent its daily cap (--stop-at-daily-cap). It is off by\n"
        "default and only previews (dry run, audited as 'would') until --act.\n");
}

QString auditUsage()
{
    return QStringLiteral("Usage: fleetscope audit list [--since T] [--format table|json]\n");
}

QString time(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

void printPolicy(const CommandContext &ctx, const ConnectionRecord &connection, const GuardrailPolicy &p)
{
    writeTextTable({{QStringLiteral("CONNECTION"), QStringLiteral("STOP IDLE"), QStringLiteral("IDLE MINUTES"), QStringLiteral("IDLE UTIL"),
                     QStringLiteral("AT DAILY CAP"), QStringLiteral("MODE"), QStringLiteral("UPDATED")},
                    {connection.name, p.stopIdleEnabled ? QStringLiteral("enabled") : QStringLiteral("off"), QString::number(p.idleMinutes),
                     QStringLiteral("< %1 %").arg(p.idleUtilPercent), p.stopAtDailyCap ? QStringLiteral("stop all") : QStringLiteral("off"),
                     p.dryRun ? QStringLiteral("dry run") : QStringLiteral("acts (stops pods)"),
                     p.updatedAt.isValid() ? time(p.updatedAt) : QStringLiteral("never set")}},
                   ctx.out);
}

int set(const CommandContext &ctx, StoreService &store, const ConnectionRecord &connection, GuardrailPolicy policy, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption enable(QStringLiteral("enable"));
    const QCommandLineOption disable(QStringLiteral("disable"));
    const QCommandLineOption minutes(QStringLiteral("stop-idle-minutes"), QString(), QStringLiteral("N"));
    const QCommandLineOption util(QStringLiteral("idle-util"), QString(), QStringLiteral("P"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"));
    const QCommandLineOption act(QStringLiteral("act"));
    const QCommandLineOption atCap(QStringLiteral("stop-at-daily-cap"));
    const QCommandLineOption notAtCap(QStringLiteral("no-stop-at-daily-cap"));
    parser.addOptions({enable, disable, minutes, util, dryRun, act, atCap, notAtCap});
    if (!parser.parse(QStringList{QStringLiteral("set")} + args))
        return ctx.failure(QStringLiteral("guardrails set: %1").arg(parser.errorText()));
    if (parser.positionalArguments().size() != 1)
        return ctx.failure(QStringLiteral("guardrails set: unexpected argument '%1'").arg(parser.positionalArguments().value(1)));
    if (parser.isSet(enable) && parser.isSet(disable))
        return ctx.failure(QStringLiteral("guardrails set: --enable and --disable contradict each other"));
    if (parser.isSet(dryRun) && parser.isSet(act))
        return ctx.failure(QStringLiteral("guardrails set: --dry-run and --act contradict each other"));
    if (parser.isSet(atCap) && parser.isSet(notAtCap))
        return ctx.failure(QStringLiteral("guardrails set: --stop-at-daily-cap and --no-stop-at-daily-cap contradict each other"));
    if (Result<void> supported = guardrailsSupported(connection.kind); !supported && (parser.isSet(enable) || parser.isSet(atCap)))
        return ctx.failure(supported.error().message);
    if (parser.isSet(minutes)) {
        bool ok = false;
        policy.idleMinutes = parser.value(minutes).toInt(&ok);
        if (!ok)
            return ctx.failure(QStringLiteral("guardrails set: --stop-idle-minutes needs a whole number, got '%1'").arg(parser.value(minutes)));
    }
    if (parser.isSet(util)) {
        bool ok = false;
        policy.idleUtilPercent = parser.value(util).toDouble(&ok);
        if (!ok)
            return ctx.failure(QStringLiteral("guardrails set: --idle-util needs a number, got '%1'").arg(parser.value(util)));
    }
    if (parser.isSet(enable) || parser.isSet(disable))
        policy.stopIdleEnabled = parser.isSet(enable);
    if (parser.isSet(atCap) || parser.isSet(notAtCap))
        policy.stopAtDailyCap = parser.isSet(atCap);
    if (parser.isSet(dryRun) || parser.isSet(act))
        policy.dryRun = parser.isSet(dryRun);
    Result<GuardrailPolicy> valid = validateGuardrailPolicy(policy);
    if (!valid)
        return ctx.failure(valid.error().message);
    WriteBatch batch;
    batch.source = QStringLiteral("guardrails set %1").arg(connection.name);
    batch.guardrailPolicies << *valid;
    if (Result<WriteSummary> written = store.writeBlocking(batch); !written)
        return ctx.failure(written.error().message);
    valid->updatedAt = QDateTime::currentDateTimeUtc();
    printPolicy(ctx, connection, *valid);
    if (valid->acts())
        ctx.out << "This policy STOPS pods of " << connection.name << " after each collection cycle (never terminates them)." << Qt::endl;
    if (valid->stopAtDailyCap) {
        Result<QList<Budget>> budgets = store.read<QList<Budget>>([](Store &s) { return s.budgets(); }).result();
        const auto covering = [&connection](const Budget &b) { return b.dailyCap && budgetCovers(b, connection.id, connection.kind); };
        if (budgets && std::none_of(budgets->cbegin(), budgets->cend(), covering))
            ctx.out << "No budget with a daily cap covers " << connection.name << " yet: add one with `fleetscope budgets add … --daily-cap`." << Qt::endl;
    }
    return ExitOk;
}

int preview(const CommandContext &ctx, StoreService &store, const ConnectionRecord &connection)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 id = connection.id;
    Result<GuardrailPreview> plan = store.read<GuardrailPreview>([id, now](Store &s) { return previewGuardrail(s, id, now); }).result();
    if (!plan)
        return ctx.failure(plan.error().message);
    if (!plan->policy.anyRuleEnabled())
        ctx.out << "The guardrails of " << connection.name << " are off; with their thresholds they would stop:" << Qt::endl;
    if (plan->candidates.isEmpty()) {
        ctx.out << "Nothing to stop: no pod of " << connection.name << " has been idle under " << plan->policy.idleUtilPercent << " % for "
                << plan->policy.idleMinutes << " min, and no budget covering it has reached its daily cap." << Qt::endl;
        return ExitOk;
    }
    QList<QStringList> rows{{QStringLiteral("POD"), QStringLiteral("NAME"), QStringLiteral("GPU"), QStringLiteral("RULE"), QStringLiteral("WHY")}};
    for (const GuardrailCandidate &c : std::as_const(plan->candidates))
        rows << QStringList{c.pod.instanceId, c.pod.name, c.pod.gpuType, c.rule, c.reason};
    writeTextTable(rows, ctx.out);
    ctx.out << "Preview only: nothing was stopped." << Qt::endl;
    return ExitOk;
}

} // namespace

int runGuardrails(const CommandContext &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    if (!QStringList{QStringLiteral("show"), QStringLiteral("set"), QStringLiteral("preview")}.contains(sub))
        return ctx.usage(sub.isEmpty() ? QStringLiteral("guardrails: missing subcommand") : QStringLiteral("guardrails: unknown subcommand '%1'").arg(sub),
                         guardrailsUsage());
    if (args.size() < 2 || args.at(1).startsWith(QLatin1String("--")))
        return ctx.failure(QStringLiteral("guardrails %1: give a CONNECTION name").arg(sub));
    if (sub != QLatin1String("set") && args.size() > 2)
        return ctx.failure(QStringLiteral("guardrails %1: unexpected argument '%2'").arg(sub, args.at(2)));
    Result<std::unique_ptr<StoreService>> opened = openService(ctx.line);
    if (!opened)
        return ctx.failure(opened.error().message);
    StoreService &store = **opened;
    Result<ConnectionRecord> connection = findConnection(store, args.at(1));
    if (!connection)
        return ctx.failure(connection.error().message);
    if (sub == QLatin1String("preview"))
        return preview(ctx, store, *connection);
    Result<QList<GuardrailPolicy>> policies = store.read<QList<GuardrailPolicy>>([](Store &s) { return s.guardrailPolicies(); }).result();
    if (!policies)
        return ctx.failure(policies.error().message);
    const GuardrailPolicy policy = policyFor(*policies, connection->id);
    if (sub == QLatin1String("set"))
        return set(ctx, store, *connection, policy, args.mid(1));
    printPolicy(ctx, *connection, policy);
    if (Result<void> supported = guardrailsSupported(connection->kind); !supported)
        ctx.out << supported.error().message << Qt::endl;
    return ExitOk;
}

int runAudit(const CommandContext &ctx, const QStringList &args)
{
    if (args.value(0) != QLatin1String("list"))
        return ctx.usage(args.isEmpty() ? QStringLiteral("audit: missing subcommand") : QStringLiteral("audit: unknown subcommand '%1'").arg(args.first()),
                         auditUsage());
    QCommandLineParser parser;
    const QCommandLineOption since(QStringLiteral("since"), QString(), QStringLiteral("T"));
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("FORMAT"), QStringLiteral("table"));
    parser.addOptions({since, format});
    if (!parser.parse(args))
        return ctx.failure(QStringLiteral("audit list: %1").arg(parser.errorText()));
    if (!parser.positionalArguments().isEmpty())   // "list" is the parser's program name
        return ctx.failure(QStringLiteral("audit list: unexpected argument '%1'").arg(parser.positionalArguments().first()));
    const QString how = parser.value(format);
    if (how != QLatin1String("table") && how != QLatin1String("json"))
        return ctx.failure(QStringLiteral("audit list: --format must be table or json, got '%1'").arg(how));
    QDateTime from;
    if (parser.isSet(since)) {
        const std::optional<QDateTime> parsed = parseCliTime(parser.value(since));
        if (!parsed)
            return ctx.failure(QStringLiteral("audit list: --since needs an ISO-8601 time, got '%1'").arg(parser.value(since)));
        from = *parsed;
    }
    Result<std::unique_ptr<StoreService>> opened = openService(ctx.line);
    if (!opened)
        return ctx.failure(opened.error().message);
    StoreService &store = **opened;
    Result<QList<AuditEntry>> entries = store.read<QList<AuditEntry>>([from](Store &s) { return s.auditLog(from, QDateTime()); }).result();
    if (!entries)
        return ctx.failure(entries.error().message);
    Result<QList<ConnectionRecord>> connections = store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result();
    QHash<qint64, QString> names;
    for (const ConnectionRecord &c : connections.value_or(QList<ConnectionRecord>()))
        names.insert(c.id, c.name);
    if (how == QLatin1String("json")) {
        QJsonArray array;
        for (const AuditEntry &e : std::as_const(*entries))
            array.append(QJsonObject{{QStringLiteral("id"), e.id}, {QStringLiteral("at"), time(e.at)}, {QStringLiteral("actor"), e.actor},
                                     {QStringLiteral("connection"), e.connectionId ? QJsonValue(names.value(e.connectionId)) : QJsonValue()},
                                     {QStringLiteral("resource"), e.resourceId}, {QStringLiteral("action"), e.action},
                                     {QStringLiteral("dry_run"), e.dryRun}, {QStringLiteral("outcome"), e.outcome},
                                     {QStringLiteral("message"), e.message},
                                     {QStringLiteral("rule"), e.rule.isEmpty() ? QJsonValue() : QJsonValue(e.rule)}});
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    if (entries->isEmpty()) {
        ctx.out << "No audited actions." << Qt::endl;
        return ExitOk;
    }
    QList<QStringList> rows{{QStringLiteral("AT"), QStringLiteral("ACTOR"), QStringLiteral("CONNECTION"), QStringLiteral("RESOURCE"),
                             QStringLiteral("ACTION"), QStringLiteral("OUTCOME"), QStringLiteral("MESSAGE")}};
    for (const AuditEntry &e : std::as_const(*entries))
        rows << QStringList{time(e.at), e.actor, names.value(e.connectionId, e.connectionId ? QString::number(e.connectionId) : QStringLiteral("-")),
                            e.resourceId, e.action, e.outcome, e.message};
    writeTextTable(rows, ctx.out);
    return ExitOk;
}

} // namespace fleetscope
