// PgStore: workflow configurations, runs with their metric rows, built-in schemas, and metric reads —
// the same rows, versions and order as SqliteStore's (sqliteworkflows.cpp), the documents as JSONB.
#include "pgstore.h"

#include "pgsupport.h"
#include "workflowschema.h"
#include "workflows/metricdirection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <limits>

namespace fleetscope {
namespace {

// Empty text is stored as NULL, as SqliteStore does.
std::optional<std::string> textOrNull(const QString &text)
{
    return text.isEmpty() ? std::nullopt : std::optional<std::string>(text.toStdString());
}

std::string compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}

QJsonArray arrayFrom(const pqxx::field &field)
{
    return QJsonDocument::fromJson(QByteArray(field.c_str(), qsizetype(field.size()))).array();
}

Error noSuchConfig(const QString &name)
{
    return Error::make(ErrorClass::Config, QStringLiteral("no workflow configuration named '%1'").arg(name));
}

qint64 configId(pqxx::transaction_base &tx, const QString &name)
{
    const pqxx::result found = tx.exec_params("SELECT id FROM github_workflow_configs WHERE name = $1", name.toStdString());
    if (found.empty())
        throw PgRefusal(ErrorClass::Config, noSuchConfig(name).message);
    return pgInt(found[0][0]);
}

void writeConfig(pqxx::transaction_base &tx, const WorkflowConfig &c)
{
    tx.exec_params(
        "INSERT INTO github_workflow_configs (name, description, github_owner, github_repo, workflow_filter, branch_filter,"
        " file_patterns, enabled, max_file_bytes, runner_set_namespace, runner_set_name, created_at, updated_at,"
        " cost_connection_id, gpu_type, cost_gpu_count, cluster_connection_id)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15, $16)"
        " ON CONFLICT (name) DO UPDATE SET description = excluded.description, github_owner = excluded.github_owner,"
        " github_repo = excluded.github_repo, workflow_filter = excluded.workflow_filter, branch_filter = excluded.branch_filter,"
        " file_patterns = excluded.file_patterns, enabled = excluded.enabled, max_file_bytes = excluded.max_file_bytes,"
        " runner_set_namespace = excluded.runner_set_namespace, runner_set_name = excluded.runner_set_name,"
        " updated_at = excluded.updated_at, cost_connection_id = excluded.cost_connection_id, gpu_type = excluded.gpu_type,"
        " cost_gpu_count = excluded.cost_gpu_count, cluster_connection_id = excluded.cluster_connection_id",
        c.name.toStdString(), textOrNull(c.description), c.githubOwner.toStdString(), c.githubRepo.toStdString(),
        textOrNull(c.workflowFilter), textOrNull(c.branchFilter), compact(QJsonArray::fromStringList(c.filePatterns)), c.enabled,
        c.maxFileBytes, textOrNull(c.runnerSetNamespace), textOrNull(c.runnerSetName), QDateTime::currentMSecsSinceEpoch(),
        c.costConnectionId, textOrNull(c.gpuType), c.gpuCount, c.clusterConnectionId);
}

// Inserts WRITE as CONFIG's next schema version; when it is to be active, the others stop being so
// (as SqliteStore::insertWorkflowSchema).
qint64 insertSchema(pqxx::transaction_base &tx, qint64 config, const SchemaVersionWrite &write)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (write.activate)
        tx.exec_params("UPDATE github_workflow_metric_schemas SET is_active = false, updated_at = $2 WHERE config_id = $1 AND is_active",
                       config, now);
    const qint64 schemaId = pgInt(tx.exec_params1(
        "INSERT INTO github_workflow_metric_schemas (config_id, name, version, fields, dimension_fields, metric_fields, is_active,"
        " source, created_at, updated_at) VALUES ($1, $3,"
        " (SELECT coalesce(max(version), 0) + 1 FROM github_workflow_metric_schemas WHERE config_id = $1), $4, $5, $6, $7, $8, $2, $2)"
        " RETURNING id",
        config, now, write.name.toStdString(), compact(write.fields.fields), compact(write.fields.dimensions),
        compact(write.fields.metrics), write.activate, write.source.toStdString())[0]);
    if (write.activate)
        tx.exec_params("UPDATE github_workflow_configs SET metric_schema_id = $3, updated_at = $2 WHERE id = $1", config, now, schemaId);
    return schemaId;
}

// The newest built-in schema of CONFIG when it has every one of FIELDS; else a new built-in
// version with the fields of both, active unless a confirmed schema is (as SqliteStore::workflowSchemaFor).
qint64 schemaFor(pqxx::transaction_base &tx, qint64 config, const MetricRowFields &fields)
{
    const pqxx::result newest = tx.exec_params(
        "SELECT id, fields FROM github_workflow_metric_schemas WHERE config_id = $1 AND source = 'builtin'"
        " ORDER BY version DESC LIMIT 1", config);
    const std::optional<WorkflowSchemaFields> grown = grownSchemaFields(newest.empty() ? std::nullopt : std::optional<QJsonArray>(arrayFrom(newest[0][1])), fields);
    if (!grown)
        return pgInt(newest[0][0]);
    const bool confirmedActive = !tx.exec_params(
        "SELECT 1 FROM github_workflow_metric_schemas WHERE config_id = $1 AND is_active AND source <> 'builtin'", config).empty();
    return insertSchema(tx, config, SchemaVersionWrite{QStringLiteral("built-in recognizers"), QStringLiteral("builtin"), *grown, !confirmedActive});
}

// A JSON document of MetricRows as the text libpqxx sends.
std::string jsonText(QByteArrayView json)
{
    return std::string(json.data(), size_t(json.size()));
}

// The github_workflow_metric_units id of each of ROWS' units and directions documents.
QList<qint64> unitsIds(pqxx::transaction_base &tx, const MetricRows &rows)
{
    return *unitsIdsOf(rows, [&](QByteArrayView units, QByteArrayView directions) -> Result<qint64> {
        return pgInt(tx.exec_params1("INSERT INTO github_workflow_metric_units (units, directions) VALUES ($1::jsonb, $2::jsonb)"
                                     " ON CONFLICT (units, directions) DO UPDATE SET units = excluded.units RETURNING id",
                                     jsonText(units), jsonText(directions))[0]);
    });   // errors are thrown by libpqxx, and PgStore's guard reports them
}

// Upserts the run by (configuration, run key), then replaces its metric rows. Returns rows written.
qint64 writeRun(pqxx::transaction_base &tx, const WorkflowRunWrite &write)
{
    const WorkflowRun &r = write.run;
    const qint64 config = r.configId ? r.configId : configId(tx, r.configName);
    if (r.runKey.isEmpty())
        throw PgRefusal(ErrorClass::BadData, QStringLiteral("%1: a run without a key").arg(r.configName));
    const qint64 runId = pgInt(tx.exec_params1(
        "INSERT INTO github_workflow_runs (config_id, run_key, github_run_id, github_run_number, head_sha, head_branch, status,"
        " trigger_source, files_found, files_processed, metrics_count, workload_started_at, workload_completed_at,"
        " collection_started_at, collection_completed_at, error_message, retry_count, created_at, updated_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)"
        " ON CONFLICT (config_id, run_key) WHERE run_key IS NOT NULL DO UPDATE SET github_run_id = excluded.github_run_id,"
        " github_run_number = excluded.github_run_number, head_sha = excluded.head_sha, head_branch = excluded.head_branch,"
        " status = excluded.status, trigger_source = excluded.trigger_source, files_found = excluded.files_found,"
        " files_processed = excluded.files_processed, metrics_count = excluded.metrics_count,"
        " workload_started_at = excluded.workload_started_at, workload_completed_at = excluded.workload_completed_at,"
        " collection_started_at = excluded.collection_started_at, collection_completed_at = excluded.collection_completed_at,"
        " error_message = excluded.error_message, retry_count = excluded.retry_count, updated_at = excluded.updated_at"
        " RETURNING id",
        config, r.runKey.toStdString(), r.githubRunId, r.githubRunNumber, textOrNull(r.headSha), textOrNull(r.headBranch),
        runStatusName(r.status).toStdString(), triggerSourceName(r.triggerSource).toStdString(), r.filesFound, r.filesProcessed,
        r.metricsCount, pgTime(r.workloadStartedAt), pgTime(r.workloadCompletedAt), pgTime(r.collectionStartedAt),
        pgTime(r.collectionCompletedAt), textOrNull(r.errorMessage), r.retryCount, QDateTime::currentMSecsSinceEpoch())[0]);

    tx.exec_params("DELETE FROM github_workflow_metrics WHERE run_id = $1", runId);
    const MetricRows &rows = write.rows;
    if (rows.isEmpty())
        return 1;

    const qint64 schemaId = rows.hasBuiltinRows() ? schemaFor(tx, config, rows.builtinFields()) : 0;
    const QList<qint64> fieldIds = unitsIds(tx, rows);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 timestamp = r.metricTime().isValid() ? r.metricTime().toMSecsSinceEpoch() : now;
    pqxx::stream_to copy(tx, "github_workflow_metrics",
                         std::vector<std::string>{"config_id", "run_id", "schema_id", "timestamp", "source_file", "dimensions",
                                                  "metrics", "units_id", "created_at"});
    for (qsizetype i = 0; i < rows.size(); ++i) {
        copy << std::make_tuple(config, runId, rows.schemaId(i) ? rows.schemaId(i) : schemaId, timestamp, textOrNull(rows.sourceFile(i)),
                                jsonText(rows.dimensions(i)), jsonText(rows.metrics(i)), fieldIds.at(rows.fieldDocumentsIndex(i)), now);
    }
    copy.complete();
    return 1 + rows.size();
}

} // namespace

qint64 PgStore::writeWorkflows(pqxx::transaction_base &tx, const WriteBatch &batch)
{
    qint64 rows = 0;
    for (const WorkflowConfig &config : batch.workflowConfigs) {
        writeConfig(tx, config);
        ++rows;
    }
    for (const QString &name : batch.removedWorkflowConfigs) {
        if (tx.exec_params("DELETE FROM github_workflow_configs WHERE name = $1", name.toStdString()).affected_rows() == 0)
            throw PgRefusal(ErrorClass::Config, noSuchConfig(name).message);
    }
    for (const MetricSchema &schema : batch.workflowSchemas) {
        Result<SchemaVersionWrite> version = confirmedSchemaVersion(schema);
        if (!version)
            throw PgRefusal(version.error().kind, version.error().message);
        insertSchema(tx, schema.configId ? schema.configId : configId(tx, schema.configName), *version);
        ++rows;
    }
    for (const WorkflowRunWrite &run : batch.workflowRuns)
        rows += writeRun(tx, run);
    return rows;
}

// ---- reads -----------------------------------------------------------------------------------

Result<QList<WorkflowConfig>> PgStore::workflowConfigs()
{
    return pgRows<WorkflowConfig>(*m_connection, m_display,
        "SELECT id, name, description, github_owner, github_repo, workflow_filter, branch_filter, file_patterns, enabled,"
        " max_file_bytes, runner_set_namespace, runner_set_name, metric_schema_id, created_at, updated_at,"
        " cost_connection_id, gpu_type, cost_gpu_count, cluster_connection_id"
        " FROM github_workflow_configs ORDER BY name COLLATE \"C\"",
        [](const pqxx::row &r) {
            WorkflowConfig c;
            c.id = pgInt(r[0]);
            c.name = pgString(r[1]);
            c.description = pgString(r[2]);
            c.githubOwner = pgString(r[3]);
            c.githubRepo = pgString(r[4]);
            c.workflowFilter = pgString(r[5]);
            c.branchFilter = pgString(r[6]);
            for (const QJsonValue &pattern : arrayFrom(r[7]))
                c.filePatterns << pattern.toString();
            c.enabled = pgBool(r[8]);
            c.maxFileBytes = pgInt(r[9]);
            c.runnerSetNamespace = pgString(r[10]);
            c.runnerSetName = pgString(r[11]);
            c.metricSchemaId = pgInt(r[12]);
            c.createdAt = pgOptTimestamp(r[13]);
            c.updatedAt = pgOptTimestamp(r[14]);
            c.costConnectionId = r[15].is_null() ? std::nullopt : std::optional<qint64>(pgInt(r[15]));
            c.gpuType = pgString(r[16]);
            c.gpuCount = pgInt(r[17]);
            c.clusterConnectionId = r[18].is_null() ? std::nullopt : std::optional<qint64>(pgInt(r[18]));
            return c;
        });
}

Result<QList<WorkflowRun>> PgStore::workflowRuns(const QString &config)
{
    return pgRows<WorkflowRun>(*m_connection, m_display,
        "SELECT r.id, r.config_id, c.name, r.run_key, r.github_run_id, r.github_run_number, r.head_sha, r.head_branch, r.status,"
        " r.trigger_source, r.files_found, r.files_processed, r.metrics_count, r.workload_started_at, r.workload_completed_at,"
        " r.collection_started_at, r.collection_completed_at, r.error_message, r.retry_count, r.created_at, r.updated_at"
        " FROM github_workflow_runs r JOIN github_workflow_configs c ON c.id = r.config_id"
        " WHERE $1::text IS NULL OR c.name = $1::text"
        " ORDER BY coalesce(r.workload_started_at, r.collection_started_at, r.created_at), r.id",
        [](const pqxx::row &row) {
            WorkflowRun r;
            r.id = pgInt(row[0]);
            r.configId = pgInt(row[1]);
            r.configName = pgString(row[2]);
            r.runKey = pgString(row[3]);
            r.githubRunId = pgOptInt(row[4]);
            r.githubRunNumber = pgOptInt(row[5]);
            r.headSha = pgString(row[6]);
            r.headBranch = pgString(row[7]);
            r.status = runStatusFromName(pgString(row[8]));
            r.triggerSource = triggerSourceFromName(pgString(row[9]));
            r.filesFound = pgInt(row[10]);
            r.filesProcessed = pgInt(row[11]);
            r.metricsCount = pgInt(row[12]);
            r.workloadStartedAt = pgOptTimestamp(row[13]);
            r.workloadCompletedAt = pgOptTimestamp(row[14]);
            r.collectionStartedAt = pgOptTimestamp(row[15]);
            r.collectionCompletedAt = pgOptTimestamp(row[16]);
            r.errorMessage = pgString(row[17]);
            r.retryCount = pgInt(row[18]);
            r.createdAt = pgOptTimestamp(row[19]);
            r.updatedAt = pgOptTimestamp(row[20]);
            return r;
        },
        textOrNull(config));
}

Result<QList<MetricSchema>> PgStore::workflowSchemas(const QString &config)
{
    Result<QList<MetricSchema>> schemas = pgRows<MetricSchema>(*m_connection, m_display,
        "SELECT s.id, s.config_id, s.name, s.version, s.source, s.is_active, s.fields, s.created_at"
        " FROM github_workflow_metric_schemas s JOIN github_workflow_configs c ON c.id = s.config_id"
        " WHERE c.name = $1 ORDER BY s.version DESC",
        [](const pqxx::row &r) {
            MetricSchema schema;
            schema.id = pgInt(r[0]);
            schema.configId = pgInt(r[1]);
            schema.name = pgString(r[2]);
            schema.version = int(pgInt(r[3]));
            schema.source = pgString(r[4]);
            schema.active = pgBool(r[5]);
            schema.fields = schemaFieldsFromJson(arrayFrom(r[6]));
            schema.createdAt = pgOptTimestamp(r[7]);
            return schema;
        },
        config.toStdString());
    if (schemas) {
        for (MetricSchema &schema : *schemas)
            schema.configName = config;
    }
    if (schemas && schemas->isEmpty()) {
        Result<bool> exists = pgGuard(m_display, [&] {
            pqxx::nontransaction tx(m_connection->conn);
            return !tx.exec_params("SELECT 1 FROM github_workflow_configs WHERE name = $1", config.toStdString()).empty();
        });
        if (!exists)
            return std::unexpected(exists.error());
        if (!*exists)
            return std::unexpected(noSuchConfig(config));
    }
    return schemas;
}

Result<QList<WorkflowMetricRow>> PgStore::workflowMetricRows(const WorkflowMetricFilter &filter)
{
    Result<std::optional<qint64>> config = pgGuard(m_display, [&] {
        pqxx::nontransaction tx(m_connection->conn);
        const pqxx::result found = tx.exec_params("SELECT id FROM github_workflow_configs WHERE name = $1", filter.config.toStdString());
        return found.empty() ? std::nullopt : std::optional<qint64>(pgInt(found[0][0]));
    });
    if (!config)
        return std::unexpected(config.error());
    if (!*config)
        return std::unexpected(noSuchConfig(filter.config));
    // One row per numeric metric value: the metrics object unnested, its unit and direction looked up by key.
    Result<QList<WorkflowMetricRow>> rows = pgRows<WorkflowMetricRow>(*m_connection, m_display,
        "SELECT m.run_id, m.timestamp, r.github_run_id, r.head_sha, m.source_file, m.dimensions, e.key, e.value::double precision,"
        " f.units ->> e.key, f.directions ->> e.key"
        " FROM github_workflow_metrics m JOIN github_workflow_runs r ON r.id = m.run_id"
        " LEFT JOIN github_workflow_metric_units f ON f.id = m.units_id CROSS JOIN LATERAL jsonb_each(m.metrics) e"
        " WHERE m.config_id = $1 AND m.timestamp >= $2 AND m.timestamp < $3 AND jsonb_typeof(e.value) = 'number'"
        " ORDER BY m.timestamp, m.run_id, m.id, e.key COLLATE \"C\"",
        [](const pqxx::row &s) {
            WorkflowMetricRow row;
            row.runId = pgInt(s[0]);
            row.timestamp = pgOptTimestamp(s[1]);
            row.githubRunId = pgOptInt(s[2]);
            row.headSha = pgString(s[3]);
            row.sourceFile = pgString(s[4]);
            row.dimensions = pgObject(s[5]);
            row.metric = pgString(s[6]);
            row.value = pgDouble(s[7]);
            row.unit = pgString(s[8]);
            row.direction = storedDirection(pgString(s[9]), row.metric, row.unit);
            return row;
        },
        **config, filter.since.isValid() ? filter.since.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min(),
        filter.until.isValid() ? filter.until.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max());
    if (!rows || filter.metrics.isEmpty())
        return rows;
    const QSet<QString> wanted(filter.metrics.cbegin(), filter.metrics.cend());
    rows->removeIf([&wanted](const WorkflowMetricRow &row) { return !wanted.contains(row.metric); });
    return rows;
}

} // namespace fleetscope
