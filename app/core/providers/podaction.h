// The lifecycle actions a person (or a guardrail) can take on an instance, whatever its provider.
#pragma once

#include <QString>

#include <optional>

namespace fleetscope {

// Resume is RunPod's word and a descriptor's "start": power a stopped instance on again.
enum class PodAction { Stop, Resume, Reboot, Terminate };

QString podActionName(PodAction action);                       // "stop", "resume", "reboot", "terminate"
// The key of ACTION in a descriptor's actions section: "start", "stop", "reboot", "terminate".
QString descriptorActionKey(PodAction action);
// A command-line or descriptor word ("start" and "resume" are the same action); nullopt: none.
std::optional<PodAction> podActionFromName(const QString &name);

} // namespace fleetscope
