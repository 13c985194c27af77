// The fleet timeline as a table: every event of the page's range, filtered by connection and kind.
#pragma once

#include "alertdestination.h"
#include "exportabletablemodel.h"
#include "timeline/timeline.h"

namespace fleetscope {

class TimelineModel : public ExportableTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Kind, Connection, Resource, Message, ColumnCount };   // the message last: it stretches

    using ExportableTableModel::ExportableTableModel;

    // EVENTS oldest first, as readTimeline returns them; the filter stays.
    void setEvents(QList<FleetEvent> events);
    // 0 / empty: every connection / kind.
    void setConnectionFilter(qint64 connectionId);
    void setKindFilter(const QString &kind);
    qint64 connectionFilter() const { return m_connection; }
    QString kindFilter() const { return m_kind; }

    int totalCount() const { return int(m_events.size()); }
    const FleetEvent &event(int row) const { return m_events.at(m_shown.at(row)); }
    // Connections that have events, id → name, for the filter's choices.
    QList<std::pair<qint64, QString>> connections() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    TableData tableData() const override;   // the rows shown, with the `export events` columns

    static QString kindText(const QString &kind);
    // The page that shows an event's resource.
    static AlertDestination destination(const FleetEvent &event);

private:
    void refilter();

    QList<FleetEvent> m_events;
    QList<int> m_shown;   // indexes into m_events
    qint64 m_connection = 0;
    QString m_kind;
};

} // namespace fleetscope
