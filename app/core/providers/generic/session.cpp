// Descriptor sessions: URLs, authentication, OVH signing, pacing.
#include "session.h"

#include "providers/settingvalues.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

#include <cmath>

namespace fleetscope::generic {
namespace {

// The value of setting KEY as text, its default when unset.
QString settingText(const ProviderKind &kind, const QJsonObject &settings, const QString &key)
{
    QJsonValue value = settings.value(key);
    if (value.isUndefined() || value.isNull()) {
        for (const ProviderField &field : kind.fields) {
            if (field.key == key)
                value = field.defaultValue;
        }
    }
    return textOf(value).value_or(QString());
}

// TEXT with each {name} replaced by VALUES' entry, else the setting's value; an empty one is an error.
Result<QString> fillPlaceholders(const ProviderKind &kind, const QJsonObject &settings, const QString &text, bool encode,
                                 const QHash<QString, QString> &values = {})
{
    QString result;
    qsizetype last = 0;
    for (const QRegularExpressionMatch &match : placeholderPattern().globalMatch(text)) {
        const auto given = values.constFind(match.captured(1));
        const QString value = given != values.cend() ? *given : settingText(kind, settings, match.captured(1));
        if (value.isEmpty())
            return fail(ErrorClass::Config, QStringLiteral("%1: required").arg(match.captured(1)));
        result += text.mid(last, match.capturedStart() - last);
        result += encode ? QString::fromLatin1(QUrl::toPercentEncoding(value)) : value;
        last = match.capturedEnd();
    }
    return result + text.mid(last);
}

} // namespace

qint64 RatePacer::delayFor(qint64 nowMs)
{
    if (m_requestsPerSecond <= 0)
        return 0;
    const qint64 intervalMs = qint64(std::ceil(1000.0 / m_requestsPerSecond));
    const qint64 startMs = std::max(nowMs, m_nextFreeMs);
    m_nextFreeMs = startMs + intervalMs;
    return startMs - nowMs;
}

QByteArray ovhSignature(const QByteArray &applicationSecret, const QByteArray &consumerKey, const QByteArray &method,
                        const QByteArray &url, const QByteArray &body, qint64 timestamp)
{
    const QByteArray material = applicationSecret + '+' + consumerKey + '+' + method + '+' + url + '+' + body + '+' + QByteArray::number(timestamp);
    return "$1$" + QCryptographicHash::hash(material, QCryptographicHash::Sha1).toHex();
}

Result<std::shared_ptr<Session>> Session::create(const ProviderKind &kind, std::shared_ptr<const ApiSpec> api,
                                                 const ConnectionRecord &connection, Secret secret, HttpClient &http,
                                                 std::shared_ptr<RatePacer> pacer)
{
    auto session = std::make_shared<Session>();
    session->http = &http;
    session->clock = &http.clock();
    session->kind = kind;
    session->name = connection.name;
    session->settings = connection.settings;
    session->authenticated = usesSecret(kind, connection.settings) && (api->auth.scheme != AuthScheme::None || api->signer);
    Result<QUrl> base = urlSetting(connection.settings, QStringLiteral("base_url"), false);
    if (!base)
        return std::unexpected(base.error());
    session->baseUrl = base->isEmpty() ? QUrl(api->baseUrl) : *base;
    if (!api->localSocketField.isEmpty() && base->isEmpty()) {   // an explicit base_url means TCP
        session->localSocket = settingText(kind, connection.settings, api->localSocketField);
        if (!session->localSocket.isEmpty() && !QDir::isAbsolutePath(session->localSocket))
            return fail(ErrorClass::Config, QStringLiteral("%1: expected the absolute path of a socket").arg(api->localSocketField));
        if (!session->localSocket.isEmpty())
            session->baseUrl = QUrl(QStringLiteral("http://localhost"));
    }
    if (session->baseUrl.isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("base_url: required"));
    if (!api->caCertificateField.isEmpty()) {
        const QString path = settingText(kind, connection.settings, api->caCertificateField);
        if (!path.isEmpty()) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return fail(ErrorClass::Config, QStringLiteral("%1: cannot read %2: %3").arg(api->caCertificateField, path, file.errorString()));
            session->caCertificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
            if (session->caCertificates.isEmpty())
                return fail(ErrorClass::Config, QStringLiteral("%1: no PEM certificate in %2").arg(api->caCertificateField, path));
        }
    }
    if (session->authenticated && api->signer) {
        // OVH needs three values; they share the connection's one keychain entry as a JSON object.
        const QJsonObject keys = QJsonDocument::fromJson(secret.bytes()).object();
        auto take = [&keys](const char *name) { return Secret::fromString(keys.value(QLatin1String(name)).toString()); };
        session->ovhApplicationKey = take("application_key");
        session->ovhApplicationSecret = take("application_secret");
        session->ovhConsumerKey = take("consumer_key");
        if (session->ovhApplicationKey.isEmpty() || session->ovhApplicationSecret.isEmpty() || session->ovhConsumerKey.isEmpty())
            return fail(ErrorClass::Config, QStringLiteral("the secret must be a JSON object with application_key, application_secret "
                                                           "and consumer_key"));
        secret.clear();
    }
    session->secret = std::move(secret);
    session->api = std::move(api);
    session->pacer = pacer ? std::move(pacer) : std::make_shared<RatePacer>(session->api->requestsPerSecond);
    return session;
}

Result<QUrl> Session::listUrl(const ListSpec &list) const
{
    return url(list.path, list.query, {});
}

Result<QUrl> Session::url(const QString &pathTemplate, const QList<std::pair<QString, QString>> &queryTemplate,
                          const QHash<QString, QString> &values) const
{
    Result<QString> path = fillPlaceholders(kind, settings, pathTemplate, true, values);
    if (!path)
        return std::unexpected(path.error());
    QUrl url = baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + *path, QUrl::TolerantMode);
    QUrlQuery query(url);
    for (const auto &[name, value] : queryTemplate) {
        Result<QString> filled = fillPlaceholders(kind, settings, value, false, values);
        if (!filled)
            return std::unexpected(filled.error());
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(*filled)));
    }
    url.setQuery(query);
    return url;
}

Result<QJsonValue> Session::fill(const QJsonValue &bodyTemplate, const QHash<QString, QString> &values) const
{
    if (bodyTemplate.isString()) {
        Result<QString> text = fillPlaceholders(kind, settings, bodyTemplate.toString(), false, values);
        return text ? Result<QJsonValue>(QJsonValue(*text)) : std::unexpected(text.error());
    }
    if (bodyTemplate.isArray()) {
        QJsonArray array;
        for (const QJsonValue item : bodyTemplate.toArray()) {
            Result<QJsonValue> filled = fill(item, values);
            if (!filled)
                return filled;
            array.append(*filled);
        }
        return array;
    }
    if (bodyTemplate.isObject()) {
        QJsonObject object = bodyTemplate.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            Result<QJsonValue> filled = fill(it.value(), values);
            if (!filled)
                return filled;
            it.value() = *filled;
        }
        return object;
    }
    return bodyTemplate;
}

bool Session::sameOrigin(const QUrl &url) const
{
    const int defaultPort = baseUrl.scheme() == QLatin1String("https") ? 443 : 80;
    return url.scheme() == baseUrl.scheme() && url.host().compare(baseUrl.host(), Qt::CaseInsensitive) == 0
        && url.port(defaultPort) == baseUrl.port(defaultPort);
}

HttpRequest Session::request(const QUrl &url, const QString &source, bool isPublic) const
{
    HttpRequest request;
    request.url = url;
    request.source = source;
    request.caCertificates = caCertificates;
    request.localSocket = localSocket;
    request.headers = api->headers;
    const bool hasAccept = std::any_of(request.headers.cbegin(), request.headers.cend(),
                                       [](const auto &header) { return header.first.compare("Accept", Qt::CaseInsensitive) == 0; });
    if (!hasAccept)
        request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    if (isPublic || !authenticated)
        return request;
    request.carriesCredential = true;
    if (api->signer)   // signed when it leaves, so that the timestamp is current
        return request;
    switch (api->auth.scheme) {
    case AuthScheme::None:
        request.carriesCredential = false;
        break;
    case AuthScheme::Bearer:
        request.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + secret.bytes()});
        break;
    case AuthScheme::Basic: {
        const QString user = api->auth.usernameField.isEmpty() ? QString() : settings.value(api->auth.usernameField).toString();
        QByteArray pair = user.toUtf8() + ':' + secret.bytes();
        request.headers.append({QByteArrayLiteral("Authorization"), "Basic " + pair.toBase64()});
        pair.fill('\0');
        break;
    }
    case AuthScheme::Header:
        request.headers.append({api->auth.name.toLatin1(), api->auth.prefix.toUtf8() + secret.bytes()});
        break;
    case AuthScheme::Query: {
        QUrlQuery query(request.url);
        query.removeAllQueryItems(api->auth.name);
        query.addQueryItem(api->auth.name, QString::fromLatin1(QUrl::toPercentEncoding(secret.toString())));
        request.url.setQuery(query);
        break;
    }
    }
    return request;
}

void Session::send(HttpRequest request, QObject *context, HttpClient::Done done)
{
    const qint64 delayMs = pacer->delayFor(clock->nowMs());
    auto go = [self = shared_from_this(), request = std::move(request), context, done = std::move(done)]() mutable {
        self->sign(request);
        self->http->send(std::move(request), context, std::move(done));
    };
    if (delayMs > 0)
        clock->schedule(delayMs, context, std::move(go));
    else
        go();
}

void Session::sign(HttpRequest &request) const
{
    if (!authenticated || !api->signer || !request.carriesCredential)
        return;
    const qint64 timestamp = (clock->nowMs() + serverTimeOffsetMs) / 1000;
    request.headers.append({QByteArrayLiteral("X-Ovh-Application"), ovhApplicationKey.bytes()});
    request.headers.append({QByteArrayLiteral("X-Ovh-Consumer"), ovhConsumerKey.bytes()});
    request.headers.append({QByteArrayLiteral("X-Ovh-Timestamp"), QByteArray::number(timestamp)});
    request.headers.append({QByteArrayLiteral("X-Ovh-Signature"),
                            ovhSignature(ovhApplicationSecret.bytes(), ovhConsumerKey.bytes(), request.method, request.url.toEncoded(),
                                         request.body, timestamp)});
}

void Session::syncServerTime(QObject *context, std::function<void(Result<void>)> done)
{
    QUrl url = baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + api->signer->timePath);
    HttpRequest time = request(url, QStringLiteral("%1 server time").arg(name), true);
    const qint64 askedAtMs = clock->nowMs();
    send(std::move(time), context, [self = shared_from_this(), askedAtMs, done = std::move(done)](Result<HttpResponse> response) {
        if (!response)
            return done(std::unexpected(response.error()));
        bool ok = false;
        const qint64 serverSeconds = response->body.trimmed().toLongLong(&ok);
        if (!ok)
            return done(fail(ErrorClass::BadData, QStringLiteral("%1 server time: expected epoch seconds").arg(self->name)));
        self->serverTimeOffsetMs = serverSeconds * 1000 - askedAtMs;
        done({});
    });
}

} // namespace fleetscope::generic

namespace fleetscope::generic {

void afterServerTime(const std::shared_ptr<Session> &session, QObject *context, std::function<void(Result<void>)> next)
{
    if (!session->authenticated || !session->api->signer) {
        QMetaObject::invokeMethod(context, [next = std::move(next)] { next({}); }, Qt::QueuedConnection);
        return;
    }
    session->syncServerTime(context, std::move(next));
}

} // namespace fleetscope::generic
