// `fleetscope providers list|validate`: the provider kinds this run knows (built-in and user
// descriptors) and a check of one descriptor file before it goes into the config folder.
#pragma once

#include "cli/commandcontext.h"

namespace fleetscope {

int runProviders(const CommandContext &ctx, const QStringList &args);

} // namespace fleetscope
