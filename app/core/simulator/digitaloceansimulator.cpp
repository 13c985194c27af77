// DigitalOceanSimulator: droplets, sizes and balance, paged with links.pages.next as the real API.
#include "digitaloceansimulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace fleetscope {
namespace {

constexpr qint64 kHourMs = 3'600'000;
constexpr double kHoursPerMonth = 672;   // DigitalOcean caps a Droplet's month at 672 hours' price

LoopbackResponse json(int status, const QJsonObject &body)
{
    return LoopbackResponse::withBody(status, "application/json; charset=utf-8", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

LoopbackResponse problem(int status, const QString &id, const QString &message)
{
    return json(status, QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("message"), message}});
}

QString money(double value)
{
    return QString::number(value, 'f', 2);   // the balance endpoint reports amounts as strings
}

QJsonObject gpuInfo(const SimDroplet &d)
{
    return QJsonObject{{QStringLiteral("count"), d.gpuCount},
                       {QStringLiteral("vram"), QJsonObject{{QStringLiteral("amount"), d.vramGib}, {QStringLiteral("unit"), QStringLiteral("gib")}}},
                       {QStringLiteral("model"), d.gpuModel}};
}

QJsonObject size(const SimDroplet &d)
{
    QJsonObject size{{QStringLiteral("slug"), d.sizeSlug},
                     {QStringLiteral("memory"), d.memoryMb},
                     {QStringLiteral("vcpus"), d.vcpus},
                     {QStringLiteral("disk"), d.gpuCount ? 500 : 160},
                     {QStringLiteral("transfer"), d.gpuCount ? 15 : 5},
                     {QStringLiteral("price_monthly"), std::round(d.priceHourly * kHoursPerMonth * 100) / 100},
                     {QStringLiteral("price_hourly"), d.priceHourly},
                     {QStringLiteral("regions"), QJsonArray{d.region}},
                     {QStringLiteral("available"), true},
                     {QStringLiteral("description"), d.gpuCount ? QStringLiteral("%1 GPU - %2X").arg(d.gpuModel.section(QLatin1Char('_'), 1).toUpper()).arg(d.gpuCount)
                                                                : QStringLiteral("Basic")}};
    if (d.gpuCount)
        size.insert(QStringLiteral("gpu_info"), gpuInfo(d));
    return size;
}

} // namespace

std::optional<bool> digitalOceanPoweredOnAfter(const QString &type)
{
    if (type == QLatin1String("power_on") || type == QLatin1String("reboot"))
        return true;
    if (type == QLatin1String("power_off") || type == QLatin1String("shutdown"))
        return false;
    return std::nullopt;
}

QJsonObject digitalOceanAction(qint64 id, const QString &type, qint64 dropletId, const QString &regionSlug)
{
    return QJsonObject{{QStringLiteral("action"),
                        QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("status"), QStringLiteral("in-progress")}, {QStringLiteral("type"), type},
                                    {QStringLiteral("started_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                                    {QStringLiteral("completed_at"), QJsonValue::Null}, {QStringLiteral("resource_id"), dropletId},
                                    {QStringLiteral("resource_type"), QStringLiteral("droplet")}, {QStringLiteral("region_slug"), regionSlug}}}};
}

QJsonObject digitalOceanCreated(const QJsonObject &droplet, qint64 actionId)
{
    const QJsonObject action{{QStringLiteral("id"), actionId}, {QStringLiteral("rel"), QStringLiteral("create")},
                             {QStringLiteral("href"), QStringLiteral("https://api.digitalocean.com/v2/actions/%1").arg(actionId)}};
    return QJsonObject{{QStringLiteral("droplet"), droplet}, {QStringLiteral("links"), QJsonObject{{QStringLiteral("actions"), QJsonArray{action}}}}};
}

DigitalOceanSimulator::DigitalOceanSimulator(qint64 worldStartMs, NowFn now, QObject *parent)
    : QObject(parent)
    , m_worldStartMs(worldStartMs)
    , m_now(now ? std::move(now) : NowFn([] { return QDateTime::currentMSecsSinceEpoch(); }))
    , m_server(new LoopbackServer([this](const LoopbackRequest &request) { return handle(request); }, this))
{
    // Prices as DigitalOcean lists them for these sizes.
    m_droplets = {
        {448543583, QStringLiteral("infer-l40s-nyc2"), QStringLiteral("gpu-l40sx1-48gb"), QStringLiteral("nyc2"), 65536, 8, 1.57,
         QStringLiteral("nvidia_l40s"), 1, 48, -1},
        {448543611, QStringLiteral("dev-rtx4000-tor1"), QStringLiteral("gpu-4000adax1-20gb"), QStringLiteral("tor1"), 32768, 8, 0.76,
         QStringLiteral("nvidia_rtx4000_ada"), 1, 20, -1},
        {448543702, QStringLiteral("eval-rtx6000-ams3"), QStringLiteral("gpu-6000adax1-48gb"), QStringLiteral("ams3"), 65536, 8, 1.57,
         QStringLiteral("nvidia_rtx6000_ada"), 1, 48, 22 * kHourMs},
        {448543777, QStringLiteral("ci-runner-fra1"), QStringLiteral("s-4vcpu-8gb"), QStringLiteral("fra1"), 8192, 4, 0.07143, QString(), 0, 0, -1},
    };
}

Result<quint16> DigitalOceanSimulator::start(quint16 port)
{
    return m_server->listen(port);
}

void DigitalOceanSimulator::stop()
{
    m_server->close();
}

QString DigitalOceanSimulator::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/v2").arg(m_server->port());
}

double DigitalOceanSimulator::monthToDateUsage(qint64 nowMs) const
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    const qint64 monthStart = QDateTime(QDate(now.date().year(), now.date().month(), 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 from = std::max(m_worldStartMs, monthStart);
    if (nowMs <= from)
        return 0;
    // Billed per started hour since it exists, powered off or not, up to the month's cap.
    double usage = 0;
    for (const SimDroplet &d : m_droplets) {
        const qint64 since = std::max(from, d.createdAtMs);
        if (nowMs > since)
            usage += d.priceHourly * std::min(std::ceil(double(nowMs - since) / kHourMs), kHoursPerMonth);
    }
    return usage;
}

QJsonObject DigitalOceanSimulator::droplet(const SimDroplet &d, qint64 nowMs) const
{
    const auto powered = m_poweredOn.constFind(d.id);
    const bool off = powered != m_poweredOn.cend() ? !*powered : d.offAfterMs >= 0 && nowMs >= m_worldStartMs + d.offAfterMs;
    QJsonObject droplet{{QStringLiteral("id"), d.id},
                        {QStringLiteral("name"), d.name},
                        {QStringLiteral("memory"), d.memoryMb},
                        {QStringLiteral("vcpus"), d.vcpus},
                        {QStringLiteral("disk"), d.gpuCount ? 500 : 160},
                        {QStringLiteral("locked"), false},
                        {QStringLiteral("status"), off ? QStringLiteral("off") : nowMs - d.createdAtMs < 60'000 ? QStringLiteral("new") : QStringLiteral("active")},
                        {QStringLiteral("created_at"), QDateTime::fromMSecsSinceEpoch(d.createdAtMs > 0 ? d.createdAtMs : m_worldStartMs, Qt::UTC).toString(Qt::ISODate)},
                        {QStringLiteral("features"), QJsonArray{QStringLiteral("droplet_agent"), QStringLiteral("private_networking")}},
                        {QStringLiteral("size"), size(d)},
                        {QStringLiteral("size_slug"), d.sizeSlug},
                        {QStringLiteral("region"), QJsonObject{{QStringLiteral("slug"), d.region}, {QStringLiteral("available"), true}}},
                        {QStringLiteral("tags"), QJsonArray{QStringLiteral("fleetscope-demo")}},
                        {QStringLiteral("networks"), QJsonObject{{QStringLiteral("v4"), QJsonArray{}}, {QStringLiteral("v6"), QJsonArray{}}}}};
    if (d.gpuCount)
        droplet.insert(QStringLiteral("gpu_info"), gpuInfo(d));
    return droplet;
}

LoopbackResponse DigitalOceanSimulator::page(const LoopbackRequest &request, const QString &key, const QJsonArray &items) const
{
    bool ok = true;
    const int perPage = request.query.hasQueryItem(QStringLiteral("per_page")) ? request.query.queryItemValue(QStringLiteral("per_page")).toInt(&ok) : 20;
    if (!ok || perPage < 1 || perPage > 200)
        return problem(400, QStringLiteral("bad_request"), QStringLiteral("per_page must be between 1 and 200"));
    const int pageNumber = request.query.hasQueryItem(QStringLiteral("page")) ? request.query.queryItemValue(QStringLiteral("page")).toInt(&ok) : 1;
    if (!ok || pageNumber < 1)
        return problem(400, QStringLiteral("bad_request"), QStringLiteral("page must be a positive number"));
    const int lastPage = std::max(1, int((items.size() + perPage - 1) / perPage));
    QJsonArray slice;
    for (qsizetype i = qsizetype(pageNumber - 1) * perPage; i < items.size() && i < qsizetype(pageNumber) * perPage; ++i)
        slice.append(items.at(i));
    QJsonObject pages;
    auto link = [&](int n) { return QStringLiteral("%1%2?page=%3&per_page=%4").arg(baseUrl(), request.path.mid(3)).arg(n).arg(perPage); };
    if (pageNumber < lastPage) {
        pages.insert(QStringLiteral("next"), link(pageNumber + 1));
        pages.insert(QStringLiteral("last"), link(lastPage));
    }
    return json(200, QJsonObject{{key, slice},
                                 {QStringLiteral("links"), pages.isEmpty() ? QJsonObject{} : QJsonObject{{QStringLiteral("pages"), pages}}},
                                 {QStringLiteral("meta"), QJsonObject{{QStringLiteral("total"), items.size()}}}});
}

LoopbackResponse DigitalOceanSimulator::handle(const LoopbackRequest &request)
{
    const QByteArray authorization = request.header("Authorization");
    const QByteArray token = authorization.startsWith("Bearer ") ? authorization.mid(7) : QByteArray();
    if (token.isEmpty() || token == "bad" || token == "invalid")
        return problem(401, QStringLiteral("Unauthorized"), QStringLiteral("Unable to authenticate you"));
    static const QRegularExpression dropletPath(QStringLiteral("^/v2/droplets/(\\d+)(/actions)?$"));
    if (const QRegularExpressionMatch m = dropletPath.match(request.path); m.hasMatch() && request.method != "GET")
        return act(request, m.captured(1).toLongLong(), !m.captured(2).isEmpty());
    if (request.method == "POST" && request.path == QLatin1String("/v2/droplets"))
        return create(request);
    if (request.method != "GET")
        return problem(405, QStringLiteral("method_not_allowed"), QStringLiteral("only GET is simulated"));
    const qint64 now = m_now();
    if (request.path == QLatin1String("/v2/droplets")) {
        QJsonArray droplets;
        for (const SimDroplet &d : std::as_const(m_droplets)) {
            if (!m_deleted.contains(d.id))
                droplets.append(droplet(d, now));
        }
        return page(request, QStringLiteral("droplets"), droplets);
    }
    if (request.path == QLatin1String("/v2/sizes")) {
        QJsonArray sizes;
        for (const SimDroplet &d : catalog())
            sizes.append(size(d));
        return page(request, QStringLiteral("sizes"), sizes);
    }
    if (request.path == QLatin1String("/v2/customers/my/balance")) {
        const double usage = monthToDateUsage(now);
        return json(200, QJsonObject{{QStringLiteral("month_to_date_balance"), money(usage)},
                                     {QStringLiteral("account_balance"), money(0)},
                                     {QStringLiteral("month_to_date_usage"), money(usage)},
                                     {QStringLiteral("generated_at"), QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODate)}});
    }
    return problem(404, QStringLiteral("not_found"), QStringLiteral("The resource you were accessing could not be found."));
}

LoopbackResponse DigitalOceanSimulator::act(const LoopbackRequest &request, qint64 dropletId, bool isAction)
{
    const auto d = std::find_if(m_droplets.cbegin(), m_droplets.cend(), [this, dropletId](const SimDroplet &each) {
        return each.id == dropletId && !m_deleted.contains(each.id);
    });
    if (d == m_droplets.cend())
        return problem(404, QStringLiteral("not_found"), QStringLiteral("The resource you were accessing could not be found."));
    if (request.method == "DELETE" && !isAction) {
        m_deleted.insert(dropletId);
        LoopbackResponse gone;
        gone.status = 204;
        return gone;
    }
    if (request.method != "POST" || !isAction)
        return problem(405, QStringLiteral("method_not_allowed"), QStringLiteral("not simulated"));
    const QString type = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("type")).toString();
    const std::optional<bool> poweredOn = digitalOceanPoweredOnAfter(type);
    if (!poweredOn)
        return problem(422, QStringLiteral("unprocessable_entity"), QStringLiteral("Action type '%1' is not allowed.").arg(type));
    m_poweredOn.insert(dropletId, *poweredOn);
    return json(201, digitalOceanAction(m_nextActionId++, type, dropletId, d->region));
}

QList<SimDroplet> DigitalOceanSimulator::catalog() const
{
    QList<SimDroplet> sizes;
    QSet<QString> seen;
    for (const SimDroplet &d : m_droplets) {
        if (!seen.contains(d.sizeSlug)) {
            seen.insert(d.sizeSlug);
            sizes << SimDroplet{0, {}, d.sizeSlug, d.region, d.memoryMb, d.vcpus, d.priceHourly, d.gpuModel, d.gpuCount, d.vramGib, -1};
        }
    }
    // Sizes no Droplet uses, as the catalog lists them.
    sizes << SimDroplet{0, {}, QStringLiteral("gpu-h100x1-80gb"), QStringLiteral("tor1"), 245760, 20, 3.39, QStringLiteral("nvidia_h100"), 1, 80, -1}
          << SimDroplet{0, {}, QStringLiteral("gpu-h100x8-640gb"), QStringLiteral("nyc2"), 1966080, 160, 23.92, QStringLiteral("nvidia_h100"), 8, 640, -1};
    return sizes;
}

LoopbackResponse DigitalOceanSimulator::create(const LoopbackRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    for (const char *field : {"name", "region", "size", "image"}) {
        if (body.value(QLatin1String(field)).toString().isEmpty())
            return problem(422, QStringLiteral("unprocessable_entity"), QStringLiteral("%1 is a required field").arg(QLatin1String(field)));
    }
    const QList<SimDroplet> sizes = catalog();
    const auto size = std::find_if(sizes.cbegin(), sizes.cend(), [&body](const SimDroplet &d) { return d.sizeSlug == body.value(QLatin1String("size")).toString(); });
    if (size == sizes.cend())
        return problem(422, QStringLiteral("unprocessable_entity"), QStringLiteral("You specified an invalid size for Droplet creation."));
    if (size->region != body.value(QLatin1String("region")).toString())
        return problem(422, QStringLiteral("unprocessable_entity"), QStringLiteral("Size is not available in this region."));
    SimDroplet created = *size;
    created.id = 448600000 + m_droplets.size();
    created.name = body.value(QLatin1String("name")).toString();
    created.createdAtMs = m_now();
    m_droplets << created;
    return json(202, digitalOceanCreated(droplet(created, created.createdAtMs), m_nextActionId++));
}

} // namespace fleetscope
