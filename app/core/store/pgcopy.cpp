// Binary COPY: the format is PostgreSQL's (a signature, big-endian fields, -1 for NULL and the end).
#include "pgcopy.h"

#include "pgsupport.h"

#include <QtEndian>

#include <libpq-fe.h>

#include <cstring>
#include <memory>

namespace fleetscope {
namespace {

template<typename T>
void appendBigEndian(QByteArray &data, T value)
{
    char bytes[sizeof(T)];
    qToBigEndian(value, bytes);
    data.append(bytes, sizeof(T));
}

using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

[[noreturn]] void throwFailure(PGconn *conn, const PGresult *result, const std::string &query)
{
    const std::string message = PQerrorMessage(conn);
    if (PQstatus(conn) != CONNECTION_OK)
        throw pqxx::broken_connection(message);
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    throw pqxx::sql_error(message, query, state);
}

} // namespace

PgBinaryRows::PgBinaryRows()
{
    static const char kSignature[] = "PGCOPY\n\377\r\n";   // 11 bytes with its NUL
    m_data.append(kSignature, 11);
    appendBigEndian<qint32>(m_data, 0);   // flags
    appendBigEndian<qint32>(m_data, 0);   // header extension length
}

void PgBinaryRows::beginRow(int fields)
{
    appendBigEndian<qint16>(m_data, qint16(fields));
    ++m_rows;
}

void PgBinaryRows::addInt(qint64 value)
{
    appendBigEndian<qint32>(m_data, 8);
    appendBigEndian<qint64>(m_data, value);
}

void PgBinaryRows::addReal(std::optional<double> value)
{
    if (!value) {
        appendBigEndian<qint32>(m_data, -1);
        return;
    }
    quint64 bits;
    std::memcpy(&bits, &*value, sizeof bits);
    appendBigEndian<qint32>(m_data, 8);
    appendBigEndian<quint64>(m_data, bits);
}

void pgCopyBinary(PgLink &link, const std::string &target, const PgBinaryRows &rows, const std::function<void()> &meanwhile)
{
    if (rows.rows() == 0) {
        if (meanwhile)
            meanwhile();
        return;
    }
    PGconn *conn = link.raw();
    if (!conn || PQstatus(conn) != CONNECTION_OK)
        throw pqxx::broken_connection("the connection to the server was lost");
    const std::string query = "COPY " + target + " FROM STDIN (FORMAT binary)";
    {
        const PgResult started(PQexec(conn, query.c_str()), &PQclear);
        if (PQresultStatus(started.get()) != PGRES_COPY_IN)
            throwFailure(conn, started.get(), query);
    }
    const QByteArray &data = rows.data();
    constexpr qsizetype kChunk = 1 << 20;
    bool sent = true;
    for (qsizetype at = 0; sent && at < data.size(); at += kChunk)
        sent = PQputCopyData(conn, data.constData() + at, int(std::min(kChunk, data.size() - at))) == 1;
    static const char kTrailer[] = {'\xff', '\xff'};   // -1 fields: the end
    sent = sent && PQputCopyData(conn, kTrailer, 2) == 1;
    if (sent && meanwhile)
        meanwhile();
    if (PQputCopyEnd(conn, sent ? nullptr : "fleetscope: sending the rows failed") != 1)
        throwFailure(conn, nullptr, query);
    // The COPY's own result, then none; an error in it is the COPY's.
    PgResult failure(nullptr, &PQclear);
    while (PGresult *result = PQgetResult(conn)) {
        PgResult owned(result, &PQclear);
        if (PQresultStatus(result) != PGRES_COMMAND_OK && !failure)
            failure = std::move(owned);
    }
    if (failure || !sent)
        throwFailure(conn, failure.get(), query);
}

} // namespace fleetscope
