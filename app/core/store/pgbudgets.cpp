// PgStore: budgets, as SqliteStore does them (sqlitebudgets.cpp).
#include "pgstore.h"

#include "pgsupport.h"

namespace fleetscope {
namespace {

Budget budgetRow(const pqxx::row &r)
{
    Budget b;
    b.id = pgInt(r[0]);
    b.name = pgString(r[1]);
    b.scope = pgString(r[2]);
    b.provider = pgString(r[3]);
    b.connectionId = pgInt(r[4]);
    b.monthlyCap = pgOptReal(r[5]);
    b.dailyCap = pgOptReal(r[6]);
    b.burnRateCap = pgOptReal(r[7]);
    b.createdAt = pgTimestamp(r[8]);
    return b;
}

qint64 budgetId(const pqxx::row &r)
{
    return pgInt(r[0]);
}

} // namespace

// What the transaction cannot say as a clear error: a budget that is not valid, or not there to remove.
Result<void> PgStore::checkBudgetTargets(const WriteBatch &batch)
{
    for (const Budget &budget : batch.budgets) {
        if (Result<Budget> valid = validateBudget(budget); !valid)
            return std::unexpected(valid.error());
    }
    for (const QString &name : batch.removedBudgets) {
        Result<QList<qint64>> found = pgRows(*m_connection, m_display, "SELECT id FROM budgets WHERE name = $1", budgetId, name.toStdString());
        if (!found)
            return std::unexpected(found.error());
        if (found->isEmpty())
            return fail(ErrorClass::Config, QStringLiteral("no budget named '%1'").arg(name));
    }
    return {};
}

qint64 PgStore::writeBudgets(pqxx::transaction_base &tx, const WriteBatch &batch)
{
    qint64 rows = 0;
    for (const Budget &each : batch.budgets) {
        const Budget budget = validateBudget(each).value_or(each);   // checked by checkBudgetTargets
        rows += qint64(tx.exec_params(
            "INSERT INTO budgets (name, scope, provider, connection_id, monthly_cap, daily_cap, burn_rate_cap, created_at)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (name) DO UPDATE SET scope = excluded.scope,"
            " provider = excluded.provider, connection_id = excluded.connection_id, monthly_cap = excluded.monthly_cap,"
            " daily_cap = excluded.daily_cap, burn_rate_cap = excluded.burn_rate_cap",
            budget.name.toStdString(), budget.scope.toStdString(), pgText(budget.provider.isEmpty() ? QString() : budget.provider),
            budget.connectionId > 0 ? std::optional<qint64>(budget.connectionId) : std::nullopt, pgReal(budget.monthlyCap),
            pgReal(budget.dailyCap), pgReal(budget.burnRateCap),
            budget.createdAt.isValid() ? budget.createdAt.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch()).affected_rows());
    }
    for (const QString &name : batch.removedBudgets)
        tx.exec_params("DELETE FROM budgets WHERE name = $1", name.toStdString());
    return rows;
}

Result<QList<Budget>> PgStore::budgets()
{
    return pgRows(*m_connection, m_display,
                  "SELECT id, name, scope, provider, connection_id, monthly_cap, daily_cap, burn_rate_cap, created_at"
                  " FROM budgets ORDER BY name COLLATE \"C\"", budgetRow);
}

} // namespace fleetscope
