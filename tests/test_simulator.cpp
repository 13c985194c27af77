// The RunPod simulator over real loopback HTTP: shapes, auth, lifecycle, serverless, evolution, faults, the CLI.
#include "simulator/runpodsimulator.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace fleetscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'714'564'800'000;   // 2024-05-01T12:00:00Z

const QString kMyselfQuery = u"query { myself { id email currentSpendPerHr clientBalance spendLimit "
                             "pods { id name desiredStatus imageName costPerHr adjustedCostPerHr gpuCount vcpuCount memoryInGb "
                             "volumeInGb containerDiskInGb machine { gpuDisplayName location } "
                             "runtime { uptimeInSeconds gpus { id gpuUtilPercent memoryUtilPercent } } } "
                             "endpoints { id name gpuIds workersMin workersMax idleTimeout scalerType scalerValue executionTimeoutMs } } }"_s;
const QString kGpuTypesQuery = u"query { gpuTypes { id displayName memoryInGb secureCloud communityCloud securePrice communityPrice "
                               "secureSpotPrice communitySpotPrice lowestPrice(input: {gpuCount: 1}) { minimumBidPrice "
                               "uninterruptablePrice stockStatus } } }"_s;

struct Reply {
    int status = 0;   // 0: no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

bool isNumberish(const QJsonValue &value)
{
    return value.isDouble() || (value.isString() && !value.toString().isEmpty() && [&value] {
        bool ok = false;
        value.toString().toDouble(&ok);
        return ok;
    }());
}

} // namespace

class TestSimulator : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    qint64 m_now = kStartMs;

    SimulatorOptions options(quint64 seed = 7)
    {
        SimulatorOptions options;
        options.world.seed = seed;
        options.now = [this] { return m_now; };
        return options;
    }

    std::unique_ptr<RunPodSimulator> started(SimulatorOptions options)
    {
        auto simulator = std::make_unique<RunPodSimulator>(std::move(options));
        const Result<quint16> port = simulator->start();
        if (!port)
            qFatal("simulator did not start: %s", qPrintable(port.error().message));
        return simulator;
    }

    QUrl url(const RunPodSimulator &simulator, const QString &path) const
    {
        return QUrl(u"http://127.0.0.1:%1%2"_s.arg(simulator.port()).arg(path));
    }

    Reply send(const QByteArray &method, const QUrl &url, const QByteArray &body = {}, const QByteArray &key = "demo")
    {
        QNetworkRequest request(url);
        if (!key.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + key);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(5'000, &loop, &QEventLoop::quit);
        loop.exec();
        Reply result;
        if (!reply->isFinished()) {
            reply->abort();
            result.error = QNetworkReply::TimeoutError;
        } else {
            result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            result.error = reply->error();
            result.body = reply->readAll();
            result.headers = reply->rawHeaderPairs();
        }
        reply->deleteLater();
        return result;
    }

    Reply graphql(const RunPodSimulator &simulator, const QString &query, const QByteArray &key = "demo",
                  const QJsonObject &variables = {})
    {
        QJsonObject body{{u"query"_s, query}};
        if (!variables.isEmpty())
            body.insert(u"variables"_s, variables);
        return send("POST", url(simulator, u"/graphql"_s), QJsonDocument(body).toJson(QJsonDocument::Compact), key);
    }

    QJsonObject myself(const RunPodSimulator &simulator)
    {
        const Reply reply = graphql(simulator, kMyselfQuery);
        if (reply.status != 200)
            qWarning() << "myself answered" << reply.status << reply.body;
        return reply.json().value(u"data"_s).toObject().value(u"myself"_s).toObject();
    }

    static QJsonObject podById(const QJsonObject &myself, const QString &id)
    {
        for (const QJsonValue &pod : myself.value(u"pods"_s).toArray()) {
            if (pod.toObject().value(u"id"_s).toString() == id)
                return pod.toObject();
        }
        return {};
    }

    static QString firstPodWithStatus(const QJsonObject &myself, const QString &status)
    {
        for (const QJsonValue &pod : myself.value(u"pods"_s).toArray()) {
            if (pod.toObject().value(u"desiredStatus"_s).toString() == status)
                return pod.toObject().value(u"id"_s).toString();
        }
        return {};
    }

private Q_SLOTS:
    void init() { m_now = kStartMs; }

    void graphqlMyselfShapes()
    {
        auto simulator = started(options());
        // At least one stopped pod, whatever the seed drew.
        simulator->world().stopPod(simulator->world().pods().constFirst().id);
        const QJsonObject me = myself(*simulator);
        for (const char *field : {"id", "email", "currentSpendPerHr", "clientBalance", "spendLimit", "pods", "endpoints"})
            QVERIFY2(me.contains(QLatin1String(field)), field);
        const QJsonArray pods = me.value(u"pods"_s).toArray();
        QCOMPARE(pods.size(), 12);
        bool sawStringNumber = false;
        bool sawStopped = false;
        bool sawRunning = false;
        for (const QJsonValue &value : pods) {
            const QJsonObject pod = value.toObject();
            for (const char *field : {"id", "name", "desiredStatus", "imageName", "costPerHr", "adjustedCostPerHr", "gpuCount", "vcpuCount",
                                      "memoryInGb", "volumeInGb", "containerDiskInGb", "machine", "runtime"})
                QVERIFY2(pod.contains(QLatin1String(field)), field);
            QVERIFY(isNumberish(pod.value(u"costPerHr"_s)));
            sawStringNumber = sawStringNumber || pod.value(u"costPerHr"_s).isString() || pod.value(u"memoryInGb"_s).isString();
            QVERIFY(!pod.value(u"machine"_s).toObject().value(u"gpuDisplayName"_s).toString().isEmpty());
            QVERIFY(!pod.value(u"machine"_s).toObject().value(u"location"_s).toString().isEmpty());
            const QString status = pod.value(u"desiredStatus"_s).toString();
            if (status == QLatin1String("EXITED")) {
                sawStopped = true;
                QVERIFY(pod.value(u"runtime"_s).isNull());
            } else {
                QCOMPARE(status, u"RUNNING"_s);
                sawRunning = true;
                const QJsonObject runtime = pod.value(u"runtime"_s).toObject();
                QVERIFY(runtime.value(u"uptimeInSeconds"_s).toInteger() >= 0);
                const QJsonArray gpus = runtime.value(u"gpus"_s).toArray();
                QCOMPARE(gpus.size(), pod.value(u"gpuCount"_s).toInt());
                QVERIFY(gpus.first().toObject().value(u"id"_s).toString().startsWith(QLatin1String("GPU-")));
                QVERIFY(gpus.first().toObject().value(u"gpuUtilPercent"_s).isDouble());
            }
        }
        QVERIFY(sawStopped);
        QVERIFY(sawRunning);
        QVERIFY2(sawStringNumber, "quirks on: some pod sends a number as a string");

        const QJsonArray endpoints = me.value(u"endpoints"_s).toArray();
        QCOMPARE(endpoints.size(), 4);
        for (const QJsonValue &value : endpoints) {
            for (const char *field : {"id", "name", "gpuIds", "workersMin", "workersMax", "idleTimeout", "scalerType", "scalerValue",
                                      "executionTimeoutMs"})
                QVERIFY2(value.toObject().contains(QLatin1String(field)), field);
        }
        // The spend rate is the sum of the running pods' rates.
        double sum = 0;
        for (const SimPod &pod : simulator->world().pods())
            sum += pod.running ? pod.costPerHr : 0;
        QVERIFY(qAbs(me.value(u"currentSpendPerHr"_s).toDouble() - sum) < 1e-6);
    }

    void graphqlGpuTypes()
    {
        auto simulator = started(options());
        const Reply reply = graphql(*simulator, kGpuTypesQuery);
        QCOMPARE(reply.status, 200);
        const QJsonArray types = reply.json().value(u"data"_s).toObject().value(u"gpuTypes"_s).toArray();
        QVERIFY(types.size() >= 10);
        QStringList ids;
        for (const QJsonValue &value : types) {
            const QJsonObject type = value.toObject();
            ids << type.value(u"id"_s).toString();
            for (const char *field : {"id", "displayName", "memoryInGb", "secureCloud", "communityCloud", "securePrice", "communityPrice",
                                      "secureSpotPrice", "communitySpotPrice", "lowestPrice"})
                QVERIFY2(type.contains(QLatin1String(field)), field);
            const QJsonObject lowest = type.value(u"lowestPrice"_s).toObject();
            QVERIFY(lowest.contains(u"minimumBidPrice"_s));
            QVERIFY(lowest.value(u"uninterruptablePrice"_s).toDouble() > 0);
            QVERIFY(QStringList({u"High"_s, u"Medium"_s, u"Low"_s, u"None"_s}).contains(lowest.value(u"stockStatus"_s).toString()));
        }
        QVERIFY(ids.contains(u"NVIDIA H100 80GB HBM3"_s));
        QVERIFY(ids.contains(u"NVIDIA GeForce RTX 4090"_s));
        QVERIFY(ids.contains(u"NVIDIA L40S"_s));

        const Reply one = graphql(*simulator, u"query { gpuTypes(input: {id: \"NVIDIA L40S\"}) { id displayName } }"_s);
        const QJsonArray only = one.json().value(u"data"_s).toObject().value(u"gpuTypes"_s).toArray();
        QCOMPARE(only.size(), 1);
        QCOMPARE(only.first().toObject().value(u"displayName"_s).toString(), u"L40S"_s);
    }

    void quirksOffSendsNumbers()
    {
        SimulatorOptions plain = options();
        plain.world.quirks = false;
        auto simulator = started(plain);
        const QJsonObject me = myself(*simulator);
        for (const QJsonValue &value : me.value(u"pods"_s).toArray()) {
            const QJsonObject pod = value.toObject();
            for (const char *field : {"costPerHr", "adjustedCostPerHr", "gpuCount", "vcpuCount", "memoryInGb"})
                QVERIFY2(pod.value(QLatin1String(field)).isDouble(), field);
        }
        const QJsonArray types = graphql(*simulator, kGpuTypesQuery).json().value(u"data"_s).toObject().value(u"gpuTypes"_s).toArray();
        for (const QJsonValue &value : types) {
            for (const char *field : {"securePrice", "communityPrice", "secureSpotPrice", "communitySpotPrice"})
                QVERIFY2(!value.toObject().value(QLatin1String(field)).isString(), field);
        }
    }

    void graphqlInvalidKeyGivesErrors()
    {
        auto simulator = started(options());
        const Reply reply = graphql(*simulator, kMyselfQuery, "invalid");
        QCOMPARE(reply.status, 200);
        const QJsonArray errors = reply.json().value(u"errors"_s).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().toObject().value(u"message"_s).toString(), u"Unauthorized"_s);
        QVERIFY(!reply.json().contains(u"data"_s));
    }

    void refusedKeysAre401_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("graphql, no key") << QByteArray("POST") << u"/graphql"_s << QByteArray();
        QTest::newRow("graphql, bad key") << QByteArray("POST") << u"/graphql"_s << QByteArray("bad");
        QTest::newRow("rest, no key") << QByteArray("GET") << u"/v2/pods"_s << QByteArray();
        QTest::newRow("rest, bad key") << QByteArray("GET") << u"/v2/pods"_s << QByteArray("bad");
        QTest::newRow("rest, invalid key") << QByteArray("GET") << u"/v2/pods"_s << QByteArray("invalid");
        QTest::newRow("serverless, no key") << QByteArray("GET") << u"/v2/ENDPOINT/health"_s << QByteArray();
    }

    void refusedKeysAre401()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, key);
        auto simulator = started(options());
        path.replace(u"ENDPOINT"_s, simulator->world().endpoints().constFirst().id);
        const QByteArray body = method == "POST" ? QJsonDocument(QJsonObject{{u"query"_s, kMyselfQuery}}).toJson() : QByteArray();
        const Reply reply = send(method, url(*simulator, path), body, key);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/problem+json"));
        const QJsonObject problem = reply.json();
        for (const char *field : {"type", "title", "status", "detail"})
            QVERIFY2(problem.contains(QLatin1String(field)), field);
        QCOMPARE(problem.value(u"status"_s).toInt(), 401);
    }

    void lifecycleViaGraphql()
    {
        auto simulator = started(options());
        const QJsonObject before = myself(*simulator);
        const QString podId = firstPodWithStatus(before, u"RUNNING"_s);
        QVERIFY(!podId.isEmpty());
        const double cost = simulator->world().pod(podId)->costPerHr;

        const Reply stopped = graphql(*simulator, u"mutation { podStop(input: {podId: \"%1\"}) { id desiredStatus } }"_s.arg(podId));
        QCOMPARE(stopped.json().value(u"data"_s).toObject().value(u"podStop"_s).toObject().value(u"desiredStatus"_s).toString(), u"EXITED"_s);
        const QJsonObject afterStop = myself(*simulator);
        QCOMPARE(podById(afterStop, podId).value(u"desiredStatus"_s).toString(), u"EXITED"_s);
        QVERIFY(podById(afterStop, podId).value(u"runtime"_s).isNull());
        QVERIFY(qAbs(before.value(u"currentSpendPerHr"_s).toDouble() - afterStop.value(u"currentSpendPerHr"_s).toDouble() - cost) < 1e-6);

        // The input as a variable, the way generated clients send it.
        const Reply resumed = graphql(*simulator, u"mutation Resume($input: PodResumeInput!) { podResume(input: $input) { id desiredStatus } }"_s,
                                      "demo", QJsonObject{{u"input"_s, QJsonObject{{u"podId"_s, podId}, {u"gpuCount"_s, 1}}}});
        QCOMPARE(resumed.json().value(u"data"_s).toObject().value(u"podResume"_s).toObject().value(u"desiredStatus"_s).toString(), u"RUNNING"_s);
        const QJsonObject afterResume = myself(*simulator);
        QVERIFY(podById(afterResume, podId).value(u"runtime"_s).isObject());
        QCOMPARE(podById(afterResume, podId).value(u"gpuCount"_s).toInt(), 1);

        const Reply terminated = graphql(*simulator, u"mutation { podTerminate(input: {podId: \"%1\"}) }"_s.arg(podId));
        QVERIFY(terminated.json().value(u"data"_s).toObject().contains(u"podTerminate"_s));
        QVERIFY(!terminated.json().contains(u"errors"_s));
        const QJsonObject afterTerminate = myself(*simulator);
        QVERIFY(podById(afterTerminate, podId).isEmpty());
        QCOMPARE(afterTerminate.value(u"pods"_s).toArray().size(), before.value(u"pods"_s).toArray().size() - 1);

        const Reply unknown = graphql(*simulator, u"mutation { podStop(input: {podId: \"nosuchpod\"}) { id } }"_s);
        QCOMPARE(unknown.status, 200);
        QVERIFY(!unknown.json().value(u"errors"_s).toArray().isEmpty());
        QVERIFY(unknown.json().value(u"data"_s).toObject().value(u"podStop"_s).isNull());
    }

    void lifecycleViaRest()
    {
        auto simulator = started(options());
        const Reply list = send("GET", url(*simulator, u"/v2/pods"_s));
        QCOMPARE(list.status, 200);
        const QJsonArray pods = list.json().value(u"pods"_s).toArray();
        QCOMPARE(pods.size(), 12);
        QString podId;
        for (const QJsonValue &value : pods) {
            const QJsonObject pod = value.toObject();
            for (const char *field : {"id", "name", "status", "actions", "image", "gpu", "cloud", "dataCenterId", "cost", "runtime", "createdAt"})
                QVERIFY2(pod.contains(QLatin1String(field)), field);
            if (pod.value(u"status"_s).toString() == QLatin1String("RUNNING") && podId.isEmpty())
                podId = pod.value(u"id"_s).toString();
        }
        QVERIFY(!podId.isEmpty());
        QVERIFY(!list.header("RateLimit-Limit").isEmpty());
        QVERIFY(!list.header("RateLimit-Reset").isEmpty());
        const int remaining = list.header("RateLimit-Remaining").toInt();

        const Reply stopped = send("POST", url(*simulator, u"/v2/pods/%1/stop"_s.arg(podId)));
        QCOMPARE(stopped.status, 200);
        QCOMPARE(stopped.json().value(u"status"_s).toString(), u"EXITED"_s);
        QVERIFY(stopped.json().value(u"runtime"_s).isNull());
        QCOMPARE(stopped.json().value(u"cost"_s).toDouble(), 0.0);
        QCOMPARE(stopped.header("RateLimit-Remaining").toInt(), remaining - 1);

        const Reply single = send("GET", url(*simulator, u"/v2/pods/%1"_s.arg(podId)));
        QCOMPARE(single.json().value(u"status"_s).toString(), u"EXITED"_s);
        const Reply again = send("POST", url(*simulator, u"/v2/pods/%1/stop"_s.arg(podId)));
        QCOMPARE(again.status, 409);
        QCOMPARE(again.header("Content-Type"), QByteArray("application/problem+json"));

        const Reply started = send("POST", url(*simulator, u"/v2/pods/%1/start"_s.arg(podId)));
        QCOMPARE(started.json().value(u"status"_s).toString(), u"RUNNING"_s);
        QVERIFY(started.json().value(u"runtime"_s).isObject());
        const Reply viaAction = send("POST", url(*simulator, u"/v2/pods/%1/action"_s.arg(podId)), R"({"action":"stop"})");
        QCOMPARE(viaAction.json().value(u"status"_s).toString(), u"EXITED"_s);

        QCOMPARE(send("DELETE", url(*simulator, u"/v2/pods/%1"_s.arg(podId))).status, 204);
        const Reply gone = send("GET", url(*simulator, u"/v2/pods/%1"_s.arg(podId)));
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.json().value(u"status"_s).toInt(), 404);
        QCOMPARE(send("GET", url(*simulator, u"/v2/pods"_s)).json().value(u"pods"_s).toArray().size(), 11);
        // GraphQL sees the same account.
        QVERIFY(podById(myself(*simulator), podId).isEmpty());
    }

    void serverlessJobs()
    {
        auto simulator = started(options());
        const QString endpointId = simulator->world().endpoints().constFirst().id;
        auto path = [&endpointId](const QString &rest) { return u"/v2/%1/%2"_s.arg(endpointId, rest); };

        const Reply health = send("GET", url(*simulator, path(u"health"_s)));
        QCOMPARE(health.status, 200);
        const QJsonObject jobs = health.json().value(u"jobs"_s).toObject();
        const QJsonObject workers = health.json().value(u"workers"_s).toObject();
        for (const char *field : {"completed", "failed", "inQueue", "inProgress", "retried"})
            QVERIFY2(jobs.value(QLatin1String(field)).isDouble(), field);
        for (const char *field : {"idle", "running", "throttled", "initializing", "ready", "unhealthy"})
            QVERIFY2(workers.value(QLatin1String(field)).isDouble(), field);

        const QJsonObject input{{u"prompt"_s, u"a lighthouse at dusk"_s}, {u"steps"_s, 4}};
        const QByteArray runBody = QJsonDocument(QJsonObject{{u"input"_s, input}}).toJson();
        const Reply run = send("POST", url(*simulator, path(u"run"_s)), runBody);
        QCOMPARE(run.status, 200);
        QCOMPARE(run.json().value(u"status"_s).toString(), u"IN_QUEUE"_s);
        const QString jobId = run.json().value(u"id"_s).toString();
        QVERIFY(!jobId.isEmpty());
        const QJsonObject queued = send("GET", url(*simulator, path(u"health"_s))).json().value(u"jobs"_s).toObject();
        QCOMPARE(queued.value(u"inQueue"_s).toInt(), jobs.value(u"inQueue"_s).toInt() + 1);
        QCOMPARE(send("GET", url(*simulator, path(u"status/"_s + jobId))).json().value(u"status"_s).toString(), u"IN_QUEUE"_s);

        m_now += 60'000;
        const Reply done = send("GET", url(*simulator, path(u"status/"_s + jobId)));
        QCOMPARE(done.json().value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(done.json().value(u"output"_s).toObject(), input);
        QVERIFY(done.json().value(u"delayTime"_s).toInt() > 0);
        QVERIFY(done.json().value(u"executionTime"_s).toInt() > 0);

        const QString second = send("POST", url(*simulator, path(u"run"_s)), runBody).json().value(u"id"_s).toString();
        const Reply cancelled = send("POST", url(*simulator, path(u"cancel/"_s + second)));
        QCOMPARE(cancelled.json().value(u"status"_s).toString(), u"CANCELLED"_s);
        m_now += 60'000;
        QCOMPARE(send("GET", url(*simulator, path(u"status/"_s + second))).json().value(u"status"_s).toString(), u"CANCELLED"_s);

        const Reply sync = send("POST", url(*simulator, path(u"runsync"_s)), runBody);
        QCOMPARE(sync.json().value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(sync.json().value(u"output"_s).toObject(), input);
        QVERIFY(sync.json().value(u"executionTime"_s).toInt() > 0);
        const Reply failed = send("POST", url(*simulator, path(u"runsync"_s)), R"({"input":{"fail":true}})");
        QCOMPARE(failed.json().value(u"status"_s).toString(), u"FAILED"_s);
        QVERIFY(!failed.json().value(u"error"_s).toString().isEmpty());

        QCOMPARE(send("POST", url(*simulator, path(u"run"_s)), R"({"prompt":"no input wrapper"})").status, 400);
        QCOMPARE(send("GET", url(*simulator, path(u"status/nosuchjob"_s))).status, 404);
        QCOMPARE(send("GET", url(*simulator, u"/v2/nosuchendpoint/health"_s)).status, 404);
        QVERIFY(!health.header("RateLimit-Remaining").isEmpty());
    }

    void evolvesWithInjectedTime()
    {
        auto simulator = started(options());
        const QJsonObject before = myself(*simulator);
        const QJsonArray typesBefore = graphql(*simulator, kGpuTypesQuery).json().value(u"data"_s).toObject().value(u"gpuTypes"_s).toArray();
        m_now += 60'000;
        const QJsonObject after = myself(*simulator);
        bool utilMoved = false;
        for (const QJsonValue &value : before.value(u"pods"_s).toArray()) {
            const QJsonObject was = value.toObject();
            const QJsonObject now = podById(after, was.value(u"id"_s).toString());
            if (!was.value(u"runtime"_s).isObject() || !now.value(u"runtime"_s).isObject())
                continue;
            const QJsonObject wasRuntime = was.value(u"runtime"_s).toObject();
            const QJsonObject nowRuntime = now.value(u"runtime"_s).toObject();
            if (wasRuntime.value(u"gpus"_s) != nowRuntime.value(u"gpus"_s))
                utilMoved = true;
            if (wasRuntime.value(u"uptimeInSeconds"_s).toInteger() > 60)   // not restarted by an event meanwhile
                QCOMPARE(nowRuntime.value(u"uptimeInSeconds"_s).toInteger(), wasRuntime.value(u"uptimeInSeconds"_s).toInteger() + 60);
        }
        QVERIFY(utilMoved);

        // Queues fill and drain over twenty-minute swells.
        const QString endpointId = simulator->world().endpoints().constFirst().id;
        QSet<int> queueDepths;
        for (int i = 0; i < 40; ++i) {
            m_now += 30'000;
            queueDepths << send("GET", url(*simulator, u"/v2/%1/health"_s.arg(endpointId))).json()
                               .value(u"jobs"_s).toObject().value(u"inQueue"_s).toInt();
        }
        QVERIFY(queueDepths.size() > 1);

        m_now += 2 * 3'600'000;
        const QJsonArray typesAfter = graphql(*simulator, kGpuTypesQuery).json().value(u"data"_s).toObject().value(u"gpuTypes"_s).toArray();
        QVERIFY2(typesBefore != typesAfter, "some price or stock moved in two hours");
    }

    void balanceFallsBySpendTimesTime()
    {
        SimulatorOptions calm = options();
        calm.world.randomEvents = false;   // no pod stops or resumes meanwhile, so the rate holds
        auto simulator = started(calm);
        const QJsonObject before = myself(*simulator);
        const double spend = before.value(u"currentSpendPerHr"_s).toDouble();
        QVERIFY(spend > 0);
        m_now += 90'000;
        const QJsonObject after = myself(*simulator);
        QCOMPARE(after.value(u"currentSpendPerHr"_s).toDouble(), spend);
        const double expected = before.value(u"clientBalance"_s).toDouble() - spend * 90.0 / 3600.0;
        QVERIFY2(qAbs(after.value(u"clientBalance"_s).toDouble() - expected) < 1e-9,
                 qPrintable(u"balance %1, expected %2"_s.arg(after.value(u"clientBalance"_s).toDouble(), 0, 'f', 9).arg(expected, 0, 'f', 9)));
    }

    void sameSeedSameAnswers()
    {
        auto first = started(options(42));
        auto second = started(options(42));
        auto other = started(options(43));
        const QByteArray a = graphql(*first, kMyselfQuery).body;
        QCOMPARE(graphql(*second, kMyselfQuery).body, a);
        QVERIFY(graphql(*other, kMyselfQuery).body != a);
        m_now += 5 * 60'000;
        QCOMPARE(graphql(*first, kMyselfQuery).body, graphql(*second, kMyselfQuery).body);
        QCOMPARE(send("GET", url(*first, u"/v2/pods"_s)).body, send("GET", url(*second, u"/v2/pods"_s)).body);
    }

    void faultSpec_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty") << QString() << true;
        QTest::newRow("full") << u"429:0.1,5xx:0.05,malformed:0.02,truncated:0.01,drop:0.01,retry-after=2"_s << true;
        QTest::newRow("unknown kind") << u"boom:0.1"_s << false;
        QTest::newRow("chance above one") << u"429:1.5"_s << false;
        QTest::newRow("no chance") << u"429"_s << false;
        QTest::newRow("bad retry-after") << u"retry-after=soon"_s << false;
    }

    void faultSpec()
    {
        QFETCH(QString, spec);
        QFETCH(bool, valid);
        const Result<FaultPlan> plan = parseFaultSpec(spec);
        QCOMPARE(plan.has_value(), valid);
        if (!valid)
            QCOMPARE(plan.error().kind, ErrorClass::Config);
        if (spec.startsWith(QLatin1String("429:0.1"))) {
            QCOMPARE(plan->rateLimited, 0.1);
            QCOMPARE(plan->serverError, 0.05);
            QCOMPARE(plan->retryAfterSeconds, 2);
        }
    }

    void faultRateLimitedEveryTime()
    {
        SimulatorOptions faulty = options();
        faulty.faults = *parseFaultSpec(u"429:1,retry-after=3"_s);
        auto simulator = started(faulty);
        for (int i = 0; i < 3; ++i) {
            const Reply rest = send("GET", url(*simulator, u"/v2/pods"_s));
            QCOMPARE(rest.status, 429);
            QCOMPARE(rest.header("Retry-After"), QByteArray("3"));
            QCOMPARE(rest.json().value(u"status"_s).toInt(), 429);
            const Reply gql = graphql(*simulator, kMyselfQuery);
            QCOMPARE(gql.status, 429);
            QCOMPARE(gql.header("Retry-After"), QByteArray("3"));
        }
    }

    void faultDropClosesTheConnection()
    {
        SimulatorOptions faulty = options();
        faulty.faults = *parseFaultSpec(u"drop:1"_s);
        auto simulator = started(faulty);
        const Reply reply = send("GET", url(*simulator, u"/v2/pods"_s));
        QCOMPARE(reply.status, 0);
        QVERIFY(reply.error != QNetworkReply::NoError);
        QVERIFY(reply.error != QNetworkReply::TimeoutError);
    }

    void faultMalformedTruncatesJson()
    {
        SimulatorOptions faulty = options();
        faulty.faults = *parseFaultSpec(u"malformed:1"_s);
        auto simulator = started(faulty);
        const Reply reply = graphql(*simulator, kMyselfQuery);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.startsWith("{\"data\""));
        QJsonParseError error;
        QJsonDocument::fromJson(reply.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
    }

    void faultTruncatedBodyFailsTheTransfer()
    {
        SimulatorOptions faulty = options();
        faulty.faults = *parseFaultSpec(u"truncated:1"_s);
        auto simulator = started(faulty);
        const Reply reply = send("GET", url(*simulator, u"/v2/pods"_s));
        QVERIFY(reply.error != QNetworkReply::NoError);
        QVERIFY(reply.error != QNetworkReply::TimeoutError);
    }

    void faultsRepeatWithTheSeed()
    {
        QList<int> statuses[2];
        for (QList<int> &run : statuses) {
            SimulatorOptions faulty = options(99);
            faulty.faults = *parseFaultSpec(u"429:0.3,5xx:0.3"_s);
            auto simulator = started(faulty);
            for (int i = 0; i < 20; ++i)
                run << send("GET", url(*simulator, u"/v2/pods"_s)).status;
        }
        QCOMPARE(statuses[0], statuses[1]);
        QVERIFY(statuses[0].contains(200));
        QVERIFY(statuses[0].contains(429));
    }

    void keepAliveAndLatency()
    {
        SimulatorOptions slow = options();
        slow.latencyMs = 100;
        auto simulator = started(slow);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, simulator->port());
        QVERIFY(socket.waitForConnected(2'000));
        const QByteArray request = "GET /v2/pods HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer demo\r\n\r\n";
        QElapsedTimer timer;
        timer.start();
        socket.write(request + request);   // pipelined on one connection
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).count("HTTP/1.1 200 OK") == 2, 5'000);
        QVERIFY(timer.elapsed() >= 200);   // answered in order, one latency each
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(simulator->server().requestCount(), qint64(2));
    }

    void runsOnItsOwnThread()
    {
        SimulatorThread thread(options(5));
        const Result<quint16> port = thread.start();
        QVERIFY(port.has_value());
        QVERIFY(*port > 0);
        const Reply reply = send("GET", QUrl(u"http://127.0.0.1:%1/v2/pods"_s.arg(*port)));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"pods"_s).toArray().size(), 12);
    }

    void simulateCommandServesUntilSigterm()
    {
        QTemporaryDir dir;
        QProcess process;
        process.start(QStringLiteral(FLEETSCOPE_BINARY), {u"--data-dir"_s, dir.path(), u"simulate"_s, u"--port"_s, u"0"_s, u"--seed"_s, u"3"_s});
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("RUNPOD_API_KEY=demo"), 10'000);
        const QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        const QRegularExpressionMatch listening =
            QRegularExpression(u"^simulator listening on http://127\\.0\\.0\\.1:(\\d+) \\(graphql /graphql, rest /v2, serverless /v2/\\{endpoint\\}\\)$"_s)
                .match(lines.first());
        QVERIFY2(listening.hasMatch(), qPrintable(lines.first()));
        const QString base = u"http://127.0.0.1:"_s + listening.captured(1);
        QCOMPARE(lines.at(1), u"RUNPOD_GRAPHQL_URL="_s + base + u"/graphql"_s);
        QCOMPARE(lines.at(2), u"RUNPOD_REST_URL="_s + base + u"/v2"_s);
        QCOMPARE(lines.at(3), u"RUNPOD_SERVERLESS_URL="_s + base + u"/v2"_s);

        const Reply reply = send("GET", QUrl(base + u"/v2/pods"_s));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"pods"_s).toArray().size(), 12);

        process.terminate();   // SIGTERM
        QVERIFY(process.waitForFinished(5'000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    void simulateCommandRefusesBadArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no port") << QStringList{};
        QTest::newRow("port not a number") << QStringList{u"--port"_s, u"x"_s};
        QTest::newRow("port too big") << QStringList{u"--port"_s, u"70000"_s};
        QTest::newRow("bad faults") << QStringList{u"--port"_s, u"0"_s, u"--faults"_s, u"boom:1"_s};
        QTest::newRow("negative pods") << QStringList{u"--port"_s, u"0"_s, u"--pods"_s, u"-1"_s};
        QTest::newRow("stray argument") << QStringList{u"--port"_s, u"0"_s, u"extra"_s};
        QTest::newRow("unknown option") << QStringList{u"--port"_s, u"0"_s, u"--colour"_s};
    }

    void simulateCommandRefusesBadArguments()
    {
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        QProcess process;
        process.start(QStringLiteral(FLEETSCOPE_BINARY), QStringList{u"--data-dir"_s, dir.path(), u"simulate"_s} + args);
        QVERIFY(process.waitForFinished(10'000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("Usage: fleetscope simulate"));
    }

    void simulateCommandPortInUse()
    {
        QTcpServer occupied;
        QVERIFY(occupied.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        QProcess process;
        process.start(QStringLiteral(FLEETSCOPE_BINARY),
                      {u"--data-dir"_s, dir.path(), u"simulate"_s, u"--port"_s, QString::number(occupied.serverPort())});
        QVERIFY(process.waitForFinished(10'000));
        QCOMPARE(process.exitCode(), 1);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(err.contains(QLatin1String("cannot listen")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "test_simulator.moc"
