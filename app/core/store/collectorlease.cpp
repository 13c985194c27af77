// Collector leases: advisory locks on PostgreSQL, everything on SQLite.
#include "collectorlease.h"

#include "pgsupport.h"

namespace fleetscope {
namespace {

// The first key of every lock (pg_try_advisory_lock(int, int)); the second is the connection id.
constexpr int kLeaseSpace = 0x464c5343;   // "FLSC"

class LocalLease final : public CollectorLease
{
public:
    Result<QSet<qint64>> claim(const QList<qint64> &ids) override { return QSet<qint64>(ids.cbegin(), ids.cend()); }
    Result<QHash<qint64, QString>> holders(const QList<qint64> &) override { return QHash<qint64, QString>(); }
};

class PgLease final : public CollectorLease
{
public:
    PgLease(StoreLocation location, QString holder) : m_location(std::move(location)), m_holder(std::move(holder)) {}

    // Connects when there is no session, or the server ended it (a restart): a new session holds
    // none of the old locks. Throws; callers turn it into an Error.
    void connect()
    {
        if (m_connection && m_connection->conn.is_open())
            return;
        m_held.clear();
        m_connection = pgConnect(m_location.postgresUri);
        pqxx::nontransaction tx(m_connection->conn);
        tx.exec_params("SELECT set_config('application_name', $1, false)", m_holder.left(63).toStdString());
    }

    Result<QSet<qint64>> claim(const QList<qint64> &ids) override
    {
        const QSet<qint64> wanted(ids.cbegin(), ids.cend());
        return guarded([&] {
            pqxx::nontransaction tx(m_connection->conn);
            // Also finds a session the server ended; a different backend holds none of the old locks.
            const qint64 session = tx.exec1("SELECT pg_backend_pid()")[0].as<qint64>();
            if (session != m_session)
                m_held.clear();
            m_session = session;
            for (const qint64 id : QSet<qint64>(m_held)) {
                if (!wanted.contains(id)) {
                    tx.exec_params("SELECT pg_advisory_unlock($1, $2)", kLeaseSpace, int(id));
                    m_held.remove(id);
                }
            }
            for (const qint64 id : wanted) {
                if (m_held.contains(id))
                    continue;
                const pqxx::result got = tx.exec_params("SELECT pg_try_advisory_lock($1, $2)", kLeaseSpace, int(id));
                if (got[0][0].as<bool>())
                    m_held.insert(id);
            }
            return m_held;
        });
    }

    Result<QHash<qint64, QString>> holders(const QList<qint64> &ids) override
    {
        return guarded([&] {
            pqxx::nontransaction tx(m_connection->conn);
            const pqxx::result rows = tx.exec_params(
                "SELECT l.objid::bigint, coalesce(nullif(a.application_name, ''), 'another collector') FROM pg_locks l"
                " LEFT JOIN pg_stat_activity a ON a.pid = l.pid"
                " WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = $1 AND l.objsubid = 2 AND l.pid <> pg_backend_pid()",
                qint64(kLeaseSpace));
            QHash<qint64, QString> holders;
            for (const pqxx::row &row : rows) {
                const qint64 id = row[0].as<qint64>();
                if (ids.contains(id))
                    holders.insert(id, QString::fromStdString(row[1].as<std::string>()));
            }
            return holders;
        });
    }

private:
    // FN on a live session; a session lost on the way is dropped, so the next call connects again.
    template<typename Fn>
    auto guarded(Fn &&fn) -> Result<decltype(fn())>
    {
        auto result = pgGuard(m_location.display(), [&] {
            connect();
            return fn();
        });
        if (!result && result.error().kind == ErrorClass::Unavailable)
            m_connection.reset();
        return result;
    }

    StoreLocation m_location;
    QString m_holder;
    std::unique_ptr<PgConnection> m_connection;
    QSet<qint64> m_held;
    qint64 m_session = 0;   // the backend process of the session holding m_held
};

} // namespace

Result<std::unique_ptr<CollectorLease>> CollectorLease::open(const StoreLocation &location, const QString &holder)
{
    if (!location.isPostgres())
        return std::unique_ptr<CollectorLease>(std::make_unique<LocalLease>());
    auto lease = std::make_unique<PgLease>(location, holder);
    if (Result<void> connected = pgGuard(location.display(), [&] { lease->connect(); }); !connected)
        return std::unexpected(connected.error());
    return std::unique_ptr<CollectorLease>(std::move(lease));
}

} // namespace fleetscope
