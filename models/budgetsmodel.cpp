// BudgetsModel: the figures of BudgetStatus, formatted like the rest of the Cost page.
#include "budgetsmodel.h"

#include "budgets/budgettable.h"
#include "snapshotformat.h"

#include <QBrush>
#include <QColor>

namespace fleetscope {
namespace {

const QColor kOverColor(0xc6, 0x28, 0x28);

QString capped(const QString &value, std::optional<double> cap, QString (*format)(std::optional<double>))
{
    return cap ? QCoreApplication::translate("BudgetsModel", "%1 of %2").arg(value, format(cap)) : value;
}

} // namespace

void BudgetsModel::setStatuses(QList<BudgetStatus> statuses, QHash<qint64, QString> names)
{
    beginResetModel();
    m_statuses = std::move(statuses);
    m_names = std::move(names);
    endResetModel();
}

int BudgetsModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_statuses.size(); ++row) {
        if (m_statuses.at(row).budget.name == name)
            return row;
    }
    return -1;
}

int BudgetsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_statuses.size());
}

int BudgetsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool BudgetsModel::isOver(const BudgetStatus &s, int column) const
{
    const Budget &b = s.budget;
    switch (column) {
    case Used: return b.monthlyCap && s.month.spent > *b.monthlyCap;
    case Forecast: return b.monthlyCap && s.forecast > *b.monthlyCap;
    case Today: return b.dailyCap && s.day.spent > *b.dailyCap;
    case Rate: return b.burnRateCap && s.ratePerHour && *s.ratePerHour > *b.burnRateCap;
    default: return false;
    }
}

QVariant BudgetsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_statuses.size())
        return {};
    const BudgetStatus &s = m_statuses.at(index.row());
    const int column = index.column();
    if (role == PercentRole)
        return column == Used && s.monthlyPercent() ? QVariant(*s.monthlyPercent()) : QVariant();
    if (role == OverRole)
        return isOver(s, column);
    if (role == Qt::ForegroundRole)
        return isOver(s, column) ? QVariant(QBrush(kOverColor)) : QVariant();
    if (role == Qt::TextAlignmentRole)
        return column >= Estimated ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    if (role == Qt::ToolTipRole && column == Billed && !s.month.billed)
        return tr("The provider does not report billed spend; the estimate counts instead.");
    if (role == Qt::ToolTipRole && column == Difference)
        return tr("Estimated minus billed, for the connections that report billed spend");
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Name: return s.budget.name;
    case Scope: return budgetScopeText(s.budget, m_names);
    case Estimated: return SnapshotFormat::money(s.month.estimated);
    case Billed: return s.month.billed ? SnapshotFormat::money(s.month.billed) : tr("not reported");
    case Difference: return SnapshotFormat::money(s.month.difference);
    case Cap: return SnapshotFormat::money(s.budget.monthlyCap);
    case Used: return SnapshotFormat::percent(s.monthlyPercent());
    case Forecast: return SnapshotFormat::money(s.forecast);
    case Today: return capped(SnapshotFormat::money(s.day.spent), s.budget.dailyCap, SnapshotFormat::money);
    case Rate: return capped(SnapshotFormat::moneyPerHour(s.ratePerHour), s.budget.burnRateCap, SnapshotFormat::moneyPerHour);
    default: return {};
    }
}

QVariant BudgetsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Budget");
    case Scope: return tr("Scope");
    case Estimated: return tr("Estimated");
    case Billed: return tr("Billed");
    case Difference: return tr("Difference");
    case Cap: return tr("Monthly cap");
    case Used: return tr("Used");
    case Forecast: return tr("Forecast");
    case Today: return tr("Today");
    case Rate: return tr("Burn rate");
    default: return {};
    }
}

TableData BudgetsModel::tableData() const
{
    return budgetStatusTable(m_statuses, m_names);
}

} // namespace fleetscope
