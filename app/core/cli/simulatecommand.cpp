// The simulate command: option checks, the listening and env lines, and a clean stop on a signal.
#include "cli/simulatecommand.h"

#include "cli/terminationwatcher.h"
#include "simulator/githubsimulator.h"
#include "simulator/runpodsimulator.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QEventLoop>

#include <limits>
#include <memory>
#include <optional>

namespace fleetscope {
namespace {

using namespace Qt::StringLiterals;

QString helpText()
{
    return u"Usage: fleetscope simulate --port N [--seed S] [--pods P] [--endpoints E] [--latency-ms L]\n"
           "                          [--faults SPEC] [--no-quirks] [--github]\n"
           "\n"
           "Serves a simulated RunPod account (GraphQL /graphql, REST /v2/pods, serverless /v2/ENDPOINT)\n"
           "on 127.0.0.1:N until interrupted. --port 0 picks a free port.\n"
           "\n"
           "  --seed S         the same seed gives the same account and the same evolution (default 1)\n"
           "  --pods P         number of pods (default 12)\n"
           "  --endpoints E    number of serverless endpoints (default 4)\n"
           "  --latency-ms L   delay added to every answer (default 0)\n"
           "  --faults SPEC    per-request chances, e.g. 429:0.1,5xx:0.05,malformed:0.02,truncated:0.01,\n"
           "                   drop:0.01,retry-after=2\n"
           "  --no-quirks      send every number as a number (the real GraphQL API does not)\n"
           "  --github         also serve a GitHub Actions API on a second free port: a demo repository with\n"
           "                   completed benchmark runs whose artifacts hold Google Benchmark JSON and CSV\n"
           "\n"
           "API keys: any non-empty key works; 'bad' is refused with 401, and 'invalid' gets GraphQL errors[].\n"_s;
}

std::optional<qint64> integerOption(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 low, qint64 high)
{
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value < low || value > high)
        return std::nullopt;
    return value;
}

// Runs the event loop until SIGINT or SIGTERM arrives.
void serveUntilSignalled()
{
    QEventLoop loop;
    TerminationWatcher watcher;
    QObject::connect(&watcher, &TerminationWatcher::terminationRequested, &loop, &QEventLoop::quit);
    loop.exec();
}

// The GitHub simulator's address, token and the commands that bind and fetch its demo repository.
void printGitHubLines(const CommandContext &ctx, const QUrl &apiUrl)
{
    const QString repo = QString::fromLatin1(githubdemo::kOwner) + u'/' + QString::fromLatin1(githubdemo::kRepo);
    ctx.out << u"github simulator listening on %1 (repo %2, %3 completed runs of %4)"_s.arg(apiUrl.toString(), repo).arg(githubdemo::kRuns).arg(QLatin1String(githubdemo::kWorkflow)) << '\n'
            << "GITHUB_API_URL=" << apiUrl.toString() << '\n'
            << "GITHUB_TOKEN=" << githubdemo::kToken << '\n'
            << u"try: fleetscope workflows configs add demo --repo %1 --workflow %2 --branch main"_s.arg(repo, QLatin1String(githubdemo::kWorkflow)) << '\n'
            << "try: GITHUB_API_URL=" << apiUrl.toString() << " GITHUB_TOKEN=" << githubdemo::kToken << " fleetscope workflows fetch demo --token-env GITHUB_TOKEN" << '\n'
            << "     (or store the token: echo " << githubdemo::kToken << " | fleetscope workflows token set --api-url " << apiUrl.toString() << ")" << Qt::endl;
}

} // namespace

int runSimulate(const CommandContext &ctx, const QStringList &args)
{
    auto usage = [&ctx](const QString &message) { return ctx.usage(message, helpText()); };
    QCommandLineParser parser;
    const QCommandLineOption portOption(u"port"_s, QString(), u"N"_s);
    const QCommandLineOption seedOption(u"seed"_s, QString(), u"S"_s, u"1"_s);
    const QCommandLineOption podsOption(u"pods"_s, QString(), u"P"_s, u"12"_s);
    const QCommandLineOption endpointsOption(u"endpoints"_s, QString(), u"E"_s, u"4"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, QString(), u"L"_s, u"0"_s);
    const QCommandLineOption faultsOption(u"faults"_s, QString(), u"SPEC"_s);
    const QCommandLineOption noQuirksOption(u"no-quirks"_s);
    const QCommandLineOption githubOption(u"github"_s);
    const QCommandLineOption helpOption(QStringList{u"h"_s, u"help"_s});
    parser.addOptions({portOption, seedOption, podsOption, endpointsOption, latencyOption, faultsOption, noQuirksOption, githubOption, helpOption});
    if (!parser.parse(QStringList{u"simulate"_s} + args))
        return usage(parser.errorText());
    if (parser.isSet(helpOption)) {
        ctx.out << helpText() << Qt::flush;
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usage(u"simulate: unexpected argument '%1'"_s.arg(parser.positionalArguments().first()));
    if (!parser.isSet(portOption))
        return usage(u"simulate: --port is required (0 picks a free port)"_s);

    const std::optional<qint64> port = integerOption(parser, portOption, 0, 65'535);
    const std::optional<qint64> pods = integerOption(parser, podsOption, 0, 100'000);
    const std::optional<qint64> endpoints = integerOption(parser, endpointsOption, 0, 10'000);
    const std::optional<qint64> latency = integerOption(parser, latencyOption, 0, 60'000);
    bool seedOk = false;
    const quint64 seed = parser.value(seedOption).toULongLong(&seedOk);
    if (!port)
        return usage(u"simulate: --port needs a number from 0 to 65535, got '%1'"_s.arg(parser.value(portOption)));
    if (!seedOk)
        return usage(u"simulate: --seed needs a non-negative whole number, got '%1'"_s.arg(parser.value(seedOption)));
    if (!pods)
        return usage(u"simulate: --pods needs a number from 0 to 100000, got '%1'"_s.arg(parser.value(podsOption)));
    if (!endpoints)
        return usage(u"simulate: --endpoints needs a number from 0 to 10000, got '%1'"_s.arg(parser.value(endpointsOption)));
    if (!latency)
        return usage(u"simulate: --latency-ms needs a number from 0 to 60000, got '%1'"_s.arg(parser.value(latencyOption)));
    const Result<FaultPlan> faults = parseFaultSpec(parser.value(faultsOption));
    if (!faults)
        return usage(u"simulate: "_s + faults.error().message);

    SimulatorOptions options;
    options.world.seed = seed;
    options.world.pods = int(*pods);
    options.world.endpoints = int(*endpoints);
    options.world.quirks = !parser.isSet(noQuirksOption);
    options.latencyMs = int(*latency);
    options.faults = *faults;
    RunPodSimulator simulator(options);
    const Result<quint16> bound = simulator.start(quint16(*port));
    if (!bound)
        return ctx.failure(u"simulate: "_s + bound.error().message);

    ctx.out << u"simulator listening on http://127.0.0.1:%1 (graphql /graphql, rest /v2, serverless /v2/{endpoint})"_s.arg(*bound) << '\n'
        << "RUNPOD_GRAPHQL_URL=" << simulator.graphqlUrl().toString() << '\n'
        << "RUNPOD_REST_URL=" << simulator.restUrl().toString() << '\n'
        << "RUNPOD_SERVERLESS_URL=" << simulator.serverlessUrl().toString() << '\n'
        << "RUNPOD_API_KEY=" << simulatorkeys::kDemo << Qt::endl;

    std::unique_ptr<GitHubSimulator> github;
    if (parser.isSet(githubOption)) {
        github = std::make_unique<GitHubSimulator>(QString::fromLatin1(githubdemo::kOwner), QString::fromLatin1(githubdemo::kRepo), githubdemo::kToken);
        github->addDemoRuns(QDateTime::currentDateTimeUtc(), githubdemo::kRuns, seed);
        if (Result<void> started = github->start(); !started)
            return ctx.failure(u"simulate: GitHub simulator: "_s + started.error().message);
        printGitHubLines(ctx, github->apiUrl());
    }

    serveUntilSignalled();
    simulator.stop();
    qCInfo(lcSimulator) << "stopped after" << simulator.server().requestCount() << "requests";
    return ExitOk;
}

} // namespace fleetscope
