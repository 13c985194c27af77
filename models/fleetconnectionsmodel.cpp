// FleetConnectionsModel: localised display cells with a coloured status badge, numeric sort keys, typed export cells.
#include "fleetconnectionsmodel.h"

#include "connectionsmodel.h"
#include "offersmodel.h"
#include "snapshotformat.h"

#include <QColor>
#include <QLocale>

namespace fleetscope {
namespace {

QVariant sortKey(std::optional<double> value)
{
    return value ? *value : -1.0;
}

QVariant sortKey(std::optional<qint64> value)
{
    return value ? double(*value) : -1.0;
}

} // namespace

void FleetConnectionsModel::setConnections(QList<ConnectionFigures> connections)
{
    beginResetModel();
    m_rows = std::move(connections);
    endResetModel();
}

int FleetConnectionsModel::rowOf(qint64 connectionId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].connection.id == connectionId)
            return i;
    }
    return -1;
}

int FleetConnectionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FleetConnectionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FleetConnectionsModel::healthText(ConnectionHealth health)
{
    switch (health) {
    case ConnectionHealth::Ok: return tr("OK");
    case ConnectionHealth::Failed: return tr("Failed");
    case ConnectionHealth::Stale: return tr("Stale");
    case ConnectionHealth::Disabled: return tr("Disabled");
    case ConnectionHealth::NeverSynced: return tr("Never synced");
    }
    return {};
}

QString FleetConnectionsModel::healthKey(ConnectionHealth health)
{
    switch (health) {
    case ConnectionHealth::Ok: return QStringLiteral("ok");
    case ConnectionHealth::Failed: return QStringLiteral("failed");
    case ConnectionHealth::Stale: return QStringLiteral("stale");
    case ConnectionHealth::Disabled: return QStringLiteral("disabled");
    case ConnectionHealth::NeverSynced: return QStringLiteral("never_synced");
    }
    return {};
}

QVariant FleetConnectionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionFigures &f = m_rows.at(index.row());
    const ConnectionRecord &c = f.connection;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Connection: return c.name;
        case Provider: return OffersModel::providerText(c.kind);
        case Status: return healthText(f.health);
        case Instances:
            if (!f.instancesRunning)
                return SnapshotFormat::unknown();
            return tr("%1 / %2").arg(QLocale().toString(*f.instancesRunning), QLocale().toString(*f.instancesTotal));
        case Gpus: return SnapshotFormat::count(f.gpusRunning);
        case CostPerHour: return SnapshotFormat::moneyPerHour(f.costPerHour);
        case Util: return SnapshotFormat::percent(f.meanUtilPercent);
        case Balance: return SnapshotFormat::money(f.balance);
        case LastSync: return c.lastSyncAt.isValid() ? SnapshotFormat::clockTime(c.lastSyncAt) : tr("Never");
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Status: return int(f.health);
        case Instances: return sortKey(f.instancesRunning);
        case Gpus: return sortKey(f.gpusRunning);
        case CostPerHour: return sortKey(f.costPerHour);
        case Util: return sortKey(f.meanUtilPercent);
        case Balance: return sortKey(f.balance);
        case LastSync: return c.lastSyncAt.isValid() ? c.lastSyncAt.toMSecsSinceEpoch() : qint64(-1);
        default: return data(index, Qt::DisplayRole).toString().toLower();
        }
    case ConnectionIdRole: return c.id;
    case Qt::DecorationRole:
        if (index.column() != Status)
            break;
        // The badge, in the Providers page's colours; stale in amber, between ok and failed.
        switch (f.health) {
        case ConnectionHealth::Ok: return QColor(0x2c, 0xa0, 0x2c);
        case ConnectionHealth::Failed: return QColor(0xd6, 0x27, 0x28);
        case ConnectionHealth::Stale: return QColor(0xe0, 0x9b, 0x1a);
        case ConnectionHealth::Disabled:
        case ConnectionHealth::NeverSynced: return QColor(0x9e, 0x9e, 0x9e);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Status || index.column() == Connection) {
            switch (f.health) {
            case ConnectionHealth::Failed:
                return c.lastError.isEmpty() ? tr("The last sync failed; no error recorded.") : c.lastError;
            case ConnectionHealth::Stale:
                return tr("Last synced %1; it syncs every %2. Figures are from then.")
                    .arg(SnapshotFormat::clockTime(c.lastSyncAt), ConnectionsModel::cadenceText(c.cadenceSeconds));
            case ConnectionHealth::Disabled:
                return tr("Disabled: not collected, and left out of the fleet totals.");
            default:
                break;
            }
        }
        if (index.column() == Util && f.utilGpus > 0)
            return tr("Mean over %n GPU(s)", nullptr, int(f.utilGpus));
        if (index.column() == LastSync && c.lastSyncAt.isValid())
            return QLocale().toString(c.lastSyncAt.toLocalTime(), QLocale::LongFormat);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= Instances && index.column() <= Balance)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant FleetConnectionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Connection: return tr("Connection");
    case Provider: return tr("Provider");
    case Status: return tr("Status");
    case Instances: return tr("Running");
    case Gpus: return tr("GPUs");
    case CostPerHour: return tr("Cost/hr");
    case Util: return tr("GPU util");
    case Balance: return tr("Balance");
    case LastSync: return tr("Last sync");
    }
    return {};
}

TableData FleetConnectionsModel::tableData() const
{
    TableData table;
    table.columns = {QStringLiteral("connection"), QStringLiteral("kind"), QStringLiteral("status"),
                     QStringLiteral("last_error"), QStringLiteral("instances_running"), QStringLiteral("instances_total"),
                     QStringLiteral("gpus_running"), QStringLiteral("cost_per_hour"), QStringLiteral("mean_gpu_util_percent"),
                     QStringLiteral("balance"), QStringLiteral("last_sync_at")};
    for (const ConnectionFigures &f : m_rows) {
        const ConnectionRecord &c = f.connection;
        table.rows.append({c.name, c.kind, healthKey(f.health), c.lastError, cell(f.instancesRunning), cell(f.instancesTotal),
                           cell(f.gpusRunning), cell(f.costPerHour), cell(f.meanUtilPercent), cell(f.balance),
                           c.lastSyncAt.isValid() ? QVariant(c.lastSyncAt.toUTC()) : QVariant()});
    }
    return table;
}

} // namespace fleetscope
