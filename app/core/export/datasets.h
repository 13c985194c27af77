// The exportable datasets and their column contracts, shared by `fleetscope export` and the GUI.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace fleetscope {

enum class ColumnType { Timestamp, Integer, Real, Text, Boolean };

struct DatasetSpec {
    QString name;                 // "pods", "endpoint-health", ...
    QStringList columns;          // exactly these, in this order
    QList<ColumnType> types;
};

const QList<DatasetSpec> &exportDatasets();
const DatasetSpec *findDataset(const QString &name);
QStringList datasetNames();
// Whether SPEC's rows belong to a workflow configuration (its first column is "config"): the datasets
// that `export --config` and the Workflows page narrow to one configuration.
bool isConfigDataset(const DatasetSpec &spec);

} // namespace fleetscope
