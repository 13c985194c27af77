// StoreDialect: fresh stores of either dialect for the shared scenario suites.
#include "storedialect.h"

namespace fleetscope::test {

bool StoreDialect::start()
{
    return !m_postgres || m_server.start();
}

StoreLocation StoreDialect::fresh(const QString &dir)
{
    if (!m_postgres)
        return *StoreLocation::parse(QString(), dir);
    const QString database = m_server.createDatabase();
    if (database.isEmpty())
        qFatal("cannot create a test database: %s", qPrintable(m_server.error()));
    return *StoreLocation::parse(m_server.uri(database), dir);
}

} // namespace fleetscope::test
