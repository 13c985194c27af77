// Engine and store wired as the app wires them: a sync outcome lands on the connection's row.
#include "engine/collectors.h"
#include "engine/engine.h"
#include "engine/storelink.h"
#include "store/storeservice.h"
#include "teststore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

class TestStoreLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unknownKindIsRecordedAsFailed()
    {
        QTemporaryDir dir;
        StoreService store(*StoreLocation::parse(QString(), dir.path()));
        QVERIFY(store.startBlocking());
        store.submit(test::connectionBatch(QStringLiteral("mystery"), QStringLiteral("teleport-cloud")));
        store.flush();
        const QList<ConnectionRecord> connections = store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result().value();
        QCOMPARE(connections.size(), 1);

        Engine engine(builtinCollectors());
        linkEngineToStore(engine, store);
        engine.start();
        engine.setConnections(connections);

        QTRY_VERIFY_WITH_TIMEOUT(([&store] {
            store.flush();
            const auto rows = store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result();
            return rows && rows->first().lastStatus == QLatin1String("failed");
        }()), 10'000);
        const ConnectionRecord row = store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result()->first();
        QVERIFY2(row.lastError.startsWith(QLatin1String("config: mystery: this build has no collector for provider kind 'teleport-cloud'")),
                 qPrintable(row.lastError));
        QVERIFY(row.lastSyncAt.isValid());
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(TestStoreLink)
#include "test_storelink.moc"
