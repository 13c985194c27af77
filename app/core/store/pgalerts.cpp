// PgStore: alert rules and alerts, as SqliteStore does them (sqlitealerts.cpp).
#include "pgstore.h"

#include "pgsupport.h"

#include <QSet>

namespace fleetscope {
namespace {

std::optional<qint64> idOrNull(qint64 id)
{
    return id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

QDateTime optionalTime(const pqxx::field &field)
{
    return field.is_null() ? QDateTime() : pgTimestamp(field);
}

AlertRecord alertRecord(const pqxx::row &r)
{
    AlertRecord a;
    a.id = pgInt(r[0]);
    a.firedAt = pgTimestamp(r[1]);
    a.finding.severity = pgString(r[2]);
    a.finding.kind = pgString(r[3]);
    a.finding.connectionId = pgInt(r[4]);
    a.finding.resourceId = pgString(r[5]);
    a.finding.message = pgString(r[6]);
    a.acknowledged = pgBool(r[7]);
    a.finding.ruleId = pgInt(r[8]);
    a.finding.key = pgString(r[9]);
    a.lastSeenAt = optionalTime(r[10]);
    a.resolvedAt = optionalTime(r[11]);
    a.acknowledgedAt = optionalTime(r[12]);
    return a;
}

AlertRule alertRule(const pqxx::row &r)
{
    AlertRule rule;
    rule.id = pgInt(r[0]);
    rule.name = pgString(r[1]);
    rule.kind = pgString(r[2]);
    rule.connectionId = pgInt(r[3]);
    rule.params = pgObject(r[4]);
    rule.severity = pgString(r[5]);
    rule.enabled = pgBool(r[6]);
    return rule;
}

qint64 pgInt0(const pqxx::row &r)
{
    return pgInt(r[0]);
}

} // namespace

Result<void> PgStore::checkAlertTargets(const WriteBatch &batch)
{
    for (const QString &name : batch.removedAlertRules) {
        Result<QList<qint64>> found = pgRows(*m_connection, m_display, "SELECT id FROM alert_rules WHERE name = $1", pgInt0, name.toStdString());
        if (!found)
            return std::unexpected(found.error());
        if (found->isEmpty())
            return fail(ErrorClass::Config, QStringLiteral("no alert rule named '%1'").arg(name));
    }
    for (const qint64 id : batch.acknowledgedAlerts) {
        Result<QList<qint64>> found = pgRows(*m_connection, m_display, "SELECT id FROM alerts WHERE id = $1", pgInt0, id);
        if (!found)
            return std::unexpected(found.error());
        if (found->isEmpty())
            return fail(ErrorClass::Config, QStringLiteral("no alert with id %1").arg(id));
    }
    return {};
}

qint64 PgStore::writeAlerts(pqxx::transaction_base &tx, const WriteBatch &batch)
{
    qint64 rows = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const AlertRule &rule : batch.alertRules) {
        rows += qint64(tx.exec_params(
            "INSERT INTO alert_rules (name, kind, connection_id, params_json, severity, enabled, created_at, updated_at)"
            " VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $7) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind,"
            " connection_id = excluded.connection_id, params_json = excluded.params_json, severity = excluded.severity,"
            " enabled = excluded.enabled, updated_at = excluded.updated_at",
            rule.name.toStdString(), rule.kind.toStdString(), idOrNull(rule.connectionId),
            pgJson(rule.params).value_or("{}"), rule.severity.toStdString(), rule.enabled, now).affected_rows());
    }
    for (const QString &name : batch.removedAlertRules) {
        tx.exec_params("UPDATE alerts SET resolved_at = $2 WHERE resolved_at IS NULL AND rule_id = (SELECT id FROM alert_rules WHERE name = $1)",
                       name.toStdString(), now);
        tx.exec_params("DELETE FROM alert_rules WHERE name = $1", name.toStdString());
    }
    for (const AlertEvaluation &evaluation : batch.alertEvaluations) {
        const qint64 at = evaluation.at.toMSecsSinceEpoch();
        QSet<QString> keys;
        for (const AlertFinding &f : evaluation.findings) {
            keys.insert(f.key);
            const pqxx::result seen = tx.exec_params("UPDATE alerts SET last_seen_at = $2, message = $3, severity = $4"
                                                     " WHERE dedupe_key = $1 AND resolved_at IS NULL",
                                                     f.key.toStdString(), at, f.message.toStdString(), f.severity.toStdString());
            if (seen.affected_rows() > 0)
                continue;
            tx.exec_params("INSERT INTO alerts (ts, severity, kind, connection_id, resource_id, message, acknowledged, rule_id, dedupe_key, last_seen_at)"
                           " VALUES ($1, $2, $3, $4, $5, $6, false, $7, $8, $1)",
                           at, f.severity.toStdString(), f.kind.toStdString(), idOrNull(f.connectionId), pgText(f.resourceId),
                           f.message.toStdString(), idOrNull(f.ruleId), f.key.toStdString());
            ++rows;
        }
        for (const qint64 ruleId : evaluation.ruleIds) {
            const pqxx::result open = tx.exec_params("SELECT id, dedupe_key FROM alerts WHERE rule_id = $1 AND resolved_at IS NULL", ruleId);
            for (const pqxx::row &row : open) {
                if (!keys.contains(pgString(row[1])))
                    tx.exec_params("UPDATE alerts SET resolved_at = $2 WHERE id = $1", pgInt(row[0]), at);
            }
        }
    }
    for (const qint64 id : batch.acknowledgedAlerts)
        tx.exec_params("UPDATE alerts SET acknowledged = true, acknowledged_at = coalesce(acknowledged_at, $2) WHERE id = $1", id, now);
    return rows;
}

Result<QList<AlertRule>> PgStore::alertRules()
{
    return pgRows(*m_connection, m_display,
                  "SELECT id, name, kind, connection_id, params_json, severity, enabled FROM alert_rules ORDER BY name COLLATE \"C\"", alertRule);
}

Result<QList<AlertRecord>> PgStore::alerts(bool openOnly)
{
    static const std::string columns = "SELECT id, ts, severity, kind, connection_id, resource_id, message, acknowledged, rule_id, dedupe_key,"
                                       " last_seen_at, resolved_at, acknowledged_at FROM alerts";
    static const std::string all = columns + " ORDER BY ts DESC, id DESC";
    static const std::string open = columns + " WHERE resolved_at IS NULL ORDER BY ts DESC, id DESC";
    return pgRows(*m_connection, m_display, openOnly ? open : all, alertRecord);
}

} // namespace fleetscope
