// What the stop-idle guardrail would stop now: a pure function of policies and a FleetView, shared
// by the monitor that acts, `fleetscope guardrails preview` and the window's Preview button.
#pragma once

#include "alerts/alertevaluator.h"

namespace fleetscope {

class Store;

struct GuardrailCandidate {
    GuardrailPolicy policy;
    IdleInstance idle;
    QString reason;   // "GPU util at most 2 % since 10:05 (under 5 % for 60 min) while paying $0.44/hr"
};

// The instances of POLICY's connection idle by its thresholds (enabled or not: a preview shows what
// the thresholds would catch), whose newest snapshot is fresh: at most three sync cadences or 15 minutes old.
QList<GuardrailCandidate> stopIdleCandidates(const GuardrailPolicy &policy, const FleetView &view);

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
