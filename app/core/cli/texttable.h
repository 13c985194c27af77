// Plain-text tables for the terminal: columns padded to their widest cell.
#pragma once

#include <QList>
#include <QStringList>
#include <QTextStream>

namespace fleetscope {

// ROWS[0] is the header. Each line is trimmed of trailing padding.
void writeTextTable(const QList<QStringList> &rows, QTextStream &out);

} // namespace fleetscope
