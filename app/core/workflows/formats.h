// The individual recognizers behind extractMetrics(); internal to app/core/workflows.
#pragma once

#include "recognizers.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace fleetscope::formats {

// Each returns records without the source file set; extractMetrics() stamps it.
FileExtraction googleBenchmark(const QJsonObject &root);
FileExtraction pytestBenchmark(const QJsonObject &root);
FileExtraction hyperfine(const QJsonObject &root);
FileExtraction vllmBench(const QJsonObject &root);
FileExtraction genericJson(const QJsonDocument &document);

bool looksLikeGoogleBenchmark(const QJsonObject &root);
bool looksLikePytestBenchmark(const QJsonObject &root);
bool looksLikeHyperfine(const QJsonObject &root);
bool looksLikeVllmBench(const QJsonObject &root);

// Records, or with ExtractionForm::StoredRows their rows (source file PATH) straight from the cells.
Result<FileExtraction> junitXml(const QByteArray &content, const QString &path, ExtractionForm form = ExtractionForm::Records);
Result<FileExtraction> csv(const QByteArray &content, const QString &path, ExtractionForm form = ExtractionForm::Records);
Result<FileExtraction> markdownTables(const QByteArray &content, const QString &path, ExtractionForm form = ExtractionForm::Records);

// The row of CELLS of a table laid out as LAYOUT into RESULT: as a stored row of source file PATH
// (ExtractionForm::StoredRows), else as a record when it has a metric.
void addTableRow(FileExtraction &result, ExtractionForm form, const TableLayout &layout, const TableCell *cells, const QString &path);

// TEXT (surrounding whitespace allowed) as a number, as QString::toDouble() reads it, without its
// locale machinery (every cell of every table passes here): nullopt when it is not one.
std::optional<double> decimal(QStringView text);

// A BadData error "PATH:LINE: MESSAGE" (LINE 0: "PATH: MESSAGE").
std::unexpected<Error> fileError(const QString &path, int line, const QString &message);

} // namespace fleetscope::formats
