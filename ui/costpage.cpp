// CostPage: one store read for the figures, the burn series and the pods' last hour; cards, chart and table from it.
#include "costpage.h"

#include "budgetspanel.h"
#include "connectionnames.h"
#include "costfigures.h"
#include "figurecard.h"
#include "podsmodel.h"
#include "snapshotformat.h"
#include "tableview.h"
#include "timeserieschart.h"

#include <QHBoxLayout>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace fleetscope {

struct CostPage::CostData {
    QList<ConnectionRecord> connections;
    QList<BillingSnapshot> latestBilling;
    QList<BillingSnapshot> billingHistory;
    QList<InstanceSnapshot> instances;
    QHash<QString, QList<InstanceSnapshot>> lastHour;
    QList<BudgetStatus> budgets;
    QDateTime from;
    QDateTime to;
};

namespace {

QString localTime(const QDateTime &ts)
{
    return QLocale().toString(ts.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

CostPage::CostPage(StoreService &store, QWidget *parent)
    : CollectedDataPage(Dataset::Cost, store, parent)
{
    auto *content = new QWidget(this);
    auto *cards = new QHBoxLayout;
    m_balance = new FigureCard(tr("Balance"), content);
    m_burn = new FigureCard(tr("Burn rate"), content);
    m_spendLimit = new FigureCard(tr("Spend limit"), content);
    m_daysLeft = new FigureCard(tr("Balance lasts"), content);
    m_idle = new FigureCard(tr("Idle cost"), content);
    for (FigureCard *card : {m_balance, m_burn, m_spendLimit, m_daysLeft, m_idle})
        cards->addWidget(card, 1);

    auto *split = new QSplitter(Qt::Vertical, content);
    split->setChildrenCollapsible(false);
    m_chartState = new PageState(split);
    m_chart = new TimeSeriesChart(m_chartState);
    m_chart->setValueName(tr("Burn rate $/hr"));
    m_chartState->setContent(m_chart);

    m_podCosts = new PodsModel(this);
    m_podCostsSorted = new QSortFilterProxyModel(this);
    m_podCostsSorted->setSourceModel(m_podCosts);
    m_podCostsSorted->setSortRole(PodsModel::SortRole);
    m_table = new TableView(split);
    m_table->setModel(m_podCosts);
    m_table->table()->setModel(m_podCostsSorted);
    m_table->setExportName(QStringLiteral("pod-costs"));
    m_table->table()->setAccessibleName(tr("Cost per running pod"));
    m_table->table()->setSortingEnabled(true);
    m_table->table()->sortByColumn(PodsModel::CostPerHour, Qt::DescendingOrder);
    // Every row here is running; the column would only repeat it.
    m_table->table()->setColumnHidden(PodsModel::Status, true);
    m_budgets = new BudgetsPanel(store, split);
    split->addWidget(m_chartState);
    split->addWidget(m_budgets);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 2);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(cards);
    layout->addWidget(split, 1);
    pageState()->setContent(content);
}

void CostPage::reload()
{
    pageState()->showLoading();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime from = timeRange().from(now);
    const QDateTime to = timeRange().to(now);
    readLatest<CostData>(m_request, [from, to, now](Store &store) -> Result<CostData> {
        CostData data;
        data.from = from;
        data.to = to;
        auto connections = store.connections();
        if (!connections)
            return std::unexpected(connections.error());
        data.connections = *std::move(connections);
        auto latest = store.latestBilling();
        if (!latest)
            return std::unexpected(latest.error());
        data.latestBilling = *std::move(latest);
        auto history = store.billingHistory(from, to);
        if (!history)
            return std::unexpected(history.error());
        data.billingHistory = *std::move(history);
        auto instances = store.latestInstances();
        if (!instances)
            return std::unexpected(instances.error());
        data.instances = *std::move(instances);
        // One query per running pod; a store query for every pod's last hour would make this one read.
        for (const InstanceSnapshot &pod : runningByCost(data.instances)) {
            auto hour = store.instanceHistory(pod.instanceId, now.addSecs(-3600), now);
            if (!hour)
                return std::unexpected(hour.error());
            data.lastHour.insert(pod.instanceId, *std::move(hour));
        }
        auto budgets = readBudgetStatuses(store, now);
        if (!budgets)
            return std::unexpected(budgets.error());
        data.budgets = *std::move(budgets);
        return data;
    }, [this](Result<CostData> data) {
        if (!data) {
            pageState()->showError(data.error());
            return;
        }
        if (data->latestBilling.isEmpty() && data->instances.isEmpty()) {
            showNothingStored(data->connections);
            return;
        }
        DataTimes times;
        for (const BillingSnapshot &b : std::as_const(data->latestBilling))
            times.note(b.connectionId, b.snapshotTs);
        for (const InstanceSnapshot &i : std::as_const(data->instances))
            times.note(i.connectionId, i.snapshotTs);
        showStaleness(data->connections, times);
        showData(*data);
        pageState()->showContent();
    });
}

void CostPage::showData(const CostData &data)
{
    const CostFigures figures = costFigures(data.latestBilling);
    QDateTime asOf;
    for (const BillingSnapshot &b : data.latestBilling)
        asOf = std::max(asOf, b.snapshotTs);
    const QString asOfText = asOf.isValid() ? tr("as of %1").arg(localTime(asOf)) : tr("no billing snapshot yet");
    m_balance->setValue(SnapshotFormat::money(figures.balance),
                        figures.lifetimeSpend ? tr("lifetime spend %1").arg(SnapshotFormat::money(figures.lifetimeSpend))
                                              : asOfText);
    m_burn->setValue(SnapshotFormat::moneyPerHour(figures.burnPerHour), asOfText);
    m_spendLimit->setValue(SnapshotFormat::money(figures.spendLimit),
                           figures.spendLimit ? QString() : tr("not reported"));
    const std::optional<double> days = daysUntilEmpty(figures.balance, figures.burnPerHour);
    QString daysDetail;
    if (days)
        daysDetail = tr("at %1, until about %2").arg(SnapshotFormat::moneyPerHour(figures.burnPerHour),
                                                     localTime(QDateTime::currentDateTime().addSecs(qint64(*days * 86400))));
    else if (figures.burnPerHour && *figures.burnPerHour <= 0)
        daysDetail = tr("nothing is burning now");
    m_daysLeft->setValue(SnapshotFormat::days(days), daysDetail);

    const IdleCost idle = idleCost(data.instances, data.lastHour, kIdleUtilPercent);
    QString idleDetail;
    if (!idle.perHour)
        idleDetail = tr("no running pod reports GPU util");
    else if (idle.pods.isEmpty())
        idleDetail = tr("no pod under %1 GPU util in the last hour").arg(SnapshotFormat::percent(kIdleUtilPercent));
    else
        idleDetail = tr("%1 under %2 GPU util in the last hour").arg(idle.pods.join(QStringLiteral(", ")),
                                                                     SnapshotFormat::percent(kIdleUtilPercent));
    m_idle->setValue(SnapshotFormat::moneyPerHour(idle.perHour), idleDetail);

    const QList<TimedValue> burn = burnRatePoints(data.billingHistory);
    if (burn.isEmpty()) {
        m_chartState->showEmpty(tr("No billing snapshots between %1 and %2.").arg(localTime(data.from), localTime(data.to)));
    } else {
        m_chart->setData(pointSeries(burn), data.from, data.to, tr("Burn rate ($/hr), all connections"));
        m_chartState->showContent();
    }
    m_podCosts->setInstances(runningByCost(data.instances), connectionNames(data.connections));
    m_budgets->setStatuses(data.budgets, data.connections);
}

} // namespace fleetscope
