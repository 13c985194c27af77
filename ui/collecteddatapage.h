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

private:
    Dataset m_dataset;
    LatestRequest m_request;
};

} // namespace fleetscope
