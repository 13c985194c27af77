// One real request that shows a connection's settings and secret work, for `connections add/test`.
#pragma once

#include "credentials/secret.h"
#include "domain.h"
#include "error.h"

#include <functional>

namespace fleetscope {

class HttpClient;

// DONE gets a one-line description of what answered ("RunPod account user-123").
void testConnection(HttpClient &http, const ConnectionRecord &connection, const Secret &secret, QObject *context,
                    std::function<void(Result<QString>)> done);

} // namespace fleetscope
