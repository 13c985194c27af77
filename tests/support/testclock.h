// A manual clock for tests: time moves only when advance() is called, firing what came due.
#pragma once

#include "http/clock.h"

#include <QList>
#include <QPointer>

#include <optional>

namespace fleetscope {

class TestClock final : public Clock
{
public:
    static constexpr qint64 kDefaultStartMs = 1'714'564'800'000;   // 2024-05-01T12:00:00Z

    explicit TestClock(qint64 startMs = kDefaultStartMs) : m_nowMs(startMs) {}

    qint64 nowMs() const override { return m_nowMs; }
    void schedule(qint64 delayMs, QObject *context, std::function<void()> fn) override;

    // Moves time forward by MS, running each callback that comes due at its own due time, in order.
    void advance(qint64 ms);
    // Callbacks whose context still exists.
    int pendingCount() const;
    // Delay until the earliest live callback, if any.
    std::optional<qint64> nextDueInMs() const;

private:
    struct Pending {
        qint64 dueMs = 0;
        quint64 sequence = 0;   // keeps callbacks due at the same time in scheduling order
        QPointer<QObject> context;
        std::function<void()> fn;
    };

    qint64 m_nowMs;
    quint64 m_sequence = 0;
    QList<Pending> m_pending;
};

} // namespace fleetscope
