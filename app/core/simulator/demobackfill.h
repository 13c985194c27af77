// Gives --demo a history: replays the last hours of the simulated account, five minutes at a time,
// through the real collector path, so the charts have something to show before live collection.
#pragma once

#include "domain.h"
#include "http/clock.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace fleetscope {

class StoreService;

// A wall clock that runs behind by an adjustable offset; the simulator's world and the backfill
// cycles share one, so the simulated past and the stored timestamps agree.
class ShiftedClock final : public Clock
{
public:
    qint64 nowMs() const override;
    void schedule(qint64 delayMs, QObject *context, std::function<void()> fn) override;
    void setBehindMs(qint64 ms) { m_behindMs.store(ms); }

private:
    std::atomic<qint64> m_behindMs{0};
    SystemClock m_system;
};

class DemoBackfill : public QObject
{
    Q_OBJECT
public:
    // Replays HOURS of history for the demo CONNECTION (already stored) against the simulator at PORT.
    DemoBackfill(StoreService &store, ShiftedClock &clock, qint64 connectionId, quint16 port, int hours, QObject *parent = nullptr);
    ~DemoBackfill() override;

    // Other demo connections (stored, with ids) collected at each step too, by the built-in collectors.
    // Call before start().
    void alsoCollect(const QList<ConnectionRecord> &connections);

    void start();   // returns at once; finished() follows on the caller's thread

Q_SIGNALS:
    void progress(int done, int total);
    void finished(bool ok, const QString &error);

private:
    QThread m_thread;
    QObject *m_worker = nullptr;   // lives on m_thread
};

} // namespace fleetscope
