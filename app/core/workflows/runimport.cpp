// buildRun: per-file outcomes in, one run record out; the counts and error text follow seed 002.
#include "runimport.h"

#include <QCryptographicHash>
#include <QtConcurrent/QtConcurrentMap>

namespace fleetscope {
namespace {

constexpr qsizetype kMaxErrorMessage = 4000;

} // namespace

std::optional<MetricSchema> activeConfirmedSchema(const QList<MetricSchema> &schemas)
{
    for (const MetricSchema &schema : schemas) {
        if (schema.active && schema.isConfirmed())
            return schema;
    }
    return std::nullopt;
}

Result<std::optional<MetricSchema>> activeConfirmedSchema(StoreService &store, const QString &config)
{
    Result<QList<MetricSchema>> schemas = store.read<QList<MetricSchema>>([config](Store &s) { return s.workflowSchemas(config); }).result();
    if (!schemas)
        return std::unexpected(schemas.error());
    return activeConfirmedSchema(*schemas);
}

Result<FileExtraction> extractFile(const ResultFile &file, const std::optional<MetricSchema> &schema)
{
    Result<FileExtraction> extraction = extractMetrics(file, ExtractionForm::StoredRows);
    if (!extraction || !schema || extraction->format != QLatin1String("json"))
        return extraction;
    Result<FileExtraction> confirmed = extractWithSchema(*schema, file);
    if (!confirmed || confirmed->records.isEmpty()) {
        extraction->notes << QStringLiteral("schema v%1 found no records; read as generic JSON").arg(schema->version);
        return extraction;
    }
    for (MetricRecord &record : confirmed->records)
        record.schemaId = schema->id;
    return confirmed;
}

QString runKeyFor(const QString &runId, const QList<ResultFile> &files)
{
    if (!runId.isEmpty())
        return QStringLiteral("run:") + runId;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const ResultFile &file : files) {
        hash.addData(file.path.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(QByteArray::number(file.content.size()));
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(file.content);
    }
    return QStringLiteral("sha256:") + QString::fromLatin1(hash.result().toHex());
}

BuiltRun buildRun(const WorkflowConfig &config, const CollectedFiles &files, const RunOptions &options)
{
    BuiltRun built;
    WorkflowRun &run = built.write.run;
    run.configId = config.id;
    run.configName = config.name;
    run.runKey = runKeyFor(options.runId, files.files);
    bool numeric = false;
    const qint64 githubRunId = options.runId.toLongLong(&numeric);
    if (numeric && githubRunId > 0)
        run.githubRunId = githubRunId;
    run.headSha = options.headSha;
    run.headBranch = options.headBranch;
    run.triggerSource = options.triggerSource;
    run.workloadStartedAt = options.startedAt;
    run.collectionStartedAt = options.collectedAt;
    run.collectionCompletedAt = options.collectedAt;
    run.filesFound = files.found();

    QStringList problems;
    for (const SkippedFile &skipped : files.skipped) {
        built.files << FileOutcome{skipped.path, QString(), 0, QStringLiteral("skipped: ") + skipped.reason, {}};
        problems << QStringLiteral("%1: skipped: %2").arg(skipped.path, skipped.reason);
    }
    // Files are read and their rows written as documents independently, so on every core at once (the
    // calling thread takes part); the outcomes keep the files' order.
    struct Extracted {
        Result<FileExtraction> extraction;   // without its records: they are in ROWS
        MetricRows rows;
    };
    const QList<Extracted> extractions = QtConcurrent::blockingMapped(files.files, [&options](const ResultFile &file) {
        Extracted extracted{extractFile(file, options.schema), {}};
        if (extracted.extraction) {
            extracted.rows = extracted.extraction->records.isEmpty() ? std::move(extracted.extraction->rows)
                                                                     : MetricRows(extracted.extraction->records);
            extracted.extraction->records.clear();
        }
        return extracted;
    });
    for (qsizetype i = 0; i < files.files.size(); ++i) {
        const ResultFile &file = files.files.at(i);
        FileOutcome outcome;
        outcome.path = file.path;
        const Extracted &extracted = extractions.at(i);
        if (!extracted.extraction) {
            outcome.problem = extracted.extraction.error().message;
            problems << extracted.extraction.error().message;
            built.files << outcome;
            continue;
        }
        outcome.format = extracted.extraction->format;
        outcome.notes = extracted.extraction->notes;
        outcome.metrics = extracted.rows.valueCount();
        run.metricsCount += outcome.metrics;
        ++run.filesProcessed;
        built.write.rows.append(extracted.rows);
        built.files << outcome;
    }
    std::sort(built.files.begin(), built.files.end(), [](const FileOutcome &a, const FileOutcome &b) { return a.path < b.path; });

    if (run.filesFound == 0) {
        run.status = RunStatus::Skipped;
        run.errorMessage = config.filePatterns.isEmpty()
            ? QStringLiteral("no result files (.json, .csv, .md, .xml) found")
            : QStringLiteral("no file matched %1").arg(config.filePatterns.join(QStringLiteral(", ")));
        return built;
    }
    run.status = run.filesProcessed > 0 ? RunStatus::Completed : RunStatus::Failed;
    run.errorMessage = problems.join(QStringLiteral("; "));
    if (run.errorMessage.size() > kMaxErrorMessage)
        run.errorMessage = run.errorMessage.left(kMaxErrorMessage - 1) + QChar(0x2026);
    return built;
}

Result<QList<WorkflowRun>> importRuns(StoreService &store, const WorkflowConfig &config, const QList<RunSource> &sources,
                                      const std::function<void(const WorkflowRun &)> &stored)
{
    QList<WorkflowRun> done;
    std::optional<QFuture<Result<WriteSummary>>> writing;   // the run before, while it is stored
    WorkflowRun writingRun;
    const auto awaitWriting = [&]() -> Result<void> {
        if (!writing)
            return {};
        QFuture<Result<WriteSummary>> future = *std::exchange(writing, std::nullopt);
        future.waitForFinished();
        if (future.resultCount() == 0)
            return fail(ErrorClass::Storage, QStringLiteral("%1: the store writer stopped before run %2 was stored").arg(config.name, writingRun.label()));
        if (const Result<WriteSummary> &written = future.result(); !written)
            return std::unexpected(written.error());
        done << writingRun;
        if (stored)
            stored(writingRun);
        return {};
    };
    for (const RunSource &source : sources) {
        Result<CollectedFiles> files = collectLocalFiles(source.paths, config.filePatterns, config.maxFileBytes);
        if (!files) {
            // The run before is still stored (or its failure is told first: it happened first).
            if (Result<void> before = awaitWriting(); !before)
                return std::unexpected(Error::make(before.error().kind, before.error().message + QStringLiteral("; then ") + files.error().message));
            return std::unexpected(files.error());
        }
        BuiltRun built = buildRun(config, *files, source.options);
        if (Result<void> before = awaitWriting(); !before)
            return std::unexpected(before.error());
        writingRun = built.write.run;
        WriteBatch batch;
        batch.source = QStringLiteral("workflows import %1").arg(config.name);
        batch.workflowRuns << std::move(built.write);
        writing = store.write(std::move(batch));
    }
    if (Result<void> last = awaitWriting(); !last)
        return std::unexpected(last.error());
    return done;
}

} // namespace fleetscope
