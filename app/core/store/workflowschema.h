// What both store dialects write for workflow metrics: built-in schema fields grown from incoming
// rows, and the rows' units ids. Not for use outside store/.
#pragma once

#include "workflows/metricrows.h"
#include "workflows/metricschema.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace fleetscope {

struct WorkflowSchemaFields {
    QJsonArray fields;        // {name, role, type[, unit, direction]}, the active schema's first
    QJsonArray dimensions;    // names of the dimension fields, in that order
    QJsonArray metrics;       // names of the metric fields
};

// The fields of the active schema (nullopt: none yet) with those of FIELDS it lacks appended,
// sorted by role and name; nullopt when the active schema has them all, so no new version is due.
std::optional<WorkflowSchemaFields> grownSchemaFields(const std::optional<QJsonArray> &active, const MetricRowFields &fields);

// A schema version to insert as its configuration's next version.
struct SchemaVersionWrite {
    QString name;
    QString source;              // "builtin", "heuristic", "ai", "user"
    WorkflowSchemaFields fields;
    bool activate = true;        // made the active version and linked from the configuration
};

// A confirmed schema as its next version: checked (a BadData error naming the configuration), always made active.
Result<SchemaVersionWrite> confirmedSchemaVersion(const MetricSchema &schema);

// The github_workflow_metric_units id of each of ROWS' units and directions documents, by
// MetricRows::fieldDocumentsIndex: ID_FOR (the dialect's lookup, adding the pair when missing) is
// asked once per distinct pair.
Result<QList<qint64>> unitsIdsOf(const MetricRows &rows, const std::function<Result<qint64>(QByteArrayView units, QByteArrayView directions)> &idFor);

} // namespace fleetscope
