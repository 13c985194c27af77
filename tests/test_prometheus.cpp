// The Prometheus connection against a loopback server speaking the real HTTP API: instant and
// split range queries, string values (NaN, +-Inf), error answers and their classes, auth, buildinfo.
#include "http/localhttp.h"
#include "engine/collectors.h"
#include "providers/connectiontest.h"
#include "providers/monitoring/promapi.h"
#include "providers/monitoring/prometheus.h"
#include "simulator/loopbackserver.h"
#include "testclock.h"
#include "teststore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fleetscope;
using namespace fleetscope::prometheus;

namespace {

constexpr qint64 kNowMs = TestClock::kDefaultStartMs;   // 2024-05-01T12:00:00Z

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject success(const QString &type, const QJsonArray &result)
{
    return {{QStringLiteral("status"), QStringLiteral("success")},
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("resultType"), type}, {QStringLiteral("result"), result}}}};
}

// Labels as Prometheus returns them after "avg by (...)" over a dcgm-exporter scrape.
QJsonObject gpuLabels(const QString &gpu, const QString &uuid)
{
    return {{QStringLiteral("gpu"), gpu}, {QStringLiteral("UUID"), uuid}, {QStringLiteral("modelName"), QStringLiteral("NVIDIA H100 80GB HBM3")},
            {QStringLiteral("hostname"), QStringLiteral("node-a")}, {QStringLiteral("exported_pod"), QStringLiteral("trainer-0")},
            {QStringLiteral("exported_namespace"), QStringLiteral("ml")}};
}

} // namespace

class TestPrometheus : public QObject
{
    Q_OBJECT

private:
    QList<LoopbackRequest> m_requests;
    std::function<LoopbackResponse(const LoopbackRequest &)> m_answer;
    LoopbackServer m_server{[this](const LoopbackRequest &request) {
        m_requests << request;
        return m_answer(request);
    }};
    TestClock m_clock;

    QJsonObject settings(const QJsonObject &extra = {}) const
    {
        QJsonObject object{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/prom/").arg(m_server.port())}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            object.insert(it.key(), it.value());
        return object;
    }
    void answerAll(int status, QByteArray contentType, QByteArray body)
    {
        m_answer = [=](const LoopbackRequest &) { return LoopbackResponse::withBody(status, contentType, body); };
    }
    Result<Cycle> cycle(const QJsonObject &json, bool backfill, const Secret &secret = Secret())
    {
        m_requests.clear();
        Result<Settings> parsed = Settings::fromJson(json);
        if (!parsed)
            return std::unexpected(parsed.error());
        return runWithLocalHttp<Cycle>([&](HttpClient &http, QObject *context, std::function<void(Result<Cycle>)> done) {
            http.setRetryPolicy(RetryPolicy{1, 1, 0, 1000});
            runCycle(http, m_clock, *parsed, 3, secret, backfill, context, std::move(done));
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
    }

    void splitRange_data()
    {
        QTest::addColumn<qint64>("spanS");
        QTest::addColumn<qint64>("stepS");
        QTest::addColumn<int>("windows");
        QTest::addRow("7 days at 15 s: 40321 points") << qint64(7 * 86'400) << qint64(15) << 4;
        QTest::addRow("7 days at 12 s: 50401 points") << qint64(7 * 86'400) << qint64(12) << 5;
        QTest::addRow("11000 points exactly") << qint64(10'999) << qint64(1) << 1;
        QTest::addRow("11001 points") << qint64(11'000) << qint64(1) << 2;
        QTest::addRow("24 h at 60 s") << qint64(86'400) << qint64(60) << 1;
        QTest::addRow("90 days at 1 s") << qint64(90 * 86'400) << qint64(1) << 707;
        QTest::addRow("one point") << qint64(0) << qint64(15) << 1;
    }

    void splitRange()
    {
        QFETCH(qint64, spanS);
        QFETCH(qint64, stepS);
        QFETCH(int, windows);
        const qint64 start = kNowMs - spanS * 1000, stepMs = stepS * 1000;
        const QList<RangeWindow> split = prometheus::splitRange(start, kNowMs, stepMs);
        QCOMPARE(int(split.size()), windows);
        qint64 points = 0;
        for (qsizetype i = 0; i < split.size(); ++i) {
            const qint64 n = (split[i].endMs - split[i].startMs) / stepMs + 1;
            QVERIFY(n <= kMaxPointsPerSeries);
            points += n;
            if (i > 0)
                QCOMPARE(split[i].startMs, split[i - 1].endMs + stepMs);   // no overlap, no gap
        }
        QCOMPARE(split.first().startMs, start);
        QCOMPARE(split.last().endMs, kNowMs);
        QCOMPARE(points, spanS / stepS + 1);
    }

    void values_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QList<double>>("values");
        QTest::addRow("vector with strings") << QByteArray(R"({"resultType":"vector","result":[{"metric":{"a":"1"},"value":[1714564800.5,"42.25"]},
            {"metric":{"a":"2"},"value":[1714564800.5,"NaN"]},{"metric":{"a":"3"},"value":[1714564800.5,"+Inf"]},
            {"metric":{"a":"4"},"value":[1714564800.5,"-Inf"]},{"metric":{"a":"5"},"value":[1714564800.5,"1e3"]}]})")
                                             << QList<double>{42.25, 1000};
        QTest::addRow("matrix") << QByteArray(R"({"resultType":"matrix","result":[{"metric":{},"values":[[1714564800,"1"],[1714564815,"NaN"],[1714564830,"3"]]}]})")
                                << QList<double>{1, 3};
        QTest::addRow("scalar") << QByteArray(R"({"resultType":"scalar","result":[1714564800,"7"]})") << QList<double>{7};
        QTest::addRow("empty vector") << QByteArray(R"({"resultType":"vector","result":[]})") << QList<double>{};
    }

    void values()
    {
        QFETCH(QByteArray, data);
        QFETCH(QList<double>, values);
        const Result<QList<ResultSeries>> series = resultSeries(QJsonDocument::fromJson(data).object(), QStringLiteral("q"));
        QVERIFY2(series, qPrintable(series ? QString() : series.error().message));
        QList<double> found;
        for (const ResultSeries &s : *series) {
            for (const Sample &sample : s.samples) {
                QCOMPARE(sample.tsMs % 1000 == 0 || sample.tsMs == 1714564800500, true);
                found << sample.value;
            }
        }
        QCOMPARE(found, values);
    }

    void badValues_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("message");
        QTest::addRow("string result") << QByteArray(R"({"resultType":"string","result":[1,"x"]})") << QStringLiteral("q: result type 'string' holds no numbers");
        QTest::addRow("not a number") << QByteArray(R"({"resultType":"vector","result":[{"metric":{},"value":[1,"high"]}]})")
                                      << QStringLiteral("q: value 'high' is not a number");
        QTest::addRow("no pair") << QByteArray(R"({"resultType":"vector","result":[{"metric":{},"value":"5"}]})")
                                 << QStringLiteral("q: a sample is not a [timestamp, value] pair");
    }

    void badValues()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        const Result<QList<ResultSeries>> series = resultSeries(QJsonDocument::fromJson(data).object(), QStringLiteral("q"));
        QVERIFY(!series);
        QCOMPARE(series.error().kind, ErrorClass::BadData);
        QCOMPARE(series.error().message, message);
    }

    void instantDcgmCycle()
    {
        m_answer = [](const LoopbackRequest &request) {
            const QString promql = request.query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded);
            QJsonArray result;
            auto add = [&result](const QJsonObject &labels, const QString &value) {
                result.append(QJsonObject{{QStringLiteral("metric"), labels}, {QStringLiteral("value"), QJsonArray{1714564800.0, value}}});
            };
            if (promql.contains(QLatin1String("DCGM_FI_DEV_POWER_USAGE"))) {
                add(gpuLabels(QStringLiteral("0"), QStringLiteral("GPU-0")), QStringLiteral("312.5"));
                add(gpuLabels(QStringLiteral("1"), QStringLiteral("GPU-1")), QStringLiteral("NaN"));
            } else if (promql.contains(QLatin1String("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION"))) {
                add(gpuLabels(QStringLiteral("0"), QStringLiteral("GPU-0")), QStringLiteral("123456789"));
            } else if (promql.contains(QLatin1String("DCGM_FI_DEV_SM_CLOCK"))) {
                add(gpuLabels(QStringLiteral("0"), QStringLiteral("GPU-0")), QStringLiteral("9223372036854775794"));   // DCGM blank
            } else if (promql.contains(QLatin1String("DCGM_FI_DEV_GPU_UTIL"))) {
                add(gpuLabels(QStringLiteral("0"), QStringLiteral("GPU-0")), QStringLiteral("87"));
                add(gpuLabels(QStringLiteral("1"), QStringLiteral("GPU-1")), QStringLiteral("+Inf"));
            }
            return LoopbackResponse::withBody(200, "application/json", json(success(QStringLiteral("vector"), result)));
        };
        const Result<Cycle> result = cycle(settings(), false);
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result->requests, 8);
        QCOMPARE(int(m_requests.size()), 8);
        for (const LoopbackRequest &request : std::as_const(m_requests)) {
            QCOMPARE(request.path, QStringLiteral("/prom/api/v1/query"));
            QCOMPARE(request.query.queryItemValue(QStringLiteral("time")), QStringLiteral("1714564800.000"));
            QVERIFY(request.header("Authorization").isEmpty());
        }
        QVERIFY(m_requests.first().query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded)
                    .startsWith(QLatin1String("avg by (gpu, UUID, modelName, Hostname, hostname")));

        QMap<QString, double> stored;
        for (const SeriesSamples &s : result->batch.series) {
            QCOMPARE(s.key.connectionId, qint64(3));
            QCOMPARE(s.key.labelsJson, QStringLiteral(R"({"Hostname":"node-a","UUID":"GPU-0","gpu":"0","modelName":"NVIDIA H100 80GB HBM3","namespace":"ml","pod":"trainer-0"})"));
            QCOMPARE(s.samples.size(), 1);
            QCOMPARE(s.samples.first().tsMs, kNowMs);
            stored.insert(s.key.metric, s.samples.first().value);
        }
        // NaN and +Inf for GPU-1 are missing (no series), not 0; the blank SM clock is missing too.
        QCOMPARE(stored, (QMap<QString, double>{{QStringLiteral("gpu_util_percent"), 87}, {QStringLiteral("power_w"), 312.5},
                                                {QStringLiteral("energy_j"), 123456.789}}));
    }

    void backfillIsSplit()
    {
        m_answer = [](const LoopbackRequest &request) {
            const qint64 start = qint64(request.query.queryItemValue(QStringLiteral("start")).toDouble());
            const qint64 end = qint64(request.query.queryItemValue(QStringLiteral("end")).toDouble());
            const qint64 step = request.query.queryItemValue(QStringLiteral("step")).toLongLong();
            if ((end - start) / step + 1 > 11'000)
                return LoopbackResponse::withBody(400, "application/json", R"({"status":"error","errorType":"bad_data","error":"exceeded maximum resolution of 11,000 points per timeseries"})");
            QJsonArray values{QJsonArray{double(start), QStringLiteral("1")}, QJsonArray{double(end), QStringLiteral("2")}};
            return LoopbackResponse::withBody(200, "application/json", json(success(QStringLiteral("matrix"),
                QJsonArray{QJsonObject{{QStringLiteral("metric"), QJsonObject{{QStringLiteral("__name__"), QStringLiteral("up")}, {QStringLiteral("job"), QStringLiteral("dcgm")}}},
                                       {QStringLiteral("values"), values}}})));
        };
        const QJsonObject custom{{QStringLiteral("queries"), QStringLiteral("custom")},
                                 {QStringLiteral("custom_queries"), QStringLiteral("scrape_up = up + 0")},
                                 {QStringLiteral("lookback_hours"), 7 * 24}, {QStringLiteral("step_seconds"), 15}};
        const Result<Cycle> result = cycle(settings(custom), true);
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result->requests, 4);
        QCOMPARE(m_requests.first().path, QStringLiteral("/prom/api/v1/query_range"));
        QCOMPARE(m_requests.first().query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded), QStringLiteral("up + 0"));
        QCOMPARE(m_requests.first().query.queryItemValue(QStringLiteral("start")), QStringLiteral("1713960000.000"));
        QCOMPARE(m_requests.last().query.queryItemValue(QStringLiteral("end")), QStringLiteral("1714564800.000"));
        QCOMPARE(result->batch.series.size(), 4);
        QCOMPARE(result->batch.series.first().key.metric, QStringLiteral("scrape_up"));
        QCOMPARE(result->batch.series.first().key.labelsJson, QStringLiteral(R"({"job":"dcgm"})"));
    }

    void errorAnswers_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("400 bad_data") << 400 << QByteArray("application/json")
                                      << QByteArray(R"({"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected identifier by"})")
                                      << int(ErrorClass::Config) << QStringLiteral("HTTP 400 (request rejected): bad_data: 1:5: parse error: unexpected identifier by");
        QTest::addRow("422 execution") << 422 << QByteArray("application/json")
                                       << QByteArray(R"({"status":"error","errorType":"execution","error":"expanding series: too many samples"})")
                                       << int(ErrorClass::BadData) << QStringLiteral("execution: expanding series: too many samples");
        QTest::addRow("503 starting") << 503 << QByteArray("text/plain; charset=utf-8") << QByteArray("Service Unavailable")
                                      << int(ErrorClass::Unavailable) << QStringLiteral("HTTP 503 (server error) after 4 attempts");
        QTest::addRow("503 timeout") << 503 << QByteArray("application/json")
                                     << QByteArray(R"({"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"})")
                                     << int(ErrorClass::Unavailable) << QStringLiteral("timeout: query timed out");
        QTest::addRow("401") << 401 << QByteArray("text/plain") << QByteArray("Unauthorized") << int(ErrorClass::Auth) << QStringLiteral("HTTP 401 (credential rejected)");
        QTest::addRow("200 status error") << 200 << QByteArray("application/json")
                                          << QByteArray(R"({"status":"error","errorType":"bad_data","error":"invalid parameter query: empty"})")
                                          << int(ErrorClass::Config) << QStringLiteral("prometheus query gpu_util_percent: bad_data: invalid parameter");
        QTest::addRow("malformed") << 200 << QByteArray("application/json") << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"vec")   // cut short
                                   << int(ErrorClass::BadData) << QStringLiteral("prometheus query gpu_util_percent: answer is not JSON");
    }

    void errorAnswers()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        answerAll(status, contentType, body);
        const Result<Cycle> result = cycle(settings(), false);
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), kind);
        QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
    }

    void authHeaders()
    {
        answerAll(200, "application/json", json(success(QStringLiteral("vector"), {})));
        QVERIFY(cycle(settings({{QStringLiteral("auth"), QStringLiteral("bearer")}}), false, Secret::fromUtf8("tok")));
        QCOMPARE(m_requests.first().header("Authorization"), QByteArray("Bearer tok"));
        QVERIFY(cycle(settings({{QStringLiteral("auth"), QStringLiteral("basic")}, {QStringLiteral("username"), QStringLiteral("grafana")}}), false,
                      Secret::fromUtf8("pa:ss")));
        QCOMPARE(m_requests.first().header("Authorization"), "Basic " + QByteArray("grafana:pa:ss").toBase64());
        const Result<Cycle> noUser = cycle(settings({{QStringLiteral("auth"), QStringLiteral("basic")}}), false);
        QVERIFY(!noUser);
        QCOMPARE(noUser.error().message, QStringLiteral("username: required with auth=basic"));
    }

    void settingsAreChecked_data()
    {
        QTest::addColumn<QJsonObject>("extra");
        QTest::addColumn<QString>("message");
        QTest::addRow("custom without list") << QJsonObject{{QStringLiteral("queries"), QStringLiteral("custom")}}
                                             << QStringLiteral("custom_queries: give name=PromQL entries separated by ';'");
        QTest::addRow("custom without name") << QJsonObject{{QStringLiteral("queries"), QStringLiteral("custom")}, {QStringLiteral("custom_queries"), QStringLiteral("rate(x[5m])")}}
                                             << QStringLiteral("custom_queries: expected name=PromQL, got 'rate(x[5m])'");
        QTest::addRow("label matcher is no name") << QJsonObject{{QStringLiteral("queries"), QStringLiteral("custom")}, {QStringLiteral("custom_queries"), QStringLiteral("up{job=\"x\"}")}}
                                                  << QStringLiteral("custom_queries: expected name=PromQL, got 'up{job=\"x\"}'");
        QTest::addRow("step") << QJsonObject{{QStringLiteral("step_seconds"), 0}} << QStringLiteral("step_seconds: expected a whole number between 1 and 3600");
    }

    void settingsAreChecked()
    {
        QFETCH(QJsonObject, extra);
        QFETCH(QString, message);
        const Result<Settings> parsed = Settings::fromJson(settings(extra));
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().message, message);
        QCOMPARE(schedulerCadenceSeconds(QStringLiteral("prometheus"), settings(), 300), 60);
    }

    void collectorBackfillsOnceThenQueries()
    {
        answerAll(200, "application/json", json(success(QStringLiteral("matrix"), {})));
        ConnectionRecord connection = test::connection(QStringLiteral("prom"));
        connection.id = 3;
        connection.settings = settings({{QStringLiteral("lookback_hours"), 1}});
        Result<std::unique_ptr<Collector>> collector = builtinCollectors()(connection);
        QVERIFY(collector);
        auto collect = [&]() {
            m_requests.clear();
            return runWithLocalHttp<WriteBatch>([&](HttpClient &http, QObject *context, std::function<void(Result<WriteBatch>)> done) {
                (*collector)->collect(*new CollectContext(connection, http, m_clock, context), std::move(done));
            });
        };
        Result<WriteBatch> first = collect();
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QCOMPARE(first->source, QStringLiteral("prom backfill"));
        QCOMPARE(m_requests.first().path, QStringLiteral("/prom/api/v1/query_range"));
        answerAll(200, "application/json", json(success(QStringLiteral("vector"), {})));
        Result<WriteBatch> second = collect();
        QVERIFY(second);
        QCOMPARE(second->source, QStringLiteral("prom queries"));
        QCOMPARE(m_requests.first().path, QStringLiteral("/prom/api/v1/query"));
    }

    void connectionTestReadsBuildinfo()
    {
        answerAll(200, "application/json",
                  R"({"status":"success","data":{"version":"2.42.0","revision":"225c61122d88b01d1f0eaaee0e05b6f3e0567ac0","branch":"non-git","buildUser":"team@debian","buildDate":"20230315","goVersion":"go1.19.8"}})");
        ConnectionRecord connection = test::connection(QStringLiteral("prom"));
        connection.settings = settings();
        const Result<QString> tested = runWithLocalHttp<QString>([&](HttpClient &http, QObject *context, std::function<void(Result<QString>)> done) {
            testConnection(http, connection, Secret(), context, std::move(done));
        });
        QVERIFY2(tested, qPrintable(tested ? QString() : tested.error().message));
        QCOMPARE(*tested, QStringLiteral("Prometheus 2.42.0"));
        QCOMPARE(m_requests.last().path, QStringLiteral("/prom/api/v1/status/buildinfo"));
    }
};

QTEST_GUILESS_MAIN(TestPrometheus)
#include "test_prometheus.moc"
