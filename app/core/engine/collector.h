// What every provider connection implements: one asynchronous collection cycle producing a batch.
#pragma once

#include "domain.h"
#include "error.h"
#include "http/clock.h"

#include <QObject>

#include <functional>
#include <memory>

namespace fleetscope {

class HttpClient;

// One cycle's world, owned by the scheduler. It is destroyed when the cycle ends or is
// cancelled (connection removed, engine stopped), so collectors pass it as the context of
// every asynchronous call and nothing fires into a cycle that no longer exists.
class CollectContext : public QObject
{
public:
    CollectContext(ConnectionRecord connection, HttpClient &http, const Clock &clock, QObject *parent = nullptr)
        : QObject(parent)
        , m_connection(std::move(connection))
        , m_http(http)
        , m_clock(clock)
    {
    }

    const ConnectionRecord &connection() const { return m_connection; }
    HttpClient &http() const { return m_http; }
    // The engine's clock: stamp samples with it, so tests control time.
    const Clock &clock() const { return m_clock; }
    // A cycle the user asked for ("Sync now"): collectors that cache provider answers ask again.
    bool bypassCache() const { return m_bypassCache; }
    void setBypassCache(bool bypass) { m_bypassCache = bypass; }

private:
    ConnectionRecord m_connection;
    HttpClient &m_http;
    const Clock &m_clock;
    bool m_bypassCache = false;
};

class Collector
{
public:
    using Done = std::function<void(Result<WriteBatch>)>;

    virtual ~Collector() = default;
    // Starts one cycle on the engine thread and returns at once; calls DONE once when finished.
    virtual void collect(CollectContext &context, Done done) = 0;
};

// Makes the collector for a connection, or says why it cannot (unknown kind, bad settings).
using CollectorFactory = std::function<Result<std::unique_ptr<Collector>>(const ConnectionRecord &)>;

} // namespace fleetscope
