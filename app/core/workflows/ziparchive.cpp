// Central-directory zip reading with zlib raw inflate; every size and offset is checked against the buffer.
#include "ziparchive.h"

#include <zlib.h>

#include <QRegularExpression>

#include <algorithm>

namespace fleetscope {
namespace {

constexpr quint32 kEndOfDirectory = 0x06054b50;
constexpr quint32 kZip64Locator = 0x07064b50;
constexpr quint32 kDirectoryEntry = 0x02014b50;
constexpr quint32 kLocalHeader = 0x04034b50;
constexpr qsizetype kEndSize = 22;
constexpr qsizetype kDirectoryEntrySize = 46;
constexpr qsizetype kLocalHeaderSize = 30;
constexpr quint32 kZip64Marker = 0xffffffff;

quint16 u16(QByteArrayView data, qsizetype at)
{
    return quint16(quint8(data[at])) | quint16(quint8(data[at + 1])) << 8;
}

quint32 u32(QByteArrayView data, qsizetype at)
{
    return quint32(u16(data, at)) | quint32(u16(data, at + 2)) << 16;
}

Error badZip(const QString &source, const QString &why)
{
    return Error::make(ErrorClass::BadData, QStringLiteral("%1: %2").arg(source, why));
}

// The end-of-central-directory record: searched backwards over the longest possible comment.
qsizetype findEndOfDirectory(QByteArrayView zip)
{
    const qsizetype lowest = qMax<qsizetype>(0, zip.size() - kEndSize - 0xffff);
    for (qsizetype at = zip.size() - kEndSize; at >= lowest; --at) {
        if (u32(zip, at) == kEndOfDirectory)
            return at;
    }
    return -1;
}

} // namespace

Result<QList<ZipEntry>> readZipDirectory(QByteArrayView zip, const QString &source, qsizetype maxEntries)
{
    const qsizetype end = zip.size() >= kEndSize ? findEndOfDirectory(zip) : -1;
    if (end < 0)
        return std::unexpected(badZip(source, QStringLiteral("not a zip archive, or truncated (no end of central directory)")));
    const quint16 entryCount = u16(zip, end + 10);
    const quint32 directorySize = u32(zip, end + 12);
    const quint32 directoryOffset = u32(zip, end + 16);
    if (entryCount == 0xffff || directorySize == kZip64Marker || directoryOffset == kZip64Marker
        || (end >= 20 && u32(zip, end - 20) == kZip64Locator))
        return std::unexpected(badZip(source, QStringLiteral("zip64 archives are not supported")));
    if (u16(zip, end + 4) != 0 || u16(zip, end + 6) != 0 || u16(zip, end + 8) != entryCount)
        return std::unexpected(badZip(source, QStringLiteral("multi-part zip archives are not supported")));
    if (entryCount > maxEntries)
        return std::unexpected(badZip(source, QStringLiteral("%1 entries, more than the %2 allowed").arg(entryCount).arg(maxEntries)));
    if (qint64(directoryOffset) + directorySize > end)
        return std::unexpected(badZip(source, QStringLiteral("truncated (central directory outside the archive)")));

    QList<ZipEntry> entries;
    entries.reserve(entryCount);
    qsizetype at = directoryOffset;
    const qsizetype directoryEnd = qsizetype(directoryOffset) + directorySize;
    for (int i = 0; i < entryCount; ++i) {
        if (at + kDirectoryEntrySize > directoryEnd || u32(zip, at) != kDirectoryEntry)
            return std::unexpected(badZip(source, QStringLiteral("corrupt central directory at entry %1").arg(i + 1)));
        ZipEntry entry;
        entry.flags = u16(zip, at + 8);
        entry.method = u16(zip, at + 10);
        entry.crc32 = u32(zip, at + 16);
        const quint32 compressed = u32(zip, at + 20);
        const quint32 uncompressed = u32(zip, at + 24);
        const quint16 nameLength = u16(zip, at + 28);
        const qsizetype variable = qsizetype(nameLength) + u16(zip, at + 30) + u16(zip, at + 32);
        const quint32 localOffset = u32(zip, at + 42);
        if (compressed == kZip64Marker || uncompressed == kZip64Marker || localOffset == kZip64Marker)
            return std::unexpected(badZip(source, QStringLiteral("zip64 archives are not supported")));
        if (at + kDirectoryEntrySize + variable > directoryEnd)
            return std::unexpected(badZip(source, QStringLiteral("corrupt central directory at entry %1").arg(i + 1)));
        const QByteArrayView name = zip.sliced(at + kDirectoryEntrySize, nameLength);
        // Bit 11: UTF-8 names; otherwise CP437, of which ASCII is the part that matters for paths.
        entry.name = (entry.flags & 0x0800) ? QString::fromUtf8(name) : QString::fromLatin1(name);
        entry.compressedSize = compressed;
        entry.uncompressedSize = uncompressed;
        entry.localHeaderOffset = localOffset;
        entries << entry;
        at += kDirectoryEntrySize + variable;
    }
    return entries;
}

QString unsafeZipPath(const QString &name)
{
    static const QRegularExpression driveLetter(QStringLiteral("^[A-Za-z]:"));
    if (name.isEmpty())
        return QStringLiteral("empty name");
    if (name.contains(QChar(0)))
        return QStringLiteral("NUL in the name");
    if (name.startsWith(QLatin1Char('/')) || name.startsWith(QLatin1Char('\\')))
        return QStringLiteral("absolute path");
    if (driveLetter.match(name).hasMatch())
        return QStringLiteral("drive letter");
    static const QRegularExpression separators(QStringLiteral("[/\\\\]"));
    if (name.split(separators).contains(QStringLiteral("..")))
        return QStringLiteral("parent folder '..' in the path");
    return {};
}

Result<QByteArray> readZipEntry(QByteArrayView zip, const ZipEntry &entry, qint64 maxBytes)
{
    const qint64 header = entry.localHeaderOffset;
    if (header + kLocalHeaderSize > zip.size() || u32(zip, header) != kLocalHeader)
        return fail(ErrorClass::BadData, QStringLiteral("truncated or corrupt (no local header)"));
    const qint64 dataStart = header + kLocalHeaderSize + u16(zip, header + 26) + u16(zip, header + 28);
    if (dataStart + entry.compressedSize > zip.size())
        return fail(ErrorClass::BadData, QStringLiteral("truncated (data runs past the end of the archive)"));
    const QByteArrayView data = zip.sliced(dataStart, entry.compressedSize);

    QByteArray out;
    if (entry.method == 0) {
        if (data.size() > maxBytes)
            return fail(ErrorClass::BadData, QStringLiteral("over the %1 limit").arg(byteSize(maxBytes)));
        out = data.toByteArray();
    } else if (entry.method == 8) {
        z_stream stream{};
        if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
            return fail(ErrorClass::BadData, QStringLiteral("zlib could not start inflating"));
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
        stream.avail_in = uInt(data.size());
        // Grown in chunks and never past MAXBYTES + 1: the header's size is not believed.
        constexpr qint64 kChunk = 64 * 1024;
        int status = Z_OK;
        while (status == Z_OK) {
            const qint64 room = qMin(kChunk, maxBytes + 1 - out.size());
            if (room <= 0)
                break;
            const qsizetype before = out.size();
            out.resize(before + room);
            stream.next_out = reinterpret_cast<Bytef *>(out.data() + before);
            stream.avail_out = uInt(room);
            status = inflate(&stream, Z_NO_FLUSH);
            out.resize(before + room - stream.avail_out);
            if (status == Z_BUF_ERROR && stream.avail_in == 0)
                break;
            if (status == Z_BUF_ERROR)
                status = Z_OK;   // no progress possible only because the output chunk was full
        }
        inflateEnd(&stream);
        if (out.size() > maxBytes)
            return fail(ErrorClass::BadData, QStringLiteral("inflates to more than the %1 limit").arg(byteSize(maxBytes)));
        if (status != Z_STREAM_END)
            return fail(ErrorClass::BadData, QStringLiteral("corrupt or truncated deflate data"));
    } else {
        return fail(ErrorClass::BadData, QStringLiteral("compression method %1 is not supported (stored and deflate are)").arg(entry.method));
    }
    if (out.size() != entry.uncompressedSize)
        return fail(ErrorClass::BadData, QStringLiteral("size %1 differs from the %2 its header declares").arg(out.size()).arg(entry.uncompressedSize));
    const quint32 crc = quint32(crc32_z(crc32_z(0, nullptr, 0), reinterpret_cast<const Bytef *>(out.constData()), size_t(out.size())));
    if (crc != entry.crc32)
        return fail(ErrorClass::BadData, QStringLiteral("CRC-32 mismatch (corrupt data)"));
    return out;
}

Result<CollectedFiles> collectZipFiles(QByteArrayView zip, const QString &source, const QString &prefix,
                                       const QStringList &patterns, const ZipLimits &limits)
{
    Result<QList<ZipEntry>> entries = readZipDirectory(zip, source, limits.maxEntries);
    if (!entries)
        return std::unexpected(entries.error());
    std::sort(entries->begin(), entries->end(), [](const ZipEntry &a, const ZipEntry &b) { return a.name < b.name; });

    CollectedFiles collected;
    qint64 total = 0;
    for (const ZipEntry &entry : std::as_const(*entries)) {
        if (entry.name.endsWith(QLatin1Char('/')))
            continue;   // a folder
        const QString path = prefix + entry.name;
        if (!matchesFilePatterns(entry.name, patterns) && !matchesFilePatterns(path, patterns))
            continue;
        const auto skip = [&](const QString &reason) { collected.skipped << SkippedFile{path, reason}; };
        if (const QString unsafe = unsafeZipPath(entry.name); !unsafe.isEmpty()) {
            skip(QStringLiteral("rejected: %1").arg(unsafe));
            continue;
        }
        if (entry.flags & 0x0001) {
            skip(QStringLiteral("encrypted entries are not read"));
            continue;
        }
        if (entry.uncompressedSize > limits.maxFileBytes) {
            skip(QStringLiteral("%1, over the %2 limit").arg(byteSize(entry.uncompressedSize), byteSize(limits.maxFileBytes)));
            continue;
        }
        const qint64 room = limits.maxTotalBytes - total;
        if (room <= 0 || entry.uncompressedSize > room) {
            skip(QStringLiteral("not read: the archive's %1 total limit was reached").arg(byteSize(limits.maxTotalBytes)));
            continue;
        }
        Result<QByteArray> content = readZipEntry(zip, entry, qMin(limits.maxFileBytes, room));
        if (!content) {
            skip(content.error().message);
            continue;
        }
        total += content->size();
        collected.files << ResultFile{path, std::move(*content)};
    }
    return collected;
}

} // namespace fleetscope
