// Collector leases on a throwaway PostgreSQL: two collectors never hold one connection at once, the
// one that holds it is named, and a collector that goes away leaves its connections to the other.
// The headless collector skips a connection held elsewhere and says who holds it; so does a desktop,
// which takes the connection over once the collector is gone. Two desktops and a collector share one
// database: every connection collected by exactly one of them, and both desktops read what it stores.
#include "clirun.h"
#include "connectioncontroller.h"
#include "engine/collectors.h"
#include "simulator/runpodsimulator.h"
#include "pgserver.h"
#include "store/collectorlease.h"
#include "store/storeservice.h"

#include <QTest>

using namespace fleetscope;

class TestCollectorLease : public QObject
{
    Q_OBJECT

private:
    test::PgServer m_server;
    QString m_database;

    // Two metrics-endpoint connections (their scrapes fail; only who collects them matters here).
    static WriteBatch labAndRack()
    {
        WriteBatch setup;
        for (const QString &name : {QStringLiteral("lab"), QStringLiteral("rack")}) {
            ConnectionRecord c;
            c.kind = QStringLiteral("metrics-endpoint");
            c.name = name;
            c.settings = QJsonObject{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9/metrics")}};
            setup.connections << c;
        }
        return setup;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        m_database = m_server.createDatabase();
        QVERIFY(!m_database.isEmpty());
    }

    void oneHolderPerConnection()
    {
        const StoreLocation location = *StoreLocation::parse(m_server.uri(m_database), QString());
        Result<std::unique_ptr<CollectorLease>> a = CollectorLease::open(location, QStringLiteral("collector A"));
        Result<std::unique_ptr<CollectorLease>> b = CollectorLease::open(location, QStringLiteral("collector B"));
        QVERIFY2(a && b, qPrintable(!a ? a.error().message : !b ? b.error().message : QString()));
        QCOMPARE(*(*a)->claim({1, 2}), (QSet<qint64>{1, 2}));
        QCOMPARE(*(*b)->claim({1, 2, 3}), QSet<qint64>{3});
        QCOMPARE(*(*b)->holders({1, 2, 3}), (QHash<qint64, QString>{{1, QStringLiteral("collector A")}, {2, QStringLiteral("collector A")}}));
        QCOMPARE(*(*a)->claim({1}), QSet<qint64>{1});   // 2 no longer wanted: released
        QCOMPARE(*(*b)->claim({1, 2, 3}), (QSet<qint64>{2, 3}));
        a->reset();   // the process ends: its session, and so its locks, go with it
        QTRY_COMPARE(*(*b)->claim({1, 2, 3}), (QSet<qint64>{1, 2, 3}));
        QVERIFY((*b)->holders({1, 2, 3})->isEmpty());
    }

    // A server restart ends every session, and the locks with them: a lease that held connections
    // claims them again on its new session instead of believing it still holds them.
    void claimsAgainAfterTheServerRestarts()
    {
        const StoreLocation location = *StoreLocation::parse(m_server.uri(m_database), QString());
        Result<std::unique_ptr<CollectorLease>> a = CollectorLease::open(location, QStringLiteral("collector A"));
        QVERIFY(a);
        QCOMPARE(*(*a)->claim({7}), QSet<qint64>{7});
        QVERIFY(m_server.pause());
        QVERIFY(!(*a)->claim({7}));   // the server is gone: an error, not a claim
        QVERIFY(m_server.resume());
        Result<std::unique_ptr<CollectorLease>> b = CollectorLease::open(location, QStringLiteral("collector B"));
        QVERIFY(b);
        QCOMPARE(*(*a)->claim({7}), QSet<qint64>{7});
        QCOMPARE(*(*b)->claim({7}), QSet<qint64>());
        QCOMPARE(*(*b)->holders({7}), (QHash<qint64, QString>{{7, QStringLiteral("collector A")}}));
    }

    void sqliteStoresBelongToOneMachine()
    {
        Result<std::unique_ptr<CollectorLease>> local = CollectorLease::open(*StoreLocation::parse(QStringLiteral("/tmp/x.sqlite"), QString()),
                                                                             QStringLiteral("me"));
        QVERIFY(local);
        QCOMPARE(*(*local)->claim({4, 5}), (QSet<qint64>{4, 5}));
    }

    void desktopLeavesToACollectorWhatItHolds()
    {
        const QString uri = m_server.uri(m_server.createDatabase());
        StoreService store(*StoreLocation::parse(uri, QString()));
        QVERIFY(store.startBlocking());
        QVERIFY(store.writeBlocking(labAndRack()));
        const QList<ConnectionRecord> stored = *store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result();
        QCOMPARE(stored.size(), 2);
        const qint64 lab = stored.at(0).name == QLatin1String("lab") ? stored.at(0).id : stored.at(1).id;
        const qint64 rack = stored.at(0).id == lab ? stored.at(1).id : stored.at(0).id;

        Result<std::unique_ptr<CollectorLease>> collector = CollectorLease::open(*StoreLocation::parse(uri, QString()),
                                                                                 QStringLiteral("fleetscope collect on ops-1, pid 7"));
        QVERIFY(collector);
        QCOMPARE(*(*collector)->claim({lab}), QSet<qint64>{lab});

        Engine engine(builtinCollectors());   // not started: it only keeps what it is given
        ConnectionController controller(store, engine);
        QList<std::pair<qint64, QString>> shown;
        connect(&controller, &ConnectionController::stateChanged, this,
                [&shown](qint64 id, const ConnectionState &state) { shown << std::pair{id, state.collectedBy}; });
        controller.reload();
        QTRY_COMPARE(controller.collected().size(), 1);
        QCOMPARE(controller.collected().first().id, rack);
        QCOMPARE(controller.connections().size(), 2);   // the Providers page still lists both
        QCOMPARE(controller.state(lab).collectedBy, QStringLiteral("fleetscope collect on ops-1, pid 7"));
        QVERIFY(shown.contains(std::pair{lab, QStringLiteral("fleetscope collect on ops-1, pid 7")}));
        // The collector's other questions see the desktop by name.
        QCOMPARE((*collector)->holders({lab, rack})->value(rack).left(19), QStringLiteral("Fleetscope desktop "));

        collector->reset();   // the collector stops: the desktop takes its connection over
        const bool takenOver = QTest::qWaitFor([&] {
            controller.reload();   // what the minute's timer does
            QTest::qWait(100);
            return controller.collected().size() == 2;
        }, 10'000);
        QVERIFY(takenOver);
        QVERIFY(controller.state(lab).collectedBy.isEmpty());
    }

    void twoDesktopsAndACollectorShareOneDatabase()
    {
        RunPodSimulator simulator(SimulatorOptions{});
        QVERIFY(simulator.start());
        const QString uri = m_server.uri(m_server.createDatabase());
        StoreService storeA(*StoreLocation::parse(uri, QString()));
        QVERIFY(storeA.startBlocking());
        QVERIFY(storeA.writeBlocking(labAndRack()));

        // Desktop A opens first and takes what is there.
        Engine engineA(builtinCollectors());
        ConnectionController desktopA(storeA, engineA);
        desktopA.reload();
        QTRY_COMPARE(desktopA.collected().size(), 2);

        // The team's collector starts: it adds its RunPod connection and collects only that one.
        QProcess collector;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RUNPOD_API_KEY"), QString::fromLatin1(simulatorkeys::kDemo));
        env.insert(QStringLiteral("RUNPOD_GRAPHQL_URL"), simulator.graphqlUrl().toString());
        env.insert(QStringLiteral("RUNPOD_REST_URL"), simulator.restUrl().toString());
        env.insert(QStringLiteral("RUNPOD_SERVERLESS_URL"), simulator.serverlessUrl().toString());
        env.remove(QStringLiteral("JOURNAL_STREAM"));
        collector.setProcessEnvironment(env);
        collector.start(QStringLiteral(FLEETSCOPE_BINARY), {QStringLiteral("--store"), uri, QStringLiteral("collect")});
        QString err;
        auto waitForErr = [&](const QString &needle) {
            return QTest::qWaitFor([&] {
                err += QString::fromUtf8(collector.readAllStandardError());
                return err.contains(needle) || collector.state() == QProcess::NotRunning;
            }, 20'000) && err.contains(needle);
        };
        QVERIFY2(waitForErr(QStringLiteral("collecting 1 connection into ")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("lab: collected by Fleetscope desktop on ")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("rack: collected by Fleetscope desktop on ")), qPrintable(err));
        QVERIFY2(waitForErr(QStringLiteral("runpod-env full cycle: ")), qPrintable(err));

        // Desktop B, on a store connection of its own, collects nothing and says who does.
        StoreService storeB(*StoreLocation::parse(uri, QString()));
        QVERIFY(storeB.startBlocking());
        Engine engineB(builtinCollectors());
        ConnectionController desktopB(storeB, engineB);
        desktopB.reload();
        QTRY_COMPARE(desktopB.connections().size(), 3);
        QTRY_VERIFY(!desktopB.states().isEmpty());
        QVERIFY(desktopB.collected().isEmpty());
        qint64 runpod = 0;
        for (const ConnectionRecord &c : desktopB.connections()) {
            QVERIFY2(!desktopB.state(c.id).collectedBy.isEmpty(), qPrintable(c.name));
            if (c.name == QLatin1String("runpod-env"))
                runpod = c.id;
        }
        QVERIFY(desktopB.state(runpod).collectedBy.startsWith(QLatin1String("fleetscope collect on ")));
        // Both desktops read the history the collector stored.
        for (StoreService *store : {&storeA, &storeB}) {
            const Result<QList<InstanceSnapshot>> pods = store->read<QList<InstanceSnapshot>>([](Store &s) { return s.latestInstances(); }).result();
            QVERIFY(pods);
            QCOMPARE(pods->size(), simulator.world().pods().size());
        }

        // The collector stops: one desktop, not both, takes its connection over.
        collector.terminate();
        QVERIFY(collector.waitForFinished(10'000));
        QCOMPARE(collector.exitCode(), 0);
        const bool takenOver = QTest::qWaitFor([&] {
            desktopA.reload();   // what each window's minute timer does
            desktopB.reload();
            QTest::qWait(100);
            return desktopA.collected().size() + desktopB.collected().size() == 3;
        }, 10'000);
        QVERIFY(takenOver);
        QSet<qint64> all;
        for (const ConnectionController *desktop : {&desktopA, &desktopB}) {
            for (const ConnectionRecord &c : desktop->collected()) {
                QVERIFY2(!all.contains(c.id), qPrintable(c.name + QStringLiteral(" collected by both desktops")));
                all.insert(c.id);
            }
        }
        QCOMPARE(all.size(), 3);
    }

    void collectorSkipsAConnectionHeldElsewhere()
    {
        const QString database = m_server.createDatabase();
        const QString uri = m_server.uri(database);
        qint64 id = 0;
        {
            StoreService store(*StoreLocation::parse(uri, QString()));
            QVERIFY(store.startBlocking());
            WriteBatch setup;
            ConnectionRecord lab;
            lab.kind = QStringLiteral("metrics-endpoint");
            lab.name = QStringLiteral("lab");
            lab.settings = QJsonObject{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9/metrics")}};
            setup.connections << lab;
            QVERIFY(store.writeBlocking(setup));
            id = store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result()->first().id;
        }
        Result<std::unique_ptr<CollectorLease>> other = CollectorLease::open(*StoreLocation::parse(uri, QString()), QStringLiteral("collector on ops-1"));
        QVERIFY(other);
        QCOMPARE(*(*other)->claim({id}), QSet<qint64>{id});

        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("RUNPOD_API_KEY"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(FLEETSCOPE_BINARY), {QStringLiteral("--store"), uri, QStringLiteral("collect")});
        QString err;
        const bool named = QTest::qWaitFor([&] {
            err += QString::fromUtf8(process.readAllStandardError());
            return err.contains(QLatin1String("collecting 0 connections"));
        }, 15'000);
        QVERIFY2(named, qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("lab: collected by collector on ops-1, not here")), qPrintable(err));
        process.terminate();
        QVERIFY(process.waitForFinished(10'000));
        QCOMPARE(process.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCollectorLease)
#include "test_collectorlease.moc"
