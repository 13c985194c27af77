// Two workflow runs side by side: per metric series both values, the deltas and which way it moved, exportable to CSV.
#pragma once

#include "workflows/runcompare.h"

#include <QDialog>

class QLabel;
class QSortFilterProxyModel;

namespace fleetscope {

class TableView;
class WorkflowComparisonModel;

class RunComparisonDialog : public QDialog
{
    Q_OBJECT
public:
    // ROWS (a configuration's metric rows) compared between run A and run B.
    RunComparisonDialog(const QString &config, const WorkflowRun &a, const WorkflowRun &b, const QList<WorkflowMetricRow> &rows,
                        QWidget *parent = nullptr);

    WorkflowComparisonModel *model() const { return m_model; }
    TableView *view() const { return m_view; }
    QLabel *summary() const { return m_summary; }

private:
    WorkflowComparisonModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    TableView *m_view = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace fleetscope
