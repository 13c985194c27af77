// pointSeries: bucket width from the typical snapshot interval.
#include "pointseries.h"

#include <algorithm>

namespace fleetscope {
namespace {

// Two missed snapshots still draw as one line; a longer silence shows as a gap.
constexpr double kJoinIntervals = 2.5;

} // namespace

BucketSeries pointSeries(const QList<TimedValue> &points)
{
    BucketSeries series;
    if (points.isEmpty())
        return series;
    QList<qint64> gaps;
    for (qsizetype i = 1; i < points.size(); ++i) {
        if (points[i].tMs > points[i - 1].tMs)
            gaps.append(points[i].tMs - points[i - 1].tMs);
    }
    qint64 interval = 60'000;   // a lone snapshot still needs a width to be hovered
    if (!gaps.isEmpty()) {
        std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
        interval = gaps[gaps.size() / 2];
    }
    series.widthMs = std::max<qint64>(1, qint64(double(interval) * kJoinIntervals));
    series.originMs = points.first().tMs - series.widthMs / 2;
    for (const TimedValue &p : points)
        series.buckets.append(Bucket{p.tMs - series.widthMs / 2, p.value, p.value, p.value, p.value, 1});
    return series;
}

} // namespace fleetscope
