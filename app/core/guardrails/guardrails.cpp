// Guardrail policy validation and which providers can be guarded.
#include "guardrails.h"

#include "providers/podlifecycle.h"

namespace fleetscope {

QString GuardrailPolicy::ruleText() const
{
    return QStringLiteral("stop idle > %1 min under %2 %%3").arg(idleMinutes).arg(idleUtilPercent).arg(dryRun ? QStringLiteral(" (dry run)") : QString());
}

QString GuardrailPolicy::dailyCapRuleText(const QString &budgetName) const
{
    return QStringLiteral("stop all at daily cap of budget '%1'%2").arg(budgetName, dryRun ? QStringLiteral(" (dry run)") : QString());
}

AuditEntry podActionAudit(const QString &actor, qint64 connectionId, const QString &podId, const QString &action,
                          const Result<QString> &result, const QDateTime &at)
{
    AuditEntry e;
    e.at = at;
    e.actor = actor;
    e.connectionId = connectionId;
    e.resourceId = podId;
    e.action = action;
    e.outcome = result ? QStringLiteral("ok") : QStringLiteral("failed");
    e.message = result ? (result->isEmpty() ? QStringLiteral("%1 accepted").arg(action) : QStringLiteral("%1: now %2").arg(action, *result))
                       : QStringLiteral("%1 failed: %2").arg(action, result.error().message.left(300));
    return e;
}

AuditEntry launchAudit(const QString &actor, qint64 connectionId, const QString &summary, const Result<QString> &result, const QDateTime &at)
{
    AuditEntry e = podActionAudit(actor, connectionId, result.value_or(QString()), QStringLiteral("launch"), result, at);
    e.message = result ? QStringLiteral("launched %1").arg(summary) : QStringLiteral("launch of %1 failed: %2").arg(summary, result.error().message.left(300));
    return e;
}

Result<GuardrailPolicy> validateGuardrailPolicy(const GuardrailPolicy &policy)
{
    if (policy.connectionId <= 0)
        return fail(ErrorClass::Config, QStringLiteral("guardrail policy: no connection"));
    if (policy.idleMinutes < 1 || policy.idleMinutes > GuardrailPolicy::kMaxIdleMinutes)
        return fail(ErrorClass::Config, QStringLiteral("guardrail policy: idle minutes must be from 1 to %1, got %2")
                                            .arg(GuardrailPolicy::kMaxIdleMinutes).arg(policy.idleMinutes));
    if (!(policy.idleUtilPercent >= 0 && policy.idleUtilPercent <= 100))
        return fail(ErrorClass::Config, QStringLiteral("guardrail policy: idle util must be from 0 to 100 %, got %1").arg(policy.idleUtilPercent));
    return policy;
}

Result<void> guardrailsSupported(const QString &kind)
{
    // A guardrail stops (never terminates): the provider must offer a stop action.
    if (offersPodAction(kind, PodAction::Stop))
        return {};
    return fail(ErrorClass::Config, QStringLiteral("guardrails: %1 connections cannot stop pods from Fleetscope (the provider offers no stop action)").arg(kind));
}

} // namespace fleetscope
