// WorkflowRunsModel: localised cells with the Providers page's badge colours, sort keys and typed export cells.
#include "workflowrunsmodel.h"

#include "snapshotformat.h"

#include <QColor>
#include <QLocale>

#include <limits>

namespace fleetscope {
namespace {

QVariant timeCell(const QDateTime &ts)
{
    return ts.isValid() ? QVariant(ts.toUTC()) : QVariant();
}

} // namespace

void WorkflowRunsModel::setRuns(QList<WorkflowRun> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

int WorkflowRunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int WorkflowRunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WorkflowRunsModel::statusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Pending: return tr("Pending");
    case RunStatus::Collecting: return tr("Collecting");
    case RunStatus::Extracting: return tr("Extracting");
    case RunStatus::Completed: return tr("Completed");
    case RunStatus::Failed: return tr("Failed");
    case RunStatus::Skipped: return tr("Skipped");
    }
    return {};
}

QString WorkflowRunsModel::triggerText(TriggerSource source)
{
    switch (source) {
    case TriggerSource::Realtime: return tr("Realtime");
    case TriggerSource::Backfill: return tr("Backfill");
    case TriggerSource::Manual: return tr("Manual");
    }
    return {};
}

QVariant WorkflowRunsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const WorkflowRun &r = m_runs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Run: return r.label();
        case Branch: return r.headBranch.isEmpty() ? SnapshotFormat::unknown() : r.headBranch;
        case Commit: return r.headSha.isEmpty() ? SnapshotFormat::unknown() : r.headSha.left(7);
        case Status: return statusText(r.status);
        case Trigger: return triggerText(r.triggerSource);
        case Files: return tr("%1 / %2").arg(QLocale().toString(r.filesProcessed), QLocale().toString(r.filesFound));
        case Metrics: return QLocale().toString(r.metricsCount);
        case Started: return r.metricTime().isValid() ? SnapshotFormat::clockTime(r.metricTime()) : SnapshotFormat::unknown();
        case Error: return r.errorMessage;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Files: return r.filesProcessed * 1'000'000 + r.filesFound;
        case Metrics: return r.metricsCount;
        case Started: return r.metricTime().isValid() ? r.metricTime().toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
        case Status: return int(r.status);
        case Run: return r.githubRunId ? QVariant(QStringLiteral("%1").arg(*r.githubRunId, 20, 10, QLatin1Char('0'))) : QVariant(r.label());
        default: return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::DecorationRole:
        // The badge, in the Providers page's colours: done green, failed red, skipped grey, in progress blue.
        if (index.column() != Status)
            break;
        switch (r.status) {
        case RunStatus::Completed: return QColor(0x2c, 0xa0, 0x2c);
        case RunStatus::Failed: return QColor(0xd6, 0x27, 0x28);
        case RunStatus::Skipped: return QColor(0x9e, 0x9e, 0x9e);
        case RunStatus::Pending:
        case RunStatus::Collecting:
        case RunStatus::Extracting: return QColor(0x1f, 0x77, 0xb4);
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Commit: return r.headSha.isEmpty() ? QVariant() : QVariant(r.headSha);
        case Error: return r.errorMessage.isEmpty() ? QVariant() : QVariant(r.errorMessage);   // the cell elides long messages
        case Started:
            return r.metricTime().isValid() ? QVariant(QLocale().toString(r.metricTime().toLocalTime(), QLocale::LongFormat)) : QVariant();
        case Run: return r.runKey;
        default: break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Files || index.column() == Metrics)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant WorkflowRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Run: return tr("Run");
    case Branch: return tr("Branch");
    case Commit: return tr("Commit");
    case Status: return tr("Status");
    case Trigger: return tr("Trigger");
    case Files: return tr("Files read");
    case Metrics: return tr("Metrics");
    case Started: return tr("Started");
    case Error: return tr("Error");
    }
    return {};
}

TableData WorkflowRunsModel::tableData() const
{
    TableData table;
    table.columns = {QStringLiteral("config"), QStringLiteral("github_run_id"), QStringLiteral("head_sha"), QStringLiteral("head_branch"),
                     QStringLiteral("status"), QStringLiteral("trigger_source"), QStringLiteral("files_found"),
                     QStringLiteral("files_processed"), QStringLiteral("metrics_count"), QStringLiteral("workload_started_at"),
                     QStringLiteral("workload_completed_at"), QStringLiteral("error_message")};
    for (const WorkflowRun &r : m_runs) {
        table.rows.append({r.configName, cell(r.githubRunId), r.headSha, r.headBranch, runStatusName(r.status),
                           triggerSourceName(r.triggerSource), r.filesFound, r.filesProcessed, r.metricsCount,
                           timeCell(r.workloadStartedAt), timeCell(r.workloadCompletedAt), r.errorMessage});
    }
    return table;
}

} // namespace fleetscope
