// RunPod pod lifecycle requests and their answers.
#include "runpodlifecycle.h"

#include "credentials/credentials.h"
#include "http/httpclient.h"
#include "runpodparse.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace fleetscope::runpod {
namespace {

QString mutationFor(PodAction action, const QString &podId, int gpuCount)
{
    switch (action) {
    case PodAction::Stop:
        return QStringLiteral("mutation { podStop(input: {podId: \"%1\"}) { id desiredStatus } }").arg(podId);
    case PodAction::Resume:
        return QStringLiteral("mutation { podResume(input: {podId: \"%1\", gpuCount: %2}) { id desiredStatus } }").arg(podId).arg(std::max(1, gpuCount));
    case PodAction::Terminate:
        return QStringLiteral("mutation { podTerminate(input: {podId: \"%1\"}) }").arg(podId);
    case PodAction::Reboot:
        break;
    }
    return {};
}

} // namespace

void podAction(HttpClient &http, const Settings &settings, const Secret &apiKey, const QString &podId, PodAction action,
               int gpuCount, QObject *context, std::function<void(Result<QString>)> done)
{
    const QString source = QStringLiteral("runpod %1 %2").arg(podActionName(action), podId);
    // Pod ids go into a query and a path: accept only what RunPod issues.
    static const QRegularExpression validId(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (action == PodAction::Reboot) {
        QMetaObject::invokeMethod(context, [done, source] { done(fail(ErrorClass::Config, source.left(60) + QStringLiteral(": RunPod has no reboot"))); },
                                  Qt::QueuedConnection);
        return;
    }
    if (!validId.match(podId).hasMatch()) {
        QMetaObject::invokeMethod(context, [done, source] { done(fail(ErrorClass::Config, source.left(60) + QStringLiteral(": not a pod id"))); },
                                  Qt::QueuedConnection);
        return;
    }
    HttpRequest request;
    request.headers = {{"Authorization", "Bearer " + apiKey.bytes()}};
    request.carriesCredential = true;
    request.source = source;
    request.maxAttempts = 1;   // a lifecycle call is not repeated behind the user's back
    const bool rest = settings.transport == Transport::Rest;
    if (rest) {
        QUrl url = settings.restUrl;
        const QString suffix = action == PodAction::Stop ? QStringLiteral("/stop") : action == PodAction::Resume ? QStringLiteral("/start") : QString();
        url.setPath(url.path() + QStringLiteral("/pods/") + podId + suffix);
        request.url = url;
        request.method = action == PodAction::Terminate ? QByteArray("DELETE") : QByteArray("POST");
    } else {
        request.url = settings.graphqlUrl;
        request.method = "POST";
        request.headers.append(std::pair{QByteArray("Content-Type"), QByteArray("application/json")});
        request.body = QJsonDocument(QJsonObject{{QStringLiteral("query"), mutationFor(action, podId, gpuCount)}}).toJson(QJsonDocument::Compact);
    }
    http.send(request, context, [rest, action, source, done](Result<HttpResponse> response) {
        if (!response)
            return done(std::unexpected(response.error()));
        const QString terminated = QStringLiteral("TERMINATED");
        if (rest) {
            const QJsonObject pod = QJsonDocument::fromJson(response->body).object();
            const QString status = pod.value(QStringLiteral("desiredStatus")).toString();
            return done(action == PodAction::Terminate ? terminated : status);
        }
        Result<QJsonObject> data = graphqlData(response->body, source);
        if (!data)
            return done(std::unexpected(data.error()));
        if (action == PodAction::Terminate)
            return done(terminated);
        const QString field = action == PodAction::Stop ? QStringLiteral("podStop") : QStringLiteral("podResume");
        done(data->value(field).toObject().value(QStringLiteral("desiredStatus")).toString());
    });
}

std::function<void(HttpClient &, QObject *, std::function<void(Result<QString>)>)>
podActionJob(ConnectionRecord connection, QString podId, PodAction action, int gpuCount)
{
    return [connection = std::move(connection), podId = std::move(podId), action, gpuCount](
               HttpClient &http, QObject *context, std::function<void(Result<QString>)> done) {
        Result<Settings> settings = Settings::fromJson(connection.settings);
        if (!settings)
            return done(std::unexpected(settings.error()));
        SecretRef::forConnection(connection).resolve(Credentials(), context,
            [&http, settings = *settings, podId, action, gpuCount, context, done](Result<Secret> key) {
                if (!key)
                    return done(std::unexpected(key.error()));
                podAction(http, settings, *key, podId, action, gpuCount, context, done);
            });
    };
}

} // namespace fleetscope::runpod
