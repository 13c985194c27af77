// Runs each connection's collector on its cadence (with jitter), on demand, never twice at once.
#pragma once

#include "collector.h"
#include "http/clock.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>

#include <map>
#include <optional>

namespace fleetscope {

struct ConnectionState {
    enum class Phase { Scheduled, Syncing, Ok, Failed };

    Phase phase = Phase::Scheduled;
    std::optional<Error> error;   // set when phase is Failed (also when no collector could be made)
    QDateTime lastSyncAt;         // last successful cycle; invalid if none yet
    QDateTime nextSyncAt;         // invalid while syncing or when not scheduled
    QString collectedBy;          // on a team store: the other process that collects it, not this one
};

class Scheduler : public QObject
{
    Q_OBJECT
public:
    static constexpr double kCadenceJitter = 0.1;     // each interval is cadence ± 10 %
    static constexpr qint64 kMaxFirstDelayMs = 5000;  // spreads the first cycles of many connections

    // CLOCK and HTTP must outlive the scheduler.
    Scheduler(Clock &clock, HttpClient &http, CollectorFactory factory, QObject *parent = nullptr);
    ~Scheduler() override;

    void setRandomSource(UnitRandom random) { m_random = std::move(random); }

    // Schedules the enabled connections; others are dropped with their running cycle. A
    // connection whose kind, name, settings and cadence are unchanged keeps its timing.
    void setConnections(const QList<ConnectionRecord> &connections);
    // Starts a cycle now, even while paused; during a cycle, one more follows right after it.
    void syncNow(qint64 connectionId);
    // Stops starting scheduled cycles (running ones finish); resume runs those that came due.
    void pause();
    void resume();
    bool isPaused() const { return m_paused; }

    QList<qint64> connectionIds() const;
    std::optional<ConnectionState> state(qint64 connectionId) const;

Q_SIGNALS:
    void batchReady(const fleetscope::WriteBatch &batch);
    void connectionStateChanged(qint64 connectionId, const fleetscope::ConnectionState &state);

private:
    struct Entry {
        ConnectionRecord record;
        std::unique_ptr<Collector> collector;
        ConnectionState state;
        std::unique_ptr<QObject> timer;   // context of the pending due callback; reset to cancel it
        QPointer<CollectContext> cycle;
        bool syncRequested = false;
        bool dueWhilePaused = false;
    };

    void addConnection(const ConnectionRecord &connection);
    void removeConnection(qint64 connectionId);
    void arm(qint64 connectionId, Entry &entry, qint64 delayMs);
    void handleDue(qint64 connectionId);
    void runCycle(qint64 connectionId, bool requested = false);   // REQUESTED: by syncNow, past any cache
    void finishCycle(qint64 connectionId, CollectContext *cycle, Result<WriteBatch> result);
    qint64 jitteredCadenceMs(const ConnectionRecord &connection);

    Clock &m_clock;
    HttpClient &m_http;
    CollectorFactory m_factory;
    UnitRandom m_random;
    std::map<qint64, Entry> m_entries;
    bool m_paused = false;
};

} // namespace fleetscope

Q_DECLARE_METATYPE(fleetscope::ConnectionState)
