// Evaluates the alert rules after the store commits collected data or a sync outcome, and every five
// minutes (conditions also come true with time alone), in the window and the headless
// collector alike: reads on a reader thread, evaluates, writes the evaluation as a batch, and
// announces the findings that opened a new alert.
#pragma once

#include "domain.h"
#include "store/evaluationpacer.h"

#include <QObject>
#include <QSet>

#include <functional>

namespace fleetscope {

class StoreService;

class AlertMonitor : public QObject
{
    Q_OBJECT
public:
    using Now = std::function<QDateTime()>;

    // NOW is the clock evaluations use (the system clock unless a test injects one).
    explicit AlertMonitor(StoreService &store, Now now = {}, QObject *parent = nullptr);

    // Evaluates soon (batches that arrive together are evaluated once).
    void schedule();
    // Evaluates at once; alertsRaised (possibly empty) follows when the evaluation is written.
    void evaluateNow();

Q_SIGNALS:
    void alertsRaised(const QList<fleetscope::AlertFinding> &raised);
    void evaluationFailed(const fleetscope::Error &error);

private:
    void evaluate();

    StoreService &m_store;
    Now m_now;
    EvaluationPacer m_pacer;
    QSet<QString> m_lastFound;   // keys the previous evaluation found
};

} // namespace fleetscope
