// RunPod wire formats → provider-neutral rows. Pure functions: numbers may arrive as strings or
// null, fields may be missing; unknown stays nullopt, never 0, and unknown extra fields are ignored.
#pragma once

#include "domain.h"
#include "error.h"

#include <QJsonArray>
#include <QJsonObject>

namespace fleetscope::runpod {

// BODY as a JSON object; malformed JSON or another JSON type is a BadData failure naming SOURCE.
Result<QJsonObject> parseObject(const QByteArray &body, const QString &source);

// The `data` object of a GraphQL answer. Malformed JSON, or a non-empty `errors[]` (which
// RunPod sends with HTTP 200), is a failure naming SOURCE.
Result<QJsonObject> graphqlData(const QByteArray &body, const QString &source);

std::optional<double> number(const QJsonValue &value);
std::optional<qint64> integer(const QJsonValue &value);
// The mean of KEY over ITEMS (objects) that have a number there; nullopt when none has (a pod's GPUs' util).
std::optional<double> meanOf(const QJsonArray &items, const QString &key);

BillingSnapshot parseBilling(const QJsonObject &myself, const QDateTime &ts, qint64 connectionId);
QList<InstanceSnapshot> parsePods(const QJsonObject &myself, const QDateTime &ts, qint64 connectionId);
QList<EndpointSnapshot> parseEndpoints(const QJsonObject &myself, const QDateTime &ts, qint64 connectionId);
// One offer per GPU type and tier (secure, community); a tier priced null or 0 is not offered.
QList<GpuOffer> parseGpuTypes(const QJsonObject &data, const QDateTime &ts, qint64 connectionId);
Result<EndpointHealth> parseHealth(const QByteArray &body, const QString &source, const QDateTime &ts,
                                   qint64 connectionId, const QString &endpointId);

} // namespace fleetscope::runpod
