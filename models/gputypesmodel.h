// GPUs running by canonical type and provider, what they cost per GPU, and the cheapest current offer of that type.
#pragma once

#include "exportabletablemodel.h"
#include "overviewfigures.h"

namespace fleetscope {

class GpuTypesModel : public ExportableTableModel
{
    Q_OBJECT
public:
    enum Column { GpuType, Provider, Gpus, Paying, Cheapest, Saving, CheapestAt, ColumnCount };
    // SortRole: numbers for numeric columns, unknown sorted below every known value.
    enum Role { SortRole = Qt::UserRole + 1 };

    using ExportableTableModel::ExportableTableModel;

    void setGpuTypes(QList<GpuTypeFigures> types);
    const GpuTypeFigures &gpuType(int row) const { return m_rows.at(row); }
    int rowOf(const QString &gpuType, const QString &provider) const;   // -1 when not listed

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    TableData tableData() const override;

private:
    QList<GpuTypeFigures> m_rows;
};

} // namespace fleetscope
