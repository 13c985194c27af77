// `fleetscope collect --once` over the store's connections: one cycle of each enabled connection
// through the engine, as the window and the headless collector run them, then exit.
#pragma once

#include "cli/commandcontext.h"

namespace fleetscope {

struct CollectOnceOutcome {
    int collected = 0;   // connections whose cycle ran
    int failed = 0;      // of those, the ones whose cycle failed (named on stderr)
};

// One cycle of every enabled connection in STORE except the one named SKIP (the environment's,
// collected on its own); a line per stored batch on ctx.out, a line per failure on ctx.err.
Result<CollectOnceOutcome> collectStoredOnce(const CommandContext &ctx, StoreService &store, const QString &skip);

} // namespace fleetscope
