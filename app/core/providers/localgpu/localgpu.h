// The local-gpu connection: this computer's NVIDIA GPUs read through NVML each cycle and stored as the
// same canonical GPU series the metrics-endpoint and Prometheus connections store.
#pragma once

#include "engine/collector.h"
#include "metrics/dcgm.h"

#include <QJsonObject>

#include <memory>
#include <optional>

namespace fleetscope::localgpu {

struct Settings {
    int intervalSeconds = 15;
    QString libraryPath;   // empty: $FLEETSCOPE_NVML_LIBRARY, else libnvidia-ml.so.1

    // From settings interval_seconds and library_path.
    static Result<Settings> fromJson(const QJsonObject &settings);
};

struct GpuProcess {
    quint32 pid = 0;
    QString name;                          // /proc/PID/comm; empty when the process has gone or is hidden
    std::optional<double> usedMemoryMiB;   // nullopt when the driver does not account it
};

struct LocalGpu {
    GpuReading reading;                           // hostname = this computer, gpu = the NVML index
    std::optional<QList<GpuProcess>> processes;   // compute processes; nullopt when NVML cannot list them
};

struct Reading {
    QString driverVersion;
    QList<LocalGpu> gpus;

    QList<GpuReading> readings() const;
    // "local-gpu: 2 GPUs (NVIDIA H100 80GB HBM3), driver 550.54.15"
    QString describe() const;
    // gpuReadingSeries, plus per GPU process_count and process_memory_mib per process name (label
    // "process"); GPUs whose processes NVML cannot list get neither.
    QList<SeriesSamples> series(qint64 connectionId, qint64 tsMs) const;
};

// The command name of process PID from /proc/PID/comm, empty if it cannot be read.
QString processName(quint32 pid);

// Reads NVML and keeps it loaded between readings: nvmlInit can take seconds on a GPU without
// persistence mode. Copies share one loaded library.
class Sampler
{
public:
    explicit Sampler(QString libraryPath = QString());

    // One reading on the NVML thread (a single thread shared by every sampler), so a slow or hung
    // driver never stalls the caller's event loop. DONE runs on CONTEXT's thread, and not at all
    // once CONTEXT is gone. While a reading is still out, the next one fails at once.
    void read(QObject *context, std::function<void(Result<Reading>)> done);
    // The same reading on the calling thread, for the command line.
    Result<Reading> readNow();

private:
    struct State;
    std::shared_ptr<State> m_state;
};

// The connection test: one reading, described; a driver without GPUs fails.
void testConnection(const Settings &settings, QObject *context, std::function<void(Result<QString>)> done);

class LocalGpuCollector final : public Collector
{
public:
    explicit LocalGpuCollector(Settings settings);
    void collect(CollectContext &context, Done done) override;

private:
    Settings m_settings;
    Sampler m_sampler;
};

} // namespace fleetscope::localgpu
