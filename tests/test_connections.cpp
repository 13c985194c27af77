// `connections add|list|test|set|remove` as a user runs them, inside a throwaway keyring: the
// secret reaches the keychain and nowhere else, and any failure saves nothing.
#include "clirun.h"
#include "credentials/credentials.h"
#include "faultserver.h"
#include "treesearch.h"
#include "fixtures.h"
#include "simulator/loopbackserver.h"
#include "store/storeservice.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

constexpr char kSecret[] = "rp_CANARY_9f8e7d6c5b4a";
// One scrape of dcgm/datadog-dcgm-metrics.txt stores one sample per series: 8 (test_metricsendpoint).
constexpr int kDcgmSamplesPerScrape = 8;

ScriptedResponse graphql(const QByteArray &body, int status = 200)
{
    ScriptedResponse response = ScriptedResponse::withStatus(status, body);
    response.headers << std::pair{QByteArray("Content-Type"), QByteArray("application/json")};
    return response;
}

// Runs fleetscope with SECRET on its standard input.
test::CliRun runWithStdin(const QStringList &args, const QByteArray &input, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(FLEETSCOPE_BINARY), args);
    process.write(input);
    process.closeWriteChannel();
    if (!finished.wait(60'000))
        return {};
    test::CliRun run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}


} // namespace

class TestConnections : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FaultServer m_server;

    QStringList base() const { return {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("connections")}; }
    QString graphqlUrl() const { return m_server.url(QStringLiteral("/graphql")).toString(); }
    QJsonArray list() const
    {
        const test::CliRun run = test::runFleetscope(base() << QStringLiteral("list") << QStringLiteral("--json"));
        return QJsonDocument::fromJson(run.rawOut).array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("FLEETSCOPE_TEST_KEYRING"), "run through run-with-keyring.sh");
        m_server.setFallback(graphql(R"({"data":{"myself":{"id":"user-42"}}})"));
        QVERIFY(m_server.listen());
    }

    void addTestsThenKeepsTheSecretInTheKeychain()
    {
        const test::CliRun run = runWithStdin(base() << QStringLiteral("add") << QStringLiteral("runpod") << QStringLiteral("--name")
                                                     << QStringLiteral("prod") << QStringLiteral("--set")
                                                     << QStringLiteral("graphql_url=") + graphqlUrl() << QStringLiteral("--secret-stdin"),
                                              QByteArray(kSecret) + "\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("secret in the keychain; test ok: RunPod account user-42")), qPrintable(run.out));
        QCOMPARE(m_server.requests().last().header("Authorization"), QByteArray("Bearer ") + kSecret);

        const QJsonArray rows = list();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("runpod"));
        QCOMPARE(rows.first().toObject().value(QStringLiteral("cadence_seconds")).toInt(), 120);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("secret")).toString(), QStringLiteral("keychain"));

        // The keychain has it under the connection's id; no file anywhere does.
        Result<Secret> stored = Credentials().readBlocking(1);
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().message));
        QCOMPARE(stored->bytes(), QByteArray(kSecret));
        QVERIFY(!test::treeContains(m_dir.path(), kSecret));
        QVERIFY(!test::treeContains(qEnvironmentVariable("HOME"), kSecret));
        QVERIFY(!run.out.contains(QLatin1String(kSecret)) && !run.err.contains(QLatin1String(kSecret)));

        const test::CliRun tested = test::runFleetscope(base() << QStringLiteral("test") << QStringLiteral("prod"));
        QVERIFY2(tested.exitCode == 0, qPrintable(tested.err));
        QCOMPARE(tested.out.trimmed(), QStringLiteral("prod: ok — RunPod account user-42"));
    }

    void setAndEnableChangeOnlyWhatTheySay()
    {
        auto row = [this](const QString &name) {
            for (const QJsonValue value : list()) {
                if (value.toObject().value(QStringLiteral("name")).toString() == name)
                    return value.toObject();
            }
            return QJsonObject();
        };
        const test::CliRun set = test::runFleetscope(base() << QStringLiteral("set") << QStringLiteral("prod") << QStringLiteral("health_poll_seconds=60"));
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QCOMPARE(set.out.trimmed(), QStringLiteral("prod: health_poll_seconds changed"));
        QCOMPARE(row(QStringLiteral("prod")).value(QStringLiteral("cadence_seconds")).toInt(), 60);

        const test::CliRun bad = test::runFleetscope(base() << QStringLiteral("set") << QStringLiteral("prod") << QStringLiteral("health_poll_seconds=5"));
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QLatin1String("nothing changed")), qPrintable(bad.err));
        QCOMPARE(row(QStringLiteral("prod")).value(QStringLiteral("cadence_seconds")).toInt(), 60);
        QCOMPARE(test::runFleetscope(base() << QStringLiteral("set") << QStringLiteral("ghost") << QStringLiteral("a=b")).exitCode, 1);
        QCOMPARE(test::runFleetscope(base() << QStringLiteral("set") << QStringLiteral("prod")).exitCode, 2);

        QCOMPARE(test::runFleetscope(base() << QStringLiteral("disable") << QStringLiteral("prod")).exitCode, 0);
        QCOMPARE(row(QStringLiteral("prod")).value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(test::runFleetscope(base() << QStringLiteral("enable") << QStringLiteral("prod")).exitCode, 0);
        QCOMPARE(row(QStringLiteral("prod")).value(QStringLiteral("enabled")).toBool(), true);
        // The secret stayed where it was.
        QCOMPARE(Credentials().readBlocking(1)->bytes(), QByteArray(kSecret));
    }

    void secretFromANamedVariable()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MY_RUNPOD_KEY"), QStringLiteral("env-key-123"));
        const test::CliRun run = test::runFleetscope(base() << QStringLiteral("add") << QStringLiteral("runpod") << QStringLiteral("--name")
                                                            << QStringLiteral("ci") << QStringLiteral("--set") << QStringLiteral("graphql_url=") + graphqlUrl()
                                                            << QStringLiteral("--secret-env") << QStringLiteral("MY_RUNPOD_KEY"), env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QLatin1String("read from $MY_RUNPOD_KEY at use")));
        QVERIFY(!test::treeContains(m_dir.path(), "env-key-123"));
        const test::CliRun tested = test::runFleetscope(base() << QStringLiteral("test") << QStringLiteral("ci"), env);
        QCOMPARE(tested.exitCode, 0);
        const test::CliRun unset = test::runFleetscope(base() << QStringLiteral("test") << QStringLiteral("ci"));
        QCOMPARE(unset.exitCode, 1);
        QVERIFY2(unset.err.contains(QLatin1String("MY_RUNPOD_KEY")), qPrintable(unset.err));
        const test::CliRun listed = test::runFleetscope(base() << QStringLiteral("list"));
        QVERIFY2(listed.out.contains(QLatin1String("$MY_RUNPOD_KEY (unset)")), qPrintable(listed.out));
        QVERIFY(!listed.out.contains(QLatin1String("env-key-123")));
    }

    void failuresSaveNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        const QString url = QStringLiteral("graphql_url=") + graphqlUrl();
        QTest::addRow("duplicate name") << QStringList{QStringLiteral("runpod"), QStringLiteral("--name"), QStringLiteral("prod"), QStringLiteral("--set"), url, QStringLiteral("--secret-stdin")} << 1 << QStringLiteral("exists already");
        QTest::addRow("unknown kind") << QStringList{QStringLiteral("teleport"), QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--secret-stdin")} << 1 << QStringLiteral("unknown provider kind 'teleport' (known: coreweave, digitalocean, docker, hetzner, kubernetes, lambda, linode, local-gpu, metrics-endpoint, ovh, paperspace, prometheus, runpod, vultr)");
        QTest::addRow("unknown setting") << QStringList{QStringLiteral("runpod"), QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--set"), QStringLiteral("colour=blue"), QStringLiteral("--secret-stdin")} << 1 << QStringLiteral("colour: no such setting");
        QTest::addRow("http to a remote host") << QStringList{QStringLiteral("runpod"), QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--set"), QStringLiteral("graphql_url=http://api.runpod.io/graphql"), QStringLiteral("--secret-stdin")} << 1 << QStringLiteral("plain http is allowed only to this machine");
        QTest::addRow("out of range") << QStringList{QStringLiteral("runpod"), QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--set"), QStringLiteral("health_poll_seconds=1"), QStringLiteral("--secret-stdin")} << 1 << QStringLiteral("outside 10..86400");
        QTest::addRow("no secret") << QStringList{QStringLiteral("runpod"), QStringLiteral("--name"), QStringLiteral("x")} << 1 << QStringLiteral("--secret-stdin");
        QTest::addRow("no name") << QStringList{QStringLiteral("runpod"), QStringLiteral("--secret-stdin")} << 2 << QStringLiteral("--name is required");
        QTest::addRow("two secret sources") << QStringList{QStringLiteral("runpod"), QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--secret-stdin"), QStringLiteral("--secret-env"), QStringLiteral("K")} << 2 << QStringLiteral("not both");
    }

    void failuresSaveNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        const int before = int(list().size());
        const test::CliRun run = runWithStdin(base() << QStringLiteral("add") << args, "some-key\n");
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
        QCOMPARE(int(list().size()), before);
    }

    void failedTestSavesNothing()
    {
        m_server.enqueue(graphql(R"({"errors":[{"message":"Unauthorized request, please check your API key."}]})"));
        const int before = int(list().size());
        const test::CliRun run = runWithStdin(base() << QStringLiteral("add") << QStringLiteral("runpod") << QStringLiteral("--name") << QStringLiteral("wrong-key")
                                                     << QStringLiteral("--set") << QStringLiteral("graphql_url=") + graphqlUrl() << QStringLiteral("--secret-stdin"),
                                              "wrong\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("wrong-key: test failed, nothing saved: auth:")), qPrintable(run.err));
        QCOMPARE(int(list().size()), before);
    }

    void removeDeletesTheSecretAndKeepsHistory()
    {
        // Something prod collected, written as the engine would.
        {
            StoreService store(*StoreLocation::parse(QString(), m_dir.path()));
            QVERIFY(store.startBlocking());
            BillingSnapshot billing;
            billing.snapshotTs = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
            billing.connectionId = 1;
            billing.balance = 42.5;
            WriteBatch batch;
            batch.billing << billing;
            QVERIFY(store.writeBlocking(batch));
        }
        QCOMPARE(test::runFleetscope(base() << QStringLiteral("remove")).exitCode, 2);
        QCOMPARE(test::runFleetscope(base() << QStringLiteral("remove") << QStringLiteral("prod") << QStringLiteral("--keep-data")
                                            << QStringLiteral("--delete-data")).exitCode, 2);
        const test::CliRun ghost = test::runFleetscope(base() << QStringLiteral("remove") << QStringLiteral("ghost"));
        QCOMPARE(ghost.exitCode, 1);
        QVERIFY2(ghost.err.contains(QLatin1String("ghost")), qPrintable(ghost.err));

        // Keychain out of reach: nothing removed, the connection still there with its secret.
        QProcessEnvironment noBus = QProcessEnvironment::systemEnvironment();
        noBus.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-bus")));
        const test::CliRun blocked = test::runFleetscope(base() << QStringLiteral("remove") << QStringLiteral("prod"), noBus);
        QCOMPARE(blocked.exitCode, 1);
        QVERIFY2(blocked.err.contains(QLatin1String("prod: nothing removed: keychain unavailable")), qPrintable(blocked.err));
        QCOMPARE(Credentials().readBlocking(1)->bytes(), QByteArray(kSecret));

        const test::CliRun removed = test::runFleetscope(base() << QStringLiteral("remove") << QStringLiteral("prod"));
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QCOMPARE(removed.out.trimmed(), QStringLiteral("prod: removed, its keychain entry deleted; collected data kept"));
        QCOMPARE(*Credentials().hasSecretBlocking(1), false);
        for (const QJsonValue row : list())
            QVERIFY(row.toObject().value(QStringLiteral("name")).toString() != QLatin1String("prod"));
        const test::CliRun exported = test::runFleetscope({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("export"),
                                                           QStringLiteral("billing"), QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY2(exported.out.contains(QLatin1String("2026-11-20T12:00:00Z,prod,,,,42.5,")), qPrintable(exported.out));

        // The name is free again; --delete-data takes the history with it.
        const test::CliRun again = runWithStdin(base() << QStringLiteral("add") << QStringLiteral("runpod") << QStringLiteral("--name") << QStringLiteral("prod")
                                                       << QStringLiteral("--set") << QStringLiteral("graphql_url=") + graphqlUrl() << QStringLiteral("--secret-stdin")
                                                       << QStringLiteral("--no-test"),
                                                QByteArray(kSecret) + "\n");
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const test::CliRun purged = test::runFleetscope(base() << QStringLiteral("remove") << QStringLiteral("ci") << QStringLiteral("--delete-data"));
        QVERIFY2(purged.exitCode == 0, qPrintable(purged.err));
        QCOMPARE(purged.out.trimmed(), QStringLiteral("ci: removed; collected data deleted"));
    }

    // A kind without a secret never needs the keychain: add, test, list and remove all work with no D-Bus at all.
    void metricsEndpointNeedsNoKeychain()
    {
        const QByteArray scrape = test::fixtureBytes(QStringLiteral("dcgm/datadog-dcgm-metrics.txt"));
        LoopbackServer exporter([&scrape](const LoopbackRequest &) {
            return LoopbackResponse::withBody(200, "text/plain; version=0.0.4", scrape);
        });
        QVERIFY(exporter.listen());
        const QString url = QStringLiteral("url=http://127.0.0.1:%1/metrics").arg(exporter.port());
        QProcessEnvironment noBus = QProcessEnvironment::systemEnvironment();
        noBus.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-bus")));
        const QStringList add = base() << QStringLiteral("add") << QStringLiteral("metrics-endpoint") << QStringLiteral("--name");

        const test::CliRun added = test::runFleetscope(QStringList(add) << QStringLiteral("dcgm") << QStringLiteral("--set") << url, noBus);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(added.out.trimmed(), QStringLiteral("added metrics-endpoint connection 'dcgm'; secret none; test ok: dcgm-exporter: 3 GPUs on 3 hosts"));
        const test::CliRun untested = test::runFleetscope(QStringList(add) << QStringLiteral("later") << QStringLiteral("--set")
                                                          << QStringLiteral("url=http://127.0.0.1:1/metrics") << QStringLiteral("--no-test"), noBus);
        QVERIFY2(untested.exitCode == 0, qPrintable(untested.err));
        QVERIFY(untested.out.endsWith(QLatin1String("not tested\n")));

        const test::CliRun tested = test::runFleetscope(base() << QStringLiteral("test") << QStringLiteral("dcgm"), noBus);
        QVERIFY2(tested.exitCode == 0, qPrintable(tested.err));
        QCOMPARE(tested.out.trimmed(), QStringLiteral("dcgm: ok — dcgm-exporter: 3 GPUs on 3 hosts"));
        const test::CliRun down = test::runFleetscope(base() << QStringLiteral("test") << QStringLiteral("later"), noBus);
        QCOMPARE(down.exitCode, 1);
        QVERIFY2(down.err.contains(QLatin1String("later: unavailable: scrape 127.0.0.1:1/metrics")), qPrintable(down.err));

        // collect --once: one cycle of each stored connection; the one that is down fails the command
        // (exit 1, named on stderr) without keeping the other's samples out of the store.
        QProcessEnvironment noRunPod = noBus;
        noRunPod.remove(QStringLiteral("RUNPOD_API_KEY"));
        const test::CliRun once = test::runFleetscope({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("collect"), QStringLiteral("--once")}, noRunPod);
        QCOMPARE(once.exitCode, 1);
        QVERIFY2(once.out.startsWith(QLatin1String("runpod: RUNPOD_API_KEY is not set; nothing contacted\n")), qPrintable(once.out));
        static const QRegularExpression kStored(QStringLiteral("^dcgm scrape: 0 rows and (\\d+) samples stored, \\d+ ms$"), QRegularExpression::MultilineOption);
        const QRegularExpressionMatch stored = kStored.match(once.out);
        QVERIFY2(stored.hasMatch(), qPrintable(once.out));
        QCOMPARE(stored.captured(1).toInt(), kDcgmSamplesPerScrape);
        // One line per failed connection, in the order they fail; 'prod' (RunPod, added above) keeps its key
        // in the keychain, which has no bus here, and its line says so.
        QStringList failures = once.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        failures.sort();
        QCOMPARE(failures.size(), 2);
        QVERIFY2(failures.at(0).startsWith(QLatin1String("fleetscope: later: unavailable: scrape 127.0.0.1:1/metrics")), qPrintable(once.err));
        QVERIFY2(failures.at(1).startsWith(QLatin1String("fleetscope: prod: unavailable: keychain unavailable")), qPrintable(once.err));
        for (const QJsonValue row : list()) {
            const QJsonObject object = row.toObject();
            const QString name = object.value(QStringLiteral("name")).toString();
            if (name == QLatin1String("dcgm") || name == QLatin1String("later"))
                QCOMPARE(object.value(QStringLiteral("last_status")).toString(), name == QLatin1String("dcgm") ? QStringLiteral("ok") : QStringLiteral("failed"));
        }
        for (const QJsonValue row : list()) {
            const QJsonObject object = row.toObject();
            if (object.value(QStringLiteral("kind")).toString() == QLatin1String("metrics-endpoint")) {
                QCOMPARE(object.value(QStringLiteral("secret")).toString(), QStringLiteral("not needed"));
                QCOMPARE(object.value(QStringLiteral("cadence_seconds")).toInt(), 30);
            }
        }

        // A token only with auth=bearer, and then it is required.
        const test::CliRun stray = runWithStdin(QStringList(add) << QStringLiteral("x") << QStringLiteral("--set") << url << QStringLiteral("--secret-stdin"), "tok\n");
        QCOMPARE(stray.exitCode, 1);
        QVERIFY2(stray.err.contains(QLatin1String("take a secret only with auth=bearer")), qPrintable(stray.err));
        const test::CliRun missing = test::runFleetscope(QStringList(add) << QStringLiteral("x") << QStringLiteral("--set") << url
                                                         << QStringLiteral("--set") << QStringLiteral("auth=bearer"));
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QLatin1String("needs its bearer token")), qPrintable(missing.err));

        const test::CliRun removed = test::runFleetscope(base() << QStringLiteral("remove") << QStringLiteral("dcgm"), noBus);
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QCOMPARE(removed.out.trimmed(), QStringLiteral("dcgm: removed; collected data kept"));
    }

    void prometheusAddTestsBuildinfo()
    {
        LoopbackServer prometheus([](const LoopbackRequest &request) {
            if (request.path != QLatin1String("/api/v1/status/buildinfo"))
                return LoopbackResponse::withBody(404, "text/plain", "404 page not found\n");
            return LoopbackResponse::withBody(200, "application/json", R"({"status":"success","data":{"version":"2.42.0","revision":"","branch":"","buildUser":"","buildDate":"","goVersion":"go1.19.8"}})");
        });
        QVERIFY(prometheus.listen());
        QProcessEnvironment noBus = QProcessEnvironment::systemEnvironment();
        noBus.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-bus")));
        const QStringList add = base() << QStringLiteral("add") << QStringLiteral("prometheus") << QStringLiteral("--name");
        const QString url = QStringLiteral("url=http://127.0.0.1:%1").arg(prometheus.port());

        const test::CliRun added = test::runFleetscope(QStringList(add) << QStringLiteral("prom") << QStringLiteral("--set") << url, noBus);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(added.out.trimmed(), QStringLiteral("added prometheus connection 'prom'; secret none; test ok: Prometheus 2.42.0"));
        const test::CliRun tested = test::runFleetscope(base() << QStringLiteral("test") << QStringLiteral("prom"), noBus);
        QCOMPARE(tested.out.trimmed(), QStringLiteral("prom: ok — Prometheus 2.42.0"));

        // Basic auth: the password through the keychain, the user name a setting.
        const test::CliRun basic = runWithStdin(QStringList(add) << QStringLiteral("prom-basic") << QStringLiteral("--set") << url << QStringLiteral("--set")
                                                << QStringLiteral("auth=basic") << QStringLiteral("--set") << QStringLiteral("username=grafana")
                                                << QStringLiteral("--secret-stdin") << QStringLiteral("--no-test"),
                                                "pw-CANARY\n");
        QVERIFY2(basic.exitCode == 0, qPrintable(basic.err));
        QVERIFY2(basic.out.contains(QLatin1String("secret in the keychain; not tested")), qPrintable(basic.out));
        QVERIFY(!test::treeContains(m_dir.path(), "pw-CANARY"));
        const test::CliRun basicTest = test::runFleetscope(base() << QStringLiteral("test") << QStringLiteral("prom-basic"));
        QVERIFY2(basicTest.exitCode == 0, qPrintable(basicTest.err));

        const test::CliRun unknown = test::runFleetscope(QStringList(add) << QStringLiteral("x") << QStringLiteral("--set") << url
                                                         << QStringLiteral("--set") << QStringLiteral("queries=all"), noBus);
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QLatin1String("queries: expected one of dcgm, custom")), qPrintable(unknown.err));
        const test::CliRun noList = test::runFleetscope(QStringList(add) << QStringLiteral("x") << QStringLiteral("--set") << url
                                                        << QStringLiteral("--set") << QStringLiteral("queries=custom") << QStringLiteral("--no-test"), noBus);
        QCOMPARE(noList.exitCode, 1);
        QVERIFY2(noList.err.contains(QLatin1String("x: custom_queries: give name=PromQL entries")), qPrintable(noList.err));
    }

    void noKeychainSavesNothing()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-bus")));
        const int before = int(list().size());
        const test::CliRun run = runWithStdin(base() << QStringLiteral("add") << QStringLiteral("runpod") << QStringLiteral("--name") << QStringLiteral("no-keychain")
                                                     << QStringLiteral("--set") << QStringLiteral("graphql_url=") + graphqlUrl() << QStringLiteral("--secret-stdin"),
                                              QByteArray(kSecret), env);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("no-keychain: nothing saved: keychain unavailable")), qPrintable(run.err));
        QVERIFY(run.err.contains(QLatin1String("--secret-env")));
        QCOMPARE(int(list().size()), before);
        QVERIFY(!test::treeContains(m_dir.path(), kSecret));
    }
};

QTEST_GUILESS_MAIN(TestConnections)
#include "test_connections.moc"
