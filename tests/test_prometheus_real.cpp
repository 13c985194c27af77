// A real Prometheus (reference/toolchain.md) scraping a loopback dcgm-exporter, queried through the
// Prometheus connection: the DCGM query set, the backfill and the connection test against the real API.
#include "http/localhttp.h"
#include "fixtures.h"
#include "providers/monitoring/prometheus.h"
#include "simulator/loopbackserver.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QMap<QString, double> latestByMetric(const WriteBatch &batch, const QString &host)
{
    QMap<QString, double> values;
    for (const SeriesSamples &series : batch.series) {
        if (series.key.labelsJson.contains(QStringLiteral("\"Hostname\":\"%1\"").arg(host)) && !series.samples.isEmpty())
            values.insert(series.key.metric, series.samples.last().value);
    }
    return values;
}

} // namespace

class TestPrometheusReal : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_scrape;
    LoopbackServer m_exporter{[this](const LoopbackRequest &) {
        return LoopbackResponse::withBody(200, "text/plain; version=0.0.4", m_scrape);
    }};
    QProcess m_prometheus;
    prometheus::Settings m_settings;

    Result<prometheus::Cycle> cycle(bool backfill)
    {
        return runWithLocalHttp<prometheus::Cycle>([&](HttpClient &http, QObject *context, std::function<void(Result<prometheus::Cycle>)> done) {
            prometheus::runCycle(http, http.clock(), m_settings, 1, Secret(), backfill, context, std::move(done));
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString binary = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
        if (binary.isEmpty())
            QSKIP("no prometheus binary on PATH (build.sh installs the Debian package)");
        m_scrape = test::fixtureBytes(QStringLiteral("dcgm/datadog-dcgm-metrics.txt")) + '\n';   // the recorded file ends without one
        QVERIFY(m_exporter.listen());

        QFile config(m_dir.filePath(QStringLiteral("prometheus.yml")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral("global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: dcgm\n    static_configs:\n"
                                    "      - targets: ['127.0.0.1:%1']\n").arg(m_exporter.port()).toUtf8());
        config.close();
        const quint16 port = freePort();
        m_prometheus.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_prometheus.start(binary, {QStringLiteral("--config.file=") + config.fileName(), QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("tsdb")),
                                    QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port), QStringLiteral("--log.level=warn")});
        QVERIFY(m_prometheus.waitForStarted());
        m_settings = *prometheus::Settings::fromJson(
            {{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1").arg(port)}, {QStringLiteral("lookback_hours"), 1}, {QStringLiteral("step_seconds"), 1}});
    }

    void connectionTestAndFirstSamples()
    {
        // Ready, then scraped: the first sample arrives a few seconds after start.
        Result<QString> tested = fail(ErrorClass::Unavailable, QStringLiteral("not asked"));
        for (int i = 0; i < 60 && !tested; ++i, QTest::qWait(250)) {
            tested = runWithLocalHttp<QString>([&](HttpClient &http, QObject *context, std::function<void(Result<QString>)> done) {
                prometheus::testServer(http, m_settings, Secret(), context, std::move(done));
            });
        }
        QVERIFY2(tested, qPrintable(tested ? QString() : tested.error().message));
        QVERIFY2(tested->startsWith(QLatin1String("Prometheus 2.")), qPrintable(*tested));

        QMap<QString, double> t4;
        for (int i = 0; i < 60 && t4.size() < 8; ++i, QTest::qWait(250)) {
            const Result<prometheus::Cycle> instant = cycle(false);
            QVERIFY2(instant, qPrintable(instant ? QString() : instant.error().message));
            t4 = latestByMetric(instant->batch, QStringLiteral("424773df46e0"));
        }
        QCOMPARE(t4, (QMap<QString, double>{{QStringLiteral("gpu_util_percent"), 0}, {QStringLiteral("memory_used_mib"), 0},
                                            {QStringLiteral("memory_free_mib"), 15109}, {QStringLiteral("power_w"), 8.969},
                                            {QStringLiteral("temperature_c"), 25}, {QStringLiteral("energy_j"), 128996.013},
                                            {QStringLiteral("sm_clock_mhz"), 300}, {QStringLiteral("xid_errors"), 0}}));
    }

    void backfillReadsTheRangeApi()
    {
        QTest::qWait(1500);   // at least two scrapes in the range
        const Result<prometheus::Cycle> backfill = cycle(true);
        QVERIFY2(backfill, qPrintable(backfill ? QString() : backfill.error().message));
        QCOMPARE(backfill->requests, 8);
        qsizetype powerSamples = 0;
        for (const SeriesSamples &series : backfill->batch.series) {
            if (series.key.metric == QLatin1String("power_w"))
                powerSamples += series.samples.size();
        }
        QVERIFY2(powerSamples >= 2, qPrintable(QString::number(powerSamples)));
    }

    void cleanupTestCase()
    {
        if (m_prometheus.state() != QProcess::NotRunning) {
            m_prometheus.terminate();
            if (!m_prometheus.waitForFinished(10'000))
                m_prometheus.kill();
        }
    }
};

QTEST_GUILESS_MAIN(TestPrometheusReal)
#include "test_prometheus_real.moc"
