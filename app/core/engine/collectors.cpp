// Collector lookup by connection kind.
#include "collectors.h"

#include "providers/catalog.h"
#include "providers/localgpu/localgpu.h"
#include "providers/generic/genericcollector.h"
#include "providers/monitoring/metricsendpoint.h"
#include "providers/monitoring/prometheus.h"
#include "providers/runpod/runpodcollector.h"

namespace fleetscope {
namespace {

Error settingsError(const ConnectionRecord &connection, const Error &error)
{
    return Error::make(ErrorClass::Config, QStringLiteral("%1: %2").arg(connection.name, error.message));
}

// The connection's secret, or nullopt for one that has none (no keychain involved).
std::optional<SecretRef> optionalSecret(const ConnectionRecord &connection)
{
    return usesSecret(connection) ? std::optional<SecretRef>(SecretRef::forConnection(connection)) : std::nullopt;
}

} // namespace

CollectorFactory builtinCollectors()
{
    return [](const ConnectionRecord &connection) -> Result<std::unique_ptr<Collector>> {
        if (connection.kind == QLatin1String("runpod")) {
            Result<runpod::Settings> settings = runpod::Settings::fromJson(connection.settings);
            if (!settings)
                return std::unexpected(settingsError(connection, settings.error()));
            return std::make_unique<runpod::RunPodCollector>(*settings, SecretRef::forConnection(connection));
        }
        if (connection.kind == QLatin1String("metrics-endpoint")) {
            Result<metricsendpoint::Settings> settings = metricsendpoint::Settings::fromJson(connection.settings);
            if (!settings)
                return std::unexpected(settingsError(connection, settings.error()));
            return std::make_unique<metricsendpoint::MetricsEndpointCollector>(*settings, optionalSecret(connection));
        }
        if (connection.kind == QLatin1String("prometheus")) {
            Result<prometheus::Settings> settings = prometheus::Settings::fromJson(connection.settings);
            if (!settings)
                return std::unexpected(settingsError(connection, settings.error()));
            return std::make_unique<prometheus::PrometheusCollector>(*settings, optionalSecret(connection));
        }
        if (connection.kind == QLatin1String("local-gpu")) {
            Result<localgpu::Settings> settings = localgpu::Settings::fromJson(connection.settings);
            if (!settings)
                return std::unexpected(settingsError(connection, settings.error()));
            return std::make_unique<localgpu::LocalGpuCollector>(*settings);
        }
        if (generic::isGenericKind(connection.kind))
            return generic::GenericCollector::create(connection);
        return fail(ErrorClass::Config, QStringLiteral("%1: this build has no collector for provider kind '%2'")
                                            .arg(connection.name, connection.kind));
    };
}

int schedulerCadenceSeconds(const QString &kind, const QJsonObject &settings, int fallback)
{
    if (kind == QLatin1String("runpod")) {
        if (Result<runpod::Settings> parsed = runpod::Settings::fromJson(settings))
            return runpod::RunPodCollector::schedulerCadenceSeconds(*parsed);
    }
    if (kind == QLatin1String("metrics-endpoint")) {
        if (Result<metricsendpoint::Settings> parsed = metricsendpoint::Settings::fromJson(settings))
            return parsed->scrapeIntervalSeconds;
    }
    if (kind == QLatin1String("prometheus")) {
        if (Result<prometheus::Settings> parsed = prometheus::Settings::fromJson(settings))
            return parsed->intervalSeconds;
    }
    if (kind == QLatin1String("local-gpu")) {
        if (Result<localgpu::Settings> parsed = localgpu::Settings::fromJson(settings))
            return parsed->intervalSeconds;
    }
    return fallback;
}

} // namespace fleetscope
