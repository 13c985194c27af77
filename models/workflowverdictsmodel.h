// The regression core's verdict on each series' newest run as a table: regressions first, export as the CLI's JSON fields.
#pragma once

#include "exportabletablemodel.h"
#include "workflows/regression.h"

namespace fleetscope {

class WorkflowVerdictsModel : public ExportableTableModel
{
    Q_OBJECT
public:
    enum Column { Metric, Dimensions, Latest, Baseline, Change, Better, Outcome, ColumnCount };
    // SortRole: numbers for numeric columns; the outcome column sorts regressions first, then improvements.
    // ChangedRole: true on regressions and improvements, the rows worth a look.
    enum Role { SortRole = Qt::UserRole + 1, ChangedRole };

    using ExportableTableModel::ExportableTableModel;

    void setVerdicts(QList<SeriesVerdict> verdicts);
    const SeriesVerdict &verdict(int row) const { return m_verdicts.at(row); }
    qsizetype count(Verdict verdict) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    TableData tableData() const override;

    static QString verdictText(Verdict verdict);
    static QString directionText(MetricDirection direction);
    // What the verdict rests on, in words: the compared values and the method's statistic.
    static QString testText(const SeriesVerdict &v);

private:
    QList<SeriesVerdict> m_verdicts;
    QStringList m_shownDimensions;   // those that tell the series apart; the tooltip has them all
};

} // namespace fleetscope
