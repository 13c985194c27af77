// The pods command: the same lifecycle job the Pods page runs, then an audit row whatever the outcome.
#include "cli/podscommand.h"

#include "http/localhttp.h"
#include "providers/connectionsetup.h"
#include "guardrails/guardrails.h"
#include "providers/podlifecycle.h"

namespace fleetscope {
namespace {

QString podsUsage()
{
    return QStringLiteral("Usage: fleetscope pods stop|start|resume|reboot CONNECTION POD_ID\n"
                          "       fleetscope pods terminate CONNECTION POD_ID --yes   (deletes the pod and its volume)\n"
                          "       fleetscope pods launch CONNECTION --gpu-type TYPE [options]   (a new instance; `pods launch` alone lists the options)\n"
                          "start and resume are the same action; which actions a provider offers: README, provider descriptors\n");
}

} // namespace

int runPods(const CommandContext &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("launch"))
        return runPodsLaunch(ctx, args.mid(1));
    const std::optional<PodAction> parsed = podActionFromName(sub);
    if (!parsed)
        return ctx.usage(sub.isEmpty() ? QStringLiteral("pods: missing subcommand") : QStringLiteral("pods: unknown subcommand '%1'").arg(sub), podsUsage());
    const PodAction action = *parsed;
    QStringList rest = args.mid(1);
    const bool confirmed = rest.removeAll(QStringLiteral("--yes")) > 0;
    if (rest.size() != 2 || rest.at(0).startsWith(QLatin1String("--")) || rest.at(1).startsWith(QLatin1String("--")))
        return ctx.failure(QStringLiteral("pods %1: give CONNECTION and POD_ID").arg(sub));
    if (action == PodAction::Terminate && !confirmed)
        return ctx.failure(QStringLiteral("pods terminate: this deletes the pod and its volume; add --yes to confirm"));
    Result<std::unique_ptr<StoreService>> opened = openService(ctx.line);
    if (!opened)
        return ctx.failure(opened.error().message);
    StoreService &store = **opened;
    Result<ConnectionRecord> connection = findConnection(store, rest.at(0));
    if (!connection)
        return ctx.failure(connection.error().message);
    if (!hasPodLifecycle(connection->kind))
        return ctx.failure(QStringLiteral("pods %1: %2 connections have no pod lifecycle in Fleetscope").arg(sub, connection->kind));
    // The newest stored snapshot knows what the action may need besides the id: RunPod's GPU count
    // to resume, a Kubernetes pod's name and namespace.
    InstanceSnapshot pod;
    pod.connectionId = connection->id;
    pod.provider = connection->kind;
    pod.instanceId = rest.at(1);
    Result<QList<InstanceSnapshot>> latest = store.read<QList<InstanceSnapshot>>([](Store &s) { return s.latestInstances(); }).result();
    for (const InstanceSnapshot &stored : latest.value_or(QList<InstanceSnapshot>())) {
        if (stored.connectionId == connection->id && stored.instanceId == pod.instanceId)
            pod = stored;
    }
    const QString name = podActionName(action);
    if (Result<void> available = podActionAvailable(pod, action); !available)
        return ctx.failure(QStringLiteral("pods %1 %2: %3").arg(sub, pod.instanceId, available.error().message));
    const Result<QString> result = runWithLocalHttp<QString>(podActionJob(*connection, pod, action));
    WriteBatch audit;
    audit.source = QStringLiteral("pods %1 audit").arg(name);
    audit.auditEntries << podActionAudit(QStringLiteral("cli"), connection->id, pod.instanceId, name, result);
    const Result<WriteSummary> written = store.writeBlocking(audit);
    if (!result)
        return ctx.failure(QStringLiteral("pods %1 %2: %3").arg(sub, pod.instanceId, result.error().message));
    if (!written)
        return ctx.failure(QStringLiteral("pods %1 %2: done, but not audited: %3").arg(sub, pod.instanceId, written.error().message));
    ctx.out << pod.instanceId << ": " << (result->isEmpty() ? name + QStringLiteral(" accepted") : *result) << Qt::endl;
    return ExitOk;
}

} // namespace fleetscope
