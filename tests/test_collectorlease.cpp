// Collector leases on a throwaway PostgreSQL: two collectors never hold one connection at once, the
// one that holds it is named, and a collector that goes away leaves its connections to the other.
// The headless collector skips a connection held elsewhere and says who holds it.
#include "clirun.h"
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
