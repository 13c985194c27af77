// `fleetscope workflows configs list|add|set|remove`, and the dispatch of `workflows`.
#include "workflowscommand.h"

#include "cli/texttable.h"
#include "providers/connectionsetup.h"
#include "workflows/arcbinding.h"
#include "workflows/configcheck.h"
#include "workflows/resultfiles.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace fleetscope {
namespace {

QString configsUsage()
{
    return QStringLiteral(
        "Usage: fleetscope workflows configs list [--format table|json]\n"
        "       fleetscope workflows configs add NAME --repo OWNER/REPO|URL [--workflow FILE] [--branch B] [--pattern GLOB]...\n"
        "                                        [--max-file-mb N] [--description TEXT] [--disabled]\n"
        "                                        [--cost-gpu-type T [--gpu-count N] | --cost-connection NAME]\n"
        "                                        [--runner-set NAMESPACE/NAME --cluster CONNECTION]\n"
        "       fleetscope workflows configs set NAME [the options of add] [--no-patterns] [--no-cost] [--no-runner-set]\n"
        "                                        [--enable | --disable]\n"
        "       fleetscope workflows configs remove NAME        (deletes its runs and metrics too)\n"
        "OWNER/REPO|URL: acme/llm or https://github.com/acme/llm.\n"
        "GLOB: a path pattern such as bench/**/*.json; without patterns every .json, .csv, .md and .xml file is read.\n"
        "Cost per result (workflows cost): each run priced at the cheapest stored offer of GPU type T (times N GPUs,\n"
        "default 1) nearest the run, or at the running instances of connection NAME in the snapshot nearest the run.\n"
        "ARC binding (workflows arc): the runs whose jobs the EphemeralRunners of AutoscalingRunnerSet NAMESPACE/NAME ran,\n"
        "listed from Kubernetes connection CONNECTION, are recorded for the GitHub fetch to collect.\n");
}

struct ConfigOptions {
    QCommandLineOption repo{QStringLiteral("repo"), QString(), QStringLiteral("OWNER/REPO")};
    QCommandLineOption workflow{QStringLiteral("workflow"), QString(), QStringLiteral("FILE")};
    QCommandLineOption branch{QStringLiteral("branch"), QString(), QStringLiteral("B")};
    QCommandLineOption pattern{QStringLiteral("pattern"), QString(), QStringLiteral("GLOB")};
    QCommandLineOption noPatterns{QStringLiteral("no-patterns")};
    QCommandLineOption maxFileMb{QStringLiteral("max-file-mb"), QString(), QStringLiteral("N")};
    QCommandLineOption description{QStringLiteral("description"), QString(), QStringLiteral("TEXT")};
    QCommandLineOption disabled{QStringLiteral("disabled")};
    QCommandLineOption enable{QStringLiteral("enable")};
    QCommandLineOption disable{QStringLiteral("disable")};
    QCommandLineOption costGpuType{QStringLiteral("cost-gpu-type"), QString(), QStringLiteral("T")};
    QCommandLineOption costConnection{QStringLiteral("cost-connection"), QString(), QStringLiteral("NAME")};
    QCommandLineOption gpuCount{QStringLiteral("gpu-count"), QString(), QStringLiteral("N")};
    QCommandLineOption noCost{QStringLiteral("no-cost")};
    QCommandLineOption runnerSet{QStringLiteral("runner-set"), QString(), QStringLiteral("NAMESPACE/NAME")};
    QCommandLineOption cluster{QStringLiteral("cluster"), QString(), QStringLiteral("CONNECTION")};
    QCommandLineOption noRunnerSet{QStringLiteral("no-runner-set")};
};

// Applies the options PARSER saw to CONFIG; a usage problem as text.
std::optional<QString> applyOptions(const QCommandLineParser &parser, const ConfigOptions &o, WorkflowConfig &config)
{
    if (parser.isSet(o.repo)) {
        const Result<GitHubRepoName> repo = parseGitHubRepo(parser.value(o.repo), QStringLiteral("--repo"));
        if (!repo)
            return repo.error().message;
        config.githubOwner = repo->owner;
        config.githubRepo = repo->repo;
    }
    if (parser.isSet(o.workflow))
        config.workflowFilter = parser.value(o.workflow).trimmed();
    if (parser.isSet(o.branch))
        config.branchFilter = parser.value(o.branch).trimmed();
    if (parser.isSet(o.noPatterns) && parser.isSet(o.pattern))
        return QStringLiteral("--pattern or --no-patterns, not both");
    if (parser.isSet(o.noPatterns))
        config.filePatterns.clear();
    if (parser.isSet(o.pattern))
        config.filePatterns = parser.values(o.pattern);
    if (parser.isSet(o.maxFileMb)) {
        const Result<qint64> bytes = parseMaxFileMb(parser.value(o.maxFileMb), QStringLiteral("--max-file-mb"));
        if (!bytes)
            return bytes.error().message;
        config.maxFileBytes = *bytes;
    }
    if (parser.isSet(o.description))
        config.description = parser.value(o.description);
    if (parser.isSet(o.enable) && (parser.isSet(o.disable) || parser.isSet(o.disabled)))
        return QStringLiteral("--enable or --disable, not both");
    if (parser.isSet(o.disable) || parser.isSet(o.disabled))
        config.enabled = false;
    if (parser.isSet(o.enable))
        config.enabled = true;
    if (int(parser.isSet(o.costGpuType)) + int(parser.isSet(o.costConnection)) + int(parser.isSet(o.noCost)) > 1)
        return QStringLiteral("one of --cost-gpu-type, --cost-connection and --no-cost");
    if (parser.isSet(o.costGpuType)) {
        const Result<QString> gpuType = parseCostGpuType(parser.value(o.costGpuType), QStringLiteral("--cost-gpu-type"));
        if (!gpuType)
            return gpuType.error().message;
        config.gpuType = *gpuType;
        config.costConnectionId.reset();
    }
    if (parser.isSet(o.noCost)) {
        config.gpuType.clear();
        config.costConnectionId.reset();
        config.gpuCount = 1;
    }
    if (parser.isSet(o.gpuCount)) {
        const Result<qint64> count = parseCostGpuCount(parser.value(o.gpuCount), QStringLiteral("--gpu-count"));
        if (!count)
            return count.error().message;
        config.gpuCount = *count;
    }
    if (parser.isSet(o.noRunnerSet) && (parser.isSet(o.runnerSet) || parser.isSet(o.cluster)))
        return QStringLiteral("--no-runner-set or --runner-set/--cluster, not both");
    if (parser.isSet(o.noRunnerSet)) {
        config.runnerSetNamespace.clear();
        config.runnerSetName.clear();
        config.clusterConnectionId.reset();
    }
    if (parser.isSet(o.runnerSet)) {
        const QString value = parser.value(o.runnerSet).trimmed();
        const QString ns = value.section(QLatin1Char('/'), 0, 0);
        const QString name = value.section(QLatin1Char('/'), 1);
        if (!isKubernetesNamespace(ns) || !isKubernetesName(name))
            return QStringLiteral("--runner-set wants NAMESPACE/NAME of an AutoscalingRunnerSet (lowercase Kubernetes names), got '%1'").arg(value);
        config.runnerSetNamespace = ns;
        config.runnerSetName = name;
    }
    return std::nullopt;
}

Result<void> writeConfig(StoreService &store, const WorkflowConfig &config)
{
    WriteBatch batch;
    batch.source = QStringLiteral("workflow configuration %1").arg(config.name);
    batch.workflowConfigs << config;
    Result<WriteSummary> written = store.writeBlocking(batch);
    return written ? Result<void>() : std::unexpected(written.error());
}

int configsList(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("table|json"), QStringLiteral("table"));
    parser.addOption(format);
    if (!parser.parse(QStringList{QStringLiteral("list")} + args) || !parser.positionalArguments().isEmpty())
        return ctx.usage(parser.errorText().isEmpty() ? QStringLiteral("workflows configs list: no arguments") : parser.errorText(), configsUsage());
    int exit = 0;
    const std::optional<bool> json = wantsJson(ctx, parser.value(format), configsUsage(), &exit);
    if (!json)
        return exit;
    Result<std::unique_ptr<StoreService>> service = openService(ctx.line);
    if (!service)
        return ctx.failure(service.error().message);
    Result<QList<WorkflowConfig>> configs = (*service)->read<QList<WorkflowConfig>>([](Store &s) { return s.workflowConfigs(); }).result();
    if (!configs)
        return ctx.failure(configs.error().message);
    if (*json) {
        QJsonArray array;
        for (const WorkflowConfig &c : std::as_const(*configs)) {
            array.append(QJsonObject{
                {QStringLiteral("name"), c.name},
                {QStringLiteral("description"), c.description},
                {QStringLiteral("github_owner"), c.githubOwner},
                {QStringLiteral("github_repo"), c.githubRepo},
                {QStringLiteral("workflow_filter"), c.workflowFilter},
                {QStringLiteral("branch_filter"), c.branchFilter},
                {QStringLiteral("file_patterns"), QJsonArray::fromStringList(c.filePatterns)},
                {QStringLiteral("max_file_bytes"), c.maxFileBytes},
                {QStringLiteral("enabled"), c.enabled},
                {QStringLiteral("cost_gpu_type"), c.gpuType.isEmpty() ? QJsonValue() : QJsonValue(c.gpuType)},
                {QStringLiteral("cost_gpu_count"), c.gpuCount},
                {QStringLiteral("cost_connection_id"), c.costConnectionId ? QJsonValue(*c.costConnectionId) : QJsonValue()},
                {QStringLiteral("runner_set_namespace"), c.runnerSetNamespace.isEmpty() ? QJsonValue() : QJsonValue(c.runnerSetNamespace)},
                {QStringLiteral("runner_set_name"), c.runnerSetName.isEmpty() ? QJsonValue() : QJsonValue(c.runnerSetName)},
                {QStringLiteral("cluster_connection_id"), c.clusterConnectionId ? QJsonValue(*c.clusterConnectionId) : QJsonValue()},
            });
        }
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    if (configs->isEmpty()) {
        ctx.out << QStringLiteral("No workflow configurations. Add one with: fleetscope workflows configs add NAME --repo OWNER/REPO") << Qt::endl;
        return ExitOk;
    }
    QList<QStringList> rows{{QStringLiteral("NAME"), QStringLiteral("REPO"), QStringLiteral("WORKFLOW"), QStringLiteral("BRANCH"),
                             QStringLiteral("PATTERNS"), QStringLiteral("MAX FILE"), QStringLiteral("ENABLED")}};
    for (const WorkflowConfig &c : std::as_const(*configs)) {
        rows << QStringList{c.name, c.githubOwner + QLatin1Char('/') + c.githubRepo, c.workflowFilter.isEmpty() ? QStringLiteral("*") : c.workflowFilter,
                            c.branchFilter.isEmpty() ? QStringLiteral("*") : c.branchFilter,
                            c.filePatterns.isEmpty() ? QStringLiteral("(all result files)") : c.filePatterns.join(QLatin1Char(' ')),
                            byteSize(c.maxFileBytes), c.enabled ? QStringLiteral("yes") : QStringLiteral("no")};
    }
    writeTextTable(rows, ctx.out);
    return ExitOk;
}

int configsAddOrSet(const CommandContext &ctx, const QStringList &args, bool add)
{
    const QString verb = add ? QStringLiteral("add") : QStringLiteral("set");
    QCommandLineParser parser;
    const ConfigOptions o;
    parser.addOptions({o.repo, o.workflow, o.branch, o.pattern, o.maxFileMb, o.description, o.costGpuType, o.costConnection, o.gpuCount,
                       o.runnerSet, o.cluster});
    parser.addOptions(add ? QList<QCommandLineOption>{o.disabled}
                          : QList<QCommandLineOption>{o.noPatterns, o.enable, o.disable, o.noCost, o.noRunnerSet});
    if (!parser.parse(QStringList{verb} + args))
        return ctx.usage(parser.errorText(), configsUsage());
    if (parser.positionalArguments().size() != 1 || parser.positionalArguments().first().trimmed().isEmpty())
        return ctx.usage(QStringLiteral("workflows configs %1: give one configuration name").arg(verb), configsUsage());
    if (add && !parser.isSet(o.repo))
        return ctx.usage(QStringLiteral("workflows configs add: --repo OWNER/REPO is required"), configsUsage());
    const QString name = parser.positionalArguments().first().trimmed();

    Result<std::unique_ptr<StoreService>> service = openService(ctx.line);
    if (!service)
        return ctx.failure(service.error().message);
    Result<WorkflowConfig> existing = findWorkflowConfig(**service, name);
    if (add && existing)
        return ctx.failure(QStringLiteral("a workflow configuration named '%1' exists already").arg(name));
    if (!add && !existing)
        return ctx.failure(existing.error().message);
    WorkflowConfig config = add ? WorkflowConfig() : *existing;
    config.name = name;
    if (const std::optional<QString> problem = applyOptions(parser, o, config))
        return ctx.usage(QStringLiteral("workflows configs %1: %2").arg(verb, *problem), configsUsage());
    if (parser.isSet(o.costConnection)) {
        const Result<ConnectionRecord> found = findConnection(**service, parser.value(o.costConnection).trimmed());
        if (!found)
            return ctx.failure(QStringLiteral("workflows configs %1: %2").arg(verb, found.error().message));
        config.costConnectionId = found->id;
        config.gpuType.clear();
    }
    if (parser.isSet(o.cluster)) {
        const Result<ConnectionRecord> found = findConnection(**service, parser.value(o.cluster).trimmed());
        if (!found)
            return ctx.failure(QStringLiteral("workflows configs %1: %2").arg(verb, found.error().message));
        if (!isKubernetesKind(found->kind))
            return ctx.failure(QStringLiteral("workflows configs %1: --cluster: connection '%2' is a %3 connection, not a Kubernetes cluster")
                                   .arg(verb, found->name, found->kind));
        config.clusterConnectionId = found->id;
    }
    if ((parser.isSet(o.runnerSet) || parser.isSet(o.cluster)) && !hasArcBinding(config))
        return ctx.usage(QStringLiteral("workflows configs %1: --runner-set NAMESPACE/NAME and --cluster CONNECTION go together").arg(verb),
                         configsUsage());
    if (Result<void> checked = checkWorkflowConfig(config); !checked)
        return ctx.usage(QStringLiteral("workflows configs %1: %2").arg(verb, checked.error().message), configsUsage());
    if (Result<void> written = writeConfig(**service, config); !written)
        return ctx.failure(written.error().message);
    ctx.out << (add ? QStringLiteral("added workflow configuration '%1' for %2/%3").arg(name, config.githubOwner, config.githubRepo)
                    : QStringLiteral("%1: changed").arg(name))
            << Qt::endl;
    return ExitOk;
}

int configsRemove(const CommandContext &ctx, const QStringList &args)
{
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-')))
        return ctx.usage(QStringLiteral("workflows configs remove: give one configuration name"), configsUsage());
    Result<std::unique_ptr<StoreService>> service = openService(ctx.line);
    if (!service)
        return ctx.failure(service.error().message);
    const QString name = args.first();
    Result<QList<WorkflowRun>> runs = (*service)->read<QList<WorkflowRun>>([name](Store &s) { return s.workflowRuns(name); }).result();
    if (!runs)
        return ctx.failure(runs.error().message);
    WriteBatch batch;
    batch.source = QStringLiteral("remove workflow configuration %1").arg(name);
    batch.removedWorkflowConfigs << name;
    if (Result<WriteSummary> written = (*service)->writeBlocking(batch); !written)
        return ctx.failure(written.error().message);
    ctx.out << QStringLiteral("removed workflow configuration '%1' with its %2 runs and their metrics").arg(name).arg(runs->size()) << Qt::endl;
    return ExitOk;
}

} // namespace

std::optional<bool> wantsJson(const CommandContext &ctx, const QString &format, const QString &help, int *exitCode)
{
    if (format == QLatin1String("json") || format == QLatin1String("table"))
        return format == QLatin1String("json");
    *exitCode = ctx.usage(QStringLiteral("--format must be table or json, not '%1'").arg(format), help);
    return std::nullopt;
}

Result<WorkflowConfig> findWorkflowConfig(StoreService &store, const QString &name)
{
    Result<QList<WorkflowConfig>> configs = store.read<QList<WorkflowConfig>>([](Store &s) { return s.workflowConfigs(); }).result();
    if (!configs)
        return std::unexpected(configs.error());
    for (const WorkflowConfig &config : std::as_const(*configs)) {
        if (config.name == name)
            return config;
    }
    return fail(ErrorClass::Config, QStringLiteral("no workflow configuration named '%1'").arg(name));
}

Result<OpenedConfig> openWorkflowConfig(const CommandLine &line, const QString &name)
{
    Result<std::unique_ptr<StoreService>> service = openService(line);
    if (!service)
        return std::unexpected(service.error());
    Result<WorkflowConfig> config = findWorkflowConfig(**service, name);
    if (!config)
        return std::unexpected(config.error());
    return OpenedConfig{std::move(*service), *std::move(config)};
}

int workflowsConfigs(const CommandContext &ctx, const QStringList &args)
{
    if (args.isEmpty())
        return ctx.usage(QStringLiteral("workflows configs: missing subcommand"), configsUsage());
    const QString sub = args.first();
    if (sub == QLatin1String("list"))
        return configsList(ctx, args.mid(1));
    if (sub == QLatin1String("add") || sub == QLatin1String("set"))
        return configsAddOrSet(ctx, args.mid(1), sub == QLatin1String("add"));
    if (sub == QLatin1String("remove"))
        return configsRemove(ctx, args.mid(1));
    return ctx.usage(QStringLiteral("workflows configs: unknown subcommand '%1'").arg(sub), configsUsage());
}

int runWorkflows(const CommandContext &ctx, const QStringList &args)
{
    const QString help = QStringLiteral("Usage: fleetscope workflows configs list|add|set|remove ... | import CONFIG PATH... | runs [--config C]\n"
                                        "       | regressions CONFIG [--method M] | query CONFIG [--group-by D] [--interval I] [--agg A] [--summary]\n"
                                        "       | compare CONFIG RUN_A RUN_B | cost CONFIG | fetch CONFIG | arc CONFIG\n"
                                        "       | backfill CONFIG --since T | retry CONFIG | token set|remove | schema propose|confirm|show|ai ...\n");
    if (args.isEmpty())
        return ctx.usage(QStringLiteral("workflows: missing subcommand"), help);
    const QString sub = args.first();
    if (sub == QLatin1String("configs"))
        return workflowsConfigs(ctx, args.mid(1));
    if (sub == QLatin1String("import"))
        return workflowsImport(ctx, args.mid(1));
    if (sub == QLatin1String("runs"))
        return workflowsRuns(ctx, args.mid(1));
    if (sub == QLatin1String("regressions"))
        return workflowsRegressions(ctx, args.mid(1));
    if (sub == QLatin1String("query"))
        return workflowsQuery(ctx, args.mid(1));
    if (sub == QLatin1String("compare"))
        return workflowsCompare(ctx, args.mid(1));
    if (sub == QLatin1String("cost"))
        return workflowsCost(ctx, args.mid(1));
    if (sub == QLatin1String("fetch"))
        return workflowsFetch(ctx, args.mid(1));
    if (sub == QLatin1String("arc"))
        return workflowsArc(ctx, args.mid(1));
    if (sub == QLatin1String("backfill"))
        return workflowsBackfill(ctx, args.mid(1));
    if (sub == QLatin1String("retry"))
        return workflowsRetry(ctx, args.mid(1));
    if (sub == QLatin1String("token"))
        return workflowsToken(ctx, args.mid(1));
    if (sub == QLatin1String("schema"))
        return workflowsSchema(ctx, args.mid(1));
    return ctx.usage(QStringLiteral("workflows: unknown subcommand '%1'").arg(sub), help);
}

} // namespace fleetscope
