// `fleetscope connections add|test`: settings validated against the provider's fields, the secret
// to the keychain (or named environment variable), one real request before anything is saved.
#pragma once

#include "cli/commandcontext.h"

namespace fleetscope {

int connectionsAdd(const CommandContext &ctx, const QStringList &args);
int connectionsTest(const CommandContext &ctx, const QStringList &args);
// `connections set NAME key=value...`: changes settings, validated like `add`.
int connectionsSet(const CommandContext &ctx, const QStringList &args);
// `connections enable|disable NAME`: the engine collects only from enabled connections.
int connectionsEnable(const CommandContext &ctx, const QStringList &args, bool enabled);

} // namespace fleetscope
