// Store reads for views: the query runs on a reader thread, its answer comes back on the receiver's thread.
#pragma once

#include "latestrequest.h"
#include "store/storeservice.h"

#include <QFutureWatcher>

namespace fleetscope {

// Runs QUERY through STORE and calls HANDLER on RECEIVER's thread with the result, unless REQUEST
// was begun again meanwhile (an answer for an old time range is never shown) or RECEIVER is gone.
// A watcher owned by RECEIVER rather than QFuture::then(context): in Qt 6.4 a continuation whose
// context dies before the read finishes asserts.
template<typename T, typename Handler>
void readLatest(StoreService &store, QObject *receiver, LatestRequest &request,
                std::function<Result<T>(Store &)> query, Handler handler)
{
    const quint64 ticket = request.begin();
    auto *watcher = new QFutureWatcher<Result<T>>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
                     [watcher, &request, ticket, handler = std::move(handler)] {
        watcher->deleteLater();
        if (request.isCurrent(ticket))
            handler(watcher->result());
    });
    watcher->setFuture(store.read<T>(std::move(query)));
}

} // namespace fleetscope
