// The actions section of a descriptor: lifecycle calls (start, stop, reboot, terminate) and launch, checked
// like the rest, every problem located by a JSON pointer.
#pragma once

#include "descriptor.h"
#include "descriptorreader.h"

namespace fleetscope::generic {

// The placeholders an action may use besides settings: "id", the instance fields an instances
// list of API maps ("name", "region"), and "metadata.KEY" for the metadata keys of those lists.
QStringList instancePlaceholders(const ApiSpec &api);

// The placeholders a launch may use besides settings: name, region, plan, image, gpu_count, ssh_key.
QStringList launchPlaceholders();

// Reads API's "actions" object into SPEC (whose lists are read already).
void readActions(DescriptorReader &r, const QJsonObject &api, const ProviderKind &kind, ApiSpec &spec);

} // namespace fleetscope::generic
