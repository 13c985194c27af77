// PostgreSQL plumbing shared by the PgStore files: the connection, errors as values, and
// conversions between our value types and libpqxx parameters and fields. Not for use outside store/.
#pragma once

#include "error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <pqxx/pqxx>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace fleetscope {

// libpqxx 6 keeps its libpq handle to itself; this policy remembers it for binary COPY (pgcopy.h).
class PgHandlePolicy final : public pqxx::connect_direct
{
public:
    explicit PgHandlePolicy(const std::string &options) : pqxx::connect_direct(options) {}
    handle do_completeconnect(handle orig) override { return m_handle = pqxx::connect_direct::do_completeconnect(orig); }
    handle do_dropconnect(handle orig) noexcept override { m_handle = nullptr; return pqxx::connect_direct::do_dropconnect(orig); }
    handle do_disconnect(handle orig) noexcept override { m_handle = nullptr; return pqxx::connect_direct::do_disconnect(orig); }
    handle raw() const { return m_handle; }

private:
    handle m_handle = nullptr;
};

// pqxx::connection, with the libpq handle in reach (a reconnect by libpqxx updates it).
class PgLink final : public pqxx::connection_base
{
public:
    explicit PgLink(const std::string &options) : pqxx::connection_base(m_policy), m_policy(options) { init(); }
    ~PgLink() noexcept { close(); }
    PgHandlePolicy::handle raw() const { return m_policy.raw(); }

private:
    PgHandlePolicy m_policy;
};

class PgConnection
{
public:
    explicit PgConnection(const std::string &uri) : conn(uri) {}
    PgLink conn;
};

// Connects to URI (throws like libpqxx). When the server wants a password that libpq has none for,
// the keychain's (pgpassword.h) is tried before giving up.
std::unique_ptr<PgConnection> pgConnect(const QString &uri);

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
