// `fleetscope store copy` between a SQLite file and a throwaway PostgreSQL, both ways and SQLite to
// SQLite: every export reads the same after the round trip, a copy cut short continues without
// duplicating rows, and bad input is one line naming the store.
#include "clirun.h"
#include "fixtures.h"
#include "pgserver.h"
#include "store/store.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

constexpr int kSamples = 12'000;   // more than one chunk
const QDateTime kStart(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC);

QStringList args(std::initializer_list<QString> list)
{
    return QStringList(list);
}

// The COPIED column of TABLE in the count table on stdout; -1 when missing.
qint64 copiedRows(const QString &out, const QString &table)
{
    for (const QString &line : out.split(QLatin1Char('\n'))) {
        const QStringList cells = line.simplified().split(QLatin1Char(' '));
        if (cells.size() == 5 && cells.first() == table)
            return cells.at(3).toLongLong();
    }
    return -1;
}

} // namespace

class TestStoreCopy : public QObject
{
    Q_OBJECT

private:
    test::PgServer m_server;
    QTemporaryDir m_dir;
    QString m_source;

    test::CliRun copy(const QString &from, const QString &to, const QStringList &extra = {})
    {
        return test::runFleetscope(QStringList{QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("cli")), QStringLiteral("store"),
                                               QStringLiteral("copy"), QStringLiteral("--from"), from, QStringLiteral("--to"), to} + extra);
    }

    QString exported(const QString &store, const QString &dataset)
    {
        const test::CliRun run = test::runFleetscope({QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("cli")), QStringLiteral("--store"),
                                                      store, QStringLiteral("export"), dataset, QStringLiteral("--format"), QStringLiteral("csv")});
        if (run.exitCode != 0)
            qWarning("export %s from %s: %s", qPrintable(dataset), qPrintable(store), qPrintable(run.err));
        return run.out;
    }

    void fillSource()
    {
        Result<std::unique_ptr<Store>> store = openStore(*StoreLocation::parse(m_source, QString()), StoreAccess::ReadWrite);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        // "old" is removed (history kept), "lab" keeps its API key in the keychain, "pods" names a variable.
        WriteBatch setup;
        for (const char *name : {"old", "lab", "pods"}) {
            ConnectionRecord c;
            c.kind = QStringLiteral("runpod");
            c.name = QLatin1String(name);
            setup.connections << c;
        }
        setup.connections.last().settings = QJsonObject{{QStringLiteral("secret_env"), QStringLiteral("RUNPOD_API_KEY")}};
        QVERIFY((*store)->write(setup));
        QHash<QString, qint64> ids;
        const Result<QList<ConnectionRecord>> stored = (*store)->connections();
        for (const ConnectionRecord &c : *stored)
            ids.insert(c.name, c.id);
        WriteBatch gone;
        gone.removedConnections << ids.value(QStringLiteral("old"));
        QVERIFY((*store)->write(gone));

        WriteBatch batch;
        batch.source = QStringLiteral("fixture");
        for (int cycle = 0; cycle < 3; ++cycle) {
            const QDateTime ts = kStart.addSecs(3600 * cycle);
            for (const char *pod : {"pod-a", "pod-b"}) {
                InstanceSnapshot i;
                i.snapshotTs = ts;
                i.connectionId = ids.value(QStringLiteral("pods"));
                i.provider = QStringLiteral("runpod");
                i.instanceId = QLatin1String(pod);
                i.gpuCount = 1;
                i.costPerHour = 0.69 + cycle;
                i.metadata = QJsonObject{{QStringLiteral("image"), QStringLiteral("vllm:0.6")}, {QStringLiteral("ports"), 2}};
                batch.instances << i;
            }
            EndpointHealth h;
            h.observedTs = ts;
            h.connectionId = ids.value(QStringLiteral("pods"));
            h.endpointId = QStringLiteral("ep-1");
            h.jobsCompleted = 10 * cycle;
            batch.endpointHealth << h;
            BillingSnapshot b;
            b.snapshotTs = ts;
            b.connectionId = ids.value(QStringLiteral("pods"));
            b.currentSpendPerHr = 1.5;
            b.balance = 100.0 / 3.0;
            if (cycle > 0)
                b.monthToDateSpend = 2.5 * cycle;
            batch.billing << b;
            GpuOffer o;
            o.observedTs = ts;
            o.connectionId = ids.value(QStringLiteral("pods"));
            o.provider = QStringLiteral("runpod");
            o.gpuType = QStringLiteral("A100 80GB");
            o.pricePerHour = 1.89;
            o.available = cycle != 1;
            batch.offers << o;
        }
        JobRecord job;
        job.observedTs = kStart;
        job.connectionId = ids.value(QStringLiteral("pods"));
        job.endpointId = QStringLiteral("ep-1");
        job.jobId = QStringLiteral("job-1");
        job.status = QStringLiteral("COMPLETED");
        job.executionMs = 1234;
        batch.jobs << job;
        SeriesSamples series;
        series.key = SeriesKey{ids.value(QStringLiteral("lab")), QStringLiteral("DCGM_FI_DEV_GPU_UTIL"), QStringLiteral("{\"gpu\":\"0\"}")};
        for (int i = 0; i < kSamples; ++i)
            series.samples << Sample{kStart.toMSecsSinceEpoch() + i * 15'000LL, double(i % 100) + 0.25};
        batch.series << series;
        AlertRule rule;
        rule.name = QStringLiteral("idle");
        rule.kind = QStringLiteral("gpu_idle");
        rule.connectionId = ids.value(QStringLiteral("pods"));
        batch.alertRules << rule;
        Budget budget;
        budget.name = QStringLiteral("pods-monthly");
        budget.scope = QStringLiteral("connection");
        budget.connectionId = ids.value(QStringLiteral("pods"));
        budget.monthlyCap = 300.0;
        batch.budgets << budget;
        GuardrailPolicy policy;
        policy.connectionId = ids.value(QStringLiteral("pods"));
        policy.stopIdleEnabled = true;
        batch.guardrailPolicies << policy;
        batch.auditEntries << AuditEntry{0, kStart, QStringLiteral("guardrail"), ids.value(QStringLiteral("pods")), QStringLiteral("pod-a"),
                                         QStringLiteral("stop"), true, QStringLiteral("would"), QStringLiteral("would stop pod-a"), policy.ruleText()};
        QVERIFY((*store)->write(batch));
        const qint64 ruleId = (*store)->alertRules()->first().id;
        WriteBatch alert;
        alert.alertEvaluations << AlertEvaluation{kStart, {ruleId},
                                                  {AlertFinding{ruleId, QStringLiteral("idle/pod-a"), QStringLiteral("gpu_idle"), QStringLiteral("warning"),
                                                                ids.value(QStringLiteral("pods")), QStringLiteral("pod-a"), QStringLiteral("pod-a idles")}}};
        QVERIFY((*store)->write(alert));
    }

    void importWorkflowRun()
    {
        const QString results = m_dir.filePath(QStringLiteral("results"));
        QDir().mkpath(results + QStringLiteral("/bench"));
        QFile file(results + QStringLiteral("/bench/gbench.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(test::fixtureBytes(QStringLiteral("bench/gbench-googlecpp_output.json")));
        file.close();
        const QStringList store{QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("cli")), QStringLiteral("--store"), m_source};
        test::CliRun add = test::runFleetscope(store + args({QStringLiteral("workflows"), QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("bench"),
                                                            QStringLiteral("--repo"), QStringLiteral("acme/llm"), QStringLiteral("--pattern"), QStringLiteral("bench/*.json"),
                                                            QStringLiteral("--cost-connection"), QStringLiteral("pods")}));
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        test::CliRun imported = test::runFleetscope(store + args({QStringLiteral("workflows"), QStringLiteral("import"), QStringLiteral("bench"), results,
                                                                 QStringLiteral("--run-id"), QStringLiteral("77"), QStringLiteral("--started-at"),
                                                                 QStringLiteral("2026-11-20T09:00:00Z")}));
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        m_source = m_dir.filePath(QStringLiteral("source.sqlite"));
        fillSource();
        importWorkflowRun();
    }

    void copiesSqliteToPostgresAndBack()
    {
        const QString team = m_server.uri(m_server.createDatabase());
        const test::CliRun up = copy(m_source, team);
        QVERIFY2(up.exitCode == 0, qPrintable(up.err + up.out));
        QCOMPARE(copiedRows(up.out, QStringLiteral("samples")), kSamples);
        QCOMPARE(copiedRows(up.out, QStringLiteral("connections")), 3);
        QCOMPARE(copiedRows(up.out, QStringLiteral("budgets")), 1);
        QCOMPARE(copiedRows(up.out, QStringLiteral("guardrail_policies")), 1);
        QCOMPARE(copiedRows(up.out, QStringLiteral("audit_log")), 1);
        QVERIFY2(up.err.contains(QLatin1String("store copy: samples: 12000 rows copied")), qPrintable(up.err));
        // "lab" keeps its secret in the keychain: said once, "pods" (an environment variable) and the removed "old" not at all.
        QCOMPARE(up.err.count(QLatin1String("keeps its secret in the keychain")), qsizetype(1));
        QVERIFY2(up.err.contains(QLatin1String("note: lab keeps")), qPrintable(up.err));

        const QString back = m_dir.filePath(QStringLiteral("back.sqlite"));
        const test::CliRun down = copy(team, back);
        QVERIFY2(down.exitCode == 0, qPrintable(down.err + down.out));
        const QString local = m_dir.filePath(QStringLiteral("local-copy.sqlite"));
        const test::CliRun sideways = copy(m_source, local);
        QVERIFY2(sideways.exitCode == 0, qPrintable(sideways.err + sideways.out));

        for (const QString &dataset : {QStringLiteral("pods"), QStringLiteral("endpoint-health"), QStringLiteral("jobs"), QStringLiteral("billing"),
                                       QStringLiteral("gpu-offers"), QStringLiteral("workflow-runs"), QStringLiteral("workflow-metrics")}) {
            const QString original = exported(m_source, dataset);
            QVERIFY2(original.count(QLatin1Char('\n')) > 1, qPrintable(dataset));
            QCOMPARE(exported(team, dataset), original);
            QCOMPARE(exported(back, dataset), original);
            QCOMPARE(exported(local, dataset), original);
        }
        QCOMPARE(m_server.scalar(team.section(QLatin1Char('/'), -1), QStringLiteral("SELECT count(*) FROM samples_1h")),
                 m_server.scalar(team.section(QLatin1Char('/'), -1), QStringLiteral("SELECT count(DISTINCT ts / 3600000) FROM samples")));
        QCOMPARE(m_server.scalar(team.section(QLatin1Char('/'), -1),
                                 QStringLiteral("SELECT count(*) FROM github_workflow_configs c JOIN github_workflow_metric_schemas s ON s.id = c.metric_schema_id")),
                 1);
        // The cost link (migration 012) points at the same connection by name in the copy.
        QCOMPARE(m_server.scalar(team.section(QLatin1Char('/'), -1),
                                 QStringLiteral("SELECT count(*) FROM github_workflow_configs c JOIN connections k ON k.id = c.cost_connection_id WHERE k.name = 'pods'")),
                 1);
    }

    // An interrupted copy leaves whole chunks behind (each one transaction): here, the newest rows of
    // three tables are missing. The next run copies just those; one more copies nothing.
    void resumesWithoutDuplicates()
    {
        const QString database = m_server.createDatabase();
        const QString team = m_server.uri(database);
        QCOMPARE(copy(m_source, team).exitCode, 0);
        const qint64 cut = kStart.addSecs(3600).toMSecsSinceEpoch();
        QVERIFY(m_server.exec(database, QStringLiteral("DELETE FROM instance_snapshots WHERE snapshot_ts >= %1").arg(cut)));
        QVERIFY(m_server.exec(database, QStringLiteral("DELETE FROM samples WHERE ts >= %1").arg(cut)));
        QVERIFY(m_server.exec(database, QStringLiteral("DELETE FROM alerts")));
        const qint64 samplesLeft = m_server.scalar(database, QStringLiteral("SELECT count(*) FROM samples"));

        const test::CliRun resumed = copy(m_source, team);
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err + resumed.out));
        QCOMPARE(copiedRows(resumed.out, QStringLiteral("instance_snapshots")), 4);
        QCOMPARE(copiedRows(resumed.out, QStringLiteral("samples")), kSamples - samplesLeft);
        QCOMPARE(copiedRows(resumed.out, QStringLiteral("alerts")), 1);
        QCOMPARE(copiedRows(resumed.out, QStringLiteral("connections")), 0);
        QCOMPARE(copiedRows(resumed.out, QStringLiteral("billing_snapshots")), 0);
        QCOMPARE(m_server.scalar(database, QStringLiteral("SELECT count(*) FROM instance_snapshots")), 6);
        QCOMPARE(m_server.scalar(database, QStringLiteral("SELECT count(*) FROM samples")), kSamples);

        const test::CliRun again = copy(m_source, team);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err + again.out));
        for (const QString &line : again.out.split(QLatin1Char('\n')).mid(1)) {
            if (!line.isEmpty())
                QVERIFY2(line.simplified().split(QLatin1Char(' ')).value(3) == QLatin1String("0"), qPrintable(line));
        }
        QCOMPARE(exported(team, QStringLiteral("pods")), exported(m_source, QStringLiteral("pods")));

        // --since: history from then on; connections and the other settings whole.
        const QString recent = m_dir.filePath(QStringLiteral("recent.sqlite"));
        const test::CliRun since = copy(m_source, recent, {QStringLiteral("--since"), QStringLiteral("2026-11-20T09:00:00Z")});
        QVERIFY2(since.exitCode == 0, qPrintable(since.err + since.out));
        QCOMPARE(copiedRows(since.out, QStringLiteral("instance_snapshots")), 4);
        QCOMPARE(copiedRows(since.out, QStringLiteral("connections")), 3);
    }

    void badInputIsOneLineNamingTheStore()
    {
        const QString missing = m_dir.filePath(QStringLiteral("nowhere.sqlite"));
        test::CliRun run = copy(missing, m_dir.filePath(QStringLiteral("x.sqlite")));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), qsizetype(0));
        QVERIFY2(run.err.contains(missing), qPrintable(run.err));

        run = copy(m_source, QStringLiteral("postgresql://postgres@127.0.0.1:1/fleet"));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), qsizetype(0));
        QVERIFY2(run.err.contains(QLatin1String("127.0.0.1:1/fleet")), qPrintable(run.err));

        // A destination written by a newer Fleetscope is refused untouched.
        const QString newer = m_dir.filePath(QStringLiteral("newer.sqlite"));
        QVERIFY(openStore(*StoreLocation::parse(newer, QString()), StoreAccess::ReadWrite));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(newer);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        run = copy(m_source, newer);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("newer Fleetscope")), qPrintable(run.err));

        run = copy(m_source, m_source);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("both the source and the destination")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestStoreCopy)
#include "test_storecopy.moc"
