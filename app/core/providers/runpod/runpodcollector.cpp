// RunPod cycle: requests, bounded parallel health polling, assembly of one WriteBatch.
#include "runpodcollector.h"

#include "credentials/credentials.h"
#include "http/clock.h"
#include "http/httpclient.h"
#include "runpodparse.h"

#include <QJsonDocument>
#include <QPointer>

#include <memory>

namespace fleetscope::runpod {
namespace {

constexpr auto kMyselfQuery =
    "query Fleet { myself { id clientBalance currentSpendPerHr spendLimit"
    " pods { id name desiredStatus imageName costPerHr adjustedCostPerHr gpuCount vcpuCount memoryInGb volumeInGb"
    " containerDiskInGb machine { gpuDisplayName location } runtime { uptimeInSeconds gpus { id gpuUtilPercent memoryUtilPercent } } }"
    " endpoints { id name gpuIds workersMin workersMax idleTimeout scalerType scalerValue locations templateId } } }";
constexpr auto kGpuTypesQuery =
    "query Gpus { gpuTypes { id displayName memoryInGb secureCloud communityCloud securePrice communityPrice"
    " secureSpotPrice communitySpotPrice lowestPrice(input: {gpuCount: 1}) { minimumBidPrice uninterruptablePrice stockStatus } } }";

HttpRequest graphqlRequest(const Settings &settings, const Secret &key, const char *query, const QString &source)
{
    HttpRequest request;
    request.method = "POST";
    request.url = settings.graphqlUrl;
    request.headers = {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + key.bytes()}};
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("query"), QString::fromLatin1(query)}}).toJson(QJsonDocument::Compact);
    request.carriesCredential = true;
    request.source = source;
    return request;
}

// Shared state of one cycle; lives as long as its last request.
struct CycleState {
    Settings settings;
    qint64 connectionId = 0;
    Secret key;
    QPointer<QObject> context;
    HttpClient *http = nullptr;
    const Clock *clock = nullptr;
    std::function<void(Result<CycleResult>)> done;
    CycleResult result;
    QDateTime ts;
    bool finished = false;
    bool accountDone = false;
    bool catalogDone = false;
    bool healthDone = false;
    QStringList healthQueue;
    int healthPending = 0;
    qint64 healthStartMs = 0;
    qint64 healthRows = 0;

    void finish(Result<CycleResult> outcome)
    {
        if (finished)
            return;
        finished = true;
        key.clear();
        done(std::move(outcome));
    }
    void finishWhenComplete()
    {
        if (accountDone && catalogDone && healthDone)
            finish(std::move(result));
    }
    void healthComplete()
    {
        result.parts << PartSummary{QStringLiteral("endpoint-health"), healthRows, clock->nowMs() - healthStartMs};
        healthDone = true;
        finishWhenComplete();
    }
};

void pollNextHealth(const std::shared_ptr<CycleState> &state);

void startHealth(const std::shared_ptr<CycleState> &state, QStringList endpoints)
{
    state->healthQueue = std::move(endpoints);
    state->healthStartMs = state->clock->nowMs();
    if (state->healthQueue.isEmpty())
        return state->healthComplete();
    const int parallel = std::max(1, std::min<int>(state->settings.healthConcurrency, int(state->healthQueue.size())));
    for (int i = 0; i < parallel; ++i)
        pollNextHealth(state);
}

void pollNextHealth(const std::shared_ptr<CycleState> &state)
{
    if (state->finished || !state->context)
        return;
    if (state->healthQueue.isEmpty()) {
        if (state->healthPending == 0 && !state->healthDone)
            state->healthComplete();
        return;
    }
    const QString endpointId = state->healthQueue.takeFirst();
    HttpRequest request;
    QUrl url = state->settings.serverlessUrl;
    url.setPath(url.path() + QLatin1Char('/') + endpointId + QStringLiteral("/health"));
    request.url = url;
    request.headers = {{"Authorization", "Bearer " + state->key.bytes()}};
    request.carriesCredential = true;
    request.source = QStringLiteral("runpod serverless health");
    ++state->healthPending;
    state->http->send(request, state->context, [state, endpointId](Result<HttpResponse> response) {
        --state->healthPending;
        if (!response)
            return state->finish(std::unexpected(response.error()));
        Result<EndpointHealth> health = parseHealth(response->body, QStringLiteral("runpod serverless health (%1)").arg(endpointId),
                                                    state->ts, state->connectionId, endpointId);
        if (!health)
            return state->finish(std::unexpected(health.error()));
        state->result.batch.endpointHealth << *health;
        ++state->healthRows;
        pollNextHealth(state);
    });
}

} // namespace

Result<Settings> Settings::fromJson(const QJsonObject &json)
{
    Settings settings;
    const QString transport = json.value(QStringLiteral("transport")).toString();
    if (transport == QLatin1String("rest"))
        settings.transport = Transport::Rest;
    else if (!transport.isEmpty() && transport != QLatin1String("graphql"))
        return fail(ErrorClass::Config, QStringLiteral("transport: expected graphql or rest"));
    const std::pair<const char *, QUrl *> urls[] = {
        {"graphql_url", &settings.graphqlUrl}, {"rest_url", &settings.restUrl}, {"serverless_url", &settings.serverlessUrl}};
    for (const auto &[key, target] : urls) {
        const QString text = json.value(QString::fromLatin1(key)).toString();
        if (text.isEmpty())
            continue;
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) || url.host().isEmpty())
            return fail(ErrorClass::Config, QStringLiteral("%1: not an http(s) URL").arg(QString::fromLatin1(key)));
        *target = url.adjusted(QUrl::StripTrailingSlash);
    }
    const std::pair<const char *, int *> numbers[] = {
        {"collection_interval_seconds", &settings.collectionIntervalSeconds}, {"health_poll_seconds", &settings.healthPollSeconds}};
    for (const auto &[key, target] : numbers) {
        const QJsonValue value = json.value(QString::fromLatin1(key));
        if (value.isUndefined() || value.isNull())
            continue;
        const std::optional<qint64> n = integer(value);
        if (!n || *n < 10 || *n > 86'400)
            return fail(ErrorClass::Config, QStringLiteral("%1: expected seconds between 10 and 86400").arg(QString::fromLatin1(key)));
        *target = int(*n);
    }
    return settings;
}

void runCycle(HttpClient &http, const Clock &clock, const Settings &settings, qint64 connectionId, const Secret &apiKey,
              bool full, const QStringList &knownEndpoints, QObject *context, std::function<void(Result<CycleResult>)> done)
{
    auto state = std::make_shared<CycleState>();
    state->settings = settings;
    state->connectionId = connectionId;
    state->key = apiKey;
    state->context = context;
    state->http = &http;
    state->clock = &clock;
    state->done = std::move(done);
    state->ts = QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC);
    if (!full) {
        state->accountDone = state->catalogDone = true;
        startHealth(state, knownEndpoints);
        return;
    }
    const qint64 startMs = clock.nowMs();
    http.send(graphqlRequest(settings, apiKey, kMyselfQuery, QStringLiteral("runpod graphql myself")), context,
              [state, startMs](Result<HttpResponse> response) {
        if (!response)
            return state->finish(std::unexpected(response.error()));
        Result<QJsonObject> data = graphqlData(response->body, QStringLiteral("runpod graphql myself"));
        if (!data)
            return state->finish(std::unexpected(data.error()));
        const QJsonObject myself = data->value(QStringLiteral("myself")).toObject();
        if (myself.isEmpty())
            return state->finish(fail(ErrorClass::BadData, QStringLiteral("runpod graphql myself: answer without 'myself'")));
        const qint64 ms = state->clock->nowMs() - startMs;
        WriteBatch &batch = state->result.batch;
        batch.billing << parseBilling(myself, state->ts, state->connectionId);
        batch.instances = parsePods(myself, state->ts, state->connectionId);
        batch.endpoints = parseEndpoints(myself, state->ts, state->connectionId);
        state->result.parts << PartSummary{QStringLiteral("billing"), 1, ms} << PartSummary{QStringLiteral("pods"), batch.instances.size(), ms}
                            << PartSummary{QStringLiteral("endpoints"), batch.endpoints.size(), ms};
        state->accountDone = true;
        QStringList ids;
        for (const EndpointSnapshot &endpoint : std::as_const(batch.endpoints))
            ids << endpoint.endpointId;
        startHealth(state, ids);
    });
    http.send(graphqlRequest(settings, apiKey, kGpuTypesQuery, QStringLiteral("runpod graphql gpuTypes")), context,
              [state, startMs](Result<HttpResponse> response) {
        if (!response)
            return state->finish(std::unexpected(response.error()));
        Result<QJsonObject> data = graphqlData(response->body, QStringLiteral("runpod graphql gpuTypes"));
        if (!data)
            return state->finish(std::unexpected(data.error()));
        state->result.batch.offers = parseGpuTypes(*data, state->ts);
        state->result.parts << PartSummary{QStringLiteral("gpu-catalog"), state->result.batch.offers.size(), state->clock->nowMs() - startMs};
        state->catalogDone = true;
        state->finishWhenComplete();
    });
}

RunPodCollector::RunPodCollector(Settings settings, SecretRef secret)
    : m_settings(std::move(settings)), m_secret(std::move(secret))
{
}

int RunPodCollector::schedulerCadenceSeconds(const Settings &settings)
{
    return std::min(settings.healthPollSeconds, settings.collectionIntervalSeconds);
}

void RunPodCollector::collect(CollectContext &context, Done done)
{
    const bool full = m_lastFullMs == 0 || context.clock().nowMs() - m_lastFullMs >= m_settings.collectionIntervalSeconds * 1000LL - 1000;
    CollectContext *ctx = &context;
    m_secret.resolve(Credentials(), &context, [this, ctx, full, done = std::move(done)](Result<Secret> key) {
        if (!key)
            return done(std::unexpected(key.error()));
        runCycle(ctx->http(), ctx->clock(), m_settings, ctx->connection().id, *key, full, m_endpoints, ctx,
                 [this, ctx, full, done](Result<CycleResult> result) {
            if (!result)
                return done(std::unexpected(result.error()));
            if (full) {
                m_lastFullMs = ctx->clock().nowMs();
                m_endpoints.clear();
                for (const EndpointSnapshot &endpoint : std::as_const(result->batch.endpoints))
                    m_endpoints << endpoint.endpointId;
            }
            result->batch.source = ctx->connection().name + (full ? QStringLiteral(" full cycle") : QStringLiteral(" health"));
            done(std::move(result->batch));
        });
    });
}

} // namespace fleetscope::runpod
