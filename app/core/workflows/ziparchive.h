// Reading result files out of an artifact zip held in memory, with the guards an untrusted archive
// needs: unsafe paths, entry-count and size caps (zip bombs), CRC-32 checks, truncation.
#pragma once

#include "resultfiles.h"

#include <QByteArrayView>

namespace fleetscope {

struct ZipLimits {
    qsizetype maxEntries = 10'000;                   // more in the central directory: the archive is refused
    qint64 maxTotalBytes = 512LL * 1024 * 1024;      // inflated over all entries read; the rest are skipped
    qint64 maxFileBytes = kDefaultMaxFileBytes;      // per entry; larger entries are skipped with a reason
};

// One entry of the central directory.
struct ZipEntry {
    QString name;                 // as stored, '/'-separated
    quint16 flags = 0;
    quint16 method = 0;           // 0 stored, 8 deflate
    quint32 crc32 = 0;
    qint64 compressedSize = 0;
    qint64 uncompressedSize = 0;  // as the header claims; never trusted when inflating
    qint64 localHeaderOffset = 0;
};

// The central directory of ZIP. Bad data errors (one line, naming SOURCE) for something that is not
// a zip, a truncated one, zip64 archives and archives with more than MAXENTRIES entries.
Result<QList<ZipEntry>> readZipDirectory(QByteArrayView zip, const QString &source, qsizetype maxEntries);

// Why NAME must not be used as a path ("absolute path", "parent folder '..'", ...); empty when safe.
QString unsafeZipPath(const QString &name);

// ENTRY's content, inflated to at most MAXBYTES (inflating stops there: a bomb is never expanded) and
// checked against its CRC-32. Errors are BadData with a one-line reason (no source prefix).
Result<QByteArray> readZipEntry(QByteArrayView zip, const ZipEntry &entry, qint64 maxBytes);

// The entries of ZIP matching PATTERNS (see matchesFilePatterns), read into memory and named
// PREFIX + entry name. Unsafe, oversized, encrypted, corrupt or unsupported entries that match are
// skipped with a reason; entries that do not match are never inflated. An archive that cannot be
// read at all is an error naming SOURCE.
Result<CollectedFiles> collectZipFiles(QByteArrayView zip, const QString &source, const QString &prefix,
                                       const QStringList &patterns, const ZipLimits &limits);

} // namespace fleetscope
