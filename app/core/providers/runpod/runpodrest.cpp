// RunPod REST v2 parsing.
#include "runpodrest.h"

#include "gpunames.h"
#include "runpodparse.h"

#include <QJsonObject>

namespace fleetscope::runpod {
namespace {

QString joined(const QJsonValue &array)
{
    QStringList items;
    for (const QJsonValue item : array.toArray())
        items << item.toString();
    items.removeAll(QString());
    return items.join(QLatin1Char(','));
}

} // namespace

Result<QJsonArray> restList(const QByteArray &body, const QString &key, const QString &source)
{
    Result<QJsonObject> object = parseObject(body, source);
    if (!object)
        return std::unexpected(object.error());
    const QJsonValue list = object->value(key);
    if (!list.isArray())
        return fail(ErrorClass::BadData, QStringLiteral("%1: answer without a '%2' list").arg(source, key));
    return list.toArray();
}

QList<InstanceSnapshot> parseRestPods(const QJsonArray &pods, const QDateTime &ts, qint64 connectionId)
{
    QList<InstanceSnapshot> result;
    for (const QJsonValue value : pods) {
        const QJsonObject pod = value.toObject();
        InstanceSnapshot s;
        s.snapshotTs = ts;
        s.connectionId = connectionId;
        s.provider = QStringLiteral("runpod");
        s.instanceId = pod.value(QStringLiteral("id")).toString();
        if (s.instanceId.isEmpty())
            continue;
        s.name = pod.value(QStringLiteral("name")).toString();
        s.status = pod.value(QStringLiteral("status")).toString();
        s.region = pod.value(QStringLiteral("dataCenterId")).toString();
        s.costPerHour = number(pod.value(QStringLiteral("cost")));
        // A GPU pod has "gpu" {id, count}; a CPU pod has "cpu" {id, vcpuCount, memory} instead.
        const QJsonObject gpu = pod.value(QStringLiteral("gpu")).toObject();
        const QString gpuId = gpu.value(QStringLiteral("id")).toString();
        if (!gpuId.isEmpty()) {
            s.gpuType = canonicalGpuName(gpuId);
            s.gpuCount = gpu.contains(QStringLiteral("count")) ? integer(gpu.value(QStringLiteral("count"))) : std::optional<qint64>(1);
        }
        const QJsonObject cpu = pod.value(QStringLiteral("cpu")).toObject();
        s.vcpuCount = integer(cpu.value(QStringLiteral("vcpuCount")));
        s.memoryGb = number(cpu.value(QStringLiteral("memory")));
        // runtime is null for a pod that is not running: uptime and util are unknown, not 0.
        const QJsonObject runtime = pod.value(QStringLiteral("runtime")).toObject();
        if (!runtime.isEmpty()) {
            s.uptimeSeconds = integer(runtime.value(QStringLiteral("uptime")));
            s.gpuUtilPercent = meanOf(runtime.value(QStringLiteral("gpus")).toArray(), QStringLiteral("util"));
        }
        QJsonObject metadata;
        for (const char *key : {"image", "disk", "cloud", "cudaVersion", "template"}) {
            const QJsonValue v = pod.value(QString::fromLatin1(key));
            if (!v.isUndefined() && !v.isNull())
                metadata.insert(QString::fromLatin1(key), v);
        }
        if (!gpuId.isEmpty())
            metadata.insert(QStringLiteral("gpuId"), gpuId);
        if (const std::optional<double> volume = number(pod.value(QStringLiteral("mounts")).toObject()
                                                            .value(QStringLiteral("persistent")).toObject().value(QStringLiteral("size"))))
            metadata.insert(QStringLiteral("volumeInGb"), *volume);
        s.metadata = metadata;
        result << s;
    }
    return result;
}

QList<EndpointSnapshot> parseRestEndpoints(const QJsonArray &endpoints, const QDateTime &ts, qint64 connectionId)
{
    QList<EndpointSnapshot> result;
    for (const QJsonValue value : endpoints) {
        const QJsonObject e = value.toObject();
        EndpointSnapshot s;
        s.snapshotTs = ts;
        s.connectionId = connectionId;
        s.endpointId = e.value(QStringLiteral("id")).toString();
        if (s.endpointId.isEmpty())
            continue;
        s.name = e.value(QStringLiteral("name")).toString();
        const QJsonObject gpu = e.value(QStringLiteral("gpu")).toObject();
        s.computeType = !gpu.isEmpty() ? QStringLiteral("GPU") : e.value(QStringLiteral("cpu")).isArray() ? QStringLiteral("CPU") : QString();
        s.gpuTypeIds = joined(gpu.value(QStringLiteral("pools")));
        const QJsonObject workers = e.value(QStringLiteral("workers")).toObject();
        s.workersMin = integer(workers.value(QStringLiteral("min")));
        s.workersMax = integer(workers.value(QStringLiteral("max")));
        s.idleTimeout = integer(workers.value(QStringLiteral("idleTimeout")));
        // scaling is a union on "type": QUEUE_DELAY carries queueDelay, REQUEST_COUNT requestCount.
        const QJsonObject scaling = e.value(QStringLiteral("scaling")).toObject();
        s.scalerType = scaling.value(QStringLiteral("type")).toString();
        s.scalerValue = integer(scaling.value(s.scalerType == QLatin1String("REQUEST_COUNT") ? QStringLiteral("requestCount")
                                                                                               : QStringLiteral("queueDelay")));
        s.executionTimeoutMs = integer(e.value(QStringLiteral("timeout")));
        QJsonObject metadata;
        if (const QString locations = joined(e.value(QStringLiteral("dataCenterIds"))); !locations.isEmpty())
            metadata.insert(QStringLiteral("locations"), locations);
        for (const char *key : {"type", "templateId", "flashboot"}) {
            const QJsonValue v = e.value(QString::fromLatin1(key));
            if (!v.isUndefined() && !v.isNull())
                metadata.insert(QString::fromLatin1(key), v);
        }
        s.metadata = metadata;
        result << s;
    }
    return result;
}

QList<GpuOffer> parseRestGpus(const QJsonArray &gpus, const QDateTime &ts, qint64 connectionId)
{
    QList<GpuOffer> offers;
    for (const QJsonValue value : gpus) {
        const QJsonObject gpu = value.toObject();
        const QString id = gpu.value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            continue;
        const QJsonObject prices = gpu.value(QStringLiteral("price")).toObject();
        for (const QString &tier : {QStringLiteral("secure"), QStringLiteral("community")}) {
            const std::optional<double> price = number(prices.value(tier));
            if (!price || *price <= 0)
                continue;   // not offered in this tier
            GpuOffer offer;
            offer.observedTs = ts;
            offer.connectionId = connectionId;
            offer.provider = QStringLiteral("runpod");
            offer.gpuType = canonicalGpuName(id);
            offer.providerGpuId = id;
            offer.tier = tier;
            offer.gpuCount = 1;
            offer.memoryGb = number(gpu.value(QStringLiteral("memory")));
            offer.pricePerHour = price;
            if (const QJsonValue available = gpu.value(tier); available.isBool())
                offer.available = available.toBool();
            QJsonObject metadata{{QStringLiteral("displayName"), gpu.value(QStringLiteral("name")).toString()}};
            if (const QString stock = gpu.value(QStringLiteral("availability")).toString(); !stock.isEmpty())
                metadata.insert(QStringLiteral("stockStatus"), stock);
            offer.metadata = metadata;
            offers << offer;
        }
    }
    return offers;
}

} // namespace fleetscope::runpod
