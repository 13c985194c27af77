// Losing the database loses nothing: the headless collector against the RunPod simulator, writing to
// a throwaway PostgreSQL that stops in the middle of collection and starts again. Every cycle's rows
// are counted in the database, exactly once; a collector killed during the outage writes its journal
// on the next start; a torn last journal record is skipped with a log line.
#include "cli/collectdaemon.h"
#include "pgserver.h"
#include "simulator/runpodsimulator.h"
#include "store/batchjournal.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QElapsedTimer>
#include <QTest>

using namespace fleetscope;

namespace {

constexpr int kPods = 3;

int countMatches(const QString &text, const QString &pattern)
{
    int n = 0;
    for (auto it = QRegularExpression(pattern).globalMatch(text); it.hasNext(); it.next())
        ++n;
    return n;
}

// Full cycles committed, replayed ones included ("runpod-env full cycle: 12 rows and 0 samples stored").
int storedCycles(const QString &err)
{
    return countMatches(err, QStringLiteral("runpod-env full cycle: \\d+ rows and \\d+ samples stored"));
}

} // namespace

class TestCollectOutage : public QObject
{
    Q_OBJECT

private:
    test::PgServer m_server;
    std::unique_ptr<RunPodSimulator> m_simulator;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RUNPOD_API_KEY"), QString::fromLatin1(simulatorkeys::kDemo));
        env.insert(QStringLiteral("RUNPOD_GRAPHQL_URL"), m_simulator->graphqlUrl().toString());
        env.insert(QStringLiteral("RUNPOD_REST_URL"), m_simulator->restUrl().toString());
        env.insert(QStringLiteral("RUNPOD_SERVERLESS_URL"), m_simulator->serverlessUrl().toString());
        env.insert(QStringLiteral("RUNPOD_COLLECTION_INTERVAL_SECONDS"), QStringLiteral("10"));   // the shortest allowed
        env.insert(QStringLiteral("RUNPOD_HEALTH_POLL_SECONDS"), QStringLiteral("10"));
        env.remove(QStringLiteral("JOURNAL_STREAM"));
        return env;
    }

    void startCollector(QProcess &process, const QString &dataDir, const QString &uri)
    {
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(FLEETSCOPE_BINARY),
                      {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--store"), uri, QStringLiteral("collect")});
    }

    // Turns this thread's event loop (the simulator answers on it) until DONE(stderr so far) holds.
    static bool waitUntil(QProcess &process, QString &err, const std::function<bool(const QString &)> &done, int timeoutMs)
    {
        return QTest::qWaitFor([&] {
            err += QString::fromUtf8(process.readAllStandardError());
            return done(err) || process.state() == QProcess::NotRunning;
        }, timeoutMs) && done(err);
    }

    static bool stop(QProcess &process, QString &err)
    {
        process.terminate();
        const bool stopped = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 15'000);
        err += QString::fromUtf8(process.readAllStandardError());
        return stopped && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    // Instance snapshots: distinct snapshot times, and (snapshot time, pod) pairs stored more than once.
    std::pair<qint64, qint64> snapshotCounts(const QString &database)
    {
        const qint64 cycles = m_server.scalar(database, QStringLiteral("SELECT count(DISTINCT snapshot_ts) FROM instance_snapshots"));
        const qint64 twice = m_server.scalar(database, QStringLiteral(
            "SELECT count(*) FROM (SELECT 1 FROM instance_snapshots GROUP BY snapshot_ts, instance_id HAVING count(*) > 1) d"));
        return {cycles, twice};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        SimulatorOptions options;
        options.world.pods = kPods;
        options.world.endpoints = 1;
        m_simulator = std::make_unique<RunPodSimulator>(options);
        QVERIFY(m_simulator->start());
    }

    // The server is stopped for 60 s in the middle of collection (several cycles kept, many failed
    // attempts), then started again: every cycle collected is in the database once.
    void serverDownMidCollectionLosesNoRows()
    {
        const QString database = m_server.createDatabase();
        QTemporaryDir dir;
        QProcess process;
        startCollector(process, dir.path(), m_server.uri(database));
        QString err;
        QVERIFY2(waitUntil(process, err, [](const QString &e) { return storedCycles(e) >= 1; }, 20'000), qPrintable(err));

        QVERIFY2(m_server.pause(), qPrintable(m_server.error()));
        QElapsedTimer down;
        down.start();
        const int storedBefore = storedCycles(err);
        QVERIFY2(waitUntil(process, err, [](const QString &e) {
            return countMatches(e, QStringLiteral("full cycle: kept in the journal")) >= 3
                && countMatches(e, QStringLiteral("store unavailable, \\d+ batch\\(es\\) waiting")) >= 5;
        }, 45'000), qPrintable(err));
        QVERIFY2(waitUntil(process, err, [&down](const QString &) { return down.elapsed() >= 60'000; }, 65'000), qPrintable(err));
        QCOMPARE(storedCycles(err), storedBefore);   // nothing claimed stored while the server was down
        QVERIFY(QFile::exists(collectJournalPath(dir.path(), *StoreLocation::parse(m_server.uri(database), QString()))));

        QVERIFY2(m_server.resume(), qPrintable(m_server.error()));
        QVERIFY2(waitUntil(process, err, [](const QString &e) { return e.contains(QLatin1String("written from the journal")); }, 25'000),
                 qPrintable(err));
        const int afterReplay = storedCycles(err);
        QVERIFY2(waitUntil(process, err, [afterReplay](const QString &e) { return storedCycles(e) > afterReplay; }, 15'000), qPrintable(err));
        QVERIFY2(stop(process, err), qPrintable(err));

        const auto [cycles, twice] = snapshotCounts(database);
        QCOMPARE(cycles, qint64(storedCycles(err)));   // every full cycle collected is in the database
        QCOMPARE(twice, 0);                             // and none twice
        QCOMPARE(m_server.scalar(database, QStringLiteral("SELECT count(*) FROM instance_snapshots")), cycles * kPods);
        QVERIFY(!QFile::exists(collectJournalPath(dir.path(), *StoreLocation::parse(m_server.uri(database), QString()))));
    }

    // Killed (SIGKILL) while the server is down: the batches it kept are in the journal, and the next
    // start writes them before collecting.
    void killedCollectorReplaysItsJournalOnRestart()
    {
        const QString database = m_server.createDatabase();
        QTemporaryDir dir;
        QString err;
        {
            QProcess process;
            startCollector(process, dir.path(), m_server.uri(database));
            QVERIFY2(waitUntil(process, err, [](const QString &e) { return storedCycles(e) >= 1; }, 20'000), qPrintable(err));
            QVERIFY(m_server.pause());
            QVERIFY2(waitUntil(process, err, [](const QString &e) { return e.contains(QLatin1String("full cycle: kept in the journal")); }, 20'000),
                     qPrintable(err));
            process.kill();
            QVERIFY(process.waitForFinished(5000));
        }
        QVERIFY(m_server.resume());
        QCOMPARE(snapshotCounts(database).first, 1);

        QProcess process;
        startCollector(process, dir.path(), m_server.uri(database));
        QString again;
        QVERIFY2(waitUntil(process, again, [](const QString &e) { return e.contains(QLatin1String("collecting 1 connection")); }, 15'000),
                 qPrintable(again));
        const qsizetype replayed = again.indexOf(QLatin1String("written from the journal"));
        QVERIFY2(replayed >= 0 && replayed < again.indexOf(QLatin1String("collecting 1 connection")), qPrintable(again));
        QVERIFY(snapshotCounts(database).first >= 2);   // the cycle kept before the kill is stored
        QVERIFY2(stop(process, again), qPrintable(again));
        // The replay ran before the "stored" lines are logged: the kept cycles count from the first run.
        const int kept = countMatches(err, QStringLiteral("full cycle: kept in the journal"));
        QCOMPARE(snapshotCounts(database), std::make_pair(qint64(storedCycles(err) + kept + storedCycles(again)), qint64(0)));
    }

    // A crash mid-append leaves a torn last record: the next start says so, skips it, and writes the
    // whole records before it.
    void tornLastRecordIsSkippedWithALogLine()
    {
        const QString database = m_server.createDatabase();
        const StoreLocation location = *StoreLocation::parse(m_server.uri(database), QString());
        qint64 connectionId = 0;
        {
            Result<std::unique_ptr<Store>> store = openStore(location, StoreAccess::ReadWrite);
            QVERIFY(store);
            WriteBatch setup;
            ConnectionRecord lab;
            lab.kind = QStringLiteral("prometheus");
            lab.name = QStringLiteral("lab");
            lab.enabled = false;
            setup.connections << lab;
            QVERIFY((*store)->write(setup));
            connectionId = (*store)->connections()->first().id;
        }
        QTemporaryDir dir;
        const QString path = collectJournalPath(dir.path(), location);
        {
            BatchJournal journal(path);
            WriteBatch kept;
            kept.source = QStringLiteral("lab full cycle");
            InstanceSnapshot pod;
            pod.snapshotTs = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
            pod.connectionId = connectionId;
            pod.provider = QStringLiteral("runpod");
            pod.instanceId = QStringLiteral("from-the-journal");
            kept.instances << pod;
            QVERIFY(journal.append(kept));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write(QByteArray("P\0\0\x01\0", 5));   // the start of a record header, then the crash
        file.close();

        QProcess process;
        startCollector(process, dir.path(), location.postgresUri);
        QString err;
        QVERIFY2(waitUntil(process, err, [](const QString &e) { return e.contains(QLatin1String("collecting 1 connection")); }, 15'000),
                 qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("torn or damaged record at byte")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("store reachable: 1 batch(es) written from the journal")), qPrintable(err));
        QVERIFY2(stop(process, err), qPrintable(err));
        QCOMPARE(m_server.scalar(database, QStringLiteral("SELECT count(*) FROM instance_snapshots WHERE instance_id = 'from-the-journal'")), 1);
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestCollectOutage)
#include "test_collectoutage.moc"
