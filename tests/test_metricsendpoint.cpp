// The metrics-endpoint connection against a loopback /metrics server serving real exporter output:
// negotiation, DCGM normalisation into canonical series, auth, failures, and what reaches the store.
#include "http/localhttp.h"
#include "engine/collectors.h"
#include "fixtures.h"
#include "providers/connectiontest.h"
#include "providers/monitoring/metricsendpoint.h"
#include "simulator/loopbackserver.h"
#include "store/store.h"
#include "teststore.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

QByteArray fixture(const QString &name)
{
    return test::fixtureBytes(QStringLiteral("dcgm/") + name);
}

constexpr QByteArrayView kText004 = "text/plain; version=0.0.4; charset=utf-8";
constexpr QByteArrayView kOpenMetrics = "application/openmetrics-text; version=1.0.0; charset=utf-8";

Result<metricsendpoint::Scrape> scrape(const QJsonObject &json, const Secret &secret = Secret())
{
    Result<metricsendpoint::Settings> settings = metricsendpoint::Settings::fromJson(json);
    if (!settings)
        return std::unexpected(settings.error());
    return runWithLocalHttp<metricsendpoint::Scrape>(
        [&](HttpClient &http, QObject *context, std::function<void(Result<metricsendpoint::Scrape>)> done) {
            http.setRetryPolicy(RetryPolicy{1, 1, 0, 1000});
            metricsendpoint::scrapeOnce(http, http.clock(), *settings, 7, secret, context, std::move(done));
        });
}

} // namespace

class TestMetricsEndpoint : public QObject
{
    Q_OBJECT

private:
    LoopbackResponse m_next;
    LoopbackRequest m_last;
    LoopbackServer m_server{[this](const LoopbackRequest &request) {
        m_last = request;
        return m_next;
    }};
    QTemporaryDir m_dir;

    QJsonObject settings(const QString &path = QStringLiteral("/metrics")) const
    {
        return {{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.port()).arg(path)}};
    }
    void serve(QByteArrayView contentType, const QByteArray &body, int status = 200)
    {
        m_next = LoopbackResponse::withBody(status, contentType.toByteArray(), body);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
    }

    void realExporterOutput_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("series");
        QTest::addColumn<QString>("described");
        QTest::addRow("dcgm-exporter T4 and A10G (DataDog)") << QStringLiteral("datadog-dcgm-metrics.txt") << kText004.toByteArray() << 8
                                                             << QStringLiteral("dcgm-exporter: 3 GPUs on 3 hosts");
        QTest::addRow("dcgm with MIG (netdata)") << QStringLiteral("netdata-dcgm-metrics_valid.prom") << kText004.toByteArray() << 4
                                                 << QStringLiteral("dcgm-exporter: 2 GPUs on 1 host");
        QTest::addRow("pod-mapped util") << QStringLiteral("datadog-dcgm-label_remap.txt") << kText004.toByteArray() << 1
                                         << QStringLiteral("dcgm-exporter: 1 GPU on 1 host");
        QTest::addRow("node_exporter") << QStringLiteral("node_exporter-e2e-output-linux.prom") << kText004.toByteArray() << 0
                                       << QStringLiteral("metrics endpoint: %1 samples, no DCGM GPU readings");
        QTest::addRow("vLLM") << QStringLiteral("vllm-0.25.1-metrics-loaded.prom") << kText004.toByteArray() << 0
                              << QStringLiteral("metrics endpoint: %1 samples, no DCGM GPU readings");
        QTest::addRow("OpenMetrics negotiated") << QStringLiteral("prometheus-alltypes.5mfs.om.txt") << kOpenMetrics.toByteArray() << 0
                                                << QStringLiteral("metrics endpoint: %1 samples, no DCGM GPU readings");
    }

    void realExporterOutput()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, contentType);
        QFETCH(int, series);
        QFETCH(QString, described);
        serve(contentType, fixture(file));
        Result<metricsendpoint::Scrape> result = scrape(settings());
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QVERIFY(m_last.header("Accept").startsWith("application/openmetrics-text"));
        QVERIFY(m_last.header("Authorization").isEmpty());
        QCOMPARE(int(result->batch.series.size()), series);
        QVERIFY(result->samples > 0);
        QCOMPARE(result->describe(), described.contains(QLatin1String("%1")) ? described.arg(result->samples) : described);
        for (const SeriesSamples &s : std::as_const(result->batch.series)) {
            QCOMPARE(s.key.connectionId, qint64(7));
            QCOMPARE(s.samples.size(), 1);
            QVERIFY(std::isfinite(s.samples.first().value));
        }
    }

    void canonicalSeries()
    {
        serve(kText004, fixture(QStringLiteral("datadog-dcgm-metrics.txt")));
        Result<metricsendpoint::Scrape> result = scrape(settings());
        QVERIFY(result);
        QStringList metrics;
        for (const SeriesSamples &s : std::as_const(result->batch.series))
            metrics << s.key.metric;
        QCOMPARE(metrics, (QStringList{QStringLiteral("gpu_util_percent"), QStringLiteral("memory_used_mib"), QStringLiteral("memory_free_mib"),
                                       QStringLiteral("power_w"), QStringLiteral("temperature_c"), QStringLiteral("energy_j"),
                                       QStringLiteral("sm_clock_mhz"), QStringLiteral("xid_errors")}));
        const SeriesSamples &energy = result->batch.series.at(5);
        QCOMPARE(energy.key.labelsJson, QStringLiteral(R"({"Hostname":"424773df46e0","UUID":"GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e",)"
                                                       R"("gpu":"0","modelName":"Tesla T4"})"));
        QCOMPARE(energy.samples.first().value, 128996.013);   // mJ to J

        serve(kText004, fixture(QStringLiteral("datadog-dcgm-label_remap.txt")));
        result = scrape(settings());
        QVERIFY(result);
        QCOMPARE(result->batch.series.first().key.labelsJson,
                 QStringLiteral(R"({"Hostname":"424773df46e0","UUID":"GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e",)"
                                R"("gpu":"0","modelName":"Tesla T4","namespace":"foo","pod":"bar"})"));
    }

    void bearerToken()
    {
        serve(kText004, fixture(QStringLiteral("datadog-dcgm-label_remap.txt")));
        QJsonObject json = settings();
        json.insert(QStringLiteral("auth"), QStringLiteral("bearer"));
        QVERIFY(scrape(json, Secret::fromUtf8("tok-123")));
        QCOMPARE(m_last.header("Authorization"), QByteArray("Bearer tok-123"));
    }

    void failures_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("errorClass");
        QTest::addColumn<QString>("message");
        QTest::addRow("401") << 401 << QByteArray("Unauthorized\n") << int(ErrorClass::Auth) << QStringLiteral("answered HTTP 401");
        QTest::addRow("503") << 503 << QByteArray("Service Unavailable\n") << int(ErrorClass::Unavailable) << QStringLiteral("answered HTTP 503");
        QTest::addRow("malformed") << 200 << QByteArray("# TYPE DCGM_FI_DEV_GPU_UTIL gauge\nDCGM_FI_DEV_GPU_UTIL{gpu=\"0\"} 5\nDCGM_FI_DEV_GPU_UTIL{gpu=\"1} 7\n")
                                   << int(ErrorClass::BadData) << QStringLiteral("/metrics:3: unterminated label value");
        QTest::addRow("not a number") << 200 << QByteArray("DCGM_FI_DEV_GPU_UTIL{gpu=\"0\"} high\n") << int(ErrorClass::BadData) << QStringLiteral("/metrics:1: ");
    }

    void failures()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, errorClass);
        QFETCH(QString, message);
        serve(kText004, body, status);
        const Result<metricsendpoint::Scrape> result = scrape(settings());
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), errorClass);
        QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
        QVERIFY2(result.error().message.contains(QStringLiteral("127.0.0.1:%1/metrics").arg(m_server.port())), qPrintable(result.error().message));
    }

    void settingsAreChecked_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("message");
        QTest::addRow("no url") << QJsonObject() << QStringLiteral("url: required");
        QTest::addRow("ftp") << QJsonObject{{QStringLiteral("url"), QStringLiteral("ftp://x/metrics")}} << QStringLiteral("url: not an http(s) URL");
        QTest::addRow("basic") << QJsonObject{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1/metrics")}, {QStringLiteral("auth"), QStringLiteral("basic")}}
                               << QStringLiteral("auth: expected one of none, bearer");
        QTest::addRow("interval") << QJsonObject{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1/metrics")}, {QStringLiteral("scrape_interval_seconds"), 1}}
                                  << QStringLiteral("scrape_interval_seconds: expected a whole number between 5 and 3600");
    }

    void settingsAreChecked()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, message);
        const Result<metricsendpoint::Settings> parsed = metricsendpoint::Settings::fromJson(json);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().message, message);
        QCOMPARE(schedulerCadenceSeconds(QStringLiteral("metrics-endpoint"), settings(), 300), 30);
    }

    // Through the collector factory and a cycle context, into a store: an empty scrape adds and removes nothing.
    void collectorStoresAndEmptyScrapeKeepsData()
    {
        Result<std::unique_ptr<Store>> store = openStore(StoreLocation{m_dir.filePath(QStringLiteral("s.sqlite"))}, StoreAccess::ReadWrite);
        QVERIFY(store);
        QVERIFY((*store)->write(test::connectionBatch(QStringLiteral("gpus"), QStringLiteral("metrics-endpoint"))));
        ConnectionRecord connection = (*store)->connections()->first();
        connection.settings = settings();
        Result<std::unique_ptr<Collector>> collector = builtinCollectors()(connection);
        QVERIFY(collector);

        auto cycle = [&]() {
            return runWithLocalHttp<WriteBatch>([&](HttpClient &http, QObject *context, std::function<void(Result<WriteBatch>)> done) {
                auto *ctx = new CollectContext(connection, http, http.clock(), context);
                (*collector)->collect(*ctx, std::move(done));
            });
        };
        serve(kText004, fixture(QStringLiteral("netdata-dcgm-metrics_valid.prom")));
        Result<WriteBatch> batch = cycle();
        QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));
        QCOMPARE(batch->source, QStringLiteral("gpus scrape"));
        QVERIFY((*store)->write(*batch));
        QCOMPARE((*store)->series(connection.id)->size(), 4);
        QCOMPARE(*(*store)->sampleCount(), 4);

        serve(kText004, QByteArray());
        batch = cycle();
        QVERIFY(batch);
        QVERIFY(batch->series.isEmpty());
        QVERIFY((*store)->write(*batch));
        QCOMPARE((*store)->series(connection.id)->size(), 4);
        QCOMPARE(*(*store)->sampleCount(), 4);
    }

    void connectionTestDescribesWhatAnswered()
    {
        serve(kText004, fixture(QStringLiteral("datadog-dcgm-metrics.txt")));
        ConnectionRecord connection = test::connection(QStringLiteral("x"), QStringLiteral("metrics-endpoint"));
        connection.settings = settings();
        const Result<QString> tested = runWithLocalHttp<QString>([&](HttpClient &http, QObject *context, std::function<void(Result<QString>)> done) {
            testConnection(http, connection, Secret(), context, std::move(done));
        });
        QVERIFY(tested);
        QCOMPARE(*tested, QStringLiteral("dcgm-exporter: 3 GPUs on 3 hosts"));
    }
};

QTEST_GUILESS_MAIN(TestMetricsEndpoint)
#include "test_metricsendpoint.moc"
