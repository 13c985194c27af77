// configDataset: the dataset's own query, its rows narrowed to one configuration.
#include "configdataset.h"

namespace fleetscope {

Result<TableData> configDataset(Store &store, const DatasetSpec &spec, const QString &config)
{
    if (spec.columns.value(0) != QLatin1String("config"))
        return fail(ErrorClass::Config, QStringLiteral("export %1: the dataset has no config column").arg(spec.name));
    Result<TableData> table = store.dataset(spec, QDateTime(), QDateTime());
    if (!table)
        return std::unexpected(table.error());
    table->rows.removeIf([&config](const QVariantList &row) { return row.value(0).toString() != config; });
    return table;
}

} // namespace fleetscope
