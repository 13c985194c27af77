// The ARC binding of a workflow configuration: the EphemeralRunners of its AutoscalingRunnerSet, listed
// from its Kubernetes connection, name the GitHub runs their jobs belong to. Each run not stored yet is
// recorded pending (trigger_source realtime) under the key the GitHub fetch collects it by, so the next
// fetch reads its artifacts. Runners come and go with their jobs, so a scan sees those alive now.
#pragma once

#include "store/storeservice.h"

#include <atomic>

namespace fleetscope {

class Credentials;

// One EphemeralRunner (actions.github.com/v1alpha1) as ARC reports it.
struct EphemeralRunner {
    QString name;                  // metadata.name
    QString phase;                 // status.phase: Pending, Running, Succeeded, Failed; empty until set
    qint64 workflowRunId = 0;      // status.workflowRunId; 0 until a job is assigned
    QString jobDisplayName;        // status.jobDisplayName
    QString jobRepositoryName;     // status.jobRepositoryName, "owner/repo"
    QString jobWorkflowRef;        // status.jobWorkflowRef, "owner/repo/.github/workflows/bench.yml@refs/heads/main"
    QDateTime createdAt;           // metadata.creationTimestamp

    // What became of its run in a scan: "recorded", "stored", "no job yet", or which of the
    // configuration's filters (repository, workflow, branch) it falls outside of.
    QString outcome;
};

struct ArcScanReport {
    QString runnerSet;             // "NAMESPACE/NAME"
    QString cluster;               // the connection's name
    QList<EphemeralRunner> runners;   // of the bound set, as listed
    QList<qint64> recorded;        // GitHub run ids recorded pending by this scan
    int pages = 0;                 // list pages read (Kubernetes `continue`)
};

// Whether CONFIG is bound to a runner set on a cluster connection.
bool hasArcBinding(const WorkflowConfig &config);

// Whether KIND's connections are Kubernetes API servers (its descriptor's category).
bool isKubernetesKind(const QString &kind);

class ArcBinding
{
public:
    ArcBinding(StoreService &store, WorkflowConfig config);

    void setPageSize(int size) { m_pageSize = size; }   // the `limit` of each list page
    void setCancelled(const std::atomic_bool *cancelled) { m_cancelled = cancelled; }

    // One scan, waited for on the calling thread (never the GUI's): every page of the set's
    // runners, then one write of the new runs. Errors name the configuration: Config for no binding or a
    // cluster connection that is gone or not Kubernetes; the list's own (Auth for 401/403, Config for
    // 404, Unavailable, BadData) as they come. Nothing is recorded when the list fails.
    Result<ArcScanReport> scan(const Credentials &credentials);

private:
    Result<ConnectionRecord> clusterConnection();
    Result<QList<EphemeralRunner>> listRunners(const ConnectionRecord &cluster, const Credentials &credentials, int *pages);
    // Empty when RUNNER's job passes the configuration's repository, workflow and branch filters.
    QString filteredOut(const EphemeralRunner &runner) const;
    Error failure(const Error &error) const;

    StoreService &m_store;
    WorkflowConfig m_config;
    int m_pageSize = 500;
    const std::atomic_bool *m_cancelled = nullptr;
};

} // namespace fleetscope
