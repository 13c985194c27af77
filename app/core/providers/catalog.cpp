// Provider catalog: the kinds of the installed descriptors, and validating settings against them.
#include "catalog.h"

#include "http/httpclient.h"
#include "providers/generic/registry.h"

#include <QUrl>

namespace fleetscope {

Result<QJsonValue> validateField(const ProviderField &field, const QString &text)
{
    switch (field.type) {
    case ProviderField::Type::Integer: {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (!ok)
            return fail(ErrorClass::Config, QStringLiteral("%1: expected a whole number, got '%2'").arg(field.key, text));
        if (n < field.min || n > field.max)
            return fail(ErrorClass::Config, QStringLiteral("%1: %2 is outside %3..%4").arg(field.key).arg(n).arg(field.min).arg(field.max));
        return QJsonValue(n);
    }
    case ProviderField::Type::Boolean:
        if (text == QLatin1String("true") || text == QLatin1String("false"))
            return QJsonValue(text == QLatin1String("true"));
        return fail(ErrorClass::Config, QStringLiteral("%1: expected true or false").arg(field.key));
    case ProviderField::Type::Choice:
        if (!field.choices.contains(text))
            return fail(ErrorClass::Config, QStringLiteral("%1: expected one of %2").arg(field.key, field.choices.join(QStringLiteral(", "))));
        return QJsonValue(text);
    case ProviderField::Type::Url: {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return fail(ErrorClass::Config, QStringLiteral("%1: not an http(s) URL").arg(field.key));
        if (url.scheme() == QLatin1String("http") && !isLoopbackHost(url.host()))
            return fail(ErrorClass::Config, QStringLiteral("%1: plain http is allowed only to this machine; use https").arg(field.key));
        return QJsonValue(text);
    }
    case ProviderField::Type::String:
        return QJsonValue(text);
    }
    return QJsonValue(text);
}

const QList<ProviderKind> &providerKinds()
{
    return generic::installedDescriptors().kinds;
}

const ProviderKind *findProviderKind(const QString &kind)
{
    for (const ProviderKind &each : providerKinds()) {
        if (each.kind == kind)
            return &each;
    }
    return nullptr;
}

bool usesSecret(const ProviderKind &kind, const QJsonObject &settings)
{
    if (kind.secretRequired)
        return true;
    if (kind.secretWhenKey.isEmpty())
        return false;
    QJsonValue value = settings.value(kind.secretWhenKey);
    if (value.isUndefined()) {
        for (const ProviderField &field : kind.fields) {
            if (field.key == kind.secretWhenKey)
                value = field.defaultValue;
        }
    }
    return kind.secretWhenValues.contains(value.toString());
}

bool usesSecret(const ConnectionRecord &connection)
{
    const ProviderKind *kind = findProviderKind(connection.kind);
    return !kind || usesSecret(*kind, connection.settings);
}

Result<QJsonObject> validateSettings(const ProviderKind &kind, const QMap<QString, QString> &values)
{
    QJsonObject settings;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const auto field = std::find_if(kind.fields.cbegin(), kind.fields.cend(), [&it](const ProviderField &f) { return f.key == it.key(); });
        if (field == kind.fields.cend()) {
            QStringList known;
            for (const ProviderField &f : kind.fields)
                known << f.key;
            return fail(ErrorClass::Config, QStringLiteral("%1: no such setting for %2 (known: %3)").arg(it.key(), kind.kind, known.join(QStringLiteral(", "))));
        }
        Result<QJsonValue> value = validateField(*field, it.value());
        if (!value)
            return std::unexpected(value.error());
        settings.insert(field->key, *value);
    }
    for (const ProviderField &field : kind.fields) {
        if (field.required && !settings.contains(field.key))
            return fail(ErrorClass::Config, QStringLiteral("%1: required for %2").arg(field.key, kind.kind));
    }
    return settings;
}

} // namespace fleetscope
