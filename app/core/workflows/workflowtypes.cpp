// Stable names of the workflow enums, as stored in the database and printed by the commands.
#include "workflowtypes.h"

#include <array>

namespace fleetscope {
namespace {

template<typename Enum, std::size_t N>
Enum fromName(const std::array<const char *, N> &names, const QString &name, Enum fallback)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == QLatin1String(names[i]))
            return Enum(i);
    }
    return fallback;
}

constexpr std::array<const char *, 3> kDirections{"lower", "higher", "neutral"};
constexpr std::array<const char *, 6> kStatuses{"pending", "collecting", "extracting", "completed", "failed", "skipped"};
constexpr std::array<const char *, 3> kTriggers{"realtime", "backfill", "manual"};

} // namespace

QString directionName(MetricDirection direction)
{
    return QString::fromLatin1(kDirections.at(std::size_t(direction)));
}

MetricDirection directionFromName(const QString &name)
{
    return fromName(kDirections, name, MetricDirection::Neutral);
}

QString runStatusName(RunStatus status)
{
    return QString::fromLatin1(kStatuses.at(std::size_t(status)));
}

RunStatus runStatusFromName(const QString &name)
{
    return fromName(kStatuses, name, RunStatus::Failed);
}

QString triggerSourceName(TriggerSource source)
{
    return QString::fromLatin1(kTriggers.at(std::size_t(source)));
}

TriggerSource triggerSourceFromName(const QString &name)
{
    return fromName(kTriggers, name, TriggerSource::Manual);
}

QString WorkflowRun::label() const
{
    if (githubRunId)
        return QString::number(*githubRunId);
    return runKey.startsWith(QLatin1String("sha256:")) ? runKey.left(19) : runKey.section(QLatin1Char(':'), 1);
}

} // namespace fleetscope
