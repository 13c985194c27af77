// Canonical GPU names: the many names providers use for one GPU map to one (resources/gpus/gpu-names.json).
#pragma once

#include <QString>

namespace fleetscope {

// The canonical name for NAME, or NAME itself (trimmed) when the table does not know it.
QString canonicalGpuName(const QString &name);

} // namespace fleetscope
