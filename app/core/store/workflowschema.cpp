// Built-in schema fields and metric documents, shared by SqliteStore and PgStore.
#include "workflowschema.h"

#include <QHash>
#include <QJsonDocument>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace fleetscope {
namespace {

// A schema field as "role\x1fname", to tell whether new rows bring fields a schema lacks.
QString fieldKey(const QJsonValue &field)
{
    return field[QLatin1String("role")].toString() + QChar(0x1f) + field[QLatin1String("name")].toString();
}

// The schema fields of RECORDS whose keys are not in KNOWN, sorted by key; a field repeated in
// several rows takes its type, unit and direction from the last. Objects are built once per field,
// not once per row: a run brings hundreds of thousands of rows with a few dozen fields.
QJsonArray newFieldsOf(const QList<MetricRecord> &records, const QSet<QString> &known)
{
    struct Latest {
        bool number = false;                  // a dimension's type
        const MetricValue *metric = nullptr;  // set for metric fields
    };
    // Known names by role, so rows are checked without building keys.
    QSet<QString> knownDimensions;
    QSet<QString> knownMetrics;
    for (const QString &key : known) {
        const qsizetype split = key.indexOf(QChar(0x1f));
        (key.startsWith(QLatin1String("metric")) ? knownMetrics : knownDimensions).insert(key.mid(split + 1));
    }
    QHash<QString, Latest> dimensions;
    QHash<QString, Latest> metrics;
    for (const MetricRecord &record : records) {
        for (auto it = record.dimensions.constBegin(); it != record.dimensions.constEnd(); ++it) {
            const QString name = it.key();
            if (!knownDimensions.contains(name))
                dimensions.insert(name, Latest{it.value().isDouble(), nullptr});
        }
        for (const MetricValue &metric : record.metrics) {
            if (!knownMetrics.contains(metric.name))
                metrics.insert(metric.name, Latest{false, &metric});
        }
    }
    QMap<QString, Latest> latest;   // by key, so the array comes out sorted
    for (auto it = dimensions.cbegin(); it != dimensions.cend(); ++it)
        latest.insert(QStringLiteral("dimension\x1f") + it.key(), *it);
    for (auto it = metrics.cbegin(); it != metrics.cend(); ++it)
        latest.insert(QStringLiteral("metric\x1f") + it.key(), *it);
    QJsonArray array;
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        const MetricValue *metric = it->metric;
        if (!metric) {
            const QString name = it.key().mid(it.key().indexOf(QChar(0x1f)) + 1);
            array.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("role"), QStringLiteral("dimension")},
                                     {QStringLiteral("type"), it->number ? QStringLiteral("number") : QStringLiteral("string")}});
        } else {
            array.append(QJsonObject{{QStringLiteral("name"), metric->name}, {QStringLiteral("role"), QStringLiteral("metric")},
                                     {QStringLiteral("type"), QStringLiteral("float")}, {QStringLiteral("unit"), metric->unit},
                                     {QStringLiteral("direction"), directionName(metric->direction)}});
        }
    }
    return array;
}

void appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    // Names and units are nearly always plain ASCII: written as they are, no UTF-8 copy.
    const bool plain = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != QLatin1Char('"') && c != QLatin1Char('\\');
    });
    if (plain) {
        const qsizetype at = out.size();
        out.resize(at + text.size());
        char *to = out.data() + at;
        for (const QChar c : text)
            *to++ = char(c.unicode());
        out += '"';
        return;
    }
    for (const char c : text.toUtf8()) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += "\\u00" + QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    out += '"';
}

// As QJsonDocument writes a number: integral values as integers, others in the shortest exact form.
void appendJsonNumber(QByteArray &out, double value)
{
    constexpr double kExactIntegers = 9007199254740992.0;   // 2^53
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char buffer[32];
    const std::to_chars_result written = value == std::trunc(value) && std::abs(value) < kExactIntegers
        ? std::to_chars(buffer, buffer + sizeof buffer, qint64(value))
        : std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, written.ptr - buffer);
}

} // namespace

std::optional<WorkflowSchemaFields> grownSchemaFields(const std::optional<QJsonArray> &active, const QList<MetricRecord> &records)
{
    WorkflowSchemaFields grown{active.value_or(QJsonArray()), {}, {}};
    QSet<QString> known;
    for (const QJsonValue &field : std::as_const(grown.fields))
        known.insert(fieldKey(field));
    const QJsonArray added = newFieldsOf(records, known);
    if (added.isEmpty() && active)
        return std::nullopt;
    for (const QJsonValue &field : added)
        grown.fields.append(field);
    for (const QJsonValue &field : std::as_const(grown.fields))
        (field[QLatin1String("role")] == QLatin1String("metric") ? grown.metrics : grown.dimensions).append(field[QLatin1String("name")]);
    return grown;
}

QByteArray compactDimensions(const QJsonObject &dimensions)
{
    // Strings and numbers (all the recognizers write) directly, in QJsonObject's key order; anything
    // else through QJsonDocument.
    QByteArray out = "{";
    out.reserve(48 * dimensions.size());
    for (auto it = dimensions.constBegin(); it != dimensions.constEnd(); ++it) {
        const QJsonValue value = it.value();
        if (!value.isString() && !value.isDouble())
            return QJsonDocument(dimensions).toJson(QJsonDocument::Compact);
        if (out.size() > 1)
            out += ',';
        appendJsonString(out, it.key());
        out += ':';
        if (value.isString())
            appendJsonString(out, value.toString());
        else
            appendJsonNumber(out, value.toDouble());
    }
    return out + '}';
}

MetricDocuments metricDocuments(const MetricRecord &record)
{
    // Written directly rather than through QJsonObject (the store's hottest loop), with QJsonObject's
    // rules: keys sorted, a repeated name keeps its last value.
    QList<const MetricValue *> sorted;
    sorted.reserve(record.metrics.size());
    for (const MetricValue &metric : record.metrics)
        sorted << &metric;
    std::stable_sort(sorted.begin(), sorted.end(), [](const MetricValue *a, const MetricValue *b) { return a->name < b->name; });
    MetricDocuments documents{"{", "{", "{"};
    documents.metrics.reserve(32 * sorted.size());
    documents.directions.reserve(32 * sorted.size());
    documents.units.reserve(24 * sorted.size());
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        const MetricValue &metric = *sorted.at(i);
        if (i + 1 < sorted.size() && sorted.at(i + 1)->name == metric.name)
            continue;
        if (documents.metrics.size() > 1) {
            documents.metrics += ',';
            documents.directions += ',';
        }
        appendJsonString(documents.metrics, metric.name);
        documents.metrics += ':';
        appendJsonNumber(documents.metrics, metric.value);
        appendJsonString(documents.directions, metric.name);
        documents.directions += ':';
        appendJsonString(documents.directions, directionName(metric.direction));
        if (!metric.unit.isEmpty()) {
            if (documents.units.size() > 1)
                documents.units += ',';
            appendJsonString(documents.units, metric.name);
            documents.units += ':';
            appendJsonString(documents.units, metric.unit);
        }
    }
    documents.metrics += '}';
    documents.units += '}';
    documents.directions += '}';
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
