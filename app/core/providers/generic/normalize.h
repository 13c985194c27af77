// Fetched descriptor items to normalized rows: instances, GPU offers and billing snapshots.
#pragma once

#include "pagination.h"

namespace fleetscope::generic {

struct RowContext {
    QString provider;        // the descriptor's kind
    qint64 connectionId = 0;
    qint64 nowMs = 0;        // the rows' timestamp, and "now" for seconds-since
};

// Appends LIST's ITEMS to BATCH as rows of the list's target. Items that lack an instanceId or
// one of the list's requireFields are left out; returns how many were.
qsizetype appendRows(WriteBatch &batch, const ApiSpec &api, const ListSpec &list, const QList<FetchedItem> &items, const RowContext &row);

} // namespace fleetscope::generic
