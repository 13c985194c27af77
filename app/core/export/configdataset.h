// One workflow configuration's rows of an export dataset (workflow-runs, workflow-metrics): what the
// Workflows page exports for the chosen configuration, with the columns and values of `fleetscope export`.
#pragma once

#include "store/store.h"

namespace fleetscope {

// The rows of dataset SPEC (its first column, "config", names the configuration) that belong to CONFIG,
// every time; a Config error when SPEC has no config column.
Result<TableData> configDataset(Store &store, const DatasetSpec &spec, const QString &config);

} // namespace fleetscope
