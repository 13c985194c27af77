// Prometheus collection: settings, the DCGM query set, request sequencing and result storage.
#include "prometheus.h"

#include "metrics/dcgm.h"
#include "providers/monitoring/promapi.h"
#include "providers/settingvalues.h"

#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>

#include <memory>

namespace fleetscope::prometheus {
namespace {

// Every spelling of the GPU identity labels, so each survives the aggregation; labels a series
// lacks group as empty. instance and job are dropped: one GPU, however many scrapers.
constexpr auto kByGpu = "avg by (gpu, UUID, modelName, Hostname, hostname, GPU_I_ID, pod, namespace, exported_pod, exported_namespace)";

QString byGpu(const char *field)
{
    return QStringLiteral("%1 (%2)").arg(QLatin1String(kByGpu), QLatin1String(field));
}

Result<QList<Query>> customQueries(const QString &text)
{
    static const QRegularExpression name(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
    QList<Query> queries;
    for (const QString &entry : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        const QString metric = entry.left(eq).trimmed();
        const QString promql = entry.mid(eq + 1).trimmed();
        if (eq <= 0 || !name.match(metric).hasMatch() || promql.isEmpty())
            return fail(ErrorClass::Config, QStringLiteral("custom_queries: expected name=PromQL, got '%1'").arg(entry.trimmed().left(60)));
        queries.append(Query{metric, promql});
    }
    if (queries.isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("custom_queries: give name=PromQL entries separated by ';'"));
    return queries;
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

HttpRequest apiRequest(const Settings &settings, const Secret &secret, const QString &endpoint, const QList<std::pair<QString, QString>> &params)
{
    HttpRequest request;
    QUrl url = settings.url;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + endpoint);
    // Percent-encoded by hand: a '+' in PromQL must not reach the server as a space.
    QStringList query;
    for (const auto &[key, value] : params)
        query << key + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value));
    url.setQuery(query.join(QLatin1Char('&')), QUrl::StrictMode);
    request.url = url;
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    request.timeoutMs = settings.timeoutSeconds * 1000;
    request.explainError = explainApiError;
    request.source = QStringLiteral("prometheus %1").arg(endpoint.mid(8));   // without "/api/v1/"
    authorize(request, settings.auth, settings.username, secret);
    return request;
}

// The result of QUERY as series to store: DCGM queries keyed by the canonical GPU identity, with
// blanks dropped; custom ones by their own labels, __name__ aside.
QList<SeriesSamples> toStored(const Query &query, const QList<ResultSeries> &results, qint64 connectionId)
{
    QList<SeriesSamples> stored;
    for (const ResultSeries &result : results) {
        SeriesSamples series;
        series.key.connectionId = connectionId;
        series.key.metric = query.metric;
        if (query.dcgm) {
            series.key.labelsJson = gpuLabelsJson(gpuIdentityFromLabels(result.labels));
        } else {
            QJsonObject labels = result.labels;
            labels.remove(QStringLiteral("__name__"));
            series.key.labelsJson = QString::fromUtf8(QJsonDocument(labels).toJson(QJsonDocument::Compact));
        }
        for (const Sample &sample : result.samples) {
            if (query.dcgm && isDcgmBlank(sample.value, query.int64Counter))
                continue;
            series.samples.append(Sample{sample.tsMs, sample.value * query.scale});
        }
        if (!series.samples.isEmpty())
            stored.append(std::move(series));
    }
    return stored;
}

struct Step {
    const Query *query = nullptr;
    HttpRequest request;
};

struct CycleState {
    Settings settings;
    qint64 connectionId = 0;
    HttpClient *http = nullptr;
    QPointer<QObject> context;
    QList<Step> steps;
    qsizetype next = 0;
    Cycle cycle;
    std::function<void(Result<Cycle>)> done;
};

void sendNext(const std::shared_ptr<CycleState> &state)
{
    if (!state->context)
        return;
    if (state->next == state->steps.size())
        return state->done(std::move(state->cycle));
    const Step &step = state->steps.at(state->next++);
    ++state->cycle.requests;
    const QString source = QStringLiteral("prometheus query %1").arg(step.query->metric);
    state->http->send(step.request, state->context, [state, query = step.query, source](Result<HttpResponse> response) {
        if (!response)
            return state->done(std::unexpected(response.error()));
        Result<QJsonObject> data = apiData(response->body, source);
        if (!data)
            return state->done(std::unexpected(data.error()));
        Result<QList<ResultSeries>> results = resultSeries(*data, source);
        if (!results)
            return state->done(std::unexpected(results.error()));
        state->cycle.batch.series += toStored(*query, *results, state->connectionId);
        sendNext(state);
    });
}

} // namespace

QList<Query> dcgmQueries()
{
    // GPU_UTIL where the exporter has it, else the profiling ratio, as the scrape normalisation does.
    return {
        Query{QStringLiteral("gpu_util_percent"),
              byGpu("DCGM_FI_DEV_GPU_UTIL") + QStringLiteral(" or 100 * ") + byGpu("DCGM_FI_PROF_GR_ENGINE_ACTIVE"), true},
        Query{QStringLiteral("memory_used_mib"), byGpu("DCGM_FI_DEV_FB_USED"), true},
        Query{QStringLiteral("memory_free_mib"), byGpu("DCGM_FI_DEV_FB_FREE"), true},
        Query{QStringLiteral("power_w"), byGpu("DCGM_FI_DEV_POWER_USAGE"), true},
        Query{QStringLiteral("temperature_c"), byGpu("DCGM_FI_DEV_GPU_TEMP"), true},
        Query{QStringLiteral("energy_j"), byGpu("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION"), true, 1.0 / 1000.0, true},
        Query{QStringLiteral("sm_clock_mhz"), byGpu("DCGM_FI_DEV_SM_CLOCK"), true},
        Query{QStringLiteral("xid_errors"), byGpu("DCGM_FI_DEV_XID_ERRORS"), true},
    };
}

Result<Settings> Settings::fromJson(const QJsonObject &json)
{
    Settings settings;
    Result<QUrl> url = urlSetting(json, QStringLiteral("url"), true);
    if (!url)
        return std::unexpected(url.error());
    settings.url = *url;
    Result<HttpAuth> auth = httpAuthSetting(json, {QStringLiteral("none"), QStringLiteral("bearer"), QStringLiteral("basic")});
    if (!auth)
        return std::unexpected(auth.error());
    settings.auth = *auth;
    settings.username = json.value(QStringLiteral("username")).toString();
    if (settings.auth == HttpAuth::Basic && settings.username.isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("username: required with auth=basic"));
    Result<QString> queries = choiceSetting(json, QStringLiteral("queries"), QStringLiteral("dcgm"), {QStringLiteral("dcgm"), QStringLiteral("custom")});
    if (!queries)
        return std::unexpected(queries.error());
    if (*queries == QLatin1String("custom")) {
        Result<QList<Query>> custom = customQueries(json.value(QStringLiteral("custom_queries")).toString());
        if (!custom)
            return std::unexpected(custom.error());
        settings.queries = *custom;
    } else {
        settings.queries = dcgmQueries();
    }
    const std::tuple<const char *, int *, int, int> numbers[] = {
        {"interval_seconds", &settings.intervalSeconds, 10, 86'400}, {"step_seconds", &settings.stepSeconds, 1, 3600},
        {"lookback_hours", &settings.lookbackHours, 0, 2160}, {"timeout_seconds", &settings.timeoutSeconds, 1, 300}};
    for (const auto &[key, target, min, max] : numbers) {
        Result<int> value = integerSetting(json, QString::fromLatin1(key), *target, min, max);
        if (!value)
            return std::unexpected(value.error());
        *target = *value;
    }
    return settings;
}

void runCycle(HttpClient &http, const Clock &clock, const Settings &settings, qint64 connectionId, const Secret &secret,
              bool backfill, QObject *context, std::function<void(Result<Cycle>)> done)
{
    auto state = std::make_shared<CycleState>();
    state->settings = settings;
    state->connectionId = connectionId;
    state->http = &http;
    state->context = context;
    state->done = std::move(done);
    const qint64 stepMs = settings.stepSeconds * 1000LL;
    // Aligned to the step, so backfilled points and later instants fall on one grid.
    const qint64 nowMs = clock.nowMs() / stepMs * stepMs;
    const QString step = QString::number(settings.stepSeconds);
    for (const Query &query : state->settings.queries) {
        if (backfill && settings.lookbackHours > 0) {
            for (const RangeWindow &window : splitRange(nowMs - settings.lookbackHours * 3'600'000LL, nowMs, stepMs)) {
                state->steps.append(Step{&query, apiRequest(settings, secret, QStringLiteral("/api/v1/query_range"),
                                                            {{QStringLiteral("query"), query.promql}, {QStringLiteral("start"), seconds(window.startMs)},
                                                             {QStringLiteral("end"), seconds(window.endMs)}, {QStringLiteral("step"), step}})});
            }
        } else {
            state->steps.append(Step{&query, apiRequest(settings, secret, QStringLiteral("/api/v1/query"),
                                                        {{QStringLiteral("query"), query.promql}, {QStringLiteral("time"), seconds(nowMs)}})});
        }
    }
    // Started from the event loop, so DONE never runs inside this call.
    QMetaObject::invokeMethod(context, [state] { sendNext(state); }, Qt::QueuedConnection);
}

void testServer(HttpClient &http, const Settings &settings, const Secret &secret, QObject *context, std::function<void(Result<QString>)> done)
{
    HttpRequest request = apiRequest(settings, secret, QStringLiteral("/api/v1/status/buildinfo"), {});
    request.maxAttempts = 2;
    http.send(request, context, [done = std::move(done)](Result<HttpResponse> response) {
        if (!response)
            return done(std::unexpected(response.error()));
        const QString source = QStringLiteral("prometheus status/buildinfo");
        Result<QJsonObject> data = apiData(response->body, source);
        if (!data)
            return done(std::unexpected(data.error()));
        const QString version = data->value(QStringLiteral("version")).toString();
        if (version.isEmpty())
            return done(fail(ErrorClass::BadData, QStringLiteral("%1: no version in the answer").arg(source)));
        done(QStringLiteral("Prometheus %1").arg(version.left(40)));
    });
}

PrometheusCollector::PrometheusCollector(Settings settings, std::optional<SecretRef> secret)
    : m_settings(std::move(settings)), m_secret(std::move(secret))
{
}

void PrometheusCollector::collect(CollectContext &context, Done done)
{
    CollectContext *ctx = &context;
    resolveOptionalSecret(m_secret, &context, [this, ctx, done = std::move(done)](Result<Secret> secret) {
        if (!secret)
            return done(std::unexpected(secret.error()));
        const bool backfill = !m_backfilled;
        runCycle(ctx->http(), ctx->clock(), m_settings, ctx->connection().id, *secret, backfill, ctx,
                 [this, ctx, backfill, done](Result<Cycle> cycle) {
            if (!cycle)
                return done(std::unexpected(cycle.error()));
            m_backfilled = true;
            cycle->batch.source = ctx->connection().name + (backfill ? QStringLiteral(" backfill") : QStringLiteral(" queries"));
            done(std::move(cycle->batch));
        });
    });
}

} // namespace fleetscope::prometheus
