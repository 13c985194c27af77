// Built-in schema fields and metric documents, shared by SqliteStore and PgStore.
#include "workflowschema.h"

#include <QMap>
#include <QSet>

namespace fleetscope {
namespace {

// A schema field as "role\x1fname", to tell whether new rows bring fields a schema lacks.
QString fieldKey(const QJsonValue &field)
{
    return field[QLatin1String("role")].toString() + QChar(0x1f) + field[QLatin1String("name")].toString();
}

QJsonArray fieldsOf(const QList<MetricRecord> &records)
{
    QMap<QString, QJsonObject> fields;   // by key, so the array comes out sorted
    for (const MetricRecord &record : records) {
        for (auto it = record.dimensions.constBegin(); it != record.dimensions.constEnd(); ++it) {
            fields.insert(QStringLiteral("dimension\x1f") + it.key(),
                          QJsonObject{{QStringLiteral("name"), it.key()}, {QStringLiteral("role"), QStringLiteral("dimension")},
                                      {QStringLiteral("type"), it.value().isDouble() ? QStringLiteral("number") : QStringLiteral("string")}});
        }
        for (const MetricValue &metric : record.metrics) {
            fields.insert(QStringLiteral("metric\x1f") + metric.name,
                          QJsonObject{{QStringLiteral("name"), metric.name}, {QStringLiteral("role"), QStringLiteral("metric")},
                                      {QStringLiteral("type"), QStringLiteral("float")}, {QStringLiteral("unit"), metric.unit},
                                      {QStringLiteral("direction"), directionName(metric.direction)}});
        }
    }
    QJsonArray array;
    for (const QJsonObject &field : std::as_const(fields))
        array.append(field);
    return array;
}

} // namespace

std::optional<WorkflowSchemaFields> grownSchemaFields(const std::optional<QJsonArray> &active, const QList<MetricRecord> &records)
{
    WorkflowSchemaFields grown{active.value_or(QJsonArray()), {}, {}};
    QSet<QString> known;
    for (const QJsonValue &field : std::as_const(grown.fields))
        known.insert(fieldKey(field));
    bool grew = false;
    for (const QJsonValue &field : fieldsOf(records)) {
        if (!known.contains(fieldKey(field))) {
            grown.fields.append(field);
            grew = true;
        }
    }
    if (!grew && active)
        return std::nullopt;
    for (const QJsonValue &field : std::as_const(grown.fields))
        (field[QLatin1String("role")] == QLatin1String("metric") ? grown.metrics : grown.dimensions).append(field[QLatin1String("name")]);
    return grown;
}

MetricDocuments metricDocuments(const MetricRecord &record)
{
    MetricDocuments documents;
    for (const MetricValue &metric : record.metrics) {
        documents.metrics.insert(metric.name, metric.value);
        if (!metric.unit.isEmpty())
            documents.units.insert(metric.name, metric.unit);
        documents.directions.insert(metric.name, directionName(metric.direction));
    }
    return documents;
}

Result<SchemaVersionWrite> confirmedSchemaVersion(const MetricSchema &schema)
{
    const QString source = QStringLiteral("schema for %1").arg(schema.configName);
    if (!schema.isConfirmed())
        return fail(ErrorClass::BadData, QStringLiteral("%1: built-in schema versions are written by imports, not confirmed").arg(source));
    if (Result<void> valid = validateSchemaFields(schema.fields, source); !valid)
        return std::unexpected(valid.error());
    SchemaVersionWrite write;
    write.name = schema.name.trimmed().isEmpty() ? QStringLiteral("confirmed schema") : schema.name.trimmed();
    write.source = schema.source;
    write.fields.fields = schemaFieldsJson(schema.fields);
    for (const SchemaField &field : schema.fields)
        (field.role == SchemaFieldRole::Metric ? write.fields.metrics : write.fields.dimensions).append(field.name);
    return write;
}

QList<MetricRecord> builtinRecords(const QList<MetricRecord> &records)
{
    QList<MetricRecord> builtin;
    for (const MetricRecord &record : records) {
        if (record.schemaId == 0)
            builtin << record;
    }
    return builtin;
}

} // namespace fleetscope
