// PgStore: guardrail policies and the audit log, as SqliteStore does them (sqliteguardrails.cpp).
#include "pgstore.h"

#include "pgsupport.h"

#include <limits>

namespace fleetscope {
namespace {

GuardrailPolicy policy(const pqxx::row &r)
{
    GuardrailPolicy p;
    p.connectionId = pgInt(r[0]);
    p.stopIdleEnabled = pgBool(r[1]);
    p.idleMinutes = int(pgInt(r[2]));
    p.idleUtilPercent = pgDouble(r[3]);
    p.dryRun = pgBool(r[4]);
    p.updatedAt = pgTimestamp(r[5]);
    p.stopAtDailyCap = pgBool(r[6]);
    return p;
}

AuditEntry auditEntry(const pqxx::row &r)
{
    AuditEntry e;
    e.id = pgInt(r[0]);
    e.at = pgTimestamp(r[1]);
    e.actor = pgString(r[2]);
    e.connectionId = pgInt(r[3]);
    e.resourceId = pgString(r[4]);
    e.action = pgString(r[5]);
    e.dryRun = pgBool(r[6]);
    e.outcome = pgString(r[7]);
    e.message = pgString(r[8]);
    e.rule = r[9].is_null() ? QString() : pgString(r[9]);
    return e;
}

} // namespace

qint64 PgStore::writeGuardrails(pqxx::transaction_base &tx, const WriteBatch &batch)
{
    qint64 rows = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const GuardrailPolicy &p : batch.guardrailPolicies) {
        rows += qint64(tx.exec_params(
            "INSERT INTO guardrail_policies (connection_id, stop_idle_enabled, idle_minutes, idle_util_percent, dry_run, updated_at,"
            " stop_at_daily_cap) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (connection_id) DO UPDATE SET"
            " stop_idle_enabled = excluded.stop_idle_enabled, idle_minutes = excluded.idle_minutes,"
            " idle_util_percent = excluded.idle_util_percent, dry_run = excluded.dry_run, updated_at = excluded.updated_at,"
            " stop_at_daily_cap = excluded.stop_at_daily_cap",
            p.connectionId, p.stopIdleEnabled, qint64(p.idleMinutes), p.idleUtilPercent, p.dryRun, now, p.stopAtDailyCap).affected_rows());
    }
    for (const AuditEntry &e : batch.auditEntries) {
        tx.exec_params("INSERT INTO audit_log (at, actor, connection_id, resource_id, action, dry_run, outcome, message, rule)"
                       " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                       e.at.isValid() ? e.at.toMSecsSinceEpoch() : now, e.actor.toStdString(),
                       e.connectionId > 0 ? std::optional<qint64>(e.connectionId) : std::nullopt, e.resourceId.toStdString(),
                       e.action.toStdString(), e.dryRun, e.outcome.toStdString(), e.message.toStdString(),
                       e.rule.isEmpty() ? std::optional<std::string>() : std::optional<std::string>(e.rule.toStdString()));
        ++rows;
    }
    return rows;
}

Result<QList<GuardrailPolicy>> PgStore::guardrailPolicies()
{
    return pgRows(*m_connection, m_display,
                  "SELECT connection_id, stop_idle_enabled, idle_minutes, idle_util_percent, dry_run, updated_at, stop_at_daily_cap"
                  " FROM guardrail_policies ORDER BY connection_id", policy);
}

Result<QList<AuditEntry>> PgStore::auditLog(const QDateTime &since, const QDateTime &until)
{
    return pgRows(*m_connection, m_display,
                  "SELECT id, at, actor, connection_id, resource_id, action, dry_run, outcome, message, rule FROM audit_log"
                  " WHERE at >= $1 AND at < $2 ORDER BY at, id", auditEntry,
                  since.isValid() ? since.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min(),
                  until.isValid() ? until.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max());
}

} // namespace fleetscope
