// GitHubCollector: the GitHub Actions source of runs; extraction and storing are runimport's.
#include "githubcollector.h"

#include "ziparchive.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace fleetscope {
namespace {

bool isFinal(RunStatus status)
{
    return status == RunStatus::Completed || status == RunStatus::Failed || status == RunStatus::Skipped;
}

// The run record of RUN in STATUS before its files are read, keyed as buildRun keys it.
WorkflowRunWrite placeholder(const WorkflowConfig &config, const GitHubRun &run, RunStatus status, TriggerSource trigger, qint64 retryCount)
{
    WorkflowRunWrite write;
    WorkflowRun &r = write.run;
    r.configId = config.id;
    r.configName = config.name;
    r.runKey = runKeyFor(QString::number(run.id), {});
    r.githubRunId = run.id;
    if (run.runNumber > 0)
        r.githubRunNumber = run.runNumber;
    r.headSha = run.headSha;
    r.headBranch = run.headBranch;
    r.status = status;
    r.triggerSource = trigger;
    r.workloadStartedAt = run.runStartedAt.isValid() ? run.runStartedAt : run.createdAt;
    r.workloadCompletedAt = run.updatedAt;
    r.retryCount = retryCount;
    return write;
}

GitHubRun fromStored(const WorkflowRun &stored)
{
    GitHubRun run;
    run.id = stored.githubRunId.value_or(0);
    run.runNumber = stored.githubRunNumber.value_or(0);
    run.headSha = stored.headSha;
    run.headBranch = stored.headBranch;
    run.runStartedAt = stored.workloadStartedAt;
    run.updatedAt = stored.workloadCompletedAt;
    return run;
}

} // namespace

qint64 GitHubFetchReport::count(RunStatus status) const
{
    return std::count_if(collected.cbegin(), collected.cend(), [status](const WorkflowRun &r) { return r.status == status; });
}

bool endsGitHubFetch(const Error &error)
{
    return error.kind == ErrorClass::Auth || error.kind == ErrorClass::RateLimited || error.kind == ErrorClass::Unavailable
           || error.kind == ErrorClass::Cancelled;
}

GitHubCollector::GitHubCollector(GitHubClient &client, StoreService &store, WorkflowConfig config)
    : m_client(client)
    , m_store(store)
    , m_config(std::move(config))
{
}

Result<void> GitHubCollector::store(const WorkflowRunWrite &write)
{
    WriteBatch batch;
    batch.source = QStringLiteral("github run %1 of %2").arg(write.run.label(), m_config.name);
    batch.workflowRuns << write;
    Result<WriteSummary> written = m_store.writeBlocking(batch);
    return written ? Result<void>() : std::unexpected(written.error());
}

Result<GitHubFetchReport> GitHubCollector::fetch(const GitHubFetchOptions &options)
{
    const QString name = m_config.name;
    Result<QList<WorkflowRun>> stored = m_store.read<QList<WorkflowRun>>([name](Store &s) { return s.workflowRuns(name); }).result();
    if (!stored)
        return std::unexpected(stored.error());
    QSet<qint64> done;
    QHash<qint64, TriggerSource> recorded;   // stored, not final: collected with the trigger that found them (an ARC scan's)
    for (const WorkflowRun &run : std::as_const(*stored)) {
        if (run.githubRunId && isFinal(run.status))
            done.insert(*run.githubRunId);
        else if (run.githubRunId)
            recorded.insert(*run.githubRunId, run.triggerSource);
    }

    GitHubRunQuery query{m_config.githubOwner, m_config.githubRepo, m_config.workflowFilter, m_config.branchFilter, options.since, options.until};
    GitHubFetchReport report;
    QList<GitHubRun> todo;
    Result<QList<GitHubRun>> listed = m_client.listCompletedRuns(query, [&](const QList<GitHubRun> &page) {
        const bool allKnown = std::all_of(page.cbegin(), page.cend(), [&done](const GitHubRun &r) { return done.contains(r.id); });
        for (const GitHubRun &run : page) {
            if (!done.contains(run.id) && (options.limit <= 0 || todo.size() < options.limit))
                todo << run;
        }
        const bool enough = options.limit > 0 && todo.size() >= options.limit;
        return !enough && !(options.stopAtKnownPage && allKnown);
    });
    if (!listed)
        return std::unexpected(listed.error());
    report.listed = listed->size();
    report.alreadyStored = std::count_if(listed->cbegin(), listed->cend(), [&done](const GitHubRun &r) { return done.contains(r.id); });

    // Recorded as pending first: an interrupted fetch leaves them to be collected by the next one.
    if (!todo.isEmpty()) {
        WriteBatch pending;
        pending.source = QStringLiteral("github runs of %1").arg(name);
        for (const GitHubRun &run : std::as_const(todo))
            pending.workflowRuns << placeholder(m_config, run, RunStatus::Pending, recorded.value(run.id, options.trigger), 0);
        if (Result<WriteSummary> written = m_store.writeBlocking(pending); !written)
            return std::unexpected(written.error());
    }
    for (const GitHubRun &run : std::as_const(todo)) {
        Result<WorkflowRun> collected = collect(run, recorded.value(run.id, options.trigger), 0);
        if (!collected)
            return std::unexpected(collected.error());
        report.collected << *collected;
        if (m_progress)
            m_progress(report.collected.size(), todo.size(), *collected);
    }
    report.apiCalls = m_client.apiCalls();
    return report;
}

Result<QList<WorkflowRun>> GitHubCollector::retry(const QList<WorkflowRun> &failed)
{
    QList<WorkflowRun> runs;
    for (const WorkflowRun &stored : failed) {
        if (!stored.githubRunId)
            return fail(ErrorClass::Config, QStringLiteral("%1: run %2 did not come from GitHub; import its files again instead").arg(m_config.name, stored.label()));
        Result<WorkflowRun> collected = collect(fromStored(stored), stored.triggerSource, stored.retryCount + 1);
        if (!collected)
            return std::unexpected(collected.error());
        runs << *collected;
        if (m_progress)
            m_progress(runs.size(), failed.size(), *collected);
    }
    return runs;
}

Result<CollectedFiles> GitHubCollector::collectArtifacts(const GitHubRun &run)
{
    Result<QList<GitHubArtifact>> artifacts = m_client.listArtifacts(m_config.githubOwner, m_config.githubRepo, run.id);
    if (!artifacts)
        return std::unexpected(artifacts.error());
    ZipLimits limits;
    limits.maxFileBytes = m_config.maxFileBytes;
    CollectedFiles all;
    for (const GitHubArtifact &artifact : std::as_const(*artifacts)) {
        const QString zipName = artifact.name + QStringLiteral(".zip");
        if (artifact.expired) {
            all.skipped << SkippedFile{zipName, QStringLiteral("artifact expired on GitHub")};
            continue;
        }
        if (artifact.sizeBytes > m_client.maxArtifactBytes()) {
            all.skipped << SkippedFile{zipName, QStringLiteral("%1, over the %2 artifact limit").arg(byteSize(artifact.sizeBytes), byteSize(m_client.maxArtifactBytes()))};
            continue;
        }
        Result<QByteArray> zip = m_client.downloadArtifact(m_config.githubOwner, m_config.githubRepo, artifact.id);
        if (!zip && endsGitHubFetch(zip.error()))
            return std::unexpected(zip.error());
        Result<CollectedFiles> files = zip ? collectZipFiles(*zip, zipName, artifact.name + QLatin1Char('/'), m_config.filePatterns, limits)
                                           : Result<CollectedFiles>(std::unexpected(zip.error()));
        if (!files) {
            all.skipped << SkippedFile{zipName, files.error().message};
            continue;
        }
        all.files += files->files;
        all.skipped += files->skipped;
    }
    std::sort(all.files.begin(), all.files.end(), [](const ResultFile &a, const ResultFile &b) { return a.path < b.path; });
    return all;
}

Result<WorkflowRun> GitHubCollector::collect(const GitHubRun &run, TriggerSource trigger, qint64 retryCount)
{
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    WorkflowRunWrite collecting = placeholder(m_config, run, RunStatus::Collecting, trigger, retryCount);
    collecting.run.collectionStartedAt = startedAt;
    if (Result<void> written = store(collecting); !written)
        return std::unexpected(written.error());

    Result<CollectedFiles> files = collectArtifacts(run);
    if (!files && endsGitHubFetch(files.error())) {
        // Left as it was found, so the next fetch or retry takes it up again.
        WorkflowRunWrite pending = placeholder(m_config, run, retryCount > 0 ? RunStatus::Failed : RunStatus::Pending, trigger, retryCount);
        pending.run.errorMessage = files.error().message;
        if (Result<void> written = store(pending); !written)
            return std::unexpected(written.error());
        return std::unexpected(files.error());
    }
    if (!files) {
        WorkflowRunWrite failed = placeholder(m_config, run, RunStatus::Failed, trigger, retryCount);
        failed.run.collectionStartedAt = startedAt;
        failed.run.collectionCompletedAt = QDateTime::currentDateTimeUtc();
        failed.run.errorMessage = files.error().message;
        if (Result<void> written = store(failed); !written)
            return std::unexpected(written.error());
        return failed.run;
    }

    WorkflowRunWrite extracting = placeholder(m_config, run, RunStatus::Extracting, trigger, retryCount);
    extracting.run.collectionStartedAt = startedAt;
    extracting.run.filesFound = files->found();
    if (Result<void> written = store(extracting); !written)
        return std::unexpected(written.error());

    Result<std::optional<MetricSchema>> schema = activeConfirmedSchema(m_store, m_config.name);
    if (!schema)
        return std::unexpected(schema.error());
    RunOptions options;
    options.schema = *schema;
    options.runId = QString::number(run.id);
    options.headSha = run.headSha;
    options.headBranch = run.headBranch;
    options.startedAt = extracting.run.workloadStartedAt;
    options.collectedAt = QDateTime::currentDateTimeUtc();
    options.triggerSource = trigger;
    BuiltRun built = buildRun(m_config, *files, options);
    WorkflowRun &finished = built.write.run;
    finished.githubRunNumber = extracting.run.githubRunNumber;
    finished.workloadCompletedAt = run.updatedAt;
    finished.collectionStartedAt = startedAt;
    finished.retryCount = retryCount;
    if (Result<void> written = store(built.write); !written)
        return std::unexpected(written.error());
    return finished;
}

} // namespace fleetscope
