// The bucket grid of a time-series query: the coarsest rollup tier that still gives one point per bucket.
#include "bucketplan.h"

namespace fleetscope {

Result<BucketPlan> planBuckets(const BucketQuery &query)
{
    if (query.buckets <= 0 || query.toMs <= query.fromMs)
        return fail(ErrorClass::Config, QStringLiteral("bucket query: empty range or no buckets"));
    BucketPlan plan;
    const qint64 span = query.toMs - query.fromMs;
    plan.widthMs = std::max<qint64>(1, (span + query.buckets - 1) / query.buckets);
    plan.originMs = query.fromMs;
    plan.endMs = query.toMs;
    qint64 tierMs = 0;
    if (plan.widthMs >= kHourMs) {
        plan.tier = Tier::Hour;
        tierMs = kHourMs;
    } else if (plan.widthMs >= kMinuteMs) {
        plan.tier = Tier::Minute;
        tierMs = kMinuteMs;
    }
    if (tierMs) {
        // Snap to the tier's grid so each bucket is a whole number of rollup rows: exact, not estimated.
        plan.widthMs = (plan.widthMs + tierMs - 1) / tierMs * tierMs;
        plan.originMs = floorTo(query.fromMs, tierMs);
        plan.endMs = floorTo(query.toMs + tierMs - 1, tierMs);
    }
    return plan;
}

} // namespace fleetscope
