// Timing and bookkeeping of collection cycles; results leave as batches and state changes.
#include "scheduler.h"

#include "logging.h"

#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace fleetscope {

namespace {

bool sameSchedule(const ConnectionRecord &a, const ConnectionRecord &b)
{
    return a.kind == b.kind && a.name == b.name && a.settings == b.settings && a.cadenceSeconds == b.cadenceSeconds;
}

QDateTime utcFromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

} // namespace

Scheduler::Scheduler(Clock &clock, HttpClient &http, CollectorFactory factory, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_http(http)
    , m_factory(std::move(factory))
    , m_random(systemRandom())
{
}

Scheduler::~Scheduler()
{
    // Cycles go before their collectors, so no collector outlives a context it was given.
    for (auto &[id, entry] : m_entries)
        delete entry.cycle;
}

void Scheduler::setConnections(const QList<ConnectionRecord> &connections)
{
    QList<qint64> wanted;
    for (const ConnectionRecord &connection : connections) {
        if (!connection.enabled)
            continue;
        wanted.append(connection.id);
        const auto it = m_entries.find(connection.id);
        if (it != m_entries.end() && it->second.collector && sameSchedule(it->second.record, connection)) {
            it->second.record = connection;
            continue;
        }
        addConnection(connection);
    }
    const QList<qint64> known = connectionIds();
    for (qint64 id : known) {
        if (!wanted.contains(id))
            removeConnection(id);
    }
}

void Scheduler::addConnection(const ConnectionRecord &connection)
{
    removeConnection(connection.id);
    Entry &entry = m_entries[connection.id];
    entry.record = connection;
    entry.state.lastSyncAt = connection.lastSyncAt;

    Result<std::unique_ptr<Collector>> collector = m_factory(connection);
    if (!collector) {
        qCWarning(lcEngine).noquote() << "cannot collect" << connection.name << "-" << describe(collector.error());
        entry.state.phase = ConnectionState::Phase::Failed;
        entry.state.error = collector.error();
        Q_EMIT connectionStateChanged(connection.id, entry.state);
        return;
    }
    entry.collector = std::move(*collector);
    const qint64 firstDelayMs = std::min<qint64>(jitteredCadenceMs(connection) / 10, kMaxFirstDelayMs);
    arm(connection.id, entry, qint64(double(firstDelayMs) * m_random()));
    Q_EMIT connectionStateChanged(connection.id, entry.state);
}

void Scheduler::removeConnection(qint64 connectionId)
{
    const auto it = m_entries.find(connectionId);
    if (it == m_entries.end())
        return;
    // Deleting the context cancels whatever the collector still has in flight.
    delete it->second.cycle;
    m_entries.erase(it);
}

void Scheduler::syncNow(qint64 connectionId)
{
    const auto it = m_entries.find(connectionId);
    if (it == m_entries.end() || !it->second.collector)
        return;
    if (it->second.cycle) {
        it->second.syncRequested = true;
        return;
    }
    runCycle(connectionId, true);
}

void Scheduler::pause()
{
    m_paused = true;
}

void Scheduler::resume()
{
    m_paused = false;
    QList<qint64> due;
    for (const auto &[id, entry] : m_entries) {
        if (entry.dueWhilePaused)
            due.append(id);
    }
    // Looked up again each time: a cycle's signals may have changed the set of connections.
    for (qint64 id : due) {
        const auto it = m_entries.find(id);
        if (it != m_entries.end() && it->second.dueWhilePaused && !it->second.cycle)
            runCycle(id);
    }
}

QList<qint64> Scheduler::connectionIds() const
{
    QList<qint64> ids;
    for (const auto &[id, entry] : m_entries)
        ids.append(id);
    return ids;
}

std::optional<ConnectionState> Scheduler::state(qint64 connectionId) const
{
    const auto it = m_entries.find(connectionId);
    if (it == m_entries.end())
        return std::nullopt;
    return it->second.state;
}

qint64 Scheduler::jitteredCadenceMs(const ConnectionRecord &connection)
{
    const double cadenceMs = double(std::max(connection.cadenceSeconds, 1)) * 1000.0;
    return qint64(std::llround(cadenceMs * (1.0 + kCadenceJitter * (2.0 * m_random() - 1.0))));
}

void Scheduler::arm(qint64 connectionId, Entry &entry, qint64 delayMs)
{
    entry.timer = std::make_unique<QObject>();
    entry.state.nextSyncAt = utcFromMs(m_clock.nowMs() + delayMs);
    m_clock.schedule(delayMs, entry.timer.get(), [this, connectionId] { handleDue(connectionId); });
}

void Scheduler::handleDue(qint64 connectionId)
{
    const auto it = m_entries.find(connectionId);
    if (it == m_entries.end() || it->second.cycle)
        return;
    if (m_paused && !it->second.syncRequested) {
        it->second.dueWhilePaused = true;
        return;
    }
    runCycle(connectionId, it->second.syncRequested);
}

void Scheduler::runCycle(qint64 connectionId, bool requested)
{
    Entry &entry = m_entries.at(connectionId);
    entry.timer.reset();   // a pending due callback must not start a second cycle
    entry.dueWhilePaused = false;
    entry.syncRequested = false;
    entry.state.phase = ConnectionState::Phase::Syncing;
    entry.state.nextSyncAt = QDateTime();
    auto *cycle = new CollectContext(entry.record, m_http, m_clock, this);
    cycle->setBypassCache(requested);
    entry.cycle = cycle;
    Collector *collector = entry.collector.get();
    qCDebug(lcEngine).noquote() << "collecting" << entry.record.kind + QLatin1Char('/') + entry.record.name;
    const ConnectionState state = entry.state;
    const QPointer<CollectContext> guard(cycle);
    Q_EMIT connectionStateChanged(connectionId, state);
    if (!guard)   // a slot of that signal removed or replaced the connection, and its collector
        return;

    collector->collect(*cycle, [this, connectionId, guard](Result<WriteBatch> result) {
        if (guard)
            finishCycle(connectionId, guard, std::move(result));
    });
}

void Scheduler::finishCycle(qint64 connectionId, CollectContext *cycle, Result<WriteBatch> result)
{
    const auto it = m_entries.find(connectionId);
    if (it == m_entries.end() || it->second.cycle != cycle)
        return;
    Entry &entry = it->second;
    entry.cycle = nullptr;
    cycle->deleteLater();

    const qint64 cadenceMs = jitteredCadenceMs(entry.record);
    std::optional<WriteBatch> batch;
    if (result) {
        entry.state.phase = ConnectionState::Phase::Ok;
        entry.state.error.reset();
        entry.state.lastSyncAt = utcFromMs(m_clock.nowMs());
        batch = std::move(*result);
        if (batch->source.isEmpty())
            batch->source = entry.record.kind + QLatin1Char('/') + entry.record.name;
        arm(connectionId, entry, entry.syncRequested ? 0 : cadenceMs);
    } else {
        qCInfo(lcEngine).noquote() << describe(result.error());
        entry.state.phase = ConnectionState::Phase::Failed;
        entry.state.error = result.error();
        // A server that asked for a longer pause than the cadence gets it.
        arm(connectionId, entry, entry.syncRequested ? 0 : std::max<qint64>(cadenceMs, result.error().retryAfterMs));
    }
    const ConnectionState state = entry.state;
    if (batch)
        Q_EMIT batchReady(*batch);
    Q_EMIT connectionStateChanged(connectionId, state);
}

} // namespace fleetscope
