// The connections as the window manages them: the list the engine collects, their live sync
// states, and add / change / test / sync / enable / remove, each answered later on the caller's
// thread. Keychain and store work runs on a worker thread; requests go through the engine thread.
// On a team store (PostgreSQL) the engine collects only the connections this window could claim
// (CollectorLease); those another process holds show who collects them, and are claimed again
// every minute, so that a collector that stops is taken over.
#pragma once

#include "credentials/secret.h"
#include "domain.h"
#include "engine/engine.h"
#include "latestrequest.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace fleetscope {

class StoreService;
struct LeaseHolder;

class ConnectionController : public QObject
{
    Q_OBJECT
public:
    ConnectionController(StoreService &store, Engine &engine, QObject *parent = nullptr);
    ~ConnectionController() override;

    const QList<ConnectionRecord> &connections() const { return m_connections; }
    std::optional<ConnectionRecord> connection(qint64 id) const;
    // What the engine last said about the connection; Scheduled when it said nothing yet.
    ConnectionState state(qint64 id) const { return m_states.value(id); }
    const QHash<qint64, ConnectionState> &states() const { return m_states; }
    // The connections handed to the engine: all of them, except on a team store those another
    // process collects (their state's collectedBy names it).
    const QList<ConnectionRecord> &collected() const { return m_collected; }

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
    // Claims the enabled connections, then hands the engine those held here.
    void claimAndCollect();
    void applyClaim(const QSet<qint64> &claimed, const QHash<qint64, QString> &elsewhere);

    StoreService &m_store;
    Engine &m_engine;
    QList<ConnectionRecord> m_connections;
    QHash<qint64, ConnectionState> m_states;
    QList<ConnectionRecord> m_collected;
    QHash<qint64, QString> m_elsewhere;          // connection id → the process that collects it
    std::shared_ptr<LeaseHolder> m_lease;        // used on a worker thread, one claim at a time
    bool m_claiming = false;
    bool m_claimAgain = false;
    QTimer m_reclaim;
    LatestRequest m_request;
};

} // namespace fleetscope
