// --demo's history: the simulated account's last hours replayed through the real collector path.
#include "engine/collectors.h"
#include "engine/engine.h"
#include "providers/runpod/runpodlifecycle.h"
#include "budgets/budgetspend.h"
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
        setup.budgets << demoBudgets();
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
        // The demo budgets have real numbers: an estimate from the pods; billed is not reported, since the
        // RunPod collector leaves lifetime spend unknown (runpodparse.cpp).
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QList<BudgetStatus> budgets = store.read<QList<BudgetStatus>>([now](Store &s) { return readBudgetStatuses(s, now); }).result().value();
        QCOMPARE(budgets.size(), 2);
        for (const BudgetStatus &b : budgets) {
            QVERIFY2(b.month.estimated > 0, qPrintable(b.budget.name));
            QVERIFY2(!b.month.billed, qPrintable(b.budget.name));
            QVERIFY(b.ratePerHour && *b.ratePerHour > 0 && b.forecast > b.month.spent);
        }
    }

    void podActionThroughTheEngine()
    {
        SimulatorOptions options;
        options.world.pods = 3;
        options.world.randomEvents = false;
        SimulatorThread simulator(options);
        QVERIFY(simulator.start());
        qputenv(kDemoKeyVariable, simulatorkeys::kDemo);
        ConnectionRecord connection = demoConnection(simulator.port());
        connection.id = 1;
        Engine engine(builtinCollectors());
        engine.start();

        // Find a running pod by asking the simulator through a cycle.
        std::optional<Result<QString>> outcome;
        QObject receiver;
        engine.runJob(runpod::podActionJob(connection, QStringLiteral("no-such-pod"), runpod::PodAction::Stop, 1), &receiver,
                      [&outcome](Result<QString> result) { outcome = std::move(result); });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(!*outcome);   // the simulator answers errors[] for an unknown pod
        QVERIFY2(outcome->error().message.contains(QLatin1String("no-such-pod")), qPrintable(outcome->error().message));

        engine.stop();
        std::optional<Result<QString>> stopped;
        engine.runJob(runpod::podActionJob(connection, QStringLiteral("x"), runpod::PodAction::Stop, 1), &receiver,
                      [&stopped](Result<QString> result) { stopped = std::move(result); });
        QTRY_VERIFY(stopped.has_value());
        QCOMPARE(stopped->error().kind, ErrorClass::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "test_demo.moc"
