// The demo repository of `simulate --github`: benchmark runs with real-format result files and a planted regression.
#include "simulator/githubsimulator.h"

#include "simulator/zipwriter.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <random>

namespace fleetscope {
namespace {

struct DemoBenchmark {
    const char *name;
    double nanoseconds;
};

constexpr DemoBenchmark kBenchmarks[] = {{"BM_Tokenize/1024", 18'400.0}, {"BM_Attention/512", 2'350'000.0}, {"BM_Matmul/2048", 41'800'000.0}};
constexpr const char *kRegressed = "BM_Attention/512";

// A Google Benchmark --benchmark_format=json report.
QByteArray googleBenchmarkJson(const QDateTime &date, double regression, std::mt19937_64 &rng)
{
    QJsonArray benchmarks;
    for (const DemoBenchmark &b : kBenchmarks) {
        const double noise = 1.0 + (double(rng() % 2001) / 1000.0 - 1.0) * 0.015;
        const double factor = noise * (qstrcmp(b.name, kRegressed) == 0 ? regression : 1.0);
        benchmarks.append(QJsonObject{
            {QStringLiteral("name"), QLatin1String(b.name)},
            {QStringLiteral("run_name"), QLatin1String(b.name)},
            {QStringLiteral("run_type"), QStringLiteral("iteration")},
            {QStringLiteral("repetitions"), 0},
            {QStringLiteral("repetition_index"), 0},
            {QStringLiteral("threads"), 1},
            {QStringLiteral("iterations"), qint64(1e9 / b.nanoseconds)},
            {QStringLiteral("real_time"), b.nanoseconds * factor},
            {QStringLiteral("cpu_time"), b.nanoseconds * factor * 0.98},
            {QStringLiteral("time_unit"), QStringLiteral("ns")},
        });
    }
    const QJsonObject context{{QStringLiteral("date"), date.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))},
                              {QStringLiteral("host_name"), QStringLiteral("runner-gpu-0")},
                              {QStringLiteral("executable"), QStringLiteral("./build/bench/engine_bench")},
                              {QStringLiteral("num_cpus"), 16},
                              {QStringLiteral("mhz_per_cpu"), 3000},
                              {QStringLiteral("cpu_scaling_enabled"), false},
                              {QStringLiteral("library_build_type"), QStringLiteral("release")}};
    return QJsonDocument(QJsonObject{{QStringLiteral("context"), context}, {QStringLiteral("benchmarks"), benchmarks}}).toJson();
}

// Serving throughput per model and batch size: text columns are dimensions, numbers metrics.
QByteArray throughputCsv(std::mt19937_64 &rng)
{
    QByteArray csv = "model,batch_size,tokens_per_s,p95_latency_ms\n";
    for (const char *model : {"llama-3-8b", "mistral-7b"}) {
        for (const int batch : {1, 8}) {
            const double noise = 1.0 + (double(rng() % 2001) / 1000.0 - 1.0) * 0.02;
            const double tokens = (qstrcmp(model, "llama-3-8b") == 0 ? 95.0 : 110.0) * batch * (batch > 1 ? 0.8 : 1.0) * noise;
            csv += QByteArray(model) + ',' + QByteArray::number(batch) + ',' + QByteArray::number(tokens, 'f', 1) + ','
                   + QByteArray::number(batch * 38.0 / noise, 'f', 1) + '\n';
        }
    }
    return csv;
}

} // namespace

void GitHubSimulator::addDemoRuns(const QDateTime &now, int count, quint64 seed)
{
    std::mt19937_64 rng(seed);
    const QDateTime newest = now.toUTC().addSecs(-3600);
    for (int i = 0; i < count; ++i) {
        SimulatedRun run;
        run.id = 7'100'000 + i;
        run.headSha = QString::fromLatin1(QCryptographicHash::hash(QByteArray::number(seed) + '/' + QByteArray::number(i), QCryptographicHash::Sha1).toHex());
        run.createdAt = newest.addSecs(-qint64(count - 1 - i) * 12 * 3600);
        const double regression = i == count - 1 && count > 1 ? 1.2 : 1.0;
        const QByteArray zip = buildZip({{QStringLiteral("bench/engine_bench.json"), googleBenchmarkJson(run.createdAt, regression, rng)},
                                         {QStringLiteral("bench/throughput.csv"), throughputCsv(rng)},
                                         {QStringLiteral("logs/bench.log"), "engine_bench finished\n"}});
        run.artifacts << SimulatedArtifact{8'100'000 + i, QStringLiteral("benchmark-results"), zip};
        runs << run;
    }
}

} // namespace fleetscope
