// TimelinePage: one read of the derived timeline for the range; filters apply to the loaded events.
#include "timelinepage.h"

#include "tableview.h"
#include "timelinemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace fleetscope {
namespace {

struct TimelineData {
    QList<FleetEvent> events;
    bool anyConnection = false;
};

} // namespace

TimelinePage::TimelinePage(StoreService &store, QWidget *parent)
    : Page(tr("Timeline"), store, parent)
{
    m_model = new TimelineModel(this);
    auto *content = new QWidget(this);
    m_connection = new QComboBox(content);
    m_connection->setAccessibleName(tr("Connection"));
    m_connection->addItem(tr("All connections"), qint64(0));
    m_connection->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_kind = new QComboBox(content);
    m_kind->setAccessibleName(tr("Kind of event"));
    m_kind->addItem(tr("All events"), QString());
    for (const QString &kind : timelineKinds())
        m_kind->addItem(TimelineModel::kindText(kind), kind);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_connection);
    filters->addWidget(m_kind);
    filters->addStretch();

    m_table = new TableView(content);
    m_table->setModel(m_model);
    m_table->setExportName(QStringLiteral("events"));
    m_table->table()->setAccessibleName(tr("Timeline"));
    m_table->table()->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->table()->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->table()->setToolTip(tr("Double-click an event to open the page of its resource"));
    m_table->table()->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    pageState()->setContent(content);

    connect(m_connection, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setConnectionFilter(m_connection->currentData().toLongLong());
        showState(m_anyConnection);
        m_table->table()->scrollToBottom();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setKindFilter(m_kind->currentData().toString());
        showState(m_anyConnection);
        m_table->table()->scrollToBottom();
    });
    connect(m_table->table(), &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (!index.isValid())
            return;
        const FleetEvent &e = m_model->event(index.row());
        Q_EMIT resourceRequested(TimelineModel::destination(e), e.connectionId, e.resource);
    });
}

void TimelinePage::reload()
{
    if (m_model->totalCount() == 0)
        pageState()->showLoading();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime from = timeRange().from(now);
    const QDateTime to = timeRange().to(now);
    readLatest<TimelineData>(m_request, [from, to](Store &store) -> Result<TimelineData> {
        TimelineData data;
        Result<QList<FleetEvent>> events = readTimeline(store, from, to);
        if (!events)
            return std::unexpected(events.error());
        data.events = *std::move(events);
        Result<QList<ConnectionRecord>> connections = store.connections();
        if (!connections)
            return std::unexpected(connections.error());
        data.anyConnection = !connections->isEmpty();
        return data;
    }, [this](Result<TimelineData> data) {
        if (!data) {
            pageState()->showError(data.error());
            return;
        }
        m_anyConnection = data->anyConnection;
        // Oldest first, the newest in view: follow new events unless the user scrolled back.
        const QScrollBar *bar = m_table->table()->verticalScrollBar();
        const bool following = bar->value() == bar->maximum();
        m_model->setEvents(std::move(data->events));
        fillConnections();
        m_table->table()->resizeColumnsToContents();
        if (following)
            m_table->table()->scrollToBottom();
        showState(m_anyConnection);
    });
}

void TimelinePage::fillConnections()
{
    const qint64 chosen = m_connection->currentData().toLongLong();
    const QSignalBlocker blocker(m_connection);
    while (m_connection->count() > 1)
        m_connection->removeItem(1);
    for (const auto &[id, name] : m_model->connections())
        m_connection->addItem(name, id);
    const int index = m_connection->findData(chosen);
    m_connection->setCurrentIndex(index >= 0 ? index : 0);
    if (index < 0)
        m_model->setConnectionFilter(0);   // the chosen connection has no events in this range
}

void TimelinePage::showState(bool anyConnection)
{
    if (m_model->totalCount() > 0) {
        pageState()->showContent();
        return;
    }
    if (!anyConnection) {
        pageState()->showEmpty(tr("No events yet. Add a provider: its pods starting and stopping, alerts, failures, price "
                                  "changes and actions by guardrails or people appear here."),
                               tr("Add a provider…"));
        return;
    }
    pageState()->showEmpty(tr("No events in this range (%1). Pods starting and stopping, alerts, connection failures, price "
                              "changes and actions by guardrails or people appear here; pick a longer range to look further back.")
                               .arg(timeRange().label()));
}

} // namespace fleetscope
