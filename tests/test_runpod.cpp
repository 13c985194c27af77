// RunPod over the wire: a loopback server speaks RunPod's GraphQL and serverless formats; the real
// client, parser, collector and `collect --once` run against it, including every bad-input case.
#include "http/localhttp.h"
#include "clirun.h"
#include "faultserver.h"
#include "http/clock.h"
#include "http/httpclient.h"
#include "providers/runpod/runpodcollector.h"
#include "providers/podlaunch.h"
#include "providers/runpod/runpodlifecycle.h"
#include "providers/runpod/runpodparse.h"
#include "simulator/runpodsimulator.h"
#include "testclock.h"
#include "teststore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

Q_DECLARE_METATYPE(fleetscope::ScriptedResponse)
Q_DECLARE_METATYPE(fleetscope::ErrorClass)

namespace {

// One answer that serves both queries of a cycle (GraphQL ignores nothing we did not ask for,
// and our client ignores fields it did not ask for). Quirks as the real API has them: numbers as
// strings, nulls, a stopped pod whose runtime is null.
const QByteArray kGraphqlAnswer = R"({"data":{
 "myself":{"id":"user1","clientBalance":"412.75","currentSpendPerHr":3.38,"spendLimit":null,
  "pods":[
   {"id":"pod-run","name":"trainer","desiredStatus":"RUNNING","costPerHr":"2.99","gpuCount":2,"vcpuCount":"32",
    "memoryInGb":250,"machine":{"gpuDisplayName":"H100 SXM","location":"EU-RO-1"},
    "runtime":{"uptimeInSeconds":3931,"gpus":[{"id":"GPU-a","gpuUtilPercent":90},{"id":"GPU-b","gpuUtilPercent":"70"}]},
    "unknownField":{"nested":true}},
   {"id":"pod-stop","name":"notebook","desiredStatus":"EXITED","costPerHr":0.39,"gpuCount":1,"vcpuCount":8,
    "memoryInGb":null,"machine":{"gpuDisplayName":"RTX 4090","location":"US-TX-3"},"runtime":null}],
  "endpoints":[
   {"id":"ep-1","name":"llm","gpuIds":"AMPERE_16","workersMin":0,"workersMax":"3","idleTimeout":5,"scalerType":"QUEUE_DELAY","scalerValue":4},
   {"id":"ep-2","name":"embed","gpuIds":"ADA_24","workersMin":1,"workersMax":2,"idleTimeout":null,"scalerType":"REQUEST_COUNT","scalerValue":"10"}]},
 "gpuTypes":[
  {"id":"NVIDIA H100 80GB HBM3","displayName":"H100 SXM","memoryInGb":80,"secureCloud":true,"communityCloud":true,
   "securePrice":2.99,"communityPrice":"2.69","secureSpotPrice":1.75,"communitySpotPrice":null,"lowestPrice":{"stockStatus":"High"}},
  {"id":"NVIDIA GeForce RTX 4090","displayName":"RTX 4090","memoryInGb":24,"secureCloud":false,"communityCloud":true,
   "securePrice":0,"communityPrice":0.34,"secureSpotPrice":null,"communitySpotPrice":0.2},
  {"id":"NVIDIA A40","displayName":"A40","memoryInGb":48,"securePrice":null,"communityPrice":null}]}})";

const QByteArray kHealthAnswer = R"({"jobs":{"completed":11,"failed":2,"inProgress":1,"inQueue":"4","retried":0},
 "workers":{"idle":1,"running":2,"throttled":0,"initializing":1,"ready":3}})";

// REST v2 lists, one body with all three so the answer does not depend on which request arrives
// first (each list call reads only its own key). Shapes from the REST v2 OpenAPI examples, with the
// same quirks: strings for numbers, nulls, a stopped pod with runtime null, a CPU pod and endpoint.
const QByteArray kRestAnswer = R"({
 "pods":[
  {"id":"pod-run","name":"trainer","status":"RUNNING","gpu":{"id":"NVIDIA H100 80GB HBM3","count":2},"cloud":"SECURE",
   "dataCenterId":"EU-RO-1","cost":"2.99","image":"runpod/pytorch","mounts":{"persistent":{"size":20,"path":"/workspace"}},
   "runtime":{"uptime":3931,"gpus":[{"util":90,"memoryUtil":50},{"util":"70"}]},"unknownField":{"nested":true}},
  {"id":"pod-stop","name":"notebook","status":"EXITED","gpu":{"id":"NVIDIA GeForce RTX 4090","count":1},"dataCenterId":null,
   "cost":0,"runtime":null},
  {"id":"pod-cpu","name":"etl","status":"RUNNING","cpu":{"id":"cpu5c","vcpuCount":4,"memory":16},"cost":0.12,"runtime":{"uptime":60}}],
 "endpoints":[
  {"id":"ep-1","name":"llm","type":"QUEUE","gpu":{"pools":["AMPERE_16","ADA_24"],"count":1},
   "workers":{"min":0,"max":"3","idleTimeout":5},"scaling":{"type":"QUEUE_DELAY","queueDelay":4},"dataCenterIds":["US-KS-2"],
   "timeout":300000},
  {"id":"ep-2","name":"embed","cpu":[{"id":"cpu3c","vcpuCount":2,"memory":4}],"workers":{"min":1,"max":2},
   "scaling":{"type":"REQUEST_COUNT","requestCount":"10"}}],
 "gpus":[
  {"id":"NVIDIA H100 80GB HBM3","name":"H100 SXM","memory":80,"secure":true,"community":true,
   "price":{"secure":2.99,"community":"2.69","serverless":4.18},"availability":"HIGH"},
  {"id":"NVIDIA A40","name":"A40","memory":48,"secure":false,"community":false,"price":{"secure":0,"community":null}}]})";

ScriptedResponse json(QByteArray body, int status = 200)
{
    ScriptedResponse response = ScriptedResponse::withStatus(status, std::move(body));
    response.headers << std::pair{QByteArray("Content-Type"), QByteArray("application/json")};
    return response;
}

struct Servers {
    FaultServer graphql;
    FaultServer serverless;
    FaultServer rest;
    Servers()
    {
        graphql.setFallback(json(kGraphqlAnswer));
        serverless.setFallback(json(kHealthAnswer));
        rest.setFallback(json(kRestAnswer));
    }
    bool listen() { return graphql.listen() && serverless.listen() && rest.listen(); }
    runpod::Settings settings(runpod::Transport transport = runpod::Transport::GraphQL) const
    {
        runpod::Settings s;
        s.transport = transport;
        s.graphqlUrl = graphql.url(QStringLiteral("/graphql"));
        s.restUrl = rest.url(QStringLiteral("/v2"));
        s.serverlessUrl = serverless.url(QStringLiteral("/v2"));
        return s;
    }
};

QStringList targets(const FaultServer &server)
{
    QStringList paths;
    for (const ReceivedRequest &request : server.requests())
        paths << QString::fromLatin1(request.target);
    paths.sort();
    return paths;
}

} // namespace

class TestRunPod : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    SystemClock m_clock;

    Result<runpod::CycleResult> cycle(const runpod::Settings &settings, const QByteArray &key = "test-key")
    {
        HttpClient http(&m_nam, m_clock);
        RetryPolicy fast;
        fast.baseDelayMs = 20;
        fast.maxDelayMs = 50;
        http.setRetryPolicy(fast);
        std::optional<Result<runpod::CycleResult>> outcome;
        QObject context;
        runpod::runCycle(http, m_clock, settings, 7, Secret::fromUtf8(key), true, {}, &context,
                         [&outcome](Result<runpod::CycleResult> result) { outcome = std::move(result); });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 20'000))
            return fail(ErrorClass::Unavailable, QStringLiteral("test: the cycle never finished"));
        return std::move(*outcome);
    }

private Q_SLOTS:
    void numbersArriveAsAnything_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("known");
        QTest::addColumn<double>("expected");
        QTest::addRow("number") << QJsonValue(2.5) << true << 2.5;
        QTest::addRow("string") << QJsonValue(QStringLiteral(" 0.39 ")) << true << 0.39;
        QTest::addRow("null") << QJsonValue(QJsonValue::Null) << false << 0.0;
        QTest::addRow("missing") << QJsonValue(QJsonValue::Undefined) << false << 0.0;
        QTest::addRow("garbage") << QJsonValue(QStringLiteral("n/a")) << false << 0.0;
        QTest::addRow("zero is known") << QJsonValue(0) << true << 0.0;
    }

    void numbersArriveAsAnything()
    {
        QFETCH(QJsonValue, value);
        QFETCH(bool, known);
        QFETCH(double, expected);
        const std::optional<double> n = runpod::number(value);
        QCOMPARE(n.has_value(), known);
        if (known)
            QCOMPARE(*n, expected);
    }

    void fullCycleOverTheWire()
    {
        Servers servers;
        QVERIFY(servers.listen());
        Result<runpod::CycleResult> result = cycle(servers.settings());
        QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
        const WriteBatch &batch = result->batch;

        QCOMPARE(batch.billing.size(), 1);
        QCOMPARE(*batch.billing[0].balance, 412.75);
        QCOMPARE(*batch.billing[0].currentSpendPerHr, 3.38);
        QVERIFY(!batch.billing[0].spendLimit);
        QVERIFY(!batch.billing[0].lifetimeSpend);   // not reported: unknown, never 0

        QCOMPARE(batch.instances.size(), 2);
        const InstanceSnapshot &running = batch.instances[0];
        QCOMPARE(running.gpuType, QStringLiteral("NVIDIA H100 80GB HBM3"));
        QCOMPARE(*running.gpuUtilPercent, 80.0);     // mean over the pod's GPUs
        QCOMPARE(*running.vcpuCount, qint64(32));
        QCOMPARE(*running.costPerHour, 2.99);
        QCOMPARE(*running.uptimeSeconds, qint64(3931));
        QCOMPARE(running.region, QStringLiteral("EU-RO-1"));
        const InstanceSnapshot &stopped = batch.instances[1];
        QCOMPARE(stopped.status, QStringLiteral("EXITED"));
        QVERIFY(!stopped.uptimeSeconds);
        QVERIFY(!stopped.gpuUtilPercent);
        QVERIFY(!stopped.memoryGb);
        QCOMPARE(stopped.gpuType, QStringLiteral("NVIDIA GeForce RTX 4090"));

        QCOMPARE(batch.endpoints.size(), 2);
        QCOMPARE(*batch.endpoints[0].workersMax, qint64(3));
        QVERIFY(!batch.endpoints[1].idleTimeout);
        QCOMPARE(*batch.endpoints[1].scalerValue, qint64(10));

        // One offer per type and tier; 0 or null prices are not offered.
        QCOMPARE(batch.offers.size(), 3);
        QCOMPARE(batch.offers[0].tier, QStringLiteral("secure"));
        QCOMPARE(*batch.offers[0].spotPricePerHour, 1.75);
        QCOMPARE(batch.offers[1].tier, QStringLiteral("community"));
        QCOMPARE(*batch.offers[1].pricePerHour, 2.69);
        QVERIFY(!batch.offers[1].spotPricePerHour);
        QCOMPARE(batch.offers[2].providerGpuId, QStringLiteral("NVIDIA GeForce RTX 4090"));
        QCOMPARE(batch.offers[2].tier, QStringLiteral("community"));

        QCOMPARE(batch.endpointHealth.size(), 2);
        QCOMPARE(*batch.endpointHealth[0].jobsInQueue, qint64(4));
        QVERIFY(!batch.endpointHealth[0].workersUnhealthy);   // missing on this endpoint: unknown

        QCOMPARE(servers.graphql.requestCount(), 2);
        QCOMPARE(servers.serverless.requestCount(), 2);
        for (const ReceivedRequest &request : servers.graphql.requests())
            QCOMPARE(request.header("Authorization"), QByteArray("Bearer test-key"));
        QCOMPARE(targets(servers.serverless), (QStringList{QStringLiteral("/v2/ep-1/health"), QStringLiteral("/v2/ep-2/health")}));

        QStringList parts;
        for (const runpod::PartSummary &part : result->parts)
            parts << part.name;
        parts.sort();
        QCOMPARE(parts, (QStringList{QStringLiteral("billing"), QStringLiteral("endpoint-health"), QStringLiteral("endpoints"),
                                     QStringLiteral("gpu-catalog"), QStringLiteral("pods")}));
    }

    void restTransportOverTheWire()
    {
        Servers servers;
        QVERIFY(servers.listen());
        Result<runpod::CycleResult> result = cycle(servers.settings(runpod::Transport::Rest));
        QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
        const WriteBatch &batch = result->batch;

        // Balance and burn rate exist only in GraphQL: one small `myself` query, nothing else there.
        QCOMPARE(batch.billing.size(), 1);
        QCOMPARE(*batch.billing[0].balance, 412.75);
        QCOMPARE(servers.graphql.requestCount(), 1);
        const QByteArray billingQuery = servers.graphql.requests().first().body;
        QVERIFY(billingQuery.contains("clientBalance"));
        QVERIFY2(!billingQuery.contains("pods") && !billingQuery.contains("gpuTypes"), billingQuery.constData());
        QCOMPARE(targets(servers.rest), (QStringList{QStringLiteral("/v2/catalog/gpus"), QStringLiteral("/v2/pods"), QStringLiteral("/v2/serverless")}));
        for (const ReceivedRequest &request : servers.rest.requests())
            QCOMPARE(request.header("Authorization"), QByteArray("Bearer test-key"));

        QCOMPARE(batch.instances.size(), 3);
        const InstanceSnapshot &running = batch.instances[0];
        QCOMPARE(running.instanceId, QStringLiteral("pod-run"));
        QCOMPARE(running.gpuType, QStringLiteral("NVIDIA H100 80GB HBM3"));
        QCOMPARE(*running.gpuCount, qint64(2));
        QCOMPARE(*running.gpuUtilPercent, 80.0);
        QCOMPARE(*running.costPerHour, 2.99);
        QCOMPARE(*running.uptimeSeconds, qint64(3931));
        QCOMPARE(running.region, QStringLiteral("EU-RO-1"));
        QCOMPARE(running.status, QStringLiteral("RUNNING"));
        QCOMPARE(running.metadata.value(QStringLiteral("volumeInGb")).toDouble(), 20.0);
        QVERIFY(!running.vcpuCount);   // REST reports vCPUs for CPU pods only: unknown, not 0
        const InstanceSnapshot &stopped = batch.instances[1];
        QCOMPARE(stopped.status, QStringLiteral("EXITED"));
        QVERIFY(!stopped.uptimeSeconds);
        QVERIFY(!stopped.gpuUtilPercent);
        QVERIFY(stopped.region.isEmpty());
        const InstanceSnapshot &cpu = batch.instances[2];
        QVERIFY(cpu.gpuType.isEmpty());
        QVERIFY(!cpu.gpuCount);
        QCOMPARE(*cpu.vcpuCount, qint64(4));
        QCOMPARE(*cpu.memoryGb, 16.0);
        QVERIFY(!cpu.gpuUtilPercent);

        QCOMPARE(batch.endpoints.size(), 2);
        QCOMPARE(batch.endpoints[0].gpuTypeIds, QStringLiteral("AMPERE_16,ADA_24"));
        QCOMPARE(batch.endpoints[0].computeType, QStringLiteral("GPU"));
        QCOMPARE(*batch.endpoints[0].workersMax, qint64(3));
        QCOMPARE(*batch.endpoints[0].scalerValue, qint64(4));
        QCOMPARE(*batch.endpoints[0].executionTimeoutMs, qint64(300000));
        QCOMPARE(batch.endpoints[0].metadata.value(QStringLiteral("locations")).toString(), QStringLiteral("US-KS-2"));
        QCOMPARE(batch.endpoints[1].computeType, QStringLiteral("CPU"));
        QCOMPARE(batch.endpoints[1].scalerType, QStringLiteral("REQUEST_COUNT"));
        QCOMPARE(*batch.endpoints[1].scalerValue, qint64(10));
        QVERIFY(!batch.endpoints[1].idleTimeout);

        QCOMPARE(batch.offers.size(), 2);   // the A40 has no price in either cloud
        QCOMPARE(batch.offers[0].tier, QStringLiteral("secure"));
        QCOMPARE(*batch.offers[0].pricePerHour, 2.99);
        QCOMPARE(*batch.offers[1].pricePerHour, 2.69);
        QVERIFY(!batch.offers[0].spotPricePerHour);   // the REST catalog has no spot prices
        QCOMPARE(batch.offers[1].connectionId, qint64(7));
        QCOMPARE(batch.offers[1].metadata.value(QStringLiteral("stockStatus")).toString(), QStringLiteral("HIGH"));

        QCOMPARE(batch.endpointHealth.size(), 2);
        QCOMPARE(targets(servers.serverless), (QStringList{QStringLiteral("/v2/ep-1/health"), QStringLiteral("/v2/ep-2/health")}));
    }

    void restFailuresFailTheCycle_data()
    {
        QTest::addColumn<ScriptedResponse>("rest");
        QTest::addColumn<ErrorClass>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("401 problem") << json(R"({"title":"Unauthorized","status":401,"detail":"invalid API key"})", 401)
                                     << ErrorClass::Auth << QStringLiteral("401");
        QTest::addRow("list without its key") << json(R"({"items":[]})") << ErrorClass::BadData << QStringLiteral("runpod rest");
        QTest::addRow("malformed JSON") << json(R"({"pods":[{"id":)") << ErrorClass::BadData << QStringLiteral("malformed JSON");
    }

    void restFailuresFailTheCycle()
    {
        QFETCH(ScriptedResponse, rest);
        QFETCH(ErrorClass, kind);
        QFETCH(QString, mentions);
        Servers servers;
        servers.rest.setFallback(rest);
        QVERIFY(servers.listen());
        Result<runpod::CycleResult> result = cycle(servers.settings(runpod::Transport::Rest));
        QVERIFY(!result);
        QCOMPARE(errorClassName(result.error().kind), errorClassName(kind));
        QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
        QVERIFY2(!result.error().message.contains(QLatin1String("test-key")), "the key never reaches an error");
    }

    // Swapping the transport is a setting: against one simulated account at one moment, GraphQL and
    // REST give the same pods, endpoints and list prices.
    void transportsAgreeOnTheSimulator()
    {
        SimulatorOptions options;
        options.world.seed = 11;
        options.world.pods = 9;
        const qint64 frozen = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
        options.now = [frozen] { return frozen; };
        RunPodSimulator simulator(options);
        QVERIFY(simulator.start());
        simulator.world().stopPod(simulator.world().pods().constFirst().id);
        runpod::Settings settings;
        settings.graphqlUrl = simulator.graphqlUrl();
        settings.restUrl = simulator.restUrl();
        settings.serverlessUrl = simulator.serverlessUrl();
        Result<runpod::CycleResult> graphql = cycle(settings, simulatorkeys::kDemo);
        settings.transport = runpod::Transport::Rest;
        Result<runpod::CycleResult> rest = cycle(settings, simulatorkeys::kDemo);
        QVERIFY2(graphql && rest, qPrintable(!graphql ? describe(graphql.error()) : !rest ? describe(rest.error()) : QString()));

        const QList<InstanceSnapshot> &a = graphql->batch.instances;
        const QList<InstanceSnapshot> &b = rest->batch.instances;
        QCOMPARE(b.size(), a.size());
        QVERIFY(!a.isEmpty());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(b[i].instanceId, a[i].instanceId);
            QCOMPARE(b[i].name, a[i].name);
            QCOMPARE(b[i].status, a[i].status);
            QCOMPARE(b[i].gpuType, a[i].gpuType);
            QCOMPARE(b[i].gpuCount, a[i].gpuCount);
            QCOMPARE(b[i].region, a[i].region);
            QCOMPARE(b[i].uptimeSeconds, a[i].uptimeSeconds);
            QCOMPARE(b[i].gpuUtilPercent, a[i].gpuUtilPercent);
            if (a[i].status == QLatin1String("RUNNING"))
                QCOMPARE(b[i].costPerHour, a[i].costPerHour);
            else
                QCOMPARE(*b[i].costPerHour, 0.0);   // REST: "0.0 when EXITED"
        }
        QCOMPARE(rest->batch.endpoints.size(), graphql->batch.endpoints.size());
        for (qsizetype i = 0; i < graphql->batch.endpoints.size(); ++i) {
            const EndpointSnapshot &x = graphql->batch.endpoints[i];
            const EndpointSnapshot &y = rest->batch.endpoints[i];
            QCOMPARE(y.endpointId, x.endpointId);
            QCOMPARE(y.gpuTypeIds, x.gpuTypeIds);
            QCOMPARE(y.workersMin, x.workersMin);
            QCOMPARE(y.workersMax, x.workersMax);
            QCOMPARE(y.scalerType, x.scalerType);
            QCOMPARE(y.scalerValue, x.scalerValue);
            QCOMPARE(y.idleTimeout, x.idleTimeout);
        }
        QCOMPARE(rest->batch.endpointHealth.size(), graphql->batch.endpointHealth.size());
        QCOMPARE(rest->batch.offers.size(), graphql->batch.offers.size());
        for (qsizetype i = 0; i < graphql->batch.offers.size(); ++i) {
            QCOMPARE(rest->batch.offers[i].gpuType, graphql->batch.offers[i].gpuType);
            QCOMPARE(rest->batch.offers[i].tier, graphql->batch.offers[i].tier);
            QCOMPARE(rest->batch.offers[i].pricePerHour, graphql->batch.offers[i].pricePerHour);
        }
    }

    void badAnswersFailTheCycle_data()
    {
        QTest::addColumn<ScriptedResponse>("graphql");
        QTest::addColumn<ErrorClass>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("401") << json(R"({"type":"about:blank","title":"Unauthorized","status":401})", 401) << ErrorClass::Auth << QStringLiteral("401");
        QTest::addRow("graphql errors[] in a 200") << json(R"({"errors":[{"message":"Something went wrong"}],"data":null})")
                                                   << ErrorClass::BadData << QStringLiteral("GraphQL error: Something went wrong");
        QTest::addRow("graphql unauthorized in a 200") << json(R"({"errors":[{"message":"Unauthorized request, please check your API key."}]})")
                                                       << ErrorClass::Auth << QStringLiteral("GraphQL error");
        QTest::addRow("malformed JSON") << json(R"({"data":{"myself":{"pods":[{"id":)") << ErrorClass::BadData << QStringLiteral("malformed JSON");
        QTest::addRow("500 until retries run out") << json("oops", 500) << ErrorClass::Unavailable << QStringLiteral("500");
        QTest::addRow("truncated body") << ScriptedResponse::withFault(ScriptedResponse::Fault::TruncatedBody) << ErrorClass::Unavailable << QStringLiteral("runpod graphql");
    }

    void badAnswersFailTheCycle()
    {
        QFETCH(ScriptedResponse, graphql);
        QFETCH(ErrorClass, kind);
        QFETCH(QString, mentions);
        Servers servers;
        servers.graphql.setFallback(graphql);
        QVERIFY(servers.listen());
        Result<runpod::CycleResult> result = cycle(servers.settings());
        QVERIFY(!result);
        QCOMPARE(errorClassName(result.error().kind), errorClassName(kind));
        QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
        QVERIFY2(!result.error().message.contains(QLatin1String("test-key")), "the key never reaches an error");
    }

    void retryAfterIsHonouredThenSuccess()
    {
        Servers servers;
        ScriptedResponse limited = json(R"({"title":"Too Many Requests","status":429})", 429);
        limited.headers << std::pair{QByteArray("Retry-After"), QByteArray("1")};
        servers.graphql.enqueue(limited);
        QVERIFY(servers.listen());
        QElapsedTimer timer;
        timer.start();
        Result<runpod::CycleResult> result = cycle(servers.settings());
        QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
        QVERIFY2(timer.elapsed() >= 950, "the retry waited for Retry-After");
        QCOMPARE(servers.graphql.requestCount(), 3);
    }

    void keyIsNeverSentOverPlainHttpToARemoteHost()
    {
        Servers servers;
        QVERIFY(servers.listen());
        runpod::Settings settings = servers.settings();
        settings.graphqlUrl = QUrl(QStringLiteral("http://api.runpod.example/graphql"));
        Result<runpod::CycleResult> result = cycle(settings);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, ErrorClass::Config);
        QCOMPARE(servers.graphql.requestCount(), 0);
    }

    void lifecycleOverGraphqlAndRest_data()
    {
        QTest::addColumn<bool>("rest");
        QTest::addColumn<int>("action");
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("bodyHas");
        QTest::addColumn<QString>("status");
        QTest::addRow("graphql stop") << false << int(PodAction::Stop) << QByteArray(R"({"data":{"podStop":{"id":"pod-1","desiredStatus":"EXITED"}}})")
                                      << QByteArray("POST") << QByteArray("/graphql") << QByteArray(R"(podStop(input: {podId: \"pod-1\"}))") << QStringLiteral("EXITED");
        QTest::addRow("graphql resume") << false << int(PodAction::Resume) << QByteArray(R"({"data":{"podResume":{"id":"pod-1","desiredStatus":"RUNNING"}}})")
                                        << QByteArray("POST") << QByteArray("/graphql") << QByteArray("gpuCount: 2") << QStringLiteral("RUNNING");
        QTest::addRow("graphql terminate") << false << int(PodAction::Terminate) << QByteArray(R"({"data":{"podTerminate":null}})")
                                           << QByteArray("POST") << QByteArray("/graphql") << QByteArray("podTerminate") << QStringLiteral("TERMINATED");
        QTest::addRow("rest stop") << true << int(PodAction::Stop) << QByteArray(R"({"id":"pod-1","desiredStatus":"EXITED"})")
                                   << QByteArray("POST") << QByteArray("/v2/pods/pod-1/stop") << QByteArray() << QStringLiteral("EXITED");
        QTest::addRow("rest resume") << true << int(PodAction::Resume) << QByteArray(R"({"id":"pod-1","desiredStatus":"RUNNING"})")
                                     << QByteArray("POST") << QByteArray("/v2/pods/pod-1/start") << QByteArray() << QStringLiteral("RUNNING");
        QTest::addRow("rest terminate") << true << int(PodAction::Terminate) << QByteArray()
                                        << QByteArray("DELETE") << QByteArray("/v2/pods/pod-1") << QByteArray() << QStringLiteral("TERMINATED");
    }

    void lifecycleOverGraphqlAndRest()
    {
        QFETCH(bool, rest);
        QFETCH(int, action);
        QFETCH(QByteArray, answer);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, bodyHas);
        QFETCH(QString, status);
        FaultServer server;
        server.setFallback(json(answer, answer.isEmpty() ? 204 : 200));
        QVERIFY(server.listen());
        runpod::Settings settings;
        settings.transport = rest ? runpod::Transport::Rest : runpod::Transport::GraphQL;
        settings.graphqlUrl = server.url(QStringLiteral("/graphql"));
        settings.restUrl = server.url(QStringLiteral("/v2"));
        HttpClient http(&m_nam, m_clock);
        std::optional<Result<QString>> outcome;
        QObject context;
        runpod::podAction(http, settings, Secret::fromUtf8("k"), QStringLiteral("pod-1"), PodAction(action), 2, &context,
                          [&outcome](Result<QString> result) { outcome = std::move(result); });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY2(*outcome, qPrintable(*outcome ? QString() : describe(outcome->error())));
        QCOMPARE(**outcome, status);
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.requests().first().method, method);
        QCOMPARE(server.requests().first().target, target);
        QVERIFY2(server.requests().first().body.contains(bodyHas), server.requests().first().body.constData());
    }

    // A launch goes over REST (whatever the collection transport) in the create-pod shape; the new
    // pod is in the next list of either transport, at the spot price when asked for spot.
    void launchShowsInTheNextList()
    {
        SimulatorOptions options;
        options.world.seed = 5;
        options.world.pods = 3;
        options.world.randomEvents = false;
        RunPodSimulator simulator(options);
        QVERIFY(simulator.start());
        qputenv("FLEETSCOPE_RUNPOD_LAUNCH_KEY", simulatorkeys::kDemo);
        ConnectionRecord connection;
        connection.id = 7;
        connection.kind = QStringLiteral("runpod");
        connection.name = QStringLiteral("rp");
        connection.settings = QJsonObject{{QStringLiteral("rest_url"), simulator.restUrl().toString()},
                                          {QStringLiteral("graphql_url"), simulator.graphqlUrl().toString()},
                                          {QStringLiteral("secret_env"), QStringLiteral("FLEETSCOPE_RUNPOD_LAUNCH_KEY")}};
        const SimGpuType type = simulator.world().gpuTypes().constFirst();
        LaunchRequest request;
        request.plan = type.id;
        request.gpuCount = 2;
        request.tier = type.communityCloud ? QStringLiteral("community") : QStringLiteral("secure");
        request.spot = true;
        request.name = QStringLiteral("launched-1");
        const Result<LaunchPreview> preview = launchPreview(connection, request);
        QVERIFY2(preview, qPrintable(preview ? QString() : preview.error().message));
        const QJsonObject body = QJsonDocument::fromJson(preview->body).object();
        QCOMPARE(preview->url, QUrl(simulator.restUrl().toString() + QStringLiteral("/pods")));
        QCOMPARE(body.value(QStringLiteral("gpuTypeIds")).toArray(), QJsonArray{type.id});
        QCOMPARE(body.value(QStringLiteral("gpuCount")).toInt(), 2);
        QCOMPARE(body.value(QStringLiteral("cloudType")).toString(), type.communityCloud ? QStringLiteral("COMMUNITY") : QStringLiteral("SECURE"));
        QCOMPARE(body.value(QStringLiteral("interruptible")).toBool(), true);
        QCOMPARE(body.value(QStringLiteral("imageName")).toString(), defaultLaunchImage(QStringLiteral("runpod")));

        const Result<QString> launched = runWithLocalHttp<QString>(launchJob(connection, request));
        QVERIFY2(launched, qPrintable(launched ? QString() : describe(launched.error())));
        runpod::Settings settings;
        settings.graphqlUrl = simulator.graphqlUrl();
        settings.restUrl = simulator.restUrl();
        settings.serverlessUrl = simulator.serverlessUrl();
        for (const runpod::Transport transport : {runpod::Transport::GraphQL, runpod::Transport::Rest}) {
            settings.transport = transport;
            Result<runpod::CycleResult> listed = cycle(settings, simulatorkeys::kDemo);
            QVERIFY2(listed, qPrintable(listed ? QString() : describe(listed.error())));
            const auto pod = std::find_if(listed->batch.instances.cbegin(), listed->batch.instances.cend(),
                                          [&launched](const InstanceSnapshot &s) { return s.instanceId == *launched; });
            QVERIFY(pod != listed->batch.instances.cend());
            QCOMPARE(pod->name, QStringLiteral("launched-1"));
            QCOMPARE(pod->gpuCount, 2);
            QCOMPARE(pod->status, QStringLiteral("RUNNING"));
        }
        const double spot = type.communityCloud ? type.communitySpotPrice : type.secureSpotPrice;
        if (spot > 0)
            QCOMPARE(simulator.world().pod(*launched)->costPerHr, std::round(spot * 2 * 100) / 100);

        // RunPod's refusal of a GPU type it does not have: problem+json, one line with its detail.
        request.plan = QStringLiteral("NVIDIA Z9000");
        const Result<QString> refused = runWithLocalHttp<QString>(launchJob(connection, request));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.startsWith(QLatin1String("rp launch NVIDIA Z9000: ")) && refused.error().message.contains(QLatin1String("HTTP 400"))
                     && refused.error().message.contains(QLatin1String("unknown GPU type 'NVIDIA Z9000'")) && !refused.error().message.contains(QLatin1Char('\n')),
                 qPrintable(refused.error().message));
        QCOMPARE(simulator.world().pods().size(), 4);
    }

    void lifecycleRefusesOddIdsAndReportsFailures()
    {
        FaultServer server;
        server.setFallback(json(R"({"errors":[{"message":"Pod not found"}]})"));
        QVERIFY(server.listen());
        runpod::Settings settings;
        settings.graphqlUrl = server.url(QStringLiteral("/graphql"));
        HttpClient http(&m_nam, m_clock);
        QObject context;
        std::optional<Result<QString>> injected;
        runpod::podAction(http, settings, Secret::fromUtf8("k"), QStringLiteral("x\") + QStringLiteral(""}) { evil }"), PodAction::Stop, 1,
                          &context, [&injected](Result<QString> result) { injected = std::move(result); });
        QTRY_VERIFY(injected.has_value());
        QVERIFY(!*injected);
        QCOMPARE(injected->error().kind, ErrorClass::Config);
        QCOMPARE(server.requestCount(), 0);

        std::optional<Result<QString>> missing;
        runpod::podAction(http, settings, Secret::fromUtf8("k"), QStringLiteral("pod-gone"), PodAction::Stop, 1, &context,
                          [&missing](Result<QString> result) { missing = std::move(result); });
        QTRY_VERIFY(missing.has_value());
        QVERIFY(!*missing);
        QVERIFY(missing->error().message.contains(QLatin1String("Pod not found")));
        QCOMPARE(server.requestCount(), 1);   // never repeated behind the user's back
    }

    void settingsFromAConnection()
    {
        Result<runpod::Settings> defaults = runpod::Settings::fromJson({});
        QVERIFY(defaults);
        QCOMPARE(defaults->graphqlUrl, QUrl(QStringLiteral("https://api.runpod.io/graphql")));
        QCOMPARE(defaults->collectionIntervalSeconds, 300);
        QCOMPARE(defaults->healthPollSeconds, 120);
        QVERIFY(!runpod::Settings::fromJson({{QStringLiteral("graphql_url"), QStringLiteral("ftp://x")}}));
        QVERIFY(!runpod::Settings::fromJson({{QStringLiteral("health_poll_seconds"), QStringLiteral("often")}}));
        QCOMPARE(runpod::Settings::fromJson({{QStringLiteral("health_poll_seconds"), QStringLiteral("60")}})->healthPollSeconds, 60);
        QVERIFY(runpod::Settings::fromJson({{QStringLiteral("transport"), QStringLiteral("rest")}})->transport == runpod::Transport::Rest);
        QVERIFY(!runpod::Settings::fromJson({{QStringLiteral("transport"), QStringLiteral("soap")}}));
    }

    // Full cycles (billing, pods, endpoints, the GPU catalog) come every collection interval, health-only
    // cycles between them; a cycle the user asked for ("Sync now") is full whatever the interval says.
    void syncNowRunsAFullCycleWithinTheInterval()
    {
        Servers servers;
        QVERIFY(servers.listen());
        qputenv("RUNPOD_SYNC_NOW_KEY", "sync-now-key");
        ConnectionRecord connection;
        connection.id = 7;
        connection.name = QStringLiteral("pods");
        connection.kind = QStringLiteral("runpod");
        runpod::RunPodCollector collector(servers.settings(), SecretRef::environment(connection.id, QStringLiteral("RUNPOD_SYNC_NOW_KEY")));
        TestClock clock;
        auto cycle = [&](bool syncNow) {
            return runWithLocalHttp<WriteBatch>([&](HttpClient &http, QObject *context, std::function<void(Result<WriteBatch>)> done) {
                auto *ctx = new CollectContext(connection, http, clock, context);
                ctx->setBypassCache(syncNow);
                collector.collect(*ctx, std::move(done));
            });
        };
        const Result<WriteBatch> first = cycle(false);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QCOMPARE(first->source, QStringLiteral("pods full cycle"));
        QCOMPARE(first->instances.size(), 2);
        const int fullRequests = servers.graphql.requestCount();   // myself and gpuTypes
        QCOMPARE(fullRequests, 2);

        clock.advance(60'000);   // within the five-minute interval: endpoint health only
        const Result<WriteBatch> health = cycle(false);
        QVERIFY(health);
        QCOMPARE(health->source, QStringLiteral("pods health"));
        QVERIFY(health->instances.isEmpty() && !health->endpointHealth.isEmpty());
        QCOMPARE(servers.graphql.requestCount(), fullRequests);

        const Result<WriteBatch> synced = cycle(true);   // Sync now, a second later
        QVERIFY(synced);
        QCOMPARE(synced->source, QStringLiteral("pods full cycle"));
        QCOMPARE(synced->instances.size(), 2);
        QCOMPARE(servers.graphql.requestCount(), 2 * fullRequests);
    }

    void collectOnceThenExportRoundTrips()
    {
        Servers servers;
        QVERIFY(servers.listen());
        QTemporaryDir dir;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RUNPOD_API_KEY"), QStringLiteral("cli-secret-key"));
        env.insert(QStringLiteral("RUNPOD_GRAPHQL_URL"), servers.graphql.url(QStringLiteral("/graphql")).toString());
        env.insert(QStringLiteral("RUNPOD_SERVERLESS_URL"), servers.serverless.url(QStringLiteral("/v2")).toString());
        auto run = [&](const QStringList &args, const QProcessEnvironment &environment) {
            const test::CliRun result = test::runFleetscope(QStringList{QStringLiteral("--data-dir"), dir.path()} + args, environment);
            return std::tuple{result.exitCode, result.out, result.err};
        };

        auto [code, out, err] = run({QStringLiteral("collect"), QStringLiteral("--once")}, env);
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY2(out.contains(QLatin1String("runpod-env pods: 2 rows stored")), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("runpod-env gpu-catalog: 3 rows stored")));
        QVERIFY(out.contains(QLatin1String("runpod-env endpoint-health: 2 rows stored")));
        QCOMPARE(out.trimmed().split(QLatin1Char('\n')).size(), 5);
        QVERIFY(!out.contains(QLatin1String("cli-secret-key")) && !err.contains(QLatin1String("cli-secret-key")));

        auto [exportCode, csv, exportErr] = run({QStringLiteral("export"), QStringLiteral("pods"), QStringLiteral("--format"), QStringLiteral("csv")}, env);
        QCOMPARE(exportCode, 0);
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[1].endsWith(QLatin1String(",runpod-env,runpod,pod-run,trainer,NVIDIA H100 80GB HBM3,2,32,250,EU-RO-1,RUNNING,3931,2.99,80")), qPrintable(lines[1]));
        QVERIFY2(lines[2].endsWith(QLatin1String(",runpod-env,runpod,pod-stop,notebook,NVIDIA GeForce RTX 4090,1,8,,US-TX-3,EXITED,,0.39,")), qPrintable(lines[2]));
        auto [billingCode, billing, billingErr] = run({QStringLiteral("export"), QStringLiteral("billing"), QStringLiteral("--format"), QStringLiteral("json")}, env);
        const QJsonObject bill = QJsonDocument::fromJson(billing.toUtf8()).array().first().toObject();
        QCOMPARE(bill.value(QStringLiteral("balance")).toDouble(), 412.75);
        QVERIFY(bill.value(QStringLiteral("spend_limit")).isNull());

        // A failing cycle: error class on stderr, exit 1, nothing already stored is lost.
        servers.graphql.setFallback(json(R"({"title":"Unauthorized","status":401})", 401));
        auto [failCode, failOut, failErr] = run({QStringLiteral("collect"), QStringLiteral("--once")}, env);
        QCOMPARE(failCode, 1);
        QVERIFY2(failErr.startsWith(QLatin1String("fleetscope: runpod-env: auth: ")), qPrintable(failErr));
        auto [againCode, again, againErr] = run({QStringLiteral("export"), QStringLiteral("pods"), QStringLiteral("--format"), QStringLiteral("csv")}, env);
        QCOMPARE(again, csv);
        auto [listCode, list, listErr] = run({QStringLiteral("connections"), QStringLiteral("list"), QStringLiteral("--json")}, env);
        const QJsonObject row = QJsonDocument::fromJson(list.toUtf8()).array().first().toObject();
        QCOMPARE(row.value(QStringLiteral("last_status")).toString(), QStringLiteral("failed"));
        QVERIFY(row.value(QStringLiteral("last_error")).toString().startsWith(QLatin1String("auth: ")));
        // The failure moved the last attempt; when data last came in is still known.
        QVERIFY(!row.value(QStringLiteral("last_success_at")).isNull());
        QVERIFY(row.value(QStringLiteral("last_success_at")).toString() <= row.value(QStringLiteral("last_sync_at")).toString());

        // The same headless cycle over REST v2, chosen by RUNPOD_TRANSPORT.
        servers.graphql.setFallback(json(kGraphqlAnswer));
        QProcessEnvironment rest = env;
        rest.insert(QStringLiteral("RUNPOD_TRANSPORT"), QStringLiteral("rest"));
        rest.insert(QStringLiteral("RUNPOD_REST_URL"), servers.rest.url(QStringLiteral("/v2")).toString());
        auto [restCode, restOut, restErr] = run({QStringLiteral("collect"), QStringLiteral("--once")}, rest);
        QVERIFY2(restCode == 0, qPrintable(restErr));
        QVERIFY2(restOut.contains(QLatin1String("runpod-env pods: 3 rows stored")), qPrintable(restOut));
        QVERIFY(restOut.contains(QLatin1String("runpod-env gpu-catalog: 2 rows stored")));
        QCOMPARE(servers.rest.requestCount(), 3);
        QProcessEnvironment badTransport = env;
        badTransport.insert(QStringLiteral("RUNPOD_TRANSPORT"), QStringLiteral("soap"));
        auto [badCode, badOut, badErr] = run({QStringLiteral("collect"), QStringLiteral("--once")}, badTransport);
        QCOMPARE(badCode, 1);
        QVERIFY2(badErr.contains(QLatin1String("environment: transport")), qPrintable(badErr));
        servers.graphql.setFallback(json(R"({"title":"Unauthorized","status":401})", 401));

        // Disabled or no key: nothing is contacted.
        const int before = servers.graphql.requestCount();
        QProcessEnvironment disabled = env;
        disabled.insert(QStringLiteral("RUNPOD_ENABLED"), QStringLiteral("false"));
        auto [offCode, offOut, offErr] = run({QStringLiteral("collect"), QStringLiteral("--once")}, disabled);
        QCOMPARE(offCode, 0);
        QVERIFY(offOut.contains(QLatin1String("nothing contacted")));
        QProcessEnvironment keyless = env;
        keyless.remove(QStringLiteral("RUNPOD_API_KEY"));
        auto [noKeyCode, noKeyOut, noKeyErr] = run({QStringLiteral("collect"), QStringLiteral("--once")}, keyless);
        QCOMPARE(noKeyCode, 0);
        QCOMPARE(servers.graphql.requestCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestRunPod)
#include "test_runpod.moc"
