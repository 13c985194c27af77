// Scheduler on the test clock (cadence, jitter, sync now, pause, no overlap, failures) and the
// Engine on its own thread, collecting over loopback HTTP and handing batches back.
#include "engine/engine.h"
#include "engine/scheduler.h"
#include "faultserver.h"
#include "http/httpclient.h"
#include "testclock.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <limits>
#include <map>
#include <memory>

using namespace fleetscope;

namespace {

// What the test collectors of one connection did; the test finishes their cycles by hand.
struct Probe {
    int collects = 0;
    int running = 0;
    int maxRunning = 0;
    QList<qint64> startedAtMs;
    QList<Collector::Done> pending;
    QPointer<CollectContext> lastContext;

    void finish(Result<WriteBatch> result)
    {
        QVERIFY(!pending.isEmpty());
        --running;
        Collector::Done done = pending.takeFirst();
        done(std::move(result));
    }
};

class ProbeCollector : public Collector
{
public:
    explicit ProbeCollector(Probe &probe) : m_probe(probe) {}

    void collect(CollectContext &context, Done done) override
    {
        ++m_probe.collects;
        m_probe.maxRunning = std::max(m_probe.maxRunning, ++m_probe.running);
        m_probe.startedAtMs.append(context.clock().nowMs());
        m_probe.lastContext = &context;
        m_probe.pending.append(std::move(done));
    }

private:
    Probe &m_probe;
};

WriteBatch batchWith(double value)
{
    SeriesSamples series;
    series.key.metric = QStringLiteral("gpu_util");
    series.samples.append(Sample{TestClock::kDefaultStartMs, value});
    WriteBatch batch;
    batch.series.append(series);
    return batch;
}

ConnectionRecord connection(qint64 id, int cadenceSeconds = 60, QString kind = QStringLiteral("probe"))
{
    ConnectionRecord record;
    record.id = id;
    record.kind = std::move(kind);
    record.name = QStringLiteral("conn%1").arg(id);
    record.cadenceSeconds = cadenceSeconds;
    return record;
}

// Fetches one URL per cycle and turns the body size into a sample, noting the thread it ran on.
class HttpProbeCollector : public Collector
{
public:
    HttpProbeCollector(QUrl url, std::atomic<QThread *> &thread) : m_url(std::move(url)), m_thread(thread) {}

    void collect(CollectContext &context, Done done) override
    {
        m_thread = QThread::currentThread();
        HttpRequest request;
        request.url = m_url;
        request.maxAttempts = 1;
        request.source = context.connection().name;
        context.http().send(request, &context, [done = std::move(done)](Result<HttpResponse> response) {
            if (!response)
                return done(std::unexpected(response.error()));
            done(batchWith(double(response->body.size())));
        });
    }

private:
    QUrl m_url;
    std::atomic<QThread *> &m_thread;
};

} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void firstCycleIsSpread();
    void cadenceJitterBounds_data();
    void cadenceJitterBounds();
    void randomJitterStaysInBounds();
    void syncNowRunsAtOnceAndQueuesOneMore();
    void pauseAndResume();
    void neverOverlaps();
    void signalsReportBatchAndState();
    void failureKeepsLastSyncAndHonoursRetryAfter();
    void removedConnectionCancelsCycle();
    void unchangedConnectionKeepsTiming();
    void factoryErrorMarksFailed();
    void engineDeliversBatchesAcrossThreads();
    void engineStopsWithRequestInFlight();

private:
    std::unique_ptr<Scheduler> makeScheduler(double unit = 0.5);

    std::unique_ptr<TestClock> m_clock;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::map<qint64, Probe> m_probes;
};

void TestScheduler::initTestCase()
{
    qRegisterMetaType<fleetscope::WriteBatch>();
    qRegisterMetaType<fleetscope::ConnectionState>();
}

void TestScheduler::init()
{
    m_clock = std::make_unique<TestClock>();
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<HttpClient>(m_nam.get(), *m_clock);
}

void TestScheduler::cleanup()
{
    m_http.reset();
    m_nam.reset();
    m_clock.reset();
    m_probes.clear();
}

std::unique_ptr<Scheduler> TestScheduler::makeScheduler(double unit)
{
    auto factory = [this](const ConnectionRecord &record) -> Result<std::unique_ptr<Collector>> {
        if (record.kind != QLatin1String("probe"))
            return fail(ErrorClass::Config, QStringLiteral("%1: unknown provider kind %2").arg(record.name, record.kind));
        return std::make_unique<ProbeCollector>(m_probes[record.id]);
    };
    auto scheduler = std::make_unique<Scheduler>(*m_clock, *m_http, factory);
    scheduler->setRandomSource([unit] { return unit; });
    return scheduler;
}

void TestScheduler::firstCycleIsSpread()
{
    auto scheduler = makeScheduler(0.5);
    scheduler->setConnections({connection(1, 300), connection(2, 20)});

    // 300 s: a tenth is 30 s, capped at 5 s, times 0.5. 20 s: a tenth is 2 s, times 0.5.
    QCOMPARE(scheduler->state(1)->nextSyncAt.toMSecsSinceEpoch() - m_clock->nowMs(), qint64(2'500));
    QCOMPARE(scheduler->state(2)->nextSyncAt.toMSecsSinceEpoch() - m_clock->nowMs(), qint64(1'000));
    m_clock->advance(999);
    QCOMPARE(m_probes[2].collects, 0);
    m_clock->advance(1);
    QCOMPARE(m_probes[2].collects, 1);
    QCOMPARE(m_probes[1].collects, 0);
    m_clock->advance(1'500);
    QCOMPARE(m_probes[1].collects, 1);
}

void TestScheduler::cadenceJitterBounds_data()
{
    QTest::addColumn<double>("unit");
    QTest::addColumn<qint64>("interval");

    QTest::newRow("low edge") << 0.0 << qint64(54'000);
    QTest::newRow("centre") << 0.5 << qint64(60'000);
    QTest::newRow("high edge") << 0.9999 << qint64(65'999);
}

void TestScheduler::cadenceJitterBounds()
{
    QFETCH(double, unit);
    QFETCH(qint64, interval);

    auto scheduler = makeScheduler(unit);
    scheduler->setConnections({connection(1, 60)});
    scheduler->syncNow(1);
    Probe &probe = m_probes[1];
    QCOMPARE(probe.collects, 1);
    probe.finish(batchWith(1));

    QCOMPARE(scheduler->state(1)->nextSyncAt.toMSecsSinceEpoch() - m_clock->nowMs(), interval);
    m_clock->advance(interval - 1);
    QCOMPARE(probe.collects, 1);
    m_clock->advance(1);
    QCOMPARE(probe.collects, 2);
}

void TestScheduler::randomJitterStaysInBounds()
{
    auto scheduler = makeScheduler();
    auto random = std::make_shared<QRandomGenerator>(42u);
    scheduler->setRandomSource([random] { return random->generateDouble(); });
    scheduler->setConnections({connection(1, 60)});
    Probe &probe = m_probes[1];

    for (int cycle = 0; cycle < 200; ++cycle) {
        m_clock->advance(m_clock->nextDueInMs().value_or(-1));
        QCOMPARE(probe.collects, cycle + 1);
        probe.finish(batchWith(cycle));
    }
    qint64 shortest = std::numeric_limits<qint64>::max();
    qint64 longest = 0;
    for (qsizetype i = 1; i < probe.startedAtMs.size(); ++i) {
        const qint64 interval = probe.startedAtMs.at(i) - probe.startedAtMs.at(i - 1);
        shortest = std::min(shortest, interval);
        longest = std::max(longest, interval);
    }
    QVERIFY2(shortest >= 54'000 && longest <= 66'000, qPrintable(QStringLiteral("%1..%2").arg(shortest).arg(longest)));
    QVERIFY2(longest - shortest > 6'000, "jitter should spread intervals across most of the band");
}

void TestScheduler::syncNowRunsAtOnceAndQueuesOneMore()
{
    auto scheduler = makeScheduler();
    scheduler->setConnections({connection(1, 60)});
    Probe &probe = m_probes[1];

    scheduler->syncNow(1);
    QCOMPARE(probe.collects, 1);
    QCOMPARE(scheduler->state(1)->phase, ConnectionState::Phase::Syncing);
    scheduler->syncNow(1);
    scheduler->syncNow(1);
    QCOMPARE(probe.collects, 1);

    probe.finish(batchWith(1));
    QCOMPARE(m_clock->nextDueInMs().value_or(-1), qint64(0));   // the one queued request
    m_clock->advance(0);
    QCOMPARE(probe.collects, 2);
    probe.finish(batchWith(2));
    QCOMPARE(m_clock->nextDueInMs().value_or(-1), qint64(60'000));
    QCOMPARE(probe.maxRunning, 1);
}

void TestScheduler::pauseAndResume()
{
    auto scheduler = makeScheduler();
    scheduler->setConnections({connection(1, 60), connection(2, 60)});
    scheduler->pause();
    QVERIFY(scheduler->isPaused());

    m_clock->advance(10 * 60'000);
    QCOMPARE(m_probes[1].collects, 0);
    QCOMPARE(m_probes[2].collects, 0);

    // An explicit request still runs while paused.
    scheduler->syncNow(2);
    QCOMPARE(m_probes[2].collects, 1);
    m_probes[2].finish(batchWith(1));

    scheduler->resume();
    QVERIFY(!scheduler->isPaused());
    QCOMPARE(m_probes[1].collects, 1);   // it came due while paused
    QCOMPARE(m_probes[2].collects, 1);   // its next cycle is not due yet
    m_probes[1].finish(batchWith(1));
    m_clock->advance(60'000);
    QCOMPARE(m_probes[1].collects, 2);
    QCOMPARE(m_probes[2].collects, 2);
}

void TestScheduler::neverOverlaps()
{
    auto scheduler = makeScheduler();
    scheduler->setConnections({connection(1, 10)});
    Probe &probe = m_probes[1];
    m_clock->advance(5'000);
    QCOMPARE(probe.collects, 1);

    // The cycle hangs: time passes, the user insists, the scheduler still waits for it.
    for (int i = 0; i < 20; ++i) {
        m_clock->advance(10'000);
        scheduler->syncNow(1);
    }
    QCOMPARE(probe.collects, 1);
    QCOMPARE(probe.maxRunning, 1);

    probe.finish(batchWith(1));
    m_clock->advance(0);
    QCOMPARE(probe.collects, 2);   // the sync-now requests collapse into one
    QCOMPARE(probe.maxRunning, 1);
}

void TestScheduler::signalsReportBatchAndState()
{
    auto scheduler = makeScheduler();
    QSignalSpy batches(scheduler.get(), &Scheduler::batchReady);
    QSignalSpy states(scheduler.get(), &Scheduler::connectionStateChanged);
    scheduler->setConnections({connection(7, 60)});
    QCOMPARE(states.count(), 1);
    QCOMPARE(states.at(0).at(0).toLongLong(), qint64(7));
    QCOMPARE(states.at(0).at(1).value<ConnectionState>().phase, ConnectionState::Phase::Scheduled);

    scheduler->syncNow(7);
    QCOMPARE(states.count(), 2);
    QCOMPARE(states.at(1).at(1).value<ConnectionState>().phase, ConnectionState::Phase::Syncing);
    QVERIFY(!states.at(1).at(1).value<ConnectionState>().nextSyncAt.isValid());

    m_clock->advance(1'234);
    m_probes[7].finish(batchWith(42));
    QCOMPARE(batches.count(), 1);
    const WriteBatch batch = batches.at(0).at(0).value<WriteBatch>();
    QCOMPARE(batch.source, QStringLiteral("probe/conn7"));
    QCOMPARE(batch.series.at(0).samples.at(0).value, 42.0);

    QCOMPARE(states.count(), 3);
    const ConnectionState ok = states.at(2).at(1).value<ConnectionState>();
    QCOMPARE(ok.phase, ConnectionState::Phase::Ok);
    QVERIFY(!ok.error);
    QCOMPARE(ok.lastSyncAt.toMSecsSinceEpoch(), m_clock->nowMs());
    QCOMPARE(ok.nextSyncAt.toMSecsSinceEpoch(), m_clock->nowMs() + 60'000);
}

void TestScheduler::failureKeepsLastSyncAndHonoursRetryAfter()
{
    auto scheduler = makeScheduler();
    QSignalSpy batches(scheduler.get(), &Scheduler::batchReady);
    scheduler->setConnections({connection(1, 60)});
    Probe &probe = m_probes[1];
    scheduler->syncNow(1);
    probe.finish(batchWith(1));
    const QDateTime lastGood = scheduler->state(1)->lastSyncAt;
    QVERIFY(lastGood.isValid());

    m_clock->advance(60'000);
    Error throttled = Error::make(ErrorClass::RateLimited, QStringLiteral("probe/conn1: rate limited"));
    throttled.retryAfterMs = 600'000;
    probe.finish(std::unexpected(throttled));

    const ConnectionState state = *scheduler->state(1);
    QCOMPARE(state.phase, ConnectionState::Phase::Failed);
    QVERIFY(state.error);
    QCOMPARE(state.error->kind, ErrorClass::RateLimited);
    QCOMPARE(state.lastSyncAt, lastGood);
    QCOMPARE(m_clock->nextDueInMs().value_or(-1), qint64(600'000));
    QCOMPARE(batches.count(), 1);

    m_clock->advance(600'000);
    probe.finish(batchWith(2));
    QCOMPARE(scheduler->state(1)->phase, ConnectionState::Phase::Ok);
    QVERIFY(!scheduler->state(1)->error);
}

void TestScheduler::removedConnectionCancelsCycle()
{
    auto scheduler = makeScheduler();
    QSignalSpy batches(scheduler.get(), &Scheduler::batchReady);
    scheduler->setConnections({connection(1, 60), connection(2, 60)});
    scheduler->syncNow(1);
    Probe &probe = m_probes[1];
    QVERIFY(probe.lastContext);

    scheduler->setConnections({connection(2, 60)});
    QVERIFY(!probe.lastContext);   // the cycle's context is gone, so its requests are too
    QCOMPARE(scheduler->connectionIds(), QList<qint64>{2});
    probe.finish(batchWith(1));
    QCOMPARE(batches.count(), 0);
}

void TestScheduler::unchangedConnectionKeepsTiming()
{
    auto scheduler = makeScheduler();
    scheduler->setConnections({connection(1, 60)});
    const QDateTime next = scheduler->state(1)->nextSyncAt;

    ConnectionRecord same = connection(1, 60);
    same.lastStatus = QStringLiteral("ok");
    m_clock->advance(100);
    scheduler->setConnections({same});
    QCOMPARE(scheduler->state(1)->nextSyncAt, next);

    scheduler->setConnections({connection(1, 120)});
    QCOMPARE(scheduler->state(1)->nextSyncAt.toMSecsSinceEpoch(), m_clock->nowMs() + 2'500);

    ConnectionRecord disabled = connection(1, 120);
    disabled.enabled = false;
    scheduler->setConnections({disabled});
    QVERIFY(scheduler->connectionIds().isEmpty());
}

void TestScheduler::factoryErrorMarksFailed()
{
    auto scheduler = makeScheduler();
    QSignalSpy states(scheduler.get(), &Scheduler::connectionStateChanged);
    scheduler->setConnections({connection(3, 60, QStringLiteral("nope"))});

    QCOMPARE(states.count(), 1);
    const ConnectionState state = states.at(0).at(1).value<ConnectionState>();
    QCOMPARE(state.phase, ConnectionState::Phase::Failed);
    QCOMPARE(state.error->kind, ErrorClass::Config);
    QVERIFY(!state.nextSyncAt.isValid());
    QCOMPARE(m_clock->pendingCount(), 0);
    scheduler->syncNow(3);
    QCOMPARE(states.count(), 1);
}

void TestScheduler::engineDeliversBatchesAcrossThreads()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setFallback(ScriptedResponse::withStatus(200, QByteArrayLiteral("12345")));
    std::atomic<QThread *> collectorThread{nullptr};
    const QUrl url = server.url(QStringLiteral("/metrics"));

    Engine engine([&](const ConnectionRecord &) -> Result<std::unique_ptr<Collector>> {
        return std::make_unique<HttpProbeCollector>(url, collectorThread);
    });
    QSignalSpy states(&engine, &Engine::connectionStateChanged);
    QList<WriteBatch> received;
    QThread *receivedOn = nullptr;
    connect(&engine, &Engine::batchReady, this, [&](const WriteBatch &batch) {
        received.append(batch);
        receivedOn = QThread::currentThread();
    });

    engine.setConnections({connection(5, 300, QStringLiteral("http-probe"))});
    engine.start();
    QVERIFY(engine.isRunning());
    engine.syncNow(5);

    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.at(0).source, QStringLiteral("http-probe/conn5"));
    QCOMPARE(received.at(0).series.at(0).samples.at(0).value, 5.0);
    QCOMPARE(receivedOn, QThread::currentThread());
    QVERIFY(collectorThread.load() != nullptr);
    QVERIFY(collectorThread.load() != QThread::currentThread());
    QCOMPARE(server.requestCount(), 1);

    QTRY_VERIFY(!states.isEmpty()
                && states.constLast().at(1).value<ConnectionState>().phase == ConnectionState::Phase::Ok);
    const ConnectionState ok = states.constLast().at(1).value<ConnectionState>();
    QVERIFY(ok.lastSyncAt.isValid());
    QVERIFY(ok.nextSyncAt > ok.lastSyncAt);

    engine.stop();
    QVERIFY(!engine.isRunning());

    // Started again, it picks up the same connections.
    engine.start();
    engine.syncNow(5);
    QTRY_COMPARE(received.size(), 2);
    engine.stop();
}

void TestScheduler::engineStopsWithRequestInFlight()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setFallback(ScriptedResponse::withFault(ScriptedResponse::Fault::NoAnswer));
    std::atomic<QThread *> collectorThread{nullptr};
    const QUrl url = server.url(QStringLiteral("/hang"));

    auto engine = std::make_unique<Engine>([&](const ConnectionRecord &) -> Result<std::unique_ptr<Collector>> {
        return std::make_unique<HttpProbeCollector>(url, collectorThread);
    });
    QSignalSpy batches(engine.get(), &Engine::batchReady);
    engine->start();
    engine->setConnections({connection(9, 300, QStringLiteral("http-probe"))});
    engine->syncNow(9);
    QTRY_COMPARE(server.requestCount(), 1);

    QElapsedTimer elapsed;
    elapsed.start();
    engine.reset();   // the destructor stops the engine
    QVERIFY2(elapsed.elapsed() < 2'000, "stopping must not wait for the hanging request");
    QCOMPARE(batches.count(), 0);
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "test_scheduler.moc"
