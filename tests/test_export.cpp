// `fleetscope export`: exact columns and values, nulls, ordering, time filters, bad input.
#include "store/storeservice.h"
#include "clirun.h"
#include "teststore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

using Run = test::CliRun;

Run run(const QStringList &args)
{
    return test::runFleetscope(args);
}

QDateTime at(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 11, 23), QTime(hour, minute), Qt::UTC);
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    QStringList base() const { return {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("export")}; }

private Q_SLOTS:
    void initTestCase()
    {
        StoreService service(*StoreLocation::parse(QString(), dataDir()));
        QVERIFY(service.startBlocking());
        service.submit(test::connectionBatch(QStringLiteral("runpod-prod"), QStringLiteral("runpod")));
        service.flush();
        const qint64 id = service.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result()->first().id;

        WriteBatch batch;
        InstanceSnapshot running;
        running.snapshotTs = at(10);
        running.connectionId = id;
        running.provider = QStringLiteral("runpod");
        running.instanceId = QStringLiteral("pod-b");
        running.name = QStringLiteral("trainer, \"big\"");
        running.gpuType = QStringLiteral("NVIDIA H100 80GB HBM3");
        running.gpuCount = 8;
        running.vcpuCount = 128;
        running.memoryGb = 1000.5;
        running.region = QStringLiteral("EU-RO-1");
        running.status = QStringLiteral("RUNNING");
        running.uptimeSeconds = 86'400;
        running.costPerHour = 23.92;
        running.gpuUtilPercent = 87.25;
        InstanceSnapshot stopped = running;
        stopped.instanceId = QStringLiteral("pod-a");
        stopped.name = QStringLiteral("notebook");
        stopped.status = QStringLiteral("EXITED");
        stopped.uptimeSeconds.reset();   // runtime null: unknown, not 0
        stopped.gpuUtilPercent.reset();
        InstanceSnapshot later = running;
        later.snapshotTs = at(11);
        batch.instances << running << stopped << later;

        BillingSnapshot billing;
        billing.snapshotTs = at(10);
        billing.connectionId = id;
        billing.currentSpendPerHr = 23.92;
        billing.balance = 1234.5;
        billing.spendLimit = 80;
        batch.billing << billing;

        GpuOffer secure;
        secure.observedTs = at(10);
        secure.provider = QStringLiteral("runpod");
        secure.gpuType = QStringLiteral("NVIDIA H100 80GB HBM3");
        secure.providerGpuId = QStringLiteral("NVIDIA H100 80GB HBM3");
        secure.memoryGb = 80;
        secure.tier = QStringLiteral("secure");
        secure.pricePerHour = 2.99;
        secure.spotPricePerHour = 1.75;
        secure.available = true;
        batch.offers << secure;
        service.submit(batch);
        service.flush();
    }

    void podsAsCsvExactly()
    {
        const Run result = run(base() << QStringLiteral("pods") << QStringLiteral("--format") << QStringLiteral("csv"));
        QCOMPARE(result.exitCode, 0);
        const QByteArray expected =
            "snapshot_ts,connection,provider,instance_id,name,gpu_type,gpu_count,vcpu_count,memory_gb,region,status,uptime_seconds,cost_per_hour,gpu_util_percent\r\n"
            "2026-11-23T10:00:00Z,runpod-prod,runpod,pod-b,\"trainer, \"\"big\"\"\",NVIDIA H100 80GB HBM3,8,128,1000.5,EU-RO-1,RUNNING,86400,23.92,87.25\r\n"
            "2026-11-23T10:00:00Z,runpod-prod,runpod,pod-a,notebook,NVIDIA H100 80GB HBM3,8,128,1000.5,EU-RO-1,EXITED,,23.92,\r\n"
            "2026-11-23T11:00:00Z,runpod-prod,runpod,pod-b,\"trainer, \"\"big\"\"\",NVIDIA H100 80GB HBM3,8,128,1000.5,EU-RO-1,RUNNING,86400,23.92,87.25\r\n";
        QCOMPARE(result.rawOut, expected);
    }

    void podsAsJsonWithNulls()
    {
        const Run result = run(base() << QStringLiteral("pods") << QStringLiteral("--format") << QStringLiteral("json"));
        QCOMPARE(result.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(result.rawOut).array();
        QCOMPARE(rows.size(), 3);
        const QJsonObject stopped = rows.at(1).toObject();
        QCOMPARE(stopped.keys().size(), 14);
        QCOMPARE(stopped.value(QStringLiteral("snapshot_ts")).toString(), QStringLiteral("2026-11-23T10:00:00Z"));
        QVERIFY(stopped.value(QStringLiteral("uptime_seconds")).isNull());
        QVERIFY(stopped.value(QStringLiteral("gpu_util_percent")).isNull());
        QCOMPARE(stopped.value(QStringLiteral("gpu_count")).toInteger(), 8);
        QCOMPARE(stopped.value(QStringLiteral("cost_per_hour")).toDouble(), 23.92);
    }

    void timeFiltersAreHalfOpen()
    {
        const Run result = run(base() << QStringLiteral("pods") << QStringLiteral("--format") << QStringLiteral("json")
                                      << QStringLiteral("--since") << QStringLiteral("2026-11-23T10:30:00Z")
                                      << QStringLiteral("--until") << QStringLiteral("2026-11-23T11:00:00"));
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(result.rawOut).array().size(), 0);
        const Run later = run(base() << QStringLiteral("pods") << QStringLiteral("--format") << QStringLiteral("json")
                                     << QStringLiteral("--since") << QStringLiteral("2026-11-23T11:00:00Z"));
        QCOMPARE(QJsonDocument::fromJson(later.rawOut).array().size(), 1);
    }

    void billingAndOffers()
    {
        const Run billing = run(base() << QStringLiteral("billing") << QStringLiteral("--format") << QStringLiteral("csv"));
        QCOMPARE(billing.exitCode, 0);
        QCOMPARE(billing.rawOut, QByteArray("snapshot_ts,connection,current_spend_per_hr,lifetime_spend,month_to_date_spend,balance,spend_limit\r\n"
                                         "2026-11-23T10:00:00Z,runpod-prod,23.92,,,1234.5,80\r\n"));
        const Run offers = run(base() << QStringLiteral("gpu-offers") << QStringLiteral("--format") << QStringLiteral("csv"));
        QCOMPARE(offers.rawOut, QByteArray("observed_ts,provider,gpu_type,provider_gpu_id,memory_gb,tier,price_per_hour,spot_price_per_hour,available\r\n"
                                        "2026-11-23T10:00:00Z,runpod,NVIDIA H100 80GB HBM3,NVIDIA H100 80GB HBM3,80,secure,2.99,1.75,true\r\n"));
    }

    void emptyDatasetsHaveTheirHeader_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QByteArray>("header");
        QTest::addRow("endpoints") << QStringLiteral("endpoints") << QByteArray("snapshot_ts,connection,endpoint_id,name,gpu_type_ids,workers_min,workers_max,idle_timeout,scaler_type,scaler_value\r\n");
        QTest::addRow("endpoint-health") << QStringLiteral("endpoint-health") << QByteArray("observed_ts,connection,endpoint_id,jobs_completed,jobs_failed,jobs_in_progress,jobs_in_queue,jobs_retried,workers_idle,workers_running,workers_throttled,workers_initializing,workers_unhealthy\r\n");
        QTest::addRow("jobs") << QStringLiteral("jobs") << QByteArray("observed_ts,connection,endpoint_id,job_id,status,delay_ms,execution_ms\r\n");
    }

    void emptyDatasetsHaveTheirHeader()
    {
        QFETCH(QString, dataset);
        QFETCH(QByteArray, header);
        const Run result = run(base() << dataset << QStringLiteral("--format") << QStringLiteral("csv"));
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.rawOut, header);
    }

    void outputFileIsWrittenAtomically()
    {
        const QString path = m_dir.filePath(QStringLiteral("pods.csv"));
        const Run result = run(base() << QStringLiteral("pods") << QStringLiteral("--format") << QStringLiteral("csv")
                                      << QStringLiteral("--output") << path);
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.contains(QLatin1String("exported 3 rows of pods")), qPrintable(result.err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("snapshot_ts,connection,"));

        const QString blocked = m_dir.filePath(QStringLiteral("no/such/dir/pods.csv"));
        const Run failed = run(base() << QStringLiteral("pods") << QStringLiteral("--format") << QStringLiteral("csv")
                                      << QStringLiteral("--output") << blocked);
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.err.startsWith(QStringLiteral("fleetscope: ") + blocked), qPrintable(failed.err));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("unknown dataset") << QStringList{QStringLiteral("invoices"), QStringLiteral("--format"), QStringLiteral("csv")} << QStringLiteral("unknown dataset 'invoices'");
        QTest::addRow("no dataset") << QStringList{QStringLiteral("--format"), QStringLiteral("csv")} << QStringLiteral("which dataset");
        QTest::addRow("no format") << QStringList{QStringLiteral("pods")} << QStringLiteral("--format");
        QTest::addRow("bad format") << QStringList{QStringLiteral("pods"), QStringLiteral("--format"), QStringLiteral("xml")} << QStringLiteral("'xml'");
        QTest::addRow("bad time") << QStringList{QStringLiteral("pods"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--since"), QStringLiteral("yesterday")} << QStringLiteral("'yesterday' is not an ISO-8601 time");
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Run result = run(base() + args);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "test_export.moc"
