// OffersPage: the newest offers with filters; price history of the selected offer over the page's range.
#include "offerspage.h"

#include "launchdialog.h"
#include "offersmodel.h"
#include "pointseries.h"
#include "snapshotformat.h"
#include "tableview.h"
#include "timeserieschart.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace fleetscope {
namespace {

struct OffersData {
    QList<ConnectionRecord> connections;
    QList<GpuOffer> offers;
};

// "RunPod Community"; the tier left out when the provider has only one.
QString offerSource(const GpuOffer &offer)
{
    if (offer.tier.isEmpty())
        return OffersModel::providerText(offer.provider);
    return OffersPage::tr("%1 %2").arg(OffersModel::providerText(offer.provider), OffersModel::tierText(offer.tier));
}

} // namespace

OffersPage::OffersPage(StoreService &store, QWidget *parent)
    : CollectedDataPage(Dataset::GpuOffers, store, parent)
{
    auto *content = new QSplitter(Qt::Vertical, this);
    content->setChildrenCollapsible(false);

    auto *listPane = new QWidget(content);
    m_filter = new QLineEdit(listPane);
    m_filter->setPlaceholderText(tr("Filter by GPU name…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter GPU offers by GPU name"));
    m_tier = new QComboBox(listPane);
    m_tier->setAccessibleName(tr("Tier"));
    m_tier->addItem(tr("All tiers"), QString());
    m_tier->addItem(tr("Secure cloud"), QStringLiteral("secure"));
    m_tier->addItem(tr("Community cloud"), QStringLiteral("community"));
    m_launch = new QPushButton(tr("Launch…"), listPane);
    m_launch->setAccessibleName(tr("Launch the selected offer"));
    m_launch->setVisible(false);
    m_launchResult = new QLabel(listPane);
    m_launchResult->setTextFormat(Qt::PlainText);
    m_launchResult->setWordWrap(true);
    m_launchResult->setAccessibleName(tr("Launch result"));
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_tier);
    filters->addWidget(m_launch);

    m_model = new OffersModel(this);
    m_proxy = new OffersFilterModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(OffersModel::SortRole);
    m_table = new TableView(listPane);
    m_table->setModel(m_model);             // row count and CSV export: every offer, whatever the filter
    m_table->table()->setModel(m_proxy);    // what the user sees: filtered and sorted
    m_table->setExportName(QStringLiteral("gpu-offers"));
    m_table->table()->setAccessibleName(tr("GPU offers"));
    m_table->table()->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->table()->setSortingEnabled(true);
    m_table->table()->sortByColumn(OffersModel::GpuType, Qt::AscendingOrder);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filters);
    listLayout->addWidget(m_launchResult);
    listLayout->addWidget(m_table, 1);

    auto *detailPane = new QWidget(content);
    m_detailTitle = new QLabel(detailPane);
    m_detailTitle->setTextFormat(Qt::PlainText);
    m_detailTitle->setWordWrap(true);
    m_detailTitle->setAccessibleName(tr("Selected offer"));
    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    m_detailTitle->setFont(titleFont);
    m_detailState = new PageState(detailPane);
    m_chart = new TimeSeriesChart(m_detailState);
    m_chart->setValueName(tr("Price $/hr"));
    m_detailState->setContent(m_chart);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_detailState, 1);

    content->addWidget(listPane);
    content->addWidget(detailPane);
    content->setStretchFactor(0, 1);
    content->setStretchFactor(1, 1);
    pageState()->setContent(content);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &OffersFilterModel::setGpuText);
    connect(m_tier, &QComboBox::currentIndexChanged, this, [this] { m_proxy->setTier(m_tier->currentData().toString()); });
    connect(m_table->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &OffersPage::loadDetail);
    connect(m_detailState, &PageState::retryRequested, this, &OffersPage::loadDetail);
    connect(m_launch, &QPushButton::clicked, this, &OffersPage::openLaunchDialog);
}

int OffersPage::selectedRow() const
{
    const QModelIndex current = m_table->table()->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

void OffersPage::reload()
{
    pageState()->showLoading();
    readLatest<OffersData>(m_request, [](Store &store) -> Result<OffersData> {
        auto connections = store.connections();
        if (!connections)
            return std::unexpected(connections.error());
        auto offers = store.latestOffers();
        if (!offers)
            return std::unexpected(offers.error());
        return OffersData{*std::move(connections), *std::move(offers)};
    }, [this](Result<OffersData> data) {
        if (!data) {
            pageState()->showError(data.error());
            return;
        }
        if (data->offers.isEmpty()) {
            m_detailRequest.begin();   // an answer on its way is for an offer no longer listed
            m_model->setOffers({});
            showNothingStored(data->connections);
            return;
        }
        m_connections = data->connections;
        DataTimes times;
        for (const GpuOffer &o : std::as_const(data->offers))
            times.noteKind(o.provider, o.observedTs);   // offers name their provider, not the account
        showStaleness(data->connections, times);
        // Keep the user's offer selected across refreshes; the reset would otherwise drop it.
        const int selected = selectedRow();
        const GpuOffer previous = selected >= 0 ? m_model->offer(selected) : GpuOffer();
        {
            // No detour through "nothing selected" while the model resets: one detail read below.
            const QSignalBlocker blocker(m_table->table()->selectionModel());
            m_model->setOffers(std::move(data->offers));
            const int row = std::max(0, m_model->rowOf(previous.provider, previous.gpuType, previous.tier));
            QModelIndex current = m_proxy->mapFromSource(m_model->index(row, OffersModel::GpuType));
            if (!current.isValid())
                current = m_proxy->index(0, OffersModel::GpuType);
            m_table->table()->setCurrentIndex(current);
        }
        m_table->table()->viewport()->update();   // the blocked signals would have repainted the selection
        pageState()->showContent();
        loadDetail();
    });
}

void OffersPage::loadDetail()
{
    updateLaunch();
    const int row = selectedRow();
    if (row < 0) {
        m_detailRequest.begin();
        m_detailTitle->clear();
        m_detailState->showEmpty(tr("Select an offer to see its price over time."));
        return;
    }
    const GpuOffer offer = m_model->offer(row);
    const QString source = offerSource(offer);
    m_detailTitle->setText(m_model->isCheapest(row)
        ? tr("%1 · %2 · %3 — the cheapest listed").arg(offer.gpuType, source, SnapshotFormat::moneyPerHour(offer.pricePerHour))
        : tr("%1 · %2 · %3").arg(offer.gpuType, source, SnapshotFormat::moneyPerHour(offer.pricePerHour)));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime from = timeRange().from(now);
    const QDateTime to = timeRange().to(now);
    m_detailState->showLoading();
    readLatest<QList<GpuOffer>>(m_detailRequest, [gpuType = offer.gpuType, from, to](Store &store) {
        return store.offerHistory(gpuType, from, to);
    }, [this, offer, source, from, to](Result<QList<GpuOffer>> history) {
        if (!history) {
            m_detailState->showError(history.error());
            return;
        }
        QList<TimedValue> points;
        qint64 lastMs = std::numeric_limits<qint64>::min();
        for (const GpuOffer &o : std::as_const(*history)) {
            // One line: this offer's provider and tier; a catalog with several regions gives its cheapest.
            if (o.provider != offer.provider || o.tier != offer.tier || !o.pricePerHour)
                continue;
            const qint64 t = o.observedTs.toMSecsSinceEpoch();
            if (t == lastMs)
                points.last().value = std::min(points.last().value, *o.pricePerHour);
            else
                points.append({t, *o.pricePerHour});
            lastMs = t;
        }
        if (points.isEmpty()) {
            m_detailState->showEmpty(tr("No %1 price recorded for %2 between %3 and %4.")
                                         .arg(source, offer.gpuType, SnapshotFormat::clockTime(from), SnapshotFormat::clockTime(to)));
            return;
        }
        m_chart->setData(pointSeries(points), from, to, tr("%1 — %2, $/hr").arg(offer.gpuType, source));
        m_detailState->showContent();
    });
}

void OffersPage::setLaunchHandler(LaunchHandler handler)
{
    m_launchHandler = std::move(handler);
    updateLaunch();
}

Result<void> OffersPage::launchAllowed(int row) const
{
    if (row < 0)
        return fail(ErrorClass::Config, tr("Select an offer to launch it."));
    if (!store().writable())
        return fail(ErrorClass::Config, readOnlyMessage());
    const GpuOffer &offer = m_model->offer(row);
    if (Result<void> available = launchAvailable(offer.provider); !available)
        return available;
    const bool configured = std::any_of(m_connections.cbegin(), m_connections.cend(), [&offer](const ConnectionRecord &c) { return c.id == offer.connectionId; });
    if (!configured)
        return fail(ErrorClass::Config, tr("The connection this offer came from is not configured any more."));
    if (offer.available == false)
        return fail(ErrorClass::Config, tr("%1 reports no capacity for this offer right now.").arg(OffersModel::providerText(offer.provider)));
    return {};
}

void OffersPage::updateLaunch()
{
    m_launch->setVisible(bool(m_launchHandler));
    const Result<void> allowed = launchAllowed(selectedRow());
    m_launch->setEnabled(bool(m_launchHandler) && allowed.has_value());
    m_launch->setToolTip(allowed ? tr("Launch an instance of this offer; the price is shown before anything starts.") : allowed.error().message);
}

LaunchDialog *OffersPage::openLaunchDialog()
{
    const int row = selectedRow();
    if (!m_launchHandler || !launchAllowed(row))
        return nullptr;
    const GpuOffer offer = m_model->offer(row);
    ConnectionRecord connection;
    for (const ConnectionRecord &c : std::as_const(m_connections)) {
        if (c.id == offer.connectionId)
            connection = c;
    }
    const QString connectionName = connection.name;
    auto *dialog = new LaunchDialog(offer, connection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, offer, connectionName] {
        if (refuseWhenReadOnly())
            return;
        const LaunchRequest request = dialog->request();
        const QString summary = launchSummary(request);
        m_launchResult->setText(tr("Launching %1 on %2…").arg(summary, connectionName));
        m_launch->setEnabled(false);
        m_launchHandler(offer, request, this, [this, summary, connectionName](Result<QString> result) {
            m_launchResult->setText(result ? tr("Launched %1 on %2 (%3). The Pods page lists it after the sync that follows.").arg(*result, connectionName, summary)
                                           : tr("Launch of %1 on %2 failed — %3").arg(summary, connectionName, describe(result.error())));
            updateLaunch();
        });
    });
    dialog->open();
    return dialog;
}

} // namespace fleetscope
