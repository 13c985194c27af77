// ConnectionController: blocking setup steps on a worker thread, requests on the engine thread.
#include "connectioncontroller.h"

#include "credentials/secretref.h"
#include "providers/catalog.h"
#include "providers/connectionsetup.h"
#include "providers/connectiontest.h"
#include "store/storeservice.h"
#include "storeread.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace fleetscope {

ConnectionController::ConnectionController(StoreService &store, Engine &engine, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
{
    connect(&engine, &Engine::connectionStateChanged, this, [this](qint64 id, const ConnectionState &state) {
        m_states.insert(id, state);
        Q_EMIT stateChanged(id, state);
    });
}

std::optional<ConnectionRecord> ConnectionController::connection(qint64 id) const
{
    for (const ConnectionRecord &c : m_connections) {
        if (c.id == id)
            return c;
    }
    return std::nullopt;
}

void ConnectionController::reload()
{
    readLatest<QList<ConnectionRecord>>(m_store, this, m_request, [](Store &s) { return s.connections(); },
                                        [this](const Result<QList<ConnectionRecord>> &connections) {
        if (!connections)
            return;   // the pages show the store's error; the engine keeps what it has
        m_connections = *connections;
        m_engine.setConnections(m_connections);
        Q_EMIT connectionsChanged();
    });
}

template<typename T>
void ConnectionController::runBlocking(std::function<T()> work, QObject *receiver, std::function<void(T)> done)
{
    auto *watcher = new QFutureWatcher<T>(receiver);
    connect(watcher, &QFutureWatcherBase::finished, receiver, [this, watcher, done = std::move(done)] {
        watcher->deleteLater();
        reload();   // whatever happened, show the store as it is now
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

void ConnectionController::add(ConnectionRecord connection, std::optional<Secret> secret, QObject *receiver, RecordDone done)
{
    StoreService &store = m_store;
    runBlocking<Result<ConnectionRecord>>([&store, connection = std::move(connection), secret = std::move(secret)] {
        return addConnection(store, Credentials(), connection, secret);
    }, receiver, std::move(done));
}

void ConnectionController::update(ConnectionRecord connection, std::optional<Secret> newSecret, QObject *receiver, RecordDone done)
{
    StoreService &store = m_store;
    runBlocking<Result<ConnectionRecord>>([&store, connection = std::move(connection), newSecret = std::move(newSecret)] {
        return updateConnection(store, Credentials(), connection, newSecret);
    }, receiver, std::move(done));
}

void ConnectionController::remove(ConnectionRecord connection, bool deleteData, QObject *receiver, VoidDone done)
{
    StoreService &store = m_store;
    runBlocking<Result<void>>([&store, connection = std::move(connection), deleteData] {
        return removeConnection(store, Credentials(), connection, deleteData);
    }, receiver, std::move(done));
}

void ConnectionController::test(ConnectionRecord connection, std::optional<Secret> secret, QObject *receiver, TestDone done)
{
    m_engine.runJob([connection = std::move(connection), secret = std::move(secret)](HttpClient &http, QObject *context,
                                                                                    Engine::JobDone jobDone) {
        if (secret)
            return testConnection(http, connection, *secret, context, std::move(jobDone));
        const ProviderKind *kind = findProviderKind(connection.kind);
        const bool secretOptional = kind && !kind->secretRequired;
        SecretRef::forConnection(connection).resolve(Credentials(), context,
            [&http, connection, context, jobDone, secretOptional](Result<Secret> stored) {
                if (!stored && !secretOptional)
                    return jobDone(std::unexpected(stored.error()));
                testConnection(http, connection, stored ? *stored : Secret(), context, jobDone);
            });
    }, receiver, std::move(done));
}

void ConnectionController::syncNow(qint64 id)
{
    m_engine.syncNow(id);
}

} // namespace fleetscope
