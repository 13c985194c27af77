// `fleetscope connections add|test|set|enable|disable|remove`: settings validated against the provider's fields, the secret
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
// `connections remove NAME [--keep-data | --delete-data]`: deletes the keychain entry and takes the
// connection out of use; what it collected stays unless --delete-data.
int connectionsRemove(const CommandContext &ctx, const QStringList &args);

} // namespace fleetscope
