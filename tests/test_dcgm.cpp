// DCGM normalization on real dcgm-exporter scrapes: identity label variants, units, sentinels.
#include "metrics/dcgm.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace fleetscope;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(FLEETSCOPE_FIXTURES "/dcgm/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    QByteArray text = file.readAll();
    if (!name.endsWith(QLatin1String(".md")))
        return text;
    // The CNCF conformance evidence embeds the scrape in the fenced block after `kubectl logs`.
    const QList<QByteArray> lines = text.split('\n');
    QByteArray scrape;
    bool afterLogs = false;
    bool inScrape = false;
    for (const QByteArray &line : lines) {
        if (line.contains("kubectl logs"))
            afterLogs = true;
        else if (afterLogs && !inScrape && line.startsWith("# HELP"))
            inScrape = true;
        if (inScrape) {
            if (line.startsWith("```"))
                break;
            scrape += line + '\n';
        }
    }
    return scrape;
}

QList<GpuReading> readings(const QByteArray &text, const QString &source = QStringLiteral("t.prom"))
{
    const Result<Exposition> parsed = parseExposition(text, ExpositionFormat::Prometheus, source);
    if (!parsed)
        qFatal("%s", qPrintable(parsed.error().message));
    return normalizeDcgm(*parsed);
}

const GpuReading *byUuid(const QList<GpuReading> &list, const QString &uuid, const QString &mig = QString())
{
    for (const GpuReading &r : list) {
        if (r.uuid == uuid && r.migInstance == mig)
            return &r;
    }
    return nullptr;
}

} // namespace

class TestDcgm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gpuCounts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("gpus");
        QTest::addRow("netdata: GPU + MIG instance") << QStringLiteral("netdata-dcgm-metrics_valid.prom") << 2;
        QTest::addRow("netdata non-dcgm") << QStringLiteral("netdata-metrics_non_dcgm.prom") << 0;
        QTest::addRow("datadog: two T4s and an A10G") << QStringLiteral("datadog-dcgm-metrics.txt") << 3;
        QTest::addRow("datadog label remap") << QStringLiteral("datadog-dcgm-label_remap.txt") << 1;
        QTest::addRow("cncf kops L4") << QStringLiteral("cncf-kops-dcgm-scrape-L4.md") << 1;
        QTest::addRow("cncf upcloud L40S") << QStringLiteral("cncf-upcloud-dcgm-scrape-L40S.md") << 1;
        QTest::addRow("vllm (no DCGM)") << QStringLiteral("vllm-0.25.1-metrics-loaded.prom") << 0;
    }

    void gpuCounts()
    {
        QFETCH(QString, file);
        QFETCH(int, gpus);
        QCOMPARE(readings(fixture(file), file).size(), gpus);
    }

    void netdata()
    {
        const QList<GpuReading> list = readings(fixture(QStringLiteral("netdata-dcgm-metrics_valid.prom")));
        const GpuReading *gpu = byUuid(list, QStringLiteral("GPU-aaa"));
        QVERIFY(gpu);
        QCOMPARE(gpu->hostname, QStringLiteral("host1"));
        QCOMPARE(gpu->gpu, QStringLiteral("0"));
        QCOMPARE(gpu->gpuUtilPercent, 80.0);
        QCOMPARE(gpu->memoryUsedMiB, 1024.0);
        QCOMPARE(gpu->xidErrors, 31.0);   // from a series without the Hostname label
        QVERIFY(!gpu->memoryFreeMiB);
        QVERIFY(!gpu->powerW);
        QVERIFY(!gpu->temperatureC);
        QVERIFY(!gpu->energyJ);
        QVERIFY(!gpu->smClockMHz);

        const GpuReading *mig = byUuid(list, QStringLiteral("GPU-aaa"), QStringLiteral("2"));
        QVERIFY(mig);
        QCOMPARE(mig->migProfile, QStringLiteral("1g.10gb"));
        QCOMPARE(mig->gpuUtilPercent, 60.0);
        QCOMPARE(mig->hostname, QStringLiteral("host1"));   // inherited from its parent GPU
        QVERIFY(!mig->memoryUsedMiB);
    }

    void datadog()
    {
        const QList<GpuReading> list = readings(fixture(QStringLiteral("datadog-dcgm-metrics.txt")));
        const GpuReading *t4 = byUuid(list, QStringLiteral("GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e"));
        QVERIFY(t4);
        QCOMPARE(t4->hostname, QStringLiteral("424773df46e0"));
        QCOMPARE(t4->modelName, QStringLiteral("Tesla T4"));
        QCOMPARE(t4->device, QStringLiteral("nvidia0"));
        QCOMPARE(t4->smClockMHz, 300.0);
        QCOMPARE(t4->temperatureC, 25.0);
        QCOMPARE(t4->powerW, 8.969);
        QCOMPARE(t4->energyJ, 128996.013);   // 128996013 mJ
        QCOMPARE(t4->gpuUtilPercent, 0.0);
        QCOMPARE(t4->xidErrors, 0.0);
        QCOMPARE(t4->memoryFreeMiB, 15109.0);
        QCOMPARE(t4->memoryUsedMiB, 0.0);

        // The second T4 reports only fields outside the canonical set: present, all missing.
        const GpuReading *other = byUuid(list, QStringLiteral("GPU-9ef1b6d0-3643-5dd7-b823-c0ec20dcf2d5"));
        QVERIFY(other);
        QCOMPARE(other->hostname, QStringLiteral("551bdf382151"));
        QVERIFY(!other->gpuUtilPercent && !other->memoryUsedMiB && !other->powerW);

        const GpuReading *a10g = byUuid(list, QStringLiteral("GPU-abc"));
        QVERIFY(a10g);
        QCOMPARE(a10g->modelName, QStringLiteral("NVIDIA A10G"));
        QCOMPARE(a10g->hostname, QStringLiteral("ip-11111"));
        QCOMPARE(a10g->pod, QStringLiteral("ray-1111111"));
        QCOMPARE(a10g->podNamespace, QStringLiteral("ray-llm"));
        QCOMPARE(a10g->container, QStringLiteral("ray-worker"));
        // The unlabelled dummy DCGM_FI_PROF_GR_ENGINE_ACTIVE 0 names no GPU and must not leak in.
        QVERIFY(!a10g->gpuUtilPercent);
    }

    void labelRemap()
    {
        const QList<GpuReading> list = readings(fixture(QStringLiteral("datadog-dcgm-label_remap.txt")));
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].pod, QStringLiteral("bar"));
        QCOMPARE(list[0].podNamespace, QStringLiteral("foo"));
        QCOMPARE(list[0].container, QStringLiteral("baz"));
        QCOMPARE(list[0].hostname, QStringLiteral("424773df46e0"));
        QCOMPARE(list[0].gpuUtilPercent, 0.0);
    }

    void cncf_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("uuid");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("host");
        QTest::addColumn<double>("power");
        QTest::addColumn<double>("energy");
        QTest::addColumn<double>("temp");
        QTest::addColumn<double>("free");
        QTest::addRow("kops L4") << QStringLiteral("cncf-kops-dcgm-scrape-L4.md") << QStringLiteral("GPU-c2f76b33-7953-256e-8f33-1343419b1a1c")
                                 << QStringLiteral("NVIDIA L4") << QStringLiteral("i-030791dc5a37cd257") << 16.365 << 4742.776 << 31.0 << 22563.0;
        QTest::addRow("upcloud L40S") << QStringLiteral("cncf-upcloud-dcgm-scrape-L40S.md") << QStringLiteral("GPU-5b4e07f6-3a86-4340-039d-25f2a83cdc43")
                                      << QStringLiteral("NVIDIA L40S") << QStringLiteral("gpu1-wl8sg") << 35.686 << 5551899.58 << 32.0 << 45459.0;
    }

    void cncf()
    {
        QFETCH(QString, file);
        QFETCH(QString, uuid);
        QFETCH(QString, model);
        QFETCH(QString, host);
        QFETCH(double, power);
        QFETCH(double, energy);
        QFETCH(double, temp);
        QFETCH(double, free);
        const QList<GpuReading> list = readings(fixture(file));
        QCOMPARE(list.size(), 1);
        const GpuReading &r = list[0];
        QCOMPARE(r.uuid, uuid);
        QCOMPARE(r.modelName, model);
        QCOMPARE(r.hostname, host);
        QCOMPARE(r.gpu, QStringLiteral("0"));
        QCOMPARE(r.powerW, power);
        QCOMPARE(r.energyJ, energy);
        QCOMPARE(r.temperatureC, temp);
        QCOMPARE(r.memoryFreeMiB, free);
        QCOMPARE(r.memoryUsedMiB, 0.0);
        QCOMPARE(r.smClockMHz, 210.0);
        QCOMPARE(r.gpuUtilPercent, 0.0);
        QVERIFY(!r.xidErrors);   // these exporters do not export XID errors
    }

    void utilFallsBackToGrEngineActive_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<double>("util");
        QTest::addRow("profiling ratio only") << QByteArray("DCGM_FI_PROF_GR_ENGINE_ACTIVE{gpu=\"1\",UUID=\"GPU-x\",hostname=\"h\"} 0.425\n") << 42.5;
        QTest::addRow("GPU_UTIL wins, either order")
            << QByteArray("DCGM_FI_PROF_GR_ENGINE_ACTIVE{gpu=\"1\",UUID=\"GPU-x\"} 0.1\nDCGM_FI_DEV_GPU_UTIL{gpu=\"1\",UUID=\"GPU-x\"} 77\n") << 77.0;
        QTest::addRow("blank GPU_UTIL, ratio present")
            << QByteArray("DCGM_FI_DEV_GPU_UTIL{gpu=\"1\",UUID=\"GPU-x\"} 9223372036854775794\nDCGM_FI_PROF_GR_ENGINE_ACTIVE{gpu=\"1\",UUID=\"GPU-x\"} 0.5\n") << 50.0;
    }

    void utilFallsBackToGrEngineActive()
    {
        QFETCH(QByteArray, text);
        QFETCH(double, util);
        const QList<GpuReading> list = readings(text);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].gpuUtilPercent, util);
    }

    void lowercaseHostnameAndNoUuid()
    {
        const QList<GpuReading> list = readings(
            "DCGM_FI_DEV_GPU_TEMP{gpu=\"3\",hostname=\"node-a\",modelName=\"NVIDIA H100 80GB HBM3\"} 41\n"
            "DCGM_FI_DEV_GPU_TEMP{gpu=\"3\",hostname=\"node-b\"} 44\n"
            "DCGM_FI_DEV_POWER_USAGE{gpu=\"3\",hostname=\"node-a\"} 250.5\n");
        QCOMPARE(list.size(), 2);   // without a UUID, host + index identify the GPU
        QCOMPARE(list[0].hostname, QStringLiteral("node-a"));
        QCOMPARE(list[0].temperatureC, 41.0);
        QCOMPARE(list[0].powerW, 250.5);
        QCOMPARE(list[1].hostname, QStringLiteral("node-b"));
        QCOMPARE(list[1].temperatureC, 44.0);
        QVERIFY(!list[1].powerW);
    }

    void sentinels_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("missing");
        QTest::addRow("int64 blank") << QByteArray("9223372036854775792") << true;
        QTest::addRow("int64 not supported") << QByteArray("9223372036854775794") << true;
        QTest::addRow("int32 blank") << QByteArray("2147483632") << true;
        QTest::addRow("int32 not permitted") << QByteArray("2147483635") << true;
        QTest::addRow("fp64 blank") << QByteArray("140737488355328") << true;
        QTest::addRow("NaN") << QByteArray("NaN") << true;
        QTest::addRow("zero is a value") << QByteArray("0") << false;
        QTest::addRow("ordinary") << QByteArray("71") << false;
    }

    void sentinels()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, missing);
        const QList<GpuReading> list = readings("DCGM_FI_DEV_GPU_TEMP{gpu=\"0\",UUID=\"GPU-s\"} " + value + "\n"
                                                "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\",UUID=\"GPU-s\"} " + value + "\n");
        QCOMPARE(list.size(), 1);
        QCOMPARE(!list[0].temperatureC.has_value(), missing);
        // Energy is an int64 counter: the int32 band is a real reading there.
        const bool energyMissing = missing && !value.startsWith("2147483");
        QCOMPARE(!list[0].energyJ.has_value(), energyMissing);
    }

    void tableAndSeries()
    {
        const QList<GpuReading> list = readings(fixture(QStringLiteral("netdata-dcgm-metrics_valid.prom")));
        const TableData table = gpuReadingsTable(list);
        QCOMPARE(table.columns.size(), 7 + 8);
        QCOMPARE(table.columns.at(7), QStringLiteral("gpu_util_percent"));
        QCOMPARE(table.rows.size(), 2);
        QCOMPARE(table.rows[0].at(0).toString(), QStringLiteral("host1"));
        QCOMPARE(table.rows[0].at(7).toDouble(), 80.0);
        QVERIFY(!table.rows[0].at(10).isValid());   // power: missing is null, not 0

        const QList<SeriesSamples> series = gpuReadingSeries(list, 4, 1000);
        // GPU: util, memory used, xid; MIG instance: util.
        QCOMPARE(series.size(), 4);
        QCOMPARE(series[0].key, (SeriesKey{4, QStringLiteral("gpu_util_percent"),
                                           QStringLiteral("{\"Hostname\":\"host1\",\"UUID\":\"GPU-aaa\",\"gpu\":\"0\"}")}));
        QCOMPARE(series[0].samples.front().tsMs, 1000);
        QCOMPARE(series[3].key.labelsJson, QStringLiteral("{\"GPU_I_ID\":\"2\",\"Hostname\":\"host1\",\"UUID\":\"GPU-aaa\",\"gpu\":\"0\"}"));
    }
};

QTEST_GUILESS_MAIN(TestDcgm)
#include "test_dcgm.moc"
