// Item models and chart adapters: QAbstractItemModelTester on every model, plus their cells and exports.
#include "alertdestination.h"
#include "alertsmodel.h"
#include "bucketbands.h"
#include "budgetsmodel.h"
#include "connectionsmodel.h"
#include "costfigures.h"
#include "endpointsmodel.h"
#include "exportfile.h"
#include "latestrequest.h"
#include "offersmodel.h"
#include "podsmodel.h"
#include "pointseries.h"
#include "serieslistmodel.h"
#include "snapshotformat.h"
#include "stalenotice.h"
#include "timelinemodel.h"
#include "timerange.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFont>
#include <QImage>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QColor>
#include <QTest>

using namespace fleetscope;

namespace {

QList<ConnectionRecord> sampleConnections()
{
    ConnectionRecord runpod;
    runpod.id = 1;
    runpod.kind = QStringLiteral("runpod");
    runpod.name = QStringLiteral("prod");
    runpod.cadenceSeconds = 300;
    runpod.lastSyncAt = QDateTime(QDate(2026, 3, 14), QTime(9, 26, 53), Qt::UTC);
    runpod.lastStatus = QStringLiteral("ok");

    ConnectionRecord prometheus;
    prometheus.id = 2;
    prometheus.kind = QStringLiteral("prometheus");
    prometheus.name = QStringLiteral("lab-dcgm");
    prometheus.enabled = false;
    prometheus.cadenceSeconds = 45;
    prometheus.lastStatus = QStringLiteral("failed");
    prometheus.lastError = QStringLiteral("unavailable: http://10.0.0.5:9090: connection refused");
    return {runpod, prometheus};
}

SeriesInfo seriesInfo(qint64 id, qint64 connectionId, const QString &metric, const QString &labels)
{
    SeriesInfo info;
    info.id = id;
    info.key.connectionId = connectionId;
    info.key.metric = metric;
    info.key.labelsJson = labels;
    return info;
}

Bucket bucket(qint64 startMs, double min, double avg, double max)
{
    return Bucket{startMs, min, max, avg, max, 4};
}

const QDateTime kSnapshotTs(QDate(2026, 3, 14), QTime(9, 30), Qt::UTC);

InstanceSnapshot pod(const QString &id, const QString &name, std::optional<double> cost, std::optional<double> util,
                     const QString &status = QStringLiteral("RUNNING"))
{
    InstanceSnapshot s;
    s.snapshotTs = kSnapshotTs;
    s.connectionId = 1;
    s.provider = QStringLiteral("runpod");
    s.instanceId = id;
    s.name = name;
    s.gpuType = QStringLiteral("NVIDIA RTX 4090");
    s.gpuCount = 2;
    s.region = QStringLiteral("EU-RO-1");
    s.status = status;
    if (status == QLatin1String("RUNNING"))
        s.uptimeSeconds = 3 * 86400 + 4 * 3600 + 120;
    s.costPerHour = cost;
    s.gpuUtilPercent = util;
    return s;
}

QList<InstanceSnapshot> samplePods()
{
    return {pod(QStringLiteral("p1"), QStringLiteral("trainer"), 1.38, 87.25),
            pod(QStringLiteral("p2"), QStringLiteral("notebook"), 0.69, 4.5),
            pod(QStringLiteral("p3"), QStringLiteral("old-run"), std::nullopt, std::nullopt, QStringLiteral("EXITED"))};
}

EndpointRow endpointRow(const QString &id, const QString &name, std::optional<qint64> running, std::optional<qint64> queue,
                        std::optional<qint64> earlierQueue, qint64 completed = 100, qint64 failed = 0, qint64 unhealthy = 0)
{
    EndpointRow row;
    row.endpoint.snapshotTs = kSnapshotTs;
    row.endpoint.connectionId = 1;
    row.endpoint.endpointId = id;
    row.endpoint.name = name;
    row.endpoint.gpuTypeIds = QStringLiteral("AMPERE_24");
    row.endpoint.workersMin = 0;
    row.endpoint.workersMax = 3;
    EndpointHealth h;
    h.observedTs = kSnapshotTs;
    h.connectionId = 1;
    h.endpointId = id;
    h.workersRunning = running;
    h.workersIdle = 1;
    h.workersUnhealthy = unhealthy;
    h.jobsInQueue = queue;
    h.jobsCompleted = completed;
    h.jobsFailed = failed;
    row.health = h;
    row.earlierQueue = earlierQueue;
    return row;
}

BillingSnapshot billing(const QDateTime &ts, qint64 connectionId, std::optional<double> burn, std::optional<double> balance)
{
    BillingSnapshot b;
    b.snapshotTs = ts;
    b.connectionId = connectionId;
    b.currentSpendPerHr = burn;
    b.balance = balance;
    return b;
}

GpuOffer gpuOffer(const QString &provider, const QString &gpu, const QString &tier, std::optional<double> price,
                  std::optional<double> spot = std::nullopt, std::optional<bool> available = true)
{
    GpuOffer o;
    o.observedTs = kSnapshotTs;
    o.provider = provider;
    o.gpuType = gpu;
    o.providerGpuId = gpu;
    o.tier = tier;
    o.gpuCount = 1;
    o.memoryGb = 24;
    o.pricePerHour = price;
    o.spotPricePerHour = spot;
    o.available = available;
    return o;
}

// Two RTX 4090 tiers (community the cheaper), an H100 with nothing known but its name, and another provider's H100.
QList<GpuOffer> sampleOffers()
{
    const QString rtx = QStringLiteral("NVIDIA GeForce RTX 4090");
    const QString h100 = QStringLiteral("NVIDIA H100 PCIe");
    GpuOffer unknown = gpuOffer(QStringLiteral("runpod"), h100, QStringLiteral("secure"), std::nullopt, std::nullopt, std::nullopt);
    unknown.memoryGb.reset();
    return {gpuOffer(QStringLiteral("runpod"), rtx, QStringLiteral("secure"), 0.69, 0.35),
            gpuOffer(QStringLiteral("runpod"), rtx, QStringLiteral("community"), 0.34, 0.2, false),
            unknown,
            gpuOffer(QStringLiteral("lambda"), h100, QStringLiteral("on-demand"), 2.49)};
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void moneyPutsTheSignFirst()
    {
        QLocale::setDefault(QLocale::c());
        QCOMPARE(SnapshotFormat::money(67.514), QStringLiteral("$67.51"));
        QCOMPARE(SnapshotFormat::money(-67.514), QStringLiteral("-$67.51"));
        QCOMPARE(SnapshotFormat::money(-0.001), QStringLiteral("$0.00"));   // no "-$0.00"
        QCOMPARE(SnapshotFormat::money(std::nullopt), SnapshotFormat::unknown());
        QCOMPARE(SnapshotFormat::moneyPerHour(-1.5), QStringLiteral("-$1.50/hr"));
    }

    void timelineFiltersByConnectionAndKind()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
        const QDateTime t0(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);
        model.setEvents({{t0, QStringLiteral("pod_started"), 1, QStringLiteral("prod"), QStringLiteral("p-1"), QStringLiteral("p-1 is RUNNING")},
                         {t0.addSecs(60), QStringLiteral("action"), 1, QStringLiteral("prod"), QStringLiteral("p-1"), QStringLiteral("[guardrail] stopped p-1")},
                         {t0.addSecs(120), QStringLiteral("connection_failing"), 2, QStringLiteral("lab"), QStringLiteral("prometheus"), QStringLiteral("HTTP 503")},
                         {t0.addSecs(180), QStringLiteral("price_changed"), 0, QString(), QStringLiteral("H100"), QStringLiteral("2.99 -> 2.49")}});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.connections(), (QList<std::pair<qint64, QString>>{{2, QStringLiteral("lab")}, {1, QStringLiteral("prod")}}));
        model.setConnectionFilter(1);
        QCOMPARE(model.rowCount(), 2);
        model.setKindFilter(QStringLiteral("action"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, TimelineModel::Kind).data().toString(), QStringLiteral("Action"));
        QCOMPARE(model.index(0, TimelineModel::Message).data().toString(), QStringLiteral("[guardrail] stopped p-1"));
        QCOMPARE(TimelineModel::destination(model.event(0)), AlertDestination::Pods);
        const TableData exported = model.tableData();   // what is shown, with the export's columns
        QCOMPARE(exported.rows.size(), 1);
        QCOMPARE(exported.columns, timelineDataset().columns);
        QCOMPARE(exported.rows.first().first().toDateTime(), t0.addSecs(60));
        model.setConnectionFilter(0);
        model.setKindFilter(QString());
        QCOMPARE(TimelineModel::destination(model.event(2)), AlertDestination::Providers);
        QCOMPARE(TimelineModel::destination(model.event(3)), AlertDestination::Offers);
        model.setEvents({});   // the filter stays, the rows go
        QCOMPARE(model.rowCount(), 0);
    }

    void init()
    {
        // The model tester reports problems as warnings; any warning fails the test.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    }

    void connectionsModelPassesTester()
    {
        ConnectionsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
        model.setConnections(sampleConnections());
        model.setConnections({});
        model.setConnections(sampleConnections());
        QCOMPARE(model.rowCount(), 2);
    }

    void connectionsModelCells()
    {
        ConnectionsModel model;
        model.setConnections(sampleConnections());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ConnectionsModel::ColumnCount));
        QCOMPARE(model.columnCount(), 8);
        QCOMPARE(model.headerData(ConnectionsModel::Kind, Qt::Horizontal).toString(), QStringLiteral("Kind"));
        QCOMPARE(model.headerData(ConnectionsModel::LastError, Qt::Horizontal).toString(), QStringLiteral("Last error"));
        QVERIFY(!model.headerData(0, Qt::Vertical).isValid());

        auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role).toString();
        };
        QCOMPARE(cell(0, ConnectionsModel::Kind), QStringLiteral("runpod"));
        QCOMPARE(cell(0, ConnectionsModel::Name), QStringLiteral("prod"));
        QCOMPARE(cell(0, ConnectionsModel::Enabled), QStringLiteral("Yes"));
        QCOMPARE(cell(0, ConnectionsModel::Cadence), QStringLiteral("5 min"));
        QCOMPARE(cell(0, ConnectionsModel::Status), QStringLiteral("OK"));
        // Shown in local time, in the user's locale.
        const QDateTime syncedAt = sampleConnections().first().lastSyncAt;
        QCOMPARE(cell(0, ConnectionsModel::LastSync), QLocale().toString(syncedAt.toLocalTime(), QLocale::ShortFormat));
        QCOMPARE(cell(1, ConnectionsModel::Enabled), QStringLiteral("No"));
        QCOMPARE(cell(1, ConnectionsModel::Cadence), QStringLiteral("45 s"));
        QCOMPARE(cell(1, ConnectionsModel::LastSync), QStringLiteral("Never"));
        QCOMPARE(cell(1, ConnectionsModel::Status), QStringLiteral("Disabled"));   // its last failure is old news
        QCOMPARE(cell(1, ConnectionsModel::NextSync), QStringLiteral("—"));
        QCOMPARE(cell(1, ConnectionsModel::LastError, Qt::ToolTipRole), sampleConnections().last().lastError);
        QCOMPARE(model.data(model.index(0, ConnectionsModel::Status), Qt::DecorationRole).value<QColor>(), QColor(0x2c, 0xa0, 0x2c));

        // Live states from the engine: syncing now, then the next sync time.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        ConnectionState syncing;
        syncing.phase = ConnectionState::Phase::Syncing;
        model.setState(1, syncing);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(cell(0, ConnectionsModel::Status), QStringLiteral("Syncing…"));
        ConnectionState scheduled;
        scheduled.phase = ConnectionState::Phase::Ok;
        scheduled.nextSyncAt = QDateTime(QDate(2026, 3, 14), QTime(9, 31, 53), Qt::UTC);
        model.setStates({{1, scheduled}});
        QCOMPARE(cell(0, ConnectionsModel::Status), QStringLiteral("OK"));
        QCOMPARE(cell(0, ConnectionsModel::NextSync), QLocale().toString(scheduled.nextSyncAt.toLocalTime().time(), QLocale::ShortFormat));
        QCOMPARE(ConnectionsModel::cadenceText(7200), QStringLiteral("2 h"));

        // On a team store another process collects it: who, and no next sync here.
        ConnectionState elsewhere;
        elsewhere.collectedBy = QStringLiteral("fleetscope collect on ops-1, pid 7");
        model.setState(1, elsewhere);
        QCOMPARE(cell(0, ConnectionsModel::Status), QStringLiteral("Collected by fleetscope collect on ops-1, pid 7"));
        QCOMPARE(cell(0, ConnectionsModel::NextSync), QStringLiteral("—"));
        QVERIFY(cell(0, ConnectionsModel::Status, Qt::ToolTipRole).contains(QLatin1String("ops-1")));
    }

    void connectionsTableDataIsTypedAndUtc()
    {
        ConnectionsModel model;
        model.setConnections(sampleConnections());
        const TableData table = model.tableData();
        QCOMPARE(table.columns, (QStringList{QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("enabled"),
                                             QStringLiteral("cadence_seconds"), QStringLiteral("last_sync_at"),
                                             QStringLiteral("last_success_at"), QStringLiteral("last_status"),
                                             QStringLiteral("last_error")}));
        QCOMPARE(table.rows.size(), 2);
        const QVariantList &first = table.rows.first();
        QCOMPARE(first.size(), table.columns.size());
        QCOMPARE(first[0].toString(), QStringLiteral("runpod"));
        QCOMPARE(first[2].typeId(), int(QMetaType::Bool));
        QCOMPARE(first[3].toInt(), 300);
        QCOMPARE(first[4].toDateTime(), sampleConnections().first().lastSyncAt);
        QCOMPARE(first[4].toDateTime().timeSpec(), Qt::UTC);
        QVERIFY(table.rows[1][4].isNull());   // never synced: an empty CSV field, not a fake date
        QVERIFY(table.rows[1][5].isNull());   // no successful sync either
        QCOMPARE(table.rows[1][7].toString(), sampleConnections().last().lastError);
    }

    void podsModelPassesTester()
    {
        PodsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
        model.setInstances(samplePods(), {{1, QStringLiteral("prod")}});
        model.setInstances({}, {});
        model.setInstances(samplePods(), {{1, QStringLiteral("prod")}});
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Warning);
        proxy.setSourceModel(&model);
        proxy.setSortRole(PodsModel::SortRole);
        proxy.sort(PodsModel::CostPerHour);
        QCOMPARE(model.rowCount(), 3);
    }

    void podsModelCellsAndSorting()
    {
        PodsModel model;
        model.setInstances(samplePods(), {{1, QStringLiteral("prod")}});
        QCOMPARE(model.columnCount(), int(PodsModel::ColumnCount));
        auto cell = [&model](int row, int column, int role = Qt::DisplayRole) { return model.data(model.index(row, column), role); };
        QCOMPARE(cell(0, PodsModel::Name).toString(), QStringLiteral("trainer"));
        QCOMPARE(cell(0, PodsModel::Gpu).toString(), QStringLiteral("NVIDIA RTX 4090 × 2"));
        QCOMPARE(cell(0, PodsModel::Uptime).toString(), QStringLiteral("3 d 4 h"));
        QCOMPARE(cell(0, PodsModel::Util).toString(), QStringLiteral("87 %"));
        QCOMPARE(cell(1, PodsModel::Util).toString(), QStringLiteral("4.5 %"));
        QCOMPARE(cell(0, PodsModel::CostPerHour).toString(), QStringLiteral("$1.38/hr"));
        QCOMPARE(cell(0, PodsModel::Connection).toString(), QStringLiteral("prod"));
        QCOMPARE(cell(0, PodsModel::Name, PodsModel::InstanceIdRole).toString(), QStringLiteral("p1"));
        // The exited pod: unknown runtime values read "—", never 0.
        QCOMPARE(cell(2, PodsModel::Status).toString(), QStringLiteral("EXITED"));
        QCOMPARE(cell(2, PodsModel::Uptime).toString(), QStringLiteral("—"));
        QCOMPARE(cell(2, PodsModel::Util).toString(), QStringLiteral("—"));
        QCOMPARE(cell(2, PodsModel::CostPerHour).toString(), QStringLiteral("—"));
        QCOMPARE(model.rowOf(QStringLiteral("p3")), 2);
        QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);

        // Sorting by the numeric role, not the text: "$1.38" above "$0.69", unknown last.
        QCOMPARE(cell(0, PodsModel::CostPerHour, PodsModel::SortRole).toDouble(), 1.38);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(PodsModel::SortRole);
        proxy.sort(PodsModel::CostPerHour, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, PodsModel::Name).data().toString(), QStringLiteral("trainer"));
        QCOMPARE(proxy.index(2, PodsModel::Name).data().toString(), QStringLiteral("old-run"));
        proxy.sort(PodsModel::Util, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, PodsModel::Name).data().toString(), QStringLiteral("old-run"));
        QCOMPARE(proxy.index(1, PodsModel::Name).data().toString(), QStringLiteral("notebook"));
    }

    void podsTableDataIsTyped()
    {
        PodsModel model;
        model.setInstances(samplePods(), {{1, QStringLiteral("prod")}});
        const TableData table = model.tableData();
        QCOMPARE(table.columns.first(), QStringLiteral("snapshot_ts"));
        QCOMPARE(table.rows.size(), 3);
        const QVariantList &first = table.rows.first();
        QCOMPARE(first.size(), table.columns.size());
        QCOMPARE(first[0].toDateTime().timeSpec(), Qt::UTC);
        QCOMPARE(first[table.columns.indexOf(QStringLiteral("cost_per_hour"))].toDouble(), 1.38);
        QCOMPARE(first[table.columns.indexOf(QStringLiteral("gpu_count"))].toLongLong(), qint64(2));
        const QVariantList &exited = table.rows.last();
        QVERIFY(exited[table.columns.indexOf(QStringLiteral("uptime_seconds"))].isNull());
        QVERIFY(exited[table.columns.indexOf(QStringLiteral("gpu_util_percent"))].isNull());
        QVERIFY(exited[table.columns.indexOf(QStringLiteral("cost_per_hour"))].isNull());
    }

    void offersModelPassesTester()
    {
        OffersModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
        model.setOffers(sampleOffers());
        model.setOffers({});
        model.setOffers(sampleOffers());
        OffersFilterModel proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Warning);
        proxy.setSourceModel(&model);
        proxy.setSortRole(OffersModel::SortRole);
        proxy.sort(OffersModel::Price);
        proxy.setTier(QStringLiteral("secure"));
        proxy.setGpuText(QStringLiteral("4090"));
        proxy.setTier(QString());
        QCOMPARE(model.rowCount(), 4);
    }

    void offersModelCellsAndCheapest()
    {
        OffersModel model;
        model.setOffers(sampleOffers());
        QCOMPARE(model.columnCount(), int(OffersModel::ColumnCount));
        auto cell = [&model](int row, int column, int role = Qt::DisplayRole) { return model.data(model.index(row, column), role); };
        QCOMPARE(cell(0, OffersModel::GpuType).toString(), QStringLiteral("NVIDIA GeForce RTX 4090"));
        QCOMPARE(cell(0, OffersModel::Provider).toString(), QStringLiteral("RunPod"));   // from its descriptor
        QCOMPARE(cell(3, OffersModel::Provider).toString(), QStringLiteral("Lambda"));   // from its descriptor too
        QCOMPARE(OffersModel::providerText(QStringLiteral("teleport")), QStringLiteral("teleport"));   // none: the kind
        QCOMPARE(cell(0, OffersModel::Tier).toString(), QStringLiteral("Secure"));
        QCOMPARE(cell(1, OffersModel::Tier).toString(), QStringLiteral("Community"));
        QCOMPARE(cell(3, OffersModel::Tier).toString(), QStringLiteral("on-demand"));
        QCOMPARE(cell(0, OffersModel::MemoryGb).toString(), QStringLiteral("24 GB"));
        QCOMPARE(cell(0, OffersModel::Price).toString(), QStringLiteral("$0.69/hr"));
        QCOMPARE(cell(0, OffersModel::SpotPrice).toString(), QStringLiteral("$0.35/hr"));
        QCOMPARE(cell(0, OffersModel::Available).toString(), QStringLiteral("Yes"));
        QCOMPARE(cell(1, OffersModel::Available).toString(), QStringLiteral("No"));
        QVERIFY(!cell(0, OffersModel::Observed).toString().isEmpty());
        // Unknown values read "—", never 0.
        for (const int column : {OffersModel::MemoryGb, OffersModel::Price, OffersModel::SpotPrice, OffersModel::Available})
            QCOMPARE(cell(2, column).toString(), QStringLiteral("—"));
        QCOMPARE(cell(3, OffersModel::SpotPrice).toString(), QStringLiteral("—"));

        // The cheapest offer of each GPU type is marked, across providers and tiers; an unknown price never is.
        QVERIFY(!model.isCheapest(0));
        QVERIFY(model.isCheapest(1));
        QVERIFY(!model.isCheapest(2));
        QVERIFY(model.isCheapest(3));
        QCOMPARE(cell(1, OffersModel::GpuType, OffersModel::CheapestRole).toBool(), true);
        QVERIFY(cell(1, OffersModel::Price, Qt::FontRole).value<QFont>().bold());
        QVERIFY(cell(1, OffersModel::Price, Qt::BackgroundRole).isValid());
        QVERIFY(!cell(0, OffersModel::Price, Qt::BackgroundRole).isValid());
        QVERIFY(cell(1, OffersModel::Price, Qt::ToolTipRole).toString().contains(QStringLiteral("Cheapest")));
        QCOMPARE(model.rowOf(QStringLiteral("runpod"), QStringLiteral("NVIDIA GeForce RTX 4090"), QStringLiteral("community")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("runpod"), QStringLiteral("NVIDIA GeForce RTX 4090"), QStringLiteral("spot")), -1);
    }

    void offersSortNumericallyAndFilter()
    {
        OffersModel model;
        model.setOffers(sampleOffers());
        OffersFilterModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(OffersModel::SortRole);
        // "$2.49" above "$0.69" by value, not text; the unknown price last.
        proxy.sort(OffersModel::Price, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, OffersModel::Price).data().toString(), QStringLiteral("$2.49/hr"));
        QCOMPARE(proxy.index(1, OffersModel::Price).data().toString(), QStringLiteral("$0.69/hr"));
        QCOMPARE(proxy.index(3, OffersModel::Price).data().toString(), QStringLiteral("—"));
        proxy.sort(OffersModel::MemoryGb, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, OffersModel::MemoryGb).data().toString(), QStringLiteral("—"));

        proxy.setGpuText(QStringLiteral(" h100 "));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setTier(QStringLiteral("secure"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setGpuText(QString());
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setTier(QStringLiteral("community"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, OffersModel::Price).data().toString(), QStringLiteral("$0.34/hr"));
        proxy.setTier(QString());
        QCOMPARE(proxy.rowCount(), 4);
    }

    void offersTableDataFollowsTheExportDataset()
    {
        OffersModel model;
        model.setOffers(sampleOffers());
        const TableData table = model.tableData();
        QCOMPARE(table.columns, (QStringList{QStringLiteral("observed_ts"), QStringLiteral("provider"), QStringLiteral("gpu_type"),
                                             QStringLiteral("provider_gpu_id"), QStringLiteral("memory_gb"), QStringLiteral("tier"),
                                             QStringLiteral("price_per_hour"), QStringLiteral("spot_price_per_hour"),
                                             QStringLiteral("available")}));
        QCOMPARE(table.rows.size(), 4);
        QCOMPARE(table.rows[0][0].toDateTime().timeSpec(), Qt::UTC);
        QCOMPARE(table.rows[0][6].toDouble(), 0.69);
        QCOMPARE(table.rows[1][8].toBool(), false);
        QVERIFY(!table.rows[1][8].isNull());
        for (const int column : {4, 6, 7, 8})
            QVERIFY(table.rows[2][column].isNull());
    }

    void staleNoticesNameTheFailureAndTheDataAge()
    {
        QList<ConnectionRecord> connections = sampleConnections();   // prod: ok; lab-dcgm: failed but disabled
        ConnectionRecord failed = connections.first();
        failed.id = 3;
        failed.name = QStringLiteral("backup");
        failed.lastStatus = QStringLiteral("failed");
        failed.lastSyncAt = QDateTime::currentDateTimeUtc();
        failed.lastError = QStringLiteral("auth: api.runpod.io: 401 Unauthorized");
        connections << failed;
        const QStringList kinds{QStringLiteral("runpod"), QStringLiteral("prometheus")};

        DataTimes times;
        const QDateTime older = failed.lastSyncAt.addSecs(-600);
        times.note(3, older.addSecs(-300));
        times.note(3, older);
        times.note(1, failed.lastSyncAt);
        QList<StaleNotice> notices = StaleNotices::find(connections, kinds, times);
        QCOMPARE(notices.size(), 1);   // the OK one is current, the disabled one is not expected to sync
        QCOMPARE(notices.first().connection.name, QStringLiteral("backup"));
        QCOMPARE(notices.first().dataAsOf, older);
        const QString text = StaleNotices::text(notices.first());
        QVERIFY2(text.startsWith(QStringLiteral("RunPod “backup” failed at %1 — auth: api.runpod.io: 401 Unauthorized; showing data from %2")
                                     .arg(SnapshotFormat::clockTime(failed.lastSyncAt), SnapshotFormat::clockTime(older))),
                 qPrintable(text));
        QVERIFY(StaleNotices::find(connections, {QStringLiteral("prometheus")}, times).isEmpty());

        // Offers carry a provider, not a connection: the newest of the kind counts.
        DataTimes byKind;
        byKind.noteKind(QStringLiteral("runpod"), older);
        QCOMPARE(StaleNotices::find(connections, kinds, byKind).first().dataAsOf, older);
        notices = StaleNotices::find(connections, kinds, DataTimes());
        QVERIFY2(StaleNotices::text(notices.first()).endsWith(QStringLiteral("; nothing stored from it yet")),
                 qPrintable(StaleNotices::text(notices.first())));
        notices.first().connection.lastError = QString(400, QLatin1Char('x'));
        QVERIFY(StaleNotices::text(notices.first()).size() < 300);
    }

    void endpointsModelPassesTester()
    {
        EndpointsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
        model.setEndpoints({endpointRow(QStringLiteral("e1"), QStringLiteral("whisper"), 2, 0, 0)}, {{1, QStringLiteral("prod")}});
        model.setEndpoints({}, {});
        model.setEndpoints({endpointRow(QStringLiteral("e1"), QStringLiteral("whisper"), 2, 0, 0),
                            endpointRow(QStringLiteral("e2"), QStringLiteral("sdxl"), 0, 9, 3)}, {});
        QCOMPARE(model.rowCount(), 2);
    }

    void endpointsHealthBadges()
    {
        using R = EndpointRow;
        const R healthy = endpointRow(QStringLiteral("e1"), QStringLiteral("whisper"), 2, 1, 1);
        QCOMPARE(EndpointsModel::healthText(healthy), QStringLiteral("healthy"));
        QVERIFY(!EndpointsModel::needsAttention(healthy));
        QCOMPARE(EndpointsModel::healthText(endpointRow(QStringLiteral("e2"), QStringLiteral("sdxl"), 0, 9, 3)),
                 QStringLiteral("queue growing, no worker running"));
        // A queue that is draining, or that is served by a running worker, is not starving.
        QCOMPARE(EndpointsModel::healthText(endpointRow(QStringLiteral("e2"), QStringLiteral("sdxl"), 0, 3, 9)), QStringLiteral("healthy"));
        QCOMPARE(EndpointsModel::healthText(endpointRow(QStringLiteral("e2"), QStringLiteral("sdxl"), 1, 9, 3)), QStringLiteral("healthy"));
        // No earlier reading: a waiting queue with nobody working on it is the same worry.
        QCOMPARE(EndpointsModel::healthText(endpointRow(QStringLiteral("e2"), QStringLiteral("sdxl"), 0, 4, std::nullopt)),
                 QStringLiteral("queue growing, no worker running"));
        QCOMPARE(EndpointsModel::healthText(endpointRow(QStringLiteral("e3"), QStringLiteral("llm"), 2, 0, 0, 70, 30)),
                 QStringLiteral("failure rate 30 %"));
        QCOMPARE(EndpointsModel::healthText(endpointRow(QStringLiteral("e3"), QStringLiteral("llm"), 2, 0, 0, 70, 30, 1)),
                 QStringLiteral("unhealthy workers"));
        R unknown = healthy;
        unknown.health.reset();
        QCOMPARE(EndpointsModel::healthText(unknown), QStringLiteral("—"));
    }

    void endpointsModelCellsAndTableData()
    {
        EndpointsModel model;
        EndpointRow noQueue = endpointRow(QStringLiteral("e1"), QStringLiteral("whisper"), 2, std::nullopt, std::nullopt);
        model.setEndpoints({noQueue, endpointRow(QStringLiteral("e2"), QStringLiteral("sdxl"), 0, 9, 3)}, {{1, QStringLiteral("prod")}});
        auto cell = [&model](int row, int column, int role = Qt::DisplayRole) { return model.data(model.index(row, column), role); };
        QCOMPARE(cell(0, EndpointsModel::Workers).toString(), QStringLiteral("0 – 3"));
        QCOMPARE(cell(0, EndpointsModel::Running).toString(), QStringLiteral("2"));
        QCOMPARE(cell(0, EndpointsModel::Queue).toString(), QStringLiteral("—"));
        QCOMPARE(cell(0, EndpointsModel::Throttled).toString(), QStringLiteral("—"));
        QCOMPARE(cell(1, EndpointsModel::Queue).toString(), QStringLiteral("9"));
        QCOMPARE(cell(1, EndpointsModel::Health).toString(), QStringLiteral("queue growing, no worker running"));
        QVERIFY(cell(1, EndpointsModel::Name, EndpointsModel::NeedsAttentionRole).toBool());
        QVERIFY(cell(1, EndpointsModel::Health, Qt::DecorationRole).canConvert<QColor>());
        QCOMPARE(cell(0, EndpointsModel::Connection).toString(), QStringLiteral("prod"));
        QCOMPARE(cell(1, EndpointsModel::Name, EndpointsModel::EndpointIdRole).toString(), QStringLiteral("e2"));
        QCOMPARE(model.rowOf(QStringLiteral("e2")), 1);

        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(EndpointsModel::SortRole);
        proxy.sort(EndpointsModel::Queue, Qt::DescendingOrder);   // 9 above unknown
        QCOMPARE(proxy.index(0, EndpointsModel::Name).data().toString(), QStringLiteral("sdxl"));

        const TableData table = model.tableData();
        QCOMPARE(table.rows.size(), 2);
        QCOMPARE(table.rows[0].size(), table.columns.size());
        QVERIFY(table.rows[0][table.columns.indexOf(QStringLiteral("jobs_in_queue"))].isNull());
        QCOMPARE(table.rows[1][table.columns.indexOf(QStringLiteral("jobs_in_queue"))].toLongLong(), qint64(9));
        QCOMPARE(table.rows[1][0].toDateTime().timeSpec(), Qt::UTC);
    }

    void costFiguresKeepUnknownApartFromZero()
    {
        const CostFigures none = costFigures({});
        QVERIFY(!none.balance && !none.burnPerHour && !none.spendLimit);
        const CostFigures figures = costFigures({billing(kSnapshotTs, 1, 2.5, 100.0), billing(kSnapshotTs, 2, 1.5, std::nullopt)});
        QCOMPARE(*figures.burnPerHour, 4.0);
        QCOMPARE(*figures.balance, 100.0);
        QVERIFY(!figures.spendLimit);
        QCOMPARE(*daysUntilEmpty(96.0, 2.0), 2.0);
        QVERIFY(!daysUntilEmpty(96.0, 0.0));
        QVERIFY(!daysUntilEmpty(96.0, std::nullopt));
        QVERIFY(!daysUntilEmpty(std::nullopt, 2.0));
    }

    void burnRateSumsConnectionsOverTime()
    {
        const QDateTime t0 = kSnapshotTs;
        const QList<TimedValue> points = burnRatePoints({billing(t0, 1, 2.0, 1.0), billing(t0, 2, 1.0, 1.0),
                                                         billing(t0.addSecs(300), 1, 3.0, 1.0),
                                                         billing(t0.addSecs(600), 2, std::nullopt, 1.0)});
        QCOMPARE(points.size(), 3);
        QCOMPARE(points[0].value, 3.0);   // both at t0
        QCOMPARE(points[1].value, 4.0);   // connection 1 moved, 2 kept its reading
        QCOMPARE(points[2].value, 4.0);   // an unknown reading changes nothing
        QCOMPARE(points[1].tMs, t0.addSecs(300).toMSecsSinceEpoch());
    }

    void idleCostFromTheLastHour()
    {
        const QList<InstanceSnapshot> latest = samplePods();
        QHash<QString, QList<InstanceSnapshot>> hour;
        // One reading above 10 % in the hour keeps a pod off the idle list.
        hour.insert(QStringLiteral("p1"), {pod(QStringLiteral("p1"), QStringLiteral("trainer"), 1.38, 2.0),
                                           pod(QStringLiteral("p1"), QStringLiteral("trainer"), 1.38, 55.0)});
        hour.insert(QStringLiteral("p2"), {pod(QStringLiteral("p2"), QStringLiteral("notebook"), 0.69, 3.0)});
        const IdleCost idle = idleCost(latest, hour);
        QCOMPARE(*idle.perHour, 0.69);
        QCOMPARE(idle.pods, QStringList{QStringLiteral("notebook")});
        // No history: judged by the latest snapshot.
        const IdleCost fromLatest = idleCost(latest, {});
        QCOMPARE(fromLatest.pods, QStringList{QStringLiteral("notebook")});
        QVERIFY(!idleCost({samplePods().last()}, {}).perHour);   // only an exited pod: unknown, not $0
        QCOMPARE(runningByCost(latest).size(), 2);
        QCOMPARE(runningByCost(latest).first().instanceId, QStringLiteral("p1"));
    }

    void pointSeriesCentresEachSnapshot()
    {
        QVERIFY(pointSeries({}).buckets.isEmpty());
        const BucketSeries series = pointSeries({{0, 1}, {60'000, 2}, {120'000, 3}, {900'000, 4}});
        QCOMPARE(series.buckets.size(), 4);
        QCOMPARE(series.widthMs, qint64(150'000));
        const QList<BucketBand> bands = bucketBands(series);
        QCOMPARE(bands.size(), 2);   // the 13-minute silence breaks the line
        QCOMPARE(bands[0].avg, (QList<QPointF>{{0, 1}, {60'000, 2}, {120'000, 3}}));
        QCOMPARE(series.buckets[1].min, 2.0);
        QCOMPARE(series.buckets[1].max, 2.0);
        QCOMPARE(series.buckets[1].count, qint64(1));
    }

    void seriesListModelPassesTester()
    {
        SeriesListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
        model.setSeries({seriesInfo(7, 2, QStringLiteral("DCGM_FI_DEV_GPU_UTIL"), QStringLiteral(R"({"gpu":"0"})"))},
                        {{2, QStringLiteral("lab-dcgm")}});
        model.setSeries({}, {});
        QCOMPARE(model.rowCount(), 0);
    }

    void seriesListModelNamesSeries()
    {
        SeriesListModel model;
        model.setSeries({seriesInfo(7, 2, QStringLiteral("DCGM_FI_DEV_GPU_UTIL"), QStringLiteral(R"({"Hostname":"node-a","gpu":"0"})")),
                         seriesInfo(9, 3, QStringLiteral("up"), QStringLiteral("{}"))},
                        {{2, QStringLiteral("lab-dcgm")}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0)).toString(),
                 QStringLiteral("DCGM_FI_DEV_GPU_UTIL {Hostname=node-a, gpu=0} · lab-dcgm"));
        QCOMPARE(model.data(model.index(1)).toString(), QStringLiteral("up"));
        QCOMPARE(model.data(model.index(1), SeriesListModel::SeriesIdRole).toLongLong(), qint64(9));
        QCOMPARE(model.rowOf(7), 0);
        QCOMPARE(model.rowOf(9), 1);
        QCOMPARE(model.rowOf(42), -1);
        QCOMPARE(model.roleNames().value(SeriesListModel::SeriesIdRole), QByteArray("seriesId"));
    }

    void bucketBandsBreakAtGaps()
    {
        BucketSeries series;
        series.originMs = 0;
        series.widthMs = 1000;
        series.buckets = {bucket(0, 1, 2, 3), bucket(1000, 2, 3, 4), bucket(5000, 0, 5, 10)};
        const QList<BucketBand> bands = bucketBands(series);
        QCOMPARE(bands.size(), 2);
        QCOMPARE(bands[0].avg, (QList<QPointF>{{500, 2}, {1500, 3}}));
        QCOMPARE(bands[0].min, (QList<QPointF>{{500, 1}, {1500, 2}}));
        QCOMPARE(bands[0].max, (QList<QPointF>{{500, 3}, {1500, 4}}));
        QCOMPARE(bands[1].avg, (QList<QPointF>{{5500, 5}}));

        // Too many stretches: bridged into one band rather than hundreds of chart series.
        const QList<BucketBand> bridged = bucketBands(series, 1);
        QCOMPARE(bridged.size(), 1);
        QCOMPARE(bridged[0].avg.size(), 3);

        QVERIFY(bucketBands(BucketSeries{}).isEmpty());
    }

    void bucketAtFindsTheCoveringBucket()
    {
        BucketSeries series;
        series.widthMs = 1000;
        series.buckets = {bucket(0, 1, 2, 3), bucket(1000, 2, 3, 4), bucket(5000, 0, 5, 10)};
        QVERIFY(!bucketAt(series, -1));
        QCOMPARE(bucketAt(series, 0)->startMs, qint64(0));
        QCOMPARE(bucketAt(series, 1999)->startMs, qint64(1000));
        QVERIFY(!bucketAt(series, 2000));   // the missing bucket between the stretches
        QCOMPARE(bucketAt(series, 5999)->avg, 5.0);
        QVERIFY(!bucketAt(series, 6000));
    }

    void customTimeRangeReadsInLocalTimeAndPersists()
    {
        const QDateTime from(QDate(2026, 3, 14), QTime(8, 0), Qt::UTC);
        const QDateTime to(QDate(2026, 3, 15), QTime(8, 0), Qt::UTC);
        const TimeRange range = TimeRange::custom(to, from);   // given backwards: still from < to
        QCOMPARE(range.from(QDateTime::currentDateTimeUtc()), from);
        QVERIFY(range.label().startsWith(from.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        QCOMPARE(TimeRange::fromSettingsKey(range.settingsKey()), range);
        QCOMPARE(TimeRange::fromSettingsKey(QStringLiteral("7d")), TimeRange::preset(TimeRange::Preset::Last7Days));
        QCOMPARE(TimeRange::fromSettingsKey(QStringLiteral("nonsense")), TimeRange::preset(TimeRange::Preset::Last24Hours));
    }

    void latestRequestDropsOlderTickets()
    {
        LatestRequest request;
        const quint64 first = request.begin();
        QVERIFY(request.isCurrent(first));
        const quint64 second = request.begin();
        QVERIFY(!request.isCurrent(first));
        QVERIFY(request.isCurrent(second));
    }

    void exportFilesAreWrittenOrReported()
    {
        QTemporaryDir dir;
        QImage image(16, 8, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(writePngFile(png, image));
        QCOMPARE(QImage(png).size(), QSize(16, 8));

        const Result<void> missingDir = writeExportFile(dir.filePath(QStringLiteral("no/such/dir/chart.svg")), "<svg/>");
        QVERIFY(!missingDir);
        QVERIFY(missingDir.error().message.contains(QStringLiteral("no/such/dir/chart.svg")));
        QVERIFY(!writePngFile(dir.filePath(QStringLiteral("empty.png")), QImage()));
    }
    void alertDestinationByKind_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("page");
        QTest::newRow("gpu_idle") << QStringLiteral("gpu_idle") << int(AlertDestination::Pods);
        QTest::newRow("cheaper_offer") << QStringLiteral("cheaper_offer") << int(AlertDestination::Pods);
        QTest::newRow("endpoint_unhealthy") << QStringLiteral("endpoint_unhealthy") << int(AlertDestination::Endpoints);
        QTest::newRow("connection_failing") << QStringLiteral("connection_failing") << int(AlertDestination::Providers);
        QTest::newRow("burn_rate") << QStringLiteral("burn_rate") << int(AlertDestination::Cost);
        QTest::newRow("balance_runway") << QStringLiteral("balance_runway") << int(AlertDestination::Cost);
        QTest::newRow("price_below") << QStringLiteral("price_below") << int(AlertDestination::Offers);
        QTest::newRow("workflow_regression") << QStringLiteral("workflow_regression") << int(AlertDestination::Workflows);
        QTest::newRow("unknown") << QStringLiteral("gpu_on_fire") << int(AlertDestination::Alerts);
    }

    void alertDestinationByKind()
    {
        QFETCH(QString, kind);
        QFETCH(int, page);
        QCOMPARE(alertDestination(kind), AlertDestination(page));
    }

    void everyAlertKindHasAPage()
    {
        for (const AlertKindInfo &info : alertKinds())
            QVERIFY2(alertDestination(info.kind) != AlertDestination::Alerts, qPrintable(info.kind));
    }

    void alertsModelShowsStateSeverityAndExports()
    {
        const QDateTime fired(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);
        auto record = [&](qint64 id, const QString &severity, bool resolved, bool acknowledged) {
            AlertRecord a;
            a.id = id;
            a.finding.kind = QStringLiteral("gpu_idle");
            a.finding.severity = severity;
            a.finding.connectionId = 1;
            a.finding.resourceId = QStringLiteral("pod-%1").arg(id);
            a.finding.message = QStringLiteral("pod-%1 (prod): idle").arg(id);
            a.firedAt = fired.addSecs(-60 * id);
            a.lastSeenAt = fired;
            if (resolved)
                a.resolvedAt = fired.addSecs(60);
            a.acknowledged = acknowledged;
            if (acknowledged)
                a.acknowledgedAt = fired.addSecs(30);
            return a;
        };
        AlertsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setAlerts({record(1, QStringLiteral("critical"), false, false), record(2, QStringLiteral("warning"), false, true),
                         record(3, QStringLiteral("info"), true, false)},
                        {{1, QStringLiteral("prod")}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.unacknowledgedCount(), 1);
        QCOMPARE(model.rowOf(2), 1);
        QCOMPARE(model.rowOf(42), -1);
        QCOMPARE(model.index(0, AlertsModel::State).data().toString(), QStringLiteral("Open"));
        QCOMPARE(model.index(1, AlertsModel::State).data().toString(), QStringLiteral("Acknowledged"));
        QCOMPARE(model.index(2, AlertsModel::State).data().toString(), QStringLiteral("Resolved"));
        QCOMPARE(model.index(0, AlertsModel::Severity).data().toString(), QStringLiteral("Critical"));
        QCOMPARE(model.index(0, AlertsModel::Severity).data(Qt::DecorationRole).value<QColor>(), QColor(0xd6, 0x27, 0x28));
        QCOMPARE(model.index(0, AlertsModel::Connection).data().toString(), QStringLiteral("prod"));
        QCOMPARE(model.index(0, AlertsModel::Resource).data().toString(), QStringLiteral("pod-1"));
        QCOMPARE(model.index(0, AlertsModel::Resolved).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.headerData(AlertsModel::Message, Qt::Horizontal).toString(), QStringLiteral("Message"));

        const TableData table = model.tableData();
        QCOMPARE(table.rows.size(), 3);
        QCOMPARE(table.columns.at(2), QStringLiteral("state"));
        QCOMPARE(table.rows.at(1).at(2).toString(), QStringLiteral("acknowledged"));
        QCOMPARE(table.rows.at(0).at(1).toDateTime(), fired.addSecs(-60));
        QVERIFY(table.rows.at(0).at(9).isNull());   // not resolved: empty, never a zero time

        AlertsFilter filter;
        filter.setSourceModel(&model);
        QCOMPARE(filter.rowCount(), 2);   // open only by default
        filter.setOpenOnly(false);
        QCOMPARE(filter.rowCount(), 3);
        filter.setSeverity(QStringLiteral("warning"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setSeverity({});
        filter.setText(QStringLiteral("POD-3"));
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, AlertsModel::Resource).data().toString(), QStringLiteral("pod-3"));
    }

    // Estimated and billed side by side ("not reported" where billing is not), the difference, the
    // percent for the bar, the forecast red when over the monthly cap; the export keeps unknowns empty.
    void budgetsModelShowsSpendAgainstCaps()
    {
        BudgetStatus team;
        team.budget.name = QStringLiteral("team-gpu");
        team.budget.monthlyCap = 500.0;
        team.budget.dailyCap = 40.0;
        team.month = SpendFigures{430.0, 412.5, 17.5, 412.5};
        team.day.spent = 12.0;
        team.ratePerHour = 1.77;
        team.forecast = 731.2;
        BudgetStatus lab;
        lab.budget.name = QStringLiteral("lab");
        lab.budget.scope = QStringLiteral("connection");
        lab.budget.connectionId = 2;
        lab.budget.burnRateCap = 2.0;
        lab.month.estimated = lab.month.spent = 20.0;
        lab.forecast = 200.0;
        BudgetsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
        model.setStatuses({team, lab}, {{2, QStringLiteral("lab-box")}});
        QCOMPARE(model.rowCount(), 2);
        auto cell = [&model](int row, int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
        QCOMPARE(cell(0, BudgetsModel::Estimated).toString(), QStringLiteral("$430.00"));
        QCOMPARE(cell(0, BudgetsModel::Billed).toString(), QStringLiteral("$412.50"));
        QCOMPARE(cell(0, BudgetsModel::Difference).toString(), QStringLiteral("$17.50"));
        QCOMPARE(cell(0, BudgetsModel::Used, BudgetsModel::PercentRole).toDouble(), 82.5);
        QCOMPARE(cell(0, BudgetsModel::Forecast).toString(), QStringLiteral("$731.20"));
        QVERIFY(cell(0, BudgetsModel::Forecast, BudgetsModel::OverRole).toBool());
        QVERIFY(cell(0, BudgetsModel::Forecast, Qt::ForegroundRole).isValid());
        QCOMPARE(cell(0, BudgetsModel::Today).toString(), QStringLiteral("$12.00 of $40.00"));
        QCOMPARE(cell(1, BudgetsModel::Scope).toString(), QStringLiteral("connection lab-box"));
        QCOMPARE(cell(1, BudgetsModel::Billed).toString(), QStringLiteral("not reported"));
        QCOMPARE(cell(1, BudgetsModel::Difference).toString(), SnapshotFormat::unknown());
        QVERIFY(!cell(1, BudgetsModel::Used, BudgetsModel::PercentRole).isValid());   // no monthly cap: no bar
        QVERIFY(!cell(1, BudgetsModel::Forecast, BudgetsModel::OverRole).toBool());
        QCOMPARE(model.rowOf(QStringLiteral("lab")), 1);
        const TableData table = model.tableData();
        QCOMPARE(table.rows.size(), 2);
        QVERIFY(!table.rows.at(1).at(table.columns.indexOf(QStringLiteral("billed"))).isValid());
        QCOMPARE(table.rows.at(0).at(table.columns.indexOf(QStringLiteral("percent"))).toDouble(), 82.5);
    }

    void alertRulesModelShowsParameters()
    {
        AlertRule all;
        all.name = QStringLiteral("idle anywhere");
        all.kind = QStringLiteral("gpu_idle");
        all.params = {{QStringLiteral("minutes"), 30}, {QStringLiteral("threshold_percent"), 12.5}};
        AlertRule prod;
        prod.name = QStringLiteral("prod runway");
        prod.kind = QStringLiteral("balance_runway");
        prod.connectionId = 1;
        prod.severity = QStringLiteral("critical");
        prod.enabled = false;
        prod.params = {{QStringLiteral("days"), 3}};
        AlertRulesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setRules({all, prod}, {{1, QStringLiteral("prod")}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("prod runway")), 1);
        QCOMPARE(model.index(0, AlertRulesModel::Connection).data().toString(), QStringLiteral("All"));
        QCOMPARE(model.index(1, AlertRulesModel::Connection).data().toString(), QStringLiteral("prod"));
        QCOMPARE(model.index(0, AlertRulesModel::Parameters).data().toString(), QStringLiteral("minutes=30, threshold_percent=12.5"));
        QCOMPARE(model.index(1, AlertRulesModel::Enabled).data().toString(), QStringLiteral("No"));
        QCOMPARE(model.index(1, AlertRulesModel::Severity).data().toString(), QStringLiteral("Critical"));
        QVERIFY(model.index(0, AlertRulesModel::Kind).data(Qt::ToolTipRole).toString().contains(QLatin1String("GPU util")));
        QCOMPARE(model.tableData().rows.at(1).at(2).toString(), QStringLiteral("prod"));
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "test_models.moc"
