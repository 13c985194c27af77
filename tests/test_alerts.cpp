// Alert rules: each kind on a synthetic fleet at an injected moment (fires, stays quiet), rule
// validation, the monitor that evaluates after collected data arrives, and the alerts command.
#include "alerts/alertevaluator.h"
#include "alerts/alertmonitor.h"
#include "clirun.h"
#include "store/storeservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

const QDateTime kNow(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);

InstanceSnapshot pod(int minutesAgo, std::optional<double> util, const QString &id = QStringLiteral("pod-a"), qint64 connection = 1)
{
    InstanceSnapshot s;
    s.snapshotTs = kNow.addSecs(-60LL * minutesAgo);
    s.connectionId = connection;
    s.provider = QStringLiteral("runpod");
    s.instanceId = id;
    s.name = id;
    s.gpuType = QStringLiteral("NVIDIA H100 80GB HBM3");
    s.gpuCount = 2;
    s.status = QStringLiteral("RUNNING");
    s.costPerHour = 6.0;
    s.gpuUtilPercent = util;
    return s;
}

ConnectionRecord connection(qint64 id, const QString &name)
{
    ConnectionRecord c;
    c.id = id;
    c.kind = QStringLiteral("runpod");
    c.name = name;
    c.cadenceSeconds = 300;
    c.createdAt = kNow.addDays(-10);
    return c;
}

AlertRule rule(const QString &kind, QJsonObject params = {}, qint64 connectionId = 0)
{
    AlertRule r;
    r.id = 7;
    r.name = kind;
    r.kind = kind;
    r.params = std::move(params);
    r.connectionId = connectionId;
    return r;
}

// A view with pod-a's history every 5 minutes over the last 40 minutes at UTIL.
FleetView idleFleet(const QList<std::optional<double>> &utilOldestFirst)
{
    FleetView view;
    view.now = kNow;
    view.connections = {connection(1, QStringLiteral("prod"))};
    int minutesAgo = 5 * int(utilOldestFirst.size() - 1);
    for (const std::optional<double> &util : utilOldestFirst) {
        view.recentInstances << pod(minutesAgo, util);
        minutesAgo -= 5;
    }
    view.latestInstances = {view.recentInstances.constLast()};
    return view;
}

QStringList messages(const AlertEvaluation &evaluation)
{
    QStringList result;
    for (const AlertFinding &f : evaluation.findings)
        result << f.message;
    return result;
}

} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gpuIdleNeedsTheWholeWindow()
    {
        const AlertRule idle = rule(QStringLiteral("gpu_idle"), {{QStringLiteral("minutes"), 30}});
        const AlertEvaluation fired = evaluateAlerts({idle}, idleFleet({3, 3, 2, 4, 1, 0, 3, 2, 1}));
        QCOMPARE(messages(fired), QStringList{QStringLiteral("pod-a (prod): GPU util under 10 % for 30 min while paying $6.00/hr")});
        QCOMPARE(fired.findings.first().key, QStringLiteral("7:1:pod-a"));
        QCOMPARE(fired.findings.first().severity, QStringLiteral("warning"));
        QCOMPARE(fired.ruleIds, QList<qint64>{7});
        // Busy twenty minutes ago: not idle for the window.
        QVERIFY(evaluateAlerts({idle}, idleFleet({3, 3, 2, 4, 55, 0, 3, 2, 1})).findings.isEmpty());
        // Busy just before the window began: idle for all of it.
        QCOMPARE(evaluateAlerts({idle}, idleFleet({90, 90, 3, 2, 1, 0, 3, 2, 1})).findings.size(), 1);
        // Watched for only 20 minutes: too early to say.
        QVERIFY(evaluateAlerts({idle}, idleFleet({3, 3, 2, 4, 1})).findings.isEmpty());
        // An unknown reading is not idle.
        QVERIFY(evaluateAlerts({idle}, idleFleet({3, 3, 2, std::nullopt, 1, 0, 3, 2, 1})).findings.isEmpty());
        FleetView free = idleFleet({3, 3, 2, 4, 1, 0, 3, 2, 1});
        free.latestInstances.first().costPerHour = 0;   // not paid
        QVERIFY(evaluateAlerts({idle}, free).findings.isEmpty());
        AlertRule other = idle;
        other.connectionId = 2;   // scoped to another connection
        QVERIFY(evaluateAlerts({other}, idleFleet({3, 3, 2, 4, 1, 0, 3, 2, 1})).findings.isEmpty());
        AlertRule off = idle;
        off.enabled = false;
        const AlertEvaluation disabled = evaluateAlerts({off}, idleFleet({3, 3, 2, 4, 1, 0, 3, 2, 1}));
        QVERIFY(disabled.findings.isEmpty());
        QVERIFY(disabled.ruleIds.isEmpty());   // not evaluated, so its open alerts are left as they are
    }

    void burnRateAndRunway()
    {
        FleetView view;
        view.now = kNow;
        view.connections = {connection(1, QStringLiteral("prod")), connection(2, QStringLiteral("lab"))};
        BillingSnapshot billing;
        billing.connectionId = 1;
        billing.currentSpendPerHr = 3.0;
        billing.balance = 100.0;
        view.latestBilling = {billing};
        view.latestInstances = {pod(0, 50, QStringLiteral("lab-1"), 2), pod(0, 50, QStringLiteral("prod-1"), 1)};
        view.latestInstances[0].costPerHour = 4.0;   // lab has no billing: its running instances count
        QCOMPARE(messages(evaluateAlerts({rule(QStringLiteral("burn_rate"), {{QStringLiteral("max_per_hour"), 5}})}, view)),
                 QStringList{QStringLiteral("the fleet burns $7.00/hr, over the cap of $5.00/hr")});
        QVERIFY(evaluateAlerts({rule(QStringLiteral("burn_rate"), {{QStringLiteral("max_per_hour"), 5}}, 1)}, view).findings.isEmpty());
        QCOMPARE(messages(evaluateAlerts({rule(QStringLiteral("balance_runway"), {{QStringLiteral("days"), 7}})}, view)),
                 QStringList{QStringLiteral("prod: the balance of $100.00 lasts 1.4 days at $3.00/hr")});
        QVERIFY(evaluateAlerts({rule(QStringLiteral("balance_runway"), {{QStringLiteral("days"), 1}})}, view).findings.isEmpty());
    }

    void connectionFailingForCycles()
    {
        FleetView view;
        view.now = kNow;
        ConnectionRecord failing = connection(1, QStringLiteral("prod"));
        failing.lastStatus = QStringLiteral("failed");
        failing.lastError = QStringLiteral("auth: 401 Unauthorized");
        failing.lastSuccessAt = kNow.addSecs(-20 * 60);
        ConnectionRecord recent = connection(2, QStringLiteral("lab"));
        recent.lastStatus = QStringLiteral("failed");
        recent.lastSuccessAt = kNow.addSecs(-10 * 60);
        ConnectionRecord disabled = failing;
        disabled.id = 3;
        disabled.enabled = false;
        view.connections = {failing, recent, disabled};
        const AlertEvaluation found = evaluateAlerts({rule(QStringLiteral("connection_failing"), {{QStringLiteral("cycles"), 3}})}, view);
        QCOMPARE(messages(found), QStringList{QStringLiteral("prod is failing (no good sync since 2026-11-23T11:40:00Z): auth: 401 Unauthorized")});
    }

    void endpointHealthProblems()
    {
        FleetView view;
        view.now = kNow;
        view.connections = {connection(1, QStringLiteral("prod"))};
        auto health = [](const QString &id, int minutesAgo, qint64 queue, qint64 running, qint64 unhealthy, qint64 completed, qint64 failed) {
            EndpointHealth h;
            h.observedTs = kNow.addSecs(-60LL * minutesAgo);
            h.connectionId = 1;
            h.endpointId = id;
            h.jobsInQueue = queue;
            h.workersRunning = running;
            h.workersUnhealthy = unhealthy;
            h.jobsCompleted = completed;
            h.jobsFailed = failed;
            return h;
        };
        view.recentHealth = {health(QStringLiteral("ep-stuck"), 4, 2, 0, 0, 50, 0), health(QStringLiteral("ep-stuck"), 2, 9, 0, 0, 50, 0),
                             health(QStringLiteral("ep-sick"), 2, 0, 1, 2, 80, 20), health(QStringLiteral("ep-ok"), 4, 5, 2, 0, 99, 1),
                             health(QStringLiteral("ep-ok"), 2, 8, 2, 0, 99, 1)};
        QStringList found = messages(evaluateAlerts({rule(QStringLiteral("endpoint_unhealthy"))}, view));
        found.sort();
        QCOMPARE(found, (QStringList{QStringLiteral("endpoint ep-sick (prod): 2 unhealthy workers; 20.0 % of jobs failed"),
                                     QStringLiteral("endpoint ep-stuck (prod): queue grew from 2 to 9 with no running worker")}));
    }

    void offersAndPrices()
    {
        FleetView view;
        view.now = kNow;
        view.connections = {connection(1, QStringLiteral("prod"))};
        view.latestInstances = {pod(0, 90)};   // $6.00/hr for 2 H100: $3.00 per GPU-hour
        GpuOffer cheap;
        cheap.connectionId = 4;
        cheap.provider = QStringLiteral("lambda");
        cheap.tier = QStringLiteral("on-demand");
        cheap.gpuType = QStringLiteral("NVIDIA H100 80GB HBM3");
        cheap.pricePerHour = 2.0;
        GpuOffer gone = cheap;
        gone.provider = QStringLiteral("vultr");
        gone.pricePerHour = 1.0;
        gone.available = false;   // cheaper, but not to be had
        view.latestOffers = {cheap, gone};
        QCOMPARE(messages(evaluateAlerts({rule(QStringLiteral("cheaper_offer"), {{QStringLiteral("percent"), 20}})}, view)),
                 QStringList{QStringLiteral("pod-a pays $3.00 per NVIDIA H100 80GB HBM3 GPU-hour; lambda on-demand offers it at $2.00 (33 % less)")});
        QVERIFY(evaluateAlerts({rule(QStringLiteral("cheaper_offer"), {{QStringLiteral("percent"), 40}})}, view).findings.isEmpty());
        // The rule names the GPU as people write it; offers carry the canonical name.
        const AlertRule watch = rule(QStringLiteral("price_below"), {{QStringLiteral("gpu_type"), QStringLiteral("H100 SXM")}, {QStringLiteral("max_price"), 2.5}});
        const AlertEvaluation below = evaluateAlerts({watch}, view);
        QCOMPARE(messages(below), QStringList{QStringLiteral("NVIDIA H100 80GB HBM3 at $2.00/hr on lambda on-demand (alert at $2.50)")});
        QCOMPARE(below.findings.first().connectionId, qint64(4));
    }

    void workflowRegressionsFromStoredRuns()
    {
        QTemporaryDir dir;
        StoreService store(*StoreLocation::parse(QString(), dir.path()));
        QVERIFY(store.startBlocking());
        WriteBatch setup;
        for (const QString &name : {QStringLiteral("serving"), QStringLiteral("paused")}) {
            WorkflowConfig config;
            config.name = name;
            config.githubOwner = QStringLiteral("acme");
            config.githubRepo = QStringLiteral("llm");
            config.enabled = name == QLatin1String("serving");
            setup.workflowConfigs << config;
        }
        // Eight runs: a steady latency, then a jump in the newest; throughput (higher is better) rises.
        const QList<double> latency{100, 101, 99, 100, 102, 98, 100, 140};
        for (qsizetype i = 0; i < latency.size(); ++i) {
            for (const QString &config : {QStringLiteral("serving"), QStringLiteral("paused")}) {
                WorkflowRunWrite run;
                run.run.configName = config;
                run.run.runKey = QString::number(i);
                run.run.githubRunId = 1000 + i;
                run.run.headSha = QStringLiteral("abcdef%1").arg(i);
                run.run.status = RunStatus::Completed;
                run.run.workloadStartedAt = kNow.addSecs(-3600 * (latency.size() - i));
                run.rows.append(MetricRecord{QStringLiteral("bench.json"), QJsonObject{{QStringLiteral("model"), QStringLiteral("llama")}},
                                             {MetricValue{QStringLiteral("ttft"), latency.at(i), QStringLiteral("ms"), MetricDirection::LowerIsBetter},
                                              MetricValue{QStringLiteral("tokens"), 200.0 + 10 * i, QStringLiteral("tok/s"), MetricDirection::HigherIsBetter}}});
                setup.workflowRuns << run;
            }
        }
        QVERIFY(store.writeBlocking(setup));
        auto evaluate = [&store](const AlertRule &watch) {
            WriteBatch rules;
            rules.alertRules << *validateAlertRule(watch);
            if (!store.writeBlocking(rules))
                return QStringList{QStringLiteral("rule not stored")};
            const Result<FleetView> view = store.read<FleetView>([](Store &s) { return readFleetView(s, kNow); }).result();
            return view ? messages(evaluateAlerts({watch}, *view)) : QStringList{view.error().message};
        };
        // Every enabled configuration: the paused one is not read.
        AlertRule every = rule(QStringLiteral("workflow_regression"));
        QCOMPARE(evaluate(every), QStringList{QStringLiteral("serving: ttft {model=llama} 140 ms, +40.0 % vs the median 100 ms of 7 runs before "
                                                             "(lower is better) at abcdef7")});
        // Named: the paused one too; a looser threshold keeps quiet.
        AlertRule paused = rule(QStringLiteral("workflow_regression"), {{QStringLiteral("config"), QStringLiteral("paused")}});
        QCOMPARE(evaluate(paused).size(), 1);
        AlertRule loose = rule(QStringLiteral("workflow_regression"), {{QStringLiteral("threshold_percent"), 50}});
        QVERIFY(evaluate(loose).isEmpty());
        // The rule's method: a z-score flags the same run; the rank test over the newest three sees one bad run, no shift.
        AlertRule z = rule(QStringLiteral("workflow_regression"), {{QStringLiteral("method"), QStringLiteral("zscore")}});
        QCOMPARE(evaluate(z).size(), 1);
        AlertRule ranks = rule(QStringLiteral("workflow_regression"), {{QStringLiteral("method"), QStringLiteral("mannwhitney")}, {QStringLiteral("k"), 3}});
        QVERIFY(evaluate(ranks).isEmpty());
    }

    void rulesAreValidated_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::addRow("unknown kind") << QStringLiteral("gpu_sad") << QString() << QString() << QStringLiteral("unknown kind 'gpu_sad'");
        QTest::addRow("unknown parameter") << QStringLiteral("gpu_idle") << QStringLiteral("hours") << QStringLiteral("1")
                                           << QStringLiteral("gpu_idle has no parameter 'hours'");
        QTest::addRow("not a number") << QStringLiteral("gpu_idle") << QStringLiteral("minutes") << QStringLiteral("ten")
                                      << QStringLiteral("minutes must be a number not below 0");
        QTest::addRow("negative") << QStringLiteral("burn_rate") << QStringLiteral("max_per_hour") << QStringLiteral("-1")
                                  << QStringLiteral("max_per_hour must be a number not below 0");
        QTest::addRow("unknown method") << QStringLiteral("workflow_regression") << QStringLiteral("method") << QStringLiteral("ttest")
                                        << QStringLiteral("method must be one of percent, mad, zscore, mannwhitney");
        QTest::addRow("price without gpu") << QStringLiteral("price_below") << QString() << QString() << QStringLiteral("price_below needs gpu_type");
    }

    void rulesAreValidated()
    {
        QFETCH(QString, kind);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, message);
        AlertRule r = rule(kind);
        if (!key.isEmpty())
            r.params.insert(key, value);
        const Result<AlertRule> checked = validateAlertRule(r);
        QVERIFY(!checked);
        QCOMPARE(checked.error().kind, ErrorClass::Config);
        QVERIFY2(checked.error().message.contains(message), qPrintable(checked.error().message));
        // Defaults fill what a valid rule leaves out; strings that are numbers become numbers.
        AlertRule ok = rule(QStringLiteral("gpu_idle"), {{QStringLiteral("minutes"), QStringLiteral("45")}});
        const Result<AlertRule> filled = validateAlertRule(ok);
        QVERIFY(filled);
        QCOMPARE(filled->params.value(QStringLiteral("minutes")).toDouble(), 45.0);
        QCOMPARE(filled->params.value(QStringLiteral("threshold_percent")).toDouble(), 10.0);
    }

    // After collected data is committed the monitor evaluates, raises what is new once, and the
    // store holds one open alert; the alerts command lists and acknowledges it.
    void monitorRaisesNewAlertsOnceAndTheCommandShowsThem()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.path();
        {
            StoreService store(*StoreLocation::parse(QString(), dataDir));
            QVERIFY(store.startBlocking());
            WriteBatch setup;
            ConnectionRecord prod = connection(0, QStringLiteral("prod"));
            setup.connections << prod;
            QVERIFY(store.writeBlocking(setup));
            const qint64 id = store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result()->first().id;
            WriteBatch rules;
            rules.alertRules << *validateAlertRule(rule(QStringLiteral("gpu_idle"), {{QStringLiteral("minutes"), 10}}));
            QVERIFY(store.writeBlocking(rules));

            AlertMonitor monitor(store, [] { return kNow; });
            QSignalSpy raised(&monitor, &AlertMonitor::alertsRaised);
            WriteBatch collected;
            collected.source = QStringLiteral("prod full cycle");
            for (int minutesAgo : {15, 10, 5, 0}) {
                InstanceSnapshot s = pod(minutesAgo, 2);
                s.connectionId = id;
                collected.instances << s;
            }
            store.submit(collected);   // a committed data batch makes the monitor evaluate
            QVERIFY(raised.wait(5000));
            const auto first = raised.takeFirst().first().value<QList<AlertFinding>>();
            QCOMPARE(first.size(), 1);
            QCOMPARE(first.first().message, QStringLiteral("pod-a (prod): GPU util under 10 % for 10 min while paying $6.00/hr"));
            monitor.evaluateNow();
            QVERIFY(raised.wait(5000));
            QVERIFY(raised.takeFirst().first().value<QList<AlertFinding>>().isEmpty());   // still open: not raised again
            store.flush();
        }
        auto cli = [&dataDir](const QStringList &args) { return test::runFleetscope(QStringList{QStringLiteral("--data-dir"), dataDir} + args); };
        const test::CliRun listed = cli({QStringLiteral("alerts"), QStringLiteral("list"), QStringLiteral("--open"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray open = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(open.size(), 1);
        const QJsonObject alert = open.first().toObject();
        QCOMPARE(alert.value(QStringLiteral("kind")).toString(), QStringLiteral("gpu_idle"));
        QCOMPARE(alert.value(QStringLiteral("resource")).toString(), QStringLiteral("pod-a"));
        QCOMPARE(alert.value(QStringLiteral("fired_at")).toString(), QStringLiteral("2026-11-23T12:00:00Z"));
        QVERIFY(!alert.value(QStringLiteral("acknowledged")).toBool());
        const QString id = QString::number(alert.value(QStringLiteral("id")).toInteger());
        QCOMPARE(cli({QStringLiteral("alerts"), QStringLiteral("ack"), id}).exitCode, 0);
        const test::CliRun after = cli({QStringLiteral("alerts"), QStringLiteral("list")});
        QVERIFY2(after.out.contains(QLatin1String("acknowledged")), qPrintable(after.out));

        const test::CliRun unknownAck = cli({QStringLiteral("alerts"), QStringLiteral("ack"), QStringLiteral("424242")});
        QCOMPARE(unknownAck.exitCode, 1);
        QCOMPARE(unknownAck.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(unknownAck.err.contains(QLatin1String("no alert with id 424242")), qPrintable(unknownAck.err));
        const test::CliRun badKind = cli({QStringLiteral("alerts"), QStringLiteral("rules"), QStringLiteral("add"), QStringLiteral("x"),
                                          QStringLiteral("--kind"), QStringLiteral("gpu_sad")});
        QCOMPARE(badKind.exitCode, 1);
        QVERIFY2(badKind.err.contains(QLatin1String("unknown kind 'gpu_sad'")), qPrintable(badKind.err));
        const test::CliRun added = cli({QStringLiteral("alerts"), QStringLiteral("rules"), QStringLiteral("add"), QStringLiteral("runway"),
                                        QStringLiteral("--kind"), QStringLiteral("balance_runway"), QStringLiteral("--set"), QStringLiteral("days=3"),
                                        QStringLiteral("--connection"), QStringLiteral("prod"), QStringLiteral("--severity"), QStringLiteral("critical")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const test::CliRun rules = cli({QStringLiteral("alerts"), QStringLiteral("rules"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray ruleList = QJsonDocument::fromJson(rules.out.toUtf8()).array();
        QCOMPARE(ruleList.size(), 2);
        QCOMPARE(ruleList.at(1).toObject().value(QStringLiteral("connection")).toString(), QStringLiteral("prod"));
        QCOMPARE(ruleList.at(1).toObject().value(QStringLiteral("params")).toObject().value(QStringLiteral("days")).toDouble(), 3.0);
        QCOMPARE(cli({QStringLiteral("alerts"), QStringLiteral("rules"), QStringLiteral("remove"), QStringLiteral("gpu_idle")}).exitCode, 0);
        QVERIFY(cli({QStringLiteral("alerts"), QStringLiteral("list"), QStringLiteral("--open")}).out.contains(QLatin1String("No alerts.")));
    }
};

QTEST_GUILESS_MAIN(TestAlerts)
#include "test_alerts.moc"
