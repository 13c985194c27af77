// The store dialect a shared scenario suite runs against: the same test source is built once for
// SQLite and once for PostgreSQL (FLEETSCOPE_TEST_POSTGRES), and asks this for its stores.
#pragma once

#include "pgserver.h"
#include "store/store.h"

namespace fleetscope::test {

class StoreDialect
{
public:
    explicit StoreDialect(bool postgres) : m_postgres(postgres) {}

    bool isPostgres() const { return m_postgres; }
    QString name() const { return m_postgres ? QStringLiteral("postgresql") : QStringLiteral("sqlite"); }

    // PostgreSQL: starts the throwaway server (false, with error(), when it cannot). SQLite: nothing to do.
    bool start();
    QString error() const { return m_server.error(); }

    // A store nobody used yet: DIR's default SQLite file, or a new database on the server.
    StoreLocation fresh(const QString &dir);

    // How a write that breaks a constraint (a series of an unknown connection) is classed:
    // SQLite reports every engine error as Storage; PostgreSQL's SQLSTATE says BadData.
    ErrorClass constraintError() const { return m_postgres ? ErrorClass::BadData : ErrorClass::Storage; }

    PgServer &server() { return m_server; }

private:
    bool m_postgres;
    PgServer m_server;
};

} // namespace fleetscope::test
