// DCGM field names to canonical GPU readings; identity labels in their several spellings.
#include "metrics/dcgm.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace fleetscope {
namespace {

enum class Field { None, GpuUtil, GrEngineActive, FbUsed, FbFree, Power, Temp, Energy, SmClock, Xid };

Field fieldFor(std::string_view name)
{
    if (!name.starts_with("DCGM_FI_"))
        return Field::None;
    if (name == "DCGM_FI_DEV_GPU_UTIL")
        return Field::GpuUtil;
    if (name == "DCGM_FI_PROF_GR_ENGINE_ACTIVE")
        return Field::GrEngineActive;
    if (name == "DCGM_FI_DEV_FB_USED")
        return Field::FbUsed;
    if (name == "DCGM_FI_DEV_FB_FREE")
        return Field::FbFree;
    if (name == "DCGM_FI_DEV_POWER_USAGE")
        return Field::Power;
    if (name == "DCGM_FI_DEV_GPU_TEMP")
        return Field::Temp;
    if (name == "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION")
        return Field::Energy;
    if (name == "DCGM_FI_DEV_SM_CLOCK")
        return Field::SmClock;
    if (name == "DCGM_FI_DEV_XID_ERRORS")
        return Field::Xid;
    return Field::None;
}

QString text(std::optional<std::string_view> view)
{
    return view ? QString::fromUtf8(view->data(), qsizetype(view->size())) : QString();
}

// Each identity field and the label spellings that carry it, preferred first. Prometheus renames
// an exporter's own pod labels to exported_* when it attaches its own.
struct IdentityLabel {
    QString GpuReading::*field;
    std::initializer_list<std::string_view> names;
};
const IdentityLabel kIdentityLabels[] = {
    {&GpuReading::uuid, {"UUID", "gpu_uuid", "uuid"}}, {&GpuReading::gpu, {"gpu"}}, {&GpuReading::hostname, {"Hostname", "hostname"}},
    {&GpuReading::modelName, {"modelName"}}, {&GpuReading::device, {"device"}}, {&GpuReading::migInstance, {"GPU_I_ID"}},
    {&GpuReading::migProfile, {"GPU_I_PROFILE"}}, {&GpuReading::pod, {"pod", "exported_pod"}},
    {&GpuReading::podNamespace, {"namespace", "exported_namespace"}}, {&GpuReading::container, {"container", "exported_container"}}};

// The identity fields of one labelled value; LABEL(name) is the label's value or empty.
template<typename LabelLookup>
GpuReading identityFrom(LabelLookup label)
{
    GpuReading identity;
    for (const IdentityLabel &entry : kIdentityLabels) {
        for (std::string_view name : entry.names) {
            QString value = label(name);
            if (!value.isEmpty()) {
                identity.*entry.field = std::move(value);
                break;
            }
        }
    }
    return identity;
}

void fillMissing(QString &target, const QString &value)
{
    if (target.isEmpty())
        target = value;
}

std::optional<double> present(double value, bool int64Counter = false)
{
    if (isDcgmBlank(value, int64Counter))
        return std::nullopt;
    return value;
}

QVariant cell(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant cell(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

} // namespace

bool isDcgmBlank(double value, bool int64Counter)
{
    if (std::isnan(value))
        return true;
    // DCGM_FP64_BLANK is 2^47 and DCGM_INT64_BLANK 0x7ffffffffffffff0: both far beyond any real
    // reading, so everything from 2^47 up is a sentinel.
    if (value >= 140737488355328.0)
        return true;
    // DCGM_INT32_BLANK 0x7ffffff0 .. 0x7fffffff. An energy counter in mJ passes through that
    // band legitimately, so it is exempt.
    return !int64Counter && value >= 2147483632.0 && value <= 2147483647.0;
}

QList<GpuReading> normalizeDcgm(const Exposition &exposition)
{
    // GPU_UTIL, where the exporter has it, is the figure nvidia-smi users know; the profiling
    // ratio fills in only for exporters that run DCP metrics alone, so both are kept until the end.
    struct Accumulator {
        GpuReading reading;
        std::optional<double> gpuUtil;
        std::optional<double> grEngineActive;
    };
    QList<Accumulator> found;
    QHash<QString, qsizetype> byKey;
    for (const MetricSample &sample : exposition.samples()) {
        const std::string_view name = exposition.text(sample.name);
        const Field field = fieldFor(name);
        if (!name.starts_with("DCGM_FI_"))
            continue;
        const GpuReading identity = identityFrom([&exposition, &sample](std::string_view label) { return text(exposition.label(sample, label)); });
        if (identity.uuid.isEmpty() && identity.gpu.isEmpty())
            continue;
        // The UUID names a GPU whatever labels a metric carries (some lack Hostname); without one,
        // host + index does.
        const QString key = (identity.uuid.isEmpty() ? identity.hostname + QLatin1Char('\x1f') + identity.gpu : identity.uuid)
                            + QLatin1Char('\x1f') + identity.migInstance;
        qsizetype index = byKey.value(key, -1);
        if (index < 0) {
            index = found.size();
            byKey.insert(key, index);
            found.append(Accumulator{});
        }
        Accumulator &acc = found[index];
        GpuReading &r = acc.reading;
        for (const IdentityLabel &entry : kIdentityLabels)
            fillMissing(r.*entry.field, identity.*entry.field);

        const double v = sample.value;
        switch (field) {
        case Field::GpuUtil:
            acc.gpuUtil = present(v);
            break;
        case Field::GrEngineActive:
            acc.grEngineActive = present(v);
            break;
        case Field::FbUsed:
            r.memoryUsedMiB = present(v);
            break;
        case Field::FbFree:
            r.memoryFreeMiB = present(v);
            break;
        case Field::Power:
            r.powerW = present(v);
            break;
        case Field::Temp:
            r.temperatureC = present(v);
            break;
        case Field::Energy:
            r.energyJ = present(v, true);
            if (r.energyJ)
                *r.energyJ /= 1000.0;
            break;
        case Field::SmClock:
            r.smClockMHz = present(v);
            break;
        case Field::Xid:
            r.xidErrors = present(v);
            break;
        case Field::None:
            break;
        }
    }

    QList<GpuReading> readings;
    readings.reserve(found.size());
    for (Accumulator &acc : found) {
        GpuReading &r = acc.reading;
        if (acc.gpuUtil)
            r.gpuUtilPercent = acc.gpuUtil;
        else if (acc.grEngineActive)
            r.gpuUtilPercent = *acc.grEngineActive * 100.0;
        readings.append(std::move(r));
    }
    // A MIG instance's series may lack host and model labels its parent GPU carries.
    for (GpuReading &r : readings) {
        if (r.uuid.isEmpty() || (!r.hostname.isEmpty() && !r.modelName.isEmpty()))
            continue;
        for (const GpuReading &other : std::as_const(readings)) {
            if (&other != &r && other.uuid == r.uuid) {
                fillMissing(r.hostname, other.hostname);
                fillMissing(r.modelName, other.modelName);
                fillMissing(r.device, other.device);
            }
        }
    }
    return readings;
}

QStringList gpuReadingMetrics()
{
    return {QStringLiteral("gpu_util_percent"), QStringLiteral("memory_used_mib"), QStringLiteral("memory_free_mib"),
            QStringLiteral("power_w"), QStringLiteral("temperature_c"), QStringLiteral("energy_j"),
            QStringLiteral("sm_clock_mhz"), QStringLiteral("xid_errors")};
}

namespace {

QList<std::optional<double>> metricValues(const GpuReading &r)
{
    return {r.gpuUtilPercent, r.memoryUsedMiB, r.memoryFreeMiB, r.powerW, r.temperatureC, r.energyJ, r.smClockMHz, r.xidErrors};
}

} // namespace

TableData gpuReadingsTable(const QList<GpuReading> &readings)
{
    TableData table;
    table.columns = QStringList{QStringLiteral("hostname"), QStringLiteral("gpu"), QStringLiteral("uuid"), QStringLiteral("model"),
                                QStringLiteral("mig_instance"), QStringLiteral("pod"), QStringLiteral("namespace")}
                    + gpuReadingMetrics();
    for (const GpuReading &r : readings) {
        QVariantList row{cell(r.hostname), cell(r.gpu), cell(r.uuid), cell(r.modelName), cell(r.migInstance), cell(r.pod), cell(r.podNamespace)};
        for (const std::optional<double> &value : metricValues(r))
            row.append(cell(value));
        table.rows.append(row);
    }
    return table;
}

GpuReading gpuIdentityFromLabels(const QJsonObject &labels)
{
    return identityFrom([&labels](std::string_view name) {
        return labels.value(QLatin1String(name.data(), qsizetype(name.size()))).toString();
    });
}

QString gpuLabelsJson(const GpuReading &r)
{
    QJsonObject labels;   // sorted keys: the canonical labelsJson
    const std::pair<const char *, const QString *> identity[] = {
        {"Hostname", &r.hostname}, {"gpu", &r.gpu}, {"UUID", &r.uuid}, {"modelName", &r.modelName},
        {"GPU_I_ID", &r.migInstance}, {"pod", &r.pod}, {"namespace", &r.podNamespace}};
    for (const auto &[key, value] : identity) {
        if (!value->isEmpty())
            labels.insert(QLatin1String(key), *value);
    }
    return QString::fromUtf8(QJsonDocument(labels).toJson(QJsonDocument::Compact));
}

QList<SeriesSamples> gpuReadingSeries(const QList<GpuReading> &readings, qint64 connectionId, qint64 tsMs)
{
    QList<SeriesSamples> series;
    const QStringList metrics = gpuReadingMetrics();
    for (const GpuReading &r : readings) {
        const QString labelsJson = gpuLabelsJson(r);
        const QList<std::optional<double>> values = metricValues(r);
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (values[i])
                series.append(SeriesSamples{SeriesKey{connectionId, metrics[i], labelsJson}, {Sample{tsMs, *values[i]}}});
        }
    }
    return series;
}

} // namespace fleetscope
