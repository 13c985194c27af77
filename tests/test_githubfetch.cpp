// The GitHub Actions source end to end over the loopback GitHub simulator: runs listed and filtered,
// artifact zips read into runs with metrics, a bad file failing alone, ETag/304, the token kept from
// the storage host and from every log line, secondary-limit backoff on an instant clock, the
// 1000-result cap split by dates, and the CLI's fetch, backfill (dry run, resume), retry and token.
#include "clirun.h"
#include "fixtures.h"
#include "teststore.h"
#include "simulator/githubsimulator.h"
#include "simulator/zipwriter.h"

#include "store/storeservice.h"
#include "workflows/githubcollector.h"
#include "workflows/workflowwatcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTimer>

using namespace fleetscope;

namespace {

const QByteArray kToken = "ghp_FleetscopeTestToken0123456789abcdef";
const QDateTime kT0 = QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);

// Rate-limit waits pass at once; the waits asked for are kept.
class InstantClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_nowMs; }
    void schedule(qint64 delayMs, QObject *context, std::function<void()> fn) override
    {
        waits << delayMs;
        m_nowMs += delayMs;
        QTimer::singleShot(0, context, std::move(fn));
    }
    QList<qint64> waits;

private:
    qint64 m_nowMs = QDateTime::currentMSecsSinceEpoch();
};

QByteArray resultsZip(const QList<ZipWriterEntry> &entries)
{
    return buildZip(entries);
}

QByteArray gbench()
{
    return test::fixtureBytes(QStringLiteral("bench/gbench-googlecpp_output.json"));
}

QByteArray truncatedJson()
{
    return gbench().left(300);
}

SimulatedRun run(qint64 id, int hours, QList<SimulatedArtifact> artifacts = {})
{
    SimulatedRun r;
    r.id = id;
    r.headSha = QStringLiteral("%1").arg(id, 40, 10, QLatin1Char('0'));
    r.createdAt = kT0.addSecs(hours * 3600);
    r.artifacts = std::move(artifacts);
    return r;
}

// Three collectable runs of bench.yml on main, one skipped for want of artifacts, and two the
// filters leave out (another branch, not completed).
void populate(GitHubSimulator &sim)
{
    sim.runs << run(1001, 1, {{501, QStringLiteral("results"), resultsZip({
                                   {QStringLiteral("bench/gbench.json"), gbench()},
                                   {QStringLiteral("bench/pytest.json"), test::fixtureBytes(QStringLiteral("bench/pytest-benchmark-output.json"))},
                                   {QStringLiteral("logs/build.log"), "not a result"},
                               })}})
             << run(1002, 2, {{502, QStringLiteral("results"), resultsZip({{QStringLiteral("bench/gbench.json"), gbench()},
                                                                         {QStringLiteral("bench/bad.json"), truncatedJson()}})}})
             << run(1003, 3, {{503, QStringLiteral("results"), resultsZip({{QStringLiteral("bench/bad.json"), truncatedJson()}})}})
             << run(1006, 0);
    SimulatedRun feature = run(1004, 4);
    feature.headBranch = QStringLiteral("feature");
    SimulatedRun running = run(1005, 5);
    running.status = QStringLiteral("in_progress");
    sim.runs << feature << running;
}

WorkflowConfig benchConfig()
{
    WorkflowConfig config;
    config.name = QStringLiteral("bench");
    config.githubOwner = QStringLiteral("octo");
    config.githubRepo = QStringLiteral("engine");
    config.workflowFilter = QStringLiteral("bench.yml");
    config.branchFilter = QStringLiteral("main");
    config.filePatterns = {QStringLiteral("bench/**/*.json")};
    return config;
}

} // namespace

class TestGitHubFetch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A store with the bench configuration; the configuration as stored (with its id).
    std::unique_ptr<StoreService> openStore(const QString &name, WorkflowConfig *config)
    {
        auto store = std::make_unique<StoreService>(*StoreLocation::parse(QString(), m_dir.filePath(name)));
        if (!store->startBlocking())
            return nullptr;
        WriteBatch batch;
        batch.workflowConfigs << benchConfig();
        if (!store->writeBlocking(batch))
            return nullptr;
        *config = store->read<QList<WorkflowConfig>>([](Store &s) { return s.workflowConfigs(); }).result()->first();
        return store;
    }

    QList<WorkflowRun> storedRuns(StoreService &store)
    {
        return *store.read<QList<WorkflowRun>>([](Store &s) { return s.workflowRuns(QStringLiteral("bench")); }).result();
    }

    GitHubClient::Options options(const GitHubSimulator &sim)
    {
        GitHubClient::Options o;
        o.apiUrl = sim.apiUrl();
        o.token = Secret::fromUtf8(kToken);
        return o;
    }

    test::CliRun cli(const QString &dataDir, const QStringList &args, const QString &tokenVariable = QStringLiteral("GH_TEST_TOKEN"),
                     const QString &loggingRules = QString())
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!loggingRules.isEmpty())
            env.insert(QStringLiteral("QT_LOGGING_RULES"), loggingRules);
        env.insert(QStringLiteral("GH_TEST_TOKEN"), QString::fromLatin1(kToken));
        env.remove(QStringLiteral("GITHUB_API_URL"));
        QStringList all{QStringLiteral("--data-dir"), dataDir, QStringLiteral("workflows")};
        all += args;
        if (!tokenVariable.isEmpty() && args.size() > 1)
            all += QStringList{QStringLiteral("--token-env"), tokenVariable};
        test::CliRun result = test::runFleetscope(all, env);
        // Whatever happened, the token is in no output.
        if (result.out.contains(QString::fromLatin1(kToken)) || result.err.contains(QString::fromLatin1(kToken)))
            qFatal("the GitHub token appeared in the output of workflows %s", qPrintable(args.join(QLatin1Char(' '))));
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    void fetchCollectsRunsFromArtifacts()
    {
        GitHubSimulator sim(QStringLiteral("octo"), QStringLiteral("engine"), kToken);
        populate(sim);
        QVERIFY(sim.start());
        WorkflowConfig config;
        std::unique_ptr<StoreService> store = openStore(QStringLiteral("fetch"), &config);
        QVERIFY(store);

        QNetworkAccessManager nam;
        SystemClock clock;
        HttpClient http(&nam, clock);
        GitHubEtagCache cache;
        GitHubClient client(http, clock, options(sim), cache);
        GitHubCollector collector(client, *store, config);
        QList<RunStatus> seen;
        collector.setProgress([&seen](qint64, qint64, const WorkflowRun &r) { seen << r.status; });
        Result<GitHubFetchReport> report = collector.fetch({});
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));

        QCOMPARE(report->listed, 4);
        QCOMPARE(report->collected.size(), 4);
        QCOMPARE(seen.size(), 4);
        QCOMPARE(report->count(RunStatus::Completed), 2);
        QCOMPARE(report->count(RunStatus::Failed), 1);
        QCOMPARE(report->count(RunStatus::Skipped), 1);
        QCOMPARE(sim.unauthorized, 0);
        // Three zips fetched from the storage host, never with the token.
        QCOMPARE(sim.storageRequests, 3);
        QCOMPARE(sim.storageRequestsWithAuthorization, 0);

        const QList<WorkflowRun> runs = storedRuns(*store);
        QCOMPARE(runs.size(), 4);
        const WorkflowRun *both = test::findRun(runs, 1001);
        QVERIFY(both);
        QCOMPARE(both->status, RunStatus::Completed);
        QCOMPARE(both->filesFound, 2);
        QCOMPARE(both->filesProcessed, 2);
        QVERIFY(both->metricsCount > 0);
        QCOMPARE(both->triggerSource, TriggerSource::Manual);
        QCOMPARE(both->headBranch, QStringLiteral("main"));
        QCOMPARE(both->githubRunNumber.value_or(0), 1001);
        QCOMPARE(both->workloadStartedAt, kT0.addSecs(3600 + 5));
        QCOMPARE(both->runKey, QStringLiteral("run:1001"));
        const WorkflowRun *oneBad = test::findRun(runs, 1002);
        QCOMPARE(oneBad->status, RunStatus::Completed);
        QCOMPARE(oneBad->filesProcessed, 1);
        QVERIFY2(oneBad->errorMessage.contains(QStringLiteral("results/bench/bad.json")), qPrintable(oneBad->errorMessage));
        QCOMPARE(test::findRun(runs, 1003)->status, RunStatus::Failed);
        QCOMPARE(test::findRun(runs, 1006)->status, RunStatus::Skipped);

        WorkflowMetricFilter filter;
        filter.config = QStringLiteral("bench");
        const QList<WorkflowMetricRow> rows = *store->read<QList<WorkflowMetricRow>>([filter](Store &s) { return s.workflowMetricRows(filter); }).result();
        QSet<QString> sources;
        for (const WorkflowMetricRow &row : rows)
            sources << row.sourceFile;
        QCOMPARE(sources, (QSet<QString>{QStringLiteral("results/bench/gbench.json"), QStringLiteral("results/bench/pytest.json")}));

        // Again: the list answers 304, nothing new is collected, nothing downloaded.
        const int storageBefore = sim.storageRequests;
        GitHubClient again(http, clock, options(sim), cache);
        Result<GitHubFetchReport> second = GitHubCollector(again, *store, config).fetch({});
        QVERIFY(second);
        QCOMPARE(second->collected.size(), 0);
        QCOMPARE(second->alreadyStored, 4);
        QCOMPARE(sim.notModified, 1);
        QCOMPARE(sim.storageRequests, storageBefore);
        QCOMPARE(storedRuns(*store).size(), 4);

        // A new run changes the page: only it is collected.
        sim.runs << run(1007, 6, {{507, QStringLiteral("results"), resultsZip({{QStringLiteral("bench/gbench.json"), gbench()}})}});
        GitHubClient third(http, clock, options(sim), cache);
        Result<GitHubFetchReport> fetched = GitHubCollector(third, *store, config).fetch({});
        QVERIFY(fetched);
        QCOMPARE(fetched->collected.size(), 1);
        QCOMPARE(*fetched->collected.first().githubRunId, 1007);
    }

    void backsOffFromTheSecondaryLimit()
    {
        GitHubSimulator sim(QStringLiteral("octo"), QStringLiteral("engine"), kToken);
        populate(sim);
        sim.secondaryLimitOnRequest = 2;
        sim.retryAfterSeconds = 90;
        QVERIFY(sim.start());
        WorkflowConfig config;
        std::unique_ptr<StoreService> store = openStore(QStringLiteral("limit"), &config);
        QVERIFY(store);
        QNetworkAccessManager nam;
        SystemClock clock;
        HttpClient http(&nam, clock);
        InstantClock waits;
        GitHubEtagCache cache;
        GitHubClient::Options o = options(sim);
        QStringList notices;
        o.notice = [&notices](const QString &line) { notices << line; };
        GitHubClient client(http, waits, o, cache);
        QElapsedTimer elapsed;
        elapsed.start();
        Result<GitHubFetchReport> report = GitHubCollector(client, *store, config).fetch({});
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY(elapsed.elapsed() < 10'000);
        QCOMPARE(sim.secondaryLimitsServed, 1);
        QCOMPARE(waits.waits, QList<qint64>{90'000});
        QCOMPARE(notices, QStringList{QStringLiteral("GitHub secondary rate limit (HTTP 403); waiting 90 s")});
        QCOMPARE(report->collected.size(), 4);
    }

    void expiredAndOversizedArtifactsAreNotDownloaded()
    {
        GitHubSimulator sim(QStringLiteral("octo"), QStringLiteral("engine"), kToken);
        SimulatedArtifact expired{601, QStringLiteral("old"), resultsZip({{QStringLiteral("bench/gbench.json"), gbench()}}), true};
        SimulatedArtifact huge{602, QStringLiteral("huge"), resultsZip({{QStringLiteral("bench/gbench.json"), gbench()}})};
        sim.runs << run(1100, 1, {expired, huge});
        QVERIFY(sim.start());
        WorkflowConfig config;
        std::unique_ptr<StoreService> store = openStore(QStringLiteral("artifacts"), &config);
        QVERIFY(store);
        QNetworkAccessManager nam;
        SystemClock clock;
        HttpClient http(&nam, clock);
        GitHubEtagCache cache;
        GitHubClient::Options o = options(sim);
        o.maxArtifactBytes = 100;
        GitHubClient client(http, clock, o, cache);
        Result<GitHubFetchReport> report = GitHubCollector(client, *store, config).fetch({});
        QVERIFY(report);
        QCOMPARE(report->collected.size(), 1);
        const WorkflowRun &r = report->collected.first();
        QCOMPARE(r.status, RunStatus::Failed);
        QCOMPARE(r.filesFound, 2);
        QVERIFY2(r.errorMessage.contains(QStringLiteral("old.zip: skipped: artifact expired on GitHub"))
                     && r.errorMessage.contains(QStringLiteral("huge.zip: skipped: %1, over the 100 B artifact limit").arg(byteSize(huge.zip.size()))),
                 qPrintable(r.errorMessage));
        QCOMPARE(sim.storageRequests, 0);
    }

    void waitsForTheRateLimitReset()
    {
        GitHubSimulator sim(QStringLiteral("octo"), QStringLiteral("engine"), kToken);
        populate(sim);
        sim.rateLimitUsedUpOnRequest = 1;   // the runs list uses up the hour's requests
        QVERIFY(sim.start());
        WorkflowConfig config;
        std::unique_ptr<StoreService> store = openStore(QStringLiteral("primary"), &config);
        QVERIFY(store);
        QNetworkAccessManager nam;
        SystemClock clock;
        HttpClient http(&nam, clock);
        InstantClock waits;
        GitHubEtagCache cache;
        GitHubClient client(http, waits, options(sim), cache);
        Result<GitHubFetchReport> report = GitHubCollector(client, *store, config).fetch({});
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(waits.waits.size(), 1);   // once, before the next request, until the announced reset
        QVERIFY2(waits.waits.first() > 115'000 && waits.waits.first() <= 121'000, qPrintable(QString::number(waits.waits.first())));
        QCOMPARE(report->collected.size(), 4);

        // A reset further away than the client waits ends the fetch with a RateLimited error.
        sim.rateLimitUsedUpOnRequest = sim.apiRequests + 1;
        GitHubClient::Options o = options(sim);
        o.maxRateLimitWaitMs = 60'000;
        InstantClock later;
        GitHubClient impatient(http, later, o, cache);
        sim.runs << run(1010, 7, {{510, QStringLiteral("results"), resultsZip({{QStringLiteral("bench/gbench.json"), gbench()}})}});
        Result<GitHubFetchReport> refused = GitHubCollector(impatient, *store, config).fetch({});
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorClass::RateLimited);
        QVERIFY2(refused.error().message.startsWith(QStringLiteral("github: GitHub API rate limit used up; it asks for a wait of")), qPrintable(refused.error().message));
    }

    void splitsRangesOverTheResultCap()
    {
        GitHubSimulator sim(QStringLiteral("octo"), QStringLiteral("engine"), kToken);
        for (int i = 0; i < 1200; ++i) {
            SimulatedRun r = run(10'000 + i, 0);
            r.createdAt = kT0.addSecs(qint64(i) * 720);   // ten days, evenly
            sim.runs << r;
        }
        QVERIFY(sim.start());
        QNetworkAccessManager nam;
        SystemClock clock;
        HttpClient http(&nam, clock);
        GitHubEtagCache cache;
        GitHubClient client(http, clock, options(sim), cache);
        const GitHubRunQuery query{QStringLiteral("octo"), QStringLiteral("engine"), QStringLiteral("bench.yml"), QStringLiteral("main"),
                                   kT0, kT0.addDays(10)};
        Result<GitHubClient::RunCount> count = client.countCompletedRuns(query);
        QVERIFY2(count, qPrintable(count ? QString() : count.error().message));
        QCOMPARE(count->runs, 1200);
        QCOMPARE(count->listCalls, 13);   // the whole range, then two halves of 600 in six pages each
        QVERIFY(sim.apiTargets.at(1).contains(QStringLiteral("created=2026-11-07T08:00:00Z..2026-11-12T07:59:59Z")));
        QVERIFY(sim.apiTargets.at(2).contains(QStringLiteral("created=2026-11-02T08:00:00Z..2026-11-07T07:59:59Z")));

        Result<QList<GitHubRun>> runs = client.listCompletedRuns(query);
        QVERIFY(runs);
        QSet<qint64> ids;
        for (const GitHubRun &r : std::as_const(*runs))
            ids << r.id;
        QCOMPARE(ids.size(), 1200);
        QVERIFY(runs->first().createdAt > runs->last().createdAt);
    }

    // The realtime watcher on a short interval: what is new after a tick is stored as realtime, no run
    // twice, a disabled configuration is left alone.
    void watcherFetchesNewRunsInRealtime()
    {
        GitHubSimulator sim(QStringLiteral("octo"), QStringLiteral("engine"), kToken);
        populate(sim);
        QVERIFY(sim.start());
        WorkflowConfig config;
        std::unique_ptr<StoreService> store = openStore(QStringLiteral("watch"), &config);
        QVERIFY(store);
        WorkflowConfig off = benchConfig();
        off.name = QStringLiteral("off");
        off.enabled = false;
        WriteBatch batch;
        batch.workflowConfigs << off;
        QVERIFY(store->writeBlocking(batch));
        qputenv("GH_WATCH_TOKEN", kToken);

        WorkflowWatcher::Options options;
        options.intervalMs = 50;
        options.apiUrl = sim.apiUrl().toString();
        options.tokenEnv = QStringLiteral("GH_WATCH_TOKEN");
        WorkflowWatcher watcher(*store, options);
        QSignalSpy status(&watcher, &WorkflowWatcher::statusChanged);
        QSignalSpy finished(&watcher, &WorkflowWatcher::fetchFinished);
        watcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(storedRuns(*store).size(), 4, 10'000);
        for (const WorkflowRun &r : storedRuns(*store))
            QCOMPARE(r.triggerSource, TriggerSource::Realtime);

        sim.runs << run(1007, 6, {{507, QStringLiteral("results"), resultsZip({{QStringLiteral("bench/gbench.json"), gbench()}})}});
        QTRY_COMPARE_WITH_TIMEOUT(storedRuns(*store).size(), 5, 10'000);
        const int ticks = int(finished.size());
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= ticks + 2, 10'000);   // more ticks: nothing stored twice
        watcher.stop();
        QTRY_VERIFY(!watcher.isFetching());
        const QList<WorkflowRun> runs = storedRuns(*store);
        QCOMPARE(runs.size(), 5);
        QSet<QString> keys;
        for (const WorkflowRun &r : runs)
            keys << r.runKey;
        QCOMPARE(keys.size(), 5);
        QCOMPARE(test::findRun(runs, 1007)->triggerSource, TriggerSource::Realtime);
        QCOMPARE(test::findRun(runs, 1007)->status, RunStatus::Completed);
        QVERIFY(store->read<QList<WorkflowRun>>([](Store &s) { return s.workflowRuns(QStringLiteral("off")); }).result()->isEmpty());
        QCOMPARE(status.size(), 0);   // nothing went wrong
    }

    // Without a token: one status line however many ticks, and nothing stored.
    void watcherReportsAMissingTokenOnce()
    {
        GitHubSimulator sim(QStringLiteral("octo"), QStringLiteral("engine"), kToken);
        populate(sim);
        QVERIFY(sim.start());
        WorkflowConfig config;
        std::unique_ptr<StoreService> store = openStore(QStringLiteral("watch-notoken"), &config);
        QVERIFY(store);
        qunsetenv("GH_WATCH_NO_TOKEN");

        WorkflowWatcher::Options options;
        options.intervalMs = 20;
        options.apiUrl = sim.apiUrl().toString();
        options.tokenEnv = QStringLiteral("GH_WATCH_NO_TOKEN");
        WorkflowWatcher watcher(*store, options);
        QSignalSpy status(&watcher, &WorkflowWatcher::statusChanged);
        QSignalSpy finished(&watcher, &WorkflowWatcher::fetchFinished);
        watcher.start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 3, 10'000);
        watcher.stop();
        QTRY_VERIFY(!watcher.isFetching());
        QCOMPARE(status.size(), 1);
        QCOMPARE(status.first().at(0).toString(), QStringLiteral("bench"));
        const QString line = status.first().at(1).toString();
        QVERIFY2(line.contains(QStringLiteral("GH_WATCH_NO_TOKEN")) && !line.contains(QLatin1Char('\n')), qPrintable(line));
        QVERIFY(storedRuns(*store).isEmpty());
        QCOMPARE(sim.storageRequests, 0);
    }

    // A token GitHub refuses: one status line (never the token), nothing stored, ticks go on.
    void watcherReportsARefusedTokenOnce()
    {
        GitHubSimulator sim(QStringLiteral("octo"), QStringLiteral("engine"), kToken);
        populate(sim);
        QVERIFY(sim.start());
        WorkflowConfig config;
        std::unique_ptr<StoreService> store = openStore(QStringLiteral("watch-refused"), &config);
        QVERIFY(store);
        const QByteArray wrong = "ghp_WrongTokenForTheWatcher0123456789";
        qputenv("GH_WATCH_WRONG_TOKEN", wrong);

        WorkflowWatcher::Options options;
        options.intervalMs = 20;
        options.apiUrl = sim.apiUrl().toString();
        options.tokenEnv = QStringLiteral("GH_WATCH_WRONG_TOKEN");
        WorkflowWatcher watcher(*store, options);
        QSignalSpy status(&watcher, &WorkflowWatcher::statusChanged);
        QSignalSpy finished(&watcher, &WorkflowWatcher::fetchFinished);
        watcher.start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 3, 10'000);
        watcher.stop();
        QTRY_VERIFY(!watcher.isFetching());
        QVERIFY(sim.unauthorized >= 3);
        QCOMPARE(status.size(), 1);
        const QString line = status.first().at(1).toString();
        QVERIFY2(!line.isEmpty() && !line.contains(QLatin1Char('\n')) && !line.contains(QString::fromLatin1(wrong)), qPrintable(line));
        QVERIFY(storedRuns(*store).isEmpty());
    }

    void commandLine()
    {
        GitHubSimulator sim(QStringLiteral("octo"), QStringLiteral("engine"), kToken);
        populate(sim);
        QVERIFY(sim.start());
        const QString data = m_dir.filePath(QStringLiteral("cli"));
        const QString api = sim.apiUrl().toString();
        QCOMPARE(cli(data, {QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("bench"), QStringLiteral("--repo"), QStringLiteral("octo/engine"),
                            QStringLiteral("--workflow"), QStringLiteral("bench.yml"), QStringLiteral("--branch"), QStringLiteral("main"),
                            QStringLiteral("--pattern"), QStringLiteral("bench/**/*.json")}, QString()).exitCode, 0);
        const QStringList range{QStringLiteral("--since"), kT0.toString(Qt::ISODate), QStringLiteral("--until"), kT0.addDays(1).toString(Qt::ISODate),
                                QStringLiteral("--api-url"), api};

        // Bad input: one line and a usage exit, nothing fetched.
        const int before = sim.apiRequests;
        QCOMPARE(cli(data, {QStringLiteral("backfill"), QStringLiteral("bench"), QStringLiteral("--api-url"), api}).exitCode, 2);
        QCOMPARE(cli(data, {QStringLiteral("fetch"), QStringLiteral("bench"), QStringLiteral("--since"), QStringLiteral("yesterday")}).exitCode, 2);
        QCOMPARE(cli(data, {QStringLiteral("fetch"), QStringLiteral("bench"), QStringLiteral("--limit"), QStringLiteral("0")}).exitCode, 2);
        QCOMPARE(cli(data, {QStringLiteral("retry"), QStringLiteral("bench")}).exitCode, 2);
        test::CliRun missing = cli(data, {QStringLiteral("fetch"), QStringLiteral("nope"), QStringLiteral("--api-url"), api});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.err, QStringLiteral("fleetscope: no workflow configuration named 'nope'\n"));
        test::CliRun unset = cli(data, {QStringLiteral("fetch"), QStringLiteral("bench"), QStringLiteral("--api-url"), api}, QStringLiteral("GH_UNSET_VAR"));
        QCOMPARE(unset.exitCode, 1);
        QCOMPARE(unset.err, QStringLiteral("fleetscope: environment variable GH_UNSET_VAR is not set or empty\n"));
        QCOMPARE(sim.apiRequests, before);

        // Dry run: counts, fetches nothing.
        test::CliRun dry = cli(data, QStringList{QStringLiteral("backfill"), QStringLiteral("bench"), QStringLiteral("--dry-run")} + range);
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains(QStringLiteral("4 completed runs; about 9 API calls")), qPrintable(dry.out));
        QCOMPARE(sim.storageRequests, 0);

        // Interrupted: the token is revoked after the first run's artifacts; the fetch stops with one line.
        sim.rejectTokenFromRequest = sim.apiRequests + 5;
        test::CliRun cut = cli(data, QStringList{QStringLiteral("backfill"), QStringLiteral("bench")} + range);
        QCOMPARE(cut.exitCode, 1);
        QVERIFY2(cut.err.contains(QStringLiteral("HTTP 401")) && cut.err.contains(QStringLiteral("Bad credentials")), qPrintable(cut.err));
        QVERIFY(cut.err.contains(QStringLiteral("[1/4] run 1003: failed")));

        // Resumed: what was stored is skipped, the rest collected. Every log line, debug included, goes
        // to the log file, which must show the requests and never the token.
        sim.rejectTokenFromRequest = 0;
        test::CliRun resumed = cli(data, QStringList{QStringLiteral("backfill"), QStringLiteral("bench")} + range,
                                   QStringLiteral("GH_TEST_TOKEN"), QStringLiteral("*.debug=true"));
        QFile log(data + QStringLiteral("/logs/fleetscope.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray logged = log.readAll();
        QVERIFY2(logged.contains("/actions/artifacts/") && logged.contains("attempt 1 of"), logged.right(2000).constData());
        QVERIFY(!logged.contains(kToken));
        QCOMPARE(resumed.exitCode, 0);
        QVERIFY2(resumed.out.contains(QStringLiteral("backfilled: 3 new runs of 'bench' (2 completed, 0 failed, 1 skipped); 1 listed runs were stored already")),
                 qPrintable(resumed.out));
        QVERIFY(resumed.err.contains(QStringLiteral("[3/3] run 1006: skipped")));

        // The failed run, once its artifact is fixed, is retried.
        sim.runs[2].artifacts[0].zip = resultsZip({{QStringLiteral("bench/gbench.json"), gbench()}});
        test::CliRun retried = cli(data, {QStringLiteral("retry"), QStringLiteral("bench"), QStringLiteral("--all-failed"), QStringLiteral("--api-url"), api});
        QCOMPARE(retried.exitCode, 0);
        QVERIFY2(retried.out.contains(QStringLiteral("run 1003: completed, 1 of 1 files read")), qPrintable(retried.out));
        QCOMPARE(cli(data, {QStringLiteral("retry"), QStringLiteral("bench"), QStringLiteral("1003"), QStringLiteral("--api-url"), api}).exitCode, 1);

        const test::CliRun listed = cli(data, {QStringLiteral("runs"), QStringLiteral("--format"), QStringLiteral("json")}, QString());
        const QJsonArray runs = QJsonDocument::fromJson(listed.rawOut).array();
        QCOMPARE(runs.size(), 4);
        for (const QJsonValue &value : runs) {
            const QJsonObject r = value.toObject();
            QCOMPARE(r.value(QLatin1String("trigger_source")).toString(), QStringLiteral("backfill"));
            if (r.value(QLatin1String("github_run_id")).toInteger() == 1003) {
                QCOMPARE(r.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
                QCOMPARE(r.value(QLatin1String("retry_count")).toInteger(), 1);
            }
        }
        QCOMPARE(sim.storageRequestsWithAuthorization, 0);
    }

    void tokenFromTheKeychain()
    {
        if (qEnvironmentVariableIsEmpty("FLEETSCOPE_TEST_KEYRING"))
            QSKIP("needs the throwaway keyring of run-with-keyring.sh");
        GitHubSimulator sim(QStringLiteral("octo"), QStringLiteral("engine"), kToken);
        populate(sim);
        QVERIFY(sim.start());
        const QString data = m_dir.filePath(QStringLiteral("keychain"));
        const QString api = sim.apiUrl().toString();
        QCOMPARE(cli(data, {QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("bench"), QStringLiteral("--repo"), QStringLiteral("octo/engine")}, QString()).exitCode, 0);

        test::CliRun none = cli(data, {QStringLiteral("fetch"), QStringLiteral("bench"), QStringLiteral("--api-url"), api}, QString());
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QStringLiteral("no GitHub token for 127.0.0.1:%1 in the keychain").arg(sim.apiUrl().port())), qPrintable(none.err));

        QProcess set;
        set.start(QStringLiteral(FLEETSCOPE_BINARY), {QStringLiteral("--data-dir"), data, QStringLiteral("workflows"), QStringLiteral("token"),
                                                       QStringLiteral("set"), QStringLiteral("--api-url"), api});
        set.write(kToken + '\n');
        set.closeWriteChannel();
        QVERIFY(set.waitForFinished(30'000));
        QCOMPARE(set.exitCode(), 0);
        QVERIFY(!set.readAll().contains(kToken));

        test::CliRun fetched = cli(data, {QStringLiteral("fetch"), QStringLiteral("bench"), QStringLiteral("--api-url"), api}, QString());
        QCOMPARE(fetched.exitCode, 0);
        QVERIFY2(fetched.out.contains(QStringLiteral("fetched: 5 new runs")), qPrintable(fetched.out + fetched.err));
        QCOMPARE(sim.unauthorized, 0);
    }

    // The newcomer's path: `simulate --github` as a real process, its printed URL and token, a bound
    // configuration, a fetch, and the planted regression found in what was stored.
    void simulateCommandServesADemoRepository()
    {
        QTemporaryDir simDir;
        QProcess simulator;
        simulator.start(QStringLiteral(FLEETSCOPE_BINARY), {QStringLiteral("--data-dir"), simDir.path(), QStringLiteral("simulate"),
                                                             QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--github")});
        QByteArray printed;
        QTRY_VERIFY_WITH_TIMEOUT((printed += simulator.readAllStandardOutput()).contains("workflows token set"), 10'000);
        const QRegularExpressionMatch url = QRegularExpression(QStringLiteral("^GITHUB_API_URL=(http://127\\.0\\.0\\.1:\\d+)$"),
                                                               QRegularExpression::MultilineOption).match(QString::fromUtf8(printed));
        const QRegularExpressionMatch token = QRegularExpression(QStringLiteral("^GITHUB_TOKEN=(\\S+)$"), QRegularExpression::MultilineOption)
                                                  .match(QString::fromUtf8(printed));
        QVERIFY2(url.hasMatch() && token.hasMatch(), printed.constData());
        const QString repo = QStringLiteral("fleetscope-demo/inference-engine");
        QVERIFY(printed.contains(QStringLiteral("workflows configs add demo --repo %1 --workflow bench.yml").arg(repo).toUtf8()));

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GITHUB_API_URL"), url.captured(1));
        env.insert(QStringLiteral("GITHUB_TOKEN"), token.captured(1));
        const QStringList data{QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("simulate")), QStringLiteral("workflows")};
        QCOMPARE(test::runFleetscope(data + QStringList{QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("demo"), QStringLiteral("--repo"), repo,
                                                        QStringLiteral("--workflow"), QStringLiteral("bench.yml"), QStringLiteral("--branch"), QStringLiteral("main")},
                                     env).exitCode, 0);
        const test::CliRun fetched = test::runFleetscope(data + QStringList{QStringLiteral("fetch"), QStringLiteral("demo"), QStringLiteral("--token-env"),
                                                                            QStringLiteral("GITHUB_TOKEN")}, env);
        QCOMPARE(fetched.exitCode, 0);
        QVERIFY2(fetched.out.contains(QStringLiteral("fetched: 8 new runs of 'demo' (8 completed, 0 failed, 0 skipped)")), qPrintable(fetched.out + fetched.err));

        const QJsonArray runs = QJsonDocument::fromJson(test::runFleetscope(data + QStringList{QStringLiteral("runs"), QStringLiteral("--format"),
                                                                                               QStringLiteral("json")}, env).rawOut).array();
        QCOMPARE(runs.size(), 8);
        for (const QJsonValue &value : runs) {
            QCOMPARE(value[QLatin1String("files_processed")].toInteger(), 2);   // Google Benchmark JSON and CSV
            QVERIFY(value[QLatin1String("metrics_count")].toInteger() > 0);
        }
        const test::CliRun regressions = test::runFleetscope(data + QStringList{QStringLiteral("regressions"), QStringLiteral("demo")}, env);
        QCOMPARE(regressions.exitCode, 0);
        QVERIFY2(regressions.out.contains(QStringLiteral("BM_Attention/512")) && !regressions.out.contains(QStringLiteral("BM_Matmul")),
                 qPrintable(regressions.out));

        simulator.terminate();
        QVERIFY(simulator.waitForFinished(5'000));
        QCOMPARE(simulator.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGitHubFetch)
#include "test_githubfetch.moc"
