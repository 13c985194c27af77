// Paces an evaluation that follows the store (alert rules, guardrails): soon after a committed batch
// (batches arriving together cause one run), every five minutes (conditions that come true with time
// alone), and never two at once (asked during a run, it runs once more right after).
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace fleetscope {

class StoreService;

class EvaluationPacer : public QObject
{
public:
    static constexpr int kDebounceMs = 1000;
    static constexpr int kPeriodicMs = 5 * 60 * 1000;

    // TRIGGERS says which committed batches (by source) call for a run; RUN starts one, and whoever
    // runs it calls finished() when it is over.
    EvaluationPacer(StoreService &store, std::function<bool(const QString &batchSource)> triggers, std::function<void()> run,
                    QObject *parent = nullptr);

    void schedule();   // soon
    void runNow();     // at once, or right after the run under way
    void finished();   // the run started last is over

private:
    std::function<void()> m_run;
    QTimer m_debounce;
    QTimer m_periodic;
    bool m_running = false;
    bool m_again = false;
};

} // namespace fleetscope
