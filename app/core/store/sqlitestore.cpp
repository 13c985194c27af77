// SqliteStore: opening rules, migrations, batch writes with rollups, bucket queries, retention.
#include "sqlitestore.h"

#include "bucketplan.h"

#include "logging.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

#include <cmath>

namespace fleetscope {
namespace {

qint64 toMs(const QDateTime &ts)
{
    return ts.isValid() ? ts.toMSecsSinceEpoch() : 0;
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// A Fleetscope store is a SQLite file; anything else at that path is refused before SQLite sees it.
Result<void> checkSqliteHeader(const QString &path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorClass::Storage, QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    if (file.read(16) != QByteArray("SQLite format 3\0", 16))
        return fail(ErrorClass::Storage, QStringLiteral("%1: not a SQLite database (refusing to open it; the file was not changed)").arg(path));
    return {};
}

} // namespace

// ---- open and migrate ----------------------------------------------------------------------

SqliteStore::SqliteStore(QString connectionName, QString path, StoreAccess access)
    : m_connectionName(std::move(connectionName)), m_path(std::move(path)), m_access(access)
{
}

SqliteStore::~SqliteStore()
{
    m_statements.clear();   // finalize before the connection closes
    m_handle = nullptr;
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Result<void> SqliteStore::checkWritable() const
{
    const QFileInfo file(m_path);
    const QString dir = file.absolutePath();
    if (!QDir().mkpath(dir))
        return fail(ErrorClass::Storage, QStringLiteral("%1: cannot create the data directory").arg(dir));
    if (!QFileInfo(dir).isWritable())
        return fail(ErrorClass::Storage, QStringLiteral("%1: the data directory is not writable").arg(dir));
    if (file.exists() && !file.isWritable())
        return fail(ErrorClass::Storage, QStringLiteral("%1: the store file is not writable").arg(m_path));
    return {};
}

Result<void> SqliteStore::open()
{
    if (m_access == StoreAccess::ReadWrite) {
        if (Result<void> writable = checkWritable(); !writable)
            return writable;
    } else if (!QFileInfo::exists(m_path)) {
        return fail(ErrorClass::Storage, QStringLiteral("%1: no such store").arg(m_path));
    }
    if (Result<void> header = checkSqliteHeader(m_path); !header)
        return header;

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return fail(ErrorClass::Storage, QStringLiteral("the Qt SQLite driver (libqt6sql6-sqlite) is not installed"));
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(m_access == StoreAccess::ReadOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                                             : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return fail(ErrorClass::Storage, QStringLiteral("%1: %2").arg(m_path, m_db.lastError().text()));
    const QVariant handle = m_db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0 || !(m_handle = *static_cast<sqlite3 *const *>(handle.data())))
        return fail(ErrorClass::Storage, QStringLiteral("%1: the SQLite driver gave no handle").arg(m_path));

    // Reading the schema first catches a corrupt file before anything is written to it.
    Result<int> version = readSchemaVersion();
    if (!version)
        return std::unexpected(version.error());
    m_schemaVersion = *version;
    const int latest = latestSchemaVersion();
    if (m_schemaVersion > latest)
        return fail(ErrorClass::Storage, QStringLiteral("%1: written by a newer Fleetscope (schema version %2; this version knows up to %3). Upgrade Fleetscope to open it.")
                                             .arg(m_path).arg(m_schemaVersion).arg(latest));

    // The writer's page cache is 32 MB (the default 2 MB spills pages mid-transaction on large
    // batches such as a run with hundreds of thousands of metric rows). A new store gets 16 KiB
    // pages: a quarter of the WAL writes and page splits of 4 KiB ones (a large workflow import
    // stores about 20% faster, samples about 10%; queries read no slower); an existing store keeps
    // the size it was made with, as SQLite cannot change it in WAL mode.
    const char *pragmas = m_access == StoreAccess::ReadWrite
        ? "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32768;"
        : "PRAGMA foreign_keys=ON; PRAGMA query_only=ON;";
    if (Result<void> set = sqliteExec(m_handle, QString::fromLatin1(pragmas), m_path); !set)
        return set;

    if (m_access == StoreAccess::ReadWrite)
        return migrate();
    if (m_schemaVersion < latest)
        return fail(ErrorClass::Storage, QStringLiteral("%1: schema version %2 needs migrating to %3 first").arg(m_path).arg(m_schemaVersion).arg(latest));
    return {};
}

Result<int> SqliteStore::readSchemaVersion()
{
    Result<SqliteStatement> tables = SqliteStatement::prepare(
        m_handle, "SELECT count(*), sum(name = 'schema_migrations') FROM sqlite_master WHERE type = 'table'");
    if (!tables)
        return fail(ErrorClass::Storage, QStringLiteral("%1: not a usable SQLite database (%2); the file was not changed").arg(m_path, tables.error().message));
    Result<bool> row = tables->step();
    if (!row)
        return fail(ErrorClass::Storage, QStringLiteral("%1: not a usable SQLite database (%2); the file was not changed").arg(m_path, row.error().message));
    const qint64 tableCount = tables->int64(0);
    const bool hasMigrations = tables->int64(1) > 0;
    if (tableCount == 0)
        return 0;
    if (!hasMigrations)
        return fail(ErrorClass::Storage, QStringLiteral("%1: a SQLite database, but not a Fleetscope store; refusing to change it").arg(m_path));
    Result<SqliteStatement> max = SqliteStatement::prepare(m_handle, "SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (!max)
        return std::unexpected(max.error());
    if (Result<bool> maxRow = max->step(); !maxRow)
        return std::unexpected(maxRow.error());
    return int(max->int64(0));
}

Result<void> SqliteStore::migrate()
{
    const QDir dir(QStringLiteral(":/migrations/sqlite"));
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    if (Result<void> created = sqliteExec(m_handle, QStringLiteral(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)"),
            m_path); !created)
        return created;
    for (const QString &fileName : files) {
        const int version = fileName.left(3).toInt();
        if (version <= m_schemaVersion)
            continue;
        QFile file(dir.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorClass::Storage, QStringLiteral("migration %1: cannot read").arg(fileName));
        const QString script = QString::fromUtf8(file.readAll());
        const QString name = fileName.mid(4).chopped(4);
        const QString record = QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (%1, '%2', %3);")
                                   .arg(version).arg(name).arg(QDateTime::currentMSecsSinceEpoch());
        const QString context = QStringLiteral("%1: migration %2").arg(m_path, fileName);
        // Foreign keys off around each migration, as SQLite prescribes for rebuilding a table: dropping
        // a parent would otherwise cascade into every table that refers to it. Checked before commit.
        if (Result<void> off = sqliteExec(m_handle, QStringLiteral("PRAGMA foreign_keys = OFF"), context); !off)
            return off;
        Result<void> applied = applyMigration(script + QLatin1Char('\n') + record, context);
        if (Result<void> on = sqliteExec(m_handle, QStringLiteral("PRAGMA foreign_keys = ON"), context); applied && !on)
            applied = on;
        if (!applied)
            return applied;
        m_schemaVersion = version;
        qCInfo(lcStore) << "applied migration" << fileName << "to" << m_path;
    }
    return {};
}

Result<void> SqliteStore::applyMigration(const QString &script, const QString &context)
{
    if (Result<void> begun = sqliteExec(m_handle, QStringLiteral("BEGIN IMMEDIATE"), context); !begun)
        return begun;
    Result<void> applied = sqliteExec(m_handle, script, context);
    if (applied) {
        Result<SqliteStatement> check = SqliteStatement::prepare(m_handle, "PRAGMA foreign_key_check");
        if (!check)
            applied = std::unexpected(check.error());
        else if (Result<bool> violation = check->step(); !violation)
            applied = std::unexpected(violation.error());
        else if (*violation)
            applied = fail(ErrorClass::Storage, QStringLiteral("%1: leaves rows in %2 without their parent").arg(context, check->text(0)));
    }
    if (!applied) {
        sqliteExec(m_handle, QStringLiteral("ROLLBACK"), context);
        return applied;
    }
    return sqliteExec(m_handle, QStringLiteral("COMMIT"), context);
}

// ---- writes ----------------------------------------------------------------------------------

Result<SqliteStatement *> SqliteStore::statement(const char *sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        Result<SqliteStatement> prepared = SqliteStatement::prepare(m_handle, sql);
        if (!prepared)
            return std::unexpected(prepared.error());
        it = m_statements.emplace(sql, std::move(*prepared)).first;
    }
    it->second.reset();
    return &it->second;
}

Result<WriteSummary> SqliteStore::write(const WriteBatch &batch)
{
    QElapsedTimer timer;
    timer.start();
    WriteSummary summary;
    summary.source = batch.source;
    const QString context = batch.source.isEmpty() ? m_path : batch.source;
    if (m_access != StoreAccess::ReadWrite)
        return fail(ErrorClass::Storage, QStringLiteral("%1: the store is open read-only").arg(context));

    if (Result<void> begun = sqliteExec(m_handle, QStringLiteral("BEGIN IMMEDIATE"), context); !begun)
        return std::unexpected(begun.error());
    auto rollback = [&](const Error &error) -> Result<WriteSummary> {
        sqliteExec(m_handle, QStringLiteral("ROLLBACK"), context);
        m_seriesIds.clear();   // ids created inside the failed transaction are gone
        m_minuteRollups.clear();
        m_hourRollups.clear();
        return std::unexpected(Error::make(error.kind, context + QStringLiteral(": ") + error.message));
    };

    for (const ConnectionRecord &connection : batch.connections) {
        if (Result<qint64> id = writeConnection(connection); !id)
            return rollback(id.error());
        ++summary.connectionsWritten;
    }
    for (const qint64 id : batch.removedConnections) {
        Result<SqliteStatement *> st = statement("UPDATE connections SET removed_at = ?2, enabled = 0 WHERE id = ?1 AND removed_at IS NULL");
        if (!st)
            return rollback(st.error());
        (*st)->bind(1, id);
        (*st)->bind(2, QDateTime::currentMSecsSinceEpoch());
        if (Result<bool> stepped = (*st)->step(); !stepped)
            return rollback(stepped.error());
        (*st)->reset();
    }
    // Samples carry no foreign key (it would slow ingest), so they go before the cascade takes the series.
    static const char *const kPurgeConnection[] = {
        "DELETE FROM samples WHERE series_id IN (SELECT id FROM series WHERE connection_id = ?1)",
        "DELETE FROM samples_1m WHERE series_id IN (SELECT id FROM series WHERE connection_id = ?1)",
        "DELETE FROM samples_1h WHERE series_id IN (SELECT id FROM series WHERE connection_id = ?1)",
        "DELETE FROM connections WHERE id = ?1",
    };
    for (const qint64 id : batch.purgedConnections) {
        for (const char *sql : kPurgeConnection) {
            Result<SqliteStatement *> st = statement(sql);
            if (!st)
                return rollback(st.error());
            (*st)->bind(1, id);
            if (Result<bool> stepped = (*st)->step(); !stepped)
                return rollback(stepped.error());
            (*st)->reset();
        }
        m_seriesIds.clear();   // the cascade took the connection's series with it
    }
    for (const SeriesSamples &series : batch.series) {
        Result<qint64> id = seriesId(series.key);
        if (!id)
            return rollback(id.error());
        Result<qint64> written = writeSamples(*id, series.samples);
        if (!written)
            return rollback(written.error());
        summary.samplesWritten += *written;
    }
    Result<qint64> rows = writeSnapshots(batch);
    if (!rows)
        return rollback(rows.error());
    summary.rowsWritten = *rows;
    for (const WorkflowConfig &config : batch.workflowConfigs) {
        if (Result<qint64> id = writeWorkflowConfig(config); !id)
            return rollback(id.error());
        ++summary.rowsWritten;
    }
    for (const QString &name : batch.removedWorkflowConfigs) {
        if (Result<void> removed = removeWorkflowConfig(name); !removed)
            return rollback(removed.error());
    }
    for (const MetricSchema &schema : batch.workflowSchemas) {
        if (Result<qint64> id = writeWorkflowSchema(schema); !id)
            return rollback(id.error());
        ++summary.rowsWritten;
    }
    for (const WorkflowRunWrite &run : batch.workflowRuns) {
        Result<qint64> written = writeWorkflowRun(run);
        if (!written)
            return rollback(written.error());
        summary.rowsWritten += *written;
    }
    Result<qint64> alertRows = writeAlerts(batch);
    if (!alertRows)
        return rollback(alertRows.error());
    summary.rowsWritten += *alertRows;
    Result<qint64> budgetRows = writeBudgets(batch);
    if (!budgetRows)
        return rollback(budgetRows.error());
    summary.rowsWritten += *budgetRows;
    Result<qint64> guardrailRows = writeGuardrails(batch);
    if (!guardrailRows)
        return rollback(guardrailRows.error());
    summary.rowsWritten += *guardrailRows;
    for (const ConnectionStatus &status : batch.statuses) {
        if (Result<void> recorded = writeStatus(status); !recorded)
            return rollback(recorded.error());
    }
    if (Result<void> rolled = writeRollups(); !rolled)
        return rollback(rolled.error());
    if (Result<void> committed = sqliteExec(m_handle, QStringLiteral("COMMIT"), context); !committed)
        return rollback(committed.error());
    summary.elapsedMs = timer.elapsed();
    return summary;
}

Result<qint64> SqliteStore::writeConnection(const ConnectionRecord &c)
{
    Result<SqliteStatement *> st = statement(
        "INSERT INTO connections (kind, name, settings_json, enabled, cadence_seconds, created_at, updated_at,"
        " last_sync_at, last_status, last_error, last_success_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, ?9, ?10)"
        " ON CONFLICT (name) WHERE removed_at IS NULL DO UPDATE SET kind = excluded.kind, settings_json = excluded.settings_json,"
        " enabled = excluded.enabled, cadence_seconds = excluded.cadence_seconds, updated_at = excluded.updated_at,"
        " last_sync_at = coalesce(excluded.last_sync_at, last_sync_at), last_status = coalesce(excluded.last_status, last_status),"
        " last_error = coalesce(excluded.last_error, last_error), last_success_at = coalesce(excluded.last_success_at, last_success_at)"
        " RETURNING id");
    if (!st)
        return std::unexpected(st.error());
    SqliteStatement &s = **st;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    s.bind(1, c.kind);
    s.bind(2, c.name);
    s.bind(3, QString::fromUtf8(QJsonDocument(c.settings).toJson(QJsonDocument::Compact)));
    s.bind(4, qint64(c.enabled ? 1 : 0));
    s.bind(5, qint64(c.cadenceSeconds));
    s.bind(6, c.createdAt.isValid() ? toMs(c.createdAt) : now);
    if (c.lastSyncAt.isValid())
        s.bind(7, toMs(c.lastSyncAt));
    s.bind(8, c.lastStatus.isEmpty() ? QString() : c.lastStatus);
    s.bind(9, c.lastError.isEmpty() ? QString() : c.lastError);
    if (c.lastSuccessAt.isValid())
        s.bind(10, toMs(c.lastSuccessAt));
    Result<bool> row = s.step();
    if (!row)
        return std::unexpected(row.error());
    const qint64 id = s.int64(0);
    s.reset();
    return id;
}

Result<void> SqliteStore::writeStatus(const ConnectionStatus &status)
{
    Result<SqliteStatement *> st = statement(
        "UPDATE connections SET last_sync_at = ?2, last_status = ?3, last_error = ?4,"
        " last_success_at = CASE WHEN ?3 = 'ok' THEN ?2 ELSE last_success_at END WHERE id = ?1");
    if (!st)
        return std::unexpected(st.error());
    SqliteStatement &s = **st;
    s.bind(1, status.connectionId);
    s.bind(2, toMs(status.syncedAt));
    s.bind(3, status.status);
    s.bind(4, status.error.isEmpty() ? QString() : status.error);
    Result<bool> done = s.step();
    if (!done)
        return std::unexpected(done.error());
    s.reset();
    return {};
}

Result<qint64> SqliteStore::seriesId(const SeriesKey &key)
{
    const QString cacheKey = QString::number(key.connectionId) + QChar(0x1f) + key.metric + QChar(0x1f) + key.labelsJson;
    if (auto it = m_seriesIds.constFind(cacheKey); it != m_seriesIds.constEnd())
        return *it;
    Result<SqliteStatement *> st = statement(
        "INSERT INTO series (connection_id, metric, labels_json) VALUES (?1, ?2, ?3)"
        " ON CONFLICT (connection_id, metric, labels_json) DO UPDATE SET metric = excluded.metric RETURNING id");
    if (!st)
        return std::unexpected(st.error());
    SqliteStatement &s = **st;
    s.bind(1, key.connectionId);
    s.bind(2, key.metric);
    s.bind(3, key.labelsJson);
    Result<bool> row = s.step();
    if (!row)
        return std::unexpected(row.error());
    const qint64 id = s.int64(0);
    s.reset();
    m_seriesIds.insert(cacheKey, id);
    return id;
}

Result<qint64> SqliteStore::writeSamples(qint64 seriesId, const QList<Sample> &samples)
{
    Result<SqliteStatement *> st = statement("INSERT OR IGNORE INTO samples (series_id, ts, value) VALUES (?1, ?2, ?3)");
    if (!st)
        return std::unexpected(st.error());
    SqliteStatement &s = **st;

    // Samples usually arrive in time order, so rollups accumulate in a running bucket and
    // touch the hash only when the bucket changes.
    struct Running {
        qint64 bucket = std::numeric_limits<qint64>::min();
        Rollup rollup{};
    };
    auto flush = [seriesId](Running &running, QHash<std::pair<qint64, qint64>, Rollup> &into) {
        if (running.bucket == std::numeric_limits<qint64>::min())
            return;
        const auto key = std::make_pair(seriesId, running.bucket);
        auto it = into.find(key);
        if (it == into.end()) {
            into.insert(key, running.rollup);
            return;
        }
        Rollup &r = *it;
        const Rollup &n = running.rollup;
        r.min = std::min(r.min, n.min);
        r.max = std::max(r.max, n.max);
        r.sum += n.sum;
        r.count += n.count;
        if (n.lastTs >= r.lastTs) {
            r.lastTs = n.lastTs;
            r.lastValue = n.lastValue;
        }
    };
    auto add = [&flush](Running &running, qint64 bucket, const Sample &sample, QHash<std::pair<qint64, qint64>, Rollup> &into) {
        if (bucket != running.bucket) {
            flush(running, into);
            running.bucket = bucket;
            running.rollup = Rollup{sample.value, sample.value, 0, 0, sample.tsMs, sample.value};
        }
        Rollup &r = running.rollup;
        r.min = std::min(r.min, sample.value);
        r.max = std::max(r.max, sample.value);
        r.sum += sample.value;
        ++r.count;
        if (sample.tsMs >= r.lastTs) {
            r.lastTs = sample.tsMs;
            r.lastValue = sample.value;
        }
    };

    Running minute;
    Running hour;
    qint64 written = 0;
    for (const Sample &sample : samples) {
        s.bind(1, seriesId);
        s.bind(2, sample.tsMs);
        s.bind(3, sample.value);
        if (Result<bool> stepped = s.step(); !stepped)
            return std::unexpected(stepped.error());
        s.reset();
        if (sqlite3_changes(m_handle) == 0)
            continue;   // a sample already stored: counted once, in the rollups too
        ++written;
        if (std::isnan(sample.value))
            continue;
        add(minute, floorTo(sample.tsMs, kMinuteMs), sample, m_minuteRollups);
        add(hour, floorTo(sample.tsMs, kHourMs), sample, m_hourRollups);
    }
    flush(minute, m_minuteRollups);
    flush(hour, m_hourRollups);
    return written;
}

Result<void> SqliteStore::writeRollups()
{
    static const char *const kUpserts[] = {
        "INSERT INTO samples_1m (series_id, bucket_ts, min_value, max_value, sum_value, count, last_ts, last_value)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (series_id, bucket_ts) DO UPDATE SET"
        " min_value = min(min_value, excluded.min_value), max_value = max(max_value, excluded.max_value),"
        " sum_value = sum_value + excluded.sum_value, count = count + excluded.count,"
        " last_value = CASE WHEN excluded.last_ts >= last_ts THEN excluded.last_value ELSE last_value END,"
        " last_ts = max(last_ts, excluded.last_ts)",
        "INSERT INTO samples_1h (series_id, bucket_ts, min_value, max_value, sum_value, count, last_ts, last_value)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (series_id, bucket_ts) DO UPDATE SET"
        " min_value = min(min_value, excluded.min_value), max_value = max(max_value, excluded.max_value),"
        " sum_value = sum_value + excluded.sum_value, count = count + excluded.count,"
        " last_value = CASE WHEN excluded.last_ts >= last_ts THEN excluded.last_value ELSE last_value END,"
        " last_ts = max(last_ts, excluded.last_ts)",
    };
    QHash<std::pair<qint64, qint64>, Rollup> *tiers[] = {&m_minuteRollups, &m_hourRollups};
    for (int t = 0; t < 2; ++t) {
        Result<SqliteStatement *> st = statement(kUpserts[t]);
        if (!st)
            return std::unexpected(st.error());
        SqliteStatement &s = **st;
        for (auto it = tiers[t]->cbegin(); it != tiers[t]->cend(); ++it) {
            const Rollup &r = it.value();
            s.bind(1, it.key().first);
            s.bind(2, it.key().second);
            s.bind(3, r.min);
            s.bind(4, r.max);
            s.bind(5, r.sum);
            s.bind(6, r.count);
            s.bind(7, r.lastTs);
            s.bind(8, r.lastValue);
            if (Result<bool> stepped = s.step(); !stepped)
                return std::unexpected(stepped.error());
            s.reset();
        }
        tiers[t]->clear();
    }
    return {};
}

Result<PruneSummary> SqliteStore::prune(const QDateTime &cutoff, const QDateTime &jobsCutoff)
{
    PruneSummary summary;
    summary.cutoff = cutoff.toUTC();
    // Samples are clustered by series, so they are pruned series by series through the key.
    struct Prune {
        const char *sql;
        bool jobs;
    };
    static const Prune kStatements[] = {
        {"DELETE FROM instance_snapshots WHERE snapshot_ts < ?1", false},
        {"DELETE FROM endpoint_snapshots WHERE snapshot_ts < ?1", false},
        {"DELETE FROM endpoint_health WHERE observed_ts < ?1", false},
        {"DELETE FROM jobs WHERE observed_ts < ?1", true},
        {"DELETE FROM billing_snapshots WHERE snapshot_ts < ?1", false},
        {"DELETE FROM gpu_offers WHERE observed_ts < ?1", false},
        {"DELETE FROM samples WHERE series_id IN (SELECT id FROM series) AND ts < ?1", false},
        {"DELETE FROM samples_1m WHERE series_id IN (SELECT id FROM series) AND bucket_ts < ?1", false},
        {"DELETE FROM samples_1h WHERE series_id IN (SELECT id FROM series) AND bucket_ts + 3600000 <= ?1", false},
    };
    if (Result<void> begun = sqliteExec(m_handle, QStringLiteral("BEGIN IMMEDIATE"), m_path); !begun)
        return std::unexpected(begun.error());
    for (const Prune &prune : kStatements) {
        Result<SqliteStatement *> st = statement(prune.sql);
        if (!st) {
            sqliteExec(m_handle, QStringLiteral("ROLLBACK"), m_path);
            return std::unexpected(st.error());
        }
        (*st)->bind(1, toMs(prune.jobs ? jobsCutoff : cutoff));
        if (Result<bool> stepped = (*st)->step(); !stepped) {
            sqliteExec(m_handle, QStringLiteral("ROLLBACK"), m_path);
            return std::unexpected(stepped.error());
        }
        summary.rowsDeleted += sqlite3_changes(m_handle);
        (*st)->reset();
    }
    if (Result<void> committed = sqliteExec(m_handle, QStringLiteral("COMMIT"), m_path); !committed)
        return std::unexpected(committed.error());
    return summary;
}

// ---- reads -----------------------------------------------------------------------------------

Result<QList<ConnectionRecord>> SqliteStore::connections()
{
    Result<SqliteStatement *> st = statement(
        "SELECT id, kind, name, settings_json, enabled, cadence_seconds, created_at, updated_at,"
        " last_sync_at, last_status, last_error, last_success_at FROM connections WHERE removed_at IS NULL ORDER BY name");
    if (!st)
        return std::unexpected(st.error());
    QList<ConnectionRecord> result;
    Result<void> read = (*st)->eachRow([&result](const SqliteStatement &s) {
        ConnectionRecord c;
        c.id = s.int64(0);
        c.kind = s.text(1);
        c.name = s.text(2);
        c.settings = QJsonDocument::fromJson(s.text(3).toUtf8()).object();
        c.enabled = s.int64(4) != 0;
        c.cadenceSeconds = int(s.int64(5));
        c.createdAt = fromMs(s.int64(6));
        c.updatedAt = fromMs(s.int64(7));
        if (!s.isNull(8))
            c.lastSyncAt = fromMs(s.int64(8));
        c.lastStatus = s.text(9);
        c.lastError = s.text(10);
        if (!s.isNull(11))
            c.lastSuccessAt = fromMs(s.int64(11));
        result << c;
    });
    if (!read)
        return std::unexpected(read.error());
    return result;
}

Result<QList<SeriesInfo>> SqliteStore::series(qint64 connectionId)
{
    Result<SqliteStatement *> st = statement(
        "SELECT s.id, s.connection_id, s.metric, s.labels_json,"
        " (SELECT min(ts) FROM samples WHERE series_id = s.id), (SELECT max(ts) FROM samples WHERE series_id = s.id)"
        " FROM series s WHERE ?1 = 0 OR s.connection_id = ?1 ORDER BY s.metric, s.labels_json");
    if (!st)
        return std::unexpected(st.error());
    (*st)->bind(1, connectionId);
    QList<SeriesInfo> result;
    Result<void> read = (*st)->eachRow([&result](const SqliteStatement &s) {
        SeriesInfo info;
        info.id = s.int64(0);
        info.key = SeriesKey{s.int64(1), s.text(2), s.text(3)};
        info.firstTsMs = s.int64(4);
        info.lastTsMs = s.int64(5);
        result << info;
    });
    if (!read)
        return std::unexpected(read.error());
    return result;
}

Result<BucketSeries> SqliteStore::buckets(const BucketQuery &query)
{
    const Result<BucketPlan> plan = planBuckets(query);
    if (!plan)
        return std::unexpected(plan.error());
    const qint64 origin = plan->originMs;
    const qint64 width = plan->widthMs;
    BucketSeries result;
    result.tier = plan->tier;
    result.originMs = origin;
    result.widthMs = width;

    static const char *const kRaw =
        "SELECT g.b, g.mn, g.mx, g.sm, g.n, s.value FROM"
        " (SELECT (ts - ?2) / ?3 AS b, min(value) AS mn, max(value) AS mx, sum(value) AS sm, count(value) AS n, max(ts) AS lt"
        "  FROM samples WHERE series_id = ?1 AND ts >= ?2 AND ts < ?4 AND value IS NOT NULL GROUP BY b) g"
        " JOIN samples s ON s.series_id = ?1 AND s.ts = g.lt ORDER BY g.b";
    static const char *const kMinute =
        "SELECT g.b, g.mn, g.mx, g.sm, g.n, r.last_value FROM"
        " (SELECT (bucket_ts - ?2) / ?3 AS b, min(min_value) AS mn, max(max_value) AS mx, sum(sum_value) AS sm,"
        "  sum(count) AS n, max(bucket_ts) AS lb FROM samples_1m WHERE series_id = ?1 AND bucket_ts >= ?2 AND bucket_ts < ?4 GROUP BY b) g"
        " JOIN samples_1m r ON r.series_id = ?1 AND r.bucket_ts = g.lb ORDER BY g.b";
    static const char *const kHour =
        "SELECT g.b, g.mn, g.mx, g.sm, g.n, r.last_value FROM"
        " (SELECT (bucket_ts - ?2) / ?3 AS b, min(min_value) AS mn, max(max_value) AS mx, sum(sum_value) AS sm,"
        "  sum(count) AS n, max(bucket_ts) AS lb FROM samples_1h WHERE series_id = ?1 AND bucket_ts >= ?2 AND bucket_ts < ?4 GROUP BY b) g"
        " JOIN samples_1h r ON r.series_id = ?1 AND r.bucket_ts = g.lb ORDER BY g.b";
    const char *sql = result.tier == Tier::Hour ? kHour : result.tier == Tier::Minute ? kMinute : kRaw;

    Result<SqliteStatement *> st = statement(sql);
    if (!st)
        return std::unexpected(st.error());
    SqliteStatement &s = **st;
    s.bind(1, query.seriesId);
    s.bind(2, origin);
    s.bind(3, width);
    s.bind(4, plan->endMs);
    Result<void> read = s.eachRow([&result, origin, width](const SqliteStatement &row) {
        Bucket bucket;
        bucket.startMs = origin + row.int64(0) * width;
        bucket.min = row.real(1);
        bucket.max = row.real(2);
        bucket.count = row.int64(4);
        bucket.avg = bucket.count ? row.real(3) / double(bucket.count) : 0.0;
        bucket.last = row.real(5);
        result.buckets << bucket;
    });
    if (!read)
        return std::unexpected(read.error());
    return result;
}

Result<qint64> SqliteStore::sampleCount()
{
    Result<SqliteStatement *> st = statement("SELECT coalesce(sum(count), 0) FROM samples_1h");
    if (!st)
        return std::unexpected(st.error());
    if (Result<bool> row = (*st)->step(); !row)
        return std::unexpected(row.error());
    const qint64 n = (*st)->int64(0);
    (*st)->reset();
    return n;
}

void configureSqliteForProcess()
{
    // SQLITE_MISUSE once SQLite is initialized: then the statistics simply stay on.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

} // namespace fleetscope
