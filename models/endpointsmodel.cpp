// EndpointsModel: health badge rules, display cells, sort keys and export cells.
#include "endpointsmodel.h"

#include "snapshotformat.h"

#include <QColor>

namespace fleetscope {
namespace {

enum class Problem { None, UnhealthyWorkers, QueueStarving, Failures, Unknown };

std::optional<double> failureRate(const EndpointHealth &h)
{
    if (!h.jobsFailed || !h.jobsCompleted || *h.jobsFailed + *h.jobsCompleted <= 0)
        return std::nullopt;
    return 100.0 * double(*h.jobsFailed) / double(*h.jobsFailed + *h.jobsCompleted);
}

Problem problemOf(const EndpointRow &row)
{
    if (!row.health)
        return Problem::Unknown;
    const EndpointHealth &h = *row.health;
    if (h.workersUnhealthy.value_or(0) > 0)
        return Problem::UnhealthyWorkers;
    // Without an earlier reading a waiting queue with nobody working on it is the same worry.
    const qint64 queue = h.jobsInQueue.value_or(0);
    const bool growing = row.earlierQueue ? queue > *row.earlierQueue : queue > 0;
    if (growing && h.workersRunning && *h.workersRunning == 0)
        return Problem::QueueStarving;
    if (const std::optional<double> rate = failureRate(h); rate && *rate >= EndpointsModel::kFailureRateThreshold)
        return Problem::Failures;
    return Problem::None;
}

} // namespace

void EndpointsModel::setEndpoints(QList<EndpointRow> rows, QHash<qint64, QString> connectionNames)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_connectionNames = std::move(connectionNames);
    endResetModel();
}

int EndpointsModel::rowOf(const QString &endpointId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].endpoint.endpointId == endpointId)
            return i;
    }
    return -1;
}

int EndpointsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EndpointsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EndpointsModel::healthText(const EndpointRow &row)
{
    switch (problemOf(row)) {
    case Problem::UnhealthyWorkers: return tr("unhealthy workers");
    case Problem::QueueStarving: return tr("queue growing, no worker running");
    case Problem::Failures: return tr("failure rate %1").arg(SnapshotFormat::percent(failureRate(*row.health)));
    case Problem::None: return tr("healthy");
    case Problem::Unknown: break;
    }
    return SnapshotFormat::unknown();
}

bool EndpointsModel::needsAttention(const EndpointRow &row)
{
    const Problem problem = problemOf(row);
    return problem != Problem::None && problem != Problem::Unknown;
}

QVariant EndpointsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EndpointRow &r = m_rows.at(index.row());
    const EndpointSnapshot &e = r.endpoint;
    const EndpointHealth h = r.health.value_or(EndpointHealth{});   // all nullopt when there is no reading
    auto number = [&](int column) -> std::optional<qint64> {
        switch (column) {
        case Running: return h.workersRunning;
        case Idle: return h.workersIdle;
        case Initializing: return h.workersInitializing;
        case Throttled: return h.workersThrottled;
        case Unhealthy: return h.workersUnhealthy;
        case Queue: return h.jobsInQueue;
        case InProgress: return h.jobsInProgress;
        case Completed: return h.jobsCompleted;
        case Failed: return h.jobsFailed;
        }
        return std::nullopt;
    };
    const bool numeric = index.column() >= Running && index.column() <= Failed;
    if (role == Qt::DisplayRole) {
        if (numeric)
            return SnapshotFormat::count(number(index.column()));
        switch (index.column()) {
        case Name: return e.name.isEmpty() ? e.endpointId : e.name;
        case Gpus: return e.gpuTypeIds.isEmpty() ? SnapshotFormat::unknown() : e.gpuTypeIds;
        case Workers:
            return tr("%1 – %2").arg(SnapshotFormat::count(e.workersMin), SnapshotFormat::count(e.workersMax));
        case Health: return healthText(r);
        case Connection: return m_connectionNames.value(e.connectionId);
        }
    } else if (role == SortRole) {
        if (numeric)
            return number(index.column()).value_or(-1);   // unknown below every count
        if (index.column() == Workers)
            return e.workersMax.value_or(-1);
        if (index.column() == Health)
            return needsAttention(r) ? 1 : 0;
        return data(index, Qt::DisplayRole).toString().toLower();
    } else if (role == EndpointIdRole) {
        return e.endpointId;
    } else if (role == NeedsAttentionRole) {
        return needsAttention(r);
    } else if (role == Qt::DecorationRole && index.column() == Health && r.health) {
        // Mid-tone red and green read on light and dark bases alike; the text says the same.
        return needsAttention(r) ? QColor(0xd6, 0x45, 0x45) : QColor(0x3a, 0xa5, 0x5d);
    } else if (role == Qt::ToolTipRole && index.column() == Name) {
        return tr("%1 (%2)").arg(e.name, e.endpointId);
    } else if (role == Qt::TextAlignmentRole && (numeric || index.column() == Workers)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant EndpointsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Gpus: return tr("GPUs");
    case Workers: return tr("Workers min – max");
    case Running: return tr("Running");
    case Idle: return tr("Idle");
    case Initializing: return tr("Initializing");
    case Throttled: return tr("Throttled");
    case Unhealthy: return tr("Unhealthy");
    case Queue: return tr("Queue");
    case InProgress: return tr("In progress");
    case Completed: return tr("Completed");
    case Failed: return tr("Failed");
    case Health: return tr("Health");
    case Connection: return tr("Connection");
    }
    return {};
}

TableData EndpointsModel::tableData() const
{
    TableData table;
    table.columns = {QStringLiteral("observed_ts"), QStringLiteral("connection"), QStringLiteral("endpoint_id"),
                     QStringLiteral("name"), QStringLiteral("gpu_type_ids"), QStringLiteral("workers_min"),
                     QStringLiteral("workers_max"), QStringLiteral("workers_running"), QStringLiteral("workers_idle"),
                     QStringLiteral("workers_initializing"), QStringLiteral("workers_throttled"),
                     QStringLiteral("workers_unhealthy"), QStringLiteral("jobs_in_queue"),
                     QStringLiteral("jobs_in_progress"), QStringLiteral("jobs_completed"), QStringLiteral("jobs_failed"),
                     QStringLiteral("health")};
    for (const EndpointRow &r : m_rows) {
        const EndpointSnapshot &e = r.endpoint;
        const EndpointHealth h = r.health.value_or(EndpointHealth{});
        table.rows.append({r.health ? QVariant(h.observedTs.toUTC()) : QVariant(), m_connectionNames.value(e.connectionId),
                           e.endpointId, e.name, e.gpuTypeIds, cell(e.workersMin), cell(e.workersMax),
                           cell(h.workersRunning), cell(h.workersIdle), cell(h.workersInitializing),
                           cell(h.workersThrottled), cell(h.workersUnhealthy), cell(h.jobsInQueue),
                           cell(h.jobsInProgress), cell(h.jobsCompleted), cell(h.jobsFailed), healthText(r)});
    }
    return table;
}

} // namespace fleetscope
