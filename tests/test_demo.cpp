// --demo's history: the simulated account's last hours replayed through the real collector path.
#include "engine/collectors.h"
#include "engine/engine.h"
#include "providers/runpod/runpodlifecycle.h"
#include "alerts/alertevaluator.h"
#include "budgets/budgetspend.h"
#include "simulator/demo.h"
#include "simulator/demobackfill.h"
#include "simulator/digitaloceansimulator.h"
#include "simulator/runpodsimulator.h"
#include "store/storeservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
        QVERIFY(simulator.startDigitalOcean());
        qputenv(kDemoKeyVariable, simulatorkeys::kDemo);

        WriteBatch setup;
        setup.connections << demoConnection(simulator.port()) << demoDigitalOceanConnection(simulator.digitalOceanPort());
        setup.budgets << demoBudgets();
        for (const AlertRule &rule : demoAlertRules())
            QVERIFY2(validateAlertRule(rule), qPrintable(rule.name));   // what the demo writes is what a user could
        setup.alertRules << demoAlertRules();
        store.submit(setup);
        store.flush();
        const QList<ConnectionRecord> connections = store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result().value();
        QCOMPARE(connections.size(), 2);
        const auto byKind = [&connections](const QString &kind) {
            return *std::find_if(connections.cbegin(), connections.cend(), [&kind](const ConnectionRecord &c) { return c.kind == kind; });
        };
        const ConnectionRecord connection = byKind(QStringLiteral("runpod"));
        QCOMPARE(connection.kind, QStringLiteral("runpod"));
        QVERIFY(connection.settings.value(QStringLiteral("graphql_url")).toString().startsWith(QLatin1String("http://127.0.0.1:")));
        const ConnectionRecord droplets = byKind(QStringLiteral("digitalocean"));

        DemoBackfill backfill(store, clock, connection.id, simulator.port(), 1);
        backfill.alsoCollect({droplets});
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

        QList<BillingSnapshot> billing = store.read<QList<BillingSnapshot>>([](Store &s) { return s.billingHistory({}, {}); }).result().value();
        QList<BillingSnapshot> dropletBilling = billing;
        billing.removeIf([&](const BillingSnapshot &b) { return b.connectionId != connection.id; });
        dropletBilling.removeIf([&](const BillingSnapshot &b) { return b.connectionId != droplets.id; });
        QCOMPARE(billing.size(), 12);
        QCOMPARE(dropletBilling.size(), 5);   // every 15 minutes, and at the last step
        const qint64 span = billing.last().snapshotTs.toMSecsSinceEpoch() - billing.first().snapshotTs.toMSecsSinceEpoch();
        QVERIFY2(span >= 54 * 60'000 && span <= 56 * 60'000, qPrintable(QString::number(span)));
        QVERIFY(billing.first().snapshotTs.toMSecsSinceEpoch() <= startedAt - 59 * 60'000);
        QVERIFY(*billing.first().balance > *billing.last().balance);   // the account spent money over the hour
        QList<InstanceSnapshot> pods = store.read<QList<InstanceSnapshot>>([](Store &s) { return s.latestInstances(); }).result().value();
        QCOMPARE(pods.size(), 5 + 4);
        pods.removeIf([&](const InstanceSnapshot &p) { return p.connectionId != droplets.id; });
        QCOMPARE(std::count_if(pods.cbegin(), pods.cend(), [](const InstanceSnapshot &p) { return isRunning(p); }), 4);   // "active" read as running
        // The demo budgets have real numbers: an estimate from the pods. RunPod's billed is not reported,
        // since its collector leaves lifetime spend unknown (runpodparse.cpp); DigitalOcean's is.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QList<BudgetStatus> budgets = store.read<QList<BudgetStatus>>([now](Store &s) { return readBudgetStatuses(s, now); }).result().value();
        QCOMPARE(budgets.size(), 3);
        for (const BudgetStatus &b : budgets) {
            QVERIFY2(b.month.estimated > 0, qPrintable(b.budget.name));
            QVERIFY(b.ratePerHour && *b.ratePerHour > 0 && b.forecast > b.month.spent);
            if (b.budget.provider == QLatin1String("runpod"))
                QVERIFY2(!b.month.billed, qPrintable(b.budget.name));
        }
        const BudgetStatus &docean = *std::find_if(budgets.cbegin(), budgets.cend(), [](const BudgetStatus &b) { return b.budget.provider == QLatin1String("digitalocean"); });
        // Billed is DigitalOcean's month_to_date_usage: whole started hours of every Droplet.
        QVERIFY(docean.month.billed);
        QCOMPARE(*docean.month.billed, *dropletBilling.last().monthToDateSpend);
        const double hourly = 1.57 + 0.76 + 1.57 + 0.07143;
        QVERIFY2(std::abs(*docean.month.billed / hourly - std::round(*docean.month.billed / hourly)) < 0.01, qPrintable(QString::number(*docean.month.billed)));
        // Estimated: about an hour of the four Droplets' prices (none is off within the first 22 hours).
        QVERIFY2(docean.month.estimated > 0.8 * hourly && docean.month.estimated < 1.2 * hourly, qPrintable(QString::number(docean.month.estimated)));
        QVERIFY(docean.month.difference);
        QCOMPARE(*docean.month.difference, docean.month.estimated - *docean.month.billed);

        // The demo's rules find something in the history: DigitalOcean's L40S costs more than twice RunPod's offer.
        const AlertEvaluation found = store.read<AlertEvaluation>([now](Store &s) -> Result<AlertEvaluation> {
            Result<QList<AlertRule>> rules = s.alertRules();
            Result<FleetView> view = readFleetView(s, now);
            if (!rules || !view)
                return fail(ErrorClass::Storage, QStringLiteral("no rules or view"));
            return evaluateAlerts(*rules, *view);
        }).result().value();
        QCOMPARE(found.ruleIds.size(), 4);
        QVERIFY(std::any_of(found.findings.cbegin(), found.findings.cend(), [&droplets](const AlertFinding &f) {
            return f.kind == QLatin1String("cheaper_offer") && f.connectionId == droplets.id;
        }));
    }

    void digitalOceanSimulatorSpeaksTheApi()
    {
        const qint64 now = QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        DigitalOceanSimulator simulator(now - 23 * 3'600'000LL - 60'000, [now] { return now; });
        auto get = [&simulator](const QString &path, const QString &query, const QByteArray &token = "demo") {
            LoopbackRequest request;
            request.method = "GET";
            request.path = path;
            request.query = QUrlQuery(query);
            if (!token.isEmpty())
                request.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + token});
            const LoopbackResponse response = simulator.handle(request);
            return std::pair{response.status, QJsonDocument::fromJson(response.body).object()};
        };
        const auto [status, first] = get(QStringLiteral("/v2/droplets"), QStringLiteral("per_page=3"));
        QCOMPARE(status, 200);
        QCOMPARE(first.value(QStringLiteral("droplets")).toArray().size(), 3);
        QCOMPARE(first[QStringLiteral("meta")][QStringLiteral("total")].toInt(), 4);
        const QString next = first[QStringLiteral("links")][QStringLiteral("pages")][QStringLiteral("next")].toString();
        QVERIFY2(next.endsWith(QLatin1String("/v2/droplets?page=2&per_page=3")), qPrintable(next));
        const auto [status2, second] = get(QStringLiteral("/v2/droplets"), QStringLiteral("page=2&per_page=3"));
        QCOMPARE(status2, 200);
        const QJsonArray last = second.value(QStringLiteral("droplets")).toArray();
        QCOMPARE(last.size(), 1);
        QVERIFY(!second[QStringLiteral("links")].toObject().contains(QStringLiteral("pages")));
        // The RTX 6000 Droplet is powered off after 22 hours.
        QCOMPARE(first.value(QStringLiteral("droplets")).toArray().at(2)[QStringLiteral("status")].toString(), QStringLiteral("off"));
        // 23 h 1 min: 24 started hours of four Droplets, off or not.
        const auto [status3, balance] = get(QStringLiteral("/v2/customers/my/balance"), QString());
        QCOMPARE(status3, 200);
        QCOMPARE(balance.value(QStringLiteral("month_to_date_usage")).toString(), QString::number(24 * (1.57 + 0.76 + 1.57 + 0.07143), 'f', 2));
        QCOMPARE(get(QStringLiteral("/v2/droplets"), QString(), "bad").first, 401);
        QCOMPARE(get(QStringLiteral("/v2/droplets"), QString(), QByteArray()).first, 401);
        QCOMPARE(get(QStringLiteral("/v2/droplets"), QStringLiteral("per_page=0")).first, 400);
        QCOMPARE(get(QStringLiteral("/v2/volumes"), QString()).first, 404);
        const auto [status4, sizes] = get(QStringLiteral("/v2/sizes"), QStringLiteral("per_page=200"));
        QCOMPARE(status4, 200);
        QCOMPARE(sizes.value(QStringLiteral("sizes")).toArray().size(), 6);
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
        engine.runJob(runpod::podActionJob(connection, QStringLiteral("no-such-pod"), PodAction::Stop, 1), &receiver,
                      [&outcome](Result<QString> result) { outcome = std::move(result); });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(!*outcome);   // the simulator answers errors[] for an unknown pod
        QVERIFY2(outcome->error().message.contains(QLatin1String("no-such-pod")), qPrintable(outcome->error().message));

        engine.stop();
        std::optional<Result<QString>> stopped;
        engine.runJob(runpod::podActionJob(connection, QStringLiteral("x"), PodAction::Stop, 1), &receiver,
                      [&stopped](Result<QString> result) { stopped = std::move(result); });
        QTRY_VERIFY(stopped.has_value());
        QCOMPARE(stopped->error().kind, ErrorClass::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "test_demo.moc"
