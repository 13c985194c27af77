// Pod lifecycle dispatch: RunPod's adapter or the generic descriptor actions.
#include "podlifecycle.h"

#include "generic/genericactions.h"
#include "generic/registry.h"
#include "runpod/runpodlifecycle.h"

namespace fleetscope {
namespace {

bool isRunPod(const QString &kind) { return kind == QLatin1String("runpod"); }

} // namespace

bool hasPodLifecycle(const QString &kind)
{
    if (isRunPod(kind))
        return true;
    const generic::DescriptorEntry *entry = generic::findDescriptor(kind);
    return entry && entry->descriptor.api && !entry->descriptor.api->actions.isEmpty();
}

bool offersPodAction(const QString &kind, PodAction action)
{
    if (isRunPod(kind))
        return action != PodAction::Reboot;
    const generic::DescriptorEntry *entry = generic::findDescriptor(kind);
    return entry && entry->descriptor.api && entry->descriptor.api->actions.contains(action);
}

Result<void> podActionAvailable(const InstanceSnapshot &pod, PodAction action)
{
    if (isRunPod(pod.provider)) {
        if (action == PodAction::Reboot)
            return fail(ErrorClass::Config, QStringLiteral("RunPod offers no reboot action"));
        return {};
    }
    return generic::genericActionAvailable(pod, action);
}

PodActionJob podActionJob(const ConnectionRecord &connection, const InstanceSnapshot &pod, PodAction action)
{
    if (isRunPod(connection.kind))
        return runpod::podActionJob(connection, pod.instanceId, action, int(pod.gpuCount.value_or(1)));
    return generic::genericActionJob(connection, pod, action);
}

} // namespace fleetscope
