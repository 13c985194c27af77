// configDataset: the dataset's own query, its rows narrowed to one configuration.
#include "configdataset.h"

namespace fleetscope {

Result<TableData> configDataset(Store &store, const DatasetSpec &spec, const QString &config)
{
    if (!isConfigDataset(spec))
        return fail(ErrorClass::Config, QStringLiteral("export %1: the dataset has no config column").arg(spec.name));
    return store.dataset(spec, QDateTime(), QDateTime(), config);
}

} // namespace fleetscope
