// One asynchronous HTTP job run to completion on the calling thread, for callers without an engine
// thread: the CLI, and the workflow watcher's ARC scan.
#pragma once

#include "http/clock.h"
#include "http/httpclient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

#include <functional>
#include <optional>

namespace fleetscope {

template<typename T>
using LocalHttpJob = std::function<void(HttpClient &http, QObject *context, std::function<void(Result<T>)> done)>;

// Runs JOB with a short-lived client and waits for the answer it hands to its completion.
template<typename T>
Result<T> runWithLocalHttp(const LocalHttpJob<T> &job)
{
    QNetworkAccessManager nam;
    SystemClock clock;
    HttpClient http(&nam, clock);
    QEventLoop loop;
    std::optional<Result<T>> outcome;
    job(http, &loop, [&outcome, &loop](Result<T> result) {
        outcome = std::move(result);
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    return std::move(*outcome);
}

} // namespace fleetscope
