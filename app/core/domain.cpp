// Small helpers on the domain value types.
#include "domain.h"

namespace fleetscope {

qsizetype WriteBatch::sampleCount() const
{
    qsizetype n = 0;
    for (const SeriesSamples &s : series)
        n += s.samples.size();
    return n;
}

qsizetype WriteBatch::rowCount() const
{
    return sampleCount() + instances.size() + endpoints.size() + endpointHealth.size() + jobs.size() + billing.size() + offers.size();
}

} // namespace fleetscope
