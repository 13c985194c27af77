// Pod lifecycle on RunPod: stop, resume, terminate, over GraphQL or REST v2 (a connection setting,
// so retiring one API is a settings change, not a rewrite).
#pragma once

#include "providers/podaction.h"
#include "runpodcollector.h"

namespace fleetscope::runpod {

// RunPod has no reboot: REBOOT fails as a Config error. GPU_COUNT is needed to resume over GraphQL; ignored otherwise. DONE gets the pod's new
// desired status when the API reports one ("EXITED", "RUNNING", "TERMINATED").
void podAction(HttpClient &http, const Settings &settings, const Secret &apiKey, const QString &podId, PodAction action,
               int gpuCount, QObject *context, std::function<void(Result<QString>)> done);

// The same as a job for Engine::runJob: resolves CONNECTION's settings and secret (keychain or
// environment) on the engine thread, then runs the action.
std::function<void(HttpClient &, QObject *, std::function<void(Result<QString>)>)>
podActionJob(ConnectionRecord connection, QString podId, PodAction action, int gpuCount);

} // namespace fleetscope::runpod
