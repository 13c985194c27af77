// The fleet timeline: exact events from synthetic stored rows, their order and the range cut; built
// as test_timeline_cli, `fleetscope export events` against a temporary SQLite store.
#include "timeline/timeline.h"

#ifdef FLEETSCOPE_TEST_CLI
#include "store/storeservice.h"
#include "clirun.h"
#include "teststore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#endif

#include <QTest>

using namespace fleetscope;

namespace {

QDateTime at(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 11, 23), QTime(hour, minute), Qt::UTC);
}

InstanceSnapshot pod(const QDateTime &ts, qint64 connectionId, const QString &id, const QString &name, const QString &status)
{
    InstanceSnapshot row;
    row.snapshotTs = ts;
    row.connectionId = connectionId;
    row.provider = QStringLiteral("runpod");
    row.instanceId = id;
    row.name = name;
    row.gpuType = QStringLiteral("NVIDIA H100 80GB HBM3");
    row.status = status;
    return row;
}

GpuOffer offer(const QDateTime &ts, const QString &tier, double price)
{
    GpuOffer row;
    row.observedTs = ts;
    row.provider = QStringLiteral("runpod");
    row.gpuType = QStringLiteral("NVIDIA H100 80GB HBM3");
    row.tier = tier;
    row.pricePerHour = price;
    return row;
}

QStringList lines(const QList<FleetEvent> &events)
{
    QStringList result;
    for (const FleetEvent &e : events)
        result << QStringLiteral("%1|%2|%3|%4|%5").arg(e.ts.toString(Qt::ISODate), e.kind, e.connection, e.resource, e.message);
    return result;
}

// A pod running -> exited -> gone, one started, an alert opened, acknowledged and resolved, a price
// change in one tier (not in the other), and a connection failing now.
TimelineInput fleet()
{
    TimelineInput input;
    ConnectionRecord prod;
    prod.id = 1;
    prod.kind = QStringLiteral("runpod");
    prod.name = QStringLiteral("runpod-prod");
    prod.lastSyncAt = at(12);
    prod.lastStatus = QStringLiteral("failed");
    prod.lastError = QStringLiteral("HTTP 500");
    ConnectionRecord lab = prod;
    lab.id = 2;
    lab.name = QStringLiteral("runpod-lab");
    lab.lastStatus = QStringLiteral("ok");
    input.connections << prod << lab;

    const QString notebook = QStringLiteral("notebook");
    const QString trainer = QStringLiteral("trainer");
    input.instances << pod(at(10), 1, QStringLiteral("pod-a"), notebook, QStringLiteral("RUNNING"))
                    << pod(at(10), 1, QStringLiteral("pod-b"), trainer, QStringLiteral("RUNNING"))
                    << pod(at(10), 2, QStringLiteral("pod-x"), QString(), QStringLiteral("EXITED"))
                    << pod(at(11), 1, QStringLiteral("pod-a"), notebook, QStringLiteral("EXITED"))
                    << pod(at(11), 1, QStringLiteral("pod-b"), trainer, QStringLiteral("RUNNING"))
                    << pod(at(11), 1, QStringLiteral("pod-c"), QString(), QStringLiteral("RUNNING"))
                    << pod(at(11), 2, QStringLiteral("pod-x"), QString(), QStringLiteral("EXITED"))
                    << pod(at(12), 1, QStringLiteral("pod-b"), trainer, QStringLiteral("RUNNING"))
                    << pod(at(12), 1, QStringLiteral("pod-c"), QString(), QStringLiteral("RUNNING"))
                    << pod(at(12), 2, QStringLiteral("pod-x"), QString(), QStringLiteral("TERMINATED"));

    AlertRecord idle;
    idle.id = 7;
    idle.finding.kind = QStringLiteral("gpu_idle");
    idle.finding.severity = QStringLiteral("warning");
    idle.finding.connectionId = 1;
    idle.finding.resourceId = QStringLiteral("pod-b");
    idle.finding.message = QStringLiteral("trainer idle");
    idle.firedAt = at(10, 30);
    idle.lastSeenAt = at(11);
    idle.acknowledged = true;
    idle.acknowledgedAt = at(10, 45);
    idle.resolvedAt = at(11, 30);
    AlertRecord open = idle;
    open.id = 8;
    open.finding.resourceId = QStringLiteral("pod-c");
    open.finding.message = QStringLiteral("pod-c idle");
    open.firedAt = at(12, 30);
    open.acknowledged = false;
    open.acknowledgedAt = QDateTime();
    open.resolvedAt = QDateTime();
    input.alerts << open << idle;   // newest first, as the store gives them

    input.offers << offer(at(10), QStringLiteral("secure"), 2.99) << offer(at(10), QStringLiteral("community"), 1.99)
                 << offer(at(11), QStringLiteral("secure"), 2.99) << offer(at(11), QStringLiteral("community"), 1.99)
                 << offer(at(12), QStringLiteral("secure"), 2.49) << offer(at(12), QStringLiteral("community"), 1.99);
    return input;
}

} // namespace

class TestTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactEventsInOrder()
    {
        const QStringList expected{
            QStringLiteral("2026-11-23T10:30:00Z|alert_opened|runpod-prod|pod-b|[warning] trainer idle"),
            QStringLiteral("2026-11-23T10:45:00Z|alert_acknowledged|runpod-prod|pod-b|[warning] trainer idle"),
            QStringLiteral("2026-11-23T11:00:00Z|pod_started|runpod-prod|pod-c|pod-c is RUNNING"),
            QStringLiteral("2026-11-23T11:00:00Z|pod_stopped|runpod-prod|pod-a|notebook (pod-a) is EXITED (was RUNNING)"),
            QStringLiteral("2026-11-23T11:30:00Z|alert_resolved|runpod-prod|pod-b|[warning] trainer idle"),
            // Same time: by kind.
            QStringLiteral("2026-11-23T12:00:00Z|connection_failing|runpod-prod|runpod|HTTP 500"),
            QStringLiteral("2026-11-23T12:00:00Z|pod_terminated|runpod-lab|pod-x|pod-x is TERMINATED (was EXITED)"),
            QStringLiteral("2026-11-23T12:00:00Z|pod_terminated|runpod-prod|pod-a|notebook (pod-a) is gone (was EXITED)"),
            QStringLiteral("2026-11-23T12:00:00Z|price_changed||NVIDIA H100 80GB HBM3|runpod secure: 2.99 -> 2.49 per hour"),
            QStringLiteral("2026-11-23T12:30:00Z|alert_opened|runpod-prod|pod-c|[warning] pod-c idle"),
        };
        QCOMPARE(lines(buildTimeline(fleet(), QDateTime(), QDateTime())), expected);
    }

    void rangeIsHalfOpenAndSeesHistoryBeforeIt()
    {
        // The 11:00 changes are found from the 10:00 snapshot outside the range; 12:00 is cut.
        QCOMPARE(lines(buildTimeline(fleet(), at(11), at(12))),
                 (QStringList{QStringLiteral("2026-11-23T11:00:00Z|pod_started|runpod-prod|pod-c|pod-c is RUNNING"),
                              QStringLiteral("2026-11-23T11:00:00Z|pod_stopped|runpod-prod|pod-a|notebook (pod-a) is EXITED (was RUNNING)"),
                              QStringLiteral("2026-11-23T11:30:00Z|alert_resolved|runpod-prod|pod-b|[warning] trainer idle")}));
        QVERIFY(buildTimeline(fleet(), at(13), QDateTime()).isEmpty());
    }

    void firstSnapshotIsABaseline()
    {
        TimelineInput input;
        input.instances << pod(at(10), 1, QStringLiteral("pod-a"), QString(), QStringLiteral("RUNNING"));
        QVERIFY(buildTimeline(input, QDateTime(), QDateTime()).isEmpty());
    }

    void tableHasTheExportColumns()
    {
        const TableData table = timelineTable(buildTimeline(fleet(), at(12), at(12, 1)));
        QCOMPARE(table.columns, (QStringList{QStringLiteral("ts"), QStringLiteral("kind"), QStringLiteral("connection"),
                                             QStringLiteral("resource"), QStringLiteral("message")}));
        QCOMPARE(table.rows.size(), 4);
        QCOMPARE(table.rows.first(), (QVariantList{at(12), QStringLiteral("connection_failing"), QStringLiteral("runpod-prod"),
                                                   QStringLiteral("runpod"), QStringLiteral("HTTP 500")}));
    }

#ifdef FLEETSCOPE_TEST_CLI
    void exportEvents()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        {
            StoreService service(*StoreLocation::parse(QString(), dataDir));
            QVERIFY(service.startBlocking());
            service.submit(test::connectionBatch(QStringLiteral("runpod-prod"), QStringLiteral("runpod")));
            service.flush();
            const qint64 id = service.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result()->first().id;
            WriteBatch batch;
            batch.instances << pod(at(10), id, QStringLiteral("pod-a"), QStringLiteral("notebook, \"big\""), QStringLiteral("RUNNING"))
                            << pod(at(11), id, QStringLiteral("pod-a"), QStringLiteral("notebook, \"big\""), QStringLiteral("EXITED"));
            batch.offers << offer(at(10), QStringLiteral("secure"), 2.99) << offer(at(11), QStringLiteral("secure"), 2.49);
            service.submit(batch);
            service.flush();
        }
        const QStringList base{QStringLiteral("--data-dir"), dataDir, QStringLiteral("export"), QStringLiteral("events"), QStringLiteral("--format")};
        const test::CliRun csv = test::runFleetscope(base + QStringList{QStringLiteral("csv")});
        QCOMPARE(csv.exitCode, 0);
        QCOMPARE(csv.rawOut, QByteArray("ts,kind,connection,resource,message\r\n"
                                        "2026-11-23T11:00:00Z,pod_stopped,runpod-prod,pod-a,\"notebook, \"\"big\"\" (pod-a) is EXITED (was RUNNING)\"\r\n"
                                        "2026-11-23T11:00:00Z,price_changed,,NVIDIA H100 80GB HBM3,runpod secure: 2.99 -> 2.49 per hour\r\n"));
        const test::CliRun json = test::runFleetscope(base + QStringList{QStringLiteral("json"), QStringLiteral("--until"), QStringLiteral("2026-11-23T11:00:00Z")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(json.rawOut).array().size(), 0);
        const test::CliRun later = test::runFleetscope(base + QStringList{QStringLiteral("json"), QStringLiteral("--since"), QStringLiteral("2026-11-23T11:00:00Z")});
        const QJsonArray rows = QJsonDocument::fromJson(later.rawOut).array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("pod_stopped"));
        QCOMPARE(rows.first().toObject().keys().size(), 5);
    }
#endif
};

QTEST_GUILESS_MAIN(TestTimeline)
#include "test_timeline.moc"
