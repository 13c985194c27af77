// The writer thread: one transaction per batch, arrival order, duplicates, reader threads, retention.
// Built twice: test_storewriter (SQLite) and test_storewriter_pg (FLEETSCOPE_TEST_POSTGRES), the
// same scenarios with the same exact values against both dialects.
#include "store/retention.h"
#include "workflows/runcost.h"
#include "store/storeservice.h"
#include "storedialect.h"
#include "teststore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

template<typename T>
T readNow(StoreService &service, std::function<Result<T>(Store &)> fn)
{
    Result<T> result = service.read<T>(std::move(fn)).result();
    if (!result)
        qFatal("read failed: %s", qPrintable(result.error().message));
    return *result;
}

SeriesSamples ramp(qint64 connectionId, const QString &metric, qint64 startMs, int count, qint64 stepMs)
{
    SeriesSamples series;
    series.key = SeriesKey{connectionId, metric, QStringLiteral("{\"gpu\":\"0\"}")};
    for (int i = 0; i < count; ++i)
        series.samples << Sample{startMs + i * stepMs, double(i)};
    return series;
}

} // namespace

class TestStoreWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
#ifdef FLEETSCOPE_TEST_POSTGRES
    test::StoreDialect m_dialect{true};
#else
    test::StoreDialect m_dialect{false};
#endif
    std::unique_ptr<StoreService> m_service;

    qint64 connectionId(const QString &name)
    {
        const auto all = readNow<QList<ConnectionRecord>>(*m_service, [](Store &s) { return s.connections(); });
        for (const ConnectionRecord &c : all) {
            if (c.name == name)
                return c.id;
        }
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_dialect.start(), qPrintable(m_dialect.error()));
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_service = std::make_unique<StoreService>(m_dialect.fresh(m_dir.filePath(QStringLiteral("data"))));
        Result<int> started = m_service->startBlocking();
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        m_service->submit(test::connectionBatch(QStringLiteral("lab")));
        m_service->flush();
        // Deliver the set-up batch's queued signal now, so the tests' spies see only their own.
        QCoreApplication::processEvents();
    }

    void cleanup()
    {
        m_service.reset();
        QDir(m_dir.filePath(QStringLiteral("data"))).removeRecursively();
    }

    void failedBatchLeavesNothingBehind()
    {
        const qint64 id = connectionId(QStringLiteral("lab"));
        QVERIFY(id > 0);
        QSignalSpy committed(m_service.get(), &StoreService::batchCommitted);
        QSignalSpy failed(m_service.get(), &StoreService::batchFailed);

        WriteBatch good;
        good.source = QStringLiteral("good");
        good.series << ramp(id, QStringLiteral("gpu_util"), 1'700'000'000'000, 100, 1000);
        m_service->submit(good);

        // Valid samples first, then a series of a connection that does not exist (foreign key).
        WriteBatch bad;
        bad.source = QStringLiteral("bad");
        bad.connections << test::connection(QStringLiteral("half-written"));
        bad.series << ramp(id, QStringLiteral("gpu_util"), 1'800'000'000'000, 50, 1000);
        bad.series << ramp(987654, QStringLiteral("orphan"), 1'800'000'000'000, 5, 1000);
        m_service->submit(bad);
        m_service->flush();

        QTRY_COMPARE(committed.size(), 1);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("bad"));
        const Error error = failed.at(0).at(1).value<Error>();
        QCOMPARE(error.kind, m_dialect.constraintError());
        QVERIFY2(error.message.startsWith(QLatin1String("bad: ")), qPrintable(error.message));

        QCOMPARE(readNow<qint64>(*m_service, [](Store &s) { return s.sampleCount(); }), qint64(100));
        QCOMPARE(connectionId(QStringLiteral("half-written")), qint64(0));

        // The writer is still healthy afterwards.
        WriteBatch after;
        after.source = QStringLiteral("after");
        after.series << ramp(id, QStringLiteral("gpu_util"), 1'900'000'000'000, 10, 1000);
        m_service->submit(after);
        m_service->flush();
        QTRY_COMPARE(committed.size(), 2);
        QCOMPARE(readNow<qint64>(*m_service, [](Store &s) { return s.sampleCount(); }), qint64(110));
    }

    void syncStatusIsRecordedOnTheConnection()
    {
        const qint64 id = connectionId(QStringLiteral("lab"));
        const QDateTime when(QDate(2026, 11, 23), QTime(12, 30), Qt::UTC);
        WriteBatch batch;
        batch.statuses << ConnectionStatus{id, when, QStringLiteral("failed"), QStringLiteral("unavailable: lab:9400/metrics: connection refused")};
        m_service->submit(batch);
        m_service->flush();
        auto all = readNow<QList<ConnectionRecord>>(*m_service, [](Store &s) { return s.connections(); });
        QCOMPARE(all.first().lastSyncAt, when);
        QCOMPARE(all.first().lastStatus, QStringLiteral("failed"));
        QVERIFY(all.first().lastError.contains(QLatin1String("connection refused")));

        batch.statuses = {ConnectionStatus{id, when.addSecs(60), QStringLiteral("ok"), QString()}};
        m_service->submit(batch);
        m_service->flush();
        all = readNow<QList<ConnectionRecord>>(*m_service, [](Store &s) { return s.connections(); });
        QCOMPARE(all.first().lastStatus, QStringLiteral("ok"));
        QVERIFY(all.first().lastError.isEmpty());
        QCOMPARE(all.first().lastSuccessAt, when.addSecs(60));
        QCOMPARE(all.first().cadenceSeconds, 60);   // the rest of the row is untouched

        // A later failure moves the last attempt, not the last good sync.
        batch.statuses = {ConnectionStatus{id, when.addSecs(120), QStringLiteral("failed"), QStringLiteral("auth: 401")}};
        m_service->submit(batch);
        m_service->flush();
        all = readNow<QList<ConnectionRecord>>(*m_service, [](Store &s) { return s.connections(); });
        QCOMPARE(all.first().lastSyncAt, when.addSecs(120));
        QCOMPARE(all.first().lastSuccessAt, when.addSecs(60));
        QCOMPARE(all.first().lastStatus, QStringLiteral("failed"));
    }

    void alertsOpenOnceAndResolveWhenTheConditionClears()
    {
        const qint64 lab = connectionId(QStringLiteral("lab"));
        AlertRule rule;
        rule.name = QStringLiteral("idle pods");
        rule.kind = QStringLiteral("gpu_idle");
        rule.connectionId = lab;
        rule.params = QJsonObject{{QStringLiteral("minutes"), 30}};
        WriteBatch rules;
        rules.alertRules << rule;
        QVERIFY(m_service->writeBlocking(rules));
        const auto stored = readNow<QList<AlertRule>>(*m_service, [](Store &s) { return s.alertRules(); });
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored[0].connectionId, lab);
        QCOMPARE(stored[0].params.value(QStringLiteral("minutes")).toInt(), 30);
        QVERIFY(stored[0].enabled);
        const qint64 ruleId = stored[0].id;

        const QDateTime t0(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
        AlertFinding idle;
        idle.ruleId = ruleId;
        idle.key = QStringLiteral("%1:%2:pod-a").arg(ruleId).arg(lab);
        idle.kind = rule.kind;
        idle.severity = QStringLiteral("warning");
        idle.connectionId = lab;
        idle.resourceId = QStringLiteral("pod-a");
        idle.message = QStringLiteral("pod-a idle for 30 min");
        auto evaluate = [&](const QDateTime &at, const QList<AlertFinding> &findings) {
            WriteBatch batch;
            batch.alertEvaluations << AlertEvaluation{at, {ruleId}, findings};
            return bool(m_service->writeBlocking(batch));
        };
        auto open = [this] { return readNow<QList<AlertRecord>>(*m_service, [](Store &s) { return s.alerts(true); }); };
        auto all = [this] { return readNow<QList<AlertRecord>>(*m_service, [](Store &s) { return s.alerts(false); }); };

        QVERIFY(evaluate(t0, {idle}));
        idle.message = QStringLiteral("pod-a idle for 35 min");
        QVERIFY(evaluate(t0.addSecs(300), {idle}));
        QCOMPARE(open().size(), 1);   // the same condition again: one alert, seen again
        const AlertRecord first = open().first();
        QCOMPARE(first.firedAt, t0);
        QCOMPARE(first.lastSeenAt, t0.addSecs(300));
        QCOMPARE(first.finding.message, QStringLiteral("pod-a idle for 35 min"));
        QCOMPARE(first.finding.resourceId, QStringLiteral("pod-a"));
        QCOMPARE(first.finding.connectionId, lab);
        QVERIFY(!first.acknowledged);

        WriteBatch ack;
        ack.acknowledgedAlerts << first.id;
        QVERIFY(m_service->writeBlocking(ack));
        QVERIFY(open().first().acknowledged);
        QVERIFY(open().first().acknowledgedAt.isValid());

        QVERIFY(evaluate(t0.addSecs(600), {}));   // cleared
        QVERIFY(open().isEmpty());
        QCOMPARE(all().size(), 1);
        QCOMPARE(all().first().resolvedAt, t0.addSecs(600));

        QVERIFY(evaluate(t0.addSecs(900), {idle}));   // back again: a new alert, not the acknowledged one
        QCOMPARE(all().size(), 2);
        QCOMPARE(open().size(), 1);
        QVERIFY(!open().first().acknowledged);
        QCOMPARE(open().first().firedAt, t0.addSecs(900));

        WriteBatch unknown;
        unknown.acknowledgedAlerts << 987654;
        const Result<WriteSummary> refused = m_service->writeBlocking(unknown);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("no alert with id 987654")), qPrintable(refused.error().message));

        WriteBatch remove;
        remove.removedAlertRules << rule.name;
        QVERIFY(m_service->writeBlocking(remove));
        QVERIFY(open().isEmpty());   // a removed rule's alerts are resolved, not left open forever
        QVERIFY(readNow<QList<AlertRule>>(*m_service, [](Store &s) { return s.alertRules(); }).isEmpty());
        const Result<WriteSummary> again = m_service->writeBlocking(remove);
        QVERIFY(!again);
        QCOMPARE(again.error().kind, ErrorClass::Config);
    }

    void offersBelongToTheirConnection()
    {
        const qint64 lab = connectionId(QStringLiteral("lab"));
        const QDateTime t0(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
        GpuOffer offer;
        offer.observedTs = t0;
        offer.connectionId = lab;
        offer.provider = QStringLiteral("runpod");
        offer.gpuType = QStringLiteral("NVIDIA A40");
        offer.tier = QStringLiteral("secure");
        offer.pricePerHour = 0.4;
        GpuOffer older = offer;   // from before offers knew their connection
        older.connectionId = 0;
        older.provider = QStringLiteral("lambda");
        WriteBatch batch;
        batch.offers << offer << older;
        QVERIFY(m_service->writeBlocking(batch));
        auto latest = readNow<QList<GpuOffer>>(*m_service, [](Store &s) { return s.latestOffers(); });
        QCOMPARE(latest.size(), 2);
        QCOMPARE(latest[0].connectionId, qint64(0));
        QCOMPARE(latest[1].connectionId, lab);

        // A removed connection's offers leave the current list but stay in history; purging deletes them.
        WriteBatch remove;
        remove.removedConnections << lab;
        QVERIFY(m_service->writeBlocking(remove));
        latest = readNow<QList<GpuOffer>>(*m_service, [](Store &s) { return s.latestOffers(); });
        QCOMPARE(latest.size(), 1);
        QCOMPARE(latest[0].provider, QStringLiteral("lambda"));
        const QString a40 = offer.gpuType;
        QCOMPARE(readNow<QList<GpuOffer>>(*m_service, [a40](Store &s) { return s.offerHistory(a40, QDateTime(), QDateTime()); }).size(), 2);
        WriteBatch purge;
        purge.purgedConnections << lab;
        QVERIFY(m_service->writeBlocking(purge));
        QCOMPARE(readNow<QList<GpuOffer>>(*m_service, [a40](Store &s) { return s.offerHistory(a40, QDateTime(), QDateTime()); }).size(), 1);
    }

    void guardrailPoliciesAndAuditRoundTrip()
    {
        const qint64 lab = connectionId(QStringLiteral("lab"));
        const QDateTime t0(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
        GuardrailPolicy policy;
        policy.connectionId = lab;
        policy.stopIdleEnabled = true;
        policy.idleMinutes = 45;
        policy.idleUtilPercent = 2.5;
        WriteBatch batch;
        batch.guardrailPolicies << policy;
        batch.auditEntries << AuditEntry{0, t0, QStringLiteral("guardrail"), lab, QStringLiteral("pod-a"), QStringLiteral("stop"), true,
                                         QStringLiteral("would"), QStringLiteral("would stop pod-a"), policy.ruleText()}
                           << AuditEntry{0, t0.addSecs(60), QStringLiteral("user"), lab, QStringLiteral("pod-b"), QStringLiteral("terminate"), false,
                                         QStringLiteral("failed"), QStringLiteral("terminate failed: HTTP 503"), QString()};
        QVERIFY(m_service->writeBlocking(batch));
        policy.dryRun = false;   // upserted by connection
        policy.stopAtDailyCap = true;
        WriteBatch again;
        again.guardrailPolicies << policy;
        QVERIFY(m_service->writeBlocking(again));
        const auto policies = readNow<QList<GuardrailPolicy>>(*m_service, [](Store &s) { return s.guardrailPolicies(); });
        QCOMPARE(policies.size(), 1);
        QVERIFY(policies.first().acts());
        QVERIFY(policies.first().stopAtDailyCap);
        QCOMPARE(policies.first().idleMinutes, 45);
        QCOMPARE(policies.first().idleUtilPercent, 2.5);
        QVERIFY(policies.first().updatedAt.isValid());
        auto audit = readNow<QList<AuditEntry>>(*m_service, [](Store &s) { return s.auditLog(QDateTime(), QDateTime()); });
        QCOMPARE(audit.size(), 2);
        QVERIFY(audit[0].id > 0);
        audit[0].id = 0;
        QCOMPARE(audit[0], batch.auditEntries[0]);
        QCOMPARE(audit[1].rule, QString());
        QCOMPARE(readNow<QList<AuditEntry>>(*m_service, [t0](Store &s) { return s.auditLog(t0.addSecs(1), QDateTime()); }).size(), 1);

        // Purging the connection deletes its policy; the audit rows stay, no longer naming it.
        WriteBatch purge;
        purge.purgedConnections << lab;
        QVERIFY(m_service->writeBlocking(purge));
        QVERIFY(readNow<QList<GuardrailPolicy>>(*m_service, [](Store &s) { return s.guardrailPolicies(); }).isEmpty());
        audit = readNow<QList<AuditEntry>>(*m_service, [](Store &s) { return s.auditLog(QDateTime(), QDateTime()); });
        QCOMPARE(audit.size(), 2);
        QCOMPARE(audit[0].connectionId, qint64(0));
    }

    void snapshotReadsForThePages()
    {
        const qint64 id = connectionId(QStringLiteral("lab"));
        const QDateTime t0(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
        WriteBatch batch;
        for (int cycle = 0; cycle < 3; ++cycle) {
            const QDateTime ts = t0.addSecs(300 * cycle);
            for (const char *pod : {"pod-a", "pod-b"}) {
                InstanceSnapshot s;
                s.snapshotTs = ts;
                s.connectionId = id;
                s.provider = QStringLiteral("runpod");
                s.instanceId = QString::fromLatin1(pod);
                s.name = s.instanceId;
                s.gpuUtilPercent = 10.0 * cycle;
                if (cycle < 2 || s.instanceId == QLatin1String("pod-a"))   // pod-b is gone in the last cycle
                    batch.instances << s;
            }
            EndpointHealth h;
            h.observedTs = ts;
            h.connectionId = id;
            h.endpointId = QStringLiteral("ep-1");
            h.jobsInQueue = cycle;
            batch.endpointHealth << h;
            BillingSnapshot b;
            b.snapshotTs = ts;
            b.connectionId = id;
            b.balance = 100.0 - cycle;
            if (cycle > 0)
                b.monthToDateSpend = 10.0 + cycle;
            batch.billing << b;
        }
        m_service->submit(batch);
        m_service->flush();

        const auto latest = readNow<QList<InstanceSnapshot>>(*m_service, [](Store &s) { return s.latestInstances(); });
        QCOMPARE(latest.size(), 1);
        QCOMPARE(latest.first().instanceId, QStringLiteral("pod-a"));
        QCOMPARE(*latest.first().gpuUtilPercent, 20.0);
        const auto history = readNow<QList<InstanceSnapshot>>(*m_service, [t0](Store &s) {
            return s.instanceHistory(QStringLiteral("pod-b"), t0, t0.addSecs(3600)); });
        QCOMPARE(history.size(), 2);
        QVERIFY(history[0].snapshotTs < history[1].snapshotTs);
        const auto health = readNow<QList<EndpointHealth>>(*m_service, [](Store &s) { return s.latestEndpointHealth(); });
        QCOMPARE(health.size(), 1);
        QCOMPARE(*health.first().jobsInQueue, qint64(2));
        QVERIFY(!health.first().workersIdle);
        const auto queue = readNow<QList<EndpointHealth>>(*m_service, [t0](Store &s) {
            return s.endpointHealthHistory(QStringLiteral("ep-1"), t0.addSecs(1), QDateTime()); });
        QCOMPARE(queue.size(), 2);
        const auto billing = readNow<QList<BillingSnapshot>>(*m_service, [](Store &s) { return s.latestBilling(); });
        QCOMPARE(billing.size(), 1);
        QCOMPARE(*billing.first().balance, 98.0);
        QCOMPARE(billing.first().monthToDateSpend, std::optional<double>(12.0));
        const auto billingHistory = readNow<QList<BillingSnapshot>>(*m_service, [](Store &s) { return s.billingHistory(QDateTime(), QDateTime()); });
        QCOMPARE(billingHistory.size(), 3);
        QCOMPARE(billingHistory.first().monthToDateSpend, std::optional<double>());   // not reported stays null
    }

    void instanceAndSampleReadsForTheOverview()
    {
        const qint64 lab = connectionId(QStringLiteral("lab"));
        QVERIFY(m_service->writeBlocking(test::connectionBatch(QStringLiteral("rp"), QStringLiteral("runpod"))));
        QVERIFY(m_service->writeBlocking(test::connectionBatch(QStringLiteral("gone"))));
        const qint64 rp = connectionId(QStringLiteral("rp"));
        const qint64 gone = connectionId(QStringLiteral("gone"));
        QVERIFY(lab > 0 && rp > lab && gone > rp);
        const QDateTime t1(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
        const QDateTime t2 = t1.addSecs(300);
        auto pod = [](qint64 connection, const QDateTime &ts, const char *id, const char *status, std::optional<qint64> gpus,
                      std::optional<double> cost, std::optional<double> util) {
            InstanceSnapshot s;
            s.snapshotTs = ts;
            s.connectionId = connection;
            s.provider = QStringLiteral("runpod");
            s.instanceId = QString::fromLatin1(id);
            s.status = QString::fromLatin1(status);
            s.gpuCount = gpus;
            s.costPerHour = cost;
            s.gpuUtilPercent = util;
            return s;
        };
        WriteBatch batch;
        batch.instances << pod(rp, t1, "a", "RUNNING", 2, 2.0, 80.0) << pod(rp, t1, "b", "running", std::nullopt, 1.0, 20.0)
                        << pod(rp, t1, "c", "EXITED", 1, 0.5, std::nullopt) << pod(lab, t1, "d", "RUNNING", std::nullopt, std::nullopt, std::nullopt)
                        << pod(rp, t2, "c", "EXITED", 1, 0.5, std::nullopt);
        SeriesSamples gpu0{SeriesKey{lab, QStringLiteral("gpu_util_percent"), QStringLiteral("{\"gpu\":\"0\"}")},
                           {Sample{1000, 10.0}, Sample{2000, 30.0}, Sample{3000, qQNaN()}}};   // NaN is stored as missing
        SeriesSamples gpu1{SeriesKey{lab, QStringLiteral("gpu_util_percent"), QStringLiteral("{\"gpu\":\"1\"}")}, {Sample{2500, qQNaN()}}};
        SeriesSamples power{SeriesKey{lab, QStringLiteral("power_w"), QStringLiteral("{\"gpu\":\"0\"}")}, {Sample{2000, 300.0}}};
        SeriesSamples removed{SeriesKey{gone, QStringLiteral("gpu_util_percent"), QStringLiteral("{\"gpu\":\"0\"}")}, {Sample{2000, 50.0}}};
        batch.series << gpu0 << gpu1 << power << removed;
        QVERIFY(m_service->writeBlocking(batch));
        WriteBatch remove;
        remove.removedConnections << gone;
        QVERIFY(m_service->writeBlocking(remove));

        const auto totals = readNow<QList<InstanceTotals>>(*m_service, [t1](Store &s) { return s.instanceTotals(t1, t1.addSecs(3600)); });
        QCOMPARE(totals.size(), 3);
        QCOMPARE(totals[0].snapshotTs, t1);
        QCOMPARE(totals[0].connectionId, lab);
        QCOMPARE(totals[0].instances, 1);
        QCOMPARE(totals[0].running, 1);
        QVERIFY(!totals[0].runningGpus);          // unknown, not 0
        QVERIFY(!totals[0].runningCostPerHour);
        QVERIFY(!totals[0].meanGpuUtilPercent);
        QCOMPARE(totals[0].utilGpus, 0);
        QCOMPARE(totals[1].connectionId, rp);
        QCOMPARE(totals[1].instances, 3);
        QCOMPARE(totals[1].running, 2);            // status compared without case
        QCOMPARE(totals[1].runningGpus, std::optional<qint64>(2));
        QCOMPARE(totals[1].runningCostPerHour, std::optional<double>(3.0));
        QCOMPARE(totals[1].meanGpuUtilPercent, std::optional<double>((80.0 * 2 + 20.0) / 3));   // b weighs as one GPU
        QCOMPARE(totals[1].utilGpus, 3);
        QCOMPARE(totals[2].snapshotTs, t2);
        QCOMPARE(totals[2].running, 0);
        QVERIFY(!totals[2].runningCostPerHour);
        QCOMPARE(readNow<QList<InstanceTotals>>(*m_service, [t2](Store &s) { return s.instanceTotals(t2, QDateTime()); }).size(), 1);

        const auto hour = readNow<QList<InstanceSnapshot>>(*m_service, [t1, t2](Store &s) { return s.instanceSnapshots(t1, t2); });
        QCOMPARE(hour.size(), 4);
        QVERIFY(std::all_of(hour.begin(), hour.end(), [t1](const InstanceSnapshot &i) { return i.snapshotTs == t1; }));

        // The newest reading per series: past a missing value, none for a series of only missing ones or a removed connection.
        const auto latest = readNow<QList<LatestSample>>(*m_service, [](Store &s) { return s.latestSamples(QStringLiteral("gpu_util_percent")); });
        QCOMPARE(latest.size(), 1);
        QCOMPARE(latest[0].key.connectionId, lab);
        QCOMPARE(latest[0].key.labelsJson, QStringLiteral("{\"gpu\":\"0\"}"));
        QCOMPARE(latest[0].sample.tsMs, 2000);
        QCOMPARE(latest[0].sample.value, 30.0);
    }

    void removedConnectionKeepsHistoryAndFreesItsName()
    {
        const qint64 lab = connectionId(QStringLiteral("lab"));
        const QDateTime t0(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
        WriteBatch collected;
        collected.series << ramp(lab, QStringLiteral("gpu_util"), t0.toMSecsSinceEpoch(), 10, 1000);
        InstanceSnapshot pod;
        pod.snapshotTs = t0;
        pod.connectionId = lab;
        pod.provider = QStringLiteral("runpod");
        pod.instanceId = QStringLiteral("pod-a");
        pod.name = pod.instanceId;
        collected.instances << pod;
        Result<WriteSummary> written = m_service->writeBlocking(collected);
        QVERIFY2(written, qPrintable(written ? QString() : written.error().message));

        WriteBatch remove;
        remove.removedConnections << lab;
        QVERIFY(m_service->writeBlocking(remove));
        QCOMPARE(connectionId(QStringLiteral("lab")), qint64(0));   // gone from use
        QVERIFY(readNow<QList<InstanceSnapshot>>(*m_service, [](Store &s) { return s.latestInstances(); }).isEmpty());
        // History stays: samples, and the pod in exports under the connection's name.
        QCOMPARE(readNow<qint64>(*m_service, [](Store &s) { return s.sampleCount(); }), qint64(10));
        const TableData pods = readNow<TableData>(*m_service, [](Store &s) {
            return s.dataset(*findDataset(QStringLiteral("pods")), QDateTime(), QDateTime(), QString()); });
        QCOMPARE(pods.rows.size(), 1);
        QCOMPARE(pods.rows.first().at(1).toString(), QStringLiteral("lab"));

        // The name is free again; the new connection is a new row, and purging it takes its data.
        QVERIFY(m_service->writeBlocking(test::connectionBatch(QStringLiteral("lab"))));
        const qint64 again = connectionId(QStringLiteral("lab"));
        QVERIFY(again != 0 && again != lab);
        WriteBatch more;
        more.series << ramp(again, QStringLiteral("gpu_util"), t0.toMSecsSinceEpoch(), 5, 1000);
        QVERIFY(m_service->writeBlocking(more));
        WriteBatch purge;
        purge.purgedConnections << again;
        QVERIFY(m_service->writeBlocking(purge));
        QCOMPARE(readNow<qint64>(*m_service, [](Store &s) { return s.sampleCount(); }), qint64(10));
    }

    void offerReadsForTheOffersPage()
    {
        const QDateTime t0(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
        auto offer = [](const QDateTime &ts, const QString &provider, const QString &gpu, const QString &tier,
                        std::optional<double> price, const QString &region = QString()) {
            GpuOffer o;
            o.observedTs = ts;
            o.provider = provider;
            o.gpuType = gpu;
            o.providerGpuId = gpu;
            o.region = region;
            o.tier = tier;
            o.gpuCount = 1;
            o.memoryGb = 24;
            o.pricePerHour = price;
            o.available = true;
            return o;
        };
        const QString rtx = QStringLiteral("NVIDIA GeForce RTX 4090");
        const QString h100 = QStringLiteral("NVIDIA H100 PCIe");
        const QString secure = QStringLiteral("secure");
        const QString community = QStringLiteral("community");
        const QString runpod = QStringLiteral("runpod");
        WriteBatch batch;
        for (int cycle = 0; cycle < 3; ++cycle) {
            const QDateTime ts = t0.addSecs(3600 * cycle);
            batch.offers << offer(ts, runpod, rtx, secure, 0.69 + 0.01 * cycle)
                         << offer(ts, runpod, rtx, community, 0.34 + 0.01 * cycle);
            if (cycle < 2)   // dropped from the newest catalog
                batch.offers << offer(ts, runpod, h100, secure, 2.39);
        }
        // Another provider observed earlier, one row per region: the cheapest stands for its tier.
        batch.offers << offer(t0, QStringLiteral("lambda"), h100, QStringLiteral("on-demand"), 2.49, QStringLiteral("us-east"))
                     << offer(t0, QStringLiteral("lambda"), h100, QStringLiteral("on-demand"), 2.29, QStringLiteral("us-west"))
                     << offer(t0, QStringLiteral("lambda"), h100, QStringLiteral("on-demand"), std::nullopt, QStringLiteral("eu"));
        GpuOffer unknown = offer(t0, QStringLiteral("lambda"), rtx, QStringLiteral("on-demand"), std::nullopt);
        unknown.memoryGb.reset();
        unknown.available.reset();
        batch.offers << unknown;
        m_service->submit(batch);
        m_service->flush();

        const auto latest = readNow<QList<GpuOffer>>(*m_service, [](Store &s) { return s.latestOffers(); });
        QCOMPARE(latest.size(), 4);
        // By GPU type, provider, tier: the RTX 4090 rows, then the H100's.
        QCOMPARE(latest[0].provider, QStringLiteral("lambda"));
        QCOMPARE(latest[0].gpuType, rtx);
        QVERIFY(!latest[0].pricePerHour);
        QVERIFY(!latest[0].memoryGb);
        QVERIFY(!latest[0].available);
        QCOMPARE(latest[1].tier, community);
        QCOMPARE(*latest[1].pricePerHour, 0.36);
        QCOMPARE(latest[1].observedTs, t0.addSecs(7200));
        QCOMPARE(latest[2].tier, secure);
        QCOMPARE(*latest[2].pricePerHour, 0.71);
        QCOMPARE(*latest[2].available, true);
        QCOMPARE(*latest[2].gpuCount, qint64(1));
        QCOMPARE(latest[3].gpuType, h100);
        QCOMPARE(latest[3].provider, QStringLiteral("lambda"));
        QCOMPARE(latest[3].region, QStringLiteral("us-west"));
        QCOMPARE(*latest[3].pricePerHour, 2.29);

        const auto history = readNow<QList<GpuOffer>>(*m_service, [rtx, t0](Store &s) {
            return s.offerHistory(rtx, t0.addSecs(1), QDateTime()); });
        QCOMPARE(history.size(), 4);   // two cycles, two tiers
        for (qsizetype i = 1; i < history.size(); ++i)
            QVERIFY(history[i - 1].observedTs <= history[i].observedTs);
        QCOMPARE(history.first().observedTs, t0.addSecs(3600));
        QCOMPARE(readNow<QList<GpuOffer>>(*m_service, [h100, t0](Store &s) {
            return s.offerHistory(h100, t0, t0.addSecs(3600)); }).size(), 4);   // runpod's first cycle, lambda's three regions
        QVERIFY(readNow<QList<GpuOffer>>(*m_service, [](Store &s) {
            return s.offerHistory(QStringLiteral("NVIDIA B200"), QDateTime(), QDateTime()); }).isEmpty());
    }

    void workflowRunsAreReplacedByKeyAndSchemasVersioned()
    {
        WorkflowConfig config;
        config.name = QStringLiteral("bench");
        config.githubOwner = QStringLiteral("acme");
        config.githubRepo = QStringLiteral("llm");
        config.filePatterns = {QStringLiteral("bench/**/*.json")};
        WriteBatch configs;
        configs.workflowConfigs << config;
        QVERIFY(m_service->writeBlocking(configs));
        const WorkflowConfig stored = readNow<QList<WorkflowConfig>>(*m_service, [](Store &s) { return s.workflowConfigs(); }).first();
        QCOMPARE(stored.filePatterns, config.filePatterns);
        QCOMPARE(stored.githubRepo, QStringLiteral("llm"));
        QVERIFY(stored.workflowFilter.isNull());   // empty is stored as NULL and read back as such
        QVERIFY(stored.enabled);
        QCOMPARE(stored.maxFileBytes, kDefaultMaxFileBytes);

        WorkflowRunWrite run;
        run.run.configName = QStringLiteral("bench");
        run.run.runKey = QStringLiteral("run:7");
        run.run.githubRunId = 7;
        run.run.status = RunStatus::Completed;
        run.run.workloadStartedAt = QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);
        MetricRecord record{QStringLiteral("bench/a.json"), {{QStringLiteral("benchmark"), QStringLiteral("fib")}},
                            {MetricValue{QStringLiteral("real_time"), 214.5, QStringLiteral("ns"), MetricDirection::LowerIsBetter}}};
        run.rows.append(record);
        WriteBatch runs;
        runs.workflowRuns << run;
        auto schemaId = [this] { return readNow<QList<WorkflowConfig>>(*m_service, [](Store &s) { return s.workflowConfigs(); }).first().metricSchemaId; };
        auto values = [this] {
            return readNow<QList<WorkflowMetricRow>>(*m_service, [](Store &s) { return s.workflowMetricRows(WorkflowMetricFilter{QStringLiteral("bench"), {}, {}, {}}); });
        };
        QVERIFY(m_service->writeBlocking(runs));
        const qint64 first = schemaId();
        QVERIFY(first > 0);
        QVERIFY(m_service->writeBlocking(runs));   // the same run again: replaced, the schema kept
        QCOMPARE(readNow<QList<WorkflowRun>>(*m_service, [](Store &s) { return s.workflowRuns(QString()); }).size(), 1);
        QCOMPARE(values().size(), 1);
        QCOMPARE(values().first().value, 214.5);
        QCOMPARE(values().first().unit, QStringLiteral("ns"));
        QCOMPARE(values().first().direction, MetricDirection::LowerIsBetter);
        QCOMPARE(values().first().timestamp, run.run.workloadStartedAt);
        QCOMPARE(schemaId(), first);

        record.metrics << MetricValue{QStringLiteral("cpu_time"), 200, QStringLiteral("ns"), MetricDirection::LowerIsBetter};
        run.rows = MetricRows({record});
        runs.workflowRuns = {run};
        QVERIFY(m_service->writeBlocking(runs));   // a new field: a new schema version
        QVERIFY(schemaId() > first);
        QCOMPARE(values().size(), 2);
        QCOMPARE(values().first().metric, QStringLiteral("cpu_time"));   // by run, row, then metric name
        QCOMPARE(values().first().dimensions, record.dimensions);
        QCOMPARE(values().first().githubRunId, std::optional<qint64>(7));

        WorkflowRunWrite unknown = run;
        unknown.run.configName = QStringLiteral("nope");
        runs.workflowRuns = {unknown};
        const Result<WriteSummary> refused = m_service->writeBlocking(runs);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("no workflow configuration named 'nope'")), qPrintable(refused.error().message));

        WriteBatch remove;
        remove.removedWorkflowConfigs << QStringLiteral("bench");
        QVERIFY(m_service->writeBlocking(remove));
        QCOMPARE(readNow<QList<WorkflowRun>>(*m_service, [](Store &s) { return s.workflowRuns(QString()); }).size(), 0);
    }

    // SQLite writes a run's rows up to 256 to a statement, then 16, then one by one: every row lands,
    // in order, with its own file, values and unit, across those boundaries and a change of file.
    void aRunsRowsKeepTheirOrderAndValues()
    {
        WorkflowConfig config;
        config.name = QStringLiteral("many");
        config.githubOwner = QStringLiteral("acme");
        config.githubRepo = QStringLiteral("llm");
        WriteBatch configs;
        configs.workflowConfigs << config;
        QVERIFY(m_service->writeBlocking(configs));
        const auto runOf = [](int number, int rows) {
            WorkflowRunWrite run;
            run.run.configName = QStringLiteral("many");
            run.run.runKey = QStringLiteral("run:%1").arg(number);
            run.run.status = RunStatus::Completed;
            run.run.workloadStartedAt = QDateTime(QDate(2026, 11, 20), QTime(10, number), Qt::UTC);
            QList<MetricRecord> records;
            for (int i = 0; i < rows; ++i) {
                records << MetricRecord{i < 100 ? QStringLiteral("bench/a.json") : QStringLiteral("tables/b.csv"),
                                        {{QStringLiteral("i"), i}},
                                        {MetricValue{QStringLiteral("v"), number * 1000 + i * 1.5, i % 2 ? QStringLiteral("ms") : QString(),
                                                     MetricDirection::LowerIsBetter}}};
            }
            run.rows = MetricRows(records);
            return run;
        };
        WriteBatch runs;
        runs.workflowRuns << runOf(1, 256 + 16 + 3) << runOf(2, 17);
        QVERIFY(m_service->writeBlocking(runs));
        QVERIFY(m_service->writeBlocking(runs));   // again: replaced, not doubled
        const QList<WorkflowMetricRow> stored = readNow<QList<WorkflowMetricRow>>(*m_service, [](Store &s) {
            return s.workflowMetricRows(WorkflowMetricFilter{QStringLiteral("many"), {}, {}, {}});
        });
        QCOMPARE(stored.size(), 275 + 17);
        for (qsizetype k = 0; k < stored.size(); ++k) {
            const int number = k < 275 ? 1 : 2;
            const int i = int(k < 275 ? k : k - 275);
            const WorkflowMetricRow &row = stored.at(k);
            QCOMPARE(row.dimensions.value(QLatin1String("i")).toInt(), i);
            QCOMPARE(row.value, number * 1000 + i * 1.5);
            QCOMPARE(row.unit, i % 2 ? QStringLiteral("ms") : QString());
            QCOMPARE(row.sourceFile, i < 100 ? QStringLiteral("bench/a.json") : QStringLiteral("tables/b.csv"));
            QCOMPARE(row.timestamp, QDateTime(QDate(2026, 11, 20), QTime(10, number), Qt::UTC));
        }
    }

    // Confirmed schemas: each a new active version, the old ones kept; built-in growth after them
    // neither takes the active flag nor renumbers; rows record the version they were extracted with.
    void confirmedSchemasAreVersionedAndRecordedOnRows()
    {
        WorkflowConfig config;
        config.name = QStringLiteral("serving");
        config.githubOwner = QStringLiteral("acme");
        config.githubRepo = QStringLiteral("llm");
        WriteBatch configs;
        configs.workflowConfigs << config;
        QVERIFY(m_service->writeBlocking(configs));
        auto schemas = [this] { return readNow<QList<MetricSchema>>(*m_service, [](Store &s) { return s.workflowSchemas(QStringLiteral("serving")); }); };
        QVERIFY(schemas().isEmpty());

        MetricSchema schema;
        schema.configName = QStringLiteral("serving");
        schema.name = QStringLiteral("serving runs");
        schema.source = QStringLiteral("ai");
        schema.fields = {SchemaField{SchemaFieldRole::Dimension, QStringLiteral("model"), QStringLiteral("$.runs[*].model"), {}, MetricDirection::Neutral},
                         SchemaField{SchemaFieldRole::Metric, QStringLiteral("throughput"), QStringLiteral("$.runs[*].tokens_per_s"),
                                     QStringLiteral("tok/s"), MetricDirection::HigherIsBetter}};
        WriteBatch confirm;
        confirm.workflowSchemas << schema;
        QVERIFY(m_service->writeBlocking(confirm));
        schema.source = QStringLiteral("user");
        schema.fields[1].unit = QStringLiteral("tokens/s");
        confirm.workflowSchemas = {schema};
        QVERIFY(m_service->writeBlocking(confirm));

        QList<MetricSchema> versions = schemas();
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions.at(0).version, 2);
        QVERIFY(versions.at(0).active);
        QCOMPARE(versions.at(0).source, QStringLiteral("user"));
        QCOMPARE(versions.at(0).fields, schema.fields);
        QCOMPARE(versions.at(1).version, 1);
        QVERIFY(!versions.at(1).active);
        QCOMPARE(versions.at(1).source, QStringLiteral("ai"));
        QCOMPARE(versions.at(1).fields.at(1).unit, QStringLiteral("tok/s"));
        const qint64 activeId = versions.at(0).id;
        QCOMPARE(readNow<QList<WorkflowConfig>>(*m_service, [](Store &s) { return s.workflowConfigs(); }).first().metricSchemaId, activeId);

        // A run with a row from the confirmed schema and one from a built-in recognizer.
        WorkflowRunWrite run;
        run.run.configName = QStringLiteral("serving");
        run.run.runKey = QStringLiteral("run:1");
        run.run.status = RunStatus::Completed;
        run.run.workloadStartedAt = QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);
        MetricRecord confirmed{QStringLiteral("serving.json"), {{QStringLiteral("model"), QStringLiteral("llama")}},
                               {MetricValue{QStringLiteral("throughput"), 1500, QStringLiteral("tokens/s"), MetricDirection::HigherIsBetter}}};
        confirmed.schemaId = activeId;
        run.rows = MetricRows({confirmed, MetricRecord{QStringLiteral("hyperfine.json"), {{QStringLiteral("command"), QStringLiteral("sleep")}},
                                    {MetricValue{QStringLiteral("mean"), 0.01, QStringLiteral("s"), MetricDirection::LowerIsBetter}}}});
        WriteBatch runs;
        runs.workflowRuns << run;
        QVERIFY(m_service->writeBlocking(runs));
        versions = schemas();
        QCOMPARE(versions.size(), 3);
        QCOMPARE(versions.at(0).source, QStringLiteral("builtin"));   // version 3: what the recognizer wrote
        QCOMPARE(versions.at(0).version, 3);
        QVERIFY(!versions.at(0).active);                               // the confirmed version stays active
        QVERIFY(versions.at(1).active);
        QCOMPARE(versions.at(0).fields.size(), 2);
        QCOMPARE(readNow<QList<WorkflowConfig>>(*m_service, [](Store &s) { return s.workflowConfigs(); }).first().metricSchemaId, activeId);
        const auto values = readNow<QList<WorkflowMetricRow>>(*m_service, [](Store &s) {
            return s.workflowMetricRows(WorkflowMetricFilter{QStringLiteral("serving"), {}, {}, {}}); });
        QCOMPARE(values.size(), 2);

        // A confirmed schema that is not one is refused whole, naming the configuration; nothing stored.
        MetricSchema empty;
        empty.configName = QStringLiteral("serving");
        confirm.workflowSchemas = {empty};
        const Result<WriteSummary> refused = m_service->writeBlocking(confirm);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("schema for serving: no metric field")), qPrintable(refused.error().message));
        QCOMPARE(schemas().size(), 3);
        const Result<QList<MetricSchema>> unknown = m_service->read<QList<MetricSchema>>([](Store &s) { return s.workflowSchemas(QStringLiteral("nope")); }).result();
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().message, QStringLiteral("no workflow configuration named 'nope'"));
    }

    void workflowCostLinksAndRunPrices()
    {
        // Migration 012: a configuration priced by a GPU type (× count) or by a connection's running instances.
        const qint64 lab = connectionId(QStringLiteral("lab"));
        const QDateTime runAt(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);
        WorkflowConfig config;
        config.name = QStringLiteral("priced");
        config.githubOwner = QStringLiteral("acme");
        config.githubRepo = QStringLiteral("llm");
        config.gpuType = QStringLiteral("NVIDIA H100");
        config.gpuCount = 2;
        WriteBatch setup;
        setup.workflowConfigs << config;
        WorkflowRunWrite run;
        run.run.configName = config.name;
        run.run.runKey = QStringLiteral("run:1");
        run.run.status = RunStatus::Completed;
        run.run.workloadStartedAt = runAt;
        setup.workflowRuns << run;
        auto offer = [lab](const QDateTime &ts, double price, qint64 gpus) {
            GpuOffer o;
            o.observedTs = ts;
            o.connectionId = lab;
            o.provider = QStringLiteral("runpod");
            o.gpuType = QStringLiteral("NVIDIA H100");
            o.providerGpuId = QStringLiteral("h100-%1").arg(gpus);
            o.tier = QString::number(price);
            o.gpuCount = gpus;
            o.pricePerHour = price;
            return o;
        };
        // Nearest the run (20 min after): $4 for one GPU and $6 for two ($3 each); an older, cheaper observation loses.
        setup.offers << offer(runAt.addSecs(-7200), 1.0, 1) << offer(runAt.addSecs(1200), 4.0, 1) << offer(runAt.addSecs(1200), 6.0, 2);
        auto pod = [lab](const QDateTime &ts, const char *id, const char *status, double cost) {
            InstanceSnapshot i;
            i.snapshotTs = ts;
            i.connectionId = lab;
            i.provider = QStringLiteral("runpod");
            i.instanceId = QString::fromLatin1(id);
            i.status = QString::fromLatin1(status);
            i.costPerHour = cost;
            return i;
        };
        setup.instances << pod(runAt.addSecs(300), "a", "RUNNING", 2.5) << pod(runAt.addSecs(300), "b", "running", 1.5)
                        << pod(runAt.addSecs(300), "c", "EXITED", 9.0) << pod(runAt.addSecs(-5000), "a", "RUNNING", 20.0);
        QVERIFY(m_service->writeBlocking(setup));

        WorkflowConfig stored = readNow<QList<WorkflowConfig>>(*m_service, [](Store &s) { return s.workflowConfigs(); }).first();
        QCOMPARE(stored.gpuType, QStringLiteral("NVIDIA H100"));
        QCOMPARE(stored.gpuCount, qint64(2));
        QVERIFY(!stored.costConnectionId);
        const auto prices = [this](const WorkflowConfig &c) {
            return readNow<QHash<qint64, RunPrice>>(*m_service, [c](Store &s) -> Result<QHash<qint64, RunPrice>> {
                Result<QList<WorkflowRun>> runs = s.workflowRuns(c.name);
                if (!runs)
                    return std::unexpected(runs.error());
                return readRunPrices(s, c, *runs);
            });
        };
        QHash<qint64, RunPrice> byOffer = prices(stored);
        QCOMPARE(byOffer.size(), 1);
        QCOMPARE(byOffer.cbegin()->perHour, 6.0);   // $3 per GPU × 2
        QCOMPARE(byOffer.cbegin()->source, QStringLiteral("offer"));
        QCOMPARE(byOffer.cbegin()->observedAt, runAt.addSecs(1200));

        stored.costConnectionId = lab;
        stored.gpuType.clear();
        WriteBatch relink;
        relink.workflowConfigs << stored;
        QVERIFY(m_service->writeBlocking(relink));
        stored = readNow<QList<WorkflowConfig>>(*m_service, [](Store &s) { return s.workflowConfigs(); }).first();
        QCOMPARE(stored.costConnectionId, std::optional<qint64>(lab));
        QVERIFY(stored.gpuType.isEmpty());
        QHash<qint64, RunPrice> byConnection = prices(stored);
        QCOMPARE(byConnection.size(), 1);
        QCOMPARE(byConnection.cbegin()->perHour, 4.0);   // the two running instances of the snapshot nearest the run
        QCOMPARE(byConnection.cbegin()->source, QStringLiteral("connection"));
    }

    void workflowArcBindingIsStored()
    {
        // Migration 013: the cluster connection of a configuration bound to an AutoscalingRunnerSet.
        const qint64 lab = connectionId(QStringLiteral("lab"));
        WorkflowConfig config;
        config.name = QStringLiteral("arc-bound");
        config.githubOwner = QStringLiteral("acme");
        config.githubRepo = QStringLiteral("llm");
        config.runnerSetNamespace = QStringLiteral("arc-runners");
        config.runnerSetName = QStringLiteral("gpu-runners");
        config.clusterConnectionId = lab;
        WriteBatch bind;
        bind.workflowConfigs << config;
        QVERIFY(m_service->writeBlocking(bind));
        const auto stored = [this] {
            for (const WorkflowConfig &c : readNow<QList<WorkflowConfig>>(*m_service, [](Store &s) { return s.workflowConfigs(); })) {
                if (c.name == QLatin1String("arc-bound"))
                    return c;
            }
            return WorkflowConfig();
        };
        QCOMPARE(stored().clusterConnectionId, std::optional<qint64>(lab));
        QCOMPARE(stored().runnerSetName, QStringLiteral("gpu-runners"));
        config.clusterConnectionId.reset();
        bind.workflowConfigs = {config};
        QVERIFY(m_service->writeBlocking(bind));
        QVERIFY(!stored().clusterConnectionId);
    }

    void blockingWriteReturnsTheOutcome()
    {
        QSignalSpy committed(m_service.get(), &StoreService::batchCommitted);
        WriteBatch good;
        good.source = QStringLiteral("blocking good");
        good.series << ramp(connectionId(QStringLiteral("lab")), QStringLiteral("temp_c"), 1'700'000'000'000, 30, 1000);
        Result<WriteSummary> written = m_service->writeBlocking(good);
        QVERIFY(written);
        QCOMPARE(written->samplesWritten, qint64(30));
        QTRY_COMPARE(committed.size(), 1);   // still announced, so views refresh

        WriteBatch orphan;
        orphan.source = QStringLiteral("blocking bad");
        orphan.series << ramp(424242, QStringLiteral("orphan"), 1'700'000'000'000, 3, 1000);
        Result<WriteSummary> refused = m_service->writeBlocking(orphan);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, m_dialect.constraintError());
        QVERIFY2(refused.error().message.startsWith(QLatin1String("blocking bad: ")), qPrintable(refused.error().message));
    }

    void batchesCommitInArrivalOrder()
    {
        QSignalSpy committed(m_service.get(), &StoreService::batchCommitted);
        for (int i = 1; i <= 40; ++i) {
            WriteBatch batch = test::connectionBatch(QStringLiteral("lab"));
            batch.source = QStringLiteral("b%1").arg(i);
            batch.connections[0].cadenceSeconds = i;
            m_service->submit(batch);
        }
        m_service->flush();
        QTRY_COMPARE(committed.size(), 40);
        for (int i = 0; i < 40; ++i)
            QCOMPARE(committed.at(i).at(0).value<WriteSummary>().source, QStringLiteral("b%1").arg(i + 1));
        const auto all = readNow<QList<ConnectionRecord>>(*m_service, [](Store &s) { return s.connections(); });
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().cadenceSeconds, 40);
    }

    void duplicateSamplesAreStoredOnce()
    {
        const qint64 id = connectionId(QStringLiteral("lab"));
        QSignalSpy committed(m_service.get(), &StoreService::batchCommitted);
        WriteBatch batch;
        batch.series << ramp(id, QStringLiteral("power_w"), 1'700'000'000'000, 600, 1000);
        m_service->submit(batch);
        m_service->submit(batch);
        m_service->flush();
        QTRY_COMPARE(committed.size(), 2);
        QCOMPARE(committed.at(0).at(0).value<WriteSummary>().samplesWritten, qint64(600));
        QCOMPARE(committed.at(1).at(0).value<WriteSummary>().samplesWritten, qint64(0));
        QCOMPARE(readNow<qint64>(*m_service, [](Store &s) { return s.sampleCount(); }), qint64(600));
    }

    void readsRunOnReaderThreads()
    {
        QThread *caller = QThread::currentThread();
        QThread *reader = m_service->read<QThread *>([](Store &) -> Result<QThread *> { return QThread::currentThread(); }).result().value();
        QVERIFY(reader != caller);
        QVERIFY(reader != nullptr);
    }

    void readConnectionsAreReadOnly()
    {
        Result<WriteSummary> attempt = m_service->read<WriteSummary>([](Store &s) { return s.write(test::connectionBatch(QStringLiteral("sneaky"))); }).result();
        QVERIFY(!attempt);
        QCOMPARE(connectionId(QStringLiteral("sneaky")), qint64(0));
    }

    void pruningDeletesOnlyOldRows()
    {
        const qint64 id = connectionId(QStringLiteral("lab"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        WriteBatch batch;
        batch.series << ramp(id, QStringLiteral("old"), now.addDays(-120).toMSecsSinceEpoch(), 100, 60'000);
        batch.series << ramp(id, QStringLiteral("new"), now.addDays(-1).toMSecsSinceEpoch(), 100, 60'000);
        m_service->submit(batch);
        QSignalSpy pruned(m_service.get(), &StoreService::pruned);
        m_service->pruneOlderThan(now.addDays(-90));
        m_service->flush();
        QTRY_COMPARE(pruned.size(), 1);
        QVERIFY(pruned.at(0).at(0).value<PruneSummary>().rowsDeleted >= 100);
        QCOMPARE(readNow<qint64>(*m_service, [](Store &s) { return s.sampleCount(); }), qint64(100));
        const auto series = readNow<QList<SeriesInfo>>(*m_service, [](Store &s) { return s.series(0); });
        for (const SeriesInfo &info : series) {
            if (info.key.metric == QLatin1String("new"))
                QCOMPARE(info.firstTsMs, now.addDays(-1).toMSecsSinceEpoch());
        }
    }

    void retentionPrunesOnItsTimer()
    {
        const qint64 id = connectionId(QStringLiteral("lab"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        WriteBatch batch;
        batch.series << ramp(id, QStringLiteral("ancient"), now.addDays(-40).toMSecsSinceEpoch(), 10, 60'000);
        batch.series << ramp(id, QStringLiteral("recent"), now.addDays(-5).toMSecsSinceEpoch(), 10, 60'000);
        m_service->submit(batch);
        QSignalSpy pruned(m_service.get(), &StoreService::pruned);
        Retention retention(*m_service, 30, 30, std::chrono::milliseconds(10), std::chrono::milliseconds(50));
        QCOMPARE(retention.days(), 30);
        QTRY_VERIFY(pruned.size() >= 2);   // the first run, then the interval repeats it
        QCOMPARE(readNow<qint64>(*m_service, [](Store &s) { return s.sampleCount(); }), qint64(10));
        QCOMPARE(Retention(*m_service, 0, 0).days(), Retention::kDefaultDays);
    }

    void jobsKeepTheirOwnRetention()
    {
        const qint64 id = connectionId(QStringLiteral("lab"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        WriteBatch batch;
        for (const int age : {3, 20, 45}) {
            JobRecord job;
            job.observedTs = now.addDays(-age);
            job.connectionId = id;
            job.endpointId = QStringLiteral("ep-1");
            job.jobId = QStringLiteral("job-%1").arg(age);
            job.status = QStringLiteral("COMPLETED");
            batch.jobs << job;
            EndpointHealth health;
            health.observedTs = now.addDays(-age);
            health.connectionId = id;
            health.endpointId = QStringLiteral("ep-1");
            health.jobsInQueue = age;
            batch.endpointHealth << health;
        }
        m_service->submit(batch);
        QSignalSpy pruned(m_service.get(), &StoreService::pruned);
        // Snapshots kept 30 days, jobs 10: the 20-day-old job goes, the 20-day-old health row stays.
        Retention retention(*m_service, 30, 10, std::chrono::hours(1));
        QCOMPARE(retention.jobDays(), 10);
        retention.pruneNow();
        m_service->flush();
        QTRY_COMPARE(pruned.size(), 1);
        const auto rows = [this](const char *dataset) {
            return readNow<TableData>(*m_service, [dataset](Store &s) { return s.dataset(*findDataset(QString::fromLatin1(dataset)), {}, {}, {}); }).rows.size();
        };
        QCOMPARE(rows("jobs"), 1);
        QCOMPARE(rows("endpoint-health"), 2);
        QCOMPARE(pruned.at(0).at(0).value<PruneSummary>().rowsDeleted, qint64(3));
    }

    void jobRetentionComesFromTheEnvironment_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("days");
        QTest::addRow("unset") << QByteArray() << Retention::kDefaultJobDays;
        QTest::addRow("set") << QByteArray("7") << 7;
        QTest::addRow("padded") << QByteArray(" 14 ") << 14;
        QTest::addRow("zero") << QByteArray("0") << Retention::kDefaultJobDays;
        QTest::addRow("negative") << QByteArray("-3") << Retention::kDefaultJobDays;
        QTest::addRow("garbage") << QByteArray("ninety") << Retention::kDefaultJobDays;
    }

    void jobRetentionComesFromTheEnvironment()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, days);
        if (value.isNull())
            qunsetenv("RUNPOD_JOB_RETENTION_DAYS");
        else
            qputenv("RUNPOD_JOB_RETENTION_DAYS", value);
        QCOMPARE(Retention::jobDaysFromEnvironment(), days);
        qunsetenv("RUNPOD_JOB_RETENTION_DAYS");
        QCOMPARE(Retention::kDefaultJobDays, 90);
    }
};

QTEST_GUILESS_MAIN(TestStoreWriter)
#include "test_storewriter.moc"
