// The RunPod collector: billing, GPU catalog, pods and endpoints on the collection cadence, endpoint
// health on the (shorter) health cadence, over GraphQL and the serverless API.
#pragma once

#include "credentials/secret.h"
#include "credentials/secretref.h"
#include "engine/collector.h"

#include <QUrl>

namespace fleetscope::runpod {

// Which API carries pods, endpoints, the GPU catalog and lifecycle calls; balance and spend exist
// only in GraphQL, so billing asks GraphQL either way.
enum class Transport { GraphQL, Rest };

struct Settings {
    Transport transport = Transport::GraphQL;   // setting "transport": "graphql" | "rest"
    QUrl graphqlUrl = QUrl(QStringLiteral("https://api.runpod.io/graphql"));
    QUrl restUrl = QUrl(QStringLiteral("https://api.runpod.io/v2"));
    QUrl serverlessUrl = QUrl(QStringLiteral("https://api.runpod.ai/v2"));
    int collectionIntervalSeconds = 300;   // RUNPOD_COLLECTION_INTERVAL_SECONDS
    int healthPollSeconds = 120;           // RUNPOD_HEALTH_POLL_SECONDS
    int healthConcurrency = 8;

    // From a connection's settings (transport, graphql_url, rest_url, serverless_url,
    // collection_interval_seconds, health_poll_seconds); missing keys keep the defaults, malformed
    // ones are Config errors.
    static Result<Settings> fromJson(const QJsonObject &settings);
};

struct PartSummary {
    QString name;      // "billing", "pods", "endpoints", "gpu-catalog", "endpoint-health"
    qint64 rows = 0;
    qint64 ms = 0;
};

struct CycleResult {
    WriteBatch batch;
    QList<PartSummary> parts;
};

// One cycle. With FULL: account (billing, pods, endpoints) and the GPU catalog in parallel, then
// the health of every endpoint; otherwise the health of KNOWN_ENDPOINTS only. Any request failing
// fails the whole cycle, so a failed cycle stores nothing and never replaces good snapshots.
void runCycle(HttpClient &http, const Clock &clock, const Settings &settings, qint64 connectionId, const Secret &apiKey,
              bool full, const QStringList &knownEndpoints, QObject *context, std::function<void(Result<CycleResult>)> done);

class RunPodCollector final : public Collector
{
public:
    RunPodCollector(Settings settings, SecretRef secret);
    void collect(CollectContext &context, Done done) override;

    // The scheduler calls at the health cadence; full cycles run when the collection interval is due.
    static int schedulerCadenceSeconds(const Settings &settings);

private:
    Settings m_settings;
    SecretRef m_secret;
    qint64 m_lastFullMs = 0;
    QStringList m_endpoints;
};

} // namespace fleetscope::runpod
