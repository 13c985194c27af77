// The fleet timeline: events derived from stored rows (snapshots, alerts, sync status, offers), no table of its own.
#pragma once

#include "alerts/alerts.h"
#include "domain.h"
#include "error.h"
#include "export/datasets.h"
#include "snapshots.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace fleetscope {

class Store;

struct FleetEvent {
    QDateTime ts;
    QString kind;             // one of timelineKinds()
    qint64 connectionId = 0;  // 0: not about one connection
    QString connection;       // its name; empty when unknown
    QString resource;         // pod, alert resource, GPU type ...
    QString message;

    friend bool operator==(const FleetEvent &, const FleetEvent &) = default;
};

// pod_started, pod_stopped, pod_terminated, alert_opened, alert_acknowledged, alert_resolved,
// connection_failing, price_changed, action (a pod action audited: by a guardrail, the window or the CLI).
QStringList timelineKinds();

// What the timeline is derived from. Instances and offers may reach back before the range: the
// history before SINCE decides what changed at the first rows inside it.
struct TimelineInput {
    QList<ConnectionRecord> connections;
    QList<InstanceSnapshot> instances;   // oldest first
    QList<AlertRecord> alerts;
    QList<GpuOffer> offers;              // oldest first
    QList<AuditEntry> audit;
};

// The events with SINCE <= ts < UNTIL (invalid: open), ordered by time, then kind, connection and
// resource. A connection's first snapshot is its baseline: the instances in it did not start then.
QList<FleetEvent> buildTimeline(const TimelineInput &input, const QDateTime &since, const QDateTime &until);

Result<QList<FleetEvent>> readTimeline(Store &store, const QDateTime &since, const QDateTime &until);

// `fleetscope export events`: its column contract and rows, for the shared CSV/JSON writers.
const DatasetSpec &timelineDataset();
TableData timelineTable(const QList<FleetEvent> &events);

} // namespace fleetscope
