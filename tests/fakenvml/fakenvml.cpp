// A stand-in for libnvidia-ml.so.1 in tests on computers without a GPU: the NVML entry points Fleetscope
// uses, with NVML's C ABI, answering from the JSON file named by $FLEETSCOPE_FAKE_NVML (read at nvmlInit_v2).
//
//   {"init": 0, "init_delay_ms": 0, "count": 2 | {"error": N}, "driver": "550.54.15",
//    "gpus": [{"name", "uuid", "handle": {"error": N}, "utilization": 87,
//              "memory": {"total": B, "free": B, "used": B, "reserved": B}, "power_mw": 312456, "temperature": 64,
//              "sm_clock": 1980, "energy_mj": 123456789,
//              "processes": [{"pid": 1, "used_bytes": B | null}]}]}
//
// A figure that is absent or null answers NVML_ERROR_NOT_SUPPORTED, {"error": N} answers N, and a null
// used_bytes is NVML_VALUE_NOT_AVAILABLE. Memory "used" is what nvmlDeviceGetMemoryInfo_v2 answers;
// the v1 call adds "reserved" to it, as real drivers do. Built with FAKE_NVML_OLD_DRIVER it lacks the _v3
// process call, the energy counter and the v2 memory call, as drivers before them did.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <cstring>

#define FAKE_NVML_EXPORT extern "C" __attribute__((visibility("default")))

namespace {

using Return = int;
struct Device;   // a handle is a pointer to the GPU's index in kHandles
using Handle = Device *;

constexpr Return kSuccess = 0;
constexpr Return kUninitialized = 1;
constexpr Return kInvalidArgument = 2;
constexpr Return kNotSupported = 3;
constexpr Return kInsufficientSize = 7;

struct Utilization {
    unsigned int gpu;
    unsigned int memory;
};
struct Memory {
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
};
struct MemoryV2 {
    unsigned int version;
    unsigned long long total;
    unsigned long long reserved;
    unsigned long long free;
    unsigned long long used;
};
constexpr unsigned int kMemoryV2Version = unsigned(sizeof(MemoryV2)) | (2U << 24);
constexpr Return kArgumentVersionMismatch = 25;
struct ProcessInfo {
    unsigned int pid;
    unsigned long long usedGpuMemory;
    unsigned int gpuInstanceId;
    unsigned int computeInstanceId;
};

QJsonObject g_config;
int g_sessions = 0;
unsigned int g_indexes[64];

QJsonObject gpuAt(Handle handle)
{
    const unsigned int index = *reinterpret_cast<unsigned int *>(handle);
    return g_config.value(QStringLiteral("gpus")).toArray().at(index).toObject();
}

// The figure KEY of GPU, or the error it is configured to answer.
template<typename T>
Return figure(const QJsonValue &value, T *out)
{
    if (value.isObject())
        return value.toObject().value(QStringLiteral("error")).toInt();
    if (value.isUndefined() || value.isNull())
        return kNotSupported;
    *out = T(value.toDouble());
    return kSuccess;
}

Return copyText(const QString &text, char *buffer, unsigned int length)
{
    const QByteArray bytes = text.toUtf8();
    if (!buffer || length < unsigned(bytes.size()) + 1)
        return kInsufficientSize;
    std::memcpy(buffer, bytes.constData(), size_t(bytes.size()) + 1);
    return kSuccess;
}

Return processes(Handle device, unsigned int *count, ProcessInfo *infos)
{
    if (!g_sessions)
        return kUninitialized;
    const QJsonValue list = gpuAt(device).value(QStringLiteral("processes"));
    if (list.isObject())
        return list.toObject().value(QStringLiteral("error")).toInt();
    if (!list.isArray())
        return kNotSupported;
    const QJsonArray array = list.toArray();
    const unsigned int needed = unsigned(array.size());
    if (*count < needed || (needed > 0 && !infos)) {
        *count = needed;
        return kInsufficientSize;
    }
    for (unsigned int i = 0; i < needed; ++i) {
        const QJsonObject process = array.at(i).toObject();
        const QJsonValue used = process.value(QStringLiteral("used_bytes"));
        infos[i] = ProcessInfo{unsigned(process.value(QStringLiteral("pid")).toInteger()),
                               used.isNull() ? ~0ULL : (unsigned long long)used.toInteger(), ~0U, ~0U};
    }
    *count = needed;
    return kSuccess;
}

// The GPU's "memory" object, or the return code that stands for it.
Return memoryOf(Handle device, QJsonObject *memory)
{
    const QJsonValue value = gpuAt(device).value(QStringLiteral("memory"));
    if (value.isUndefined() || value.isNull())
        return kNotSupported;
    *memory = value.toObject();
    return memory->contains(QStringLiteral("error")) ? memory->value(QStringLiteral("error")).toInt() : kSuccess;
}

unsigned long long bytes(const QJsonObject &memory, const char *name)
{
    return (unsigned long long)memory.value(QLatin1String(name)).toInteger();
}

} // namespace

FAKE_NVML_EXPORT Return nvmlInit_v2()
{
    QFile file(qEnvironmentVariable("FLEETSCOPE_FAKE_NVML"));
    g_config = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
    QThread::msleep(g_config.value(QStringLiteral("init_delay_ms")).toInt());
    const Return rc = g_config.value(QStringLiteral("init")).toInt();
    if (rc == kSuccess)
        ++g_sessions;
    return rc;
}

FAKE_NVML_EXPORT Return nvmlShutdown()
{
    if (!g_sessions)
        return kUninitialized;
    --g_sessions;
    return kSuccess;
}

FAKE_NVML_EXPORT const char *nvmlErrorString(Return rc)
{
    switch (rc) {
    case 0: return "Success";
    case 1: return "Uninitialized";
    case 2: return "Invalid Argument";
    case 3: return "Not Supported";
    case 4: return "Insufficient Permissions";
    case 9: return "Driver Not Loaded";
    case 15: return "GPU is lost";
    default: return "Unknown Error";
    }
}

// For the tests themselves: how many nvmlInit_v2 are not yet shut down.
FAKE_NVML_EXPORT int fakeNvmlSessions()
{
    return g_sessions;
}

FAKE_NVML_EXPORT Return nvmlSystemGetDriverVersion(char *version, unsigned int length)
{
    if (!g_sessions)
        return kUninitialized;
    return copyText(g_config.value(QStringLiteral("driver")).toString(), version, length);
}

FAKE_NVML_EXPORT Return nvmlDeviceGetCount_v2(unsigned int *count)
{
    if (!g_sessions)
        return kUninitialized;
    const QJsonValue configured = g_config.value(QStringLiteral("count"));
    if (configured.isObject())
        return configured.toObject().value(QStringLiteral("error")).toInt();
    *count = configured.isUndefined() ? unsigned(g_config.value(QStringLiteral("gpus")).toArray().size()) : unsigned(configured.toInt());
    return kSuccess;
}

FAKE_NVML_EXPORT Return nvmlDeviceGetHandleByIndex_v2(unsigned int index, Handle *device)
{
    if (!g_sessions)
        return kUninitialized;
    const QJsonArray gpus = g_config.value(QStringLiteral("gpus")).toArray();
    if (index >= unsigned(gpus.size()) || index >= 64)
        return kInvalidArgument;
    const QJsonValue handle = gpus.at(index).toObject().value(QStringLiteral("handle"));
    if (handle.isObject())
        return handle.toObject().value(QStringLiteral("error")).toInt();
    g_indexes[index] = index;
    *device = reinterpret_cast<Handle>(&g_indexes[index]);
    return kSuccess;
}

FAKE_NVML_EXPORT Return nvmlDeviceGetName(Handle device, char *name, unsigned int length)
{
    return copyText(gpuAt(device).value(QStringLiteral("name")).toString(), name, length);
}

FAKE_NVML_EXPORT Return nvmlDeviceGetUUID(Handle device, char *uuid, unsigned int length)
{
    return copyText(gpuAt(device).value(QStringLiteral("uuid")).toString(), uuid, length);
}

FAKE_NVML_EXPORT Return nvmlDeviceGetUtilizationRates(Handle device, Utilization *utilization)
{
    unsigned int gpu = 0;
    const Return rc = figure(gpuAt(device).value(QStringLiteral("utilization")), &gpu);
    if (rc == kSuccess)
        *utilization = Utilization{gpu, 0};
    return rc;
}

FAKE_NVML_EXPORT Return nvmlDeviceGetMemoryInfo(Handle device, Memory *memory)
{
    QJsonObject m;
    if (const Return rc = memoryOf(device, &m); rc != kSuccess)
        return rc;
    *memory = Memory{bytes(m, "total"), bytes(m, "free"), bytes(m, "used") + bytes(m, "reserved")};
    return kSuccess;
}

#ifndef FAKE_NVML_OLD_DRIVER
FAKE_NVML_EXPORT Return nvmlDeviceGetMemoryInfo_v2(Handle device, MemoryV2 *memory)
{
    if (memory->version != kMemoryV2Version)
        return kArgumentVersionMismatch;
    QJsonObject m;
    if (const Return rc = memoryOf(device, &m); rc != kSuccess)
        return rc;
    *memory = MemoryV2{kMemoryV2Version, bytes(m, "total"), bytes(m, "reserved"), bytes(m, "free"), bytes(m, "used")};
    return kSuccess;
}
#endif

FAKE_NVML_EXPORT Return nvmlDeviceGetPowerUsage(Handle device, unsigned int *milliwatts)
{
    return figure(gpuAt(device).value(QStringLiteral("power_mw")), milliwatts);
}

FAKE_NVML_EXPORT Return nvmlDeviceGetTemperature(Handle device, int sensor, unsigned int *celsius)
{
    if (sensor != 0)   // NVML_TEMPERATURE_GPU is the only sensor
        return kInvalidArgument;
    return figure(gpuAt(device).value(QStringLiteral("temperature")), celsius);
}

FAKE_NVML_EXPORT Return nvmlDeviceGetClockInfo(Handle device, int type, unsigned int *mhz)
{
    if (type != 1)   // only NVML_CLOCK_SM is configured
        return kNotSupported;
    return figure(gpuAt(device).value(QStringLiteral("sm_clock")), mhz);
}

FAKE_NVML_EXPORT Return nvmlDeviceGetComputeRunningProcesses_v2(Handle device, unsigned int *count, ProcessInfo *infos)
{
    return processes(device, count, infos);
}

#ifndef FAKE_NVML_OLD_DRIVER
FAKE_NVML_EXPORT Return nvmlDeviceGetComputeRunningProcesses_v3(Handle device, unsigned int *count, ProcessInfo *infos)
{
    return processes(device, count, infos);
}

FAKE_NVML_EXPORT Return nvmlDeviceGetTotalEnergyConsumption(Handle device, unsigned long long *millijoules)
{
    return figure(gpuAt(device).value(QStringLiteral("energy_mj")), millijoules);
}
#endif
