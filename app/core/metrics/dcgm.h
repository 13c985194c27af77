// DCGM normalization: dcgm-exporter series folded into one canonical reading per GPU.
#pragma once

#include "domain.h"
#include "metrics/exposition.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace fleetscope {

// One GPU (or MIG instance) as one scrape saw it. A value the exporter did not report, or
// reported as a DCGM blank sentinel, is nullopt, never 0.
struct GpuReading {
    QString hostname;       // Hostname, or hostname in newer exporters
    QString gpu;            // the exporter's index, "0"
    QString uuid;           // UUID, or gpu_uuid on some metrics
    QString modelName;
    QString device;         // "nvidia0"
    QString migInstance;    // GPU_I_ID, empty for a whole GPU
    QString migProfile;     // GPU_I_PROFILE
    QString pod;            // Kubernetes pod mapping, when enabled
    QString podNamespace;
    QString container;

    std::optional<double> gpuUtilPercent;   // DCGM_FI_DEV_GPU_UTIL, else DCGM_FI_PROF_GR_ENGINE_ACTIVE x 100
    std::optional<double> memoryUsedMiB;    // DCGM_FI_DEV_FB_USED
    std::optional<double> memoryFreeMiB;    // DCGM_FI_DEV_FB_FREE
    std::optional<double> powerW;           // DCGM_FI_DEV_POWER_USAGE
    std::optional<double> temperatureC;     // DCGM_FI_DEV_GPU_TEMP
    std::optional<double> energyJ;          // DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION (mJ) / 1000
    std::optional<double> smClockMHz;       // DCGM_FI_DEV_SM_CLOCK
    std::optional<double> xidErrors;        // DCGM_FI_DEV_XID_ERRORS (the last XID seen)
};

// True for DCGM's "blank" values: the int32/int64/fp64 sentinels near INT32_MAX, INT64_MAX
// and 2^47 that stand for not found, not supported or not permitted. NaN counts as blank too.
bool isDcgmBlank(double value, bool int64Counter = false);

// Readings in order of each GPU's first sample. Samples that name no GPU (no UUID, gpu_uuid or
// gpu label) are skipped: exporters emit such placeholders for fields they cannot read.
QList<GpuReading> normalizeDcgm(const Exposition &exposition);

// The canonical metric names, in the order of the columns below.
QStringList gpuReadingMetrics();

// hostname, gpu, uuid, model, mig_instance, pod, namespace, then the metric columns; missing
// values are null cells.
TableData gpuReadingsTable(const QList<GpuReading> &readings);

// The identity of a GPU from labels in any spelling exporters and Prometheus use (UUID or gpu_uuid,
// Hostname or hostname, pod or exported_pod, ...); the metric values stay empty.
GpuReading gpuIdentityFromLabels(const QJsonObject &labels);

// The canonical label set of a GPU's series: Hostname, gpu, UUID, modelName, GPU_I_ID, pod,
// namespace where set; keys sorted, compact JSON, as SeriesKey::labelsJson stores it.
QString gpuLabelsJson(const GpuReading &reading);

// One series per present value, metric = canonical name, labels = the reading's identity
// (hostname, gpu, UUID, modelName, pod, namespace, GPU_I_ID where set), stamped TSMS.
QList<SeriesSamples> gpuReadingSeries(const QList<GpuReading> &readings, qint64 connectionId, qint64 tsMs);

} // namespace fleetscope
