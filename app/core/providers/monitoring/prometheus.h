// The Prometheus connection: instant queries each cycle, a range backfill on the first, for the
// DCGM GPU queries or a user's own list, stored as series + samples.
#pragma once

#include "engine/collector.h"
#include "providers/monitoring/httpauth.h"

#include <QUrl>

namespace fleetscope::prometheus {

struct Query {
    QString metric;           // the stored series' metric name
    QString promql;
    bool dcgm = false;        // labels folded to the canonical GPU identity, DCGM blanks dropped
    double scale = 1.0;       // applied after the blank check: mJ to J
    bool int64Counter = false;
};

// gpu_util_percent, memory_used_mib, memory_free_mib, power_w, temperature_c, energy_j,
// sm_clock_mhz, xid_errors: one PromQL aggregation per canonical reading, per GPU and host/pod.
QList<Query> dcgmQueries();

struct Settings {
    QUrl url;                       // the server's base URL; /api/v1/... is appended
    HttpAuth auth = HttpAuth::None;
    QString username;               // basic auth
    QList<Query> queries;
    int intervalSeconds = 60;
    int stepSeconds = 60;
    int lookbackHours = 24;         // range backfill on the first cycle; 0: none
    int timeoutSeconds = 30;

    // From settings url, auth (none | bearer | basic), username, queries (dcgm | custom),
    // custom_queries ("name=PromQL; name=PromQL"), interval_seconds, step_seconds, lookback_hours,
    // timeout_seconds.
    static Result<Settings> fromJson(const QJsonObject &settings);
};

struct Cycle {
    WriteBatch batch;
    int requests = 0;
};

// One cycle: with BACKFILL, range queries over the lookback ending at the clock's now, split under
// the point limit; otherwise one instant query per query at now. Requests go one at a time; any
// failure fails the cycle, which then stores nothing.
void runCycle(HttpClient &http, const Clock &clock, const Settings &settings, qint64 connectionId, const Secret &secret,
              bool backfill, QObject *context, std::function<void(Result<Cycle>)> done);

// GET /api/v1/status/buildinfo: "Prometheus 2.42.0".
void testServer(HttpClient &http, const Settings &settings, const Secret &secret, QObject *context,
                std::function<void(Result<QString>)> done);

class PrometheusCollector final : public Collector
{
public:
    PrometheusCollector(Settings settings, std::optional<SecretRef> secret);
    void collect(CollectContext &context, Done done) override;

private:
    Settings m_settings;
    std::optional<SecretRef> m_secret;
    bool m_backfilled = false;
};

} // namespace fleetscope::prometheus
