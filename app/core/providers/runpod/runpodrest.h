// RunPod REST v2 (api.runpod.io/v2) wire formats → the same provider-neutral rows as GraphQL, so the
// transport is a connection setting. Lists are wrapped ({"pods": [...]}); numbers may be strings or
// null; unknown stays nullopt and unknown extra fields are ignored.
#pragma once

#include "domain.h"
#include "error.h"

#include <QJsonArray>

namespace fleetscope::runpod {

// The array under KEY of a wrapped list; malformed JSON or a body without it is BadData naming SOURCE.
Result<QJsonArray> restList(const QByteArray &body, const QString &key, const QString &source);

QList<InstanceSnapshot> parseRestPods(const QJsonArray &pods, const QDateTime &ts, qint64 connectionId);
QList<EndpointSnapshot> parseRestEndpoints(const QJsonArray &endpoints, const QDateTime &ts, qint64 connectionId);
// One offer per GPU type and cloud tier with a list price; the REST catalog has no spot prices.
QList<GpuOffer> parseRestGpus(const QJsonArray &gpus, const QDateTime &ts, qint64 connectionId);

} // namespace fleetscope::runpod
