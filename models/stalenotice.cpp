// StaleNotices: failed connections picked from the store's connection rows, worded once for every page.
#include "stalenotice.h"

#include "providers/catalog.h"
#include "snapshotformat.h"

namespace fleetscope {
namespace {

constexpr int kErrorPreview = 160;   // the banner wraps; a stack of JSON would still push the page down

QString providerName(const QString &kind)
{
    const ProviderKind *provider = findProviderKind(kind);
    return provider && !provider->displayName.isEmpty() ? provider->displayName : kind;
}

} // namespace

void DataTimes::note(qint64 connectionId, const QDateTime &ts)
{
    QDateTime &newest = m_byConnection[connectionId];
    if (ts.isValid() && (!newest.isValid() || ts > newest))
        newest = ts;
}

void DataTimes::noteKind(const QString &kind, const QDateTime &ts)
{
    QDateTime &newest = m_byKind[kind];
    if (ts.isValid() && (!newest.isValid() || ts > newest))
        newest = ts;
}

QDateTime DataTimes::newest(const ConnectionRecord &connection) const
{
    const QDateTime own = m_byConnection.value(connection.id);
    const QDateTime kind = m_byKind.value(connection.kind);
    if (!own.isValid())
        return kind;
    return kind.isValid() && kind > own ? kind : own;
}

QList<StaleNotice> StaleNotices::find(const QList<ConnectionRecord> &connections, const QStringList &kinds, const DataTimes &times)
{
    QList<StaleNotice> notices;
    for (const ConnectionRecord &c : connections) {
        // A disabled connection is not expected to sync; its last failure is old news.
        if (c.enabled && c.lastStatus == QLatin1String("failed") && kinds.contains(c.kind))
            notices.append(StaleNotice{c, times.newest(c)});
    }
    return notices;
}

QString StaleNotices::text(const StaleNotice &notice)
{
    const ConnectionRecord &c = notice.connection;
    QString error = c.lastError.isEmpty() ? tr("no error recorded") : c.lastError;
    if (error.size() > kErrorPreview)
        error = error.left(kErrorPreview - 1) + QChar(0x2026);
    const QString failed = c.lastSyncAt.isValid()
        ? tr("%1 “%2” failed at %3 — %4").arg(providerName(c.kind), c.name, SnapshotFormat::clockTime(c.lastSyncAt), error)
        : tr("%1 “%2” failed — %3").arg(providerName(c.kind), c.name, error);
    if (!notice.dataAsOf.isValid())
        return tr("%1; nothing stored from it yet").arg(failed);
    return tr("%1; showing data from %2").arg(failed, SnapshotFormat::clockTime(notice.dataAsOf));
}

} // namespace fleetscope
