// runAuditedPodAction and runAuditedLaunch: the engine job, the sync that follows, and the audit row.
#include "auditedaction.h"

#include "engine/engine.h"
#include "store/storeservice.h"

namespace fleetscope {

void runAuditedPodAction(Engine &engine, StoreService &store, const ConnectionRecord &connection, const InstanceSnapshot &pod,
                         PodAction action, const QString &actor, QObject *receiver, std::function<void(Result<QString>)> done)
{
    const qint64 id = connection.id;
    engine.runJob(podActionJob(connection, pod, action), receiver,
                  [&engine, &store, id, podId = pod.instanceId, action, actor, done](Result<QString> result) {
        if (result)
            engine.syncNow(id);
        WriteBatch audit;
        audit.source = QStringLiteral("%1 %2 audit").arg(actor, podActionName(action));
        audit.auditEntries << podActionAudit(actor, id, podId, podActionName(action), result);
        store.submit(audit);
        done(std::move(result));
    });
}

void runAuditedLaunch(Engine &engine, StoreService &store, const ConnectionRecord &connection, const LaunchRequest &request,
                      const QString &actor, QObject *receiver, std::function<void(Result<QString>)> done)
{
    const qint64 id = connection.id;
    engine.runJob(launchJob(connection, request), receiver, [&engine, &store, id, summary = launchSummary(request), actor, done](Result<QString> result) {
        if (result)
            engine.syncNow(id);
        WriteBatch audit;
        audit.source = QStringLiteral("%1 launch audit").arg(actor);
        audit.auditEntries << launchAudit(actor, id, summary, result);
        store.submit(audit);
        done(std::move(result));
    });
}

} // namespace fleetscope
