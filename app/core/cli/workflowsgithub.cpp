// `fleetscope workflows fetch|backfill|retry`: runs collected from GitHub Actions through the same core the page uses.
#include "workflowscommand.h"

#include "workflows/githubcollector.h"
#include "workflows/githubsession.h"
#include "workflows/githubtoken.h"

#include <QCommandLineParser>

namespace fleetscope {
namespace {

QString githubUsage()
{
    return QStringLiteral(
        "Usage: fleetscope workflows fetch CONFIG [--since T] [--until T] [--limit N] [GITHUB OPTIONS]\n"
        "       fleetscope workflows backfill CONFIG --since T [--until T] [--dry-run] [GITHUB OPTIONS]\n"
        "       fleetscope workflows retry CONFIG (RUN_ID | --all-failed) [GITHUB OPTIONS]\n"
        "GITHUB OPTIONS: --api-url URL (default $GITHUB_API_URL, else https://api.github.com)\n"
        "                --token-env VAR (the token from this environment variable instead of the keychain)\n"
        "fetch collects completed runs not stored yet, newest first; backfill every completed run created in\n"
        "[--since, --until), resuming where an interrupted one stopped; retry collects failed runs again.\n"
        "T: ISO-8601 time, e.g. 2026-11-01T00:00:00Z. Store a token with: fleetscope workflows token set\n");
}

struct GitHubCommandOptions {
    QCommandLineOption apiUrl{QStringLiteral("api-url"), QString(), QStringLiteral("URL")};
    QCommandLineOption tokenEnv{QStringLiteral("token-env"), QString(), QStringLiteral("VAR")};
    QCommandLineOption since{QStringLiteral("since"), QString(), QStringLiteral("T")};
    QCommandLineOption until{QStringLiteral("until"), QString(), QStringLiteral("T")};
    QCommandLineOption limit{QStringLiteral("limit"), QString(), QStringLiteral("N")};
    QCommandLineOption dryRun{QStringLiteral("dry-run")};
    QCommandLineOption allFailed{QStringLiteral("all-failed")};
};

// What every GitHub subcommand sets up: the store, the configuration, and the GitHub clients.
struct GitHubCommand {
    std::unique_ptr<StoreService> service;
    WorkflowConfig config;
    std::unique_ptr<GitHubSession> github;
};

Result<GitHubCommand> openCommand(const CommandContext &ctx, const QCommandLineParser &parser, const GitHubCommandOptions &o,
                                  const QString &configName)
{
    Result<OpenedConfig> opened = openWorkflowConfig(ctx.line, configName);
    if (!opened)
        return std::unexpected(opened.error());
    GitHubSessionOptions options;
    options.apiUrl = parser.value(o.apiUrl);
    options.tokenEnv = parser.value(o.tokenEnv);
    options.notice = [&ctx](const QString &line) { ctx.err << line << Qt::endl; };
    Result<std::unique_ptr<GitHubSession>> github = openGitHubSession(options);
    if (!github)
        return std::unexpected(github.error());
    return GitHubCommand{std::move(opened->store), opened->config, std::move(*github)};
}

QString runLine(const WorkflowRun &run)
{
    QString line = QStringLiteral("run %1: %2, %3 of %4 files read, %5 metric values")
                       .arg(run.label(), runStatusName(run.status))
                       .arg(run.filesProcessed).arg(run.filesFound).arg(run.metricsCount);
    if (!run.errorMessage.isEmpty())
        line += QStringLiteral(" (%1)").arg(run.errorMessage);
    return line;
}

std::optional<QDateTime> timeOption(const QCommandLineParser &parser, const QCommandLineOption &option, QString *problem)
{
    if (!parser.isSet(option))
        return QDateTime();
    const std::optional<QDateTime> parsed = parseCliTime(parser.value(option));
    if (!parsed)
        *problem = QStringLiteral("--%1 '%2' is not an ISO-8601 time").arg(option.names().first(), parser.value(option));
    return parsed;
}

int fetchOrBackfill(const CommandContext &ctx, const QStringList &args, bool backfill)
{
    const QString verb = backfill ? QStringLiteral("backfill") : QStringLiteral("fetch");
    QCommandLineParser parser;
    const GitHubCommandOptions o;
    parser.addOptions({o.apiUrl, o.tokenEnv, o.since, o.until});
    parser.addOption(backfill ? o.dryRun : o.limit);
    if (!parser.parse(QStringList{verb} + args))
        return ctx.usage(parser.errorText(), githubUsage());
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("workflows %1: give one configuration name").arg(verb), githubUsage());
    if (backfill && !parser.isSet(o.since))
        return ctx.usage(QStringLiteral("workflows backfill: --since is required"), githubUsage());
    QString problem;
    const std::optional<QDateTime> since = timeOption(parser, o.since, &problem);
    const std::optional<QDateTime> until = timeOption(parser, o.until, &problem);
    if (!since || !until)
        return ctx.usage(QStringLiteral("workflows %1: %2").arg(verb, problem), githubUsage());
    if (since->isValid() && until->isValid() && *since >= *until)
        return ctx.usage(QStringLiteral("workflows %1: --since must be before --until").arg(verb), githubUsage());
    GitHubFetchOptions options;
    options.since = *since;
    options.until = *until;
    options.trigger = backfill ? TriggerSource::Backfill : TriggerSource::Manual;
    options.stopAtKnownPage = !backfill && !since->isValid();
    if (parser.isSet(o.limit)) {
        bool ok = false;
        options.limit = parser.value(o.limit).toLongLong(&ok);
        if (!ok || options.limit < 1 || options.limit > 100'000)
            return ctx.usage(QStringLiteral("workflows fetch: --limit wants a number from 1 to 100000"), githubUsage());
    }

    Result<GitHubCommand> command = openCommand(ctx, parser, o, parser.positionalArguments().first());
    if (!command)
        return ctx.failure(command.error().message);
    const WorkflowConfig &config = command->config;
    GitHubClient &client = *command->github->client;

    if (backfill && parser.isSet(o.dryRun)) {
        const GitHubRunQuery query{config.githubOwner, config.githubRepo, config.workflowFilter, config.branchFilter, options.since, options.until};
        Result<GitHubClient::RunCount> count = client.countCompletedRuns(query);
        if (!count)
            return ctx.failure(count.error().message);
        ctx.out << QStringLiteral("backfill of '%1' (%2/%3): %4 completed runs; about %5 API calls (%6 to list them, then per run not"
                                  " stored yet one to list its artifacts and one per artifact); dry run, nothing fetched")
                       .arg(config.name, config.githubOwner, config.githubRepo)
                       .arg(count->runs).arg(count->listCalls + 2 * count->runs).arg(count->listCalls)
                << Qt::endl;
        return ExitOk;
    }

    GitHubCollector collector(client, *command->service, config);
    collector.setProgress([&ctx, backfill](qint64 done, qint64 total, const WorkflowRun &run) {
        if (backfill)
            ctx.err << QStringLiteral("[%1/%2] ").arg(done).arg(total) << runLine(run) << Qt::endl;
        else
            ctx.out << runLine(run) << Qt::endl;
    });
    Result<GitHubFetchReport> report = collector.fetch(options);
    if (!report)
        return ctx.failure(report.error().message);
    ctx.out << QStringLiteral("%1: %2 new runs of '%3' (%4 completed, %5 failed, %6 skipped); %7 listed runs were stored already; %8 API calls")
                   .arg(backfill ? QStringLiteral("backfilled") : QStringLiteral("fetched"))
                   .arg(report->collected.size()).arg(config.name)
                   .arg(report->count(RunStatus::Completed)).arg(report->count(RunStatus::Failed)).arg(report->count(RunStatus::Skipped))
                   .arg(report->alreadyStored).arg(report->apiCalls)
            << Qt::endl;
    return ExitOk;
}

} // namespace

int workflowsFetch(const CommandContext &ctx, const QStringList &args)
{
    return fetchOrBackfill(ctx, args, false);
}

int workflowsBackfill(const CommandContext &ctx, const QStringList &args)
{
    return fetchOrBackfill(ctx, args, true);
}

int workflowsToken(const CommandContext &ctx, const QStringList &args)
{
    const QString help = QStringLiteral(
        "Usage: echo TOKEN | fleetscope workflows token set [--api-url URL]\n"
        "       fleetscope workflows token remove [--api-url URL]\n"
        "Keeps the GitHub token for the API host in the keychain (entry github/HOST); fetch, backfill and retry read it there.\n"
        "A fine-grained token with read access to Actions of the repositories is enough.\n");
    QCommandLineParser parser;
    const GitHubCommandOptions o;
    parser.addOption(o.apiUrl);
    if (!parser.parse(QStringList{QStringLiteral("token")} + args))
        return ctx.usage(parser.errorText(), help);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || (positional.first() != QLatin1String("set") && positional.first() != QLatin1String("remove")))
        return ctx.usage(QStringLiteral("workflows token: give set or remove"), help);
    Result<QUrl> apiUrl = gitHubApiUrl(parser.value(o.apiUrl));
    if (!apiUrl)
        return ctx.failure(apiUrl.error().message);
    const Credentials::Entry entry = gitHubTokenEntry(*apiUrl);
    if (positional.first() == QLatin1String("remove")) {
        if (Result<void> removed = Credentials().removeBlocking(entry); !removed)
            return ctx.failure(removed.error().message);
        ctx.out << QStringLiteral("removed %1 from the keychain").arg(entry.subject) << Qt::endl;
        return ExitOk;
    }
    Result<Secret> token = readSecretFromStdin(QStringLiteral("workflows token set"));
    if (!token)
        return ctx.failure(token.error().message);
    if (Result<void> stored = Credentials().storeBlocking(entry, *token); !stored)
        return ctx.failure(stored.error().message);
    ctx.out << QStringLiteral("stored %1 in the keychain").arg(entry.subject) << Qt::endl;
    return ExitOk;
}

int workflowsRetry(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const GitHubCommandOptions o;
    parser.addOptions({o.apiUrl, o.tokenEnv, o.allFailed});
    if (!parser.parse(QStringList{QStringLiteral("retry")} + args))
        return ctx.usage(parser.errorText(), githubUsage());
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() || positional.size() > 2 || (positional.size() == 2) == parser.isSet(o.allFailed))
        return ctx.usage(QStringLiteral("workflows retry: give a configuration and either a run id or --all-failed"), githubUsage());

    Result<GitHubCommand> command = openCommand(ctx, parser, o, positional.first());
    if (!command)
        return ctx.failure(command.error().message);
    const WorkflowConfig &config = command->config;
    const QString name = config.name;
    Result<QList<WorkflowRun>> runs = command->service->read<QList<WorkflowRun>>([name](Store &s) { return s.workflowRuns(name); }).result();
    if (!runs)
        return ctx.failure(runs.error().message);
    QList<WorkflowRun> failed;
    for (const WorkflowRun &run : std::as_const(*runs)) {
        if (positional.size() == 2 && run.label() == positional.at(1)) {
            if (run.status != RunStatus::Failed)
                return ctx.failure(QStringLiteral("%1: run %2 is %3, not failed").arg(name, run.label(), runStatusName(run.status)));
            failed << run;
        } else if (parser.isSet(o.allFailed) && run.status == RunStatus::Failed) {
            failed << run;
        }
    }
    if (positional.size() == 2 && failed.isEmpty())
        return ctx.failure(QStringLiteral("%1: no run %2").arg(name, positional.at(1)));
    if (failed.isEmpty()) {
        ctx.out << QStringLiteral("%1: no failed runs").arg(name) << Qt::endl;
        return ExitOk;
    }
    GitHubCollector collector(*command->github->client, *command->service, config);
    collector.setProgress([&ctx](qint64, qint64, const WorkflowRun &run) { ctx.out << runLine(run) << Qt::endl; });
    Result<QList<WorkflowRun>> retried = collector.retry(failed);
    if (!retried)
        return ctx.failure(retried.error().message);
    const qint64 stillFailed = std::count_if(retried->cbegin(), retried->cend(), [](const WorkflowRun &r) { return r.status == RunStatus::Failed; });
    ctx.out << QStringLiteral("retried %1 runs of '%2': %3 failed again").arg(retried->size()).arg(name).arg(stillFailed) << Qt::endl;
    return ExitOk;
}

} // namespace fleetscope
