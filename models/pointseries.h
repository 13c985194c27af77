// Snapshot values as a chartable series: each snapshot one bucket, so TimeSeriesChart draws them as a line.
#pragma once

#include "domain.h"

#include <QList>

namespace fleetscope {

struct TimedValue {
    qint64 tMs = 0;
    double value = 0;
};

// POINTS in time order. Each becomes a bucket with min = max = avg = last = value, centred on its
// time; a gap of more than a few snapshot intervals breaks the line, as missing buckets do.
BucketSeries pointSeries(const QList<TimedValue> &points);

} // namespace fleetscope
