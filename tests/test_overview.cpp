// Overview figures with exact values: a fleet of two cloud providers, a DCGM connection, a failed and a
// disabled one; unknown stays unknown; the burn and util series over time; both Overview table models.
#include "fleetconnectionsmodel.h"
#include "gputypesmodel.h"
#include "offersmodel.h"
#include "overviewfigures.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QTest>

using namespace fleetscope;

namespace {

const QDateTime kNow(QDate(2026, 3, 14), QTime(12, 0), Qt::UTC);

ConnectionRecord connection(qint64 id, const QString &kind, const QString &name, int cadence = 300)
{
    ConnectionRecord c;
    c.id = id;
    c.kind = kind;
    c.name = name;
    c.cadenceSeconds = cadence;
    c.lastSyncAt = kNow.addSecs(-60);
    c.lastStatus = QStringLiteral("ok");
    return c;
}

InstanceSnapshot instance(qint64 connectionId, const QString &provider, const QString &id, const QString &gpu,
                          std::optional<qint64> gpus, std::optional<double> cost, std::optional<double> util,
                          bool running = true, const QDateTime &ts = kNow.addSecs(-60))
{
    InstanceSnapshot i;
    i.snapshotTs = ts;
    i.connectionId = connectionId;
    i.provider = provider;
    i.instanceId = id;
    i.name = QStringLiteral("name-") + id;
    i.gpuType = gpu;
    i.gpuCount = gpus;
    i.status = running ? QStringLiteral("RUNNING") : QStringLiteral("EXITED");
    i.costPerHour = cost;
    i.gpuUtilPercent = util;
    return i;
}

LatestSample gpuSample(qint64 connectionId, int gpu, const QDateTime &ts, double value)
{
    LatestSample s;
    s.seriesId = connectionId * 100 + gpu;
    s.key = SeriesKey{connectionId, gpuUtilMetric(), QStringLiteral("{\"gpu\":\"%1\"}").arg(gpu)};
    s.sample = Sample{ts.toMSecsSinceEpoch(), value};
    return s;
}

GpuOffer offer(const QString &provider, const QString &gpu, const QString &tier, double price,
               std::optional<qint64> gpus = 1, std::optional<bool> available = true)
{
    GpuOffer o;
    o.observedTs = kNow.addSecs(-600);
    o.provider = provider;
    o.gpuType = gpu;
    o.tier = tier;
    o.pricePerHour = price;
    o.gpuCount = gpus;
    o.available = available;
    return o;
}

const QString kH100 = QStringLiteral("NVIDIA H100 80GB HBM3");
const QString kA6000 = QStringLiteral("NVIDIA RTX A6000");
const QString kA10 = QStringLiteral("NVIDIA A10");
const QString kRunPod = QStringLiteral("runpod");
const QString kLambda = QStringLiteral("lambda");

// RunPod and Lambda accounts, a DCGM Prometheus, and a disabled RunPod account; Lambda's last sync failed.
OverviewInput fleet()
{
    OverviewInput in;
    in.now = kNow;
    ConnectionRecord lambda = connection(2, kLambda, QStringLiteral("lambda-lab"));
    lambda.lastStatus = QStringLiteral("failed");
    lambda.lastError = QStringLiteral("auth: HTTP 401 Unauthorized");
    ConnectionRecord old = connection(4, kRunPod, QStringLiteral("old-account"));
    old.enabled = false;
    in.connections = {connection(1, kRunPod, QStringLiteral("rp-prod")), lambda,
                      connection(3, QStringLiteral("prometheus"), QStringLiteral("dcgm"), 60), old};
    in.instances = {
        instance(1, kRunPod, QStringLiteral("a"), kH100, 2, 5.98, 90),
        instance(1, kRunPod, QStringLiteral("b"), kA6000, 1, 0.79, 3),
        instance(1, kRunPod, QStringLiteral("c"), QStringLiteral("NVIDIA A40"), 1, 0.35, std::nullopt, false),
        instance(2, kLambda, QStringLiteral("d"), kH100, 1, 2.49, 50, true, kNow.addSecs(-3600)),
        instance(2, kLambda, QStringLiteral("e"), kA10, std::nullopt, std::nullopt, std::nullopt, true, kNow.addSecs(-3600)),
        instance(4, kRunPod, QStringLiteral("f"), kH100, 8, 20.0, 0),
    };
    // The last hour: a stayed busy, b idled throughout.
    in.lastHour = {instance(1, kRunPod, QStringLiteral("a"), kH100, 2, 5.98, 95, true, kNow.addSecs(-1800)),
                   instance(1, kRunPod, QStringLiteral("b"), kA6000, 1, 0.79, 4, true, kNow.addSecs(-1800))};
    BillingSnapshot rp;
    rp.snapshotTs = kNow.addSecs(-60);
    rp.connectionId = 1;
    rp.balance = 100.0;
    rp.currentSpendPerHr = 6.9;
    BillingSnapshot oldBilling = rp;
    oldBilling.connectionId = 4;
    oldBilling.balance = 500.0;
    in.billing = {rp, oldBilling};
    // Two GPUs report; a third went quiet ten minutes before the others' newest sample.
    in.gpuUtil = {gpuSample(3, 0, kNow.addSecs(-30), 20), gpuSample(3, 1, kNow.addSecs(-40), 40),
                  gpuSample(3, 2, kNow.addSecs(-630), 99)};
    in.offers = {offer(kRunPod, kH100, QStringLiteral("secure"), 2.99), offer(kRunPod, kH100, QStringLiteral("community"), 2.69),
                 offer(kLambda, kH100, QStringLiteral("on-demand"), 19.12, 8),               // 2.39 per GPU
                 offer(kLambda, kH100, QStringLiteral("spot"), 1.50, 1, false),             // not available
                 offer(kRunPod, kA6000, QStringLiteral("community"), 0.33)};
    return in;
}

InstanceTotals totals(qint64 connectionId, const QDateTime &ts, qint64 running, std::optional<double> cost,
                      std::optional<double> util = std::nullopt, qint64 utilGpus = 0)
{
    InstanceTotals t;
    t.snapshotTs = ts;
    t.connectionId = connectionId;
    t.instances = std::max<qint64>(running, 1);
    t.running = running;
    t.runningCostPerHour = cost;
    t.meanGpuUtilPercent = util;
    t.utilGpus = utilGpus;
    return t;
}

Bucket bucket(qint64 start, double min, double avg, double max, double last, qint64 count)
{
    return Bucket{start, min, max, avg, last, count};
}

} // namespace

class TestOverview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectionHealthFromStatusAndAge_data()
    {
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("ageSeconds");   // -1: never synced
        QTest::addColumn<int>("cadence");
        QTest::addColumn<ConnectionHealth>("health");
        QTest::newRow("ok") << true << "ok" << 60 << 300 << ConnectionHealth::Ok;
        QTest::newRow("ok at three intervals") << true << "ok" << 900 << 300 << ConnectionHealth::Ok;
        QTest::newRow("stale past three intervals") << true << "ok" << 901 << 300 << ConnectionHealth::Stale;
        QTest::newRow("short cadence counts as a minute") << true << "ok" << 170 << 10 << ConnectionHealth::Ok;
        QTest::newRow("failed, however recent") << true << "failed" << 5 << 300 << ConnectionHealth::Failed;
        QTest::newRow("never synced") << true << "" << -1 << 300 << ConnectionHealth::NeverSynced;
        QTest::newRow("disabled beats failed") << false << "failed" << 5 << 300 << ConnectionHealth::Disabled;
    }

    void connectionHealthFromStatusAndAge()
    {
        QFETCH(bool, enabled);
        QFETCH(QString, status);
        QFETCH(int, ageSeconds);
        QFETCH(int, cadence);
        QFETCH(ConnectionHealth, health);
        ConnectionRecord c = connection(1, kRunPod, QStringLiteral("c"), cadence);
        c.enabled = enabled;
        c.lastStatus = status;
        c.lastSyncAt = ageSeconds < 0 ? QDateTime() : kNow.addSecs(-ageSeconds);
        QCOMPARE(connectionHealth(c, kNow), health);
    }

    void eachConnectionFromItsOwnRows()
    {
        const Overview o = overviewFigures(fleet());
        QCOMPARE(o.connections.size(), 4);

        const ConnectionFigures &rp = o.connections[0];
        QCOMPARE(rp.health, ConnectionHealth::Ok);
        QCOMPARE(rp.instancesRunning, std::optional<qint64>(2));
        QCOMPARE(rp.instancesTotal, std::optional<qint64>(3));
        QCOMPARE(rp.gpusRunning, std::optional<qint64>(3));
        QCOMPARE(rp.costPerHour, std::optional<double>(5.98 + 0.79));
        QCOMPARE(rp.meanUtilPercent, std::optional<double>((90.0 * 2 + 3.0) / 3));   // weighted by GPUs
        QCOMPARE(rp.utilGpus, 3);
        QCOMPARE(rp.balance, std::optional<double>(100.0));
        QCOMPARE(rp.billedPerHour, std::optional<double>(6.9));
        QCOMPARE(rp.dataAsOf, kNow.addSecs(-60));

        // Failed: its last good rows still count; an instance without GPU count or price adds nothing to those sums.
        const ConnectionFigures &lambda = o.connections[1];
        QCOMPARE(lambda.health, ConnectionHealth::Failed);
        QCOMPARE(lambda.instancesRunning, std::optional<qint64>(2));
        QCOMPARE(lambda.gpusRunning, std::optional<qint64>(1));
        QCOMPARE(lambda.costPerHour, std::optional<double>(2.49));
        QCOMPARE(lambda.meanUtilPercent, std::optional<double>(50.0));
        QCOMPARE(lambda.balance, std::nullopt);
        QCOMPARE(lambda.dataAsOf, kNow.addSecs(-3600));

        // DCGM only: no instance figures at all, util from the GPUs that still report.
        const ConnectionFigures &dcgm = o.connections[2];
        QCOMPARE(dcgm.instancesRunning, std::nullopt);
        QCOMPARE(dcgm.instancesTotal, std::nullopt);
        QCOMPARE(dcgm.gpusRunning, std::nullopt);
        QCOMPARE(dcgm.costPerHour, std::nullopt);
        QCOMPARE(dcgm.meanUtilPercent, std::optional<double>(30.0));
        QCOMPARE(dcgm.utilGpus, 2);
        QCOMPARE(dcgm.dcgmGpus, 2);
        QCOMPARE(dcgm.dataAsOf, kNow.addSecs(-30));

        const ConnectionFigures &old = o.connections[3];
        QCOMPARE(old.health, ConnectionHealth::Disabled);
        QCOMPARE(old.instancesRunning, std::optional<qint64>(1));   // its own line still says what it last saw
        QCOMPARE(old.balance, std::optional<double>(500.0));
    }

    void fleetAddsUpEnabledConnectionsOnly()
    {
        const FleetFigures f = overviewFigures(fleet()).fleet;
        QCOMPARE(f.connections, 3);
        QCOMPARE(f.disabled, 1);
        QCOMPARE(f.outdated, QStringList{QStringLiteral("lambda-lab")});
        QCOMPARE(f.instancesRunning, std::optional<qint64>(4));   // the disabled account's pod is not among them
        QCOMPARE(f.instancesTotal, std::optional<qint64>(5));
        QCOMPARE(f.gpusRunning, std::optional<qint64>(4));
        QCOMPARE(f.runningWithoutGpuCount, 1);
        QCOMPARE(f.burnPerHour, std::optional<double>(5.98 + 0.79 + 2.49));
        QCOMPARE(f.runningWithoutPrice, 1);
        QCOMPARE(f.billedPerHour, std::optional<double>(6.9));
        QCOMPARE(f.balance, std::optional<double>(100.0));
        QCOMPARE(f.balanceReporters, 1);
        // 3 RunPod GPUs at 61 %, 1 Lambda GPU at 50 %, 2 DCGM GPUs at 30 %.
        QCOMPARE(f.meanUtilPercent, std::optional<double>((61.0 * 3 + 50.0 + 30.0 * 2) / 6));
        QCOMPARE(f.utilGpus, 6);
        QCOMPARE(f.dcgmGpus, 2);
        QCOMPARE(f.idle.perHour, std::optional<double>(0.79));
        QCOMPARE(f.idle.pods, QStringList{QStringLiteral("name-b")});
    }

    void gpuTypesNextToTheCheapestOffer()
    {
        const QList<GpuTypeFigures> types = overviewFigures(fleet()).gpuTypes;
        QCOMPARE(types.size(), 4);
        // Most GPUs first; ties by type, then provider.
        QCOMPARE(types[0].gpuType, kH100);
        QCOMPARE(types[0].provider, kRunPod);
        QCOMPARE(types[0].gpus, 2);
        QCOMPARE(types[0].paidPerGpuHour, std::optional<double>(2.99));
        // Lambda's 8-GPU offer is the cheapest per GPU; its cheaper spot offer is not available.
        QCOMPARE(types[0].cheapestPerGpuHour, std::optional<double>(19.12 / 8));
        QCOMPARE(types[0].cheapestProvider, kLambda);
        QCOMPARE(types[0].cheapestTier, QStringLiteral("on-demand"));
        QCOMPARE(types[0].savingPerHour, std::optional<double>(5.98 - 19.12 / 8 * 2));

        QCOMPARE(types[1].gpuType, kH100);
        QCOMPARE(types[1].provider, kLambda);
        QCOMPARE(types[1].gpus, 1);
        QCOMPARE(types[1].paidPerGpuHour, std::optional<double>(2.49));
        QCOMPARE(types[1].savingPerHour, std::optional<double>(2.49 - 19.12 / 8));

        QCOMPARE(types[2].gpuType, kA6000);
        QCOMPARE(types[2].cheapestPerGpuHour, std::optional<double>(0.33));
        QCOMPARE(types[2].savingPerHour, std::optional<double>(0.79 - 0.33));

        // No count, no price, no offer: every figure of it unknown, the instance still listed.
        QCOMPARE(types[3].gpuType, kA10);
        QCOMPARE(types[3].gpus, 0);
        QCOMPARE(types[3].instances, 1);
        QCOMPARE(types[3].paidPerGpuHour, std::nullopt);
        QCOMPARE(types[3].cheapestPerGpuHour, std::nullopt);
        QCOMPARE(types[3].savingPerHour, std::nullopt);
    }

    void payingLessThanTheOfferSavesNothing()
    {
        OverviewInput in = fleet();
        in.offers = {offer(kRunPod, kA6000, QStringLiteral("secure"), 0.99)};
        const QList<GpuTypeFigures> types = overviewFigures(in).gpuTypes;
        const auto a6000 = std::find_if(types.begin(), types.end(), [](const GpuTypeFigures &t) { return t.gpuType == kA6000; });
        QVERIFY(a6000 != types.end());
        QCOMPARE(a6000->savingPerHour, std::optional<double>(0.0));
    }

    void unknownStaysUnknown()
    {
        OverviewInput in;
        in.now = kNow;
        in.connections = {connection(1, QStringLiteral("prometheus"), QStringLiteral("quiet"))};
        const Overview nothing = overviewFigures(in);
        const FleetFigures &f = nothing.fleet;
        QCOMPARE(f.instancesRunning, std::nullopt);
        QCOMPARE(f.gpusRunning, std::nullopt);
        QCOMPARE(f.burnPerHour, std::nullopt);
        QCOMPARE(f.billedPerHour, std::nullopt);
        QCOMPARE(f.balance, std::nullopt);
        QCOMPARE(f.balanceReporters, 0);
        QCOMPARE(f.meanUtilPercent, std::nullopt);
        QCOMPARE(f.idle.perHour, std::nullopt);
        QVERIFY(nothing.gpuTypes.isEmpty());

        // Everything exited: nothing runs, so the running figures are a known zero; util stays unknown.
        in.connections = {connection(1, kRunPod, QStringLiteral("idle-account"))};
        in.instances = {instance(1, kRunPod, QStringLiteral("x"), kH100, 1, 2.99, std::nullopt, false)};
        const FleetFigures stopped = overviewFigures(in).fleet;
        QCOMPARE(stopped.instancesRunning, std::optional<qint64>(0));
        QCOMPARE(stopped.instancesTotal, std::optional<qint64>(1));
        QCOMPARE(stopped.gpusRunning, std::optional<qint64>(0));
        QCOMPARE(stopped.burnPerHour, std::optional<double>(0.0));
        QCOMPARE(stopped.meanUtilPercent, std::nullopt);
        QCOMPARE(stopped.idle.perHour, std::nullopt);

        // Running without a price: the burn rate is unknown, not $0.
        in.instances = {instance(1, kRunPod, QStringLiteral("x"), kH100, 1, std::nullopt, 50)};
        const FleetFigures unpriced = overviewFigures(in).fleet;
        QCOMPARE(unpriced.burnPerHour, std::nullopt);
        QCOMPARE(unpriced.runningWithoutPrice, 1);
        QCOMPARE(unpriced.meanUtilPercent, std::optional<double>(50.0));
    }

    void staleConnectionStillCounts()
    {
        OverviewInput in = fleet();
        in.connections[0].lastSyncAt = kNow.addSecs(-2 * 3600);
        const Overview o = overviewFigures(in);
        QCOMPARE(o.connections[0].health, ConnectionHealth::Stale);
        QCOMPARE(o.fleet.outdated, (QStringList{QStringLiteral("rp-prod"), QStringLiteral("lambda-lab")}));
        QCOMPARE(o.fleet.instancesRunning, std::optional<qint64>(4));
    }

    void burnPointsAddConnectionsPolledApart()
    {
        const QDateTime t0 = kNow.addSecs(-3600);
        const QList<InstanceTotals> history = {
            totals(1, t0, 2, 4.0),
            totals(2, t0.addSecs(60), 1, 1.5),
            totals(1, t0.addSecs(300), 2, 5.0),
            totals(2, t0.addSecs(360), 0, std::nullopt),       // nothing running: a known 0
            totals(2, t0.addSecs(1500), 1, 2.0),               // 1 has been silent for 20 min: it drops out
            totals(1, t0.addSecs(1560), 3, std::nullopt),      // running, none with a price: still out
        };
        const QHash<qint64, int> cadences{{1, 300}, {2, 300}};
        const QList<TimedValue> points = fleetBurnPoints(history, cadences);
        const QList<std::pair<QDateTime, double>> expected = {{t0, 4.0}, {t0.addSecs(60), 5.5}, {t0.addSecs(300), 6.5},
                                                              {t0.addSecs(360), 5.0}, {t0.addSecs(1500), 2.0}, {t0.addSecs(1560), 2.0}};
        QCOMPARE(points.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(points[i].tMs, expected[i].first.toMSecsSinceEpoch());
            QCOMPARE(points[i].value, expected[i].second);
        }
        // A shorter cadence lets a silent connection drop out sooner: 3 × 60 s after its reading.
        const QList<TimedValue> quick = fleetBurnPoints({totals(1, t0, 1, 1.0), totals(2, t0.addSecs(181), 1, 2.0)}, {{1, 60}});
        QCOMPARE(quick.size(), 2);
        QCOMPARE(quick[1].value, 2.0);
        // Nothing priced anywhere: no point, not a $0 one.
        QVERIFY(fleetBurnPoints({totals(1, t0, 3, std::nullopt)}, cadences).isEmpty());
    }

    void utilPointsWeighByGpus()
    {
        const QDateTime t0 = kNow.addSecs(-600);
        const QList<InstanceTotals> history = {
            totals(1, t0, 1, 1.0, 80.0, 4),
            totals(2, t0, 1, 1.0, 20.0, 1),
            totals(2, t0.addSecs(60), 1, 1.0, std::nullopt, 0),
        };
        const QList<TimedValue> points = fleetUtilPoints(history, {});
        QCOMPARE(points.size(), 2);
        QCOMPARE(points[0].value, (80.0 * 4 + 20.0) / 5);
        QCOMPARE(points[1].value, 80.0);
    }

    void mergedBucketsSpanEveryGpu()
    {
        BucketSeries a;
        a.originMs = 0;
        a.widthMs = 60'000;
        a.buckets = {bucket(0, 10, 20, 30, 25, 2), bucket(60'000, 50, 60, 70, 65, 1)};
        BucketSeries b = a;
        b.buckets = {bucket(0, 5, 40, 90, 35, 6)};
        const BucketSeries merged = mergeBuckets({a, b});
        QCOMPARE(merged.widthMs, 60'000);
        QCOMPARE(merged.buckets.size(), 2);
        QCOMPARE(merged.buckets[0].min, 5.0);
        QCOMPARE(merged.buckets[0].max, 90.0);
        QCOMPARE(merged.buckets[0].avg, (20.0 * 2 + 40.0 * 6) / 8);
        QCOMPARE(merged.buckets[0].last, 30.0);
        QCOMPARE(merged.buckets[0].count, 8);
        QCOMPARE(merged.buckets[1].avg, 60.0);
        QCOMPARE(merged.buckets[1].count, 1);
        QVERIFY(mergeBuckets({}).buckets.isEmpty());
    }

    void connectionsModelCellsAndExport()
    {
        FleetConnectionsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
        model.setConnections(overviewFigures(fleet()).connections);
        QCOMPARE(model.rowCount(), 4);
        auto cell = [&model](int row, int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
        QCOMPARE(cell(0, FleetConnectionsModel::Provider).toString(), QStringLiteral("RunPod"));
        QCOMPARE(cell(0, FleetConnectionsModel::Status).toString(), QStringLiteral("OK"));
        QCOMPARE(cell(0, FleetConnectionsModel::Instances).toString(), QStringLiteral("2 / 3"));
        QCOMPARE(cell(0, FleetConnectionsModel::Gpus).toString(), QStringLiteral("3"));
        QCOMPARE(cell(0, FleetConnectionsModel::CostPerHour).toString(), QStringLiteral("$6.77/hr"));
        QCOMPARE(cell(0, FleetConnectionsModel::Util).toString(), QStringLiteral("61 %"));
        QCOMPARE(cell(0, FleetConnectionsModel::Balance).toString(), QStringLiteral("$100.00"));
        QCOMPARE(cell(1, FleetConnectionsModel::Status).toString(), QStringLiteral("Failed"));
        QCOMPARE(cell(1, FleetConnectionsModel::Status, Qt::ToolTipRole).toString(), QStringLiteral("auth: HTTP 401 Unauthorized"));
        QCOMPARE(cell(1, FleetConnectionsModel::Status, Qt::DecorationRole).value<QColor>(), QColor(0xd6, 0x27, 0x28));
        QCOMPARE(cell(1, FleetConnectionsModel::Balance).toString(), QStringLiteral("—"));
        QCOMPARE(cell(2, FleetConnectionsModel::Instances).toString(), QStringLiteral("—"));
        QCOMPARE(cell(2, FleetConnectionsModel::CostPerHour).toString(), QStringLiteral("—"));
        QCOMPARE(cell(2, FleetConnectionsModel::Util).toString(), QStringLiteral("30 %"));
        QCOMPARE(cell(3, FleetConnectionsModel::Status).toString(), QStringLiteral("Disabled"));
        QCOMPARE(cell(0, FleetConnectionsModel::Connection, FleetConnectionsModel::ConnectionIdRole).toLongLong(), 1);
        QCOMPARE(model.rowOf(3), 2);
        // Unknown sorts below zero.
        QVERIFY(cell(2, FleetConnectionsModel::CostPerHour, FleetConnectionsModel::SortRole).toDouble() < 0);

        const TableData table = model.tableData();
        QCOMPARE(table.columns.size(), 11);
        QCOMPARE(table.columns.at(2), QStringLiteral("status"));
        QCOMPARE(table.rows.size(), 4);
        QCOMPARE(table.rows[1].at(2).toString(), QStringLiteral("failed"));
        QCOMPARE(table.rows[1].at(3).toString(), QStringLiteral("auth: HTTP 401 Unauthorized"));
        QCOMPARE(table.rows[0].at(7).toDouble(), 5.98 + 0.79);
        QVERIFY(table.rows[2].at(7).isNull());   // unknown cost exports empty, not 0
        QVERIFY(table.rows[2].at(4).isNull());
        QCOMPARE(table.rows[3].at(2).toString(), QStringLiteral("disabled"));
    }

    void gpuTypesModelCellsAndExport()
    {
        GpuTypesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
        model.setGpuTypes(overviewFigures(fleet()).gpuTypes);
        QCOMPARE(model.rowCount(), 4);
        auto cell = [&model](int row, int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
        QCOMPARE(cell(0, GpuTypesModel::GpuType).toString(), kH100);
        QCOMPARE(cell(0, GpuTypesModel::Provider).toString(), QStringLiteral("RunPod"));
        QCOMPARE(cell(0, GpuTypesModel::Gpus).toString(), QStringLiteral("2"));
        QCOMPARE(cell(0, GpuTypesModel::Paying).toString(), QStringLiteral("$2.99"));
        QCOMPARE(cell(0, GpuTypesModel::Cheapest).toString(), QStringLiteral("$2.39"));
        // Kinds without a descriptor show as stored.
        QCOMPARE(cell(0, GpuTypesModel::CheapestAt).toString(), QStringLiteral("%1 on-demand").arg(OffersModel::providerText(kLambda)));
        QCOMPARE(cell(0, GpuTypesModel::Saving).toString(), QStringLiteral("$1.20/hr"));
        QVERIFY(cell(0, GpuTypesModel::Saving, Qt::BackgroundRole).isValid());
        QVERIFY(!cell(1, GpuTypesModel::Saving, Qt::BackgroundRole).isValid());   // $2.39 is under 10 % below $2.49: not worth a mark
        QCOMPARE(cell(2, GpuTypesModel::CheapestAt).toString(), QStringLiteral("RunPod Community"));
        QCOMPARE(cell(3, GpuTypesModel::Gpus).toString(), QStringLiteral("1 instance(s)"));
        QCOMPARE(cell(3, GpuTypesModel::Paying).toString(), QStringLiteral("—"));
        QCOMPARE(cell(3, GpuTypesModel::CheapestAt).toString(), QStringLiteral("no current offer"));
        QVERIFY(!cell(3, GpuTypesModel::Saving, Qt::BackgroundRole).isValid());
        QCOMPARE(model.rowOf(kH100, kLambda), 1);

        const TableData table = model.tableData();
        QCOMPARE(table.columns.first(), QStringLiteral("gpu_type"));
        QCOMPARE(table.rows.size(), 4);
        QCOMPARE(table.rows[0].at(6).toDouble(), 19.12 / 8);
        QVERIFY(table.rows[3].at(6).isNull());
        QVERIFY(table.rows[3].at(9).isNull());
    }
};

QTEST_MAIN(TestOverview)
#include "test_overview.moc"
