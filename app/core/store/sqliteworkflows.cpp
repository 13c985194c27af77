// SqliteStore: workflow configurations, runs with their metric rows, built-in schemas, and metric reads.
#include "sqlitestore.h"

#include "workflowschema.h"
#include "workflows/metricdirection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <sqlite3.h>

#include <array>
#include <iterator>
#include <limits>

namespace fleetscope {
namespace {

constexpr int kRowsPerInsert[] = {256, 16, 1};   // the most a statement takes, then the rest
constexpr int kRunParameters = 4;   // ?1 config, ?2 run, ?3 timestamp, ?4 created_at
constexpr int kRowParameters = 5;   // schema, source file, dimensions, metrics, units id

// INSERT of ROWS metric rows of one run: the run's values in every row, each row's own after them.
QByteArray metricRowsInsert(int rows)
{
    QByteArray sql = "INSERT INTO github_workflow_metrics (config_id, run_id, schema_id, timestamp, source_file, dimensions, metrics,"
                     " units_id, created_at) VALUES ";
    for (int row = 0; row < rows; ++row) {
        const int at = kRunParameters + row * kRowParameters;
        const auto p = [at](int i) { return "?" + QByteArray::number(at + i); };
        sql += (row ? ", " : "") + QByteArray("(?1, ?2, ") + p(1) + ", ?3, " + p(2) + ", " + p(3) + ", " + p(4) + ", " + p(5) + ", ?4)";
    }
    return sql;
}

QString orNull(const QString &text)
{
    return text.isEmpty() ? QString() : text;
}

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject objectFrom(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QDateTime timeAt(const SqliteStatement &s, int column)
{
    return s.isNull(column) ? QDateTime() : QDateTime::fromMSecsSinceEpoch(s.int64(column), Qt::UTC);
}

std::optional<qint64> optionalInt(const SqliteStatement &s, int column)
{
    return s.isNull(column) ? std::nullopt : std::optional<qint64>(s.int64(column));
}

} // namespace

// ---- writes ----------------------------------------------------------------------------------

Result<qint64> SqliteStore::writeWorkflowConfig(const WorkflowConfig &c)
{
    Result<SqliteStatement *> st = statement(
        "INSERT INTO github_workflow_configs (name, description, github_owner, github_repo, workflow_filter, branch_filter,"
        " file_patterns, enabled, max_file_bytes, runner_set_namespace, runner_set_name, created_at, updated_at,"
        " cost_connection_id, gpu_type, cost_gpu_count, cluster_connection_id)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?14, ?15, ?16)"
        " ON CONFLICT (name) DO UPDATE SET description = excluded.description, github_owner = excluded.github_owner,"
        " github_repo = excluded.github_repo, workflow_filter = excluded.workflow_filter, branch_filter = excluded.branch_filter,"
        " file_patterns = excluded.file_patterns, enabled = excluded.enabled, max_file_bytes = excluded.max_file_bytes,"
        " runner_set_namespace = excluded.runner_set_namespace, runner_set_name = excluded.runner_set_name,"
        " updated_at = excluded.updated_at, cost_connection_id = excluded.cost_connection_id, gpu_type = excluded.gpu_type,"
        " cost_gpu_count = excluded.cost_gpu_count, cluster_connection_id = excluded.cluster_connection_id RETURNING id");
    if (!st)
        return std::unexpected(st.error());
    SqliteStatement &s = **st;
    s.bind(1, c.name);
    s.bind(2, orNull(c.description));
    s.bind(3, c.githubOwner);
    s.bind(4, c.githubRepo);
    s.bind(5, orNull(c.workflowFilter));
    s.bind(6, orNull(c.branchFilter));
    s.bind(7, compact(QJsonArray::fromStringList(c.filePatterns)));
    s.bind(8, qint64(c.enabled ? 1 : 0));
    s.bind(9, c.maxFileBytes);
    s.bind(10, orNull(c.runnerSetNamespace));
    s.bind(11, orNull(c.runnerSetName));
    s.bind(12, QDateTime::currentMSecsSinceEpoch());
    s.bind(13, c.costConnectionId);
    s.bind(14, orNull(c.gpuType));
    s.bind(15, c.gpuCount);
    s.bind(16, c.clusterConnectionId);
    Result<bool> row = s.step();
    if (!row)
        return std::unexpected(row.error());
    const qint64 id = s.int64(0);
    s.reset();
    return id;
}

Result<void> SqliteStore::removeWorkflowConfig(const QString &name)
{
    Result<SqliteStatement *> st = statement("DELETE FROM github_workflow_configs WHERE name = ?1");
    if (!st)
        return std::unexpected(st.error());
    (*st)->bind(1, name);
    if (Result<bool> stepped = (*st)->step(); !stepped)
        return std::unexpected(stepped.error());
    (*st)->reset();
    if (sqlite3_changes(m_handle) == 0)
        return fail(ErrorClass::Config, QStringLiteral("no workflow configuration named '%1'").arg(name));
    return {};
}

Result<qint64> SqliteStore::workflowConfigId(const QString &name)
{
    Result<SqliteStatement *> st = statement("SELECT id FROM github_workflow_configs WHERE name = ?1");
    if (!st)
        return std::unexpected(st.error());
    (*st)->bind(1, name);
    Result<bool> row = (*st)->step();
    if (!row)
        return std::unexpected(row.error());
    const qint64 id = *row ? (*st)->int64(0) : 0;
    (*st)->reset();
    if (!id)
        return fail(ErrorClass::Config, QStringLiteral("no workflow configuration named '%1'").arg(name));
    return id;
}

// Inserts WRITE as CONFIGID's next schema version; when it is to be active, the others stop being so.
Result<qint64> SqliteStore::insertWorkflowSchema(qint64 configId, const SchemaVersionWrite &write)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto run = [this, configId, now](const char *sql, const std::function<void(SqliteStatement &)> &bind) -> Result<void> {
        Result<SqliteStatement *> st = statement(sql);
        if (!st)
            return std::unexpected(st.error());
        (*st)->bind(1, configId);
        (*st)->bind(2, now);
        bind(**st);
        Result<bool> stepped = (*st)->step();
        (*st)->reset();
        return stepped ? Result<void>() : std::unexpected(stepped.error());
    };
    if (write.activate) {
        if (Result<void> done = run("UPDATE github_workflow_metric_schemas SET is_active = 0, updated_at = ?2 WHERE config_id = ?1 AND is_active = 1",
                                    [](SqliteStatement &) {}); !done)
            return std::unexpected(done.error());
    }
    if (Result<void> done = run("INSERT INTO github_workflow_metric_schemas (config_id, name, version, fields, dimension_fields,"
                                " metric_fields, is_active, source, created_at, updated_at)"
                                " VALUES (?1, ?3, (SELECT coalesce(max(version), 0) + 1 FROM github_workflow_metric_schemas WHERE config_id = ?1),"
                                " ?4, ?5, ?6, ?7, ?8, ?2, ?2)",
                                [&write](SqliteStatement &s) {
                                    s.bind(3, write.name);
                                    s.bind(4, compact(write.fields.fields));
                                    s.bind(5, compact(write.fields.dimensions));
                                    s.bind(6, compact(write.fields.metrics));
                                    s.bind(7, qint64(write.activate ? 1 : 0));
                                    s.bind(8, write.source);
                                }); !done)
        return std::unexpected(done.error());
    const qint64 schemaId = sqlite3_last_insert_rowid(m_handle);
    if (write.activate) {
        if (Result<void> done = run("UPDATE github_workflow_configs SET metric_schema_id = ?3, updated_at = ?2 WHERE id = ?1",
                                    [schemaId](SqliteStatement &s) { s.bind(3, schemaId); }); !done)
            return std::unexpected(done.error());
    }
    return schemaId;
}

// The newest built-in schema of CONFIGID when it has every one of FIELDS; else a new built-in
// version with the fields of both, made active unless a confirmed schema is.
Result<qint64> SqliteStore::workflowSchemaFor(qint64 configId, const MetricRowFields &fields)
{
    Result<SqliteStatement *> newest = statement(
        "SELECT id, fields FROM github_workflow_metric_schemas WHERE config_id = ?1 AND source = 'builtin'"
        " ORDER BY version DESC LIMIT 1");
    if (!newest)
        return std::unexpected(newest.error());
    (*newest)->bind(1, configId);
    Result<bool> found = (*newest)->step();
    if (!found)
        return std::unexpected(found.error());
    const qint64 newestId = *found ? (*newest)->int64(0) : 0;
    const std::optional<QJsonArray> newestFields = *found ? std::optional<QJsonArray>(QJsonDocument::fromJson((*newest)->text(1).toUtf8()).array())
                                                          : std::nullopt;
    (*newest)->reset();

    const std::optional<WorkflowSchemaFields> grown = grownSchemaFields(newestFields, fields);
    if (!grown)
        return newestId;
    Result<SqliteStatement *> confirmed = statement(
        "SELECT count(*) FROM github_workflow_metric_schemas WHERE config_id = ?1 AND is_active = 1 AND source <> 'builtin'");
    if (!confirmed)
        return std::unexpected(confirmed.error());
    (*confirmed)->bind(1, configId);
    Result<bool> counted = (*confirmed)->step();
    if (!counted)
        return std::unexpected(counted.error());
    const bool confirmedActive = (*confirmed)->int64(0) > 0;
    (*confirmed)->reset();
    return insertWorkflowSchema(configId, SchemaVersionWrite{QStringLiteral("built-in recognizers"), QStringLiteral("builtin"), *grown, !confirmedActive});
}

Result<qint64> SqliteStore::writeWorkflowSchema(const MetricSchema &schema)
{
    Result<qint64> configId = schema.configId ? Result<qint64>(schema.configId) : workflowConfigId(schema.configName);
    if (!configId)
        return std::unexpected(configId.error());
    Result<SchemaVersionWrite> version = confirmedSchemaVersion(schema);
    if (!version)
        return std::unexpected(version.error());
    return insertWorkflowSchema(*configId, *version);
}

// The github_workflow_metric_units id of each of ROWS' units and directions documents.
Result<QList<qint64>> SqliteStore::workflowUnitsIds(const MetricRows &rows)
{
    return unitsIdsOf(rows, [this](QByteArrayView units, QByteArrayView directions) -> Result<qint64> {
        Result<SqliteStatement *> st = statement(
            "INSERT INTO github_workflow_metric_units (units, directions) VALUES (?1, ?2)"
            " ON CONFLICT (units, directions) DO UPDATE SET units = excluded.units RETURNING id");
        if (!st)
            return std::unexpected(st.error());
        (*st)->bindUtf8(1, units);
        (*st)->bindUtf8(2, directions);
        Result<bool> row = (*st)->step();
        if (!row)
            return std::unexpected(row.error());
        const qint64 id = (*st)->int64(0);
        (*st)->reset();
        return id;
    });
}

// Upserts the run by (configuration, run key), then replaces its metric rows. Returns rows written.
Result<qint64> SqliteStore::writeWorkflowRun(const WorkflowRunWrite &write)
{
    const WorkflowRun &r = write.run;
    Result<qint64> configId = r.configId ? Result<qint64>(r.configId) : workflowConfigId(r.configName);
    if (!configId)
        return std::unexpected(configId.error());
    if (r.runKey.isEmpty())
        return fail(ErrorClass::BadData, QStringLiteral("%1: a run without a key").arg(r.configName));
    Result<SqliteStatement *> st = statement(
        "INSERT INTO github_workflow_runs (config_id, run_key, github_run_id, github_run_number, head_sha, head_branch, status,"
        " trigger_source, files_found, files_processed, metrics_count, workload_started_at, workload_completed_at,"
        " collection_started_at, collection_completed_at, error_message, retry_count, created_at, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18)"
        " ON CONFLICT (config_id, run_key) WHERE run_key IS NOT NULL DO UPDATE SET github_run_id = excluded.github_run_id,"
        " github_run_number = excluded.github_run_number, head_sha = excluded.head_sha, head_branch = excluded.head_branch,"
        " status = excluded.status, trigger_source = excluded.trigger_source, files_found = excluded.files_found,"
        " files_processed = excluded.files_processed, metrics_count = excluded.metrics_count,"
        " workload_started_at = excluded.workload_started_at, workload_completed_at = excluded.workload_completed_at,"
        " collection_started_at = excluded.collection_started_at, collection_completed_at = excluded.collection_completed_at,"
        " error_message = excluded.error_message, retry_count = excluded.retry_count, updated_at = excluded.updated_at"
        " RETURNING id");
    if (!st)
        return std::unexpected(st.error());
    SqliteStatement &s = **st;
    s.bind(1, *configId);
    s.bind(2, r.runKey);
    s.bind(3, r.githubRunId);
    s.bind(4, r.githubRunNumber);
    s.bind(5, orNull(r.headSha));
    s.bind(6, orNull(r.headBranch));
    s.bind(7, runStatusName(r.status));
    s.bind(8, triggerSourceName(r.triggerSource));
    s.bind(9, r.filesFound);
    s.bind(10, r.filesProcessed);
    s.bind(11, r.metricsCount);
    s.bind(12, r.workloadStartedAt);
    s.bind(13, r.workloadCompletedAt);
    s.bind(14, r.collectionStartedAt);
    s.bind(15, r.collectionCompletedAt);
    s.bind(16, orNull(r.errorMessage));
    s.bind(17, r.retryCount);
    s.bind(18, QDateTime::currentMSecsSinceEpoch());
    Result<bool> row = s.step();
    if (!row)
        return std::unexpected(row.error());
    const qint64 runId = s.int64(0);
    s.reset();

    Result<SqliteStatement *> clear = statement("DELETE FROM github_workflow_metrics WHERE run_id = ?1");
    if (!clear)
        return std::unexpected(clear.error());
    (*clear)->bind(1, runId);
    if (Result<bool> stepped = (*clear)->step(); !stepped)
        return std::unexpected(stepped.error());
    (*clear)->reset();
    const MetricRows &rows = write.rows;
    if (rows.isEmpty())
        return 1;

    Result<qint64> schemaId = rows.hasBuiltinRows() ? workflowSchemaFor(*configId, rows.builtinFields()) : Result<qint64>(0);
    if (!schemaId)
        return std::unexpected(schemaId.error());
    // Up to 256 rows a statement: SQLite keeps the table's and the indexes' cursors open across a
    // statement's rows, where a statement per row opened them and walked down from the root each time
    // (the store writes a large import 1.5x as fast). The run's values are bound once per statement.
    static const std::array<QByteArray, std::size(kRowsPerInsert)> kInserts = [] {
        std::array<QByteArray, std::size(kRowsPerInsert)> inserts;
        for (std::size_t i = 0; i < inserts.size(); ++i)
            inserts[i] = metricRowsInsert(kRowsPerInsert[i]);
        return inserts;
    }();
    Result<QList<qint64>> unitsIds = workflowUnitsIds(rows);
    if (!unitsIds)
        return std::unexpected(unitsIds.error());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 timestamp = r.metricTime().isValid() ? r.metricTime().toMSecsSinceEpoch() : now;
    // The documents are bound where they lie (rows outlive each step); a file's path is converted once
    // for all its rows, and kept while a statement's rows may still point at it.
    QList<QByteArray> sourceFilesUtf8;
    const QString *sourceFile = nullptr;
    for (qsizetype i = 0; i < rows.size();) {
        std::size_t size = 0;
        while (rows.size() - i < kRowsPerInsert[size])
            ++size;
        const int count = kRowsPerInsert[size];
        Result<SqliteStatement *> insert = statement(kInserts[size].constData());
        if (!insert)
            return std::unexpected(insert.error());
        SqliteStatement &m = **insert;
        m.bind(1, *configId);
        m.bind(2, runId);
        m.bind(3, timestamp);
        m.bind(4, now);
        for (int row = 0; row < count; ++row, ++i) {
            if (sourceFile != &rows.sourceFile(i)) {
                sourceFile = &rows.sourceFile(i);
                sourceFilesUtf8 << sourceFile->toUtf8();
            }
            const int at = kRunParameters + row * kRowParameters;
            m.bind(at + 1, rows.schemaId(i) ? rows.schemaId(i) : *schemaId);
            if (sourceFile->isEmpty())
                m.bindNull(at + 2);
            else
                m.bindUtf8Static(at + 2, sourceFilesUtf8.constLast());
            m.bindUtf8Static(at + 3, rows.dimensions(i));
            m.bindUtf8Static(at + 4, rows.metrics(i));
            m.bind(at + 5, unitsIds->at(rows.fieldDocumentsIndex(i)));
        }
        if (Result<bool> stepped = m.step(); !stepped)
            return std::unexpected(stepped.error());
        m.reset();
    }
    return 1 + rows.size();
}

// ---- reads -----------------------------------------------------------------------------------

Result<QList<MetricSchema>> SqliteStore::workflowSchemas(const QString &config)
{
    Result<qint64> configId = workflowConfigId(config);
    if (!configId)
        return std::unexpected(configId.error());
    Result<SqliteStatement *> st = statement(
        "SELECT id, name, version, source, is_active, fields, created_at FROM github_workflow_metric_schemas"
        " WHERE config_id = ?1 ORDER BY version DESC");
    if (!st)
        return std::unexpected(st.error());
    (*st)->bind(1, *configId);
    QList<MetricSchema> result;
    Result<void> read = (*st)->eachRow([&](const SqliteStatement &s) {
        MetricSchema schema;
        schema.id = s.int64(0);
        schema.configId = *configId;
        schema.configName = config;
        schema.name = s.text(1);
        schema.version = int(s.int64(2));
        schema.source = s.text(3);
        schema.active = s.int64(4) != 0;
        schema.fields = schemaFieldsFromJson(QJsonDocument::fromJson(s.text(5).toUtf8()).array());
        schema.createdAt = timeAt(s, 6);
        result << schema;
    });
    if (!read)
        return std::unexpected(read.error());
    return result;
}

Result<QList<WorkflowConfig>> SqliteStore::workflowConfigs()
{
    Result<SqliteStatement *> st = statement(
        "SELECT id, name, description, github_owner, github_repo, workflow_filter, branch_filter, file_patterns, enabled,"
        " max_file_bytes, runner_set_namespace, runner_set_name, metric_schema_id, created_at, updated_at,"
        " cost_connection_id, gpu_type, cost_gpu_count, cluster_connection_id"
        " FROM github_workflow_configs ORDER BY name");
    if (!st)
        return std::unexpected(st.error());
    QList<WorkflowConfig> result;
    Result<void> read = (*st)->eachRow([&result](const SqliteStatement &s) {
        WorkflowConfig c;
        c.id = s.int64(0);
        c.name = s.text(1);
        c.description = s.text(2);
        c.githubOwner = s.text(3);
        c.githubRepo = s.text(4);
        c.workflowFilter = s.text(5);
        c.branchFilter = s.text(6);
        for (const QJsonValue &pattern : QJsonDocument::fromJson(s.text(7).toUtf8()).array())
            c.filePatterns << pattern.toString();
        c.enabled = s.int64(8) != 0;
        c.maxFileBytes = s.int64(9);
        c.runnerSetNamespace = s.text(10);
        c.runnerSetName = s.text(11);
        c.metricSchemaId = s.int64(12);
        c.createdAt = timeAt(s, 13);
        c.updatedAt = timeAt(s, 14);
        c.costConnectionId = optionalInt(s, 15);
        c.gpuType = s.text(16);
        c.gpuCount = s.int64(17);
        c.clusterConnectionId = optionalInt(s, 18);
        result << c;
    });
    if (!read)
        return std::unexpected(read.error());
    return result;
}

Result<QList<WorkflowRun>> SqliteStore::workflowRuns(const QString &config)
{
    Result<SqliteStatement *> st = statement(
        "SELECT r.id, r.config_id, c.name, r.run_key, r.github_run_id, r.github_run_number, r.head_sha, r.head_branch, r.status,"
        " r.trigger_source, r.files_found, r.files_processed, r.metrics_count, r.workload_started_at, r.workload_completed_at,"
        " r.collection_started_at, r.collection_completed_at, r.error_message, r.retry_count, r.created_at, r.updated_at"
        " FROM github_workflow_runs r JOIN github_workflow_configs c ON c.id = r.config_id"
        " WHERE ?1 IS NULL OR c.name = ?1"
        " ORDER BY coalesce(r.workload_started_at, r.collection_started_at, r.created_at), r.id");
    if (!st)
        return std::unexpected(st.error());
    (*st)->bind(1, orNull(config));
    QList<WorkflowRun> result;
    Result<void> read = (*st)->eachRow([&result](const SqliteStatement &s) {
        WorkflowRun r;
        r.id = s.int64(0);
        r.configId = s.int64(1);
        r.configName = s.text(2);
        r.runKey = s.text(3);
        r.githubRunId = optionalInt(s, 4);
        r.githubRunNumber = optionalInt(s, 5);
        r.headSha = s.text(6);
        r.headBranch = s.text(7);
        r.status = runStatusFromName(s.text(8));
        r.triggerSource = triggerSourceFromName(s.text(9));
        r.filesFound = s.int64(10);
        r.filesProcessed = s.int64(11);
        r.metricsCount = s.int64(12);
        r.workloadStartedAt = timeAt(s, 13);
        r.workloadCompletedAt = timeAt(s, 14);
        r.collectionStartedAt = timeAt(s, 15);
        r.collectionCompletedAt = timeAt(s, 16);
        r.errorMessage = s.text(17);
        r.retryCount = s.int64(18);
        r.createdAt = timeAt(s, 19);
        r.updatedAt = timeAt(s, 20);
        result << r;
    });
    if (!read)
        return std::unexpected(read.error());
    return result;
}

Result<QList<WorkflowMetricRow>> SqliteStore::workflowMetricRows(const WorkflowMetricFilter &filter)
{
    Result<qint64> configId = workflowConfigId(filter.config);
    if (!configId)
        return std::unexpected(configId.error());
    // One row per metric value: the metrics object unnested, its unit and direction joined by key.
    Result<SqliteStatement *> st = statement(
        "SELECT m.run_id, m.timestamp, r.github_run_id, r.head_sha, m.source_file, m.dimensions, e.key, e.value, u.value, d.value"
        " FROM github_workflow_metrics m JOIN github_workflow_runs r ON r.id = m.run_id"
        " LEFT JOIN github_workflow_metric_units f ON f.id = m.units_id"
        " JOIN json_each(m.metrics) e LEFT JOIN json_each(f.units) u ON u.key = e.key"
        " LEFT JOIN json_each(f.directions) d ON d.key = e.key"
        " WHERE m.config_id = ?1 AND m.timestamp >= ?2 AND m.timestamp < ?3 AND e.type IN ('integer', 'real')"
        " ORDER BY m.timestamp, m.run_id, m.id, e.key");
    if (!st)
        return std::unexpected(st.error());
    (*st)->bind(1, *configId);
    (*st)->bind(2, filter.since.isValid() ? filter.since.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min());
    (*st)->bind(3, filter.until.isValid() ? filter.until.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max());
    const QSet<QString> wanted(filter.metrics.cbegin(), filter.metrics.cend());
    QList<WorkflowMetricRow> result;
    QString lastDimensionsText;
    QJsonObject lastDimensions;
    Result<void> read = (*st)->eachRow([&](const SqliteStatement &s) {
        const QString metric = s.text(6);
        if (!wanted.isEmpty() && !wanted.contains(metric))
            return;
        const QString dimensionsText = s.text(5);
        if (dimensionsText != lastDimensionsText) {
            lastDimensionsText = dimensionsText;
            lastDimensions = objectFrom(dimensionsText);
        }
        WorkflowMetricRow row;
        row.runId = s.int64(0);
        row.timestamp = timeAt(s, 1);
        row.githubRunId = optionalInt(s, 2);
        row.headSha = s.text(3);
        row.sourceFile = s.text(4);
        row.dimensions = lastDimensions;
        row.metric = metric;
        row.value = s.real(7);
        row.unit = s.text(8);
        row.direction = storedDirection(s.text(9), metric, row.unit);
        result << row;
    });
    if (!read)
        return std::unexpected(read.error());
    return result;
}

} // namespace fleetscope
