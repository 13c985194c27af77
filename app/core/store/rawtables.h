// Rows of a store's tables as plain cells, the same from either dialect: for `store copy` only,
// which moves every column of every table without knowing what the columns mean.
#pragma once

#include "store.h"

#include <QVariantList>

#include <memory>

namespace fleetscope {

// Cells are null, qint64, double or QString; booleans come as 0/1 and JSON documents as compact
// text with sorted keys, so a row reads alike from SQLite and PostgreSQL.
class RawTables
{
public:
    virtual ~RawTables() = default;

    // Opens LOCATION as it is (no migrations; openStore() checks and migrates it first).
    static Result<std::unique_ptr<RawTables>> open(const StoreLocation &location, StoreAccess access);

    virtual Result<QStringList> tables() = 0;   // every table, schema_migrations included
    virtual Result<QStringList> columns(const QString &table) = 0;
    // Every row of SQL (plain SQL both dialects read alike, ? placeholders) with PARAMS.
    virtual Result<QList<QVariantList>> select(const QString &sql, const QVariantList &params) = 0;
    // Inserts ROWS of COLUMNS into TABLE in one transaction and returns how many went in. With
    // IGNORE_DUPLICATES a row a unique key already holds is skipped; with IDS each new row's id is
    // appended there, in order.
    virtual Result<qint64> insert(const QString &table, const QStringList &columns, const QList<QVariantList> &rows,
                                  bool ignoreDuplicates, QList<qint64> *ids) = 0;
    virtual Result<void> exec(const QString &sql, const QVariantList &params) = 0;

protected:
    static QString placeholders(qsizetype count);   // "?, ?, ?"
    static Result<QStringList> firstColumn(const Result<QList<QVariantList>> &rows);
};

} // namespace fleetscope
