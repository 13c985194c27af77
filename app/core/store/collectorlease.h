// Which connections this process may collect, so that collectors sharing one store never collect the
// same connection at once. On PostgreSQL each claimed connection is a session advisory lock held by a
// database connection of the lease's own: released on release(), when the process ends, and when it
// dies (the server ends the session). A SQLite store belongs to one machine: every claim succeeds.
#pragma once

#include "store/store.h"

#include <QHash>
#include <QSet>

#include <memory>

namespace fleetscope {

class CollectorLease
{
public:
    virtual ~CollectorLease() = default;

    // HOLDER names this process to others ("fleetscope collect on HOST, pid N").
    static Result<std::unique_ptr<CollectorLease>> open(const StoreLocation &location, const QString &holder);

    // Claims each of IDS it does not hold yet, releases those it holds that are not in IDS, and
    // returns the ids it holds now.
    virtual Result<QSet<qint64>> claim(const QList<qint64> &ids) = 0;
    // Who holds those of IDS that another process holds.
    virtual Result<QHash<qint64, QString>> holders(const QList<qint64> &ids) = 0;
};

} // namespace fleetscope
