// Pages for data that only some provider kinds collect (cost, endpoints, pods, GPU offers, workflows).
#pragma once

#include "page.h"

namespace fleetscope {

class CollectedDataPage : public Page
{
    Q_OBJECT
public:
    enum class Dataset { Cost, Endpoints, Pods, GpuOffers, Workflows };

    CollectedDataPage(Dataset dataset, StoreService &store, QWidget *parent = nullptr);

    void reload() override;

    // Connection kinds whose adapters collect DATASET.
    static QStringList collectingKinds(Dataset dataset);

protected:
    // The empty state for when nothing of this dataset is stored: which provider to add, or which
    // of CONNECTIONS is expected to deliver it. Pages that show the data fall back to this.
    void showNothingStored(const QList<ConnectionRecord> &connections);

private:
    Dataset m_dataset;
    LatestRequest m_request;
};

} // namespace fleetscope
