// JSON export: an array of objects keyed by the dataset's columns, same values as the CSV.
#pragma once

#include "domain.h"
#include "error.h"

#include <QIODevice>

namespace fleetscope {

// Timestamps as ISO-8601 UTC strings with Z, unknown values null, numbers as numbers.
Result<qint64> writeJson(const TableData &table, QIODevice &out, const QString &sourceName);

enum class ExportFormat { Csv, Json };

// Writes TABLE in FORMAT to PATH atomically: a failed export leaves an existing file intact.
Result<qint64> writeTableFile(const TableData &table, ExportFormat format, const QString &path);

} // namespace fleetscope
