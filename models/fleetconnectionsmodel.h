// The Overview's table of connections: provider, sync status badge, what each runs and costs, balance, last sync.
#pragma once

#include "exportabletablemodel.h"
#include "overviewfigures.h"

namespace fleetscope {

class FleetConnectionsModel : public ExportableTableModel
{
    Q_OBJECT
public:
    enum Column { Connection, Provider, Status, Instances, Gpus, CostPerHour, Util, Balance, LastSync, ColumnCount };
    // SortRole: numbers for numeric columns, unknown sorted below every known value.
    enum Role { SortRole = Qt::UserRole + 1, ConnectionIdRole };

    using ExportableTableModel::ExportableTableModel;

    void setConnections(QList<ConnectionFigures> connections);
    const ConnectionFigures &connection(int row) const { return m_rows.at(row); }
    int rowOf(qint64 connectionId) const;   // -1 when not listed

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    TableData tableData() const override;

    static QString healthText(ConnectionHealth health);   // "OK", "Failed", "Stale", "Disabled", "Never synced"
    static QString healthKey(ConnectionHealth health);    // "ok", "failed", ... for exports

private:
    QList<ConnectionFigures> m_rows;
};

} // namespace fleetscope
