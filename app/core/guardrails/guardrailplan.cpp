// Stop-idle candidates over the same idle computation as the gpu_idle alert.
#include "guardrailplan.h"

#include "budgets/budgetspend.h"
#include "store/store.h"

#include <algorithm>

namespace fleetscope {

namespace {

const ConnectionRecord *connectionOf(const FleetView &view, qint64 connectionId)
{
    for (const ConnectionRecord &c : view.connections) {
        if (c.id == connectionId)
            return &c;
    }
    return nullptr;
}

// Only on fresh data: a connection that stopped syncing may show a pod idle (or running) that is not by now.
bool isFresh(const InstanceSnapshot &pod, const ConnectionRecord *connection, const QDateTime &now)
{
    const qint64 maxAgeSeconds = std::max<qint64>(3LL * (connection ? connection->cadenceSeconds : 300), 15 * 60);
    return pod.snapshotTs.secsTo(now) <= maxAgeSeconds;
}

QString money(double value)
{
    return QStringLiteral("$%1").arg(value, 0, 'f', 2);
}

} // namespace

QList<GuardrailCandidate> stopIdleCandidates(const GuardrailPolicy &policy, const FleetView &view)
{
    QList<GuardrailCandidate> candidates;
    const ConnectionRecord *connection = connectionOf(view, policy.connectionId);
    for (const IdleInstance &idle : idleInstances(view, policy.idleUtilPercent, policy.idleMinutes, policy.connectionId)) {
        if (!isFresh(idle.latest, connection, view.now))
            continue;
        const QString reason = QStringLiteral("GPU util at most %1 % since %2 (under %3 % for %4 min) while paying %5/hr")
                                   .arg(idle.maxUtilPercent, 0, 'f', 1)
                                   .arg(idle.watchedSince.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                                   .arg(policy.idleUtilPercent)
                                   .arg(policy.idleMinutes)
                                   .arg(money(idle.latest.costPerHour.value_or(0)));
        candidates << GuardrailCandidate{policy, idle.latest, policy.ruleText(), reason};
    }
    return candidates;
}

QList<GuardrailCandidate> dailyCapCandidates(const GuardrailPolicy &policy, const FleetView &view)
{
    const ConnectionRecord *connection = connectionOf(view, policy.connectionId);
    if (!connection)
        return {};
    // The budget that overshot its daily cap the most names the reason.
    const BudgetStatus *reached = nullptr;
    for (const BudgetStatus &status : view.budgets) {
        if (!status.budget.dailyCap || !budgetCovers(status.budget, connection->id, connection->kind) || status.day.spent < *status.budget.dailyCap)
            continue;
        if (!reached || *status.dailyPercent() > *reached->dailyPercent())
            reached = &status;
    }
    if (!reached)
        return {};
    // The pods of the connection's newest snapshot: one that left since is not in it.
    QDateTime newest;
    for (const InstanceSnapshot &pod : view.latestInstances) {
        if (pod.connectionId == connection->id && (!newest.isValid() || pod.snapshotTs > newest))
            newest = pod.snapshotTs;
    }
    const QString reason = QStringLiteral("budget '%1' spent %2 of its %3 daily cap today (UTC)")
                               .arg(reached->budget.name, money(reached->day.spent), money(*reached->budget.dailyCap));
    QList<GuardrailCandidate> candidates;
    for (const InstanceSnapshot &pod : view.latestInstances) {
        if (pod.connectionId != connection->id || pod.snapshotTs != newest || !isRunning(pod) || !isFresh(pod, connection, view.now))
            continue;
        const QString why = pod.costPerHour ? reason + QStringLiteral(" while this pod costs %1/hr").arg(money(*pod.costPerHour)) : reason;
        candidates << GuardrailCandidate{policy, pod, policy.dailyCapRuleText(reached->budget.name), why};
    }
    return candidates;
}

QList<GuardrailCandidate> guardrailCandidates(const GuardrailPolicy &policy, const FleetView &view, bool enabledOnly)
{
    QList<GuardrailCandidate> candidates;
    if (!enabledOnly || policy.stopIdleEnabled)
        candidates = stopIdleCandidates(policy, view);
    if (enabledOnly && !policy.stopAtDailyCap)
        return candidates;
    for (const GuardrailCandidate &capped : dailyCapCandidates(policy, view)) {
        if (std::none_of(candidates.cbegin(), candidates.cend(), [&capped](const GuardrailCandidate &c) { return c.pod.instanceId == capped.pod.instanceId; }))
            candidates << capped;
    }
    return candidates;
}

Result<FleetView> readGuardrailView(Store &store, const QDateTime &now, bool withBudgets)
{
    Result<FleetView> view = readFleetView(store, now);
    if (view && withBudgets && view->budgets.isEmpty()) {   // not read already for an alert rule
        Result<QList<BudgetStatus>> budgets = readBudgetStatuses(store, now);
        if (!budgets)
            return std::unexpected(budgets.error());
        view->budgets = *budgets;
    }
    return view;
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
    Result<FleetView> view = readGuardrailView(store, now, true);
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
    preview.candidates = guardrailCandidates(preview.policy, *view, false);
    return preview;
}

} // namespace fleetscope
