// Tables for the terminal: padded text, and a TableData as text, CSV or JSON the way the commands print it.
#pragma once

#include "domain.h"
#include "error.h"

#include <QJsonArray>
#include <QList>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace fleetscope {

// VALUE in its shortest form that reads back exactly ("0.1", "1e-07"), as tables and exports print numbers.
QString shortestNumber(double value);
// PERCENT with one decimal and its sign ("+12.5%", "-3.0%"); "-" for none.
QString signedPercentText(const std::optional<double> &percent);

// ROWS[0] is the header. Each line is trimmed of trailing padding.
void writeTextTable(const QList<QStringList> &rows, QTextStream &out);

// TABLE padded: column names upper-cased, a missing value as "-", numbers in their shortest form.
void writeTextTable(const TableData &table, QTextStream &out);
// TABLE as a JSON array with one object per row, keyed by column; a missing value is null.
QJsonArray tableJson(const TableData &table);
// TABLE as CSV with a header row, through the export writer.
Result<qint64> writeCsvText(const TableData &table, QTextStream &out);

} // namespace fleetscope
