// RunPod cycle: requests, bounded parallel health polling, assembly of one WriteBatch.
#include "runpodcollector.h"

#include "credentials/credentials.h"
#include "http/clock.h"
#include "http/httpclient.h"
#include "runpodparse.h"
#include "runpodrest.h"

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
constexpr auto kBillingQuery = "query Billing { myself { id clientBalance currentSpendPerHr spendLimit } }";
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
    int partsPending = 0;      // account and catalog requests in flight
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
        if (partsPending == 0 && healthDone)
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

// Parses one answer into the cycle's batch (and its part summaries); MS is the request's duration.
using Parse = std::function<Result<void>(const std::shared_ptr<CycleState> &state, const QByteArray &body, qint64 ms)>;

void sendPart(const std::shared_ptr<CycleState> &state, const HttpRequest &request, Parse parse)
{
    ++state->partsPending;
    const qint64 startMs = state->clock->nowMs();
    state->http->send(request, state->context, [state, parse = std::move(parse), startMs](Result<HttpResponse> response) {
        if (!response)
            return state->finish(std::unexpected(response.error()));
        if (Result<void> parsed = parse(state, response->body, state->clock->nowMs() - startMs); !parsed)
            return state->finish(std::unexpected(parsed.error()));
        --state->partsPending;
        state->finishWhenComplete();
    });
}

void endpointsKnown(const std::shared_ptr<CycleState> &state, qint64 ms)
{
    const QList<EndpointSnapshot> &endpoints = state->result.batch.endpoints;
    state->result.parts << PartSummary{QStringLiteral("endpoints"), endpoints.size(), ms};
    QStringList ids;
    for (const EndpointSnapshot &endpoint : endpoints)
        ids << endpoint.endpointId;
    startHealth(state, ids);
}

Result<void> storeBilling(const std::shared_ptr<CycleState> &state, const QJsonObject &myself, qint64 ms)
{
    if (myself.isEmpty())
        return fail(ErrorClass::BadData, QStringLiteral("runpod graphql myself: answer without 'myself'"));
    state->result.batch.billing << parseBilling(myself, state->ts, state->connectionId);
    state->result.parts << PartSummary{QStringLiteral("billing"), 1, ms};
    return {};
}

Result<void> storeGpuTypes(const std::shared_ptr<CycleState> &state, const QByteArray &body, qint64 ms)
{
    Result<QJsonObject> data = graphqlData(body, QStringLiteral("runpod graphql gpuTypes"));
    if (!data)
        return std::unexpected(data.error());
    state->result.batch.offers = parseGpuTypes(*data, state->ts, state->connectionId);
    state->result.parts << PartSummary{QStringLiteral("gpu-catalog"), state->result.batch.offers.size(), ms};
    return {};
}

// GraphQL: one `myself` query for billing, pods and endpoints, and `gpuTypes` for the catalog.
void startGraphqlParts(const std::shared_ptr<CycleState> &state)
{
    const QString myselfSource = QStringLiteral("runpod graphql myself");
    sendPart(state, graphqlRequest(state->settings, state->key, kMyselfQuery, myselfSource),
             [myselfSource](const std::shared_ptr<CycleState> &state, const QByteArray &body, qint64 ms) -> Result<void> {
        Result<QJsonObject> data = graphqlData(body, myselfSource);
        if (!data)
            return std::unexpected(data.error());
        const QJsonObject myself = data->value(QStringLiteral("myself")).toObject();
        if (Result<void> billing = storeBilling(state, myself, ms); !billing)
            return billing;
        WriteBatch &batch = state->result.batch;
        batch.instances = parsePods(myself, state->ts, state->connectionId);
        batch.endpoints = parseEndpoints(myself, state->ts, state->connectionId);
        state->result.parts << PartSummary{QStringLiteral("pods"), batch.instances.size(), ms};
        endpointsKnown(state, ms);
        return {};
    });
    sendPart(state, graphqlRequest(state->settings, state->key, kGpuTypesQuery, QStringLiteral("runpod graphql gpuTypes")), storeGpuTypes);
}

HttpRequest restRequest(const CycleState &state, const QString &path, const QString &source)
{
    HttpRequest request;
    QUrl url = state.settings.restUrl;
    url.setPath(url.path() + path);
    request.url = url;
    request.headers = {{"Accept", "application/json"}, {"Authorization", "Bearer " + state.key.bytes()}};
    request.carriesCredential = true;
    request.source = source;
    return request;
}

// REST v2: pods, endpoints and the catalog each from their list; balance and spend exist only in
// GraphQL, so billing still asks `myself` for those four numbers.
void startRestParts(const std::shared_ptr<CycleState> &state)
{
    sendPart(state, graphqlRequest(state->settings, state->key, kBillingQuery, QStringLiteral("runpod graphql myself")),
             [](const std::shared_ptr<CycleState> &state, const QByteArray &body, qint64 ms) -> Result<void> {
        Result<QJsonObject> data = graphqlData(body, QStringLiteral("runpod graphql myself"));
        if (!data)
            return std::unexpected(data.error());
        return storeBilling(state, data->value(QStringLiteral("myself")).toObject(), ms);
    });
    const QString podsSource = QStringLiteral("runpod rest pods");
    sendPart(state, restRequest(*state, QStringLiteral("/pods"), podsSource),
             [podsSource](const std::shared_ptr<CycleState> &state, const QByteArray &body, qint64 ms) -> Result<void> {
        Result<QJsonArray> pods = restList(body, QStringLiteral("pods"), podsSource);
        if (!pods)
            return std::unexpected(pods.error());
        state->result.batch.instances = parseRestPods(*pods, state->ts, state->connectionId);
        state->result.parts << PartSummary{QStringLiteral("pods"), state->result.batch.instances.size(), ms};
        return {};
    });
    const QString endpointsSource = QStringLiteral("runpod rest serverless");
    sendPart(state, restRequest(*state, QStringLiteral("/serverless"), endpointsSource),
             [endpointsSource](const std::shared_ptr<CycleState> &state, const QByteArray &body, qint64 ms) -> Result<void> {
        Result<QJsonArray> endpoints = restList(body, QStringLiteral("endpoints"), endpointsSource);
        if (!endpoints)
            return std::unexpected(endpoints.error());
        state->result.batch.endpoints = parseRestEndpoints(*endpoints, state->ts, state->connectionId);
        endpointsKnown(state, ms);
        return {};
    });
    const QString catalogSource = QStringLiteral("runpod rest catalog/gpus");
    sendPart(state, restRequest(*state, QStringLiteral("/catalog/gpus"), catalogSource),
             [catalogSource](const std::shared_ptr<CycleState> &state, const QByteArray &body, qint64 ms) -> Result<void> {
        Result<QJsonArray> gpus = restList(body, QStringLiteral("gpus"), catalogSource);
        if (!gpus)
            return std::unexpected(gpus.error());
        state->result.batch.offers = parseRestGpus(*gpus, state->ts, state->connectionId);
        state->result.parts << PartSummary{QStringLiteral("gpu-catalog"), state->result.batch.offers.size(), ms};
        return {};
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
        startHealth(state, knownEndpoints);
        return;
    }
    if (settings.transport == Transport::Rest)
        startRestParts(state);
    else
        startGraphqlParts(state);
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
    // Billing, pods, endpoints and the GPU catalog wait for the collection interval (health runs
    // between), unless the user asked for this cycle ("Sync now").
    const bool full = context.bypassCache() || m_lastFullMs == 0
                      || context.clock().nowMs() - m_lastFullMs >= m_settings.collectionIntervalSeconds * 1000LL - 1000;
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
