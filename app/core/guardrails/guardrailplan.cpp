// Stop-idle candidates over the same idle computation as the gpu_idle alert.
#include "guardrailplan.h"

#include "store/store.h"

#include <algorithm>

namespace fleetscope {

QList<GuardrailCandidate> stopIdleCandidates(const GuardrailPolicy &policy, const FleetView &view)
{
    QList<GuardrailCandidate> candidates;
    // Only on fresh data: a connection that stopped syncing may show a pod idle that is busy by now.
    int cadence = 300;
    for (const ConnectionRecord &c : view.connections) {
        if (c.id == policy.connectionId)
            cadence = c.cadenceSeconds;
    }
    const qint64 maxAgeSeconds = std::max<qint64>(3LL * cadence, 15 * 60);
    for (const IdleInstance &idle : idleInstances(view, policy.idleUtilPercent, policy.idleMinutes, policy.connectionId)) {
        if (idle.latest.snapshotTs.secsTo(view.now) > maxAgeSeconds)
            continue;
        const QString reason = QStringLiteral("GPU util at most %1 % since %2 (under %3 % for %4 min) while paying $%5/hr")
                                   .arg(idle.maxUtilPercent, 0, 'f', 1)
                                   .arg(idle.watchedSince.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                                   .arg(policy.idleUtilPercent)
                                   .arg(policy.idleMinutes)
                                   .arg(idle.latest.costPerHour.value_or(0), 0, 'f', 2);
        candidates << GuardrailCandidate{policy, idle, reason};
    }
    return candidates;
}

GuardrailPolicy policyFor(const QList<GuardrailPolicy> &policies, qint64 connectionId)
{
    for (const GuardrailPolicy &p : policies) {
        if (p.connectionId == connectionId)
            return p;
    }
    GuardrailPolicy defaults;
    defaults.connectionId = connectionId;
    return defaults;
}

Result<GuardrailPreview> previewGuardrail(Store &store, qint64 connectionId, const QDateTime &now, const std::optional<GuardrailPolicy> &policy)
{
    Result<FleetView> view = readFleetView(store, now);
    if (!view)
        return std::unexpected(view.error());
    GuardrailPreview preview;
    bool found = false;
    for (const ConnectionRecord &c : std::as_const(view->connections)) {
        if (c.id == connectionId) {
            preview.connection = c;
            found = true;
        }
    }
    if (!found)
        return fail(ErrorClass::Config, QStringLiteral("guardrails: no connection with id %1").arg(connectionId));
    if (policy) {
        preview.policy = *policy;
    } else {
        Result<QList<GuardrailPolicy>> stored = store.guardrailPolicies();
        if (!stored)
            return std::unexpected(stored.error());
        preview.policy = policyFor(*stored, connectionId);
    }
    preview.policy.connectionId = connectionId;
    preview.candidates = stopIdleCandidates(preview.policy, *view);
    return preview;
}

} // namespace fleetscope
