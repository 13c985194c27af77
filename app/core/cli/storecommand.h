// `fleetscope store copy --from PATH_OR_URL --to PATH_OR_URL [--since T]`.
#pragma once

#include "cli/commandcontext.h"

namespace fleetscope {

int runStore(const CommandContext &ctx, const QStringList &args);

} // namespace fleetscope
