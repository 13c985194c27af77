// SqliteStore: alert rules and alerts — rules upserted by name, evaluations reconciled with the open
// alerts (one open alert per dedupe key), acknowledgements.
#include "sqlitestore.h"

#include <QJsonDocument>
#include <QSet>

#include <sqlite3.h>

namespace fleetscope {
namespace {

QDateTime optionalTime(const SqliteStatement &s, int column)
{
    return s.isNull(column) ? QDateTime() : QDateTime::fromMSecsSinceEpoch(s.int64(column), Qt::UTC);
}

} // namespace

Result<qint64> SqliteStore::writeAlerts(const WriteBatch &batch)
{
    qint64 rows = 0;
    // One statement at a time: run SQL with BIND, step it to the end.
    auto run = [this](const char *sql, const std::function<void(SqliteStatement &)> &bind) -> Result<qint64> {
        Result<SqliteStatement *> st = statement(sql);
        if (!st)
            return std::unexpected(st.error());
        bind(**st);
        Result<bool> stepped = (*st)->step();
        (*st)->reset();
        if (!stepped)
            return std::unexpected(stepped.error());
        return qint64(sqlite3_changes(m_handle));
    };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const AlertRule &rule : batch.alertRules) {
        Result<qint64> written = run(
            "INSERT INTO alert_rules (name, kind, connection_id, params_json, severity, enabled, created_at, updated_at)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind,"
            " connection_id = excluded.connection_id, params_json = excluded.params_json, severity = excluded.severity,"
            " enabled = excluded.enabled, updated_at = excluded.updated_at",
            [&](SqliteStatement &s) {
                s.bind(1, rule.name);
                s.bind(2, rule.kind);
                s.bindReference(3, rule.connectionId);
                s.bind(4, QString::fromUtf8(QJsonDocument(rule.params).toJson(QJsonDocument::Compact)));
                s.bind(5, rule.severity);
                s.bind(6, qint64(rule.enabled ? 1 : 0));
                s.bind(7, now);
            });
        if (!written)
            return written;
        rows += *written;
    }
    for (const QString &name : batch.removedAlertRules) {
        Result<qint64> resolved = run("UPDATE alerts SET resolved_at = ?2 WHERE resolved_at IS NULL"
                                      " AND rule_id = (SELECT id FROM alert_rules WHERE name = ?1)",
                                      [&](SqliteStatement &s) { s.bind(1, name); s.bind(2, now); });
        if (!resolved)
            return resolved;
        Result<qint64> removed = run("DELETE FROM alert_rules WHERE name = ?1", [&](SqliteStatement &s) { s.bind(1, name); });
        if (!removed)
            return removed;
        if (*removed == 0)
            return fail(ErrorClass::Config, QStringLiteral("no alert rule named '%1'").arg(name));
    }
    for (const AlertEvaluation &evaluation : batch.alertEvaluations) {
        const qint64 at = evaluation.at.toMSecsSinceEpoch();
        QSet<QString> keys;
        for (const AlertFinding &f : evaluation.findings) {
            keys.insert(f.key);
            // Seen again while open: one alert, its message and last sighting kept current.
            Result<qint64> seen = run("UPDATE alerts SET last_seen_at = ?2, message = ?3, severity = ?4"
                                      " WHERE dedupe_key = ?1 AND resolved_at IS NULL",
                                      [&](SqliteStatement &s) { s.bind(1, f.key); s.bind(2, at); s.bind(3, f.message); s.bind(4, f.severity); });
            if (!seen)
                return seen;
            if (*seen > 0)
                continue;
            Result<qint64> opened = run(
                "INSERT INTO alerts (ts, severity, kind, connection_id, resource_id, message, acknowledged, rule_id, dedupe_key, last_seen_at)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8, ?1)",
                [&](SqliteStatement &s) {
                    s.bind(1, at);
                    s.bind(2, f.severity);
                    s.bind(3, f.kind);
                    s.bindReference(4, f.connectionId);
                    s.bind(5, f.resourceId);
                    s.bind(6, f.message);
                    s.bindReference(7, f.ruleId);
                    s.bind(8, f.key);
                });
            if (!opened)
                return opened;
            rows += *opened;
        }
        // Open alerts of the evaluated rules that nothing found this time have cleared.
        for (const qint64 ruleId : evaluation.ruleIds) {
            Result<SqliteStatement *> open = statement("SELECT id, dedupe_key FROM alerts WHERE rule_id = ?1 AND resolved_at IS NULL");
            if (!open)
                return std::unexpected(open.error());
            (*open)->bind(1, ruleId);
            QList<qint64> cleared;
            Result<void> read = (*open)->eachRow([&](const SqliteStatement &s) {
                if (!keys.contains(s.text(1)))
                    cleared << s.int64(0);
            });
            if (!read)
                return std::unexpected(read.error());
            for (const qint64 id : std::as_const(cleared)) {
                Result<qint64> resolved = run("UPDATE alerts SET resolved_at = ?2 WHERE id = ?1",
                                              [&](SqliteStatement &s) { s.bind(1, id); s.bind(2, at); });
                if (!resolved)
                    return resolved;
            }
        }
    }
    for (const qint64 id : batch.acknowledgedAlerts) {
        Result<qint64> acked = run("UPDATE alerts SET acknowledged = 1, acknowledged_at = coalesce(acknowledged_at, ?2) WHERE id = ?1",
                                   [&](SqliteStatement &s) { s.bind(1, id); s.bind(2, now); });
        if (!acked)
            return acked;
        if (*acked == 0)
            return fail(ErrorClass::Config, QStringLiteral("no alert with id %1").arg(id));
    }
    return rows;
}

Result<QList<AlertRule>> SqliteStore::alertRules()
{
    Result<SqliteStatement *> st = statement("SELECT id, name, kind, connection_id, params_json, severity, enabled FROM alert_rules ORDER BY name");
    if (!st)
        return std::unexpected(st.error());
    QList<AlertRule> rules;
    Result<void> read = (*st)->eachRow([&rules](const SqliteStatement &s) {
        AlertRule r;
        r.id = s.int64(0);
        r.name = s.text(1);
        r.kind = s.text(2);
        r.connectionId = s.isNull(3) ? 0 : s.int64(3);
        r.params = QJsonDocument::fromJson(s.text(4).toUtf8()).object();
        r.severity = s.text(5);
        r.enabled = s.int64(6) != 0;
        rules << r;
    });
    if (!read)
        return std::unexpected(read.error());
    return rules;
}

Result<QList<AlertRecord>> SqliteStore::alerts(bool openOnly)
{
    Result<SqliteStatement *> st = statement(openOnly
        ? "SELECT id, ts, severity, kind, connection_id, resource_id, message, acknowledged, rule_id, dedupe_key, last_seen_at,"
          " resolved_at, acknowledged_at FROM alerts WHERE resolved_at IS NULL ORDER BY ts DESC, id DESC"
        : "SELECT id, ts, severity, kind, connection_id, resource_id, message, acknowledged, rule_id, dedupe_key, last_seen_at,"
          " resolved_at, acknowledged_at FROM alerts ORDER BY ts DESC, id DESC");
    if (!st)
        return std::unexpected(st.error());
    QList<AlertRecord> records;
    Result<void> read = (*st)->eachRow([&records](const SqliteStatement &s) {
        AlertRecord r;
        r.id = s.int64(0);
        r.firedAt = QDateTime::fromMSecsSinceEpoch(s.int64(1), Qt::UTC);
        r.finding.severity = s.text(2);
        r.finding.kind = s.text(3);
        r.finding.connectionId = s.isNull(4) ? 0 : s.int64(4);
        r.finding.resourceId = s.text(5);
        r.finding.message = s.text(6);
        r.acknowledged = s.int64(7) != 0;
        r.finding.ruleId = s.isNull(8) ? 0 : s.int64(8);
        r.finding.key = s.text(9);
        r.lastSeenAt = optionalTime(s, 10);
        r.resolvedAt = optionalTime(s, 11);
        r.acknowledgedAt = optionalTime(s, 12);
        records << r;
    });
    if (!read)
        return std::unexpected(read.error());
    return records;
}

} // namespace fleetscope
