// `fleetscope workflows ...` as a user meets it: configurations, importing a folder of real result files
// into a temporary data dir, idempotent re-imports, size limits, bad files, regressions, and the exports.
#include "clirun.h"
#include "fixtures.h"
#include "simulator/loopbackserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

QStringList lines(const QString &text)
{
    return text.trimmed().split(QLatin1Char('\n'));
}

} // namespace

class TestWorkflowCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_dataDir;

    test::CliRun run(const QStringList &args) const
    {
        return test::runFleetscope(QStringList{QStringLiteral("--data-dir"), m_dataDir} + args);
    }
    test::CliRun workflows(const QStringList &args) const { return run(QStringList{QStringLiteral("workflows")} + args); }
    QJsonArray json(const QStringList &args) const
    {
        const test::CliRun result = run(args + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        if (result.exitCode != 0)
            qWarning("%s", qPrintable(result.err));
        return QJsonDocument::fromJson(result.rawOut).array();
    }

    // A results folder: every real benchmark fixture under bench/, a truncated JSON deeper down,
    // a CSV under results/, a file over the limit, and files the patterns leave out.
    QString resultsFolder()
    {
        const QString root = m_dir.filePath(QStringLiteral("results"));
        const QDir fixtures(QStringLiteral(FLEETSCOPE_FIXTURES "/bench"));
        for (const QString &name : fixtures.entryList({QStringLiteral("*.json")}, QDir::Files))
            writeFile(root + QStringLiteral("/bench/") + name, test::fixtureBytes(QStringLiteral("bench/") + name));
        writeFile(root + QStringLiteral("/bench/deep/bad.json"), test::fixtureBytes(QStringLiteral("bench/gbench-googlecpp_output.json")).left(700));
        writeFile(root + QStringLiteral("/bench/big.json"), "{\"pad\": \"" + QByteArray(600 * 1024, 'x') + "\"}");
        writeFile(root + QStringLiteral("/results/results.csv"), test::fixtureBytes(QStringLiteral("workflows/results.csv")));
        writeFile(root + QStringLiteral("/results/notes.md"), "| a | b |\n|---|---|\n| 1 | 2 |\n");
        writeFile(root + QStringLiteral("/README.json"), "{\"x\": 1}");
        return root;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dataDir = m_dir.filePath(QStringLiteral("data"));
    }

    void configurations()
    {
        const test::CliRun noRepo = workflows({QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("x")});
        QCOMPARE(noRepo.exitCode, 2);
        QVERIFY2(noRepo.err.startsWith(QLatin1String("fleetscope: workflows configs add: --repo OWNER/REPO is required")), qPrintable(noRepo.err));
        QCOMPARE(workflows({QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--repo"), QStringLiteral("nope")}).exitCode, 2);

        const test::CliRun added = workflows({QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("scratch"), QStringLiteral("--repo"),
                                              QStringLiteral("acme/llm"), QStringLiteral("--workflow"), QStringLiteral("bench.yml"),
                                              QStringLiteral("--branch"), QStringLiteral("main"), QStringLiteral("--pattern"), QStringLiteral("a/*.json")});
        QCOMPARE(added.exitCode, 0);
        QCOMPARE(added.out.trimmed(), QStringLiteral("added workflow configuration 'scratch' for acme/llm"));
        const test::CliRun again = workflows({QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("scratch"), QStringLiteral("--repo"), QStringLiteral("a/b")});
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(again.err.trimmed(), QStringLiteral("fleetscope: a workflow configuration named 'scratch' exists already"));

        QCOMPARE(workflows({QStringLiteral("configs"), QStringLiteral("set"), QStringLiteral("scratch"), QStringLiteral("--pattern"), QStringLiteral("b/**/*.csv"),
                            QStringLiteral("--pattern"), QStringLiteral("c/*.md"), QStringLiteral("--disable"), QStringLiteral("--max-file-mb"), QStringLiteral("2")})
                     .exitCode, 0);
        const QJsonArray listed = json({QStringLiteral("workflows"), QStringLiteral("configs"), QStringLiteral("list")});
        QCOMPARE(listed.size(), 1);
        const QJsonObject c = listed.first().toObject();
        QCOMPARE(c.value(QLatin1String("name")).toString(), QStringLiteral("scratch"));
        QCOMPARE(c.value(QLatin1String("github_owner")).toString(), QStringLiteral("acme"));
        QCOMPARE(c.value(QLatin1String("github_repo")).toString(), QStringLiteral("llm"));
        QCOMPARE(c.value(QLatin1String("workflow_filter")).toString(), QStringLiteral("bench.yml"));
        QCOMPARE(c.value(QLatin1String("branch_filter")).toString(), QStringLiteral("main"));
        QCOMPARE(c.value(QLatin1String("file_patterns")).toArray(), (QJsonArray{QStringLiteral("b/**/*.csv"), QStringLiteral("c/*.md")}));
        QCOMPARE(c.value(QLatin1String("max_file_bytes")).toInteger(), 2 * 1024 * 1024);
        QCOMPARE(c.value(QLatin1String("enabled")).toBool(), false);
        const test::CliRun table = workflows({QStringLiteral("configs"), QStringLiteral("list")});
        QCOMPARE(lines(table.out).size(), 2);
        QVERIFY2(lines(table.out).last().contains(QLatin1String("b/**/*.csv c/*.md  2.0 MB    no")), qPrintable(table.out));

        const test::CliRun removed = workflows({QStringLiteral("configs"), QStringLiteral("remove"), QStringLiteral("scratch")});
        QCOMPARE(removed.exitCode, 0);
        QCOMPARE(removed.out.trimmed(), QStringLiteral("removed workflow configuration 'scratch' with its 0 runs and their metrics"));
        QCOMPARE(workflows({QStringLiteral("configs"), QStringLiteral("remove"), QStringLiteral("scratch")}).exitCode, 1);
        QVERIFY(json({QStringLiteral("workflows"), QStringLiteral("configs"), QStringLiteral("list")}).isEmpty());
    }

    void importAFolderAsOneRun()
    {
        QCOMPARE(workflows({QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("bench"), QStringLiteral("--repo"), QStringLiteral("acme/llm"),
                            QStringLiteral("--pattern"), QStringLiteral("bench/**/*.json"), QStringLiteral("--pattern"), QStringLiteral("results/*.csv"),
                            QStringLiteral("--max-file-mb"), QStringLiteral("0.5")})
                     .exitCode, 0);
        const QStringList import{QStringLiteral("import"), QStringLiteral("bench"), resultsFolder(), QStringLiteral("--run-id"), QStringLiteral("4242"),
                                 QStringLiteral("--commit"), QStringLiteral("0123456789abcdef"), QStringLiteral("--branch"), QStringLiteral("main"),
                                 QStringLiteral("--started-at"), QStringLiteral("2026-11-20T10:00:00Z")};
        const test::CliRun first = workflows(import);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains(QLatin1String("bench/big.json")) && first.out.contains(QLatin1String("skipped: 600.0 KB, over the 512.0 KB limit")),
                 qPrintable(first.out));
        QVERIFY2(first.out.contains(QLatin1String("bench/deep/bad.json:35: not valid JSON")), qPrintable(first.out));
        QVERIFY(!first.out.contains(QLatin1String("notes.md")) && !first.out.contains(QLatin1String("README")));
        QCOMPARE(lines(first.out).last(), QStringLiteral("run 4242 of 'bench': completed, 12 of 14 files read, 242 metric values"));

        const QJsonArray runs = json({QStringLiteral("workflows"), QStringLiteral("runs")});
        QCOMPARE(runs.size(), 1);
        const QJsonObject r = runs.first().toObject();
        QCOMPARE(r.value(QLatin1String("config")).toString(), QStringLiteral("bench"));
        QCOMPARE(r.value(QLatin1String("github_run_id")).toInteger(), 4242);
        QCOMPARE(r.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(r.value(QLatin1String("trigger_source")).toString(), QStringLiteral("manual"));
        QCOMPARE(r.value(QLatin1String("files_found")).toInteger(), 14);
        QCOMPARE(r.value(QLatin1String("files_processed")).toInteger(), 12);
        QCOMPARE(r.value(QLatin1String("metrics_count")).toInteger(), 242);
        QCOMPARE(r.value(QLatin1String("head_sha")).toString(), QStringLiteral("0123456789abcdef"));
        QCOMPARE(r.value(QLatin1String("workload_started_at")).toString(), QStringLiteral("2026-11-20T10:00:00Z"));
        const QString error = r.value(QLatin1String("error_message")).toString();
        QVERIFY2(error.startsWith(QLatin1String("bench/big.json: skipped: 600.0 KB, over the 512.0 KB limit; bench/deep/bad.json:35: not valid JSON")),
                 qPrintable(error));

        // The same run again: replaced, not duplicated.
        const test::CliRun second = workflows(import);
        QCOMPARE(second.exitCode, 0);
        QVERIFY(lines(second.out).last().endsWith(QLatin1String("(replaced the earlier import of this run)")));
        QCOMPARE(json({QStringLiteral("workflows"), QStringLiteral("runs")}).size(), 1);
        const test::CliRun metrics = run({QStringLiteral("export"), QStringLiteral("workflow-metrics"), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(lines(metrics.out).size(), 1 + 242);

        // Without a run id, the files themselves name the run: the same files twice are one run.
        const QString csvOnly = m_dir.filePath(QStringLiteral("results/results"));
        const QStringList byContent{QStringLiteral("import"), QStringLiteral("bench"), csvOnly + QStringLiteral("/results.csv")};
        QCOMPARE(workflows(byContent).exitCode, 0);
        QCOMPARE(workflows(byContent).exitCode, 0);
        const QJsonArray both = json({QStringLiteral("workflows"), QStringLiteral("runs"), QStringLiteral("--config"), QStringLiteral("bench")});
        QCOMPARE(both.size(), 2);
        QVERIFY(both.at(1).toObject().value(QLatin1String("run_key")).toString().startsWith(QLatin1String("sha256:")));
        QVERIFY(both.at(1).toObject().value(QLatin1String("github_run_id")).isNull());
    }

    void exportsHaveFixedColumns()
    {
        const test::CliRun runs = run({QStringLiteral("export"), QStringLiteral("workflow-runs"), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(runs.exitCode, 0);
        QCOMPARE(lines(runs.out).first().trimmed(),
                 QStringLiteral("config,github_run_id,head_sha,head_branch,status,trigger_source,files_found,files_processed,metrics_count,"
                                "workload_started_at,workload_completed_at,error_message"));
        QVERIFY2(lines(runs.out).at(1).startsWith(QLatin1String("bench,4242,0123456789abcdef,main,completed,manual,14,12,242,2026-11-20T10:00:00Z,,")),
                 qPrintable(runs.out));

        const test::CliRun metrics = run({QStringLiteral("export"), QStringLiteral("workflow-metrics"), QStringLiteral("--format"), QStringLiteral("csv"),
                                          QStringLiteral("--until"), QStringLiteral("2026-11-21T00:00:00Z")});
        QCOMPARE(metrics.exitCode, 0);
        QCOMPARE(lines(metrics.out).first().trimmed(), QStringLiteral("config,github_run_id,head_sha,timestamp,source_file,dimensions,metric,value,unit"));
        QVERIFY2(metrics.out.contains(QStringLiteral("bench,4242,0123456789abcdef,2026-11-20T10:00:00Z,bench/gbench-googlecpp_output.json,"
                                                     "\"{\"\"benchmark\"\":\"\"fib_10\"\",\"\"run_type\"\":\"\"iteration\"\",\"\"threads\"\":1}\","
                                                     "real_time,214.98980114547953,ns\r\n")),
                 qPrintable(metrics.out.left(2000)));
        QCOMPARE(lines(metrics.out).size(), 1 + 242);   // the later by-content imports are after --until

        const test::CliRun jsonRows = run({QStringLiteral("export"), QStringLiteral("workflow-metrics"), QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonObject first = QJsonDocument::fromJson(jsonRows.rawOut).array().first().toObject();
        QCOMPARE(first.keys(), (QStringList{QStringLiteral("config"), QStringLiteral("dimensions"), QStringLiteral("github_run_id"),
                                            QStringLiteral("head_sha"), QStringLiteral("metric"), QStringLiteral("source_file"),
                                            QStringLiteral("timestamp"), QStringLiteral("unit"), QStringLiteral("value")}));
    }

    void badRunsAreRecordedAndFail()
    {
        const QString badOnly = m_dir.filePath(QStringLiteral("bad-only"));
        writeFile(badOnly + QStringLiteral("/bench/x.json"), "{\"a\": ");
        const test::CliRun failed = workflows({QStringLiteral("import"), QStringLiteral("bench"), badOnly, QStringLiteral("--run-id"), QStringLiteral("7")});
        QCOMPARE(failed.exitCode, 1);
        QCOMPARE(lines(failed.err).last(), QStringLiteral("fleetscope: bench: run 7 failed: bench/x.json:1: not valid JSON (unterminated object)"));
        const QString empty = m_dir.filePath(QStringLiteral("empty-folder"));
        QDir().mkpath(empty);
        const test::CliRun skipped = workflows({QStringLiteral("import"), QStringLiteral("bench"), empty, QStringLiteral("--run-id"), QStringLiteral("8")});
        QCOMPARE(skipped.exitCode, 1);
        QCOMPARE(lines(skipped.err).last(), QStringLiteral("fleetscope: bench: run 8 skipped: no file matched bench/**/*.json, results/*.csv"));
        QStringList statuses;
        for (const QJsonValue &r : json({QStringLiteral("workflows"), QStringLiteral("runs"), QStringLiteral("--config"), QStringLiteral("bench")}))
            statuses << r[QLatin1String("status")].toString();
        QVERIFY2(statuses.contains(QLatin1String("failed")) && statuses.contains(QLatin1String("skipped")), qPrintable(statuses.join(QLatin1Char(','))));

        QCOMPARE(workflows({QStringLiteral("import"), QStringLiteral("nope"), empty}).exitCode, 1);
        QCOMPARE(workflows({QStringLiteral("import"), QStringLiteral("bench"), m_dir.filePath(QStringLiteral("missing"))}).exitCode, 1);
        QCOMPARE(workflows({QStringLiteral("import"), QStringLiteral("bench")}).exitCode, 2);
    }

    void regressionsAreDataNotFailure()
    {
        QCOMPARE(workflows({QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("serve"), QStringLiteral("--repo"), QStringLiteral("acme/llm")}).exitCode, 0);
        // Nine nightly runs: latency wobbles by about 2 %, throughput too; the ninth run is 25 % slower.
        const double latency[] = {40.1, 39.6, 40.4, 40.0, 39.8, 40.3, 39.9, 40.2, 50.0};
        const double throughput[] = {900, 905, 897, 902, 899, 903, 898, 901, 900};
        for (int i = 0; i < 9; ++i) {
            const QString file = m_dir.filePath(QStringLiteral("serve/%1/serve.csv").arg(i));
            writeFile(file, QStringLiteral("model,concurrency,ttft_ms,output_throughput\nllama,8,%1,%2\n").arg(latency[i]).arg(throughput[i]).toUtf8());
            const test::CliRun imported = workflows({QStringLiteral("import"), QStringLiteral("serve"), file, QStringLiteral("--run-id"), QString::number(100 + i),
                                                     QStringLiteral("--started-at"), QDateTime(QDate(2026, 11, 10 + i), QTime(2, 0), Qt::UTC).toString(Qt::ISODate)});
            QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        }
        const QJsonArray found = json({QStringLiteral("workflows"), QStringLiteral("regressions"), QStringLiteral("serve")});
        QCOMPARE(found.size(), 1);
        const QJsonObject regression = found.first().toObject();
        QCOMPARE(regression.value(QLatin1String("metric")).toString(), QStringLiteral("ttft_ms"));
        QCOMPARE(regression.value(QLatin1String("dimensions")).toObject(),
                 (QJsonObject{{QStringLiteral("model"), QStringLiteral("llama")}, {QStringLiteral("concurrency"), 8}}));
        QCOMPARE(regression.value(QLatin1String("better")).toString(), QStringLiteral("lower"));
        QCOMPARE(regression.value(QLatin1String("latest")).toDouble(), 50.0);
        QCOMPARE(regression.value(QLatin1String("baseline_median")).toDouble(), 40.05);
        QCOMPARE(regression.value(QLatin1String("baseline_runs")).toInt(), 8);
        QCOMPARE(regression.value(QLatin1String("latest_at")).toString(), QStringLiteral("2026-11-18T02:00:00Z"));

        const test::CliRun table = workflows({QStringLiteral("regressions"), QStringLiteral("serve")});
        QCOMPARE(table.exitCode, 0);
        QCOMPARE(lines(table.out).size(), 3);
        QVERIFY2(lines(table.out).at(1).startsWith(QLatin1String("ttft_ms")) && lines(table.out).at(1).contains(QLatin1String("+24.8%")), qPrintable(table.out));
        QCOMPARE(lines(table.out).last(), QStringLiteral("1 regressions in 2 series (0 with too little history)"));

        const QJsonArray all = json({QStringLiteral("workflows"), QStringLiteral("regressions"), QStringLiteral("serve"), QStringLiteral("--all")});
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).toObject().value(QLatin1String("verdict")).toString(), QStringLiteral("unchanged"));   // output_throughput
        const test::CliRun strict = workflows({QStringLiteral("regressions"), QStringLiteral("serve"), QStringLiteral("--threshold"), QStringLiteral("30")});
        QCOMPARE(strict.exitCode, 0);
        QCOMPARE(lines(strict.out).last(), QStringLiteral("0 regressions in 2 series (0 with too little history)"));
        QCOMPARE(workflows({QStringLiteral("regressions"), QStringLiteral("serve"), QStringLiteral("--window"), QStringLiteral("zero")}).exitCode, 2);
        QCOMPARE(workflows({QStringLiteral("regressions"), QStringLiteral("nope")}).exitCode, 1);
    }
    // An unknown result shape: proposed (by shape, then by a loopback "AI" endpoint), edited, confirmed,
    // shown, and used by the next import; bad input fails with one line naming its source.
    void schemaProposeConfirmShowAndImport()
    {
        QCOMPARE(workflows({QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("serving"), QStringLiteral("--repo"), QStringLiteral("acme/llm")}).exitCode, 0);
        const QString sample = m_dir.filePath(QStringLiteral("serving/serving.json"));
        writeFile(sample, R"({"gpu": "H100", "runs": [{"model": "llama-8b", "tokens_per_s": 1500.5, "p50_ms": 12.5},
                                                      {"model": "llama-70b", "tokens_per_s": 410, "p50_ms": 48}]})");
        const test::CliRun proposed = workflows({QStringLiteral("schema"), QStringLiteral("propose"), QStringLiteral("serving"), sample});
        QVERIFY2(proposed.exitCode == 0, qPrintable(proposed.err));
        QJsonObject proposal = QJsonDocument::fromJson(proposed.rawOut).object();
        QCOMPARE(proposal.value(QLatin1String("source")).toString(), QStringLiteral("heuristic"));
        QJsonArray fields = proposal.value(QLatin1String("fields")).toArray();
        QCOMPARE(fields.size(), 4);   // model, gpu, p50_ms, tokens_per_s
        QJsonObject rate = fields.at(3).toObject();
        QCOMPARE(rate.value(QLatin1String("path")).toString(), QStringLiteral("$.runs[*].tokens_per_s"));
        QCOMPARE(rate.value(QLatin1String("direction")).toString(), QStringLiteral("higher"));

        // The user renames a metric and confirms.
        rate.insert(QStringLiteral("name"), QStringLiteral("throughput"));
        fields.replace(3, rate);
        proposal.insert(QStringLiteral("fields"), fields);
        proposal.insert(QStringLiteral("source"), QStringLiteral("user"));
        const QString edited = m_dir.filePath(QStringLiteral("serving/schema.json"));
        writeFile(edited, QJsonDocument(proposal).toJson());
        const test::CliRun confirmed = workflows({QStringLiteral("schema"), QStringLiteral("confirm"), QStringLiteral("serving"), edited,
                                                  QStringLiteral("--sample"), sample});
        QVERIFY2(confirmed.exitCode == 0, qPrintable(confirmed.err));
        QCOMPARE(lines(confirmed.out).last(), QStringLiteral("stored schema version 1 of 'serving' (user, 4 fields), now active; later imports use it"));
        const test::CliRun shown = workflows({QStringLiteral("schema"), QStringLiteral("show"), QStringLiteral("serving")});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.startsWith(QLatin1String("serving: schema version 1 of 1, proposed from serving.json (user), active")), qPrintable(shown.out));
        QVERIFY2(shown.out.contains(QLatin1String("$.runs[*].tokens_per_s")), qPrintable(shown.out));

        const test::CliRun imported = workflows({QStringLiteral("import"), QStringLiteral("serving"), sample, QStringLiteral("--run-id"), QStringLiteral("9")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains(QLatin1String("schema v1")), qPrintable(imported.out));
        QCOMPARE(lines(imported.out).last(), QStringLiteral("run 9 of 'serving': completed, 1 of 1 files read, 4 metric values"));
        const test::CliRun metrics = run({QStringLiteral("export"), QStringLiteral("workflow-metrics"), QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(metrics.out.contains(QLatin1String("throughput,410,tok/s")), qPrintable(metrics.out));

        // Bad input: one line on stderr naming the source, a non-zero exit, nothing stored.
        const QString broken = m_dir.filePath(QStringLiteral("serving/broken.json"));
        writeFile(broken, "{\"fields\": [{\"role\": \"metric\"");
        const test::CliRun refused = workflows({QStringLiteral("schema"), QStringLiteral("confirm"), QStringLiteral("serving"), broken});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.startsWith(QStringLiteral("fleetscope: ") + broken + QStringLiteral(": not a JSON object")) && lines(refused.err).size() == 1, qPrintable(refused.err));
        writeFile(broken, R"({"fields": [{"role": "metric", "name": "ttft", "path": "$.runs[*].ttft_ms"}]})");
        const test::CliRun hallucinated = workflows({QStringLiteral("schema"), QStringLiteral("confirm"), QStringLiteral("serving"), broken,
                                                     QStringLiteral("--sample"), sample});
        QCOMPARE(hallucinated.exitCode, 1);
        QCOMPARE(hallucinated.err.trimmed(), QStringLiteral("fleetscope: ") + broken + QStringLiteral(": paths not in the sample: $.runs[*].ttft_ms"));
        QCOMPARE(workflows({QStringLiteral("schema"), QStringLiteral("show"), QStringLiteral("serving"), QStringLiteral("--version"), QStringLiteral("2")}).exitCode, 1);
        QCOMPARE(workflows({QStringLiteral("schema"), QStringLiteral("propose"), QStringLiteral("nope"), sample}).err.trimmed(),
                 QStringLiteral("fleetscope: no workflow configuration named 'nope'"));
        QCOMPARE(workflows({QStringLiteral("schema"), QStringLiteral("propose"), QStringLiteral("serving")}).exitCode, 2);

        // --ai against a loopback endpoint speaking the chat-completions format.
        QByteArray authorization;
        LoopbackServer endpoint([&authorization](const LoopbackRequest &request) {
            authorization = request.header("Authorization");
            const QString content = QStringLiteral(R"({"name": "runs", "fields": [{"role": "dimension", "name": "model", "path": "$.runs[*].model"},)"
                                                   R"( {"role": "metric", "name": "tps", "path": "$.runs[*].tokens_per_s", "unit": "tok/s", "direction": "higher"}]})");
            const QJsonObject reply{{QStringLiteral("object"), QStringLiteral("chat.completion")},
                                    {QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                        {QStringLiteral("message"), QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), content}}},
                                        {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}}};
            return LoopbackResponse::withBody(200, "application/json", QJsonDocument(reply).toJson());
        });
        const Result<quint16> port = endpoint.listen();
        QVERIFY(port);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TEST_AI_KEY"), QStringLiteral("sk-cli-test"));
        const test::CliRun ai = test::runFleetscope({QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("workflows"), QStringLiteral("schema"),
                                                     QStringLiteral("propose"), QStringLiteral("serving"), sample, QStringLiteral("--ai"),
                                                     QStringLiteral("--ai-url"), QStringLiteral("http://127.0.0.1:%1/v1").arg(*port),
                                                     QStringLiteral("--ai-model"), QStringLiteral("m"), QStringLiteral("--ai-key-env"), QStringLiteral("TEST_AI_KEY")},
                                                    env);
        QVERIFY2(ai.exitCode == 0, qPrintable(ai.err));
        QCOMPARE(QJsonDocument::fromJson(ai.rawOut).object().value(QLatin1String("source")).toString(), QStringLiteral("ai"));
        QCOMPARE(authorization, QByteArray("Bearer sk-cli-test"));
        QVERIFY(!ai.out.contains(QLatin1String("sk-cli-test")) && !ai.err.contains(QLatin1String("sk-cli-test")));
    }
};

QTEST_GUILESS_MAIN(TestWorkflowCli)
#include "test_workflowcli.moc"
