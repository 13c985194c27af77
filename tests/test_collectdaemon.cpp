// The headless collector (`fleetscope collect` without --once) as a real process against the RunPod
// simulator: it collects on its cadence, and SIGTERM or SIGINT stop it cleanly with everything
// collected committed and exit 0.
#include "clirun.h"
#include "faultserver.h"
#include "simulator/runpodsimulator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonArray>
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

    // A rule that fires posts the new alert to the webhook; the first attempt fails (HTTP 500) and
    // the retry delivers it. The webhook URL, a secret, never reaches the log.
    void newAlertsArePostedToTheWebhookWithRetry()
    {
        QTemporaryDir dir;
        const test::CliRun rule = test::runFleetscope({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("alerts"), QStringLiteral("rules"),
                                                       QStringLiteral("add"), QStringLiteral("failing"), QStringLiteral("--kind"),
                                                       QStringLiteral("connection_failing"), QStringLiteral("--set"), QStringLiteral("cycles=0"),
                                                       QStringLiteral("--severity"), QStringLiteral("critical")});
        QVERIFY2(rule.exitCode == 0, qPrintable(rule.err));
        FaultServer receiver;
        receiver.enqueue(ScriptedResponse::withStatus(500, "try again"));
        receiver.setFallback(ScriptedResponse::withStatus(200, "ok"));
        QVERIFY(receiver.listen());
        RunPodSimulator simulator;
        QVERIFY(simulator.start());
        QProcessEnvironment env = environment(simulator);
        env.insert(QStringLiteral("RUNPOD_API_KEY"), QString::fromLatin1(simulatorkeys::kRejected));   // every cycle fails: 401
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(FLEETSCOPE_BINARY),
                      {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("collect"), QStringLiteral("--alert-webhook"),
                       receiver.url(QStringLiteral("/services/T0/B0/webhooksecret")).toString()});
        QString err;
        QVERIFY2(waitForErr(process, err, QStringLiteral("alert webhook: 1 alert(s) posted (HTTP 200)"), 30'000), qPrintable(err));
        QCOMPARE(receiver.requestCount(), 2);
        const ReceivedRequest delivered = receiver.requests().at(1);
        QCOMPARE(delivered.method, QByteArray("POST"));
        QCOMPARE(delivered.target, QByteArray("/services/T0/B0/webhooksecret"));
        const QJsonObject body = QJsonDocument::fromJson(delivered.body).object();
        QCOMPARE(body.value(QStringLiteral("source")).toString(), QStringLiteral("fleetscope"));
        const QJsonObject alert = body.value(QStringLiteral("alerts")).toArray().first().toObject();
        QCOMPARE(alert.value(QStringLiteral("kind")).toString(), QStringLiteral("connection_failing"));
        QCOMPARE(alert.value(QStringLiteral("severity")).toString(), QStringLiteral("critical"));
        QVERIFY2(alert.value(QStringLiteral("message")).toString().startsWith(QLatin1String("runpod-env is failing (never synced): auth: ")),
                 qPrintable(alert.value(QStringLiteral("message")).toString()));
        QVERIFY2(err.contains(QLatin1String("alert (critical, connection_failing): runpod-env is failing")), qPrintable(err));

        process.terminate();
        QVERIFY(finishes(process, 10'000));
        err += QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitCode(), 0);
        QVERIFY2(!err.contains(QLatin1String("webhooksecret")), "the webhook URL is a secret");
        QCOMPARE(receiver.requestCount(), 2);   // still failing, but the same alert is not posted again
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
