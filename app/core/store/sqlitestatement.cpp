// SqliteStatement: thin RAII over sqlite3_stmt with errors as values.
#include "sqlitestatement.h"

#include <QJsonDocument>

#include <sqlite3.h>

#include <cmath>
#include <utility>

namespace fleetscope {

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr))
{
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

Result<SqliteStatement> SqliteStatement::prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        return std::unexpected(sqliteError(db, QStringLiteral("prepare")));
    return SqliteStatement(db, stmt);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bind(int index, double value)
{
    if (std::isnan(value))
        sqlite3_bind_null(m_stmt, index);
    else
        sqlite3_bind_double(m_stmt, index, value);
}

void SqliteStatement::bind(int index, const QString &value)
{
    if (value.isNull()) {
        sqlite3_bind_null(m_stmt, index);
        return;
    }
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bindUtf8(int index, QByteArrayView utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8.data(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bindUtf8Static(int index, QByteArrayView utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8.data(), int(utf8.size()), SQLITE_STATIC);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

void SqliteStatement::bind(int index, std::optional<qint64> value)
{
    if (value)
        bind(index, *value);
    else
        bindNull(index);
}

void SqliteStatement::bind(int index, std::optional<double> value)
{
    if (value)
        bind(index, *value);
    else
        bindNull(index);
}

void SqliteStatement::bind(int index, std::optional<bool> value)
{
    if (value)
        bind(index, qint64(*value ? 1 : 0));
    else
        bindNull(index);
}

void SqliteStatement::bind(int index, const QDateTime &value)
{
    if (value.isValid())
        bind(index, value.toMSecsSinceEpoch());
    else
        bindNull(index);
}

void SqliteStatement::bindReference(int index, qint64 id)
{
    if (id > 0)
        bind(index, id);
    else
        bindNull(index);
}

void SqliteStatement::bindTextOrNull(int index, const QString &value)
{
    if (value.isEmpty())
        bindNull(index);
    else
        bind(index, value);
}

void SqliteStatement::bind(int index, const QJsonObject &value)
{
    if (value.isEmpty())
        bindNull(index);
    else
        bind(index, QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)));
}

Result<bool> SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error error = sqliteError(m_db, QStringLiteral("step"));
    sqlite3_reset(m_stmt);
    return std::unexpected(error);
}

Result<void> SqliteStatement::eachRow(const std::function<void(const SqliteStatement &)> &fn)
{
    while (true) {
        Result<bool> row = step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        fn(*this);
    }
    reset();
    return {};
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Result<void> sqliteExec(sqlite3 *db, const QString &sql, const QString &context)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = message ? QString::fromUtf8(message) : QStringLiteral("unknown error");
        sqlite3_free(message);
        return fail(ErrorClass::Storage, context + QStringLiteral(": ") + text);
    }
    return {};
}

Error sqliteError(sqlite3 *db, const QString &context)
{
    return Error::make(ErrorClass::Storage, context + QStringLiteral(": ") + QString::fromUtf8(sqlite3_errmsg(db)));
}

} // namespace fleetscope
