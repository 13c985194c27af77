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

} // namespace fleetscope
