// The collection engine as the GUI and CLI see it: a thread of its own with the network stack,
// HTTP client and scheduler; every call is queued to that thread, results come back as signals.
#pragma once

#include "collector.h"
#include "scheduler.h"

#include <QList>
#include <QObject>
#include <QThread>

namespace fleetscope {

class EngineWorker;

class Engine : public QObject
{
    Q_OBJECT
public:
    explicit Engine(CollectorFactory factory, QObject *parent = nullptr);
    ~Engine() override;   // stops

    // Starts the engine thread; the connections set so far are scheduled there.
    void start();
    // Cancels running cycles, deletes the network stack on its own thread and joins the thread.
    // Blocks only while the engine thread finishes the event it is handling.
    void stop();
    bool isRunning() const { return m_worker != nullptr; }

    void setConnections(const QList<ConnectionRecord> &connections);

    // A one-off request (a pod action, a connection test) on the engine thread's HTTP client.
    // JOB runs there and must call its completion once; DONE then runs on RECEIVER's thread,
    // unless RECEIVER is gone. With the engine stopped, DONE gets an Unavailable error.
    using JobDone = std::function<void(Result<QString>)>;
    using HttpJob = std::function<void(HttpClient &http, QObject *context, JobDone done)>;
    void runJob(HttpJob job, QObject *receiver, JobDone done);
    void syncNow(qint64 connectionId);
    void pause();
    void resume();

Q_SIGNALS:
    // Emitted on the thread that owns the Engine (queued from the engine thread).
    void batchReady(const fleetscope::WriteBatch &batch);
    void connectionStateChanged(qint64 connectionId, const fleetscope::ConnectionState &state);

private:
    template<typename Fn>
    void post(Fn fn);

    CollectorFactory m_factory;
    QList<ConnectionRecord> m_connections;
    bool m_paused = false;
    QThread m_thread;
    EngineWorker *m_worker = nullptr;
};

} // namespace fleetscope
