// DescriptorSimulator's launches: each provider's create call with its required fields, its
// refusals of unknown regions and plans (status and error body as the provider sends them), and
// the new instance in the list shape, answered as the provider answers (Vultr and Hetzner include a
// generated password in the reply, which Fleetscope must never show or keep).
#include "descriptorsimulator.h"

#include "digitaloceansimulator.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace fleetscope {
namespace {

QStringList names(const char *spaced)
{
    return QString::fromLatin1(spaced).split(QLatin1Char(' '));
}

// A few of each provider's real regions and plans; tests may set others.
const QMap<QString, std::pair<QStringList, QStringList>> &defaultCatalogs()
{
    static const QMap<QString, std::pair<QStringList, QStringList>> catalogs{
        {QStringLiteral("vultr"), {names("ewr ord atl sea lax ams fra"),
                                   names("vcg-a100-1c-6g-4vram vcg-a100-2c-15g-10vram vcg-l40s-16c-180g-48vram vhf-8c-32gb vc2-6c-16gb")}},
        {QStringLiteral("digitalocean"), {names("nyc1 nyc2 tor1 ams3 atl1 sfo3"),
                                          names("gpu-h100x1-80gb gpu-h100x8-640gb gpu-mi300x1-192gb s-1vcpu-1gb")}},
        {QStringLiteral("hetzner"), {names("fsn1 nbg1 hel1 ash hil"), names("cpx22 cx22 cpx31 ccx33")}},
        {QStringLiteral("lambda"), {names("us-tx-1 us-az-1 us-east-1 us-west-1"),
                                    names("gpu_1x_a100 gpu_4x_a6000 gpu_1x_h100_pcie gpu_8x_h100_sxm5")}},
    };
    return catalogs;
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString text(const QJsonObject &body, const char *key)
{
    return body.value(QLatin1String(key)).toString();
}

// The password Vultr and Hetzner generate for a new machine: in the reply only, never in lists.
QString generatedPassword()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(16);
}

LoopbackResponse vultrError(const QString &message)
{
    return LoopbackResponse::withJson(400, QJsonObject{{QStringLiteral("error"), message}, {QStringLiteral("status"), 400}});
}

LoopbackResponse digitalOceanError(const QString &message)
{
    return LoopbackResponse::withJson(422, QJsonObject{{QStringLiteral("id"), QStringLiteral("unprocessable_entity")}, {QStringLiteral("message"), message}});
}

LoopbackResponse hetznerError(const QString &field)
{
    const QJsonObject details{{QStringLiteral("fields"), QJsonArray{QJsonObject{{QStringLiteral("name"), field},
                                                                                {QStringLiteral("messages"), QJsonArray{QStringLiteral("is invalid")}}}}}};
    return LoopbackResponse::withJson(422, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid_input")},
                                                                                          {QStringLiteral("message"), QStringLiteral("invalid input in field '%1'").arg(field)},
                                                                                          {QStringLiteral("details"), details}}}});
}

LoopbackResponse lambdaError(const QString &message)
{
    return LoopbackResponse::withJson(400, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("global/invalid-parameters")},
                                                                                          {QStringLiteral("message"), message}}}});
}

} // namespace

void DescriptorSimulator::setLaunchCatalog(const QString &kind, const QStringList &regions, const QStringList &plans)
{
    m_launchCatalogs.insert(kind, {regions, plans});
}

std::optional<LoopbackResponse> DescriptorSimulator::launch(const QString &kind, const LoopbackRequest &request, const QString &path)
{
    static const QMap<QString, QString> paths{{QStringLiteral("vultr"), QStringLiteral("/instances")},
                                              {QStringLiteral("digitalocean"), QStringLiteral("/droplets")},
                                              {QStringLiteral("hetzner"), QStringLiteral("/servers")},
                                              {QStringLiteral("lambda"), QStringLiteral("/instance-operations/launch")}};
    if (request.method != "POST" || paths.value(kind) != path)
        return std::nullopt;
    const auto [regions, plans] = m_launchCatalogs.value(kind, defaultCatalogs().value(kind));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QJsonArray &items = m_instances[kind];
    const qint64 number = m_nextActionId++;

    if (kind == QLatin1String("vultr")) {
        if (!regions.contains(text(body, "region")))
            return vultrError(QStringLiteral("Invalid region."));
        if (!plans.contains(text(body, "plan")))
            return vultrError(QStringLiteral("Invalid plan."));
        const QJsonValue os = body.value(QStringLiteral("os_id"));
        if (!os.isDouble() && !body.contains(QStringLiteral("image_id")) && !body.contains(QStringLiteral("snapshot_id")))
            return vultrError(QStringLiteral("You must specify an os_id, iso_id, app_id, image_id or snapshot_id."));
        QJsonObject instance{{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)}, {QStringLiteral("os"), QStringLiteral("Ubuntu 24.04 LTS x64")},
                             {QStringLiteral("ram"), 6144}, {QStringLiteral("disk"), 0}, {QStringLiteral("main_ip"), QStringLiteral("0.0.0.0")},
                             {QStringLiteral("vcpu_count"), 1}, {QStringLiteral("region"), text(body, "region")}, {QStringLiteral("plan"), text(body, "plan")},
                             {QStringLiteral("date_created"), now()}, {QStringLiteral("status"), QStringLiteral("pending")},
                             {QStringLiteral("power_status"), QStringLiteral("running")}, {QStringLiteral("server_status"), QStringLiteral("none")},
                             {QStringLiteral("label"), text(body, "label")}, {QStringLiteral("os_id"), os}, {QStringLiteral("tags"), QJsonArray()}};
        items.append(instance);
        instance.insert(QStringLiteral("default_password"), generatedPassword());
        return LoopbackResponse::withJson(202, QJsonObject{{QStringLiteral("instance"), instance}});
    }

    if (kind == QLatin1String("digitalocean")) {
        for (const char *field : {"name", "region", "size", "image"}) {
            if (text(body, field).isEmpty())
                return digitalOceanError(QStringLiteral("%1 is a required field").arg(QLatin1String(field)));
        }
        if (!regions.contains(text(body, "region")))
            return digitalOceanError(QStringLiteral("You specified an invalid region for Droplet creation."));
        if (!plans.contains(text(body, "size")))
            return digitalOceanError(QStringLiteral("You specified an invalid size for Droplet creation."));
        const QJsonObject droplet{{QStringLiteral("id"), number}, {QStringLiteral("name"), text(body, "name")}, {QStringLiteral("memory"), 8192},
                                  {QStringLiteral("vcpus"), 4}, {QStringLiteral("status"), QStringLiteral("new")}, {QStringLiteral("created_at"), now()},
                                  {QStringLiteral("region"), QJsonObject{{QStringLiteral("slug"), text(body, "region")}}},
                                  {QStringLiteral("image"), QJsonObject{{QStringLiteral("slug"), text(body, "image")}}},
                                  {QStringLiteral("size_slug"), text(body, "size")},
                                  {QStringLiteral("size"), QJsonObject{{QStringLiteral("slug"), text(body, "size")}}},
                                  {QStringLiteral("tags"), QJsonArray()}};
        items.append(droplet);
        return LoopbackResponse::withJson(202, digitalOceanCreated(droplet, number + 1));
    }

    if (kind == QLatin1String("hetzner")) {
        for (const char *field : {"name", "server_type", "image"}) {
            if (text(body, field).isEmpty())
                return hetznerError(QLatin1String(field));
        }
        if (!plans.contains(text(body, "server_type")))
            return hetznerError(QStringLiteral("server_type"));
        if (body.contains(QStringLiteral("location")) && !regions.contains(text(body, "location")))
            return hetznerError(QStringLiteral("location"));
        const QJsonObject server{{QStringLiteral("id"), number}, {QStringLiteral("name"), text(body, "name")},
                                 {QStringLiteral("status"), QStringLiteral("initializing")}, {QStringLiteral("created"), now()},
                                 {QStringLiteral("server_type"), QJsonObject{{QStringLiteral("name"), text(body, "server_type")}, {QStringLiteral("cores"), 2},
                                                                             {QStringLiteral("memory"), 4}}},
                                 {QStringLiteral("location"), QJsonObject{{QStringLiteral("name"), text(body, "location")}}},
                                 {QStringLiteral("image"), QJsonObject{{QStringLiteral("name"), text(body, "image")}}},
                                 {QStringLiteral("public_net"), QJsonObject{{QStringLiteral("ipv4"), QJsonObject{{QStringLiteral("ip"), QStringLiteral("0.0.0.0")}}}}},
                                 {QStringLiteral("labels"), QJsonObject()}};
        items.append(server);
        const QJsonObject action{{QStringLiteral("id"), number + 1}, {QStringLiteral("command"), QStringLiteral("create_server")},
                                 {QStringLiteral("status"), QStringLiteral("running")}, {QStringLiteral("progress"), 0},
                                 {QStringLiteral("started"), now()}, {QStringLiteral("finished"), QJsonValue::Null},
                                 {QStringLiteral("resources"), QJsonArray{QJsonObject{{QStringLiteral("id"), number}, {QStringLiteral("type"), QStringLiteral("server")}}}},
                                 {QStringLiteral("error"), QJsonValue::Null}};
        return LoopbackResponse::withJson(201, QJsonObject{{QStringLiteral("server"), server}, {QStringLiteral("action"), action},
                                                           {QStringLiteral("next_actions"), QJsonArray()},
                                                           {QStringLiteral("root_password"), body.contains(QStringLiteral("ssh_keys")) ? QJsonValue::Null
                                                                                                                                        : QJsonValue(generatedPassword())}});
    }

    // Lambda: exactly one SSH key; no image (Lambda Stack).
    if (!regions.contains(text(body, "region_name")))
        return lambdaError(QStringLiteral("Invalid region_name."));
    if (!plans.contains(text(body, "instance_type_name")))
        return lambdaError(QStringLiteral("Invalid instance_type_name."));
    if (body.value(QStringLiteral("ssh_key_names")).toArray().size() != 1)
        return lambdaError(QStringLiteral("Exactly one SSH key must be specified."));
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    const QString type = text(body, "instance_type_name");
    items.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), text(body, "name")}, {QStringLiteral("status"), QStringLiteral("booting")},
                             {QStringLiteral("ssh_key_names"), body.value(QStringLiteral("ssh_key_names"))},
                             {QStringLiteral("region"), QJsonObject{{QStringLiteral("name"), text(body, "region_name")}}},
                             {QStringLiteral("instance_type"), QJsonObject{{QStringLiteral("name"), type}, {QStringLiteral("price_cents_per_hour"), 129}}}});
    return LoopbackResponse::withJson(200, QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("instance_ids"), QJsonArray{id}}}}});
}

} // namespace fleetscope
