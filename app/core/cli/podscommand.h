// fleetscope pods stop|resume|terminate|launch: one lifecycle action on a pod, or a new one, audited (actor "cli").
#pragma once

#include "cli/commandcontext.h"

namespace fleetscope {

int runPods(const CommandContext &ctx, const QStringList &args);
// pods launch (podslaunch.cpp): ARGS after the word launch.
int runPodsLaunch(const CommandContext &ctx, const QStringList &args);

} // namespace fleetscope
