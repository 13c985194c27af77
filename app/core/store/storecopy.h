// `fleetscope store copy`: the history of one store moved into another (SQLite or PostgreSQL, either
// way), table by table, parents first with their ids remapped, in chunks, resumable.
#pragma once

#include "store.h"

#include <functional>

namespace fleetscope {

struct StoreCopyOptions {
    QDateTime since;                                    // invalid: all; else time-stamped rows from SINCE on
    int chunkRows = 5000;
    std::function<void(const QString &line)> progress;  // one line per chunk and per table, for stderr
};

// One table after the copy: rows of the source (from SINCE), rows the destination now holds in the
// same range, and how many the copy added (the others were there already: a resumed or repeated copy).
struct TableCopyCount {
    QString table;
    qint64 source = 0;
    qint64 destination = 0;
    qint64 copied = 0;
    bool matches() const { return destination >= source; }
};

struct StoreCopySummary {
    QList<TableCopyCount> tables;
};

// Migrates TO first (a store written by a newer Fleetscope is refused untouched); FROM must be a
// Fleetscope store of this version's schema and is only read. A row already in TO is not copied
// again, so a copy that was interrupted continues where it stopped when run again.
Result<StoreCopySummary> copyStore(const StoreLocation &from, const StoreLocation &to, const StoreCopyOptions &options);

} // namespace fleetscope
