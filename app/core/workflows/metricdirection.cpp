// Direction and unit inference: a small vocabulary of benchmark words, checked unit first, then name.
#include "metricdirection.h"

#include <QHash>

namespace fleetscope {

double secondsPerTimeUnit(const QString &unit)
{
    static const QHash<QString, double> kUnits{
        {QStringLiteral("ns"), 1e-9},  {QStringLiteral("us"), 1e-6},     {QStringLiteral("µs"), 1e-6},      {QStringLiteral("μs"), 1e-6},
        {QStringLiteral("ms"), 1e-3},  {QStringLiteral("s"), 1},         {QStringLiteral("sec"), 1},        {QStringLiteral("secs"), 1},
        {QStringLiteral("second"), 1}, {QStringLiteral("seconds"), 1},   {QStringLiteral("min"), 60},       {QStringLiteral("minutes"), 60},
        {QStringLiteral("h"), 3600},   {QStringLiteral("hours"), 3600}};
    return kUnits.value(unit.trimmed().toLower(), 0);
}

namespace {

bool isTimeUnit(const QString &unit)
{
    return secondsPerTimeUnit(unit) > 0;
}

bool isRateUnit(const QString &unit)
{
    const QString u = unit.trimmed().toLower();
    return u.contains(QLatin1String("/s")) || u.contains(QLatin1String("per s")) || u.endsWith(QLatin1String("ps"))
        || u == QLatin1String("hz") || u.endsWith(QLatin1String("flops"));
}

bool isMemoryUnit(const QString &unit)
{
    static const QStringList kUnits{QStringLiteral("b"), QStringLiteral("bytes"), QStringLiteral("kb"), QStringLiteral("mb"),
                                    QStringLiteral("gb"), QStringLiteral("kib"), QStringLiteral("mib"), QStringLiteral("gib")};
    return kUnits.contains(unit.trimmed().toLower());
}

bool isWordChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

// "realTime" and "real_time" both give {"real", "time"}: lower-case ASCII words, split at anything
// else and where a capital follows a small letter or digit. By hand: this runs for every metric.
QStringList words(const QString &name)
{
    QStringList parts;
    QString current;
    QChar previous;
    for (const QChar c : name) {
        const bool capital = c >= QLatin1Char('A') && c <= QLatin1Char('Z');
        if ((capital && isWordChar(previous)) || (!capital && !isWordChar(c))) {
            if (!current.isEmpty())
                parts << current;
            current.clear();
        }
        if (capital || isWordChar(c))
            current += capital ? QChar(c.unicode() + ('a' - 'A')) : c;
        previous = c;
    }
    if (!current.isEmpty())
        parts << current;
    return parts;
}

} // namespace

QString unitFromName(const QString &name)
{
    const QString n = name.toLower();
    struct Suffix {
        const char *suffix;
        const char *unit;
    };
    static const Suffix kSuffixes[] = {
        {"tokens_per_s", "tok/s"}, {"tokens_per_second", "tok/s"}, {"_tok_s", "tok/s"}, {"_tokens_s", "tok/s"}, {"_per_second", "/s"}, {"_per_sec", "/s"},
        {"_per_s", "/s"}, {"_ns", "ns"}, {"_us", "us"}, {"_ms", "ms"}, {"_sec", "s"}, {"_seconds", "s"}, {"_secs", "s"},
        {"_s", "s"}, {"_gb", "GB"}, {"_mb", "MB"}, {"_kb", "KB"}, {"_bytes", "B"}, {"_pct", "%"}, {"_percent", "%"},
    };
    for (const Suffix &s : kSuffixes) {
        // "_ms" alone names nothing; "tokens_per_s" alone is a unit of its own.
        if (n.endsWith(QLatin1String(s.suffix)) && (n.size() > qsizetype(qstrlen(s.suffix)) || s.suffix[0] != '_'))
            return QString::fromUtf8(s.unit);
    }
    return {};
}

MetricDirection inferDirection(const QString &name, const QString &unit)
{
    if (isRateUnit(unit))
        return MetricDirection::HigherIsBetter;
    static const QStringList kHigher{QStringLiteral("throughput"), QStringLiteral("goodput"), QStringLiteral("ops"),
                                     QStringLiteral("qps"), QStringLiteral("rps"), QStringLiteral("tps"), QStringLiteral("fps"),
                                     QStringLiteral("bandwidth"), QStringLiteral("speedup"), QStringLiteral("accuracy"),
                                     QStringLiteral("score"), QStringLiteral("flops"), QStringLiteral("tflops"), QStringLiteral("mfu")};
    static const QStringList kLower{QStringLiteral("time"), QStringLiteral("latency"), QStringLiteral("duration"),
                                    QStringLiteral("elapsed"), QStringLiteral("ttft"), QStringLiteral("tpot"), QStringLiteral("itl"),
                                    QStringLiteral("e2el"), QStringLiteral("runtime"), QStringLiteral("walltime"),
                                    QStringLiteral("memory"), QStringLiteral("mem"), QStringLiteral("rss"), QStringLiteral("loss"),
                                    QStringLiteral("error"), QStringLiteral("errors"), QStringLiteral("failed"),
                                    QStringLiteral("failures"), QStringLiteral("ms"), QStringLiteral("us"), QStringLiteral("ns")};
    const QStringList parts = words(name);
    const QString n = name.toLower();
    if (n.contains(QLatin1String("per_s")) || n.contains(QLatin1String("per_second")) || n.contains(QLatin1String("/s")))
        return MetricDirection::HigherIsBetter;
    for (const QString &part : parts) {
        if (kHigher.contains(part))
            return MetricDirection::HigherIsBetter;
    }
    if (isTimeUnit(unit) || isMemoryUnit(unit))
        return MetricDirection::LowerIsBetter;
    if (parts.contains(QLatin1String("timestamp")))
        return MetricDirection::Neutral;
    for (const QString &part : parts) {
        if (kLower.contains(part))
            return MetricDirection::LowerIsBetter;
    }
    return MetricDirection::Neutral;
}

namespace {

// COMPUTE(name, unit), remembered per thread in MEMO by name and unit: result files and stored rows
// repeat a handful of metric names thousands of times. The memo is emptied when it grows large.
template<typename T, typename Compute>
const T &remembered(QHash<QString, T> &memo, const QString &name, const QString &unit, Compute compute)
{
    const QString key = name + QChar(0x1f) + unit;
    auto it = memo.constFind(key);
    if (it == memo.cend()) {
        if (memo.size() >= 4096)
            memo.clear();
        it = memo.insert(key, compute());
    }
    return *it;
}

} // namespace

MetricValue makeMetric(const QString &name, double value, const QString &unit)
{
    thread_local QHash<QString, MetricValue> known;
    MetricValue metric = remembered(known, name, unit, [&] {
        MetricValue inferred;
        inferred.name = name;
        inferred.unit = unit.isEmpty() ? unitFromName(name) : unit;
        inferred.direction = inferDirection(name, inferred.unit);
        return inferred;
    });
    metric.value = value;
    return metric;
}

MetricDirection storedDirection(const QString &stored, const QString &name, const QString &unit)
{
    if (!stored.isEmpty())
        return directionFromName(stored);
    thread_local QHash<QString, MetricDirection> inferred;
    return remembered(inferred, name, unit, [&] { return inferDirection(name, unit); });
}

} // namespace fleetscope
