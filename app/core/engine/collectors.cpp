// Collector lookup by connection kind.
#include "collectors.h"

#include "providers/runpod/runpodcollector.h"

namespace fleetscope {

CollectorFactory builtinCollectors()
{
    return [](const ConnectionRecord &connection) -> Result<std::unique_ptr<Collector>> {
        if (connection.kind == QLatin1String("runpod")) {
            Result<runpod::Settings> settings = runpod::Settings::fromJson(connection.settings);
            if (!settings)
                return fail(ErrorClass::Config, QStringLiteral("%1: %2").arg(connection.name, settings.error().message));
            return std::make_unique<runpod::RunPodCollector>(*settings, SecretRef::forConnection(connection));
        }
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
    return fallback;
}

} // namespace fleetscope
