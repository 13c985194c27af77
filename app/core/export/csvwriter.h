// RFC 4180 CSV: the one exporter behind every table in the GUI and every `fleetscope export`.
#pragma once

#include "domain.h"
#include "error.h"

#include <QIODevice>

namespace fleetscope {

// Formats one cell: numbers in C locale with full precision, timestamps as ISO-8601 UTC
// ("2026-11-23T19:52:35Z", milliseconds when present), null as an empty field.
QString csvCell(const QVariant &value);

// Quotes a field when it holds a comma, quote, CR or LF; doubles inner quotes.
QString csvEscape(const QString &field);

// Writes header + rows, CRLF line ends, UTF-8 without BOM. Returns rows written.
Result<qint64> writeCsv(const TableData &table, QIODevice &out, const QString &sourceName);

// Writes the table to PATH atomically (QSaveFile): a failed export leaves an old file intact.
Result<qint64> writeCsvFile(const TableData &table, const QString &path);

} // namespace fleetscope
