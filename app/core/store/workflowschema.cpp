// Built-in schema fields, shared by SqliteStore and PgStore.
#include "workflowschema.h"

#include <QHash>
#include <QJsonDocument>
#include <QMap>
#include <QSet>

namespace fleetscope {
namespace {

// A schema field as "role\x1fname", to tell whether new rows bring fields a schema lacks.
QString fieldKey(const QJsonValue &field)
{
    return field[QLatin1String("role")].toString() + QChar(0x1f) + field[QLatin1String("name")].toString();
}

// The schema fields of FIELDS whose keys are not in KNOWN, sorted by key.
QJsonArray newFieldsOf(const MetricRowFields &fields, const QSet<QString> &known)
{
    // Known names by role, so fields are checked without building keys.
    QSet<QString> knownDimensions;
    QSet<QString> knownMetrics;
    for (const QString &key : known) {
        const qsizetype split = key.indexOf(QChar(0x1f));
        (key.startsWith(QLatin1String("metric")) ? knownMetrics : knownDimensions).insert(key.mid(split + 1));
    }
    QMap<QString, QJsonObject> added;   // by key, so the array comes out sorted
    for (auto it = fields.dimensions.cbegin(); it != fields.dimensions.cend(); ++it) {
        if (!knownDimensions.contains(it.key()))
            added.insert(QStringLiteral("dimension\x1f") + it.key(),
                         QJsonObject{{QStringLiteral("name"), it.key()}, {QStringLiteral("role"), QStringLiteral("dimension")},
                                     {QStringLiteral("type"), *it ? QStringLiteral("number") : QStringLiteral("string")}});
    }
    for (auto it = fields.metrics.cbegin(); it != fields.metrics.cend(); ++it) {
        if (!knownMetrics.contains(it.key()))
            added.insert(QStringLiteral("metric\x1f") + it.key(),
                         QJsonObject{{QStringLiteral("name"), it.key()}, {QStringLiteral("role"), QStringLiteral("metric")},
                                     {QStringLiteral("type"), QStringLiteral("float")}, {QStringLiteral("unit"), it->unit},
                                     {QStringLiteral("direction"), directionName(it->direction)}});
    }
    QJsonArray array;
    for (const QJsonObject &field : std::as_const(added))
        array.append(field);
    return array;
}

} // namespace

std::optional<WorkflowSchemaFields> grownSchemaFields(const std::optional<QJsonArray> &active, const MetricRowFields &fields)
{
    WorkflowSchemaFields grown{active.value_or(QJsonArray()), {}, {}};
    QSet<QString> known;
    for (const QJsonValue &field : std::as_const(grown.fields))
        known.insert(fieldKey(field));
    const QJsonArray added = newFieldsOf(fields, known);
    if (added.isEmpty() && active)
        return std::nullopt;
    for (const QJsonValue &field : added)
        grown.fields.append(field);
    for (const QJsonValue &field : std::as_const(grown.fields))
        (field[QLatin1String("role")] == QLatin1String("metric") ? grown.metrics : grown.dimensions).append(field[QLatin1String("name")]);
    return grown;
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

Result<QList<qint64>> unitsIdsOf(const MetricRows &rows, const std::function<Result<qint64>(QByteArrayView units, QByteArrayView directions)> &idFor)
{
    QList<qint64> ids(rows.fieldDocumentsCount(), 0);
    QHash<std::pair<QByteArrayView, QByteArrayView>, qint64> known;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        qint64 &id = ids[rows.fieldDocumentsIndex(i)];
        if (id)
            continue;
        const std::pair<QByteArrayView, QByteArrayView> pair{rows.units(i), rows.directions(i)};
        if (const auto it = known.constFind(pair); it != known.cend()) {
            id = *it;
            continue;
        }
        Result<qint64> found = idFor(pair.first, pair.second);
        if (!found)
            return std::unexpected(found.error());
        id = *found;
        known.insert(pair, id);
    }
    return ids;
}

} // namespace fleetscope
