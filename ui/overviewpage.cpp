// OverviewPage: totals from the store, series picker and the bucketed chart that follows the time range.
#include "overviewpage.h"

#include "serieslistmodel.h"
#include "timeserieschart.h"

#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>

namespace fleetscope {
namespace {

// A labelled number in a frame; returns the label that holds the number.
QLabel *addStat(QHBoxLayout *row, const QString &caption, QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);
    auto *captionLabel = new QLabel(caption, frame);
    auto *value = new QLabel(frame);
    QFont valueFont = value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.8);
    valueFont.setBold(true);
    value->setFont(valueFont);
    value->setAccessibleName(caption);
    layout->addWidget(captionLabel);
    layout->addWidget(value);
    row->addWidget(frame, 1);
    return value;
}

} // namespace

OverviewPage::OverviewPage(StoreService &store, QWidget *parent)
    : Page(tr("Overview"), store, parent)
{
    auto *content = new QWidget(this);
    auto *stats = new QHBoxLayout;
    m_connectionsCount = addStat(stats, tr("Connections"), content);
    m_seriesCount = addStat(stats, tr("Stored series"), content);
    m_samplesCount = addStat(stats, tr("Stored samples"), content);

    m_seriesModel = new SeriesListModel(this);
    m_seriesPicker = new QComboBox(content);
    m_seriesPicker->setModel(m_seriesModel);
    m_seriesPicker->setAccessibleName(tr("Series"));
    m_seriesPicker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_seriesPicker->setMinimumContentsLength(40);
    auto *pickerLabel = new QLabel(tr("&Series:"), content);
    pickerLabel->setBuddy(m_seriesPicker);
    auto *pickerRow = new QHBoxLayout;
    pickerRow->addWidget(pickerLabel);
    pickerRow->addWidget(m_seriesPicker, 1);

    m_chartState = new PageState(content);
    m_chart = new TimeSeriesChart(m_chartState);
    m_chartState->setContent(m_chart);
    connect(m_chartState, &PageState::retryRequested, this, &OverviewPage::loadChart);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(stats);
    layout->addSpacing(8);
    layout->addLayout(pickerRow);
    layout->addWidget(m_chartState, 1);
    pageState()->setContent(content);

    connect(m_seriesPicker, &QComboBox::currentIndexChanged, this, &OverviewPage::loadChart);
}

void OverviewPage::reload()
{
    pageState()->showLoading();
    readLatest<Totals>(m_totalsRequest, [](Store &store) -> Result<Totals> {
        auto connections = store.connections();
        if (!connections)
            return std::unexpected(connections.error());
        auto series = store.series();
        if (!series)
            return std::unexpected(series.error());
        auto samples = store.sampleCount();
        if (!samples)
            return std::unexpected(samples.error());
        return Totals{*std::move(connections), *std::move(series), *samples};
    }, [this](Result<Totals> totals) {
        if (!totals) {
            pageState()->showError(totals.error());
            return;
        }
        showTotals(*totals);
    });
}

void OverviewPage::showTotals(const Totals &totals)
{
    if (totals.connections.isEmpty() && totals.series.isEmpty()) {
        pageState()->showEmpty(tr("No providers yet — add a provider to start collecting spend, pods, endpoints "
                                  "and GPU metrics."),
                               tr("Add a provider…"));
        return;
    }
    const QLocale locale;
    m_connectionsCount->setText(locale.toString(totals.connections.size()));
    m_seriesCount->setText(locale.toString(totals.series.size()));
    m_samplesCount->setText(locale.toString(totals.samples));

    QHash<qint64, QString> names;
    for (const ConnectionRecord &c : totals.connections)
        names.insert(c.id, c.name);
    // Keep the user's choice across refreshes; the picker's signal would otherwise reload twice.
    const qint64 selected = m_seriesPicker->currentData(SeriesListModel::SeriesIdRole).toLongLong();
    QList<SeriesInfo> series = totals.series;
    std::sort(series.begin(), series.end(), [](const SeriesInfo &a, const SeriesInfo &b) {
        return std::tie(a.key.metric, a.key.labelsJson, a.key.connectionId) < std::tie(b.key.metric, b.key.labelsJson, b.key.connectionId);
    });
    {
        const QSignalBlocker blocker(m_seriesPicker);
        m_seriesModel->setSeries(std::move(series), names);
        m_seriesPicker->setCurrentIndex(std::max(0, m_seriesModel->rowOf(selected)));
    }
    m_seriesPicker->setEnabled(m_seriesModel->rowCount() > 0);
    pageState()->showContent();
    loadChart();
}

void OverviewPage::loadChart()
{
    if (m_seriesModel->rowCount() == 0) {
        m_chartRequest.begin();   // an answer still on its way is for a series that is gone
        m_chartState->showEmpty(tr("No metrics stored yet. Series appear here after a Prometheus or DCGM "
                                   "connection has synced."));
        return;
    }
    const qint64 seriesId = m_seriesPicker->currentData(SeriesListModel::SeriesIdRole).toLongLong();
    const QString title = m_seriesPicker->currentText();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime from = timeRange().from(now);
    const QDateTime to = timeRange().to(now);
    BucketQuery query;
    query.seriesId = seriesId;
    query.fromMs = from.toMSecsSinceEpoch();
    query.toMs = to.toMSecsSinceEpoch();
    // About one bucket per 3 px; before the first layout the chart's width means nothing, hence the floor.
    query.buckets = std::clamp(m_chart->width() / 3, 200, 600);

    m_chartState->showLoading();
    readLatest<BucketSeries>(m_chartRequest, [query](Store &store) { return store.buckets(query); },
                             [this, from, to, title](Result<BucketSeries> buckets) {
        if (!buckets) {
            m_chartState->showError(buckets.error());
            return;
        }
        m_chart->setData(*buckets, from, to, title);
        m_chartState->showContent();
    });
}

} // namespace fleetscope
