// The configured provider accounts as a table: kind, name, enabled, cadence and the last sync outcome.
#pragma once

#include "engine/scheduler.h"
#include "exportabletablemodel.h"

#include <QHash>

namespace fleetscope {

class ConnectionsModel : public ExportableTableModel
{
    Q_OBJECT
public:
    enum Column { Kind, Name, Enabled, Cadence, Status, LastSync, NextSync, LastError, ColumnCount };

    using ExportableTableModel::ExportableTableModel;

    void setConnections(QList<ConnectionRecord> connections);
    // Live states from the engine: "Syncing…" and the next sync time.
    void setStates(const QHash<qint64, ConnectionState> &states);
    void setState(qint64 connectionId, const ConnectionState &state);
    const ConnectionRecord &connection(int row) const { return m_connections.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    TableData tableData() const override;

    // Shared with the status bar so both say the same thing about a connection.
    static QString statusText(const ConnectionRecord &connection);
    static QString cadenceText(int seconds);

private:
    QList<ConnectionRecord> m_connections;
    QHash<qint64, ConnectionState> m_states;
};

} // namespace fleetscope
