// StoreWriter: applies batches in arrival order on its own thread; through an outage, by way of the journal.
#include "storewriter.h"

#include "batchjournal.h"
#include "logging.h"

#include <QTimer>

namespace fleetscope {

StoreWriter::StoreWriter(StoreLocation location) : m_location(std::move(location)), m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &StoreWriter::drainJournal);
}

StoreWriter::~StoreWriter() = default;

Result<int> StoreWriter::open()
{
    Result<std::unique_ptr<Store>> store = openStore(m_location, StoreAccess::ReadWrite);
    if (!store)
        return std::unexpected(store.error());
    m_store = std::move(*store);
    return m_store->schemaVersion();
}

Result<qsizetype> StoreWriter::useJournal(const QString &path)
{
    m_journal = std::make_unique<BatchJournal>(path);
    Result<QStringList> notices = m_journal->load();
    if (!notices) {
        m_journal.reset();
        return std::unexpected(notices.error());
    }
    for (const QString &line : std::as_const(*notices))
        Q_EMIT journalNotice(line);
    if (m_journal->waiting() > 0) {
        Q_EMIT journalNotice(QStringLiteral("%1: %2 batch(es) from an earlier run to write").arg(path).arg(m_journal->waiting()));
        drainJournal();
    }
    return m_journal->waiting();
}

Result<WriteSummary> StoreWriter::write(const WriteBatch &batch)
{
    // While batches wait in the journal, later ones queue behind them: rows arrive in order.
    if (m_journal && m_journal->waiting() > 0)
        return defer(batch, Error::make(ErrorClass::Unavailable, QStringLiteral("%1: earlier batches wait for the store").arg(batch.source)));
    Result<WriteSummary> summary = fail(ErrorClass::Storage, QStringLiteral("the store is not open"));
    if (!m_store && m_journal) {   // lost in an outage whose batches are all written or refused
        if (Result<int> opened = open(); !opened)
            summary = std::unexpected(opened.error());
    }
    if (m_store)
        summary = m_store->write(batch);
    if (!summary && m_journal && isOutage(summary.error())) {
        m_store.reset();   // reconnect from scratch on the retry
        Result<WriteSummary> deferred = defer(batch, summary.error());
        scheduleRetry(summary.error());
        return deferred;
    }
    if (!summary) {
        qCWarning(lcStore).noquote() << "batch failed:" << describe(summary.error());
        Q_EMIT batchFailed(batch.source, summary.error());
        return summary;
    }
    qCDebug(lcStore).noquote() << "committed" << batch.source << summary->samplesWritten << "samples in" << summary->elapsedMs << "ms";
    Q_EMIT batchCommitted(*summary);
    return summary;
}

Result<WriteSummary> StoreWriter::defer(const WriteBatch &batch, const Error &error)
{
    if (Result<void> kept = m_journal->append(batch); !kept) {
        Q_EMIT batchFailed(batch.source, kept.error());   // the journal is full or unwritable: this batch is lost
        return std::unexpected(kept.error());
    }
    Q_EMIT batchDeferred(batch.source, error, m_journal->waiting());
    return std::unexpected(error);
}

void StoreWriter::scheduleRetry(const Error &error)
{
    if (m_retry->isActive())
        return;
    Q_EMIT retryFailed(error, m_retryMs, m_journal->waiting());
    m_retry->start(m_retryMs);
    m_retryMs = std::min(m_retryMs * 2, kMaxRetryMs);
}

void StoreWriter::drainJournal()
{
    if (!m_store) {
        if (Result<int> opened = open(); !opened)
            return scheduleRetry(opened.error());
    }
    qsizetype written = 0;
    while (m_journal->waiting() > 0) {
        Result<WriteBatch> batch = m_journal->front();
        Result<WriteSummary> summary = batch ? m_store->write(*batch) : std::unexpected(batch.error());
        if (!summary && isOutage(summary.error())) {
            m_store.reset();
            return scheduleRetry(summary.error());
        }
        if (Result<void> popped = m_journal->popFront(); !popped)
            Q_EMIT journalNotice(popped.error().message);
        if (summary) {
            ++written;
            Q_EMIT batchCommitted(*summary);
        } else {
            // Refused for a reason a retry will not change (bad data): dropped, so it cannot block the rest.
            Q_EMIT batchFailed(batch ? batch->source : m_journal->path(), summary.error());
        }
    }
    m_retryMs = kFirstRetryMs;
    Q_EMIT journalWritten(written);
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
    m_retry->stop();
    m_store.reset();
}

} // namespace fleetscope
