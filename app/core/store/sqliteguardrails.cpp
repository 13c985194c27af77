// SqliteStore: guardrail policies (upserted per connection) and the audit log (appended).
#include "sqlitestore.h"

#include <sqlite3.h>

#include <limits>

namespace fleetscope {

Result<qint64> SqliteStore::writeGuardrails(const WriteBatch &batch)
{
    qint64 rows = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const GuardrailPolicy &p : batch.guardrailPolicies) {
        Result<SqliteStatement *> st = statement(
            "INSERT INTO guardrail_policies (connection_id, stop_idle_enabled, idle_minutes, idle_util_percent, dry_run, updated_at,"
            " stop_at_daily_cap) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (connection_id) DO UPDATE SET"
            " stop_idle_enabled = excluded.stop_idle_enabled, idle_minutes = excluded.idle_minutes,"
            " idle_util_percent = excluded.idle_util_percent, dry_run = excluded.dry_run, updated_at = excluded.updated_at,"
            " stop_at_daily_cap = excluded.stop_at_daily_cap");
        if (!st)
            return std::unexpected(st.error());
        SqliteStatement &s = **st;
        s.bind(1, p.connectionId);
        s.bind(2, qint64(p.stopIdleEnabled ? 1 : 0));
        s.bind(3, qint64(p.idleMinutes));
        s.bind(4, p.idleUtilPercent);
        s.bind(5, qint64(p.dryRun ? 1 : 0));
        s.bind(6, now);
        s.bind(7, qint64(p.stopAtDailyCap ? 1 : 0));
        Result<bool> stepped = s.step();
        s.reset();
        if (!stepped)
            return std::unexpected(stepped.error());
        ++rows;
    }
    for (const AuditEntry &e : batch.auditEntries) {
        Result<SqliteStatement *> st = statement(
            "INSERT INTO audit_log (at, actor, connection_id, resource_id, action, dry_run, outcome, message, rule)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        if (!st)
            return std::unexpected(st.error());
        SqliteStatement &s = **st;
        s.bind(1, e.at.isValid() ? e.at.toMSecsSinceEpoch() : now);
        s.bind(2, e.actor);
        s.bindReference(3, e.connectionId);
        s.bind(4, e.resourceId);
        s.bind(5, e.action);
        s.bind(6, qint64(e.dryRun ? 1 : 0));
        s.bind(7, e.outcome);
        s.bind(8, e.message);
        s.bindTextOrNull(9, e.rule);
        Result<bool> stepped = s.step();
        s.reset();
        if (!stepped)
            return std::unexpected(stepped.error());
        ++rows;
    }
    return rows;
}

Result<QList<GuardrailPolicy>> SqliteStore::guardrailPolicies()
{
    Result<SqliteStatement *> st = statement(
        "SELECT connection_id, stop_idle_enabled, idle_minutes, idle_util_percent, dry_run, updated_at, stop_at_daily_cap"
        " FROM guardrail_policies ORDER BY connection_id");
    if (!st)
        return std::unexpected(st.error());
    QList<GuardrailPolicy> policies;
    Result<void> read = (*st)->eachRow([&policies](const SqliteStatement &s) {
        GuardrailPolicy p;
        p.connectionId = s.int64(0);
        p.stopIdleEnabled = s.int64(1) != 0;
        p.idleMinutes = int(s.int64(2));
        p.idleUtilPercent = s.real(3);
        p.dryRun = s.int64(4) != 0;
        p.updatedAt = QDateTime::fromMSecsSinceEpoch(s.int64(5), Qt::UTC);
        p.stopAtDailyCap = s.int64(6) != 0;
        policies << p;
    });
    if (!read)
        return std::unexpected(read.error());
    return policies;
}

Result<QList<AuditEntry>> SqliteStore::auditLog(const QDateTime &since, const QDateTime &until)
{
    Result<SqliteStatement *> st = statement("SELECT id, at, actor, connection_id, resource_id, action, dry_run, outcome, message, rule"
                                             " FROM audit_log WHERE at >= ?1 AND at < ?2 ORDER BY at, id");
    if (!st)
        return std::unexpected(st.error());
    (*st)->bind(1, since.isValid() ? since.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min());
    (*st)->bind(2, until.isValid() ? until.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max());
    QList<AuditEntry> entries;
    Result<void> read = (*st)->eachRow([&entries](const SqliteStatement &s) {
        AuditEntry e;
        e.id = s.int64(0);
        e.at = QDateTime::fromMSecsSinceEpoch(s.int64(1), Qt::UTC);
        e.actor = s.text(2);
        e.connectionId = s.isNull(3) ? 0 : s.int64(3);
        e.resourceId = s.text(4);
        e.action = s.text(5);
        e.dryRun = s.int64(6) != 0;
        e.outcome = s.text(7);
        e.message = s.text(8);
        e.rule = s.isNull(9) ? QString() : s.text(9);
        entries << e;
    });
    if (!read)
        return std::unexpected(read.error());
    return entries;
}

} // namespace fleetscope
