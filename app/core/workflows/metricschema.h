// A metric schema for result files no built-in recognizer knows: which JSON paths are dimensions and
// which are metrics (with units and directions), applied to files to get metric rows (seed 002).
#pragma once

#include "recognizers.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fleetscope {

enum class SchemaFieldRole { Dimension, Metric };

// One field. PATH is a JSON path into the file: "$.model", "$.results[*].latency_ms",
// "$[*].name", or with a key that holds dots or brackets, "$.latency[\"p99.9\"]". "[*]" marks the
// array whose elements are the records; fields outside it hold for every record (the model name of
// a file of per-request rows).
struct SchemaField {
    SchemaFieldRole role = SchemaFieldRole::Metric;
    QString name;
    QString path;
    QString unit;                                           // metrics only; "" when unknown
    MetricDirection direction = MetricDirection::Neutral;  // metrics only

    bool operator==(const SchemaField &other) const = default;
};

// github_workflow_metric_schemas: SOURCE is "builtin", "heuristic", "ai" or "user".
struct MetricSchema {
    qint64 id = 0;          // 0 until stored
    qint64 configId = 0;
    QString configName;     // writes name the configuration by this
    QString name;
    int version = 0;        // given by the store
    QString source = QStringLiteral("user");
    bool active = false;
    QList<SchemaField> fields;
    QDateTime createdAt;

    // Whether the store should extract with it: built-in versions only describe what the recognizers wrote.
    bool isConfirmed() const { return source != QLatin1String("builtin"); }
};

QString roleName(SchemaFieldRole role);   // "dimension", "metric"

// The schema's fields as the `fields` column stores them: [{name, role, path, type[, unit, direction]}].
QJsonArray schemaFieldsJson(const QList<SchemaField> &fields);
// FIELDS as stored. Built-in versions have no paths; their fields come back with an empty path.
QList<SchemaField> schemaFieldsFromJson(const QJsonArray &fields);

// The proposal format `workflows schema propose` prints and `confirm` reads:
// {"name": …, "source": …, "fields": [{"role", "name", "path", "unit", "direction"}]}.
QJsonObject schemaJson(const MetricSchema &schema);
// A BadData error naming SOURCE and the first problem (missing key, bad role, bad path, no metric).
Result<MetricSchema> schemaFromJson(const QJsonObject &object, const QString &source);

// Checks FIELDS: names present and unique per role, paths that parse, at most one records array,
// at least one metric. The error names SOURCE.
Result<void> validateSchemaFields(const QList<SchemaField> &fields, const QString &source);
// As above, and every path must find a value in SAMPLE (read from SAMPLEPATH): a schema whose paths
// the sample lacks (a hallucinated proposal) is refused with the paths it could not find.
Result<void> validateSchemaAgainst(const QList<SchemaField> &fields, const QJsonDocument &sample, const QString &source);

// The JSON path of KEYS below the root: {"results", "[*]", "latency.p99"} → "$.results[*][\"latency.p99\"]"
// ("[*]" marks the records array; every other key is a key).
QString jsonPathOf(const QStringList &keys);

// FILE's metric rows by SCHEMA: one per element of the records array (one in all without one).
// Records without any metric value are left out (counted in the notes). Format: "schema vN".
Result<FileExtraction> extractWithSchema(const MetricSchema &schema, const ResultFile &file);
FileExtraction extractWithSchema(const MetricSchema &schema, const QJsonDocument &document, const QString &path);

} // namespace fleetscope
