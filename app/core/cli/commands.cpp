// Command dispatch and the `connections` command.
#include "commands.h"

#include "cli/alertscommand.h"
#include "cli/budgetscommand.h"
#include "cli/collectcommand.h"
#include "cli/commandcontext.h"
#include "cli/connectionscommand.h"
#include "cli/exportcommand.h"
#include "cli/gpuscommand.h"
#include "cli/guardrailscommand.h"
#include "cli/podscommand.h"
#include "cli/providerscommand.h"
#include "cli/texttable.h"
#include "cli/scrapecommand.h"
#include "cli/simulatecommand.h"
#include "cli/storecommand.h"
#include "cli/workflowscommand.h"
#include "credentials/secretref.h"
#include "export/csvwriter.h"
#include "logging.h"
#include "providers/catalog.h"
#include "store/storeservice.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <functional>
#include <memory>

namespace fleetscope {
namespace {

QString timestamp(const QDateTime &ts)
{
    return ts.isValid() ? csvCell(ts) : QString();
}

int connectionsList(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"));
    parser.addOption(json);
    const QString help = QStringLiteral("Usage: fleetscope connections list [--json]\n");
    if (!parser.parse(QStringList{QStringLiteral("list")} + args))
        return ctx.usage(parser.errorText(), help);
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("connections list: unexpected argument '%1'").arg(parser.positionalArguments().first()), help);

    Result<std::unique_ptr<StoreService>> service = openService(ctx.line);
    if (!service)
        return ctx.failure(service.error().message);
    Result<QList<ConnectionRecord>> connections =
        (*service)->read<QList<ConnectionRecord>>([](Store &store) { return store.connections(); }).result();
    if (!connections)
        return ctx.failure(connections.error().message);

    // Whether each secret is there; once the keychain does not answer, it is not asked again.
    QStringList secrets;
    bool keychainAnswers = true;
    const Credentials credentials;
    for (const ConnectionRecord &c : *connections) {
        const SecretRef ref = SecretRef::forConnection(c);
        if (!usesSecret(c) && ref.source() == SecretRef::Source::Keychain)
            secrets << QStringLiteral("not needed");
        else if (!keychainAnswers && ref.source() == SecretRef::Source::Keychain)
            secrets << QStringLiteral("unknown");
        else
            secrets << ref.presenceBlocking(credentials);
        keychainAnswers = keychainAnswers && secrets.last() != QLatin1String("unknown");
    }

    if (parser.isSet(json)) {
        QJsonArray array;
        for (qsizetype i = 0; i < connections->size(); ++i) {
            const ConnectionRecord &c = connections->at(i);
            array.append(QJsonObject{
                {QStringLiteral("kind"), c.kind},
                {QStringLiteral("name"), c.name},
                {QStringLiteral("enabled"), c.enabled},
                {QStringLiteral("cadence_seconds"), c.cadenceSeconds},
                {QStringLiteral("last_sync_at"), c.lastSyncAt.isValid() ? QJsonValue(timestamp(c.lastSyncAt)) : QJsonValue()},
                {QStringLiteral("last_success_at"), c.lastSuccessAt.isValid() ? QJsonValue(timestamp(c.lastSuccessAt)) : QJsonValue()},
                {QStringLiteral("last_status"), c.lastStatus.isEmpty() ? QJsonValue() : QJsonValue(c.lastStatus)},
                {QStringLiteral("last_error"), c.lastError.isEmpty() ? QJsonValue() : QJsonValue(c.lastError)},
                {QStringLiteral("secret"), secrets.at(i)},
            });
        }
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    if (connections->isEmpty()) {
        ctx.out << QCoreApplication::translate("cli", "No connections. Add one in the Providers page of the window.") << Qt::endl;
        return ExitOk;
    }
    const QStringList header{QStringLiteral("KIND"), QStringLiteral("NAME"), QStringLiteral("ENABLED"), QStringLiteral("CADENCE"),
                             QStringLiteral("LAST SYNC"), QStringLiteral("STATUS"), QStringLiteral("SECRET"), QStringLiteral("LAST ERROR")};
    QList<QStringList> rows{header};
    for (qsizetype i = 0; i < connections->size(); ++i) {
        const ConnectionRecord &c = connections->at(i);
        rows << QStringList{c.kind, c.name, c.enabled ? QStringLiteral("yes") : QStringLiteral("no"),
                            QString::number(c.cadenceSeconds) + QLatin1Char('s'),
                            c.lastSyncAt.isValid() ? timestamp(c.lastSyncAt) : QStringLiteral("never"),
                            c.lastStatus.isEmpty() ? QStringLiteral("-") : c.lastStatus, secrets.at(i), c.lastError};
    }
    writeTextTable(rows, ctx.out);
    return ExitOk;
}

int connections(const CommandContext &ctx, const QStringList &args)
{
    const QString help = QStringLiteral("Usage: fleetscope connections list [--json] | add KIND --name NAME ... | test NAME | set NAME key=value... | enable NAME | disable NAME\n"
                                        "       | remove NAME [--keep-data | --delete-data]\n");
    if (args.isEmpty())
        return ctx.usage(QStringLiteral("connections: missing subcommand"), help);
    if (args.first() == QLatin1String("list"))
        return connectionsList(ctx, args.mid(1));
    if (args.first() == QLatin1String("add"))
        return connectionsAdd(ctx, args.mid(1));
    if (args.first() == QLatin1String("test"))
        return connectionsTest(ctx, args.mid(1));
    if (args.first() == QLatin1String("set"))
        return connectionsSet(ctx, args.mid(1));
    if (args.first() == QLatin1String("remove"))
        return connectionsRemove(ctx, args.mid(1));
    if (args.first() == QLatin1String("enable") || args.first() == QLatin1String("disable"))
        return connectionsEnable(ctx, args.mid(1), args.first() == QLatin1String("enable"));
    return ctx.usage(QStringLiteral("connections: unknown subcommand '%1'").arg(args.first()), help);
}

} // namespace

int runCommand(const CommandLine &line, QTextStream &out, QTextStream &err)
{
    const CommandContext ctx{line, out, err};
    using Handler = std::function<int(const CommandContext &, const QStringList &)>;
    const QList<std::pair<QString, Handler>> commands{
        {QStringLiteral("connections"), connections},
        {QStringLiteral("alerts"), runAlerts},
        {QStringLiteral("budgets"), runBudgets},
        {QStringLiteral("audit"), runAudit},
        {QStringLiteral("guardrails"), runGuardrails},
        {QStringLiteral("collect"), runCollect},
        {QStringLiteral("export"), runExport},
        {QStringLiteral("gpus"), [](const CommandContext &ctx, const QStringList &args) { return runGpus(args, ctx.out, ctx.err); }},
        {QStringLiteral("pods"), runPods},
        {QStringLiteral("providers"), runProviders},
        {QStringLiteral("scrape"), [](const CommandContext &ctx, const QStringList &args) { return runScrape(args, ctx.out, ctx.err); }},
        {QStringLiteral("simulate"), runSimulate},
        {QStringLiteral("store"), runStore},
        {QStringLiteral("workflows"), runWorkflows},
    };
    for (const auto &[name, handler] : commands) {
        if (line.command == name) {
            qCInfo(lcCli).noquote() << "command" << name;
            return handler(ctx, line.commandArgs);
        }
    }
    return ctx.usage(QStringLiteral("unknown command '%1'").arg(line.command), globalUsage());
}

} // namespace fleetscope
