// StoreService: wiring of the writer thread and the reader pool.
#include "storeservice.h"

#include "storewriter.h"

#include <QPromise>

namespace fleetscope {

StoreService::StoreService(StoreLocation location, QObject *parent)
    : QObject(parent), m_location(std::move(location))
{
    qRegisterMetaType<WriteBatch>();
    qRegisterMetaType<WriteSummary>();
    qRegisterMetaType<PruneSummary>();
    qRegisterMetaType<Error>();
    m_writerThread.setObjectName(QStringLiteral("fleetscope-store-writer"));
    m_writer = new StoreWriter(m_location);
    m_writer->moveToThread(&m_writerThread);
    connect(&m_writerThread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &StoreWriter::batchCommitted, this, &StoreService::batchCommitted);
    connect(m_writer, &StoreWriter::batchFailed, this, &StoreService::batchFailed);
    connect(m_writer, &StoreWriter::pruned, this, &StoreService::pruned);
    connect(m_writer, &StoreWriter::batchDeferred, this, &StoreService::batchDeferred);
    connect(m_writer, &StoreWriter::retryFailed, this, &StoreService::retryFailed);
    connect(m_writer, &StoreWriter::journalWritten, this, &StoreService::journalWritten);
    connect(m_writer, &StoreWriter::journalNotice, this, &StoreService::journalNotice);
    m_writerThread.start();
    m_readers.setMaxThreadCount(2);
    m_readers.setExpiryTimeout(-1);   // reader threads and their connections live as long as the service
}

StoreService::~StoreService()
{
    flush();
    QMetaObject::invokeMethod(m_writer, [writer = m_writer] { writer->close(); }, Qt::BlockingQueuedConnection);
    m_writerThread.quit();
    m_writerThread.wait();
    m_readers.waitForDone();
    QMutexLocker lock(&m_readerMutex);
    m_readerStores.clear();
}

QFuture<Result<int>> StoreService::start()
{
    auto promise = std::make_shared<QPromise<Result<int>>>();
    QFuture<Result<int>> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(m_writer, [this, writer = m_writer, promise] {
        Result<int> opened = writer->open();
        if (opened)
            m_writable = writer->writable();
        promise->addResult(opened);
        promise->finish();
    }, Qt::QueuedConnection);
    return future;
}

Result<int> StoreService::startBlocking()
{
    QFuture<Result<int>> future = start();
    future.waitForFinished();
    return future.result();
}

void StoreService::submit(WriteBatch batch)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, batch = std::move(batch)] { writer->write(batch); }, Qt::QueuedConnection);
}

Result<WriteSummary> StoreService::writeBlocking(const WriteBatch &batch)
{
    Result<WriteSummary> result = fail(ErrorClass::Storage, QStringLiteral("the store writer is not running"));
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, &batch, &result] { result = writer->write(batch); }, Qt::BlockingQueuedConnection);
    return result;
}

QFuture<Result<WriteSummary>> StoreService::write(WriteBatch batch)
{
    auto promise = std::make_shared<QPromise<Result<WriteSummary>>>();
    promise->start();
    QFuture<Result<WriteSummary>> future = promise->future();
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, batch = std::move(batch), promise] {
        promise->addResult(writer->write(batch));
        promise->finish();
    }, Qt::QueuedConnection);
    return future;
}

void StoreService::pruneOlderThan(QDateTime cutoff, QDateTime jobsCutoff)
{
    if (!jobsCutoff.isValid())
        jobsCutoff = cutoff;
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, cutoff, jobsCutoff] { writer->prune(cutoff, jobsCutoff); }, Qt::QueuedConnection);
}

void StoreService::flush()
{
    if (QThread::currentThread() == &m_writerThread)
        return;
    QMetaObject::invokeMethod(m_writer, [] {}, Qt::BlockingQueuedConnection);
}

Result<qsizetype> StoreService::useJournalBlocking(const QString &path)
{
    Result<qsizetype> result = fail(ErrorClass::Storage, QStringLiteral("the store writer is not running"));
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, &path, &result] { result = writer->useJournal(path); }, Qt::BlockingQueuedConnection);
    return result;
}

Result<Store *> StoreService::readerStore()
{
    QMutexLocker lock(&m_readerMutex);
    std::unique_ptr<Store> &store = m_readerStores[QThread::currentThread()];
    if (!store) {
        Result<std::unique_ptr<Store>> opened = openStore(m_location, StoreAccess::ReadOnly);
        if (!opened)
            return std::unexpected(opened.error());
        store = std::move(*opened);
    }
    return store.get();
}

} // namespace fleetscope
