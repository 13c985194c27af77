#include "walcheckpointer.h"

#include "logging.h"

#include <sqlite3.h>

namespace fleetscope {

Result<std::unique_ptr<WalCheckpointer>> WalCheckpointer::start(const QString &path, sqlite3 *writer)
{
    sqlite3 *connection = nullptr;
    const int opened = sqlite3_open_v2(path.toUtf8().constData(), &connection, SQLITE_OPEN_READWRITE, nullptr);
    if (opened != SQLITE_OK) {
        const QString reason = QString::fromUtf8(connection ? sqlite3_errmsg(connection) : sqlite3_errstr(opened));
        sqlite3_close(connection);
        return fail(ErrorClass::Storage, QStringLiteral("%1: cannot open a connection for checkpoints: %2").arg(path, reason));
    }
    // A checkpoint syncs as the writer's would (WAL mode, synchronous=NORMAL).
    sqlite3_exec(connection, "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
    std::unique_ptr<WalCheckpointer> checkpointer(new WalCheckpointer(path, writer, connection));
    checkpointer->m_thread.reset(QThread::create([self = checkpointer.get()] { self->run(); }));
    checkpointer->m_thread->setObjectName(QStringLiteral("fleetscope-wal"));
    checkpointer->m_thread->start();
    sqlite3_wal_hook(writer, &WalCheckpointer::committed, checkpointer.get());   // replaces the automatic checkpoint
    return checkpointer;
}

WalCheckpointer::WalCheckpointer(QString path, sqlite3 *writer, sqlite3 *connection)
    : m_path(std::move(path)), m_writer(writer), m_connection(connection)
{
}

WalCheckpointer::~WalCheckpointer()
{
    sqlite3_wal_autocheckpoint(m_writer, kFrames);   // the writer's own hook again
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
    sqlite3_close(m_connection);
}

int WalCheckpointer::checkpoints() const
{
    QMutexLocker lock(&m_mutex);
    return m_checkpoints;
}

// On the writer's thread, after each commit: only a request, so the commit returns at once.
int WalCheckpointer::committed(void *self, sqlite3 *, const char *, int frames)
{
    if (frames >= kFrames) {
        auto *checkpointer = static_cast<WalCheckpointer *>(self);
        QMutexLocker lock(&checkpointer->m_mutex);
        checkpointer->m_requested = true;
        checkpointer->m_wake.wakeOne();
    }
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        while (!m_requested && !m_stopping)
            m_wake.wait(&m_mutex);
        if (m_stopping)
            return;
        m_requested = false;   // commits while this one runs ask again
        lock.unlock();
        int logFrames = 0;
        int copied = 0;
        const int result = sqlite3_wal_checkpoint_v2(m_connection, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copied);
        // BUSY: another checkpoint runs (one from another process); the next commit asks again.
        if (result != SQLITE_OK && result != SQLITE_BUSY)
            qCWarning(lcStore).noquote() << QStringLiteral("%1: checkpoint failed: %2").arg(m_path, QString::fromUtf8(sqlite3_errmsg(m_connection)));
        lock.relock();
        m_checkpoints += result == SQLITE_OK ? 1 : 0;
    }
}

} // namespace fleetscope
