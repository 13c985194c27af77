// AlertsModel, AlertRulesModel, AlertsFilter: localised display cells, raw typed export cells.
#include "alertsmodel.h"

#include <QLocale>

namespace fleetscope {
namespace {

QString localTime(const QDateTime &ts)
{
    return ts.isValid() ? QLocale().toString(ts.toLocalTime(), QLocale::ShortFormat) : QString();
}

QVariant utcCell(const QDateTime &ts)
{
    return ts.isValid() ? QVariant(ts.toUTC()) : QVariant();
}

} // namespace

void AlertsModel::setAlerts(QList<AlertRecord> alerts, QHash<qint64, QString> names)
{
    beginResetModel();
    m_alerts = std::move(alerts);
    m_names = std::move(names);
    endResetModel();
}

int AlertsModel::rowOf(qint64 alertId) const
{
    for (int row = 0; row < m_alerts.size(); ++row) {
        if (m_alerts.at(row).id == alertId)
            return row;
    }
    return -1;
}

int AlertsModel::unacknowledgedCount() const
{
    return int(std::count_if(m_alerts.cbegin(), m_alerts.cend(), [](const AlertRecord &a) { return a.isOpen() && !a.acknowledged; }));
}

int AlertsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlertsModel::stateText(const AlertRecord &alert)
{
    if (!alert.isOpen())
        return tr("Resolved");
    return alert.acknowledged ? tr("Acknowledged") : tr("Open");
}

QString AlertsModel::severityText(const QString &severity)
{
    if (severity == QLatin1String("critical"))
        return tr("Critical");
    if (severity == QLatin1String("warning"))
        return tr("Warning");
    if (severity == QLatin1String("info"))
        return tr("Info");
    return severity;
}

QColor AlertsModel::severityColor(const QString &severity)
{
    if (severity == QLatin1String("critical"))
        return QColor(0xd6, 0x27, 0x28);
    if (severity == QLatin1String("warning"))
        return QColor(0xff, 0x9f, 0x1c);
    return QColor(0x1f, 0x77, 0xb4);
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertRecord &a = m_alerts.at(index.row());
    const AlertFinding &f = a.finding;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Fired: return localTime(a.firedAt);
        case State: return stateText(a);
        case Severity: return severityText(f.severity);
        case Kind: return f.kind;
        case Connection: return f.connectionId == 0 ? tr("—") : m_names.value(f.connectionId, QString::number(f.connectionId));
        case Resource: return f.resourceId;
        case Message: return f.message;
        case LastSeen: return localTime(a.lastSeenAt);
        case Resolved: return a.isOpen() ? tr("—") : localTime(a.resolvedAt);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == Severity)
            return severityColor(f.severity);   // the badge: a swatch beside the text
        break;
    case Qt::ToolTipRole:
        if (index.column() == Message)
            return f.message;   // the cell elides long messages
        if (index.column() == State && a.acknowledged)
            return tr("Acknowledged %1").arg(localTime(a.acknowledgedAt));
        break;
    case SortRole:
        switch (index.column()) {
        case Fired: return a.firedAt;
        case LastSeen: return a.lastSeenAt;
        case Resolved: return a.resolvedAt;
        case Severity: return f.severity == QLatin1String("critical") ? 2 : f.severity == QLatin1String("warning") ? 1 : 0;
        default: return data(index, Qt::DisplayRole);
        }
    case IdRole: return a.id;
    case OpenRole: return a.isOpen();
    case SeverityRole: return f.severity;
    default: break;
    }
    return {};
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Fired: return tr("Fired");
    case State: return tr("State");
    case Severity: return tr("Severity");
    case Kind: return tr("Kind");
    case Connection: return tr("Connection");
    case Resource: return tr("Resource");
    case Message: return tr("Message");
    case LastSeen: return tr("Last seen");
    case Resolved: return tr("Resolved");
    }
    return {};
}

TableData AlertsModel::tableData() const
{
    TableData table;
    table.columns = {QStringLiteral("id"), QStringLiteral("fired_at"), QStringLiteral("state"), QStringLiteral("severity"),
                     QStringLiteral("kind"), QStringLiteral("connection"), QStringLiteral("resource"), QStringLiteral("message"),
                     QStringLiteral("last_seen_at"), QStringLiteral("resolved_at"), QStringLiteral("acknowledged_at")};
    for (const AlertRecord &a : m_alerts) {
        const QString state = !a.isOpen() ? QStringLiteral("resolved") : a.acknowledged ? QStringLiteral("acknowledged") : QStringLiteral("open");
        table.rows.append({a.id, utcCell(a.firedAt), state, a.finding.severity, a.finding.kind,
                           a.finding.connectionId == 0 ? QVariant() : QVariant(m_names.value(a.finding.connectionId)),
                           a.finding.resourceId, a.finding.message, utcCell(a.lastSeenAt), utcCell(a.resolvedAt),
                           utcCell(a.acknowledgedAt)});
    }
    return table;
}

void AlertRulesModel::setRules(QList<AlertRule> rules, QHash<qint64, QString> names)
{
    beginResetModel();
    m_rules = std::move(rules);
    m_names = std::move(names);
    endResetModel();
}

int AlertRulesModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_rules.size(); ++row) {
        if (m_rules.at(row).name == name)
            return row;
    }
    return -1;
}

int AlertRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int AlertRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlertRulesModel::paramsText(const QJsonObject &params)
{
    QStringList parts;
    for (auto it = params.begin(); it != params.end(); ++it)
        parts << QStringLiteral("%1=%2").arg(it.key(), it.value().isDouble() ? QLocale::c().toString(it.value().toDouble()) : it.value().toString());
    return parts.join(QStringLiteral(", "));
}

QVariant AlertRulesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertRule &r = m_rules.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return r.name;
        case Kind: return r.kind;
        case Connection: return r.connectionId == 0 ? tr("All") : m_names.value(r.connectionId, QString::number(r.connectionId));
        case Severity: return AlertsModel::severityText(r.severity);
        case Enabled: return r.enabled ? tr("Yes") : tr("No");
        case Parameters: return paramsText(r.params);
        }
    } else if (role == Qt::DecorationRole && index.column() == Severity) {
        return AlertsModel::severityColor(r.severity);
    } else if (role == Qt::ToolTipRole && index.column() == Kind) {
        if (const AlertKindInfo *info = findAlertKind(r.kind))
            return info->description;
    }
    return {};
}

QVariant AlertRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Kind: return tr("Kind");
    case Connection: return tr("Connection");
    case Severity: return tr("Severity");
    case Enabled: return tr("Enabled");
    case Parameters: return tr("Parameters");
    }
    return {};
}

TableData AlertRulesModel::tableData() const
{
    TableData table;
    table.columns = {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("connection"), QStringLiteral("severity"),
                     QStringLiteral("enabled"), QStringLiteral("params")};
    for (const AlertRule &r : m_rules) {
        table.rows.append({r.name, r.kind, r.connectionId == 0 ? QVariant() : QVariant(m_names.value(r.connectionId)), r.severity,
                           r.enabled, paramsText(r.params)});
    }
    return table;
}

AlertsFilter::AlertsFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AlertsModel::SortRole);
}

void AlertsFilter::setOpenOnly(bool openOnly)
{
    m_openOnly = openOnly;
    invalidateFilter();
}

void AlertsFilter::setSeverity(const QString &severity)
{
    m_severity = severity;
    invalidateFilter();
}

void AlertsFilter::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool AlertsFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex first = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_openOnly && !first.data(AlertsModel::OpenRole).toBool())
        return false;
    if (!m_severity.isEmpty() && first.data(AlertsModel::SeverityRole).toString() != m_severity)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column = 0; column < sourceModel()->columnCount(sourceParent); ++column) {
        if (sourceModel()->index(sourceRow, column, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace fleetscope
