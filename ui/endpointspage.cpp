// EndpointsPage: endpoints joined with their latest health and queue trend; the selected one's history as two charts.
#include "endpointspage.h"

#include "connectionnames.h"
#include "endpointsmodel.h"
#include "pointseries.h"
#include "tableview.h"
#include "timeserieschart.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace fleetscope {
namespace {

struct EndpointsData {
    QList<ConnectionRecord> connections;
    QList<EndpointRow> rows;
};

QString localTime(const QDateTime &ts)
{
    return QLocale().toString(ts.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

EndpointsPage::EndpointsPage(StoreService &store, QWidget *parent)
    : CollectedDataPage(Dataset::Endpoints, store, parent)
{
    auto *content = new QSplitter(Qt::Vertical, this);
    content->setChildrenCollapsible(false);

    m_model = new EndpointsModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(EndpointsModel::SortRole);
    m_table = new TableView(content);
    m_table->setModel(m_model);
    m_table->table()->setModel(m_proxy);
    m_table->setExportName(QStringLiteral("endpoints"));
    m_table->table()->setAccessibleName(tr("Serverless endpoints"));
    m_table->table()->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->table()->setSortingEnabled(true);
    m_table->table()->sortByColumn(EndpointsModel::Name, Qt::AscendingOrder);

    auto *chartsPane = new QWidget(content);
    m_chartsTitle = new QLabel(chartsPane);
    m_chartsTitle->setTextFormat(Qt::PlainText);
    m_chartsTitle->setAccessibleName(tr("Selected endpoint"));
    QFont titleFont = m_chartsTitle->font();
    titleFont.setBold(true);
    m_chartsTitle->setFont(titleFont);
    m_chartsState = new PageState(chartsPane);
    auto *charts = new QWidget(m_chartsState);
    m_queueChart = new TimeSeriesChart(charts);
    m_queueChart->setValueName(tr("Jobs in queue"));
    m_workersChart = new TimeSeriesChart(charts);
    m_workersChart->setValueName(tr("Running workers"));
    auto *chartsRow = new QHBoxLayout(charts);
    chartsRow->setContentsMargins(0, 0, 0, 0);
    chartsRow->addWidget(m_queueChart, 1);
    chartsRow->addWidget(m_workersChart, 1);
    m_chartsState->setContent(charts);
    m_testButton = new QPushButton(tr("Test…"), chartsPane);
    m_testButton->setAccessibleName(tr("Test the selected endpoint"));
    connect(m_testButton, &QPushButton::clicked, this, &EndpointsPage::openTestDialog);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_chartsTitle, 1);
    titleRow->addWidget(m_testButton);
    auto *chartsLayout = new QVBoxLayout(chartsPane);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addLayout(titleRow);
    chartsLayout->addWidget(m_chartsState, 1);

    content->addWidget(m_table);
    content->addWidget(chartsPane);
    content->setStretchFactor(0, 2);
    content->setStretchFactor(1, 3);
    pageState()->setContent(content);

    connect(m_table->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EndpointsPage::loadCharts);
    connect(m_chartsState, &PageState::retryRequested, this, &EndpointsPage::loadCharts);
    updateTestButton();
}

void EndpointsPage::setJobHandler(EndpointJobHandler handler)
{
    m_jobHandler = std::move(handler);
    updateTestButton();
}

void EndpointsPage::updateTestButton()
{
    const bool selected = m_table->table()->currentIndex().isValid();
    m_testButton->setEnabled(selected && m_jobHandler);
    if (!m_jobHandler)
        m_testButton->setToolTip(tr("Testing needs the collection engine, which this window runs without."));
    else if (!selected)
        m_testButton->setToolTip(tr("Select an endpoint to test it."));
    else
        m_testButton->setToolTip(tr("Send a job to the selected endpoint and see its result and timings."));
}

EndpointTestDialog *EndpointsPage::openTestDialog()
{
    const QModelIndex current = m_table->table()->currentIndex();
    if (!current.isValid() || !m_jobHandler)
        return nullptr;
    const EndpointSnapshot endpoint = m_model->row(m_proxy->mapToSource(current).row()).endpoint;
    auto *dialog = new EndpointTestDialog(endpoint.connectionId, endpoint.endpointId, endpoint.name, m_jobHandler, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();   // not modal: the window stays usable while a job runs
    return dialog;
}

QString EndpointsPage::selectedEndpointId() const
{
    return m_table->table()->currentIndex().data(EndpointsModel::EndpointIdRole).toString();
}

void EndpointsPage::reload()
{
    pageState()->showLoading();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    readLatest<EndpointsData>(m_request, [now](Store &store) -> Result<EndpointsData> {
        auto connections = store.connections();
        if (!connections)
            return std::unexpected(connections.error());
        auto endpoints = store.latestEndpoints();
        if (!endpoints)
            return std::unexpected(endpoints.error());
        auto health = store.latestEndpointHealth();
        if (!health)
            return std::unexpected(health.error());
        EndpointsData data{*std::move(connections), {}};
        for (const EndpointSnapshot &e : std::as_const(*endpoints)) {
            EndpointRow row{e, std::nullopt, std::nullopt};
            for (const EndpointHealth &h : std::as_const(*health)) {
                if (h.connectionId == e.connectionId && h.endpointId == e.endpointId)
                    row.health = h;
            }
            // One query per endpoint; a store query for every endpoint's recent health would make this one read.
            auto recent = store.endpointHealthHistory(e.endpointId, now.addSecs(-kQueueTrendSeconds), now);
            if (!recent)
                return std::unexpected(recent.error());
            for (const EndpointHealth &h : std::as_const(*recent)) {
                if (h.connectionId == e.connectionId && h.jobsInQueue && (!row.health || h.observedTs < row.health->observedTs)) {
                    row.earlierQueue = h.jobsInQueue;
                    break;   // ordered by time: the first is the earliest
                }
            }
            data.rows.append(row);
        }
        return data;
    }, [this](Result<EndpointsData> data) {
        if (!data) {
            pageState()->showError(data.error());
            return;
        }
        if (data->rows.isEmpty()) {
            m_chartsRequest.begin();
            m_model->setEndpoints({}, {});
            updateTestButton();
            showNothingStored(data->connections);
            return;
        }
        DataTimes times;
        for (const EndpointRow &row : std::as_const(data->rows)) {
            times.note(row.endpoint.connectionId, row.endpoint.snapshotTs);
            if (row.health)
                times.note(row.health->connectionId, row.health->observedTs);
        }
        showStaleness(data->connections, times);
        const QString selected = selectedEndpointId();
        {
            // No detour through "nothing selected" while the model resets: one chart read below.
            const QSignalBlocker blocker(m_table->table()->selectionModel());
            m_model->setEndpoints(std::move(data->rows), connectionNames(data->connections));
            const int row = std::max(0, m_model->rowOf(selected));
            QModelIndex current = m_proxy->mapFromSource(m_model->index(row, EndpointsModel::Name));
            if (!current.isValid())
                current = m_proxy->index(0, EndpointsModel::Name);
            m_table->table()->setCurrentIndex(current);
        }
        m_table->table()->viewport()->update();   // the blocked signals would have repainted the selection
        pageState()->showContent();
        loadCharts();
    });
}

void EndpointsPage::loadCharts()
{
    updateTestButton();
    const QModelIndex current = m_table->table()->currentIndex();
    if (!current.isValid()) {
        m_chartsRequest.begin();
        m_chartsTitle->clear();
        m_chartsState->showEmpty(tr("Select an endpoint to see its queue and workers over time."));
        return;
    }
    const EndpointRow row = m_model->row(m_proxy->mapToSource(current).row());
    const QString name = row.endpoint.name.isEmpty() ? row.endpoint.endpointId : row.endpoint.name;
    m_chartsTitle->setText(tr("%1 — %2").arg(name, EndpointsModel::healthText(row)));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime from = timeRange().from(now);
    const QDateTime to = timeRange().to(now);
    m_chartsState->showLoading();
    readLatest<QList<EndpointHealth>>(m_chartsRequest, [id = row.endpoint.endpointId, from, to](Store &store) {
        return store.endpointHealthHistory(id, from, to);
    }, [this, connectionId = row.endpoint.connectionId, name, from, to](Result<QList<EndpointHealth>> history) {
        if (!history) {
            m_chartsState->showError(history.error());
            return;
        }
        QList<TimedValue> queue;
        QList<TimedValue> running;
        for (const EndpointHealth &h : std::as_const(*history)) {
            if (h.connectionId != connectionId)
                continue;
            const qint64 t = h.observedTs.toMSecsSinceEpoch();
            if (h.jobsInQueue)
                queue.append({t, double(*h.jobsInQueue)});
            if (h.workersRunning)
                running.append({t, double(*h.workersRunning)});
        }
        if (queue.isEmpty() && running.isEmpty()) {
            m_chartsState->showEmpty(tr("No health readings for “%1” between %2 and %3.")
                                         .arg(name, localTime(from), localTime(to)));
            return;
        }
        m_queueChart->setData(pointSeries(queue), from, to, tr("Queue depth"));
        m_workersChart->setData(pointSeries(running), from, to, tr("Running workers"));
        m_chartsState->showContent();
    });
}

} // namespace fleetscope
