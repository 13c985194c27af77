// Local GPUs: settings, the NVML thread and its sampler, process names, the series, the test and the collector.
#include "providers/localgpu/localgpu.h"

#include "logging.h"
#include "providers/localgpu/nvml.h"
#include "providers/settingvalues.h"

#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QMap>
#include <QMutex>
#include <QSysInfo>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace fleetscope::localgpu {
namespace {

// One thread for every NVML call in the process. NVML is thread-safe, but its calls block (nvmlInit
// for seconds without persistence mode, any call for long when a GPU falls off the bus); on their own
// thread they never hold up the engine's event loop or the shared pool the UI's readers use.
class NvmlThread : public QThreadPool
{
public:
    NvmlThread() { setMaxThreadCount(1); }
};
Q_GLOBAL_STATIC(NvmlThread, nvmlThread)

QString labelsWithProcess(const GpuReading &reading, const QString &process)
{
    QJsonObject labels = QJsonDocument::fromJson(gpuLabelsJson(reading).toUtf8()).object();
    labels.insert(QStringLiteral("process"), process);   // QJsonObject keeps keys sorted: still canonical
    return QString::fromUtf8(QJsonDocument(labels).toJson(QJsonDocument::Compact));
}

} // namespace

Result<Settings> Settings::fromJson(const QJsonObject &json)
{
    Settings settings;
    Result<int> interval = integerSetting(json, QStringLiteral("interval_seconds"), settings.intervalSeconds, 5, 3600);
    if (!interval)
        return std::unexpected(interval.error());
    settings.intervalSeconds = *interval;
    const QJsonValue path = json.value(QStringLiteral("library_path"));
    if (!path.isUndefined() && !path.isNull() && !path.isString())
        return fail(ErrorClass::Config, QStringLiteral("library_path: expected a file path"));
    settings.libraryPath = path.toString().trimmed();
    return settings;
}

QList<GpuReading> Reading::readings() const
{
    QList<GpuReading> readings;
    for (const LocalGpu &gpu : gpus)
        readings.append(gpu.reading);
    return readings;
}

QString Reading::describe() const
{
    if (gpus.isEmpty()) {
        return driverVersion.isEmpty() ? QStringLiteral("local-gpu: the NVIDIA driver sees no GPU")
                                       : QStringLiteral("local-gpu: NVIDIA driver %1 sees no GPU").arg(driverVersion);
    }
    const QString driver = driverVersion.isEmpty() ? QString() : QStringLiteral(", driver ") + driverVersion;
    QStringList models;
    for (const LocalGpu &gpu : gpus) {
        if (!gpu.reading.modelName.isEmpty() && !models.contains(gpu.reading.modelName))
            models.append(gpu.reading.modelName);
    }
    return QStringLiteral("local-gpu: %1 %2%3%4")
        .arg(gpus.size())
        .arg(gpus.size() == 1 ? QStringLiteral("GPU") : QStringLiteral("GPUs"))
        .arg(models.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(models.join(QStringLiteral(", "))))
        .arg(driver);
}

QList<SeriesSamples> Reading::series(qint64 connectionId, qint64 tsMs) const
{
    QList<SeriesSamples> series = gpuReadingSeries(readings(), connectionId, tsMs);
    // Processes come and go by the thousand: a series per PID would pile up rows that retention never
    // removes and flood the series picker. Per GPU, the count and the memory per command name stay few.
    for (const LocalGpu &gpu : gpus) {
        if (!gpu.processes)
            continue;
        series.append(SeriesSamples{SeriesKey{connectionId, QStringLiteral("process_count"), gpuLabelsJson(gpu.reading)},
                                    {Sample{tsMs, double(gpu.processes->size())}}});
        QMap<QString, double> memoryByName;
        for (const GpuProcess &process : *gpu.processes) {
            if (process.usedMemoryMiB)
                memoryByName[process.name.isEmpty() ? QStringLiteral("unknown") : process.name] += *process.usedMemoryMiB;
        }
        for (auto it = memoryByName.cbegin(); it != memoryByName.cend(); ++it) {
            series.append(SeriesSamples{SeriesKey{connectionId, QStringLiteral("process_memory_mib"), labelsWithProcess(gpu.reading, it.key())},
                                        {Sample{tsMs, it.value()}}});
        }
    }
    return series;
}

QString processName(quint32 pid)
{
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    if (!comm.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(comm.readAll()).trimmed();
}

struct Sampler::State {
    QString libraryPath;
    QMutex mutex;
    std::unique_ptr<nvml::Library> library;   // loaded on the first reading, kept while it works
    std::atomic_bool reading = false;

    Result<Reading> read()
    {
        QMutexLocker lock(&mutex);
        if (!library) {
            Result<std::unique_ptr<nvml::Library>> opened = nvml::Library::open(nvml::libraryPath(libraryPath));
            if (!opened)
                return std::unexpected(opened.error());
            library = std::move(*opened);
        }
        Result<nvml::Sample> sample = library->sample();
        if (!sample || sample->gpuLost) {
            // A lost GPU or a failed count: start NVML afresh next time, as after a driver reload.
            qCInfo(lcGpu).noquote() << "reloading NVML before the next reading";
            library.reset();
        }
        if (!sample)
            return std::unexpected(sample.error());
        const QString hostname = QSysInfo::machineHostName();
        Reading result;
        result.driverVersion = sample->driverVersion;
        for (nvml::Device &device : sample->devices) {
            LocalGpu gpu;
            gpu.reading = std::move(device.reading);
            gpu.reading.hostname = hostname;
            if (device.processes) {
                QList<GpuProcess> processes;
                for (const nvml::Process &process : std::as_const(*device.processes))
                    processes.append(GpuProcess{process.pid, processName(process.pid), process.usedMemoryMiB});
                gpu.processes = processes;
            }
            result.gpus.append(std::move(gpu));
        }
        return result;
    }
};

Sampler::Sampler(QString libraryPath)
    : m_state(std::make_shared<State>())
{
    m_state->libraryPath = std::move(libraryPath);
}

void Sampler::read(QObject *context, std::function<void(Result<Reading>)> done)
{
    std::shared_ptr<State> state = m_state;
    if (state->reading.exchange(true)) {
        QMetaObject::invokeMethod(context, [done] {
            done(fail(ErrorClass::Unavailable, QStringLiteral("local-gpu: NVML has not answered the previous reading yet")));
        }, Qt::QueuedConnection);
        return;
    }
    // The watcher belongs to no one, so a DONE that deletes CONTEXT does not delete it mid-signal;
    // connected with CONTEXT as receiver, DONE is dropped once CONTEXT is gone.
    auto *watcher = new QFutureWatcher<Result<Reading>>;
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] { done(watcher->result()); });
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
    watcher->setFuture(QtConcurrent::run(static_cast<QThreadPool *>(nvmlThread()), [state] {
        Result<Reading> result = state->read();
        state->reading = false;
        return result;
    }));
}

Result<Reading> Sampler::readNow()
{
    return m_state->read();
}

void testConnection(const Settings &settings, QObject *context, std::function<void(Result<QString>)> done)
{
    Sampler(settings.libraryPath).read(context, [done = std::move(done)](Result<Reading> reading) {
        if (!reading)
            return done(std::unexpected(reading.error()));
        if (reading->gpus.isEmpty())
            return done(fail(ErrorClass::Unavailable, reading->describe()));
        done(reading->describe());
    });
}

LocalGpuCollector::LocalGpuCollector(Settings settings)
    : m_settings(std::move(settings)), m_sampler(m_settings.libraryPath)
{
}

void LocalGpuCollector::collect(CollectContext &context, Done done)
{
    CollectContext *ctx = &context;
    m_sampler.read(ctx, [ctx, done = std::move(done)](Result<Reading> reading) {
        if (!reading)
            return done(std::unexpected(reading.error()));
        WriteBatch batch;
        batch.source = ctx->connection().name + QStringLiteral(" local GPUs");
        batch.series = reading->series(ctx->connection().id, ctx->clock().nowMs());
        done(std::move(batch));
    });
}

} // namespace fleetscope::localgpu
