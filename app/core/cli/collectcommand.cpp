// The collect command: with --once, one cycle of RunPod configured by the seed's environment variables
// with a summary line per collector (a failed cycle stores nothing but the failure on the connection's
// row), then one cycle of every enabled connection in the store (collectonce.h); without, the headless
// collector (collectdaemon.h).
#include "collectcommand.h"

#include "cli/collectdaemon.h"
#include "cli/collectonce.h"
#include "http/localhttp.h"
#include "engine/collectors.h"
#include "providers/connectionsetup.h"
#include "providers/runpod/runpodcollector.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>

namespace fleetscope {
namespace {

constexpr auto kEnvConnection = "runpod-env";

QString collectUsage()
{
    return QStringLiteral("Usage: fleetscope collect [--once] [--alert-webhook URL [--alert-webhook-format json|slack]]\n"
                          "Without --once: collects every enabled connection in the store on its cadence until\n"
                          "SIGTERM or SIGINT, then commits what was collected and exits 0 (the headless collector).\n"
                          "New alerts are logged, and POSTed to --alert-webhook (or FLEETSCOPE_ALERT_WEBHOOK) when given.\n"
                          "With --once: one cycle of the RunPod collectors configured by RUNPOD_API_KEY and, optionally,\n"
                          "RUNPOD_TRANSPORT (graphql or rest), RUNPOD_GRAPHQL_URL, RUNPOD_REST_URL, RUNPOD_SERVERLESS_URL,\n"
                          "RUNPOD_ENABLED, RUNPOD_COLLECTION_INTERVAL_SECONDS, RUNPOD_HEALTH_POLL_SECONDS; then one cycle of\n"
                          "every enabled connection in the store. Exits 1 when any cycle failed.\n");
}

// The connection the environment describes; its secret stays in the environment (secret_env).
Result<ConnectionRecord> environmentConnection(const QProcessEnvironment &env)
{
    QJsonObject settings{{QStringLiteral("secret_env"), QStringLiteral("RUNPOD_API_KEY")}};
    const std::pair<const char *, const char *> keys[] = {
        {"RUNPOD_TRANSPORT", "transport"}, {"RUNPOD_GRAPHQL_URL", "graphql_url"}, {"RUNPOD_REST_URL", "rest_url"}, {"RUNPOD_SERVERLESS_URL", "serverless_url"},
        {"RUNPOD_COLLECTION_INTERVAL_SECONDS", "collection_interval_seconds"}, {"RUNPOD_HEALTH_POLL_SECONDS", "health_poll_seconds"}};
    for (const auto &[variable, key] : keys) {
        const QString value = env.value(QString::fromLatin1(variable));
        if (!value.isEmpty())
            settings.insert(QString::fromLatin1(key), value);
    }
    Result<runpod::Settings> parsed = runpod::Settings::fromJson(settings);
    if (!parsed)
        return fail(ErrorClass::Config, QStringLiteral("environment: %1").arg(parsed.error().message));
    ConnectionRecord connection;
    connection.kind = QStringLiteral("runpod");
    connection.name = QString::fromLatin1(kEnvConnection);
    connection.settings = settings;
    connection.cadenceSeconds = schedulerCadenceSeconds(connection.kind, settings, connection.cadenceSeconds);
    return connection;
}

// One cycle of the RunPod connection ENV describes, stored as kEnvConnection; ExitFailure, its cause on
// stderr, when a variable is bad or the cycle failed.
int collectEnvironmentOnce(const CommandContext &ctx, StoreService &store, const QProcessEnvironment &env)
{
    Result<ConnectionRecord> connection = environmentConnection(env);
    if (!connection)
        return ctx.failure(connection.error().message);

    WriteBatch setup;
    setup.source = QStringLiteral("collect: connection");
    setup.connections << *connection;
    if (Result<WriteSummary> stored = store.writeBlocking(setup); !stored)
        return ctx.failure(stored.error().message);
    Result<ConnectionRecord> found = findConnection(store, QString::fromLatin1(kEnvConnection));
    if (!found)
        return ctx.failure(QStringLiteral("collect: the environment's connection was not stored (%1)").arg(found.error().message));
    const ConnectionRecord stored = *found;

    Result<Secret> key = SecretRef::forConnection(stored).resolveEnvironment();
    if (!key)
        return ctx.failure(key.error().message);
    const runpod::Settings settings = *runpod::Settings::fromJson(stored.settings);
    const Result<runpod::CycleResult> outcome = runWithLocalHttp<runpod::CycleResult>(
        [&settings, &stored, &key](HttpClient &http, QObject *context, std::function<void(Result<runpod::CycleResult>)> done) {
            runpod::runCycle(http, http.clock(), settings, stored.id, *key, true, {}, context, std::move(done));
        });
    key->clear();

    WriteBatch batch;
    if (outcome)
        batch = outcome->batch;
    batch.source = QStringLiteral("%1 collect --once").arg(stored.name);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    batch.statuses << ConnectionStatus{stored.id, now, outcome ? QStringLiteral("ok") : QStringLiteral("failed"),
                                       outcome ? QString() : describe(outcome.error())};
    if (Result<WriteSummary> written = store.writeBlocking(batch); !written)
        return ctx.failure(written.error().message);
    if (!outcome)
        return ctx.failure(QStringLiteral("%1: %2").arg(stored.name, describe(outcome.error())));
    for (const runpod::PartSummary &part : std::as_const(outcome->parts))
        ctx.out << QStringLiteral("%1 %2: %3 rows stored, %4 ms").arg(stored.name, part.name).arg(part.rows).arg(part.ms) << '\n';
    ctx.out << Qt::flush;
    return ExitOk;
}

} // namespace

int runCollect(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption once(QStringLiteral("once"));
    const QCommandLineOption webhookUrl(QStringLiteral("alert-webhook"), QString(), QStringLiteral("URL"));
    const QCommandLineOption webhookFormat(QStringLiteral("alert-webhook-format"), QString(), QStringLiteral("FORMAT"), QStringLiteral("json"));
    parser.addOptions({once, webhookUrl, webhookFormat});
    if (!parser.parse(QStringList{QStringLiteral("collect")} + args))
        return ctx.usage(parser.errorText(), collectUsage());
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("collect: unexpected argument '%1'").arg(parser.positionalArguments().first()), collectUsage());
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const bool runpodDisabled = env.value(QStringLiteral("RUNPOD_ENABLED")).compare(QLatin1String("false"), Qt::CaseInsensitive) == 0;
    const bool runpodKey = !env.value(QStringLiteral("RUNPOD_API_KEY")).isEmpty();
    if (!parser.isSet(once)) {
        std::optional<AlertWebhook> webhook;
        // The URL may also come from the environment, which keeps it out of process listings.
        const QString url = parser.isSet(webhookUrl) ? parser.value(webhookUrl) : env.value(QStringLiteral("FLEETSCOPE_ALERT_WEBHOOK"));
        if (!url.isEmpty()) {
            Result<AlertWebhook> parsed = AlertWebhook::parse(url, parser.value(webhookFormat));
            if (!parsed)
                return ctx.failure(parsed.error().message);
            webhook = *parsed;
        }
        std::optional<ConnectionRecord> fromEnvironment;
        if (runpodKey && !runpodDisabled) {
            Result<ConnectionRecord> connection = environmentConnection(env);
            if (!connection)
                return ctx.failure(connection.error().message);
            fromEnvironment = *connection;
        }
        return runCollectDaemon(ctx, fromEnvironment, webhook);
    }
    Result<std::unique_ptr<StoreService>> opened = openService(ctx.line);
    if (!opened)
        return ctx.failure(opened.error().message);
    StoreService &store = **opened;
    int environmentExit = ExitOk;
    if (runpodDisabled)
        ctx.out << "runpod: disabled by RUNPOD_ENABLED=false; nothing contacted" << Qt::endl;
    else if (!runpodKey)
        ctx.out << "runpod: RUNPOD_API_KEY is not set; nothing contacted" << Qt::endl;
    else
        environmentExit = collectEnvironmentOnce(ctx, store, env);
    // The environment's connection is collected above, or not at all when RUNPOD_ENABLED=false.
    Result<CollectOnceOutcome> stored = collectStoredOnce(ctx, store, QString::fromLatin1(kEnvConnection));
    if (!stored)
        return ctx.failure(stored.error().message);
    return environmentExit != ExitOk || stored->failed > 0 ? ExitFailure : ExitOk;
}

} // namespace fleetscope
