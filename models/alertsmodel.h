// Stored alerts and alert rules as tables, and the Alerts page's filter (open only, severity, text).
#pragma once

#include "exportabletablemodel.h"

#include <QColor>
#include <QHash>
#include <QSortFilterProxyModel>

namespace fleetscope {

class AlertsModel : public ExportableTableModel
{
    Q_OBJECT
public:
    enum Column { Fired, State, Severity, Kind, Connection, Resource, LastSeen, Resolved, Message, ColumnCount };   // the message last: it stretches
    enum Role { SortRole = Qt::UserRole + 1, IdRole, OpenRole, SeverityRole };

    using ExportableTableModel::ExportableTableModel;

    // ALERTS newest first as the store reads them; NAMES: connection id → name.
    void setAlerts(QList<AlertRecord> alerts, QHash<qint64, QString> names);
    const AlertRecord &alert(int row) const { return m_alerts.at(row); }
    int rowOf(qint64 alertId) const;
    // Open alerts nobody acknowledged yet: the sidebar's badge.
    int unacknowledgedCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    TableData tableData() const override;

    static QString stateText(const AlertRecord &alert);
    static QString severityText(const QString &severity);
    static QColor severityColor(const QString &severity);

private:
    QList<AlertRecord> m_alerts;
    QHash<qint64, QString> m_names;
};

class AlertRulesModel : public ExportableTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Kind, Connection, Severity, Enabled, Parameters, ColumnCount };

    using ExportableTableModel::ExportableTableModel;

    void setRules(QList<AlertRule> rules, QHash<qint64, QString> names);
    const AlertRule &rule(int row) const { return m_rules.at(row); }
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    TableData tableData() const override;

    // "minutes=30, threshold_percent=10": the parameters in one cell, by name.
    static QString paramsText(const QJsonObject &params);

private:
    QList<AlertRule> m_rules;
    QHash<qint64, QString> m_names;
};

// Rows of an AlertsModel the user asked to see.
class AlertsFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AlertsFilter(QObject *parent = nullptr);

    void setOpenOnly(bool openOnly);
    void setSeverity(const QString &severity);   // empty: every severity
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_openOnly = true;
    QString m_severity;
    QString m_text;
};

} // namespace fleetscope
