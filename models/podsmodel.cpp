// PodsModel: localised display cells, numeric sort keys, typed export cells.
#include "podsmodel.h"

#include "snapshotformat.h"

namespace fleetscope {
namespace {

// Unknown values sort below every real one (all real ones here are >= 0).
QVariant sortKey(std::optional<double> value)
{
    return value ? *value : -1.0;
}

} // namespace

void PodsModel::setInstances(QList<InstanceSnapshot> instances, QHash<qint64, QString> connectionNames)
{
    beginResetModel();
    m_instances = std::move(instances);
    m_connectionNames = std::move(connectionNames);
    endResetModel();
}

int PodsModel::rowOf(const QString &instanceId) const
{
    for (int i = 0; i < m_instances.size(); ++i) {
        if (m_instances[i].instanceId == instanceId)
            return i;
    }
    return -1;
}

int PodsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_instances.size());
}

int PodsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PodsModel::gpuText(const InstanceSnapshot &instance)
{
    if (instance.gpuType.isEmpty())
        return instance.gpuCount ? tr("%n GPU(s)", nullptr, int(*instance.gpuCount)) : SnapshotFormat::unknown();
    if (!instance.gpuCount)
        return instance.gpuType;
    return tr("%1 × %2").arg(instance.gpuType).arg(*instance.gpuCount);
}

QVariant PodsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InstanceSnapshot &i = m_instances.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return i.name.isEmpty() ? i.instanceId : i.name;
        case Gpu: return gpuText(i);
        case Status: return i.status.isEmpty() ? SnapshotFormat::unknown() : i.status;
        case Uptime: return SnapshotFormat::duration(i.uptimeSeconds);
        case Util: return SnapshotFormat::percent(i.gpuUtilPercent);
        case CostPerHour: return SnapshotFormat::moneyPerHour(i.costPerHour);
        case Region: return i.region.isEmpty() ? SnapshotFormat::unknown() : i.region;
        case Connection: return m_connectionNames.value(i.connectionId);
        }
    } else if (role == SortRole) {
        switch (index.column()) {
        case Uptime: return i.uptimeSeconds ? qint64(*i.uptimeSeconds) : qint64(-1);
        case Util: return sortKey(i.gpuUtilPercent);
        case CostPerHour: return sortKey(i.costPerHour);
        default: return data(index, Qt::DisplayRole).toString().toLower();
        }
    } else if (role == InstanceIdRole) {
        return i.instanceId;
    } else if (role == Qt::ToolTipRole && index.column() == Name) {
        return tr("%1 (%2)").arg(i.name, i.instanceId);
    } else if (role == Qt::TextAlignmentRole && (index.column() == Uptime || index.column() == Util || index.column() == CostPerHour)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant PodsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Gpu: return tr("GPU");
    case Status: return tr("Status");
    case Uptime: return tr("Uptime");
    case Util: return tr("GPU util");
    case CostPerHour: return tr("Cost/hr");
    case Region: return tr("Region");
    case Connection: return tr("Connection");
    }
    return {};
}

TableData PodsModel::tableData() const
{
    TableData table;
    table.columns = {QStringLiteral("snapshot_ts"), QStringLiteral("connection"), QStringLiteral("instance_id"),
                     QStringLiteral("name"), QStringLiteral("gpu_type"), QStringLiteral("gpu_count"),
                     QStringLiteral("status"), QStringLiteral("uptime_seconds"), QStringLiteral("gpu_util_percent"),
                     QStringLiteral("cost_per_hour"), QStringLiteral("region")};
    for (const InstanceSnapshot &i : m_instances) {
        table.rows.append({i.snapshotTs.toUTC(), m_connectionNames.value(i.connectionId), i.instanceId, i.name,
                           i.gpuType, cell(i.gpuCount), i.status, cell(i.uptimeSeconds), cell(i.gpuUtilPercent),
                           cell(i.costPerHour), i.region});
    }
    return table;
}

} // namespace fleetscope
