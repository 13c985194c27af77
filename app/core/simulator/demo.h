// --demo: a simulated RunPod account on loopback with a store of its own, clearly labelled.
#pragma once

#include "domain.h"

namespace fleetscope {

// The variable the demo connection reads its (fake) key from; set in-process only.
inline constexpr char kDemoKeyVariable[] = "FLEETSCOPE_DEMO_API_KEY";

// The connection that points the RunPod collector at a simulator listening on 127.0.0.1:PORT,
// collecting every 30 s and polling health every 10 s so the demo moves while you watch.
ConnectionRecord demoConnection(quint16 port);
// The DigitalOcean connection of the demo, to the simulated account on 127.0.0.1:PORT: a provider
// that reports billed charges, so the Budgets panel shows estimated and billed side by side.
ConnectionRecord demoDigitalOceanConnection(quint16 port);

// Three budgets for the demo's Cost page: the whole fleet by month and day, RunPod by month with a
// burn-rate cap low enough that the simulated account's forecast runs over it, and DigitalOcean.
QList<Budget> demoBudgets();
// Alert rules the demo starts with, so alerts arrive while you watch: idle GPUs (the thresholds of
// the demo's guardrail), budgets at 50/80/100 % and their forecast, and cheaper offers.
QList<AlertRule> demoAlertRules();
// The demo shows guardrails at work: stop-idle enabled as a dry run (audited, nothing stopped).
GuardrailPolicy demoGuardrailPolicy(qint64 connectionId);

} // namespace fleetscope
