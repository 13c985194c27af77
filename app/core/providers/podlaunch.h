// Launching a new instance on a provider (seed 004's LaunchInstance): what to launch, whether a
// provider can, the request a dry run shows, and the engine job that sends it. RunPod has its own
// REST call; descriptor kinds have their actions section's "launch".
#pragma once

#include "domain.h"
#include "providers/podlifecycle.h"
#include "snapshots.h"

#include <QUrl>

namespace fleetscope {

struct LaunchRequest {
    QString gpuType;                      // canonical GPU name, for what is shown
    QString plan;                         // the provider's instance type, plan or GPU type id (an offer's providerGpuId)
    int gpuCount = 1;
    QString region;                       // the provider's region; empty: the provider picks (RunPod)
    QString image;                        // empty: the provider's default image (defaultLaunchImage)
    QString name;                         // empty: "fleetscope-" and the UTC time
    QString sshKey;                       // the name of an SSH key at the provider (Lambda requires one)
    QString tier;                         // RunPod: "secure" or "community"
    bool spot = false;                    // an interruptible (spot) instance, where the provider has them
    std::optional<double> pricePerHour;   // the offer's price for this launch, shown and audited
};

// The request a launch sends, for a dry run: never a secret (credentials go in headers, not here).
struct LaunchPreview {
    QByteArray method;
    QUrl url;
    QByteArray body;                      // compact JSON
};

// Whether instances of KIND can be launched from Fleetscope; the error is one line saying why not.
Result<void> launchAvailable(const QString &kind);

// Whether KIND's launch takes a GPU count (RunPod, a descriptor that sends {gpu_count}) rather than
// its plans fixing it; an offer's price is then per GPU.
bool launchTakesCount(const QString &kind);

// The image used when a launch names none (RunPod's PyTorch image, a descriptor's defaultImage).
QString defaultLaunchImage(const QString &kind);

// The launch of OFFER's plan, region, tier and price (its spot price when SPOT) with GPUCOUNT GPUs
// (0: the plan's). Where the provider takes a count (RunPod) the price scales with it; where the plan
// fixes it, another count is a Config error. Image, name and SSH key are left to fill.
Result<LaunchRequest> launchRequestFor(const GpuOffer &offer, bool spot, int gpuCount = 0);

// The cheapest of OFFERS from CONNECTIONID of GPUTYPE (any when empty), in REGION and of PLAN when
// given, with GPUCOUNT GPUs where plans fix the count (0: any), that is not known to be unavailable
// and has a price (its spot price when SPOT). The error says what was looked for.
Result<GpuOffer> cheapestOffer(const QList<GpuOffer> &offers, qint64 connectionId, const QString &gpuType, const QString &region,
                               const QString &plan, int gpuCount, bool spot);

// The request REQUEST would send for CONNECTION; Config errors say what is missing.
Result<LaunchPreview> launchPreview(const ConnectionRecord &connection, const LaunchRequest &request);

// The job for Engine::runJob that launches REQUEST on CONNECTION once (never retried behind the
// user's back); its result is the new instance's id, as the next list shows it.
PodActionJob launchJob(const ConnectionRecord &connection, const LaunchRequest &request);

// "2 × NVIDIA A100 80GB PCIe (vcg-a100-2c) in ewr at $4.20/h": one line for confirmations and the audit log.
QString launchSummary(const LaunchRequest &request);

} // namespace fleetscope
