// DescriptorSimulator: instance lists and lifecycle endpoints of the descriptor providers, in the
// shapes of their public API references (list envelopes, action objects, error bodies).
#include "descriptorsimulator.h"

#include "digitaloceansimulator.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace fleetscope {
namespace {

// Each kind's API base path, under the kind's own prefix.
const QMap<QString, QString> &apiPaths()
{
    static const QMap<QString, QString> paths{
        {QStringLiteral("vultr"), QStringLiteral("/v2")},     {QStringLiteral("digitalocean"), QStringLiteral("/v2")},
        {QStringLiteral("linode"), QStringLiteral("/v4")},    {QStringLiteral("hetzner"), QStringLiteral("/v1")},
        {QStringLiteral("lambda"), QStringLiteral("/api/v1")}, {QStringLiteral("paperspace"), QStringLiteral("/v1")},
        {QStringLiteral("kubernetes"), QString()},            {QStringLiteral("coreweave"), QString()},
        {QStringLiteral("docker"), QString()},                {QStringLiteral("ovh"), QStringLiteral("/1.0")},
    };
    return paths;
}

LoopbackResponse json(int status, const QJsonValue &body)
{
    return LoopbackResponse::withJson(status, body);
}

LoopbackResponse noContent(int status = 204)
{
    LoopbackResponse response;
    response.status = status;
    return response;
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString idText(const QJsonValue &value)
{
    return value.isDouble() ? QString::number(qint64(value.toDouble())) : value.toString();
}

// The index of the first item MATCH accepts, or -1.
qsizetype find(const QJsonArray &items, const std::function<bool(const QJsonObject &)> &match)
{
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (match(items.at(i).toObject()))
            return i;
    }
    return -1;
}

qsizetype findById(const QJsonArray &items, const QString &key, const QString &id)
{
    return find(items, [&key, &id](const QJsonObject &item) { return idText(item.value(key)) == id; });
}

void setField(QJsonArray &items, qsizetype index, const QString &key, const QJsonValue &value)
{
    QJsonObject item = items.at(index).toObject();
    item.insert(key, value);
    items.replace(index, item);
}

QRegularExpressionMatch matchPath(const QString &pattern, const QString &path)
{
    return QRegularExpression(QStringLiteral("^") + pattern + QStringLiteral("$")).match(path);
}

QJsonObject kubernetesList(const QString &kind, const QJsonArray &items)
{
    return QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), QStringLiteral("1")}}},
                       {QStringLiteral("items"), items}};
}

LoopbackResponse kubernetesNotFound(const QString &name)
{
    return json(404, QJsonObject{{QStringLiteral("kind"), QStringLiteral("Status")}, {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                 {QStringLiteral("metadata"), QJsonObject()}, {QStringLiteral("status"), QStringLiteral("Failure")},
                                 {QStringLiteral("message"), QStringLiteral("pods \"%1\" not found").arg(name)},
                                 {QStringLiteral("reason"), QStringLiteral("NotFound")},
                                 {QStringLiteral("details"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("kind"), QStringLiteral("pods")}}},
                                 {QStringLiteral("code"), 404}});
}

} // namespace

DescriptorSimulator::DescriptorSimulator(QObject *parent)
    : QObject(parent)
    , m_server(new LoopbackServer([this](const LoopbackRequest &request) { return handle(request); }, this))
{
}

QStringList DescriptorSimulator::kinds()
{
    return apiPaths().keys();
}

Result<quint16> DescriptorSimulator::start(quint16 port)
{
    return m_server->listen(port);
}

void DescriptorSimulator::stop()
{
    m_server->close();
}

QString DescriptorSimulator::baseUrl(const QString &kind) const
{
    return QStringLiteral("http://127.0.0.1:%1/%2%3").arg(m_server->port()).arg(kind, apiPaths().value(kind));
}

void DescriptorSimulator::setInstances(const QString &kind, const QJsonArray &items)
{
    m_instances.insert(kind, items);
}

QJsonArray DescriptorSimulator::instances(const QString &kind) const
{
    return m_instances.value(kind);
}

LoopbackResponse DescriptorSimulator::handle(const LoopbackRequest &request)
{
    const QString kind = request.path.section(QLatin1Char('/'), 1, 1);
    const auto api = apiPaths().constFind(kind);
    const QString rest = request.path.mid(kind.size() + 1);
    if (api == apiPaths().cend() || !rest.startsWith(*api))
        return json(404, QJsonObject{{QStringLiteral("message"), QStringLiteral("no such API: %1").arg(request.path)}});
    const QString path = rest.mid(api->size());
    if (!authorized(kind, request, path))
        return json(401, QJsonObject{{QStringLiteral("message"), QStringLiteral("the credential is missing or wrong")}});
    if (request.method == "GET")
        return list(kind, request, path);
    if (std::optional<LoopbackResponse> answer = launch(kind, request, path))
        return *answer;
    if (std::optional<LoopbackResponse> answer = act(kind, request, path))
        return *answer;
    return json(405, QJsonObject{{QStringLiteral("message"), QStringLiteral("%1 %2 is not simulated").arg(QString::fromLatin1(request.method), path)}});
}

bool DescriptorSimulator::authorized(const QString &kind, const LoopbackRequest &request, const QString &path) const
{
    if (m_secret.isEmpty() || kind == QLatin1String("docker") || (kind == QLatin1String("ovh") && path == QLatin1String("/auth/time")))
        return true;
    if (kind == QLatin1String("ovh")) {
        const QByteArray application = QJsonDocument::fromJson(m_secret).object().value(QLatin1String("application_key")).toString().toUtf8();
        return !application.isEmpty() && request.header("X-Ovh-Application") == application && !request.header("X-Ovh-Signature").isEmpty()
               && !request.header("X-Ovh-Timestamp").isEmpty();
    }
    return request.header("Authorization") == "Bearer " + m_secret || request.header("X-Api-Key") == m_secret;
}

LoopbackResponse DescriptorSimulator::list(const QString &kind, const LoopbackRequest &request, const QString &path) const
{
    const QJsonArray items = m_instances.value(kind);
    const int n = int(items.size());
    if (kind == QLatin1String("vultr") && path == QLatin1String("/instances"))
        return json(200, QJsonObject{{QStringLiteral("instances"), items},
                                     {QStringLiteral("meta"), QJsonObject{{QStringLiteral("total"), n},
                                                                          {QStringLiteral("links"), QJsonObject{{QStringLiteral("next"), QString()},
                                                                                                                {QStringLiteral("prev"), QString()}}}}}});
    if (kind == QLatin1String("digitalocean") && path == QLatin1String("/droplets"))
        return json(200, QJsonObject{{QStringLiteral("droplets"), items}, {QStringLiteral("links"), QJsonObject()},
                                     {QStringLiteral("meta"), QJsonObject{{QStringLiteral("total"), n}}}});
    if (kind == QLatin1String("linode") && path == QLatin1String("/linode/instances"))
        return json(200, QJsonObject{{QStringLiteral("data"), items}, {QStringLiteral("page"), 1}, {QStringLiteral("pages"), 1},
                                     {QStringLiteral("results"), n}});
    if (kind == QLatin1String("hetzner") && path == QLatin1String("/servers")) {
        const QJsonObject pagination{{QStringLiteral("page"), 1}, {QStringLiteral("per_page"), 50}, {QStringLiteral("previous_page"), QJsonValue::Null},
                                     {QStringLiteral("next_page"), QJsonValue::Null}, {QStringLiteral("last_page"), 1},
                                     {QStringLiteral("total_entries"), n}};
        return json(200, QJsonObject{{QStringLiteral("servers"), items}, {QStringLiteral("meta"), QJsonObject{{QStringLiteral("pagination"), pagination}}}});
    }
    if (kind == QLatin1String("lambda") && path == QLatin1String("/instances"))
        return json(200, QJsonObject{{QStringLiteral("data"), items}});
    if (kind == QLatin1String("paperspace") && path == QLatin1String("/machines"))
        return json(200, QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("hasMore"), false}, {QStringLiteral("nextPage"), QJsonValue::Null}});
    if (kind == QLatin1String("kubernetes") || kind == QLatin1String("coreweave")) {
        if (path == QLatin1String("/api/v1/nodes"))
            return json(200, kubernetesList(QStringLiteral("NodeList"), {}));
        if (path == QLatin1String("/api/v1/pods"))
            return json(200, kubernetesList(QStringLiteral("PodList"), items));
        if (const QRegularExpressionMatch m = matchPath(QStringLiteral("/api/v1/namespaces/([^/]+)/pods"), path); m.hasMatch()) {
            QJsonArray inNamespace;
            for (const QJsonValue pod : items) {
                if (pod[QLatin1String("metadata")][QLatin1String("namespace")].toString() == m.captured(1))
                    inNamespace.append(pod);
            }
            return json(200, kubernetesList(QStringLiteral("PodList"), inNamespace));
        }
    }
    if (kind == QLatin1String("docker") && path == QLatin1String("/containers/json")) {
        const QString all = request.query.queryItemValue(QStringLiteral("all"));
        if (all == QLatin1String("true") || all == QLatin1String("1"))
            return json(200, items);
        QJsonArray running;   // without all, the Engine lists running containers only
        for (const QJsonValue container : items) {
            if (container[QLatin1String("State")].toString() == QLatin1String("running"))
                running.append(container);
        }
        return json(200, running);
    }
    if (kind == QLatin1String("ovh")) {
        if (path == QLatin1String("/auth/time"))
            return LoopbackResponse::withBody(200, "application/json", QByteArray::number(QDateTime::currentSecsSinceEpoch()));
        if (matchPath(QStringLiteral("/cloud/project/[^/]+/instance"), path).hasMatch())
            return json(200, items);
    }
    return json(404, QJsonObject{{QStringLiteral("message"), QStringLiteral("no list at %1").arg(path)}});
}

namespace {

// A lifecycle call on one provider's simulated instances.
struct ActionCall {
    QJsonArray &items;             // the provider's instances, changed by the call
    const LoopbackRequest &request;
    const QString &path;           // below the provider's API base
    qint64 actionId;               // for providers that answer with an action object
};

// Each provider's lifecycle calls below answer as its API does; nullopt: not one of its action calls.

// The calls of providers with one status field: DELETE …/ID removes the instance, POST …/ID/VERB
// sets the field, to STOPPED for the stopping verb and to RUNNING for the others.
struct StatusVerbs {
    QString pattern;                          // captures ID, then VERB where given
    QJsonValue (*notFound)(const QString &id);
    QString field;
    QString stopVerb;
    QString stopped;
    QString running;
    LoopbackResponse done;                    // the answer to a call that worked
};

std::optional<LoopbackResponse> statusVerbCall(const ActionCall &call, const StatusVerbs &verbs)
{
    const QRegularExpressionMatch m = matchPath(verbs.pattern, call.path);
    if (!m.hasMatch())
        return std::nullopt;
    const qsizetype i = findById(call.items, QStringLiteral("id"), m.captured(1));
    if (i < 0)
        return json(404, verbs.notFound(m.captured(1)));
    const QByteArray &method = call.request.method;
    if (method == "DELETE" && m.captured(2).isEmpty())
        call.items.removeAt(i);
    else if (method == "POST" && !m.captured(2).isEmpty())
        setField(call.items, i, verbs.field, m.captured(2) == verbs.stopVerb ? verbs.stopped : verbs.running);
    else
        return std::nullopt;
    return verbs.done;
}

std::optional<LoopbackResponse> vultrCall(const ActionCall &call)
{
    return statusVerbCall(call, {QStringLiteral("/instances/([^/]+)(?:/(start|halt|reboot))?"),
                                 [](const QString &) -> QJsonValue {
                                     return QJsonObject{{QStringLiteral("error"), QStringLiteral("Invalid instance-id.")}, {QStringLiteral("status"), 404}};
                                 },
                                 QStringLiteral("power_status"), QStringLiteral("halt"), QStringLiteral("stopped"), QStringLiteral("running"), noContent()});
}

std::optional<LoopbackResponse> linodeCall(const ActionCall &call)
{
    return statusVerbCall(call, {QStringLiteral("/linode/instances/(\\d+)(?:/(boot|shutdown|reboot))?"),
                                 [](const QString &) -> QJsonValue {
                                     return QJsonObject{{QStringLiteral("errors"), QJsonArray{QJsonObject{{QStringLiteral("reason"), QStringLiteral("Not found")}}}}};
                                 },
                                 QStringLiteral("status"), QStringLiteral("shutdown"), QStringLiteral("offline"), QStringLiteral("running"),
                                 json(200, QJsonObject())});
}

std::optional<LoopbackResponse> ovhCall(const ActionCall &call)
{
    return statusVerbCall(call, {QStringLiteral("/cloud/project/[^/]+/instance/([^/]+)(?:/(start|stop|reboot))?"),
                                 [](const QString &id) -> QJsonValue {
                                     return QJsonObject{{QStringLiteral("class"), QStringLiteral("Client::NotFound")},
                                                        {QStringLiteral("message"), QStringLiteral("Instance %1 not found").arg(id)}};
                                 },
                                 QStringLiteral("status"), QStringLiteral("stop"), QStringLiteral("SHUTOFF"), QStringLiteral("ACTIVE"),
                                 json(200, QJsonValue::Null)});   // OVH's lifecycle calls answer null
}

std::optional<LoopbackResponse> digitalOceanCall(const ActionCall &call)
{
    QJsonArray &items = call.items;
    const QByteArray &method = call.request.method;
    const QString &path = call.path;
    const QRegularExpressionMatch m = matchPath(QStringLiteral("/droplets/(\\d+)(/actions)?"), path);
    if (!m.hasMatch())
        return std::nullopt;
    const qsizetype i = findById(items, QStringLiteral("id"), m.captured(1));
    if (i < 0)
        return json(404, QJsonObject{{QStringLiteral("id"), QStringLiteral("not_found")},
                                     {QStringLiteral("message"), QStringLiteral("The resource you were accessing could not be found.")}});
    if (method == "DELETE" && m.captured(2).isEmpty()) {
        items.removeAt(i);
        return noContent();
    }
    if (method != "POST" || m.captured(2).isEmpty())
        return std::nullopt;
    const QString type = QJsonDocument::fromJson(call.request.body).object().value(QStringLiteral("type")).toString();
    const std::optional<bool> poweredOn = digitalOceanPoweredOnAfter(type);
    if (!poweredOn)
        return json(422, QJsonObject{{QStringLiteral("id"), QStringLiteral("unprocessable_entity")},
                                     {QStringLiteral("message"), QStringLiteral("Action type '%1' is not allowed.").arg(type)}});
    setField(items, i, QStringLiteral("status"), *poweredOn ? QStringLiteral("active") : QStringLiteral("off"));
    const QJsonObject droplet = items.at(i).toObject();
    return json(201, digitalOceanAction(call.actionId, type, qint64(droplet.value(QStringLiteral("id")).toDouble()),
                                        droplet[QLatin1String("region")][QLatin1String("slug")].toString()));
}

std::optional<LoopbackResponse> hetznerCall(const ActionCall &call)
{
    QJsonArray &items = call.items;
    const QByteArray &method = call.request.method;
    const QString &path = call.path;
    const QRegularExpressionMatch m = matchPath(QStringLiteral("/servers/(\\d+)(?:/actions/(poweron|shutdown|poweroff|reboot))?"), path);
    if (!m.hasMatch())
        return std::nullopt;
    const qsizetype i = findById(items, QStringLiteral("id"), m.captured(1));
    if (i < 0)
        return json(404, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("not_found")},
                                                                           {QStringLiteral("message"), QStringLiteral("server with ID '%1' not found").arg(m.captured(1))},
                                                                           {QStringLiteral("details"), QJsonObject()}}}});
    const QJsonValue serverId = items.at(i).toObject().value(QStringLiteral("id"));
    auto action = [&](const QString &command) {
        return QJsonObject{{QStringLiteral("action"),
                            QJsonObject{{QStringLiteral("id"), call.actionId}, {QStringLiteral("command"), command}, {QStringLiteral("status"), QStringLiteral("running")},
                                        {QStringLiteral("progress"), 0}, {QStringLiteral("started"), now()}, {QStringLiteral("finished"), QJsonValue::Null},
                                        {QStringLiteral("resources"), QJsonArray{QJsonObject{{QStringLiteral("id"), serverId}, {QStringLiteral("type"), QStringLiteral("server")}}}},
                                        {QStringLiteral("error"), QJsonValue::Null}}}};
    };
    if (method == "DELETE" && m.captured(2).isEmpty()) {
        items.removeAt(i);
        return json(200, action(QStringLiteral("delete_server")));
    }
    if (method != "POST" || m.captured(2).isEmpty())
        return std::nullopt;
    static const QMap<QString, std::pair<QString, QString>> commands{
        {QStringLiteral("poweron"), {QStringLiteral("start_server"), QStringLiteral("running")}},
        {QStringLiteral("shutdown"), {QStringLiteral("shutdown_server"), QStringLiteral("off")}},
        {QStringLiteral("poweroff"), {QStringLiteral("stop_server"), QStringLiteral("off")}},
        {QStringLiteral("reboot"), {QStringLiteral("reboot_server"), QStringLiteral("running")}}};
    const auto [command, status] = commands.value(m.captured(2));
    setField(items, i, QStringLiteral("status"), status);
    return json(201, action(command));
}

std::optional<LoopbackResponse> lambdaCall(const ActionCall &call)
{
    QJsonArray &items = call.items;
    const QByteArray &method = call.request.method;
    const QString &path = call.path;
    const QRegularExpressionMatch m = matchPath(QStringLiteral("/instance-operations/(restart|terminate)"), path);
    if (!m.hasMatch() || method != "POST")
        return std::nullopt;
    const QJsonArray ids = QJsonDocument::fromJson(call.request.body).object().value(QStringLiteral("instance_ids")).toArray();
    QList<qsizetype> found;
    for (const QJsonValue id : ids) {
        const qsizetype i = findById(items, QStringLiteral("id"), id.toString());
        if (i < 0)
            return json(404, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("global/object-does-not-exist")},
                                                                               {QStringLiteral("message"), QStringLiteral("Specified instance does not exist.")}}}});
        found << i;
    }
    if (found.isEmpty())
        return json(400, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("global/invalid-parameters")},
                                                                           {QStringLiteral("message"), QStringLiteral("instance_ids must not be empty.")}}}});
    const bool terminate = m.captured(1) == QLatin1String("terminate");
    QJsonArray changed;
    for (qsizetype i : std::as_const(found)) {
        setField(items, i, QStringLiteral("status"), terminate ? QStringLiteral("terminating") : QStringLiteral("booting"));
        changed.append(items.at(i));
    }
    const QString key = terminate ? QStringLiteral("terminated_instances") : QStringLiteral("restarted_instances");
    return json(200, QJsonObject{{QStringLiteral("data"), QJsonObject{{key, changed}}}});
}

std::optional<LoopbackResponse> paperspaceCall(const ActionCall &call)
{
    QJsonArray &items = call.items;
    const QByteArray &method = call.request.method;
    const QString &path = call.path;
    const QRegularExpressionMatch m = matchPath(QStringLiteral("/machines/([^/]+)(?:/(start|stop|restart))?"), path);
    if (!m.hasMatch())
        return std::nullopt;
    const qsizetype i = findById(items, QStringLiteral("id"), m.captured(1));
    if (i < 0)
        return json(404, QJsonObject{{QStringLiteral("message"), QStringLiteral("Machine not found")}, {QStringLiteral("status"), 404}});
    const QJsonObject machine = items.at(i).toObject();
    if (method == "DELETE" && m.captured(2).isEmpty()) {
        items.removeAt(i);
        return json(200, machine);
    }
    if (method != "PATCH" || m.captured(2).isEmpty())
        return std::nullopt;
    setField(items, i, QStringLiteral("state"), m.captured(2) == QLatin1String("stop") ? QStringLiteral("off") : QStringLiteral("ready"));
    return json(200, items.at(i));
}

std::optional<LoopbackResponse> kubernetesCall(const ActionCall &call)
{
    QJsonArray &items = call.items;
    const QByteArray &method = call.request.method;
    const QString &path = call.path;
    const QRegularExpressionMatch m = matchPath(QStringLiteral("/api/v1/namespaces/([^/]+)/pods/([^/]+)"), path);
    if (!m.hasMatch() || method != "DELETE")
        return std::nullopt;
    const qsizetype i = find(items, [&m](const QJsonObject &pod) {
        const QJsonObject metadata = pod.value(QStringLiteral("metadata")).toObject();
        return metadata.value(QStringLiteral("namespace")).toString() == m.captured(1) && metadata.value(QStringLiteral("name")).toString() == m.captured(2);
    });
    if (i < 0)
        return kubernetesNotFound(m.captured(2));
    QJsonObject pod = items.at(i).toObject();
    QJsonObject metadata = pod.value(QStringLiteral("metadata")).toObject();
    metadata.insert(QStringLiteral("deletionTimestamp"), now());
    pod.insert(QStringLiteral("metadata"), metadata);
    items.removeAt(i);   // no grace period here: the next list no longer has it
    return json(200, pod);
}

std::optional<LoopbackResponse> dockerCall(const ActionCall &call)
{
    QJsonArray &items = call.items;
    const QByteArray &method = call.request.method;
    const QString &path = call.path;
    const QRegularExpressionMatch m = matchPath(QStringLiteral("/containers/([^/]+)(?:/(start|stop|restart))?"), path);
    if (!m.hasMatch())
        return std::nullopt;
    // The Engine takes a full id, a unique id prefix or a name.
    const QString ref = m.captured(1);
    const qsizetype i = find(items, [&ref](const QJsonObject &c) {
        return c.value(QStringLiteral("Id")).toString().startsWith(ref)
            || c.value(QStringLiteral("Names")).toArray().contains(QJsonValue(QLatin1Char('/') + ref));
    });
    if (i < 0)
        return json(404, QJsonObject{{QStringLiteral("message"), QStringLiteral("No such container: %1").arg(ref)}});
    const QJsonObject container = items.at(i).toObject();
    const bool running = container.value(QStringLiteral("State")).toString() == QLatin1String("running");
    if (method == "DELETE" && m.captured(2).isEmpty()) {
        if (running)
            return json(409, QJsonObject{{QStringLiteral("message"),
                                          QStringLiteral("cannot remove container \"%1\": container is running: stop the container before removing or force remove")
                                              .arg(container.value(QStringLiteral("Names")).toArray().first().toString())}});
        items.removeAt(i);
        return noContent();
    }
    if (method != "POST" || m.captured(2).isEmpty())
        return std::nullopt;
    const QString verb = m.captured(2);
    if ((verb == QLatin1String("start") && running) || (verb == QLatin1String("stop") && !running))
        return noContent(304);
    const bool nowRunning = verb != QLatin1String("stop");
    setField(items, i, QStringLiteral("State"), nowRunning ? QStringLiteral("running") : QStringLiteral("exited"));
    setField(items, i, QStringLiteral("Status"), nowRunning ? QStringLiteral("Up Less than a second") : QStringLiteral("Exited (0) Less than a second ago"));
    return noContent();
}

using ActionHandler = std::optional<LoopbackResponse> (*)(const ActionCall &call);

} // namespace

std::optional<LoopbackResponse> DescriptorSimulator::act(const QString &kind, const LoopbackRequest &request, const QString &path)
{
    static const QHash<QString, ActionHandler> kHandlers{
        {QStringLiteral("vultr"), &vultrCall},
        {QStringLiteral("digitalocean"), &digitalOceanCall},
        {QStringLiteral("linode"), &linodeCall},
        {QStringLiteral("hetzner"), &hetznerCall},
        {QStringLiteral("lambda"), &lambdaCall},
        {QStringLiteral("paperspace"), &paperspaceCall},
        {QStringLiteral("kubernetes"), &kubernetesCall},
        {QStringLiteral("coreweave"), &kubernetesCall},
        {QStringLiteral("docker"), &dockerCall},
        {QStringLiteral("ovh"), &ovhCall}};
    const ActionHandler handler = kHandlers.value(kind);
    if (!handler)
        return std::nullopt;
    return handler(ActionCall{m_instances[kind], request, path, m_nextActionId++});
}

} // namespace fleetscope
