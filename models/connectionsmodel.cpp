// ConnectionsModel: localised display cells, raw typed export cells.
#include "connectionsmodel.h"

#include <QColor>
#include <QLocale>

namespace fleetscope {

void ConnectionsModel::setConnections(QList<ConnectionRecord> connections)
{
    beginResetModel();
    m_connections = std::move(connections);
    endResetModel();
}

void ConnectionsModel::setStates(const QHash<qint64, ConnectionState> &states)
{
    m_states = states;
    if (!m_connections.isEmpty())
        Q_EMIT dataChanged(index(0, Status), index(rowCount() - 1, NextSync));
}

void ConnectionsModel::setState(qint64 connectionId, const ConnectionState &state)
{
    m_states.insert(connectionId, state);
    for (int row = 0; row < rowCount(); ++row) {
        if (m_connections.at(row).id == connectionId)
            Q_EMIT dataChanged(index(row, Status), index(row, NextSync));
    }
}

int ConnectionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_connections.size());
}

int ConnectionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConnectionsModel::statusText(const ConnectionRecord &connection)
{
    if (connection.lastStatus.isEmpty())
        return tr("Never synced");
    if (connection.lastStatus == QLatin1String("ok"))
        return tr("OK");
    if (connection.lastStatus == QLatin1String("failed"))
        return tr("Failed");
    return connection.lastStatus;
}

QString ConnectionsModel::cadenceText(int seconds)
{
    if (seconds > 0 && seconds % 3600 == 0)
        return tr("%n h", nullptr, seconds / 3600);
    if (seconds > 0 && seconds % 60 == 0)
        return tr("%n min", nullptr, seconds / 60);
    return tr("%n s", nullptr, seconds);
}

QVariant ConnectionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionRecord &c = m_connections.at(index.row());
    const auto state = m_states.constFind(c.id);
    const bool syncing = state != m_states.cend() && state->phase == ConnectionState::Phase::Syncing;
    const QString collectedBy = state != m_states.cend() ? state->collectedBy : QString();
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Kind: return c.kind;
        case Name: return c.name;
        case Enabled: return c.enabled ? tr("Yes") : tr("No");
        case Cadence: return cadenceText(c.cadenceSeconds);
        case LastSync:
            return c.lastSyncAt.isValid() ? QLocale().toString(c.lastSyncAt.toLocalTime(), QLocale::ShortFormat)
                                          : tr("Never");
        case Status:
            if (c.enabled && !collectedBy.isEmpty())
                return tr("Collected by %1").arg(collectedBy);
            return syncing ? tr("Syncing…") : c.enabled ? statusText(c) : tr("Disabled");
        case NextSync:
            if (!c.enabled || !collectedBy.isEmpty())
                return tr("—");
            return state != m_states.cend() && state->nextSyncAt.isValid()
                ? QLocale().toString(state->nextSyncAt.toLocalTime().time(), QLocale::ShortFormat) : tr("—");
        case LastError: return c.lastError;
        }
    } else if (role == Qt::DecorationRole && index.column() == Status) {
        // The badge: a coloured swatch views draw beside the text.
        if (syncing)
            return QColor(0x1f, 0x77, 0xb4);
        if (c.enabled && !collectedBy.isEmpty())
            return QColor(0x8c, 0x9e, 0xb5);
        if (!c.enabled || c.lastStatus.isEmpty())
            return QColor(0x9e, 0x9e, 0x9e);
        return c.lastStatus == QLatin1String("ok") ? QColor(0x2c, 0xa0, 0x2c) : QColor(0xd6, 0x27, 0x28);
    } else if (role == Qt::ToolTipRole && index.column() == Status && !collectedBy.isEmpty()) {
        return tr("Collected by %1; this window shows what it stores").arg(collectedBy);
    } else if (role == Qt::ToolTipRole && index.column() == LastError && !c.lastError.isEmpty()) {
        return c.lastError;   // the cell elides long messages; the tooltip shows all of it
    } else if (role == Qt::ToolTipRole && index.column() == LastSync && c.lastStatus == QLatin1String("failed")) {
        return c.lastSuccessAt.isValid()
            ? tr("Last successful sync: %1").arg(QLocale().toString(c.lastSuccessAt.toLocalTime(), QLocale::ShortFormat))
            : tr("No successful sync yet");
    } else if (role == Qt::TextAlignmentRole && index.column() == Cadence) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant ConnectionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Kind: return tr("Kind");
    case Name: return tr("Name");
    case Enabled: return tr("Enabled");
    case Cadence: return tr("Cadence");
    case LastSync: return tr("Last sync");
    case NextSync: return tr("Next sync");
    case Status: return tr("Status");
    case LastError: return tr("Last error");
    }
    return {};
}

TableData ConnectionsModel::tableData() const
{
    TableData table;
    table.columns = {QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("enabled"),
                     QStringLiteral("cadence_seconds"), QStringLiteral("last_sync_at"),
                     QStringLiteral("last_success_at"), QStringLiteral("last_status"), QStringLiteral("last_error")};
    for (const ConnectionRecord &c : m_connections) {
        table.rows.append({c.kind, c.name, c.enabled, c.cadenceSeconds,
                           c.lastSyncAt.isValid() ? QVariant(c.lastSyncAt.toUTC()) : QVariant(),
                           c.lastSuccessAt.isValid() ? QVariant(c.lastSuccessAt.toUTC()) : QVariant(),
                           c.lastStatus, c.lastError});
    }
    return table;
}

} // namespace fleetscope
