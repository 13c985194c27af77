// Launching a RunPod pod through REST (POST /pods on the connection's rest_url, whatever transport
// it collects with): GPU type, count, Secure or Community cloud, image, name, spot (interruptible).
#pragma once

#include "providers/podlaunch.h"

namespace fleetscope::runpod {

// The image a launch uses when none is given: RunPod's PyTorch image from its API reference.
inline const QString kDefaultLaunchImage = QStringLiteral("runpod/pytorch:2.1.0-py3.10-cuda11.8.0-devel-ubuntu22.04");

Result<LaunchPreview> launchPreview(const ConnectionRecord &connection, const LaunchRequest &request);
PodActionJob launchJob(const ConnectionRecord &connection, const LaunchRequest &request);

} // namespace fleetscope::runpod
