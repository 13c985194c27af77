// OverviewPage: one store read for every figure, table and the chart; the figures themselves come from overviewFigures().
#include "overviewpage.h"

#include "figurecard.h"
#include "fleetconnectionsmodel.h"
#include "gputypesmodel.h"
#include "overviewfigures.h"
#include "pointseries.h"
#include "snapshotformat.h"
#include "stalebanner.h"
#include "tableview.h"
#include "timeserieschart.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace fleetscope {

struct OverviewPage::OverviewData {
    OverviewInput input;
    QDateTime from;
    QDateTime to;
    QList<TimedValue> burn;       // fleet burn rate over the range
    QList<TimedValue> util;       // running instances' GPU util over the range, for when nothing has a price
    BucketSeries dcgmUtil;        // DCGM GPUs' util over the range, merged
    qsizetype dcgmSeries = 0;
};

namespace {

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

// A section of the page: a bold title, a grey hint beside it, then WIDGET.
QWidget *section(const QString &title, const QString &hint, QWidget *widget, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(sectionTitle(title, box));
    if (!hint.isEmpty()) {
        auto *hintLabel = new QLabel(hint, box);
        hintLabel->setForegroundRole(QPalette::PlaceholderText);
        titleRow->addWidget(hintLabel);
    }
    titleRow->addStretch(1);
    widget->setParent(box);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(titleRow);
    layout->addWidget(widget, 1);
    return box;
}

QSortFilterProxyModel *sortedView(ExportableTableModel *model, int sortRole, TableView *view, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    view->setModel(model);            // row count and CSV export
    view->table()->setModel(proxy);   // what the user sees, sorted
    view->table()->setSortingEnabled(true);
    view->table()->setSelectionMode(QAbstractItemView::SingleSelection);
    return proxy;
}

} // namespace

OverviewPage::OverviewPage(StoreService &store, QWidget *parent)
    : Page(tr("Overview"), store, parent)
{
    m_staleBanner = new StaleBanner(this);
    addBanner(m_staleBanner);

    auto *content = new QWidget(this);
    auto *cards = new QHBoxLayout;
    m_running = new FigureCard(tr("Running instances"), content);
    m_gpus = new FigureCard(tr("GPUs running"), content);
    m_burn = new FigureCard(tr("Burn rate"), content);
    m_balance = new FigureCard(tr("Balance"), content);
    m_util = new FigureCard(tr("GPU util"), content);
    m_idle = new FigureCard(tr("Idle cost"), content);
    for (FigureCard *card : {m_running, m_gpus, m_burn, m_balance, m_util, m_idle})
        cards->addWidget(card, 1);

    m_connections = new FleetConnectionsModel(this);
    m_connectionsView = new TableView(content);
    sortedView(m_connections, FleetConnectionsModel::SortRole, m_connectionsView, this);
    m_connectionsView->setExportName(QStringLiteral("connections-overview"));
    m_connectionsView->table()->setAccessibleName(tr("Connections"));
    m_connectionsView->table()->sortByColumn(FleetConnectionsModel::Connection, Qt::AscendingOrder);
    connect(m_connectionsView->table(), &QAbstractItemView::activated, this, &OverviewPage::activateRow);

    m_gpuTypes = new GpuTypesModel(this);
    m_gpuTypesState = new PageState(content);
    m_gpuTypesState->setMessageWidth(240, 400);   // it shares the width with the chart
    m_gpuTypesView = new TableView(m_gpuTypesState);
    m_gpuTypesState->setContent(m_gpuTypesView);
    sortedView(m_gpuTypes, GpuTypesModel::SortRole, m_gpuTypesView, this);
    m_gpuTypesView->setExportName(QStringLiteral("gpu-types"));
    m_gpuTypesView->table()->setAccessibleName(tr("GPUs by type"));
    m_gpuTypesView->table()->sortByColumn(GpuTypesModel::Gpus, Qt::DescendingOrder);

    m_chartState = new PageState(content);
    m_chart = new TimeSeriesChart(m_chartState);
    m_chartState->setContent(m_chart);
    m_chartState->setMessageWidth(240, 400);   // it shares the width with the GPU table
    connect(m_chartState, &PageState::retryRequested, this, &OverviewPage::reload);

    // Connections across the full width their nine columns need; below, the GPU breakdown beside the chart.
    auto *split = new QSplitter(Qt::Vertical, content);
    split->setChildrenCollapsible(false);
    split->addWidget(section(tr("Connections"), tr("double-click one to open its pods, or its settings when it fails"),
                             m_connectionsView, split));
    auto *bottom = new QSplitter(Qt::Horizontal, split);
    bottom->setChildrenCollapsible(false);
    bottom->addWidget(section(tr("GPUs by type"), tr("prices per GPU-hour, next to the cheapest current offer"), m_gpuTypesState, bottom));
    bottom->addWidget(m_chartState);
    bottom->setSizes({660, 340});   // proportions: seven columns need the room more than the chart
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(cards);
    layout->addWidget(split, 1);
    pageState()->setContent(content);
}

OverviewPage::Destination OverviewPage::destinationOf(const ConnectionFigures &connection)
{
    switch (connection.health) {
    case ConnectionHealth::Failed:
    case ConnectionHealth::Disabled:
    case ConnectionHealth::NeverSynced:
        return Destination::Providers;
    case ConnectionHealth::Ok:
    case ConnectionHealth::Stale:
        break;
    }
    // A connection without instances (Prometheus, GitHub) has nothing on the Pods page.
    return connection.instancesTotal.value_or(0) > 0 ? Destination::Pods : Destination::Providers;
}

void OverviewPage::activateRow(const QModelIndex &index)
{
    const int row = m_connections->rowOf(index.data(FleetConnectionsModel::ConnectionIdRole).toLongLong());
    if (row < 0)
        return;
    const ConnectionFigures &figures = m_connections->connection(row);
    Q_EMIT connectionActivated(figures.connection.id, destinationOf(figures));
}

void OverviewPage::reload()
{
    pageState()->showLoading();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime from = timeRange().from(now);
    const QDateTime to = timeRange().to(now);
    // About one bucket per 3 px; before the first layout the chart's width means nothing, hence the floor.
    const int buckets = std::clamp(m_chart->width() / 3, 200, 600);
    readLatest<OverviewData>(m_request, [now, from, to, buckets](Store &store) -> Result<OverviewData> {
        OverviewData data;
        data.from = from;
        data.to = to;
        OverviewInput &in = data.input;
        in.now = now;
        auto connections = store.connections();
        if (!connections)
            return std::unexpected(connections.error());
        in.connections = *std::move(connections);
        auto instances = store.latestInstances();
        if (!instances)
            return std::unexpected(instances.error());
        in.instances = *std::move(instances);
        auto lastHour = store.instanceSnapshots(now.addSecs(-3600), now);
        if (!lastHour)
            return std::unexpected(lastHour.error());
        in.lastHour = *std::move(lastHour);
        auto billing = store.latestBilling();
        if (!billing)
            return std::unexpected(billing.error());
        in.billing = *std::move(billing);
        auto util = store.latestSamples(gpuUtilMetric());
        if (!util)
            return std::unexpected(util.error());
        in.gpuUtil = *std::move(util);
        auto offers = store.latestOffers();
        if (!offers)
            return std::unexpected(offers.error());
        in.offers = *std::move(offers);

        auto totals = store.instanceTotals(from, to);
        if (!totals)
            return std::unexpected(totals.error());
        QHash<qint64, int> cadences;
        for (const ConnectionRecord &c : std::as_const(in.connections))
            cadences.insert(c.id, c.cadenceSeconds);
        data.burn = fleetBurnPoints(*totals, cadences);
        if (!data.burn.isEmpty())
            return data;
        // Nothing with a price ran in the range: the fleet's GPU util is the next best picture of it.
        auto series = store.series();
        if (!series)
            return std::unexpected(series.error());
        QList<BucketSeries> perGpu;
        for (const SeriesInfo &s : std::as_const(*series)) {
            if (s.key.metric != gpuUtilMetric())
                continue;
            BucketQuery query;
            query.seriesId = s.id;
            query.fromMs = from.toMSecsSinceEpoch();
            query.toMs = to.toMSecsSinceEpoch();
            query.buckets = buckets;
            auto gpu = store.buckets(query);
            if (!gpu)
                return std::unexpected(gpu.error());
            if (!gpu->buckets.isEmpty())
                perGpu.append(*std::move(gpu));
        }
        data.dcgmSeries = perGpu.size();
        data.dcgmUtil = mergeBuckets(perGpu);
        if (perGpu.isEmpty())
            data.util = fleetUtilPoints(*totals, cadences);
        return data;
    }, [this](Result<OverviewData> data) {
        if (!data) {
            pageState()->showError(data.error());
            return;
        }
        if (data->input.connections.isEmpty()) {
            m_staleBanner->showNotices({});
            pageState()->showEmpty(tr("No providers yet — add a provider to start collecting spend, pods, endpoints "
                                      "and GPU metrics."),
                                   tr("Add a provider…"));
            return;
        }
        showData(*data);
        pageState()->showContent();
    });
}

void OverviewPage::showData(const OverviewData &data)
{
    const Overview overview = overviewFigures(data.input);
    const FleetFigures &fleet = overview.fleet;

    // Failed connections under the banner, as on every page; the table's badges also mark stale ones.
    DataTimes times;
    QStringList kinds;
    for (const ConnectionFigures &c : overview.connections) {
        times.note(c.connection.id, c.dataAsOf);
        kinds.append(c.connection.kind);
    }
    m_staleBanner->showNotices(StaleNotices::find(data.input.connections, kinds, times));

    QString runningDetail = fleet.instancesTotal
        ? tr("of %1 listed, across %n connection(s)", nullptr, fleet.connections).arg(QLocale().toString(*fleet.instancesTotal))
        : tr("no connection reports instances");
    if (fleet.disabled > 0)
        runningDetail += QLatin1Char('\n') + tr("%n disabled connection(s) not counted", nullptr, fleet.disabled);
    m_running->setValue(SnapshotFormat::count(fleet.instancesRunning), runningDetail);

    QSet<QString> types;
    for (const GpuTypeFigures &t : overview.gpuTypes)
        types.insert(t.gpuType);
    QStringList gpuLines;
    if (!types.isEmpty())
        gpuLines << tr("%n GPU type(s)", nullptr, int(types.size()));
    if (fleet.runningWithoutGpuCount > 0)
        gpuLines << tr("%n running instance(s) report no GPU count", nullptr, int(fleet.runningWithoutGpuCount));
    else if (!fleet.gpusRunning)
        gpuLines << tr("no running instance reports its GPUs");
    if (fleet.dcgmGpus > 0)
        gpuLines << tr("%n DCGM GPU(s) report metrics", nullptr, int(fleet.dcgmGpus));
    const QString gpusDetail = gpuLines.join(QLatin1Char('\n'));
    m_gpus->setValue(SnapshotFormat::count(fleet.gpusRunning), gpusDetail);

    QString burnDetail = fleet.burnPerHour ? tr("running instances' prices") : tr("no running instance reports a price");
    if (fleet.runningWithoutPrice > 0)
        burnDetail += QLatin1Char('\n') + tr("%n running without a price", nullptr, int(fleet.runningWithoutPrice));
    if (fleet.billedPerHour)
        burnDetail += QLatin1Char('\n') + tr("billing reports %1").arg(SnapshotFormat::moneyPerHour(fleet.billedPerHour));
    m_burn->setValue(SnapshotFormat::moneyPerHour(fleet.burnPerHour), burnDetail);

    m_balance->setValue(SnapshotFormat::money(fleet.balance),
                        fleet.balanceReporters > 0
                            ? tr("reported by %1 of %n connection(s)", nullptr, fleet.connections).arg(fleet.balanceReporters)
                            : tr("no provider reports a balance"));

    m_util->setValue(SnapshotFormat::percent(fleet.meanUtilPercent),
                     fleet.meanUtilPercent ? tr("mean over %n GPU(s), now", nullptr, int(fleet.utilGpus))
                                           : tr("no running instance or DCGM GPU reports util"));

    const IdleCost &idle = fleet.idle;
    QString idleDetail;
    if (!idle.perHour)
        idleDetail = tr("no running instance reports GPU util and a price");
    else if (idle.pods.isEmpty())
        idleDetail = tr("nothing under %1 GPU util in the last hour").arg(SnapshotFormat::percent(kIdleUtilPercent));
    else
        idleDetail = tr("%1 under %2 GPU util in the last hour").arg(idle.pods.join(QStringLiteral(", ")),
                                                                     SnapshotFormat::percent(kIdleUtilPercent));
    m_idle->setValue(SnapshotFormat::moneyPerHour(idle.perHour), idleDetail);

    m_connections->setConnections(overview.connections);
    m_gpuTypes->setGpuTypes(overview.gpuTypes);
    if (overview.gpuTypes.isEmpty())
        m_gpuTypesState->showEmpty(tr("No running instance reports a GPU. GPUs appear here by type, next to the cheapest "
                                      "offer for each, once a cloud connection lists running instances."));
    else
        m_gpuTypesState->showContent();
    showChart(data);
}

void OverviewPage::showChart(const OverviewData &data)
{
    const QLocale locale;
    if (!data.burn.isEmpty()) {
        m_chart->setValueName(tr("Burn rate $/hr"));
        m_chart->setData(pointSeries(data.burn), data.from, data.to, tr("Fleet burn rate ($/hr), all connections"));
    } else if (data.dcgmSeries > 0) {
        m_chart->setValueName({});   // the band shows the spread between GPUs, the line their mean
        m_chart->setData(data.dcgmUtil, data.from, data.to,
                         tr("Fleet GPU util (%), mean and range over %n DCGM GPU(s)", nullptr, int(data.dcgmSeries)));
    } else if (!data.util.isEmpty()) {
        m_chart->setValueName(tr("GPU util %"));
        m_chart->setData(pointSeries(data.util), data.from, data.to, tr("Fleet GPU util (%), running instances"));
    } else {
        m_chart->setData(BucketSeries(), data.from, data.to, QString());   // no line from an earlier range lingers
        m_chartState->showEmpty(tr("No running instances or GPU metrics stored between %1 and %2.")
                                    .arg(locale.toString(data.from.toLocalTime(), QLocale::ShortFormat),
                                         locale.toString(data.to.toLocalTime(), QLocale::ShortFormat)));
        return;
    }
    m_chartState->showContent();
}

} // namespace fleetscope
