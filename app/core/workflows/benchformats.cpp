// Recognizers for the JSON that benchmark tools write: Google Benchmark, pytest-benchmark, hyperfine, vLLM.
#include "formats.h"
#include "metricdirection.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace fleetscope::formats {
namespace {

bool isFiniteNumber(const QJsonValue &value)
{
    return value.isDouble() && std::isfinite(value.toDouble());
}

void addIfNumber(MetricRecord &record, const QJsonObject &object, const QString &key, const QString &unit = {})
{
    const QJsonValue value = object.value(key);
    if (isFiniteNumber(value))
        record.metrics << makeMetric(key, value.toDouble(), unit);
}

// A dimension from a string or number field; nulls and other types are left out.
void addDimension(MetricRecord &record, const QString &name, const QJsonValue &value)
{
    if (value.isString() || isFiniteNumber(value))
        record.dimensions.insert(name, value);
}

QJsonArray benchmarksOf(const QJsonObject &root)
{
    return root.value(QLatin1String("benchmarks")).toArray();
}

} // namespace

// ---- Google Benchmark (--benchmark_format=json) -----------------------------------------------

bool looksLikeGoogleBenchmark(const QJsonObject &root)
{
    const QJsonArray benchmarks = benchmarksOf(root);
    if (benchmarks.isEmpty() || !benchmarks.first().isObject())
        return false;
    const QJsonObject first = benchmarks.first().toObject();
    return !first.contains(QLatin1String("stats"))
        && (root.value(QLatin1String("context")).isObject() || first.contains(QLatin1String("run_type"))
            || first.contains(QLatin1String("time_unit")) || first.contains(QLatin1String("real_time")));
}

FileExtraction googleBenchmark(const QJsonObject &root)
{
    // Identity and bookkeeping fields; every other finite number is a metric (user counters included).
    static const QSet<QString> kNotMetrics{QStringLiteral("family_index"), QStringLiteral("per_family_instance_index"),
                                           QStringLiteral("repetition_index"), QStringLiteral("repetitions"),
                                           QStringLiteral("threads")};
    FileExtraction result;
    result.format = QStringLiteral("google-benchmark");
    qsizetype withoutTimings = 0;
    const QJsonArray benchmarks = benchmarksOf(root);
    for (const QJsonValue &entry : benchmarks) {
        const QJsonObject b = entry.toObject();
        MetricRecord record;
        addDimension(record, QStringLiteral("benchmark"), b.value(QLatin1String("name")));
        addDimension(record, QStringLiteral("run_type"), b.value(QLatin1String("run_type")));
        addDimension(record, QStringLiteral("aggregate"), b.value(QLatin1String("aggregate_name")));
        addDimension(record, QStringLiteral("label"), b.value(QLatin1String("label")));
        addDimension(record, QStringLiteral("threads"), b.value(QLatin1String("threads")));
        const QString timeUnit = b.value(QLatin1String("time_unit")).toString();
        for (auto it = b.constBegin(); it != b.constEnd(); ++it) {
            if (kNotMetrics.contains(it.key()) || !isFiniteNumber(it.value()))
                continue;
            const bool isTime = it.key() == QLatin1String("real_time") || it.key() == QLatin1String("cpu_time");
            record.metrics << makeMetric(it.key(), it.value().toDouble(), isTime ? timeUnit : QString());
        }
        if (record.metrics.isEmpty())
            ++withoutTimings;
        else
            result.records << record;
    }
    if (withoutTimings)
        result.notes << QStringLiteral("%1 of %2 benchmarks have no timings or counters").arg(withoutTimings).arg(benchmarks.size());
    return result;
}

// ---- pytest-benchmark (--benchmark-json, and saved runs) ---------------------------------------

bool looksLikePytestBenchmark(const QJsonObject &root)
{
    const QJsonArray benchmarks = benchmarksOf(root);
    return !benchmarks.isEmpty() && benchmarks.first().toObject().value(QLatin1String("stats")).isObject();
}

FileExtraction pytestBenchmark(const QJsonObject &root)
{
    static const QStringList kSeconds{QStringLiteral("min"), QStringLiteral("max"), QStringLiteral("mean"),
                                      QStringLiteral("stddev"), QStringLiteral("median"), QStringLiteral("iqr"),
                                      QStringLiteral("q1"), QStringLiteral("q3"), QStringLiteral("ld15iqr"),
                                      QStringLiteral("hd15iqr"), QStringLiteral("total")};
    static const QStringList kCounts{QStringLiteral("rounds"), QStringLiteral("iterations"), QStringLiteral("iqr_outliers"),
                                     QStringLiteral("stddev_outliers")};
    FileExtraction result;
    result.format = QStringLiteral("pytest-benchmark");
    for (const QJsonValue &entry : benchmarksOf(root)) {
        const QJsonObject b = entry.toObject();
        const QJsonObject stats = b.value(QLatin1String("stats")).toObject();
        MetricRecord record;
        addDimension(record, QStringLiteral("benchmark"), b.value(QLatin1String("name")));
        addDimension(record, QStringLiteral("group"), b.value(QLatin1String("group")));
        const QJsonObject params = b.value(QLatin1String("params")).toObject();
        for (auto it = params.constBegin(); it != params.constEnd(); ++it)
            addDimension(record, QStringLiteral("param.") + it.key(), it.value());
        for (const QString &key : kSeconds)
            addIfNumber(record, stats, key, QStringLiteral("s"));
        addIfNumber(record, stats, QStringLiteral("ops"), QStringLiteral("ops/s"));
        for (const QString &key : kCounts)
            addIfNumber(record, stats, key);
        if (!record.metrics.isEmpty())
            result.records << record;
    }
    return result;
}

// ---- hyperfine (--export-json) ------------------------------------------------------------------

bool looksLikeHyperfine(const QJsonObject &root)
{
    const QJsonArray results = root.value(QLatin1String("results")).toArray();
    if (results.isEmpty())
        return false;
    const QJsonObject first = results.first().toObject();
    return first.contains(QLatin1String("command")) && first.contains(QLatin1String("mean"));
}

FileExtraction hyperfine(const QJsonObject &root)
{
    static const QStringList kSeconds{QStringLiteral("mean"), QStringLiteral("stddev"), QStringLiteral("median"),
                                      QStringLiteral("user"), QStringLiteral("system"), QStringLiteral("min"), QStringLiteral("max")};
    FileExtraction result;
    result.format = QStringLiteral("hyperfine");
    for (const QJsonValue &entry : root.value(QLatin1String("results")).toArray()) {
        const QJsonObject r = entry.toObject();
        MetricRecord record;
        addDimension(record, QStringLiteral("command"), r.value(QLatin1String("command")));
        const QJsonObject parameters = r.value(QLatin1String("parameters")).toObject();
        for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it)
            addDimension(record, QStringLiteral("param.") + it.key(), it.value());
        for (const QString &key : kSeconds)
            addIfNumber(record, r, key, QStringLiteral("s"));
        if (!record.metrics.isEmpty())
            result.records << record;
    }
    return result;
}

// ---- vLLM serving benchmark (vllm bench serve --save-result, benchmark_serving.py) --------------

bool looksLikeVllmBench(const QJsonObject &root)
{
    return root.contains(QLatin1String("completed")) && root.contains(QLatin1String("num_prompts"))
        && (root.contains(QLatin1String("request_throughput")) || root.contains(QLatin1String("mean_ttft_ms")));
}

FileExtraction vllmBench(const QJsonObject &root)
{
    // The run's parameters are its dimensions; dates, repetition numbers and lists are neither.
    static const QStringList kDimensions{QStringLiteral("backend"), QStringLiteral("endpoint_type"), QStringLiteral("label"),
                                         QStringLiteral("model_id"), QStringLiteral("tokenizer_id"), QStringLiteral("num_prompts"),
                                         QStringLiteral("request_rate"), QStringLiteral("burstiness"),
                                         QStringLiteral("max_concurrency"), QStringLiteral("max_num_seqs")};
    static const QSet<QString> kIgnored{QStringLiteral("date"), QStringLiteral("run_number")};
    static const QHash<QString, QString> kUnits{
        {QStringLiteral("duration"), QStringLiteral("s")},
        {QStringLiteral("request_throughput"), QStringLiteral("req/s")},
        {QStringLiteral("request_goodput"), QStringLiteral("req/s")},
        {QStringLiteral("output_throughput"), QStringLiteral("tok/s")},
        {QStringLiteral("total_token_throughput"), QStringLiteral("tok/s")},
        {QStringLiteral("max_output_tokens_per_s"), QStringLiteral("tok/s")},
    };
    FileExtraction result;
    result.format = QStringLiteral("vllm-bench");
    MetricRecord record;
    for (const QString &key : kDimensions)
        addDimension(record, key, root.value(key));
    // With no request completed, the latency and throughput fields are zeros, not measurements:
    // storing them would read as a huge speed-up or collapse. Only the counts are kept.
    const bool allFailed = root.value(QLatin1String("completed")).toDouble(-1) == 0;
    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        if (kDimensions.contains(it.key()) || kIgnored.contains(it.key()) || !isFiniteNumber(it.value()))
            continue;
        if (allFailed && it.key() != QLatin1String("completed") && it.key() != QLatin1String("failed"))
            continue;
        record.metrics << makeMetric(it.key(), it.value().toDouble(), kUnits.value(it.key()));
    }
    if (allFailed)
        result.notes << QStringLiteral("no request completed (%1 failed): latency and throughput not recorded")
                            .arg(root.value(QLatin1String("failed")).toInteger());
    result.records << record;
    return result;
}

} // namespace fleetscope::formats
