// CollectedDataPage: states what is missing, from the connections the store holds, and which of them failed.
#include "collecteddatapage.h"

#include "stalebanner.h"

namespace fleetscope {
namespace {

QString datasetTitle(CollectedDataPage::Dataset dataset)
{
    switch (dataset) {
    case CollectedDataPage::Dataset::Cost: return CollectedDataPage::tr("Cost");
    case CollectedDataPage::Dataset::Endpoints: return CollectedDataPage::tr("Endpoints");
    case CollectedDataPage::Dataset::Pods: return CollectedDataPage::tr("Pods");
    case CollectedDataPage::Dataset::GpuOffers: return CollectedDataPage::tr("GPU Offers");
    }
    return {};
}

// No connection can collect this yet: say which provider to add.
QString missingProviderText(CollectedDataPage::Dataset dataset)
{
    switch (dataset) {
    case CollectedDataPage::Dataset::Cost:
        return CollectedDataPage::tr("No billing data yet — add a RunPod or other provider with billing to see "
                                     "spend per hour, lifetime spend and balance.");
    case CollectedDataPage::Dataset::Endpoints:
        return CollectedDataPage::tr("No serverless endpoints yet — add a RunPod provider to see endpoint "
                                     "health, workers and job queues.");
    case CollectedDataPage::Dataset::Pods:
        return CollectedDataPage::tr("No pods or instances yet — add a provider such as RunPod, Lambda or "
                                     "Kubernetes to see what is running and what it costs.");
    case CollectedDataPage::Dataset::GpuOffers:
        return CollectedDataPage::tr("No GPU offers yet — add a provider that publishes GPU prices, such as "
                                     "RunPod or Lambda, to compare what the same GPU costs where.");
    }
    return {};
}

// Connections that collect this exist (%1 names them), but nothing of it is stored.
QString awaitingDataText(CollectedDataPage::Dataset dataset)
{
    switch (dataset) {
    case CollectedDataPage::Dataset::Cost:
        return CollectedDataPage::tr("No billing data stored yet for %1. Spend appears here after a successful sync.");
    case CollectedDataPage::Dataset::Endpoints:
        return CollectedDataPage::tr("No endpoint data stored yet for %1. Endpoints appear here after a successful sync.");
    case CollectedDataPage::Dataset::Pods:
        return CollectedDataPage::tr("No pod or instance data stored yet for %1. They appear here after a successful sync.");
    case CollectedDataPage::Dataset::GpuOffers:
        return CollectedDataPage::tr("No GPU offers stored yet for %1. Prices appear here after a successful sync.");
    }
    return {};
}

} // namespace

CollectedDataPage::CollectedDataPage(Dataset dataset, StoreService &store, QWidget *parent)
    : Page(datasetTitle(dataset), store, parent)
    , m_dataset(dataset)
{
    m_staleBanner = new StaleBanner(this);
    addBanner(m_staleBanner);
}

QStringList CollectedDataPage::collectingKinds(Dataset dataset)
{
    // Until adapters declare their capabilities, these are the kinds whose provider APIs offer the data.
    switch (dataset) {
    case Dataset::Cost:
        return {QStringLiteral("runpod"), QStringLiteral("vultr"), QStringLiteral("digitalocean"),
                QStringLiteral("linode"), QStringLiteral("hetzner")};
    case Dataset::Endpoints:
        return {QStringLiteral("runpod")};
    case Dataset::Pods:
        return {QStringLiteral("runpod"), QStringLiteral("lambda"), QStringLiteral("vultr"),
                QStringLiteral("digitalocean"), QStringLiteral("linode"), QStringLiteral("hetzner"),
                QStringLiteral("paperspace"), QStringLiteral("ovh"), QStringLiteral("coreweave"),
                QStringLiteral("kubernetes"), QStringLiteral("docker")};
    case Dataset::GpuOffers:
        return {QStringLiteral("runpod"), QStringLiteral("lambda"), QStringLiteral("vultr"),
                QStringLiteral("paperspace"), QStringLiteral("coreweave")};
    }
    return {};
}

void CollectedDataPage::reload()
{
    pageState()->showLoading();
    readLatest<QList<ConnectionRecord>>(m_request, [](Store &store) { return store.connections(); },
                                        [this](Result<QList<ConnectionRecord>> connections) {
        if (!connections) {
            pageState()->showError(connections.error());
            return;
        }
        showNothingStored(*connections);
    });
}

void CollectedDataPage::showStaleness(const QList<ConnectionRecord> &connections, const DataTimes &times)
{
    m_staleBanner->showNotices(StaleNotices::find(connections, collectingKinds(m_dataset), times));
}

void CollectedDataPage::showNothingStored(const QList<ConnectionRecord> &connections)
{
    showStaleness(connections, DataTimes());   // a failing connection is why nothing is stored, often
    const QStringList kinds = collectingKinds(m_dataset);
    QStringList collecting;
    for (const ConnectionRecord &c : connections) {
        if (kinds.contains(c.kind))
            collecting.append(tr("“%1”").arg(c.name));
    }
    if (collecting.isEmpty())
        pageState()->showEmpty(missingProviderText(m_dataset), tr("Add a provider…"));
    else
        pageState()->showEmpty(awaitingDataText(m_dataset).arg(collecting.join(QStringLiteral(", "))));
}

} // namespace fleetscope
