// One collection cycle of a connection by the built-in collectors, on a local event loop with its
// own HTTP client (one quick retry), as the engine would run it.
#pragma once

#include "http/localhttp.h"
#include "engine/collectors.h"

namespace fleetscope::test {

inline Result<WriteBatch> collectOnce(const ConnectionRecord &connection, Clock &clock)
{
    Result<std::unique_ptr<Collector>> collector = builtinCollectors()(connection);
    if (!collector)
        return std::unexpected(collector.error());
    return runWithLocalHttp<WriteBatch>([&](HttpClient &http, QObject *context, std::function<void(Result<WriteBatch>)> done) {
        http.setRetryPolicy(RetryPolicy{1, 1, 0, 1000});
        auto *ctx = new CollectContext(connection, http, clock, context);
        (*collector)->collect(*ctx, std::move(done));
    });
}

} // namespace fleetscope::test
