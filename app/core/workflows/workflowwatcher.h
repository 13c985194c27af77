// Realtime GitHub fetches: every interval (default 5 minutes) the enabled workflow configurations' new
// completed runs are collected on one worker thread, stored with trigger_source realtime; a configuration
// bound to an AutoscalingRunnerSet has its runners scanned first (arcbinding.h). Fetches never
// overlap: a tick that finds the previous one still running is skipped. A configuration that cannot be
// fetched (no token, an auth error) is reported once per change of its status, not every tick.
#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

class QThread;

namespace fleetscope {

class StoreService;

struct WorkflowWatcherOptions {
    int intervalMs = 5 * 60 * 1000;
    QString apiUrl;     // empty: $GITHUB_API_URL, else https://api.github.com
    QString tokenEnv;   // empty: the keychain entry of the API host
};

class WorkflowWatcher : public QObject
{
    Q_OBJECT
public:
    using Options = WorkflowWatcherOptions;

    explicit WorkflowWatcher(StoreService &store, Options options = {}, QObject *parent = nullptr);
    ~WorkflowWatcher() override;   // cancels a running fetch and waits for it

    void start();                  // the first fetch one interval from now
    void stop();                   // no further ticks; a running fetch is cancelled
    bool isFetching() const { return m_thread != nullptr; }
    // One tick now: false (and nothing started) while the previous fetch still runs.
    bool tick();

Q_SIGNALS:
    // CONFIG's status changed: a one-line error, or empty once it fetches again.
    void statusChanged(const QString &config, const QString &line);
    void runsStored(const QString &config, qint64 count);
    void fetchFinished();          // each tick's worker has ended

private:
    void report(const QString &config, const QString &error, qint64 stored);

    StoreService &m_store;
    Options m_options;
    QTimer m_timer;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    QHash<QString, QString> m_status;   // config name -> its last reported error
};

} // namespace fleetscope
