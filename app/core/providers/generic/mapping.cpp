// Value specs of descriptors: parsing with JSON-pointer errors, transforms, typed reads.
#include "mapping.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace fleetscope::generic {
namespace {

std::unexpected<Error> at(const QString &pointer, const QString &message)
{
    return fail(ErrorClass::Config, pointer + QStringLiteral(": ") + message);
}

const QList<std::pair<QLatin1String, Transform::Kind>> &namedTransforms()
{
    static const QList<std::pair<QLatin1String, Transform::Kind>> names{
        {QLatin1String("number"), Transform::Kind::Number},
        {QLatin1String("cents"), Transform::Kind::Cents},
        {QLatin1String("first"), Transform::Kind::First},
        {QLatin1String("keys"), Transform::Kind::Keys},
        {QLatin1String("count"), Transform::Kind::Count},
        {QLatin1String("not-empty"), Transform::Kind::NotEmpty},
        {QLatin1String("sum"), Transform::Kind::Sum},
        {QLatin1String("quantity"), Transform::Kind::Quantity},
        {QLatin1String("seconds-since"), Transform::Kind::SecondsSince},
        {QLatin1String("lowercase"), Transform::Kind::Lowercase},
    };
    return names;
}

Result<Transform> parseTransform(const QJsonValue &json, const QString &pointer)
{
    Transform transform;
    if (json.isString()) {
        for (const auto &[name, kind] : namedTransforms()) {
            if (json.toString() == name) {
                transform.kind = kind;
                return transform;
            }
        }
        QStringList known;
        for (const auto &entry : namedTransforms())
            known << entry.first;
        return at(pointer, QStringLiteral("unknown transform '%1' (known: %2, {\"multiply\": N}, {\"match\": \"regex\"}, {\"map\": {...}})")
                               .arg(json.toString(), known.join(QStringLiteral(", "))));
    }
    const QJsonObject object = json.toObject();
    if (!json.isObject() || object.size() != 1)
        return at(pointer, QStringLiteral("expected a transform name or an object with one key"));
    if (object.contains(QStringLiteral("multiply"))) {
        if (!object.value(QStringLiteral("multiply")).isDouble())
            return at(pointer + QStringLiteral("/multiply"), QStringLiteral("expected a number"));
        transform.kind = Transform::Kind::Multiply;
        transform.factor = object.value(QStringLiteral("multiply")).toDouble();
        return transform;
    }
    if (object.contains(QStringLiteral("match"))) {
        transform.kind = Transform::Kind::Match;
        transform.regex = QRegularExpression(object.value(QStringLiteral("match")).toString());
        if (!object.value(QStringLiteral("match")).isString() || !transform.regex.isValid())
            return at(pointer + QStringLiteral("/match"), QStringLiteral("expected a regular expression"));
        return transform;
    }
    if (object.contains(QStringLiteral("map"))) {
        transform.kind = Transform::Kind::Map;
        transform.table = object.value(QStringLiteral("map")).toObject();
        const bool strings = std::all_of(transform.table.constBegin(), transform.table.constEnd(), [](const QJsonValue &v) { return v.isString(); });
        if (!object.value(QStringLiteral("map")).isObject() || !strings)
            return at(pointer + QStringLiteral("/map"), QStringLiteral("expected an object of strings"));
        return transform;
    }
    return at(pointer + QLatin1Char('/') + object.begin().key(), QStringLiteral("unknown transform (known with a value: multiply, match, map)"));
}

// "32Gi" → 34359738368, "500m" → 0.5, "4" → 4.
std::optional<double> quantity(const QString &text)
{
    static const QList<std::pair<QLatin1String, double>> suffixes{
        {QLatin1String("Ki"), 1024.0}, {QLatin1String("Mi"), 1024.0 * 1024}, {QLatin1String("Gi"), 1024.0 * 1024 * 1024},
        {QLatin1String("Ti"), 1024.0 * 1024 * 1024 * 1024}, {QLatin1String("k"), 1e3}, {QLatin1String("M"), 1e6},
        {QLatin1String("G"), 1e9}, {QLatin1String("T"), 1e12}, {QLatin1String("m"), 1e-3},
    };
    for (const auto &[suffix, factor] : suffixes) {
        if (text.endsWith(suffix)) {
            bool ok = false;
            const double n = text.chopped(suffix.size()).toDouble(&ok);
            return ok ? std::optional<double>(n * factor) : std::nullopt;
        }
    }
    bool ok = false;
    const double n = text.toDouble(&ok);
    return ok ? std::optional<double>(n) : std::nullopt;
}

const QJsonValue kMissing(QJsonValue::Undefined);

} // namespace

std::optional<QString> textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().isEmpty() ? std::nullopt : std::optional<QString>(value.toString());
    if (value.isDouble()) {
        const double n = value.toDouble();
        return n == std::floor(n) && std::abs(n) < 9e15 ? QString::number(qint64(n)) : QString::number(n, 'g', 15);
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return std::nullopt;
}

std::optional<double> numberOf(const QJsonValue &value)
{
    if (value.isDouble())
        return std::isfinite(value.toDouble()) ? std::optional<double>(value.toDouble()) : std::nullopt;
    if (value.isString()) {
        bool ok = false;
        const double n = value.toString().trimmed().toDouble(&ok);
        return ok && std::isfinite(n) ? std::optional<double>(n) : std::nullopt;
    }
    return std::nullopt;
}

std::optional<qint64> integerOf(const QJsonValue &value)
{
    const std::optional<double> n = numberOf(value);
    if (!n || std::abs(*n) > 9e15)
        return std::nullopt;
    return qint64(std::llround(*n));
}

std::optional<bool> boolOf(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    if (value.isString() && (value.toString() == QLatin1String("true") || value.toString() == QLatin1String("false")))
        return value.toString() == QLatin1String("true");
    return std::nullopt;
}

QJsonValue applyTransform(const Transform &transform, const QJsonValue &value, qint64 nowMs)
{
    auto number = [](const std::optional<double> &n) { return n ? QJsonValue(*n) : kMissing; };
    switch (transform.kind) {
    case Transform::Kind::Number:
        return number(numberOf(value));
    case Transform::Kind::Cents: {
        const std::optional<double> n = numberOf(value);
        return number(n ? std::optional<double>(*n / 100.0) : std::nullopt);
    }
    case Transform::Kind::Multiply: {
        const std::optional<double> n = numberOf(value);
        return number(n ? std::optional<double>(*n * transform.factor) : std::nullopt);
    }
    case Transform::Kind::First:
        if (value.isArray())
            return value.toArray().isEmpty() ? kMissing : value.toArray().first();
        return value;
    case Transform::Kind::Keys:
        return value.isObject() ? QJsonValue(QJsonArray::fromStringList(value.toObject().keys())) : kMissing;
    case Transform::Kind::Count:
        if (value.isArray())
            return value.toArray().size();
        if (value.isObject())
            return value.toObject().size();
        return kMissing;
    case Transform::Kind::NotEmpty:
        if (value.isArray())
            return !value.toArray().isEmpty();
        if (value.isObject())
            return !value.toObject().isEmpty();
        if (value.isString())
            return !value.toString().isEmpty();
        if (value.isDouble())
            return value.toDouble() != 0;
        if (value.isBool())
            return value;
        return false;
    case Transform::Kind::Sum: {
        if (!value.isArray())
            return number(numberOf(value));
        double sum = 0;
        bool any = false;
        for (const QJsonValue element : value.toArray()) {
            if (const std::optional<double> n = numberOf(element)) {
                sum += *n;
                any = true;
            }
        }
        return any ? QJsonValue(sum) : kMissing;
    }
    case Transform::Kind::Match: {
        const std::optional<QString> text = textOf(value);
        if (!text)
            return kMissing;
        const QRegularExpressionMatch match = transform.regex.match(*text);
        if (!match.hasMatch())
            return kMissing;
        return match.lastCapturedIndex() >= 1 ? match.captured(1) : match.captured(0);
    }
    case Transform::Kind::Quantity:
        if (value.isDouble())
            return value;
        return value.isString() ? number(quantity(value.toString().trimmed())) : kMissing;
    case Transform::Kind::SecondsSince: {
        qint64 thenMs = 0;
        if (value.isDouble()) {
            thenMs = qint64(value.toDouble() * 1000);
        } else {
            const QDateTime then = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
            if (!value.isString() || !then.isValid())
                return kMissing;
            thenMs = then.toMSecsSinceEpoch();
        }
        return double(std::max<qint64>(0, (nowMs - thenMs) / 1000));
    }
    case Transform::Kind::Lowercase:
        return value.isString() ? QJsonValue(value.toString().toLower()) : value;
    case Transform::Kind::Map:
        return value.isString() && transform.table.contains(value.toString()) ? transform.table.value(value.toString()) : value;
    }
    return value;
}

Result<ValueSpec> ValueSpec::parse(const QJsonValue &json, const QString &pointer)
{
    ValueSpec spec;
    if (json.isString()) {
        Result<JsonPath> path = JsonPath::parse(json.toString());
        if (!path)
            return at(pointer, path.error().message);
        spec.path = *path;
        return spec;
    }
    if (!json.isObject())
        return at(pointer, QStringLiteral("expected a path string or an object"));
    const QJsonObject object = json.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        static const QStringList known{QStringLiteral("path"), QStringLiteral("value"), QStringLiteral("transforms"), QStringLiteral("default")};
        if (!known.contains(it.key()) && !it.key().startsWith(QLatin1Char('_')))
            return at(pointer + QLatin1Char('/') + it.key(), QStringLiteral("unknown key (known: %1)").arg(known.join(QStringLiteral(", "))));
    }
    if (object.contains(QStringLiteral("path")) == object.contains(QStringLiteral("value")))
        return at(pointer, QStringLiteral("expected exactly one of \"path\" and \"value\""));
    if (object.contains(QStringLiteral("path"))) {
        const QJsonValue path = object.value(QStringLiteral("path"));
        if (!path.isString())
            return at(pointer + QStringLiteral("/path"), QStringLiteral("expected a string"));
        Result<JsonPath> parsed = JsonPath::parse(path.toString());
        if (!parsed)
            return at(pointer + QStringLiteral("/path"), parsed.error().message);
        spec.path = *parsed;
    } else {
        spec.constant = object.value(QStringLiteral("value"));
    }
    const QJsonValue transforms = object.value(QStringLiteral("transforms"));
    if (!transforms.isUndefined() && !transforms.isArray())
        return at(pointer + QStringLiteral("/transforms"), QStringLiteral("expected an array"));
    const QJsonArray list = transforms.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        Result<Transform> transform = parseTransform(list.at(i), pointer + QStringLiteral("/transforms/") + QString::number(i));
        if (!transform)
            return std::unexpected(transform.error());
        spec.transforms << *transform;
    }
    spec.fallback = object.value(QStringLiteral("default"));
    return spec;
}

QJsonValue ValueSpec::evaluate(const QJsonValue &item, const ItemScope &scope) const
{
    QJsonValue value = path ? path->evaluate(item, scope.key, scope.parent) : constant;
    for (const Transform &transform : transforms) {
        if (value.isUndefined() || value.isNull())
            break;
        value = applyTransform(transform, value, scope.nowMs);
    }
    if ((value.isUndefined() || value.isNull()) && !fallback.isUndefined())
        return fallback;
    return value;
}

} // namespace fleetscope::generic
