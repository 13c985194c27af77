// Canonical GPU names: the many names providers use for one GPU map to one (resources/gpus/gpu-names.json).
#pragma once

#include <QString>
#include <QStringList>

namespace fleetscope {

// The canonical name for NAME, or NAME itself (trimmed) when the table does not know it.
QString canonicalGpuName(const QString &name);
// Every canonical name the table knows, sorted: what a GPU-type picker offers.
QStringList canonicalGpuNames();

} // namespace fleetscope
