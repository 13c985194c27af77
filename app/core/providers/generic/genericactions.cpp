// Descriptor actions: availability per instance, the request, and what its answer means.
#include "genericactions.h"

#include "credentials/credentials.h"
#include "credentials/secretref.h"
#include "descriptoractions.h"
#include "mapping.h"
#include "registry.h"
#include "session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace fleetscope::generic {

QString providerErrorMessage(QByteArrayView body)
{
    const QJsonObject json = QJsonDocument::fromJson(body.toByteArray()).object();
    const QJsonObject error = json.value(QStringLiteral("error")).toObject();
    const QJsonObject firstError = json.value(QStringLiteral("errors")).toArray().first().toObject();
    QString text;
    for (const QJsonValue &candidate : {json.value(QStringLiteral("message")), json.value(QStringLiteral("error")), error.value(QStringLiteral("message")),
                                       firstError.value(QStringLiteral("reason")), json.value(QStringLiteral("detail"))}) {
        if (candidate.isString() && !candidate.toString().trimmed().isEmpty()) {
            text = candidate.toString();
            break;
        }
    }
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    return text.replace(spaces, QStringLiteral(" ")).trimmed().left(200);
}

QByteArray compactBody(const QJsonValue &body)
{
    return body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact) : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
}

QStringList placeholdersOf(const ActionSpec &action)
{
    QString text = action.path;
    for (const auto &[name, value] : action.query)
        text += value;
    if (action.body)
        text += QString::fromUtf8(QJsonDocument::fromVariant(action.body->toVariant()).toJson(QJsonDocument::Compact));
    QStringList names;
    for (const QRegularExpressionMatch &match : placeholderPattern().globalMatch(text))
        names << match.captured(1);
    return names;
}

QHash<QString, QString> instanceValues(const InstanceSnapshot &pod)
{
    QHash<QString, QString> values;
    auto put = [&values](const QString &key, const QString &value) {
        if (!value.isEmpty())
            values.insert(key, value);
    };
    put(QStringLiteral("id"), pod.instanceId);
    put(QStringLiteral("name"), pod.name);
    put(QStringLiteral("region"), pod.region);
    put(QStringLiteral("status"), pod.status);
    put(QStringLiteral("gpuType"), pod.gpuType);
    if (pod.gpuCount)
        put(QStringLiteral("gpuCount"), QString::number(*pod.gpuCount));
    if (pod.vcpuCount)
        put(QStringLiteral("vcpuCount"), QString::number(*pod.vcpuCount));
    for (auto it = pod.metadata.begin(); it != pod.metadata.end(); ++it)
        put(QStringLiteral("metadata.") + it.key(), textOf(it.value()).value_or(QString()));
    return values;
}

Result<void> genericActionAvailable(const InstanceSnapshot &pod, PodAction action)
{
    const DescriptorEntry *entry = findDescriptor(pod.provider);
    const QString verb = descriptorActionKey(action);
    if (!entry || !entry->descriptor.api)
        return fail(ErrorClass::Config, QStringLiteral("%1 instances have no lifecycle actions in Fleetscope").arg(pod.provider));
    const QString provider = entry->descriptor.kind.displayName;
    // The id goes into the action's path: one that would climb out of it is refused.
    if (pod.instanceId.trimmed().isEmpty() || pod.instanceId == QLatin1String(".") || pod.instanceId == QLatin1String(".."))
        return fail(ErrorClass::Config, QStringLiteral("'%1' is not an instance id %2 could act on").arg(pod.instanceId, provider));
    const auto spec = entry->descriptor.api->actions.constFind(action);
    if (spec == entry->descriptor.api->actions.cend())
        return fail(ErrorClass::Config, QStringLiteral("%1 offers no %2 action").arg(provider, verb));
    const QHash<QString, QString> values = instanceValues(pod);
    const QStringList instanceFields = instancePlaceholders(*entry->descriptor.api);
    for (const QString &name : placeholdersOf(*spec)) {
        if (instanceFields.contains(name) && !values.contains(name))
            return fail(ErrorClass::Config, QStringLiteral("%1's %2 needs the instance's %3, which this one does not have").arg(provider, verb, name));
    }
    return {};
}

void runGenericAction(HttpClient &http, const ConnectionRecord &connection, Secret secret, const InstanceSnapshot &pod, PodAction action,
                      QObject *context, std::function<void(Result<QString>)> done)
{
    const QString source = QStringLiteral("%1 %2 %3").arg(connection.name, descriptorActionKey(action), pod.instanceId.left(80));
    if (Result<void> available = genericActionAvailable(pod, action); !available)
        return failLater(context, std::move(done), Error::make(ErrorClass::Config, source + QStringLiteral(": ") + available.error().message));
    const DescriptorEntry *entry = findDescriptor(pod.provider);
    const ActionSpec &spec = *entry->descriptor.api->actions.constFind(action);
    Result<std::shared_ptr<Session>> created = Session::create(entry->descriptor.kind, entry->descriptor.api, connection, std::move(secret), http, nullptr);
    if (!created)
        return failLater(context, std::move(done), Error::make(created.error().kind, source + QStringLiteral(": ") + created.error().message));
    std::shared_ptr<Session> session = *created;
    const QHash<QString, QString> values = instanceValues(pod);
    Result<QUrl> url = session->url(spec.path, spec.query, values);
    std::optional<Result<QJsonValue>> body;
    if (spec.body)
        body = session->fill(*spec.body, values);
    if (!url || (body && !*body)) {
        const Error &error = !url ? url.error() : body->error();
        return failLater(context, std::move(done), Error::make(error.kind, source + QStringLiteral(": ") + error.message));
    }
    sendAction(session, spec, *url, body ? std::optional<QJsonValue>(**body) : std::nullopt, source, context,
               [done](Result<HttpResponse> response) { done(response ? Result<QString>(QString()) : std::unexpected(response.error())); });
}

void sendAction(const std::shared_ptr<Session> &session, const ActionSpec &spec, const QUrl &url, const std::optional<QJsonValue> &body,
                const QString &source, QObject *context, std::function<void(Result<HttpResponse>)> done)
{
    HttpRequest request = session->request(url, source);
    request.method = spec.method;
    request.maxAttempts = 1;   // a lifecycle call is not repeated behind the user's back
    for (int status : spec.success) {
        if (status >= 300)
            request.passStatuses << status;   // Docker's 304: already in the state asked for
    }
    if (body) {
        request.body = compactBody(*body);
        request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    }
    request.explainError = [](int, QByteArrayView answer, Error &error) {
        if (const QString message = providerErrorMessage(answer); !message.isEmpty())
            error.message += QStringLiteral(": ") + message;
    };
    afterServerTime(session, context, [session, request = std::move(request), success = spec.success, source, context, done](Result<void> synced) mutable {
        if (!synced)
            return done(std::unexpected(synced.error()));
        session->send(std::move(request), context, [session, success, source, done](Result<HttpResponse> response) {
            if (!response)
                return done(std::unexpected(response.error()));
            if (!success.contains(response->status)) {
                QStringList expected;
                for (int status : success)
                    expected << QString::number(status);
                return done(fail(ErrorClass::BadData, QStringLiteral("%1: answered HTTP %2, not one of the descriptor's success statuses (%3); "
                                                                     "check the instance's state")
                                                          .arg(source).arg(response->status).arg(expected.join(QStringLiteral(", ")))));
            }
            done(std::move(*response));
        });
    });
}

void withSecret(const ConnectionRecord &connection, QObject *context, std::function<void(Result<Secret>)> next)
{
    if (!usesSecret(connection))
        return next(Secret());
    SecretRef::forConnection(connection).resolve(Credentials(), context, std::move(next));
}

std::function<void(HttpClient &, QObject *, std::function<void(Result<QString>)>)>
genericActionJob(ConnectionRecord connection, InstanceSnapshot pod, PodAction action)
{
    return [connection = std::move(connection), pod = std::move(pod), action](HttpClient &http, QObject *context,
                                                                              std::function<void(Result<QString>)> done) {
        withSecret(connection, context, [&http, connection, pod, action, context, done](Result<Secret> secret) {
            if (!secret)
                return done(std::unexpected(secret.error()));
            runGenericAction(http, connection, std::move(*secret), pod, action, context, done);
        });
    };
}

} // namespace fleetscope::generic
