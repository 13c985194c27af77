// SeriesListModel: readable names for stored series.
#include "serieslistmodel.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace fleetscope {

void SeriesListModel::setSeries(QList<SeriesInfo> series, QHash<qint64, QString> connectionNames)
{
    beginResetModel();
    m_series = std::move(series);
    m_connectionNames = std::move(connectionNames);
    endResetModel();
}

int SeriesListModel::rowOf(qint64 seriesId) const
{
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        if (m_series.at(i).id == seriesId)
            return int(i);
    }
    return -1;
}

int SeriesListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_series.size());
}

QString SeriesListModel::labelsText(const QString &labelsJson)
{
    const QJsonObject labels = QJsonDocument::fromJson(labelsJson.toUtf8()).object();
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts.append(it.key() + QLatin1Char('=') + it.value().toVariant().toString());
    return parts.join(QStringLiteral(", "));
}

QVariant SeriesListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SeriesInfo &info = m_series.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        QString text = info.key.metric;
        const QString labels = labelsText(info.key.labelsJson);
        if (!labels.isEmpty())
            text += QStringLiteral(" {") + labels + QLatin1Char('}');
        const QString connection = m_connectionNames.value(info.key.connectionId);
        if (!connection.isEmpty())
            text += QStringLiteral(" · ") + connection;
        return text;
    }
    case SeriesIdRole:
        return info.id;
    }
    return {};
}

QHash<int, QByteArray> SeriesListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(SeriesIdRole, "seriesId");
    return names;
}

} // namespace fleetscope
