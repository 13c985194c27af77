// Two workflow runs side by side (workflows/runcompare.h) as a table: deltas coloured by direction, the CLI's CSV columns.
#pragma once

#include "exportabletablemodel.h"
#include "workflows/runcompare.h"

namespace fleetscope {

class WorkflowComparisonModel : public ExportableTableModel
{
    Q_OBJECT
public:
    enum Column { Metric, Dimensions, A, B, Delta, DeltaPercent, Better, Change, ColumnCount };
    // SortRole: numbers for the value columns (missing ones last), lower-case text for the rest.
    enum Role { SortRole = Qt::UserRole + 1 };

    using ExportableTableModel::ExportableTableModel;

    // ROWS of runs labelled A_LABEL and B_LABEL (the column headers name them).
    void setComparison(QList<RunComparisonRow> rows, const QString &aLabel, const QString &bLabel);
    const RunComparisonRow &row(int row) const { return m_rows.at(row); }
    qsizetype count(RunChange change) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The columns of `fleetscope workflows compare --format csv`.
    TableData tableData() const override;

    static QString changeText(RunChange change);

private:
    QList<RunComparisonRow> m_rows;
    QString m_aLabel;
    QString m_bLabel;
    QStringList m_shownDimensions;   // those that tell the series apart; the tooltip has them all
};

} // namespace fleetscope
