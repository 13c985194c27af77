// TimelineModel: localised display cells, the export's typed cells, filtering by connection and kind.
#include "timelinemodel.h"

#include <QHash>
#include <QLocale>

#include <algorithm>

namespace fleetscope {

void TimelineModel::setEvents(QList<FleetEvent> events)
{
    beginResetModel();
    m_events = std::move(events);
    refilter();
    endResetModel();
}

void TimelineModel::setConnectionFilter(qint64 connectionId)
{
    beginResetModel();
    m_connection = connectionId;
    refilter();
    endResetModel();
}

void TimelineModel::setKindFilter(const QString &kind)
{
    beginResetModel();
    m_kind = kind;
    refilter();
    endResetModel();
}

void TimelineModel::refilter()
{
    m_shown.clear();
    for (int i = 0; i < m_events.size(); ++i) {
        const FleetEvent &e = m_events.at(i);
        if ((m_connection == 0 || e.connectionId == m_connection) && (m_kind.isEmpty() || e.kind == m_kind))
            m_shown << i;
    }
}

QList<std::pair<qint64, QString>> TimelineModel::connections() const
{
    QList<std::pair<qint64, QString>> list;
    for (const FleetEvent &e : m_events) {
        if (e.connectionId != 0 && std::none_of(list.cbegin(), list.cend(), [&e](const auto &c) { return c.first == e.connectionId; }))
            list.append({e.connectionId, e.connection.isEmpty() ? QString::number(e.connectionId) : e.connection});
    }
    std::ranges::sort(list, [](const auto &a, const auto &b) { return a.second < b.second; });
    return list;
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TimelineModel::kindText(const QString &kind)
{
    static const QHash<QString, const char *> texts{
        {QStringLiteral("pod_started"), QT_TR_NOOP("Pod started")},
        {QStringLiteral("pod_stopped"), QT_TR_NOOP("Pod stopped")},
        {QStringLiteral("pod_terminated"), QT_TR_NOOP("Pod terminated")},
        {QStringLiteral("alert_opened"), QT_TR_NOOP("Alert opened")},
        {QStringLiteral("alert_acknowledged"), QT_TR_NOOP("Alert acknowledged")},
        {QStringLiteral("alert_resolved"), QT_TR_NOOP("Alert resolved")},
        {QStringLiteral("connection_failing"), QT_TR_NOOP("Connection failing")},
        {QStringLiteral("price_changed"), QT_TR_NOOP("Price changed")},
        {QStringLiteral("action"), QT_TR_NOOP("Action")},
    };
    const char *text = texts.value(kind);
    return text ? tr(text) : kind;
}

AlertDestination TimelineModel::destination(const FleetEvent &event)
{
    if (event.kind.startsWith(QLatin1String("pod_")) || event.kind == QLatin1String("action"))
        return AlertDestination::Pods;
    if (event.kind == QLatin1String("connection_failing"))
        return AlertDestination::Providers;
    if (event.kind == QLatin1String("price_changed"))
        return AlertDestination::Offers;
    return AlertDestination::Alerts;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_shown.size())
        return {};
    const FleetEvent &e = event(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time: return QLocale().toString(e.ts.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Kind: return kindText(e.kind);
        case Connection: return e.connection;
        case Resource: return e.resource;
        case Message: return e.message;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Message)
        return e.message;
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Kind: return tr("Event");
    case Connection: return tr("Connection");
    case Resource: return tr("Resource");
    case Message: return tr("What happened");
    }
    return {};
}

TableData TimelineModel::tableData() const
{
    QList<FleetEvent> shown;
    shown.reserve(m_shown.size());
    for (const int i : m_shown)
        shown << m_events.at(i);
    return timelineTable(shown);
}

} // namespace fleetscope
