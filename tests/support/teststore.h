// Test helpers for stores: file hashes (to prove "left untouched") and quick batch builders.
#pragma once

#include "domain.h"

#include <QCryptographicHash>
#include <QFile>

namespace fleetscope::test {

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

inline ConnectionRecord connection(const QString &name, const QString &kind = QStringLiteral("prometheus"))
{
    ConnectionRecord c;
    c.kind = kind;
    c.name = name;
    c.cadenceSeconds = 60;
    return c;
}

inline WriteBatch connectionBatch(const QString &name, const QString &kind = QStringLiteral("prometheus"))
{
    WriteBatch batch;
    batch.source = QStringLiteral("test ") + name;
    batch.connections << connection(name, kind);
    return batch;
}

// The run of RUNS that GitHub run ID became; nullptr when none did.
inline const WorkflowRun *findRun(const QList<WorkflowRun> &runs, qint64 id)
{
    for (const WorkflowRun &r : runs) {
        if (r.githubRunId == id)
            return &r;
    }
    return nullptr;
}

} // namespace fleetscope::test
