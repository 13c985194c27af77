// Derives the fleet timeline from what the store already holds (issue 9, section Timeline).
#include "timeline.h"

#include "store/store.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace fleetscope {
namespace {

const QString kPodStarted = QStringLiteral("pod_started");
const QString kPodStopped = QStringLiteral("pod_stopped");
const QString kPodTerminated = QStringLiteral("pod_terminated");
const QString kAlertOpened = QStringLiteral("alert_opened");
const QString kAlertAcknowledged = QStringLiteral("alert_acknowledged");
const QString kAlertResolved = QStringLiteral("alert_resolved");
const QString kConnectionFailing = QStringLiteral("connection_failing");
const QString kPriceChanged = QStringLiteral("price_changed");
const QString kAction = QStringLiteral("action");

bool inRange(const QDateTime &ts, const QDateTime &since, const QDateTime &until)
{
    return ts.isValid() && (!since.isValid() || ts >= since) && (!until.isValid() || ts < until);
}

bool isRunning(const QString &status) { return status.compare(QLatin1String("running"), Qt::CaseInsensitive) == 0; }
bool isTerminated(const QString &status) { return status.compare(QLatin1String("terminated"), Qt::CaseInsensitive) == 0; }

QString podLabel(const InstanceSnapshot &pod)
{
    return pod.name.isEmpty() ? pod.instanceId : QStringLiteral("%1 (%2)").arg(pod.name, pod.instanceId);
}

class Collector
{
public:
    Collector(const QList<ConnectionRecord> &connections, const QDateTime &since, const QDateTime &until)
        : m_since(since), m_until(until)
    {
        for (const ConnectionRecord &c : connections)
            m_names.insert(c.id, c.name);
    }

    void add(const QDateTime &ts, const QString &kind, qint64 connectionId, const QString &resource, const QString &message)
    {
        if (inRange(ts, m_since, m_until))
            m_events.append({ts.toUTC(), kind, connectionId, m_names.value(connectionId), resource, message});
    }

    QList<FleetEvent> take()
    {
        std::ranges::stable_sort(m_events, [](const FleetEvent &a, const FleetEvent &b) {
            return std::tie(a.ts, a.kind, a.connection, a.resource) < std::tie(b.ts, b.kind, b.connection, b.resource);
        });
        return std::move(m_events);
    }

private:
    QDateTime m_since;
    QDateTime m_until;
    QHash<qint64, QString> m_names;
    QList<FleetEvent> m_events;
};

// What changed for one pod between two consecutive snapshots of its connection (BEFORE null: it
// appeared; AFTER null: it disappeared).
void podTransition(Collector &out, const QDateTime &at, qint64 connectionId, const InstanceSnapshot *before, const InstanceSnapshot *after)
{
    const QString was = before ? before->status : QString();
    if (!after) {
        if (!isTerminated(was))
            out.add(at, kPodTerminated, connectionId, before->instanceId, QStringLiteral("%1 is gone (was %2)").arg(podLabel(*before), was));
        return;
    }
    const QString now = after->status;
    if (before && now.compare(was, Qt::CaseInsensitive) == 0)
        return;
    const QString from = before ? QStringLiteral(" (was %1)").arg(was) : QString();
    if (isRunning(now))
        out.add(at, kPodStarted, connectionId, after->instanceId, QStringLiteral("%1 is %2%3").arg(podLabel(*after), now, from));
    else if (isTerminated(now))
        out.add(at, kPodTerminated, connectionId, after->instanceId, QStringLiteral("%1 is %2%3").arg(podLabel(*after), now, from));
    else if (isRunning(was))
        out.add(at, kPodStopped, connectionId, after->instanceId, QStringLiteral("%1 is %2%3").arg(podLabel(*after), now, from));
}

void podEvents(Collector &out, const QList<InstanceSnapshot> &instances)
{
    // connection -> snapshot time -> instance id -> row; QMap keeps times in order.
    QHash<qint64, QMap<QDateTime, QMap<QString, const InstanceSnapshot *>>> snapshots;
    for (const InstanceSnapshot &row : instances)
        snapshots[row.connectionId][row.snapshotTs].insert(row.instanceId, &row);
    for (auto connection = snapshots.cbegin(); connection != snapshots.cend(); ++connection) {
        const QMap<QString, const InstanceSnapshot *> *previous = nullptr;
        for (auto snapshot = connection->cbegin(); snapshot != connection->cend(); ++snapshot) {
            const QMap<QString, const InstanceSnapshot *> &current = snapshot.value();
            if (previous) {
                for (auto pod = current.cbegin(); pod != current.cend(); ++pod)
                    podTransition(out, snapshot.key(), connection.key(), previous->value(pod.key()), pod.value());
                for (auto pod = previous->cbegin(); pod != previous->cend(); ++pod) {
                    if (!current.contains(pod.key()))
                        podTransition(out, snapshot.key(), connection.key(), pod.value(), nullptr);
                }
            }
            previous = &current;
        }
    }
}

void alertEvents(Collector &out, const QList<AlertRecord> &alerts)
{
    for (const AlertRecord &alert : alerts) {
        const AlertFinding &f = alert.finding;
        const QString message = QStringLiteral("[%1] %2").arg(f.severity, f.message);
        out.add(alert.firedAt, kAlertOpened, f.connectionId, f.resourceId, message);
        if (alert.acknowledged)
            out.add(alert.acknowledgedAt, kAlertAcknowledged, f.connectionId, f.resourceId, message);
        out.add(alert.resolvedAt, kAlertResolved, f.connectionId, f.resourceId, message);
    }
}

void connectionEvents(Collector &out, const QList<ConnectionRecord> &connections)
{
    for (const ConnectionRecord &c : connections) {
        if (c.lastStatus == QLatin1String("failed"))
            out.add(c.lastSyncAt, kConnectionFailing, c.id, c.kind, c.lastError.isEmpty() ? QStringLiteral("sync failed") : c.lastError);
    }
}

void priceEvents(Collector &out, const QList<GpuOffer> &offers)
{
    QMap<std::tuple<QString, QString, QString>, const GpuOffer *> last;   // (provider, gpu_type, tier)
    for (const GpuOffer &offer : offers) {
        if (!offer.pricePerHour)
            continue;
        const GpuOffer *&previous = last[{offer.provider, offer.gpuType, offer.tier}];
        if (previous && *previous->pricePerHour != *offer.pricePerHour) {
            out.add(offer.observedTs, kPriceChanged, offer.connectionId, offer.gpuType,
                    QStringLiteral("%1 %2: %3 -> %4 per hour")
                        .arg(offer.provider, offer.tier, QString::number(*previous->pricePerHour), QString::number(*offer.pricePerHour)));
        }
        previous = &offer;
    }
}

// "[guardrail] would stop …", "[user] stop failed: …": audit messages say what happened on their own.
void actionEvents(Collector &out, const QList<AuditEntry> &audit)
{
    for (const AuditEntry &e : audit)
        out.add(e.at, kAction, e.connectionId, e.resourceId, QStringLiteral("[%1] %2").arg(e.actor, e.message));
}

} // namespace

QStringList timelineKinds()
{
    return {kPodStarted, kPodStopped, kPodTerminated, kAlertOpened, kAlertAcknowledged, kAlertResolved, kConnectionFailing, kPriceChanged, kAction};
}

QList<FleetEvent> buildTimeline(const TimelineInput &input, const QDateTime &since, const QDateTime &until)
{
    Collector out(input.connections, since, until);
    podEvents(out, input.instances);
    alertEvents(out, input.alerts);
    connectionEvents(out, input.connections);
    priceEvents(out, input.offers);
    actionEvents(out, input.audit);
    return out.take();
}

Result<QList<FleetEvent>> readTimeline(Store &store, const QDateTime &since, const QDateTime &until)
{
    TimelineInput input;
    // From the beginning: whether the first rows in range are changes depends on the rows before.
    Result<QList<ConnectionRecord>> connections = store.connections();
    if (!connections)
        return std::unexpected(connections.error());
    input.connections = std::move(*connections);
    Result<QList<InstanceSnapshot>> instances = store.instanceSnapshots(QDateTime(), until);
    if (!instances)
        return std::unexpected(instances.error());
    input.instances = std::move(*instances);
    Result<QList<AlertRecord>> alerts = store.alerts(false);
    if (!alerts)
        return std::unexpected(alerts.error());
    input.alerts = std::move(*alerts);
    Result<QList<AuditEntry>> audit = store.auditLog(since, until);
    if (!audit)
        return std::unexpected(audit.error());
    input.audit = std::move(*audit);
    Result<QList<GpuOffer>> latest = store.latestOffers();
    if (!latest)
        return std::unexpected(latest.error());
    QSet<QString> gpuTypes;
    for (const GpuOffer &offer : *latest) {
        if (gpuTypes.contains(offer.gpuType))
            continue;
        gpuTypes.insert(offer.gpuType);
        Result<QList<GpuOffer>> history = store.offerHistory(offer.gpuType, QDateTime(), until);
        if (!history)
            return std::unexpected(history.error());
        input.offers += *history;
    }
    return buildTimeline(input, since, until);
}

const DatasetSpec &timelineDataset()
{
    static const DatasetSpec spec{QStringLiteral("events"),
                                  {QStringLiteral("ts"), QStringLiteral("kind"), QStringLiteral("connection"), QStringLiteral("resource"), QStringLiteral("message")},
                                  {ColumnType::Timestamp, ColumnType::Text, ColumnType::Text, ColumnType::Text, ColumnType::Text}};
    return spec;
}

TableData timelineTable(const QList<FleetEvent> &events)
{
    TableData table;
    table.columns = timelineDataset().columns;
    for (const FleetEvent &e : events)
        table.rows.append(QVariantList{e.ts, e.kind, e.connection, e.resource, e.message});
    return table;
}

} // namespace fleetscope
