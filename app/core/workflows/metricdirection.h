// Which way is better for a metric, and its unit when only the name tells it, inferred from names and units.
#pragma once

#include "workflowtypes.h"

namespace fleetscope {

// Rates (throughput, tokens/s, ops/s, "/s" units) are higher-is-better; times, latencies, durations,
// memory and failures are lower-is-better; anything else (counts, parameters) is neutral.
MetricDirection inferDirection(const QString &name, const QString &unit);
// Seconds in one UNIT of a duration ("ms" → 0.001, "hours" → 3600); 0 when UNIT is not a duration.
double secondsPerTimeUnit(const QString &unit);

// The unit a name's suffix spells: "mean_ttft_ms" → "ms", "tokens_per_s" → "/s", "mem_gb" → "GB";
// "" when the name says nothing.
QString unitFromName(const QString &name);

// A metric with its direction inferred; UNIT empty: taken from the name when it says one.
MetricValue makeMetric(const QString &name, double value, const QString &unit = {});

// A stored row's direction for metric NAME with UNIT: STORED ("lower", "higher", "neutral") when the
// row's directions document names one, else the inferred one (rows keep only directions that differ
// from inferDirection(name, unit)).
MetricDirection storedDirection(const QString &stored, const QString &name, const QString &unit);

} // namespace fleetscope
