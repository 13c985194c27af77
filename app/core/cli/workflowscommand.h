// `fleetscope workflows configs|import|runs|regressions|query|compare|cost|fetch|arc|backfill|retry|token|schema`: workflow metrics from the command line.
#pragma once

#include "cli/commandcontext.h"

namespace fleetscope {

int runWorkflows(const CommandContext &ctx, const QStringList &args);

// The subcommands, in workflowsconfigs.cpp and workflowsruns.cpp.
int workflowsConfigs(const CommandContext &ctx, const QStringList &args);
int workflowsImport(const CommandContext &ctx, const QStringList &args);
int workflowsRuns(const CommandContext &ctx, const QStringList &args);
int workflowsRegressions(const CommandContext &ctx, const QStringList &args);
// workflowsquery.cpp.
int workflowsQuery(const CommandContext &ctx, const QStringList &args);
// workflowscompare.cpp.
int workflowsCompare(const CommandContext &ctx, const QStringList &args);
// workflowscost.cpp.
int workflowsCost(const CommandContext &ctx, const QStringList &args);
// GitHub Actions, in workflowsgithub.cpp.
int workflowsFetch(const CommandContext &ctx, const QStringList &args);
int workflowsBackfill(const CommandContext &ctx, const QStringList &args);
int workflowsRetry(const CommandContext &ctx, const QStringList &args);
int workflowsToken(const CommandContext &ctx, const QStringList &args);
// The ARC binding scanned once, in workflowsarc.cpp.
int workflowsArc(const CommandContext &ctx, const QStringList &args);
// Metric schemas, in workflowsschema.cpp.
int workflowsSchema(const CommandContext &ctx, const QStringList &args);

// The stored configuration named NAME; a Config error naming it when there is none.
Result<WorkflowConfig> findWorkflowConfig(StoreService &store, const QString &name);

// The store of LINE opened for one command, and the configuration named NAME in it.
struct OpenedConfig {
    std::unique_ptr<StoreService> store;
    WorkflowConfig config;
};
Result<OpenedConfig> openWorkflowConfig(const CommandLine &line, const QString &name);

// --format table|json for the listing subcommands: true for json; nullopt (after a usage message) when neither.
std::optional<bool> wantsJson(const CommandContext &ctx, const QString &format, const QString &help, int *exitCode);

} // namespace fleetscope
