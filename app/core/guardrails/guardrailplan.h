// What the guardrails would stop now: a pure function of policies and a FleetView, shared by the
// monitor that acts, `fleetscope guardrails preview` and the window's Preview button.
#pragma once

#include "alerts/alertevaluator.h"

namespace fleetscope {

class Store;

struct GuardrailCandidate {
    GuardrailPolicy policy;
    InstanceSnapshot pod;   // the pod's newest snapshot
    QString rule;           // the rule text its audit row carries
    QString reason;         // "GPU util at most 2 % since 10:05 (under 5 % for 60 min) while paying $0.44/hr"
};

// The instances of POLICY's connection idle by its thresholds (enabled or not: a preview shows what
// the thresholds would catch), whose newest snapshot is fresh: at most three sync cadences or 15 minutes old.
QList<GuardrailCandidate> stopIdleCandidates(const GuardrailPolicy &policy, const FleetView &view);

// Every pod of POLICY's connection running in its newest (fresh) snapshot, when a budget of
// VIEW.budgets that covers the connection has spent its daily cap today (UTC); none otherwise.
QList<GuardrailCandidate> dailyCapCandidates(const GuardrailPolicy &policy, const FleetView &view);

// The candidates of POLICY's enabled rules (ENABLED_ONLY) or of both rules (a preview), each pod once.
QList<GuardrailCandidate> guardrailCandidates(const GuardrailPolicy &policy, const FleetView &view, bool enabledOnly);

// The fleet view with budgets read too when WITH_BUDGETS (the daily-cap rule needs them).
Result<FleetView> readGuardrailView(Store &store, const QDateTime &now, bool withBudgets);

// The view, the stored policy of CONNECTION_ID (defaults when none is stored) and its candidates.
struct GuardrailPreview {
    ConnectionRecord connection;
    GuardrailPolicy policy;
    QList<GuardrailCandidate> candidates;
};
// Reads on STORE (a reader thread); POLICY overrides the stored one when given (the dialog's edits).
Result<GuardrailPreview> previewGuardrail(Store &store, qint64 connectionId, const QDateTime &now,
                                          const std::optional<GuardrailPolicy> &policy = std::nullopt);

// The stored policy of CONNECTION_ID among POLICIES, or the default (off, dry run) one.
GuardrailPolicy policyFor(const QList<GuardrailPolicy> &policies, qint64 connectionId);

} // namespace fleetscope
