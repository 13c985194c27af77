// Manual time for retry, backoff, breaker and scheduler tests.
#include "testclock.h"

#include <algorithm>

namespace fleetscope {

void TestClock::schedule(qint64 delayMs, QObject *context, std::function<void()> fn)
{
    m_pending.append(Pending{m_nowMs + std::max<qint64>(0, delayMs), m_sequence++, context, std::move(fn)});
}

void TestClock::advance(qint64 ms)
{
    const qint64 target = m_nowMs + ms;
    for (;;) {
        m_pending.removeIf([](const Pending &p) { return p.context.isNull(); });
        const auto next = std::min_element(m_pending.begin(), m_pending.end(), [](const Pending &a, const Pending &b) {
            return std::pair(a.dueMs, a.sequence) < std::pair(b.dueMs, b.sequence);
        });
        if (next == m_pending.end() || next->dueMs > target)
            break;
        Pending due = std::move(*next);
        m_pending.erase(next);
        m_nowMs = std::max(m_nowMs, due.dueMs);
        due.fn();
    }
    m_nowMs = target;
}

int TestClock::pendingCount() const
{
    return int(std::count_if(m_pending.cbegin(), m_pending.cend(), [](const Pending &p) { return !p.context.isNull(); }));
}

std::optional<qint64> TestClock::nextDueInMs() const
{
    std::optional<qint64> best;
    for (const Pending &p : m_pending) {
        if (!p.context.isNull() && (!best || p.dueMs < *best))
            best = p.dueMs;
    }
    if (!best)
        return std::nullopt;
    return *best - m_nowMs;
}

} // namespace fleetscope
