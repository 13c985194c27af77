// Stored time series as a list for pickers: "metric {labels} · connection", the series id under SeriesIdRole.
#pragma once

#include "domain.h"

#include <QAbstractListModel>
#include <QHash>

namespace fleetscope {

class SeriesListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { SeriesIdRole = Qt::UserRole + 1 };

    using QAbstractListModel::QAbstractListModel;

    // CONNECTION_NAMES maps connection id to its name; a series whose connection is missing shows no name.
    void setSeries(QList<SeriesInfo> series, QHash<qint64, QString> connectionNames);
    int rowOf(qint64 seriesId) const;   // -1 when not listed

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // `gpu=0, host=node-1` from the canonical labels JSON; empty for `{}`.
    static QString labelsText(const QString &labelsJson);

private:
    QList<SeriesInfo> m_series;
    QHash<qint64, QString> m_connectionNames;
};

} // namespace fleetscope
