// The pods command: the same lifecycle job the Pods page runs, then an audit row whatever the outcome.
#include "cli/podscommand.h"

#include "cli/localhttp.h"
#include "providers/connectionsetup.h"
#include "providers/runpod/runpodlifecycle.h"

namespace fleetscope {
namespace {

QString podsUsage()
{
    return QStringLiteral("Usage: fleetscope pods stop|resume CONNECTION POD_ID\n"
                          "       fleetscope pods terminate CONNECTION POD_ID --yes   (deletes the pod and its volume)\n");
}

} // namespace

int runPods(const CommandContext &ctx, const QStringList &args)
{
    static const QHash<QString, runpod::PodAction> actions{{QStringLiteral("stop"), runpod::PodAction::Stop},
                                                           {QStringLiteral("resume"), runpod::PodAction::Resume},
                                                           {QStringLiteral("terminate"), runpod::PodAction::Terminate}};
    const QString sub = args.value(0);
    if (!actions.contains(sub))
        return ctx.usage(sub.isEmpty() ? QStringLiteral("pods: missing subcommand") : QStringLiteral("pods: unknown subcommand '%1'").arg(sub), podsUsage());
    const runpod::PodAction action = actions.value(sub);
    QStringList rest = args.mid(1);
    const bool confirmed = rest.removeAll(QStringLiteral("--yes")) > 0;
    if (rest.size() != 2 || rest.at(0).startsWith(QLatin1String("--")) || rest.at(1).startsWith(QLatin1String("--")))
        return ctx.failure(QStringLiteral("pods %1: give CONNECTION and POD_ID").arg(sub));
    if (action == runpod::PodAction::Terminate && !confirmed)
        return ctx.failure(QStringLiteral("pods terminate: this deletes the pod and its volume; add --yes to confirm"));
    Result<std::unique_ptr<StoreService>> opened = openService(ctx.line);
    if (!opened)
        return ctx.failure(opened.error().message);
    StoreService &store = **opened;
    Result<ConnectionRecord> connection = findConnection(store, rest.at(0));
    if (!connection)
        return ctx.failure(connection.error().message);
    if (Result<void> supported = guardrailsSupported(connection->kind); !supported)
        return ctx.failure(QStringLiteral("pods %1: %2 connections have no pod lifecycle in Fleetscope (only RunPod)").arg(sub, connection->kind));
    const QString podId = rest.at(1);
    // Resuming over GraphQL needs the pod's GPU count: the newest stored snapshot knows it.
    int gpuCount = 1;
    Result<QList<InstanceSnapshot>> latest = store.read<QList<InstanceSnapshot>>([](Store &s) { return s.latestInstances(); }).result();
    for (const InstanceSnapshot &pod : latest.value_or(QList<InstanceSnapshot>())) {
        if (pod.connectionId == connection->id && pod.instanceId == podId)
            gpuCount = int(pod.gpuCount.value_or(1));
    }
    const Result<QString> result = runWithLocalHttp<QString>(runpod::podActionJob(*connection, podId, action, gpuCount));
    WriteBatch audit;
    audit.source = QStringLiteral("pods %1 audit").arg(sub);
    audit.auditEntries << podActionAudit(QStringLiteral("cli"), connection->id, podId, sub, result);
    const Result<WriteSummary> written = store.writeBlocking(audit);
    if (!result)
        return ctx.failure(QStringLiteral("pods %1 %2: %3").arg(sub, podId, result.error().message));
    if (!written)
        return ctx.failure(QStringLiteral("pods %1 %2: done, but not audited: %3").arg(sub, podId, written.error().message));
    ctx.out << podId << ": " << (result->isEmpty() ? sub + QStringLiteral(" accepted") : *result) << Qt::endl;
    return ExitOk;
}

} // namespace fleetscope
