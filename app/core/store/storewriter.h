// The single writer: lives on the writer thread, owns the write connection, commits one batch per transaction.
#pragma once

#include "store.h"

#include <QObject>

#include <memory>

class QTimer;

namespace fleetscope {

class BatchJournal;

class StoreWriter : public QObject
{
    Q_OBJECT
public:
    explicit StoreWriter(StoreLocation location);
    ~StoreWriter() override;

    // Called on the writer thread only (queued from StoreService).
    Result<int> open();
    bool writable() const { return m_store && m_store->writable(); }
    Result<WriteSummary> write(const WriteBatch &batch);   // also announced by the signals below
    void prune(const QDateTime &cutoff, const QDateTime &jobsCutoff);
    void close();

    // From now on a batch the store cannot take because its server is gone is kept in the journal
    // at PATH and written, in order, after reconnecting (retried with backoff); later batches queue
    // behind it. Batches an earlier run left there are written first. Returns how many still wait.
    Result<qsizetype> useJournal(const QString &path);

    static constexpr int kFirstRetryMs = 1000;
    static constexpr int kMaxRetryMs = 15'000;

Q_SIGNALS:
    void batchCommitted(const fleetscope::WriteSummary &summary);
    void batchFailed(const QString &source, const fleetscope::Error &error);
    void pruned(const fleetscope::PruneSummary &summary);
    // Journal events: a batch kept for later (WAITING batches now), a retry that failed (the next in
    // RETRY_MS), the journal written out (WRITTEN batches), and lines for the log (damaged records).
    void batchDeferred(const QString &source, const fleetscope::Error &error, qsizetype waiting);
    void retryFailed(const fleetscope::Error &error, int retryMs, qsizetype waiting);
    void journalWritten(qsizetype written);
    void journalNotice(const QString &line);

private:
    static bool isOutage(const Error &error) { return error.kind == ErrorClass::Unavailable; }
    Result<WriteSummary> defer(const WriteBatch &batch, const Error &error);
    void drainJournal();
    void scheduleRetry(const Error &error);

    StoreLocation m_location;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<BatchJournal> m_journal;
    QTimer *m_retry;   // a child: moves to the writer thread with this object
    int m_retryMs = kFirstRetryMs;
};

} // namespace fleetscope
