// WorkflowComparisonModel: localised cells, better/worse colours and sort keys over compareRuns' rows.
#include "workflowcomparisonmodel.h"

#include "snapshotformat.h"
#include "workflowfigures.h"
#include "workflows/metricquery.h"

#include <QColor>

#include <algorithm>
#include <limits>

namespace fleetscope {

void WorkflowComparisonModel::setComparison(QList<RunComparisonRow> rows, const QString &aLabel, const QString &bLabel)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_aLabel = aLabel;
    m_bLabel = bLabel;
    QList<QJsonObject> groups;
    for (const RunComparisonRow &r : std::as_const(m_rows))
        groups << r.group;
    m_shownDimensions = groups.isEmpty() ? QStringList() : varyingDimensions(groups);
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, A, B);
}

qsizetype WorkflowComparisonModel::count(RunChange change) const
{
    return std::count_if(m_rows.cbegin(), m_rows.cend(), [change](const RunComparisonRow &r) { return r.change == change; });
}

int WorkflowComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WorkflowComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WorkflowComparisonModel::changeText(RunChange change)
{
    switch (change) {
    case RunChange::Better: return tr("Better");
    case RunChange::Worse: return tr("Worse");
    case RunChange::Same: return tr("Same");
    case RunChange::Neutral: return tr("Changed (not judged)");
    case RunChange::OnlyInA: return tr("Only in A");
    case RunChange::OnlyInB: return tr("Only in B");
    }
    return {};
}

QVariant WorkflowComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunComparisonRow &r = m_rows.at(index.row());
    const auto value = [&r](const std::optional<double> &v) { return v ? valueText(*v, r.unit) : SnapshotFormat::unknown(); };
    const auto sortKey = [](const std::optional<double> &v) { return v ? *v : -std::numeric_limits<double>::max(); };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Metric: return r.metric;
        case Dimensions: {
            const QJsonObject shown = onlyDimensions(r.group, m_shownDimensions);
            return shown.isEmpty() ? tr("—") : groupText(shown);
        }
        case A: return value(r.a);
        case B: return value(r.b);
        case Delta:
            if (!r.delta)
                return SnapshotFormat::unknown();
            return *r.delta > 0 ? tr("+%1").arg(valueText(*r.delta, r.unit)) : valueText(*r.delta, r.unit);
        case DeltaPercent: return r.deltaPercent ? fleetscope::changeText(*r.deltaPercent) : SnapshotFormat::unknown();
        case Better: {
            switch (r.direction) {
            case MetricDirection::LowerIsBetter: return tr("Lower");
            case MetricDirection::HigherIsBetter: return tr("Higher");
            case MetricDirection::Neutral: return tr("Neutral");
            }
            break;
        }
        case Change: return changeText(r.change);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case A: return sortKey(r.a);
        case B: return sortKey(r.b);
        case Delta: return sortKey(r.delta);
        case DeltaPercent: return sortKey(r.deltaPercent);
        default: return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::DecorationRole:
        if (index.column() != Change)
            break;
        switch (r.change) {
        case RunChange::Better: return QColor(0x2c, 0xa0, 0x2c);
        case RunChange::Worse: return QColor(0xd6, 0x27, 0x28);
        default: return QColor(0x9e, 0x9e, 0x9e);
        }
    case Qt::ToolTipRole:
        if (index.column() == Dimensions)
            return groupText(r.group);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == A || index.column() == B || index.column() == Delta || index.column() == DeltaPercent)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant WorkflowComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Metric: return tr("Metric");
    case Dimensions: return tr("Dimensions");
    case A: return m_aLabel.isEmpty() ? tr("A") : tr("A: %1").arg(m_aLabel);
    case B: return m_bLabel.isEmpty() ? tr("B") : tr("B: %1").arg(m_bLabel);
    case Delta: return tr("B − A");
    case DeltaPercent: return tr("Change");
    case Better: return tr("Better");
    case Change: return tr("B is");
    }
    return {};
}

TableData WorkflowComparisonModel::tableData() const
{
    return runComparisonTable(m_rows);
}

} // namespace fleetscope
