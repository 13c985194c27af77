// SqliteStore: budgets, upserted and removed by name (validated here too, so a bad one never reaches a CHECK).
#include "sqlitestore.h"

#include <sqlite3.h>

namespace fleetscope {
namespace {

std::optional<double> optionalReal(const SqliteStatement &s, int column)
{
    return s.isNull(column) ? std::nullopt : std::optional<double>(s.real(column));
}

} // namespace

Result<qint64> SqliteStore::writeBudgets(const WriteBatch &batch)
{
    qint64 rows = 0;
    for (const Budget &each : batch.budgets) {
        const Result<Budget> budget = validateBudget(each);
        if (!budget)
            return std::unexpected(budget.error());
        Result<SqliteStatement *> st = statement(
            "INSERT INTO budgets (name, scope, provider, connection_id, monthly_cap, daily_cap, burn_rate_cap, created_at)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (name) DO UPDATE SET scope = excluded.scope,"
            " provider = excluded.provider, connection_id = excluded.connection_id, monthly_cap = excluded.monthly_cap,"
            " daily_cap = excluded.daily_cap, burn_rate_cap = excluded.burn_rate_cap");
        if (!st)
            return std::unexpected(st.error());
        SqliteStatement &s = **st;
        s.bind(1, budget->name);
        s.bind(2, budget->scope);
        s.bindTextOrNull(3, budget->provider);
        s.bindReference(4, budget->connectionId);
        s.bind(5, budget->monthlyCap);
        s.bind(6, budget->dailyCap);
        s.bind(7, budget->burnRateCap);
        s.bind(8, budget->createdAt.isValid() ? budget->createdAt.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch());
        Result<bool> stepped = s.step();
        s.reset();
        if (!stepped)
            return fail(ErrorClass::Config, QStringLiteral("budget %1: %2").arg(budget->name, stepped.error().message));
        rows += sqlite3_changes(m_handle);
    }
    for (const QString &name : batch.removedBudgets) {
        Result<SqliteStatement *> st = statement("DELETE FROM budgets WHERE name = ?1");
        if (!st)
            return std::unexpected(st.error());
        (*st)->bind(1, name);
        Result<bool> stepped = (*st)->step();
        (*st)->reset();
        if (!stepped)
            return std::unexpected(stepped.error());
        if (sqlite3_changes(m_handle) == 0)
            return fail(ErrorClass::Config, QStringLiteral("no budget named '%1'").arg(name));
    }
    return rows;
}

Result<QList<Budget>> SqliteStore::budgets()
{
    Result<SqliteStatement *> st = statement("SELECT id, name, scope, provider, connection_id, monthly_cap, daily_cap, burn_rate_cap, created_at"
                                             " FROM budgets ORDER BY name");
    if (!st)
        return std::unexpected(st.error());
    QList<Budget> budgets;
    Result<void> read = (*st)->eachRow([&budgets](const SqliteStatement &s) {
        Budget b;
        b.id = s.int64(0);
        b.name = s.text(1);
        b.scope = s.text(2);
        b.provider = s.text(3);
        b.connectionId = s.isNull(4) ? 0 : s.int64(4);
        b.monthlyCap = optionalReal(s, 5);
        b.dailyCap = optionalReal(s, 6);
        b.burnRateCap = optionalReal(s, 7);
        b.createdAt = QDateTime::fromMSecsSinceEpoch(s.int64(8), Qt::UTC);
        budgets << b;
    });
    if (!read)
        return std::unexpected(read.error());
    return budgets;
}

} // namespace fleetscope
