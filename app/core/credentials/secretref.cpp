// Resolution of a SecretRef: environment variables read at use time, keychain entries through Credentials.
#include "secretref.h"

#include <QMetaObject>
#include <QObject>

namespace fleetscope {

QString SecretRef::secretEnvSetting()
{
    return QStringLiteral("secret_env");
}

bool SecretRef::isValidVariableName(const QString &name)
{
    if (name.isEmpty() || name.size() > 255 || name.front().isDigit())
        return false;
    for (const QChar c : name) {
        const bool ascii = c.unicode() < 128;
        if (!ascii || !(c.isLetterOrNumber() || c == QLatin1Char('_')))
            return false;
    }
    return true;
}

SecretRef::SecretRef(Source source, qint64 connectionId, QString variable)
    : m_source(source)
    , m_connectionId(connectionId)
    , m_variable(std::move(variable))
{
}

SecretRef SecretRef::keychain(qint64 connectionId)
{
    return SecretRef(Source::Keychain, connectionId, QString());
}

SecretRef SecretRef::environment(qint64 connectionId, QString variable)
{
    return SecretRef(Source::Environment, connectionId, std::move(variable));
}

SecretRef SecretRef::forConnection(const ConnectionRecord &connection)
{
    const QString variable = connection.settings.value(secretEnvSetting()).toString().trimmed();
    if (variable.isEmpty())
        return keychain(connection.id);
    return environment(connection.id, variable);
}

QString SecretRef::describe() const
{
    if (m_source == Source::Keychain)
        return QStringLiteral("the keychain");
    // An invalid name may be a secret pasted into the wrong field, so it is never repeated.
    if (!isValidVariableName(m_variable))
        return QStringLiteral("the environment variable named in %1").arg(secretEnvSetting());
    return QStringLiteral("environment variable %1").arg(m_variable);
}

QString SecretRef::presenceBlocking(const Credentials &credentials) const
{
    if (m_source == Source::Environment) {
        const QString name = isValidVariableName(m_variable) ? QLatin1Char('$') + m_variable : secretEnvSetting();
        return resolveEnvironment() ? name : name + QStringLiteral(" (unset)");
    }
    Result<bool> stored = credentials.hasSecretBlocking(m_connectionId);
    if (!stored)
        return QStringLiteral("unknown");
    return *stored ? QStringLiteral("keychain") : QStringLiteral("missing");
}

Result<Secret> SecretRef::resolveEnvironment() const
{
    const QString id = QString::number(m_connectionId);
    if (m_source != Source::Environment)
        return fail(ErrorClass::Config, QStringLiteral("connection %1 keeps its secret in the keychain, not in an environment variable").arg(id));
    if (!isValidVariableName(m_variable))
        return fail(ErrorClass::Config,
                    QStringLiteral("%1 of connection %2 is not a valid environment variable name "
                                   "(letters, digits and _, not starting with a digit)")
                        .arg(secretEnvSetting(), id));
    const QByteArray name = m_variable.toLatin1();
    if (!qEnvironmentVariableIsSet(name.constData()))
        return fail(ErrorClass::Config,
                    QStringLiteral("environment variable %1, which holds the secret of connection %2, is not set")
                        .arg(m_variable, id));
    Secret secret(qgetenv(name.constData()));
    if (secret.isEmpty())
        return fail(ErrorClass::Config,
                    QStringLiteral("environment variable %1, which holds the secret of connection %2, is empty")
                        .arg(m_variable, id));
    return secret;
}

void SecretRef::resolve(const Credentials &credentials, QObject *context, Credentials::SecretDone done) const
{
    if (m_source == Source::Keychain) {
        credentials.read(m_connectionId, context, std::move(done));
        return;
    }
    Q_ASSERT(context);
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = resolveEnvironment()]() mutable { done(std::move(result)); },
        Qt::QueuedConnection);
}

Result<Secret> SecretRef::resolveBlocking(const Credentials &credentials) const
{
    if (m_source == Source::Keychain)
        return credentials.readBlocking(m_connectionId);
    return resolveEnvironment();
}

} // namespace fleetscope
