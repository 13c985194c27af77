// Connection tests per provider kind.
#include "connectiontest.h"

#include "http/httpclient.h"
#include "providers/runpod/runpodcollector.h"
#include "providers/runpod/runpodparse.h"

#include <QJsonDocument>

namespace fleetscope {

void testConnection(HttpClient &http, const ConnectionRecord &connection, const Secret &secret, QObject *context,
                    std::function<void(Result<QString>)> done)
{
    if (connection.kind != QLatin1String("runpod")) {
        QMetaObject::invokeMethod(context, [done, kind = connection.kind] {
            done(fail(ErrorClass::Config, QStringLiteral("no connection test for provider kind '%1'").arg(kind)));
        }, Qt::QueuedConnection);
        return;
    }
    Result<runpod::Settings> settings = runpod::Settings::fromJson(connection.settings);
    if (!settings) {
        QMetaObject::invokeMethod(context, [done, error = settings.error()] { done(std::unexpected(error)); }, Qt::QueuedConnection);
        return;
    }
    HttpRequest request;
    request.method = "POST";
    request.url = settings->graphqlUrl;
    request.headers = {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + secret.bytes()}};
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("query"), QStringLiteral("query Test { myself { id } }")}}).toJson(QJsonDocument::Compact);
    request.carriesCredential = true;
    request.maxAttempts = 2;
    request.source = QStringLiteral("runpod graphql");
    http.send(request, context, [done](Result<HttpResponse> response) {
        if (!response)
            return done(std::unexpected(response.error()));
        Result<QJsonObject> data = runpod::graphqlData(response->body, QStringLiteral("runpod graphql"));
        if (!data)
            return done(std::unexpected(data.error()));
        const QString id = data->value(QStringLiteral("myself")).toObject().value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            return done(fail(ErrorClass::BadData, QStringLiteral("runpod graphql: no account in the answer")));
        done(QStringLiteral("RunPod account %1").arg(id));
    });
}

} // namespace fleetscope
