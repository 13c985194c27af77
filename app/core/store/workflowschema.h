// What both store dialects write for workflow metrics: built-in schema fields grown from incoming
// rows, and a row's metrics, units and directions as documents. Not for use outside store/.
#pragma once

#include "workflows/metricschema.h"

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

// A schema version to insert as its configuration's next version.
struct SchemaVersionWrite {
    QString name;
    QString source;              // "builtin", "heuristic", "ai", "user"
    WorkflowSchemaFields fields;
    bool activate = true;        // made the active version and linked from the configuration
};

// A confirmed schema as its next version: checked (a BadData error naming the configuration), always made active.
Result<SchemaVersionWrite> confirmedSchemaVersion(const MetricSchema &schema);

// The records a built-in schema describes: those no confirmed schema extracted.
QList<MetricRecord> builtinRecords(const QList<MetricRecord> &records);

// DIMENSIONS as compact UTF-8 JSON, as QJsonDocument writes it.
QByteArray compactDimensions(const QJsonObject &dimensions);

} // namespace fleetscope
