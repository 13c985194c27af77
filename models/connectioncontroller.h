// The connections as the window manages them: the list the engine collects, their live sync
// states, and add / change / test / sync / enable / remove, each answered later on the caller's
// thread. Keychain and store work runs on a worker thread; requests go through the engine thread.
#pragma once

#include "credentials/secret.h"
#include "domain.h"
#include "engine/engine.h"
#include "latestrequest.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace fleetscope {

class StoreService;

class ConnectionController : public QObject
{
    Q_OBJECT
public:
    ConnectionController(StoreService &store, Engine &engine, QObject *parent = nullptr);

    const QList<ConnectionRecord> &connections() const { return m_connections; }
    std::optional<ConnectionRecord> connection(qint64 id) const;
    // What the engine last said about the connection; Scheduled when it said nothing yet.
    ConnectionState state(qint64 id) const { return m_states.value(id); }
    const QHash<qint64, ConnectionState> &states() const { return m_states; }

    // Re-reads the connections and hands them to the engine; connectionsChanged follows.
    void reload();

    using RecordDone = std::function<void(Result<ConnectionRecord>)>;
    using VoidDone = std::function<void(Result<void>)>;
    using TestDone = std::function<void(Result<QString>)>;
    // DONE runs on RECEIVER's thread unless RECEIVER is gone by then.
    void add(ConnectionRecord connection, std::optional<Secret> secret, QObject *receiver, RecordDone done);
    void update(ConnectionRecord connection, std::optional<Secret> newSecret, QObject *receiver, RecordDone done);
    void remove(ConnectionRecord connection, bool deleteData, QObject *receiver, VoidDone done);
    // One real request with CONNECTION's settings and SECRET, or its stored secret when none is given.
    void test(ConnectionRecord connection, std::optional<Secret> secret, QObject *receiver, TestDone done);
    void syncNow(qint64 id);

Q_SIGNALS:
    void connectionsChanged();
    void stateChanged(qint64 connectionId, const fleetscope::ConnectionState &state);

private:
    template<typename T>
    void runBlocking(std::function<T()> work, QObject *receiver, std::function<void(T)> done);

    StoreService &m_store;
    Engine &m_engine;
    QList<ConnectionRecord> m_connections;
    QHash<qint64, ConnectionState> m_states;
    LatestRequest m_request;
};

} // namespace fleetscope
