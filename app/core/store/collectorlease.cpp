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
    PgLease(std::unique_ptr<PgConnection> connection, QString display)
        : m_connection(std::move(connection)), m_display(std::move(display))
    {
    }

    Result<QSet<qint64>> claim(const QList<qint64> &ids) override
    {
        const QSet<qint64> wanted(ids.cbegin(), ids.cend());
        return pgGuard(m_display, [&] {
            pqxx::nontransaction tx(m_connection->conn);
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
        return pgGuard(m_display, [&] {
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
    std::unique_ptr<PgConnection> m_connection;
    QString m_display;
    QSet<qint64> m_held;
};

} // namespace

Result<std::unique_ptr<CollectorLease>> CollectorLease::open(const StoreLocation &location, const QString &holder)
{
    if (!location.isPostgres())
        return std::unique_ptr<CollectorLease>(std::make_unique<LocalLease>());
    return pgGuard(location.display(), [&]() -> std::unique_ptr<CollectorLease> {
        auto connection = std::make_unique<PgConnection>(location.postgresUri.toStdString());
        pqxx::nontransaction tx(connection->conn);
        tx.exec_params("SELECT set_config('application_name', $1, false)", holder.left(63).toStdString());
        return std::make_unique<PgLease>(std::move(connection), location.display());
    });
}

} // namespace fleetscope
