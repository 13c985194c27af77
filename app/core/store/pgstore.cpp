// PgStore: opening rules, migrations under an advisory lock, batch writes (samples and rollups in
// pgsamples.cpp), retention, and the series and bucket reads.
#include "pgstore.h"

#include "bucketplan.h"
#include "logging.h"
#include "pgsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

namespace fleetscope {
namespace {

// Serialises migrations between processes sharing a database ("Fleet" in ASCII).
constexpr qint64 kMigrationLock = 0x466c656574;

std::string utf8(const QString &text)
{
    return text.toStdString();
}

} // namespace

int PgStore::latestPgSchemaVersion()
{
    const QStringList files = QDir(QStringLiteral(":/migrations/postgres")).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    return files.isEmpty() ? 0 : files.last().left(3).toInt();
}

PgStore::PgStore(QString uri, StoreAccess access)
    : m_uri(std::move(uri)), m_display(redactPostgresUri(m_uri)), m_access(access)
{
}

PgStore::~PgStore() = default;

Result<void> PgStore::open()
{
    Result<void> opened = pgGuard(m_display, [this] {
        m_connection = pgConnect(m_uri);
        pqxx::connection_base &c = m_connection->conn;
        // Kept by libpqxx across a reconnect. Shortest exact floats; no NOTICE chatter on stderr.
        c.set_variable("client_min_messages", "warning");
        c.set_variable("extra_float_digits", "3");
        c.set_variable("application_name", "fleetscope");
        if (m_access == StoreAccess::ReadOnly)
            c.set_variable("default_transaction_read_only", "on");
        readSchemaVersion();
        if (m_access == StoreAccess::ReadWrite)
            readRoleAccess();
    });
    if (!opened)
        return opened;
    const int latest = latestPgSchemaVersion();
    if (m_schemaVersion > latest)
        return fail(ErrorClass::Storage, QStringLiteral("%1: written by a newer Fleetscope (schema version %2; this version knows up to %3). Upgrade Fleetscope to open it.")
                                             .arg(m_display).arg(m_schemaVersion).arg(latest));
    if (m_access == StoreAccess::ReadWrite && m_roleReadOnly && m_schemaVersion < latest)
        return fail(ErrorClass::Auth, QStringLiteral("%1: schema version %2 needs migrating to %3, and this PostgreSQL role can only read; open it once with a role that may write")
                                          .arg(m_display).arg(m_schemaVersion).arg(latest));
    if (m_access == StoreAccess::ReadWrite && m_schemaVersion < latest)
        return pgGuard(m_display, [this] { migrate(); });
    if (m_schemaVersion < latest)
        return fail(ErrorClass::Storage, QStringLiteral("%1: schema version %2 needs migrating to %3 first").arg(m_display).arg(m_schemaVersion).arg(latest));
    return {};
}

void PgStore::readSchemaVersion()
{
    pqxx::nontransaction tx(m_connection->conn);
    const pqxx::row row = tx.exec1(
        "SELECT to_regclass('schema_migrations') IS NOT NULL,"
        " (SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema())");
    const bool hasMigrations = pgBool(row[0]);
    if (!hasMigrations) {
        if (pgInt(row[1]) > 0)
            throw pqxx::usage_error("a PostgreSQL database with tables, but not a Fleetscope store; refusing to change it");
        m_schemaVersion = 0;
        return;
    }
    m_schemaVersion = int(pgInt(tx.exec1("SELECT coalesce(max(version), 0) FROM schema_migrations")[0]));
}

void PgStore::readRoleAccess()
{
    // A standby, or a role without INSERT on the store's tables (an empty database: without CREATE).
    pqxx::nontransaction tx(m_connection->conn);
    m_roleReadOnly = pgBool(tx.exec1(
        "SELECT current_setting('transaction_read_only') = 'on' OR CASE WHEN to_regclass('connections') IS NULL"
        " THEN NOT has_schema_privilege(current_schema(), 'CREATE')"
        " ELSE NOT (has_table_privilege('connections', 'INSERT, UPDATE') AND has_table_privilege('samples', 'INSERT')) END")[0]);
    if (m_roleReadOnly)
        qCInfo(lcStore).noquote() << m_display << "is read-only for this role: it is shown, not changed";
}

void PgStore::migrate()
{
    const QDir dir(QStringLiteral(":/migrations/postgres"));
    for (const QString &fileName : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const int version = fileName.left(3).toInt();
        if (version <= m_schemaVersion)
            continue;
        QFile file(dir.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly))
            throw pqxx::usage_error("migration " + utf8(fileName) + ": cannot read");
        pqxx::work tx(m_connection->conn);
        // Another process may be migrating the same database: wait for it, then look again.
        tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
        tx.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        const int applied = int(pgInt(tx.exec1("SELECT coalesce(max(version), 0) FROM schema_migrations")[0]));
        if (applied >= version) {
            tx.commit();
            m_schemaVersion = applied;
            continue;
        }
        try {
            tx.exec(file.readAll().toStdString());
        } catch (const pqxx::sql_error &e) {
            throw pqxx::sql_error("migration " + utf8(fileName) + ": " + e.what(), e.query(), e.sqlstate().c_str());
        }
        tx.exec_params("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                       version, utf8(fileName.mid(4).chopped(4)), QDateTime::currentMSecsSinceEpoch());
        tx.commit();
        m_schemaVersion = version;
        qCInfo(lcStore).noquote() << "applied migration" << fileName << "to" << m_display;
    }
}

// ---- writes ----------------------------------------------------------------------------------

Result<WriteSummary> PgStore::write(const WriteBatch &batch)
{
    QElapsedTimer timer;
    timer.start();
    const QString context = batch.source.isEmpty() ? m_display : batch.source;
    if (Result<void> refused = refuseReadOnly(context); !refused)
        return std::unexpected(refused.error());
    if (Result<void> targets = checkAlertTargets(batch); !targets)
        return std::unexpected(targets.error());
    if (Result<void> targets = checkBudgetTargets(batch); !targets)
        return std::unexpected(targets.error());

    Result<WriteSummary> written = pgGuard(context, [&] {
        WriteSummary summary;
        summary.source = batch.source;
        pqxx::work tx(m_connection->conn);
        for (const ConnectionRecord &connection : batch.connections) {
            writeConnection(tx, connection);
            ++summary.connectionsWritten;
        }
        for (const qint64 id : batch.removedConnections) {
            tx.exec_params("UPDATE connections SET removed_at = $2, enabled = false WHERE id = $1 AND removed_at IS NULL",
                           id, QDateTime::currentMSecsSinceEpoch());
        }
        // Samples carry no foreign key (it would slow ingest), so they go before the cascade takes the series.
        for (const qint64 id : batch.purgedConnections) {
            for (const char *table : {"samples", "samples_1m", "samples_1h"})
                tx.exec_params(std::string("DELETE FROM ") + table + " WHERE series_id IN (SELECT id FROM series WHERE connection_id = $1)", id);
            tx.exec_params("DELETE FROM connections WHERE id = $1", id);
            m_seriesIds.clear();   // the cascade took the connection's series with it
        }
        summary.samplesWritten = writeSamples(tx, batch.series);
        summary.rowsWritten = writeSnapshots(tx, batch);
        summary.rowsWritten += writeWorkflows(tx, batch);
        summary.rowsWritten += writeAlerts(tx, batch);
        summary.rowsWritten += writeBudgets(tx, batch);
        summary.rowsWritten += writeGuardrails(tx, batch);
        for (const ConnectionStatus &status : batch.statuses) {
            tx.exec_params("UPDATE connections SET last_sync_at = $2, last_status = $3, last_error = $4,"
                           " last_success_at = CASE WHEN $3::text = 'ok' THEN $2::bigint ELSE last_success_at END WHERE id = $1",
                           status.connectionId, pgTime(status.syncedAt).value_or(0), utf8(status.status), pgText(status.error.isEmpty() ? QString() : status.error));
        }
        tx.commit();
        return summary;
    });
    if (!written) {
        m_seriesIds.clear();   // ids created inside the failed transaction are gone
        return written;
    }
    written->elapsedMs = timer.elapsed();
    return written;
}

Result<void> PgStore::refuseReadOnly(const QString &context) const
{
    if (m_access != StoreAccess::ReadWrite)
        return fail(ErrorClass::Storage, QStringLiteral("%1: the store is open read-only").arg(context));
    if (m_roleReadOnly)
        return fail(ErrorClass::Auth, QStringLiteral("%1: read-only: this PostgreSQL role can only read the store; changes need a role that may write").arg(context));
    return {};
}

qint64 PgStore::writeConnection(pqxx::transaction_base &tx, const ConnectionRecord &c)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const pqxx::row row = tx.exec_params1(
        "INSERT INTO connections (kind, name, settings_json, enabled, cadence_seconds, created_at, updated_at,"
        " last_sync_at, last_status, last_error, last_success_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10)"
        " ON CONFLICT (name) WHERE removed_at IS NULL DO UPDATE SET kind = excluded.kind, settings_json = excluded.settings_json,"
        " enabled = excluded.enabled, cadence_seconds = excluded.cadence_seconds, updated_at = excluded.updated_at,"
        " last_sync_at = coalesce(excluded.last_sync_at, connections.last_sync_at),"
        " last_status = coalesce(excluded.last_status, connections.last_status),"
        " last_error = coalesce(excluded.last_error, connections.last_error),"
        " last_success_at = coalesce(excluded.last_success_at, connections.last_success_at)"
        " RETURNING id",
        utf8(c.kind), utf8(c.name), QJsonDocument(c.settings).toJson(QJsonDocument::Compact).toStdString(), c.enabled,
        qint64(c.cadenceSeconds), c.createdAt.isValid() ? c.createdAt.toMSecsSinceEpoch() : now, pgTime(c.lastSyncAt),
        pgText(c.lastStatus.isEmpty() ? QString() : c.lastStatus), pgText(c.lastError.isEmpty() ? QString() : c.lastError),
        pgTime(c.lastSuccessAt));
    return pgInt(row[0]);
}

qint64 PgStore::seriesId(pqxx::transaction_base &tx, const SeriesKey &key)
{
    const QString cacheKey = QString::number(key.connectionId) + QChar(0x1f) + key.metric + QChar(0x1f) + key.labelsJson;
    if (auto it = m_seriesIds.constFind(cacheKey); it != m_seriesIds.constEnd())
        return *it;
    const pqxx::row row = tx.exec_params1(
        "INSERT INTO series (connection_id, metric, labels_json) VALUES ($1, $2, $3)"
        " ON CONFLICT (connection_id, metric, labels_json) DO UPDATE SET metric = excluded.metric RETURNING id",
        key.connectionId, utf8(key.metric), utf8(key.labelsJson));
    const qint64 id = pgInt(row[0]);
    m_seriesIds.insert(cacheKey, id);
    return id;
}

Result<PruneSummary> PgStore::prune(const QDateTime &cutoff, const QDateTime &jobsCutoff)
{
    PruneSummary summary;
    summary.cutoff = cutoff.toUTC();
    struct Prune {
        const char *sql;
        bool jobs;
    };
    // The same rows as SqliteStore::prune deletes.
    static const Prune kStatements[] = {
        {"DELETE FROM instance_snapshots WHERE snapshot_ts < $1", false},
        {"DELETE FROM endpoint_snapshots WHERE snapshot_ts < $1", false},
        {"DELETE FROM endpoint_health WHERE observed_ts < $1", false},
        {"DELETE FROM jobs WHERE observed_ts < $1", true},
        {"DELETE FROM billing_snapshots WHERE snapshot_ts < $1", false},
        {"DELETE FROM gpu_offers WHERE observed_ts < $1", false},
        {"DELETE FROM samples WHERE series_id IN (SELECT id FROM series) AND ts < $1", false},
        {"DELETE FROM samples_1m WHERE series_id IN (SELECT id FROM series) AND bucket_ts < $1", false},
        {"DELETE FROM samples_1h WHERE series_id IN (SELECT id FROM series) AND bucket_ts + 3600000 <= $1", false},
    };
    if (Result<void> refused = refuseReadOnly(m_display); !refused)
        return std::unexpected(refused.error());
    return pgGuard(m_display, [&] {
        pqxx::work tx(m_connection->conn);
        for (const Prune &prune : kStatements) {
            const QDateTime &limit = prune.jobs ? jobsCutoff : cutoff;
            summary.rowsDeleted += qint64(tx.exec_params(prune.sql, limit.isValid() ? limit.toMSecsSinceEpoch() : 0).affected_rows());
        }
        tx.commit();
        return summary;
    });
}

// ---- reads -----------------------------------------------------------------------------------

Result<QList<ConnectionRecord>> PgStore::connections()
{
    return pgRows<ConnectionRecord>(*m_connection, m_display,
        "SELECT id, kind, name, settings_json, enabled, cadence_seconds, created_at, updated_at,"
        " last_sync_at, last_status, last_error, last_success_at FROM connections WHERE removed_at IS NULL ORDER BY name COLLATE \"C\"",
        [](const pqxx::row &r) {
            ConnectionRecord c;
            c.id = pgInt(r[0]);
            c.kind = pgString(r[1]);
            c.name = pgString(r[2]);
            c.settings = pgObject(r[3]);
            c.enabled = pgBool(r[4]);
            c.cadenceSeconds = int(pgInt(r[5]));
            c.createdAt = pgTimestamp(r[6]);
            c.updatedAt = pgTimestamp(r[7]);
            c.lastSyncAt = pgOptTimestamp(r[8]);
            c.lastStatus = pgString(r[9]);
            c.lastError = pgString(r[10]);
            c.lastSuccessAt = pgOptTimestamp(r[11]);
            return c;
        });
}

Result<QList<SeriesInfo>> PgStore::series(qint64 connectionId)
{
    return pgRows<SeriesInfo>(*m_connection, m_display,
        "SELECT s.id, s.connection_id, s.metric, s.labels_json,"
        " coalesce((SELECT min(ts) FROM samples WHERE series_id = s.id), 0), coalesce((SELECT max(ts) FROM samples WHERE series_id = s.id), 0)"
        " FROM series s WHERE $1::bigint = 0 OR s.connection_id = $1::bigint ORDER BY s.metric COLLATE \"C\", s.labels_json COLLATE \"C\"",
        [](const pqxx::row &r) {
            SeriesInfo info;
            info.id = pgInt(r[0]);
            info.key = SeriesKey{pgInt(r[1]), pgString(r[2]), pgString(r[3])};
            info.firstTsMs = pgInt(r[4]);
            info.lastTsMs = pgInt(r[5]);
            return info;
        },
        connectionId);
}

Result<BucketSeries> PgStore::buckets(const BucketQuery &query)
{
    const Result<BucketPlan> plan = planBuckets(query);
    if (!plan)
        return std::unexpected(plan.error());
    // The same grouping as SQLite's, run on the server; "last" is the newest sample (or rollup row) per bucket.
    static const char *const kRaw =
        "SELECT g.b, g.mn, g.mx, g.sm, g.n, s.value FROM"
        " (SELECT (ts - $2) / $3 AS b, min(value) AS mn, max(value) AS mx, sum(value) AS sm, count(value) AS n, max(ts) AS lt"
        "  FROM samples WHERE series_id = $1 AND ts >= $2 AND ts < $4 AND value IS NOT NULL GROUP BY b) g"
        " JOIN samples s ON s.series_id = $1 AND s.ts = g.lt ORDER BY g.b";
    static const char *const kMinute =
        "SELECT g.b, g.mn, g.mx, g.sm, g.n, r.last_value FROM"
        " (SELECT (bucket_ts - $2) / $3 AS b, min(min_value) AS mn, max(max_value) AS mx, sum(sum_value) AS sm,"
        "  sum(count) AS n, max(bucket_ts) AS lb FROM samples_1m WHERE series_id = $1 AND bucket_ts >= $2 AND bucket_ts < $4 GROUP BY b) g"
        " JOIN samples_1m r ON r.series_id = $1 AND r.bucket_ts = g.lb ORDER BY g.b";
    static const char *const kHour =
        "SELECT g.b, g.mn, g.mx, g.sm, g.n, r.last_value FROM"
        " (SELECT (bucket_ts - $2) / $3 AS b, min(min_value) AS mn, max(max_value) AS mx, sum(sum_value) AS sm,"
        "  sum(count) AS n, max(bucket_ts) AS lb FROM samples_1h WHERE series_id = $1 AND bucket_ts >= $2 AND bucket_ts < $4 GROUP BY b) g"
        " JOIN samples_1h r ON r.series_id = $1 AND r.bucket_ts = g.lb ORDER BY g.b";
    const char *sql = plan->tier == Tier::Hour ? kHour : plan->tier == Tier::Minute ? kMinute : kRaw;
    const qint64 origin = plan->originMs;
    const qint64 width = plan->widthMs;
    return pgGuard(m_display, [&] {
        pqxx::nontransaction tx(m_connection->conn);
        const pqxx::result rows = tx.exec_params(sql, query.seriesId, origin, width, plan->endMs);
        BucketSeries result;
        result.tier = plan->tier;
        result.originMs = origin;
        result.widthMs = width;
        result.buckets.reserve(qsizetype(rows.size()));
        for (const pqxx::row &row : rows) {
            Bucket bucket;
            bucket.startMs = origin + pgInt(row[0]) * width;
            bucket.min = pgDouble(row[1]);
            bucket.max = pgDouble(row[2]);
            bucket.count = pgInt(row[4]);
            bucket.avg = bucket.count ? pgDouble(row[3]) / double(bucket.count) : 0.0;
            bucket.last = pgDouble(row[5]);
            result.buckets << bucket;
        }
        return result;
    });
}

Result<qint64> PgStore::sampleCount()
{
    return pgGuard(m_display, [this] {
        pqxx::nontransaction tx(m_connection->conn);
        return pgInt(tx.exec1("SELECT coalesce(sum(count), 0) FROM samples_1h")[0]);
    });
}

} // namespace fleetscope
