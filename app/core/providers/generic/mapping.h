// Values picked out of a provider's answer by descriptors: a JSON path (or a constant), small
// transforms applied in order, and a default; then read as the type the normalized field needs.
#pragma once

#include "jsonpath.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>

#include <optional>

namespace fleetscope::generic {

struct Transform {
    enum class Kind {
        Number,         // a number, or a string holding one ("1.1900"); anything else is missing
        Cents,          // number / 100
        Multiply,       // number * factor
        First,          // the first element of an array (others pass through)
        Keys,           // the member names of an object, as an array
        Count,          // the size of an array or object
        NotEmpty,       // true when the value is a non-empty array, object or string, or a non-zero number
        Sum,            // the sum of an array's numbers (numeric strings count)
        Match,          // the first capture group (or the whole match) of a regular expression
        Quantity,       // a Kubernetes quantity ("32Gi", "500m", "4") as a plain number
        SecondsSince,   // seconds from an ISO 8601 time or epoch seconds until now
        Lowercase,
        Map,            // a string found in the table becomes its entry there ("active" -> "running"); others pass through
    };
    Kind kind = Kind::Number;
    double factor = 1;
    QRegularExpression regex;
    QJsonObject table;              // for Map
};

// What the evaluation of a value may refer to besides the item itself.
struct ItemScope {
    QString key;          // $key: the item's name in a list keyed by name
    QJsonValue parent;    // $parent: the enclosing item of an expanded list
    qint64 nowMs = 0;     // for seconds-since
};

struct ValueSpec {
    std::optional<JsonPath> path;   // absent: the constant
    QJsonValue constant;
    QList<Transform> transforms;
    QJsonValue fallback;            // "default": used when the result is missing or null

    // JSON: "path", or {"path": "...", "transforms": [...], "default": v}, or {"value": v}.
    // Errors are Config errors that start with POINTER.
    static Result<ValueSpec> parse(const QJsonValue &json, const QString &pointer);

    // The value for ITEM; undefined when missing.
    QJsonValue evaluate(const QJsonValue &item, const ItemScope &scope) const;
};

QJsonValue applyTransform(const Transform &transform, const QJsonValue &value, qint64 nowMs);

// Reads of an evaluated value as the type a normalized field has; missing, null, empty strings and
// values of the wrong shape are nullopt (an unknown, never 0).
std::optional<QString> textOf(const QJsonValue &value);
std::optional<double> numberOf(const QJsonValue &value);
std::optional<qint64> integerOf(const QJsonValue &value);
std::optional<bool> boolOf(const QJsonValue &value);

} // namespace fleetscope::generic
