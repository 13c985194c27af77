// `fleetscope gpus`: this computer's NVIDIA GPUs read once through NVML, printed as `scrape` prints GPU readings.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace fleetscope {

// ARGS are the words after "gpus". Readings go to OUT; a failure (no driver) is one line on ERR.
// Returns an ExitCode: 1 when NVML could not be read, 2 on a usage error.
int runGpus(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace fleetscope
