// The zip writer: zlib raw deflate, little-endian headers written by hand.
#include "zipwriter.h"

#include <zlib.h>

namespace fleetscope {
namespace {

void put16(QByteArray &out, quint32 value)
{
    out.append(char(value & 0xff)).append(char((value >> 8) & 0xff));
}

void put32(QByteArray &out, quint32 value)
{
    put16(out, value & 0xffff);
    put16(out, value >> 16);
}

QByteArray rawDeflate(const QByteArray &data)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

} // namespace

QByteArray buildZip(const QList<ZipWriterEntry> &entries)
{
    QByteArray zip;
    QByteArray directory;
    for (const ZipWriterEntry &entry : entries) {
        const QByteArray name = entry.name.toUtf8();
        const QByteArray data = entry.deflate ? rawDeflate(entry.content) : entry.content;
        quint32 crc = quint32(crc32(0, reinterpret_cast<const Bytef *>(entry.content.constData()), uInt(entry.content.size())));
        if (entry.corruptCrc)
            crc ^= 0x5a5a5a5a;
        const quint32 size = quint32(entry.declaredSize >= 0 ? entry.declaredSize : entry.content.size());
        const quint32 offset = quint32(zip.size());
        const quint16 method = entry.deflate ? 8 : 0;

        put32(zip, 0x04034b50);
        put16(zip, 20);
        put16(zip, 0x0800);   // UTF-8 names
        put16(zip, method);
        put32(zip, 0);        // DOS time and date
        put32(zip, crc);
        put32(zip, quint32(data.size()));
        put32(zip, size);
        put16(zip, quint32(name.size()));
        put16(zip, 0);
        zip += name;
        zip += data;

        put32(directory, 0x02014b50);
        put16(directory, 20);
        put16(directory, 20);
        put16(directory, 0x0800);
        put16(directory, method);
        put32(directory, 0);
        put32(directory, crc);
        put32(directory, quint32(data.size()));
        put32(directory, size);
        put16(directory, quint32(name.size()));
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put32(directory, 0);
        put32(directory, offset);
        directory += name;
    }
    const quint32 directoryOffset = quint32(zip.size());
    zip += directory;
    put32(zip, 0x06054b50);
    put16(zip, 0);
    put16(zip, 0);
    put16(zip, quint32(entries.size()));
    put16(zip, quint32(entries.size()));
    put32(zip, quint32(directory.size()));
    put32(zip, directoryOffset);
    put16(zip, 0);
    return zip;
}

} // namespace fleetscope
