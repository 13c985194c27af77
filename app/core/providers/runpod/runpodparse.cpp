// RunPod JSON parsing.
#include "runpodparse.h"

#include "gpunames.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace fleetscope::runpod {
namespace {

// The provider fields kept as metadata: those present and not null.
QJsonObject presentFields(const QJsonObject &object, std::initializer_list<const char *> keys)
{
    QJsonObject kept;
    for (const char *key : keys) {
        const QJsonValue value = object.value(QString::fromLatin1(key));
        if (!value.isUndefined() && !value.isNull())
            kept.insert(QString::fromLatin1(key), value);
    }
    return kept;
}

} // namespace

Result<QJsonObject> parseObject(const QByteArray &body, const QString &source)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(ErrorClass::BadData, QStringLiteral("%1: malformed JSON at offset %2: %3").arg(source).arg(error.offset).arg(error.errorString()));
    if (!document.isObject())
        return fail(ErrorClass::BadData, QStringLiteral("%1: expected a JSON object").arg(source));
    return document.object();
}

Result<QJsonObject> graphqlData(const QByteArray &body, const QString &source)
{
    Result<QJsonObject> object = parseObject(body, source);
    if (!object)
        return object;
    const QJsonArray errors = object->value(QStringLiteral("errors")).toArray();
    if (!errors.isEmpty()) {
        const QString message = errors.first().toObject().value(QStringLiteral("message")).toString();
        const bool auth = message.contains(QLatin1String("nauthori"), Qt::CaseInsensitive) || message.contains(QLatin1String("api key"), Qt::CaseInsensitive);
        return fail(auth ? ErrorClass::Auth : ErrorClass::BadData,
                    QStringLiteral("%1: GraphQL error: %2").arg(source, message.isEmpty() ? QStringLiteral("(no message)") : message.left(300)));
    }
    const QJsonValue data = object->value(QStringLiteral("data"));
    if (!data.isObject())
        return fail(ErrorClass::BadData, QStringLiteral("%1: GraphQL answer without data").arg(source));
    return data.toObject();
}

std::optional<double> number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double parsed = value.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(parsed))
            return parsed;
    }
    return std::nullopt;
}

std::optional<double> meanOf(const QJsonArray &items, const QString &key)
{
    double sum = 0;
    int count = 0;
    for (const QJsonValue item : items) {
        if (const std::optional<double> value = number(item.toObject().value(key))) {
            sum += *value;
            ++count;
        }
    }
    return count > 0 ? std::optional<double>(sum / count) : std::nullopt;
}

std::optional<qint64> integer(const QJsonValue &value)
{
    const std::optional<double> n = number(value);
    if (!n)
        return std::nullopt;
    return qint64(std::llround(*n));
}

BillingSnapshot parseBilling(const QJsonObject &myself, const QDateTime &ts, qint64 connectionId)
{
    BillingSnapshot billing;
    billing.snapshotTs = ts;
    billing.connectionId = connectionId;
    billing.balance = number(myself.value(QStringLiteral("clientBalance")));
    billing.currentSpendPerHr = number(myself.value(QStringLiteral("currentSpendPerHr")));
    billing.spendLimit = number(myself.value(QStringLiteral("spendLimit")));
    // RunPod does not reliably expose lifetime spend: it stays unknown rather than 0.
    return billing;
}

QList<InstanceSnapshot> parsePods(const QJsonObject &myself, const QDateTime &ts, qint64 connectionId)
{
    QList<InstanceSnapshot> pods;
    for (const QJsonValue value : myself.value(QStringLiteral("pods")).toArray()) {
        const QJsonObject pod = value.toObject();
        InstanceSnapshot s;
        s.snapshotTs = ts;
        s.connectionId = connectionId;
        s.provider = QStringLiteral("runpod");
        s.instanceId = pod.value(QStringLiteral("id")).toString();
        if (s.instanceId.isEmpty())
            continue;
        s.name = pod.value(QStringLiteral("name")).toString();
        const QJsonObject machine = pod.value(QStringLiteral("machine")).toObject();
        const QString gpuName = machine.value(QStringLiteral("gpuDisplayName")).toString();
        s.gpuType = gpuName.isEmpty() ? QString() : canonicalGpuName(gpuName);
        s.region = machine.value(QStringLiteral("location")).toString();
        s.gpuCount = integer(pod.value(QStringLiteral("gpuCount")));
        s.vcpuCount = integer(pod.value(QStringLiteral("vcpuCount")));
        s.memoryGb = number(pod.value(QStringLiteral("memoryInGb")));
        s.status = pod.value(QStringLiteral("desiredStatus")).toString();
        s.costPerHour = number(pod.value(QStringLiteral("costPerHr")));
        if (!s.costPerHour)
            s.costPerHour = number(pod.value(QStringLiteral("adjustedCostPerHr")));
        // runtime is null for a pod that is not running: uptime and util are unknown, not 0.
        const QJsonObject runtime = pod.value(QStringLiteral("runtime")).toObject();
        if (!runtime.isEmpty()) {
            s.uptimeSeconds = integer(runtime.value(QStringLiteral("uptimeInSeconds")));
            s.gpuUtilPercent = meanOf(runtime.value(QStringLiteral("gpus")).toArray(), QStringLiteral("gpuUtilPercent"));
        }
        QJsonObject metadata = presentFields(pod, {"imageName", "volumeInGb", "containerDiskInGb", "adjustedCostPerHr"});
        if (!gpuName.isEmpty())
            metadata.insert(QStringLiteral("gpuDisplayName"), gpuName);
        s.metadata = metadata;
        pods << s;
    }
    return pods;
}

QList<EndpointSnapshot> parseEndpoints(const QJsonObject &myself, const QDateTime &ts, qint64 connectionId)
{
    QList<EndpointSnapshot> endpoints;
    for (const QJsonValue value : myself.value(QStringLiteral("endpoints")).toArray()) {
        const QJsonObject e = value.toObject();
        EndpointSnapshot s;
        s.snapshotTs = ts;
        s.connectionId = connectionId;
        s.endpointId = e.value(QStringLiteral("id")).toString();
        if (s.endpointId.isEmpty())
            continue;
        s.name = e.value(QStringLiteral("name")).toString();
        s.computeType = e.value(QStringLiteral("computeType")).toString();
        s.gpuTypeIds = e.value(QStringLiteral("gpuIds")).toString();
        s.workersMin = integer(e.value(QStringLiteral("workersMin")));
        s.workersMax = integer(e.value(QStringLiteral("workersMax")));
        s.scalerType = e.value(QStringLiteral("scalerType")).toString();
        s.scalerValue = integer(e.value(QStringLiteral("scalerValue")));
        s.idleTimeout = integer(e.value(QStringLiteral("idleTimeout")));
        s.executionTimeoutMs = integer(e.value(QStringLiteral("executionTimeoutMs")));
        s.metadata = presentFields(e, {"locations", "templateId", "networkVolumeId", "flashBootType"});
        endpoints << s;
    }
    return endpoints;
}

QList<GpuOffer> parseGpuTypes(const QJsonObject &data, const QDateTime &ts, qint64 connectionId)
{
    QList<GpuOffer> offers;
    for (const QJsonValue value : data.value(QStringLiteral("gpuTypes")).toArray()) {
        const QJsonObject gpu = value.toObject();
        const QString id = gpu.value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            continue;
        const QString display = gpu.value(QStringLiteral("displayName")).toString();
        const QJsonObject lowest = gpu.value(QStringLiteral("lowestPrice")).toObject();
        struct Tier {
            const char *name, *available, *price, *spot;
        };
        for (const Tier tier : {Tier{"secure", "secureCloud", "securePrice", "secureSpotPrice"},
                                Tier{"community", "communityCloud", "communityPrice", "communitySpotPrice"}}) {
            const std::optional<double> price = number(gpu.value(QString::fromLatin1(tier.price)));
            if (!price || *price <= 0)
                continue;   // not offered in this tier
            GpuOffer offer;
            offer.observedTs = ts;
            offer.connectionId = connectionId;
            offer.provider = QStringLiteral("runpod");
            offer.gpuType = canonicalGpuName(id);
            offer.providerGpuId = id;
            offer.tier = QString::fromLatin1(tier.name);
            offer.gpuCount = 1;
            offer.memoryGb = number(gpu.value(QStringLiteral("memoryInGb")));
            offer.pricePerHour = price;
            const std::optional<double> spot = number(gpu.value(QString::fromLatin1(tier.spot)));
            if (spot && *spot > 0)
                offer.spotPricePerHour = spot;
            const QJsonValue available = gpu.value(QString::fromLatin1(tier.available));
            if (available.isBool())
                offer.available = available.toBool();
            QJsonObject metadata{{QStringLiteral("displayName"), display}};
            if (lowest.contains(QStringLiteral("stockStatus")))
                metadata.insert(QStringLiteral("stockStatus"), lowest.value(QStringLiteral("stockStatus")));
            offer.metadata = metadata;
            offers << offer;
        }
    }
    return offers;
}

Result<EndpointHealth> parseHealth(const QByteArray &body, const QString &source, const QDateTime &ts,
                                   qint64 connectionId, const QString &endpointId)
{
    Result<QJsonObject> object = parseObject(body, source);
    if (!object)
        return std::unexpected(object.error());
    if (!object->value(QStringLiteral("jobs")).isObject() && !object->value(QStringLiteral("workers")).isObject())
        return fail(ErrorClass::BadData, QStringLiteral("%1: health answer without jobs or workers").arg(source));
    const QJsonObject jobs = object->value(QStringLiteral("jobs")).toObject();
    const QJsonObject workers = object->value(QStringLiteral("workers")).toObject();
    EndpointHealth h;
    h.observedTs = ts;
    h.connectionId = connectionId;
    h.endpointId = endpointId;
    h.jobsCompleted = integer(jobs.value(QStringLiteral("completed")));
    h.jobsFailed = integer(jobs.value(QStringLiteral("failed")));
    h.jobsInProgress = integer(jobs.value(QStringLiteral("inProgress")));
    h.jobsInQueue = integer(jobs.value(QStringLiteral("inQueue")));
    h.jobsRetried = integer(jobs.value(QStringLiteral("retried")));
    h.workersIdle = integer(workers.value(QStringLiteral("idle")));
    h.workersRunning = integer(workers.value(QStringLiteral("running")));
    h.workersThrottled = integer(workers.value(QStringLiteral("throttled")));
    h.workersInitializing = integer(workers.value(QStringLiteral("initializing")));
    h.workersUnhealthy = integer(workers.value(QStringLiteral("unhealthy")));
    if (workers.contains(QStringLiteral("ready")))
        h.metadata.insert(QStringLiteral("workersReady"), workers.value(QStringLiteral("ready")));
    return h;
}

} // namespace fleetscope::runpod
