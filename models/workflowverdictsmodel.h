// The regression core's verdict on each series' newest run as a table: regressions first, export as the CLI's JSON fields.
#pragma once

#include "exportabletablemodel.h"
#include "workflows/regression.h"
#include "workflows/runcost.h"

namespace fleetscope {

class WorkflowVerdictsModel : public ExportableTableModel
{
    Q_OBJECT
public:
    // PerDollar: the newest run's value per $/hr, or its dollars per result, where the configuration is priced.
    enum Column { Metric, Dimensions, Latest, Baseline, Change, PerDollar, Better, Outcome, ColumnCount };
    // SortRole: numbers for numeric columns; the outcome column sorts regressions first, then improvements.
    // ChangedRole: true on regressions and improvements, the rows worth a look.
    enum Role { SortRole = Qt::UserRole + 1, ChangedRole };

    using ExportableTableModel::ExportableTableModel;

    // PRICES: the $/hr of runs by id (workflows/runcost.h); runs without one show no per-dollar figure.
    void setVerdicts(QList<SeriesVerdict> verdicts, QHash<qint64, RunPrice> prices = {});
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
    // "150 per $/hr", "$0.0042 per result"; empty when FIGURE is none.
    static QString costText(const CostFigure &figure, const QString &unit);

private:
    CostFigure costOf(const SeriesVerdict &v) const;

    QList<SeriesVerdict> m_verdicts;
    QHash<qint64, RunPrice> m_prices;
    QStringList m_shownDimensions;   // those that tell the series apart; the tooltip has them all
};

} // namespace fleetscope
