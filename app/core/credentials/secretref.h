// SecretRef: where a connection's secret comes from, resolved at use time: its keychain entry, or an
// environment variable the user named (setting "secret_env") for headless machines.
#pragma once

#include "credentials.h"
#include "domain.h"

#include <QString>

class QObject;

namespace fleetscope {

class SecretRef
{
public:
    enum class Source { Keychain, Environment };

    static QString secretEnvSetting();   // "secret_env", the connection setting naming the variable
    // Letters, digits and '_', not starting with a digit: names we may repeat in messages.
    static bool isValidVariableName(const QString &name);

    static SecretRef keychain(qint64 connectionId);
    static SecretRef environment(qint64 connectionId, QString variable);
    // The variable when the connection's settings name one (secret_env), else its keychain entry.
    static SecretRef forConnection(const ConnectionRecord &connection);

    Source source() const { return m_source; }
    qint64 connectionId() const { return m_connectionId; }
    const QString &variable() const { return m_variable; }
    // "the keychain" or "environment variable NAME": for messages, never the secret.
    QString describe() const;

    // Environment source only: the value when set and non-empty, else a Config error naming the
    // variable (never its value).
    Result<Secret> resolveEnvironment() const;
    // Either source; DONE is called as Credentials::read calls it (on CONTEXT's thread, later).
    void resolve(const Credentials &credentials, QObject *context, Credentials::SecretDone done) const;
    Result<Secret> resolveBlocking(const Credentials &credentials) const;

    // Whether the secret is there, for listings: "keychain", "missing", "$VAR", "$VAR (unset)", or
    // "unknown" when the keychain cannot be asked. Never the secret. Blocks on the keychain.
    QString presenceBlocking(const Credentials &credentials) const;

private:
    SecretRef(Source source, qint64 connectionId, QString variable);

    Source m_source;
    qint64 m_connectionId;
    QString m_variable;
};

} // namespace fleetscope
