// ConnectionController: blocking setup steps on a worker thread, requests on the engine thread.
#include "connectioncontroller.h"

#include "credentials/secretref.h"
#include "logging.h"
#include "providers/catalog.h"
#include "providers/connectionsetup.h"
#include "providers/connectiontest.h"
#include "store/collectorlease.h"
#include "store/storeservice.h"
#include "storeread.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QSysInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <mutex>

namespace fleetscope {

// The window's lease, opened on first use; its database connection serves one claim at a time.
struct LeaseHolder {
    StoreLocation location;
    std::mutex mutex;
    std::unique_ptr<CollectorLease> lease;

    // Claims IDS; returns those another process holds, with its name.
    Result<QHash<qint64, QString>> claim(const QList<qint64> &ids)
    {
        std::lock_guard lock(mutex);
        if (!lease) {
            const QString holder = QStringLiteral("Fleetscope desktop on %1, pid %2").arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid());
            Result<std::unique_ptr<CollectorLease>> opened = CollectorLease::open(location, holder);
            if (!opened)
                return std::unexpected(opened.error());
            lease = std::move(*opened);
        }
        Result<QSet<qint64>> held = lease->claim(ids);
        if (!held)
            return std::unexpected(held.error());
        QList<qint64> others;
        for (const qint64 id : ids) {
            if (!held->contains(id))
                others << id;
        }
        if (others.isEmpty())
            return QHash<qint64, QString>();
        Result<QHash<qint64, QString>> holders = lease->holders(others);
        if (!holders)
            return holders;
        for (const qint64 id : others) {
            if (!holders->contains(id))   // released between the two questions: claimed next time
                holders->insert(id, QStringLiteral("another collector"));
        }
        return holders;
    }
};

ConnectionController::ConnectionController(StoreService &store, Engine &engine, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
{
    connect(&engine, &Engine::connectionStateChanged, this, [this](qint64 id, const ConnectionState &state) {
        if (m_elsewhere.contains(id))
            return;   // a cycle that ended after the connection went to another process
        m_states.insert(id, state);
        Q_EMIT stateChanged(id, state);
    });
    if (store.location().isPostgres()) {
        m_lease = std::make_shared<LeaseHolder>();
        m_lease->location = store.location();
        m_reclaim.setInterval(60'000);
        connect(&m_reclaim, &QTimer::timeout, this, &ConnectionController::claimAndCollect);
        m_reclaim.start();
    }
}

ConnectionController::~ConnectionController() = default;

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
        if (!m_store.writable()) {   // a role that can only read: shows the team's data, collects (and claims) nothing
            m_collected.clear();
        } else if (m_lease) {   // until the claim answers: only those collected here already (fresh records)
            QSet<qint64> collectedIds;
            for (const ConnectionRecord &c : std::as_const(m_collected))
                collectedIds.insert(c.id);
            m_collected.clear();
            for (const ConnectionRecord &c : std::as_const(m_connections)) {
                if (collectedIds.contains(c.id))
                    m_collected << c;
            }
            claimAndCollect();
        } else {
            m_collected = m_connections;
        }
        m_engine.setConnections(m_collected);
        Q_EMIT connectionsChanged();
    });
}

void ConnectionController::claimAndCollect()
{
    if (!m_store.writable())
        return;
    if (m_claiming) {
        m_claimAgain = true;
        return;
    }
    QList<qint64> ids;
    for (const ConnectionRecord &c : std::as_const(m_connections)) {
        if (c.enabled)
            ids << c.id;
    }
    m_claiming = true;
    auto *watcher = new QFutureWatcher<Result<QHash<qint64, QString>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, ids] {
        watcher->deleteLater();
        m_claiming = false;
        const Result<QHash<qint64, QString>> elsewhere = watcher->result();
        if (elsewhere)
            applyClaim(QSet<qint64>(ids.cbegin(), ids.cend()), *elsewhere);
        else   // the engine keeps what it has; the next minute tries again
            qCWarning(lcEngine).noquote() << "cannot claim connections to collect:" << describe(elsewhere.error());
        if (std::exchange(m_claimAgain, false))
            claimAndCollect();
    });
    watcher->setFuture(QtConcurrent::run([lease = m_lease, ids] { return lease->claim(ids); }));
}

void ConnectionController::applyClaim(const QSet<qint64> &claimed, const QHash<qint64, QString> &elsewhere)
{
    const QHash<qint64, QString> before = std::exchange(m_elsewhere, elsewhere);
    m_collected.clear();
    for (const ConnectionRecord &c : std::as_const(m_connections)) {
        if (claimed.contains(c.id) && !m_elsewhere.contains(c.id))   // disabled ones are not scheduled anyway
            m_collected << c;
    }
    m_engine.setConnections(m_collected);
    for (auto it = m_elsewhere.cbegin(); it != m_elsewhere.cend(); ++it) {
        if (before.value(it.key()) == it.value())
            continue;   // the same holder as a minute ago: nothing to show anew
        ConnectionState state;
        state.collectedBy = it.value();
        m_states.insert(it.key(), state);
        Q_EMIT stateChanged(it.key(), state);
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!m_elsewhere.contains(it.key())) {   // taken over here: the engine reports from now on
            m_states.insert(it.key(), ConnectionState());
            Q_EMIT stateChanged(it.key(), ConnectionState());
        }
    }
    if (before != m_elsewhere)
        Q_EMIT connectionsChanged();
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
