// Built-in recognizers: benchmark result files in, metric rows out, no AI needed.
#pragma once

#include "error.h"
#include "metricrows.h"
#include "workflowtypes.h"

#include <QByteArray>

namespace fleetscope {

// One result file of a run, read into memory (from disk today, from an artifact zip later).
struct ResultFile {
    QString path;          // relative to the run's files, '/'-separated
    QByteArray content;
};

// What a recognizer hands back: records, or, for the import, the rows as they are stored, which the
// recognizers of tables (CSV, Markdown, JUnit) write straight from the cells; the others give records then too.
enum class ExtractionForm { Records, StoredRows };

struct FileExtraction {
    QString format;              // "google-benchmark", "pytest-benchmark", "hyperfine", "vllm-bench", "junit",
                                 // "json", "csv", "markdown"
    QList<MetricRecord> records; // every record carries FILE's path as its source file
    MetricRows rows;             // ExtractionForm::StoredRows, CSV, Markdown and JUnit: the records' rows instead
    QStringList notes;           // what was left out and why, one line each
};

// The format of FILE by its name and contents, then its metric rows. A file that cannot be read
// is a BadData error whose one-line message starts with "PATH:" or "PATH:LINE:".
Result<FileExtraction> extractMetrics(const ResultFile &file, ExtractionForm form = ExtractionForm::Records);

// Whether a file name has an extension some recognizer reads (.json, .csv, .md, .markdown, .xml).
bool hasRecognizedExtension(const QString &path);

} // namespace fleetscope
