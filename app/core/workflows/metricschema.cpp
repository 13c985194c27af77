// Metric schemas: their JSON form, JSON paths, validation against a sample, and extraction with them.
#include "metricschema.h"

#include "formats.h"
#include "lenientjson.h"
#include "metricdirection.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace fleetscope {
namespace {

constexpr qsizetype kMaxFields = 1000;

struct PathStep {
    enum Kind { Key, Index, Each } kind = Key;
    QString key;
    qsizetype index = 0;
};

// "$.a.b[2][*][\"c.d\"]" → steps; an error text when it does not parse.
std::expected<QList<PathStep>, QString> parsePath(const QString &path)
{
    if (!path.startsWith(QLatin1Char('$')))
        return std::unexpected(QStringLiteral("path '%1' does not start with '$'").arg(path));
    QList<PathStep> steps;
    qsizetype i = 1;
    const qsizetype n = path.size();
    while (i < n) {
        if (path.at(i) == QLatin1Char('.')) {
            qsizetype end = i + 1;
            while (end < n && path.at(end) != QLatin1Char('.') && path.at(end) != QLatin1Char('['))
                ++end;
            if (end == i + 1)
                return std::unexpected(QStringLiteral("path '%1' has an empty key").arg(path));
            steps << PathStep{PathStep::Key, path.mid(i + 1, end - i - 1), 0};
            i = end;
        } else if (path.at(i) == QLatin1Char('[')) {
            const qsizetype close = path.indexOf(QLatin1Char(']'), i);
            if (i + 1 < n && path.at(i + 1) == QLatin1Char('"')) {
                QString key;
                qsizetype j = i + 2;
                for (; j < n && path.at(j) != QLatin1Char('"'); ++j) {
                    if (path.at(j) == QLatin1Char('\\') && j + 1 < n)
                        ++j;
                    key += path.at(j);
                }
                if (j + 1 >= n || path.at(j + 1) != QLatin1Char(']'))
                    return std::unexpected(QStringLiteral("path '%1' has an unclosed [\"…\"]").arg(path));
                steps << PathStep{PathStep::Key, key, 0};
                i = j + 2;
                continue;
            }
            if (close < 0)
                return std::unexpected(QStringLiteral("path '%1' has an unclosed [").arg(path));
            const QString inside = path.mid(i + 1, close - i - 1);
            bool ok = false;
            const qsizetype index = inside.toLongLong(&ok);
            if (inside == QLatin1String("*"))
                steps << PathStep{PathStep::Each, {}, 0};
            else if (ok && index >= 0)
                steps << PathStep{PathStep::Index, {}, index};
            else
                return std::unexpected(QStringLiteral("path '%1' has '[%2]', want [*], [N] or [\"key\"]").arg(path, inside));
            i = close + 1;
        } else {
            return std::unexpected(QStringLiteral("path '%1' wants '.' or '[' at character %2").arg(path).arg(i + 1));
        }
    }
    return steps;
}

QJsonValue resolve(QJsonValue value, const QList<PathStep> &steps, qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to && !value.isUndefined(); ++i) {
        const PathStep &step = steps.at(i);
        if (step.kind == PathStep::Key)
            value = value.isObject() ? value.toObject().value(step.key) : QJsonValue(QJsonValue::Undefined);
        else if (step.kind == PathStep::Index)
            value = value.isArray() && step.index < value.toArray().size() ? value.toArray().at(step.index) : QJsonValue(QJsonValue::Undefined);
        else
            return QJsonValue(QJsonValue::Undefined);
    }
    return value;
}

QJsonValue rootOf(const QJsonDocument &document)
{
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

std::optional<double> numberOf(const QJsonValue &value)
{
    if (value.isDouble())
        return std::isfinite(value.toDouble()) ? std::optional<double>(value.toDouble()) : std::nullopt;
    if (value.isString()) {
        bool ok = false;
        const double parsed = value.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(parsed))
            return parsed;
    }
    return std::nullopt;
}

std::optional<QJsonValue> dimensionOf(const QJsonValue &value)
{
    if (value.isString() || value.isDouble())
        return value;
    if (value.isBool())
        return QJsonValue(value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    return std::nullopt;
}

// A field with its path parsed and split at the records array: STEPS[0, each) lead to the array,
// STEPS(each, end) into an element. EACH is -1 for fields outside it.
struct CompiledField {
    const SchemaField *field = nullptr;
    QList<PathStep> steps;
    qsizetype each = -1;
};

struct CompiledSchema {
    QList<CompiledField> fields;
    QList<PathStep> recordsPath;    // empty with hasRecords false: one record per file
    QString recordsPrefix;          // "$.results" of "$.results[*]"
    bool hasRecords = false;
};

std::expected<CompiledSchema, QString> compile(const QList<SchemaField> &fields)
{
    CompiledSchema compiled;
    QString &recordsPrefix = compiled.recordsPrefix;
    for (const SchemaField &field : fields) {
        std::expected<QList<PathStep>, QString> steps = parsePath(field.path);
        if (!steps)
            return std::unexpected(QStringLiteral("%1 '%2': %3").arg(roleName(field.role), field.name, steps.error()));
        CompiledField c{&field, *steps, -1};
        for (qsizetype i = 0; i < steps->size(); ++i) {
            if (steps->at(i).kind != PathStep::Each)
                continue;
            if (c.each >= 0)
                return std::unexpected(QStringLiteral("%1 '%2': path '%3' has more than one [*]").arg(roleName(field.role), field.name, field.path));
            c.each = i;
        }
        if (c.each >= 0) {
            const QString prefix = field.path.left(field.path.indexOf(QLatin1String("[*]")));
            if (compiled.hasRecords && prefix != recordsPrefix)
                return std::unexpected(QStringLiteral("%1 '%2': records come from %3[*], not %4[*]").arg(roleName(field.role), field.name, recordsPrefix, prefix));
            compiled.hasRecords = true;
            recordsPrefix = prefix;
            compiled.recordsPath = steps->mid(0, c.each);
        }
        compiled.fields << c;
    }
    return compiled;
}

QJsonValue valueIn(const CompiledField &c, const QJsonValue &root, const QJsonValue &element)
{
    return c.each < 0 ? resolve(root, c.steps, 0, c.steps.size()) : resolve(element, c.steps, c.each + 1, c.steps.size());
}

QList<QJsonValue> recordElements(const CompiledSchema &compiled, const QJsonValue &root)
{
    if (!compiled.hasRecords)
        return {root};
    const QJsonValue array = resolve(root, compiled.recordsPath, 0, compiled.recordsPath.size());
    QList<QJsonValue> elements;
    for (const QJsonValue &element : array.toArray())
        elements << element;
    return elements;
}

} // namespace

QString roleName(SchemaFieldRole role)
{
    return role == SchemaFieldRole::Metric ? QStringLiteral("metric") : QStringLiteral("dimension");
}

QJsonArray schemaFieldsJson(const QList<SchemaField> &fields)
{
    QJsonArray array;
    for (const SchemaField &f : fields) {
        QJsonObject object{{QStringLiteral("role"), roleName(f.role)}, {QStringLiteral("name"), f.name}, {QStringLiteral("path"), f.path}};
        if (f.role == SchemaFieldRole::Metric) {
            object.insert(QStringLiteral("type"), QStringLiteral("float"));
            object.insert(QStringLiteral("unit"), f.unit);
            object.insert(QStringLiteral("direction"), directionName(f.direction));
        } else {
            object.insert(QStringLiteral("type"), QStringLiteral("string"));
        }
        array.append(object);
    }
    return array;
}

QList<SchemaField> schemaFieldsFromJson(const QJsonArray &fields)
{
    QList<SchemaField> result;
    for (const QJsonValue &value : fields) {
        SchemaField f;
        f.role = value[QLatin1String("role")].toString() == QLatin1String("metric") ? SchemaFieldRole::Metric : SchemaFieldRole::Dimension;
        f.name = value[QLatin1String("name")].toString();
        f.path = value[QLatin1String("path")].toString();
        f.unit = value[QLatin1String("unit")].toString();
        f.direction = directionFromName(value[QLatin1String("direction")].toString());
        result << f;
    }
    return result;
}

QJsonObject schemaJson(const MetricSchema &schema)
{
    QJsonArray fields;
    for (const SchemaField &f : schema.fields) {
        QJsonObject object{{QStringLiteral("role"), roleName(f.role)}, {QStringLiteral("name"), f.name}, {QStringLiteral("path"), f.path}};
        if (f.role == SchemaFieldRole::Metric) {
            object.insert(QStringLiteral("unit"), f.unit);
            object.insert(QStringLiteral("direction"), directionName(f.direction));
        }
        fields.append(object);
    }
    QJsonObject object{{QStringLiteral("name"), schema.name}, {QStringLiteral("source"), schema.source}, {QStringLiteral("fields"), fields}};
    if (schema.version > 0)
        object.insert(QStringLiteral("version"), schema.version);
    return object;
}

Result<MetricSchema> schemaFromJson(const QJsonObject &object, const QString &source)
{
    auto bad = [&source](const QString &message) { return fail(ErrorClass::BadData, QStringLiteral("%1: %2").arg(source, message)); };
    if (!object.value(QLatin1String("fields")).isArray())
        return bad(QStringLiteral("no \"fields\" array"));
    MetricSchema schema;
    schema.name = object.value(QLatin1String("name")).toString();
    const QString origin = object.value(QLatin1String("source")).toString(QStringLiteral("user"));
    if (origin != QLatin1String("heuristic") && origin != QLatin1String("ai") && origin != QLatin1String("user"))
        return bad(QStringLiteral("\"source\" must be heuristic, ai or user, not '%1'").arg(origin.left(40)));
    schema.source = origin;
    const QJsonArray fields = object.value(QLatin1String("fields")).toArray();
    if (fields.size() > kMaxFields)
        return bad(QStringLiteral("%1 fields, more than %2").arg(fields.size()).arg(kMaxFields));
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const QJsonObject f = fields.at(i).toObject();
        const QString where = QStringLiteral("field %1").arg(i + 1);
        const QString role = f.value(QLatin1String("role")).toString();
        if (role != QLatin1String("dimension") && role != QLatin1String("metric"))
            return bad(QStringLiteral("%1: \"role\" must be dimension or metric").arg(where));
        if (!f.value(QLatin1String("name")).isString() || !f.value(QLatin1String("path")).isString())
            return bad(QStringLiteral("%1: \"name\" and \"path\" must be strings").arg(where));
        SchemaField field;
        field.role = role == QLatin1String("metric") ? SchemaFieldRole::Metric : SchemaFieldRole::Dimension;
        field.name = f.value(QLatin1String("name")).toString().trimmed();
        field.path = f.value(QLatin1String("path")).toString().trimmed();
        if (field.role == SchemaFieldRole::Metric) {
            field.unit = f.contains(QLatin1String("unit")) ? f.value(QLatin1String("unit")).toString().trimmed() : unitFromName(field.name);
            const QString direction = f.value(QLatin1String("direction")).toString();
            if (!direction.isEmpty() && direction != QLatin1String("lower") && direction != QLatin1String("higher") && direction != QLatin1String("neutral"))
                return bad(QStringLiteral("%1: \"direction\" must be lower, higher or neutral").arg(where));
            field.direction = direction.isEmpty() ? inferDirection(field.name, field.unit) : directionFromName(direction);
        }
        schema.fields << field;
    }
    if (Result<void> valid = validateSchemaFields(schema.fields, source); !valid)
        return std::unexpected(valid.error());
    return schema;
}

Result<void> validateSchemaFields(const QList<SchemaField> &fields, const QString &source)
{
    auto bad = [&source](const QString &message) { return fail(ErrorClass::BadData, QStringLiteral("%1: %2").arg(source, message)); };
    QSet<QString> names[2];
    bool anyMetric = false;
    for (const SchemaField &f : fields) {
        if (f.name.isEmpty())
            return bad(QStringLiteral("a %1 without a name").arg(roleName(f.role)));
        if (f.path.isEmpty())
            return bad(QStringLiteral("%1 '%2' has no path").arg(roleName(f.role), f.name));
        QSet<QString> &seen = names[f.role == SchemaFieldRole::Metric ? 1 : 0];
        if (seen.contains(f.name))
            return bad(QStringLiteral("two %1s named '%2'").arg(roleName(f.role), f.name));
        seen.insert(f.name);
        anyMetric = anyMetric || f.role == SchemaFieldRole::Metric;
    }
    if (!anyMetric)
        return bad(QStringLiteral("no metric field"));
    if (std::expected<CompiledSchema, QString> compiled = compile(fields); !compiled)
        return bad(compiled.error());
    return {};
}

Result<void> validateSchemaAgainst(const QList<SchemaField> &fields, const QJsonDocument &sample, const QString &source)
{
    if (Result<void> valid = validateSchemaFields(fields, source); !valid)
        return valid;
    const CompiledSchema compiled = *compile(fields);
    const QJsonValue root = rootOf(sample);
    const QList<QJsonValue> elements = recordElements(compiled, root);
    QStringList missing;
    QStringList notNumbers;
    for (const CompiledField &c : compiled.fields) {
        bool found = false;
        bool numeric = false;
        for (const QJsonValue &element : elements) {
            const QJsonValue value = valueIn(c, root, element);
            found = found || (!value.isUndefined() && !value.isNull());
            numeric = numeric || numberOf(value).has_value();
            if (numeric)
                break;
        }
        if (!found)
            missing << c.field->path;
        else if (c.field->role == SchemaFieldRole::Metric && !numeric)
            notNumbers << c.field->path;
    }
    if (!missing.isEmpty())
        return fail(ErrorClass::BadData, QStringLiteral("%1: paths not in the sample: %2").arg(source, missing.mid(0, 5).join(QStringLiteral(", "))));
    if (!notNumbers.isEmpty())
        return fail(ErrorClass::BadData, QStringLiteral("%1: metric paths without a number in the sample: %2").arg(source, notNumbers.mid(0, 5).join(QStringLiteral(", "))));
    return {};
}

QString jsonPathOf(const QStringList &keys)
{
    static const QRegularExpression plain(QStringLiteral("^[^.\\[\\]\"\\\\]+$"));
    QString path = QStringLiteral("$");
    for (const QString &key : keys) {
        if (key == QLatin1String("[*]"))   // the records marker, not a key
            path += key;
        else if (plain.match(key).hasMatch())
            path += QLatin1Char('.') + key;
        else
            path += QStringLiteral("[\"%1\"]").arg(QString(key).replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\"")));
    }
    return path;
}

FileExtraction extractWithSchema(const MetricSchema &schema, const QJsonDocument &document, const QString &path)
{
    FileExtraction result;
    result.format = QStringLiteral("schema v%1").arg(schema.version);
    std::expected<CompiledSchema, QString> compiled = compile(schema.fields);
    if (!compiled) {
        result.notes << compiled.error();
        return result;
    }
    const QJsonValue root = rootOf(document);
    const QList<QJsonValue> elements = recordElements(*compiled, root);
    if (compiled->hasRecords && elements.isEmpty())
        result.notes << QStringLiteral("no records at %1[*]").arg(compiled->recordsPrefix);
    qsizetype empty = 0;
    for (const QJsonValue &element : elements) {
        MetricRecord record;
        record.sourceFile = path;
        for (const CompiledField &c : std::as_const(compiled->fields)) {
            const QJsonValue value = valueIn(c, root, element);
            if (c.field->role == SchemaFieldRole::Dimension) {
                if (const std::optional<QJsonValue> dimension = dimensionOf(value))
                    record.dimensions.insert(c.field->name, *dimension);
            } else if (const std::optional<double> number = numberOf(value)) {
                record.metrics << MetricValue{c.field->name, *number, c.field->unit, c.field->direction};
            }
        }
        if (record.metrics.isEmpty())
            ++empty;
        else
            result.records << record;
    }
    if (empty)
        result.notes << QStringLiteral("%1 records without a metric value left out").arg(empty);
    return result;
}

Result<FileExtraction> extractWithSchema(const MetricSchema &schema, const ResultFile &file)
{
    if (file.content.trimmed().isEmpty())
        return formats::fileError(file.path, 0, QStringLiteral("empty file"));
    Result<QJsonDocument> document = parseLenientJson(file.content, file.path);
    if (!document)
        return std::unexpected(document.error());
    return extractWithSchema(schema, *document, file.path);
}

} // namespace fleetscope
