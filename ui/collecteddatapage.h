// Pages for data that only some provider kinds collect (cost, endpoints, pods, GPU offers).
#pragma once

#include "page.h"
#include "stalenotice.h"

namespace fleetscope {

class StaleBanner;

class CollectedDataPage : public Page
{
    Q_OBJECT
public:
    enum class Dataset { Cost, Endpoints, Pods, GpuOffers };

    CollectedDataPage(Dataset dataset, StoreService &store, QWidget *parent = nullptr);

    void reload() override;

    // Connection kinds whose adapters collect DATASET.
    static QStringList collectingKinds(Dataset dataset);

    StaleBanner *staleBanner() const { return m_staleBanner; }

protected:
    // The empty state for when nothing of this dataset is stored: which provider to add, or which
    // of CONNECTIONS is expected to deliver it. Pages that show the data fall back to this.
    void showNothingStored(const QList<ConnectionRecord> &connections);
    // Shows above the page which of CONNECTIONS that collect this dataset failed their last sync,
    // with how old the data is that TIMES says the page shows from each; hides when none did.
    void showStaleness(const QList<ConnectionRecord> &connections, const DataTimes &times);

private:
    Dataset m_dataset;
    StaleBanner *m_staleBanner = nullptr;
    LatestRequest m_request;
};

} // namespace fleetscope
