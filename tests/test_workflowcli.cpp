// `fleetscope workflows ...` as a user meets it: configurations, importing a folder of real result files
// into a temporary data dir, idempotent re-imports, size limits, bad files, regressions, and the exports.
#include "clirun.h"
#include "fixtures.h"
#include "simulator/loopbackserver.h"
#include "gpunames.h"
#include "store/store.h"
#include "teststore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
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
        // The checks the GUI's dialog makes too (workflows/configcheck.h): one line naming the option.
        const test::CliRun badGlob = workflows({QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--repo"),
                                                QStringLiteral("acme/llm"), QStringLiteral("--pattern"), QStringLiteral("a/[z-a].json")});
        QCOMPARE(badGlob.exitCode, 2);
        QVERIFY2(badGlob.err.startsWith(QLatin1String("fleetscope: workflows configs add: file pattern 'a/[z-a].json' is not a glob")), qPrintable(badGlob.err));
        const test::CliRun badHost = workflows({QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--repo"),
                                                QStringLiteral("https://gitlab.com/acme/llm")});
        QCOMPARE(badHost.exitCode, 2);
        QVERIFY2(badHost.err.startsWith(QLatin1String("fleetscope: workflows configs add: --repo wants OWNER/REPO or a github.com address")), qPrintable(badHost.err));

        const test::CliRun added = workflows({QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("scratch"), QStringLiteral("--repo"),
                                              QStringLiteral("https://github.com/acme/llm.git"), QStringLiteral("--workflow"), QStringLiteral("bench.yml"),
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

        // --config: one configuration's rows; an unknown one has none; not for other datasets.
        const test::CliRun mine = run({QStringLiteral("export"), QStringLiteral("workflow-runs"), QStringLiteral("--format"), QStringLiteral("csv"),
                                       QStringLiteral("--config"), QStringLiteral("bench")});
        QCOMPARE(mine.exitCode, 0);
        QCOMPARE(lines(mine.out).size(), lines(runs.out).size());   // every run so far is bench's
        const test::CliRun none = run({QStringLiteral("export"), QStringLiteral("workflow-metrics"), QStringLiteral("--format"), QStringLiteral("csv"),
                                       QStringLiteral("--config"), QStringLiteral("nope")});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(lines(none.out).size(), 1);   // the header
        const test::CliRun podsByConfig = run({QStringLiteral("export"), QStringLiteral("pods"), QStringLiteral("--format"), QStringLiteral("csv"),
                                               QStringLiteral("--config"), QStringLiteral("bench")});
        QCOMPARE(podsByConfig.exitCode, 2);
        QVERIFY2(podsByConfig.err.startsWith(QLatin1String("fleetscope: export: --config goes with workflow-runs and workflow-metrics, not pods")),
                 qPrintable(podsByConfig.err));

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

    void importEveryFolderAsARun()
    {
        QCOMPARE(workflows({QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("archive"), QStringLiteral("--repo"), QStringLiteral("acme/llm")}).exitCode, 0);
        const QString archive = m_dir.filePath(QStringLiteral("archive"));
        writeFile(archive + QStringLiteral("/2026-11-02/serve.csv"), "model,ttft_ms\nllama,41.5\nqwen,38.0\n");
        writeFile(archive + QStringLiteral("/2026-11-01/serve.csv"), "model,ttft_ms\nllama,40.0\n");
        writeFile(archive + QStringLiteral("/2026-11-03/broken.json"), "{\"a\": ");
        const QStringList import{QStringLiteral("import"), QStringLiteral("archive"), QStringLiteral("--runs-in"), archive, QStringLiteral("--branch"), QStringLiteral("main")};
        const test::CliRun first = workflows(import);
        QCOMPARE(first.exitCode, 1);
        QCOMPARE(lines(first.out), (QStringList{QStringLiteral("run 2026-11-01: completed, 1 of 1 files read, 1 metric values"),
                                               QStringLiteral("run 2026-11-02: completed, 1 of 1 files read, 2 metric values"),
                                               QStringLiteral("run 2026-11-03: failed, 0 of 1 files read, 0 metric values"),
                                               QStringLiteral("3 runs imported into 'archive'")}));
        QCOMPARE(lines(first.err).last(), QStringLiteral("fleetscope: archive: run 2026-11-03 failed: broken.json:1: not valid JSON (unterminated object)"));

        const QJsonArray runs = json({QStringLiteral("workflows"), QStringLiteral("runs"), QStringLiteral("--config"), QStringLiteral("archive")});
        QCOMPARE(runs.size(), 3);
        QSet<QString> keys;
        for (const QJsonValue &r : runs) {
            keys << r[QLatin1String("run_key")].toString();
            QCOMPARE(r[QLatin1String("head_branch")].toString(), QStringLiteral("main"));
            const QString folder = archive + QLatin1Char('/') + r[QLatin1String("run_key")].toString().mid(4);
            QCOMPARE(r[QLatin1String("workload_started_at")].toString(), QFileInfo(folder).lastModified().toUTC().toString(Qt::ISODate));
        }
        QCOMPARE(keys, (QSet<QString>{QStringLiteral("run:2026-11-01"), QStringLiteral("run:2026-11-02"), QStringLiteral("run:2026-11-03")}));
        // Again: the same three runs, replaced.
        QCOMPARE(workflows(import).exitCode, 1);
        QCOMPARE(json({QStringLiteral("workflows"), QStringLiteral("runs"), QStringLiteral("--config"), QStringLiteral("archive")}).size(), 3);

        const test::CliRun withPath = workflows({QStringLiteral("import"), QStringLiteral("archive"), archive, QStringLiteral("--runs-in"), archive});
        QCOMPARE(withPath.exitCode, 2);
        QVERIFY2(withPath.err.startsWith(QLatin1String("fleetscope: workflows import: --runs-in takes a configuration and no paths")), qPrintable(withPath.err));
        const QString notDir = archive + QStringLiteral("/2026-11-01/serve.csv");
        const test::CliRun file = workflows({QStringLiteral("import"), QStringLiteral("archive"), QStringLiteral("--runs-in"), notDir});
        QCOMPARE(file.exitCode, 1);
        QCOMPARE(file.err.trimmed(), QStringLiteral("fleetscope: %1: not a folder").arg(notDir));
        const QString empty = m_dir.filePath(QStringLiteral("no-runs"));
        QDir().mkpath(empty);
        const test::CliRun none = workflows({QStringLiteral("import"), QStringLiteral("archive"), QStringLiteral("--runs-in"), empty});
        QCOMPARE(none.exitCode, 1);
        QCOMPARE(none.err.trimmed(), QStringLiteral("fleetscope: %1: no run folders in it").arg(empty));
        QCOMPARE(workflows({QStringLiteral("configs"), QStringLiteral("remove"), QStringLiteral("archive")}).exitCode, 0);
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
        QCOMPARE(lines(table.out).last(), QStringLiteral("1 regressions in 2 series by mad (0 with too little history)"));

        const QJsonArray all = json({QStringLiteral("workflows"), QStringLiteral("regressions"), QStringLiteral("serve"), QStringLiteral("--all")});
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).toObject().value(QLatin1String("verdict")).toString(), QStringLiteral("unchanged"));   // output_throughput
        const test::CliRun strict = workflows({QStringLiteral("regressions"), QStringLiteral("serve"), QStringLiteral("--threshold"), QStringLiteral("30")});
        QCOMPARE(strict.exitCode, 0);
        QCOMPARE(lines(strict.out).last(), QStringLiteral("0 regressions in 2 series by mad (0 with too little history)"));
        QCOMPARE(workflows({QStringLiteral("regressions"), QStringLiteral("serve"), QStringLiteral("--window"), QStringLiteral("zero")}).exitCode, 2);
        QCOMPARE(workflows({QStringLiteral("regressions"), QStringLiteral("nope")}).exitCode, 1);

        // Every method by name, with its statistic in the JSON; the rank test sees one bad run of five as no shift.
        QCOMPARE(regression.value(QLatin1String("method")).toString(), QStringLiteral("mad"));
        const QJsonArray z = json({QStringLiteral("workflows"), QStringLiteral("regressions"), QStringLiteral("serve"), QStringLiteral("--method"), QStringLiteral("zscore")});
        QCOMPARE(z.size(), 1);
        QCOMPARE(z.first().toObject().value(QLatin1String("method")).toString(), QStringLiteral("zscore"));
        QVERIFY(z.first().toObject().value(QLatin1String("z")).toDouble() > 3);
        QVERIFY(z.first().toObject().value(QLatin1String("p")).isNull());
        const QJsonArray ranks = json({QStringLiteral("workflows"), QStringLiteral("regressions"), QStringLiteral("serve"), QStringLiteral("--method"),
                                       QStringLiteral("mannwhitney"), QStringLiteral("--k"), QStringLiteral("3"), QStringLiteral("--all")});
        QCOMPARE(ranks.size(), 2);
        const QJsonObject ttft = ranks.at(1).toObject();
        QCOMPARE(ttft.value(QLatin1String("metric")).toString(), QStringLiteral("ttft_ms"));
        QCOMPARE(ttft.value(QLatin1String("verdict")).toString(), QStringLiteral("unchanged"));
        QCOMPARE(ttft.value(QLatin1String("judged_runs")).toInt(), 3);
        QCOMPARE(ttft.value(QLatin1String("judged_value")).toDouble(), 40.2);   // median of 39.9, 40.2, 50
        QCOMPARE(ttft.value(QLatin1String("baseline_runs")).toInt(), 6);
        QVERIFY(ttft.value(QLatin1String("u")).isDouble());
        QVERIFY(ttft.value(QLatin1String("p")).toDouble() > 0.01);
        const test::CliRun percent = workflows({QStringLiteral("regressions"), QStringLiteral("serve"), QStringLiteral("--method"), QStringLiteral("percent")});
        QCOMPARE(lines(percent.out).last(), QStringLiteral("1 regressions in 2 series by percent (0 with too little history)"));
        const test::CliRun badMethod = workflows({QStringLiteral("regressions"), QStringLiteral("serve"), QStringLiteral("--method"), QStringLiteral("ttest")});
        QCOMPARE(badMethod.exitCode, 2);
        QVERIFY2(badMethod.err.contains(QLatin1String("--method 'ttest' is not one of percent, mad, zscore, mannwhitney")), qPrintable(badMethod.err));
        QCOMPARE(workflows({QStringLiteral("regressions"), QStringLiteral("serve"), QStringLiteral("--alpha"), QStringLiteral("2")}).exitCode, 2);
        QCOMPARE(workflows({QStringLiteral("regressions"), QStringLiteral("serve"), QStringLiteral("--threshold"), QStringLiteral("nan")}).exitCode, 2);
        QCOMPARE(workflows({QStringLiteral("regressions"), QStringLiteral("serve"), QStringLiteral("--window"), QStringLiteral("inf")}).exitCode, 2);
    }

    void compareTwoRuns()
    {
        // The serve runs above, and one more whose file has tpot_ms but no output_throughput.
        const QString extra = m_dir.filePath(QStringLiteral("serve/extra/serve.csv"));
        writeFile(extra, "model,concurrency,ttft_ms,tpot_ms\nllama,8,45,12\n");
        QCOMPARE(workflows({QStringLiteral("import"), QStringLiteral("serve"), extra, QStringLiteral("--run-id"), QStringLiteral("extra")}).exitCode, 0);

        const test::CliRun asJson = workflows({QStringLiteral("compare"), QStringLiteral("serve"), QStringLiteral("100"), QStringLiteral("108"),
                                               QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(asJson.exitCode, 0);
        const QJsonObject compared = QJsonDocument::fromJson(asJson.rawOut).object();
        QCOMPARE(compared.value(QLatin1String("a")).toString(), QStringLiteral("100"));
        QCOMPARE(compared.value(QLatin1String("b")).toString(), QStringLiteral("108"));
        const QJsonArray series = compared.value(QLatin1String("series")).toArray();
        QCOMPARE(series.size(), 2);
        const QJsonObject throughput = series.at(0).toObject();
        QCOMPARE(throughput.value(QLatin1String("metric")).toString(), QStringLiteral("output_throughput"));
        QCOMPARE(throughput.value(QLatin1String("dimensions")).toObject(),
                 (QJsonObject{{QStringLiteral("model"), QStringLiteral("llama")}, {QStringLiteral("concurrency"), 8}}));
        QCOMPARE(throughput.value(QLatin1String("change")).toString(), QStringLiteral("same"));
        QCOMPARE(throughput.value(QLatin1String("delta")).toDouble(), 0.0);
        const QJsonObject ttft = series.at(1).toObject();
        QCOMPARE(ttft.value(QLatin1String("a")).toDouble(), 40.1);
        QCOMPARE(ttft.value(QLatin1String("b")).toDouble(), 50.0);
        QVERIFY(std::abs(ttft.value(QLatin1String("delta")).toDouble() - 9.9) < 1e-9);
        QVERIFY(std::abs(ttft.value(QLatin1String("delta_percent")).toDouble() - 9.9 / 40.1 * 100) < 1e-9);
        QCOMPARE(ttft.value(QLatin1String("better")).toString(), QStringLiteral("lower"));
        QCOMPARE(ttft.value(QLatin1String("change")).toString(), QStringLiteral("worse"));

        // Series in one run only say so; CSV has the export columns and a row per series.
        const test::CliRun csv = workflows({QStringLiteral("compare"), QStringLiteral("serve"), QStringLiteral("108"), QStringLiteral("extra"),
                                            QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(csv.exitCode, 0);
        const QStringList csvLines = lines(csv.out);
        QCOMPARE(csvLines.size(), 4);
        QCOMPARE(csvLines.at(0).trimmed(), QStringLiteral("metric,dimensions,unit,better,a,b,delta,delta_percent,change"));
        QVERIFY2(csvLines.at(1).startsWith(QLatin1String("output_throughput,")) && csvLines.at(1).trimmed().endsWith(QLatin1String(",900,,,,only-a")),
                 qPrintable(csv.out));
        QVERIFY2(csvLines.at(2).startsWith(QLatin1String("tpot_ms,")) && csvLines.at(2).trimmed().endsWith(QLatin1String(",,12,,,only-b")), qPrintable(csv.out));
        QVERIFY2(csvLines.at(3).startsWith(QLatin1String("ttft_ms,")) && csvLines.at(3).trimmed().endsWith(QLatin1String(",better")), qPrintable(csv.out));

        const test::CliRun table = workflows({QStringLiteral("compare"), QStringLiteral("serve"), QStringLiteral("run:100"), QStringLiteral("108")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(lines(table.out).first().contains(QLatin1String("A 100")) && lines(table.out).first().contains(QLatin1String("B 108")), qPrintable(table.out));
        QVERIFY2(lines(table.out).at(2).contains(QLatin1String("+24.7%")) && lines(table.out).at(2).endsWith(QLatin1String("worse")), qPrintable(table.out));
        QCOMPARE(lines(table.out).last(), QStringLiteral("2 series: 0 better, 1 worse in run 108 than in run 100"));

        const test::CliRun unknown = workflows({QStringLiteral("compare"), QStringLiteral("serve"), QStringLiteral("100"), QStringLiteral("999")});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(lines(unknown.err).size(), 1);
        QVERIFY2(unknown.err.startsWith(QLatin1String("fleetscope: workflows compare: 'serve' has no run '999'")), qPrintable(unknown.err));
        QCOMPARE(workflows({QStringLiteral("compare"), QStringLiteral("nope"), QStringLiteral("1"), QStringLiteral("2")}).exitCode, 1);
        QCOMPARE(workflows({QStringLiteral("compare"), QStringLiteral("serve"), QStringLiteral("100")}).exitCode, 2);
        QCOMPARE(workflows({QStringLiteral("compare"), QStringLiteral("serve"), QStringLiteral("100"), QStringLiteral("108"), QStringLiteral("--format"),
                            QStringLiteral("xml")}).exitCode, 2);
    }

    void costPerResult()
    {
        // The serve runs above (run 108 on 2026-11-18 02:00) priced by GPU offers, then by a connection's instances.
        const test::CliRun unpriced = workflows({QStringLiteral("cost"), QStringLiteral("serve")});
        QCOMPARE(unpriced.exitCode, 1);
        QVERIFY2(unpriced.err.contains(QLatin1String("'serve' is linked to no GPU type or connection")), qPrintable(unpriced.err));
        const QDateTime run108(QDate(2026, 11, 18), QTime(2, 0), Qt::UTC);
        const QString h100 = canonicalGpuName(QStringLiteral("H100"));
        {
            Result<std::unique_ptr<Store>> store = openStore(StoreLocation{m_dataDir + QStringLiteral("/fleetscope.sqlite")}, StoreAccess::ReadWrite);
            QVERIFY(store);
            QVERIFY((*store)->write(test::connectionBatch(QStringLiteral("lab"), QStringLiteral("runpod"))));
            const qint64 lab = (*store)->connections()->first().id;
            WriteBatch batch;
            for (const auto &[price, gpus] : {std::pair{4.0, qint64(1)}, std::pair{6.0, qint64(2)}}) {
                GpuOffer o;
                o.observedTs = run108.addSecs(-600);
                o.connectionId = lab;
                o.provider = QStringLiteral("runpod");
                o.gpuType = h100;
                o.providerGpuId = QStringLiteral("h100x%1").arg(gpus);
                o.gpuCount = gpus;
                o.pricePerHour = price;
                batch.offers << o;
            }
            for (const auto &[id, cost] : {std::pair{"a", 2.5}, std::pair{"b", 1.5}}) {
                InstanceSnapshot i;
                i.snapshotTs = run108.addSecs(120);
                i.connectionId = lab;
                i.provider = QStringLiteral("runpod");
                i.instanceId = QString::fromLatin1(id);
                i.status = QStringLiteral("RUNNING");
                i.costPerHour = cost;
                batch.instances << i;
            }
            QVERIFY((*store)->write(batch));
        }
        QCOMPARE(workflows({QStringLiteral("configs"), QStringLiteral("set"), QStringLiteral("serve"), QStringLiteral("--cost-gpu-type"), QStringLiteral("H100"),
                            QStringLiteral("--gpu-count"), QStringLiteral("2")}).exitCode, 0);
        const QJsonArray listed = json({QStringLiteral("workflows"), QStringLiteral("configs"), QStringLiteral("list")});
        QJsonObject serve;
        for (const QJsonValue &c : listed) {
            if (c.toObject().value(QLatin1String("name")).toString() == QLatin1String("serve"))
                serve = c.toObject();
        }
        QCOMPARE(serve.value(QLatin1String("cost_gpu_type")).toString(), h100);
        QCOMPARE(serve.value(QLatin1String("cost_gpu_count")).toInt(), 2);
        QVERIFY(serve.value(QLatin1String("cost_connection_id")).isNull());

        // The newest run of each series with a price: 'extra' ran today, far from any offer, so 108 it is.
        const QJsonArray byOffer = json({QStringLiteral("workflows"), QStringLiteral("cost"), QStringLiteral("serve")});
        QCOMPARE(byOffer.size(), 2);
        const QJsonObject throughput = byOffer.at(0).toObject();
        QCOMPARE(throughput.value(QLatin1String("metric")).toString(), QStringLiteral("output_throughput"));
        QCOMPARE(throughput.value(QLatin1String("run_at")).toString(), QStringLiteral("2026-11-18T02:00:00Z"));
        QCOMPARE(throughput.value(QLatin1String("price_per_hour")).toDouble(), 6.0);   // $3 a GPU × 2
        QCOMPARE(throughput.value(QLatin1String("priced_by")).toString(), QStringLiteral("offer"));
        QCOMPARE(throughput.value(QLatin1String("per_dollar_hour")).toDouble(), 150.0);
        QVERIFY(throughput.value(QLatin1String("dollars_per_result")).isNull());
        const QJsonObject ttft = byOffer.at(1).toObject();
        QCOMPARE(ttft.value(QLatin1String("metric")).toString(), QStringLiteral("ttft_ms"));
        QVERIFY(std::abs(ttft.value(QLatin1String("dollars_per_result")).toDouble() - 0.05 / 3600 * 6) < 1e-12);

        QCOMPARE(workflows({QStringLiteral("configs"), QStringLiteral("set"), QStringLiteral("serve"), QStringLiteral("--cost-connection"), QStringLiteral("lab")})
                     .exitCode, 0);
        const test::CliRun table = workflows({QStringLiteral("cost"), QStringLiteral("serve")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(lines(table.out).at(1).contains(QLatin1String("$4.00")) && lines(table.out).at(1).contains(QLatin1String("225 per $/hr")),
                 qPrintable(table.out));
        QVERIFY2(lines(table.out).at(1).contains(QLatin1String("connection")), qPrintable(table.out));
        QVERIFY2(lines(table.out).at(2).endsWith(QLatin1String("$5.556e-05 per result")), qPrintable(table.out));   // 50 ms at $4/hr
        QCOMPARE(lines(table.out).last(), QStringLiteral("2 series priced; 1 runs with a price (running instances of connection lab)"));

        const test::CliRun nobody = workflows({QStringLiteral("configs"), QStringLiteral("set"), QStringLiteral("serve"), QStringLiteral("--cost-connection"),
                                               QStringLiteral("nobody")});
        QCOMPARE(nobody.exitCode, 1);
        QCOMPARE(workflows({QStringLiteral("configs"), QStringLiteral("set"), QStringLiteral("serve"), QStringLiteral("--cost-gpu-type"), QStringLiteral("A100"),
                            QStringLiteral("--cost-connection"), QStringLiteral("lab")}).exitCode, 2);
        QCOMPARE(workflows({QStringLiteral("configs"), QStringLiteral("set"), QStringLiteral("serve"), QStringLiteral("--no-cost")}).exitCode, 0);
        QCOMPARE(workflows({QStringLiteral("cost"), QStringLiteral("serve")}).exitCode, 1);
    }
    // `workflows query`: three series (model × gpu) over six runs two days apart from Monday 2 November,
    // latency 10+i, 20+i and 30+i in run i; grouped, per interval, aggregated, filtered, and summarised.
    void queryGroupsIntervalsAndSummary()
    {
        QCOMPARE(workflows({QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("query"), QStringLiteral("--repo"), QStringLiteral("acme/q")}).exitCode, 0);
        for (int i = 0; i < 6; ++i) {
            const QString file = m_dir.filePath(QStringLiteral("query/%1/lat.csv").arg(i));
            writeFile(file, QStringLiteral("model,gpu,latency_ms\nllama,h100,%1\nqwen,h100,%2\nllama,a100,%3\n").arg(10 + i).arg(20 + i).arg(30 + i).toUtf8());
            const test::CliRun imported = workflows({QStringLiteral("import"), QStringLiteral("query"), file, QStringLiteral("--run-id"), QString::number(200 + i),
                                                     QStringLiteral("--started-at"), QDateTime(QDate(2026, 11, 2 + 2 * i), QTime(2, 0), Qt::UTC).toString(Qt::ISODate)});
            QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        }
        const QStringList query{QStringLiteral("workflows"), QStringLiteral("query"), QStringLiteral("query")};

        // Per run, every dimension: one row per series and run.
        const QJsonArray perRun = json(query + QStringList{QStringLiteral("--metric"), QStringLiteral("latency_ms")});
        QCOMPARE(perRun.size(), 18);
        const QJsonObject first = perRun.first().toObject();
        QCOMPARE(first.value(QLatin1String("metric")).toString(), QStringLiteral("latency_ms"));
        QCOMPARE(first.value(QLatin1String("dimensions")).toObject(),
                 (QJsonObject{{QStringLiteral("gpu"), QStringLiteral("a100")}, {QStringLiteral("model"), QStringLiteral("llama")}}));
        QCOMPARE(first.value(QLatin1String("time")).toString(), QStringLiteral("2026-11-02T02:00:00Z"));
        QCOMPARE(first.value(QLatin1String("run")).toString(), QStringLiteral("200"));
        QCOMPARE(first.value(QLatin1String("value")).toDouble(), 30.0);
        QCOMPARE(first.value(QLatin1String("count")).toInt(), 1);
        QVERIFY(json(query + QStringList{QStringLiteral("--metric"), QStringLiteral("nothing")}).isEmpty());

        // Grouped by model, weekly maximum: llama's two GPUs in one line.
        const QJsonArray weekly = json(query + QStringList{QStringLiteral("--group-by"), QStringLiteral("model"), QStringLiteral("--interval"),
                                                           QStringLiteral("week"), QStringLiteral("--agg"), QStringLiteral("max")});
        QCOMPARE(weekly.size(), 4);
        QCOMPARE(weekly.at(0).toObject().value(QLatin1String("dimensions")).toObject(), (QJsonObject{{QStringLiteral("model"), QStringLiteral("llama")}}));
        QCOMPARE(weekly.at(0).toObject().value(QLatin1String("time")).toString(), QStringLiteral("2026-11-02T00:00:00Z"));
        QCOMPARE(weekly.at(0).toObject().value(QLatin1String("value")).toDouble(), 33.0);
        QCOMPARE(weekly.at(0).toObject().value(QLatin1String("count")).toInt(), 8);
        QCOMPARE(weekly.at(0).toObject().value(QLatin1String("run")).toString(), QStringLiteral("203"));   // the week's newest run
        QCOMPARE(weekly.at(1).toObject().value(QLatin1String("time")).toString(), QStringLiteral("2026-11-09T00:00:00Z"));
        QCOMPARE(weekly.at(1).toObject().value(QLatin1String("value")).toDouble(), 35.0);
        QCOMPARE(weekly.at(2).toObject().value(QLatin1String("value")).toDouble(), 23.0);   // qwen
        QCOMPARE(weekly.at(3).toObject().value(QLatin1String("value")).toDouble(), 25.0);
        const QJsonArray counts = json(query + QStringList{QStringLiteral("--group-by"), QStringLiteral("gpu,model"), QStringLiteral("--interval"),
                                                           QStringLiteral("week"), QStringLiteral("--agg"), QStringLiteral("count")});
        QCOMPARE(counts.size(), 6);
        QCOMPARE(counts.at(0).toObject().value(QLatin1String("value")).toDouble(), 4.0);
        const QJsonArray p95 = json(query + QStringList{QStringLiteral("--group-by"), QStringLiteral("model"), QStringLiteral("--interval"),
                                                        QStringLiteral("week"), QStringLiteral("--agg"), QStringLiteral("p95")});
        QCOMPARE(p95.at(2).toObject().value(QLatin1String("value")).toDouble(), 22.85);   // qwen 20..23: 22 + 0.85

        // A filter, one series over every row it keeps, per day, averaged.
        const QJsonArray daily = json(query + QStringList{QStringLiteral("--where"), QStringLiteral("model=llama"), QStringLiteral("--group-by"), QString(),
                                                          QStringLiteral("--interval"), QStringLiteral("day"), QStringLiteral("--agg"), QStringLiteral("avg")});
        QCOMPARE(daily.size(), 6);
        QCOMPARE(daily.at(0).toObject().value(QLatin1String("dimensions")).toObject(), QJsonObject());
        QCOMPARE(daily.at(0).toObject().value(QLatin1String("time")).toString(), QStringLiteral("2026-11-02T00:00:00Z"));
        QCOMPARE(daily.at(5).toObject().value(QLatin1String("value")).toDouble(), 25.0);   // (15 + 35) / 2
        QCOMPARE(json(query + QStringList{QStringLiteral("--where"), QStringLiteral("gpu=a100"), QStringLiteral("--where"), QStringLiteral("model=llama")}).size(), 6);
        QCOMPARE(json(query + QStringList{QStringLiteral("--since"), QStringLiteral("2026-11-06T00:00:00Z"), QStringLiteral("--until"),
                                          QStringLiteral("2026-11-10T00:00:00Z")}).size(), 6);   // runs 202 and 203

        const test::CliRun csv = workflows({QStringLiteral("query"), QStringLiteral("query"), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(csv.exitCode, 0);
        QCOMPARE(lines(csv.out).size(), 1 + 18);
        QCOMPARE(lines(csv.out).first().trimmed(), QStringLiteral("metric,dimensions,unit,time,run,head_sha,value,count"));
        const test::CliRun table = workflows({QStringLiteral("query"), QStringLiteral("query"), QStringLiteral("--group-by"), QStringLiteral("model"),
                                              QStringLiteral("--interval"), QStringLiteral("week"), QStringLiteral("--agg"), QStringLiteral("p95")});
        QCOMPARE(table.exitCode, 0);
        QCOMPARE(lines(table.out).size(), 1 + 4 + 1);
        QVERIFY2(lines(table.out).first().startsWith(QLatin1String("METRIC")) && lines(table.out).first().contains(QLatin1String("WEEK FROM")),
                 qPrintable(table.out));
        QVERIFY2(lines(table.out).at(1).startsWith(QLatin1String("latency_ms  model=llama  2026-11-02T00:00:00Z  203")), qPrintable(table.out));
        QCOMPARE(lines(table.out).last(), QStringLiteral("2 series, 4 points of 'query' per week, p95"));

        // The summary: latest, previous and the change, the median of the points before and the change from it.
        const QJsonArray summary = json(query + QStringList{QStringLiteral("--summary")});
        QCOMPARE(summary.size(), 3);
        const QJsonObject llama = summary.at(1).toObject();
        QCOMPARE(llama.value(QLatin1String("dimensions")).toObject(),
                 (QJsonObject{{QStringLiteral("gpu"), QStringLiteral("h100")}, {QStringLiteral("model"), QStringLiteral("llama")}}));
        QCOMPARE(llama.value(QLatin1String("points")).toInt(), 6);
        QCOMPARE(llama.value(QLatin1String("latest_at")).toString(), QStringLiteral("2026-11-12T02:00:00Z"));
        QCOMPARE(llama.value(QLatin1String("latest")).toDouble(), 15.0);
        QCOMPARE(llama.value(QLatin1String("previous")).toDouble(), 14.0);
        QVERIFY(std::abs(llama.value(QLatin1String("change_percent")).toDouble() - 100.0 / 14) < 1e-9);
        QCOMPARE(llama.value(QLatin1String("lookback_median")).toDouble(), 12.0);
        QCOMPARE(llama.value(QLatin1String("lookback_points")).toInt(), 5);
        QCOMPARE(llama.value(QLatin1String("vs_median_percent")).toDouble(), 25.0);
        const QJsonArray shortLookback = json(query + QStringList{QStringLiteral("--summary"), QStringLiteral("--lookback"), QStringLiteral("2")});
        QCOMPARE(shortLookback.at(1).toObject().value(QLatin1String("lookback_median")).toDouble(), 13.5);
        QCOMPARE(shortLookback.at(1).toObject().value(QLatin1String("lookback_points")).toInt(), 2);
        const QJsonArray single = json(query + QStringList{QStringLiteral("--summary"), QStringLiteral("--since"), QStringLiteral("2026-11-12T00:00:00Z")});
        QCOMPARE(single.size(), 3);
        QCOMPARE(single.at(1).toObject().value(QLatin1String("points")).toInt(), 1);
        QVERIFY(single.at(1).toObject().value(QLatin1String("previous")).isNull());
        QVERIFY(single.at(1).toObject().value(QLatin1String("change_percent")).isNull());
        QVERIFY(single.at(1).toObject().value(QLatin1String("lookback_median")).isNull());
        const test::CliRun summaryTable = workflows({QStringLiteral("query"), QStringLiteral("query"), QStringLiteral("--summary"), QStringLiteral("--group-by"),
                                                     QStringLiteral("model"), QStringLiteral("--interval"), QStringLiteral("week")});
        QCOMPARE(summaryTable.exitCode, 0);
        QVERIFY2(lines(summaryTable.out).first().contains(QLatin1String("MEDIAN OF 30")), qPrintable(summaryTable.out));
        QVERIFY2(lines(summaryTable.out).at(1).startsWith(QLatin1String("latency_ms  model=llama")) && lines(summaryTable.out).at(1).contains(QLatin1String("+14.0%")),
                 qPrintable(summaryTable.out));   // weekly medians 21.5 (10–13, 30–33), then 24.5 (14, 15, 34, 35)
        QCOMPARE(lines(summaryTable.out).last(), QStringLiteral("2 series of 'query' per week, p50"));
        const test::CliRun summaryCsv = workflows({QStringLiteral("query"), QStringLiteral("query"), QStringLiteral("--summary"), QStringLiteral("--format"),
                                                   QStringLiteral("csv")});
        QCOMPARE(lines(summaryCsv.out).first().trimmed(), QStringLiteral("metric,dimensions,unit,better,points,latest_at,latest,previous,change_percent,"
                                                                         "lookback_median,lookback_points,vs_median_percent"));

        // Bad input: one line naming the option, a non-zero exit.
        const QList<std::pair<QStringList, QString>> bad{
            {{QStringLiteral("--interval"), QStringLiteral("month")}, QStringLiteral("--interval must be run, hour, day or week, not 'month'")},
            {{QStringLiteral("--agg"), QStringLiteral("p99")}, QStringLiteral("--agg must be avg, min, max, p50, p95 or count, not 'p99'")},
            {{QStringLiteral("--where"), QStringLiteral("llama")}, QStringLiteral("--where wants DIM=VALUE, not 'llama'")},
            {{QStringLiteral("--where"), QStringLiteral("model=llama"), QStringLiteral("--where"), QStringLiteral("model=qwen")},
             QStringLiteral("--where names 'model' twice; a dimension has one value per query")},
            {{QStringLiteral("--where"), QStringLiteral("colour=red")}, QStringLiteral("--where: no row has a dimension 'colour' (dimensions: gpu, model)")},
            {{QStringLiteral("--group-by"), QStringLiteral("model,colour")}, QStringLiteral("--group-by: no row has a dimension 'colour' (dimensions: gpu, model)")},
            {{QStringLiteral("--since"), QStringLiteral("yesterday")}, QStringLiteral("--since 'yesterday' is not an ISO-8601 time")},
            {{QStringLiteral("--until"), QStringLiteral("2026-13-01")}, QStringLiteral("--until '2026-13-01' is not an ISO-8601 time")},
            {{QStringLiteral("--format"), QStringLiteral("xml")}, QStringLiteral("--format must be table, csv or json, not 'xml'")},
            {{QStringLiteral("--summary"), QStringLiteral("--lookback"), QStringLiteral("0")}, QStringLiteral("--lookback wants a whole number of points from 1 to 10000, not '0'")},
            {{QStringLiteral("--lookback"), QStringLiteral("5")}, QStringLiteral("--lookback goes with --summary")},
        };
        for (const auto &[options, message] : bad) {
            const test::CliRun refused = workflows(QStringList{QStringLiteral("query"), QStringLiteral("query")} + options);
            QCOMPARE(refused.exitCode, 2);
            QCOMPARE(lines(refused.err), QStringList{QStringLiteral("fleetscope: workflows query: ") + message});
        }
        const test::CliRun unknown = workflows({QStringLiteral("query"), QStringLiteral("nope")});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(unknown.err.trimmed(), QStringLiteral("fleetscope: no workflow configuration named 'nope'"));
        QCOMPARE(workflows({QStringLiteral("query")}).exitCode, 2);
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
