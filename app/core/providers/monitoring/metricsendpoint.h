// The metrics-endpoint connection: each cycle scrapes one /metrics URL (dcgm-exporter, node-exporter)
// and stores its DCGM GPU readings as canonical series.
#pragma once

#include "engine/collector.h"
#include "providers/monitoring/httpauth.h"

#include <QUrl>

namespace fleetscope::metricsendpoint {

struct Settings {
    QUrl url;
    HttpAuth auth = HttpAuth::None;
    int scrapeIntervalSeconds = 30;
    int timeoutSeconds = 10;

    // From settings url, auth (none | bearer), scrape_interval_seconds, timeout_seconds.
    static Result<Settings> fromJson(const QJsonObject &settings);
};

struct Scrape {
    WriteBatch batch;        // one series per present reading value, all stamped with the scrape time
    qint64 samples = 0;      // in the exposition, DCGM or not
    qint64 gpus = 0;
    qint64 hosts = 0;

    // "dcgm-exporter: 8 GPUs on 2 hosts", or what the endpoint had when it had no GPU readings.
    QString describe() const;
};

// One scrape of SETTINGS.url; a failed request or parse stores nothing. An exposition without GPU
// readings is an empty batch, which removes nothing either.
void scrapeOnce(HttpClient &http, const Clock &clock, const Settings &settings, qint64 connectionId, const Secret &secret,
                QObject *context, std::function<void(Result<Scrape>)> done);

class MetricsEndpointCollector final : public Collector
{
public:
    // SECRET is nullopt for an endpoint without authentication: the keychain is never asked.
    MetricsEndpointCollector(Settings settings, std::optional<SecretRef> secret);
    void collect(CollectContext &context, Done done) override;

private:
    Settings m_settings;
    std::optional<SecretRef> m_secret;
};

} // namespace fleetscope::metricsendpoint
