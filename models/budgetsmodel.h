// Budgets with their spend as a table: estimated and billed side by side, the difference, the
// monthly cap and percent of it (PercentRole for the bar), the forecast (red when over the cap),
// today against the daily cap, and the burn rate against its cap.
#pragma once

#include "budgets/budgetspend.h"
#include "exportabletablemodel.h"

#include <QHash>

namespace fleetscope {

class BudgetsModel : public ExportableTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Scope, Estimated, Billed, Difference, Cap, Used, Forecast, Today, Rate, ColumnCount };
    enum Role { PercentRole = Qt::UserRole + 1, OverRole };   // OverRole: the figure is over its cap

    using ExportableTableModel::ExportableTableModel;

    // NAMES: connection id → name.
    void setStatuses(QList<BudgetStatus> statuses, QHash<qint64, QString> names);
    const BudgetStatus &status(int row) const { return m_statuses.at(row); }
    int rowOf(const QString &name) const;   // -1 when not listed

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    TableData tableData() const override;

private:
    bool isOver(const BudgetStatus &status, int column) const;

    QList<BudgetStatus> m_statuses;
    QHash<qint64, QString> m_names;
};

} // namespace fleetscope
