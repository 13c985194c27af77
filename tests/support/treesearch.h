// For the secret-leak tests: whether any file below a folder contains some bytes.
#pragma once

#include <QDirIterator>
#include <QFile>

namespace fleetscope::test {

inline bool treeContains(const QString &dir, const QByteArray &needle)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

} // namespace fleetscope::test
