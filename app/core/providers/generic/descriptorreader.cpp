// DescriptorReader: typed reads of descriptor JSON with JSON-pointer problems.
#include "descriptorreader.h"

namespace fleetscope::generic {

// RFC 6901: "/" and "~" in a key are escaped.
QString child(const QString &pointer, const QString &key)
{
    QString escaped = key;
    escaped.replace(QLatin1Char('~'), QLatin1String("~0")).replace(QLatin1Char('/'), QLatin1String("~1"));
    return pointer + QLatin1Char('/') + escaped;
}

QString child(const QString &pointer, qsizetype index)
{
    return pointer + QLatin1Char('/') + QString::number(index);
}

void DescriptorReader::problem(const QString &pointer, const QString &message)
{
    if (m_error.isEmpty())
        m_error = (pointer.isEmpty() ? QStringLiteral("/") : pointer) + QStringLiteral(": ") + message;
}

void DescriptorReader::take(const Error &error)
{
    if (m_error.isEmpty())
        m_error = error.message;
}

void DescriptorReader::onlyKeys(const QJsonObject &object, const QString &pointer, const QStringList &known)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.key().startsWith(QLatin1Char('_')) && !known.contains(it.key()))
            return problem(child(pointer, it.key()), QStringLiteral("unknown key (known: %1)").arg(known.join(QStringLiteral(", "))));
    }
}

QString DescriptorReader::string(const QJsonObject &object, const QString &pointer, const QString &key, bool required, const QString &fallback)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        if (required)
            problem(child(pointer, key), QStringLiteral("required"));
        return fallback;
    }
    if (!value.isString()) {
        problem(child(pointer, key), QStringLiteral("expected a string"));
        return fallback;
    }
    if (required && value.toString().isEmpty())
        problem(child(pointer, key), QStringLiteral("must not be empty"));
    return value.toString();
}

QString DescriptorReader::choice(const QJsonObject &object, const QString &pointer, const QString &key, const QStringList &choices, bool required)
{
    const QString value = string(object, pointer, key, required, QString());
    if (!failed() && object.contains(key) && !choices.contains(value))
        problem(child(pointer, key), QStringLiteral("expected one of %1").arg(choices.join(QStringLiteral(", "))));
    return value;
}

double DescriptorReader::number(const QJsonObject &object, const QString &pointer, const QString &key, double fallback, double min, double max)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isDouble() || value.toDouble() < min || value.toDouble() > max) {
        problem(child(pointer, key), QStringLiteral("expected a number between %1 and %2").arg(min).arg(max));
        return fallback;
    }
    return value.toDouble();
}

int DescriptorReader::integer(const QJsonObject &object, const QString &pointer, const QString &key, int fallback, int min, int max)
{
    const double n = number(object, pointer, key, fallback, min, max);
    if (n != double(int(n)))
        problem(child(pointer, key), QStringLiteral("expected a whole number"));
    return int(n);
}

bool DescriptorReader::boolean(const QJsonObject &object, const QString &pointer, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (!value.isUndefined() && !value.isBool())
        problem(child(pointer, key), QStringLiteral("expected true or false"));
    return value.toBool();
}

QJsonObject DescriptorReader::object(const QJsonObject &parent, const QString &pointer, const QString &key, bool required)
{
    const QJsonValue value = parent.value(key);
    if (value.isUndefined()) {
        if (required)
            problem(child(pointer, key), QStringLiteral("required"));
        return {};
    }
    if (!value.isObject())
        problem(child(pointer, key), QStringLiteral("expected an object"));
    return value.toObject();
}

QJsonArray DescriptorReader::array(const QJsonObject &parent, const QString &pointer, const QString &key)
{
    const QJsonValue value = parent.value(key);
    if (!value.isUndefined() && !value.isArray())
        problem(child(pointer, key), QStringLiteral("expected an array"));
    return value.toArray();
}

std::optional<JsonPath> DescriptorReader::path(const QJsonObject &object, const QString &pointer, const QString &key, bool required)
{
    if (!object.contains(key) && !required)
        return std::nullopt;
    const QString text = string(object, pointer, key, false);
    if (failed())
        return std::nullopt;
    if (required && !object.contains(key)) {
        problem(child(pointer, key), QStringLiteral("required"));
        return std::nullopt;
    }
    Result<JsonPath> parsed = JsonPath::parse(text);
    if (!parsed) {
        problem(child(pointer, key), parsed.error().message);
        return std::nullopt;
    }
    return *parsed;
}

} // namespace fleetscope::generic
