// Cost per result: what a configuration's runs cost per hour when they ran, and metrics per dollar.
#pragma once

#include "error.h"
#include "snapshots.h"
#include "workflowtypes.h"

#include <QHash>

namespace fleetscope {

class Store;

// A configuration is priced by its cost connection, else by its GPU type; neither: not priced.
bool isPriced(const WorkflowConfig &config);

struct RunPrice {
    double perHour = 0;        // $/hr while the run ran
    QString source;            // "connection" (running instances summed) or "offer" (cheapest offer × GPU count)
    QDateTime observedAt;      // the snapshot or offer observation the price comes from
};

// Runs beyond this from the nearest snapshot or offer are left unpriced rather than priced from stale data.
inline constexpr qint64 kPriceToleranceSecs = 24 * 3600;

// The $/hr of each of RUNS (by run id) at its metricTime(): from CONFIG's cost connection, the running cost
// of its instance snapshot nearest the run (TOTALS, any connections); else the cheapest per-GPU price among
// the offers of CONFIG's GPU type observed nearest the run (OFFERS) times its GPU count. Runs with no
// observation within kPriceToleranceSecs are left out.
QHash<qint64, RunPrice> priceRuns(const WorkflowConfig &config, const QList<WorkflowRun> &runs, const QList<InstanceTotals> &totals,
                                  const QList<GpuOffer> &offers);
// The same, reading the snapshots or offers around RUNS from STORE.
Result<QHash<qint64, RunPrice>> readRunPrices(Store &store, const WorkflowConfig &config, const QList<WorkflowRun> &runs);

// What a metric value is worth per dollar: for a higher-is-better metric, the value per $/hr (tokens/s per
// $/hr); for a lower-is-better duration (ns … h), the dollars one result costs at PER_HOUR; else nothing.
struct CostFigure {
    enum class Kind { None, PerDollarHour, DollarsPerResult };
    Kind kind = Kind::None;
    double value = 0;
};
CostFigure costFigure(double value, const QString &unit, MetricDirection direction, double perHour);

} // namespace fleetscope
