// Authorization headers and optional secrets for monitoring connections.
#include "httpauth.h"

#include "providers/settingvalues.h"

#include <QMetaObject>

namespace fleetscope {

Result<HttpAuth> httpAuthSetting(const QJsonObject &settings, const QStringList &allowed)
{
    Result<QString> name = choiceSetting(settings, QStringLiteral("auth"), QStringLiteral("none"), allowed);
    if (!name)
        return std::unexpected(name.error());
    if (*name == QLatin1String("bearer"))
        return HttpAuth::Bearer;
    if (*name == QLatin1String("basic"))
        return HttpAuth::Basic;
    return HttpAuth::None;
}

void authorize(HttpRequest &request, HttpAuth auth, const QString &username, const Secret &secret)
{
    if (auth == HttpAuth::None)
        return;
    request.carriesCredential = true;
    if (auth == HttpAuth::Bearer) {
        request.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + secret.bytes()});
        return;
    }
    QByteArray pair = username.toUtf8() + ':' + secret.bytes();
    request.headers.append({QByteArrayLiteral("Authorization"), "Basic " + pair.toBase64()});
    pair.fill('\0');
}

void resolveOptionalSecret(const std::optional<SecretRef> &ref, QObject *context, Credentials::SecretDone done)
{
    if (ref) {
        ref->resolve(Credentials(), context, std::move(done));
        return;
    }
    QMetaObject::invokeMethod(context, [done = std::move(done)] { done(Secret()); }, Qt::QueuedConnection);
}

} // namespace fleetscope
