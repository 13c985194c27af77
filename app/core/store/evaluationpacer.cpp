// EvaluationPacer: a debounce timer, a periodic timer and a running flag.
#include "evaluationpacer.h"

#include "storeservice.h"

#include <utility>

namespace fleetscope {

EvaluationPacer::EvaluationPacer(StoreService &store, std::function<bool(const QString &)> triggers, std::function<void()> run,
                                 QObject *parent)
    : QObject(parent)
    , m_run(std::move(run))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &EvaluationPacer::runNow);
    connect(&store, &StoreService::batchCommitted, this, [this, triggers = std::move(triggers)](const WriteSummary &summary) {
        if (triggers(summary.source))
            schedule();
    });
    m_periodic.setInterval(kPeriodicMs);
    connect(&m_periodic, &QTimer::timeout, this, &EvaluationPacer::schedule);
    m_periodic.start();
}

void EvaluationPacer::schedule()
{
    m_debounce.start();
}

void EvaluationPacer::runNow()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_run();
}

void EvaluationPacer::finished()
{
    m_running = false;
    if (std::exchange(m_again, false))
        runNow();
}

} // namespace fleetscope
