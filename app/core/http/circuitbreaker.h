// Per-host circuit breaker: stops hammering a host that keeps failing, then probes it once.
#pragma once

#include "clock.h"

#include <QHash>
#include <QString>

namespace fleetscope {

// Outside the class so it can be a default argument of the constructor.
struct CircuitBreakerOptions {
    int failureThreshold = 5;   // consecutive failed requests (after their retries) that open it
    qint64 coolDownMs = 60'000; // time open before one probe is let through
};

class CircuitBreaker
{
public:
    enum class State { Closed, Open, HalfOpen };
    using Options = CircuitBreakerOptions;

    explicit CircuitBreaker(const Clock &clock, Options options = {});

    // May a request to HOST go out now? While half-open, only the first caller gets true
    // (the probe); everyone else fails fast until the probe's outcome is recorded.
    bool allow(const QString &host);
    void recordSuccess(const QString &host);
    void recordFailure(const QString &host);
    // The request never reached an outcome (its caller went away): frees the probe slot.
    void recordAbandoned(const QString &host);

    State state(const QString &host) const;
    // How long until an open breaker lets a probe through; 0 when not open.
    qint64 remainingCoolDownMs(const QString &host) const;
    void setOptions(Options options) { m_options = options; }

private:
    struct HostState {
        State state = State::Closed;
        int consecutiveFailures = 0;
        qint64 openedAtMs = 0;
        bool probeInFlight = false;
    };

    const Clock &m_clock;
    Options m_options;
    QHash<QString, HostState> m_hosts;
};

} // namespace fleetscope
