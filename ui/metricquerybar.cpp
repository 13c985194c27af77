// MetricQueryBar: combo boxes keyed by the CLI's names, so `--interval week --agg p95` and the GUI agree.
#include "metricquerybar.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>

#include <algorithm>

namespace fleetscope {

MetricQueryBar::MetricQueryBar(QWidget *parent)
    : QWidget(parent)
{
    m_interval = new QComboBox(this);
    m_interval->setAccessibleName(tr("Interval"));
    for (MetricInterval i : {MetricInterval::Run, MetricInterval::Hour, MetricInterval::Day, MetricInterval::Week})
        m_interval->addItem(intervalText(i), metricIntervalName(i));
    m_interval->setToolTip(tr("One point per run, or per hour, day or week (UTC; weeks start on Monday)."));
    m_aggregation = new QComboBox(this);
    m_aggregation->setAccessibleName(tr("Aggregation"));
    for (Aggregation a : {Aggregation::P50, Aggregation::P95, Aggregation::Avg, Aggregation::Min, Aggregation::Max, Aggregation::Count})
        m_aggregation->addItem(aggregationText(a), aggregationName(a));
    m_aggregation->setToolTip(tr("How the values in one point (a run's repetitions, or every run of the interval) become one."));
    m_groupBy = new QToolButton(this);
    m_groupBy->setAccessibleName(tr("Group by"));
    m_groupBy->setPopupMode(QToolButton::InstantPopup);
    m_groupBy->setToolTip(tr("One line per value of the checked dimensions; none checked: the average and range of every series."));
    m_groupByMenu = new QMenu(m_groupBy);
    m_groupBy->setMenu(m_groupByMenu);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_interval);
    layout->addWidget(m_aggregation);
    layout->addWidget(m_groupBy);
    updateGroupByText();

    connect(m_interval, &QComboBox::currentIndexChanged, this, &MetricQueryBar::queryChanged);
    connect(m_aggregation, &QComboBox::currentIndexChanged, this, &MetricQueryBar::queryChanged);
}

QString MetricQueryBar::intervalText(MetricInterval interval)
{
    switch (interval) {
    case MetricInterval::Run: return tr("per run");
    case MetricInterval::Hour: return tr("per hour");
    case MetricInterval::Day: return tr("per day");
    case MetricInterval::Week: return tr("per week");
    }
    return {};
}

QString MetricQueryBar::aggregationText(Aggregation aggregation)
{
    switch (aggregation) {
    case Aggregation::P50: return tr("median (p50)");
    case Aggregation::P95: return tr("p95");
    case Aggregation::Avg: return tr("average");
    case Aggregation::Min: return tr("minimum");
    case Aggregation::Max: return tr("maximum");
    case Aggregation::Count: return tr("count");
    }
    return {};
}

MetricInterval MetricQueryBar::interval() const
{
    return parseMetricInterval(m_interval->currentData().toString()).value_or(MetricInterval::Run);
}

Aggregation MetricQueryBar::aggregation() const
{
    return parseAggregation(m_aggregation->currentData().toString()).value_or(Aggregation::P50);
}

QStringList MetricQueryBar::groupBy() const
{
    QStringList checked;
    for (const QAction *action : m_groupByMenu->actions()) {
        if (action->isChecked())
            checked << action->data().toString();
    }
    return checked;
}

bool MetricQueryBar::isDefault() const
{
    return interval() == MetricInterval::Run && aggregation() == Aggregation::P50 && groupBy().isEmpty();
}

void MetricQueryBar::setDimensions(const QStringList &dimensions)
{
    const QStringList checked = groupBy();
    m_groupByMenu->clear();
    for (const QString &dimension : dimensions) {
        QAction *action = m_groupByMenu->addAction(dimension);
        action->setData(dimension);
        action->setCheckable(true);
        action->setChecked(checked.contains(dimension));
        connect(action, &QAction::toggled, this, [this] {
            updateGroupByText();
            Q_EMIT queryChanged();
        });
    }
    m_groupBy->setEnabled(!dimensions.isEmpty());
    updateGroupByText();
}

void MetricQueryBar::setInterval(MetricInterval interval)
{
    m_interval->setCurrentIndex(std::max(0, m_interval->findData(metricIntervalName(interval))));
}

void MetricQueryBar::setAggregation(Aggregation aggregation)
{
    m_aggregation->setCurrentIndex(std::max(0, m_aggregation->findData(aggregationName(aggregation))));
}

void MetricQueryBar::setGroupBy(const QStringList &dimensions)
{
    bool changed = false;
    for (QAction *action : m_groupByMenu->actions()) {
        const bool wanted = dimensions.contains(action->data().toString());
        if (action->isChecked() != wanted) {
            const QSignalBlocker blocker(action);   // one queryChanged for the whole change
            action->setChecked(wanted);
            changed = true;
        }
    }
    updateGroupByText();
    if (changed)
        Q_EMIT queryChanged();
}

void MetricQueryBar::updateGroupByText()
{
    const QStringList checked = groupBy();
    m_groupBy->setText(checked.isEmpty() ? tr("Group by: none") : tr("Group by: %1").arg(checked.join(QStringLiteral(", "))));
}

} // namespace fleetscope
