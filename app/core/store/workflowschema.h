// What both store dialects write for workflow metrics: built-in schema fields grown from incoming
// rows, and a row's metrics, units and directions as documents. Not for use outside store/.
#pragma once

#include "workflows/workflowtypes.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace fleetscope {

struct WorkflowSchemaFields {
    QJsonArray fields;        // {name, role, type[, unit, direction]}, the active schema's first
    QJsonArray dimensions;    // names of the dimension fields, in that order
    QJsonArray metrics;       // names of the metric fields
};

// The fields of the active schema (nullopt: none yet) with those of RECORDS it lacks appended,
// sorted by role and name; nullopt when the active schema has them all, so no new version is due.
std::optional<WorkflowSchemaFields> grownSchemaFields(const std::optional<QJsonArray> &active, const QList<MetricRecord> &records);

// A row's metrics (name -> value), units (name -> unit, for metrics with one) and directions
// (name -> "lower" | "higher" | "neutral") as compact UTF-8 JSON objects.
struct MetricDocuments {
    QByteArray metrics;
    QByteArray units;
    QByteArray directions;
};

MetricDocuments metricDocuments(const MetricRecord &record);

// DIMENSIONS as compact UTF-8 JSON, as QJsonDocument writes it.
QByteArray compactDimensions(const QJsonObject &dimensions);

} // namespace fleetscope
