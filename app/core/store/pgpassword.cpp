// The keychain's database password: the entry a URI names, and opening a connection with it when
// the server asks for a password libpq does not have.
#include "pgpassword.h"

#include "pgsupport.h"
#include "store.h"

#include <libpq-fe.h>

#include <memory>

namespace fleetscope {
namespace {

using Options = std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)>;

Options parseUri(const QString &uri)
{
    char *error = nullptr;
    Options options(PQconninfoParse(uri.toUtf8().constData(), &error), &PQconninfoFree);
    PQfreemem(error);   // its text may quote the URI, password and all: not used
    return options;
}

QString option(const Options &options, const char *keyword, const char *environment, const QString &fallback)
{
    for (const PQconninfoOption *o = options.get(); o && o->keyword; ++o) {
        if (qstrcmp(o->keyword, keyword) == 0 && o->val && *o->val)
            return QString::fromUtf8(o->val);
    }
    const QString fromEnvironment = qEnvironmentVariable(environment);
    return fromEnvironment.isEmpty() ? fallback : fromEnvironment;
}

// A keyword=value connection string of OPTIONS with PASSWORD added (libpq quoting).
std::string withPassword(const Options &options, const Secret &password)
{
    const auto quoted = [](const QByteArray &value) {
        std::string out = "'";
        for (const char c : value) {
            if (c == '\'' || c == '\\')
                out += '\\';
            out += c;
        }
        return out + "'";
    };
    std::string conninfo;
    for (const PQconninfoOption *o = options.get(); o && o->keyword; ++o) {
        if (o->val && qstrcmp(o->keyword, "password") != 0)
            conninfo += std::string(o->keyword) + "=" + quoted(QByteArray(o->val)) + " ";
    }
    return conninfo + "password=" + quoted(password.bytes());
}

} // namespace

Result<Credentials::Entry> storePasswordEntry(const QString &uri)
{
    const Options options = parseUri(uri);
    if (!options)
        return fail(ErrorClass::Config, QStringLiteral("%1: not a PostgreSQL connection URI").arg(redactPostgresUri(uri)));
    const QString user = option(options, "user", "PGUSER", qEnvironmentVariable("USER"));
    QString host = option(options, "host", "PGHOST", QStringLiteral("localhost"));
    if (host.startsWith(QLatin1Char('/')))
        host = QStringLiteral("localhost");   // a socket folder is this computer
    const QString port = option(options, "port", "PGPORT", QStringLiteral("5432"));
    const QString database = option(options, "dbname", "PGDATABASE", user);
    const QString target = QStringLiteral("%1@%2:%3/%4").arg(user, host, port, database);
    return Credentials::Entry{QStringLiteral("store/") + target, QStringLiteral("the database password of %1").arg(target)};
}

std::unique_ptr<PgConnection> pgConnect(const QString &uri)
{
    try {
        return std::make_unique<PgConnection>(uri.toStdString());
    } catch (const pqxx::broken_connection &) {
        // libpq found no password of its own for a server that wants one: the keychain may have it.
        // Asked of libpq itself, since its messages are translated under other locales.
        PGconn *probe = PQconnectdb(uri.toUtf8().constData());
        const bool needsPassword = probe && PQstatus(probe) == CONNECTION_BAD && PQconnectionNeedsPassword(probe);
        PQfinish(probe);
        if (!needsPassword)
            throw;
        const Result<Credentials::Entry> entry = storePasswordEntry(uri);
        const Result<Secret> password = entry ? Credentials().readBlocking(*entry) : std::unexpected(entry.error());
        if (!password)
            throw;   // libpq's message stands; `store password set` is in the README
        return std::make_unique<PgConnection>(withPassword(parseUri(uri), *password));
    }
}

} // namespace fleetscope
