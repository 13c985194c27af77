// Lifecycle actions of descriptor kinds: which ones an instance offers, and running one through
// the connection's session (the same HttpClient, authentication and signer as its lists).
#pragma once

#include "credentials/secret.h"
#include "domain.h"
#include "http/httpclient.h"
#include "providers/podaction.h"
#include "session.h"
#include "snapshots.h"

#include <QHash>

namespace fleetscope::generic {

// The provider's own words from an error body, on one line: Vultr {"error"}, DigitalOcean, Docker,
// Kubernetes and OVH {"message"}, Hetzner and Lambda {"error":{"message"}}, Linode {"errors":[{"reason"}]},
// RunPod REST's problem+json {"detail"}.
QString providerErrorMessage(QByteArrayView body);

// A filled body template (an object or an array) as the compact JSON an action sends.
QByteArray compactBody(const QJsonValue &body);

// The placeholders of ACTION's path, query and body, in order.
QStringList placeholdersOf(const ActionSpec &action);

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

// Sends SPEC's request to URL with BODY (both filled already) through SESSION once, after the
// signer's clock sync when it has one. An error status carries the provider's own message; a
// status the descriptor does not list is a BadData error. DONE gets the reply.
void sendAction(const std::shared_ptr<Session> &session, const ActionSpec &spec, const QUrl &url, const std::optional<QJsonValue> &body,
                const QString &source, QObject *context, std::function<void(Result<HttpResponse>)> done);

// DONE gets ERROR later, queued on CONTEXT (jobs answer asynchronously even when they fail at once).
template<typename T>
void failLater(QObject *context, std::function<void(Result<T>)> done, Error error)
{
    QMetaObject::invokeMethod(context, [done = std::move(done), error = std::move(error)] { done(std::unexpected(error)); }, Qt::QueuedConnection);
}

// NEXT with CONNECTION's secret (keychain or environment), or an empty one when the connection has none.
void withSecret(const ConnectionRecord &connection, QObject *context, std::function<void(Result<Secret>)> next);

// The same as a job for Engine::runJob: resolves the connection's secret (when it has one) first.
std::function<void(HttpClient &, QObject *, std::function<void(Result<QString>)>)>
genericActionJob(ConnectionRecord connection, InstanceSnapshot pod, PodAction action);

} // namespace fleetscope::generic
