// Pod action names, shared by the audit log, the command line and the descriptor format.
#include "podaction.h"

namespace fleetscope {

QString podActionName(PodAction action)
{
    switch (action) {
    case PodAction::Stop: return QStringLiteral("stop");
    case PodAction::Resume: return QStringLiteral("resume");
    case PodAction::Reboot: return QStringLiteral("reboot");
    case PodAction::Terminate: return QStringLiteral("terminate");
    }
    return {};
}

QString descriptorActionKey(PodAction action)
{
    return action == PodAction::Resume ? QStringLiteral("start") : podActionName(action);
}

std::optional<PodAction> podActionFromName(const QString &name)
{
    for (PodAction action : {PodAction::Stop, PodAction::Resume, PodAction::Reboot, PodAction::Terminate}) {
        if (name == podActionName(action) || name == descriptorActionKey(action))
            return action;
    }
    return std::nullopt;
}

} // namespace fleetscope
