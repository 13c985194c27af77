// Ten descriptor providers collected by the engine's Scheduler with one HttpClient, each against its
// own loopback server (a host of its own, as in life) answering in the provider's real shape with
// 200 ms latency per request, paging included. Target (seed 001): the parallel cycle under 5 s.
// Baseline in the same run: the same ten collected one after another.
#include "benchutil.h"
#include "engine/collectors.h"
#include "engine/scheduler.h"
#include "fixtures.h"
#include "simulator/loopbackserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTimer>

#include <memory>

using namespace fleetscope;

namespace {

constexpr int kLatencyMs = 200;
constexpr char kTokenVariable[] = "FLEETSCOPE_BENCH_TOKEN";
constexpr char kOvhVariable[] = "FLEETSCOPE_BENCH_OVH_KEYS";

QJsonObject fixture(const QString &name)
{
    return QJsonDocument::fromJson(test::fixtureBytes(QStringLiteral("providers/") + name)).object();
}

LoopbackResponse json(const QJsonObject &object)
{
    return LoopbackResponse::withBody(200, "application/json", QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// OBJECT with the value at DOTTED.PATH replaced by VALUE (a page's "next" emptied: the last page).
QJsonObject with(QJsonObject object, const QStringList &path, const QJsonValue &value)
{
    if (path.size() == 1) {
        object.insert(path.first(), value);
        return object;
    }
    object.insert(path.first(), with(object.value(path.first()).toObject(), path.mid(1), value));
    return object;
}

struct Provider {
    QString kind;
    QString basePath;
    QJsonObject settings;
    LoopbackServer::Handler handler;
};

QList<Provider> providers()
{
    const QJsonObject vultrInstances = fixture(QStringLiteral("vultr-instances.json"));
    const QJsonObject hetznerTypes = fixture(QStringLiteral("hetzner-server_types.json"));
    const QJsonObject hetznerServer = fixture(QStringLiteral("hetzner-cli-server_create_response.json")).value(QStringLiteral("server")).toObject();
    const QJsonObject nodes = fixture(QStringLiteral("kubernetes-nodes.json"));
    const QJsonObject paperspace{{QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("psz1a2b3")},
                                                                                  {QStringLiteral("name"), QStringLiteral("trainer")},
                                                                                  {QStringLiteral("machineType"), QStringLiteral("A100-80Gx8")},
                                                                                  {QStringLiteral("region"), QStringLiteral("ny2")},
                                                                                  {QStringLiteral("state"), QStringLiteral("ready")}}}},
                                 {QStringLiteral("nextPage"), QJsonValue::Null}};
    auto files = [](QMap<QString, QString> routes) {
        return [routes](const LoopbackRequest &request) {
            const QString name = routes.value(request.path);
            return name.isEmpty() ? LoopbackResponse::withBody(404, "application/json", "{}")
                                  : LoopbackResponse::withBody(200, "application/json", test::fixtureBytes(QStringLiteral("providers/") + name));
        };
    };
    return {
        {QStringLiteral("vultr"), QStringLiteral("/v2"), {},
         [vultrInstances, files](const LoopbackRequest &request) {
             if (request.path == QLatin1String("/v2/instances"))
                 return json(request.query.hasQueryItem(QStringLiteral("cursor"))
                                 ? with(vultrInstances, {QStringLiteral("meta"), QStringLiteral("links"), QStringLiteral("next")}, QString())
                                 : vultrInstances);
             return files({{QStringLiteral("/v2/plans"), QStringLiteral("vultr-plans.json")},
                           {QStringLiteral("/v2/account"), QStringLiteral("vultr-account.json")}})(request);
         }},
        {QStringLiteral("digitalocean"), QStringLiteral("/v2"), {},
         [files](const LoopbackRequest &request) {
             if (request.path == QLatin1String("/v2/sizes"))   // the recorded page links to api.digitalocean.com: one page here
                 return json(with(fixture(QStringLiteral("digitalocean-sizes.json")), {QStringLiteral("links")}, QJsonObject()));
             return files({{QStringLiteral("/v2/droplets"), QStringLiteral("digitalocean-droplets-gpu.json")},
                           {QStringLiteral("/v2/customers/my/balance"), QStringLiteral("digitalocean-balance.json")}})(request);
         }},
        {QStringLiteral("lambda"), QStringLiteral("/api/v1"), {},
         files({{QStringLiteral("/api/v1/instances"), QStringLiteral("lambda-instances.json")},
                {QStringLiteral("/api/v1/instance-types"), QStringLiteral("lambda-instance-types.json")}})},
        {QStringLiteral("linode"), QStringLiteral("/v4"), {},
         files({{QStringLiteral("/v4/linode/instances"), QStringLiteral("linode-linodes_list.json")},
                {QStringLiteral("/v4/linode/types"), QStringLiteral("linode-linode_types_list.json")}})},
        {QStringLiteral("hetzner"), QStringLiteral("/v1"), {},
         [hetznerTypes, hetznerServer](const LoopbackRequest &request) {
             const QStringList next{QStringLiteral("meta"), QStringLiteral("pagination"), QStringLiteral("next_page")};
             if (request.path == QLatin1String("/v1/servers"))
                 return json(with(QJsonObject{{QStringLiteral("servers"), QJsonArray{hetznerServer}}}, next, QJsonValue::Null));
             const bool last = request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("4");
             return json(last ? with(hetznerTypes, next, QJsonValue::Null) : hetznerTypes);
         }},
        {QStringLiteral("paperspace"), QStringLiteral("/v1"), {}, [paperspace](const LoopbackRequest &) { return json(paperspace); }},
        {QStringLiteral("kubernetes"), QString(), {},
         [nodes](const LoopbackRequest &request) {
             if (request.path == QLatin1String("/api/v1/nodes"))
                 return json(request.query.hasQueryItem(QStringLiteral("continue")) ? fixture(QStringLiteral("kubernetes-nodes-page2.json")) : nodes);
             return LoopbackResponse::withBody(200, "application/json", test::fixtureBytes(QStringLiteral("providers/kubernetes-pods.json")));
         }},
        {QStringLiteral("coreweave"), QString(), {{QStringLiteral("namespace"), QStringLiteral("tenant-ml")}},
         files({{QStringLiteral("/api/v1/namespaces/tenant-ml/pods"), QStringLiteral("kubernetes-pods.json")}})},
        {QStringLiteral("ovh"), QStringLiteral("/1.0"), {{QStringLiteral("project_id"), QStringLiteral("p-1")}, {QStringLiteral("secret_env"), QLatin1String(kOvhVariable)}},
         [files](const LoopbackRequest &request) {
             if (request.path == QLatin1String("/1.0/auth/time"))
                 return LoopbackResponse::withBody(200, "application/json", QByteArray::number(QDateTime::currentSecsSinceEpoch()));
             return files({{QStringLiteral("/1.0/cloud/project/p-1/instance"), QStringLiteral("ovh-instances.json")}})(request);
         }},
        {QStringLiteral("docker"), QString(), {}, files({{QStringLiteral("/containers/json"), QStringLiteral("docker-containers.json")}})},
    };
}

// Runs one cycle of each of CONNECTIONS through SCHEDULER (all at once, or one after another) and
// returns the wall time in ms; -1 when a cycle failed.
double cycle(Scheduler &scheduler, const QList<ConnectionRecord> &connections, bool parallel, QString &failure)
{
    QEventLoop loop;
    int pending = 0;
    QElapsedTimer timer;
    const auto connection = QObject::connect(&scheduler, &Scheduler::connectionStateChanged, &loop,
                                             [&](qint64 id, const ConnectionState &state) {
                                                 if (state.phase == ConnectionState::Phase::Syncing || state.phase == ConnectionState::Phase::Scheduled)
                                                     return;
                                                 if (state.phase == ConnectionState::Phase::Failed && failure.isEmpty())
                                                     failure = QStringLiteral("connection %1: %2").arg(id).arg(state.error ? state.error->message : QString());
                                                 if (--pending == 0)
                                                     loop.quit();
                                             });
    timer.start();
    if (parallel) {
        pending = int(connections.size());
        for (const ConnectionRecord &c : connections)
            scheduler.syncNow(c.id);
        loop.exec();
    } else {
        for (const ConnectionRecord &c : connections) {
            pending = 1;
            scheduler.syncNow(c.id);
            loop.exec();
        }
    }
    QObject::disconnect(connection);
    return failure.isEmpty() ? timer.nsecsElapsed() / 1e6 : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qputenv(kTokenVariable, "bench-token");
    qputenv(kOvhVariable, R"({"application_key":"ak","application_secret":"as","consumer_key":"ck"})");

    std::vector<std::unique_ptr<LoopbackServer>> servers;
    QList<ConnectionRecord> connections;
    for (const Provider &provider : providers()) {
        auto server = std::make_unique<LoopbackServer>(provider.handler);
        server->setLatencyMs(kLatencyMs);
        Result<quint16> port = server->listen();
        if (!port) {
            std::fprintf(stderr, "bench_descriptors: %s\n", qPrintable(port.error().message));
            return 1;
        }
        ConnectionRecord c;
        c.id = connections.size() + 1;
        c.kind = provider.kind;
        c.name = QStringLiteral("bench-") + provider.kind;
        c.enabled = true;
        c.settings = provider.settings;
        c.settings.insert(QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:%1%2").arg(*port).arg(provider.basePath));
        if (!c.settings.contains(QStringLiteral("secret_env")) && provider.kind != QLatin1String("docker"))
            c.settings.insert(QStringLiteral("secret_env"), QLatin1String(kTokenVariable));
        connections << c;
        servers.push_back(std::move(server));
    }

    QNetworkAccessManager nam;
    SystemClock clock;
    HttpClient http(&nam, clock);
    Scheduler scheduler(clock, http, builtinCollectors());
    scheduler.pause();   // cycles start only by syncNow
    scheduler.setConnections(connections);

    QList<double> parallel, serial;
    for (int i = 0; i < 3; ++i) {
        QString failure;
        const double together = cycle(scheduler, connections, true, failure);
        const double oneByOne = together < 0 ? -1 : cycle(scheduler, connections, false, failure);
        if (!failure.isEmpty()) {
            std::fprintf(stderr, "bench_descriptors: %s\n", qPrintable(failure));
            return 1;
        }
        parallel << together;
        serial << oneByOne;
    }
    qint64 requests = 0;
    for (const auto &server : servers)
        requests += server->requestCount();
    const double p = bench::median(parallel), s = bench::median(serial);
    bench::report("descriptor_collect_cycle", p, "ms",
                  QStringLiteral("(10 providers, %1 requests per cycle, %2 ms latency; one after another: %3 ms, %4x faster; target < 5000 ms)")
                      .arg(requests / 6).arg(kLatencyMs).arg(s, 0, 'f', 0).arg(s / p, 0, 'f', 1));
    return 0;
}
