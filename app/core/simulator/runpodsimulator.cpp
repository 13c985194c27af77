// Routing and wire formats: RunPod's GraphQL shapes (quirks included), REST v2 pods and serverless jobs.
#include "simulator/runpodsimulator.h"

#include "simulator/digitaloceansimulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <optional>
#include <tuple>

namespace fleetscope {
namespace {

using namespace Qt::StringLiterals;

constexpr int kRateLimitPerMinute = 1000;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

LoopbackResponse jsonResponse(int status, const QJsonObject &object)
{
    return LoopbackResponse::withBody(status, "application/json", compact(object));
}

LoopbackResponse problem(int status, const QString &title, const QString &detail)
{
    return LoopbackResponse::withBody(status, "application/problem+json",
                                      compact(QJsonObject{
                                          {u"type"_s, u"about:blank"_s},
                                          {u"title"_s, title},
                                          {u"status"_s, status},
                                          {u"detail"_s, detail},
                                      }));
}

LoopbackResponse methodNotAllowed(const QByteArray &allow)
{
    LoopbackResponse response = problem(405, u"Method Not Allowed"_s, u"The requested method is not allowed for this path."_s);
    response.headers.append({QByteArrayLiteral("Allow"), allow});
    return response;
}

LoopbackResponse graphqlErrors(int status, const QString &message)
{
    return jsonResponse(status, QJsonObject{{u"errors"_s, QJsonArray{QJsonObject{{u"message"_s, message}}}}});
}

// RunPod sends some numbers as strings; so do we when a quirk says so.
QJsonValue number(double value, bool asString)
{
    return asString ? QJsonValue(QString::number(value)) : QJsonValue(value);
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QString apiKeyOf(const LoopbackRequest &request)
{
    QByteArray authorization = request.header("Authorization").trimmed();
    // Serverless examples send the bare key; GraphQL and REST send "Bearer KEY".
    if (authorization.size() >= 7 && authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        authorization = authorization.mid(7).trimmed();
    if (!authorization.isEmpty())
        return QString::fromUtf8(authorization);
    return request.query.queryItemValue(u"api_key"_s, QUrl::FullyDecoded);
}

std::optional<LoopbackResponse> rejectKey(const QString &key, bool graphql)
{
    if (key.isEmpty())
        return problem(401, u"Unauthorized"_s, u"missing bearer token"_s);
    if (key == QLatin1String(simulatorkeys::kRejected) || (!graphql && key == QLatin1String(simulatorkeys::kInvalid)))
        return problem(401, u"Unauthorized"_s, u"invalid bearer token"_s);
    return std::nullopt;
}

// --- GraphQL shapes ---------------------------------------------------------------------------

QJsonObject graphqlPod(const SimPod &pod, qint64 nowMs)
{
    QJsonObject object{
        {u"id"_s, pod.id},
        {u"name"_s, pod.name},
        {u"desiredStatus"_s, pod.desiredStatus()},
        {u"imageName"_s, pod.imageName},
        {u"costPerHr"_s, number(pod.costPerHr, pod.quirks & QuirkCostAsString)},
        {u"adjustedCostPerHr"_s, (pod.quirks & QuirkAdjustedCostNull) ? QJsonValue() : QJsonValue(pod.costPerHr)},
        {u"gpuCount"_s, pod.gpuCount},
        {u"vcpuCount"_s, pod.vcpuCount},
        {u"memoryInGb"_s, number(pod.memoryInGb, pod.quirks & QuirkMemoryAsString)},
        {u"volumeInGb"_s, pod.volumeInGb},
        {u"containerDiskInGb"_s, pod.containerDiskInGb},
        {u"machineId"_s, pod.machineId},
        {u"podType"_s, u"RESERVED"_s},
        {u"machine"_s, QJsonObject{
             {u"gpuDisplayName"_s, pod.gpuDisplayName},
             {u"location"_s, pod.dataCenterId},
             {u"podHostId"_s, u"%1-%2"_s.arg(pod.id, pod.machineId.left(8))},
         }},
    };
    if (!pod.running) {
        object.insert(u"runtime"_s, QJsonValue());
        return object;
    }
    QJsonArray gpus;
    for (const SimGpu &gpu : pod.gpus) {
        gpus.append(QJsonObject{
            {u"id"_s, gpu.id},
            {u"gpuUtilPercent"_s, gpu.util},
            {u"memoryUtilPercent"_s, (pod.quirks & QuirkGpuMemoryUtilNull) ? QJsonValue() : QJsonValue(gpu.memoryUtil)},
        });
    }
    object.insert(u"runtime"_s, QJsonObject{
        {u"uptimeInSeconds"_s, std::max<qint64>(0, (nowMs - pod.startedAtMs) / 1000)},
        {u"ports"_s, QJsonArray{
             QJsonObject{{u"ip"_s, pod.publicIp}, {u"isIpPublic"_s, true}, {u"privatePort"_s, 22}, {u"publicPort"_s, pod.publicPort}, {u"type"_s, u"tcp"_s}},
             QJsonObject{{u"ip"_s, u"100.65.0.101"_s}, {u"isIpPublic"_s, false}, {u"privatePort"_s, 8888}, {u"publicPort"_s, pod.publicPort + 1}, {u"type"_s, u"http"_s}},
         }},
        {u"gpus"_s, gpus},
        {u"container"_s, QJsonObject{{u"cpuPercent"_s, pod.cpuPercent}, {u"memoryPercent"_s, pod.memoryPercent}}},
    });
    return object;
}

QJsonObject graphqlEndpoint(const SimEndpoint &endpoint)
{
    QJsonArray workers;
    const int count = endpoint.load.idle + endpoint.load.running + endpoint.load.initializing;
    for (int i = 0; i < count; ++i)
        workers.append(QJsonObject{{u"desiredStatus"_s, u"RUNNING"_s}});
    return QJsonObject{
        {u"id"_s, endpoint.id},
        {u"name"_s, endpoint.name},
        {u"gpuIds"_s, endpoint.gpuIds},
        {u"idleTimeout"_s, endpoint.idleTimeout},
        {u"locations"_s, endpoint.locations.isEmpty() ? QJsonValue() : QJsonValue(endpoint.locations)},
        {u"networkVolumeId"_s, QJsonValue()},
        {u"scalerType"_s, endpoint.scalerType},
        {u"scalerValue"_s, endpoint.scalerValue},
        {u"templateId"_s, endpoint.templateId},
        {u"workersMax"_s, endpoint.workersMax},
        {u"workersMin"_s, endpoint.workersMin},
        {u"executionTimeoutMs"_s, endpoint.executionTimeoutMs},
        {u"pods"_s, workers},
    };
}

QJsonObject graphqlGpuType(const SimGpuType &type)
{
    const bool priceAsString = type.quirks & QuirkPriceAsString;
    const bool spotNull = type.quirks & QuirkSpotPriceNull;
    auto price = [priceAsString](bool offered, double value) { return offered ? number(value, priceAsString) : QJsonValue(); };
    auto spot = [spotNull](bool offered, double value) { return offered && !spotNull && value > 0 ? QJsonValue(value) : QJsonValue(); };

    double onDemand = 0;
    double bid = 0;
    for (const auto &[offered, cloudPrice, spotPrice] : {std::tuple{type.secureCloud, type.securePrice, type.secureSpotPrice},
                                                         std::tuple{type.communityCloud, type.communityPrice, type.communitySpotPrice}}) {
        if (!offered)
            continue;
        onDemand = onDemand > 0 ? std::min(onDemand, cloudPrice) : cloudPrice;
        if (spotPrice > 0)
            bid = bid > 0 ? std::min(bid, spotPrice) : spotPrice;
    }
    QJsonArray counts;
    const int maxCount = type.stockStatus == QLatin1String("High") ? 8 : type.stockStatus == QLatin1String("Medium") ? 4
        : type.stockStatus == QLatin1String("Low") ? 2 : 0;
    for (int n = 1; n <= maxCount; n *= 2)
        counts.append(n);
    return QJsonObject{
        {u"id"_s, type.id},
        {u"displayName"_s, type.displayName},
        {u"memoryInGb"_s, type.memoryInGb},
        {u"secureCloud"_s, type.secureCloud},
        {u"communityCloud"_s, type.communityCloud},
        {u"securePrice"_s, price(type.secureCloud, type.securePrice)},
        {u"communityPrice"_s, price(type.communityCloud, type.communityPrice)},
        {u"secureSpotPrice"_s, spot(type.secureCloud, type.secureSpotPrice)},
        {u"communitySpotPrice"_s, spot(type.communityCloud, type.communitySpotPrice)},
        {u"maxGpuCount"_s, 8},
        {u"lowestPrice"_s, QJsonObject{
             {u"minimumBidPrice"_s, (type.quirks & QuirkBidPriceNull) || bid <= 0 ? QJsonValue() : QJsonValue(bid)},
             {u"uninterruptablePrice"_s, onDemand},
             {u"stockStatus"_s, type.stockStatus},
             {u"availableGpuCounts"_s, counts},
         }},
    };
}

QJsonObject graphqlMyself(const RunPodWorld &world, bool withPods, bool withEndpoints)
{
    QJsonObject myself{
        {u"id"_s, world.accountId()},
        {u"email"_s, world.email()},
        {u"currentSpendPerHr"_s, world.currentSpendPerHr()},
        {u"clientBalance"_s, world.clientBalance()},
        {u"spendLimit"_s, world.spendLimit()},
    };
    if (withPods) {
        QJsonArray pods;
        for (const SimPod &pod : world.pods())
            pods.append(graphqlPod(pod, world.nowMs()));
        myself.insert(u"pods"_s, pods);
    }
    if (withEndpoints) {
        QJsonArray endpoints;
        for (const SimEndpoint &endpoint : world.endpoints())
            endpoints.append(graphqlEndpoint(endpoint));
        myself.insert(u"endpoints"_s, endpoints);
    }
    return myself;
}

bool mentions(const QString &query, const QString &field)
{
    return query.contains(QRegularExpression(u"\\b%1\\b"_s.arg(field)));
}

// The input object of FIELD(input: {...}) or FIELD(input: $var), with variables resolved.
std::optional<QJsonObject> inputOf(const QString &query, const QString &field, const QJsonObject &variables)
{
    const QRegularExpression literal(u"\\b%1\\s*\\(\\s*input\\s*:\\s*\\{([^}]*)\\}"_s.arg(field));
    if (const QRegularExpressionMatch match = literal.match(query); match.hasMatch()) {
        QJsonObject input;
        static const QRegularExpression argument(u"(\\w+)\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|\\$(\\w+)|([\\w.+-]+))"_s);
        for (auto it = argument.globalMatch(match.captured(1)); it.hasNext();) {
            const QRegularExpressionMatch arg = it.next();
            if (arg.capturedStart(2) >= 0)
                input.insert(arg.captured(1), arg.captured(2));
            else if (arg.capturedStart(3) >= 0)
                input.insert(arg.captured(1), variables.value(arg.captured(3)));
            else if (bool ok = false; arg.captured(4).toDouble(&ok), ok)
                input.insert(arg.captured(1), arg.captured(4).toDouble());
            else
                input.insert(arg.captured(1), arg.captured(4));   // an enum value such as ALL
        }
        return input;
    }
    const QRegularExpression variable(u"\\b%1\\s*\\(\\s*input\\s*:\\s*\\$(\\w+)"_s.arg(field));
    if (const QRegularExpressionMatch match = variable.match(query); match.hasMatch())
        return variables.value(match.captured(1)).toObject();
    return std::nullopt;
}

QString podActionMessage(PodActionError error, const QString &podId)
{
    return error == PodActionError::NotFound ? u"pod %1 not found"_s.arg(podId)
                                             : u"pod %1 is not in a state that allows this"_s.arg(podId);
}

// --- REST v2 shapes ---------------------------------------------------------------------------

QJsonObject restPod(const SimPod &pod, qint64 nowMs)
{
    const QString proxyUser = u"%1-%2"_s.arg(pod.id, pod.machineId.left(8));
    QJsonObject object{
        {u"id"_s, pod.id},
        {u"name"_s, pod.name},
        {u"image"_s, pod.imageName},
        {u"args"_s, QString()},
        {u"disk"_s, pod.containerDiskInGb},
        {u"ports"_s, QJsonArray{u"8888/http"_s, u"22/tcp"_s}},
        {u"env"_s, QJsonObject()},
        {u"registry"_s, QJsonValue()},
        {u"status"_s, pod.desiredStatus()},
        {u"actions"_s, pod.running ? QJsonArray{u"stop"_s, u"restart"_s, u"terminate"_s} : QJsonArray{u"start"_s, u"terminate"_s}},
        {u"mounts"_s, pod.volumeInGb > 0 ? QJsonObject{{u"persistent"_s, QJsonObject{{u"size"_s, pod.volumeInGb}, {u"path"_s, u"/workspace"_s}}}}
                                         : QJsonObject()},
        {u"gpu"_s, QJsonObject{{u"id"_s, pod.gpuTypeId}, {u"count"_s, pod.gpuCount}}},
        {u"cloud"_s, pod.secureCloud ? u"SECURE"_s : u"COMMUNITY"_s},
        {u"dataCenterId"_s, pod.dataCenterId},
        {u"cudaVersion"_s, u"12.4"_s},
        {u"ssh"_s, QJsonObject{
             {u"proxy"_s, QJsonObject{{u"host"_s, u"ssh.runpod.io"_s}, {u"port"_s, 22}, {u"username"_s, proxyUser},
                                      {u"command"_s, u"ssh %1@ssh.runpod.io"_s.arg(proxyUser)}}},
             {u"direct"_s, pod.running ? QJsonValue(QJsonObject{{u"host"_s, pod.publicIp}, {u"port"_s, pod.publicPort}, {u"username"_s, u"root"_s},
                                                                {u"command"_s, u"ssh root@%1 -p %2"_s.arg(pod.publicIp).arg(pod.publicPort)}})
                                       : QJsonValue()},
         }},
        {u"template"_s, QJsonValue()},
        {u"cost"_s, pod.running ? pod.costPerHr : 0.0},
        {u"locked"_s, false},
        {u"globalNetworking"_s, QJsonObject{{u"enabled"_s, false}}},
        {u"createdAt"_s, isoTime(pod.createdAtMs)},
        {u"startedAt"_s, pod.running ? QJsonValue(isoTime(pod.startedAtMs)) : QJsonValue()},
    };
    if (!pod.running) {
        object.insert(u"runtime"_s, QJsonValue());
        return object;
    }
    QJsonArray gpus;
    for (const SimGpu &gpu : pod.gpus)
        gpus.append(QJsonObject{{u"util"_s, gpu.util}, {u"memoryUtil"_s, gpu.memoryUtil}});
    object.insert(u"runtime"_s, QJsonObject{
        {u"uptime"_s, std::max<qint64>(0, (nowMs - pod.startedAtMs) / 1000)},
        {u"gpus"_s, gpus},
        {u"cpu"_s, QJsonObject{{u"util"_s, pod.cpuPercent}}},
        {u"memory"_s, QJsonObject{{u"util"_s, pod.memoryPercent}}},
        {u"ports"_s, QJsonArray{QJsonObject{{u"private"_s, 22}, {u"public"_s, pod.publicPort}, {u"type"_s, u"tcp"_s}, {u"ip"_s, pod.publicIp}}}},
    });
    return object;
}

LoopbackResponse podActionFailure(PodActionError error, const QString &podId)
{
    return error == PodActionError::NotFound ? problem(404, u"Not Found"_s, u"pod not found"_s)
                                             : problem(409, u"Conflict"_s, u"action not valid for pod %1 in its current status"_s.arg(podId));
}

// --- serverless shapes ------------------------------------------------------------------------

QJsonObject jobJson(const SimJobView &job)
{
    QJsonObject object{{u"id"_s, job.id}, {u"status"_s, jobStatusName(job.status)}};
    switch (job.status) {
    case SimJobStatus::InQueue:
        break;
    case SimJobStatus::InProgress:
        object.insert(u"delayTime"_s, job.delayTime);
        break;
    case SimJobStatus::Completed:
        object.insert(u"delayTime"_s, job.delayTime);
        object.insert(u"executionTime"_s, job.executionTime);
        object.insert(u"output"_s, job.output);
        break;
    case SimJobStatus::Failed:
        object.insert(u"delayTime"_s, job.delayTime);
        object.insert(u"executionTime"_s, job.executionTime);
        object.insert(u"error"_s, job.error);
        break;
    case SimJobStatus::Cancelled:
        break;
    }
    return object;
}

QJsonObject healthJson(const SimEndpointHealth &health)
{
    return QJsonObject{
        {u"jobs"_s, QJsonObject{
             {u"completed"_s, health.completed},
             {u"failed"_s, health.failed},
             {u"inProgress"_s, health.inProgress},
             {u"inQueue"_s, health.inQueue},
             {u"retried"_s, health.retried},
         }},
        {u"workers"_s, QJsonObject{
             {u"idle"_s, health.idle},
             {u"initializing"_s, health.initializing},
             {u"ready"_s, health.ready},
             {u"running"_s, health.running},
             {u"throttled"_s, health.throttled},
             {u"unhealthy"_s, health.unhealthy},
         }},
    };
}

} // namespace

RunPodSimulator::RunPodSimulator(SimulatorOptions options, QObject *parent)
    : QObject(parent)
    , m_world(options.world, options.now)
    , m_server(new LoopbackServer([this](const LoopbackRequest &request) { return handle(request); }, this))
{
    m_server->setFaults(options.faults, options.world.seed);
    m_server->setLatencyMs(options.latencyMs);
}

RunPodSimulator::~RunPodSimulator() = default;

Result<quint16> RunPodSimulator::start(quint16 port)
{
    return m_server->listen(port);
}

void RunPodSimulator::stop()
{
    m_server->close();
}

QUrl RunPodSimulator::graphqlUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/graphql"_s.arg(port()));
}

QUrl RunPodSimulator::restUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/v2"_s.arg(port()));
}

QUrl RunPodSimulator::serverlessUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/v2"_s.arg(port()));
}

LoopbackResponse RunPodSimulator::handle(const LoopbackRequest &request)
{
    m_world.catchUp();
    const QString key = apiKeyOf(request);
    if (request.path == QLatin1String("/graphql")) {
        if (request.method != "POST")
            return methodNotAllowed("POST");
        if (std::optional<LoopbackResponse> rejected = rejectKey(key, true))
            return *rejected;
        if (key == QLatin1String(simulatorkeys::kInvalid))
            return graphqlErrors(200, u"Unauthorized"_s);
        return handleGraphql(request);
    }
    if (!request.path.startsWith(QLatin1String("/v2/")))
        return problem(404, u"Not Found"_s, u"no such path: %1"_s.arg(request.path));

    const QStringList segments = request.path.mid(4).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    LoopbackResponse response;
    if (std::optional<LoopbackResponse> rejected = rejectKey(key, false))
        response = *rejected;
    else if (segments.value(0) == QLatin1String("pods"))
        response = handlePods(request, segments);
    else if (segments == QStringList{u"serverless"_s} || segments == QStringList{u"catalog"_s, u"gpus"_s})
        response = handleRestList(request, segments);
    else
        response = handleServerless(request, segments);
    addRateLimitHeaders(response);
    return response;
}

LoopbackResponse RunPodSimulator::handleGraphql(const LoopbackRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    const QString query = document.object().value(u"query"_s).toString();
    if (parseError.error != QJsonParseError::NoError || query.isEmpty())
        return graphqlErrors(400, u"Must provide query string."_s);
    const QJsonObject variables = document.object().value(u"variables"_s).toObject();

    QJsonObject data;
    QJsonArray errors;
    auto addError = [&errors](const QString &message, const QString &path) {
        errors.append(QJsonObject{{u"message"_s, message}, {u"path"_s, QJsonArray{path}}});
    };

    static const QRegularExpression mutationStart(u"^\\s*mutation\\b"_s);
    if (mutationStart.match(query).hasMatch()) {
        for (const QString &name : {u"podStop"_s, u"podResume"_s, u"podTerminate"_s}) {
            const std::optional<QJsonObject> input = inputOf(query, name, variables);
            if (!input)
                continue;
            const QString podId = input->value(u"podId"_s).toString();
            if (name == QLatin1String("podTerminate")) {
                const auto result = m_world.terminatePod(podId);
                data.insert(name, QJsonValue());
                if (!result)
                    addError(podActionMessage(result.error(), podId), name);
                continue;
            }
            const auto result = name == QLatin1String("podStop") ? m_world.stopPod(podId)
                                                                  : m_world.resumePod(podId, input->value(u"gpuCount"_s).toInt());
            if (result) {
                data.insert(name, graphqlPod(*result, m_world.nowMs()));
            } else {
                data.insert(name, QJsonValue());
                addError(podActionMessage(result.error(), podId), name);
            }
        }
        if (data.isEmpty())
            return graphqlErrors(400, u"the simulator knows the mutations podStop, podResume and podTerminate"_s);
    } else {
        if (mentions(query, u"myself"_s))
            data.insert(u"myself"_s, graphqlMyself(m_world, mentions(query, u"pods"_s), mentions(query, u"endpoints"_s)));
        if (mentions(query, u"gpuTypes"_s)) {
            const QString onlyId = inputOf(query, u"gpuTypes"_s, variables).value_or(QJsonObject()).value(u"id"_s).toString();
            QJsonArray types;
            for (const SimGpuType &type : m_world.gpuTypes()) {
                if (onlyId.isEmpty() || type.id == onlyId)
                    types.append(graphqlGpuType(type));
            }
            data.insert(u"gpuTypes"_s, types);
        }
        if (const std::optional<QJsonObject> input = inputOf(query, u"pod"_s, variables)) {
            const QString podId = input->value(u"podId"_s).toString();
            if (const SimPod *pod = m_world.pod(podId)) {
                data.insert(u"pod"_s, graphqlPod(*pod, m_world.nowMs()));
            } else {
                data.insert(u"pod"_s, QJsonValue());
                addError(podActionMessage(PodActionError::NotFound, podId), u"pod"_s);
            }
        }
        if (data.isEmpty())
            return graphqlErrors(400, u"the simulator answers myself, gpuTypes and pod queries"_s);
    }

    QJsonObject body{{u"data"_s, data}};
    if (!errors.isEmpty())
        body.insert(u"errors"_s, errors);
    return jsonResponse(200, body);
}

namespace {

QJsonObject restEndpoint(const SimEndpoint &endpoint, const QUrl &serverlessBase)
{
    const QString base = serverlessBase.toString() + QLatin1Char('/') + endpoint.id;
    const bool requestCount = endpoint.scalerType == QLatin1String("REQUEST_COUNT");
    return QJsonObject{
        {u"id"_s, endpoint.id},
        {u"name"_s, endpoint.name},
        {u"type"_s, u"QUEUE"_s},
        {u"requestUrls"_s, QJsonObject{{u"run"_s, base + u"/run"_s}, {u"runSync"_s, base + u"/runsync"_s},
                                       {u"health"_s, base + u"/health"_s}}},
        {u"image"_s, u"runpod/worker-vllm:stable-cuda12.1.0"_s},
        {u"gpu"_s, QJsonObject{{u"pools"_s, QJsonArray::fromStringList(endpoint.gpuIds.split(QLatin1Char(','), Qt::SkipEmptyParts))},
                               {u"count"_s, 1}, {u"allowedCudaVersions"_s, QJsonArray()}, {u"minCudaVersion"_s, QJsonValue()}}},
        {u"workers"_s, QJsonObject{{u"min"_s, endpoint.workersMin}, {u"max"_s, endpoint.workersMax}, {u"idleTimeout"_s, endpoint.idleTimeout}}},
        {u"scaling"_s, requestCount ? QJsonObject{{u"type"_s, endpoint.scalerType}, {u"requestCount"_s, endpoint.scalerValue}}
                                    : QJsonObject{{u"type"_s, endpoint.scalerType}, {u"queueDelay"_s, endpoint.scalerValue}}},
        {u"dataCenterIds"_s, QJsonArray::fromStringList(endpoint.locations.split(QLatin1Char(','), Qt::SkipEmptyParts))},
        {u"networkVolumes"_s, QJsonArray()},
        {u"timeout"_s, endpoint.executionTimeoutMs},
        {u"flashboot"_s, u"OFF"_s},
        {u"templateId"_s, endpoint.templateId},
    };
}

// The REST catalog has list prices per cloud and no spot prices.
QJsonObject restGpuType(const SimGpuType &type)
{
    const QString availability = type.stockStatus.isEmpty() ? u"NONE"_s : type.stockStatus.toUpper();
    return QJsonObject{
        {u"id"_s, type.id},
        {u"name"_s, type.displayName},
        {u"pool"_s, QJsonValue()},
        {u"manufacturer"_s, u"NVIDIA"_s},
        {u"memory"_s, type.memoryInGb},
        {u"secure"_s, type.secureCloud},
        {u"community"_s, type.communityCloud},
        {u"price"_s, QJsonObject{{u"secure"_s, type.secureCloud ? type.securePrice : 0.0},
                                 {u"community"_s, type.communityCloud ? type.communityPrice : 0.0}}},
        {u"maxCount"_s, QJsonObject{{u"secure"_s, 8}, {u"community"_s, 8}}},
        {u"availability"_s, availability},
    };
}

} // namespace

LoopbackResponse RunPodSimulator::handleRestList(const LoopbackRequest &request, const QStringList &segments)
{
    if (request.method != "GET")
        return methodNotAllowed("GET");
    if (segments.value(0) == QLatin1String("serverless")) {
        QJsonArray endpoints;
        for (const SimEndpoint &endpoint : m_world.endpoints())
            endpoints.append(restEndpoint(endpoint, serverlessUrl()));
        return jsonResponse(200, QJsonObject{{u"endpoints"_s, endpoints}});
    }
    QJsonArray gpus;
    for (const SimGpuType &type : m_world.gpuTypes())
        gpus.append(restGpuType(type));
    return jsonResponse(200, QJsonObject{{u"gpus"_s, gpus}});
}

LoopbackResponse RunPodSimulator::handlePods(const LoopbackRequest &request, const QStringList &segments)
{
    const qint64 now = m_world.nowMs();
    if (segments.size() == 1) {
        if (request.method == "POST")
            return createPod(request);
        if (request.method != "GET")
            return methodNotAllowed("GET, POST");
        QJsonArray pods;
        for (const SimPod &pod : m_world.pods())
            pods.append(restPod(pod, now));
        return jsonResponse(200, QJsonObject{{u"pods"_s, pods}});
    }
    const QString podId = segments.at(1);
    if (segments.size() == 2) {
        if (request.method == "GET") {
            const SimPod *pod = m_world.pod(podId);
            return pod ? jsonResponse(200, restPod(*pod, now)) : podActionFailure(PodActionError::NotFound, podId);
        }
        if (request.method == "DELETE") {
            const auto result = m_world.terminatePod(podId);
            return result ? LoopbackResponse{204, {}, {}} : podActionFailure(result.error(), podId);
        }
        return methodNotAllowed("GET, DELETE");
    }
    if (segments.size() != 3)
        return problem(404, u"Not Found"_s, u"no such path: %1"_s.arg(request.path));
    if (request.method != "POST")
        return methodNotAllowed("POST");

    // The OpenAPI spec has POST /pods/{id}/action {"action": ...}; /stop and /start are the short forms.
    QString action = segments.at(2);
    if (action == QLatin1String("action")) {
        const QJsonDocument body = QJsonDocument::fromJson(request.body);
        action = body.object().value(u"action"_s).toString();
        if (action.isEmpty())
            return problem(422, u"Unprocessable Entity"_s, u"body must be {\"action\": \"start|stop|restart|terminate\"}"_s);
    }
    std::expected<SimPod, PodActionError> result = std::unexpected(PodActionError::NotFound);
    if (action == QLatin1String("stop")) {
        result = m_world.stopPod(podId);
    } else if (action == QLatin1String("start")) {
        result = m_world.resumePod(podId);
    } else if (action == QLatin1String("restart")) {
        result = m_world.restartPod(podId);
    } else if (action == QLatin1String("terminate")) {
        const auto terminated = m_world.terminatePod(podId);
        return terminated ? LoopbackResponse{204, {}, {}} : podActionFailure(terminated.error(), podId);
    } else {
        return problem(422, u"Unprocessable Entity"_s, u"unknown action '%1'"_s.arg(action));
    }
    return result ? jsonResponse(200, restPod(*result, m_world.nowMs())) : podActionFailure(result.error(), podId);
}

LoopbackResponse RunPodSimulator::createPod(const LoopbackRequest &request)
{
    // The create-pod body of RunPod's REST reference: gpuTypeIds (in order of preference), gpuCount,
    // cloudType, computeType, imageName, name, interruptible, dataCenterIds.
    QJsonParseError parseError;
    const QJsonObject body = QJsonDocument::fromJson(request.body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return problem(400, u"Bad Request"_s, u"the body is not JSON: %1"_s.arg(parseError.errorString()));
    if (body.value(u"computeType"_s).toString(u"GPU"_s) != QLatin1String("GPU"))
        return problem(400, u"Bad Request"_s, u"only GPU pods are simulated"_s);
    const QString cloud = body.value(u"cloudType"_s).toString(u"SECURE"_s);
    if (cloud != QLatin1String("SECURE") && cloud != QLatin1String("COMMUNITY"))
        return problem(400, u"Bad Request"_s, u"cloudType must be SECURE or COMMUNITY"_s);
    const QJsonArray types = body.value(u"gpuTypeIds"_s).toArray();
    if (types.isEmpty() || body.value(u"imageName"_s).toString().isEmpty())
        return problem(400, u"Bad Request"_s, u"gpuTypeIds and imageName are required for a GPU pod"_s);
    const int gpuCount = body.value(u"gpuCount"_s).toInt(1);
    if (gpuCount < 1 || gpuCount > 8)
        return problem(400, u"Bad Request"_s, u"gpuCount must be from 1 to 8"_s);
    SimPodSpec spec;
    spec.name = body.value(u"name"_s).toString();
    spec.imageName = body.value(u"imageName"_s).toString();
    spec.gpuCount = gpuCount;
    spec.secureCloud = cloud == QLatin1String("SECURE");
    spec.interruptible = body.value(u"interruptible"_s).toBool();
    spec.dataCenterId = body.value(u"dataCenterIds"_s).toArray().first().toString();
    QString refusal;
    for (const QJsonValue type : types) {
        spec.gpuTypeId = type.toString();
        const auto created = m_world.createPod(spec);
        if (created)
            return jsonResponse(201, restPod(*created, m_world.nowMs()));
        refusal = created.error();
    }
    return problem(400, u"Bad Request"_s, refusal);
}

LoopbackResponse RunPodSimulator::handleServerless(const LoopbackRequest &request, const QStringList &segments)
{
    const QString endpointId = segments.value(0);
    const QString operation = segments.value(1);
    if (!m_world.endpoint(endpointId))
        return problem(404, u"Not Found"_s, u"endpoint not found"_s);

    if (operation == QLatin1String("health") && segments.size() == 2) {
        if (request.method != "GET")
            return methodNotAllowed("GET");
        return jsonResponse(200, healthJson(*m_world.health(endpointId)));
    }
    if ((operation == QLatin1String("run") || operation == QLatin1String("runsync")) && segments.size() == 2) {
        if (request.method != "POST")
            return methodNotAllowed("POST");
        QJsonParseError parseError;
        const QJsonDocument body = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !body.object().contains(u"input"_s))
            return problem(400, u"Bad Request"_s, u"body must be a JSON object with an \"input\" field"_s);
        const std::optional<SimJobView> job = m_world.submitJob(endpointId, body.object().value(u"input"_s), operation == QLatin1String("runsync"));
        return jsonResponse(200, jobJson(*job));
    }
    if ((operation == QLatin1String("status") || operation == QLatin1String("cancel")) && segments.size() == 3) {
        const bool cancel = operation == QLatin1String("cancel");
        if (cancel ? request.method != "POST" : (request.method != "GET" && request.method != "POST"))
            return methodNotAllowed(cancel ? "POST" : "GET, POST");
        const std::optional<SimJobView> job = cancel ? m_world.cancelJob(endpointId, segments.at(2)) : m_world.job(endpointId, segments.at(2));
        if (!job)
            return problem(404, u"Not Found"_s, u"job not found"_s);
        return jsonResponse(200, jobJson(*job));
    }
    return problem(404, u"Not Found"_s, u"no such serverless operation: %1"_s.arg(request.path));
}

void RunPodSimulator::addRateLimitHeaders(LoopbackResponse &response)
{
    // Reported, not enforced: 429s come from the fault plan, so tests choose when they happen.
    const qint64 now = m_world.nowMs();
    const qint64 windowStart = now - now % 60'000;
    if (windowStart != m_windowStartMs) {
        m_windowStartMs = windowStart;
        m_windowCount = 0;
    }
    ++m_windowCount;
    const int remaining = std::max(0, kRateLimitPerMinute - m_windowCount);
    const qint64 reset = (windowStart + 60'000 - now + 999) / 1000;
    response.headers.append({QByteArrayLiteral("RateLimit-Limit"), QByteArray::number(kRateLimitPerMinute)});
    response.headers.append({QByteArrayLiteral("RateLimit-Remaining"), QByteArray::number(remaining)});
    response.headers.append({QByteArrayLiteral("RateLimit-Reset"), QByteArray::number(reset)});
    // The structured form the REST v2 OpenAPI spec documents.
    response.headers.append({QByteArrayLiteral("RateLimit"), "\"minute\";r=" + QByteArray::number(remaining) + ";t=" + QByteArray::number(reset)});
    response.headers.append({QByteArrayLiteral("RateLimit-Policy"), "\"minute\";q=" + QByteArray::number(kRateLimitPerMinute) + ";w=60"});
}

SimulatorThread::SimulatorThread(SimulatorOptions options)
    : m_simulator(new RunPodSimulator(options))
    , m_digitalOcean(new DigitalOceanSimulator(options.now ? options.now() : QDateTime::currentMSecsSinceEpoch(), options.now))
{
    m_thread.setObjectName(u"simulator"_s);
    for (QObject *simulator : std::initializer_list<QObject *>{m_simulator, m_digitalOcean}) {
        simulator->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, simulator, &QObject::deleteLater);
    }
    m_thread.start();
}

SimulatorThread::~SimulatorThread()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

Result<quint16> SimulatorThread::start(quint16 port)
{
    std::optional<Result<quint16>> result;
    QMetaObject::invokeMethod(m_simulator, [this, port, &result] { result = m_simulator->start(port); }, Qt::BlockingQueuedConnection);
    if (*result)
        m_port = **result;
    return *result;
}

Result<quint16> SimulatorThread::startDigitalOcean(quint16 port)
{
    std::optional<Result<quint16>> result;
    QMetaObject::invokeMethod(m_digitalOcean, [this, port, &result] { result = m_digitalOcean->start(port); }, Qt::BlockingQueuedConnection);
    if (*result)
        m_digitalOceanPort = **result;
    return *result;
}

void SimulatorThread::stop()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(m_simulator, [this] {
            m_simulator->stop();
            m_digitalOcean->stop();
        }, Qt::BlockingQueuedConnection);
    }
    m_port = 0;
    m_digitalOceanPort = 0;
}

} // namespace fleetscope
