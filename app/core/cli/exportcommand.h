// `fleetscope export DATASET --format csv|json [--output FILE] [--since T] [--until T]`.
#pragma once

#include "cli/commandcontext.h"

namespace fleetscope {

int runExport(const CommandContext &ctx, const QStringList &args);

} // namespace fleetscope
