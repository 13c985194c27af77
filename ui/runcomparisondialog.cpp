// RunComparisonDialog: compareRuns over rows the Workflows page has already read; nothing here touches the store.
#include "runcomparisondialog.h"

#include "snapshotformat.h"
#include "tableview.h"
#include "workflowcomparisonmodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace fleetscope {
namespace {

QString runText(const WorkflowRun &run)
{
    QString text = run.label();
    if (!run.headSha.isEmpty())
        text += QStringLiteral(" (%1)").arg(run.headSha.left(7));
    if (run.metricTime().isValid())
        text += QStringLiteral(", %1").arg(SnapshotFormat::clockTime(run.metricTime()));
    return text;
}

} // namespace

RunComparisonDialog::RunComparisonDialog(const QString &config, const WorkflowRun &a, const WorkflowRun &b,
                                         const QList<WorkflowMetricRow> &rows, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Compare runs of %1").arg(config));
    m_model = new WorkflowComparisonModel(this);
    m_model->setComparison(compareRuns(rows, a.id, b.id), a.label(), b.label());
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(WorkflowComparisonModel::SortRole);

    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("A: %1\nB: %2\n%3 series: %4 better and %5 worse in B; %6 only in A, %7 only in B.")
                           .arg(runText(a), runText(b))
                           .arg(m_model->rowCount())
                           .arg(m_model->count(RunChange::Better))
                           .arg(m_model->count(RunChange::Worse))
                           .arg(m_model->count(RunChange::OnlyInA))
                           .arg(m_model->count(RunChange::OnlyInB)));
    m_view = new TableView(this);
    m_view->setModel(m_model);
    m_view->table()->setModel(m_proxy);
    m_view->setExportName(QStringLiteral("workflow-compare-%1-%2").arg(a.label(), b.label()).replace(QLatin1Char(':'), QLatin1Char('-')));
    m_view->table()->setAccessibleName(tr("Run comparison"));
    m_view->table()->setSortingEnabled(true);
    m_view->table()->sortByColumn(WorkflowComparisonModel::Metric, Qt::AscendingOrder);
    m_view->table()->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(900, 520);
}

} // namespace fleetscope
