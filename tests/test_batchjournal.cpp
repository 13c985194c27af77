// The outage journal's file: batches round-trip with every field, written ones are marked and the
// emptied file removed, a torn last record (a crash mid-append) or a damaged one is cut off and
// reported, and a file that is not a journal is set aside, never replayed.
#include "store/batchjournal.h"
#include "teststore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

WriteBatch sampleBatch(int n)
{
    WriteBatch batch = test::connectionBatch(QStringLiteral("conn-%1").arg(n));
    batch.source = QStringLiteral("batch %1").arg(n);
    const QDateTime ts = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + n * 1000, Qt::UTC);
    InstanceSnapshot pod;
    pod.snapshotTs = ts;
    pod.connectionId = 7;
    pod.instanceId = QStringLiteral("pod-%1").arg(n);
    pod.gpuCount = 2;
    pod.costPerHour = 1.25;
    pod.metadata = QJsonObject{{QStringLiteral("image"), QStringLiteral("x:1")}};
    batch.instances << pod;
    SeriesSamples series;
    series.key = SeriesKey{7, QStringLiteral("gpu_util"), QStringLiteral("{\"gpu\":\"0\"}")};
    series.samples << Sample{ts.toMSecsSinceEpoch(), 42.5} << Sample{ts.toMSecsSinceEpoch() + 1, 43};
    batch.series << series;
    BillingSnapshot billing;
    billing.snapshotTs = ts;
    billing.connectionId = 7;
    billing.balance = -23.44;
    billing.monthToDateSpend = 11.21;
    batch.billing << billing;
    WorkflowRunWrite run;
    run.run.configName = QStringLiteral("bench");
    run.run.status = RunStatus::Completed;
    run.run.githubRunId = 99;
    MetricRecord record{QStringLiteral("a.json"), QJsonObject{{QStringLiteral("case"), 1}, {QStringLiteral("model"), QStringLiteral("llama")}},
                        {MetricValue{QStringLiteral("ms"), 3.5, QStringLiteral("ms"), MetricDirection::LowerIsBetter},
                         MetricValue{QStringLiteral("count"), 12, QString(), MetricDirection::HigherIsBetter}}};   // edited: not inferred
    record.schemaId = 5;
    run.rows.append(record);
    batch.workflowRuns << run;
    WorkflowConfig config;
    config.name = QStringLiteral("bench");
    config.costConnectionId = 7;
    config.gpuType = QStringLiteral("H100 SXM");
    config.gpuCount = 8;
    config.clusterConnectionId = 3;
    batch.workflowConfigs << config;
    MetricSchema schema;
    schema.configName = QStringLiteral("bench");
    schema.source = QStringLiteral("ai");
    schema.fields = {SchemaField{SchemaFieldRole::Metric, QStringLiteral("tps"), QStringLiteral("$.runs[*].tps"), QStringLiteral("tok/s"),
                                MetricDirection::HigherIsBetter}};
    batch.workflowSchemas << schema;
    batch.removedAlertRules << QStringLiteral("old");
    Budget budget;
    budget.name = QStringLiteral("team");
    budget.monthlyCap = 500.0;
    batch.budgets << budget;
    batch.removedBudgets << QStringLiteral("gone");
    GuardrailPolicy policy;
    policy.connectionId = 7;
    policy.stopIdleEnabled = true;
    policy.idleMinutes = 45;
    policy.stopAtDailyCap = true;
    batch.guardrailPolicies << policy;
    batch.auditEntries << AuditEntry{0, ts, QStringLiteral("guardrail"), 7, QStringLiteral("pod-1"), QStringLiteral("stop"), true,
                                     QStringLiteral("would"), QStringLiteral("would stop pod-1"), QStringLiteral("stop idle > 45 min")};
    return batch;
}

} // namespace

class TestBatchJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchesRoundTripWithEveryField()
    {
        const WriteBatch batch = sampleBatch(1);
        Result<WriteBatch> back = BatchJournal::decode(BatchJournal::encode(batch));
        QVERIFY(back);
        QCOMPARE(back->source, batch.source);
        QCOMPARE(back->connections.first().name, QStringLiteral("conn-1"));
        const InstanceSnapshot &pod = back->instances.first();
        QCOMPARE(pod.snapshotTs, batch.instances.first().snapshotTs);
        QCOMPARE(pod.snapshotTs.timeSpec(), Qt::UTC);
        QCOMPARE(pod.gpuCount, std::optional<qint64>(2));
        QCOMPARE(pod.vcpuCount, std::optional<qint64>());
        QCOMPARE(pod.costPerHour, std::optional<double>(1.25));
        QCOMPARE(pod.metadata, batch.instances.first().metadata);
        QCOMPARE(back->series.first().key, batch.series.first().key);
        QCOMPARE(back->series.first().samples.size(), 2);
        QCOMPARE(back->series.first().samples.at(1).value, 43.0);
        QCOMPARE(back->billing.first().snapshotTs, batch.billing.first().snapshotTs);
        QCOMPARE(back->billing.first().balance, std::optional<double>(-23.44));
        QCOMPARE(back->billing.first().monthToDateSpend, std::optional<double>(11.21));
        QCOMPARE(back->billing.first().lifetimeSpend, std::optional<double>());
        const WorkflowRunWrite &run = back->workflowRuns.first();
        QCOMPARE(run.run.status, RunStatus::Completed);
        QCOMPARE(run.run.githubRunId, std::optional<qint64>(99));
        const MetricRows &sent = batch.workflowRuns.first().rows;
        QCOMPARE(run.rows.size(), 1);
        QCOMPARE(run.rows.valueCount(), 2);
        QCOMPARE(run.rows.sourceFile(0), QStringLiteral("a.json"));
        QCOMPARE(run.rows.dimensions(0), sent.dimensions(0));
        QCOMPARE(run.rows.metrics(0), sent.metrics(0));
        QCOMPARE(run.rows.units(0), QByteArrayView(R"({"ms":"ms"})"));
        QCOMPARE(run.rows.directions(0), QByteArrayView(R"({"count":"higher"})"));   // "ms" is inferred
        QCOMPARE(run.rows.record(0).metrics.at(1).direction, MetricDirection::LowerIsBetter);
        QCOMPARE(back->removedAlertRules, QStringList{QStringLiteral("old")});
        QCOMPARE(back->budgets, batch.budgets);
        QCOMPARE(back->removedBudgets, QStringList{QStringLiteral("gone")});
        QCOMPARE(back->guardrailPolicies.first().idleMinutes, 45);
        QVERIFY(back->guardrailPolicies.first().stopIdleEnabled);
        QVERIFY(back->guardrailPolicies.first().stopAtDailyCap);
        QCOMPARE(back->auditEntries, batch.auditEntries);
        QCOMPARE(run.rows.schemaId(0), 5);
        QCOMPARE(back->workflowConfigs.first().costConnectionId, std::optional<qint64>(7));
        QCOMPARE(back->workflowConfigs.first().gpuType, QStringLiteral("H100 SXM"));
        QCOMPARE(back->workflowConfigs.first().gpuCount, 8);
        QCOMPARE(back->workflowConfigs.first().clusterConnectionId, std::optional<qint64>(3));
        QCOMPARE(back->workflowSchemas.size(), 1);
        QCOMPARE(back->workflowSchemas.first().source, QStringLiteral("ai"));
        QCOMPARE(back->workflowSchemas.first().fields, batch.workflowSchemas.first().fields);
        QVERIFY(!BatchJournal::decode(QByteArray("not a batch")));
    }

    void waitsInOrderAndIsRemovedWhenWritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.journal"));
        {
            BatchJournal journal(path);
            QVERIFY(journal.load());
            for (int i = 1; i <= 3; ++i)
                QVERIFY(journal.append(sampleBatch(i)));
            QCOMPARE(journal.front()->source, QStringLiteral("batch 1"));
            QVERIFY(journal.popFront());
            QCOMPARE(journal.waiting(), 2);
        }
        BatchJournal reopened(path);   // a restart: only the unwritten two come back, in order
        Result<QStringList> notices = reopened.load();
        QVERIFY(notices && notices->isEmpty());
        QCOMPARE(reopened.waiting(), 2);
        QCOMPARE(reopened.front()->source, QStringLiteral("batch 2"));
        QVERIFY(reopened.popFront());
        QCOMPARE(reopened.front()->source, QStringLiteral("batch 3"));
        QVERIFY(reopened.popFront());
        QVERIFY(!QFile::exists(path));
        QVERIFY(reopened.append(sampleBatch(4)));   // a new outage starts a new file
        QCOMPARE(reopened.front()->source, QStringLiteral("batch 4"));
    }

    void tornLastRecordIsCutOffAndReported_data()
    {
        QTest::addColumn<int>("cut");   // bytes chopped off the end, or -1: one payload byte flipped
        QTest::newRow("mid-payload") << 10;
        QTest::newRow("mid-header") << 0;
        QTest::newRow("damaged") << -1;
    }

    void tornLastRecordIsCutOffAndReported()
    {
        QFETCH(int, cut);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.journal"));
        qint64 whole = 0;
        {
            BatchJournal journal(path);
            QVERIFY(journal.append(sampleBatch(1)));
            whole = QFileInfo(path).size();
            QVERIFY(journal.append(sampleBatch(2)));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        if (cut > 0) {
            file.resize(file.size() - cut);
        } else if (cut == 0) {
            file.resize(whole + 4);   // only part of the second record's header made it
        } else {
            file.seek(file.size() - 5);
            file.write("X");
        }
        file.close();
        BatchJournal journal(path);
        Result<QStringList> notices = journal.load();
        QVERIFY(notices);
        QCOMPARE(notices->size(), 1);
        QVERIFY2(notices->first().contains(QStringLiteral("torn or damaged record at byte %1").arg(whole)), qPrintable(notices->first()));
        QCOMPARE(journal.waiting(), 1);
        QCOMPARE(QFileInfo(path).size(), whole);   // cut off, so what is appended next reads back
        QVERIFY(journal.append(sampleBatch(3)));
        BatchJournal again(path);
        QVERIFY(again.load() && again.waiting() == 2);
    }

    void aFileThatIsNoJournalIsSetAside()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.journal"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("something else entirely");
        file.close();
        BatchJournal journal(path);
        Result<QStringList> notices = journal.load();
        QVERIFY(notices);
        QVERIFY2(notices->first().contains(QLatin1String("set aside")), qPrintable(notices->first()));
        QCOMPARE(journal.waiting(), 0);
        QVERIFY(QFile::exists(path + QStringLiteral(".unreadable")));
    }

    void aFullJournalRefusesTheBatch()
    {
        QTemporaryDir dir;
        const qint64 oneBatch = 12 + 9 + BatchJournal::encode(sampleBatch(1)).size();   // file header, record header, payload
        BatchJournal journal(dir.filePath(QStringLiteral("j.journal")), oneBatch + 10);
        QVERIFY(journal.append(sampleBatch(1)));
        Result<void> refused = journal.append(sampleBatch(2));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("the journal is full")), qPrintable(refused.error().message));
        QCOMPARE(journal.waiting(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBatchJournal)
#include "test_batchjournal.moc"
