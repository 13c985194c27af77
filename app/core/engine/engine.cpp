// The engine thread's resident (EngineWorker) and the queued calls that reach it.
#include "engine.h"

#include "http/httpclient.h"
#include "logging.h"

#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QPointer>

namespace fleetscope {

// Lives on the engine thread and owns everything there; created and deleted by Engine.
class EngineWorker : public QObject
{
public:
    EngineWorker(Engine *engine, CollectorFactory factory)
        : m_engine(engine)
        , m_factory(std::move(factory))
    {
    }

    void start(const QList<ConnectionRecord> &connections, bool paused)
    {
        m_nam = new QNetworkAccessManager(this);
        m_http = new HttpClient(m_nam, m_clock, this);
        m_scheduler = new Scheduler(m_clock, *m_http, m_factory, this);
        connect(m_scheduler, &Scheduler::batchReady, m_engine, &Engine::batchReady);
        connect(m_scheduler, &Scheduler::connectionStateChanged, m_engine, &Engine::connectionStateChanged);
        if (paused)
            m_scheduler->pause();
        m_scheduler->setConnections(connections);
        qCInfo(lcEngine) << "engine started with" << connections.size() << "connections";
    }

    // Order matters: cycles (and their requests) end before the client, the client before the NAM.
    void shutdown()
    {
        delete m_scheduler;
        m_scheduler = nullptr;
        delete m_http;
        m_http = nullptr;
        delete m_nam;
        m_nam = nullptr;
        qCInfo(lcEngine) << "engine stopped";
    }

    Scheduler *scheduler() const { return m_scheduler; }
    HttpClient *http() const { return m_http; }

private:
    Engine *m_engine;
    CollectorFactory m_factory;
    SystemClock m_clock;
    QNetworkAccessManager *m_nam = nullptr;
    HttpClient *m_http = nullptr;
    Scheduler *m_scheduler = nullptr;
};

Engine::Engine(CollectorFactory factory, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
{
    qRegisterMetaType<fleetscope::WriteBatch>();
    qRegisterMetaType<fleetscope::ConnectionState>();
    m_thread.setObjectName(QStringLiteral("fleetscope-engine"));
}

Engine::~Engine()
{
    stop();
}

template<typename Fn>
void Engine::post(Fn fn)
{
    if (!m_worker)
        return;
    EngineWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, fn = std::move(fn)] {
            if (Scheduler *scheduler = worker->scheduler())
                fn(*scheduler);
        },
        Qt::QueuedConnection);
}

void Engine::runJob(HttpJob job, QObject *receiver, JobDone done)
{
    QPointer<QObject> target(receiver);
    auto deliver = [target, done](Result<QString> result) {
        if (target)
            QMetaObject::invokeMethod(target, [done, result] { done(result); }, Qt::QueuedConnection);
    };
    if (!m_worker) {
        deliver(fail(ErrorClass::Unavailable, QStringLiteral("the collection engine is not running")));
        return;
    }
    EngineWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, job = std::move(job), deliver] {
        if (!worker->http())
            return deliver(fail(ErrorClass::Unavailable, QStringLiteral("the collection engine is stopping")));
        // The context ends with the job, and with the worker if the engine stops first.
        auto *context = new QObject(worker);
        job(*worker->http(), context, [context, deliver](Result<QString> result) {
            context->deleteLater();
            deliver(std::move(result));
        });
    }, Qt::QueuedConnection);
}

void Engine::start()
{
    if (m_worker)
        return;
    m_worker = new EngineWorker(this, m_factory);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, connections = m_connections, paused = m_paused] { worker->start(connections, paused); },
        Qt::QueuedConnection);
}

void Engine::stop()
{
    if (!m_worker)
        return;
    EngineWorker *worker = m_worker;
    m_worker = nullptr;
    // quit() from inside the queue, so everything queued before stop() is still handled.
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            worker->shutdown();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
    delete worker;   // its thread has finished, so no event can reach it any more
}

void Engine::setConnections(const QList<ConnectionRecord> &connections)
{
    m_connections = connections;
    post([connections](Scheduler &scheduler) { scheduler.setConnections(connections); });
}

void Engine::syncNow(qint64 connectionId)
{
    post([connectionId](Scheduler &scheduler) { scheduler.syncNow(connectionId); });
}

void Engine::pause()
{
    m_paused = true;
    post([](Scheduler &scheduler) { scheduler.pause(); });
}

void Engine::resume()
{
    m_paused = false;
    post([](Scheduler &scheduler) { scheduler.resume(); });
}

} // namespace fleetscope
