// Fetching, counting, backfilling or retrying one configuration's GitHub Actions runs on a worker thread, for the
// Workflows page: progress and the outcome come back as queued signals, cancel stops it between requests.
#pragma once

#include "workflows/workflowtypes.h"

#include <QDateTime>
#include <QObject>

#include <atomic>
#include <memory>
#include <utility>

class QThread;

namespace fleetscope {

class StoreService;

class GitHubFetchJob : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Fetch, Count, Backfill, Retry };
    struct Request {
        WorkflowConfig config;
        Mode mode = Mode::Fetch;
        QDateTime since;       // Count and Backfill
        QDateTime until;
        QString tokenEnv;      // empty: the keychain (tests name a variable)
        QList<WorkflowRun> failed;   // Retry: the stored failed runs to collect again
    };

    explicit GitHubFetchJob(StoreService &store, QObject *parent = nullptr);
    ~GitHubFetchJob() override;   // cancels and waits for the worker

    bool isRunning() const { return m_thread != nullptr; }
    // Starts REQUEST unless a job is running (then false).
    bool start(const Request &request);
    void cancel();

Q_SIGNALS:
    void progressed(qint64 done, qint64 total, const QString &line);
    void counted(qint64 runs, qint64 apiCalls);
    // Once the worker has ended: OK and a one-line summary, or false and the error.
    void finished(bool ok, const QString &summary);

private:
    StoreService &m_store;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    std::pair<bool, QString> m_outcome;   // what the worker posted last; emitted when it has ended
};

} // namespace fleetscope
