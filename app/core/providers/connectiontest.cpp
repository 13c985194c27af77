// Connection tests per provider kind.
#include "connectiontest.h"

#include "http/clock.h"
#include "http/httpclient.h"
#include "providers/localgpu/localgpu.h"
#include "providers/generic/genericcollector.h"
#include "providers/monitoring/metricsendpoint.h"
#include "providers/monitoring/prometheus.h"
#include "providers/runpod/runpodcollector.h"
#include "providers/runpod/runpodparse.h"

#include <QJsonDocument>

namespace fleetscope {

namespace {

// Answers DONE with ERROR later, as every test answers.
void failLater(QObject *context, const std::function<void(Result<QString>)> &done, const Error &error)
{
    QMetaObject::invokeMethod(context, [done, error] { done(std::unexpected(error)); }, Qt::QueuedConnection);
}

void testRunPod(HttpClient &http, const ConnectionRecord &connection, const Secret &secret, QObject *context,
                std::function<void(Result<QString>)> done)
{
    Result<runpod::Settings> settings = runpod::Settings::fromJson(connection.settings);
    if (!settings)
        return failLater(context, done, settings.error());
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

void testMetricsEndpoint(HttpClient &http, const ConnectionRecord &connection, const Secret &secret, QObject *context,
                         std::function<void(Result<QString>)> done)
{
    Result<metricsendpoint::Settings> settings = metricsendpoint::Settings::fromJson(connection.settings);
    if (!settings)
        return failLater(context, done, settings.error());
    metricsendpoint::scrapeOnce(http, http.clock(), *settings, connection.id, secret, context, [done](Result<metricsendpoint::Scrape> scrape) {
        if (!scrape)
            return done(std::unexpected(scrape.error()));
        done(scrape->describe());
    });
}

void testPrometheus(HttpClient &http, const ConnectionRecord &connection, const Secret &secret, QObject *context,
                    std::function<void(Result<QString>)> done)
{
    Result<prometheus::Settings> settings = prometheus::Settings::fromJson(connection.settings);
    if (!settings)
        return failLater(context, done, settings.error());
    prometheus::testServer(http, *settings, secret, context, std::move(done));
}

void testLocalGpu(const ConnectionRecord &connection, QObject *context, std::function<void(Result<QString>)> done)
{
    Result<localgpu::Settings> settings = localgpu::Settings::fromJson(connection.settings);
    if (!settings)
        return failLater(context, done, settings.error());
    localgpu::testConnection(*settings, context, std::move(done));
}

} // namespace

void testConnection(HttpClient &http, const ConnectionRecord &connection, const Secret &secret, QObject *context,
                    std::function<void(Result<QString>)> done)
{
    if (connection.kind == QLatin1String("runpod"))
        return testRunPod(http, connection, secret, context, std::move(done));
    if (connection.kind == QLatin1String("metrics-endpoint"))
        return testMetricsEndpoint(http, connection, secret, context, std::move(done));
    if (connection.kind == QLatin1String("prometheus"))
        return testPrometheus(http, connection, secret, context, std::move(done));
    if (connection.kind == QLatin1String("local-gpu"))
        return testLocalGpu(connection, context, std::move(done));
    if (generic::isGenericKind(connection.kind))
        return generic::testGenericConnection(http, connection, secret, context, std::move(done));
    failLater(context, done, Error::make(ErrorClass::Config, QStringLiteral("no connection test for provider kind '%1'").arg(connection.kind)));
}

} // namespace fleetscope
