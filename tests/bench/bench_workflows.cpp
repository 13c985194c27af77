// Workflow result import: 10,000 generated result files in seven real formats (about 1 GB, shapes of
// tests/fixtures/bench and tests/fixtures/workflows) imported run by run through the path of
// `fleetscope workflows import --runs-in` (importRuns: files extracted on every core, one store write per
// run while the next run is extracted) into a fresh
// SQLite store. Baseline, same run, same bytes: reading the files and parsing them with Qt's generic
// parsers only (QJsonDocument, QXmlStreamReader, line and cell splitting), no recognition and no
// store. A second baseline bounds the store: the sqlite3 command's .import of the very rows the store
// wrote, into the same table and indexes. Target: >= 100 MB/s. `bench_workflows [FILES]` or FLEETSCOPE_BENCH_WORKFLOW_FILES scales it down.
#include "benchutil.h"
#include "store/sqlitestore.h"
#include "store/storeservice.h"
#include "workflows/resultfiles.h"
#include "workflows/runimport.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QXmlStreamReader>

#include <random>

using namespace fleetscope;

namespace {

constexpr int kDefaultFiles = 10'000;
constexpr int kFilesPerRun = 100;             // one CI run's artifacts
constexpr qint64 kAverageFileBytes = 100'000; // 10,000 files: about 1 GB
constexpr int kRounds = 3;

class Generator
{
public:
    explicit Generator(quint64 seed) : m_rng(seed) {}

    double uniform(double low, double high) { return std::uniform_real_distribution<double>(low, high)(m_rng); }
    int integer(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_rng); }
    static QByteArray num(double value) { return QByteArray::number(value, 'g', 15); }

    // Google Benchmark --benchmark_format=json: context, then one entry per benchmark instance;
    // now and then a bare NaN counter as the library writes it.
    QByteArray googleBenchmark(qint64 target)
    {
        QByteArray out = "{\n  \"context\": {\n    \"date\": \"2026-11-" + QByteArray::number(integer(10, 28)) + "T04:12:33+00:00\",\n"
                         "    \"host_name\": \"gpu-runner-" + QByteArray::number(integer(1, 64)) + "\",\n"
                         "    \"executable\": \"./build/bench/bm_kernels\",\n    \"num_cpus\": 32,\n    \"mhz_per_cpu\": 3400,\n"
                         "    \"cpu_scaling_enabled\": false,\n    \"load_avg\": [1.52, 1.1, 0.93],\n"
                         "    \"library_build_type\": \"release\"\n  },\n  \"benchmarks\": [";
        for (int i = 0; out.size() < target; ++i) {
            const int family = i / 8;
            const QByteArray name = "BM_Kernel" + QByteArray::number(family) + "/" + QByteArray::number(1 << (i % 8 + 6));
            const double realTime = uniform(50, 5e5);
            out += QByteArray(i ? "," : "") + "\n    {\n      \"name\": \"" + name + "\",\n      \"family_index\": " + QByteArray::number(family)
                 + ",\n      \"per_family_instance_index\": " + QByteArray::number(i % 8) + ",\n      \"run_name\": \"" + name
                 + "\",\n      \"run_type\": \"iteration\",\n      \"repetitions\": 1,\n      \"repetition_index\": 0,\n      \"threads\": 1,\n"
                   "      \"iterations\": " + QByteArray::number(integer(100, 2'000'000)) + ",\n      \"real_time\": " + num(realTime)
                 + ",\n      \"cpu_time\": " + num(realTime * uniform(0.95, 1.0)) + ",\n      \"time_unit\": \"ns\",\n"
                   "      \"bytes_per_second\": " + (integer(0, 99) == 0 ? QByteArray("NaN") : num(uniform(1e8, 4e10)))
                 + ",\n      \"items_per_second\": " + num(uniform(1e3, 1e8)) + "\n    }";
        }
        return out + "\n  ]\n}\n";
    }

    // pytest-benchmark --benchmark-json with --benchmark-save-data: stats and the raw timings.
    QByteArray pytestBenchmark(qint64 target)
    {
        QByteArray out = "{\n    \"machine_info\": {\n        \"node\": \"gpu-runner-" + QByteArray::number(integer(1, 64))
                         + "\",\n        \"processor\": \"x86_64\",\n        \"machine\": \"x86_64\",\n"
                           "        \"python_implementation\": \"CPython\",\n        \"python_version\": \"3.12.3\",\n"
                           "        \"system\": \"Linux\"\n    },\n    \"commit_info\": {\n        \"id\": \"9d55ab0434c9088746ae2d134702d782bf088644\",\n"
                           "        \"dirty\": false,\n        \"project\": \"fleet-kernels\",\n        \"branch\": \"main\"\n    },\n    \"benchmarks\": [";
        for (int i = 0; out.size() < target; ++i) {
            const double mean = uniform(1e-6, 1e-2);
            const QByteArray n = QByteArray::number(i % 16 + 1);
            out += QByteArray(i ? "," : "") + "\n        {\n            \"group\": \"" + (i % 2 ? "decode" : "encode") + "\",\n"
                   "            \"name\": \"test_tokenize[" + n + "]\",\n            \"fullname\": \"bench/test_tok.py::test_tokenize_" + QByteArray::number(i)
                 + "[" + n + "]\",\n            \"params\": {\n                \"n\": " + n + "\n            },\n            \"param\": \"" + n
                 + "\",\n            \"extra_info\": {},\n            \"options\": {\n                \"disable_gc\": false,\n"
                   "                \"timer\": \"perf_counter\",\n                \"min_rounds\": 5,\n                \"max_time\": 1.0,\n"
                   "                \"min_time\": 5e-06,\n                \"warmup\": false\n            },\n            \"stats\": {\n"
                   "                \"min\": " + num(mean * 0.9) + ",\n                \"max\": " + num(mean * 3) + ",\n                \"mean\": " + num(mean)
                 + ",\n                \"stddev\": " + num(mean * 0.1) + ",\n                \"rounds\": " + QByteArray::number(integer(5, 40000))
                 + ",\n                \"median\": " + num(mean * 0.98) + ",\n                \"iqr\": " + num(mean * 0.05) + ",\n                \"q1\": "
                 + num(mean * 0.96) + ",\n                \"q3\": " + num(mean * 1.01) + ",\n                \"iqr_outliers\": " + QByteArray::number(integer(0, 3000))
                 + ",\n                \"stddev_outliers\": " + QByteArray::number(integer(0, 3000)) + ",\n                \"outliers\": \"12;40\",\n"
                   "                \"ld15iqr\": " + num(mean * 0.9) + ",\n                \"hd15iqr\": " + num(mean * 1.1) + ",\n                \"ops\": "
                 + num(1 / mean) + ",\n                \"total\": " + num(mean * 1000) + ",\n                \"data\": [";
            for (int d = 0; d < 40; ++d)
                out += QByteArray(d ? "," : "") + "\n                    " + num(mean * uniform(0.9, 1.2));
            out += "\n                ],\n                \"iterations\": 1\n            }\n        }";
        }
        return out + "\n    ],\n    \"datetime\": \"2026-11-20T10:12:01.123456\",\n    \"version\": \"5.1.0\"\n}\n";
    }

    // hyperfine --export-json: per command the summary, every run's time and exit code.
    QByteArray hyperfine(qint64 target)
    {
        QByteArray out = "{\n  \"results\": [";
        for (int i = 0; out.size() < target; ++i) {
            const double mean = uniform(0.01, 5);
            out += QByteArray(i ? "," : "") + "\n    {\n      \"command\": \"./infer --batch " + QByteArray::number(1 << (i % 7)) + " --model m"
                 + QByteArray::number(i) + "\",\n      \"mean\": " + num(mean) + ",\n      \"stddev\": " + num(mean * 0.03) + ",\n      \"median\": "
                 + num(mean * 0.99) + ",\n      \"user\": " + num(mean * 0.8) + ",\n      \"system\": " + num(mean * 0.1) + ",\n      \"min\": "
                 + num(mean * 0.95) + ",\n      \"max\": " + num(mean * 1.1) + ",\n      \"times\": [";
            for (int t = 0; t < 200; ++t)
                out += QByteArray(t ? "," : "") + "\n        " + num(mean * uniform(0.95, 1.1));
            out += "\n      ],\n      \"exit_codes\": [";
            for (int t = 0; t < 200; ++t)
                out += QByteArray(t ? "," : "") + "\n        0";
            out += "\n      ],\n      \"parameters\": {\n        \"batch\": \"" + QByteArray::number(1 << (i % 7)) + "\"\n      }\n    }";
        }
        return out + "\n  ]\n}\n";
    }

    // vllm bench serve --save-result; with --save-detailed the per-request arrays fill TARGET.
    QByteArray vllmBench(qint64 target)
    {
        const int concurrency = 1 << integer(0, 6);
        QByteArray out = "{\n  \"backend\": \"vllm\",\n  \"burstiness\": 1.0,\n  \"completed\": 512,\n  \"date\": \"20261120-160853\",\n"
                         "  \"duration\": " + num(uniform(20, 90)) + ",\n  \"endpoint_type\": \"vllm\",\n  \"failed\": 0,\n  \"label\": null,\n"
                         "  \"max_concurrency\": " + QByteArray::number(concurrency) + ",\n  \"max_concurrent_requests\": " + QByteArray::number(concurrency)
                         + ",\n  \"max_output_tokens_per_s\": " + num(uniform(500, 9000)) + ",\n  \"model_id\": \"meta-llama/Llama-3.1-8B-Instruct\",\n"
                           "  \"num_prompts\": 512,\n  \"request_rate\": \"inf\",\n  \"request_throughput\": " + num(uniform(2, 40)) + ",\n";
        for (const char *metric : {"ttft", "tpot", "itl", "e2el"}) {
            for (const char *stat : {"mean", "median", "std", "p99"})
                out += QByteArray("  \"") + stat + "_" + metric + "_ms\": " + num(uniform(5, 800)) + ",\n";
        }
        out += "  \"output_throughput\": " + num(uniform(500, 9000)) + ",\n  \"total_token_throughput\": " + num(uniform(1000, 20000))
             + ",\n  \"tokenizer_id\": \"meta-llama/Llama-3.1-8B-Instruct\",\n  \"total_input_tokens\": 524288,\n  \"total_output_tokens\": 131072";
        if (target > 4000) {
            const QByteArray text = "\"The quick brown fox jumps over the lazy dog while the GPU serves another token.\"";
            QByteArray inputs, outputs, ttfts, texts, itls;
            while (inputs.size() + outputs.size() + ttfts.size() + texts.size() + itls.size() + out.size() < target) {
                const char *sep = inputs.isEmpty() ? "" : ", ";
                inputs += sep + QByteArray::number(integer(128, 2048));
                outputs += sep + QByteArray::number(integer(16, 512));
                ttfts += sep + num(uniform(0.01, 0.8));
                texts += sep + text;
                itls += QByteArray(sep) + "[";
                for (int t = 0; t < 8; ++t)
                    itls += QByteArray(t ? ", " : "") + num(uniform(0.005, 0.03));
                itls += "]";
            }
            out += ",\n  \"input_lens\": [" + inputs + "],\n  \"output_lens\": [" + outputs + "],\n  \"ttfts\": [" + ttfts
                 + "],\n  \"itls\": [" + itls + "],\n  \"generated_texts\": [" + texts + "],\n  \"errors\": []";
        }
        return out + "\n}\n";
    }

    // pytest --junitxml: one suite, test cases with durations, a failure and a skip now and then.
    QByteArray junit(qint64 target)
    {
        QByteArray out = "<?xml version=\"1.0\" encoding=\"utf-8\"?><testsuites><testsuite name=\"pytest\" errors=\"0\" failures=\"3\" skipped=\"2\""
                         " tests=\"900\" time=\"" + num(uniform(10, 900)) + "\" timestamp=\"2026-11-20T10:12:01.123456\" hostname=\"gpu-runner-1\">";
        for (int i = 0; out.size() < target; ++i) {
            out += "<testcase classname=\"tests.test_model_" + QByteArray::number(i / 40) + "\" name=\"test_generate[case" + QByteArray::number(i)
                 + "]\" time=\"" + QByteArray::number(uniform(0, 3), 'f', 3) + "\"";
            if (i % 97 == 13)
                out += "><failure message=\"assert 3 == 4\">def test_generate(case):\n&gt;       assert 3 == 4\nE       assert 3 == 4</failure></testcase>";
            else if (i % 89 == 7)
                out += "><skipped type=\"pytest.skip\" message=\"no GPU\">tests/test_io.py:12: no GPU</skipped></testcase>";
            else
                out += " />";
        }
        return out + "</testsuite></testsuites>\n";
    }

    // A results table as benchmark scripts write it: quoted text, units in headers, an empty cell.
    QByteArray csv(qint64 target)
    {
        static const char *kModels[] = {"\"llama-3-8b\"", "\"mistral-7b\"", "\"qwen2-7b\"", "\"gemma-2-9b\""};
        QByteArray out = "model,batch_size,precision,throughput (tok/s),latency_p50_ms,latency_p99_ms,gpu_memory_gb,gpu\n";
        for (int i = 0; out.size() < target; ++i) {
            const double p50 = uniform(5, 80);
            out += QByteArray(kModels[i % 4]) + "," + QByteArray::number(1 << (i % 7)) + "," + (i % 3 ? "bf16" : "fp8") + ","
                 + QByteArray::number(uniform(500, 12000), 'f', 2) + "," + QByteArray::number(p50, 'f', 2) + ","
                 + (i % 50 == 0 ? QByteArray() : QByteArray::number(p50 * uniform(1.2, 2), 'f', 2)) + "," + QByteArray::number(uniform(16, 79), 'f', 1)
                 + ",\"H100, SXM\"\n";
        }
        return out;
    }

    // A nightly report: headings, prose, tables with units in cells and bold numbers.
    QByteArray markdown(qint64 target)
    {
        QByteArray out = "# Nightly serving benchmark\n\nRun on 8 x H100 with vLLM 0.25.1.\n";
        for (int t = 0; out.size() < target; ++t) {
            out += "\n## Sweep " + QByteArray::number(t) + "\n\n| Model | Concurrency | Output throughput (tok/s) | TTFT p50 | Peak memory (GB) | Status |\n"
                   "|:------|------------:|--------------------------:|---------:|-----------------:|--------|\n";
            for (int r = 0; r < 200 && out.size() < target; ++r) {
                const QByteArray throughput = QByteArray::number(uniform(800, 9000), 'f', 1);
                out += "| llama-3-8b-v" + QByteArray::number(r % 5) + " | " + QByteArray::number(1 << (r % 7)) + " | "
                     + (r % 25 == 0 ? "**" + throughput + "**" : throughput) + " | " + QByteArray::number(uniform(20, 200), 'f', 1) + " ms | "
                     + QByteArray::number(uniform(16, 79), 'f', 1) + " | ok |\n";
            }
            out += "\nNumbers are medians of three runs.\n";
        }
        return out;
    }

private:
    std::mt19937_64 m_rng;
};

struct Corpus {
    QStringList runFolders;
    qint64 bytes = 0;
    qint64 files = 0;
};

// FILES result files in folders of kFilesPerRun, the seven formats in turn, sizes spread around the average.
Result<Corpus> generateCorpus(const QString &root, int files)
{
    Generator g(20261124);
    Corpus corpus;
    for (int i = 0; i < files; ++i) {
        const QString folder = QStringLiteral("%1/run-%2").arg(root).arg(i / kFilesPerRun, 4, 10, QLatin1Char('0'));
        if (i % kFilesPerRun == 0) {
            QDir().mkpath(folder);
            corpus.runFolders << folder;
        }
        const qint64 target = qint64(double(kAverageFileBytes) * g.uniform(0.25, 1.75));
        QByteArray content;
        QString name;
        switch (i % 7) {
        case 0: content = g.googleBenchmark(target); name = QStringLiteral("gbench/bm_kernels-%1.json"); break;
        case 1: content = g.pytestBenchmark(target); name = QStringLiteral("pytest/benchmark-%1.json"); break;
        case 2: content = g.hyperfine(target); name = QStringLiteral("hyperfine/infer-%1.json"); break;
        case 3: content = g.vllmBench(i % 14 == 3 ? 1000 : target); name = QStringLiteral("vllm/serve-%1.json"); break;
        case 4: content = g.junit(target); name = QStringLiteral("junit/pytest-%1.xml"); break;
        case 5: content = g.csv(target); name = QStringLiteral("tables/results-%1.csv"); break;
        default: content = g.markdown(target); name = QStringLiteral("reports/nightly-%1.md"); break;
        }
        const QString path = folder + QLatin1Char('/') + name.arg(i);
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return fail(ErrorClass::Unavailable, QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
        corpus.bytes += content.size();
        ++corpus.files;
    }
    return corpus;
}

struct ImportTally {
    qint64 runs = 0;
    qint64 filesRead = 0;
    qint64 metricValues = 0;
};

// SERVICE started on its fresh store, with the bench's workflow configuration added.
Result<WorkflowConfig> startWithConfig(StoreService &service)
{
    if (Result<int> started = service.startBlocking(); !started)
        return std::unexpected(started.error());
    WorkflowConfig config;
    config.name = QStringLiteral("bench");
    config.githubOwner = QStringLiteral("acme");
    config.githubRepo = QStringLiteral("kernels");
    WriteBatch setup;
    setup.source = QStringLiteral("bench setup");
    setup.workflowConfigs << config;
    if (Result<WriteSummary> written = service.writeBlocking(setup); !written)
        return std::unexpected(written.error());
    return config;
}

// `workflows import --runs-in` over every run folder (importRuns: a run extracted while the one before
// is stored), into a fresh store at STOREPATH.
Result<ImportTally> importCorpus(const Corpus &corpus, const QString &storePath)
{
    StoreService service(StoreLocation{storePath});
    Result<WorkflowConfig> started = startWithConfig(service);
    if (!started)
        return std::unexpected(started.error());
    const WorkflowConfig config = *started;

    const QDateTime start = QDateTime::fromString(QStringLiteral("2026-11-01T00:00:00Z"), Qt::ISODate);
    QList<RunSource> sources;
    for (const QString &folder : corpus.runFolders) {
        RunSource source{{folder}, {}};
        source.options.runId = QString::number(1000 + sources.size());
        source.options.startedAt = start.addSecs(3600 * sources.size());
        source.options.collectedAt = QDateTime::currentDateTimeUtc();
        sources << source;
    }
    ImportTally tally;
    QString incomplete;
    Result<QList<WorkflowRun>> imported = importRuns(service, config, sources, [&](const WorkflowRun &run) {
        ++tally.runs;
        tally.filesRead += run.filesProcessed;
        tally.metricValues += run.metricsCount;
        if (run.status != RunStatus::Completed || run.filesProcessed != run.filesFound)
            incomplete = QStringLiteral("run %1: %2").arg(run.label(), run.errorMessage);
    });
    if (!imported)
        return std::unexpected(imported.error());
    if (!incomplete.isEmpty())
        return fail(ErrorClass::BadData, incomplete);
    return tally;
}

// Extraction alone (collectLocalFiles and buildRun, nothing stored), to tell where the time goes.
double extractionSeconds(const Corpus &corpus)
{
    WorkflowConfig config;
    config.name = QStringLiteral("bench");
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < corpus.runFolders.size(); ++i) {
        Result<CollectedFiles> files = collectLocalFiles({corpus.runFolders.at(i)}, config.filePatterns, config.maxFileBytes);
        RunOptions options;
        options.runId = QString::number(1000 + i);   // as the import has it: no run key hashed from the files
        if (files)
            (void)buildRun(config, *files, options);
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

// The store alone: each run extracted first (not timed), then written and waited for. The store
// thread's capacity, which bounds the import however many cores extract.
Result<double> storeSeconds(const Corpus &corpus, const QString &storePath)
{
    StoreService service(StoreLocation{storePath});
    Result<WorkflowConfig> started = startWithConfig(service);
    if (!started)
        return std::unexpected(started.error());
    const WorkflowConfig config = *started;
    qint64 nanoseconds = 0;
    for (qsizetype i = 0; i < corpus.runFolders.size(); ++i) {
        Result<CollectedFiles> files = collectLocalFiles({corpus.runFolders.at(i)}, config.filePatterns, config.maxFileBytes);
        if (!files)
            return std::unexpected(files.error());
        RunOptions options;
        options.runId = QString::number(1000 + i);
        WriteBatch batch;
        batch.workflowRuns << buildRun(config, *files, options).write;
        QElapsedTimer timer;
        timer.start();
        if (Result<WriteSummary> written = service.writeBlocking(std::move(batch)); !written)
            return std::unexpected(written.error());
        nanoseconds += timer.nsecsElapsed();
    }
    return double(nanoseconds) / 1e9;
}

// What SQLite itself takes for the rows STOREPATH holds, each into the same table and indexes of a
// fresh store, in one transaction with WAL and synchronous=NORMAL, as the store writes them:
// the sqlite3 command's .import of them as CSV (exported first, not timed), and a copy of them
// from one database to the other with INSERT ... SELECT (no parsing, no binding; SQLite reads them from the other file).
struct SqliteFloors {
    qint64 rows = 0;
    double importSeconds = 0;
    double copySeconds = 0;
};

Result<double> timedSqlite3(const QString &sqlite3, const QString &database, const QString &script)
{
    QProcess process;
    process.start(sqlite3, {database});
    process.write(QStringLiteral("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n").toUtf8() + script.toUtf8());
    QElapsedTimer timer;
    timer.start();
    process.closeWriteChannel();
    process.waitForFinished(-1);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (process.exitCode() != 0 || !process.readAllStandardError().isEmpty())
        return fail(ErrorClass::Unavailable, QStringLiteral("sqlite3 failed on: %1").arg(script.simplified()));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(database + suffix);
    return seconds;
}

Result<SqliteFloors> sqliteFloors(const QString &storePath, const QString &workDir)
{
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("the sqlite3 command is needed for the store's baseline"));
    const QString csvPath = workDir + QStringLiteral("/metric-rows.csv");
    QProcess exporter;
    exporter.setStandardOutputFile(csvPath);
    exporter.start(sqlite3, {QStringLiteral("-csv"), storePath, QStringLiteral("SELECT * FROM github_workflow_metrics ORDER BY id")});
    if (!exporter.waitForFinished(-1) || exporter.exitCode() != 0)
        return fail(ErrorClass::Unavailable, QStringLiteral("sqlite3 export failed: %1").arg(QString::fromUtf8(exporter.readAllStandardError())));
    SqliteFloors floors;
    {
        QFile csv(csvPath);
        if (!csv.open(QIODevice::ReadOnly))
            return fail(ErrorClass::Unavailable, QStringLiteral("cannot read %1").arg(csvPath));
        // A JSON document's quotes are doubled, never a newline: one row per line.
        while (!csv.atEnd())
            floors.rows += csv.readLine().endsWith('\n') ? 1 : 0;
    }
    const QString basePath = workDir + QStringLiteral("/sqlite3-floor.sqlite");
    const auto freshStore = [&basePath]() -> Result<void> {
        StoreService fresh(StoreLocation{basePath});
        if (Result<int> started = fresh.startBlocking(); !started)
            return std::unexpected(started.error());
        return {};
    };
    if (Result<void> made = freshStore(); !made)
        return std::unexpected(made.error());
    Result<double> imported = timedSqlite3(sqlite3, basePath, QStringLiteral(".mode csv\n.import %1 github_workflow_metrics\n").arg(csvPath));
    QFile::remove(csvPath);
    if (!imported)
        return std::unexpected(imported.error());
    floors.importSeconds = *imported;
    if (Result<void> made = freshStore(); !made)
        return std::unexpected(made.error());
    Result<double> copied = timedSqlite3(sqlite3, basePath,
                                         QStringLiteral("ATTACH '%1' AS written;\nBEGIN;\nINSERT INTO main.github_workflow_metrics "
                                                        "SELECT * FROM written.github_workflow_metrics ORDER BY id;\nCOMMIT;\n").arg(storePath));
    if (!copied)
        return std::unexpected(copied.error());
    floors.copySeconds = *copied;
    return floors;
}

// Extraction by format on one thread (files already in memory), rows written as stored: MB/s and
// rows/s per recognizer, to tell which formats hold the import back.
void printExtractionByFormat(const Corpus &corpus)
{
    struct Tally {
        qint64 bytes = 0;
        qint64 records = 0;
        qint64 values = 0;
        qint64 nanoseconds = 0;
    };
    QMap<QString, Tally> byFormat;
    for (const QString &folder : corpus.runFolders) {
        Result<CollectedFiles> files = collectLocalFiles({folder}, {}, WorkflowConfig().maxFileBytes);
        if (!files)
            continue;
        for (const ResultFile &file : std::as_const(files->files)) {
            QElapsedTimer timer;
            timer.start();
            // As the import extracts: the tabular formats' rows as stored, the others' records turned into them.
            Result<FileExtraction> extraction = extractMetrics(file, ExtractionForm::StoredRows);
            const MetricRows rows = extraction && !extraction->records.isEmpty() ? MetricRows(extraction->records) : MetricRows();
            const qint64 elapsed = timer.nsecsElapsed();
            if (!extraction)
                continue;
            Tally &tally = byFormat[extraction->format];
            tally.bytes += file.content.size();
            tally.records += rows.size() + extraction->rows.size();
            tally.values += rows.valueCount() + extraction->rows.valueCount();
            tally.nanoseconds += elapsed;
        }
    }
    for (auto it = byFormat.cbegin(); it != byFormat.cend(); ++it) {
        const double seconds = double(it->nanoseconds) / 1e9;
        std::printf("  %-18s %7.1f MB  %6.1f MB/s  %9lld rows  %9lld values  %6.2f us/row (one thread)\n", qPrintable(it.key()),
                    double(it->bytes) / 1e6, double(it->bytes) / 1e6 / seconds, static_cast<long long>(it->records),
                    static_cast<long long>(it->values), it->records ? seconds * 1e6 / double(it->records) : 0.0);
    }
}

// The baseline: every file read and parsed by the generic Qt parser for its extension. Returns the
// number of values seen, so nothing is optimised away.
qint64 parseGenerically(const Corpus &corpus)
{
    qint64 seen = 0;
    for (const QString &folder : corpus.runFolders) {
        QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = file.readAll();
            if (path.endsWith(QLatin1String(".json"))) {
                // QJsonDocument rejects the bare NaN Google Benchmark writes; replacing it copies the bytes
                // as the lenient reader does.
                const QJsonDocument document = QJsonDocument::fromJson(QByteArray(content).replace("NaN", "0.0"));
                seen += document.isObject() ? document.object().size() : 0;
            } else if (path.endsWith(QLatin1String(".xml"))) {
                QXmlStreamReader xml(content);
                while (!xml.atEnd())
                    seen += xml.readNext() == QXmlStreamReader::StartElement ? xml.attributes().size() : 0;
            } else {
                const QChar separator = path.endsWith(QLatin1String(".csv")) ? QLatin1Char(',') : QLatin1Char('|');
                for (const QString &line : QString::fromUtf8(content).split(QLatin1Char('\n')))
                    seen += line.split(separator).size();
            }
        }
    }
    return seen;
}

int filesWanted(int argc, char **argv)
{
    bool ok = false;
    int files = argc > 1 ? QByteArray(argv[1]).toInt(&ok) : qEnvironmentVariableIntValue("FLEETSCOPE_BENCH_WORKFLOW_FILES", &ok);
    return ok && files > 0 ? files : kDefaultFiles;
}

} // namespace

int main(int argc, char **argv)
{
    configureSqliteForProcess();   // as main() does
    QCoreApplication app(argc, argv);
    const int files = filesWanted(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    QElapsedTimer generation;
    generation.start();
    Result<Corpus> corpus = generateCorpus(dir.filePath(QStringLiteral("results")), files);
    if (!corpus) {
        std::fprintf(stderr, "bench_workflows: %s\n", qPrintable(corpus.error().message));
        return 1;
    }
    const double megabytes = double(corpus->bytes) / 1e6;
    std::printf("generated %lld result files, %.1f MB, in %lld runs (%.1f s)\n", static_cast<long long>(corpus->files), megabytes,
                static_cast<long long>(corpus->runFolders.size()), double(generation.elapsed()) / 1000);

    QList<double> ours;
    QList<double> baseline;
    for (int round = 0; round < kRounds; ++round) {
        const QString storePath = dir.filePath(QStringLiteral("store%1.sqlite").arg(round));
        QElapsedTimer timer;
        timer.start();
        Result<ImportTally> tally = importCorpus(*corpus, storePath);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!tally) {
            std::fprintf(stderr, "bench_workflows: %s\n", qPrintable(tally.error().message));
            return 1;
        }
        if (tally->filesRead != corpus->files) {
            std::fprintf(stderr, "bench_workflows: read %lld files, generated %lld\n", static_cast<long long>(tally->filesRead), static_cast<long long>(corpus->files));
            return 1;
        }
        std::printf("round %d: %lld runs, %lld files, %lld metric values (store %.1f MB) in %.1f s (%.0f values/s)\n",
                    round + 1, static_cast<long long>(tally->runs), static_cast<long long>(tally->filesRead),
                    static_cast<long long>(tally->metricValues),
                    double(QFileInfo(storePath).size() + QFileInfo(storePath + QStringLiteral("-wal")).size()) / 1e6, seconds,
                    double(tally->metricValues) / seconds);
        std::fflush(stdout);
        ours << megabytes / seconds;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(storePath + suffix);

        timer.restart();
        const qint64 seen = parseGenerically(*corpus);
        baseline << megabytes / (double(timer.nsecsElapsed()) / 1e9);
        if (seen == 0)
            return 1;
    }

    const double extraction = megabytes / extractionSeconds(*corpus);
    std::printf("extraction alone (read and parse, nothing stored): %.1f MB/s on %d threads\n", extraction, QThreadPool::globalInstance()->maxThreadCount());
    const QString storeOnlyPath = dir.filePath(QStringLiteral("store-only.sqlite"));
    Result<double> storing = storeSeconds(*corpus, storeOnlyPath);
    if (!storing) {
        std::fprintf(stderr, "bench_workflows: %s\n", qPrintable(storing.error().message));
        return 1;
    }
    std::printf("store alone (writing extracted runs, one store thread): %.1f MB/s of input\n", megabytes / *storing);
    Result<SqliteFloors> floors = sqliteFloors(storeOnlyPath, dir.path());
    if (!floors) {
        std::fprintf(stderr, "bench_workflows: %s\n", qPrintable(floors.error().message));
        return 1;
    }
    std::printf("the same %lld rows into the same table and indexes by sqlite3: .import %.1f s (%.1f MB/s of input, store alone %.2fx that); "
                "INSERT ... SELECT from the store %.1f s (%.1f MB/s, store alone %.2fx that)\n",
                static_cast<long long>(floors->rows), floors->importSeconds, megabytes / floors->importSeconds,
                floors->importSeconds / *storing, floors->copySeconds, megabytes / floors->copySeconds, floors->copySeconds / *storing);
    printExtractionByFormat(*corpus);
    const double rate = bench::median(ours);
    const double baselineRate = bench::median(baseline);
    bench::report("workflow_import", rate, "MB/s",
                  QStringLiteral("ratio %1x vs parse-only with QJsonDocument/QXmlStreamReader/line split (%2 MB/s, one thread; ours on %3)"
                                 "; target >= 100 MB/s")
                      .arg(rate / baselineRate, 0, 'f', 2)
                      .arg(baselineRate, 0, 'f', 1)
                      .arg(QThreadPool::globalInstance()->maxThreadCount()));
    return 0;
}
