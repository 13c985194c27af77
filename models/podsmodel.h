// Pods and instances from the latest snapshots as a table: name, GPU, status, uptime, util, cost/hr, region, connection.
#pragma once

#include "exportabletablemodel.h"
#include "snapshots.h"

#include <QHash>

namespace fleetscope {

class PodsModel : public ExportableTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Gpu, Status, Uptime, Util, CostPerHour, Region, Connection, ColumnCount };
    // SortRole: numbers for numeric columns, unknown sorted below every known value.
    enum Role { SortRole = Qt::UserRole + 1, InstanceIdRole };

    using ExportableTableModel::ExportableTableModel;

    // CONNECTION_NAMES maps connection id to its name.
    void setInstances(QList<InstanceSnapshot> instances, QHash<qint64, QString> connectionNames);
    const InstanceSnapshot &instance(int row) const { return m_instances.at(row); }
    int rowOf(const QString &instanceId) const;   // -1 when not listed

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    TableData tableData() const override;

    // "RTX 4090 × 2"; the count alone or "—" when the type is unknown.
    static QString gpuText(const InstanceSnapshot &instance);

private:
    QList<InstanceSnapshot> m_instances;
    QHash<qint64, QString> m_connectionNames;
};

} // namespace fleetscope
