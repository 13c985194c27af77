// `fleetscope scrape` as a user runs it: files and a loopback /metrics URL, three output formats,
// parse errors that name the line, usage errors.
#include "clirun.h"
#include "faultserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

using Run = test::CliRun;

Run run(const QStringList &args)
{
    return test::runFleetscope(QStringList{QStringLiteral("scrape")} + args);
}

QString fixturePath(const QString &name)
{
    return QStringLiteral(FLEETSCOPE_FIXTURES "/dcgm/") + name;
}

QByteArray fixture(const QString &name)
{
    QFile file(fixturePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestScrape : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void fileAsTable()
    {
        const Run r = run({fixturePath(QStringLiteral("datadog-dcgm-metrics.txt"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 3);
        QVERIFY(lines[0].startsWith(QLatin1String("HOSTNAME")));
        // Aligned: every row's UUID cell starts in the header's UUID column.
        const qsizetype uuidColumn = lines[0].indexOf(QLatin1String("UUID"));
        QVERIFY(uuidColumn > 0);
        for (const QString &line : lines.mid(1)) {
            QCOMPARE(line.at(uuidColumn - 1), QLatin1Char(' '));
            QVERIFY2(line.mid(uuidColumn).startsWith(QLatin1String("GPU-")), qPrintable(line));
        }
        QVERIFY(lines[1].contains(QLatin1String("424773df46e0")));
        QVERIFY(lines[1].contains(QLatin1String(" 8.969 ")));       // power, shortest form
        QVERIFY(lines[1].contains(QLatin1String(" 128996.013 ")));  // energy in J
        QVERIFY(lines[3].contains(QLatin1String("ray-1111111")));
    }

    void fileAsJson()
    {
        const Run r = run({fixturePath(QStringLiteral("netdata-dcgm-metrics_valid.prom")), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray array = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(array.size(), 2);
        const QJsonObject gpu = array[0].toObject();
        QCOMPARE(gpu[QLatin1String("uuid")].toString(), QStringLiteral("GPU-aaa"));
        QCOMPARE(gpu[QLatin1String("hostname")].toString(), QStringLiteral("host1"));
        QCOMPARE(gpu[QLatin1String("gpu_util_percent")].toDouble(), 80.0);
        QCOMPARE(gpu[QLatin1String("memory_used_mib")].toDouble(), 1024.0);
        QCOMPARE(gpu[QLatin1String("xid_errors")].toDouble(), 31.0);
        QVERIFY(gpu[QLatin1String("power_w")].isNull());   // missing is null, never 0
        QVERIFY(gpu[QLatin1String("pod")].isNull());
        QCOMPARE(array[1].toObject()[QLatin1String("mig_instance")].toString(), QStringLiteral("2"));
    }

    void fileAsCsv()
    {
        const Run r = run({fixturePath(QStringLiteral("netdata-dcgm-metrics_valid.prom")), QStringLiteral("--format=csv")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QStringLiteral("hostname,gpu,uuid,model,mig_instance,pod,namespace,gpu_util_percent,memory_used_mib,"
                                          "memory_free_mib,power_w,temperature_c,energy_j,sm_clock_mhz,xid_errors"));
        QCOMPARE(lines[1], QStringLiteral("host1,0,GPU-aaa,,,,,80,1024,,,,,,31"));
    }

    void noDcgmReadings()
    {
        const Run r = run({fixturePath(QStringLiteral("vllm-0.25.1-metrics-loaded.prom"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("No DCGM GPU readings")), qPrintable(r.out));
        const Run json = run({fixturePath(QStringLiteral("vllm-0.25.1-metrics-loaded.prom")), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).array().size(), 0);
    }

    void parseErrorNamesTheLine()
    {
        const QString path = m_dir.filePath(QStringLiteral("metrics.prom"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# TYPE DCGM_FI_DEV_GPU_UTIL gauge\nDCGM_FI_DEV_GPU_UTIL{gpu=\"0\"} 5\nDCGM_FI_DEV_GPU_UTIL{gpu=\"1} 7\n");
        file.close();
        const Run r = run({path});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("fleetscope: %1:3: unterminated label value\n").arg(path));
        QVERIFY(r.out.isEmpty());

        const Run om = run({fixturePath(QStringLiteral("openmetrics-bad_blank_line.om.txt"))});
        QCOMPARE(om.exitCode, 1);
        QVERIFY2(om.err.endsWith(QLatin1String("openmetrics-bad_blank_line.om.txt:2: blank line (OpenMetrics allows none)\n")), qPrintable(om.err));
    }

    void missingFile()
    {
        const Run r = run({m_dir.filePath(QStringLiteral("nope.prom"))});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY(r.err.contains(QLatin1String("nope.prom")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("nothing to scrape") << QStringList{} << QStringLiteral("missing URL or FILE");
        QTest::addRow("two targets") << QStringList{QStringLiteral("a"), QStringLiteral("b")} << QStringLiteral("unexpected argument 'b'");
        QTest::addRow("unknown format") << QStringList{QStringLiteral("a"), QStringLiteral("--format"), QStringLiteral("xml")} << QStringLiteral("unknown format 'xml'");
        QTest::addRow("unknown option") << QStringList{QStringLiteral("a"), QStringLiteral("--frob")} << QStringLiteral("frob");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("Usage: fleetscope scrape")));
    }

    void url()
    {
        FaultServer server;
        QVERIFY(server.listen());
        ScriptedResponse metrics = ScriptedResponse::withStatus(200, fixture(QStringLiteral("datadog-dcgm-label_remap.txt")));
        metrics.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8")});
        server.enqueue(metrics);
        const Run r = run({server.url(QStringLiteral("/metrics")).toString(), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray array = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(array.size(), 1);
        QCOMPARE(array[0].toObject()[QLatin1String("pod")].toString(), QStringLiteral("bar"));
        QCOMPARE(array[0].toObject()[QLatin1String("gpu_util_percent")].toDouble(), 0.0);
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.requests().front().target, QByteArrayLiteral("/metrics"));
        QVERIFY(server.requests().front().header("Accept").contains("application/openmetrics-text"));
    }

    void urlOpenMetricsByContentType()
    {
        FaultServer server;
        QVERIFY(server.listen());
        // Without "# EOF" the body is valid 0.0.4 but invalid OpenMetrics: the content type decides.
        ScriptedResponse metrics = ScriptedResponse::withStatus(200, QByteArrayLiteral("DCGM_FI_DEV_GPU_UTIL{gpu=\"0\",UUID=\"GPU-om\"} 12\n"));
        metrics.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/openmetrics-text; version=1.0.0; charset=utf-8")});
        server.enqueue(metrics);
        const QUrl url = server.url(QStringLiteral("/metrics"));
        const Run r = run({url.toString()});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("fleetscope: 127.0.0.1:%1/metrics:2: missing '# EOF' at the end of OpenMetrics input\n").arg(server.port()));

        ScriptedResponse complete = metrics;
        complete.body += "# EOF\n";
        server.enqueue(complete);
        const Run ok = run({url.toString(), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(ok.exitCode, 0);
        QVERIFY2(ok.out.contains(QLatin1String(",GPU-om,")), qPrintable(ok.out));
    }

    void urlServerError()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setFallback(ScriptedResponse::withStatus(500));
        const Run r = run({server.url(QStringLiteral("/metrics")).toString()});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(r.err.contains(QLatin1String("500")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestScrape)
#include "test_scrape.moc"
