// Provider kinds and their settings fields, from the installed descriptors (generic/registry.h): what the CLI
// validates against and what the setup wizard will render.
#pragma once

#include "domain.h"
#include "error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QStringList>

namespace fleetscope {

struct ProviderField {
    enum class Type { String, Url, Integer, Choice, Boolean };
    QString key;
    QString label;
    Type type = Type::String;
    bool required = false;
    QJsonValue defaultValue;
    qint64 min = std::numeric_limits<qint64>::min();
    qint64 max = std::numeric_limits<qint64>::max();
    QStringList choices;
};

struct ProviderKind {
    QString kind;
    QString displayName;
    QString category;
    QString description;
    bool secretRequired = false;
    QString secretLabel;
    QString secretHelpUrl;   // where a user creates the key, for hints after a rejected test
    // "secret": {"usedWhen": {"auth": ["bearer", "basic"]}}: the secret belongs to the connection
    // only while field KEY has one of VALUES (its default counts); otherwise there is none to ask for.
    QString secretWhenKey;
    QStringList secretWhenValues;
    QList<ProviderField> fields;
};

const QList<ProviderKind> &providerKinds();
const ProviderKind *findProviderKind(const QString &kind);

// One field's VALUE as stored (number, boolean or text), or a Config error naming the field.
Result<QJsonValue> validateField(const ProviderField &field, const QString &value);
// Whether a connection of KIND with SETTINGS has a secret: always when required, and for kinds
// whose secret depends on a field (an auth choice), when that field says so.
bool usesSecret(const ProviderKind &kind, const QJsonObject &settings);
// The same for a stored connection; unknown kinds are assumed to have one.
bool usesSecret(const ConnectionRecord &connection);

// Checks KEY=VALUE settings against KIND's fields: unknown keys, types, ranges, choices, and URLs
// (https, or http to this machine only). Returns the typed settings JSON; each error names the key.
Result<QJsonObject> validateSettings(const ProviderKind &kind, const QMap<QString, QString> &values);

} // namespace fleetscope
