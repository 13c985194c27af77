// State transitions of the per-host circuit breaker.
#include "circuitbreaker.h"

#include "logging.h"

namespace fleetscope {

CircuitBreaker::CircuitBreaker(const Clock &clock, Options options)
    : m_clock(clock)
    , m_options(options)
{
}

bool CircuitBreaker::allow(const QString &host)
{
    auto it = m_hosts.find(host);
    if (it == m_hosts.end())
        return true;
    HostState &h = *it;
    switch (h.state) {
    case State::Closed:
        return true;
    case State::Open:
        if (m_clock.nowMs() - h.openedAtMs < m_options.coolDownMs)
            return false;
        h.state = State::HalfOpen;
        h.probeInFlight = true;
        qCInfo(lcHttp) << "circuit half-open, probing" << host;
        return true;
    case State::HalfOpen:
        if (h.probeInFlight)
            return false;
        h.probeInFlight = true;
        return true;
    }
    return false;
}

void CircuitBreaker::recordSuccess(const QString &host)
{
    auto it = m_hosts.find(host);
    if (it == m_hosts.end())
        return;
    if (it->state != State::Closed)
        qCInfo(lcHttp) << "circuit closed" << host;
    m_hosts.erase(it);
}

void CircuitBreaker::recordFailure(const QString &host)
{
    HostState &h = m_hosts[host];
    ++h.consecutiveFailures;
    const bool reopen = h.state == State::HalfOpen;
    if (reopen || (h.state == State::Closed && h.consecutiveFailures >= m_options.failureThreshold)) {
        h.state = State::Open;
        h.openedAtMs = m_clock.nowMs();
        h.probeInFlight = false;
        qCWarning(lcHttp) << "circuit open" << host << "after" << h.consecutiveFailures << "failed requests";
    }
}

void CircuitBreaker::recordAbandoned(const QString &host)
{
    auto it = m_hosts.find(host);
    if (it != m_hosts.end() && it->state == State::HalfOpen)
        it->probeInFlight = false;
}

CircuitBreaker::State CircuitBreaker::state(const QString &host) const
{
    return m_hosts.value(host).state;
}

qint64 CircuitBreaker::remainingCoolDownMs(const QString &host) const
{
    const auto it = m_hosts.constFind(host);
    if (it == m_hosts.cend() || it->state != State::Open)
        return 0;
    return qMax<qint64>(0, it->openedAtMs + m_options.coolDownMs - m_clock.nowMs());
}

} // namespace fleetscope
