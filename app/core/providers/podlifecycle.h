// Pod lifecycle across providers: which actions an instance offers and the engine job that runs
// one, RunPod's own adapter or a descriptor's actions section.
#pragma once

#include "domain.h"
#include "http/httpclient.h"
#include "podaction.h"
#include "snapshots.h"

namespace fleetscope {

using PodActionJob = std::function<void(HttpClient &, QObject *, std::function<void(Result<QString>)>)>;

// Whether the provider of instances of KIND has any lifecycle action in Fleetscope.
bool hasPodLifecycle(const QString &kind);

// Whether instances of KIND can be sent ACTION at all (RunPod: all but reboot; a descriptor: its
// actions section); podActionAvailable says whether a given instance can.
bool offersPodAction(const QString &kind, PodAction action);

// Whether POD offers ACTION; the error is one line saying why not (fit for a tooltip).
Result<void> podActionAvailable(const InstanceSnapshot &pod, PodAction action);

// The job for Engine::runJob that carries out ACTION on POD of CONNECTION.
PodActionJob podActionJob(const ConnectionRecord &connection, const InstanceSnapshot &pod, PodAction action);

} // namespace fleetscope
