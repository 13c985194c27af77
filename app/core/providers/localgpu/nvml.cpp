// The NVML wrapper: the few NVML types and entry points Fleetscope uses, declared here from NVML's
// documented C ABI (nvml.h), resolved with dlsym, and each GPU's figures read into a GpuReading.
#include "providers/localgpu/nvml.h"

#include "logging.h"

#include <QFile>
#include <QFileInfo>

#include <dlfcn.h>

#include <vector>

namespace fleetscope::nvml {
namespace {

// nvml.h declares these as C enums and structs; enums are int-sized in the C ABI.
using Return = int;
using DeviceHandle = struct nvmlDevice_st *;

constexpr Return kSuccess = 0;
constexpr Return kNotSupported = 3;
constexpr Return kInsufficientSize = 7;
constexpr Return kDriverNotLoaded = 9;
constexpr Return kGpuIsLost = 15;

constexpr int kTemperatureGpu = 0;   // NVML_TEMPERATURE_GPU
constexpr int kClockSm = 1;          // NVML_CLOCK_SM
constexpr unsigned long long kValueNotAvailable = ~0ULL;   // NVML_VALUE_NOT_AVAILABLE
constexpr unsigned long long kBytesPerMiB = 1024ULL * 1024ULL;

// NVML_DEVICE_NAME_V2_BUFFER_SIZE and NVML_DEVICE_UUID_V2_BUFFER_SIZE are 96,
// NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE 80.
constexpr unsigned int kTextBufferSize = 96;

struct Utilization {   // nvmlUtilization_t
    unsigned int gpu;
    unsigned int memory;
};

struct Memory {   // nvmlMemory_t (v1), bytes; its used counts the driver's reserved memory too
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
};

struct MemoryV2 {   // nvmlMemory_v2_t, bytes; used leaves out what the driver reserves, as nvidia-smi shows it
    unsigned int version;
    unsigned long long total;
    unsigned long long reserved;
    unsigned long long free;
    unsigned long long used;
};
// nvmlMemory_v2: NVML's NVML_STRUCT_VERSION(Memory, 2), the struct's size with the version in the top byte.
constexpr unsigned int kMemoryV2Version = unsigned(sizeof(MemoryV2)) | (2U << 24);
static_assert(kMemoryV2Version == 0x02000028U, "nvmlMemory_v2_t is 40 bytes");

struct ProcessInfo {   // nvmlProcessInfo_v2_t, which both _v2 and _v3 of the process calls fill
    unsigned int pid;
    unsigned long long usedGpuMemory;
    unsigned int gpuInstanceId;
    unsigned int computeInstanceId;
};

} // namespace

struct Library::Api {
    Return (*init)() = nullptr;                                            // nvmlInit_v2
    Return (*shutdown)() = nullptr;                                        // nvmlShutdown
    const char *(*errorString)(Return) = nullptr;                          // nvmlErrorString
    Return (*deviceCount)(unsigned int *) = nullptr;                       // nvmlDeviceGetCount_v2
    Return (*handleByIndex)(unsigned int, DeviceHandle *) = nullptr;       // nvmlDeviceGetHandleByIndex_v2
    // Optional: a driver without one of these reports that field as missing.
    Return (*driverVersion)(char *, unsigned int) = nullptr;               // nvmlSystemGetDriverVersion
    Return (*name)(DeviceHandle, char *, unsigned int) = nullptr;          // nvmlDeviceGetName
    Return (*uuid)(DeviceHandle, char *, unsigned int) = nullptr;          // nvmlDeviceGetUUID
    Return (*utilization)(DeviceHandle, Utilization *) = nullptr;          // nvmlDeviceGetUtilizationRates
    Return (*memoryV2)(DeviceHandle, MemoryV2 *) = nullptr;                // nvmlDeviceGetMemoryInfo_v2 (drivers since 510)
    Return (*memory)(DeviceHandle, Memory *) = nullptr;                    // nvmlDeviceGetMemoryInfo, else
    Return (*power)(DeviceHandle, unsigned int *) = nullptr;               // nvmlDeviceGetPowerUsage, mW
    Return (*temperature)(DeviceHandle, int, unsigned int *) = nullptr;    // nvmlDeviceGetTemperature, °C
    Return (*clock)(DeviceHandle, int, unsigned int *) = nullptr;          // nvmlDeviceGetClockInfo, MHz
    Return (*energy)(DeviceHandle, unsigned long long *) = nullptr;        // nvmlDeviceGetTotalEnergyConsumption, mJ
    Return (*processes)(DeviceHandle, unsigned int *, ProcessInfo *) = nullptr;   // ..._v3, else ..._v2

    QString errorText(Return rc) const
    {
        const char *text = errorString ? errorString(rc) : nullptr;
        return text ? QStringLiteral("%1 (NVML error %2)").arg(QString::fromUtf8(text)).arg(rc) : QStringLiteral("NVML error %1").arg(rc);
    }
};

namespace {

template<typename Function>
void resolve(void *handle, const char *symbol, Function &function)
{
    function = reinterpret_cast<Function>(dlsym(handle, symbol));
}

QString text(Return (*get)(DeviceHandle, char *, unsigned int), DeviceHandle device)
{
    char buffer[kTextBufferSize] = {};
    if (!get || get(device, buffer, sizeof buffer) != kSuccess)
        return {};
    buffer[sizeof buffer - 1] = '\0';
    return QString::fromUtf8(buffer).trimmed();
}

} // namespace

QString libraryPath(const QString &configured)
{
    if (!configured.isEmpty())
        return configured;
    const QString fromEnvironment = qEnvironmentVariable("FLEETSCOPE_NVML_LIBRARY");
    return fromEnvironment.isEmpty() ? QString::fromLatin1(kDriverLibrary) : fromEnvironment;
}

Library::Library(QString path, void *handle, std::unique_ptr<Api> api)
    : m_path(std::move(path)), m_handle(handle), m_api(std::move(api))
{
}

Library::~Library()
{
    m_api->shutdown();
    dlclose(m_handle);
}

Result<std::unique_ptr<Library>> Library::open(const QString &path)
{
    dlerror();
    void *handle = dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        QString why = QString::fromLocal8Bit(dlerror());
        qCInfo(lcGpu).noquote() << "cannot load" << path << why;
        if (why.startsWith(path + QLatin1String(": ")))   // dlerror names the file itself
            why.remove(0, path.size() + 2);
        // A bare soname is searched for like any library: failing means no driver is installed.
        if (!path.contains(QLatin1Char('/')) || !QFileInfo::exists(path))
            return fail(ErrorClass::Unavailable, QStringLiteral("local-gpu: no NVIDIA driver on this computer (%1 not found)").arg(path));
        return fail(ErrorClass::Config, QStringLiteral("local-gpu: cannot load %1: %2").arg(path, why));
    }
    auto api = std::make_unique<Api>();
    resolve(handle, "nvmlInit_v2", api->init);
    resolve(handle, "nvmlShutdown", api->shutdown);
    resolve(handle, "nvmlErrorString", api->errorString);
    resolve(handle, "nvmlDeviceGetCount_v2", api->deviceCount);
    resolve(handle, "nvmlDeviceGetHandleByIndex_v2", api->handleByIndex);
    const std::pair<const char *, bool> required[] = {
        {"nvmlInit_v2", api->init != nullptr}, {"nvmlShutdown", api->shutdown != nullptr},
        {"nvmlErrorString", api->errorString != nullptr}, {"nvmlDeviceGetCount_v2", api->deviceCount != nullptr},
        {"nvmlDeviceGetHandleByIndex_v2", api->handleByIndex != nullptr}};
    for (const auto &[symbol, present] : required) {
        if (!present) {
            dlclose(handle);
            return fail(ErrorClass::Config, QStringLiteral("local-gpu: %1 is not NVML or is too old (no %2)").arg(path, QLatin1String(symbol)));
        }
    }
    resolve(handle, "nvmlSystemGetDriverVersion", api->driverVersion);
    resolve(handle, "nvmlDeviceGetName", api->name);
    resolve(handle, "nvmlDeviceGetUUID", api->uuid);
    resolve(handle, "nvmlDeviceGetUtilizationRates", api->utilization);
    resolve(handle, "nvmlDeviceGetMemoryInfo_v2", api->memoryV2);
    resolve(handle, "nvmlDeviceGetMemoryInfo", api->memory);
    resolve(handle, "nvmlDeviceGetPowerUsage", api->power);
    resolve(handle, "nvmlDeviceGetTemperature", api->temperature);
    resolve(handle, "nvmlDeviceGetClockInfo", api->clock);
    resolve(handle, "nvmlDeviceGetTotalEnergyConsumption", api->energy);
    resolve(handle, "nvmlDeviceGetComputeRunningProcesses_v3", api->processes);
    if (!api->processes)
        resolve(handle, "nvmlDeviceGetComputeRunningProcesses_v2", api->processes);

    const Return rc = api->init();
    if (rc != kSuccess) {
        const QString why = api->errorText(rc);
        dlclose(handle);
        if (rc == kDriverNotLoaded)
            return fail(ErrorClass::Unavailable, QStringLiteral("local-gpu: the NVIDIA driver is not loaded: %1").arg(why));
        return fail(ErrorClass::Unavailable, QStringLiteral("local-gpu: NVML did not start: %1").arg(why));
    }
    return std::unique_ptr<Library>(new Library(path, handle, std::move(api)));
}

Result<Sample> Library::sample() const
{
    const Api &api = *m_api;
    Sample sample;
    // Anything but success is a missing value: NOT_SUPPORTED is the common case (power on some
    // boards, energy before Volta); NO_PERMISSION and the rest are logged.
    auto succeeded = [&sample, &api](Return rc, const char *what) {
        if (rc == kGpuIsLost)
            sample.gpuLost = true;
        if (rc != kSuccess && rc != kNotSupported)
            qCDebug(lcGpu).noquote() << what << api.errorText(rc);
        return rc == kSuccess;
    };

    if (api.driverVersion) {
        char version[kTextBufferSize] = {};
        if (succeeded(api.driverVersion(version, sizeof version), "driver version")) {
            version[sizeof version - 1] = '\0';
            sample.driverVersion = QString::fromUtf8(version).trimmed();
        }
    }
    unsigned int count = 0;
    if (const Return rc = api.deviceCount(&count); rc != kSuccess)
        return fail(ErrorClass::Unavailable, QStringLiteral("local-gpu: NVML cannot count the GPUs: %1").arg(api.errorText(rc)));

    for (unsigned int index = 0; index < count; ++index) {
        DeviceHandle handle = nullptr;
        if (const Return rc = api.handleByIndex(index, &handle); rc != kSuccess) {
            // nvidia-smi skips such a GPU too ("Unable to determine the device handle"); the others still count.
            qCWarning(lcGpu).noquote() << "GPU" << index << "has no handle:" << api.errorText(rc);
            sample.gpuLost = sample.gpuLost || rc == kGpuIsLost;
            continue;
        }
        Device device;
        GpuReading &r = device.reading;
        r.gpu = QString::number(index);
        r.modelName = text(api.name, handle);
        r.uuid = text(api.uuid, handle);
        if (Utilization utilization{}; api.utilization && succeeded(api.utilization(handle, &utilization), "utilization"))
            r.gpuUtilPercent = utilization.gpu;
        // Whole MiB, as nvidia-smi and dcgm-exporter report them. The v2 call first: v1's used includes the
        // memory the driver reserves (about 480 MiB on an H100), which nvidia-smi does not count as used.
        if (MemoryV2 memory{kMemoryV2Version, 0, 0, 0, 0}; api.memoryV2 && succeeded(api.memoryV2(handle, &memory), "memory")) {
            r.memoryUsedMiB = double(memory.used / kBytesPerMiB);
            r.memoryFreeMiB = double(memory.free / kBytesPerMiB);
        } else if (Memory old{}; api.memory && succeeded(api.memory(handle, &old), "memory")) {
            r.memoryUsedMiB = double(old.used / kBytesPerMiB);
            r.memoryFreeMiB = double(old.free / kBytesPerMiB);
        }
        if (unsigned int milliwatts = 0; api.power && succeeded(api.power(handle, &milliwatts), "power"))
            r.powerW = milliwatts / 1000.0;
        if (unsigned int celsius = 0; api.temperature && succeeded(api.temperature(handle, kTemperatureGpu, &celsius), "temperature"))
            r.temperatureC = celsius;
        if (unsigned int mhz = 0; api.clock && succeeded(api.clock(handle, kClockSm, &mhz), "SM clock"))
            r.smClockMHz = mhz;
        if (unsigned long long millijoules = 0; api.energy && succeeded(api.energy(handle, &millijoules), "energy"))
            r.energyJ = millijoules / 1000.0;

        if (api.processes) {
            // Two calls: the first asks how many; processes may start in between, so leave room and retry.
            std::vector<ProcessInfo> infos;
            for (int attempt = 0; attempt < 4; ++attempt) {
                unsigned int size = unsigned(infos.size());
                const Return rc = api.processes(handle, &size, infos.empty() ? nullptr : infos.data());
                if (rc == kInsufficientSize) {
                    infos.resize(size + 8);
                    continue;
                }
                if (succeeded(rc, "processes")) {
                    QList<Process> processes;
                    for (unsigned int i = 0; i < size && i < infos.size(); ++i) {
                        Process process;
                        process.pid = infos[i].pid;
                        if (infos[i].usedGpuMemory != kValueNotAvailable)
                            process.usedMemoryMiB = double(infos[i].usedGpuMemory / kBytesPerMiB);
                        processes.append(process);
                    }
                    device.processes = processes;
                }
                break;
            }
        }
        sample.devices.append(std::move(device));
    }
    return sample;
}

} // namespace fleetscope::nvml
