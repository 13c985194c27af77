// The store as the rest of the app sees it: one writer thread that owns the write connection,
// and a reader pool with one read connection per thread. Nothing here blocks the caller.
#pragma once

#include "store.h"

#include <QFuture>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <unordered_map>

namespace fleetscope {

class StoreWriter;

class StoreService : public QObject
{
    Q_OBJECT
public:
    explicit StoreService(StoreLocation location, QObject *parent = nullptr);
    ~StoreService() override;

    const StoreLocation &location() const { return m_location; }

    // Opens and migrates the store on the writer thread. Must succeed before reads and writes.
    QFuture<Result<int>> start();   // value: schema version
    // start() and wait: for the CLI and tests, never for the GUI thread.
    Result<int> startBlocking();
    // Whether writes can succeed, as the store said when it opened (false: a PostgreSQL role that can
    // only read). The GUI explains its write actions instead of offering them, and does not collect.
    bool writable() const { return m_writable.load(); }

    // Queues a batch for the writer; batchCommitted or batchFailed follows.
    void submit(WriteBatch batch);
    // Writes after everything queued so far and waits for the outcome (CLI, tests; never the GUI thread).
    Result<WriteSummary> writeBlocking(const WriteBatch &batch);
    // Writes after everything queued so far; the future has the outcome (it is cancelled, without a
    // result, when the writer stops first). For callers that prepare the next batch meanwhile.
    QFuture<Result<WriteSummary>> write(WriteBatch batch);
    // Deletes rows older than CUTOFF; jobs older than JOBS_CUTOFF (invalid: CUTOFF as well).
    void pruneOlderThan(QDateTime cutoff, QDateTime jobsCutoff = {});

    // Runs FN(Store &) on a reader thread with that thread's own read-only connection.
    template<typename T>
    QFuture<Result<T>> read(std::function<Result<T>(Store &)> fn)
    {
        return QtConcurrent::run(&m_readers, [this, fn = std::move(fn)]() -> Result<T> {
            Result<Store *> store = readerStore();
            if (!store)
                return std::unexpected(store.error());
            return fn(**store);
        });
    }

    // Blocks until every batch submitted so far is committed (CLI, tests, shutdown).
    void flush();

    // Keeps batches through an outage of the store in the journal at PATH (StoreWriter::useJournal),
    // writing what an earlier run left there first; blocks for that. Returns how many still wait.
    Result<qsizetype> useJournalBlocking(const QString &path);

Q_SIGNALS:
    void batchCommitted(const fleetscope::WriteSummary &summary);
    void batchFailed(const QString &source, const fleetscope::Error &error);
    void pruned(const fleetscope::PruneSummary &summary);
    void batchDeferred(const QString &source, const fleetscope::Error &error, qsizetype waiting);
    void retryFailed(const fleetscope::Error &error, int retryMs, qsizetype waiting);
    void journalWritten(qsizetype written);
    void journalNotice(const QString &line);

private:
    Result<Store *> readerStore();

    StoreLocation m_location;
    std::atomic<bool> m_writable{true};
    QThread m_writerThread;
    StoreWriter *m_writer = nullptr;   // lives on m_writerThread
    QThreadPool m_readers;
    QMutex m_readerMutex;
    // One read connection per reader thread; closed by the service, not at thread exit,
    // because the pool's threads may outlive it.
    std::unordered_map<QThread *, std::unique_ptr<Store>> m_readerStores;
};

} // namespace fleetscope
