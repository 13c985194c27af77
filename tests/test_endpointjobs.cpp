// Serverless test jobs: runsync, run + status polling, cancel and failures against the in-process
// RunPod simulator (through the engine, as the dialog uses them) and scripted bad answers; the rows
// they leave in the `jobs` table.
#include "engine/collectors.h"
#include "engine/engine.h"
#include "faultserver.h"
#include "http/httpclient.h"
#include "providers/runpod/runpodjobs.h"
#include "simulator/runpodsimulator.h"
#include "store/storeservice.h"
#include "teststore.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

Q_DECLARE_METATYPE(fleetscope::runpod::JobStatus)

namespace {

constexpr char kKeyVariable[] = "FLEETSCOPE_TEST_ENDPOINT_KEY";
constexpr qint64 kSimStartMs = 1714564800000;   // 2024-05-01T12:00:00Z

struct Outcome {
    QList<runpod::JobObservation> seen;
    std::optional<Result<runpod::JobObservation>> result;
};

// The failure's message, for QVERIFY2 on a result that may well be a success.
template<typename T>
QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

ScriptedResponse json(QByteArray body)
{
    ScriptedResponse response = ScriptedResponse::withStatus(200, std::move(body));
    response.headers << std::pair{QByteArray("Content-Type"), QByteArray("application/json")};
    return response;
}

} // namespace

class TestEndpointJobs : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<RunPodSimulator> m_simulator;
    std::unique_ptr<Engine> m_engine;
    qint64 m_simNow = kSimStartMs;   // the simulator's time stands still unless a test moves it
    ConnectionRecord m_connection;
    QString m_endpointId;

    runpod::JobRequest request(runpod::JobMode mode, const QString &endpointId = QString())
    {
        runpod::JobRequest r;
        r.connectionId = m_connection.id;
        r.endpointId = endpointId.isEmpty() ? m_endpointId : endpointId;
        r.mode = mode;
        r.payload = QJsonObject{{QStringLiteral("input"), QJsonObject{{QStringLiteral("prompt"), QStringLiteral("Hello")}}}};
        r.pollIntervalMs = 20;
        return r;
    }

    // Runs REQUEST through the engine; ON_PROGRESS sees each observation as the dialog would.
    Outcome runThroughEngine(runpod::JobRequest r, std::function<void(const runpod::JobObservation &)> onProgress = {})
    {
        Outcome outcome;
        QObject receiver;
        runpod::runEndpointJob(*m_engine, *m_store, m_connection, std::move(r), &receiver,
            [&outcome, onProgress](const runpod::JobObservation &o) {
                outcome.seen << o;
                if (onProgress)
                    onProgress(o);
            },
            [&outcome](Result<runpod::JobObservation> result) { outcome.result = std::move(result); });
        if (!QTest::qWaitFor([&outcome] { return outcome.result.has_value(); }, 20'000))
            outcome.result = fail(ErrorClass::Unavailable, QStringLiteral("test: the job never finished"));
        return outcome;
    }

    TableData storedJobs()
    {
        m_store->flush();
        Result<TableData> rows = m_store->read<TableData>([](Store &s) { return s.dataset(*findDataset(QStringLiteral("jobs")), {}, {}, {}); }).result();
        if (!rows)
            qFatal("reading jobs failed: %s", qPrintable(rows.error().message));
        return *rows;
    }

    QVariantList storedJob(const QString &jobId)
    {
        const TableData jobs = storedJobs();
        const qsizetype idColumn = jobs.columns.indexOf(QStringLiteral("job_id"));
        for (const QVariantList &row : jobs.rows) {
            if (row.at(idColumn).toString() == jobId)
                return row;
        }
        return {};
    }

    QVariant cell(const QVariantList &row, const char *column)
    {
        return row.value(storedJobs().columns.indexOf(QString::fromLatin1(column)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv(kKeyVariable, "test-key");
        m_store = std::make_unique<StoreService>(*StoreLocation::parse(QString(), m_dir.path()));
        QVERIFY(m_store->startBlocking());
        SimulatorOptions options;
        options.now = [this] { return m_simNow; };
        m_simulator = std::make_unique<RunPodSimulator>(options);
        QVERIFY(m_simulator->start());
        m_endpointId = m_simulator->world().endpoints().first().id;

        ConnectionRecord connection = test::connection(QStringLiteral("sim"), QStringLiteral("runpod"));
        connection.settings = QJsonObject{{QStringLiteral("serverless_url"), m_simulator->serverlessUrl().toString()},
                                          {QStringLiteral("secret_env"), QString::fromLatin1(kKeyVariable)}};
        WriteBatch batch;
        batch.connections << connection;
        QVERIFY(m_store->writeBlocking(batch));
        const Result<QList<ConnectionRecord>> stored = m_store->read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result();
        QVERIFY(stored && stored->size() == 1);
        m_connection = stored->first();

        m_engine = std::make_unique<Engine>(builtinCollectors());
        m_engine->start();
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        qunsetenv(kKeyVariable);
    }

    void answersAreReadTolerantly_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<runpod::JobStatus>("status");
        QTest::addColumn<qint64>("delay");       // -1: unknown
        QTest::addColumn<qint64>("execution");
        QTest::addRow("completed") << QByteArray(R"({"id":"j1","status":"COMPLETED","delayTime":812,"executionTime":2301,"output":{"text":"hi"}})")
                                   << true << runpod::JobStatus::Completed << qint64(812) << qint64(2301);
        QTest::addRow("numbers as strings, unknown fields") << QByteArray(R"({"id":"j1","status":"IN_PROGRESS","delayTime":"95","workerId":"w-1","retries":0})")
                                                            << true << runpod::JobStatus::InProgress << qint64(95) << qint64(-1);
        QTest::addRow("nulls") << QByteArray(R"({"id":"j1","status":"IN_QUEUE","delayTime":null,"executionTime":null})")
                               << true << runpod::JobStatus::InQueue << qint64(-1) << qint64(-1);
        QTest::addRow("timed out") << QByteArray(R"({"id":"j1","status":"TIMED_OUT","delayTime":10,"executionTime":600000})")
                                   << true << runpod::JobStatus::TimedOut << qint64(10) << qint64(600000);
        QTest::addRow("a newer status") << QByteArray(R"({"id":"j1","status":"PAUSED"})") << true << runpod::JobStatus::Unknown << qint64(-1) << qint64(-1);
        QTest::addRow("no status") << QByteArray(R"({"id":"j1"})") << false << runpod::JobStatus::Unknown << qint64(-1) << qint64(-1);
        QTest::addRow("not an object") << QByteArray(R"(["COMPLETED"])") << false << runpod::JobStatus::Unknown << qint64(-1) << qint64(-1);
        QTest::addRow("truncated") << QByteArray("{\"id\":\"j1\",\"status\":\"COMPL") << false << runpod::JobStatus::Unknown << qint64(-1) << qint64(-1);
    }

    void answersAreReadTolerantly()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(runpod::JobStatus, status);
        QFETCH(qint64, delay);
        QFETCH(qint64, execution);
        const Result<runpod::JobAnswer> answer = runpod::parseJobAnswer(body, QStringLiteral("test"), QStringLiteral("polled"));
        QCOMPARE(answer.has_value(), ok);
        if (!ok) {
            QCOMPARE(answer.error().kind, ErrorClass::BadData);
            QVERIFY(answer.error().message.startsWith(QLatin1String("test: ")));
            return;
        }
        QCOMPARE(answer->id, QStringLiteral("j1"));
        QCOMPARE(answer->status, status);
        QCOMPARE(answer->delayMs.value_or(-1), delay);
        QCOMPARE(answer->executionMs.value_or(-1), execution);
    }

    void aFailedJobCarriesItsError()
    {
        const Result<runpod::JobAnswer> answer =
            runpod::parseJobAnswer(R"({"status":"FAILED","error":{"type":"ValueError","message":"bad prompt"}})", QStringLiteral("test"), QStringLiteral("j9"));
        QVERIFY(answer);
        QCOMPARE(answer->id, QStringLiteral("j9"));   // taken from the polled job
        QVERIFY(runpod::isFinal(answer->status));
        QVERIFY(answer->error.contains(QLatin1String("bad prompt")));
        QVERIFY(answer->output.isUndefined());
    }

    void runsyncReturnsTheResultAndStoresTheJob()
    {
        const Outcome outcome = runThroughEngine(request(runpod::JobMode::RunSync));
        QVERIFY2(*outcome.result, why(*outcome.result).constData());
        const runpod::JobObservation &done = **outcome.result;
        QCOMPARE(done.answer.status, runpod::JobStatus::Completed);
        QCOMPARE(done.requests, 1);
        QCOMPARE(done.answer.output.toObject().value(QStringLiteral("prompt")).toString(), QStringLiteral("Hello"));
        QVERIFY(done.answer.delayMs.value_or(0) > 0);
        QVERIFY(done.answer.executionMs.value_or(0) > 0);
        QVERIFY(done.roundTripMs >= 0);
        QCOMPARE(outcome.seen.size(), 1);

        const QVariantList row = storedJob(done.answer.id);
        QVERIFY(!row.isEmpty());
        QCOMPARE(cell(row, "status").toString(), QStringLiteral("COMPLETED"));
        QCOMPARE(cell(row, "endpoint_id").toString(), m_endpointId);
        QCOMPARE(cell(row, "connection").toString(), QStringLiteral("sim"));
        QCOMPARE(cell(row, "delay_ms").toLongLong(), *done.answer.delayMs);
        QCOMPARE(cell(row, "execution_ms").toLongLong(), *done.answer.executionMs);
    }

    void runThenPollFollowsTheJobToCompletion()
    {
        const Outcome outcome = runThroughEngine(request(runpod::JobMode::RunAndPoll), [this](const runpod::JobObservation &o) {
            if (o.requests == 3)
                m_simNow += 60'000;   // the queue moves only now: the job has been polled twice
        });
        QVERIFY2(*outcome.result, why(*outcome.result).constData());
        const runpod::JobObservation &done = **outcome.result;
        QCOMPARE(outcome.seen.first().answer.status, runpod::JobStatus::InQueue);
        QCOMPARE(outcome.seen.first().requests, 1);
        QCOMPARE(done.answer.status, runpod::JobStatus::Completed);
        QVERIFY(done.requests >= 4);   // one more when the simulator answered a poll before the clock moved
        QCOMPARE(outcome.seen.size(), done.requests);
        QCOMPARE(done.answer.output.toObject().value(QStringLiteral("prompt")).toString(), QStringLiteral("Hello"));
        QVERIFY(done.roundTripMs >= outcome.seen.first().roundTripMs);

        // One row per job, updated as it went: the final numbers.
        const QVariantList row = storedJob(done.answer.id);
        QCOMPARE(cell(row, "status").toString(), QStringLiteral("COMPLETED"));
        QCOMPARE(cell(row, "delay_ms").toLongLong(), *done.answer.delayMs);
        QCOMPARE(cell(row, "execution_ms").toLongLong(), *done.answer.executionMs);
    }

    void cancelStopsAQueuedJob()
    {
        std::optional<Result<QString>> cancelled;
        QObject receiver;
        const Outcome outcome = runThroughEngine(request(runpod::JobMode::RunAndPoll), [&](const runpod::JobObservation &o) {
            if (o.requests == 1)
                runpod::cancelEndpointJob(*m_engine, m_connection, m_endpointId, o.answer.id, &receiver,
                                          [&cancelled](Result<QString> status) { cancelled = std::move(status); });
        });
        QTRY_VERIFY(cancelled.has_value());
        QVERIFY2(*cancelled, why(*cancelled).constData());
        QCOMPARE(**cancelled, QStringLiteral("CANCELLED"));
        QVERIFY2(*outcome.result, why(*outcome.result).constData());
        QCOMPARE((*outcome.result)->answer.status, runpod::JobStatus::Cancelled);
        QCOMPARE(cell(storedJob((*outcome.result)->answer.id), "status").toString(), QStringLiteral("CANCELLED"));
    }

    void aRejectedKeyIsAnAuthErrorAndStoresNothing()
    {
        const qsizetype before = storedJobs().rows.size();
        qputenv(kKeyVariable, simulatorkeys::kRejected);
        const Outcome outcome = runThroughEngine(request(runpod::JobMode::RunSync));
        qputenv(kKeyVariable, "test-key");
        QVERIFY(!*outcome.result);
        QCOMPARE(outcome.result->error().kind, ErrorClass::Auth);
        QVERIFY2(outcome.result->error().message.contains(QLatin1String("401")), qPrintable(outcome.result->error().message));
        QVERIFY(!outcome.result->error().message.contains(QLatin1String(simulatorkeys::kRejected)));
        QCOMPARE(storedJobs().rows.size(), before);
    }

    void anUnknownEndpointIsNotFound()
    {
        const Outcome outcome = runThroughEngine(request(runpod::JobMode::RunAndPoll, QStringLiteral("nosuchendpoint")));
        QVERIFY(!*outcome.result);
        QCOMPARE(outcome.result->error().kind, ErrorClass::Config);
        QVERIFY2(outcome.result->error().message.contains(QLatin1String("404")), qPrintable(outcome.result->error().message));
        QVERIFY(outcome.seen.isEmpty());
    }

    void oddEndpointIdsAreRefusedUnsent()
    {
        const Outcome outcome = runThroughEngine(request(runpod::JobMode::RunSync, QStringLiteral("../pods")));
        QVERIFY(!*outcome.result);
        QCOMPARE(outcome.result->error().kind, ErrorClass::Config);
    }

    void aMalformedAnswerIsBadData()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setFallback(json("{\"id\": \"j1\", \"status\": "));
        QNetworkAccessManager nam;
        SystemClock clock;
        HttpClient http(&nam, clock);
        runpod::Settings settings;
        settings.serverlessUrl = server.url(QStringLiteral("/v2"));
        std::optional<Result<runpod::JobObservation>> result;
        QObject context;
        runpod::runEndpointJob(http, settings, Secret::fromUtf8("k"), request(runpod::JobMode::RunSync, QStringLiteral("ep-1")), &context, {},
                               [&result](Result<runpod::JobObservation> r) { result = std::move(r); });
        QTRY_VERIFY(result.has_value());
        QVERIFY(!*result);
        QCOMPARE(result->error().kind, ErrorClass::BadData);
        QVERIFY2(result->error().message.contains(QLatin1String("malformed JSON")), qPrintable(result->error().message));
        QCOMPARE(server.requestCount(), 1);   // a submit is never repeated
    }

    void aRunsyncThatIsNotDoneGoesOnPolling()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.enqueue(json(R"({"id":"job-7","status":"IN_PROGRESS","delayTime":"140"})"));
        server.enqueue(json(R"({"id":"job-7","status":"IN_PROGRESS","delayTime":140})"));
        server.enqueue(json(R"({"id":"job-7","status":"COMPLETED","delayTime":140,"executionTime":"91000","output":[1,2]})"));
        QNetworkAccessManager nam;
        SystemClock clock;
        HttpClient http(&nam, clock);
        runpod::Settings settings;
        settings.serverlessUrl = server.url(QStringLiteral("/v2"));
        QList<runpod::JobStatus> seen;
        std::optional<Result<runpod::JobObservation>> result;
        QObject context;
        runpod::runEndpointJob(http, settings, Secret::fromUtf8("k"), request(runpod::JobMode::RunSync, QStringLiteral("ep-1")), &context,
                               [&seen](const runpod::JobObservation &o) { seen << o.answer.status; },
                               [&result](Result<runpod::JobObservation> r) { result = std::move(r); });
        QTRY_VERIFY(result.has_value());
        QVERIFY2(*result, why(*result).constData());
        QCOMPARE(seen, (QList<runpod::JobStatus>{runpod::JobStatus::InProgress, runpod::JobStatus::InProgress, runpod::JobStatus::Completed}));
        QCOMPARE((*result)->answer.executionMs.value_or(-1), qint64(91000));
        QCOMPARE((*result)->requests, 3);
        QCOMPARE(server.requestCount(), 3);
        QCOMPARE(server.requests().at(0).method, QByteArray("POST"));
        QCOMPARE(server.requests().at(0).target, QByteArray("/v2/ep-1/runsync"));
        QCOMPARE(QJsonDocument::fromJson(server.requests().at(0).body).object(), request(runpod::JobMode::RunSync).payload);
        QCOMPARE(server.requests().at(1).target, QByteArray("/v2/ep-1/status/job-7"));
        QCOMPARE(server.requests().at(2).target, QByteArray("/v2/ep-1/status/job-7"));
    }

    void stoppingEndsTheFollowing()
    {
        std::stop_source stop;
        runpod::JobRequest r = request(runpod::JobMode::RunAndPoll);
        r.stop = stop.get_token();
        const Outcome outcome = runThroughEngine(std::move(r), [&stop](const runpod::JobObservation &) { stop.request_stop(); });
        QVERIFY(!*outcome.result);
        QCOMPARE(outcome.result->error().kind, ErrorClass::Cancelled);
        QVERIFY(outcome.seen.size() <= 2);   // a poll may have gone out before the stop arrived
    }
};

QTEST_MAIN(TestEndpointJobs)
#include "test_endpointjobs.moc"
