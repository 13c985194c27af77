// Injectable time and chance, so retries, backoff and cadences are testable without sleeping.
#pragma once

#include <QObject>
#include <QtGlobal>

#include <functional>

namespace fleetscope {

class Clock
{
public:
    virtual ~Clock() = default;

    // Milliseconds since the epoch, UTC; Retry-After dates and sync times are wall-clock times.
    virtual qint64 nowMs() const = 0;
    // Runs FN on CONTEXT's thread after DELAYMS; dropped if CONTEXT is destroyed first, which is
    // how callers cancel: they delete the context object.
    virtual void schedule(qint64 delayMs, QObject *context, std::function<void()> fn) = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
    void schedule(qint64 delayMs, QObject *context, std::function<void()> fn) override;
};

// A source of numbers in [0, 1) for jitter; tests pass a constant or a seeded generator.
using UnitRandom = std::function<double()>;
UnitRandom systemRandom();

} // namespace fleetscope
