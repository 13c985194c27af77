// A pod lifecycle action or a launch a person starts in the window, run on the engine and audited whatever its outcome.
#pragma once

#include "domain.h"
#include "providers/podlaunch.h"
#include "providers/podlifecycle.h"

namespace fleetscope {

class Engine;
class StoreService;

// Runs ACTION on POD of CONNECTION through ENGINE; on success syncs the connection so the new state
// shows without waiting for the next cycle. Writes an audit row (ACTOR) to STORE, then calls DONE on
// RECEIVER's thread.
void runAuditedPodAction(Engine &engine, StoreService &store, const ConnectionRecord &connection, const InstanceSnapshot &pod,
                         PodAction action, const QString &actor, QObject *receiver, std::function<void(Result<QString>)> done);

// Launches REQUEST on CONNECTION through ENGINE the same way: on success a sync of the connection, so
// the new instance shows; an audit row whatever the outcome; DONE gets the new instance's id.
void runAuditedLaunch(Engine &engine, StoreService &store, const ConnectionRecord &connection, const LaunchRequest &request,
                      const QString &actor, QObject *receiver, std::function<void(Result<QString>)> done);

} // namespace fleetscope
