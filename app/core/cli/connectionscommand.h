// `fleetscope connections add|test`: settings validated against the provider's fields, the secret
// to the keychain (or named environment variable), one real request before anything is saved.
#pragma once

#include "cli/commandcontext.h"

namespace fleetscope {

int connectionsAdd(const CommandContext &ctx, const QStringList &args);
int connectionsTest(const CommandContext &ctx, const QStringList &args);

} // namespace fleetscope
