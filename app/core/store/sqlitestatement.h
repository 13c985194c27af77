// A prepared SQLite statement on the sqlite3* handle of a Qt Sql connection: the hot paths
// (batch insert, bucket queries, migration scripts) use it to skip per-row QVariant overhead.
#pragma once

#include "error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace fleetscope {

class SqliteStatement
{
public:
    SqliteStatement() = default;
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    ~SqliteStatement();

    static Result<SqliteStatement> prepare(sqlite3 *db, const char *sql);

    void bind(int index, qint64 value);
    void bind(int index, double value);     // NaN binds NULL
    void bind(int index, const QString &value);
    void bindUtf8(int index, QByteArrayView utf8);     // text already in UTF-8 (no QString round trip)
    void bindUtf8Static(int index, QByteArrayView utf8);   // the same, not copied: UTF8 must outlive the next reset()
    void bindNull(int index);
    // Unknown values bind NULL, never 0.
    void bind(int index, std::optional<qint64> value);
    void bind(int index, std::optional<double> value);
    void bind(int index, std::optional<bool> value);
    void bind(int index, const QDateTime &value);      // milliseconds since the epoch; invalid → NULL
    void bind(int index, const QJsonObject &value);    // compact JSON; empty → NULL
    void bindReference(int index, qint64 id);          // a row id of another table; 0 (none) → NULL
    void bindTextOrNull(int index, const QString &value);   // empty → NULL

    // One step: true while a row is available, false when done.
    Result<bool> step();
    // Steps through every row, calling FN for each, then resets the statement.
    Result<void> eachRow(const std::function<void(const SqliteStatement &)> &fn);
    void reset();                            // reset and clear bindings, ready for reuse

    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    bool isNull(int column) const;

private:
    explicit SqliteStatement(sqlite3 *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

// Runs a script of one or more statements (no result rows).
Result<void> sqliteExec(sqlite3 *db, const QString &sql, const QString &context);

// The last error on DB as an Error of class Storage, prefixed with CONTEXT.
Error sqliteError(sqlite3 *db, const QString &context);

} // namespace fleetscope
