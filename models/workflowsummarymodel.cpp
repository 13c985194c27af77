// WorkflowSummaryModel: localised values and changes, changes coloured by the metric's direction.
#include "workflowsummarymodel.h"

#include "snapshotformat.h"
#include "workflowfigures.h"

#include <QColor>

#include <limits>

namespace fleetscope {
namespace {

// Green where the change is for the better by the metric's direction, red where worse; none when neutral.
QVariant changeColour(const std::optional<double> &percent, MetricDirection direction)
{
    if (!percent || *percent == 0 || direction == MetricDirection::Neutral)
        return {};
    const bool better = (*percent < 0) == (direction == MetricDirection::LowerIsBetter);
    return better ? QColor(0x2c, 0xa0, 0x2c) : QColor(0xd6, 0x27, 0x28);
}

QVariant sortKey(const std::optional<double> &value)
{
    return value ? *value : -std::numeric_limits<double>::max();
}

} // namespace

void WorkflowSummaryModel::setSummaries(QList<SeriesSummary> summaries, int lookback)
{
    beginResetModel();
    m_summaries = std::move(summaries);
    m_lookback = lookback;
    QList<QJsonObject> groups;
    for (const SeriesSummary &s : std::as_const(m_summaries))
        groups << s.group;
    m_shownDimensions = groups.isEmpty() ? QStringList() : varyingDimensions(groups);
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, LookbackMedian, LookbackMedian);
}

int WorkflowSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_summaries.size());
}

int WorkflowSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorkflowSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SeriesSummary &s = m_summaries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Metric: return s.metric;
        case Dimensions: {
            const QJsonObject shown = onlyDimensions(s.group, m_shownDimensions);
            return shown.isEmpty() ? tr("—") : groupText(shown);
        }
        case Latest: return valueText(s.latest.value, s.unit);
        case Previous: return s.previous ? valueText(s.previous->value, s.unit) : SnapshotFormat::unknown();
        case Change: return s.changePercent ? changeText(*s.changePercent) : SnapshotFormat::unknown();
        case LookbackMedian: return s.lookbackMedian ? valueText(*s.lookbackMedian, s.unit) : SnapshotFormat::unknown();
        case VsMedian: return s.changeVsMedianPercent ? changeText(*s.changeVsMedianPercent) : SnapshotFormat::unknown();
        case Points: return QString::number(s.points);
        case LatestAt: return SnapshotFormat::clockTime(s.latest.time);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Latest: return s.latest.value;
        case Previous: return sortKey(s.previous ? std::optional<double>(s.previous->value) : std::nullopt);
        case Change: return sortKey(s.changePercent);
        case LookbackMedian: return sortKey(s.lookbackMedian);
        case VsMedian: return sortKey(s.changeVsMedianPercent);
        case Points: return qlonglong(s.points);
        case LatestAt: return s.latest.time;
        default: return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::ForegroundRole:
        if (index.column() == Change)
            return changeColour(s.changePercent, s.direction);
        if (index.column() == VsMedian)
            return changeColour(s.changeVsMedianPercent, s.direction);
        break;
    case Qt::ToolTipRole:
        if (index.column() == Dimensions)
            return groupText(s.group);
        if (index.column() == Change && !s.changePercent)
            return s.previous ? tr("The point before is 0: no relative change.") : tr("A single point: nothing before it to compare with.");
        if (index.column() == LookbackMedian && s.lookbackMedian)
            return tr("The median of the %n point(s) before the latest.", nullptr, int(s.lookbackPoints));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != Metric && index.column() != Dimensions && index.column() != LatestAt)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant WorkflowSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Metric: return tr("Metric");
    case Dimensions: return tr("Dimensions");
    case Latest: return tr("Latest");
    case Previous: return tr("Previous");
    case Change: return tr("Change");
    case LookbackMedian: return tr("Median of last %1").arg(m_lookback);
    case VsMedian: return tr("Vs median");
    case Points: return tr("Points");
    case LatestAt: return tr("Latest at");
    }
    return {};
}

TableData WorkflowSummaryModel::tableData() const
{
    return seriesSummaryTable(m_summaries);
}

} // namespace fleetscope
