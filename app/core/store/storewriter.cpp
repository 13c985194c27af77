// StoreWriter: applies batches in arrival order on its own thread.
#include "storewriter.h"

#include "logging.h"

namespace fleetscope {

StoreWriter::~StoreWriter() = default;

Result<int> StoreWriter::open()
{
    Result<std::unique_ptr<Store>> store = openStore(m_location, StoreAccess::ReadWrite);
    if (!store)
        return std::unexpected(store.error());
    m_store = std::move(*store);
    return m_store->schemaVersion();
}

Result<WriteSummary> StoreWriter::write(const WriteBatch &batch)
{
    Result<WriteSummary> summary = m_store ? m_store->write(batch) : fail(ErrorClass::Storage, QStringLiteral("the store is not open"));
    if (!summary) {
        qCWarning(lcStore).noquote() << "batch failed:" << describe(summary.error());
        Q_EMIT batchFailed(batch.source, summary.error());
        return summary;
    }
    qCDebug(lcStore).noquote() << "committed" << batch.source << summary->samplesWritten << "samples in" << summary->elapsedMs << "ms";
    Q_EMIT batchCommitted(*summary);
    return summary;
}

void StoreWriter::prune(const QDateTime &cutoff, const QDateTime &jobsCutoff)
{
    if (!m_store)
        return;
    Result<PruneSummary> summary = m_store->prune(cutoff, jobsCutoff);
    if (!summary) {
        qCWarning(lcStore).noquote() << "pruning failed:" << describe(summary.error());
        return;
    }
    qCInfo(lcStore) << "pruned" << summary->rowsDeleted << "rows older than" << cutoff << "(jobs:" << jobsCutoff << ")";
    Q_EMIT pruned(*summary);
}

void StoreWriter::close()
{
    m_store.reset();
}

} // namespace fleetscope
