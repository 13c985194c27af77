// The single writer: lives on the writer thread, owns the write connection, commits one batch per transaction.
#pragma once

#include "store.h"

#include <QObject>

namespace fleetscope {

class StoreWriter : public QObject
{
    Q_OBJECT
public:
    explicit StoreWriter(StoreLocation location) : m_location(std::move(location)) {}
    ~StoreWriter() override;

    // Called on the writer thread only (queued from StoreService).
    Result<int> open();
    Result<WriteSummary> write(const WriteBatch &batch);   // also announced by the signals below
    void prune(const QDateTime &cutoff, const QDateTime &jobsCutoff);
    void close();

Q_SIGNALS:
    void batchCommitted(const fleetscope::WriteSummary &summary);
    void batchFailed(const QString &source, const fleetscope::Error &error);
    void pruned(const fleetscope::PruneSummary &summary);

private:
    StoreLocation m_location;
    std::unique_ptr<Store> m_store;
};

} // namespace fleetscope
