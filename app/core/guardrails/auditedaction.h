// A pod lifecycle action a person starts in the window, run on the engine and audited whatever its outcome.
#pragma once

#include "domain.h"
#include "providers/podlifecycle.h"

namespace fleetscope {

class Engine;
class StoreService;

// Runs ACTION on POD of CONNECTION through ENGINE; on success syncs the connection so the new state
// shows without waiting for the next cycle. Writes an audit row (ACTOR) to STORE, then calls DONE on
// RECEIVER's thread.
void runAuditedPodAction(Engine &engine, StoreService &store, const ConnectionRecord &connection, const InstanceSnapshot &pod,
                         PodAction action, const QString &actor, QObject *receiver, std::function<void(Result<QString>)> done);

} // namespace fleetscope
