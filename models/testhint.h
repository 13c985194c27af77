// What a user can do about a failed connection test, by error class: the line under the result.
#pragma once

#include "error.h"
#include "providers/catalog.h"

namespace fleetscope {

QString testHint(const Error &error, const ProviderKind &kind);

} // namespace fleetscope
