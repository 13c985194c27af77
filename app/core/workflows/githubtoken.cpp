// GitHub API URL and token resolution, shared by the CLI and the Workflows page.
#include "githubtoken.h"

#include "credentials/secretref.h"

namespace fleetscope {

Result<QUrl> gitHubApiUrl(const QString &text)
{
    QString value = text.trimmed();
    if (value.isEmpty())
        value = qEnvironmentVariable("GITHUB_API_URL").trimmed();
    if (value.isEmpty())
        return QUrl(QStringLiteral("https://api.github.com"));
    const QUrl url(value, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
        || url.hasQuery() || !url.userInfo().isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("GitHub API URL '%1' is not an http(s) URL without query or user info").arg(value.left(200)));
    return url;
}

Credentials::Entry gitHubTokenEntry(const QUrl &apiUrl)
{
    QString host = apiUrl.host().toLower();
    if (apiUrl.port() != -1)
        host += QLatin1Char(':') + QString::number(apiUrl.port());
    return Credentials::Entry{QStringLiteral("github/") + host, QStringLiteral("the GitHub token for %1").arg(host)};
}

Result<Secret> resolveGitHubToken(const QUrl &apiUrl, const QString &envVariable, const Credentials &credentials)
{
    if (!envVariable.isEmpty()) {
        if (!SecretRef::isValidVariableName(envVariable))
            return fail(ErrorClass::Config, QStringLiteral("--token-env wants a variable name (letters, digits, '_'), not '%1'").arg(envVariable.left(60)));
        Secret token = Secret::fromUtf8(qgetenv(envVariable.toLatin1().constData()).trimmed());
        if (token.isEmpty())
            return fail(ErrorClass::Config, QStringLiteral("environment variable %1 is not set or empty").arg(envVariable));
        return token;
    }
    Result<Secret> token = credentials.readBlocking(gitHubTokenEntry(apiUrl));
    if (token)
        return token;
    Error error = token.error();
    if (isMissingSecret(error))
        error.message = QStringLiteral("no GitHub token for %1 in the keychain: store one with `fleetscope workflows token set%2`, or name a variable with --token-env VAR")
                            .arg(gitHubTokenEntry(apiUrl).key.mid(7),
                                 apiUrl.host() == QLatin1String("api.github.com") ? QString() : QStringLiteral(" --api-url ") + apiUrl.toString());
    error.message.replace(QLatin1String("--secret-env VAR"), QLatin1String("--token-env VAR"));
    return std::unexpected(error);
}

} // namespace fleetscope
