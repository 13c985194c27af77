// Connection id → name, for tables that show which account a row came from.
#pragma once

#include "domain.h"

#include <QHash>

namespace fleetscope {

inline QHash<qint64, QString> connectionNames(const QList<ConnectionRecord> &connections)
{
    QHash<qint64, QString> names;
    for (const ConnectionRecord &c : connections)
        names.insert(c.id, c.name);
    return names;
}

} // namespace fleetscope
