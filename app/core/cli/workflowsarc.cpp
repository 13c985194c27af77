// `fleetscope workflows arc CONFIG`: the configuration's ARC binding scanned once, through the core the watcher runs.
#include "workflowscommand.h"

#include "cli/texttable.h"
#include "credentials/credentials.h"
#include "workflows/arcbinding.h"

namespace fleetscope {

int workflowsArc(const CommandContext &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral(
        "Usage: fleetscope workflows arc CONFIG\n"
        "Lists the EphemeralRunners of CONFIG's AutoscalingRunnerSet on its cluster connection (set with\n"
        "workflows configs set CONFIG --runner-set NAMESPACE/NAME --cluster CONNECTION) and records each GitHub\n"
        "run they name that is not stored yet as pending; `workflows fetch CONFIG` then collects its artifacts.\n");
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-')))
        return ctx.usage(QStringLiteral("workflows arc: give one configuration name"), usage);
    Result<OpenedConfig> opened = openWorkflowConfig(ctx.line, args.first());
    if (!opened)
        return ctx.failure(opened.error().message);
    ArcBinding binding(*opened->store, opened->config);
    Result<ArcScanReport> report = binding.scan(Credentials());
    if (!report)
        return ctx.failure(report.error().message);

    if (report->runners.isEmpty()) {
        ctx.out << QStringLiteral("No EphemeralRunners of %1 on '%2' now (ARC removes a runner once its job is done).")
                       .arg(report->runnerSet, report->cluster)
                << Qt::endl;
        return ExitOk;
    }
    QList<QStringList> rows{{QStringLiteral("RUNNER"), QStringLiteral("PHASE"), QStringLiteral("RUN ID"), QStringLiteral("JOB"),
                             QStringLiteral("RUN")}};
    for (const EphemeralRunner &r : std::as_const(report->runners)) {
        rows << QStringList{r.name, r.phase.isEmpty() ? QStringLiteral("-") : r.phase,
                            r.workflowRunId > 0 ? QString::number(r.workflowRunId) : QStringLiteral("-"),
                            r.jobDisplayName.isEmpty() ? QStringLiteral("-") : r.jobDisplayName, r.outcome};
    }
    writeTextTable(rows, ctx.out);
    QStringList ids;
    for (qint64 id : std::as_const(report->recorded))
        ids << QString::number(id);
    ctx.out << QStringLiteral("%1 runners of %2 on '%3'; %4 new runs recorded pending%5")
                   .arg(report->runners.size()).arg(report->runnerSet, report->cluster).arg(ids.size())
                   .arg(ids.isEmpty() ? QString() : QStringLiteral(" (%1); `fleetscope workflows fetch %2` collects them").arg(ids.join(QStringLiteral(", ")), opened->config.name))
            << Qt::endl;
    return ExitOk;
}

} // namespace fleetscope
