// The real clock and random source used outside tests.
#include "clock.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTimer>

#include <chrono>

namespace fleetscope {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

void SystemClock::schedule(qint64 delayMs, QObject *context, std::function<void()> fn)
{
    QTimer::singleShot(std::chrono::milliseconds(qMax<qint64>(0, delayMs)), Qt::PreciseTimer, context,
                       std::move(fn));
}

UnitRandom systemRandom()
{
    return [] { return QRandomGenerator::global()->generateDouble(); };
}

} // namespace fleetscope
