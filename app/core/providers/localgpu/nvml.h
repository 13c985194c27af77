// NVML, the NVIDIA driver's management library, loaded at run time: no NVIDIA header or library at build time.
#pragma once

#include "error.h"
#include "metrics/dcgm.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace fleetscope::nvml {

// The soname the driver installs; nvidia-smi loads the same file.
inline constexpr char kDriverLibrary[] = "libnvidia-ml.so.1";

// Where to load NVML from: CONFIGURED when set, else $FLEETSCOPE_NVML_LIBRARY, else kDriverLibrary.
QString libraryPath(const QString &configured = QString());

struct Process {
    quint32 pid = 0;
    std::optional<double> usedMemoryMiB;   // nullopt when the driver does not account it (NVML_VALUE_NOT_AVAILABLE)
};

struct Device {
    // gpu = the NVML index, uuid, modelName and the metric values; hostname is left to the caller.
    // A field the GPU does not support (or NVML refuses) is nullopt, never 0; xidErrors is always nullopt.
    GpuReading reading;
    // Compute processes; nullopt when this GPU or driver cannot list them.
    std::optional<QList<Process>> processes;
};

struct Sample {
    QString driverVersion;   // empty if NVML did not say
    QList<Device> devices;
    bool gpuLost = false;    // some call answered NVML_ERROR_GPU_IS_LOST: reopen before the next sample
};

// One loaded and initialised NVML. Every call is thread-safe (NVML's own guarantee), but blocking:
// keep instances off threads that must stay responsive. The destructor shuts NVML down and unloads it.
class Library
{
public:
    // dlopen(PATH), the symbols, nvmlInit_v2. A missing driver library is Unavailable with the message
    // "local-gpu: no NVIDIA driver on this computer (PATH not found)"; a file that is not NVML is Config.
    static Result<std::unique_ptr<Library>> open(const QString &path);
    ~Library();
    Library(const Library &) = delete;
    Library &operator=(const Library &) = delete;

    const QString &path() const { return m_path; }
    // Every GPU NVML sees, in index order. Fails only when NVML cannot count them.
    Result<Sample> sample() const;

    struct Api;

private:
    Library(QString path, void *handle, std::unique_ptr<Api> api);

    QString m_path;
    void *m_handle = nullptr;
    std::unique_ptr<Api> m_api;
};

} // namespace fleetscope::nvml
