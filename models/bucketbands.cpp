// Bucket-to-band conversion and hover lookup.
#include "bucketbands.h"

#include <algorithm>

namespace fleetscope {
namespace {

bool adjacent(const BucketSeries &series, const Bucket &previous, const Bucket &next)
{
    return series.widthMs <= 0 || next.startMs - previous.startMs <= series.widthMs;
}

void append(BucketBand &band, const Bucket &bucket, qint64 widthMs)
{
    const qreal x = qreal(bucket.startMs + widthMs / 2);
    band.min.append({x, bucket.min});
    band.max.append({x, bucket.max});
    band.avg.append({x, bucket.avg});
}

} // namespace

QList<BucketBand> bucketBands(const BucketSeries &series, int maxBands)
{
    int stretches = series.buckets.isEmpty() ? 0 : 1;
    for (qsizetype i = 1; i < series.buckets.size(); ++i) {
        if (!adjacent(series, series.buckets[i - 1], series.buckets[i]))
            ++stretches;
    }
    const bool bridgeGaps = stretches > maxBands;

    QList<BucketBand> bands;
    for (qsizetype i = 0; i < series.buckets.size(); ++i) {
        if (bands.isEmpty() || (!bridgeGaps && !adjacent(series, series.buckets[i - 1], series.buckets[i])))
            bands.append(BucketBand{});
        append(bands.last(), series.buckets[i], series.widthMs);
    }
    return bands;
}

const Bucket *bucketAt(const BucketSeries &series, qint64 tMs)
{
    const auto it = std::upper_bound(series.buckets.cbegin(), series.buckets.cend(), tMs,
                                     [](qint64 t, const Bucket &b) { return t < b.startMs; });
    if (it == series.buckets.cbegin())
        return nullptr;
    const Bucket &candidate = *std::prev(it);
    return tMs < candidate.startMs + std::max<qint64>(series.widthMs, 1) ? &candidate : nullptr;
}

} // namespace fleetscope
