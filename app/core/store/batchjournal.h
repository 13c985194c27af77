// The outage journal: write batches the store could not take (its server gone) wait in an
// append-only local file, one checksummed record per batch, until they are written in order.
#pragma once

#include "domain.h"
#include "error.h"

#include <QFile>

namespace fleetscope {

// File layout (version 1): the header "FLEETJNL" + uint32 version, then one record per batch:
// uint8 state ('P' waiting, 'W' written), uint32 payload length, uint32 CRC-32 of the payload, the
// payload (the batch in QDataStream form). Integers big-endian. A record is marked 'W' in place
// once its batch is committed; when none waits any more the file is removed. Batches hold no
// secrets (connection settings never do), so neither does the journal.
class BatchJournal
{
public:
    static constexpr qint64 kDefaultMaxBytes = 1024LL * 1024 * 1024;

    explicit BatchJournal(QString path, qint64 maxBytes = kDefaultMaxBytes);

    const QString &path() const { return m_path; }
    qsizetype waiting() const { return m_waiting.size(); }

    // Reads what an earlier run left. A torn last record (a crash mid-append) or a damaged one is
    // cut off, and each such cut is returned as a line for the log; unreadable files are set aside.
    Result<QStringList> load();
    // Appends BATCH (durably: the file is synced) behind the waiting ones. Refused when the
    // journal has reached its size limit.
    Result<void> append(const WriteBatch &batch);
    // The oldest waiting batch, read back from the file.
    Result<WriteBatch> front();
    // Marks the oldest waiting batch written; removes the file when none waits.
    Result<void> popFront();

    // The batch as a record payload, and back (for tests of damaged files as well).
    static QByteArray encode(const WriteBatch &batch);
    static Result<WriteBatch> decode(const QByteArray &payload);

private:
    Result<void> openFile();
    Error fileError(const QString &what) const;

    QString m_path;
    qint64 m_maxBytes;
    QFile m_file;
    QList<qint64> m_waiting;   // offsets of the waiting records, oldest first
};

} // namespace fleetscope
