// Metrics endpoint: settings, one scrape normalised with the DCGM rules, the collector.
#include "metricsendpoint.h"

#include "metrics/dcgm.h"
#include "metrics/scrape.h"
#include "providers/settingvalues.h"

#include <QSet>

namespace fleetscope::metricsendpoint {

Result<Settings> Settings::fromJson(const QJsonObject &json)
{
    Settings settings;
    Result<QUrl> url = urlSetting(json, QStringLiteral("url"), true);
    if (!url)
        return std::unexpected(url.error());
    settings.url = *url;
    Result<HttpAuth> auth = httpAuthSetting(json, {QStringLiteral("none"), QStringLiteral("bearer")});
    if (!auth)
        return std::unexpected(auth.error());
    settings.auth = *auth;
    Result<int> interval = integerSetting(json, QStringLiteral("scrape_interval_seconds"), settings.scrapeIntervalSeconds, 5, 3600);
    if (!interval)
        return std::unexpected(interval.error());
    settings.scrapeIntervalSeconds = *interval;
    Result<int> timeout = integerSetting(json, QStringLiteral("timeout_seconds"), settings.timeoutSeconds, 1, 120);
    if (!timeout)
        return std::unexpected(timeout.error());
    settings.timeoutSeconds = *timeout;
    return settings;
}

QString Scrape::describe() const
{
    if (gpus == 0)
        return QStringLiteral("metrics endpoint: %1 samples, no DCGM GPU readings").arg(samples);
    return QStringLiteral("dcgm-exporter: %1 %2 on %3 %4")
        .arg(gpus)
        .arg(gpus == 1 ? QStringLiteral("GPU") : QStringLiteral("GPUs"))
        .arg(hosts)
        .arg(hosts == 1 ? QStringLiteral("host") : QStringLiteral("hosts"));
}

void scrapeOnce(HttpClient &http, const Clock &clock, const Settings &settings, qint64 connectionId, const Secret &secret,
                QObject *context, std::function<void(Result<Scrape>)> done)
{
    HttpRequest request = scrapeRequest(settings.url);
    request.timeoutMs = settings.timeoutSeconds * 1000;
    request.maxAttempts = 2;   // the next cycle comes soon; a slow exporter must not pile up retries
    authorize(request, settings.auth, QString(), secret);
    const Clock *time = &clock;
    scrapeExposition(http, std::move(request), context, [time, connectionId, done = std::move(done)](Result<Exposition> exposition) {
        if (!exposition)
            return done(std::unexpected(exposition.error()));
        const QList<GpuReading> readings = normalizeDcgm(*exposition);
        Scrape scrape;
        scrape.samples = qint64(exposition->samples().size());
        scrape.gpus = readings.size();
        QSet<QString> hosts;
        for (const GpuReading &reading : readings)
            hosts.insert(reading.hostname);
        scrape.hosts = hosts.size();
        scrape.batch.series = gpuReadingSeries(readings, connectionId, time->nowMs());
        done(std::move(scrape));
    });
}

MetricsEndpointCollector::MetricsEndpointCollector(Settings settings, std::optional<SecretRef> secret)
    : m_settings(std::move(settings)), m_secret(std::move(secret))
{
}

void MetricsEndpointCollector::collect(CollectContext &context, Done done)
{
    CollectContext *ctx = &context;
    resolveOptionalSecret(m_secret, &context, [this, ctx, done = std::move(done)](Result<Secret> secret) {
        if (!secret)
            return done(std::unexpected(secret.error()));
        scrapeOnce(ctx->http(), ctx->clock(), m_settings, ctx->connection().id, *secret, ctx, [ctx, done](Result<Scrape> scrape) {
            if (!scrape)
                return done(std::unexpected(scrape.error()));
            scrape->batch.source = ctx->connection().name + QStringLiteral(" scrape");
            done(std::move(scrape->batch));
        });
    });
}

} // namespace fleetscope::metricsendpoint
