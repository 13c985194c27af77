// Builds zip archives in memory (simulated artifacts, and tests), including broken ones: lying sizes, wrong CRCs, odd names.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace fleetscope {

struct ZipWriterEntry {
    QString name;
    QByteArray content;
    bool deflate = true;
    bool corruptCrc = false;               // store a CRC-32 that does not match
    qint64 declaredSize = -1;              // uncompressed size claimed in the headers; -1: the real one
};

// A complete archive (local headers, data, central directory, end record) of ENTRIES, in order.
QByteArray buildZip(const QList<ZipWriterEntry> &entries);

} // namespace fleetscope
