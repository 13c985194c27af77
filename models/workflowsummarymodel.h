// Each metric series' latest point against the one before and the lookback median, as a table that exports
// the columns of `fleetscope workflows query --summary`.
#pragma once

#include "exportabletablemodel.h"
#include "workflows/metricsummary.h"

namespace fleetscope {

class WorkflowSummaryModel : public ExportableTableModel
{
    Q_OBJECT
public:
    enum Column { Metric, Dimensions, Latest, Previous, Change, LookbackMedian, VsMedian, Points, LatestAt, ColumnCount };
    // SortRole: numbers for the numeric columns (unknown changes last), text for the rest.
    enum Role { SortRole = Qt::UserRole + 1 };

    using ExportableTableModel::ExportableTableModel;

    // LOOKBACK: the points the median was asked to cover, for the header.
    void setSummaries(QList<SeriesSummary> summaries, int lookback);
    const SeriesSummary &summary(int row) const { return m_summaries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    TableData tableData() const override;

private:
    QList<SeriesSummary> m_summaries;
    int m_lookback = 30;
    QStringList m_shownDimensions;   // those that tell the series apart; the tooltip has them all
};

} // namespace fleetscope
