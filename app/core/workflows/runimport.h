// Turning a run's result files into one run record with its metric rows: the step shared by the
// local import today and the GitHub Actions and runner collectors later.
#pragma once

#include "metricschema.h"
#include "resultfiles.h"
#include "store/storeservice.h"

#include <functional>

namespace fleetscope {

struct RunOptions {
    QString runId;                   // GitHub run id or any label; empty: the files' content names the run
    QString headSha;
    QString headBranch;
    QDateTime startedAt;             // invalid: COLLECTEDAT
    QDateTime collectedAt;           // when the files were read
    TriggerSource triggerSource = TriggerSource::Manual;
    // The configuration's active confirmed schema: JSON files that no specific recognizer knows
    // (those the generic JSON reader would flatten) are extracted with it, their rows recording its version.
    std::optional<MetricSchema> schema;
};

// The active confirmed schema among SCHEMAS (a configuration's versions); nullopt when the active one is built-in or none is.
std::optional<MetricSchema> activeConfirmedSchema(const QList<MetricSchema> &schemas);
// The same read from STORE for the configuration named CONFIG (blocking: not for the GUI thread).
Result<std::optional<MetricSchema>> activeConfirmedSchema(StoreService &store, const QString &config);

// FILE's metric rows as an import reads it: by the built-in recognizers, or by SCHEMA (when given) for
// JSON no specific recognizer knows. CSV, Markdown and JUnit come as stored rows (ExtractionForm::StoredRows).
Result<FileExtraction> extractFile(const ResultFile &file, const std::optional<MetricSchema> &schema);

struct FileOutcome {
    QString path;
    QString format;                  // empty when it failed or was skipped
    qsizetype metrics = 0;           // metric values taken from the file
    QString problem;                 // one line when the file failed or was skipped; empty when read
    QStringList notes;
};

struct BuiltRun {
    WorkflowRunWrite write;
    QList<FileOutcome> files;        // in path order, skipped files included
};

// The run key (migration 006) for OPTIONS.runId, or for FILES' paths and content when it is empty.
QString runKeyFor(const QString &runId, const QList<ResultFile> &files);

// Extracts every file of FILES into one run of CONFIG. A bad file fails that file, not the run:
// the run is completed when one file was read, failed when none could be, skipped when none was found.
BuiltRun buildRun(const WorkflowConfig &config, const CollectedFiles &files, const RunOptions &options);

// One run to import: its result files or folders (as collectLocalFiles takes them) and how to record it.
struct RunSource {
    QStringList paths;
    RunOptions options;
};

// Imports SOURCES as runs of CONFIG, in order, each in its own write; a run's files are read and
// extracted while the run before it is stored. STORED (optional) hears of each run once it is stored.
// Stops at the first source that cannot be read or write that fails; the runs stored before stay.
// A file that cannot be parsed fails that file, as in buildRun.
Result<QList<WorkflowRun>> importRuns(StoreService &store, const WorkflowConfig &config, const QList<RunSource> &sources,
                                      const std::function<void(const WorkflowRun &)> &stored = {});

} // namespace fleetscope
