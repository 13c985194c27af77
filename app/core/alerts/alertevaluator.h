// Evaluating alert rules: what the store says about the fleet at one moment (FleetView), and the
// pure function from rules and view to the conditions that hold (findings).
#pragma once

#include "budgets/budgetspend.h"
#include "workflows/metricquery.h"

#include <QHash>
#include "domain.h"

namespace fleetscope {

class Store;

struct FleetView {
    QDateTime now;
    QList<ConnectionRecord> connections;
    QList<InstanceSnapshot> latestInstances;
    QList<InstanceSnapshot> recentInstances;   // every snapshot of the last kRecentHours, oldest first
    QList<BillingSnapshot> latestBilling;
    QList<EndpointHealth> recentHealth;        // each endpoint's health of the last hour, oldest first
    QList<GpuOffer> latestOffers;
    QList<BudgetStatus> budgets;               // every budget's spend at now, read when an enabled rule watches budgets
    QHash<QString, QList<MetricSeries>> workflowSeries;   // per-run series by configuration, read when a rule watches them

    static constexpr int kRecentHours = 6;
};

// A paid, running instance whose GPU util stayed under a threshold for a whole window.
struct IdleInstance {
    InstanceSnapshot latest;
    QDateTime watchedSince;   // the snapshot the window starts from
    double maxUtilPercent = 0;
};

// The instances of VIEW (of CONNECTION_ID; 0: all) idle for MINUTES under THRESHOLD_PERCENT: every
// util reading from the last one at or before the window's start on under the threshold, and
// running. The gpu_idle alert and the stop-idle guardrail share it.
QList<IdleInstance> idleInstances(const FleetView &view, double thresholdPercent, double minutes, qint64 connectionId = 0);

// Reads the view from STORE (on a reader thread: it blocks on queries).
Result<FleetView> readFleetView(Store &store, const QDateTime &now);

// Every enabled rule's findings on VIEW; the evaluation names every enabled rule, so the open
// alerts of those that found nothing this time are resolved when it is written.
AlertEvaluation evaluateAlerts(const QList<AlertRule> &rules, const FleetView &view);

} // namespace fleetscope
