// The ARC binding end to end: a loopback Kubernetes API server (label selectors, `limit`/`continue` pages,
// bearer tokens, Status bodies for 401/403/404) serves the EphemeralRunners of two scale sets; only the
// bound set's runs are recorded, once, as pending realtime runs that the GitHub simulator's fetch then
// collects with their metrics; the watcher scans before it fetches; the CLI binds, scans and refuses.
// Runs inside run-with-keyring.sh: the cluster token lives in the keychain like every connection secret.
#include "clirun.h"
#include "fixtures.h"
#include "teststore.h"
#include "simulator/githubsimulator.h"
#include "simulator/loopbackserver.h"
#include "simulator/zipwriter.h"

#include "credentials/credentials.h"
#include "providers/connectionsetup.h"
#include "store/storeservice.h"
#include "workflows/arcbinding.h"
#include "workflows/githubcollector.h"
#include "workflows/workflowwatcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

const QByteArray kClusterToken = "eyJhbGciOiJSUzI1NiJ9.arc-reader-token";
const QByteArray kGitHubToken = "ghp_ArcBindingTestToken0123456789abcdef";
const QString kScaleSetLabel = QStringLiteral("actions.github.com/scale-set-name");

QByteArray status(int code, const QString &reason, const QString &message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("Status")}, {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                     {QStringLiteral("metadata"), QJsonObject()}, {QStringLiteral("status"), QStringLiteral("Failure")},
                                     {QStringLiteral("message"), message}, {QStringLiteral("reason"), reason}, {QStringLiteral("code"), code}})
        .toJson(QJsonDocument::Compact);
}

// The fixture EphemeralRunner as runner NAME of scale set SET; RUNID 0: no job assigned yet.
QJsonObject ephemeralRunner(const QString &set, const QString &name, const QString &phase, qint64 runId, const QString &job,
                            const QString &branch = QStringLiteral("main"))
{
    QJsonObject runner = QJsonDocument::fromJson(test::fixtureBytes(QStringLiteral("providers/arc-ephemeralrunner.json"))).object();
    QJsonObject metadata = runner.value(QStringLiteral("metadata")).toObject();
    QJsonObject labels = metadata.value(QStringLiteral("labels")).toObject();
    labels.insert(kScaleSetLabel, set);
    metadata.insert(QStringLiteral("labels"), labels);
    metadata.insert(QStringLiteral("name"), name);
    runner.insert(QStringLiteral("metadata"), metadata);
    QJsonObject state = runner.value(QStringLiteral("status")).toObject();
    state.insert(QStringLiteral("phase"), phase);
    state.insert(QStringLiteral("runnerName"), name);
    if (runId > 0) {
        state.insert(QStringLiteral("workflowRunId"), runId);
        state.insert(QStringLiteral("jobDisplayName"), job);
        state.insert(QStringLiteral("jobWorkflowRef"), QStringLiteral("octo/engine/.github/workflows/bench.yml@")
                                                           + (branch.startsWith(QLatin1String("refs/")) ? branch : QStringLiteral("refs/heads/") + branch));
    } else {
        for (const char *field : {"workflowRunId", "jobDisplayName", "jobRepositoryName", "jobWorkflowRef", "jobRequestId"})
            state.remove(QLatin1String(field));
    }
    runner.insert(QStringLiteral("status"), state);
    return runner;
}

// The API server's side of `GET /apis/actions.github.com/v1alpha1/namespaces/NS/ephemeralrunners`.
class KubernetesApi
{
public:
    KubernetesApi()
        : m_server([this](const LoopbackRequest &request) { return answer(request); })
    {
    }

    bool start() { return m_server.listen().has_value(); }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()); }

    QList<QJsonObject> runners;   // namespace arc-runners
    QList<QUrlQuery> queries;     // of every list request

private:
    LoopbackResponse answer(const LoopbackRequest &request)
    {
        if (request.header("Authorization") != "Bearer " + kClusterToken)
            return LoopbackResponse::withBody(401, "application/json", status(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized")));
        static const QRegularExpression list(QStringLiteral("^/apis/actions\\.github\\.com/v1alpha1/namespaces/([^/]+)/ephemeralrunners$"));
        const QRegularExpressionMatch match = list.match(request.path);
        const QString ns = match.captured(1);
        if (!match.hasMatch() || ns == QLatin1String("no-arc"))   // the CRD is not installed there
            return LoopbackResponse::withBody(404, "application/json", status(404, QStringLiteral("NotFound"), QStringLiteral("the server could not find the requested resource")));
        if (ns == QLatin1String("locked"))
            return LoopbackResponse::withBody(403, "application/json",
                                              status(403, QStringLiteral("Forbidden"),
                                                     QStringLiteral("ephemeralrunners.actions.github.com is forbidden: User \"system:serviceaccount:fleetscope:reader\" "
                                                                    "cannot list resource \"ephemeralrunners\" in API group \"actions.github.com\" in the namespace \"locked\"")));
        queries << request.query;
        // Equality selectors only, as the binding sends them.
        const QString selector = request.query.queryItemValue(QStringLiteral("labelSelector"), QUrl::FullyDecoded);
        QJsonArray selected;
        for (const QJsonObject &runner : std::as_const(runners)) {
            const QJsonObject labels = runner.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("labels")).toObject();
            const QString key = selector.section(QLatin1Char('='), 0, 0);
            if (ns == QLatin1String("arc-runners") && (selector.isEmpty() || labels.value(key).toString() == selector.section(QLatin1Char('='), 1)))
                selected.append(runner);
        }
        const qsizetype offset = QByteArray::fromBase64(request.query.queryItemValue(QStringLiteral("continue")).toLatin1()).toLongLong();
        const qsizetype limit = request.query.queryItemValue(QStringLiteral("limit")).toLongLong();
        const qsizetype end = limit > 0 ? qMin(selected.size(), offset + limit) : selected.size();
        QJsonArray items;
        for (qsizetype i = offset; i < end; ++i)
            items.append(selected.at(i));
        QJsonObject metadata{{QStringLiteral("resourceVersion"), QStringLiteral("48212000")}};
        if (end < selected.size()) {
            metadata.insert(QStringLiteral("continue"), QString::fromLatin1(QByteArray::number(end).toBase64()));
            metadata.insert(QStringLiteral("remainingItemCount"), selected.size() - end);
        }
        const QJsonObject body{{QStringLiteral("apiVersion"), QStringLiteral("actions.github.com/v1alpha1")},
                               {QStringLiteral("kind"), QStringLiteral("EphemeralRunnerList")},
                               {QStringLiteral("metadata"), metadata},
                               {QStringLiteral("items"), items}};
        return LoopbackResponse::withBody(200, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    LoopbackServer m_server;
};

SimulatedRun githubRun(qint64 id, int hours)
{
    SimulatedRun r;
    r.id = id;
    r.headSha = QStringLiteral("%1").arg(id, 40, 10, QLatin1Char('0'));
    r.createdAt = QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC).addSecs(hours * 3600);
    r.artifacts = {{500 + id, QStringLiteral("results"),
                    buildZip({{QStringLiteral("bench/gbench.json"), test::fixtureBytes(QStringLiteral("bench/gbench-googlecpp_output.json"))}})}};
    return r;
}

} // namespace

class TestArcBinding : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    KubernetesApi m_api;
    GitHubSimulator m_github{QStringLiteral("octo"), QStringLiteral("engine"), kGitHubToken};

    // A store in data directory NAME with Kubernetes connection "lab" (its token in the keychain) and
    // configuration "bench" bound to arc-runners/bench-runners on it, as stored.
    std::unique_ptr<StoreService> openStore(const QString &name, WorkflowConfig *config)
    {
        auto store = std::make_unique<StoreService>(*StoreLocation::parse(QString(), m_dir.filePath(name)));
        if (!store->startBlocking())
            return nullptr;
        ConnectionRecord cluster;
        cluster.kind = QStringLiteral("kubernetes");
        cluster.name = QStringLiteral("lab");
        cluster.settings = QJsonObject{{QStringLiteral("base_url"), m_api.baseUrl()}};
        Result<ConnectionRecord> added = addConnection(*store, Credentials(), cluster, Secret::fromUtf8(kClusterToken));
        if (!added) {
            qWarning().noquote() << added.error().message;
            return nullptr;
        }
        WorkflowConfig bench;
        bench.name = QStringLiteral("bench");
        bench.githubOwner = QStringLiteral("octo");
        bench.githubRepo = QStringLiteral("engine");
        bench.workflowFilter = QStringLiteral("bench.yml");
        bench.branchFilter = QStringLiteral("main");
        bench.filePatterns = {QStringLiteral("bench/**/*.json")};
        bench.runnerSetNamespace = QStringLiteral("arc-runners");
        bench.runnerSetName = QStringLiteral("bench-runners");
        bench.clusterConnectionId = added->id;
        WriteBatch batch;
        batch.workflowConfigs << bench;
        if (!store->writeBlocking(batch))
            return nullptr;
        *config = store->read<QList<WorkflowConfig>>([](Store &s) { return s.workflowConfigs(); }).result()->first();
        return store;
    }

    QList<WorkflowRun> storedRuns(StoreService &store, const QString &config = QStringLiteral("bench"))
    {
        return *store.read<QList<WorkflowRun>>([config](Store &s) { return s.workflowRuns(config); }).result();
    }

    test::CliRun cli(const QString &dataDir, const QStringList &args)
    {
        test::CliRun run = test::runFleetscope(QStringList{QStringLiteral("--data-dir"), dataDir, QStringLiteral("workflows")} + args);
        if (run.out.contains(QString::fromLatin1(kClusterToken)) || run.err.contains(QString::fromLatin1(kClusterToken)))
            qFatal("the cluster token appeared in the output of workflows %s", qPrintable(args.join(QLatin1Char(' '))));
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_api.runners << ephemeralRunner(QStringLiteral("bench-runners"), QStringLiteral("bench-runners-a"), QStringLiteral("Succeeded"), 1001, QStringLiteral("bench (gbench)"))
                      << ephemeralRunner(QStringLiteral("other-runners"), QStringLiteral("other-runners-a"), QStringLiteral("Running"), 1003, QStringLiteral("lint"))
                      << ephemeralRunner(QStringLiteral("bench-runners"), QStringLiteral("bench-runners-b"), QStringLiteral("Running"), 1001, QStringLiteral("bench (pytest)"))
                      << ephemeralRunner(QStringLiteral("bench-runners"), QStringLiteral("bench-runners-c"), QStringLiteral("Running"), 1002, QStringLiteral("bench (gbench)"))
                      << ephemeralRunner(QStringLiteral("other-runners"), QStringLiteral("other-runners-b"), QStringLiteral("Succeeded"), 1005, QStringLiteral("lint"))
                      << ephemeralRunner(QStringLiteral("bench-runners"), QStringLiteral("bench-runners-d"), QStringLiteral("Pending"), 0, QString())
                      << ephemeralRunner(QStringLiteral("bench-runners"), QStringLiteral("bench-runners-e"), QStringLiteral("Running"), 1004, QStringLiteral("bench (gbench)"),
                                         QStringLiteral("feature"))
                      << ephemeralRunner(QStringLiteral("bench-runners"), QStringLiteral("bench-runners-f"), QStringLiteral("Running"), 1006, QStringLiteral("bench (gbench)"),
                                         QStringLiteral("refs/pull/7/merge"));   // a pull request's run: not on the main branch
        QVERIFY(m_api.start());
        m_github.runs << githubRun(1001, 1) << githubRun(1002, 2) << githubRun(1003, 3);
        QVERIFY(m_github.start());
    }

    // Pages of two: three pages of the bound set; other-runners never; runs recorded once, then
    // collected by the GitHub fetch into the same records, with their metrics.
    void scanRecordsTheBoundSetsRunsOnce()
    {
        WorkflowConfig config;
        std::unique_ptr<StoreService> store = openStore(QStringLiteral("scan"), &config);
        QVERIFY(store);
        m_api.queries.clear();
        ArcBinding binding(*store, config);
        binding.setPageSize(2);
        Result<ArcScanReport> report = binding.scan(Credentials());
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));

        QCOMPARE(report->pages, 3);
        QCOMPARE(report->runnerSet, QStringLiteral("arc-runners/bench-runners"));
        QCOMPARE(report->cluster, QStringLiteral("lab"));
        QStringList names, outcomes;
        for (const EphemeralRunner &r : std::as_const(report->runners))
            names << r.name, outcomes << r.outcome;
        QCOMPARE(names, (QStringList{QStringLiteral("bench-runners-a"), QStringLiteral("bench-runners-b"), QStringLiteral("bench-runners-c"),
                                     QStringLiteral("bench-runners-d"), QStringLiteral("bench-runners-e"), QStringLiteral("bench-runners-f")}));
        QCOMPARE(outcomes, (QStringList{QStringLiteral("recorded"), QStringLiteral("recorded"), QStringLiteral("recorded"),
                                        QStringLiteral("no job yet"), QStringLiteral("other branch feature"),
                                        QStringLiteral("not a branch run (refs/pull/7/merge)")}));
        QCOMPARE(report->runners.first().phase, QStringLiteral("Succeeded"));
        QCOMPARE(report->runners.first().jobDisplayName, QStringLiteral("bench (gbench)"));
        QCOMPARE(report->runners.first().jobRepositoryName, QStringLiteral("octo/engine"));
        QCOMPARE(report->recorded, (QList<qint64>{1001, 1002}));

        QCOMPARE(m_api.queries.size(), 3);
        for (const QUrlQuery &query : std::as_const(m_api.queries)) {
            QCOMPARE(query.queryItemValue(QStringLiteral("labelSelector"), QUrl::FullyDecoded), kScaleSetLabel + QStringLiteral("=bench-runners"));
            QCOMPARE(query.queryItemValue(QStringLiteral("limit")), QStringLiteral("2"));
        }
        QVERIFY(!m_api.queries.first().hasQueryItem(QStringLiteral("continue")));
        QVERIFY(m_api.queries.last().hasQueryItem(QStringLiteral("continue")));

        QList<WorkflowRun> runs = storedRuns(*store);
        QCOMPARE(runs.size(), 2);
        for (const WorkflowRun &r : std::as_const(runs)) {
            QCOMPARE(r.status, RunStatus::Pending);
            QCOMPARE(r.triggerSource, TriggerSource::Realtime);
            QCOMPARE(r.runKey, QStringLiteral("run:%1").arg(*r.githubRunId));
        }

        // A second pass adds nothing.
        report = binding.scan(Credentials());
        QVERIFY(report);
        QVERIFY(report->recorded.isEmpty());
        QCOMPARE(report->runners.first().outcome, QStringLiteral("stored"));
        QCOMPARE(storedRuns(*store).size(), 2);

        // The GitHub fetch collects them into the same records, which keep their trigger.
        QNetworkAccessManager nam;
        SystemClock clock;
        HttpClient http(&nam, clock);
        GitHubClient::Options options;
        options.apiUrl = m_github.apiUrl();
        options.token = Secret::fromUtf8(kGitHubToken);
        GitHubEtagCache cache;
        GitHubClient client(http, clock, options, cache);
        GitHubCollector collector(client, *store, config);
        GitHubFetchOptions fetch;
        fetch.trigger = TriggerSource::Manual;
        Result<GitHubFetchReport> fetched = collector.fetch(fetch);
        QVERIFY2(fetched, qPrintable(fetched ? QString() : fetched.error().message));
        runs = storedRuns(*store);
        QCOMPARE(runs.size(), 3);   // 1003 is the fetch's own find
        for (qint64 id : {1001, 1002}) {
            const WorkflowRun *run = test::findRun(runs, id);
            QVERIFY(run);
            QCOMPARE(run->status, RunStatus::Completed);
            QCOMPARE(run->triggerSource, TriggerSource::Realtime);
            QVERIFY(run->metricsCount > 0);
        }
        QCOMPARE(test::findRun(runs, 1003)->triggerSource, TriggerSource::Manual);
        WorkflowMetricFilter filter;
        filter.config = QStringLiteral("bench");
        Result<QList<WorkflowMetricRow>> rows = store->read<QList<WorkflowMetricRow>>([filter](Store &s) { return s.workflowMetricRows(filter); }).result();
        QVERIFY(rows);
        QVERIFY(std::any_of(rows->cbegin(), rows->cend(), [](const WorkflowMetricRow &r) { return r.githubRunId == 1002; }));
    }

    // The watcher scans a bound configuration before its GitHub fetch, every tick, without errors.
    void watcherScansBeforeFetching()
    {
        WorkflowConfig config;
        std::unique_ptr<StoreService> store = openStore(QStringLiteral("watch"), &config);
        QVERIFY(store);
        m_api.queries.clear();
        qputenv("GH_ARC_WATCH_TOKEN", kGitHubToken);
        WorkflowWatcher::Options options;
        options.intervalMs = 50;
        options.apiUrl = m_github.apiUrl().toString();
        options.tokenEnv = QStringLiteral("GH_ARC_WATCH_TOKEN");
        WorkflowWatcher watcher(*store, options);
        QSignalSpy status(&watcher, &WorkflowWatcher::statusChanged);
        QSignalSpy finished(&watcher, &WorkflowWatcher::fetchFinished);
        watcher.start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 2, 10'000);
        watcher.stop();
        QTRY_VERIFY(!watcher.isFetching());
        QVERIFY(m_api.queries.size() >= 2);
        const QList<WorkflowRun> runs = storedRuns(*store);
        for (qint64 id : {1001, 1002}) {
            QVERIFY(test::findRun(runs, id));
            QCOMPARE(test::findRun(runs, id)->status, RunStatus::Completed);
            QCOMPARE(test::findRun(runs, id)->triggerSource, TriggerSource::Realtime);
        }
        QVERIFY2(status.isEmpty(), qPrintable(status.isEmpty() ? QString() : status.first().at(1).toString()));
    }

    void cliBindsAndScans()
    {
        WorkflowConfig config;
        std::unique_ptr<StoreService> store = openStore(QStringLiteral("cli"), &config);
        QVERIFY(store);
        const QString dataDir = m_dir.filePath(QStringLiteral("cli"));
        test::CliRun run = cli(dataDir, {QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("gpu"), QStringLiteral("--repo"),
                                         QStringLiteral("octo/engine"), QStringLiteral("--workflow"), QStringLiteral("bench.yml"),
                                         QStringLiteral("--branch"), QStringLiteral("main"), QStringLiteral("--runner-set"),
                                         QStringLiteral("arc-runners/bench-runners"), QStringLiteral("--cluster"), QStringLiteral("lab")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = cli(dataDir, {QStringLiteral("configs"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject listed = QJsonDocument::fromJson(run.rawOut).array().at(1).toObject();
        QCOMPARE(listed.value(QStringLiteral("name")).toString(), QStringLiteral("gpu"));
        QCOMPARE(listed.value(QStringLiteral("runner_set_namespace")).toString(), QStringLiteral("arc-runners"));
        QCOMPARE(listed.value(QStringLiteral("runner_set_name")).toString(), QStringLiteral("bench-runners"));
        QCOMPARE(listed.value(QStringLiteral("cluster_connection_id")).toInteger(), *config.clusterConnectionId);

        run = cli(dataDir, {QStringLiteral("arc"), QStringLiteral("gpu")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 8);   // header, six runners, summary
        QCOMPARE(lines.at(0).simplified(), QStringLiteral("RUNNER PHASE RUN ID JOB RUN"));
        QCOMPARE(lines.at(1).simplified(), QStringLiteral("bench-runners-a Succeeded 1001 bench (gbench) recorded"));
        QCOMPARE(lines.at(4).simplified(), QStringLiteral("bench-runners-d Pending - - no job yet"));
        QVERIFY(!run.out.contains(QStringLiteral("other-runners")));
        QCOMPARE(lines.last(), QStringLiteral("6 runners of arc-runners/bench-runners on 'lab'; 2 new runs recorded pending (1001, 1002); "
                                              "`fleetscope workflows fetch gpu` collects them"));
        QCOMPARE(storedRuns(*store, QStringLiteral("gpu")).size(), 2);

        run = cli(dataDir, {QStringLiteral("arc"), QStringLiteral("gpu")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("; 0 new runs recorded pending")), qPrintable(run.out));
        QCOMPARE(storedRuns(*store, QStringLiteral("gpu")).size(), 2);

        // Unbinding.
        run = cli(dataDir, {QStringLiteral("configs"), QStringLiteral("set"), QStringLiteral("gpu"), QStringLiteral("--no-runner-set")});
        QCOMPARE(run.exitCode, 0);
        run = cli(dataDir, {QStringLiteral("arc"), QStringLiteral("gpu")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(), QStringLiteral("fleetscope: ARC binding of gpu: no runner set and cluster connection configured"));
    }

    void cliReportsListErrorsInOneLine_data()
    {
        QTest::addColumn<QString>("runnerSet");
        QTest::addColumn<bool>("wrongToken");
        QTest::addColumn<QString>("expected");
        QTest::addRow("401") << QStringLiteral("arc-runners/bench-runners") << true << QStringLiteral("HTTP 401 (credential rejected)");
        QTest::addRow("403") << QStringLiteral("locked/bench-runners") << false << QStringLiteral("HTTP 403 (access denied)");
        QTest::addRow("404") << QStringLiteral("no-arc/bench-runners") << false << QStringLiteral("HTTP 404");
    }

    void cliReportsListErrorsInOneLine()
    {
        QFETCH(QString, runnerSet);
        QFETCH(bool, wrongToken);
        QFETCH(QString, expected);
        WorkflowConfig config;
        const QString name = QStringLiteral("errors-") + QString::fromLatin1(QTest::currentDataTag());
        std::unique_ptr<StoreService> store = openStore(name, &config);
        QVERIFY(store);
        if (wrongToken)
            QVERIFY(Credentials().storeBlocking(*config.clusterConnectionId, Secret::fromUtf8("not-the-token")));
        const QString dataDir = m_dir.filePath(name);
        QCOMPARE(cli(dataDir, {QStringLiteral("configs"), QStringLiteral("set"), QStringLiteral("bench"), QStringLiteral("--runner-set"), runnerSet}).exitCode, 0);
        const test::CliRun run = cli(dataDir, {QStringLiteral("arc"), QStringLiteral("bench")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        const QString line = run.err.trimmed();
        QVERIFY2(!line.contains(QLatin1Char('\n')), qPrintable(run.err));
        QVERIFY2(line.startsWith(QStringLiteral("fleetscope: ARC binding of bench: lab ephemeralrunners: GET ")) && line.contains(expected), qPrintable(line));
        QVERIFY(storedRuns(*store).isEmpty());
    }

    // A cluster connection must be a Kubernetes one, when binding and when scanning.
    void nonKubernetesClusterRefused()
    {
        WorkflowConfig config;
        std::unique_ptr<StoreService> store = openStore(QStringLiteral("refused"), &config);
        QVERIFY(store);
        ConnectionRecord metrics;
        metrics.kind = QStringLiteral("prometheus");
        metrics.name = QStringLiteral("metrics");
        metrics.settings = QJsonObject{{QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:9")}};
        Result<ConnectionRecord> added = addConnection(*store, Credentials(), metrics, std::nullopt);
        QVERIFY(added);
        const QString dataDir = m_dir.filePath(QStringLiteral("refused"));

        test::CliRun run = cli(dataDir, {QStringLiteral("configs"), QStringLiteral("set"), QStringLiteral("bench"), QStringLiteral("--cluster"),
                                         QStringLiteral("metrics")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(), QStringLiteral("fleetscope: workflows configs set: --cluster: connection 'metrics' is a prometheus connection, not a Kubernetes cluster"));
        run = cli(dataDir, {QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("half"), QStringLiteral("--repo"), QStringLiteral("o/r"),
                            QStringLiteral("--runner-set"), QStringLiteral("arc-runners/bench-runners")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.startsWith(QStringLiteral("fleetscope: workflows configs add: --runner-set NAMESPACE/NAME and --cluster CONNECTION go together")));
        run = cli(dataDir, {QStringLiteral("configs"), QStringLiteral("set"), QStringLiteral("bench"), QStringLiteral("--runner-set"), QStringLiteral("Arc_Runners/x")});
        QCOMPARE(run.exitCode, 2);

        // Bound by other means (an older build, a shared store): the scan refuses it, in one line.
        config.clusterConnectionId = added->id;
        WriteBatch batch;
        batch.workflowConfigs << config;
        QVERIFY(store->writeBlocking(batch));
        Result<ArcScanReport> report = ArcBinding(*store, config).scan(Credentials());
        QVERIFY(!report);
        QCOMPARE(report.error().kind, ErrorClass::Config);
        QCOMPARE(report.error().message, QStringLiteral("ARC binding of bench: connection 'metrics' is a prometheus connection, not a Kubernetes cluster"));
        run = cli(dataDir, {QStringLiteral("arc"), QStringLiteral("bench")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(), QStringLiteral("fleetscope: ") + report.error().message);
    }
};

QTEST_GUILESS_MAIN(TestArcBinding)
#include "test_arcbinding.moc"
