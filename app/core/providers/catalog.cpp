// Provider catalog: loading the descriptors and validating settings against them.
#include "catalog.h"

#include "http/httpclient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace fleetscope {
namespace {

ProviderField::Type typeFrom(const QString &name)
{
    if (name == QLatin1String("url"))
        return ProviderField::Type::Url;
    if (name == QLatin1String("integer"))
        return ProviderField::Type::Integer;
    if (name == QLatin1String("choice"))
        return ProviderField::Type::Choice;
    if (name == QLatin1String("boolean"))
        return ProviderField::Type::Boolean;
    return ProviderField::Type::String;
}

ProviderKind kindFrom(const QJsonObject &json)
{
    ProviderKind kind;
    kind.kind = json.value(QStringLiteral("kind")).toString();
    kind.displayName = json.value(QStringLiteral("displayName")).toString();
    kind.category = json.value(QStringLiteral("category")).toString();
    kind.description = json.value(QStringLiteral("description")).toString();
    const QJsonObject secret = json.value(QStringLiteral("secret")).toObject();
    kind.secretRequired = secret.value(QStringLiteral("required")).toBool();
    kind.secretLabel = secret.value(QStringLiteral("label")).toString();
    kind.secretHelpUrl = secret.value(QStringLiteral("help_url")).toString();
    const QJsonObject usedWhen = secret.value(QStringLiteral("usedWhen")).toObject();
    if (!usedWhen.isEmpty()) {
        kind.secretWhenKey = usedWhen.begin().key();
        for (const QJsonValue value : usedWhen.begin().value().toArray())
            kind.secretWhenValues << value.toString();
    }
    for (const QJsonValue value : json.value(QStringLiteral("fields")).toArray()) {
        const QJsonObject f = value.toObject();
        ProviderField field;
        field.key = f.value(QStringLiteral("key")).toString();
        field.label = f.value(QStringLiteral("label")).toString();
        field.type = typeFrom(f.value(QStringLiteral("type")).toString());
        field.required = f.value(QStringLiteral("required")).toBool();
        field.defaultValue = f.value(QStringLiteral("default"));
        if (f.contains(QStringLiteral("min")))
            field.min = f.value(QStringLiteral("min")).toInteger();
        if (f.contains(QStringLiteral("max")))
            field.max = f.value(QStringLiteral("max")).toInteger();
        for (const QJsonValue choice : f.value(QStringLiteral("choices")).toArray())
            field.choices << choice.toString();
        kind.fields << field;
    }
    return kind;
}

} // namespace

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
    static const QList<ProviderKind> kinds = [] {
        QList<ProviderKind> result;
        const QDir dir(QStringLiteral(":/providers"));
        for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly))
                result << kindFrom(QJsonDocument::fromJson(file.readAll()).object());
        }
        return result;
    }();
    return kinds;
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
