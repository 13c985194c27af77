// Guardrail policies (what a connection allows Fleetscope to do on its own) and audit rows (what was
// done, or would have been, by a guardrail or a person). Provider-neutral value types.
#pragma once

#include "error.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace fleetscope {

// One connection's policy (guardrail_policies). Off and dry-run unless the user opts in: a policy
// that acts stops pods (never terminates them, so their volumes are kept). Two rules: stop pods
// idle for a while, and stop every running pod once a budget covering the connection has reached
// its daily cap.
struct GuardrailPolicy {
    qint64 connectionId = 0;
    bool stopIdleEnabled = false;
    int idleMinutes = 60;            // 1 .. kMaxIdleMinutes
    double idleUtilPercent = 5;      // 0 .. 100: "idle" means GPU util under this
    bool dryRun = true;
    QDateTime updatedAt;
    bool stopAtDailyCap = false;     // migration 011

    static constexpr int kMaxIdleMinutes = 360;   // the idle check reads six hours of snapshots

    bool anyRuleEnabled() const { return stopIdleEnabled || stopAtDailyCap; }
    bool acts() const { return anyRuleEnabled() && !dryRun; }
    // "stop idle > 60 min under 5 % (dry run)": the rule text audit rows of the idle rule carry.
    QString ruleText() const;
    // "stop all at daily cap of budget 'team' (dry run)": the daily-cap rule's.
    QString dailyCapRuleText(const QString &budgetName) const;
};

// One row of audit_log.
struct AuditEntry {
    qint64 id = 0;                   // 0 until stored
    QDateTime at;
    QString actor;                   // "user", "guardrail", "cli"
    qint64 connectionId = 0;         // 0: none (or the connection was deleted since)
    QString resourceId;              // the pod
    QString action;                  // "stop", "resume", "reboot", "terminate", "launch"
    bool dryRun = false;
    QString outcome;                 // "ok", "failed", "would"
    QString message;
    QString rule;                    // the policy's rule text; empty for people's actions

    friend bool operator==(const AuditEntry &, const AuditEntry &) = default;
};

// The audit row of ACTION ("stop", "resume", "terminate") on POD_ID by ACTOR, whose RESULT is the
// pod's new status or the error; AT invalid: the writer's clock.
AuditEntry podActionAudit(const QString &actor, qint64 connectionId, const QString &podId, const QString &action,
                          const Result<QString> &result, const QDateTime &at = {});

// The audit row of a launch by ACTOR of SUMMARY (launchSummary: what, where, at what price), whose
// RESULT is the new instance's id (the row's resource) or the error.
AuditEntry launchAudit(const QString &actor, qint64 connectionId, const QString &summary, const Result<QString> &result, const QDateTime &at = {});

// Checks POLICY's ranges; a Config error names the field.
Result<GuardrailPolicy> validateGuardrailPolicy(const GuardrailPolicy &policy);

// Whether a connection of KIND can be guarded (its lifecycle can stop pods); the error says why not.
Result<void> guardrailsSupported(const QString &kind);

} // namespace fleetscope
