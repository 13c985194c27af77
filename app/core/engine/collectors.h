// The collectors this build has, by connection kind: RunPod, Prometheus and metrics endpoints have
// their own; every kind whose descriptor has an api section runs on the generic adapter.
#pragma once

#include "collector.h"

namespace fleetscope {

CollectorFactory builtinCollectors();

// How often the scheduler should call a connection of KIND with SETTINGS; FALLBACK for kinds
// without a rule of their own (RunPod: its health poll or collection interval, whichever is shorter;
// metrics endpoints: their scrape interval; Prometheus: its query interval; local GPUs: their interval).
int schedulerCadenceSeconds(const QString &kind, const QJsonObject &settings, int fallback);

} // namespace fleetscope
