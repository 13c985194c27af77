// Collecting a configuration's GitHub Actions runs: list completed runs, record the new ones as pending,
// then per run download its artifacts, read the matching entries and store one run with its metrics.
#pragma once

#include "githubclient.h"
#include "runimport.h"
#include "store/storeservice.h"

namespace fleetscope {

struct GitHubFetchOptions {
    QDateTime since;                     // created at or after; invalid: open
    QDateTime until;                     // created before; invalid: open
    qint64 limit = 0;                    // at most this many runs collected; 0: all
    TriggerSource trigger = TriggerSource::Manual;
    // Stop listing at the first page whose runs are all stored (a fetch of what is new). A backfill
    // lists the whole range instead.
    bool stopAtKnownPage = true;
};

struct GitHubFetchReport {
    qint64 listed = 0;                   // completed runs GitHub listed
    qint64 alreadyStored = 0;            // of those, stored with a final status: not collected again
    QList<WorkflowRun> collected;        // the runs collected now, as stored
    qint64 apiCalls = 0;

    qint64 count(RunStatus status) const;
};

// Called after each run is stored: DONE of TOTAL runs to collect.
using GitHubProgress = std::function<void(qint64 done, qint64 total, const WorkflowRun &run)>;

class GitHubCollector
{
public:
    GitHubCollector(GitHubClient &client, StoreService &store, WorkflowConfig config);

    void setProgress(GitHubProgress progress) { m_progress = std::move(progress); }

    // Runs the configuration's filters and OPTIONS select that are not stored yet (or were left
    // pending, collecting or extracting by an interrupted fetch, or recorded pending by the ARC binding) are
    // collected and stored, those already recorded keeping their trigger source. Errors that
    // concern every run (credentials, rate limits, an unreachable API, cancel) end the fetch; what
    // was stored until then stays.
    Result<GitHubFetchReport> fetch(const GitHubFetchOptions &options);

    // Collects stored failed runs again, each with its retry count one higher; the runs as stored.
    Result<QList<WorkflowRun>> retry(const QList<WorkflowRun> &failed);

private:
    // Collects RUN and stores each status it passes through; the final record.
    Result<WorkflowRun> collect(const GitHubRun &run, TriggerSource trigger, qint64 retryCount);
    Result<void> store(const WorkflowRunWrite &write);
    Result<CollectedFiles> collectArtifacts(const GitHubRun &run);

    GitHubClient &m_client;
    StoreService &m_store;
    WorkflowConfig m_config;
    GitHubProgress m_progress;
};

// Whether an error is about the source as a whole (stop fetching) rather than about one run.
bool endsGitHubFetch(const Error &error);

} // namespace fleetscope
