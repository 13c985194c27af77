// Turns a BucketSeries into what a chart draws: min/max band and average line, broken where buckets are missing.
#pragma once

#include "domain.h"

#include <QList>
#include <QPointF>

namespace fleetscope {

// One unbroken stretch of adjacent buckets; x is the bucket's middle in ms since the epoch.
struct BucketBand {
    QList<QPointF> min;
    QList<QPointF> max;
    QList<QPointF> avg;
};

// A missing bucket means nothing was collected then, so the line stops instead of bridging the gap.
// Past MAX_BANDS stretches the chart would drown in series objects; the gaps are then bridged.
QList<BucketBand> bucketBands(const BucketSeries &series, int maxBands = 48);

// The bucket whose span holds T_MS, or nullptr.
const Bucket *bucketAt(const BucketSeries &series, qint64 tMs);

} // namespace fleetscope
