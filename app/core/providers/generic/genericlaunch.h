// Launching an instance of a descriptor kind: the actions section's "launch" filled with the
// launch values and sent through the connection's session, the new id read from the reply.
#pragma once

#include "providers/podlaunch.h"

namespace fleetscope::generic {

// Whether KIND's descriptor has a launch; the error is one line that says why not.
Result<void> genericLaunchAvailable(const QString &kind);
// The descriptor's defaultImage (empty when it has none or no launch).
QString genericDefaultImage(const QString &kind);
// Whether KIND's launch sends {gpu_count}, rather than its plans fixing the count.
bool launchTakesGpuCount(const QString &kind);

Result<LaunchPreview> genericLaunchPreview(const ConnectionRecord &connection, const LaunchRequest &request);
PodActionJob genericLaunchJob(const ConnectionRecord &connection, const LaunchRequest &request);

} // namespace fleetscope::generic
