// PostgreSQL plumbing shared by the PgStore files: the connection, errors as values, and
// conversions between our value types and libpqxx parameters and fields. Not for use outside store/.
#pragma once

#include "error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <pqxx/pqxx>

#include <optional>
#include <stdexcept>
#include <string>

namespace fleetscope {

class PgConnection
{
public:
    explicit PgConnection(const std::string &uri) : conn(uri) {}
    pqxx::connection conn;
};

// Thrown inside pgGuard to refuse for a reason of our own (no such workflow configuration): the
// transaction rolls back and the caller gets an Error of KIND with this text.
class PgRefusal : public std::runtime_error
{
public:
    PgRefusal(ErrorClass kind, const QString &message) : std::runtime_error(message.toStdString()), m_kind(kind) {}
    ErrorClass kind() const { return m_kind; }

private:
    ErrorClass m_kind;
};

// Whatever libpqxx threw, as an Error for CONTEXT: one line, classed by SQLSTATE (auth and
// permissions → Auth, constraints and bad values → BadData, connection loss → Unavailable).
Error pgError(const std::exception &exception, const QString &context);

// Runs FN, turning any exception into an Error prefixed with CONTEXT.
template<typename Fn>
auto pgGuard(const QString &context, Fn &&fn) -> Result<decltype(fn())>
{
    try {
        if constexpr (std::is_void_v<decltype(fn())>) {
            fn();
            return {};
        } else {
            return fn();
        }
    } catch (const std::exception &e) {
        return std::unexpected(pgError(e, context));
    }
}

// SQL written with SQLite's ?N placeholders, with PostgreSQL's $N instead.
std::string pgPlaceholders(const char *sql);

// Parameters: unknown values travel as NULL, never 0 (as SqliteStatement binds them).
std::optional<std::string> pgText(const QString &value);          // null QString → NULL
std::optional<qint64> pgTime(const QDateTime &value);              // ms since the epoch; invalid → NULL
std::optional<std::string> pgJson(const QJsonObject &value);      // compact JSON; empty → NULL
std::optional<double> pgReal(std::optional<double> value);        // NaN → NULL

// Fields.
qint64 pgInt(const pqxx::field &field);                            // NULL → 0
double pgDouble(const pqxx::field &field);                         // NULL → 0
QString pgString(const pqxx::field &field);                        // NULL → null QString
bool pgBool(const pqxx::field &field);
std::optional<qint64> pgOptInt(const pqxx::field &field);
std::optional<double> pgOptReal(const pqxx::field &field);
std::optional<bool> pgOptBool(const pqxx::field &field);
QDateTime pgTimestamp(const pqxx::field &field);                   // ms since the epoch, UTC
QDateTime pgOptTimestamp(const pqxx::field &field);                // NULL → invalid
QJsonObject pgObject(const pqxx::field &field);                    // NULL → empty

// Every row of SQL with ARGS, converted by CONVERT, in one autocommit statement.
template<typename Row, typename... Args>
Result<QList<Row>> pgRows(PgConnection &connection, const QString &context, const std::string &sql,
                          Row (*convert)(const pqxx::row &), Args &&...args)
{
    return pgGuard(context, [&] {
        pqxx::nontransaction tx(connection.conn);
        const pqxx::result result = tx.exec_params(sql, std::forward<Args>(args)...);
        QList<Row> rows;
        rows.reserve(qsizetype(result.size()));
        for (const pqxx::row &row : result)
            rows << convert(row);
        return rows;
    });
}

} // namespace fleetscope
