// Launch dispatch: RunPod's REST call or a descriptor's launch action, and choosing the offer to launch.
#include "podlaunch.h"

#include "generic/genericlaunch.h"
#include "runpod/runpodlaunch.h"

#include <QJsonArray>
#include <QLocale>

namespace fleetscope {
namespace {

bool isRunPod(const QString &kind) { return kind == QLatin1String("runpod"); }

bool inRegion(const GpuOffer &offer, const QString &region)
{
    // RunPod's catalog is not per region (an empty one): the region goes with the launch, as its data center.
    if (region.isEmpty() || offer.region.isEmpty() || offer.region.compare(region, Qt::CaseInsensitive) == 0)
        return true;
    // Vultr and DigitalOcean list a plan once with all its regions; the offer shows the first.
    for (const QString &key : {QStringLiteral("locations"), QStringLiteral("regions")}) {
        for (const QJsonValue value : offer.metadata.value(key).toArray()) {
            if (value.toString().compare(region, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

// The request with what the caller left out filled in: the default image and name.
LaunchRequest completed(const QString &kind, LaunchRequest request)
{
    if (request.image.isEmpty())
        request.image = defaultLaunchImage(kind);
    if (request.name.isEmpty())
        request.name = QStringLiteral("fleetscope-") + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    request.gpuCount = std::max(1, request.gpuCount);
    return request;
}

} // namespace

bool launchTakesCount(const QString &kind)
{
    return isRunPod(kind) || generic::launchTakesGpuCount(kind);
}

Result<void> launchAvailable(const QString &kind)
{
    if (isRunPod(kind))
        return {};
    return generic::genericLaunchAvailable(kind);
}

QString defaultLaunchImage(const QString &kind)
{
    return isRunPod(kind) ? runpod::kDefaultLaunchImage : generic::genericDefaultImage(kind);
}

Result<LaunchRequest> launchRequestFor(const GpuOffer &offer, bool spot, int gpuCount)
{
    LaunchRequest request;
    request.gpuType = offer.gpuType;
    request.plan = offer.providerGpuId;
    const int planCount = int(std::max<qint64>(1, offer.gpuCount.value_or(1)));
    request.gpuCount = gpuCount > 0 ? gpuCount : planCount;
    request.region = offer.region;
    request.tier = offer.tier;
    request.spot = spot;
    if (spot && !offer.spotPricePerHour)
        return fail(ErrorClass::Config, QStringLiteral("%1 has no spot price for %2").arg(offer.provider, offer.providerGpuId));
    request.pricePerHour = spot ? offer.spotPricePerHour : offer.pricePerHour;
    if (request.gpuCount != planCount) {
        if (!launchTakesCount(offer.provider))
            return fail(ErrorClass::Config, QStringLiteral("%1's plan %2 comes with %3 GPU(s); pick a plan with %4")
                                                .arg(offer.provider, offer.providerGpuId).arg(planCount).arg(request.gpuCount));
        if (request.pricePerHour)
            request.pricePerHour = *request.pricePerHour * request.gpuCount / planCount;
    }
    return request;
}

Result<GpuOffer> cheapestOffer(const QList<GpuOffer> &offers, qint64 connectionId, const QString &gpuType, const QString &region,
                               const QString &plan, int gpuCount, bool spot)
{
    std::optional<GpuOffer> best;
    for (const GpuOffer &offer : offers) {
        const std::optional<double> price = spot ? offer.spotPricePerHour : offer.pricePerHour;
        if (offer.connectionId != connectionId || !price || offer.available == false)
            continue;
        if (!gpuType.isEmpty() && offer.gpuType.compare(gpuType, Qt::CaseInsensitive) != 0)
            continue;
        if (!plan.isEmpty() && offer.providerGpuId != plan)
            continue;
        if (!inRegion(offer, region))
            continue;
        if (gpuCount > 0 && offer.gpuCount && *offer.gpuCount != gpuCount && !launchTakesCount(offer.provider))
            continue;   // the plan fixes the count: look for one with as many GPUs
        if (!best || *price < *(spot ? best->spotPricePerHour : best->pricePerHour))
            best = offer;
    }
    if (best)
        return *best;
    QStringList wanted;
    if (!gpuType.isEmpty())
        wanted << gpuType;
    if (!plan.isEmpty())
        wanted << QStringLiteral("plan %1").arg(plan);
    if (gpuCount > 0)
        wanted << QStringLiteral("with %1 GPU(s)").arg(gpuCount);
    if (!region.isEmpty())
        wanted << QStringLiteral("in %1").arg(region);
    return fail(ErrorClass::Config, QStringLiteral("no stored %1offer %2; collect first (`fleetscope collect --once`) or see `fleetscope export gpu-offers`")
                                        .arg(spot ? QStringLiteral("spot ") : QString(), wanted.isEmpty() ? QStringLiteral("at all") : wanted.join(QLatin1Char(' '))));
}

Result<LaunchPreview> launchPreview(const ConnectionRecord &connection, const LaunchRequest &request)
{
    if (Result<void> available = launchAvailable(connection.kind); !available)
        return std::unexpected(available.error());
    const LaunchRequest full = completed(connection.kind, request);
    return isRunPod(connection.kind) ? runpod::launchPreview(connection, full) : generic::genericLaunchPreview(connection, full);
}

PodActionJob launchJob(const ConnectionRecord &connection, const LaunchRequest &request)
{
    const LaunchRequest full = completed(connection.kind, request);
    return isRunPod(connection.kind) ? runpod::launchJob(connection, full) : generic::genericLaunchJob(connection, full);
}

QString launchSummary(const LaunchRequest &request)
{
    QString text = QStringLiteral("%1 × %2").arg(request.gpuCount).arg(request.gpuType.isEmpty() ? request.plan : request.gpuType);
    if (!request.gpuType.isEmpty() && request.plan != request.gpuType)
        text += QStringLiteral(" (%1)").arg(request.plan);
    if (!request.tier.isEmpty() && request.tier != QLatin1String("on-demand"))
        text += QStringLiteral(", %1 cloud").arg(request.tier);
    if (request.spot)
        text += QStringLiteral(", spot");
    if (!request.region.isEmpty())
        text += QStringLiteral(" in %1").arg(request.region);
    text += request.pricePerHour ? QStringLiteral(" at $%1/h").arg(QLocale::c().toString(*request.pricePerHour, 'f', 2)) : QStringLiteral(" (price unknown)");
    return text;
}

} // namespace fleetscope
