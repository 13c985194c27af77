// Guardrails against the RunPod simulator: stored idle samples, a dry run that only audits, an
// opt-in that stops (never terminates) once, the CLI, and audit rows on the timeline.
#include "clirun.h"
#include "engine/collectors.h"
#include "engine/engine.h"
#include "guardrails/auditedaction.h"
#include "guardrails/guardrailmonitor.h"
#include "guardrails/guardrailplan.h"
#include "simulator/demo.h"
#include "simulator/digitaloceansimulator.h"
#include "simulator/runpodsimulator.h"
#include "store/storeservice.h"
#include "timeline/timeline.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

const QDateTime kNow(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);

QList<AuditEntry> audit(StoreService &store)
{
    store.flush();
    return store.read<QList<AuditEntry>>([](Store &s) { return s.auditLog({}, {}); }).result().value();
}

} // namespace

class TestGuardrails : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<RunPodSimulator> m_simulator;
    std::unique_ptr<Engine> m_engine;
    qint64 m_connectionId = 0;
    int m_run = 0;
    QString m_idlePod;
    QString m_busyPod;

    // Forty minutes of snapshots, every five: the idle pod at 1 % util, the busy one at 80 %.
    void storeSamples()
    {
        WriteBatch batch;
        batch.source = QStringLiteral("test cycle");
        for (int minutesAgo = 40; minutesAgo >= 0; minutesAgo -= 5) {
            for (const auto &[id, util] : {std::pair{m_idlePod, 1.0}, std::pair{m_busyPod, 80.0}}) {
                InstanceSnapshot s;
                s.snapshotTs = kNow.addSecs(-60LL * minutesAgo);
                s.connectionId = m_connectionId;
                s.provider = QStringLiteral("runpod");
                s.instanceId = id;
                s.name = QStringLiteral("pod-") + id.left(4);
                s.gpuType = QStringLiteral("RTX 4090");
                s.gpuCount = 1;
                s.status = QStringLiteral("running");
                s.costPerHour = 0.44;
                s.gpuUtilPercent = util;
                batch.instances << s;
            }
        }
        QVERIFY(m_store->writeBlocking(batch));
    }

    void setPolicy(bool enabled, bool dryRun, bool atDailyCap = false)
    {
        GuardrailPolicy policy;
        policy.connectionId = m_connectionId;
        policy.stopIdleEnabled = enabled;
        policy.stopAtDailyCap = atDailyCap;
        policy.idleMinutes = 30;
        policy.idleUtilPercent = 5;
        policy.dryRun = dryRun;
        WriteBatch batch;
        batch.source = QStringLiteral("test policy");
        batch.guardrailPolicies << policy;
        QVERIFY(m_store->writeBlocking(batch));
    }

    // A budget with only a daily cap, of SCOPE ("connection": ours; "provider": PROVIDER's).
    void addDailyBudget(double cap, const QString &scope = QStringLiteral("connection"), const QString &provider = QString())
    {
        Budget budget;
        budget.name = QStringLiteral("daily-%1").arg(cap);
        budget.scope = scope;
        budget.provider = provider;
        budget.connectionId = scope == QLatin1String("connection") ? m_connectionId : 0;
        budget.dailyCap = cap;
        WriteBatch batch;
        batch.source = QStringLiteral("test budget");
        batch.budgets << *validateBudget(budget);
        QVERIFY(m_store->writeBlocking(batch));
    }

    void evaluate(GuardrailMonitor &monitor)
    {
        QSignalSpy evaluated(&monitor, &GuardrailMonitor::evaluated);
        monitor.evaluateNow();
        QVERIFY(evaluated.wait(5000));
    }

    const SimPod &simPod(const QString &id) { return *m_simulator->world().pod(id); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString dataDir = m_dir.filePath(QString::number(++m_run));
        QVERIFY(QDir().mkpath(dataDir));
        m_store = std::make_unique<StoreService>(*StoreLocation::parse(QString(), dataDir));
        QVERIFY(m_store->startBlocking());
        SimulatorOptions options;
        options.world.pods = 3;
        options.world.randomEvents = false;
        m_simulator = std::make_unique<RunPodSimulator>(options);
        QVERIFY(m_simulator->start());
        qputenv(kDemoKeyVariable, simulatorkeys::kDemo);
        WriteBatch setup;
        setup.connections << demoConnection(m_simulator->port());
        QVERIFY(m_store->writeBlocking(setup));
        m_connectionId = m_store->read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result()->first().id;
        QList<QString> running;
        for (const SimPod &pod : m_simulator->world().pods()) {
            if (pod.running)
                running << pod.id;
        }
        QVERIFY(running.size() >= 2);
        m_idlePod = running.at(0);
        m_busyPod = running.at(1);
        storeSamples();
        m_engine = std::make_unique<Engine>(builtinCollectors());
        m_engine->start();
    }

    void cleanup()
    {
        m_engine.reset();
        m_simulator.reset();
        m_store.reset();
    }

    void offByDefault()
    {
        GuardrailMonitor monitor(*m_store, GuardrailMonitor::engineStopper(*m_engine), [] { return kNow; });
        evaluate(monitor);
        QVERIFY(audit(*m_store).isEmpty());
        const QList<GuardrailPolicy> stored = m_store->read<QList<GuardrailPolicy>>([](Store &s) { return s.guardrailPolicies(); }).result().value();
        QVERIFY(stored.isEmpty());
        const GuardrailPolicy defaults = policyFor(stored, m_connectionId);
        QVERIFY(!defaults.stopIdleEnabled);
        QVERIFY(defaults.dryRun);
        QVERIFY(simPod(m_idlePod).running);
    }

    void dryRunOnlyAudits()
    {
        setPolicy(true, true);
        GuardrailMonitor monitor(*m_store, GuardrailMonitor::engineStopper(*m_engine), [] { return kNow; });
        evaluate(monitor);
        evaluate(monitor);   // the same idle stretch is audited once
        const QList<AuditEntry> rows = audit(*m_store);
        QCOMPARE(rows.size(), 1);
        const AuditEntry &row = rows.first();
        QCOMPARE(row.actor, QStringLiteral("guardrail"));
        QCOMPARE(row.outcome, QStringLiteral("would"));
        QCOMPARE(row.action, QStringLiteral("stop"));
        QVERIFY(row.dryRun);
        QCOMPARE(row.resourceId, m_idlePod);
        QCOMPARE(row.connectionId, m_connectionId);
        QCOMPARE(row.rule, QStringLiteral("stop idle > 30 min under 5 % (dry run)"));
        QVERIFY2(row.message.contains(QLatin1String("GPU util at most 1.0 %")), qPrintable(row.message));
        QVERIFY(simPod(m_idlePod).running);   // nothing was stopped
        QVERIFY(simPod(m_busyPod).running);
    }

    void actingStopsOnceAndNeverTerminates()
    {
        setPolicy(true, false);
        const qsizetype podsBefore = m_simulator->world().pods().size();
        GuardrailMonitor monitor(*m_store, GuardrailMonitor::engineStopper(*m_engine), [] { return kNow; });
        QSignalSpy audited(&monitor, &GuardrailMonitor::audited);
        evaluate(monitor);
        QTRY_COMPARE_WITH_TIMEOUT(audited.size(), 1, 10'000);
        const AuditEntry stopped = audited.first().first().value<QList<AuditEntry>>().first();
        QCOMPARE(stopped.outcome, QStringLiteral("ok"));
        QVERIFY(!stopped.dryRun);
        QVERIFY(!simPod(m_idlePod).running);   // stopped ...
        QCOMPARE(m_simulator->world().pods().size(), podsBefore);   // ... not terminated: the pod and its volume are there
        QVERIFY(simPod(m_busyPod).running);

        // The stored snapshot still says running (no cycle since): no second stop.
        evaluate(monitor);
        QTest::qWait(200);
        const QList<AuditEntry> rows = audit(*m_store);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().outcome, QStringLiteral("ok"));
        QCOMPARE(rows.first().resourceId, m_idlePod);
        QVERIFY2(rows.first().message.startsWith(QLatin1String("stopped ")), qPrintable(rows.first().message));

        // On the timeline as an action.
        const QList<FleetEvent> events = m_store->read<QList<FleetEvent>>([](Store &s) { return readTimeline(s, {}, {}); }).result().value();
        const auto action = std::find_if(events.cbegin(), events.cend(), [](const FleetEvent &e) { return e.kind == QLatin1String("action"); });
        QVERIFY(action != events.cend());
        QCOMPARE(action->resource, m_idlePod);
        QVERIFY2(action->message.startsWith(QLatin1String("[guardrail] stopped ")), qPrintable(action->message));
    }

    // Both pods ran 40 min at $0.44/hr: $0.59 spent today by the stored snapshots.
    void dailyCapDryRunThenStopsEveryRunningPod()
    {
        addDailyBudget(0.50);
        setPolicy(false, true, true);
        GuardrailMonitor monitor(*m_store, GuardrailMonitor::engineStopper(*m_engine), [] { return kNow; });
        evaluate(monitor);
        evaluate(monitor);   // audited once while the cap stays reached
        QList<AuditEntry> rows = audit(*m_store);
        QCOMPARE(rows.size(), 2);
        QStringList pods;
        for (const AuditEntry &row : std::as_const(rows)) {
            QCOMPARE(row.outcome, QStringLiteral("would"));
            QCOMPARE(row.rule, QStringLiteral("stop all at daily cap of budget 'daily-0.5' (dry run)"));
            QVERIFY2(row.message.contains(QLatin1String("spent $0.59 of its $0.50 daily cap today")), qPrintable(row.message));
            pods << row.resourceId;
        }
        pods.sort();
        QStringList expected{m_idlePod, m_busyPod};
        expected.sort();
        QCOMPARE(pods, expected);   // busy or not: the cap stops them all
        QVERIFY(simPod(m_idlePod).running);
        QVERIFY(simPod(m_busyPod).running);

        setPolicy(false, false, true);
        const qsizetype podsBefore = m_simulator->world().pods().size();
        GuardrailMonitor acting(*m_store, GuardrailMonitor::engineStopper(*m_engine), [] { return kNow; });
        QSignalSpy audited(&acting, &GuardrailMonitor::audited);
        evaluate(acting);
        QTRY_COMPARE_WITH_TIMEOUT(audited.size(), 2, 10'000);
        QVERIFY(!simPod(m_idlePod).running);
        QVERIFY(!simPod(m_busyPod).running);
        QCOMPARE(m_simulator->world().pods().size(), podsBefore);   // stopped, never terminated
        rows = audit(*m_store);
        QCOMPARE(rows.size(), 4);
        for (const AuditEntry &row : rows.mid(2)) {
            QCOMPARE(row.outcome, QStringLiteral("ok"));
            QCOMPARE(row.rule, QStringLiteral("stop all at daily cap of budget 'daily-0.5'"));
        }
    }

    void dailyCapNotReachedOrNotCoveringStopsNothing()
    {
        addDailyBudget(5.00);                                            // $0.59 of $5: not reached
        addDailyBudget(0.10, QStringLiteral("provider"), QStringLiteral("vultr"));   // reached, but not our provider
        setPolicy(false, false, true);
        GuardrailMonitor monitor(*m_store, GuardrailMonitor::engineStopper(*m_engine), [] { return kNow; });
        evaluate(monitor);
        QTest::qWait(200);
        QVERIFY(audit(*m_store).isEmpty());
        QVERIFY(simPod(m_idlePod).running);
        QVERIFY(simPod(m_busyPod).running);
        // The preview shows the idle rule's catch even while that rule is off, and no cap candidate.
        const GuardrailPreview plan = m_store->read<GuardrailPreview>([this](Store &s) { return previewGuardrail(s, m_connectionId, kNow); }).result().value();
        QCOMPARE(plan.candidates.size(), 1);
        QCOMPARE(plan.candidates.first().pod.instanceId, m_idlePod);
        QVERIFY(plan.candidates.first().rule.startsWith(QLatin1String("stop idle")));
    }

    void staleSnapshotsAreNotActedOn()
    {
        setPolicy(true, false);
        // Two hours after the last stored snapshot (cadence 30 s): the pod may well be busy by now.
        GuardrailMonitor monitor(*m_store, GuardrailMonitor::engineStopper(*m_engine), [] { return kNow.addSecs(7200); });
        evaluate(monitor);
        QVERIFY(audit(*m_store).isEmpty());
        QVERIFY(simPod(m_idlePod).running);
    }

    void failedStopIsAudited()
    {
        setPolicy(true, false);
        GuardrailMonitor::StopPod refuse = [](const ConnectionRecord &, const InstanceSnapshot &, QObject *, std::function<void(Result<QString>)> done) {
            done(fail(ErrorClass::Auth, QStringLiteral("runpod stop: key rejected")));
        };
        GuardrailMonitor monitor(*m_store, refuse, [] { return kNow; });
        evaluate(monitor);
        const QList<AuditEntry> rows = audit(*m_store);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().outcome, QStringLiteral("failed"));
        QVERIFY2(rows.first().message.contains(QLatin1String("key rejected")), qPrintable(rows.first().message));
    }

    void userActionsAreAudited()
    {
        WriteBatch batch;
        batch.auditEntries << podActionAudit(QStringLiteral("user"), m_connectionId, m_busyPod, QStringLiteral("terminate"),
                                             fail(ErrorClass::Unavailable, QStringLiteral("runpod terminate: HTTP 503")), kNow)
                           << podActionAudit(QStringLiteral("cli"), m_connectionId, m_busyPod, QStringLiteral("resume"),
                                             Result<QString>(QStringLiteral("RUNNING")), kNow.addSecs(1));
        QVERIFY(m_store->writeBlocking(batch));
        const QList<AuditEntry> rows = audit(*m_store);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).outcome, QStringLiteral("failed"));
        QCOMPARE(rows.at(0).message, QStringLiteral("terminate failed: runpod terminate: HTTP 503"));
        QCOMPARE(rows.at(1).actor, QStringLiteral("cli"));
        QCOMPARE(rows.at(1).message, QStringLiteral("resume: now RUNNING"));
        const QList<FleetEvent> events = m_store->read<QList<FleetEvent>>([](Store &s) { return readTimeline(s, kNow, kNow.addSecs(1)); }).result().value();
        QCOMPARE(events.size(), 1);   // the range is half-open
        QCOMPARE(events.first().kind, QStringLiteral("action"));
        QCOMPARE(events.first().message, QStringLiteral("[user] terminate failed: runpod terminate: HTTP 503"));
    }

    void windowActionsAreAuditedThroughTheEngine()
    {
        const ConnectionRecord connection = m_store->read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result()->first();
        InstanceSnapshot pod;
        pod.connectionId = connection.id;
        pod.instanceId = m_busyPod;
        pod.gpuCount = 1;
        std::optional<Result<QString>> outcome;
        QObject receiver;
        runAuditedPodAction(*m_engine, *m_store, connection, pod, PodAction::Stop, QStringLiteral("user"), &receiver,
                            [&outcome](Result<QString> result) { outcome = std::move(result); });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY2(*outcome, qPrintable(outcome->error().message));
        QVERIFY(!simPod(m_busyPod).running);
        pod.instanceId = QStringLiteral("no-such-pod");
        outcome.reset();
        runAuditedPodAction(*m_engine, *m_store, connection, pod, PodAction::Resume, QStringLiteral("user"), &receiver,
                            [&outcome](Result<QString> result) { outcome = std::move(result); });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(!*outcome);
        const QList<AuditEntry> rows = audit(*m_store);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).actor, QStringLiteral("user"));
        QCOMPARE(rows.at(0).action, QStringLiteral("stop"));
        QCOMPARE(rows.at(0).outcome, QStringLiteral("ok"));
        QCOMPARE(rows.at(0).message, QStringLiteral("stop: now EXITED"));
        QCOMPARE(rows.at(1).action, QStringLiteral("resume"));
        QCOMPARE(rows.at(1).outcome, QStringLiteral("failed"));
    }

    // A descriptor provider with a stop action is guarded the same way: the demo's DigitalOcean account,
    // its idle Droplet powered off through the descriptor's action, audited, the busy one left on.
    void descriptorProvidersAreGuardedToo()
    {
        DigitalOceanSimulator digitalOcean(kNow.toMSecsSinceEpoch() - 3'600'000);
        QVERIFY(digitalOcean.start());
        WriteBatch setup;
        setup.connections << demoDigitalOceanConnection(digitalOcean.port());
        QVERIFY(m_store->writeBlocking(setup));
        qint64 connectionId = 0;
        const Result<QList<ConnectionRecord>> connections = m_store->read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result();
        QVERIFY(connections);
        for (const ConnectionRecord &c : *connections)
            connectionId = c.kind == QLatin1String("digitalocean") ? c.id : connectionId;
        QVERIFY(connectionId > 0);
        const QString idle = QString::number(digitalOcean.droplets().at(0).id);
        const QString busy = QString::number(digitalOcean.droplets().at(1).id);
        WriteBatch samples;
        samples.source = QStringLiteral("test cycle");
        for (int minutesAgo = 40; minutesAgo >= 0; minutesAgo -= 5) {
            for (const auto &[id, util] : {std::pair{idle, 2.0}, std::pair{busy, 90.0}}) {
                InstanceSnapshot s;
                s.snapshotTs = kNow.addSecs(-60LL * minutesAgo);
                s.connectionId = connectionId;
                s.provider = QStringLiteral("digitalocean");
                s.instanceId = id;
                s.name = QStringLiteral("droplet-") + id;
                s.gpuType = QStringLiteral("L40S");
                s.gpuCount = 1;
                s.status = QStringLiteral("running");
                s.costPerHour = 1.57;
                s.gpuUtilPercent = util;
                samples.instances << s;
            }
        }
        GuardrailPolicy policy;
        policy.connectionId = connectionId;
        policy.stopIdleEnabled = true;
        policy.idleMinutes = 30;
        policy.idleUtilPercent = 5;
        policy.dryRun = false;
        samples.guardrailPolicies << policy;
        QVERIFY(m_store->writeBlocking(samples));

        GuardrailMonitor monitor(*m_store, GuardrailMonitor::engineStopper(*m_engine), [] { return kNow; });
        QSignalSpy audited(&monitor, &GuardrailMonitor::audited);
        evaluate(monitor);
        QTRY_VERIFY_WITH_TIMEOUT(!audited.isEmpty(), 10'000);
        const QList<AuditEntry> rows = audit(*m_store);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().resourceId, idle);
        QCOMPARE(rows.first().outcome, QStringLiteral("ok"));
        QCOMPARE(rows.first().action, QStringLiteral("stop"));

        // The provider's own list: the idle Droplet is off, the busy one still active.
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(digitalOcean.baseUrl() + QStringLiteral("/droplets?per_page=200")));
        request.setRawHeader("Authorization", QByteArray("Bearer ") + simulatorkeys::kDemo);
        QNetworkReply *reply = nam.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QHash<QString, QString> status;
        for (const QJsonValue &d : QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("droplets")).toArray())
            status.insert(QString::number(d[QLatin1String("id")].toInteger()), d[QLatin1String("status")].toString());
        reply->deleteLater();
        QCOMPARE(status.value(idle), QStringLiteral("off"));
        QCOMPARE(status.value(busy), QStringLiteral("active"));
    }

    void policyValidation_data()
    {
        QTest::addColumn<int>("minutes");
        QTest::addColumn<double>("util");
        QTest::addColumn<bool>("valid");
        QTest::addRow("defaults") << 60 << 5.0 << true;
        QTest::addRow("zero minutes") << 0 << 5.0 << false;
        QTest::addRow("beyond six hours") << 361 << 5.0 << false;
        QTest::addRow("negative util") << 30 << -1.0 << false;
        QTest::addRow("over 100 percent") << 30 << 101.0 << false;
    }

    void policyValidation()
    {
        QFETCH(int, minutes);
        QFETCH(double, util);
        QFETCH(bool, valid);
        GuardrailPolicy p;
        p.connectionId = 1;
        p.idleMinutes = minutes;
        p.idleUtilPercent = util;
        QCOMPARE(bool(validateGuardrailPolicy(p)), valid);
        QVERIFY(guardrailsSupported(QStringLiteral("runpod")));
        QVERIFY(guardrailsSupported(QStringLiteral("vultr")));        // a descriptor with a stop action
        QVERIFY(!guardrailsSupported(QStringLiteral("lambda")));      // terminate and reboot only
        QVERIFY(!guardrailsSupported(QStringLiteral("prometheus")));
    }

    void cli()
    {
        m_store->flush();
        const QString dataDir = m_dir.path();
        const QString storeFile = m_store->location().sqlitePath;
        auto run = [&](const QStringList &args) {
            return test::runFleetscope(QStringList{QStringLiteral("--data-dir"), dataDir, QStringLiteral("--store"), storeFile} + args);
        };
        const QString name = m_store->read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result()->first().name;
        const test::CliRun shown = run({QStringLiteral("guardrails"), QStringLiteral("show"), name});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.contains(QLatin1String("off")) && shown.out.contains(QLatin1String("dry run")), qPrintable(shown.out));

        // Bad input: one line, non-zero, nothing stored.
        for (const QStringList &bad : {QStringList{QStringLiteral("set"), name, QStringLiteral("--stop-idle-minutes"), QStringLiteral("soon")},
                                       QStringList{QStringLiteral("set"), name, QStringLiteral("--idle-util"), QStringLiteral("150")},
                                       QStringList{QStringLiteral("set"), name, QStringLiteral("--dry-run"), QStringLiteral("--act")},
                                       QStringList{QStringLiteral("set"), QStringLiteral("no-such-connection"), QStringLiteral("--enable")},
                                       QStringList{QStringLiteral("preview")}}) {
            const test::CliRun failed = run(QStringList{QStringLiteral("guardrails")} + bad);
            QVERIFY2(failed.exitCode != 0, qPrintable(bad.join(QLatin1Char(' '))));
            QCOMPARE(failed.err.trimmed().count(QLatin1Char('\n')), 0);
        }
        // A provider whose lifecycle cannot stop pods is refused with the reason.
        WriteBatch prometheus;
        ConnectionRecord lab;
        lab.kind = QStringLiteral("prometheus");
        lab.name = QStringLiteral("lab");
        lab.settings = QJsonObject{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9")}};
        prometheus.connections << lab;
        QVERIFY(m_store->writeBlocking(prometheus));
        const test::CliRun refused = run({QStringLiteral("guardrails"), QStringLiteral("set"), QStringLiteral("lab"), QStringLiteral("--enable")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("prometheus connections cannot stop pods from Fleetscope (the provider offers no stop action)")), qPrintable(refused.err));
        QVERIFY(m_store->read<QList<GuardrailPolicy>>([](Store &s) { return s.guardrailPolicies(); }).result()->isEmpty());

        const test::CliRun preview = run({QStringLiteral("guardrails"), QStringLiteral("preview"), name});
        QCOMPARE(preview.exitCode, 0);
        // The stored samples end at kNow, hours ago: nothing is idle *now* by them.
        QVERIFY2(preview.out.contains(QLatin1String("Nothing to stop")), qPrintable(preview.out));

        const test::CliRun set = run({QStringLiteral("guardrails"), QStringLiteral("set"), name, QStringLiteral("--enable"),
                                      QStringLiteral("--stop-idle-minutes"), QStringLiteral("45"), QStringLiteral("--idle-util"), QStringLiteral("3")});
        QCOMPARE(set.exitCode, 0);
        const QList<GuardrailPolicy> stored = m_store->read<QList<GuardrailPolicy>>([](Store &s) { return s.guardrailPolicies(); }).result().value();
        QCOMPARE(stored.size(), 1);
        QVERIFY(stored.first().stopIdleEnabled);
        QVERIFY(stored.first().dryRun);   // acting needs --act
        QCOMPARE(stored.first().idleMinutes, 45);
        QCOMPARE(stored.first().idleUtilPercent, 3.0);
        QVERIFY(!stored.first().stopAtDailyCap);

        const test::CliRun atCap = run({QStringLiteral("guardrails"), QStringLiteral("set"), name, QStringLiteral("--stop-at-daily-cap")});
        QCOMPARE(atCap.exitCode, 0);
        QVERIFY2(atCap.out.contains(QLatin1String("No budget with a daily cap covers")), qPrintable(atCap.out));
        QVERIFY2(atCap.out.contains(QLatin1String("stop all")), qPrintable(atCap.out));
        const QList<GuardrailPolicy> capped = m_store->read<QList<GuardrailPolicy>>([](Store &s) { return s.guardrailPolicies(); }).result().value();
        QVERIFY(capped.first().stopAtDailyCap);
        QCOMPARE(capped.first().idleMinutes, 45);   // the other settings kept
        const test::CliRun contradiction = run({QStringLiteral("guardrails"), QStringLiteral("set"), name, QStringLiteral("--stop-at-daily-cap"),
                                                QStringLiteral("--no-stop-at-daily-cap")});
        QCOMPARE(contradiction.exitCode, 1);
        QCOMPARE(contradiction.err.trimmed().count(QLatin1Char('\n')), 0);

        WriteBatch entries;
        entries.auditEntries << podActionAudit(QStringLiteral("user"), m_connectionId, m_idlePod, QStringLiteral("stop"),
                                               Result<QString>(QStringLiteral("EXITED")), kNow);
        QVERIFY(m_store->writeBlocking(entries));
        m_store->flush();
        const test::CliRun listed = run({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(listed.rawOut).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("connection")).toString(), name);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("ok"));
        const test::CliRun later = run({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--since"), QStringLiteral("2026-11-23T12:00:01Z")});
        QCOMPARE(later.exitCode, 0);
        QVERIFY2(later.out.contains(QLatin1String("No audited actions.")), qPrintable(later.out));
        const test::CliRun badSince = run({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--since"), QStringLiteral("yesterday")});
        QCOMPARE(badSince.exitCode, 1);
    }

    void cliPodActionsAreAudited()
    {
        m_store->flush();
        const QString name = m_store->read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result()->first().name;
        auto run = [&](const QStringList &args) {
            return test::runFleetscope(QStringList{QStringLiteral("--store"), m_store->location().sqlitePath, QStringLiteral("pods")} + args);
        };
        const test::CliRun stopped = run({QStringLiteral("stop"), name, m_idlePod});
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.err));
        QVERIFY(!simPod(m_idlePod).running);
        const test::CliRun unconfirmed = run({QStringLiteral("terminate"), name, m_busyPod});
        QCOMPARE(unconfirmed.exitCode, 1);
        QVERIFY(m_simulator->world().pod(m_busyPod));   // still there
        const test::CliRun unknown = run({QStringLiteral("stop"), name, QStringLiteral("no-such-pod")});
        QCOMPARE(unknown.exitCode, 1);
        const QList<AuditEntry> rows = audit(*m_store);
        QCOMPARE(rows.size(), 2);   // the refused terminate never reached the provider
        QCOMPARE(rows.at(0).actor, QStringLiteral("cli"));
        QCOMPARE(rows.at(0).outcome, QStringLiteral("ok"));
        QCOMPARE(rows.at(0).resourceId, m_idlePod);
        QCOMPARE(rows.at(1).outcome, QStringLiteral("failed"));
        QCOMPARE(rows.at(1).resourceId, QStringLiteral("no-such-pod"));
    }
};

QTEST_GUILESS_MAIN(TestGuardrails)
#include "test_guardrails.moc"
