// GitHubFetchJob: the worker thread builds its own clients (they belong to it) and runs the collector.
#include "githubfetchjob.h"

#include "store/storeservice.h"
#include "workflows/githubcollector.h"
#include "workflows/githubsession.h"

#include <QPointer>
#include <QThread>

#include <algorithm>
#include <utility>

namespace fleetscope {

GitHubFetchJob::GitHubFetchJob(StoreService &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

GitHubFetchJob::~GitHubFetchJob()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void GitHubFetchJob::cancel()
{
    if (m_cancelled)
        m_cancelled->store(true);
}

bool GitHubFetchJob::start(const Request &request)
{
    if (m_thread)
        return false;
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    m_outcome = {false, tr("stopped")};
    const QPointer<GitHubFetchJob> self(this);
    // Queued onto this object's thread; dropped once the job is gone.
    const auto post = [self](std::function<void(GitHubFetchJob &)> fn) {
        if (self)
            QMetaObject::invokeMethod(self.data(), [self, fn = std::move(fn)] { if (self) fn(*self); }, Qt::QueuedConnection);
    };
    StoreService *store = &m_store;
    m_thread = QThread::create([request, store, cancelled = m_cancelled, post] {
        GitHubSessionOptions options;
        options.tokenEnv = request.tokenEnv;
        options.cancelled = cancelled.get();
        options.notice = [post](const QString &line) { post([line](GitHubFetchJob &job) { Q_EMIT job.progressed(0, 0, line); }); };
        Result<std::unique_ptr<GitHubSession>> session = openGitHubSession(options);
        if (!session) {
            post([error = session.error().message](GitHubFetchJob &job) { job.m_outcome = {false, error}; });
            return;
        }
        GitHubClient &client = *(*session)->client;
        const WorkflowConfig &config = request.config;
        if (request.mode == Mode::Count) {
            const GitHubRunQuery query{config.githubOwner, config.githubRepo, config.workflowFilter, config.branchFilter, request.since, request.until};
            Result<GitHubClient::RunCount> count = client.countCompletedRuns(query);
            if (!count) {
                post([error = count.error().message](GitHubFetchJob &job) { job.m_outcome = {false, error}; });
                return;
            }
            post([count = *count](GitHubFetchJob &job) {
                Q_EMIT job.counted(count.runs, count.listCalls + 2 * count.runs);
                job.m_outcome = {true, QString()};
            });
            return;
        }
        GitHubCollector collector(client, *store, config);
        collector.setProgress([post](qint64 done, qint64 total, const WorkflowRun &run) {
            const QString line = GitHubFetchJob::tr("Run %1: %2").arg(run.label(), runStatusName(run.status));
            post([done, total, line](GitHubFetchJob &job) { Q_EMIT job.progressed(done, total, line); });
        });
        if (request.mode == Mode::Retry) {
            // The same core as `workflows retry`: each run collected again, its retry count one higher.
            Result<QList<WorkflowRun>> retried = collector.retry(request.failed);
            if (!retried) {
                post([error = retried.error().message](GitHubFetchJob &job) { job.m_outcome = {false, error}; });
                return;
            }
            const qsizetype again = std::count_if(retried->cbegin(), retried->cend(), [](const WorkflowRun &r) { return r.status == RunStatus::Failed; });
            const QString summary = GitHubFetchJob::tr("%n run(s) retried: %1 failed again", nullptr, int(retried->size())).arg(again);
            post([summary](GitHubFetchJob &job) { job.m_outcome = {true, summary}; });
            return;
        }
        GitHubFetchOptions fetch;
        fetch.since = request.since;
        fetch.until = request.until;
        fetch.trigger = request.mode == Mode::Backfill ? TriggerSource::Backfill : TriggerSource::Manual;
        fetch.stopAtKnownPage = request.mode == Mode::Fetch;
        Result<GitHubFetchReport> report = collector.fetch(fetch);
        if (!report) {
            post([error = report.error().message](GitHubFetchJob &job) { job.m_outcome = {false, error}; });
            return;
        }
        const QString summary = GitHubFetchJob::tr("%n new run(s): %1 completed, %2 failed, %3 skipped", nullptr, int(report->collected.size()))
                                    .arg(report->count(RunStatus::Completed)).arg(report->count(RunStatus::Failed)).arg(report->count(RunStatus::Skipped));
        post([summary](GitHubFetchJob &job) { job.m_outcome = {true, summary}; });
    });
    m_thread->setObjectName(QStringLiteral("fleetscope-github"));
    // After every posted result (they were queued before the thread ended), so a slot may start the next job.
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        const auto [ok, summary] = std::exchange(m_outcome, {false, tr("stopped")});
        Q_EMIT finished(ok, summary);
    });
    m_thread->start();
    return true;
}

} // namespace fleetscope
