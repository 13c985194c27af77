// The collectors this build has, by connection kind; provider issues add theirs here.
#pragma once

#include "collector.h"

namespace fleetscope {

CollectorFactory builtinCollectors();

} // namespace fleetscope
