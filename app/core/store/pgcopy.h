// Binary COPY through libpq: libpqxx 6's stream_to speaks text, a line per call, and the server
// then parses every number; rows here go in PostgreSQL's binary COPY format, in large chunks.
#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <functional>
#include <optional>
#include <string>

namespace fleetscope {

class PgLink;

// Rows of bigint and double precision fields in the binary COPY format.
class PgBinaryRows
{
public:
    PgBinaryRows();
    void beginRow(int fields);
    void addInt(qint64 value);
    void addReal(std::optional<double> value);   // no value: NULL
    qint64 rows() const { return m_rows; }
    const QByteArray &data() const { return m_data; }   // without the trailer, which the COPY adds

private:
    QByteArray m_data;
    qint64 m_rows = 0;
};

// COPYs ROWS into TARGET ("table (column, …)") in the transaction open on LINK. Throws like
// libpqxx: pqxx::broken_connection when the connection is lost, pqxx::sql_error with the SQLSTATE.
// MEANWHILE runs once the rows are sent, while the server is still storing them.
void pgCopyBinary(PgLink &link, const std::string &target, const PgBinaryRows &rows,
                  const std::function<void()> &meanwhile = {});

} // namespace fleetscope
