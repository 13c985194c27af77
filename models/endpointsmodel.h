// Serverless endpoints joined with their latest health: workers, queue, job counts and a health badge.
#pragma once

#include "exportabletablemodel.h"
#include "snapshots.h"

#include <QHash>

#include <optional>

namespace fleetscope {

// One endpoint as the table shows it. EARLIER_QUEUE is the queue depth some minutes before the
// latest health reading (nullopt: no earlier reading), so the badge can tell a growing queue.
struct EndpointRow {
    EndpointSnapshot endpoint;
    std::optional<EndpointHealth> health;
    std::optional<qint64> earlierQueue;
};

class EndpointsModel : public ExportableTableModel
{
    Q_OBJECT
public:
    // Health right after the name: the badge is what a wide table must never scroll out of sight.
    enum Column { Name, Health, Running, Idle, Initializing, Throttled, Unhealthy, Queue, InProgress, Completed,
                  Failed, Workers, Gpus, Connection, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, EndpointIdRole, NeedsAttentionRole };
    // A failure rate at or above this reads as a problem (of completed + failed jobs).
    static constexpr double kFailureRateThreshold = 5.0;

    using ExportableTableModel::ExportableTableModel;

    void setEndpoints(QList<EndpointRow> rows, QHash<qint64, QString> connectionNames);
    const EndpointRow &row(int row) const { return m_rows.at(row); }
    int rowOf(const QString &endpointId) const;   // -1 when not listed

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    TableData tableData() const override;

    // "unhealthy workers", "queue growing, no worker running", "failure rate 12.5 %", "healthy";
    // "—" without a health reading. The first problem found wins, in that order.
    static QString healthText(const EndpointRow &row);
    static bool needsAttention(const EndpointRow &row);

private:
    QList<EndpointRow> m_rows;
    QHash<qint64, QString> m_connectionNames;
};

} // namespace fleetscope
