// How a bucketed time-series query is answered, shared by both dialects: which tier, and the
// bucket grid (origin, width, end) snapped to that tier so each bucket is whole rollup rows.
#pragma once

#include "domain.h"
#include "error.h"

namespace fleetscope {

inline constexpr qint64 kMinuteMs = 60'000;
inline constexpr qint64 kHourMs = 3'600'000;

// VALUE rounded down to a multiple of STEP (also for negative values).
inline qint64 floorTo(qint64 value, qint64 step)
{
    const qint64 q = value / step;
    return (value % step < 0 ? q - 1 : q) * step;
}

struct BucketPlan {
    Tier tier = Tier::Raw;
    qint64 originMs = 0;   // first bucket's start
    qint64 widthMs = 1;
    qint64 endMs = 0;      // exclusive end of what is read
};

// Refuses an empty range or no buckets (Config).
Result<BucketPlan> planBuckets(const BucketQuery &query);

} // namespace fleetscope
