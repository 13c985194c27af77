// BatchJournal: the record file (the batch's binary form is in batchcodec.cpp).
#include "batchjournal.h"

#include <QFileInfo>
#include <QtEndian>

#include <array>

#include <unistd.h>

namespace fleetscope {
namespace {

constexpr char kMagic[8] = {'F', 'L', 'E', 'E', 'T', 'J', 'N', 'L'};
constexpr quint32 kVersion = 3;   // 2: guardrail daily cap, workflow cost link, confirmed schemas; 3: ARC cluster link
constexpr qint64 kHeaderBytes = 12;   // magic + version
constexpr qint64 kRecordHeaderBytes = 9;   // state + length + CRC
constexpr char kWaiting = 'P';
constexpr char kWritten = 'W';

// CRC-32 (IEEE 802.3, as zlib and PNG compute it).
quint32 crc32(const QByteArray &data)
{
    static constexpr std::array<quint32, 256> kTable = [] {
        std::array<quint32, 256> table{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data)
        crc = kTable[(crc ^ quint8(byte)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

QByteArray recordHeader(char state, const QByteArray &payload)
{
    QByteArray header(kRecordHeaderBytes, '\0');
    header[0] = state;
    qToBigEndian(quint32(payload.size()), header.data() + 1);
    qToBigEndian(crc32(payload), header.data() + 5);
    return header;
}

} // namespace

BatchJournal::BatchJournal(QString path, qint64 maxBytes) : m_path(std::move(path)), m_maxBytes(maxBytes) {}

Error BatchJournal::fileError(const QString &what) const
{
    return Error::make(ErrorClass::Storage, QStringLiteral("%1: %2: %3").arg(m_path, what, m_file.errorString()));
}

Result<void> BatchJournal::openFile()
{
    if (m_file.isOpen())
        return {};
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::ReadWrite))
        return std::unexpected(fileError(QStringLiteral("cannot open the journal")));
    if (m_file.size() == 0) {
        QByteArray header(kMagic, sizeof kMagic);
        header.resize(kHeaderBytes);
        qToBigEndian(kVersion, header.data() + sizeof kMagic);
        if (m_file.write(header) != kHeaderBytes)
            return std::unexpected(fileError(QStringLiteral("cannot write the journal")));
    }
    return {};
}

Result<QStringList> BatchJournal::load()
{
    m_waiting.clear();
    QStringList notices;
    if (!QFileInfo::exists(m_path))
        return notices;
    if (Result<void> opened = openFile(); !opened)
        return std::unexpected(opened.error());
    const QByteArray header = m_file.read(kHeaderBytes);
    if (header.size() < kHeaderBytes || !header.startsWith(QByteArray(kMagic, sizeof kMagic))
        || qFromBigEndian<quint32>(header.constData() + sizeof kMagic) != kVersion) {
        // Not ours, or a version this build cannot read: kept for a person to look at, never replayed.
        m_file.close();
        const QString aside = m_path + QStringLiteral(".unreadable");
        QFile::remove(aside);
        if (!QFile::rename(m_path, aside))
            return fail(ErrorClass::Storage, QStringLiteral("%1: not a journal this version can read, and it cannot be set aside").arg(m_path));
        notices << QStringLiteral("%1: not a journal this version can read; set aside as %2").arg(m_path, aside);
        return notices;
    }
    const qint64 size = m_file.size();
    qint64 offset = kHeaderBytes;
    while (offset < size) {
        m_file.seek(offset);
        const QByteArray head = m_file.read(kRecordHeaderBytes);
        const quint32 length = head.size() == kRecordHeaderBytes ? qFromBigEndian<quint32>(head.constData() + 1) : 0;
        const bool whole = head.size() == kRecordHeaderBytes && (head[0] == kWaiting || head[0] == kWritten)
                        && offset + kRecordHeaderBytes + qint64(length) <= size;
        if (!whole || crc32(m_file.read(length)) != qFromBigEndian<quint32>(head.constData() + 5)) {
            notices << QStringLiteral("%1: torn or damaged record at byte %2 (%3 bytes) skipped")
                           .arg(m_path).arg(offset).arg(size - offset);
            if (!m_file.resize(offset))
                return std::unexpected(fileError(QStringLiteral("cannot cut off the damaged record")));
            break;
        }
        if (head[0] == kWaiting)
            m_waiting << offset;
        offset += kRecordHeaderBytes + length;
    }
    if (m_waiting.isEmpty()) {
        m_file.close();
        QFile::remove(m_path);
    }
    return notices;
}

Result<void> BatchJournal::append(const WriteBatch &batch)
{
    if (Result<void> opened = openFile(); !opened)
        return opened;
    const QByteArray payload = encode(batch);
    const qint64 end = m_file.size();
    if (end + kRecordHeaderBytes + payload.size() > m_maxBytes)
        return fail(ErrorClass::Storage, QStringLiteral("%1: the journal is full (%2 MiB); batch not kept").arg(m_path).arg(m_maxBytes >> 20));
    m_file.seek(end);
    if (m_file.write(recordHeader(kWaiting, payload) + payload) != kRecordHeaderBytes + payload.size() || !m_file.flush()) {
        m_file.resize(end);
        return std::unexpected(fileError(QStringLiteral("cannot append to the journal")));
    }
    ::fdatasync(m_file.handle());   // kept across a crash or power loss, not just a killed process
    m_waiting << end;
    return {};
}

Result<WriteBatch> BatchJournal::front()
{
    if (m_waiting.isEmpty())
        return fail(ErrorClass::Storage, QStringLiteral("%1: no batch waits").arg(m_path));
    if (Result<void> opened = openFile(); !opened)
        return std::unexpected(opened.error());
    m_file.seek(m_waiting.first());
    const QByteArray head = m_file.read(kRecordHeaderBytes);
    const QByteArray payload = head.size() == kRecordHeaderBytes ? m_file.read(qFromBigEndian<quint32>(head.constData() + 1)) : QByteArray();
    if (head.size() != kRecordHeaderBytes || crc32(payload) != qFromBigEndian<quint32>(head.constData() + 5))
        return fail(ErrorClass::BadData, QStringLiteral("%1: the record at byte %2 no longer reads back").arg(m_path).arg(m_waiting.first()));
    Result<WriteBatch> batch = decode(payload);
    if (!batch)
        return fail(ErrorClass::BadData, QStringLiteral("%1: byte %2: %3").arg(m_path).arg(m_waiting.first()).arg(batch.error().message));
    return batch;
}

Result<void> BatchJournal::popFront()
{
    if (m_waiting.isEmpty())
        return {};
    // Off the list whatever happens below, so a file that cannot be marked never stalls the writer
    // (a later run would then write that batch once more).
    const qint64 offset = m_waiting.takeFirst();
    if (Result<void> opened = openFile(); !opened)
        return opened;
    // Marked before the removal: should that fail, a later run still knows the batch is written.
    m_file.seek(offset);
    if (m_file.write(&kWritten, 1) != 1 || !m_file.flush())
        return std::unexpected(fileError(QStringLiteral("cannot mark a record written")));
    ::fdatasync(m_file.handle());
    if (m_waiting.isEmpty()) {
        m_file.close();
        if (!QFile::remove(m_path))
            return fail(ErrorClass::Storage, QStringLiteral("%1: cannot remove the emptied journal").arg(m_path));
    }
    return {};
}

} // namespace fleetscope
