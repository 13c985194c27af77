// Runs the stop-idle guardrails after each committed collection batch and every five minutes, next
// to the AlertMonitor (window and headless collector alike): reads on a reader thread, plans, and
// for each idle pod of an enabled policy writes a 'would' audit row (dry run) or stops the pod
// through STOP and audits the outcome. Never terminates.
#pragma once

#include "guardrails/guardrailplan.h"
#include "store/evaluationpacer.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

namespace fleetscope {

class Engine;
class StoreService;

class GuardrailMonitor : public QObject
{
    Q_OBJECT
public:
    using Now = std::function<QDateTime()>;
    // Stops POD of CONNECTION; DONE (the pod's new status, or why not) runs on RECEIVER's thread.
    using StopPod = std::function<void(const ConnectionRecord &connection, const InstanceSnapshot &pod, QObject *receiver,
                                       std::function<void(Result<QString>)> done)>;

    GuardrailMonitor(StoreService &store, StopPod stop, Now now = {}, QObject *parent = nullptr);

    // Only connections OWNS accepts are guarded (a collector sharing a store guards what it collects).
    void setOwnership(std::function<bool(qint64 connectionId)> owns) { m_owns = std::move(owns); }

    void schedule();
    void evaluateNow();

    // Stops through ENGINE's HTTP client with the provider's lifecycle (RunPod's, or a descriptor's stop
    // action), then syncs the connection so the new state shows without waiting for the next cycle.
    static StopPod engineStopper(Engine &engine);

Q_SIGNALS:
    // Audit rows handed to the writer: 'would' rows after an evaluation, ok/failed after each stop.
    void audited(const QList<fleetscope::AuditEntry> &entries);
    void evaluationFailed(const fleetscope::Error &error);
    // One evaluation is done (its stops may still be under way).
    void evaluated();

private:
    void evaluate();
    void act(const QList<GuardrailCandidate> &candidates, const QList<ConnectionRecord> &connections);
    void submit(const QList<AuditEntry> &entries);

    StoreService &m_store;
    StopPod m_stop;
    Now m_now;
    std::function<bool(qint64)> m_owns;
    EvaluationPacer m_pacer;
    QSet<QString> m_inFlight;            // "connection:pod" with a stop under way
    QHash<QString, QDateTime> m_actedAt; // when a stop was last tried: not again before a newer snapshot
    QSet<QString> m_previewed;           // dry-run candidates already audited while they stay idle
};

} // namespace fleetscope
