// WorkflowVerdictsModel: localised cells, verdict colours, sort keys, and the fields of `workflows regressions --format json`.
#include "workflowverdictsmodel.h"

#include "snapshotformat.h"
#include "workflowfigures.h"

#include <QColor>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace fleetscope {
namespace {

// Regressions first: what a user opens the table for.
int verdictRank(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Regression: return 0;
    case Verdict::Improvement: return 1;
    case Verdict::Unchanged: return 2;
    case Verdict::TooLittleHistory: return 3;
    case Verdict::NotJudged: return 4;
    }
    return 5;
}

QVariant finite(const std::optional<double> &value)
{
    return value && std::isfinite(*value) ? QVariant(*value) : QVariant();
}

} // namespace

void WorkflowVerdictsModel::setVerdicts(QList<SeriesVerdict> verdicts, QHash<qint64, RunPrice> prices)
{
    beginResetModel();
    m_verdicts = std::move(verdicts);
    m_prices = std::move(prices);
    QList<QJsonObject> groups;
    for (const SeriesVerdict &v : std::as_const(m_verdicts))
        groups << v.group;
    m_shownDimensions = groups.isEmpty() ? QStringList() : varyingDimensions(groups);
    endResetModel();
}

qsizetype WorkflowVerdictsModel::count(Verdict verdict) const
{
    return std::count_if(m_verdicts.cbegin(), m_verdicts.cend(), [verdict](const SeriesVerdict &v) { return v.verdict == verdict; });
}

int WorkflowVerdictsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_verdicts.size());
}

int WorkflowVerdictsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WorkflowVerdictsModel::verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Regression: return tr("Regression");
    case Verdict::Improvement: return tr("Improvement");
    case Verdict::Unchanged: return tr("Unchanged");
    case Verdict::TooLittleHistory: return tr("Too little history");
    case Verdict::NotJudged: return tr("Not judged");
    }
    return {};
}

QString WorkflowVerdictsModel::directionText(MetricDirection direction)
{
    switch (direction) {
    case MetricDirection::LowerIsBetter: return tr("Lower");
    case MetricDirection::HigherIsBetter: return tr("Higher");
    case MetricDirection::Neutral: return tr("Neutral");
    }
    return {};
}

CostFigure WorkflowVerdictsModel::costOf(const SeriesVerdict &v) const
{
    const auto price = m_prices.constFind(v.latest.runId);
    return price == m_prices.cend() ? CostFigure() : costFigure(v.latest.value, v.unit, v.direction, price->perHour);
}

QString WorkflowVerdictsModel::costText(const CostFigure &figure, const QString &unit)
{
    switch (figure.kind) {
    case CostFigure::Kind::None: return {};
    case CostFigure::Kind::PerDollarHour:
        return unit.isEmpty() ? tr("%1 per $/hr").arg(QLocale().toString(figure.value, 'g', 4))
                              : tr("%1 %2 per $/hr").arg(QLocale().toString(figure.value, 'g', 4), unit);
    case CostFigure::Kind::DollarsPerResult: return tr("$%1 per result").arg(QLocale().toString(figure.value, 'g', 3));
    }
    return {};
}

QString WorkflowVerdictsModel::testText(const SeriesVerdict &v)
{
    const QString judged = v.judgedRuns > 1
        ? tr("The median %1 of the newest %2 runs (to %3)").arg(valueText(v.judgedValue, v.unit)).arg(v.judgedRuns).arg(SnapshotFormat::clockTime(v.latest.time))
        : tr("%1 of %2").arg(valueText(v.latest.value, v.unit), SnapshotFormat::clockTime(v.latest.time));
    const QString against = tr("%1 against the median %2 of the %3 run(s) before; changes within %4 are not flagged.")
                                .arg(judged, valueText(v.baselineMedian, v.unit)).arg(v.baselineRuns).arg(valueText(v.limit, v.unit));
    switch (v.method) {
    case RegressionMethod::Percent:
    case RegressionMethod::Mad:
        return against;
    case RegressionMethod::ZScore:
        return tr("%1 z = %2 from their mean %3 (σ %4).")
            .arg(against, v.z ? QLocale().toString(*v.z, 'f', 2) : SnapshotFormat::unknown(), valueText(v.baselineMean, v.unit),
                 valueText(v.stddev, v.unit));
    case RegressionMethod::MannWhitney:
        return tr("%1 Mann-Whitney U = %2, one-sided p = %3.")
            .arg(against, v.u ? QLocale().toString(*v.u, 'g', 6) : SnapshotFormat::unknown(),
                 v.p ? QLocale().toString(*v.p, 'g', 2) : SnapshotFormat::unknown());
    }
    return against;
}

QVariant WorkflowVerdictsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SeriesVerdict &v = m_verdicts.at(index.row());
    const bool judged = v.baselineRuns > 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Metric: return v.metric;
        case Dimensions: {
            const QJsonObject shown = onlyDimensions(v.group, m_shownDimensions);
            return shown.isEmpty() ? tr("—") : groupText(shown);
        }
        case Latest: return valueText(v.judgedValue, v.unit);
        case Baseline: return judged ? valueText(v.baselineMedian, v.unit) : SnapshotFormat::unknown();
        case Change: return judged && v.baselineMedian != 0 ? changeText(v.changePercent) : SnapshotFormat::unknown();
        case PerDollar: {
            const QString text = costText(costOf(v), v.unit);
            return text.isEmpty() ? SnapshotFormat::unknown() : text;
        }
        case Better: return directionText(v.direction);
        case Outcome: return verdictText(v.verdict);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Latest: return v.judgedValue;
        case Baseline: return judged ? v.baselineMedian : -std::numeric_limits<double>::max();
        case Change: return judged ? v.changePercent : -std::numeric_limits<double>::max();
        case Outcome: return verdictRank(v.verdict);
        case PerDollar: {
            const CostFigure figure = costOf(v);
            return figure.kind == CostFigure::Kind::None ? -std::numeric_limits<double>::max() : figure.value;
        }
        default: return data(index, Qt::DisplayRole).toString().toLower();
        }
    case ChangedRole: return v.verdict == Verdict::Regression || v.verdict == Verdict::Improvement;
    case Qt::DecorationRole:
        if (index.column() != Outcome)
            break;
        switch (v.verdict) {
        case Verdict::Regression: return QColor(0xd6, 0x27, 0x28);
        case Verdict::Improvement: return QColor(0x2c, 0xa0, 0x2c);
        default: return QColor(0x9e, 0x9e, 0x9e);
        }
    case Qt::ToolTipRole:
        if (index.column() == Outcome || index.column() == Change) {
            if (!judged)
                return tr("No earlier runs to compare with.");
            return testText(v);
        }
        if (index.column() == Dimensions)
            return groupText(v.group);
        if (index.column() == PerDollar) {
            const auto price = m_prices.constFind(v.latest.runId);
            if (price == m_prices.cend())
                return tr("No price for the newest run: link the configuration to a GPU type or connection "
                          "(fleetscope workflows configs set NAME --cost-gpu-type T) and keep offers or snapshots from that time.");
            return tr("The newest run at $%1/hr (%2 observed %3).")
                .arg(QLocale().toString(price->perHour, 'f', 2),
                     price->source == QLatin1String("offer") ? tr("the cheapest offer") : tr("its connection's running instances"),
                     SnapshotFormat::clockTime(price->observedAt));
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Latest || index.column() == Baseline || index.column() == Change || index.column() == PerDollar)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant WorkflowVerdictsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Metric: return tr("Metric");
    case Dimensions: return tr("Dimensions");
    case Latest: {
        int judged = 1;
        for (const SeriesVerdict &v : m_verdicts)
            judged = std::max(judged, v.judgedRuns);
        return judged > 1 ? tr("Newest %1 (median)").arg(judged) : tr("Latest");
    }
    case Baseline: return tr("Baseline median");
    case Change: return tr("Change");
    case PerDollar: return tr("Per dollar");
    case Better: return tr("Better");
    case Outcome: return tr("Verdict");
    }
    return {};
}

TableData WorkflowVerdictsModel::tableData() const
{
    TableData table;
    table.columns = {QStringLiteral("metric"), QStringLiteral("dimensions"), QStringLiteral("unit"), QStringLiteral("better"),
                     QStringLiteral("method"), QStringLiteral("verdict"), QStringLiteral("latest"), QStringLiteral("latest_at"),
                     QStringLiteral("head_sha"), QStringLiteral("judged_runs"), QStringLiteral("judged_value"), QStringLiteral("baseline_runs"),
                     QStringLiteral("baseline_median"), QStringLiteral("baseline_mean"), QStringLiteral("stddev"), QStringLiteral("mad"),
                     QStringLiteral("change_percent"), QStringLiteral("z"), QStringLiteral("u"), QStringLiteral("p"),
                     QStringLiteral("price_per_hour"), QStringLiteral("per_dollar_hour"), QStringLiteral("dollars_per_result")};
    for (const SeriesVerdict &v : m_verdicts) {
        const bool judged = v.baselineRuns > 0;
        const auto price = m_prices.constFind(v.latest.runId);
        const CostFigure figure = costOf(v);
        table.rows.append({v.metric, QString::fromUtf8(QJsonDocument(v.group).toJson(QJsonDocument::Compact)), v.unit,
                           directionName(v.direction), regressionMethodName(v.method), verdictName(v.verdict), v.latest.value,
                           v.latest.time.isValid() ? QVariant(v.latest.time.toUTC()) : QVariant(), v.latest.headSha, v.judgedRuns,
                           v.judgedValue, v.baselineRuns, judged ? QVariant(v.baselineMedian) : QVariant(),
                           judged ? QVariant(v.baselineMean) : QVariant(), judged ? QVariant(v.stddev) : QVariant(),
                           judged ? QVariant(v.mad) : QVariant(), judged ? QVariant(v.changePercent) : QVariant(), finite(v.z),
                           finite(v.u), finite(v.p), price == m_prices.cend() ? QVariant() : QVariant(price->perHour),
                           figure.kind == CostFigure::Kind::PerDollarHour ? QVariant(figure.value) : QVariant(),
                           figure.kind == CostFigure::Kind::DollarsPerResult ? QVariant(figure.value) : QVariant()});
    }
    return table;
}

} // namespace fleetscope
