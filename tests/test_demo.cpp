// --demo's history: the simulated account's last hours replayed through the real collector path.
#include "simulator/demo.h"
#include "simulator/demobackfill.h"
#include "simulator/runpodsimulator.h"
#include "store/storeservice.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

class TestDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backfillStoresAnHourInFiveMinuteSteps()
    {
        QTemporaryDir dir;
        StoreService store(*StoreLocation::parse(QString(), dir.path()));
        QVERIFY(store.startBlocking());
        ShiftedClock clock;
        clock.setBehindMs(3'600'000);
        SimulatorOptions options;
        options.world.pods = 5;
        options.world.endpoints = 2;
        options.now = [&clock] { return clock.nowMs(); };
        SimulatorThread simulator(options);
        QVERIFY(simulator.start());

        WriteBatch setup;
        setup.connections << demoConnection(simulator.port());
        store.submit(setup);
        store.flush();
        const ConnectionRecord connection = store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result()->first();
        QCOMPARE(connection.kind, QStringLiteral("runpod"));
        QVERIFY(connection.settings.value(QStringLiteral("graphql_url")).toString().startsWith(QLatin1String("http://127.0.0.1:")));

        DemoBackfill backfill(store, clock, connection.id, simulator.port(), 1);
        QSignalSpy progress(&backfill, &DemoBackfill::progress);
        QSignalSpy finished(&backfill, &DemoBackfill::finished);
        const qint64 startedAt = QDateTime::currentMSecsSinceEpoch();
        backfill.start();
        QVERIFY(finished.wait(30'000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(progress.size(), 12);
        QCOMPARE(progress.last().at(0).toInt(), 12);
        QCOMPARE(clock.nowMs() / 1000, QDateTime::currentMSecsSinceEpoch() / 1000);   // back to live time
        store.flush();

        const QList<BillingSnapshot> billing = store.read<QList<BillingSnapshot>>([](Store &s) { return s.billingHistory({}, {}); }).result().value();
        QCOMPARE(billing.size(), 12);
        const qint64 span = billing.last().snapshotTs.toMSecsSinceEpoch() - billing.first().snapshotTs.toMSecsSinceEpoch();
        QVERIFY2(span >= 54 * 60'000 && span <= 56 * 60'000, qPrintable(QString::number(span)));
        QVERIFY(billing.first().snapshotTs.toMSecsSinceEpoch() <= startedAt - 59 * 60'000);
        QVERIFY(*billing.first().balance > *billing.last().balance);   // the account spent money over the hour
        const QList<InstanceSnapshot> pods = store.read<QList<InstanceSnapshot>>([](Store &s) { return s.latestInstances(); }).result().value();
        QCOMPARE(pods.size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "test_demo.moc"
