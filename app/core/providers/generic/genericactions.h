// Lifecycle actions of descriptor kinds: which ones an instance offers, and running one through
// the connection's session (the same HttpClient, authentication and signer as its lists).
#pragma once

#include "credentials/secret.h"
#include "domain.h"
#include "http/httpclient.h"
#include "providers/podaction.h"
#include "snapshots.h"

#include <QHash>

namespace fleetscope::generic {

// The instance placeholders' values for POD: id, name, region, status, gpuType, the numbers it
// has, and metadata.KEY for its metadata. Missing or empty ones are left out.
QHash<QString, QString> instanceValues(const InstanceSnapshot &pod);

// Whether POD (its provider a descriptor kind) offers ACTION: the descriptor has the action and POD
// has every instance field the action names (a Kubernetes node has no namespace, so no pod delete).
// The error is one line that says why not.
Result<void> genericActionAvailable(const InstanceSnapshot &pod, PodAction action);

// Sends ACTION for POD of CONNECTION once (never retried behind the user's back). DONE gets an empty
// status on success (the next list shows the new one) or the error, one line naming the connection,
// the action and the instance, with the provider's own message where its answer has one.
void runGenericAction(HttpClient &http, const ConnectionRecord &connection, Secret secret, const InstanceSnapshot &pod, PodAction action,
                      QObject *context, std::function<void(Result<QString>)> done);

// The same as a job for Engine::runJob: resolves the connection's secret (when it has one) first.
std::function<void(HttpClient &, QObject *, std::function<void(Result<QString>)>)>
genericActionJob(ConnectionRecord connection, InstanceSnapshot pod, PodAction action);

} // namespace fleetscope::generic
