// GuardrailMonitor: store reads off this thread, planning here, stops through the engine, audit rows as batches.
#include "guardrailmonitor.h"

#include "engine/engine.h"
#include "logging.h"
#include "providers/podlifecycle.h"
#include "store/storeservice.h"

#include <QFutureWatcher>

#include <algorithm>

namespace fleetscope {
namespace {

const QString kSource = QStringLiteral("guardrails");

struct Inputs {
    QList<GuardrailPolicy> policies;
    FleetView view;
};

QString keyOf(const InstanceSnapshot &pod)
{
    return QStringLiteral("%1:%2").arg(pod.connectionId).arg(pod.instanceId);
}

} // namespace

GuardrailMonitor::GuardrailMonitor(StoreService &store, StopPod stop, Now now, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_stop(std::move(stop))
    , m_now(now ? std::move(now) : Now([] { return QDateTime::currentDateTimeUtc(); }))
    // New snapshots change what is idle; audit rows and alert evaluations do not.
    , m_pacer(store, [](const QString &source) { return !source.startsWith(kSource) && !source.startsWith(QLatin1String("alerts ")); },
              [this] { evaluate(); })
{
}

void GuardrailMonitor::schedule()
{
    m_pacer.schedule();
}

void GuardrailMonitor::evaluateNow()
{
    m_pacer.runNow();
}

void GuardrailMonitor::evaluate()
{
    const QDateTime now = m_now();
    auto *watcher = new QFutureWatcher<Result<Inputs>>(this);
    connect(watcher, &QFutureWatcher<Result<Inputs>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result<Inputs> inputs = watcher->result();
        if (!inputs) {
            Q_EMIT evaluationFailed(inputs.error());
        } else {
            QList<GuardrailCandidate> candidates;
            for (const GuardrailPolicy &policy : inputs->policies) {
                const auto connection = std::find_if(inputs->view.connections.cbegin(), inputs->view.connections.cend(),
                                                     [&policy](const ConnectionRecord &c) { return c.id == policy.connectionId; });
                if (!policy.anyRuleEnabled() || connection == inputs->view.connections.cend() || !connection->enabled
                    || !guardrailsSupported(connection->kind) || (m_owns && !m_owns(connection->id)))
                    continue;
                candidates += guardrailCandidates(policy, inputs->view, true);
            }
            act(candidates, inputs->view.connections);
        }
        Q_EMIT evaluated();
        m_pacer.finished();
    });
    watcher->setFuture(m_store.read<Inputs>([now](Store &store) -> Result<Inputs> {
        Inputs inputs;
        Result<QList<GuardrailPolicy>> policies = store.guardrailPolicies();
        if (!policies)
            return std::unexpected(policies.error());
        inputs.policies = *policies;
        if (std::none_of(inputs.policies.cbegin(), inputs.policies.cend(), [](const GuardrailPolicy &p) { return p.anyRuleEnabled(); }))
            return inputs;   // nothing to guard: skip the larger reads
        const bool withBudgets = std::any_of(inputs.policies.cbegin(), inputs.policies.cend(), [](const GuardrailPolicy &p) { return p.stopAtDailyCap; });
        Result<FleetView> view = readGuardrailView(store, now, withBudgets);
        if (!view)
            return std::unexpected(view.error());
        inputs.view = *view;
        return inputs;
    }));
}

void GuardrailMonitor::act(const QList<GuardrailCandidate> &candidates, const QList<ConnectionRecord> &connections)
{
    QList<AuditEntry> previews;
    QSet<QString> stillIdle;
    for (const GuardrailCandidate &candidate : candidates) {
        const InstanceSnapshot &pod = candidate.pod;
        const QString key = keyOf(pod);
        stillIdle.insert(key);
        // Not twice: not while a stop is under way, nor before a snapshot newer than the last try.
        if (m_inFlight.contains(key) || (m_actedAt.contains(key) && pod.snapshotTs <= m_actedAt.value(key)))
            continue;
        AuditEntry entry;
        entry.at = m_now();
        entry.actor = QStringLiteral("guardrail");
        entry.connectionId = pod.connectionId;
        entry.resourceId = pod.instanceId;
        entry.action = QStringLiteral("stop");
        entry.rule = candidate.rule;
        const QString name = pod.name.isEmpty() ? pod.instanceId : pod.name;
        if (candidate.policy.dryRun) {
            if (m_previewed.contains(key))
                continue;   // one 'would' row per idle stretch, not one per cycle
            m_previewed.insert(key);
            entry.dryRun = true;
            entry.outcome = QStringLiteral("would");
            entry.message = QStringLiteral("would stop %1: %2").arg(name, candidate.reason);
            previews << entry;
            continue;
        }
        const auto connection = std::find_if(connections.cbegin(), connections.cend(), [&pod](const ConnectionRecord &c) { return c.id == pod.connectionId; });
        if (connection == connections.cend() || !m_stop)
            continue;
        m_inFlight.insert(key);
        m_actedAt.insert(key, pod.snapshotTs);
        qCInfo(lcEngine).noquote() << "guardrail stops" << pod.instanceId << "of connection" << pod.connectionId;
        m_stop(*connection, pod, this, [this, key, entry, name, reason = candidate.reason](Result<QString> result) {
            m_inFlight.remove(key);
            AuditEntry done = entry;
            done.at = m_now();
            done.outcome = result ? QStringLiteral("ok") : QStringLiteral("failed");
            done.message = result ? QStringLiteral("stopped %1: %2").arg(name, reason)
                                  : QStringLiteral("could not stop %1: %2").arg(name, result.error().message.left(300));
            submit({done});
        });
    }
    // A pod that is busy again (or gone) starts a new idle stretch next time.
    m_previewed.intersect(stillIdle);
    submit(previews);
}

void GuardrailMonitor::submit(const QList<AuditEntry> &entries)
{
    if (entries.isEmpty())
        return;
    WriteBatch batch;
    batch.source = kSource + QStringLiteral(" audit");
    batch.auditEntries = entries;
    m_store.submit(batch);
    Q_EMIT audited(entries);
}

GuardrailMonitor::StopPod GuardrailMonitor::engineStopper(Engine &engine)
{
    return [&engine](const ConnectionRecord &connection, const InstanceSnapshot &pod, QObject *receiver, std::function<void(Result<QString>)> done) {
        if (Result<void> supported = guardrailsSupported(connection.kind); !supported)
            return done(std::unexpected(supported.error()));
        if (Result<void> available = podActionAvailable(pod, PodAction::Stop); !available)
            return done(std::unexpected(available.error()));
        const qint64 id = connection.id;
        // Stop only, never terminate: the pod's volume and data are kept.
        engine.runJob(podActionJob(connection, pod, PodAction::Stop), receiver,
                      [&engine, id, done](Result<QString> result) {
            if (result)
                engine.syncNow(id);
            done(std::move(result));
        });
    };
}

} // namespace fleetscope
