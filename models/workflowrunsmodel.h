// One configuration's workflow runs as a table: status badges, numeric sort keys, the workflow-runs export columns.
#pragma once

#include "exportabletablemodel.h"
#include "workflows/workflowtypes.h"

namespace fleetscope {

class WorkflowRunsModel : public ExportableTableModel
{
    Q_OBJECT
public:
    enum Column { Run, Branch, Commit, Status, Trigger, Files, Metrics, Started, Error, ColumnCount };
    // SortRole: numbers and times for their columns, lower-case text for the rest.
    enum Role { SortRole = Qt::UserRole + 1 };

    using ExportableTableModel::ExportableTableModel;

    void setRuns(QList<WorkflowRun> runs);
    const WorkflowRun &run(int row) const { return m_runs.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The columns of the workflow-runs export dataset, so the GUI's CSV and the CLI's line up.
    TableData tableData() const override;

    static QString statusText(RunStatus status);
    static QString triggerText(TriggerSource source);

private:
    QList<WorkflowRun> m_runs;
};

} // namespace fleetscope
