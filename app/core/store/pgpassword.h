// A team store's database password in the keychain (`fleetscope store password set URL`), for when
// libpq has none of its own: not in the URI, PGPASSWORD or the password file. The entry is keyed by
// the role and the database it opens (store/USER@HOST:PORT/DB), so one URL finds it again.
#pragma once

#include "credentials/credentials.h"
#include "error.h"

#include <QString>

namespace fleetscope {

// The keychain entry for the PostgreSQL URI (libpq's defaults fill what it leaves out); Config
// when the URI does not parse.
Result<Credentials::Entry> storePasswordEntry(const QString &uri);

} // namespace fleetscope
