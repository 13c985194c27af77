// RunPod launches: the REST create-pod body (gpuTypeIds, gpuCount, cloudType, computeType,
// imageName, name, interruptible, dataCenterIds) and the pod object it answers with.
#include "runpodlaunch.h"

#include "credentials/credentials.h"
#include "providers/generic/genericactions.h"
#include "runpodcollector.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fleetscope::runpod {
namespace {

Result<LaunchPreview> preview(const ConnectionRecord &connection, const LaunchRequest &request)
{
    Result<Settings> settings = Settings::fromJson(connection.settings);
    if (!settings)
        return std::unexpected(settings.error());
    if (request.plan.isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("RunPod's launch needs a GPU type id"));
    QJsonObject body{{QStringLiteral("name"), request.name},
                     {QStringLiteral("imageName"), request.image},
                     {QStringLiteral("computeType"), QStringLiteral("GPU")},
                     {QStringLiteral("gpuTypeIds"), QJsonArray{request.plan}},
                     {QStringLiteral("gpuCount"), request.gpuCount},
                     {QStringLiteral("cloudType"), request.tier == QLatin1String("community") ? QStringLiteral("COMMUNITY") : QStringLiteral("SECURE")},
                     {QStringLiteral("interruptible"), request.spot}};
    if (!request.region.isEmpty())
        body.insert(QStringLiteral("dataCenterIds"), QJsonArray{request.region});
    LaunchPreview preview;
    preview.method = "POST";
    preview.url = settings->restUrl;
    preview.url.setPath(preview.url.path() + QStringLiteral("/pods"));
    preview.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return preview;
}

QString sourceOf(const ConnectionRecord &connection, const LaunchRequest &request)
{
    return QStringLiteral("%1 launch %2").arg(connection.name, request.plan.left(80));
}

} // namespace

Result<LaunchPreview> launchPreview(const ConnectionRecord &connection, const LaunchRequest &request)
{
    Result<LaunchPreview> built = preview(connection, request);
    if (!built)
        return fail(built.error().kind, sourceOf(connection, request) + QStringLiteral(": ") + built.error().message);
    return built;
}

PodActionJob launchJob(const ConnectionRecord &connection, const LaunchRequest &request)
{
    return [connection, request](HttpClient &http, QObject *context, std::function<void(Result<QString>)> done) {
        const QString source = sourceOf(connection, request);
        Result<LaunchPreview> built = runpod::launchPreview(connection, request);
        if (!built)
            return generic::failLater(context, done, built.error());
        SecretRef::forConnection(connection).resolve(Credentials(), context, [&http, built = *built, source, context, done](Result<Secret> key) {
            if (!key)
                return done(std::unexpected(key.error()));
            HttpRequest call;
            call.url = built.url;
            call.method = built.method;
            call.body = built.body;
            call.headers = {{"Authorization", "Bearer " + key->bytes()}, {"Content-Type", "application/json"}};
            call.carriesCredential = true;
            call.source = source;
            call.maxAttempts = 1;   // a launch is never repeated behind the user's back: it could start two pods
            call.explainError = [](int, QByteArrayView answer, Error &error) {
                if (const QString message = generic::providerErrorMessage(answer); !message.isEmpty())
                    error.message += QStringLiteral(": ") + message;
            };
            http.send(call, context, [source, done](Result<HttpResponse> response) {
                if (!response)
                    return done(std::unexpected(response.error()));
                const QString id = QJsonDocument::fromJson(response->body).object().value(QStringLiteral("id")).toString();
                if (id.isEmpty())
                    return done(fail(ErrorClass::BadData, QStringLiteral("%1: accepted, but the reply has no pod id; check the RunPod console").arg(source)));
                done(id);
            });
        });
    };
}

} // namespace fleetscope::runpod
