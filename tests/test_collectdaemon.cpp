// The headless collector (`fleetscope collect` without --once) as a real process against the RunPod
// simulator: it collects on its cadence, and SIGTERM or SIGINT stop it cleanly with everything
// collected committed and exit 0.
#include "clirun.h"
#include "simulator/runpodsimulator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace fleetscope;

class TestCollectDaemon : public QObject
{
    Q_OBJECT

private:
    QProcessEnvironment environment(const RunPodSimulator &simulator) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RUNPOD_API_KEY"), QString::fromLatin1(simulatorkeys::kDemo));
        env.insert(QStringLiteral("RUNPOD_GRAPHQL_URL"), simulator.graphqlUrl().toString());
        env.insert(QStringLiteral("RUNPOD_REST_URL"), simulator.restUrl().toString());
        env.insert(QStringLiteral("RUNPOD_SERVERLESS_URL"), simulator.serverlessUrl().toString());
        env.remove(QStringLiteral("JOURNAL_STREAM"));
        return env;
    }

    // Waits (turning this thread's event loop, so the simulator answers) until stderr has NEEDLE.
    static bool waitForErr(QProcess &process, QString &err, const QString &needle, int timeoutMs)
    {
        return QTest::qWaitFor([&] {
            err += QString::fromUtf8(process.readAllStandardError());
            return err.contains(needle) || process.state() == QProcess::NotRunning;
        }, timeoutMs) && err.contains(needle);
    }

    static bool finishes(QProcess &process, int timeoutMs)
    {
        return QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    }

private Q_SLOTS:
    void collectsUntilSigtermThenCommits()
    {
        SimulatorOptions options;
        options.world.pods = 6;
        options.world.endpoints = 2;
        RunPodSimulator simulator(options);
        QVERIFY(simulator.start());
        QTemporaryDir dir;
        QProcess process;
        process.setProcessEnvironment(environment(simulator));
        process.start(QStringLiteral(FLEETSCOPE_BINARY), {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("collect")});
        QString err;
        QVERIFY2(waitForErr(process, err, QStringLiteral("collecting 1 connection into "), 10'000), qPrintable(err));
        QVERIFY2(waitForErr(process, err, QStringLiteral("runpod-env full cycle: "), 15'000), qPrintable(err));

        process.terminate();   // SIGTERM
        QVERIFY(finishes(process, 10'000));
        err += QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY2(err.contains(QStringLiteral("signal %1: stopping").arg(SIGTERM)), qPrintable(err));
        QVERIFY2(err.trimmed().endsWith(QLatin1String("fleetscope collect: stopped")), qPrintable(err));
        QVERIFY2(!err.contains(QLatin1String("<6>")), "no journald prefixes outside systemd");

        const test::CliRun pods = test::runFleetscope({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("export"),
                                                       QStringLiteral("pods"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(pods.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(pods.out.toUtf8()).array();
        QVERIFY(rows.size() >= 6);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("connection")).toString(), QStringLiteral("runpod-env"));
        const test::CliRun list = test::runFleetscope({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("connections"),
                                                       QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().first().toObject().value(QStringLiteral("last_status")).toString(),
                 QStringLiteral("ok"));
    }

    // A cycle still waiting on a slow API does not hold the stop up; what it had not finished is
    // not stored, and the collector still exits 0. Under systemd its lines carry priorities.
    void sigintDuringASlowCycleStopsAtOnce()
    {
        SimulatorOptions options;
        options.latencyMs = 4000;
        RunPodSimulator simulator(options);
        QVERIFY(simulator.start());
        QTemporaryDir dir;
        QProcess process;
        QProcessEnvironment env = environment(simulator);
        env.insert(QStringLiteral("JOURNAL_STREAM"), QStringLiteral("8:12345"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(FLEETSCOPE_BINARY), {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("collect")});
        QString err;
        QVERIFY2(waitForErr(process, err, QStringLiteral("<6>fleetscope collect: collecting 1 connection"), 10'000), qPrintable(err));
        QTest::qWait(5500);   // the first cycle (at most 5 s after start) is now waiting on the simulator
        ::kill(pid_t(process.processId()), SIGINT);
        QElapsedTimer stopping;
        stopping.start();
        QVERIFY(finishes(process, 10'000));
        QVERIFY2(stopping.elapsed() < 3000, "the stop did not wait for the slow request");
        err += QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY2(err.contains(QStringLiteral("<6>fleetscope collect: signal %1: stopping").arg(SIGINT)), qPrintable(err));
        QVERIFY2(!err.contains(QLatin1String("full cycle:")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestCollectDaemon)
#include "test_collectdaemon.moc"
