// Which connections behind a page failed their last sync, and how old the data it still shows for them is.
#pragma once

#include "domain.h"

#include <QCoreApplication>
#include <QHash>

namespace fleetscope {

struct StaleNotice {
    ConnectionRecord connection;   // its last status is "failed"; lastSyncAt is when, lastError says why
    QDateTime dataAsOf;            // newest data the page shows from it; invalid: none stored
};

// Newest data time per connection id, gathered while a page reads its rows.
class DataTimes
{
public:
    void note(qint64 connectionId, const QDateTime &ts);
    // Rows without a connection (GPU offers carry the provider only) count for every connection of that kind.
    void noteKind(const QString &kind, const QDateTime &ts);
    QDateTime newest(const ConnectionRecord &connection) const;

private:
    QHash<qint64, QDateTime> m_byConnection;
    QHash<QString, QDateTime> m_byKind;
};

class StaleNotices
{
    Q_DECLARE_TR_FUNCTIONS(StaleNotices)
public:
    // The enabled CONNECTIONS of KINDS whose last sync failed, in the given order.
    static QList<StaleNotice> find(const QList<ConnectionRecord> &connections, const QStringList &kinds, const DataTimes &times);
    // "RunPod “prod” failed at 14:05 — auth: 401 Unauthorized; showing data from 13:55"
    static QString text(const StaleNotice &notice);
};

} // namespace fleetscope
