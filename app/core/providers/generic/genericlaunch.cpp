// Descriptor launches: the launch values, the body template filled (optional members dropped,
// numbers as numbers), the request sent once, and the new instance's id read from the reply.
#include "genericlaunch.h"

#include "descriptoractions.h"
#include "genericactions.h"
#include "http/clock.h"
#include "mapping.h"
#include "registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

namespace fleetscope::generic {
namespace {

const Descriptor *launchDescriptor(const QString &kind)
{
    const DescriptorEntry *entry = findDescriptor(kind);
    return entry && entry->descriptor.api && entry->descriptor.api->launch ? &entry->descriptor : nullptr;
}

// What a launch value is called when it is missing.
QString described(const QString &name)
{
    static const QHash<QString, QString> words{{QStringLiteral("name"), QStringLiteral("a name")},
                                               {QStringLiteral("region"), QStringLiteral("a region")},
                                               {QStringLiteral("plan"), QStringLiteral("a plan (instance type)")},
                                               {QStringLiteral("image"), QStringLiteral("an image")},
                                               {QStringLiteral("gpu_count"), QStringLiteral("a GPU count")},
                                               {QStringLiteral("ssh_key"), QStringLiteral("the name of an SSH key in the account")}};
    return words.value(name, name);
}

// The provider's own region for REGION: the key of the descriptor's region table that shows as it.
QString providerRegion(const ApiSpec &api, const QString &region)
{
    for (auto it = api.regions.cbegin(); it != api.regions.cend(); ++it) {
        if (it.value() == region)
            return it.key();
    }
    return region;
}

QHash<QString, QString> launchValues(const ApiSpec &api, const LaunchRequest &request)
{
    QHash<QString, QString> values;
    auto put = [&values](const QString &key, const QString &value) {
        if (!value.trimmed().isEmpty())
            values.insert(key, value.trimmed());
    };
    put(QStringLiteral("name"), request.name);
    put(QStringLiteral("region"), providerRegion(api, request.region));
    put(QStringLiteral("plan"), request.plan);
    put(QStringLiteral("image"), request.image);
    put(QStringLiteral("gpu_count"), QString::number(request.gpuCount));
    put(QStringLiteral("ssh_key"), request.sshKey);
    return values;
}

// TEMPLATE filled from VALUES: a member or element that uses an optional value without one is left
// out (nullopt), and so is an array left empty by that; a string that is just a number placeholder
// becomes a JSON number.
Result<std::optional<QJsonValue>> fillBody(const Session &session, const LaunchSpec &spec, const QJsonValue &bodyTemplate,
                                           const QHash<QString, QString> &values)
{
    if (bodyTemplate.isString()) {
        const QString text = bodyTemplate.toString();
        QStringList names;
        for (const QRegularExpressionMatch &match : placeholderPattern().globalMatch(text))
            names << match.captured(1);
        for (const QString &name : std::as_const(names)) {
            if (spec.optional.contains(name) && !values.contains(name))
                return std::optional<QJsonValue>();
        }
        Result<QJsonValue> filled = session.fill(bodyTemplate, values);
        if (!filled)
            return std::unexpected(filled.error());
        if (names.size() == 1 && text == QLatin1Char('{') + names.first() + QLatin1Char('}') && spec.numbers.contains(names.first())) {
            bool ok = false;
            const double number = filled->toString().toDouble(&ok);
            if (!ok)
                return fail(ErrorClass::Config, QStringLiteral("%1: expected a number, got '%2'").arg(names.first(), filled->toString().left(80)));
            return std::optional<QJsonValue>(number);
        }
        return std::optional<QJsonValue>(*filled);
    }
    if (bodyTemplate.isArray()) {
        QJsonArray array;
        for (const QJsonValue item : bodyTemplate.toArray()) {
            Result<std::optional<QJsonValue>> filled = fillBody(session, spec, item, values);
            if (!filled)
                return filled;
            if (*filled)
                array.append(**filled);
        }
        if (array.isEmpty() && !bodyTemplate.toArray().isEmpty())
            return std::optional<QJsonValue>();   // every element dropped: so is the member ("ssh_keys": [])
        return std::optional<QJsonValue>(array);
    }
    if (bodyTemplate.isObject()) {
        QJsonObject object;
        const QJsonObject source = bodyTemplate.toObject();
        for (auto it = source.begin(); it != source.end(); ++it) {
            Result<std::optional<QJsonValue>> filled = fillBody(session, spec, it.value(), values);
            if (!filled)
                return filled;
            if (*filled)
                object.insert(it.key(), **filled);
        }
        return std::optional<QJsonValue>(object);
    }
    return std::optional<QJsonValue>(bodyTemplate);
}

struct PreparedLaunch {
    std::shared_ptr<Session> session;
    LaunchSpec spec;
    QUrl url;
    std::optional<QJsonValue> body;
};

Result<PreparedLaunch> prepare(const ConnectionRecord &connection, const LaunchRequest &request, Secret secret, HttpClient &http)
{
    if (Result<void> available = genericLaunchAvailable(connection.kind); !available)
        return std::unexpected(available.error());
    const Descriptor &descriptor = *launchDescriptor(connection.kind);
    const QString provider = descriptor.kind.displayName;
    if (request.spot)
        return fail(ErrorClass::Config, QStringLiteral("%1 has no spot instances to launch in Fleetscope").arg(provider));
    PreparedLaunch prepared;
    prepared.spec = *descriptor.api->launch;
    const QHash<QString, QString> values = launchValues(*descriptor.api, request);
    const QStringList launchNames = launchPlaceholders();
    for (const QString &name : placeholdersOf(prepared.spec.request)) {
        if (launchNames.contains(name) && !prepared.spec.optional.contains(name) && !values.contains(name))
            return fail(ErrorClass::Config, QStringLiteral("%1's launch needs %2").arg(provider, described(name)));
    }
    Result<std::shared_ptr<Session>> session = Session::create(descriptor.kind, descriptor.api, connection, std::move(secret), http, nullptr);
    if (!session)
        return std::unexpected(session.error());
    prepared.session = *session;
    Result<QUrl> url = prepared.session->url(prepared.spec.request.path, prepared.spec.request.query, values);
    if (!url)
        return std::unexpected(url.error());
    prepared.url = *url;
    if (prepared.spec.request.body) {
        Result<std::optional<QJsonValue>> body = fillBody(*prepared.session, prepared.spec, *prepared.spec.request.body, values);
        if (!body)
            return std::unexpected(body.error());
        prepared.body = *body;
    }
    return prepared;
}

QString sourceOf(const ConnectionRecord &connection, const LaunchRequest &request)
{
    return QStringLiteral("%1 launch %2").arg(connection.name, request.plan.left(80));
}

} // namespace

Result<void> genericLaunchAvailable(const QString &kind)
{
    const DescriptorEntry *entry = findDescriptor(kind);
    if (!entry || !entry->descriptor.api)
        return fail(ErrorClass::Config, QStringLiteral("%1 connections cannot launch instances in Fleetscope").arg(kind));
    if (!entry->descriptor.api->launch)
        return fail(ErrorClass::Config, QStringLiteral("%1's descriptor has no launch action").arg(entry->descriptor.kind.displayName));
    return {};
}

QString genericDefaultImage(const QString &kind)
{
    const Descriptor *descriptor = launchDescriptor(kind);
    return descriptor ? descriptor->api->launch->defaultImage : QString();
}

bool launchTakesGpuCount(const QString &kind)
{
    const Descriptor *descriptor = launchDescriptor(kind);
    return descriptor && placeholdersOf(descriptor->api->launch->request).contains(QStringLiteral("gpu_count"));
}

Result<LaunchPreview> genericLaunchPreview(const ConnectionRecord &connection, const LaunchRequest &request)
{
    QNetworkAccessManager nam;
    SystemClock clock;
    HttpClient http(&nam, clock);
    Result<PreparedLaunch> prepared = prepare(connection, request, Secret(), http);   // no secret: nothing is sent
    if (!prepared)
        return fail(prepared.error().kind, sourceOf(connection, request) + QStringLiteral(": ") + prepared.error().message);
    LaunchPreview preview;
    preview.method = prepared->spec.request.method;
    preview.url = prepared->url;
    if (prepared->body)
        preview.body = compactBody(*prepared->body);
    return preview;
}

PodActionJob genericLaunchJob(const ConnectionRecord &connection, const LaunchRequest &request)
{
    return [connection, request](HttpClient &http, QObject *context, std::function<void(Result<QString>)> done) {
        const QString source = sourceOf(connection, request);
        withSecret(connection, context, [&http, connection, request, source, context, done](Result<Secret> secret) {
            if (!secret)
                return done(std::unexpected(secret.error()));
            Result<PreparedLaunch> prepared = prepare(connection, request, std::move(*secret), http);
            if (!prepared)
                return failLater(context, done, Error::make(prepared.error().kind, source + QStringLiteral(": ") + prepared.error().message));
            const std::optional<JsonPath> idPath = prepared->spec.instanceId;
            sendAction(prepared->session, prepared->spec.request, prepared->url, prepared->body, source, context,
                       [source, idPath, done](Result<HttpResponse> response) {
                if (!response)
                    return done(std::unexpected(response.error()));
                const QJsonDocument reply = QJsonDocument::fromJson(response->body);
                const QJsonValue root = reply.isArray() ? QJsonValue(reply.array()) : QJsonValue(reply.object());
                const QString id = textOf(idPath->evaluate(root)).value_or(QString());
                if (id.isEmpty())
                    return done(fail(ErrorClass::BadData, QStringLiteral("%1: accepted, but the reply has no instance id at %2; check the provider's console")
                                                              .arg(source, idPath->text())));
                done(id);
            });
        });
    };
}

} // namespace fleetscope::generic
