// Saving, changing and removing a connection together with its keychain entry, all or nothing.
// Blocking: the CLI calls these directly, the GUI on a worker thread (never the GUI thread).
#pragma once

#include "credentials/credentials.h"
#include "domain.h"

#include <optional>

namespace fleetscope {

class StoreService;

// Stores CONNECTION (a new name) and, when given, SECRET in the keychain under the new row's id.
// A keychain failure removes the row again: nothing is saved. Returns the stored row.
Result<ConnectionRecord> addConnection(StoreService &store, const Credentials &credentials, ConnectionRecord connection,
                                       const std::optional<Secret> &secret);

// Stores CONNECTION's changed settings, cadence and enabled flag; a NEW_SECRET replaces the keychain
// entry first, so a keychain failure changes nothing.
Result<ConnectionRecord> updateConnection(StoreService &store, const Credentials &credentials, const ConnectionRecord &connection,
                                          const std::optional<Secret> &newSecret);

// Deletes CONNECTION's keychain entry, then takes it out of use. DELETE_DATA also deletes what it
// collected; otherwise its history stays for charts and exports.
Result<void> removeConnection(StoreService &store, const Credentials &credentials, const ConnectionRecord &connection,
                              bool deleteData);

// The connection named NAME that is in use; a Config error naming it when there is none.
Result<ConnectionRecord> findConnection(StoreService &store, const QString &name);
// The connections in use that are enabled, as collectors collect them.
Result<QList<ConnectionRecord>> enabledConnections(StoreService &store);

} // namespace fleetscope
