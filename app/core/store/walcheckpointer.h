// A SQLite store's write-ahead log checkpointed on a thread of its own. SQLite's automatic
// checkpoint runs inside the commit that crosses its threshold, so the writer waited for the copy
// into the database and its two fsyncs (about a sixth of a large workflow import's store time).
// Here that commit only asks; a second connection checkpoints while the writer goes on. Durability
// is SQLite's own: a PASSIVE checkpoint copies committed frames only and syncs as the automatic one.
#pragma once

#include "error.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <memory>

struct sqlite3;

namespace fleetscope {

class WalCheckpointer
{
public:
    // From now on a commit on WRITER that leaves kFrames frames or more in the log wakes the
    // thread, which checkpoints the store at PATH through a connection of its own.
    static Result<std::unique_ptr<WalCheckpointer>> start(const QString &path, sqlite3 *writer);
    // Stops the thread and closes its connection; WRITER checkpoints by itself again.
    ~WalCheckpointer();

    static constexpr int kFrames = 1000;   // SQLite's own threshold

    // Checkpoints done so far (tests).
    int checkpoints() const;

private:
    WalCheckpointer(QString path, sqlite3 *writer, sqlite3 *connection);
    static int committed(void *self, sqlite3 *writer, const char *database, int frames);
    void run();

    const QString m_path;
    sqlite3 *const m_writer;
    sqlite3 *const m_connection;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_requested = false;
    bool m_stopping = false;
    int m_checkpoints = 0;
    std::unique_ptr<QThread> m_thread;
};

} // namespace fleetscope
