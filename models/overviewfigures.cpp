// Overview figures: per-connection lines first, fleet totals as sums of the enabled ones, so the two always agree.
#include "overviewfigures.h"

#include <QMap>

#include <algorithm>

namespace fleetscope {
namespace {

constexpr int kDefaultCadenceSeconds = 300;
constexpr int kIntervalsBeforeStale = 3;

// How long a connection's reading stands for it: three of its collection intervals.
qint64 carryMs(int cadenceSeconds)
{
    return qint64(kIntervalsBeforeStale) * std::max(cadenceSeconds, 60) * 1000;
}

template<typename T>
void add(std::optional<T> &total, std::optional<T> value)
{
    if (value)
        total = total.value_or(T(0)) + *value;
}

void newest(QDateTime &current, const QDateTime &ts)
{
    if (ts.isValid() && (!current.isValid() || ts > current))
        current = ts;
}

// A weighted mean being summed up.
struct MeanSum {
    double weighted = 0;
    qint64 weight = 0;

    void add(double value, qint64 w)
    {
        weighted += value * double(w);
        weight += w;
    }
    std::optional<double> mean() const { return weight > 0 ? std::optional<double>(weighted / double(weight)) : std::nullopt; }
};

// Instances weigh as many GPUs as they report, at least one.
qint64 utilWeight(const InstanceSnapshot &instance)
{
    return std::max<qint64>(1, instance.gpuCount.value_or(1));
}

ConnectionFigures figuresFor(const ConnectionRecord &c, const OverviewInput &input)
{
    ConnectionFigures f;
    f.connection = c;
    f.health = connectionHealth(c, input.now);
    MeanSum util;
    bool anyInstance = false;
    qint64 running = 0;
    qint64 total = 0;
    std::optional<qint64> gpus;
    std::optional<double> cost;
    for (const InstanceSnapshot &i : input.instances) {
        if (i.connectionId != c.id)
            continue;
        anyInstance = true;
        ++total;
        newest(f.dataAsOf, i.snapshotTs);
        if (!isRunning(i))
            continue;
        ++running;
        add(gpus, i.gpuCount);
        add(cost, i.costPerHour);
        if (i.gpuUtilPercent)
            util.add(*i.gpuUtilPercent, utilWeight(i));
    }
    if (anyInstance) {
        f.instancesRunning = running;
        f.instancesTotal = total;
        // With nothing running, nothing runs on a GPU and nothing costs: a known zero.
        f.gpusRunning = running == 0 ? std::optional<qint64>(0) : gpus;
        f.costPerHour = running == 0 ? std::optional<double>(0.0) : cost;
    }

    // DCGM GPUs that still report: within three intervals of the connection's newest sample.
    qint64 newestSampleMs = 0;
    for (const LatestSample &s : input.gpuUtil) {
        if (s.key.connectionId == c.id)
            newestSampleMs = std::max(newestSampleMs, s.sample.tsMs);
    }
    for (const LatestSample &s : input.gpuUtil) {
        if (s.key.connectionId == c.id && s.sample.tsMs >= newestSampleMs - carryMs(c.cadenceSeconds)) {
            util.add(s.sample.value, 1);
            ++f.dcgmGpus;
        }
    }
    if (newestSampleMs > 0)
        newest(f.dataAsOf, QDateTime::fromMSecsSinceEpoch(newestSampleMs, Qt::UTC));
    f.meanUtilPercent = util.mean();
    f.utilGpus = util.weight;

    for (const BillingSnapshot &b : input.billing) {
        if (b.connectionId != c.id)
            continue;
        f.balance = b.balance;
        f.billedPerHour = b.currentSpendPerHr;
        newest(f.dataAsOf, b.snapshotTs);
    }
    return f;
}

struct CheapestOffer {
    double perGpuHour = 0;
    QString provider;
    QString tier;
};

// The lowest per-GPU price of each GPU type among offers not known to be unavailable.
QHash<QString, CheapestOffer> cheapestOffers(const QList<GpuOffer> &offers)
{
    QHash<QString, CheapestOffer> cheapest;
    for (const GpuOffer &o : offers) {
        if (!o.pricePerHour || o.available == false || o.gpuType.isEmpty())
            continue;
        const double perGpu = *o.pricePerHour / double(std::max<qint64>(1, o.gpuCount.value_or(1)));
        auto it = cheapest.find(o.gpuType);
        if (it == cheapest.end() || perGpu < it->perGpuHour)
            cheapest.insert(o.gpuType, CheapestOffer{perGpu, o.provider, o.tier});
    }
    return cheapest;
}

QList<GpuTypeFigures> gpuTypes(const QList<InstanceSnapshot> &running, const QList<GpuOffer> &offers)
{
    struct Group {
        GpuTypeFigures figures;
        double pricedCost = 0;
        qint64 pricedGpus = 0;
    };
    QMap<std::pair<QString, QString>, Group> groups;
    for (const InstanceSnapshot &i : running) {
        if (i.gpuType.isEmpty() && i.gpuCount.value_or(0) <= 0)
            continue;   // a CPU instance
        Group &g = groups[{i.gpuType, i.provider}];
        g.figures.gpuType = i.gpuType;
        g.figures.provider = i.provider;
        g.figures.gpus += i.gpuCount.value_or(0);
        ++g.figures.instances;
        add(g.figures.costPerHour, i.costPerHour);
        if (i.costPerHour && i.gpuCount.value_or(0) > 0) {
            g.pricedCost += *i.costPerHour;
            g.pricedGpus += *i.gpuCount;
        }
    }
    const QHash<QString, CheapestOffer> cheapest = cheapestOffers(offers);
    QList<GpuTypeFigures> result;
    for (Group &g : groups) {
        GpuTypeFigures &f = g.figures;
        if (g.pricedGpus > 0)
            f.paidPerGpuHour = g.pricedCost / double(g.pricedGpus);
        const auto offer = cheapest.constFind(f.gpuType);
        if (offer != cheapest.constEnd()) {
            f.cheapestPerGpuHour = offer->perGpuHour;
            f.cheapestProvider = offer->provider;
            f.cheapestTier = offer->tier;
            if (f.paidPerGpuHour)
                f.savingPerHour = std::max(0.0, g.pricedCost - offer->perGpuHour * double(g.pricedGpus));
        }
        result.append(f);
    }
    std::stable_sort(result.begin(), result.end(), [](const GpuTypeFigures &a, const GpuTypeFigures &b) {
        return a.gpus > b.gpus;   // the map already ordered by type and provider
    });
    return result;
}

// The fleet's value at each snapshot time: every connection's newest reading that has not expired.
// READING gives a connection's (value, weight) at a snapshot, nullopt when it has none.
template<typename Reading>
QList<TimedValue> fleetPoints(const QList<InstanceTotals> &totals, const QHash<qint64, int> &cadences, bool weighted,
                              Reading reading)
{
    struct Current {
        double value = 0;
        qint64 weight = 0;
        qint64 tMs = 0;
    };
    QList<TimedValue> points;
    QHash<qint64, Current> current;
    for (qsizetype i = 0; i < totals.size(); ++i) {
        const InstanceTotals &t = totals[i];
        const qint64 tMs = t.snapshotTs.toMSecsSinceEpoch();
        const std::optional<std::pair<double, qint64>> r = reading(t);
        if (r)
            current.insert(t.connectionId, Current{r->first, r->second, tMs});
        else
            current.remove(t.connectionId);   // unknown now: its older reading no longer stands for it
        const bool lastAtThisTime = i + 1 == totals.size() || totals[i + 1].snapshotTs != t.snapshotTs;
        if (!lastAtThisTime)
            continue;
        MeanSum sum;
        double total = 0;
        bool any = false;
        for (auto it = current.begin(); it != current.end();) {
            if (it->tMs + carryMs(cadences.value(it.key(), kDefaultCadenceSeconds)) < tMs) {
                it = current.erase(it);
                continue;
            }
            any = true;
            total += it->value;
            sum.add(it->value, it->weight);
            ++it;
        }
        if (!any)
            continue;
        if (!weighted)
            points.append({tMs, total});
        else if (const std::optional<double> mean = sum.mean())
            points.append({tMs, *mean});
    }
    return points;
}

} // namespace

QString gpuUtilMetric()
{
    return QStringLiteral("gpu_util_percent");
}

ConnectionHealth connectionHealth(const ConnectionRecord &connection, const QDateTime &now)
{
    if (!connection.enabled)
        return ConnectionHealth::Disabled;
    if (connection.lastStatus == QLatin1String("failed"))
        return ConnectionHealth::Failed;
    if (connection.lastStatus.isEmpty() || !connection.lastSyncAt.isValid())
        return ConnectionHealth::NeverSynced;
    if (connection.lastSyncAt.msecsTo(now) > carryMs(connection.cadenceSeconds))
        return ConnectionHealth::Stale;
    return ConnectionHealth::Ok;
}

Overview overviewFigures(const OverviewInput &input)
{
    Overview overview;
    FleetFigures &fleet = overview.fleet;
    MeanSum util;
    QList<InstanceSnapshot> counted;   // latest instances of enabled connections
    for (const ConnectionRecord &c : input.connections) {
        ConnectionFigures f = figuresFor(c, input);
        if (c.enabled) {
            ++fleet.connections;
            if (f.health == ConnectionHealth::Failed || f.health == ConnectionHealth::Stale)
                fleet.outdated.append(c.name);
            add(fleet.instancesRunning, f.instancesRunning);
            add(fleet.instancesTotal, f.instancesTotal);
            add(fleet.gpusRunning, f.gpusRunning);
            add(fleet.burnPerHour, f.costPerHour);
            add(fleet.billedPerHour, f.billedPerHour);
            if (f.balance) {
                add(fleet.balance, f.balance);
                ++fleet.balanceReporters;
            }
            if (f.meanUtilPercent)
                util.add(*f.meanUtilPercent, f.utilGpus);
            fleet.dcgmGpus += f.dcgmGpus;
            for (const InstanceSnapshot &i : input.instances) {
                if (i.connectionId != c.id)
                    continue;
                counted.append(i);
                if (isRunning(i)) {
                    fleet.runningWithoutGpuCount += i.gpuCount ? 0 : 1;
                    fleet.runningWithoutPrice += i.costPerHour ? 0 : 1;
                }
            }
        } else {
            ++fleet.disabled;
        }
        overview.connections.append(std::move(f));
    }
    fleet.meanUtilPercent = util.mean();
    fleet.utilGpus = util.weight;

    QHash<QString, QList<InstanceSnapshot>> lastHour;
    for (const InstanceSnapshot &s : input.lastHour)
        lastHour[s.instanceId].append(s);
    fleet.idle = idleCost(counted, lastHour, kIdleUtilPercent);

    QList<InstanceSnapshot> running;
    for (const InstanceSnapshot &i : std::as_const(counted)) {
        if (isRunning(i))
            running.append(i);
    }
    overview.gpuTypes = gpuTypes(running, input.offers);
    return overview;
}

QList<TimedValue> fleetBurnPoints(const QList<InstanceTotals> &totals, const QHash<qint64, int> &cadences)
{
    return fleetPoints(totals, cadences, false, [](const InstanceTotals &t) -> std::optional<std::pair<double, qint64>> {
        if (t.running == 0)
            return std::pair<double, qint64>(0.0, 1);
        if (!t.runningCostPerHour)
            return std::nullopt;
        return std::pair<double, qint64>(*t.runningCostPerHour, 1);
    });
}

QList<TimedValue> fleetUtilPoints(const QList<InstanceTotals> &totals, const QHash<qint64, int> &cadences)
{
    return fleetPoints(totals, cadences, true, [](const InstanceTotals &t) -> std::optional<std::pair<double, qint64>> {
        if (!t.meanGpuUtilPercent || t.utilGpus <= 0)
            return std::nullopt;
        return std::pair<double, qint64>(*t.meanGpuUtilPercent, t.utilGpus);
    });
}

BucketSeries mergeBuckets(const QList<BucketSeries> &series)
{
    BucketSeries merged;
    if (series.isEmpty())
        return merged;
    merged.tier = series.first().tier;
    merged.originMs = series.first().originMs;
    merged.widthMs = series.first().widthMs;
    struct Sum {
        Bucket bucket;
        double weightedAvg = 0;
        double lastSum = 0;
        int series = 0;
    };
    QMap<qint64, Sum> sums;
    for (const BucketSeries &s : series) {
        for (const Bucket &b : s.buckets) {
            auto it = sums.find(b.startMs);
            if (it == sums.end()) {
                it = sums.insert(b.startMs, Sum{b, 0, 0, 0});
                it->bucket.count = 0;
            } else {
                it->bucket.min = std::min(it->bucket.min, b.min);
                it->bucket.max = std::max(it->bucket.max, b.max);
            }
            it->weightedAvg += b.avg * double(b.count);
            it->bucket.count += b.count;
            it->lastSum += b.last;
            ++it->series;
        }
    }
    for (Sum &sum : sums) {
        Bucket b = sum.bucket;
        b.avg = b.count > 0 ? sum.weightedAvg / double(b.count) : 0.0;
        b.last = sum.lastSum / double(sum.series);
        merged.buckets.append(b);
    }
    return merged;
}

} // namespace fleetscope
